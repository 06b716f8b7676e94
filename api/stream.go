package api

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

const (
	// DefaultStreamLog is how many recent events a server keeps: every stream client
	// reads them at its own cursor, and a client that reconnects with Last-Event-ID
	// resumes from them. A client further behind than the log holds is dropped.
	DefaultStreamLog = 4096
	// DefaultMaxStreams and DefaultMaxStreamsPerClient cap the streams open at once,
	// in all and from one client (its address, as the rate limit sees it).
	DefaultMaxStreams          = 10_000
	DefaultMaxStreamsPerClient = 16
	// streamHeartbeat is how often an idle stream carries a comment, so that proxies
	// and clients see it alive.
	streamHeartbeat = 15 * time.Second
	// streamWriteTimeout bounds one write to a stream client whose connection has
	// stopped taking data.
	streamWriteTimeout = 30 * time.Second
	// streamBatch bounds the events one write carries.
	streamBatch = 256
	// maxStreamTopics bounds the topics filter.
	maxStreamTopics = 100
	// streamPath is the stream's route, which the request timeout does not apply to.
	streamPath = "/v1/stream"
)

// WithStreamLog sets how many recent events the server keeps for /v1/stream clients
// to read at their own pace and to resume from; the default is DefaultStreamLog. A
// client further behind than that is told so (a dropped event) and disconnected.
func WithStreamLog(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.streamLog = n
		}
	}
}

// WithMaxStreams caps the /v1/stream connections open at once, in all (answered 503
// beyond) and per client (429 beyond); the defaults are DefaultMaxStreams and
// DefaultMaxStreamsPerClient. A value of 0 or less leaves that cap unlimited.
func WithMaxStreams(total, perClient int) Option {
	return func(s *Server) { s.maxStreams, s.maxStreamsPerClient = total, perClient }
}

// hubEvent is an event as every client gets it: its SSE frame written once.
type hubEvent struct {
	id       string
	kind     string
	topicID  uint64
	hasTopic bool // an inference event naming its topic
	frame    []byte
}

// streamHub is a server's one subscription to the store's events, kept in one
// bounded log that every stream client reads at its own cursor, and that
// reconnecting clients resume from.
type streamHub struct {
	events subscriber
	log    *slog.Logger
	drops  prometheus.Counter
	open   prometheus.Gauge

	maxTotal, maxPerClient int

	startOnce sync.Once
	ctx       context.Context
	cancel    context.CancelFunc
	done      chan struct{} // closed when run returns

	mu        sync.RWMutex
	closed    bool
	ring      []*hubEvent // event seq is at ring[seq%len(ring)]
	head      uint64      // the seq of the next event
	wake      chan struct{}
	total     int
	perClient map[string]int
}

type streamClient struct {
	addr   string
	cursor uint64          // the seq of the next event to read
	topics map[uint64]bool // inference events of these topics only; nil for all
}

// subscriber is the part of the store the stream reads.
type subscriber interface {
	Subscribe(ctx context.Context) (<-chan store.Event, error)
}

func newStreamHub(ev subscriber, log *slog.Logger, size, maxTotal, maxPerClient int, reg prometheus.Registerer) *streamHub {
	ctx, cancel := context.WithCancel(context.Background())
	h := &streamHub{
		events: ev, log: log,
		maxTotal: maxTotal, maxPerClient: maxPerClient,
		ctx: ctx, cancel: cancel, done: make(chan struct{}),
		ring:      make([]*hubEvent, size),
		wake:      make(chan struct{}),
		perClient: make(map[string]int),
		drops: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "allora_gateway_api_stream_drops_total",
			Help: "Stream clients disconnected for falling further behind than the server's event log holds (api.stream_log).",
		}),
		open: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "allora_gateway_api_streams",
			Help: "Stream connections open.",
		}),
	}
	reg.MustRegister(h.drops, h.open)
	return h
}

// start subscribes, once, before it returns, so that a client registered after it
// gets every event published after it. Serve starts the hub at once, so that the
// log fills before the first client; a bare Handler starts it on the first stream
// request.
func (h *streamHub) start() {
	h.startOnce.Do(func() {
		sub, err := h.events.Subscribe(h.ctx)
		if err != nil {
			h.log.Warn("cannot subscribe to events; stream clients get none until it can", "err", err)
		}
		go h.run(sub)
	})
}

// close ends every stream and the subscription, and waits for the latter.
func (h *streamHub) close() {
	h.startOnce.Do(func() { close(h.done) }) // never started: nothing to wait for
	h.cancel()
	<-h.done
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
}

// run delivers events from sub, subscribing again whenever the store drops it.
func (h *streamHub) run(sub <-chan store.Event) {
	defer close(h.done)
	for {
		if sub != nil {
			for ev := range sub {
				h.deliver(ev)
			}
			if h.ctx.Err() != nil {
				return
			}
			// The store dropped the subscription (it fell behind, or lost its
			// connection): events meanwhile are lost.
			h.log.Warn("event subscription ended; subscribing again")
		}
		select {
		case <-h.ctx.Done():
			return
		case <-time.After(time.Second):
		}
		var err error
		sub, err = h.events.Subscribe(h.ctx)
		if err != nil && h.ctx.Err() == nil {
			h.log.Warn("cannot subscribe to events; stream clients get none until it can", "err", err)
		}
	}
}

// pushEventJSON is a push event's data: one mined batch.
type pushEventJSON struct {
	ChainID uint64           `json:"chain_id"`
	TxHash  string           `json:"tx_hash"`
	Block   uint64           `json:"block"`
	GasUsed uint64           `json:"gas_used"`
	Updates []pushUpdateJSON `json:"updates"`
}

type pushUpdateJSON struct {
	TopicID         uint64 `json:"topic_id"`
	BlockHeight     uint64 `json:"block_height"`
	LossBlockHeight uint64 `json:"loss_block_height"`
	ValueScaled     string `json:"value_scaled"`
}

// roundEventJSON is a round event's data: the round and the market it belongs to, its
// address checksummed as /v1/markets spells it.
type roundEventJSON struct {
	ChainID uint64      `json:"chain_id"`
	Market  string      `json:"market_id"`
	Round   store.Round `json:"round"`
}

// priceEventJSON is a price event's data: an asset's newly recorded price, as
// /v1/predictions then answers it.
type priceEventJSON struct {
	Asset  string `json:"asset"`
	Price  string `json:"price"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
}

// eventJSON is the data a stream client gets for an event's payload; nil for a payload
// no client should get.
func eventJSON(p store.EventPayload) any {
	switch e := p.(type) {
	case store.InferenceEvent:
		return newInferenceJSON(e.Inference, scaledString(e.Scaled))
	case store.PushEvent:
		out := pushEventJSON{ChainID: e.ChainID, TxHash: e.Push.TxHash.Hex(), Block: e.Push.BlockNumber, GasUsed: e.Push.GasUsed,
			Updates: make([]pushUpdateJSON, 0, len(e.Push.Updates))}
		for _, u := range e.Push.Updates {
			out.Updates = append(out.Updates, pushUpdateJSON{
				TopicID: u.TopicID, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, ValueScaled: scaledString(u.Value),
			})
		}
		return out
	case store.RoundEvent:
		return roundEventJSON{ChainID: e.ChainID, Market: e.Market.Hex(), Round: e.Round}
	case store.PriceEvent:
		return priceEventJSON{Asset: e.Price.Asset, Price: e.Price.Value, AsOf: formatTime(e.Price.At), Source: e.Price.Source}
	}
	return nil
}

// scaledString writes a scaled value, "0" for a nil one.
func scaledString(v *big.Int) string {
	if v == nil {
		return "0"
	}
	return v.String()
}

// newHubEvent renders ev as an SSE frame, or returns nil for an event no client should
// get: an unknown payload, or one that cannot be encoded.
func newHubEvent(ev store.Event) *hubEvent {
	v := eventJSON(ev.Payload)
	if v == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	he := &hubEvent{kind: ev.Kind()}
	if ev.ID != "" && !strings.ContainsAny(ev.ID, "\r\n\x00") {
		he.id = ev.ID
	}
	if inf, ok := ev.Payload.(store.InferenceEvent); ok {
		he.topicID, he.hasTopic = inf.Inference.TopicID, true
	}
	frame := make([]byte, 0, len("event: \nid: \ndata: \n\n")+len(he.kind)+len(he.id)+len(data))
	frame = append(append(append(frame, "event: "...), he.kind...), '\n')
	if he.id != "" {
		frame = append(append(append(frame, "id: "...), he.id...), '\n')
	}
	frame = append(append(append(frame, "data: "...), data...), "\n\n"...)
	he.frame = frame
	return he
}

func (c *streamClient) wants(he *hubEvent) bool {
	return c.topics == nil || he.kind != store.EventInference || (he.hasTopic && c.topics[he.topicID])
}

// deliver appends ev to the log, over the oldest once the log is full, and wakes
// every client.
func (h *streamHub) deliver(ev store.Event) {
	he := newHubEvent(ev)
	if he == nil {
		h.log.Warn("event not streamed: unknown kind or not encodable", "kind", ev.Kind(), "id", ev.ID)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ring[h.head%uint64(len(h.ring))] = he
	h.head++
	close(h.wake)
	h.wake = make(chan struct{})
}

// register counts c's stream against the caps and places its cursor: after lastID
// when resume is set and the log holds it, at the head otherwise (reset when resume
// was asked for and cannot be done). ok is false once the hub is closed.
func (h *streamHub) register(c *streamClient, lastID string, resume bool) (reset bool, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false, withDetail(fmt.Errorf("stream: shutting down: %w", errNotReady), "the server is shutting down")
	}
	if h.maxTotal > 0 && h.total >= h.maxTotal {
		return false, withDetail(fmt.Errorf("stream: %d streams open: %w", h.total, errNotReady),
			"this server has its %d streams open; retry later, or on another replica", h.maxTotal)
	}
	if h.maxPerClient > 0 && h.perClient[c.addr] >= h.maxPerClient {
		return false, withDetail(fmt.Errorf("stream: client has %d streams open: %w", h.perClient[c.addr], errRateLimited),
			"this client has %d streams open, the most it may; close one first", h.maxPerClient)
	}
	h.total++
	h.perClient[c.addr]++
	h.open.Inc()
	c.cursor = h.head
	if resume {
		reset = true
		oldest := h.oldestLocked()
		for seq := h.head; seq > oldest; seq-- { // newest first: a resuming client is usually recent
			if he := h.ring[(seq-1)%uint64(len(h.ring))]; he.id != "" && he.id == lastID {
				c.cursor, reset = seq, false
				break
			}
		}
	}
	return reset, nil
}

// oldestLocked is the seq of the oldest event the log holds; the lock is held.
func (h *streamHub) oldestLocked() uint64 {
	if n := uint64(len(h.ring)); h.head > n {
		return h.head - n
	}
	return 0
}

func (h *streamHub) unregister(c *streamClient) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.total--
	h.open.Dec()
	if h.perClient[c.addr]--; h.perClient[c.addr] <= 0 {
		delete(h.perClient, c.addr)
	}
}

// read appends to frames what c wants from its cursor on, up to streamBatch events,
// and moves the cursor past them. It returns the channel closed by the next event,
// and how many events c missed when it is further behind than the log holds.
func (h *streamHub) read(c *streamClient, frames [][]byte) (_ [][]byte, wake <-chan struct{}, missed uint64) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if oldest := h.oldestLocked(); c.cursor < oldest {
		return frames, nil, oldest - c.cursor
	}
	for n := 0; c.cursor < h.head && n < streamBatch; c.cursor++ {
		if he := h.ring[c.cursor%uint64(len(h.ring))]; c.wants(he) {
			frames = append(frames, he.frame)
			n++
		}
	}
	return frames, h.wake, 0
}

// parseTopicsFilter reads the stream's optional topics filter: comma-separated topic
// ids, each in canonical decimal.
func parseTopicsFilter(q url.Values) (map[uint64]bool, error) {
	vs, ok := q["topics"]
	if !ok {
		return nil, nil
	}
	if len(vs) > 1 {
		return nil, badQuery("topics is given %d times; give it once, comma-separated", len(vs))
	}
	parts := strings.Split(vs[0], ",")
	if len(parts) > maxStreamTopics {
		return nil, badQuery("topics names %d topics; the limit is %d", len(parts), maxStreamTopics)
	}
	out := make(map[uint64]bool, len(parts))
	for _, p := range parts {
		id, err := parseTopicID(p)
		if err != nil {
			return nil, fmt.Errorf("topics filter: %w", err)
		}
		out[id] = true
	}
	return out, nil
}

var (
	sseResetFrame = []byte("event: reset\ndata: {}\n\n")
	sseHeartbeat  = []byte(": heartbeat\n\n")
	sseRetry      = []byte("retry: 2000\n\n")
)

// droppedJSON is the data of the dropped event a client gets before the server
// closes a stream it fell too far behind on.
type droppedJSON struct {
	Reason string `json:"reason"`
	Missed uint64 `json:"missed"`
}

// stream answers /v1/stream: Server-Sent Events of new inferences, pushes, round
// results and prices, for as long as the client stays and keeps within the log.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	topics, err := parseTopicsFilter(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c := &streamClient{addr: s.clientAddr(r), topics: topics}
	s.hub.start()
	lastID := r.Header.Get("Last-Event-ID")
	reset, err := s.hub.register(c, lastID, lastID != "")
	if err != nil {
		w.Header().Set("Retry-After", "5")
		s.fail(w, r, err)
		return
	}
	defer s.hub.unregister(c)

	rc := http.NewResponseController(w)
	// The server's read and write timeouts are for requests, not for a stream.
	_ = rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", cacheNever)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Accel-Buffering", "no") // nginx and the like must pass events on as they come
	w.WriteHeader(http.StatusOK)

	// write sends frames and flushes them within streamWriteTimeout.
	write := func(frames ...[]byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
		for _, f := range frames {
			if _, err := w.Write(f); err != nil {
				return false
			}
		}
		return rc.Flush() == nil
	}
	frames := [][]byte{sseRetry}
	if reset {
		frames = append(frames, sseResetFrame)
	}
	heartbeat := time.NewTicker(streamHeartbeat)
	defer heartbeat.Stop()
	for {
		var (
			wake   <-chan struct{}
			missed uint64
		)
		frames, wake, missed = s.hub.read(c, frames)
		if missed > 0 {
			s.hub.drops.Inc()
			s.log.Warn("stream client dropped: further behind than the event log holds",
				"client", c.addr, "missed", missed, "log", len(s.hub.ring))
			data, _ := json.Marshal(droppedJSON{
				Reason: fmt.Sprintf("this client fell more than %d events behind", len(s.hub.ring)), Missed: missed})
			dropped := append(append([]byte("event: dropped\ndata: "), data...), "\n\n"...)
			write(append(frames, dropped)...)
			return
		}
		if len(frames) > 0 {
			if !write(frames...) {
				return
			}
			heartbeat.Reset(streamHeartbeat)
			frames = frames[:0]
			continue
		}
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.ctx.Done():
			return
		case <-heartbeat.C:
			if !write(sseHeartbeat) {
				return
			}
		case <-wake:
		}
	}
}
