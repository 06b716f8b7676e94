package allora

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// EventTypeWorkerLastCommitSet is the block event an Allora chain v0.6 (emissions v5
// API, whose events still carry the emissions.v4 proto package) emits in the
// EndBlocker that closes a topic's worker submission window, the moment its new
// network inference exists. The event does not carry the value: watch for it, then
// query the inference. Other versions name the event differently: see
// WindowCloseEventType.
const EventTypeWorkerLastCommitSet = "emissions.v4.EventWorkerLastCommitSet"

// closeEvents names, for each emissions version, the block events its nodes emit when
// a topic's worker window closes (the moment its new network inference exists) and
// when its reputer window closes (the block at which the node revises the topic's
// latest inference: a newer loss_block_height, a new combined_value for the same
// inference_block_height). Event names carry the module's proto package, so they
// change with the version: v5 nodes still emit emissions.v4 events; v9's worker event
// lacks block_height; v10's is the inference's own bundle. No v9 or v10 node has shown
// a reputer event: there revisions are found by polling alone. The emulator emits what
// this table says.
var closeEvents = map[string]struct{ worker, reputer string }{
	"v5":  {EventTypeWorkerLastCommitSet, "emissions.v4.EventReputerLastCommitSet"},
	"v6":  {"emissions.v6.EventWorkerLastCommitSet", "emissions.v6.EventReputerLastCommitSet"},
	"v7":  {"emissions.v7.EventWorkerLastCommitSet", "emissions.v7.EventReputerLastCommitSet"},
	"v8":  {"emissions.v8.EventWorkerLastCommitSet", "emissions.v8.EventReputerLastCommitSet"},
	"v9":  {"emissions.v9.EventWorkerLastCommit", ""},
	"v10": {EventTypeNetworkInferenceBundleV10, ""},
}

// WindowCloseEventType is the block event a node of an emissions API version emits when
// a worker window closes (see closeEvents); "" for a version the gateway does not speak.
func WindowCloseEventType(version string) string { return closeEvents[version].worker }

// WindowCloseQuery is the CometBFT subscription that reports the blocks in which a
// worker window closes on a node of an emissions API version; "" for a version the
// gateway does not speak.
func WindowCloseQuery(version string) string { return eventQuery(WindowCloseEventType(version)) }

// ReputerCloseEventType is the block event a node of an emissions API version emits
// when a reputer window closes (see closeEvents); "" for v9 and v10.
func ReputerCloseEventType(version string) string { return closeEvents[version].reputer }

// ReputerCloseQuery is the CometBFT subscription that reports the blocks in which a
// reputer window closes on a node of an emissions API version; "" where
// ReputerCloseEventType has no event.
func ReputerCloseQuery(version string) string { return eventQuery(ReputerCloseEventType(version)) }

// eventQuery is the subscription to the blocks that carry an event of type ev, ""
// for no event.
func eventQuery(ev string) string {
	if ev == "" {
		return ""
	}
	return "tm.event='NewBlockEvents' AND " + ev + ".topic_id EXISTS"
}

// reputerCloseEvent matches every event type ReputerCloseEventType names.
var reputerCloseEvent = regexp.MustCompile(`^emissions\.v[0-9]+\.EventReputerLastCommitSet$`)

// ParseReputerWindowClosed reads the reputer-window-close event of a block at
// blockHeight: the topic and, as LossBlockHeight, the reputer nonce, which is the loss
// height the topic's latest inference is revised to.
func ParseReputerWindowClosed(ev Event, blockHeight uint64) (WorkerWindowClosed, error) {
	if !reputerCloseEvent.MatchString(ev.Type) {
		return WorkerWindowClosed{}, fmt.Errorf("%w: event type %q is no reputer-window-close event", ErrUnexpectedResponse, ev.Type)
	}
	w, err := parseLastCommitSet(ev, blockHeight)
	if err != nil {
		return WorkerWindowClosed{}, err
	}
	w.LossBlockHeight, w.InferenceBlockHeight = w.InferenceBlockHeight, 0
	return w, nil
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

// The block events that carry the network inference itself, emitted in the EndBlocker
// that closes a worker window, beside (v9) or as (v10) the window-close event.
const (
	// EventTypeNetworkInferencesV9 is emissions v9's (mainnet) EventNetworkInferences:
	// topic_id, nonce (the inference block height) and the bundle whose combined_value
	// is the network inference. It comes with EventWorkerLastCommit in the same block.
	EventTypeNetworkInferencesV9 = "emissions.v9.EventNetworkInferences"
	// EventTypeNetworkInferenceBundleV10 is emissions v10's (testnet)
	// EventNetworkInferenceBundle: topic_id, nonce, label_names and combined_value, one
	// value per label; it is also v10's window-close event.
	EventTypeNetworkInferenceBundleV10 = "emissions.v10.EventNetworkInferenceBundle"
)

// EventInference is the network inference a v9 or v10 block event carries: everything
// of an oracle.Inference but the block time, which no event has.
type EventInference struct {
	TopicID uint64
	// InferenceBlockHeight is the worker nonce of the window (attribute nonce).
	InferenceBlockHeight uint64
	// LossBlockHeight is the reputer losses' height; 0, since neither v9 nor v10 events
	// carry it (nor do their queries).
	LossBlockHeight uint64
	// Value is the combined_value, the chain's decimal string as it was emitted.
	Value string
}

// Inference is the inference the event carries, without its Timestamp.
func (e EventInference) Inference() oracle.Inference {
	return oracle.Inference{
		TopicID:         e.TopicID,
		BlockHeight:     e.InferenceBlockHeight,
		LossBlockHeight: e.LossBlockHeight,
		Value:           e.Value,
	}
}

// errOutlierResistant marks a v10 bundle of the outlier-resistant inference, which is
// not the one GetLatestNetworkInferences answers and so not the one the gateway relays.
var errOutlierResistant = errors.New("outlier-resistant bundle")

// carriesInference reports whether an event type is one ParseEventInference reads.
func carriesInference(typ string) bool {
	return typ == EventTypeNetworkInferencesV9 || typ == EventTypeNetworkInferenceBundleV10
}

// ParseEventInference reads the network inference of a v9 EventNetworkInferences or a
// v10 EventNetworkInferenceBundle, attribute values JSON-encoded as cosmos-sdk's typed
// events write them (every field, defaults included). v9 carries the value in bundle
// (an EventValueBundle) and, in older builds, in the deprecated value_bundle (an
// emissions.v3.ValueBundle); v10 carries combined_value as a JSON array of decimals
// beside label_names, and the gateway takes the one labelled SingleOutputLabel (or the
// only one of an unlabelled single-output topic). Errors wrap ErrUnexpectedResponse.
func ParseEventInference(ev Event) (EventInference, error) {
	var (
		out EventInference
		err error
	)
	switch ev.Type {
	case EventTypeNetworkInferencesV9:
		out, err = parseNetworkInferencesV9(ev)
	case EventTypeNetworkInferenceBundleV10:
		out, err = parseNetworkInferenceBundleV10(ev)
	default:
		return EventInference{}, fmt.Errorf("%w: event type %q carries no network inference (want %q or %q)",
			ErrUnexpectedResponse, ev.Type, EventTypeNetworkInferencesV9, EventTypeNetworkInferenceBundleV10)
	}
	if err != nil {
		if errors.Is(err, errOutlierResistant) {
			return EventInference{}, err
		}
		return EventInference{}, fmt.Errorf("%w: event %s: %v", ErrUnexpectedResponse, ev.Type, err)
	}
	switch {
	case out.TopicID == 0:
		return EventInference{}, fmt.Errorf("%w: event %s has no topic_id", ErrUnexpectedResponse, ev.Type)
	case out.InferenceBlockHeight == 0:
		return EventInference{}, fmt.Errorf("%w: event %s of topic %d has no nonce", ErrUnexpectedResponse, ev.Type, out.TopicID)
	case strings.TrimSpace(out.Value) == "":
		return EventInference{}, fmt.Errorf("%w: event %s of topic %d at %d has an empty combined_value",
			ErrUnexpectedResponse, ev.Type, out.TopicID, out.InferenceBlockHeight)
	}
	return out, nil
}

// jsonNull reports whether an attribute value is absent or JSON null, as cosmos-sdk
// writes an unset message field.
func jsonNull(v string) bool {
	v = strings.TrimSpace(v)
	return v == "" || v == "null"
}

func parseNetworkInferencesV9(ev Event) (EventInference, error) {
	var (
		out                   EventInference
		topic, nonce, depr    jsonUint64
		value, legacyValue    string
		haveValue, haveLegacy bool
	)
	for _, a := range ev.Attributes {
		var err error
		switch a.Key {
		case "topic_id":
			err = json.Unmarshal([]byte(a.Value), &topic)
		case "nonce":
			nonce, err = parseNonceAttribute(a.Value)
		case "block_height": // deprecated, still written: the same height as nonce
			err = json.Unmarshal([]byte(a.Value), &depr)
		case "bundle":
			if jsonNull(a.Value) {
				continue
			}
			var b struct {
				CombinedValue *string `json:"combined_value"`
			}
			if err = json.Unmarshal([]byte(a.Value), &b); err == nil {
				if b.CombinedValue == nil {
					err = errors.New("bundle has no combined_value")
				} else {
					value, haveValue = *b.CombinedValue, true
				}
			}
		case "value_bundle": // deprecated: emissions.v3.ValueBundle
			if jsonNull(a.Value) {
				continue
			}
			var b struct {
				TopicID       jsonUint64 `json:"topic_id"`
				CombinedValue *string    `json:"combined_value"`
				Nonce         *struct {
					ReputerNonce *struct {
						BlockHeight jsonUint64 `json:"block_height"`
					} `json:"reputer_nonce"`
				} `json:"reputer_request_nonce"`
			}
			if err = json.Unmarshal([]byte(a.Value), &b); err == nil {
				if b.CombinedValue == nil {
					err = errors.New("value_bundle has no combined_value")
				} else {
					legacyValue, haveLegacy = *b.CombinedValue, true
					if topic == 0 {
						topic = b.TopicID
					}
					if depr == 0 && b.Nonce != nil && b.Nonce.ReputerNonce != nil {
						depr = b.Nonce.ReputerNonce.BlockHeight
					}
				}
			}
		default:
			continue
		}
		if err != nil {
			return EventInference{}, fmt.Errorf("attribute %s: %v", a.Key, err)
		}
	}
	out.TopicID = uint64(topic)
	out.InferenceBlockHeight = uint64(nonce)
	if out.InferenceBlockHeight == 0 {
		out.InferenceBlockHeight = uint64(depr)
	}
	switch {
	case haveValue:
		out.Value = value
	case haveLegacy:
		out.Value = legacyValue
	default:
		return EventInference{}, errors.New("neither bundle nor value_bundle carries a combined_value")
	}
	return out, nil
}

func parseNetworkInferenceBundleV10(ev Event) (EventInference, error) {
	var (
		out          EventInference
		topic, nonce jsonUint64
		labels       []string
		values       []string
		haveValues   bool
		outlier      bool
	)
	for _, a := range ev.Attributes {
		var err error
		switch a.Key {
		case "topic_id":
			err = json.Unmarshal([]byte(a.Value), &topic)
		case "nonce":
			nonce, err = parseNonceAttribute(a.Value)
		case "label_names":
			if !jsonNull(a.Value) {
				err = json.Unmarshal([]byte(a.Value), &labels)
			}
		case "combined_value": // a DecArray: ["3001.25"]
			err = json.Unmarshal([]byte(a.Value), &values)
			haveValues = err == nil
		case "outlier_resistant":
			err = json.Unmarshal([]byte(a.Value), &outlier)
		default:
			continue
		}
		if err != nil {
			return EventInference{}, fmt.Errorf("attribute %s: %v", a.Key, err)
		}
	}
	if outlier {
		return EventInference{}, errOutlierResistant
	}
	out.TopicID, out.InferenceBlockHeight = uint64(topic), uint64(nonce)
	if !haveValues {
		return EventInference{}, errors.New("no combined_value")
	}
	if len(labels) == 0 {
		if len(values) != 1 {
			return EventInference{}, fmt.Errorf("%d unlabelled combined_values, want one", len(values))
		}
		out.Value = values[0]
		return out, nil
	}
	if len(labels) != len(values) {
		return EventInference{}, fmt.Errorf("%d label_names but %d combined_values", len(labels), len(values))
	}
	found := 0
	for i, l := range labels {
		if l == SingleOutputLabel {
			out.Value = values[i]
			found++
		}
	}
	switch found {
	case 0:
		quoted := make([]string, len(labels))
		for i, l := range labels {
			quoted[i] = strconv.Quote(l)
		}
		return EventInference{}, fmt.Errorf("no combined_value labelled %q (labels: [%s])",
			SingleOutputLabel, strings.Join(quoted, " "))
	case 1:
		return out, nil
	}
	return EventInference{}, fmt.Errorf("%d combined_values labelled %q", found, SingleOutputLabel)
}
