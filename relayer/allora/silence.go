package allora

import (
	"log/slog"
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// silentAfter is how many new inferences of a topic in a row polls must find without
// the websocket reporting their window before the subscription counts as silent. One
// can be a race (a poll just before the event arrives); two in a row are not.
const silentAfter = 2

// subscriptionSilence notices a websocket subscription that stays silent while polls
// find new inferences, as the v4-named query does on a v7 node: the gateway then runs
// on polling alone, seconds slower, and says nothing unless this says it.
type subscriptionSilence struct {
	log     *slog.Logger
	metrics *Metrics

	mu       sync.Mutex
	watching bool
	topics   map[uint64]*topicSilence
}

type topicSilence struct {
	reported uint64 // highest inference height the websocket reported
	seen     uint64 // highest inference height a query returned
	missed   int    // new inferences in a row the websocket did not report
}

func newSubscriptionSilence(log *slog.Logger, m *Metrics) *subscriptionSilence {
	return &subscriptionSilence{log: log, metrics: m, topics: map[uint64]*topicSilence{}}
}

func (s *subscriptionSilence) topic(id uint64) *topicSilence {
	t := s.topics[id]
	if t == nil {
		t = &topicSilence{}
		s.topics[id] = t
	}
	return t
}

// watchStarted marks that a subscription is expected to report windows.
func (s *subscriptionSilence) watchStarted() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.watching = true
}

// reported records a window the websocket reported, before the reader learns of it.
func (s *subscriptionSilence) reported(w WorkerWindowClosed) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.topic(w.TopicID)
	t.reported = max(t.reported, w.InferenceBlockHeight)
	if t.missed >= silentAfter {
		s.log.Info("Allora websocket reports window closes again", "topic_id", w.TopicID)
	}
	t.missed = 0
	s.metrics.setSilent(w.TopicID, false)
}

// found records the inference height a query returned. The first height of a topic is
// the baseline (it predates the subscription); each later new height the websocket did
// not report counts as missed.
func (s *subscriptionSilence) found(topicID, height uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.watching {
		return
	}
	t := s.topic(topicID)
	first := t.seen == 0
	if height <= t.seen {
		return
	}
	t.seen = height
	if first || height <= t.reported {
		return
	}
	t.missed++
	s.metrics.countMissedByWebsocket(topicID)
	if t.missed == silentAfter {
		s.metrics.setSilent(topicID, true)
		s.log.Warn("Allora websocket subscription is silent: polls found new inferences it never reported, so reads wait for the poll; "+
			"check that allora.emissions_version is the node's (or auto), that allora.websocket is the CometBFT RPC of the same node, "+
			"and that the node emits block events (it names them emissions.vN.…)",
			"topic_id", topicID, "inference_block_height", height, "missed_in_a_row", t.missed)
	}
}

func (m *Metrics) countMissedByWebsocket(topicID uint64) {
	if m != nil {
		m.missedByWebsocket.WithLabelValues(strconv.FormatUint(topicID, 10)).Inc()
	}
}

func (m *Metrics) setSilent(topicID uint64, silent bool) {
	if m == nil {
		return
	}
	v := 0.0
	if silent {
		v = 1
	}
	m.subscriptionSilent.WithLabelValues(strconv.FormatUint(topicID, 10)).Set(v)
}

func newSilenceMetrics() (*prometheus.CounterVec, *prometheus.GaugeVec) {
	return prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_allora_inferences_missed_by_websocket_total",
			Help: "New network inferences a poll found that the websocket subscription, while subscribed, had not reported.",
		}, []string{"topic_id"}),
		prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_allora_subscription_silent",
			Help: "1 while the websocket subscription stays silent for a topic whose new inferences polls find.",
		}, []string{"topic_id"})
}
