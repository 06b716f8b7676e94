package emulator_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// twoNodes is a pool over two emulated nodes of the same chain (same config and seed,
// advanced together): "a" over REST, "b" over gRPC.
type twoNodes struct {
	a, b    *emulator.Emulator
	pool    *allora.Pool
	metrics *allora.Metrics
	reg     *prometheus.Registry
}

func newTwoNodes(t *testing.T, cfg allora.PoolConfig) *twoNodes {
	t.Helper()
	n := &twoNodes{a: newEmulator(t), b: newEmulator(t), reg: prometheus.NewRegistry()}
	srv := httptest.NewServer(n.a.Handler())
	t.Cleanup(srv.Close)
	rest, err := allora.NewREST(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if n.metrics, err = allora.NewMetrics(n.reg); err != nil {
		t.Fatal(err)
	}
	cfg.Metrics = n.metrics
	n.pool, err = allora.NewPool([]allora.PoolEndpoint{
		{Name: "a", Node: rest},
		{Name: "b", Node: newGRPC(t, serveGRPC(t, n.b))},
	}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (n *twoNodes) advance(blocks int) {
	n.a.Advance(blocks)
	n.b.Advance(blocks)
}

func (n *twoNodes) errorsOf(endpoint, kind string) float64 {
	return testutil.ToFloat64(gathered(n.reg, "allora_gateway_allora_errors_total", map[string]string{"endpoint": endpoint, "kind": kind}))
}

// gathered is the one series of the metric name with the given labels, read from the
// registry as Prometheus would scrape it.
func gathered(reg *prometheus.Registry, name string, labels map[string]string) prometheus.Collector {
	return prometheus.CollectorFunc(func(ch chan<- prometheus.Metric) {
		mfs, _ := reg.Gather()
		for _, mf := range mfs {
			if mf.GetName() != name {
				continue
			}
		series:
			for _, m := range mf.GetMetric() {
				got := map[string]string{}
				for _, l := range m.GetLabel() {
					got[l.GetName()] = l.GetValue()
				}
				for k, v := range labels {
					if got[k] != v {
						continue series
					}
				}
				v := m.GetCounter().GetValue() + m.GetGauge().GetValue()
				ch <- prometheus.MustNewConstMetric(prometheus.NewDesc(name, "", nil, nil), prometheus.UntypedValue, v)
			}
		}
	})
}

func TestPoolAvoidsAStaleEndpoint(t *testing.T) {
	ctx := context.Background()
	n := newTwoNodes(t, allora.PoolConfig{MaxLag: 3})
	n.pool.CheckHealth(ctx)
	if err := n.a.SetFault(emulator.Fault{Kind: emulator.FaultStale}); err != nil {
		t.Fatal(err)
	}
	n.advance(20)
	n.pool.CheckHealth(ctx)

	health := n.pool.Health()
	if !health[0].Lagging || health[0].Healthy || health[1].Lagging || !health[1].Healthy {
		t.Fatalf("health %+v, want a lagging and b healthy", health)
	}
	if health[1].Height != health[0].Height+20 {
		t.Errorf("heights a %d, b %d; want b 20 blocks ahead", health[0].Height, health[1].Height)
	}
	want, _ := n.b.Latest(14)
	for range 3 {
		inf, err := n.pool.LatestInference(ctx, 14)
		if err != nil || inf.BlockHeight != want.BlockHeight {
			t.Fatalf("pool answered block %d (%v), want %d from the endpoint in step", inf.BlockHeight, err, want.BlockHeight)
		}
	}
	if got := n.errorsOf("a", allora.ErrorKindLagging); got != 1 {
		t.Errorf("lagging errors of a = %v, want 1", got)
	}
	const healthy = `
# HELP allora_gateway_allora_endpoint_healthy 1 when the Allora endpoint receives requests, 0 while it backs off, is rate limited or lags.
# TYPE allora_gateway_allora_endpoint_healthy gauge
allora_gateway_allora_endpoint_healthy{endpoint="a"} 0
allora_gateway_allora_endpoint_healthy{endpoint="b"} 1
`
	if err := testutil.GatherAndCompare(n.reg, strings.NewReader(healthy), "allora_gateway_allora_endpoint_healthy"); err != nil {
		t.Error(err)
	}
	if got := testutil.ToFloat64(gathered(n.reg, "allora_gateway_allora_height", nil)); got != float64(health[1].Height) {
		t.Errorf("allora_gateway_allora_height = %v, want %d", got, health[1].Height)
	}

	// Once it catches up, it is back in the rotation.
	n.a.ClearFaults()
	n.pool.CheckHealth(ctx)
	if h := n.pool.Health()[0]; h.Lagging || !h.Healthy {
		t.Errorf("a after catching up: %+v, want healthy", h)
	}
}

func TestPoolHonoursRetryAfter(t *testing.T) {
	ctx := context.Background()
	n := newTwoNodes(t, allora.PoolConfig{})
	if err := n.a.SetFault(emulator.Fault{Kind: emulator.FaultRateLimit, RetryAfter: 5 * time.Minute}); err != nil {
		t.Fatal(err)
	}
	want, _ := n.b.Latest(14)
	for range 3 {
		inf, err := n.pool.LatestInference(ctx, 14)
		if err != nil || inf.BlockHeight != want.BlockHeight {
			t.Fatalf("pool answered block %d (%v), want %d from b", inf.BlockHeight, err, want.BlockHeight)
		}
	}
	// a was asked once; its Retry-After keeps it out of the rotation, health checks
	// included.
	n.pool.CheckHealth(ctx)
	if got := n.errorsOf("a", allora.ErrorKindRateLimited); got != 1 {
		t.Errorf("rate-limited errors of a = %v, want 1: the pool must not ask again before Retry-After", got)
	}
	if h := n.pool.Health()[0]; h.RetryAfterUntil.Before(time.Now().Add(4*time.Minute)) || h.Healthy {
		t.Errorf("a: %+v, want it left alone for the five minutes its Retry-After asks", h)
	}
}

func TestPoolMovesOffFailingAndSlowEndpoints(t *testing.T) {
	for _, tc := range []struct {
		fault emulator.Fault
		kind  string
	}{
		{emulator.Fault{Kind: emulator.FaultError}, allora.ErrorKindServerError},
		{emulator.Fault{Kind: emulator.FaultDelay, Delay: time.Hour}, allora.ErrorKindTimeout},
	} {
		t.Run(tc.fault.Kind.String(), func(t *testing.T) {
			ctx := context.Background()
			n := newTwoNodes(t, allora.PoolConfig{RequestTimeout: 100 * time.Millisecond})
			if err := n.a.SetFault(tc.fault); err != nil {
				t.Fatal(err)
			}
			want, _ := n.b.Latest(13)
			inf, err := n.pool.LatestInference(ctx, 13)
			if err != nil || inf.BlockHeight != want.BlockHeight {
				t.Fatalf("pool answered block %d (%v), want %d from b", inf.BlockHeight, err, want.BlockHeight)
			}
			h := n.pool.Health()[0]
			if h.ConsecutiveErrors != 1 || h.BackoffUntil.IsZero() || h.Healthy {
				t.Errorf("a after one failure: %+v, want it backing off", h)
			}
			if got := n.errorsOf("a", tc.kind); got != 1 {
				t.Errorf("%s errors of a = %v, want 1", tc.kind, got)
			}
			// While a backs off, requests go straight to b.
			if _, err := n.pool.Topic(ctx, 13); err != nil {
				t.Fatal(err)
			}
			if h := n.pool.Health()[0]; h.ConsecutiveErrors != 1 {
				t.Errorf("a was asked while backing off: %+v", h)
			}
		})
	}
}

func TestPoolReportsWhenNoEndpointAnswers(t *testing.T) {
	ctx := context.Background()
	n := newTwoNodes(t, allora.PoolConfig{})
	for _, emu := range []*emulator.Emulator{n.a, n.b} {
		if err := emu.SetFault(emulator.Fault{Kind: emulator.FaultError}); err != nil {
			t.Fatal(err)
		}
	}
	_, err := n.pool.LatestInference(ctx, 14)
	if !errors.Is(err, allora.ErrNoEndpoint) || !errors.Is(err, allora.ErrUnexpectedResponse) {
		t.Errorf("every endpoint failing: %v, want ErrNoEndpoint with each endpoint's error", err)
	}
	// The chain's own answers are not failures of an endpoint.
	n.a.ClearFaults()
	n.b.ClearFaults()
	n.pool.CheckHealth(ctx)
	if _, err := n.pool.LatestInference(ctx, 999); !errors.Is(err, allora.ErrTopicNotFound) {
		t.Errorf("unknown topic: %v, want ErrTopicNotFound", err)
	}
}
