package emulator_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// A v7 node and a watcher: subscribed to the v4-named event (what the gateway sent
// before), the websocket stays silent while polls find every new inference, and the
// pool says so with a Warn and allora_gateway_allora_subscription_silent; subscribed to
// v7's own event, nothing is missed.
func TestPoolReportsASilentSubscription(t *testing.T) {
	for _, tt := range []struct {
		watchVersion string
		wantSilent   bool
	}{{"v5", true}, {"v7", false}} {
		t.Run("watching "+tt.watchVersion+" events", func(t *testing.T) {
			cfg := testConfig()
			cfg.EmissionsVersion = "v7"
			cfg.Topics = cfg.Topics[:1]
			emu, err := emulator.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(emu.Handler())
			t.Cleanup(srv.Close)
			rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion("v7"))
			if err != nil {
				t.Fatal(err)
			}
			w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{EmissionsVersion: tt.watchVersion})
			if err != nil {
				t.Fatal(err)
			}
			reg := prometheus.NewRegistry()
			metrics, err := allora.NewMetrics(reg)
			if err != nil {
				t.Fatal(err)
			}
			var logs testsupport.LockedBuffer
			pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "v7", Node: rest}}, allora.PoolConfig{
				Watcher: w, Metrics: metrics, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
			})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			ch := testsupport.Flatten(pool.Watch(ctx))
			t.Cleanup(func() {
				cancel()
				for range ch {
				}
			})
			testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes", func() bool { return emu.Subscribers() == 1 })
			topic := cfg.Topics[0]
			var last uint64
			for polls := 0; polls < 4; {
				emu.Advance(1)
				inf, ok := emu.Latest(topic.ID)
				if !ok || inf.BlockHeight == last || emu.Height() != inf.BlockHeight+uint64(topic.WorkerSubmissionWindow) {
					continue
				}
				last = inf.BlockHeight
				if !tt.wantSilent {
					if ev := receive(t, ch); ev.InferenceBlockHeight != inf.BlockHeight {
						t.Fatalf("event %+v, want inference height %d", ev, inf.BlockHeight)
					}
				}
				got, err := pool.LatestInference(ctx, topic.ID) // the poll
				if err != nil || got.BlockHeight != inf.BlockHeight {
					t.Fatalf("poll: %+v, %v", got, err)
				}
				polls++
			}
			missed := testutil.ToFloat64(metricVec(t, reg, "allora_gateway_allora_inferences_missed_by_websocket_total"))
			silent := testutil.ToFloat64(metricVec(t, reg, "allora_gateway_allora_subscription_silent"))
			warned := strings.Contains(logs.String(), "websocket subscription is silent")
			if tt.wantSilent {
				// The first poll is the baseline; the three after it were missed.
				if missed != 3 || silent != 1 || !warned {
					t.Errorf("missed %v silent %v warned %v, want 3, 1, true; logs:\n%s", missed, silent, warned, logs.String())
				}
				if !strings.Contains(logs.String(), "emissions_version") {
					t.Errorf("the Warn does not say what to check:\n%s", logs.String())
				}
			} else if missed != 0 || silent != 0 || warned {
				t.Errorf("missed %v silent %v warned %v, want nothing reported; logs:\n%s", missed, silent, warned, logs.String())
			}
		})
	}
}

// metricVec gathers the one series of a metric family by name (0 when it has none).
func metricVec(t *testing.T, reg *prometheus.Registry, name string) prometheus.Collector {
	t.Helper()
	return gatheredGauge{reg: reg, name: name}
}

type gatheredGauge struct {
	reg  *prometheus.Registry
	name string
}

func (g gatheredGauge) Describe(chan<- *prometheus.Desc) {}

func (g gatheredGauge) Collect(ch chan<- prometheus.Metric) {
	mfs, _ := g.reg.Gather()
	var v float64
	for _, mf := range mfs {
		if mf.GetName() != g.name {
			continue
		}
		for _, m := range mf.GetMetric() {
			v += m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	ch <- prometheus.MustNewConstMetric(prometheus.NewDesc(g.name, "sum", nil, nil), prometheus.UntypedValue, v)
}
