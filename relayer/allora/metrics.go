package allora

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Metrics are the Prometheus metrics of the gateway's Allora source. They live on the
// registry given to NewMetrics, never on the global one, so that several pools (and
// tests) can each have their own. A nil *Metrics records nothing.
type Metrics struct {
	healthy    *prometheus.GaugeVec
	height     *prometheus.GaugeVec
	bestHeight prometheus.Gauge
	duration   *prometheus.HistogramVec
	errors     *prometheus.CounterVec

	missedByWebsocket  *prometheus.CounterVec
	subscriptionSilent *prometheus.GaugeVec
}

// Error kinds, the values of the kind label of allora_gateway_allora_errors_total.
const (
	ErrorKindTimeout        = "timeout"         // the request's deadline passed
	ErrorKindRateLimited    = "rate_limited"    // HTTP 429 or gRPC ResourceExhausted
	ErrorKindMempoolFull    = "mempool_full"    // the node said "mempool is full"
	ErrorKindUnavailable    = "unavailable"     // no connection, gRPC Unavailable, HTTP 502-504
	ErrorKindServerError    = "server_error"    // another HTTP 5xx
	ErrorKindNoInference    = "no_inference"    // the topic has no inference yet (not the node's fault)
	ErrorKindTopicNotFound  = "topic_not_found" // the chain has no such topic (not the node's fault)
	ErrorKindNotImplemented = "not_implemented" // the node lacks the emissions version
	ErrorKindUnexpected     = "unexpected"      // an answer the gateway cannot use
	ErrorKindLagging        = "lagging"         // a health check found the node behind the others
	ErrorKindCanceled       = "canceled"        // the caller gave up
	ErrorKindOther          = "other"
)

// NewMetrics registers the source's metrics on reg:
//
//   - allora_gateway_allora_endpoint_healthy{endpoint}: 1 when the pool sends requests
//     to the endpoint, 0 while it is backing off, rate limited or lagging;
//   - allora_gateway_allora_endpoint_height{endpoint}: the latest block height the
//     endpoint reported;
//   - allora_gateway_allora_height: the highest Allora block height seen on any endpoint;
//   - allora_gateway_allora_request_duration_seconds{endpoint,method}: latency of each
//     request (method LatestInference, Topic or LatestHeight);
//   - allora_gateway_allora_errors_total{endpoint,kind}: failed requests by kind (the
//     ErrorKind constants);
//   - allora_gateway_allora_inferences_missed_by_websocket_total{topic_id}: new
//     inferences a poll found that the websocket had not reported;
//   - allora_gateway_allora_subscription_silent{topic_id}: 1 while the websocket stays
//     silent for a topic whose new inferences polls find.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		healthy: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_allora_endpoint_healthy",
			Help: "1 when the Allora endpoint receives requests, 0 while it backs off, is rate limited or lags.",
		}, []string{"endpoint"}),
		height: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_allora_endpoint_height",
			Help: "Latest Allora block height the endpoint reported.",
		}, []string{"endpoint"}),
		bestHeight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "allora_gateway_allora_height",
			Help: "Highest Allora block height seen on any endpoint.",
		}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "allora_gateway_allora_request_duration_seconds",
			Help:    "Latency of requests to Allora endpoints.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"endpoint", "method"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_allora_errors_total",
			Help: "Failed requests to Allora endpoints, by kind.",
		}, []string{"endpoint", "kind"}),
	}
	m.missedByWebsocket, m.subscriptionSilent = newSilenceMetrics()
	for _, c := range []prometheus.Collector{m.healthy, m.height, m.bestHeight, m.duration, m.errors, m.missedByWebsocket, m.subscriptionSilent} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *Metrics) observe(endpoint, method string, d time.Duration) {
	if m != nil {
		m.duration.WithLabelValues(endpoint, method).Observe(d.Seconds())
	}
}

func (m *Metrics) countError(endpoint, kind string) {
	if m != nil {
		m.errors.WithLabelValues(endpoint, kind).Inc()
	}
}

func (m *Metrics) setHealth(endpoint string, healthy bool, height uint64) {
	if m == nil {
		return
	}
	v := 0.0
	if healthy {
		v = 1
	}
	m.healthy.WithLabelValues(endpoint).Set(v)
	if height > 0 {
		m.height.WithLabelValues(endpoint).Set(float64(height))
	}
}

func (m *Metrics) setBestHeight(h uint64) {
	if m != nil {
		m.bestHeight.Set(float64(h))
	}
}

// ErrorKind names what kind of failure err is, one of the ErrorKind constants.
func ErrorKind(err error) string {
	var re *ResponseError
	isResponse := errors.As(err, &re)
	var ne net.Error
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.Canceled) || status.Code(err) == codes.Canceled:
		return ErrorKindCanceled
	case errors.Is(err, context.DeadlineExceeded) || status.Code(err) == codes.DeadlineExceeded ||
		(errors.As(err, &ne) && ne.Timeout()):
		return ErrorKindTimeout
	case isResponse && (re.StatusCode == http.StatusTooManyRequests || re.GRPCCode == int(codes.ResourceExhausted)):
		return ErrorKindRateLimited
	case strings.Contains(strings.ToLower(err.Error()), "mempool is full"):
		return ErrorKindMempoolFull
	case errors.Is(err, ErrNoInference):
		return ErrorKindNoInference
	case errors.Is(err, ErrTopicNotFound):
		return ErrorKindTopicNotFound
	case errors.Is(err, ErrNotImplemented):
		return ErrorKindNotImplemented
	case status.Code(err) == codes.Unavailable ||
		(isResponse && re.StatusCode >= http.StatusBadGateway && re.StatusCode <= http.StatusGatewayTimeout):
		return ErrorKindUnavailable
	case isResponse && re.StatusCode >= 500:
		return ErrorKindServerError
	case errors.Is(err, ErrUnexpectedResponse):
		return ErrorKindUnexpected
	case errors.As(err, &ne):
		return ErrorKindUnavailable // refused, reset, unreachable
	}
	return ErrorKindOther
}
