package keeper_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		// go-ethereum keeps a package-level sender cache and leaves a leveldb drain
		// goroutine behind after its node closes; neither is the keeper's to stop.
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
	)
}

// The simulated chain stamps each block at least a second after the one before, so with
// fast blocks a 60-second round lasts 60 blocks: a second and a half.
const (
	blockTime = 25 * time.Millisecond
	interval  = 60 * time.Second
	buffer    = 50 * time.Second
)

// market is a PredictionMarket on its own fast chain, with nothing but the keeper
// driving it: one prediction, so that rounds open, no bets and a price that goes stale,
// so its rounds are voided at lock, which the keeper does not care about.
type market struct {
	client *ethclient.Client
	info   keeper.MarketInfo
	owner  *ecdsa.PrivateKey
}

func startMarket(t *testing.T) *market {
	t.Helper()
	chain, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: blockTime})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- chain.Run(ctx) }()
	client, err := ethclient.Dial(chain.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		client.Close()
		cancel()
		<-done
		chain.Close()
	})
	owner := devchain.DevKey(0)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	dctx, dcancel := context.WithTimeout(ctx, 30*time.Second)
	defer dcancel()
	oracleAddr, _, err := evm.DeployOracle(dctx, client, owner, evm.DeployParams{
		Owner: ownerAddr, Signers: []common.Address{crypto.PubkeyToAddress(devchain.DevKey(1).PublicKey)},
		Threshold: 1, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatal(err)
	}
	publishPrediction(t, dctx, client, oracleAddr)
	feed, err := evm.DeployMockAggregator(dctx, client, owner, evm.MockAggregatorParams{Decimals: 8, Description: "ETH / USD", InitialAnswer: big.NewInt(3000_00000000)})
	if err != nil {
		t.Fatal(err)
	}
	addr, err := evm.DeployMarket(dctx, client, owner, evm.MarketParams{
		Oracle: oracleAddr, TopicID: 1, PriceFeed: feed, Interval: interval, Buffer: buffer, FeeBps: 300,
		MinBet: big.NewInt(1e15), MaxPriceAge: time.Minute, MaxPredictionAge: time.Hour, Owner: ownerAddr, Treasury: ownerAddr,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &market{client: client, owner: owner, info: keeper.MarketInfo{ChainID: 56, ChainName: "bnb", Address: addr, Name: "ETH 5m"}}
}

// adapter is the market as a keeper sending with development key i sees it.
func (m *market) adapter(t *testing.T, i int) *evm.Market {
	t.Helper()
	a, err := evm.NewMarket(context.Background(), m.info, m.client, devchain.DevKey(i))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// run starts k and returns a function that stops it and reports what Run returned.
func run(t *testing.T, k *keeper.Keeper) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- k.Run(ctx) }()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("keeper stopped with %v, want nil on cancellation", err)
		}
	}
}

// waitEpoch waits until the market's current round is at least epoch.
func waitEpoch(t *testing.T, m keeper.Market, epoch uint64) keeper.State {
	t.Helper()
	var s keeper.State
	testsupport.WaitForSeen(t, time.Minute, fmt.Sprintf("the market at round %d", epoch), func() (bool, string) {
		var err error
		if s, err = m.State(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s.Epoch >= epoch, fmt.Sprintf("%+v", s)
	})
	return s
}

// waitEvents waits until the keeper reported n mined calls.
func waitEvents(t *testing.T, e *events, n int) {
	t.Helper()
	testsupport.WaitForSeen(t, time.Minute, fmt.Sprintf("%d mined calls", n), func() (bool, string) {
		return len(e.all()) >= n, fmt.Sprintf("%+v", e.all())
	})
}

// events collects a keeper's events.
type events struct {
	mu   sync.Mutex
	list []keeper.Event
}

func (e *events) add(ev keeper.Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.list = append(e.list, ev)
}

func (e *events) all() []keeper.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]keeper.Event(nil), e.list...)
}

// logBuffer is a slog text handler's output, read while the keeper writes.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func TestKeeperExecutesRoundsAsTheyFallDue(t *testing.T) {
	t.Parallel()
	m := startMarket(t)
	a := m.adapter(t, 4)
	var got events
	k, err := keeper.New(keeper.Config{PollInterval: blockTime}, []keeper.Market{a}, keeper.WithEvents(got.add))
	if err != nil {
		t.Fatal(err)
	}
	stop := run(t, k)
	waitEvents(t, &got, 4)
	stop()

	evs := got.all()
	if len(evs) < 4 {
		t.Fatalf("%d executions, want genesisStart, genesisLock and two executeRounds: %+v", len(evs), evs)
	}
	wantSteps := []keeper.Step{keeper.GenesisStart, keeper.GenesisLock, keeper.ExecuteRound, keeper.ExecuteRound}
	for i, want := range wantSteps {
		ev := evs[i]
		if ev.Execution.Step != want || ev.Execution.Started != uint64(i+1) || ev.Market.Address != m.info.Address {
			t.Errorf("execution %d: %s started round %d on %s; want %s starting round %d",
				i, ev.Execution.Step, ev.Execution.Started, ev.Market.Address, want, i+1)
		}
		if i > 0 && (ev.Execution.Locked == nil || ev.Execution.Locked.Epoch != uint64(i)) {
			t.Errorf("execution %d (%s) did not report locking round %d: %+v", i, want, i, ev.Execution.Locked)
		}
	}
}

// eager reports every round as due for its first few reads after genesis, as a keeper
// with a wrong clock would see it, so the keeper sends calls the contract refuses.
type eager struct {
	keeper.Market
	mu    sync.Mutex
	lies  int
	calls []error
}

func (e *eager) State(ctx context.Context) (keeper.State, error) {
	s, err := e.Market.State(ctx)
	e.mu.Lock()
	defer e.mu.Unlock()
	if err == nil && s.GenesisStarted && s.BlockTime < s.LockTimestamp && e.lies > 0 {
		e.lies--
		s.BlockTime = s.LockTimestamp
	}
	return s, err
}

func (e *eager) Execute(ctx context.Context, step keeper.Step) (keeper.Execution, error) {
	exec, err := e.Market.Execute(ctx, step)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls = append(e.calls, err)
	return exec, err
}

func TestKeeperCarriesOnAfterARevertedCall(t *testing.T) {
	t.Parallel()
	m := startMarket(t)
	inner := m.adapter(t, 4)
	a := &eager{Market: inner, lies: 3}
	var logs logBuffer
	k, err := keeper.New(keeper.Config{PollInterval: blockTime}, []keeper.Market{a}, keeper.WithLogger(logs.logger()))
	if err != nil {
		t.Fatal(err)
	}
	stop := run(t, k)
	waitEpoch(t, inner, 3)
	stop()

	a.mu.Lock()
	defer a.mu.Unlock()
	var refused int
	for _, err := range a.calls {
		var revert *evm.RevertError
		if errors.As(err, &revert) && revert.Name == "RoundNotDue" {
			refused++
		}
	}
	if refused == 0 {
		t.Errorf("no call was refused with RoundNotDue: %v", a.calls)
	}
	if !strings.Contains(logs.String(), `level=INFO msg="market refused the call`) || !strings.Contains(logs.String(), "RoundNotDue") {
		t.Errorf("refused calls were not logged at Info naming RoundNotDue:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "level=WARN") || strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("a refused call, which sends nothing, was logged as a warning or an error:\n%s", logs.String())
	}
}

// gate holds every keeper's first genesisStart until all have reached it, so they
// send it at the same moment.
type gate struct {
	keeper.Market
	arrive chan struct{}
	all    chan struct{}
	once   *sync.Once
	n      int

	mu      *sync.Mutex
	results *[]error
}

func (g *gate) Execute(ctx context.Context, step keeper.Step) (keeper.Execution, error) {
	if step == keeper.GenesisStart {
		g.arrive <- struct{}{}
		g.once.Do(func() {
			for range g.n - 1 {
				<-g.arrive
			}
			close(g.all)
		})
		select {
		case <-g.all:
		case <-ctx.Done():
			return keeper.Execution{}, ctx.Err()
		}
	}
	exec, err := g.Market.Execute(ctx, step)
	if step == keeper.GenesisStart {
		g.mu.Lock()
		*g.results = append(*g.results, err)
		g.mu.Unlock()
	}
	return exec, err
}

func TestKeepersRacingOnOneMarketAdvanceEachRoundOnce(t *testing.T) {
	t.Parallel()
	m := startMarket(t)
	var (
		mu      sync.Mutex
		results []error
		got     events
		logs    logBuffer
		stops   []func()
	)
	arrive, all, once := make(chan struct{}, 2), make(chan struct{}), new(sync.Once)
	for _, key := range []int{4, 5} {
		g := &gate{Market: m.adapter(t, key), arrive: arrive, all: all, once: once, n: 2, mu: &mu, results: &results}
		k, err := keeper.New(keeper.Config{PollInterval: blockTime}, []keeper.Market{g},
			keeper.WithEvents(got.add), keeper.WithLogger(logs.logger()))
		if err != nil {
			t.Fatal(err)
		}
		stops = append(stops, run(t, k))
	}
	waitEvents(t, &got, 4)
	for _, stop := range stops {
		stop()
	}

	mu.Lock()
	var ok, failed int
	for _, err := range results {
		if err == nil {
			ok++
		} else {
			failed++
		}
	}
	mu.Unlock()
	if ok != 1 || failed != 1 {
		t.Errorf("simultaneous genesisStarts: %d mined, %d refused or reverted (%v); want one of each", ok, failed, results)
	}
	started := map[uint64]int{}
	var last uint64
	for _, ev := range got.all() {
		started[ev.Execution.Started]++
		last = max(last, ev.Execution.Started)
	}
	for epoch := uint64(1); epoch <= last; epoch++ {
		if started[epoch] != 1 {
			t.Errorf("round %d was opened by %d mined calls, want exactly 1 (opened: %v)", epoch, started[epoch], started)
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("racing keepers logged errors:\n%s", logs.String())
	}
}

func TestKeeperRecoversFromAMissedRound(t *testing.T) {
	t.Parallel()
	m := startMarket(t)
	a := m.adapter(t, 4)
	var logs logBuffer
	var got events
	k, err := keeper.New(keeper.Config{PollInterval: blockTime}, []keeper.Market{a},
		keeper.WithLogger(logs.logger()), keeper.WithEvents(got.add))
	if err != nil {
		t.Fatal(err)
	}
	stop := run(t, k)
	defer stop()
	waitEpoch(t, a, 2)

	// The owner pauses the market until the open round's buffer has passed.
	contract := predictionmarket.NewPredictionMarket()
	instance := contract.Instance(m.client, m.info.Address)
	m.send(t, instance, contract.PackPause())
	paused, err := a.State(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	missed := paused.Epoch
	testsupport.WaitFor(t, time.Minute, "the paused round's buffer to pass", func() bool {
		s, err := a.State(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return s.BlockTime > s.LockTimestamp+s.BufferSeconds
	})
	m.send(t, instance, contract.PackUnpause())

	// The late call voids the missed round and the rounds start again with genesisLock.
	waitEvents(t, &got, 4)
	r, err := a.Round(context.Background(), missed)
	if err != nil {
		t.Fatal(err)
	}
	if keeper.Status(r.Status) != keeper.StatusVoid || keeper.VoidReason(r.VoidReason) != keeper.LockMissed {
		t.Errorf("missed round %d: status %s reason %s, want void for a missed lock",
			missed, keeper.Status(r.Status), keeper.VoidReason(r.VoidReason))
	}
	if !strings.Contains(logs.String(), "level=ERROR msg=\"round missed") {
		t.Errorf("the missed round was not logged as an error:\n%s", logs.String())
	}
	var steps []keeper.Step
	for _, ev := range got.all() {
		steps = append(steps, ev.Execution.Step)
	}
	want := []keeper.Step{keeper.GenesisStart, keeper.GenesisLock, keeper.ExecuteRound, keeper.GenesisLock}
	if len(steps) < len(want) {
		t.Fatalf("steps %v, want %v", steps, want)
	}
	for i := range want {
		if steps[i] != want[i] {
			t.Errorf("steps %v, want %v first", steps, want)
			break
		}
	}
}

// send has the owner transact data to the market and waits until it is mined.
func (m *market) send(t *testing.T, instance *bind.BoundContract, data []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := bind.NewKeyedTransactor(m.owner, big.NewInt(56))
	opts.Context = ctx
	tx, err := bind.Transact(instance, opts, data)
	if err != nil {
		t.Fatal(err)
	}
	receipt, err := bind.WaitMined(ctx, m.client, tx.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("owner's call: receipt %+v, err %v", receipt, err)
	}
}

// TestKeeperSendsOnlyInItsTurn runs a keeper whose replica does not hold the chain's
// lease: poll after poll it sends nothing and the market does not start; once the lease
// is its own, it executes the rounds, and it stops again when the lease moves away.
func TestKeeperSendsOnlyInItsTurn(t *testing.T) {
	t.Parallel()
	m := startMarket(t)
	a := m.adapter(t, 4)
	var (
		got   events
		mine  atomic.Bool
		asked atomic.Int64
	)
	var logs testsupport.LockedBuffer
	k, err := keeper.New(keeper.Config{PollInterval: blockTime}, []keeper.Market{a}, keeper.WithEvents(got.add),
		keeper.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))),
		keeper.WithTurn(func(chainID uint64) bool {
			if chainID != m.info.ChainID {
				t.Errorf("turn asked for chain %d, want %d", chainID, m.info.ChainID)
			}
			asked.Add(1)
			return mine.Load()
		}))
	if err != nil {
		t.Fatal(err)
	}
	stop := run(t, k)
	defer func() { stop() }()
	testsupport.WaitFor(t, time.Minute, "ten polls out of turn", func() bool { return asked.Load() >= 10 })
	if n := len(got.all()); n != 0 {
		t.Fatalf("%d calls sent out of turn", n)
	}
	s, err := a.State(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.GenesisStarted {
		t.Fatal("the market started while it was not the keeper's turn")
	}
	mine.Store(true)
	waitEvents(t, &got, 2)
	mine.Store(false)
	n := len(got.all())
	at := asked.Load()
	testsupport.WaitFor(t, time.Minute, "ten more polls out of turn", func() bool { return asked.Load() >= at+10 })
	// A call already on its way when the lease moved may still be mined; none after.
	if extra := len(got.all()) - n; extra > 1 {
		t.Fatalf("%d calls sent after the turn ended", extra)
	}
	for _, want := range []string{"another replica holds the chain's lease", "this replica holds the chain's lease"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

// publishPrediction pushes one prediction of topic 1, stamped with the chain's time and
// signed by the oracle's signer, as the relayer would: genesisStart needs one.
func publishPrediction(t *testing.T, ctx context.Context, client *ethclient.Client, oracleAddr common.Address) {
	t.Helper()
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}, client, devchain.DevKey(2))
	if err != nil {
		t.Fatal(err)
	}
	u := []oracle.Update{{TopicID: 1, Value: new(big.Int).Mul(big.NewInt(3000), big.NewInt(1e18)), BlockHeight: 1, Timestamp: head.Time}}
	sigs, err := oracle.SignBatch(ctx, w.Domain(), u, []oracle.Signer{oracle.NewKeySigner(devchain.DevKey(1))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Submit(ctx, u, sigs); err != nil {
		t.Fatal(err)
	}
}
