package rpcpool

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the Prometheus metrics of every chain's RPC endpoints, labelled by
// chain (its configured name) and endpoint (its name: an index, never the URL, which
// may carry a key). One Metrics serves all the pools of a process. A nil *Metrics
// records nothing.
type Metrics struct {
	up        *prometheus.GaugeVec
	head      *prometheus.GaugeVec
	chainHead *prometheus.GaugeVec
	duration  *prometheus.HistogramVec
	errors    *prometheus.CounterVec
}

// NewMetrics registers the endpoints' metrics on reg:
//
//   - allora_gateway_rpc_endpoint_up{chain,endpoint}: 1 when the endpoint gets
//     requests first (verified, answering, at the highest block), 0 otherwise;
//   - allora_gateway_rpc_endpoint_head{chain,endpoint}: the latest block number it
//     reported;
//   - allora_gateway_rpc_head{chain}: the highest block number any endpoint reported;
//   - allora_gateway_rpc_request_duration_seconds{chain,endpoint,method}: latency of
//     each call (method is the Go method, such as SendTransaction; health checks are
//     BlockNumber and ChainID);
//   - allora_gateway_rpc_errors_total{chain,endpoint,kind}: failures by kind (the
//     Kind constants).
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		up: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_rpc_endpoint_up",
			Help: "1 when the chain's RPC endpoint gets requests first (verified, answering, at the highest block).",
		}, []string{"chain", "endpoint"}),
		head: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_rpc_endpoint_head",
			Help: "Latest block number the RPC endpoint reported.",
		}, []string{"chain", "endpoint"}),
		chainHead: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_rpc_head",
			Help: "Highest block number any RPC endpoint of the chain reported.",
		}, []string{"chain"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "allora_gateway_rpc_request_duration_seconds",
			Help:    "Latency of calls to the chain's RPC endpoints.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"chain", "endpoint", "method"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_rpc_errors_total",
			Help: "Failed calls to the chain's RPC endpoints, by kind.",
		}, []string{"chain", "endpoint", "kind"}),
	}
	var errs []error
	for _, c := range []prometheus.Collector{m.up, m.head, m.chainHead, m.duration, m.errors} {
		if err := reg.Register(c); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *Metrics) setEndpoint(chain, endpoint string, up bool, head uint64) {
	if m == nil {
		return
	}
	v := 0.0
	if up {
		v = 1
	}
	m.up.WithLabelValues(chain, endpoint).Set(v)
	m.head.WithLabelValues(chain, endpoint).Set(float64(head))
}

func (m *Metrics) setHead(chain string, head uint64) {
	if m == nil {
		return
	}
	m.chainHead.WithLabelValues(chain).Set(float64(head))
}

func (m *Metrics) observe(chain, endpoint, method string, d time.Duration) {
	if m == nil {
		return
	}
	m.duration.WithLabelValues(chain, endpoint, method).Observe(d.Seconds())
}

func (m *Metrics) countError(chain, endpoint, kind string) {
	if m == nil {
		return
	}
	m.errors.WithLabelValues(chain, endpoint, kind).Inc()
}
