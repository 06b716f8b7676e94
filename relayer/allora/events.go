package allora

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// EventTypeWorkerLastCommitSet is the block event an Allora chain v0.6 (emissions v4
// events) emits in the EndBlocker that closes a topic's worker submission window, the
// moment its new network inference exists. The event does not carry the value: watch
// for it, then query the inference.
const EventTypeWorkerLastCommitSet = "emissions.v4.EventWorkerLastCommitSet"

// Event is an ABCI event as CometBFT's JSON-RPC carries it, in block_results and in
// NewBlockEvents websocket messages (attribute values in plain text, CometBFT v0.38).
type Event struct {
	Type       string           `json:"type"`
	Attributes []EventAttribute `json:"attributes"`
}

// EventAttribute is one key/value of an Event. Typed events from cosmos-sdk carry each
// value JSON-encoded: a uint64 as "\"1\"", a message as "{\"block_height\":\"28\"}".
type EventAttribute struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Index bool   `json:"index"`
}

// WorkerWindowClosed is what an EventWorkerLastCommitSet says: the topic (attribute
// topic_id), the block that closed the window (attribute block_height) and the
// window's worker nonce (attribute nonce.block_height), which is the
// inference_block_height of the new network inference.
type WorkerWindowClosed = oracle.WindowClosed

// ParseWorkerWindowClosed reads an EventWorkerLastCommitSet.
func ParseWorkerWindowClosed(ev Event) (WorkerWindowClosed, error) {
	if ev.Type != EventTypeWorkerLastCommitSet {
		return WorkerWindowClosed{}, fmt.Errorf("%w: event type %q, want %q",
			ErrUnexpectedResponse, ev.Type, EventTypeWorkerLastCommitSet)
	}
	return parseLastCommitSet(ev)
}

// parseLastCommitSet reads the attributes EventWorkerLastCommitSet and
// EventReputerLastCommitSet share: topic_id, block_height and nonce.
func parseLastCommitSet(ev Event) (WorkerWindowClosed, error) {
	var topic, height, nonceHeight jsonUint64
	seen := map[string]bool{}
	for _, a := range ev.Attributes {
		var err error
		switch a.Key {
		case "topic_id":
			err = json.Unmarshal([]byte(a.Value), &topic)
		case "block_height":
			err = json.Unmarshal([]byte(a.Value), &height)
		case "nonce":
			nonceHeight, err = parseNonceAttribute(a.Value)
		default:
			continue
		}
		if err != nil {
			return WorkerWindowClosed{}, fmt.Errorf("%w: event %s attribute %s: %v", ErrUnexpectedResponse, ev.Type, a.Key, err)
		}
		seen[a.Key] = true
	}
	if !seen["topic_id"] || !seen["block_height"] || !seen["nonce"] {
		return WorkerWindowClosed{}, fmt.Errorf("%w: event %s lacks topic_id, block_height or nonce", ErrUnexpectedResponse, ev.Type)
	}
	if topic == 0 || height == 0 || nonceHeight == 0 {
		return WorkerWindowClosed{}, fmt.Errorf("%w: event %s has a zero topic_id, block_height or nonce", ErrUnexpectedResponse, ev.Type)
	}
	return WorkerWindowClosed{
		TopicID:              uint64(topic),
		BlockHeight:          uint64(height),
		InferenceBlockHeight: uint64(nonceHeight),
	}, nil
}

// parseNonceAttribute reads a Nonce attribute: the message {"block_height":"28"} as
// cosmos-sdk encodes it, or a bare JSON-quoted height.
func parseNonceAttribute(v string) (jsonUint64, error) {
	data := bytes.TrimSpace([]byte(v))
	if len(data) > 0 && data[0] == '{' {
		var n struct {
			BlockHeight jsonUint64 `json:"block_height"`
		}
		if err := json.Unmarshal(data, &n); err != nil {
			return 0, err
		}
		return n.BlockHeight, nil
	}
	var h jsonUint64
	err := json.Unmarshal(data, &h)
	return h, err
}
