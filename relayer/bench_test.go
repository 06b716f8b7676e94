package relayer_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func benchEmulator(b *testing.B, topics int) (*emulator.Emulator, *httptest.Server) {
	b.Helper()
	cfg := emulator.Config{BlockTime: time.Second, Seed: 1, Manual: true,
		StartTime: time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)}
	for i := range topics {
		cfg.Topics = append(cfg.Topics, emulator.TopicConfig{ID: uint64(i + 1), EpochLength: 2, WorkerSubmissionWindow: 1, StartPrice: "100"})
	}
	emu, err := emulator.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	b.Cleanup(srv.Close)
	return emu, srv
}

// BenchmarkWindowCloseToInference measures the time from the block that closes a
// worker window to the relayer holding the new inference, through the websocket event
// and a REST read (polling is hourly, so it never helps): p50 and p99 over b.N epochs.
func BenchmarkWindowCloseToInference(b *testing.B) {
	emu, srv := benchEmulator(b, 1)
	rest, err := allora.NewREST(srv.URL)
	if err != nil {
		b.Fatal(err)
	}
	w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{})
	if err != nil {
		b.Fatal(err)
	}
	pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "node", Node: rest}}, allora.PoolConfig{Watcher: w})
	if err != nil {
		b.Fatal(err)
	}
	s := signers(1)
	seen := make(chan uint64, 16)
	r, err := relayer.New(relayer.Config{Topics: []uint64{1}, PollInterval: time.Hour, PushInterval: time.Hour}, pool, store.NewMemory(),
		[]relayer.ChainWriter{newFakeChain(1, s, 1)}, s,
		relayer.WithEvents(func(ev relayer.Event) {
			if ev.Inference != nil {
				seen <- ev.Inference.BlockHeight
			}
		}))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	for emu.Subscribers() == 0 {
		time.Sleep(time.Millisecond)
	}
	latencies := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		began := time.Now()
		emu.Advance(2) // one epoch: exactly one window closes
		want, _ := emu.Latest(1)
		for h := range seen {
			if h == want.BlockHeight {
				break
			}
		}
		latencies = append(latencies, time.Since(began))
	}
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkPollSweep1000Topics measures one safety-net sweep: the latest inference of
// 1,000 topics read over REST from one node and checked against the store.
func BenchmarkPollSweep1000Topics(b *testing.B) {
	const topics = 1000
	emu, srv := benchEmulator(b, topics)
	emu.Advance(4)
	rest, err := allora.NewREST(srv.URL)
	if err != nil {
		b.Fatal(err)
	}
	s := signers(1)
	ids := make([]uint64, topics)
	for i := range ids {
		ids[i] = uint64(i + 1)
	}
	r, err := relayer.New(relayer.Config{Topics: ids}, unwatched{rest}, store.NewMemory(), []relayer.ChainWriter{newFakeChain(1, s, 1)}, s)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if failed := relayer.LoadTopics(ctx, r, ids); len(failed) > 0 {
		b.Fatalf("%d topics failed to load", len(failed))
	}
	if !relayer.PollTopics(ctx, r, ids) {
		b.Fatal("first sweep found nothing")
	}
	b.ResetTimer()
	for range b.N {
		relayer.PollTopics(ctx, r, ids)
	}
	b.ReportMetric(float64(topics)*float64(b.N)/b.Elapsed().Seconds(), "topics/s")
}
