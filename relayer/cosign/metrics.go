package cosign

import (
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the co-signer's Prometheus metrics.
type metrics struct {
	signed        prometheus.Counter
	signedUpdates prometheus.Counter
	refused       *prometheus.CounterVec
	duration      prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		signed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "allora_gateway_cosign_signed_batches_total",
			Help: "Batches this co-signer checked against its Allora node and signed.",
		}),
		signedUpdates: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "allora_gateway_cosign_signed_updates_total",
			Help: "Topic updates in the batches this co-signer signed.",
		}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_cosign_refused_total",
			Help: "Sign requests refused, by reason (value_mismatch, stale_proposal, unknown_version, bad_signature, ...).",
		}, []string{"reason"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "allora_gateway_cosign_sign_duration_seconds",
			Help:    "Time from receiving a batch to signing it, mostly the Allora queries.",
			Buckets: prometheus.DefBuckets,
		}),
	}
	for _, c := range []prometheus.Collector{m.signed, m.signedUpdates, m.refused, m.duration} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("cosign: register metrics: %w", err)
		}
	}
	return m, nil
}

// ClientMetrics are a relayer's metrics of the co-signers it asks, one series per
// co-signer: whether it answered its last request, its refusals by reason, and how
// long its answers take. One ClientMetrics serves every Client of a process
// (WithMetrics).
type ClientMetrics struct {
	reachable *prometheus.GaugeVec
	refusals  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
}

// NewClientMetrics registers the co-signer client metrics on reg.
func NewClientMetrics(reg prometheus.Registerer) (*ClientMetrics, error) {
	m := &ClientMetrics{
		reachable: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_cosigner_reachable",
			Help: "1 when a co-signer answered the relayer's last request to it (a signature or a refusal), 0 when it could not be reached or timed out.",
		}, []string{"cosigner"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_cosigner_refusals_total",
			Help: "Batches a co-signer refused to sign, by the reason it gave (value_mismatch, unknown_version, source_unavailable, unauthorized, ...).",
		}, []string{"cosigner", "reason"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "allora_gateway_cosigner_request_duration_seconds",
			Help:    "Time from asking a co-signer to sign a batch to its answer, or to the failure of the request; requests the relayer withdrew once it had its threshold are not counted.",
			Buckets: prometheus.DefBuckets,
		}, []string{"cosigner"}),
	}
	for _, c := range []prometheus.Collector{m.reachable, m.refusals, m.duration} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("cosign: register client metrics: %w", err)
		}
	}
	return m, nil
}

// clientObserver is one co-signer's series of a ClientMetrics.
type clientObserver struct {
	m    *ClientMetrics
	name string
}

// answered records an answer (a signature or a refusal) that took d.
func (o *clientObserver) answered(d time.Duration, refusal string) {
	if o == nil {
		return
	}
	o.m.reachable.WithLabelValues(o.name).Set(1)
	o.m.duration.WithLabelValues(o.name).Observe(d.Seconds())
	if refusal != "" {
		o.m.refusals.WithLabelValues(o.name, refusal).Inc()
	}
}

// unreachable records a request that got no answer within d.
func (o *clientObserver) unreachable(d time.Duration) {
	if o == nil {
		return
	}
	o.m.reachable.WithLabelValues(o.name).Set(0)
	o.m.duration.WithLabelValues(o.name).Observe(d.Seconds())
}
