package allora

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// WorkerWindowQuery is the CometBFT subscription that reports the blocks in which a
// worker window closes on a v5 node (v0.6, seen to work); WindowCloseQuery gives
// every version's.
const WorkerWindowQuery = "tm.event='NewBlockEvents' AND " + EventTypeWorkerLastCommitSet + ".topic_id EXISTS"

// WatcherConfig tunes a Watcher. Zero fields take the defaults.
type WatcherConfig struct {
	// EmissionsVersion is the emissions API version of the node ("v5" to "v10"), which
	// names its window-close event; the default is v5.
	EmissionsVersion string
	// Query is the subscription (WindowCloseQuery(EmissionsVersion)).
	Query string
	// RevisionQuery is the second subscription, to the blocks where a reputer window
	// closes and the node revises a topic's latest inference
	// (ReputerCloseQuery(EmissionsVersion); none for a version without such an event).
	// A node that refuses it is warned about and the worker windows are still watched.
	RevisionQuery string
	// PingInterval is how often the watcher pings the node (20s): proxies tear down
	// a filtered subscription that stays silent, and a missing pong shows a dead
	// connection. The connection is given up when nothing, pong included, arrives for
	// two intervals.
	PingInterval time.Duration
	// HandshakeTimeout bounds dialling and subscribing (10s).
	HandshakeTimeout time.Duration
	// BackoffMin and BackoffMax bound the wait before reconnecting, doubling with
	// each failed attempt from BackoffMin (500ms) to BackoffMax (30s).
	BackoffMin, BackoffMax time.Duration
	// Logger receives a Warn on each lost connection; the default discards.
	Logger *slog.Logger
}

func (c *WatcherConfig) setDefaults() {
	if c.EmissionsVersion == "" {
		c.EmissionsVersion = "v5"
	}
	if c.Query == "" {
		c.Query = WindowCloseQuery(c.EmissionsVersion)
	}
	if c.RevisionQuery == "" {
		c.RevisionQuery = ReputerCloseQuery(c.EmissionsVersion)
	}
	if c.PingInterval <= 0 {
		c.PingInterval = 20 * time.Second
	}
	if c.HandshakeTimeout <= 0 {
		c.HandshakeTimeout = 10 * time.Second
	}
	if c.BackoffMin <= 0 {
		c.BackoffMin = 500 * time.Millisecond
	}
	if c.BackoffMax < c.BackoffMin {
		c.BackoffMax = max(30*time.Second, c.BackoffMin)
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Watcher follows a node's CometBFT websocket and reports worker windows as they
// close. Events are a hint to read sooner, not a record: a window that closes while
// the watcher reconnects is not reported, so a poll must back it up.
type Watcher struct {
	url string
	cfg WatcherConfig
}

// NewWatcher returns a watcher of the node whose CometBFT RPC is at rpcURL, such as
// "http://127.0.0.1:26657" or "https://allora-rpc.testnet.allora.network" (the
// websocket is its /websocket), or a ws:// or wss:// URL of the websocket itself.
func NewWatcher(rpcURL string, cfg WatcherConfig) (*Watcher, error) {
	cfg.setDefaults()
	if cfg.Query == "" {
		return nil, fmt.Errorf("allora: new watcher: emissions version %q: want one of %v", cfg.EmissionsVersion, EmissionsVersions)
	}
	u, err := url.Parse(rpcURL)
	if err != nil {
		return nil, errors.New("allora: new watcher: RPC URL is not a URL")
	}
	rpcBase := u.Scheme == "http" || u.Scheme == "https"
	switch u.Scheme {
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	case "ws", "wss":
	default:
		return nil, fmt.Errorf("allora: new watcher: RPC URL scheme %q: want http, https, ws or wss", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("allora: new watcher: RPC URL has no host")
	}
	if rpcBase {
		u.Path = strings.TrimRight(u.Path, "/") + "/websocket"
	}
	return &Watcher{url: u.String(), cfg: cfg}, nil
}

// Watch reports worker windows as they close until ctx ends, then closes the channel.
// Each value is the windows one Allora block closed, all of them together, so a reader
// can query and push them as one; it is never empty. It reconnects after any failure,
// with backoff. The channel is unbuffered: a reader that falls behind holds the
// websocket back, not the other way round.
func (w *Watcher) Watch(ctx context.Context) <-chan []WorkerWindowClosed {
	out := make(chan []WorkerWindowClosed)
	go func() {
		defer close(out)
		backoff := time.Duration(0)
		for {
			subscribed, err := w.session(ctx, out)
			if ctx.Err() != nil {
				return
			}
			if subscribed {
				backoff = 0
			}
			backoff = min(max(2*backoff, w.cfg.BackoffMin), w.cfg.BackoffMax)
			w.cfg.Logger.Warn("Allora websocket lost; reconnecting (polling covers the gap)",
				"retry_in", backoff, "err", err)
			t := time.NewTimer(backoff)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// session connects, subscribes and reports events until the connection fails. It
// says whether the subscription was made, which resets the backoff.
func (w *Watcher) session(ctx context.Context, out chan<- []WorkerWindowClosed) (subscribed bool, err error) {
	hctx, cancel := context.WithTimeout(ctx, w.cfg.HandshakeTimeout)
	defer cancel()
	dialer := websocket.Dialer{HandshakeTimeout: w.cfg.HandshakeTimeout}
	conn, resp, err := dialer.DialContext(hctx, w.url, nil)
	if err != nil {
		if resp != nil {
			return false, fmt.Errorf("dial websocket: HTTP %d", resp.StatusCode)
		}
		return false, fmt.Errorf("dial websocket: %w", err)
	}
	defer conn.Close()

	// One writer at a time: the subscription here, then the pinger, and the close
	// frame on shutdown.
	var writeMu sync.Mutex
	write := func(kind int, data []byte) error {
		writeMu.Lock()
		defer writeMu.Unlock()
		conn.SetWriteDeadline(time.Now().Add(w.cfg.HandshakeTimeout))
		return conn.WriteMessage(kind, data)
	}
	// On shutdown the node gets a close frame (1000, going away is not an error), so
	// it ends the subscription at once rather than on a read timeout.
	stop := context.AfterFunc(ctx, func() {
		write(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "allora-gateway shutting down"))
		conn.Close()
	})
	defer stop()
	const subscribeID = 1
	req, _ := json.Marshal(map[string]any{
		"jsonrpc": "2.0", "id": subscribeID, "method": "subscribe", "params": map[string]string{"query": w.cfg.Query},
	})
	if err := write(websocket.TextMessage, req); err != nil {
		return false, fmt.Errorf("subscribe: %w", err)
	}
	const revisionSubscribeID = 2
	if w.cfg.RevisionQuery != "" {
		req, _ := json.Marshal(map[string]any{
			"jsonrpc": "2.0", "id": revisionSubscribeID, "method": "subscribe", "params": map[string]string{"query": w.cfg.RevisionQuery},
		})
		if err := write(websocket.TextMessage, req); err != nil {
			return false, fmt.Errorf("subscribe: %w", err)
		}
	}
	alive := func() { conn.SetReadDeadline(time.Now().Add(2 * w.cfg.PingInterval)) }
	conn.SetReadDeadline(time.Now().Add(w.cfg.HandshakeTimeout))
	conn.SetPongHandler(func(string) error { alive(); return nil })

	pingDone := make(chan struct{})
	defer func() { <-pingDone }()
	sessionCtx, endSession := context.WithCancel(ctx)
	defer endSession()
	go func() {
		defer close(pingDone)
		t := time.NewTicker(w.cfg.PingInterval)
		defer t.Stop()
		for {
			select {
			case <-sessionCtx.Done():
				return
			case <-t.C:
				if write(websocket.PingMessage, nil) != nil {
					conn.Close()
					return
				}
			}
		}
	}()

	var lastBlock uint64
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return subscribed, fmt.Errorf("read websocket: %w", err)
		}
		alive()
		m, err := decodeWebsocketMessage(msg)
		if err != nil && m.id == revisionSubscribeID {
			// Revisions are then found by polling; the worker windows still come.
			w.cfg.Logger.Warn("Allora node refused the subscription to reputer window closes; revised inferences are found by polling",
				"query", w.cfg.RevisionQuery, "err", err)
			continue
		}
		if err != nil {
			return subscribed, fmt.Errorf("subscribe %q: %w", w.cfg.Query, err)
		}
		if m.height != 0 {
			// A block that closes both a worker and a reputer window comes once per
			// subscription, each copy with all of the block's events.
			if m.height == lastBlock {
				continue
			}
			lastBlock = m.height
		}
		for _, p := range m.problems {
			w.cfg.Logger.Warn("Allora block event carries a network inference the gateway cannot read; querying the node for it instead",
				"err", p)
		}
		subscribed = subscribed || m.confirmed
		if len(m.windows) == 0 {
			continue
		}
		select {
		case out <- m.windows:
		case <-ctx.Done():
			return subscribed, ctx.Err()
		}
	}
}

// rpcMessage is a CometBFT JSON-RPC response: the answer to subscribe, or one event of
// the subscription.
type rpcMessage struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    string `json:"data"`
	} `json:"error"`
}

// rpcEvent is the result of an event message: ResultEvent with NewBlockEvents data.
type rpcEvent struct {
	Query string `json:"query"`
	Data  *struct {
		Type  string `json:"type"`
		Value struct {
			Height jsonUint64 `json:"height"`
			Events []Event    `json:"events"`
		} `json:"value"`
	} `json:"data"`
}

// wsMessage is what one message of a subscription says.
type wsMessage struct {
	// id is the message's JSON-RPC id: the subscription it answers; 0 when it has
	// none or it is no number.
	id int
	// height is the block of an event, 0 for any other message.
	height uint64
	// windows are the worker windows the event reports, problems the event values
	// that do not parse.
	windows  []WorkerWindowClosed
	problems []error
	// confirmed is set by the empty result that confirms a subscription.
	confirmed bool
}

// decodeWebsocketMessage reads one message of a subscription. A JSON-RPC error (a
// refused query, a subscription the node cancelled) and a message that is not
// JSON-RPC are errors wrapping ErrUnexpectedResponse, with the id where the message
// has one. Events other than window closes are skipped, as are window-close events
// that do not parse. A window whose block also carries its network inference (v9's
// EventNetworkInferences, v10's EventNetworkInferenceBundle) has it as Inference,
// without a Timestamp; an event value that does not parse is one of problems, and its
// window is reported without a value, so the inference is queried instead.
func decodeWebsocketMessage(msg []byte) (wsMessage, error) {
	var (
		m   rpcMessage
		out wsMessage
	)
	if err := json.Unmarshal(msg, &m); err != nil {
		return out, fmt.Errorf("%w: websocket message: %v", ErrUnexpectedResponse, err)
	}
	_ = json.Unmarshal(m.ID, &out.id) // an id that is no number names no subscription
	if m.Error != nil {
		return out, fmt.Errorf("%w: JSON-RPC error %d: %s %s", ErrUnexpectedResponse,
			m.Error.Code, cleanMessage(m.Error.Message), cleanMessage(m.Error.Data))
	}
	if r := bytes.TrimSpace(m.Result); len(r) == 0 || bytes.Equal(r, []byte("null")) {
		return out, fmt.Errorf("%w: websocket message has neither result nor error", ErrUnexpectedResponse)
	}
	var ev rpcEvent
	if err := json.Unmarshal(m.Result, &ev); err != nil {
		return out, fmt.Errorf("%w: websocket event: %v", ErrUnexpectedResponse, err)
	}
	if ev.Data == nil {
		out.confirmed = ev.Query == "" // {} confirms a subscription
		return out, nil
	}
	out.height = uint64(ev.Data.Value.Height)
	out.windows, out.problems = blockWindows(ev.Data.Value.Events, out.height)
	return out, nil
}

// windowKey names one worker window: a topic and its nonce.
type windowKey struct{ topic, nonce uint64 }

// blockWindows reads the worker windows that close in one block's events, each once,
// with the network inference where an event of the block carries it.
func blockWindows(events []Event, height uint64) (windows []WorkerWindowClosed, problems []error) {
	values := map[windowKey]EventInference{}
	for _, e := range events {
		if !carriesInference(e.Type) {
			continue
		}
		v, err := ParseEventInference(e)
		switch {
		case errors.Is(err, errOutlierResistant):
		case err != nil:
			problems = append(problems, err)
		default:
			values[windowKey{v.TopicID, v.InferenceBlockHeight}] = v
		}
	}
	seen := map[windowKey]bool{}
	for _, e := range events {
		if reputerCloseEvent.MatchString(e.Type) {
			if w, err := ParseReputerWindowClosed(e, height); err == nil {
				windows = append(windows, w)
			}
			continue
		}
		if !isWindowCloseEvent(e.Type) || outlierResistant(e) {
			continue
		}
		w, err := ParseWorkerWindowClosed(e, height)
		k := windowKey{w.TopicID, w.InferenceBlockHeight}
		if err != nil || seen[k] {
			continue
		}
		seen[k] = true
		if v, ok := values[k]; ok {
			inf := v.Inference()
			w.Inference = &inf
		}
		windows = append(windows, w)
	}
	return windows, problems
}

// outlierResistant reports whether a v10 bundle is the outlier-resistant one, which
// comes beside the bundle the gateway relays and closes no other window.
func outlierResistant(e Event) bool {
	for _, a := range e.Attributes {
		if a.Key == "outlier_resistant" {
			return strings.TrimSpace(a.Value) == "true"
		}
	}
	return false
}
