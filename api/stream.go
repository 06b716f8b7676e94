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

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

const (
	// DefaultStreamBuffer is how many events may wait for one stream client; a client
	// further behind is disconnected, so that it cannot hold up the others.
	DefaultStreamBuffer = 64
	// StreamReplay is how many recent events a server keeps to replay to a client that
	// reconnects with Last-Event-ID.
	StreamReplay = 1000
	// streamHeartbeat is how often an idle stream carries a comment, so that proxies
	// and clients see it alive.
	streamHeartbeat = 15 * time.Second
	// streamWriteTimeout bounds one write to a stream client whose connection has
	// stopped taking data while no events fill its buffer.
	streamWriteTimeout = 30 * time.Second
	// maxStreamTopics bounds the topics filter.
	maxStreamTopics = 100
	// streamPath is the stream's route, which the request timeout does not apply to.
	streamPath = "/v1/stream"
)

// WithStreamBuffer sets how many events may wait for one /v1/stream client before it
// is disconnected; the default is DefaultStreamBuffer.
func WithStreamBuffer(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.streamBuffer = n
		}
	}
}

// hubEvent is an event as every client gets it: its SSE frame written once.
type hubEvent struct {
	id       string
	kind     string
	topicID  uint64
	hasTopic bool // an inference event naming its topic
	frame    []byte
}

// streamHub is a server's one subscription to the store's events, fanned out to every
// stream client through a bounded buffer per client, and the ring of recent events
// that reconnecting clients resume from.
type streamHub struct {
	events subscriber
	log    *slog.Logger
	buffer int

	startOnce sync.Once
	ctx       context.Context
	cancel    context.CancelFunc
	done      chan struct{} // closed when run returns

	mu      sync.Mutex
	closed  bool
	clients map[*streamClient]struct{}
	ring    []*hubEvent // the last StreamReplay events, oldest at next once full
	next    int
}

type streamClient struct {
	ch     chan *hubEvent
	gone   chan struct{}   // closed when the hub drops the client or shuts down
	topics map[uint64]bool // inference events of these topics only; nil for all
	kill   func()          // makes the client's pending write fail at once
}

// subscriber is the part of the store the stream reads.
type subscriber interface {
	Subscribe(ctx context.Context) (<-chan store.Event, error)
}

func newStreamHub(ev subscriber, log *slog.Logger, buffer int) *streamHub {
	ctx, cancel := context.WithCancel(context.Background())
	return &streamHub{
		events: ev, log: log, buffer: buffer,
		ctx: ctx, cancel: cancel, done: make(chan struct{}),
		clients: make(map[*streamClient]struct{}),
		ring:    make([]*hubEvent, 0, StreamReplay),
	}
}

// start subscribes, once, before it returns, so that a client registered after it
// gets every event published after it. Serve starts the hub at once, so that the
// replay ring fills before the first client; a bare Handler starts it on the first
// stream request.
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
	for c := range h.clients {
		h.dropLocked(c)
	}
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

func (h *streamHub) deliver(ev store.Event) {
	he := newHubEvent(ev)
	if he == nil {
		h.log.Warn("event not streamed: unknown kind or not encodable", "kind", ev.Kind(), "id", ev.ID)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.ring) < StreamReplay {
		h.ring = append(h.ring, he)
	} else {
		h.ring[h.next] = he
		h.next = (h.next + 1) % StreamReplay
	}
	for c := range h.clients {
		if !c.wants(he) {
			continue
		}
		select {
		case c.ch <- he:
		default:
			h.dropLocked(c)
		}
	}
}

// dropLocked disconnects c; the hub's lock is held.
func (h *streamHub) dropLocked(c *streamClient) {
	delete(h.clients, c)
	close(c.gone)
	c.kill()
}

// register adds c and returns what it missed after lastID (when resume is set): the
// events kept since, or reset when lastID is no longer (or never was) in the ring. ok
// is false once the hub is closed.
func (h *streamHub) register(c *streamClient, lastID string, resume bool) (replay []*hubEvent, reset, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false, false
	}
	if resume {
		reset = true
		n := len(h.ring)
		for i := n - 1; i >= 0; i-- { // newest first: a resuming client is usually recent
			he := h.ring[(h.next+i)%n]
			if he.id != "" && he.id == lastID {
				reset = false
				for j := i + 1; j < n; j++ {
					if e := h.ring[(h.next+j)%n]; c.wants(e) {
						replay = append(replay, e)
					}
				}
				break
			}
		}
	}
	h.clients[c] = struct{}{}
	return replay, reset, true
}

func (h *streamHub) unregister(c *streamClient) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c.gone)
	}
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

// stream answers /v1/stream: Server-Sent Events of new inferences, pushes, round
// results and prices, for as long as the client stays and keeps up.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	topics, err := parseTopicsFilter(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	// The server's read and write timeouts are for requests, not for a stream: clear
	// them before the hub may set the write deadline to drop this client.
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	c := &streamClient{
		ch:     make(chan *hubEvent, s.streamBuffer),
		gone:   make(chan struct{}),
		topics: topics,
		kill:   func() { _ = rc.SetWriteDeadline(time.Now()) },
	}
	s.hub.start()
	lastID, resume := r.Header.Get("Last-Event-ID"), r.Header.Get("Last-Event-ID") != ""
	replay, reset, ok := s.hub.register(c, lastID, resume)
	if !ok {
		s.fail(w, r, withDetail(fmt.Errorf("stream: shutting down: %w", errNotReady), "the server is shutting down"))
		return
	}
	defer s.hub.unregister(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", cacheNever)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Accel-Buffering", "no") // nginx and the like must pass events on as they come
	w.WriteHeader(http.StatusOK)

	// write sends frames and flushes them within streamWriteTimeout. The deadline is
	// set before gone is checked, so a drop racing with it still fails the write.
	write := func(frames ...[]byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
		select {
		case <-c.gone:
			return false
		default:
		}
		for _, f := range frames {
			if _, err := w.Write(f); err != nil {
				return false
			}
		}
		return rc.Flush() == nil
	}
	first := [][]byte{sseRetry}
	if reset {
		first = append(first, sseResetFrame)
	}
	for _, he := range replay {
		first = append(first, he.frame)
	}
	if !write(first...) {
		return
	}
	heartbeat := time.NewTicker(streamHeartbeat)
	defer heartbeat.Stop()
	batch := make([][]byte, 0, 16)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c.gone:
			return
		case <-heartbeat.C:
			if !write(sseHeartbeat) {
				return
			}
		case he := <-c.ch:
			// Whatever else is waiting goes out in the same flush.
			batch = append(batch[:0], he.frame)
		more:
			for len(batch) < cap(batch) {
				select {
				case he := <-c.ch:
					batch = append(batch, he.frame)
				default:
					break more
				}
			}
			if !write(batch...) {
				return
			}
		}
	}
}
