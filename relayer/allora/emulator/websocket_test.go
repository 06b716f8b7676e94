package emulator_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

func receive(t *testing.T, ch <-chan allora.WorkerWindowClosed) allora.WorkerWindowClosed {
	t.Helper()
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatal("watch channel closed")
			}
			if ev.LossBlockHeight != 0 {
				// A reputer window's close, where the emulator revised an inference:
				// the tests here follow the worker windows.
				if ev.InferenceBlockHeight != 0 || ev.BlockHeight <= ev.LossBlockHeight || ev.Inference != nil {
					t.Fatalf("revision event %+v: want a block after its loss height and no inference", ev)
				}
				continue
			}
			return ev
		case <-time.After(10 * time.Second):
			t.Fatal("no window-close event")
		}
	}
}

func TestWatcherReportsEveryWindowCloseAndReconnects(t *testing.T) {
	emu, err := emulator.New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{PingInterval: 50 * time.Millisecond, BackoffMin: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := testsupport.Flatten(w.Watch(ctx))
	t.Cleanup(func() {
		cancel()
		for range ch { // the channel closes once the watcher has stopped
		}
	})
	testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes", func() bool { return emu.Subscribers() == 1 })

	// Every window that closes is reported once, in block order, with the nonce the
	// chain's latest inference then has.
	check := func(blocks int) {
		t.Helper()
		for range blocks {
			before := map[uint64]uint64{}
			for _, tp := range emu.Topics() {
				inf, _ := emu.Latest(tp.ID)
				before[tp.ID] = inf.BlockHeight
			}
			emu.Advance(1)
			for _, tp := range emu.Topics() {
				inf, ok := emu.Latest(tp.ID)
				if !ok || inf.BlockHeight == before[tp.ID] {
					continue
				}
				ev := receive(t, ch)
				want := allora.WorkerWindowClosed{TopicID: tp.ID, BlockHeight: emu.Height(), InferenceBlockHeight: inf.BlockHeight}
				if ev != want {
					t.Fatalf("event %+v, want %+v", ev, want)
				}
			}
		}
	}
	check(25)

	// A dropped connection is made again, and events flow on.
	emu.CloseWebsockets()
	testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes again", func() bool { return emu.Subscribers() == 1 })
	check(25)

	// Keep-alive: the watcher outlives many ping intervals without events.
	idle := emu.Pings()
	testsupport.WaitFor(t, 10*time.Second, "five pings answered without an event", func() bool { return emu.Pings() >= idle+5 })
	if n := emu.Subscribers(); n != 1 {
		t.Fatalf("%d subscribers after an idle spell, want the watcher still there", n)
	}
	check(10)
}

// The windows one block closes come as one value, so that the relayer reads and pushes
// them together: 20 topics of one epoch length close in the same block and are heard
// in one receive, none left for another.
func TestWatcherReportsABlocksWindowsTogether(t *testing.T) {
	cfg := emulator.Config{BlockTime: time.Second, Seed: 7, StartHeight: 500, StartTime: start, Manual: true, AlignEpochs: true}
	for i := range 20 {
		cfg.Topics = append(cfg.Topics, emulator.TopicConfig{ID: uint64(i + 1), EpochLength: 8, WorkerSubmissionWindow: 2, StartPrice: "100"})
	}
	emu, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	w, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := w.Watch(ctx)
	t.Cleanup(func() {
		cancel()
		for range ch {
		}
	})
	testsupport.WaitFor(t, 10*time.Second, "the watcher subscribes", func() bool { return emu.Subscribers() == 1 })
	for blocks := 0; blocks < 3; {
		emu.Advance(1)
		inf, ok := emu.Latest(1)
		if !ok || emu.Height() != inf.BlockHeight+2 {
			continue // no worker window closed in this block
		}
		blocks++
		var block []allora.WorkerWindowClosed // the worker windows; a reputer window may close beside them
		for block == nil {
			select {
			case got := <-ch:
				for _, ev := range got {
					if ev.LossBlockHeight == 0 {
						block = append(block, ev)
					}
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no window-close event")
			}
		}
		if len(block) != 20 {
			t.Fatalf("block %d: %d windows in one receive, want all 20: %+v", emu.Height(), len(block), block)
		}
		for i, ev := range block {
			if ev.TopicID != uint64(i+1) || ev.BlockHeight != emu.Height() || ev.InferenceBlockHeight != inf.BlockHeight {
				t.Fatalf("block %d window %d: %+v", emu.Height(), i, ev)
			}
		}
	}
}

func TestNewWatcherURLs(t *testing.T) {
	for _, bad := range []string{"ftp://x", "http://", "::"} {
		if _, err := allora.NewWatcher(bad, allora.WatcherConfig{}); err == nil {
			t.Errorf("NewWatcher(%q) accepted", bad)
		}
	}
}

// Each emissions version names its window-close event after its own proto package, as
// real nodes do: the watcher of the node's version hears every close, and a watcher
// subscribed to another version's name (the v4-named query on a v7 node) hears nothing.
func TestWindowCloseEventsByVersion(t *testing.T) {
	for _, version := range []string{"v5", "v7", "v9", "v10"} {
		t.Run(version, func(t *testing.T) {
			cfg := testConfig()
			cfg.EmissionsVersion = version
			emu, err := emulator.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(emu.Handler())
			t.Cleanup(srv.Close)
			ctx, cancel := context.WithCancel(context.Background())
			own, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{EmissionsVersion: version})
			if err != nil {
				t.Fatal(err)
			}
			other := "v5"
			if version == "v5" {
				other = "v7"
			}
			foreign, err := allora.NewWatcher(srv.URL, allora.WatcherConfig{EmissionsVersion: other})
			if err != nil {
				t.Fatal(err)
			}
			ownCh, foreignCh := testsupport.Flatten(own.Watch(ctx)), foreign.Watch(ctx)
			t.Cleanup(func() {
				cancel()
				for range ownCh {
				}
				for range foreignCh {
				}
			})
			testsupport.WaitFor(t, 10*time.Second, "both watchers subscribe", func() bool { return emu.Subscribers() == 2 })
			closes := 0
			for closes < 3 {
				emu.Advance(1)
				for _, tp := range emu.Topics() {
					inf, ok := emu.Latest(tp.ID)
					if !ok || emu.Height() != inf.BlockHeight+uint64(tp.WorkerSubmissionWindow) {
						continue
					}
					ev := receive(t, ownCh)
					want := allora.WorkerWindowClosed{TopicID: tp.ID, BlockHeight: emu.Height(), InferenceBlockHeight: inf.BlockHeight}
					carried := ev.Inference
					ev.Inference = nil
					if ev != want {
						t.Fatalf("event %+v, want %+v", ev, want)
					}
					// v9 and v10 carry the value itself (the block time is the pool's to add).
					switch {
					case version != "v9" && version != "v10":
						if carried != nil {
							t.Fatalf("a %s event carried an inference %+v", version, *carried)
						}
					case carried == nil:
						t.Fatalf("the %s event carried no inference", version)
					case carried.TopicID != tp.ID || carried.BlockHeight != inf.BlockHeight || carried.Value != inf.Value ||
						carried.LossBlockHeight != 0 || !carried.Timestamp.IsZero():
						t.Fatalf("%s event carried %+v, want value %s of block %d", version, *carried, inf.Value, inf.BlockHeight)
					}
					closes++
				}
			}
			select {
			case ev := <-foreignCh:
				t.Fatalf("the %s-named subscription heard %+v from a %s node", other, ev, version)
			default:
			}
		})
	}
}
