package relayer_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// liveSource is an Allora source whose topics get a new inference, timed now, each
// time the test advances it.
type liveSource struct {
	mu     sync.Mutex
	height uint64
	at     time.Time
	topics []uint64
}

func (s *liveSource) advance() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.height++
	s.at = time.Now().Truncate(time.Second)
}

func (s *liveSource) latestHeight() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.height
}

func (s *liveSource) LatestInference(_ context.Context, id uint64) (oracle.Inference, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.height == 0 {
		return oracle.Inference{}, oracle.ErrNoInference
	}
	return oracle.Inference{TopicID: id, BlockHeight: s.height, Value: fmt.Sprintf("%d.25", 3000+s.height), Timestamp: s.at}, nil
}

func (s *liveSource) Topic(_ context.Context, id uint64) (oracle.Topic, error) {
	return oracle.Topic{ID: id, EpochLength: 1}, nil
}

// Watch reports nothing: the source has no feed, so the relayer polls it.
func (s *liveSource) Watch(context.Context) <-chan []oracle.WindowClosed { return nil }

// simChain is an in-process chain whose block production the test can pause, with
// a 2-of-3 AlloraOracle deployed.
type simChain struct {
	id      uint64
	name    string
	chain   *devchain.Chain
	client  *ethclient.Client
	oracle  common.Address
	signers []oracle.Signer
	paused  atomic.Bool
}

const simBlockTime = 100 * time.Millisecond

func startSimChain(t *testing.T, id uint64, name string) *simChain {
	t.Helper()
	dc, err := devchain.New(devchain.Config{ChainID: id})
	if err != nil {
		t.Fatal(err)
	}
	c := &simChain{id: id, name: name, chain: dc}
	stop := make(chan struct{})
	mined := make(chan struct{})
	go func() {
		defer close(mined)
		tick := time.NewTicker(simBlockTime)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if !c.paused.Load() {
					dc.Commit()
				}
			}
		}
	}()
	if c.client, err = ethclient.Dial(dc.URL()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.client.Close()
		close(stop)
		<-mined
		dc.Close()
	})
	var addrs []common.Address
	for i := 1; i <= 3; i++ {
		s := oracle.NewKeySigner(devchain.DevKey(i))
		c.signers = append(c.signers, s)
		addrs = append(addrs, s.Address())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// The deployer is not the submitter, so the submitter's nonces start at 0.
	c.oracle, _, err = evm.DeployOracle(ctx, c.client, devchain.DevKey(9), evm.DeployParams{
		Owner: addrs[0], Signers: addrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatalf("deploy on %s: %v", name, err)
	}
	return c
}

// height is what the chain's oracle holds for topic 1.
func (c *simChain) height(t *testing.T) uint64 {
	t.Helper()
	r, err := evm.NewReader(context.Background(), oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, c.client)
	if err != nil {
		t.Fatal(err)
	}
	st, err := r.TopicStates(context.Background(), []uint64{1})
	if err != nil {
		return 0
	}
	return st[0].BlockHeight
}

var submitter = crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey)

// submitted returns the submitter's transactions on the chain in block order, checking
// that their nonces run from 0 without a gap.
func (c *simChain) submitted(t *testing.T) []*types.Transaction {
	t.Helper()
	ctx := context.Background()
	head, err := c.client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(new(big.Int).SetUint64(c.id))
	var txs []*types.Transaction
	for n := uint64(1); n <= head; n++ {
		b, err := c.client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatal(err)
		}
		for _, tx := range b.Transactions() {
			if from, err := types.Sender(signer, tx); err == nil && from == submitter {
				if tx.Nonce() != uint64(len(txs)) {
					t.Errorf("%s: block %d holds nonce %d, want %d: a gap or a reuse", c.name, n, tx.Nonce(), len(txs))
				}
				txs = append(txs, tx)
			}
		}
	}
	return txs
}

// skips counts the oracle's UpdateSkipped events: an update sent twice (by two
// replicas, or resent) is skipped the second time.
func (c *simChain) skips(t *testing.T) int {
	t.Helper()
	contract := alloraoracle.NewAlloraOracle()
	ev := contract.GetABI().Events[alloraoracle.AlloraOracleUpdateSkippedEventName]
	logs, err := c.client.FilterLogs(context.Background(), ethereum.FilterQuery{
		Addresses: []common.Address{c.oracle}, Topics: [][]common.Hash{{ev.ID}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return len(logs)
}

// cutLease is a Lease a test can cut off from Redis, as a crash or a partition would:
// renewals fail and nothing is released.
type cutLease struct {
	lease.Lease
	cut      atomic.Bool
	acquires atomic.Int64 // calls that reached Redis
}

var errCut = errors.New("connection cut by the test")

func (l *cutLease) Acquire(ctx context.Context, name string) (uint64, bool, error) {
	if l.cut.Load() {
		return 0, false, errCut
	}
	defer l.acquires.Add(1)
	return l.Lease.Acquire(ctx, name)
}

func (l *cutLease) Renew(ctx context.Context, name string, token uint64) (bool, error) {
	if l.cut.Load() {
		return false, errCut
	}
	return l.Lease.Renew(ctx, name, token)
}

func (l *cutLease) Release(ctx context.Context, name string, token uint64) error {
	if l.cut.Load() {
		return errCut
	}
	return l.Lease.Release(ctx, name, token)
}

// replica is one relayer process: its own Redis connection, chain connections,
// transaction managers, leases and metrics.
type replica struct {
	name    string
	lease   *cutLease
	leaders map[uint64]*relayer.Leadership
	reg     *prometheus.Registry
	logs    *logRecorder
	st      store.Store
	rl      *relayer.Relayer
	cancel  context.CancelFunc
	done    chan error

	mu     sync.Mutex
	pushes []replicaPush
}

type replicaPush struct {
	chain uint64
	tx    common.Hash
	block uint64
}

type replicaConfig struct {
	prefix   string
	ttl      time.Duration
	shutdown time.Duration
	st       func(*testing.T) store.Store // nil: Redis under prefix
}

func startReplica(t *testing.T, name string, src relayer.Source, chains []*simChain, rc replicaConfig) *replica {
	t.Helper()
	var st store.Store
	if rc.st != nil {
		st = rc.st(t)
	} else {
		st = store.NewRedis(redistest.Client(t, nil), rc.prefix)
	}
	r := &replica{
		name:    name,
		lease:   &cutLease{Lease: lease.NewRedis(redistest.Client(t, nil), rc.prefix, name, rc.ttl)},
		leaders: map[uint64]*relayer.Leadership{},
		reg:     prometheus.NewRegistry(),
		logs:    &logRecorder{},
		done:    make(chan error, 1),
	}
	log := slog.New(r.logs)
	m, err := relayer.NewMetrics(r.reg, st)
	if err != nil {
		t.Fatal(err)
	}
	var (
		writers []relayer.ChainWriter
		leaders []*relayer.Leadership
		signers []oracle.Signer
	)
	for _, c := range chains {
		ld := relayer.NewLeadership(c.id, r.lease, name, rc.ttl, st, log)
		r.leaders[c.id] = ld
		leaders = append(leaders, ld)
		client, err := ethclient.Dial(c.chain.URL())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(client.Close)
		chainName := c.name
		txc, err := presets.Local().TxConfig(c.id)
		if err != nil {
			t.Fatal(err)
		}
		w, err := evm.NewWriter(context.Background(), oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, client, devchain.DevKey(0),
			evm.WithJournal(ld.Journal()), evm.WithTxConfig(txc),
			evm.WithTxOptions(txmgr.WithEvents(func(e txmgr.Event) { m.TxEvent(chainName, e.Kind.String(), e.Kind == txmgr.EventReplaced) })))
		if err != nil {
			t.Fatal(err)
		}
		writers = append(writers, w)
		signers = c.signers
	}
	cfg := relayer.Config{
		Topics: []uint64{1, 2}, PollInterval: 50 * time.Millisecond, PushInterval: 200 * time.Millisecond,
		SubmitTimeout: 30 * time.Second, ShutdownTimeout: rc.shutdown, StallBlocks: 10,
		BlockTimes: map[uint64]time.Duration{},
	}
	for _, c := range chains {
		cfg.BlockTimes[c.id] = simBlockTime
	}
	rl, err := relayer.New(cfg, src, st, writers, signers[:2], relayer.WithLogger(log),
		relayer.WithMetrics(m), relayer.WithLeadership(leaders...),
		relayer.WithEvents(func(ev relayer.Event) {
			if ev.Push != nil {
				r.mu.Lock()
				r.pushes = append(r.pushes, replicaPush{chain: ev.Push.Chain.ID, tx: ev.Push.Result.TxHash, block: ev.Push.Result.BlockNumber})
				r.mu.Unlock()
			}
		}))
	if err != nil {
		t.Fatal(err)
	}
	r.st, r.rl = st, rl
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.done <- rl.Run(ctx) }()
	t.Cleanup(r.stop)
	return r
}

// stop cancels the replica's context and waits for Run to return.
func (r *replica) stop() {
	if r.cancel == nil {
		return
	}
	r.cancel()
	if err := <-r.done; err != nil {
		panic(fmt.Sprintf("%s: Run: %v", r.name, err))
	}
	r.cancel = nil
}

func (r *replica) pushCount(chainID uint64) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, p := range r.pushes {
		if p.chain == chainID {
			n++
		}
	}
	return n
}

func (r *replica) leads(chainID uint64) bool {
	_, ok := r.leaders[chainID].Leader()
	return ok
}

func (r *replica) pushedAbove(chainID, height uint64, c *simChain, t *testing.T) bool {
	r.mu.Lock()
	n := 0
	for _, p := range r.pushes {
		if p.chain == chainID {
			n++
		}
	}
	r.mu.Unlock()
	return n > 0 && c.height(t) > height
}

// TestReplicasNeverBothSubmitAndTakeOver runs relayer replicas sharing one Redis
// against two chains: at every moment at most one replica leads a chain; stopping the
// leader hands its chains over at once, and a replica that dies without releasing
// (its renewals stop) hands them over within the lease's TTL; pushes continue each
// time; on chain, the submitter's nonces have no gap and no update was sent twice.
func TestReplicasNeverBothSubmitAndTakeOver(t *testing.T) {
	const ttl = 3 * time.Second
	const slack = 3 * time.Second // -race on a busy two-core machine
	chains := []*simChain{startSimChain(t, 56, "bnb"), startSimChain(t, 146, "sonic")}
	src := &liveSource{topics: []uint64{1, 2}}
	src.advance()
	stopFeed := make(chan struct{})
	fed := make(chan struct{})
	go func() {
		defer close(fed)
		for {
			select {
			case <-stopFeed:
				return
			case <-time.After(700 * time.Millisecond):
				src.advance()
			}
		}
	}()
	defer func() { close(stopFeed); <-fed }()

	rc := replicaConfig{prefix: redistest.Prefix(t), ttl: ttl, shutdown: 5 * time.Second}
	a := startReplica(t, "replica-a", src, chains, rc)
	b := startReplica(t, "replica-b", src, chains, rc)
	replicas := []*replica{a, b}
	var (
		sampleMu sync.Mutex
		overlaps []string
		samples  int
	)
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	var extra atomic.Pointer[replica]
	go func() {
		defer close(sampled)
		for {
			select {
			case <-stopSampling:
				return
			case <-time.After(2 * time.Millisecond):
			}
			all := []*replica{a, b}
			if c := extra.Load(); c != nil {
				all = append(all, c)
			}
			start := time.Now()
			for _, c := range chains {
				var leading []string
				for _, r := range all {
					if r.leads(c.id) {
						leading = append(leading, r.name)
					}
				}
				if time.Since(start) > 5*time.Millisecond {
					continue // a handover between two reads is not an overlap
				}
				sampleMu.Lock()
				samples++
				if len(leading) > 1 {
					overlaps = append(overlaps, fmt.Sprintf("%s led by %v", c.name, leading))
				}
				sampleMu.Unlock()
			}
		}
	}()

	for _, c := range chains {
		testsupport.WaitFor(t, ttl+slack, c.name+" gets a leader", func() bool { return a.leads(c.id) || b.leads(c.id) })
		testsupport.WaitFor(t, 30*time.Second, c.name+" gets pushes", func() bool { return c.height(t) >= 2 })
	}

	// The leader of bnb stops cleanly: it releases its leases, the other takes over
	// at once and keeps pushing.
	leader, follower := a, b
	if b.leads(56) {
		leader, follower = b, a
	}
	leader.stop()
	for _, c := range chains {
		took := testsupport.WaitFor(t, ttl+slack, c.name+" handed over after a clean stop", func() bool { return follower.leads(c.id) })
		t.Logf("%s: taken over %s after a clean stop", c.name, took)
		h := c.height(t)
		testsupport.WaitFor(t, 30*time.Second, c.name+" pushes continue", func() bool { return follower.pushedAbove(c.id, h, c, t) })
	}

	// A new replica joins; the leader dies without releasing: its renewals stop.
	c3 := startReplica(t, "replica-c", src, chains, rc)
	extra.Store(c3)
	replicas = append(replicas, c3)
	testsupport.WaitFor(t, ttl, "the new replica tries each chain's lease", func() bool { return c3.lease.acquires.Load() >= int64(2*len(chains)) })
	for _, c := range chains {
		if c3.leads(c.id) {
			t.Fatalf("%s: the new replica leads while the leader renews", c.name)
		}
	}
	crashed := time.Now()
	follower.lease.cut.Store(true)
	for _, c := range chains {
		testsupport.WaitFor(t, ttl+ttl/10+slack, c.name+" taken over after the leader died", func() bool { return c3.leads(c.id) })
		took := time.Since(crashed)
		t.Logf("%s: taken over %s after the leader's renewals stopped (TTL %s)", c.name, took, ttl)
		if took < ttl-ttl/3 {
			t.Errorf("%s: taken over %s after the crash, before the lease could have expired", c.name, took)
		}
		h := c.height(t)
		testsupport.WaitFor(t, 30*time.Second, c.name+" pushes continue from the new leader", func() bool { return c3.pushedAbove(c.id, h, c, t) })
	}
	if follower.leads(56) || follower.leads(146) {
		t.Error("the replica whose renewals stopped still leads")
	}
	if len(follower.logs.find(slog.LevelWarn, map[string]any{})) == 0 {
		t.Error("the replica that lost its lease logged no warning")
	}

	close(stopSampling)
	<-sampled
	for _, r := range replicas {
		r.stop()
	}
	sampleMu.Lock()
	if len(overlaps) > 0 {
		t.Errorf("%d of %d samples saw two leaders of a chain, first: %s", len(overlaps), samples, overlaps[0])
	}
	if samples < 100 {
		t.Errorf("only %d samples taken", samples)
	}
	sampleMu.Unlock()

	// What the chains saw: nonces without gap (checked by submitted), no update sent
	// twice, nothing left pending, every push attributed to one replica.
	for _, c := range chains {
		testsupport.WaitFor(t, 30*time.Second, c.name+": every transaction sent is mined", func() bool {
			pending, err := c.client.PendingNonceAt(context.Background(), submitter)
			latest, err2 := c.client.NonceAt(context.Background(), submitter, nil)
			return err == nil && err2 == nil && pending == latest
		})
	}
	owner := map[common.Hash]string{}
	for _, r := range replicas {
		r.mu.Lock()
		for _, p := range r.pushes {
			if prev, dup := owner[p.tx]; dup {
				t.Errorf("transaction %s reported by %s and %s", p.tx, prev, r.name)
			}
			owner[p.tx] = r.name
		}
		r.mu.Unlock()
	}
	for _, c := range chains {
		txs := c.submitted(t)
		if len(txs) < 3 {
			t.Errorf("%s: %d transactions from the submitter, want pushes from three replicas", c.name, len(txs))
		}
		if n := c.skips(t); n != 0 {
			t.Errorf("%s: the oracle skipped %d updates: an update was sent twice", c.name, n)
		}
		var seq []string
		for _, tx := range txs {
			if o, ok := owner[tx.Hash()]; ok && (len(seq) == 0 || seq[len(seq)-1] != o) {
				seq = append(seq, o)
			}
		}
		if len(seq) > len(replicas) {
			t.Errorf("%s: submitters in block order %v, want each replica in one stretch", c.name, seq)
		}
		seen := map[string]bool{}
		for _, o := range seq {
			if seen[o] {
				t.Errorf("%s: submitters in block order %v: a replica submitted again after handing over", c.name, seq)
			}
			seen[o] = true
		}
		pending, err := c.client.PendingNonceAt(context.Background(), submitter)
		if err != nil {
			t.Fatal(err)
		}
		if latest, _ := c.client.NonceAt(context.Background(), submitter, nil); pending != latest {
			t.Errorf("%s: pending nonce %d, mined %d: a transaction is left stuck", c.name, pending, latest)
		}
	}
}
