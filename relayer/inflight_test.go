package relayer_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// heldChain is a fakeChain whose batches are sent at once and mined only when the
// test lets each land: Submit reports the batch on sent, then waits for land.
type heldChain struct {
	*fakeChain
	sent chan []oracle.Update
	land chan struct{}
}

func (c *heldChain) Submit(ctx context.Context, updates []oracle.Update, sigs [][]byte) (relayer.SubmitResult, error) {
	c.sent <- slices.Clone(updates)
	select {
	case <-c.land:
	case <-ctx.Done():
		return relayer.SubmitResult{}, ctx.Err()
	}
	return c.fakeChain.Submit(ctx, updates, sigs)
}

func receiveBatch(t *testing.T, sent <-chan []oracle.Update, what string) []oracle.Update {
	t.Helper()
	select {
	case b := <-sent:
		return b
	case <-time.After(time.Minute):
		t.Fatalf("no batch sent in a minute: %s", what)
		return nil
	}
}

func carried(b []oracle.Update) map[uint64]uint64 {
	out := map[uint64]uint64{}
	for _, u := range b {
		out[u.TopicID] = u.BlockHeight
	}
	return out
}

// A window-close event leads straight to the query, the signing and the send, with no
// poll or push tick in between (both an hour away), and the batch goes while the
// previous one is still waiting for its receipt; the topic the first batch carries at
// its height is not sent again.
func TestWindowCloseSendsTheNextBatchWhileOneIsInFlight(t *testing.T) {
	s := signers(3)
	src := newFakeSource(oracle.Topic{ID: 1}, oracle.Topic{ID: 2})
	src.windows = make(chan oracle.WindowClosed)
	src.set(1, 100, "3012.5")
	src.set(2, 100, "97000.125")
	chain := &heldChain{fakeChain: newFakeChain(56, s, 2), sent: make(chan []oracle.Update, 4), land: make(chan struct{})}
	r, err := relayer.New(relayer.Config{
		Topics: []uint64{1, 2}, PollInterval: time.Hour, PushInterval: time.Hour,
		ChainMaxInFlight: map[uint64]int{56: 3},
	}, src, store.NewMemory(), []relayer.ChainWriter{chain}, s)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		close(chain.land) // let whatever is still in flight land, so Run returns
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})

	first := receiveBatch(t, chain.sent, "the first sweep's batch")
	if got := carried(first); len(got) != 2 || got[1] != 100 || got[2] != 100 {
		t.Fatalf("first batch carries %v, want topics 1 and 2 at 100", got)
	}
	// Allora closes topic 1's next window; the first batch is still unmined.
	src.set(1, 101, "3020")
	src.windows <- oracle.WindowClosed{TopicID: 1, BlockHeight: 101, InferenceBlockHeight: 101}
	second := receiveBatch(t, chain.sent, "the batch for the window that closed, while the first is in flight")
	if got := carried(second); len(got) != 1 || got[1] != 101 {
		t.Fatalf("second batch carries %v, want topic 1 at 101 alone: topic 2 at 100 is in flight", got)
	}
	if n := chain.batchCount(); n != 0 {
		t.Fatalf("%d batches mined before the second was sent, want 0", n)
	}

	chain.land <- struct{}{}
	chain.land <- struct{}{}
	testsupport.WaitFor(t, time.Minute, "both batches mined: topic 1 at 101, topic 2 at 100", func() bool {
		return chain.height(1) == 101 && chain.height(2) == 100 && chain.batchCount() == 2
	})
	select {
	case b := <-chain.sent:
		t.Errorf("a third batch %v was sent: every topic was at Allora's latest in flight", carried(b))
	default:
	}
}

// The windows one Allora block closes go out together: 20 topics' windows close in one
// block, and each chain's next batch carries all 20 new inferences, in one transaction,
// with no poll or push tick in between (both an hour away).
func TestABlocksWindowsGoOutInOneBatch(t *testing.T) {
	const n = 20
	s := signers(3)
	var topics []oracle.Topic
	var ids []uint64
	for i := range n {
		topics = append(topics, oracle.Topic{ID: uint64(i + 1)})
		ids = append(ids, uint64(i+1))
	}
	src := newFakeSource(topics...)
	src.blocks = make(chan []oracle.WindowClosed)
	for _, id := range ids {
		src.set(id, 100, "3012.5")
	}
	chains := []*fakeChain{newFakeChain(56, s, 2), newFakeChain(324, s, 2)}
	r, err := relayer.New(relayer.Config{Topics: ids, PollInterval: time.Hour, PushInterval: time.Hour}, src, store.NewMemory(),
		[]relayer.ChainWriter{chains[0], chains[1]}, s)
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, r)
	at := func(height uint64) map[uint64]uint64 {
		want := map[uint64]uint64{}
		for _, id := range ids {
			want[id] = height
		}
		return want
	}
	for _, c := range chains {
		testsupport.WaitFor(t, time.Minute, c.chain.Name+" holds the first sweep", func() bool { return c.holds(at(100)) })
	}
	before := []int{chains[0].batchCount(), chains[1].batchCount()}
	queries := src.queries.Load()

	block := make([]oracle.WindowClosed, n)
	for i, id := range ids {
		src.set(id, 105, "3020")
		block[i] = oracle.WindowClosed{TopicID: id, BlockHeight: 107, InferenceBlockHeight: 105}
	}
	src.blocks <- block
	for i, c := range chains {
		testsupport.WaitFor(t, time.Minute, c.chain.Name+" holds the block's 20 new inferences", func() bool { return c.holds(at(105)) })
		if got := c.batchCount() - before[i]; got != 1 {
			t.Errorf("%s: the block's windows went out in %d batches, want 1", c.chain.Name, got)
		}
	}
	if got := src.queries.Load() - queries; got != n {
		t.Errorf("%d queries of Allora for the block's %d windows, want one each", got, n)
	}
}
