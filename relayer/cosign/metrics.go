package cosign

import (
	"fmt"

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
