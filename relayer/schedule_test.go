package relayer_test

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// clock is a time the test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

func runWith(t *testing.T, cfg relayer.Config, src relayer.Source, st store.Store, chains []relayer.ChainWriter, s []oracle.Signer, opts ...relayer.Option) {
	t.Helper()
	cfg.PollInterval, cfg.PushInterval = 10*time.Millisecond, 20*time.Millisecond
	r, err := relayer.New(cfg, src, st, chains, s, opts...)
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, r)
}

func TestRelayerPushesOnDeviationOrHeartbeatOnly(t *testing.T) {
	s := signers(1)
	const topic, marker = 1, 2
	src := newFakeSource(oracle.Topic{ID: topic}, oracle.Topic{ID: marker})
	chain := newFakeChain(56, s, 1)
	st := store.NewMemory()
	clk := &clock{t: time.Unix(1_800_000_000, 0)}
	runWith(t, relayer.Config{
		Topics: []uint64{topic, marker},
		Policy: oracle.Policies{
			Default: oracle.Policy{Deviation: oracle.MustParseDeviation("1%"), Heartbeat: time.Hour},
			// The marker is pushed on every new inference: once it lands, a push cycle
			// has seen everything set before it.
			Topics: map[uint64]oracle.Policy{marker: {}},
		},
	}, src, st, []relayer.ChainWriter{chain}, s, relayer.WithClock(clk.now))

	markerHeight := uint64(0)
	cycle := func() {
		t.Helper()
		markerHeight++
		src.set(marker, markerHeight, "1")
		testsupport.WaitFor(t, 10*time.Second, "the marker lands", func() bool { return chain.height(marker) == markerHeight })
		markerHeight++ // a second cycle, which read everything stored before the first landed
		src.set(marker, markerHeight, "1")
		testsupport.WaitFor(t, 10*time.Second, "the marker lands", func() bool { return chain.height(marker) == markerHeight })
	}

	src.set(topic, 100, "3000")
	testsupport.WaitFor(t, 10*time.Second, "the first value is pushed", func() bool { return chain.height(topic) == 100 })

	src.set(topic, 101, "3029.99") // 0.9997%: inside the deviation
	cycle()
	if h := chain.height(topic); h != 100 {
		t.Fatalf("a move of 0.9997%% under a 1%% deviation was pushed: chain holds block %d", h)
	}

	src.set(topic, 102, "3030") // exactly 1% from the 3000 on chain
	testsupport.WaitFor(t, 10*time.Second, "a move of 1% is pushed", func() bool { return chain.height(topic) == 102 })

	src.set(topic, 103, "3030") // unchanged
	cycle()
	if h := chain.height(topic); h != 102 {
		t.Fatalf("an unchanged value was pushed before the heartbeat: chain holds block %d", h)
	}
	// The value on chain carries the inference time of block 102; an hour after it the
	// heartbeat pushes the unchanged value.
	clk.set(time.Unix(1_800_000_102, 0).Add(time.Hour - time.Second))
	cycle()
	if h := chain.height(topic); h != 102 {
		t.Fatalf("pushed a second before the heartbeat: chain holds block %d", h)
	}
	clk.set(time.Unix(1_800_000_102, 0).Add(time.Hour))
	testsupport.WaitFor(t, 10*time.Second, "the heartbeat pushes the unchanged value", func() bool { return chain.height(topic) == 103 })
}

func TestRelayerSplitsABatchThatWouldPassTheGasCap(t *testing.T) {
	s := signers(2)
	const topics, maxGas = 120, 300_000
	var ids []uint64
	var metas []oracle.Topic
	for id := uint64(1); id <= topics; id++ {
		ids = append(ids, id)
		metas = append(metas, oracle.Topic{ID: id})
	}
	src := newFakeSource(metas...)
	for _, id := range ids {
		src.set(id, 500+id, "42.5")
	}
	chain := newFakeChain(324, s, 2)
	chain.gasLimit = maxGas
	runWith(t, relayer.Config{Topics: ids, MaxBatchGas: maxGas}, src, store.NewMemory(), []relayer.ChainWriter{chain}, s)

	testsupport.WaitFor(t, 10*time.Second, "every topic lands", func() bool {
		for _, id := range ids {
			if chain.height(id) != 500+id {
				return false
			}
		}
		return true
	})
	chain.mu.Lock()
	defer chain.mu.Unlock()
	if len(chain.gas) < 2 {
		t.Fatalf("120 updates went in %d transaction(s); one would need %d gas, over the cap %d", len(chain.gas), batchGas(topics, 2), maxGas)
	}
	for i, g := range chain.gas {
		if g > maxGas {
			t.Errorf("transaction %d used %d gas, over the cap %d", i, g, maxGas)
		}
	}
	t.Logf("120 updates in %d transactions of gas %v", len(chain.gas), chain.gas)
}

func TestRelayerHoldsEachChainToItsOwnGasCap(t *testing.T) {
	s := signers(1)
	const topics = 40
	var ids []uint64
	var metas []oracle.Topic
	for id := uint64(1); id <= topics; id++ {
		ids = append(ids, id)
		metas = append(metas, oracle.Topic{ID: id})
	}
	src := newFakeSource(metas...)
	for _, id := range ids {
		src.set(id, 700+id, "7")
	}
	// The relayer's cap fits every update in one transaction; zksync's own (a preset's)
	// is a quarter of that and holds there, bnb has none of its own.
	global := batchGas(topics, 1) + 1
	own := global / 4
	bnb, zk := newFakeChain(56, s, 1), newFakeChain(324, s, 1)
	runWith(t, relayer.Config{Topics: ids, MaxBatchGas: global, ChainMaxBatchGas: map[uint64]uint64{324: own}},
		src, store.NewMemory(), []relayer.ChainWriter{bnb, zk}, s)
	testsupport.WaitFor(t, 10*time.Second, "every topic lands on both chains", func() bool {
		for _, id := range ids {
			if bnb.height(id) != 700+id || zk.height(id) != 700+id {
				return false
			}
		}
		return true
	})
	if n := bnb.batchCount(); n != 1 {
		t.Errorf("bnb: %d transactions, want 1 under the relayer's cap %d", n, global)
	}
	zk.mu.Lock()
	defer zk.mu.Unlock()
	if len(zk.gas) < 4 {
		t.Errorf("zksync: %d transactions of gas %v, want at least 4 under its own cap %d", len(zk.gas), zk.gas, own)
	}
	for i, g := range zk.gas {
		if g > own {
			t.Errorf("zksync transaction %d used %d gas, over its own cap %d", i, g, own)
		}
	}
}

func TestRelayerServesPaidRequestsFirstHighestPaymentFirst(t *testing.T) {
	s := signers(1)
	src := newFakeSource(oracle.Topic{ID: 1}, oracle.Topic{ID: 2}, oracle.Topic{ID: 3}, oracle.Topic{ID: 4})
	chain := newFakeChain(146, s, 1)
	st := store.NewMemory()
	for id := uint64(1); id <= 4; id++ {
		src.set(id, 10, "1")
	}
	// A deviation no move reaches and a heartbeat far away: only requests push.
	runWith(t, relayer.Config{
		Topics: []uint64{1, 2, 3, 4},
		Policy: oracle.Policies{Default: oracle.Policy{Deviation: oracle.MustParseDeviation("1000000%"), Heartbeat: 1000 * time.Hour}},
	}, src, st, []relayer.ChainWriter{chain}, s)
	testsupport.WaitFor(t, 10*time.Second, "the first values land", func() bool { return chain.height(4) == 10 })
	for id := uint64(1); id <= 4; id++ {
		src.set(id, 20, "1.5")
	}
	testsupport.WaitFor(t, 10*time.Second, "the new inferences are stored", func() bool {
		inf, err := st.LatestInference(context.Background(), 4)
		return err == nil && inf.BlockHeight == 20
	})
	batches := chain.batchCount()

	ctx := context.Background()
	req := func(topic uint64, amount int64, logIndex uint) store.PaidRequest {
		return store.PaidRequest{ChainID: 146, TopicID: topic, Amount: big.NewInt(amount), LogIndex: logIndex, BlockNumber: 7}
	}
	for _, r := range []store.PaidRequest{req(3, 5, 0), req(1, 900, 1), req(2, 40, 2), req(99, 1_000_000, 3)} {
		if err := st.EnqueueRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	testsupport.WaitFor(t, 10*time.Second, "the requests are served", func() bool { return chain.height(2) == 20 })
	chain.mu.Lock()
	got := chain.batches[batches:]
	chain.mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("requests went in %d batches, want 1", len(got))
	}
	var order []uint64
	for _, u := range got[0] {
		order = append(order, u.TopicID)
	}
	if want := []uint64{1, 2, 3}; !slicesEqual(order, want) {
		t.Errorf("batch order %v, want %v (highest payment first; topic 4, not requested, stays within policy)", order, want)
	}
	if chain.height(4) != 10 {
		t.Errorf("topic 4 was pushed without a request or a due policy")
	}
	testsupport.WaitFor(t, 10*time.Second, "every request is acknowledged, the unknown topic's too", func() bool {
		left, err := st.NextRequests(ctx, 146, 10)
		return err == nil && len(left) == 0
	})
	// A replayed event is not queued again.
	if err := st.EnqueueRequest(ctx, req(1, 900, 1)); err != nil {
		t.Fatal(err)
	}
	if left, _ := st.NextRequests(ctx, 146, 10); len(left) != 0 {
		t.Errorf("a replayed request is queued again: %v", left)
	}
}

func slicesEqual(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRelayerLeavesOutAnUpdateThatAloneIsOverTheGasCap(t *testing.T) {
	s := signers(1)
	src := newFakeSource(oracle.Topic{ID: 1})
	src.set(1, 10, "1")
	maxGas := batchGas(1, 1) - 1
	chain := newFakeChain(56, s, 1)
	st := store.NewMemory()
	ctx := context.Background()
	if err := st.EnqueueRequest(ctx, store.PaidRequest{ChainID: 56, TopicID: 1, Amount: big.NewInt(1)}); err != nil {
		t.Fatal(err)
	}
	runWith(t, relayer.Config{Topics: []uint64{1}, MaxBatchGas: maxGas}, src, st, []relayer.ChainWriter{chain}, s)
	testsupport.WaitFor(t, 10*time.Second, "the paid request is acknowledged", func() bool {
		left, err := st.NextRequests(ctx, 56, 10)
		return err == nil && len(left) == 0
	})
	if n := chain.batchCount(); n != 0 {
		t.Errorf("%d transactions sent although one update needs %d gas, over the cap %d", n, batchGas(1, 1), maxGas)
	}
}
