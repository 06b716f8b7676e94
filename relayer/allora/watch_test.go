package allora

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeWebsocketMessage(t *testing.T) {
	m, err := decodeWebsocketMessage([]byte(`{"jsonrpc":"2.0","id":1,"result":{}}`))
	if err != nil || !m.confirmed || len(m.windows) != 0 || m.id != 1 || m.height != 0 {
		t.Errorf("subscription confirmed: %+v, %v", m, err)
	}
	// The node cancels a subscription whose client is slow.
	m, err = decodeWebsocketMessage([]byte(`{"jsonrpc":"2.0","id":2,"error":{"code":-32603,"message":"Internal error",` +
		`"data":"subscription was cancelled (reason: client is not pulling messages fast enough)"}}`))
	if !errors.Is(err, ErrUnexpectedResponse) || !strings.Contains(err.Error(), "not pulling messages fast enough") || m.id != 2 {
		t.Errorf("cancelled subscription: %v (id %d)", err, m.id)
	}
	// Other events in the block are skipped; the reputer window's close (a revision,
	// its loss height the reputer nonce) and the worker window's close are read.
	m, err = decodeWebsocketMessage([]byte(`{"jsonrpc":"2.0","id":1,"result":{"query":"q","data":{"type":"tendermint/event/NewBlockEvents",` +
		`"value":{"height":"68","events":[{"type":"emissions.v4.EventReputerLastCommitSet","attributes":[{"key":"block_height","value":"\"68\""},` +
		`{"key":"nonce","value":"{\"block_height\":\"28\"}"},{"key":"topic_id","value":"\"1\""}]},` +
		`{"type":"emissions.v4.EventWorkerLastCommitSet","attributes":[{"key":"block_height","value":"\"68\""},` +
		`{"key":"nonce","value":"{\"block_height\":\"66\"}"},{"key":"topic_id","value":"\"1\""},{"key":"mode","value":"EndBlock"}]}]}}}}`))
	windows := m.windows
	if err != nil || m.height != 68 || len(windows) != 2 || windows[0] != (WorkerWindowClosed{TopicID: 1, BlockHeight: 68, LossBlockHeight: 28}) ||
		windows[1] != (WorkerWindowClosed{TopicID: 1, BlockHeight: 68, InferenceBlockHeight: 66}) {
		t.Errorf("block events: %+v, %v", windows, err)
	}
}
