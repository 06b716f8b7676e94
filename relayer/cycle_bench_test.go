package relayer_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// emulatorSource reads the emulator in process and reports window closes the
// benchmark announces, so that the cycle measured is the relayer's own work and not
// HTTP to a node.
type emulatorSource struct {
	emu    *emulator.Emulator
	topics map[uint64]oracle.Topic
	events chan []oracle.WindowClosed
}

func (s *emulatorSource) LatestInference(_ context.Context, id uint64) (oracle.Inference, error) {
	inf, ok := s.emu.Latest(id)
	if !ok {
		return oracle.Inference{}, oracle.ErrNoInference
	}
	return inf, nil
}

func (s *emulatorSource) Topic(_ context.Context, id uint64) (oracle.Topic, error) {
	t, ok := s.topics[id]
	if !ok {
		return oracle.Topic{}, fmt.Errorf("topic %d: not found", id)
	}
	return t, nil
}

func (s *emulatorSource) Watch(context.Context) <-chan []oracle.WindowClosed { return s.events }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pushes counts the chains' oracle reads (one a push cycle) and batches mined.
func pushes(chains []*fakeChain) (reads, batches int64) {
	for _, c := range chains {
		reads += c.stateReads.Load()
		batches += int64(c.batchCount())
	}
	return reads, batches
}

// BenchmarkRelayerCycle1000Topics3Chains measures one cycle of relayer.Relayer with
// 1,000 topics and three chains: Allora closes a window of every topic in one block,
// the relayer hears of the block's 1,000 window closes, reads and stores each new
// inference, and each chain's loop reads its oracle, builds the batch of 1,000
// updates, signs it
// with the 2-of-3 signer keys (secp256k1, EIP-712) and submits it to an in-memory
// oracle that recovers and checks every signature. ns/op is wall time of a cycle,
// cpu-ns/op the process's user+system CPU time over the cycles (getrusage), B/op and
// allocs/op the Go heap allocations (-benchmem), oracle-reads/op and batches/op the
// push cycles and batches of the three chains together (3 each: one per chain). The
// emulator's own block-making is outside the timer and outside cpu-ns/op.
func BenchmarkRelayerCycle1000Topics3Chains(b *testing.B) {
	const topics = 1000
	cfg := emulator.Config{BlockTime: time.Second, Seed: 1, Manual: true, StartTime: time.Now().Add(-time.Hour)}
	for i := range topics {
		cfg.Topics = append(cfg.Topics, emulator.TopicConfig{ID: uint64(i + 1), EpochLength: 3, WorkerSubmissionWindow: 1, StartPrice: "100"})
	}
	emu, err := emulator.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	src := &emulatorSource{emu: emu, topics: map[uint64]oracle.Topic{}, events: make(chan []oracle.WindowClosed, 4)}
	ids := make([]uint64, 0, topics)
	for _, t := range emu.Topics() {
		src.topics[t.ID] = t
		ids = append(ids, t.ID)
	}
	keys := signers(3)
	chains := []*fakeChain{newFakeChain(56, keys, 2), newFakeChain(324, keys, 2), newFakeChain(146, keys, 2)}
	writers := make([]relayer.ChainWriter, len(chains))
	for i, c := range chains {
		writers[i] = c
	}
	r, err := relayer.New(relayer.Config{Topics: ids, PollInterval: time.Hour, PushInterval: time.Hour}, src, store.NewMemory(), writers, keys)
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

	// closeWindows advances Allora by one epoch, so every topic has a new inference,
	// and returns the heights the chains must reach.
	closeWindows := func() map[uint64]uint64 {
		emu.Advance(3)
		want := make(map[uint64]uint64, topics)
		for _, id := range ids {
			inf, ok := emu.Latest(id)
			if !ok {
				b.Fatalf("topic %d has no inference", id)
			}
			want[id] = inf.BlockHeight
		}
		return want
	}
	cycle := func(want map[uint64]uint64) {
		block := make([]oracle.WindowClosed, len(ids))
		for i, id := range ids {
			block[i] = oracle.WindowClosed{TopicID: id, BlockHeight: emu.Height(), InferenceBlockHeight: want[id]}
		}
		src.events <- block
		deadline := time.After(time.Minute)
		for _, c := range chains {
			for !c.holds(want) {
				select {
				case <-c.changed:
				case <-time.After(5 * time.Millisecond):
				case <-deadline:
					c.mu.Lock()
					err := c.err
					c.mu.Unlock()
					b.Fatalf("%s did not take every topic's new inference within a minute (last error: %v)", c.chain.Name, err)
				}
			}
		}
	}
	emu.Advance(3)        // every topic's first epoch has opened
	cycle(closeWindows()) // the first cycle also loads metadata

	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	reads0, batches0 := pushes(chains)
	for range b.N {
		b.StopTimer()
		want := closeWindows()
		b.StartTimer()
		began := cpuTime()
		cycle(want)
		cpu += cpuTime() - began
	}
	b.StopTimer()
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	reads, batches := pushes(chains)
	b.ReportMetric(float64(reads-reads0)/float64(b.N), "oracle-reads/op")
	b.ReportMetric(float64(batches-batches0)/float64(b.N), "batches/op")
}
