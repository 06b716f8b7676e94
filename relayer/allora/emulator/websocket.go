package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer/allora"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/libs/pubsub/query"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/gorilla/websocket"
)

// The websocket speaks CometBFT's own JSON-RPC types and encoding (cometbft's rpc
// packages), so what the gateway's watcher reads is what a node writes.

// The events' names are relayer/allora's (WindowCloseEventType,
// ReputerCloseEventType): one table of what each version's nodes emit, which the
// gateway's watcher and this chain both read.

// reputerWindowEvents is what a chain of an emissions version emits at height when the
// topic's reputer window of nonce closes: EventReputerLastCommitSet, as a v7 node
// writes it (block_height, nonce, topic_id, mode); nothing for a version without it.
func reputerWindowEvents(version string, topicID, nonce, height uint64) []abci.Event {
	typ := allora.ReputerCloseEventType(version)
	if typ == "" {
		return nil
	}
	return []abci.Event{{Type: typ, Attributes: []abci.EventAttribute{
		attr("block_height", quoted(height)),
		attr("nonce", `{"block_height":`+quoted(nonce)+`}`),
		attr("topic_id", quoted(topicID)),
		{Key: "mode", Value: "EndBlock", Index: true},
	}}}
}

// subscriberBuffer is how many blocks of events a slow websocket client may fall
// behind before it is dropped, as CometBFT drops a client that does not read.
const subscriberBuffer = 100

var upgrader = websocket.Upgrader{
	ReadBufferSize:  4096,
	WriteBufferSize: 4096,
	CheckOrigin:     func(*http.Request) bool { return true },
}

// wsHub fans block events out to websocket subscriptions.
type wsHub struct {
	mu    sync.Mutex
	conns map[*wsConn]struct{}
	pings atomic.Int64 // ping frames received from every client
}

type wsConn struct {
	conn *websocket.Conn
	out  chan []byte // messages to write, closed to drop the client

	mu   sync.Mutex
	subs map[string]wsSub // by query string
}

type wsSub struct {
	req   rpctypes.RPCRequest // the subscribe request, whose id every event carries
	query *query.Query
}

// CloseWebsockets drops every websocket client, as a node restart or a proxy's idle
// timeout does.
func (e *Emulator) CloseWebsockets() {
	e.ws.mu.Lock()
	defer e.ws.mu.Unlock()
	for c := range e.ws.conns {
		c.mu.Lock()
		c.subs = map[string]wsSub{} // gone now, not once its reader notices
		c.mu.Unlock()
		c.conn.Close()
	}
}

// Subscribers returns how many websocket clients have at least one subscription.
func (e *Emulator) Subscribers() int {
	e.ws.mu.Lock()
	defer e.ws.mu.Unlock()
	n := 0
	for c := range e.ws.conns {
		c.mu.Lock()
		if len(c.subs) > 0 {
			n++
		}
		c.mu.Unlock()
	}
	return n
}

// Pings returns how many websocket ping frames the node has received and answered.
func (e *Emulator) Pings() int64 { return e.ws.pings.Load() }

// serveWebsocket is CometBFT's /websocket: JSON-RPC subscribe, unsubscribe and
// unsubscribe_all, events pushed as they happen.
func (e *Emulator) serveWebsocket(w http.ResponseWriter, r *http.Request) {
	if !e.injectHTTP(w, r, 0) {
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered
	}
	c := &wsConn{conn: conn, out: make(chan []byte, subscriberBuffer), subs: map[string]wsSub{}}
	conn.SetPingHandler(func(data string) error {
		e.ws.pings.Add(1)
		err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(time.Second))
		if errors.Is(err, websocket.ErrCloseSent) {
			return nil
		}
		return err
	})
	e.ws.mu.Lock()
	if e.ws.conns == nil {
		e.ws.conns = map[*wsConn]struct{}{}
	}
	e.ws.conns[c] = struct{}{}
	e.ws.mu.Unlock()

	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for msg := range c.out {
			conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if err := conn.WriteMessage(websocket.TextMessage, msg); err != nil {
				conn.Close()
				for range c.out { // drain until the reader side closes out
				}
				return
			}
		}
	}()
	defer func() {
		e.ws.mu.Lock()
		delete(e.ws.conns, c)
		close(c.out)
		e.ws.mu.Unlock()
		<-writerDone
		conn.Close()
	}()
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var req rpctypes.RPCRequest
		if err := json.Unmarshal(msg, &req); err != nil {
			c.send(e, rpctypes.RPCParseError(fmt.Errorf("error unmarshaling request: %w", err)))
			continue
		}
		c.send(e, e.handleRPC(c, req))
	}
}

// send queues a message; a client whose queue is full is dropped. e.ws.mu is not held.
func (c *wsConn) send(e *Emulator, resp rpctypes.RPCResponse) {
	body, err := json.Marshal(resp)
	if err != nil {
		return
	}
	e.ws.mu.Lock()
	defer e.ws.mu.Unlock()
	if _, open := e.ws.conns[c]; open {
		c.queue(body)
	}
}

// queue adds body to c's queue or drops c. e.ws.mu is held.
func (c *wsConn) queue(body []byte) {
	select {
	case c.out <- body:
	default:
		c.conn.Close() // not reading fast enough
	}
}

func (e *Emulator) handleRPC(c *wsConn, req rpctypes.RPCRequest) rpctypes.RPCResponse {
	var params struct {
		Query string `json:"query"`
	}
	if len(req.Params) > 0 {
		if err := json.Unmarshal(req.Params, &params); err != nil {
			return rpctypes.RPCInvalidParamsError(req.ID, err)
		}
	}
	switch req.Method {
	case "subscribe":
		q, err := query.New(params.Query)
		if err != nil {
			return rpctypes.RPCInternalError(req.ID, fmt.Errorf("failed to parse query: %w", err))
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if _, dup := c.subs[params.Query]; dup {
			return rpctypes.RPCInternalError(req.ID, fmt.Errorf("failed to subscribe: already subscribed"))
		}
		c.subs[params.Query] = wsSub{req: req, query: q}
		return rpctypes.NewRPCSuccessResponse(req.ID, &ctypes.ResultSubscribe{})
	case "unsubscribe":
		c.mu.Lock()
		defer c.mu.Unlock()
		if _, ok := c.subs[params.Query]; !ok {
			return rpctypes.RPCInternalError(req.ID, fmt.Errorf("subscription not found"))
		}
		delete(c.subs, params.Query)
		return rpctypes.NewRPCSuccessResponse(req.ID, &ctypes.ResultUnsubscribe{})
	case "unsubscribe_all":
		c.mu.Lock()
		defer c.mu.Unlock()
		c.subs = map[string]wsSub{}
		return rpctypes.NewRPCSuccessResponse(req.ID, &ctypes.ResultUnsubscribe{})
	}
	return rpctypes.RPCMethodNotFoundError(req.ID)
}

// windowCloseEvents are the events a chain of an emissions version emits at the close
// of a topic's window of nonce, whose network inference is b. Attribute values are
// JSON-encoded as cosmos-sdk's typed events write them: every field, defaults included
// (an unset message as null), keys sorted, then mode=EndBlock. v9 emits the network
// inference beside the window's close, v10's close is the inference's event.
func windowCloseEvents(version string, topicID, nonce, height uint64, b bundle) []abci.Event {
	switch version {
	case "v9":
		return []abci.Event{workerWindowEvent(version, topicID, nonce, height), networkInferencesV9(topicID, nonce, b)}
	case "v10":
		return []abci.Event{networkInferenceBundleV10(topicID, nonce, b)}
	}
	return []abci.Event{workerWindowEvent(version, topicID, nonce, height)}
}

// workerWindowEvent is the event a chain of an emissions version up to v9 emits at the
// close of a topic's window of nonce. v9 reserved block_height.
func workerWindowEvent(version string, topicID, nonce, height uint64) abci.Event {
	var attrs []abci.EventAttribute
	if version != "v9" && version != "v10" {
		attrs = append(attrs, attr("block_height", quoted(height)))
	}
	attrs = append(attrs,
		attr("nonce", `{"block_height":`+quoted(nonce)+`}`),
		attr("topic_id", quoted(topicID)),
		abci.EventAttribute{Key: "mode", Value: "EndBlock", Index: true},
	)
	return abci.Event{Type: allora.WindowCloseEventType(version), Attributes: attrs}
}

// networkInferencesV9 is emissions.v9.EventNetworkInferences as allora-chain v0.16
// writes it: the value in bundle (an EventValueBundle), the deprecated value_bundle
// left unset, the deprecated block_height equal to nonce.
func networkInferencesV9(topicID, nonce uint64, b bundle) abci.Event {
	workers, infererValues := split(b.inferers)
	_, forecasterValues := split(b.forecasters)
	_, oneOutInferers := split(b.oneOutInferers)
	_, oneOutForecasters := split(b.oneOutForecasters)
	_, oneInForecasters := split(b.oneInForecasters)
	bundle := map[string]any{
		"extra_data":                        nil,
		"combined_value":                    b.combined,
		"naive_value":                       b.naive,
		"inferer_addresses":                 workers,
		"forecaster_addresses":              workers,
		"inferer_values":                    infererValues,
		"forecaster_values":                 forecasterValues,
		"one_out_inferer_values":            oneOutInferers,
		"one_out_forecaster_values":         oneOutForecasters,
		"one_in_forecaster_values":          oneInForecasters,
		"one_out_inferer_forecaster_values": []string{},
	}
	return abci.Event{Type: allora.EventTypeNetworkInferencesV9, Attributes: []abci.EventAttribute{
		attr("block_height", quoted(nonce)),
		attr("bundle", mustJSON(bundle)),
		attr("nonce", quoted(nonce)),
		attr("topic_id", quoted(topicID)),
		attr("value_bundle", "null"),
		{Key: "mode", Value: "EndBlock", Index: true},
	}}
}

// networkInferenceBundleV10 is emissions.v10.EventNetworkInferenceBundle of a
// single-output topic: one label, "y", so every DecArray has one value and every
// DecMatrix one column.
func networkInferenceBundleV10(topicID, nonce uint64, b bundle) abci.Event {
	column := func(ws []workerValue) [][]string {
		out := make([][]string, len(ws))
		for i, w := range ws {
			out[i] = []string{w.value}
		}
		return out
	}
	workers, _ := split(b.inferers)
	return abci.Event{Type: allora.EventTypeNetworkInferenceBundleV10, Attributes: []abci.EventAttribute{
		attr("combined_value", mustJSON([]string{b.combined})),
		attr("forecaster_addresses", mustJSON(workers)),
		attr("forecaster_values", mustJSON(column(b.forecasters))),
		attr("inferer_addresses", mustJSON(workers)),
		attr("inferer_values", mustJSON(column(b.inferers))),
		attr("label_names", `["y"]`),
		attr("naive_value", mustJSON([]string{b.naive})),
		attr("nonce", quoted(nonce)),
		attr("one_in_forecaster_values", mustJSON(column(b.oneInForecasters))),
		attr("one_out_forecaster_values", mustJSON(column(b.oneOutForecasters))),
		attr("one_out_inferer_forecaster_values", "[]"),
		attr("one_out_inferer_values", mustJSON(column(b.oneOutInferers))),
		attr("outlier_resistant", "false"),
		attr("topic_id", quoted(topicID)),
		{Key: "mode", Value: "EndBlock", Index: true},
	}}
}

func attr(key, value string) abci.EventAttribute {
	return abci.EventAttribute{Key: key, Value: value, Index: true}
}

// quoted is a 64-bit integer as protobuf's JSON writes it: a string.
func quoted(n uint64) string { return `"` + strconv.FormatUint(n, 10) + `"` }

func split(ws []workerValue) (workers, values []string) {
	workers, values = []string{}, []string{}
	for _, w := range ws {
		workers = append(workers, w.worker)
		values = append(values, w.value)
	}
	return workers, values
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("emulator: encode event attribute: %v", err))
	}
	return string(b)
}

// publishBlock sends the NewBlockEvents of a block to every subscription whose query
// matches. e.mu is held; a stale node publishes nothing.
func (e *Emulator) publishBlock(height uint64, events []abci.Event) {
	if len(events) == 0 {
		return
	}
	if _, stale := e.faults.set[faultKey{FaultStale, 0}]; stale {
		return
	}
	// The composite keys the node's query language matches, as CometBFT builds them.
	keys := map[string][]string{cmttypes.EventTypeKey: {cmttypes.EventNewBlockEvents}}
	for _, ev := range events {
		for _, a := range ev.Attributes {
			k := ev.Type + "." + a.Key
			keys[k] = append(keys[k], a.Value)
		}
	}
	data := cmttypes.EventDataNewBlockEvents{Height: int64(height), Events: events}
	e.ws.mu.Lock()
	defer e.ws.mu.Unlock()
	for c := range e.ws.conns {
		c.mu.Lock()
		for q, sub := range c.subs {
			if ok, err := sub.query.Matches(keys); err != nil || !ok {
				continue
			}
			resp := rpctypes.NewRPCSuccessResponse(sub.req.ID, &ctypes.ResultEvent{Query: q, Data: data, Events: keys})
			if body, err := json.Marshal(resp); err == nil {
				c.queue(body)
			}
		}
		c.mu.Unlock()
	}
}
