package api

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

const (
	// DefaultCacheRefresh is how often a read cache reads everything it holds again,
	// whatever the events said.
	DefaultCacheRefresh = 5 * time.Second
	// cacheHistoryDepth is how many of each topic's newest inferences the cache holds:
	// a default history page with the one that tells whether there is a next page, and
	// a default series.
	cacheHistoryDepth = max(DefaultHistoryLimit+1, DefaultSeriesLimit)
	// cacheBodies bounds the encoded answers one snapshot keeps, so that query strings
	// chosen by clients cannot grow it without end.
	cacheBodies = 4096
	// cacheRetry is how soon a failed read of the store is tried again.
	cacheRetry = time.Second
)

// WithReadCache serves the reads behind /v1/topics, /v1/topics/{topicId}/inference,
// the first page of /v1/topics/{topicId}/history, /v1/predictions/{asset}/{timeframe},
// /v1/chains and /v1/markets/{chainId} from memory: a snapshot of the store, read
// whole at start and every refresh, and kept current in between by the store's
// events (an inference re-reads its topic, a push the chains, a round the markets, a
// price its asset). The answers encoded from a snapshot are kept with it.
//
// Staleness is bounded: a snapshot whose last whole read began more than twice
// refresh ago is not served (reads go to the store until a whole read succeeds), and
// a subscription to the events that ends (the store dropped it or lost its connection)
// is renewed and followed by a whole read, since events meanwhile are lost. Redis
// renews a lost pub/sub connection by itself without telling; the timer bounds what
// that misses. refresh <= 0 turns the cache off: every request reads the store.
func WithReadCache(refresh time.Duration) Option {
	return func(s *Server) { s.cacheRefresh = refresh }
}

// snapshot is what a read cache serves: immutable once published, replaced whole.
type snapshot struct {
	fullAt  time.Time // when the last whole read of the store began
	topics  []oracle.Topic
	known   map[uint64]bool
	latest  map[uint64]oracle.ScaledInference
	history map[uint64][]oracle.ScaledInference // newest first, up to cacheHistoryDepth
	chains  []oracle.ChainStatus
	markets []store.Market
	prices  map[string]cachedPrice // by asset, for the assets asked about

	bodies  sync.Map // request URI -> *cachedBody encoded from this snapshot
	nbodies atomic.Int32
}

type cachedPrice struct {
	p     store.Price
	found bool
}

type cachedBody struct {
	body         []byte
	length       []string // the Content-Length header's value
	etag         []string
	cacheControl []string
	contentType  []string
}

// readCache is a Reader answering from a snapshot of another one.
type readCache struct {
	src     Reader
	log     *slog.Logger
	now     func() time.Time
	refresh time.Duration

	snap atomic.Pointer[snapshot]

	startOnce sync.Once
	ctx       context.Context
	cancel    context.CancelFunc
	done      chan struct{}

	mu      sync.Mutex
	assets  map[string]bool // assets whose price the snapshot holds
	askedMu chan struct{}   // wakes the loop for a newly asked asset

	fullReads   prometheus.Counter
	resubscribe prometheus.Counter
	age         prometheus.GaugeFunc
}

func newReadCache(src Reader, log *slog.Logger, now func() time.Time, refresh time.Duration, reg prometheus.Registerer) *readCache {
	ctx, cancel := context.WithCancel(context.Background())
	c := &readCache{
		src: src, log: log, now: now, refresh: refresh,
		ctx: ctx, cancel: cancel, done: make(chan struct{}),
		assets:  make(map[string]bool),
		askedMu: make(chan struct{}, 1),
		fullReads: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "allora_gateway_api_cache_full_reads_total",
			Help: "Whole reads of the store the API's read cache completed: at start, every refresh, and after the event subscription was renewed.",
		}),
		resubscribe: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "allora_gateway_api_cache_resubscriptions_total",
			Help: "Times the read cache's event subscription ended and was renewed, each followed by a whole read.",
		}),
	}
	c.age = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "allora_gateway_api_cache_age_seconds",
		Help: "Seconds since the read cache's last whole read of the store began; past twice the refresh the cache is not served.",
	}, func() float64 {
		if sn := c.snap.Load(); sn != nil {
			return c.now().Sub(sn.fullAt).Seconds()
		}
		return 0
	})
	reg.MustRegister(c.fullReads, c.resubscribe, c.age)
	return c
}

// start subscribes and begins filling the cache, once. Until the first whole read is
// done, reads go to the store.
func (c *readCache) start() {
	c.startOnce.Do(func() { go c.run() })
}

func (c *readCache) close() {
	c.startOnce.Do(func() { close(c.done) })
	c.cancel()
	<-c.done
}

// fresh returns the snapshot when it may be served, nil when reads must go to the
// store.
func (c *readCache) fresh() *snapshot {
	sn := c.snap.Load()
	if sn == nil || c.now().Sub(sn.fullAt) > 2*c.refresh {
		return nil
	}
	return sn
}

// dirty is what events said changed since the last read.
type dirty struct {
	full    bool
	topics  map[uint64]bool
	chains  bool
	markets bool
	assets  map[string]bool
}

func (d *dirty) empty() bool {
	return !d.full && len(d.topics) == 0 && !d.chains && !d.markets && len(d.assets) == 0
}

func (d *dirty) mark(ev store.Event) {
	switch e := ev.Payload.(type) {
	case store.InferenceEvent:
		d.topics[e.Inference.TopicID] = true
	case store.PushEvent:
		d.chains = true
	case store.RoundEvent:
		d.markets = true
	case store.PriceEvent:
		d.assets[e.Price.Asset] = true
	}
}

func newDirty() dirty {
	return dirty{full: true, topics: map[uint64]bool{}, assets: map[string]bool{}}
}

// run keeps the snapshot current: subscribe, read whole, then apply what events say
// changed, reading whole again every refresh and after every renewed subscription.
func (c *readCache) run() {
	defer close(c.done)
	tick := time.NewTicker(c.refresh)
	defer tick.Stop()
	var (
		sub   <-chan store.Event
		d     = newDirty()
		retry <-chan time.Time
	)
	for {
		if sub == nil {
			var err error
			if sub, err = c.src.Subscribe(c.ctx); err != nil {
				if c.ctx.Err() != nil {
					return
				}
				c.log.Warn("read cache cannot subscribe to events; reading the store every refresh", "err", err)
				sub = nil
			}
		}
		if !d.empty() {
			if err := c.apply(d); err != nil {
				if c.ctx.Err() != nil {
					return
				}
				c.log.Warn("read cache cannot read the store; trying again", "err", err)
				retry = time.After(cacheRetry)
			} else {
				d, retry = dirty{topics: map[uint64]bool{}, assets: map[string]bool{}}, nil
			}
		}
		select {
		case <-c.ctx.Done():
			return
		case <-tick.C:
			d.full = true
		case <-retry:
		case <-c.askedMu:
			c.mu.Lock()
			for a := range c.assets {
				d.assets[a] = true
			}
			c.mu.Unlock()
		case ev, ok := <-sub:
			if !ok {
				if c.ctx.Err() != nil {
					return
				}
				c.resubscribe.Inc()
				c.log.Warn("read cache's event subscription ended; subscribing again and reading the store whole")
				sub, d.full = nil, true
				continue
			}
			d.mark(ev)
			// Take whatever else has come, so a burst costs one read per topic.
		more:
			for range 1024 {
				select {
				case ev, ok := <-sub:
					if !ok {
						break more
					}
					d.mark(ev)
				default:
					break more
				}
			}
		}
	}
}

// apply reads what d names from the store and publishes the snapshot it makes.
func (c *readCache) apply(d dirty) error {
	ctx := c.ctx
	prev := c.snap.Load()
	next := &snapshot{}
	if d.full || prev == nil {
		next.fullAt = c.now()
		topics, err := c.src.Topics(ctx)
		if err != nil {
			return err
		}
		chains, err := c.src.Chains(ctx)
		if err != nil {
			return err
		}
		markets, err := c.src.Markets(ctx)
		if err != nil {
			return err
		}
		next.topics, next.chains, next.markets = topics, chains, markets
		next.latest = make(map[uint64]oracle.ScaledInference, len(topics))
		next.history = make(map[uint64][]oracle.ScaledInference, len(topics))
		for _, t := range topics {
			if err := c.readTopic(ctx, next, t.ID); err != nil {
				return err
			}
		}
		c.mu.Lock()
		assets := slices.Collect(maps.Keys(c.assets))
		c.mu.Unlock()
		next.prices = make(map[string]cachedPrice, len(assets))
		for _, a := range assets {
			if err := c.readPrice(ctx, next, a); err != nil {
				return err
			}
		}
	} else {
		next.fullAt, next.topics, next.chains, next.markets = prev.fullAt, prev.topics, prev.chains, prev.markets
		next.latest, next.history, next.prices = prev.latest, prev.history, prev.prices
		if len(d.topics) > 0 {
			next.latest, next.history = maps.Clone(prev.latest), maps.Clone(prev.history)
			for id := range d.topics {
				if !prev.known[id] {
					// An inference of a topic the snapshot does not know: the
					// topics changed too.
					topics, err := c.src.Topics(ctx)
					if err != nil {
						return err
					}
					next.topics = topics
				}
				if err := c.readTopic(ctx, next, id); err != nil {
					return err
				}
			}
		}
		if d.chains {
			chains, err := c.src.Chains(ctx)
			if err != nil {
				return err
			}
			next.chains = chains
		}
		if d.markets {
			markets, err := c.src.Markets(ctx)
			if err != nil {
				return err
			}
			next.markets = markets
		}
		if len(d.assets) > 0 {
			next.prices = maps.Clone(prev.prices)
			c.mu.Lock()
			for a := range d.assets {
				if !c.assets[a] {
					delete(d.assets, a) // a price nobody asked about
				}
			}
			c.mu.Unlock()
			for a := range d.assets {
				if err := c.readPrice(ctx, next, a); err != nil {
					return err
				}
			}
		}
	}
	next.known = make(map[uint64]bool, len(next.topics))
	for _, t := range next.topics {
		next.known[t.ID] = true
	}
	c.snap.Store(next)
	if d.full || prev == nil {
		c.fullReads.Inc()
	}
	return nil
}

func (c *readCache) readTopic(ctx context.Context, sn *snapshot, id uint64) error {
	inf, err := c.src.LatestInference(ctx, id)
	switch {
	case err == nil:
		sn.latest[id] = inf
	case errors.Is(err, store.ErrNotFound):
		delete(sn.latest, id)
	default:
		return err
	}
	h, err := c.src.InferenceHistory(ctx, id, cacheHistoryDepth, 0)
	if err != nil {
		return err
	}
	sn.history[id] = h
	return nil
}

func (c *readCache) readPrice(ctx context.Context, sn *snapshot, asset string) error {
	p, err := c.src.LatestPrice(ctx, asset)
	switch {
	case err == nil:
		sn.prices[asset] = cachedPrice{p: p, found: true}
	case errors.Is(err, store.ErrNotFound):
		sn.prices[asset] = cachedPrice{}
	default:
		return err
	}
	return nil
}

func (c *readCache) Topics(ctx context.Context) ([]oracle.Topic, error) {
	if sn := c.fresh(); sn != nil {
		return slices.Clone(sn.topics), nil
	}
	return c.src.Topics(ctx)
}

func (c *readCache) LatestInference(ctx context.Context, topicID uint64) (oracle.ScaledInference, error) {
	if sn := c.fresh(); sn != nil && sn.known[topicID] {
		if inf, ok := sn.latest[topicID]; ok {
			return inf, nil
		}
		return oracle.ScaledInference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, store.ErrNotFound)
	}
	return c.src.LatestInference(ctx, topicID)
}

func (c *readCache) InferenceHistory(ctx context.Context, topicID uint64, limit int, before uint64) ([]oracle.ScaledInference, error) {
	if sn := c.fresh(); sn != nil && sn.known[topicID] && before == 0 && limit >= 1 {
		// The cached page answers when it holds limit inferences, or the whole history.
		if h := sn.history[topicID]; limit <= len(h) || len(h) < cacheHistoryDepth {
			return slices.Clone(h[:min(limit, len(h))]), nil
		}
	}
	return c.src.InferenceHistory(ctx, topicID, limit, before)
}

func (c *readCache) Chains(ctx context.Context) ([]oracle.ChainStatus, error) {
	if sn := c.fresh(); sn != nil {
		return slices.Clone(sn.chains), nil
	}
	return c.src.Chains(ctx)
}

func (c *readCache) Markets(ctx context.Context) ([]store.Market, error) {
	if sn := c.fresh(); sn != nil {
		return slices.Clone(sn.markets), nil
	}
	return c.src.Markets(ctx)
}

func (c *readCache) LatestPrice(ctx context.Context, asset string) (store.Price, error) {
	if sn := c.fresh(); sn != nil {
		if cp, ok := sn.prices[asset]; ok {
			if !cp.found {
				return store.Price{}, fmt.Errorf("latest price of %s: %w", asset, store.ErrNotFound)
			}
			return cp.p, nil
		}
	}
	p, err := c.src.LatestPrice(ctx, asset)
	if err == nil || errors.Is(err, store.ErrNotFound) {
		// Hold this asset's price from now on. Only assets the server maps to a
		// topic get here, so the set stays small.
		c.mu.Lock()
		asked := !c.assets[asset]
		c.assets[asset] = true
		c.mu.Unlock()
		if asked {
			select {
			case c.askedMu <- struct{}{}:
			default:
			}
		}
	}
	return p, err
}

// Rounds, Round and PricesBetween read the store: they page through what the
// snapshot does not hold.
func (c *readCache) Rounds(ctx context.Context, chainID uint64, market common.Address, limit int, before uint64) ([]store.Round, error) {
	return c.src.Rounds(ctx, chainID, market, limit, before)
}

func (c *readCache) Round(ctx context.Context, chainID uint64, market common.Address, epoch uint64) (store.Round, error) {
	return c.src.Round(ctx, chainID, market, epoch)
}

func (c *readCache) PricesBetween(ctx context.Context, asset string, from, to time.Time, limit int) ([]store.Price, error) {
	return c.src.PricesBetween(ctx, asset, from, to, limit)
}

func (c *readCache) Subscribe(ctx context.Context) (<-chan store.Event, error) {
	return c.src.Subscribe(ctx)
}

// bodyRecorder keeps what a handler answers, to be kept with the snapshot and then
// written.
type bodyRecorder struct {
	header http.Header
	status int
	body   []byte
}

func (b *bodyRecorder) Header() http.Header { return b.header }
func (b *bodyRecorder) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}
func (b *bodyRecorder) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	b.body = append(b.body, p...)
	return len(p), nil
}

// cachedRoute answers a GET from the encoded answer kept with the snapshot when there
// is one, and keeps the handler's answer otherwise. Only cacheable 200 answers are
// kept: whatever the handler reads comes from the snapshot loaded first or a newer
// one, so a kept answer is never older than the snapshot it is kept with.
func (s *Server) cachedRoute(h http.HandlerFunc) http.HandlerFunc {
	if s.cache == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		sn := s.cache.fresh()
		if sn == nil || r.Method != http.MethodGet {
			h(w, r)
			return
		}
		key := r.RequestURI
		if v, ok := sn.bodies.Load(key); ok {
			e := v.(*cachedBody)
			if inm := r.Header["If-None-Match"]; len(inm) == 0 || !etagMatches(inm[0], e.etag[0]) {
				// Known, so that the body goes out in one piece rather than chunked.
				w.Header()["Content-Length"] = e.length
			}
			writeCacheable(w, r, e.contentType, e.body, e.etag, e.cacheControl)
			return
		}
		inner := r
		if _, ok := r.Header["If-None-Match"]; ok {
			inner = r.Clone(r.Context())
			inner.Header.Del("If-None-Match")
		}
		rec := &bodyRecorder{header: make(http.Header)}
		h(rec, inner)
		rh := rec.header
		if etag, cc := rh["Etag"], rh["Cache-Control"]; rec.status == http.StatusOK && len(etag) == 1 && len(cc) == 1 && cc[0] != cacheNever {
			e := &cachedBody{body: rec.body, length: []string{strconv.Itoa(len(rec.body))}, etag: etag, cacheControl: cc, contentType: rh["Content-Type"]}
			if sn.nbodies.Add(1) <= cacheBodies {
				sn.bodies.Store(key, e)
			}
			writeCacheable(w, r, e.contentType, e.body, e.etag, e.cacheControl)
			return
		}
		for k, v := range rh {
			w.Header()[k] = v
		}
		w.WriteHeader(cmp.Or(rec.status, http.StatusOK))
		_, _ = w.Write(rec.body)
	}
}
