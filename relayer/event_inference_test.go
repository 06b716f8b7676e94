package relayer_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// countingNode serves an emulator of version and counts the latest-inference queries
// it answers, REST's GET /emissions/vN/latest_network_inferences/{topic}. Its heights
// are not revised: on v9 and v10 a revision comes with no event, so it is found by
// polling, which these tests keep out of the way.
func countingNode(t *testing.T, version string) (*emulator.Emulator, *httptest.Server, *atomic.Int64) {
	t.Helper()
	return countingNodeRevising(t, version, false)
}

// countingNodeRevising is countingNode whose heights the node revises, when revise, at
// each reputer window's close as real nodes do.
func countingNodeRevising(t *testing.T, version string, revise bool) (*emulator.Emulator, *httptest.Server, *atomic.Int64) {
	t.Helper()
	cfg := emulatorConfig
	cfg.EmissionsVersion = version
	cfg.NoRevisions = !revise
	emu, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var queries atomic.Int64
	h := emu.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/latest_network_inferences/") {
			queries.Add(1)
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return emu, srv, &queries
}

// On v9 and v10 the window-close block carries the value: each new inference reaches
// the relayer, value and block time exact, with no latest-inference query past the
// first sweep (polling once an hour keeps the safety net out of the way).
func TestRelayerTakesTheInferenceTheEventCarries(t *testing.T) {
	for _, version := range []string{"v9", "v10"} {
		t.Run(version, func(t *testing.T) {
			emu, srv, queries := countingNode(t, version)
			emu.Advance(10)
			rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion(version), allora.WithTimeout(2*time.Second))
			if err != nil {
				t.Fatal(err)
			}
			w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{EmissionsVersion: version, BackoffMin: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "node", Node: rest}}, allora.PoolConfig{Watcher: w})
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			seen := map[uint64][]oracle.Inference{}
			s := signers(1)
			c := newFakeChain(56, s, 1)
			cfg := relayer.Config{Topics: []uint64{13, 14}, PollInterval: time.Hour, PushInterval: time.Hour}
			logs := runLogged(t, cfg, pool, store.NewMemory(), []relayer.ChainWriter{c}, s, func(inf oracle.Inference) {
				mu.Lock()
				defer mu.Unlock()
				seen[inf.TopicID] = append(seen[inf.TopicID], inf)
			})
			last := func(id uint64) oracle.Inference {
				mu.Lock()
				defer mu.Unlock()
				if l := seen[id]; len(l) > 0 {
					return l[len(l)-1]
				}
				return oracle.Inference{}
			}
			for _, id := range []uint64{13, 14} {
				want, _ := emu.Latest(id)
				testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("the first sweep reads topic %d", id), func() bool { return last(id).BlockHeight == want.BlockHeight })
			}
			testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes", func() bool { return emu.Subscribers() == 1 })
			swept := queries.Load()
			carried := 0
			for range 30 {
				emu.Advance(1)
				for _, id := range []uint64{13, 14} {
					want, _ := emu.Latest(id)
					testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("topic %d block %d is seen", id, want.BlockHeight), func() bool { return last(id).BlockHeight == want.BlockHeight })
					got := last(id)
					if got.Value != want.Value || !got.Timestamp.Equal(want.Timestamp) || got.LossBlockHeight != 0 {
						t.Fatalf("topic %d block %d: value %s at %v, want %s at %v", id, want.BlockHeight, got.Value, got.Timestamp, want.Value, want.Timestamp)
					}
				}
			}
			mu.Lock()
			carried = len(seen[13]) + len(seen[14]) - 2
			mu.Unlock()
			if carried < 10 {
				t.Fatalf("%d inferences after the first sweep, want every epoch's", carried)
			}
			if n := queries.Load() - swept; n != 0 {
				t.Errorf("the relayer queried the node %d times for %d inferences the events carried, want 0", n, carried)
			}
			testsupport.WaitFor(t, 10*time.Second, "the last inference reaches the chain", func() bool { return c.height(14) == last(14).BlockHeight })
			t.Logf("%s: %d inferences from events, %d latest-inference queries after the first sweep (%d in it)", version, carried, queries.Load()-swept, swept)
			if n := len(logs.find(slog.LevelWarn, nil)) + len(logs.find(slog.LevelError, nil)); n != 0 {
				t.Errorf("%d warnings or errors logged", n)
			}
		})
	}
}

// On v5 to v8 the node emits EventReputerLastCommitSet in the block where it revises a
// topic's latest inference: the relayer reads the revised value at once, with polling
// out of the way, so the store holds the node's answer after every block.
func TestRelayerReadsARevisionWhenTheReputerWindowCloses(t *testing.T) {
	for _, version := range []string{"v5", "v7"} {
		t.Run(version, func(t *testing.T) {
			emu, srv, _ := countingNodeRevising(t, version, true)
			emu.Advance(10)
			rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion(version), allora.WithTimeout(2*time.Second))
			if err != nil {
				t.Fatal(err)
			}
			w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{EmissionsVersion: version, BackoffMin: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "node", Node: rest}}, allora.PoolConfig{Watcher: w})
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			held := map[uint64]oracle.Inference{}
			s := signers(1)
			cfg := relayer.Config{Topics: []uint64{13, 14}, PollInterval: time.Hour, PushInterval: time.Hour}
			logs := runLogged(t, cfg, pool, store.NewMemory(), []relayer.ChainWriter{newFakeChain(56, s, 1)}, s, func(inf oracle.Inference) {
				mu.Lock()
				defer mu.Unlock()
				held[inf.TopicID] = inf
			})
			holds := func(id uint64, want oracle.Inference) bool {
				mu.Lock()
				defer mu.Unlock()
				got := held[id]
				return got.BlockHeight == want.BlockHeight && got.LossBlockHeight == want.LossBlockHeight && got.Value == want.Value
			}
			for _, id := range []uint64{13, 14} {
				want, _ := emu.Latest(id)
				testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("the first sweep reads topic %d", id), func() bool { return holds(id, want) })
			}
			testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes", func() bool { return emu.Subscribers() == 1 })
			revisions := 0
			for range 40 {
				before := map[uint64]oracle.Inference{}
				for _, id := range []uint64{13, 14} {
					before[id], _ = emu.Latest(id)
				}
				emu.Advance(1)
				for _, id := range []uint64{13, 14} {
					want, _ := emu.Latest(id)
					if want.BlockHeight == before[id].BlockHeight && want.LossBlockHeight > before[id].LossBlockHeight {
						revisions++
					}
					testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("topic %d holds height %d loss %d", id, want.BlockHeight, want.LossBlockHeight),
						func() bool { return holds(id, want) })
				}
			}
			if revisions == 0 {
				t.Fatal("the node revised no height in 40 blocks")
			}
			t.Logf("%s: %d revisions read as their reputer windows closed", version, revisions)
			if n := len(logs.find(slog.LevelWarn, nil)) + len(logs.find(slog.LevelError, nil)); n != 0 {
				t.Errorf("%d warnings or errors logged", n)
			}
		})
	}
}

// A relayer configured for emissions v9 against a node that serves v7 says so, in its
// log and in Ready, with the version the node serves and the fix, rather than a bare
// error.
func TestRelayerNamesTheEmissionsVersionTheNodeServes(t *testing.T) {
	emu, srv, _ := countingNode(t, "v7")
	emu.Advance(10)
	rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion("v9"), allora.WithTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "node", Node: rest}}, allora.PoolConfig{})
	if err != nil {
		t.Fatal(err)
	}
	s := signers(1)
	logs := &logRecorder{}
	r, err := relayer.New(fastLoops, pool, store.NewMemory(), []relayer.ChainWriter{newFakeChain(56, s, 1)}, s,
		relayer.WithLogger(slog.New(logs)))
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, r)
	const cause = "node answers 501 for emissions v9; it serves v7; set `emissions_version: auto`"
	testsupport.WaitFor(t, 10*time.Second, "Ready names the cause for both topics", func() bool {
		err := r.Ready(context.Background())
		return err != nil && strings.Contains(err.Error(), cause) && strings.Contains(err.Error(), "topic(s) [13 14]")
	})
	readyErr := r.Ready(context.Background())
	if !errors.Is(readyErr, oracle.ErrNotServed) {
		t.Errorf("Ready = %v, want both topics named and oracle.ErrNotServed", readyErr)
	}
	if strings.Contains(readyErr.Error(), srv.URL) {
		t.Errorf("Ready shows the endpoint's URL: %v", readyErr)
	}
	var logged []string
	for _, rec := range logs.find(slog.LevelError, nil) {
		if err, ok := rec.attrs["err"].(error); ok && strings.Contains(err.Error(), cause) {
			logged = append(logged, fmt.Sprint(rec.attrs["topic_id"]))
		}
	}
	if len(logged) != 2 {
		t.Errorf("errors naming the cause logged for topics %v, want once for each of 13 and 14", logged)
	}
	t.Logf("Ready: %v", readyErr)
}

// An event value the oracle cannot hold is logged and the node is queried instead: the
// node's value is the one relayed, nothing is lost.
func TestRelayerQueriesWhenTheEventValueIsMalformed(t *testing.T) {
	at := time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC)
	src := newFakeSource(oracle.Topic{ID: 13, EpochLength: 5})
	src.windows = make(chan oracle.WindowClosed)
	var mu sync.Mutex
	var seen []oracle.Inference
	s := signers(1)
	cfg := relayer.Config{Topics: []uint64{13}, PollInterval: time.Hour, PushInterval: time.Hour}
	logs := runLogged(t, cfg, src, store.NewMemory(), []relayer.ChainWriter{newFakeChain(56, s, 1)}, s, func(inf oracle.Inference) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, inf)
	})
	testsupport.WaitFor(t, 10*time.Second, "the first sweep", func() bool { return src.queries.Load() == 1 })
	src.set(13, 40, "3012.25")
	bad := oracle.Inference{TopicID: 13, BlockHeight: 40, Value: "3.01225e3", Timestamp: at}
	src.windows <- oracle.WindowClosed{TopicID: 13, BlockHeight: 42, InferenceBlockHeight: 40, Inference: &bad}
	testsupport.WaitFor(t, 10*time.Second, "the node's value is relayed", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) == 1 && seen[0].Value == "3012.25" && seen[0].BlockHeight == 40
	})
	if n := src.queries.Load(); n != 2 {
		t.Errorf("%d queries, want the sweep and one for the rejected event value", n)
	}
	if w := logs.find(slog.LevelWarn, map[string]any{"topic_id": uint64(13), "value": "3.01225e3"}); len(w) != 1 {
		t.Errorf("%d warnings naming the rejected event value, want 1", len(w))
	}
	// A good event value is taken as it is.
	good := oracle.Inference{TopicID: 13, BlockHeight: 45, Value: "3013.5", Timestamp: at.Add(5 * time.Second)}
	src.windows <- oracle.WindowClosed{TopicID: 13, BlockHeight: 47, InferenceBlockHeight: 45, Inference: &good}
	testsupport.WaitFor(t, 10*time.Second, "the event's value is relayed", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) == 2 && seen[1].Value == "3013.5"
	})
	if n := src.queries.Load(); n != 2 {
		t.Errorf("%d queries, want no new one for a value the event carried", n)
	}
}
