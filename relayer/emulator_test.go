package relayer_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// logRecorder is a slog handler that keeps every record, for tests that assert what an
// operator would read.
type logRecorder struct {
	mu      sync.Mutex
	records []loggedRecord
}

type loggedRecord struct {
	level slog.Level
	msg   string
	attrs map[string]any
}

func (h *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (h *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *logRecorder) WithGroup(string) slog.Handler            { return h }
func (h *logRecorder) Handle(_ context.Context, r slog.Record) error {
	rec := loggedRecord{level: r.Level, msg: r.Message, attrs: map[string]any{}}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.Any()
		return true
	})
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, rec)
	return nil
}

// find returns the records at level whose attributes include every one of want.
func (h *logRecorder) find(level slog.Level, want map[string]any) []loggedRecord {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []loggedRecord
	for _, r := range h.records {
		if r.level != level {
			continue
		}
		ok := true
		for k, v := range want {
			if r.attrs[k] != v {
				ok = false
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// emulatorConfig is a manual Allora chain with two topics.
var emulatorConfig = emulator.Config{
	Topics: []emulator.TopicConfig{
		{ID: 13, EpochLength: 5, WorkerSubmissionWindow: 2, StartPrice: "3012.25"},
		{ID: 14, EpochLength: 4, WorkerSubmissionWindow: 1, StartPrice: "84250.5"},
	},
	BlockTime: time.Second,
	Seed:      7,
	StartTime: time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC),
	Manual:    true,
}

// emulatedNode starts an emulator of emulatorConfig and serves its REST API.
func emulatedNode(t *testing.T) (*emulator.Emulator, *httptest.Server, *allora.REST) {
	t.Helper()
	emu, err := emulator.New(emulatorConfig)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	client, err := allora.NewREST(srv.URL, allora.WithTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	return emu, srv, client
}

// emulatedChain is an emulator of emulatorConfig and a REST client of it.
func emulatedChain(t *testing.T) (*emulator.Emulator, *allora.REST) {
	t.Helper()
	emu, _, client := emulatedNode(t)
	return emu, client
}

// runLogged runs a relayer that logs into a recorder and reports every inference it
// sees to seen.
func runLogged(t *testing.T, cfg relayer.Config, src relayer.Source, st store.Store, chains []relayer.ChainWriter, s []oracle.Signer, seen func(oracle.Inference)) *logRecorder {
	t.Helper()
	logs := &logRecorder{}
	r, err := relayer.New(cfg, src, st, chains, s, relayer.WithLogger(slog.New(logs)),
		relayer.WithEvents(func(ev relayer.Event) {
			if ev.Inference != nil && seen != nil {
				seen(*ev.Inference)
			}
		}))
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, r)
	return logs
}

var fastLoops = relayer.Config{Topics: []uint64{13, 14}, PollInterval: 10 * time.Millisecond, PushInterval: 20 * time.Millisecond}

func TestRelayerNeverPushesANaNFromAllora(t *testing.T) {
	emu, client := emulatedChain(t)
	emu.Advance(20)
	if err := emu.SetFault(emulator.Fault{Kind: emulator.FaultNaN, Topic: 14}); err != nil {
		t.Fatal(err)
	}
	nan, _ := emu.Latest(14)
	s := signers(1)
	c := newFakeChain(56, s, 1)
	st := store.NewMemory()
	logs := runLogged(t, fastLoops, unwatched{client}, st, []relayer.ChainWriter{c}, s, nil)

	// Topic 13 landing shows the relayer has polled every topic at least once.
	want13, _ := emu.Latest(13)
	testsupport.WaitFor(t, 10*time.Second, "topic 13 lands", func() bool { return c.height(13) == want13.BlockHeight })
	testsupport.WaitFor(t, 10*time.Second, "the NaN is logged as rejected", func() bool {
		return len(logs.find(slog.LevelError, map[string]any{"topic_id": uint64(14), "block_height": nan.BlockHeight})) > 0
	})
	if h := c.height(14); h != 0 {
		t.Fatalf("topic 14 reached the chain at block %d while Allora served NaN", h)
	}
	c.mu.Lock()
	for _, b := range c.batches {
		for _, u := range b {
			if u.TopicID == 14 {
				t.Errorf("a batch carried topic 14 at block %d", u.BlockHeight)
			}
		}
	}
	c.mu.Unlock()

	// The next real value goes through.
	emu.ClearFaults()
	emu.Advance(4)
	want14, _ := emu.Latest(14)
	testsupport.WaitFor(t, 10*time.Second, "topic 14 lands once the value is a number", func() bool { return c.height(14) == want14.BlockHeight })
}

func TestRelayerIgnoresAndLogsAnAlloraHeightGoingBackwards(t *testing.T) {
	emu, client := emulatedChain(t)
	emu.Advance(20)
	latest, _ := emu.Latest(14)
	s := signers(1)
	c := newFakeChain(56, s, 1)
	st := store.NewMemory()
	logs := runLogged(t, fastLoops, unwatched{client}, st, []relayer.ChainWriter{c}, s, nil)
	testsupport.WaitFor(t, 10*time.Second, "topic 14 lands", func() bool { return c.height(14) == latest.BlockHeight })

	if err := emu.SetFault(emulator.Fault{Kind: emulator.FaultBackwards, Topic: 14}); err != nil {
		t.Fatal(err)
	}
	older := latest.BlockHeight - 4
	testsupport.WaitFor(t, 10*time.Second, "the older inference is logged as ignored", func() bool {
		return len(logs.find(slog.LevelWarn, map[string]any{
			"topic_id": uint64(14), "block_height": older, "seen_block_height": latest.BlockHeight,
		})) > 0
	})
	if inf, err := st.LatestInference(context.Background(), 14); err != nil || inf.BlockHeight != latest.BlockHeight {
		t.Errorf("store holds block %d (%v), want %d kept", inf.BlockHeight, err, latest.BlockHeight)
	}
	if h := c.height(14); h != latest.BlockHeight {
		t.Errorf("chain holds block %d, want %d kept", h, latest.BlockHeight)
	}
	c.mu.Lock()
	for _, b := range c.batches {
		if slices.ContainsFunc(b, func(u oracle.Update) bool { return u.BlockHeight == older }) {
			t.Errorf("a batch carried the older block %d", older)
		}
	}
	c.mu.Unlock()
}

// TestRelayerMissesNoInferenceWhenAnEndpointDies relays one topic through a pool of two
// nodes of the same chain, epoch by epoch, and stops the first node halfway: the relayer
// must see every epoch's inference, in order, with the chain's values.
func TestRelayerMissesNoInferenceWhenAnEndpointDies(t *testing.T) {
	emuA, srvA, restA := emulatedNode(t)
	emuB, _, restB := emulatedNode(t)
	pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "a", Node: restA}, {Name: "b", Node: restB}},
		allora.PoolConfig{HealthInterval: 20 * time.Millisecond, RequestTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	poolDone := make(chan error, 1)
	go func() { poolDone <- pool.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-poolDone
	})

	var mu sync.Mutex
	var seen []oracle.Inference
	s := signers(1)
	c := newFakeChain(56, s, 1)
	cfg := fastLoops
	cfg.Topics = []uint64{14}
	runLogged(t, cfg, pool, store.NewMemory(), []relayer.ChainWriter{c}, s, func(inf oracle.Inference) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, inf)
	})

	const epochs, epochLength = 12, 4
	var want []oracle.Inference
	for i := range epochs {
		if i == epochs/2 {
			srvA.CloseClientConnections()
			srvA.Close()
		}
		emuA.Advance(epochLength)
		emuB.Advance(epochLength)
		latest, ok := emuB.Latest(14)
		if !ok {
			continue // the first window has not closed yet
		}
		want = append(want, latest)
		testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("epoch %d (block %d) is seen", i, latest.BlockHeight), func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(seen) > 0 && seen[len(seen)-1].BlockHeight == latest.BlockHeight
		})
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != len(want) || len(want) < epochs-1 {
		t.Fatalf("relayer saw %d inferences, want %d (every epoch's)", len(seen), len(want))
	}
	for i := range want {
		if seen[i].BlockHeight != want[i].BlockHeight || seen[i].Value != want[i].Value {
			t.Errorf("inference %d: block %d value %s, want block %d value %s",
				i, seen[i].BlockHeight, seen[i].Value, want[i].BlockHeight, want[i].Value)
		}
	}
	if h := pool.Health()[0]; h.ConsecutiveErrors == 0 || h.Healthy {
		t.Errorf("endpoint a after it died: %+v, want failures recorded", h)
	}
	testsupport.WaitFor(t, 10*time.Second, "the last inference reaches the chain", func() bool { return c.height(14) == want[len(want)-1].BlockHeight })
}

// watchedPool is a pool over one emulated node that also follows its websocket.
func watchedPool(t *testing.T, srv *httptest.Server, rest *allora.REST) *allora.Pool {
	t.Helper()
	w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{BackoffMin: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "node", Node: rest}}, allora.PoolConfig{Watcher: w})
	if err != nil {
		t.Fatal(err)
	}
	return pool
}

// TestRelayerReadsATopicAsSoonAsItsWindowCloses polls once an hour, so every inference
// after the first sweep is seen only because the watcher reported its window closing.
func TestRelayerReadsATopicAsSoonAsItsWindowCloses(t *testing.T) {
	emu, srv, rest := emulatedNode(t)
	emu.Advance(10)
	var mu sync.Mutex
	seen := map[uint64][]uint64{}
	s := signers(1)
	cfg := relayer.Config{Topics: []uint64{13, 14}, PollInterval: time.Hour, PushInterval: time.Hour}
	runLogged(t, cfg, watchedPool(t, srv, rest), store.NewMemory(), []relayer.ChainWriter{newFakeChain(56, s, 1)}, s,
		func(inf oracle.Inference) {
			mu.Lock()
			defer mu.Unlock()
			seen[inf.TopicID] = append(seen[inf.TopicID], inf.BlockHeight)
		})
	last := func(id uint64) uint64 {
		mu.Lock()
		defer mu.Unlock()
		if hs := seen[id]; len(hs) > 0 {
			return hs[len(hs)-1]
		}
		return 0
	}
	first13, _ := emu.Latest(13)
	testsupport.WaitFor(t, 10*time.Second, "the first sweep", func() bool { return last(13) == first13.BlockHeight })
	testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes", func() bool { return emu.Subscribers() == 1 })
	for range 30 {
		emu.Advance(1)
		for _, id := range []uint64{13, 14} {
			want, _ := emu.Latest(id)
			testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("topic %d block %d is seen", id, want.BlockHeight), func() bool { return last(id) == want.BlockHeight })
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen[14]) < 7 {
		t.Errorf("topic 14 seen at %v, want every epoch's inference", seen[14])
	}
}

func TestPollPeriodFollowsTheEpoch(t *testing.T) {
	for _, tc := range []struct {
		epoch     int64
		blockTime time.Duration
		want      time.Duration
	}{
		{0, 5 * time.Second, relayer.MinPollInterval},       // epoch not known yet
		{1, time.Second, relayer.MinPollInterval},           // floor
		{60, 5 * time.Second, relayer.MaxPollInterval},      // a quarter would be 75s: capped
		{12, 5 * time.Second, 15 * time.Second},             // a quarter of a one-minute epoch
		{1 << 62, 5 * time.Second, relayer.MaxPollInterval}, // no overflow
	} {
		if got := relayer.PollPeriod(tc.epoch, tc.blockTime); got != tc.want {
			t.Errorf("PollPeriod(%d, %v) = %v, want %v", tc.epoch, tc.blockTime, got, tc.want)
		}
	}
}
