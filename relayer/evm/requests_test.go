package evm_test

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// inferenceSource serves the inference each topic is set to, timed now, so the
// oracle's age bound accepts it.
type inferenceSource struct {
	mu     sync.Mutex
	latest map[uint64]oracle.Inference
}

func (s *inferenceSource) set(topicID, height uint64, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.latest == nil {
		s.latest = map[uint64]oracle.Inference{}
	}
	s.latest[topicID] = oracle.Inference{TopicID: topicID, BlockHeight: height, Value: value, Timestamp: time.Now()}
}

func (s *inferenceSource) LatestInference(_ context.Context, id uint64) (oracle.Inference, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	inf, ok := s.latest[id]
	if !ok {
		return oracle.Inference{}, fmt.Errorf("topic %d: %w", id, oracle.ErrNoInference)
	}
	return inf, nil
}

func (s *inferenceSource) Topic(_ context.Context, id uint64) (oracle.Topic, error) {
	return oracle.Topic{ID: id, EpochLength: 60}, nil
}

// Watch reports nothing: the source has no feed, so the relayer polls it.
func (s *inferenceSource) Watch(context.Context) <-chan []oracle.WindowClosed { return nil }

// pushLog keeps the batches a relayer reports mined.
type pushLog struct {
	mu     sync.Mutex
	pushes []relayer.SubmitResult
}

func (l *pushLog) record(ev relayer.Event) {
	if ev.Push != nil {
		l.mu.Lock()
		l.pushes = append(l.pushes, ev.Push.Result)
		l.mu.Unlock()
	}
}

func (l *pushLog) all() []relayer.SubmitResult {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]relayer.SubmitResult(nil), l.pushes...)
}

func runRelayer(t *testing.T, cfg relayer.Config, src relayer.Source, st store.Store, w relayer.ChainWriter, signers []oracle.Signer, opts ...relayer.Option) {
	t.Helper()
	r, err := relayer.New(cfg, src, st, []relayer.ChainWriter{w}, signers, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

// gatedHead shows a watcher the chain only up to a block the test releases, as if
// later blocks were not confirmed yet.
type gatedHead struct {
	evm.RequestBackend
	limit atomic.Uint64 // 0: no limit
}

func (g *gatedHead) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	h, err := g.RequestBackend.HeaderByNumber(ctx, n)
	if err != nil || n != nil {
		return h, err
	}
	if limit := g.limit.Load(); limit != 0 && h.Number.Uint64() > limit {
		return g.RequestBackend.HeaderByNumber(ctx, new(big.Int).SetUint64(limit))
	}
	return h, nil
}

func TestPaidRequestsAreServedHighestPaymentFirstOffTheRegularCycle(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	client, addr, signers := startChain(t, 146)
	chain := oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}
	w, err := evm.NewWriter(ctx, chain, client, devchain.DevKey(0), evm.WithReceiptPoll(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	st := store.NewMemory()
	src := &inferenceSource{}
	for id := uint64(1); id <= 4; id++ {
		src.set(id, 10, "3000")
	}
	gate := &gatedHead{RequestBackend: client}
	head, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gate.limit.Store(head)
	watcher := evm.NewRequestWatcher(chain, gate, st, evm.RequestWatcherConfig{FromBlock: 1, PollInterval: 20 * time.Millisecond}, nil)
	pushes := &pushLog{}
	// A deviation no move reaches, a heartbeat far off and a push interval of an hour:
	// after the first values, only a request can make the relayer push.
	runRelayer(t, relayer.Config{
		Topics:       []uint64{1, 2, 3, 4},
		PollInterval: 20 * time.Millisecond,
		PushInterval: time.Hour,
		Policy:       oracle.Policies{Default: oracle.Policy{Deviation: oracle.MustParseDeviation("1000000%"), Heartbeat: 1000 * time.Hour}},
	}, src, st, w, signers[:2], relayer.WithRequestWatchers(watcher), relayer.WithEvents(pushes.record))

	states := func() []oracle.ChainTopic {
		s, err := w.TopicStates(ctx, []uint64{1, 2, 3, 4})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	testsupport.WaitFor(t, time.Minute, "the first values land", func() bool {
		if len(pushes.all()) == 0 { // mined, and as deep as the chain's preset asks
			return false
		}
		for _, s := range states() {
			if s.BlockHeight != 10 {
				return false
			}
		}
		return true
	})
	for id := uint64(1); id <= 4; id++ {
		src.set(id, 20, "3001")
	}
	testsupport.WaitFor(t, time.Minute, "the newer inferences are stored", func() bool {
		inf, err := st.LatestInference(ctx, 4)
		return err == nil && inf.BlockHeight == 20
	})
	before := len(pushes.all())

	// Three requests, paid 1, 9 and 5 gwei, mined while the watcher cannot see them yet.
	contract := alloraoracle.NewAlloraOracle()
	instance := contract.Instance(client, addr)
	opts := bind.NewKeyedTransactor(devchain.DevKey(4), big.NewInt(146))
	opts.Context = ctx
	var last uint64
	for _, r := range []struct {
		topic uint64
		gwei  int64
	}{{1, 1}, {2, 9}, {3, 5}} {
		opts.Value = new(big.Int).Mul(big.NewInt(r.gwei), big.NewInt(1e9))
		tx, err := bind.Transact(instance, opts, contract.PackRequestUpdate(r.topic))
		if err != nil {
			t.Fatalf("requestUpdate(%d): %v", r.topic, err)
		}
		receipt, err := bind.WaitMined(ctx, client, tx.Hash())
		if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("requestUpdate(%d): receipt %v, %v", r.topic, receipt, err)
		}
		last = receipt.BlockNumber.Uint64()
	}
	if got := len(pushes.all()); got != before {
		t.Fatalf("%d pushes before any request was seen; the policy should hold every topic", got-before)
	}
	gate.limit.Store(last) // the requests' blocks are confirmed
	testsupport.WaitFor(t, time.Minute, "the requested topics land", func() bool {
		if len(pushes.all()) == before {
			return false
		}
		s := states()
		return s[0].BlockHeight == 20 && s[1].BlockHeight == 20 && s[2].BlockHeight == 20
	})
	got := pushes.all()[before:]
	if len(got) != 1 {
		t.Fatalf("requests served in %d transactions, want 1: %+v", len(got), got)
	}
	var order []uint64
	for _, u := range got[0].Applied {
		order = append(order, u.TopicID)
	}
	if fmt.Sprint(order) != "[2 3 1]" {
		t.Errorf("topics applied in order %v, want [2 3 1]: highest payment first", order)
	}
	if s := states(); s[3].BlockHeight != 10 {
		t.Errorf("topic 4, never requested, moved to block %d", s[3].BlockHeight)
	}
	testsupport.WaitFor(t, time.Minute, "the requests are acknowledged", func() bool {
		left, err := st.NextRequests(ctx, 146, 10)
		return err == nil && len(left) == 0
	})

	// A restarted watcher reads the same events again: they are not served twice.
	again := evm.NewRequestWatcher(chain, client, st, evm.RequestWatcherConfig{FromBlock: 1}, nil)
	n, err := again.Scan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("a rescan from block 1 read %d requests, want the 3 sent", n)
	}
	if left, err := st.NextRequests(ctx, 146, 10); err != nil || len(left) != 0 {
		t.Errorf("replayed events queued again: %v, %v", left, err)
	}
}

func TestRelayerSplits120TopicsUnderTheGasCapOnARealChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	client, addr, signers := startChain(t, 324)
	chain := oracle.Chain{ID: 324, Name: "zksync-era", Oracle: addr}
	w, err := evm.NewWriter(ctx, chain, client, devchain.DevKey(0), evm.WithReceiptPoll(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	const topics, maxGas = 120, 1_000_000
	src := &inferenceSource{}
	var ids []uint64
	for id := uint64(1); id <= topics; id++ {
		ids = append(ids, id)
		src.set(id, 1000+id, fmt.Sprintf("%d.25", 100+id))
	}
	pushes := &pushLog{}
	runRelayer(t, relayer.Config{Topics: ids, PollInterval: 50 * time.Millisecond, PushInterval: 200 * time.Millisecond, MaxBatchGas: maxGas},
		src, store.NewMemory(), w, signers[:2], relayer.WithEvents(pushes.record))

	testsupport.WaitFor(t, time.Minute, "every topic lands", func() bool {
		applied := 0
		for _, p := range pushes.all() { // mined, and as deep as the chain's preset asks
			applied += len(p.Applied)
		}
		if applied < topics {
			return false
		}
		states, err := w.TopicStates(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range states {
			if s.BlockHeight != 1000+s.TopicID {
				return false
			}
		}
		return true
	})
	got := pushes.all()
	applied := 0
	for i, p := range got {
		if p.GasUsed > maxGas {
			t.Errorf("transaction %d (%s) used %d gas, over the cap %d", i, p.TxHash, p.GasUsed, maxGas)
		}
		applied += len(p.Applied)
	}
	if len(got) < 2 {
		t.Errorf("120 topics went in %d transaction(s) under a cap of %d gas", len(got), maxGas)
	}
	if applied != topics {
		t.Errorf("%d updates applied across %d transactions, want %d", applied, len(got), topics)
	}
	var gas []uint64
	for _, p := range got {
		gas = append(gas, p.GasUsed)
	}
	t.Logf("120 topics in %d transactions using %v gas", len(got), gas)
}
