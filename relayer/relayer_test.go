package relayer_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// fakeSource serves whatever inference each topic is set to, and the window-close
// events the test sends: on windows each event as a block of its own, on blocks a
// block's events together. With both nil it has no feed, like a node read without its
// websocket, and the relayer finds every inference by polling.
type fakeSource struct {
	windows chan oracle.WindowClosed
	blocks  chan []oracle.WindowClosed
	queries atomic.Int64 // LatestInference calls

	mu     sync.Mutex
	topics map[uint64]oracle.Topic
	latest map[uint64]oracle.Inference
}

func newFakeSource(topics ...oracle.Topic) *fakeSource {
	s := &fakeSource{topics: map[uint64]oracle.Topic{}, latest: map[uint64]oracle.Inference{}}
	for _, t := range topics {
		s.topics[t.ID] = t
	}
	return s
}

func (s *fakeSource) set(topicID, height uint64, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latest[topicID] = oracle.Inference{TopicID: topicID, BlockHeight: height, Value: value, Timestamp: time.Unix(1_800_000_000+int64(height), 0)}
}

func (s *fakeSource) LatestInference(_ context.Context, id uint64) (oracle.Inference, error) {
	s.queries.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	inf, ok := s.latest[id]
	if !ok {
		return oracle.Inference{}, fmt.Errorf("topic %d: %w", id, oracle.ErrNoInference)
	}
	return inf, nil
}

func (s *fakeSource) Topic(_ context.Context, id uint64) (oracle.Topic, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.topics[id]
	if !ok {
		return oracle.Topic{}, errors.New("no such topic")
	}
	return t, nil
}

func (s *fakeSource) Watch(ctx context.Context) <-chan []oracle.WindowClosed {
	if s.windows == nil && s.blocks == nil {
		return nil
	}
	out := make(chan []oracle.WindowClosed)
	go func() {
		defer close(out)
		for {
			var block []oracle.WindowClosed
			select {
			case <-ctx.Done():
				return
			case w := <-s.windows:
				block = []oracle.WindowClosed{w}
			case block = <-s.blocks:
			}
			select {
			case out <- block:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// unwatched is an Allora node read without its websocket: no window-close feed, so the
// relayer finds every inference by polling.
type unwatched struct{ *allora.REST }

func (unwatched) Watch(context.Context) <-chan []oracle.WindowClosed { return nil }

// fakeChain is every ChainWriter the relayer tests use: an oracle that checks each
// batch as AlloraOracle does (the EIP-712 digest recovered from each signature must
// give registered signers in ascending order, at least threshold of them; only newer
// heights are stored) and records the batches; its signer set is the registered
// signers and threshold. Gas is modelled as updateBatch's roughly (batchGas) and a
// transaction over gasLimit is never mined, as over a block gas limit. It makes a
// block with each batch mined (an automining dev chain), journals nothing, and its
// submitting wallet holds balance.
type fakeChain struct {
	chain     oracle.Chain
	signers   map[common.Address]bool
	threshold int
	from      common.Address
	changed   chan struct{} // a batch was mined (buffered 1)

	mu           sync.Mutex
	gasLimit     uint64
	state        map[uint64]oracle.Update
	batches      [][]oracle.Update
	gas          []uint64 // gas of every mined batch
	failNext     int      // submissions to fail before succeeding
	err          error    // the last submission's refusal
	balance      *big.Int
	balanceReads int
	stateReads   atomic.Int64 // TopicStates calls: the push loop's cycles
}

func newFakeChain(id uint64, signers []oracle.Signer, threshold int) *fakeChain {
	c := &fakeChain{
		chain:     oracle.Chain{ID: id, Name: fmt.Sprintf("chain%d", id), Oracle: common.BigToAddress(big.NewInt(int64(id)))},
		signers:   map[common.Address]bool{},
		threshold: threshold,
		from:      common.BigToAddress(new(big.Int).SetUint64(0xA000 + id)),
		changed:   make(chan struct{}, 1),
		gasLimit:  30_000_000,
		state:     map[uint64]oracle.Update{},
		balance:   big.NewInt(1e18),
	}
	for _, s := range signers {
		c.signers[s.Address()] = true
	}
	return c
}

func (c *fakeChain) Chain() oracle.Chain { return c.chain }
func (c *fakeChain) Domain() oracle.Domain {
	return oracle.NewDomain(new(big.Int).SetUint64(c.chain.ID), c.chain.Oracle)
}

func (c *fakeChain) TopicStates(_ context.Context, ids []uint64) ([]oracle.ChainTopic, error) {
	c.stateReads.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]oracle.ChainTopic, len(ids))
	for i, id := range ids {
		out[i] = oracle.ChainTopic{TopicID: id}
		if u, ok := c.state[id]; ok {
			out[i].BlockHeight, out[i].Value, out[i].Timestamp = u.BlockHeight, u.Value, u.Timestamp
		}
	}
	return out, nil
}

func (c *fakeChain) SignerSet(context.Context) ([]common.Address, uint8, error) {
	return slices.Collect(maps.Keys(c.signers)), uint8(c.threshold), nil
}

// batchGas is what a batch costs on a fakeChain: a fixed part, a part per update and
// one per signature.
func batchGas(updates, signatures int) uint64 {
	return 60_000 + 9_000*uint64(updates) + 7_000*uint64(signatures)
}

func (c *fakeChain) EstimateBatchGas(_ context.Context, updates []oracle.Update, sigs [][]byte) (uint64, error) {
	// Like eth_estimateGas, the batch must be valid: the signatures are checked.
	if err := c.verify(updates, sigs); err != nil {
		return 0, err
	}
	return batchGas(len(updates), len(sigs)), nil
}

// verify checks a batch's signatures as the oracle does.
func (c *fakeChain) verify(updates []oracle.Update, sigs [][]byte) error {
	digest := oracle.BatchDigest(c.Domain(), updates)
	var prev common.Address
	for _, sig := range sigs {
		who, err := oracle.RecoverSigner(digest, sig)
		if err != nil {
			return err
		}
		if !c.signers[who] || who.Cmp(prev) <= 0 {
			return fmt.Errorf("signature by %s refused", who)
		}
		prev = who
	}
	if len(sigs) < c.threshold {
		return errors.New("threshold not met")
	}
	return nil
}

func (c *fakeChain) Submit(_ context.Context, updates []oracle.Update, sigs [][]byte) (relayer.SubmitResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.failNext > 0 {
		c.failNext--
		return relayer.SubmitResult{}, errors.New("rpc endpoint down")
	}
	if err := c.verify(updates, sigs); err != nil {
		c.err = err
		return relayer.SubmitResult{}, err
	}
	gas := batchGas(len(updates), len(sigs))
	if gas > c.gasLimit {
		return relayer.SubmitResult{}, context.DeadlineExceeded // never mined
	}
	digest := oracle.BatchDigest(c.Domain(), updates)
	res := relayer.SubmitResult{TxHash: common.BytesToHash(crypto.Keccak256(digest[:])), BlockNumber: uint64(len(c.batches) + 1), GasUsed: gas}
	for _, u := range updates {
		if u.BlockHeight <= c.state[u.TopicID].BlockHeight {
			res.Skipped = append(res.Skipped, relayer.Skip{TopicID: u.TopicID, BlockHeight: u.BlockHeight, Reason: "not newer"})
			continue
		}
		c.state[u.TopicID] = u
		res.Applied = append(res.Applied, u)
	}
	c.batches = append(c.batches, slices.Clone(updates))
	c.gas = append(c.gas, gas)
	select {
	case c.changed <- struct{}{}:
	default:
	}
	return res, nil
}

// Resume has nothing to see through: the fake journals nothing.
func (c *fakeChain) Resume(context.Context) error { return nil }

// Head is the block of the last batch mined.
func (c *fakeChain) Head(context.Context) (oracle.ChainHead, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return oracle.ChainHead{Number: uint64(len(c.batches)), Time: time.Now()}, nil
}

func (c *fakeChain) From() common.Address { return c.from }

func (c *fakeChain) WalletBalance(context.Context) (*big.Int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.balanceReads++
	return new(big.Int).Set(c.balance), nil
}

func (c *fakeChain) setBalance(wei *big.Int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.balance = wei
}

func (c *fakeChain) balanceReadCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.balanceReads
}

func (c *fakeChain) height(topicID uint64) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state[topicID].BlockHeight
}

// holds reports whether the chain holds every topic at want's heights.
func (c *fakeChain) holds(want map[uint64]uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, h := range want {
		if c.state[id].BlockHeight != h {
			return false
		}
	}
	return true
}

func (c *fakeChain) batchCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.batches)
}

func signers(n int) []oracle.Signer {
	var out []oracle.Signer
	for range n {
		key, err := crypto.GenerateKey()
		if err != nil {
			panic(err)
		}
		out = append(out, oracle.NewKeySigner(key))
	}
	return out
}

// runUntilCleanup runs r until the test ends, then stops it and checks that Run
// returned no error.
func runUntilCleanup(t *testing.T, r *relayer.Relayer) {
	t.Helper()
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

func run(t *testing.T, src relayer.Source, st store.Store, chains []relayer.ChainWriter, s []oracle.Signer, topics ...uint64) {
	t.Helper()
	r, err := relayer.New(relayer.Config{Topics: topics, PollInterval: 10 * time.Millisecond, PushInterval: 20 * time.Millisecond}, src, st, chains, s)
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, r)
}

func TestRelayerPushesEveryNewerTopicToEveryChainInOneBatch(t *testing.T) {
	s := signers(3)
	src := newFakeSource(oracle.Topic{ID: 1}, oracle.Topic{ID: 2}, oracle.Topic{ID: 3, AllowNegative: true})
	src.set(1, 100, "3012.5")
	src.set(2, 101, "97000.125")
	src.set(3, 102, "-0.0042")
	a, b := newFakeChain(56, s, 2), newFakeChain(146, s, 2)
	st := store.NewMemory()
	run(t, src, st, []relayer.ChainWriter{a, b}, s, 1, 2, 3)

	for _, c := range []*fakeChain{a, b} {
		testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("chain %d holds all three topics", c.chain.ID), func() bool {
			return c.height(1) == 100 && c.height(2) == 101 && c.height(3) == 102
		})
		if n := c.batchCount(); n != 1 {
			t.Errorf("chain %d got %d batches, want the three topics in one", c.chain.ID, n)
		}
		c.mu.Lock()
		if got := c.state[3].Value.String(); got != "-4200000000000000" {
			t.Errorf("chain %d topic 3 = %s, want -4200000000000000", c.chain.ID, got)
		}
		c.mu.Unlock()
	}

	// A newer inference of one topic goes out alone; the others are not resent.
	src.set(2, 150, "97100")
	testsupport.WaitFor(t, 10*time.Second, "topic 2 reaches block 150 on both chains", func() bool { return a.height(2) == 150 && b.height(2) == 150 })
	a.mu.Lock()
	last := a.batches[len(a.batches)-1]
	a.mu.Unlock()
	if len(last) != 1 || last[0].TopicID != 2 {
		t.Errorf("second batch %+v, want topic 2 alone", last)
	}

	// Every mined batch is in the chain's push history, newest first.
	pushes, err := st.Pushes(context.Background(), 56, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pushes) != a.batchCount() || len(pushes[0].Updates) != 1 || pushes[0].Updates[0].TopicID != 2 || pushes[len(pushes)-1].GasUsed == 0 {
		t.Errorf("push history of chain 56 = %+v, want %d pushes, the newest carrying topic 2", pushes, a.batchCount())
	}

	// The store the API reads records what each chain holds and when it was pushed.
	chains, err := st.Chains(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(chains) != 2 {
		t.Fatalf("store has %d chains, want 2", len(chains))
	}
	for _, c := range chains {
		for _, tp := range c.Topics {
			if tp.BlockHeight == 0 || tp.LastPush.IsZero() || tp.TxHash == (common.Hash{}) {
				t.Errorf("chain %d topic %d: %+v, want a recorded push", c.ID, tp.TopicID, tp)
			}
		}
	}
}

func TestRelayerNeverSendsAValueTheOracleCannotHold(t *testing.T) {
	s := signers(1)
	src := newFakeSource(oracle.Topic{ID: 1}, oracle.Topic{ID: 2})
	src.set(1, 10, "NaN")
	src.set(2, 10, "-5") // topic 2 does not allow negative values
	c := newFakeChain(56, s, 1)
	st := store.NewMemory()
	run(t, src, st, []relayer.ChainWriter{c}, s, 1, 2)

	waitCycles(t, src, c, 5)
	if n := c.batchCount(); n != 0 {
		t.Fatalf("%d batches sent for NaN and a forbidden negative value, want none", n)
	}
	if _, err := st.LatestInference(context.Background(), 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("store holds the NaN inference (err = %v), want it rejected", err)
	}

	src.set(1, 11, "3000")
	testsupport.WaitFor(t, 10*time.Second, "the next valid inference lands", func() bool { return c.height(1) == 11 })
	if c.height(2) != 0 {
		t.Errorf("topic 2 reached the chain with a negative value")
	}
}

// waitCycles waits until the relayer has polled src and read c's oracle n more times
// each: what it would have done by then, it has done.
func waitCycles(t *testing.T, src *fakeSource, c *fakeChain, n int64) {
	t.Helper()
	polls, pushes := src.queries.Load(), c.stateReads.Load()
	testsupport.WaitFor(t, 10*time.Second, fmt.Sprintf("%d poll and push cycles", n), func() bool {
		return src.queries.Load() >= polls+n && c.stateReads.Load() >= pushes+n
	})
}

func TestRelayerIgnoresAnInferenceOlderThanOneSeen(t *testing.T) {
	s := signers(1)
	src := newFakeSource(oracle.Topic{ID: 1})
	src.set(1, 50, "1")
	c := newFakeChain(56, s, 1)
	st := store.NewMemory()
	run(t, src, st, []relayer.ChainWriter{c}, s, 1)
	testsupport.WaitFor(t, 10*time.Second, "block 50 lands", func() bool { return c.height(1) == 50 })

	src.set(1, 40, "2") // an endpoint that went backwards
	waitCycles(t, src, c, 3)
	inf, err := st.LatestInference(context.Background(), 1)
	if err != nil || inf.BlockHeight != 50 {
		t.Fatalf("store latest = %+v, %v; want block 50 kept", inf, err)
	}
	if c.height(1) != 50 || c.batchCount() != 1 {
		t.Errorf("chain at block %d after %d batches, want block 50 after 1", c.height(1), c.batchCount())
	}
}

func TestRelayerTrustsTheChainAndRetriesFailedSubmissions(t *testing.T) {
	s := signers(2)
	src := newFakeSource(oracle.Topic{ID: 1}, oracle.Topic{ID: 2})
	src.set(1, 70, "1.5")
	src.set(2, 70, "2.5")
	c := newFakeChain(56, s, 2)
	// Someone else (a pull-mode submitter) already put topic 1 at a newer height.
	c.state[1] = oracle.Update{TopicID: 1, Value: big.NewInt(9), BlockHeight: 80, Timestamp: 1}
	c.failNext = 2
	st := store.NewMemory()
	run(t, src, st, []relayer.ChainWriter{c}, s, 1, 2)

	testsupport.WaitFor(t, 10*time.Second, "topic 2 lands after two failed submissions", func() bool { return c.height(2) == 70 })
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, b := range c.batches {
		for _, u := range b {
			if u.TopicID == 1 {
				t.Errorf("topic 1 sent at block %d although the chain holds block 80", u.BlockHeight)
			}
		}
	}
	if c.state[1].BlockHeight != 80 {
		t.Errorf("topic 1 moved to %d", c.state[1].BlockHeight)
	}
}

func TestNewReportsEveryMissingPart(t *testing.T) {
	_, err := relayer.New(relayer.Config{}, newFakeSource(), store.NewMemory(), nil, nil)
	for _, want := range []error{relayer.ErrNoTopics, relayer.ErrNoChains, relayer.ErrNoSigners} {
		if !errors.Is(err, want) {
			t.Errorf("New with nothing: err = %v, want it to include %v", err, want)
		}
	}
}

// Every relayer goroutine ends with its context. The emulator links cosmos-sdk, one of
// whose dependencies starts a timer goroutine at init that never ends.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("github.com/desertbit/timer.timerRoutine"),
		// go-ethereum's simulated chains leave their database's and sender cache's
		// workers behind when closed.
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"))
}

// TestSignUpdatesIsHowAPushIsSigned asks the relayer to sign an update for pull mode: it
// answers the oracle's threshold of its registered signers, no more, ordered by address,
// and refuses a chain it does not push to.
func TestSignUpdatesIsHowAPushIsSigned(t *testing.T) {
	s := signers(3)
	c := newFakeChain(56, s, 2)
	r, err := relayer.New(relayer.Config{Topics: []uint64{1}}, newFakeSource(), store.NewMemory(), []relayer.ChainWriter{c}, s)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	u := oracle.Update{TopicID: 1, Value: big.NewInt(3012), BlockHeight: 10, Timestamp: 1_700_000_000}
	sigs, err := r.SignUpdates(ctx, 56, []oracle.Update{u})
	if err != nil {
		t.Fatal(err)
	}
	if len(sigs) != 2 {
		t.Fatalf("%d signatures, want the oracle's threshold of 2", len(sigs))
	}
	digest := oracle.BatchDigest(c.Domain(), []oracle.Update{u})
	var prev common.Address
	for i, sig := range sigs {
		a, err := oracle.RecoverSigner(digest, sig)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && bytes.Compare(a[:], prev[:]) <= 0 {
			t.Errorf("signature %d from %s does not follow %s: the oracle wants them ascending", i, a, prev)
		}
		prev = a
	}
	if _, err := r.SignUpdates(ctx, 324, []oracle.Update{u}); !errors.Is(err, relayer.ErrUnknownChain) {
		t.Errorf("signing for a chain the relayer does not push to: %v, want ErrUnknownChain", err)
	}
}

// TestLocalKeyRecordRefusalIsWordedAsACosigners has the relayer's own slashing-protection
// record refuse a local key's second value at a height it signed: the relayer logs it
// in the words a co-signer uses for the same refusal, not as a co-signer's disagreement.
func TestLocalKeyRecordRefusalIsWordedAsACosigners(t *testing.T) {
	s := signers(2)
	c := newFakeChain(56, s, 2)
	record, err := signguard.Open(filepath.Join(t.TempDir(), "signer.record.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer record.Close()
	var logs testsupport.LockedBuffer
	batchSigners := []oracle.BatchSigner{signguard.Guard(oracle.LocalBatchSigner(s[0]), record), oracle.LocalBatchSigner(s[1])}
	r, err := relayer.New(relayer.Config{Topics: []uint64{1}}, newFakeSource(), store.NewMemory(), []relayer.ChainWriter{c}, nil,
		relayer.WithCosigners(batchSigners, oracle.CollectOptions{}), relayer.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	u := oracle.Update{TopicID: 1, Value: big.NewInt(3012), BlockHeight: 10, Timestamp: 1_700_000_000}
	if _, err := r.SignUpdates(ctx, 56, []oracle.Update{u}); err != nil {
		t.Fatal(err)
	}
	u.Value = big.NewInt(3013)
	if _, err := r.SignUpdates(ctx, 56, []oracle.Update{u}); !errors.Is(err, oracle.ErrThresholdNotReached) {
		t.Fatalf("a second value at height 10: %v, want the threshold not reached", err)
	}
	l := logs.String()
	for _, want := range []string{"level=WARN", oracle.SlashingProtectionRefusal, "reason=" + oracle.ReasonSlashingProtection,
		"signer=" + s[0].Address().Hex(), "chain_id=56", "already signed with value 3012"} {
		if !strings.Contains(l, want) {
			t.Errorf("the log lacks %q:\n%s", want, l)
		}
	}
	if strings.Contains(l, "co-signer refused the batch") {
		t.Errorf("the local key's refusal is logged as a co-signer's disagreement:\n%s", l)
	}
}
