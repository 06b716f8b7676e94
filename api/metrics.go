package api

import (
	"net/http"
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// unmatchedRoute labels requests no route matched (unknown paths, methods not allowed)
// and those answered before routing (429, 413, 414, 431), so that clients probing
// random paths cannot grow the metrics without bound.
const unmatchedRoute = "unmatched"

// apiMetrics are the API's metrics, on the server's registry: its own, or the one
// given with WithRegistry.
type apiMetrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec

	// The label lookups of the vectors hash and lock; a request finds its series here.
	mu        sync.RWMutex
	counters  map[routeCode]prometheus.Counter
	observers map[string]prometheus.Observer
}

type routeCode struct {
	route string
	code  int
}

func newAPIMetrics(reg *prometheus.Registry) *apiMetrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &apiMetrics{
		registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_api_requests_total",
			Help: "HTTP requests answered by the API, by route pattern (\"unmatched\" when no route matched or the request was refused before routing) and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "allora_gateway_api_request_duration_seconds",
			Help: "Time from receiving a request's header to handing back its answer, by route pattern.",
			// From cached answers (tens of microseconds) to the request timeout.
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		counters:  make(map[routeCode]prometheus.Counter),
		observers: make(map[string]prometheus.Observer),
	}
	m.registry.MustRegister(m.requests, m.duration)
	return m
}

// observe records one answered request.
func (m *apiMetrics) observe(route string, code int, seconds float64) {
	key := routeCode{route, code}
	m.mu.RLock()
	c, okc := m.counters[key]
	o, oko := m.observers[route]
	m.mu.RUnlock()
	if !okc || !oko {
		m.mu.Lock()
		if c, okc = m.counters[key]; !okc {
			c = m.requests.WithLabelValues(route, strconv.Itoa(code))
			m.counters[key] = c
		}
		if o, oko = m.observers[route]; !oko {
			o = m.duration.WithLabelValues(route)
			m.observers[route] = o
		}
		m.mu.Unlock()
	}
	c.Inc()
	o.Observe(seconds)
}

func (m *apiMetrics) handler() http.Handler {
	h := promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A scrape must see current values, never a cached copy.
		w.Header().Set("Cache-Control", cacheNever)
		h.ServeHTTP(w, r)
	})
}
