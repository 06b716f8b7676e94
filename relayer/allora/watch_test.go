package allora

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeWebsocketMessage(t *testing.T) {
	windows, _, confirmed, err := decodeWebsocketMessage([]byte(`{"jsonrpc":"2.0","id":1,"result":{}}`))
	if err != nil || !confirmed || len(windows) != 0 {
		t.Errorf("subscription confirmed: %v, %v, %v", windows, confirmed, err)
	}
	// The node cancels a subscription whose client is slow.
	_, _, _, err = decodeWebsocketMessage([]byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"Internal error",` +
		`"data":"subscription was cancelled (reason: client is not pulling messages fast enough)"}}`))
	if !errors.Is(err, ErrUnexpectedResponse) || !strings.Contains(err.Error(), "not pulling messages fast enough") {
		t.Errorf("cancelled subscription: %v", err)
	}
	// Other events in the block are skipped; the reputer window's close (a revision,
	// its loss height the reputer nonce) and the worker window's close are read.
	windows, _, _, err = decodeWebsocketMessage([]byte(`{"jsonrpc":"2.0","id":1,"result":{"query":"q","data":{"type":"tendermint/event/NewBlockEvents",` +
		`"value":{"height":"68","events":[{"type":"emissions.v4.EventReputerLastCommitSet","attributes":[{"key":"block_height","value":"\"68\""},` +
		`{"key":"nonce","value":"{\"block_height\":\"28\"}"},{"key":"topic_id","value":"\"1\""}]},` +
		`{"type":"emissions.v4.EventWorkerLastCommitSet","attributes":[{"key":"block_height","value":"\"68\""},` +
		`{"key":"nonce","value":"{\"block_height\":\"66\"}"},{"key":"topic_id","value":"\"1\""},{"key":"mode","value":"EndBlock"}]}]}}}}`))
	if err != nil || len(windows) != 2 || windows[0] != (WorkerWindowClosed{TopicID: 1, BlockHeight: 68, LossBlockHeight: 28}) ||
		windows[1] != (WorkerWindowClosed{TopicID: 1, BlockHeight: 68, InferenceBlockHeight: 66}) {
		t.Errorf("block events: %+v, %v", windows, err)
	}
}
