package allora

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// EventTypeWorkerLastCommitSet is the block event an Allora chain v0.6 (emissions v5
// API, whose events still carry the emissions.v4 proto package) emits in the
// EndBlocker that closes a topic's worker submission window, the moment its new
// network inference exists. The event does not carry the value: watch for it, then
// query the inference. Other versions name the event differently: see
// WindowCloseEventType.
const EventTypeWorkerLastCommitSet = "emissions.v4.EventWorkerLastCommitSet"

// WindowCloseEventType is the block event a node of an emissions API version emits when
// a worker window closes. Event names carry the module's proto package, so they change
// with the version: v5 nodes emit emissions.v4.EventWorkerLastCommitSet, v6 to v8
// emissions.vN.EventWorkerLastCommitSet, v9 emissions.v9.EventWorkerLastCommit (without
// block_height) and v10 emissions.v10.EventNetworkInferenceBundle. "" for a version the
// gateway does not speak.
func WindowCloseEventType(version string) string {
	switch n := versionNumber(version); {
	case n == 5:
		return EventTypeWorkerLastCommitSet
	case n >= 6 && n <= 8:
		return "emissions." + version + ".EventWorkerLastCommitSet"
	case n == 9:
		return "emissions.v9.EventWorkerLastCommit"
	case n == 10:
		return "emissions.v10.EventNetworkInferenceBundle"
	}
	return ""
}

// WindowCloseQuery is the CometBFT subscription that reports the blocks in which a
// worker window closes on a node of an emissions API version; "" for a version the
// gateway does not speak.
func WindowCloseQuery(version string) string {
	ev := WindowCloseEventType(version)
	if ev == "" {
		return ""
	}
	return "tm.event='NewBlockEvents' AND " + ev + ".topic_id EXISTS"
}

// windowCloseEvent matches every event type WindowCloseEventType names.
var windowCloseEvent = regexp.MustCompile(`^emissions\.v[0-9]+\.(EventWorkerLastCommitSet|EventWorkerLastCommit|EventNetworkInferenceBundle)$`)

// isWindowCloseEvent reports whether an event type is the window-close event of some
// emissions version.
func isWindowCloseEvent(typ string) bool { return windowCloseEvent.MatchString(typ) }

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

// ParseWorkerWindowClosed reads the window-close event of any emissions version (see
// WindowCloseEventType) in a block at blockHeight. v5 to v8's
// EventWorkerLastCommitSet carry the closing block_height themselves; v9's
// EventWorkerLastCommit and v10's EventNetworkInferenceBundle do not, so blockHeight,
// the height of the block whose events they are, stands in (0 when unknown: then the
// event must carry it).
func ParseWorkerWindowClosed(ev Event, blockHeight uint64) (WorkerWindowClosed, error) {
	if !isWindowCloseEvent(ev.Type) {
		return WorkerWindowClosed{}, fmt.Errorf("%w: event type %q is no window-close event (want such as %q)",
			ErrUnexpectedResponse, ev.Type, EventTypeWorkerLastCommitSet)
	}
	return parseLastCommitSet(ev, blockHeight)
}

// parseLastCommitSet reads the attributes the window-close events and
// EventReputerLastCommitSet share: topic_id, nonce and, where the event has it,
// block_height (else blockHeight, the block the event is in).
func parseLastCommitSet(ev Event, blockHeight uint64) (WorkerWindowClosed, error) {
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
	if !seen["block_height"] && blockHeight > 0 {
		height, seen["block_height"] = jsonUint64(blockHeight), true
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
