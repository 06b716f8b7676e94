// Package api is the gateway's REST API: a chi router over the state the relayer
// writes, answering JSON and reporting errors as RFC 9457 problem details.
//
// Logging, for an operator: Error means the API could not answer a request because of
// something to fix on the server side (the store failed, the network handed over a
// value the oracle cannot carry, or a handler panicked); Warn means a request ran out of
// time, usually a slow store. Every request is logged at Debug.
package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/cors"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/api/dashboard"
	"github.com/allora-gateway/allora-gateway/internal/graceful"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Reader is the state the API serves. store.Memory and the Redis store satisfy it.
type Reader interface {
	Topics(ctx context.Context) ([]oracle.Topic, error)
	LatestInference(ctx context.Context, topicID uint64) (oracle.ScaledInference, error)
	// InferenceHistory is store.History's: up to limit of a topic's inferences, newest
	// first, below block height before (0 for the newest).
	InferenceHistory(ctx context.Context, topicID uint64, limit int, before uint64) ([]oracle.ScaledInference, error)
	Chains(ctx context.Context) ([]oracle.ChainStatus, error)
	// Markets, Rounds and Round are store.Markets's reads.
	Markets(ctx context.Context) ([]store.Market, error)
	Rounds(ctx context.Context, chainID uint64, market common.Address, limit int, before uint64) ([]store.Round, error)
	Round(ctx context.Context, chainID uint64, market common.Address, epoch uint64) (store.Round, error)
	// LatestPrice and PricesBetween are store.Prices's reads.
	LatestPrice(ctx context.Context, asset string) (store.Price, error)
	PricesBetween(ctx context.Context, asset string, from, to time.Time, limit int) ([]store.Price, error)
	// Subscribe is store.Events's: what /v1/stream sends.
	Subscribe(ctx context.Context) (<-chan store.Event, error)
}

const (
	// readyTimeout bounds how long /readyz waits for the store.
	readyTimeout = 2 * time.Second
	// DefaultRequestTimeout bounds how long a request may take to answer.
	DefaultRequestTimeout = 10 * time.Second
	// shutdownTimeout is how long Serve waits for requests in flight once its context
	// is cancelled.
	shutdownTimeout = 5 * time.Second
)

// Server answers the REST API from a Reader. Create it with New.
type Server struct {
	st             Reader // source, or the read cache over it
	source         Reader
	cache          *readCache
	cacheRefresh   time.Duration
	log            *slog.Logger
	now            func() time.Time
	version        string
	requestTimeout time.Duration

	rateLimit   float64 // requests per second per client; 0 turns limiting off
	rateBurst   int
	apiKeys     []string
	corsOrigins []string
	limiter     *clientLimiter
	metrics     *apiMetrics
	registry    *prometheus.Registry
	inferences  inferenceCache
	ids         *requestIDs
	assets      map[uint64]oracle.AssetTopic // by topic
	signer      UpdateSigner                 // signs pull-mode updates; nil answers 503
	domains     map[uint64]oracle.Domain     // each chain's oracle domain, by chain id
	updates     updateCache

	keyRateLimit   float64 // requests per second per API key; 0: as rateLimit
	keyRateBurst   int
	trustedProxies []netip.Prefix
	metricsLn      net.Listener // where /metrics is served; nil: beside the API

	streamLog                       int
	maxStreams, maxStreamsPerClient int
	hub                             *streamHub

	readiness []readinessCheck // beside the store, what /readyz requires
}

// Option configures a Server.
type Option func(*Server)

// WithLogger sets the logger; the default discards everything.
func WithLogger(l *slog.Logger) Option {
	return func(s *Server) { s.log = l }
}

// WithClock sets the clock the server times requests with; the default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}

// WithVersion sets the version /healthz reports.
func WithVersion(v string) Option {
	return func(s *Server) { s.version = v }
}

// WithRequestTimeout sets how long a request may take before it is answered with 503;
// the default is DefaultRequestTimeout.
func WithRequestTimeout(d time.Duration) Option {
	return func(s *Server) { s.requestTimeout = d }
}

// WithRateLimit sets each client's sustained rate (requests per second) and burst;
// perSecond <= 0 turns rate limiting off. The default is DefaultRateLimit and
// DefaultRateBurst. A client is its IP address, or its API key (see WithAPIKeys).
func WithRateLimit(perSecond float64, burst int) Option {
	return func(s *Server) { s.rateLimit, s.rateBurst = perSecond, max(burst, 1) }
}

// WithAPIKeys names API keys whose holders are rate limited per key, each on its own,
// rather than per IP address: a service behind a shared address, or one given its own
// budget (see WithKeyRateLimit). A request with a key not named here counts against
// its IP address. Keys are never logged or shown.
func WithAPIKeys(keys ...string) Option {
	return func(s *Server) { s.apiKeys = append(s.apiKeys, keys...) }
}

// WithKeyRateLimit sets each API key's sustained rate (requests per second) and burst;
// the default, and perSecond <= 0, is what WithRateLimit sets for a client.
func WithKeyRateLimit(perSecond float64, burst int) Option {
	return func(s *Server) { s.keyRateLimit, s.keyRateBurst = perSecond, max(burst, 1) }
}

// WithTrustedProxies names the proxies (load balancers, ingresses) whose
// X-Forwarded-For the server believes: a request from one of these prefixes is the
// client's at the rightmost address of X-Forwarded-For that is not in them. Without
// it, and for a request from any other address, the client is the connecting address
// and X-Forwarded-For is ignored, so that no client can choose its own.
func WithTrustedProxies(prefixes ...netip.Prefix) Option {
	return func(s *Server) {
		for _, p := range prefixes {
			s.trustedProxies = append(s.trustedProxies, p.Masked())
		}
	}
}

// WithMetricsListener serves /metrics on ln, alone, and not on the API's listener: the
// relayer's metrics carry wallet balances and the state of every chain, which the
// public need not see. Serve serves ln and closes it.
func WithMetricsListener(ln net.Listener) Option {
	return func(s *Server) { s.metricsLn = ln }
}

// WithAssetTopics tells the API which topic predicts which asset over which
// timeframe; /v1/topics shows it beside each mapped topic.
func WithAssetTopics(mapping []oracle.AssetTopic) Option {
	return func(s *Server) {
		s.assets = make(map[uint64]oracle.AssetTopic, len(mapping))
		for _, a := range mapping {
			s.assets[a.TopicID] = a
		}
	}
}

// WithRegistry puts the API's metrics on reg, and has /metrics serve everything reg
// holds, so that the rest of the process can expose its metrics there too. The default
// is a registry of the server's own. Two servers must not share a registry: the second
// would find the API's metrics already registered and panic.
func WithRegistry(reg *prometheus.Registry) Option {
	return func(s *Server) { s.registry = reg }
}

// WithCORSOrigins lets browser pages from origins read the API cross-origin; "*" allows
// every origin, and "https://*.example.com" a family. The default is none: no CORS
// headers, so browsers keep the same-origin rule.
func WithCORSOrigins(origins ...string) Option {
	return func(s *Server) { s.corsOrigins = append(s.corsOrigins, origins...) }
}

// New returns a server answering from st.
func New(st Reader, opts ...Option) *Server {
	s := &Server{
		st:             st,
		log:            slog.New(slog.DiscardHandler),
		now:            time.Now,
		requestTimeout: DefaultRequestTimeout,
		rateLimit:      DefaultRateLimit,
		rateBurst:      DefaultRateBurst,
		streamLog:      DefaultStreamLog,
		maxStreams:     DefaultMaxStreams,

		maxStreamsPerClient: DefaultMaxStreamsPerClient,
	}
	for _, o := range opts {
		o(s)
	}
	s.metrics = newAPIMetrics(s.registry)
	s.source = st
	if s.cacheRefresh > 0 {
		s.cache = newReadCache(st, s.log, s.now, s.cacheRefresh, s.metrics.registry)
		s.st = s.cache
	}
	s.ids = newRequestIDs()
	s.hub = newStreamHub(st, s.log, s.streamLog, s.maxStreams, s.maxStreamsPerClient, s.metrics.registry)
	if s.rateLimit > 0 {
		perKey := newRatePolicy("api-key", s.rateLimit, s.rateBurst)
		if s.keyRateLimit > 0 {
			perKey = newRatePolicy("api-key", s.keyRateLimit, s.keyRateBurst)
		}
		s.limiter = newClientLimiter(newRatePolicy("client", s.rateLimit, s.rateBurst), perKey, s.apiKeys, s.now())
	}
	return s
}

// Handler returns the API's HTTP handler.
func (s *Server) Handler() http.Handler {
	if s.cache != nil {
		s.cache.start()
	}
	r := chi.NewRouter()
	// The access log and metrics sit outside the recoverer so that they record the 500
	// a panic becomes.
	r.Use(s.requestContext, s.observe, s.recoverer, s.limitRequest)
	if len(s.corsOrigins) > 0 {
		// Before the rate limit, so that a browser can read a 429 and preflights are
		// not counted.
		r.Use(cors.Handler(cors.Options{
			AllowedOrigins: s.corsOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodHead},
			AllowedHeaders: []string{"X-Api-Key", "X-Request-Id", "If-None-Match"},
			ExposedHeaders: []string{"ETag", "Retry-After", "X-Request-Id", "RateLimit", "RateLimit-Policy"},
			MaxAge:         600,
		}))
	}
	if s.limiter != nil {
		r.Use(s.limitRate)
	}
	// HEAD is answered on every GET route, as GET without the body.
	r.Use(middleware.GetHead)
	r.NotFound(s.notFound)
	r.MethodNotAllowed(s.methodNotAllowed)

	// Routes are flat, not mounted, so that a path parameter is always cut from the
	// request's raw path when it has one (see topicIDParam).
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	if s.metricsLn == nil {
		r.Method(http.MethodGet, "/metrics", s.metrics.handler())
	}
	r.Get("/openapi.yaml", s.openAPI)
	r.Get("/v1/topics", s.cachedRoute(s.topics))
	r.Get("/v1/topics/{topicId}/inference", s.cachedRoute(s.inference))
	r.Get("/v1/topics/{topicId}/history", s.cachedRoute(s.history))
	r.Get("/v1/topics/{topicId}/update", s.update)
	r.Get("/v1/topics/{topicId}/accuracy", s.accuracy)
	r.Get("/v1/predictions/{asset}/{timeframe}", s.cachedRoute(s.prediction))
	r.Get("/v1/predictions/{asset}/{timeframe}/series", s.series)
	r.Get("/v1/chains", s.cachedRoute(s.chains))
	r.Get("/v1/markets/{chainId}", s.cachedRoute(s.markets))
	r.Get("/v1/markets/{chainId}/{marketId}/rounds/{epoch}", s.round)
	r.Get(streamPath, s.stream)
	dash := dashboard.Handler(http.HandlerFunc(s.notFound))
	r.Method(http.MethodGet, "/", dash)
	r.Method(http.MethodGet, dashboard.AssetPrefix+"{file}", dash)
	return r
}

// Close ends every /v1/stream answer and the server's subscription to the store's
// events; the server streams no more. Serve closes the server when it shuts down; a
// caller serving Handler itself closes it before shutting its own server down, which
// would otherwise wait for the streams.
func (s *Server) Close() {
	if s.hub != nil {
		s.hub.close()
	}
	if s.cache != nil {
		s.cache.close()
	}
}

// MetricsHandler answers /metrics alone, as the listener of WithMetricsListener does.
func (s *Server) MetricsHandler() http.Handler {
	r := chi.NewRouter()
	r.Use(s.requestContext, s.recoverer, middleware.GetHead)
	r.NotFound(s.notFound)
	r.MethodNotAllowed(s.methodNotAllowed)
	r.Method(http.MethodGet, "/metrics", s.metrics.handler())
	return r
}

// Serve answers requests on ln (and /metrics on the listener of WithMetricsListener)
// until ctx is cancelled, then stops accepting and waits up to 5s for requests in
// flight. It returns nil after a clean shutdown and closes the listeners.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	type served struct {
		ln  net.Listener
		srv *http.Server
	}
	newServer := func(h http.Handler) *http.Server {
		srv := &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 5 * time.Second,
			MaxHeaderBytes:    maxHeaderBytesHard,
			ReadTimeout:       15 * time.Second,
			WriteTimeout:      s.requestTimeout + 5*time.Second,
			IdleTimeout:       2 * time.Minute,
			ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
			// Requests keep the context's values but not its cancellation, so that
			// shutting down lets requests in flight finish instead of failing them.
			BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		}
		// A connection that has asked nothing yet (a browser's preconnect) does not hold
		// the shutdown.
		graceful.DropUnusedOnShutdown(srv)
		return srv
	}
	servers := []served{{ln, newServer(s.Handler())}}
	if s.metricsLn != nil {
		servers = append(servers, served{s.metricsLn, newServer(s.MetricsHandler())})
	}
	if s.hub != nil {
		// Subscribe now, so that clients can resume from events before they came.
		s.hub.start()
	}
	defer s.Close() // also when serving fails
	done := make(chan error, len(servers))
	for _, sv := range servers {
		go func() {
			err := sv.srv.Serve(sv.ln)
			if !errors.Is(err, http.ErrServerClosed) {
				err = fmt.Errorf("serve api on %s: %w", sv.ln.Addr(), err)
			}
			done <- err
		}()
	}

	var err error
	pending := len(servers)
	select {
	case err = <-done:
		// A listener failed: stop the other too.
		pending--
	case <-ctx.Done():
	}
	s.log.Info("shutting down api", "addr", ln.Addr().String())
	// Streams never finish by themselves; end them so that Shutdown need not wait.
	s.Close()
	shutCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	for _, sv := range servers {
		if serr := sv.srv.Shutdown(shutCtx); serr != nil {
			err = errors.Join(err, fmt.Errorf("shut down api on %s: %w", sv.ln.Addr(), serr), sv.srv.Close())
		}
	}
	for range pending {
		if serveErr := <-done; !errors.Is(serveErr, http.ErrServerClosed) {
			err = errors.Join(err, serveErr)
		}
	}
	return err
}
