package e2e

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
)

// startupGrace bounds the time from starting the relayer to every topic being on
// every chain: the first inference of each topic (within its first window, up to
// ten blocks) and one push per chain, Sonic's after ten confirmations.
const startupGrace = 90 * time.Second

// waitEveryTopicEverywhere waits until every chain holds some inference of every topic.
func (h *Harness) waitEveryTopicEverywhere() {
	h.t.Helper()
	testsupport.WaitForSeen(h.t, startupGrace, "every topic on every chain's oracle", func() (bool, string) {
		var missing []string
		for _, c := range h.Chains {
			got, err := h.Heights(c)
			if err != nil {
				missing = append(missing, fmt.Sprintf("%s: %v", c.Name, err))
				continue
			}
			for _, id := range h.TopicIDs() {
				if got[id] == 0 {
					missing = append(missing, fmt.Sprintf("%s topic %d", c.Name, id))
				}
			}
		}
		return len(missing) == 0, "missing: " + strings.Join(missing, ", ")
	})
}

func (h *Harness) chain(id uint64) *Chain {
	for _, c := range h.Chains {
		if c.ID == id {
			return c
		}
	}
	h.t.Fatalf("no chain %d", id)
	return nil
}

func requireRunning(t *testing.T, p *Process) {
	t.Helper()
	if done, err := p.Exited(); done {
		t.Fatalf("%s exited (%v); it should keep running", p.Name, err)
	}
}

// TestEveryTopicReachesEveryChainWithinOneEpoch runs the relayer for a while and
// samples, twice a second, every topic on every chain against Allora. "Within one
// epoch" means: with L the block height of the topic's latest inference on Allora,
// read first, and H the height the chain's oracle holds, read after, H ≥ L − epoch.
// That is, the chain may still hold the previous inference while the newest is being
// pushed, never one older than that. Sampling starts once every topic has reached
// every chain (bounded by startupGrace).
func TestEveryTopicReachesEveryChainWithinOneEpoch(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	rl := h.StartRelayer("relayer", h.WriteConfig("relayer", nil))
	h.waitEveryTopicEverywhere()

	const runFor = 75 * time.Second
	type chainTopic struct {
		chain string
		topic uint64
	}
	var (
		samples     int
		violations  []string
		behindSince = map[chainTopic]time.Time{} // when the chain was first seen behind Allora
		longest     = map[string]time.Duration{} // longest time a chain was seen behind, per chain
	)
	for end := time.Now().Add(runFor); time.Now().Before(end); time.Sleep(500 * time.Millisecond) {
		requireRunning(t, rl)
		allora := map[uint64]uint64{}
		for _, id := range h.TopicIDs() {
			allora[id] = h.AlloraLatest(id)
		}
		for _, c := range h.Chains {
			got, err := h.Heights(c)
			if err != nil {
				t.Fatalf("read %s: %v", c.Name, err)
			}
			for _, id := range h.TopicIDs() {
				samples++
				k := chainTopic{c.Name, id}
				if got[id] < allora[id] {
					if _, ok := behindSince[k]; !ok {
						behindSince[k] = time.Now()
					}
				} else if since, ok := behindSince[k]; ok {
					longest[c.Name] = max(longest[c.Name], time.Since(since))
					delete(behindSince, k)
				}
				if got[id]+h.Epoch(id) < allora[id] {
					violations = append(violations, fmt.Sprintf("%s %s topic %d: chain %d, Allora %d (epoch %d)",
						time.Now().Format("15:04:05.000"), c.Name, id, got[id], allora[id], h.Epoch(id)))
				}
			}
		}
	}
	t.Logf("%d samples over %v; longest a chain was seen holding an older inference than Allora's latest: %v", samples, runFor, longest)
	if len(violations) > 0 {
		t.Errorf("%d of %d samples more than one epoch behind Allora:\n%s", len(violations), samples, strings.Join(violations, "\n"))
	}
	h.CheckEndState(60 * time.Second)
	h.CheckRevisionsLanded()
}

// TestKillNineTwentyTimes kills the relayer with SIGKILL at 20 moments and restarts it
// each time: every other kill comes right after one of its transactions appears in a
// chain's pool (in flight), the others after a random delay. At the end no update is
// lost, no nonce gap is left stuck, and no older value overwrote a newer one. The
// schedule comes from a seed that is logged; E2E_SEED replays it.
func TestKillNineTwentyTimes(t *testing.T) {
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("E2E_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("E2E_SEED=%q: %v", s, err)
		}
		seed = v
	}
	t.Logf("kill schedule seed %d (E2E_SEED=%d replays it)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	h := newHarness(t, Options{})
	path := h.WriteConfig("relayer", nil)
	rl := h.StartRelayer("relayer", path)
	h.waitEveryTopicEverywhere()

	const kills = 20
	inFlight := 0
	for i := range kills {
		what := ""
		if i%2 == 0 {
			// Kill as soon as a transaction of the relayer is in a pool: it is signed,
			// journaled and broadcast, and not mined yet.
			deadline := time.Now().Add(40 * time.Second)
			for what == "" && time.Now().Before(deadline) {
				for _, c := range h.Chains {
					if pool := h.SubmitterPool(c); len(pool) > 0 {
						what = fmt.Sprintf("with nonce %d in %s's pool (tx %s)", pool[0].Nonce, c.Name, pool[0].Hash)
						inFlight++
						break
					}
				}
				if what == "" {
					time.Sleep(20 * time.Millisecond)
				}
			}
			if what == "" {
				what = "after 40s without a transaction in any pool"
			}
		} else {
			d := time.Duration(300+rng.IntN(4700)) * time.Millisecond
			time.Sleep(d)
			what = fmt.Sprintf("%v after its start", d)
		}
		requireRunning(t, rl)
		rl.Kill9()
		t.Logf("kill -9 %d/%d %s", i+1, kills, what)
		rl = h.StartRelayer("relayer", path)
	}
	// Each kill of the first kind must have caught a transaction in flight for the
	// scenario to show what it claims; one may miss if every chain was idle for 40s.
	if inFlight < kills/2-1 {
		t.Errorf("only %d of %d kills came with a transaction in flight", inFlight, kills/2)
	}
	h.CheckEndState(120 * time.Second)
	requireRunning(t, rl)
}

// TestBaseFeeSpikeStrandsATransactionThatIsReplaced raises Sonic's next base fee to
// four times what the relayer's transaction offers right after it reaches the pool.
// No block takes it until it is replaced at the same nonce with raised fees; the
// replacement lands with the batch's updates.
func TestBaseFeeSpikeStrandsATransactionThatIsReplaced(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	sonic := h.chain(146)
	h.StartRelayer("relayer", h.WriteConfig("relayer", nil))

	ctx := context.Background()
	var stranded anviltest.PoolTx
	for attempt := 1; ; attempt++ {
		if attempt > 5 {
			t.Fatal("in 5 attempts the spike never came before the transaction was mined")
		}
		var tx anviltest.PoolTx
		testsupport.WaitForSeen(t, 60*time.Second, "a transaction of the relayer in sonic's pool", func() (bool, string) {
			pool := h.SubmitterPool(sonic)
			if len(pool) > 0 {
				tx = pool[0]
				return true, ""
			}
			return false, "none"
		})
		spike := new(big.Int).Mul(tx.MaxFeePerGas.ToInt(), big.NewInt(4))
		sonic.Node.SetNextBaseFee(t, spike)
		// Wait for the next block: it must have the spiked base fee and not the
		// transaction.
		head, err := sonic.Node.Client.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var next *types.Header
		testsupport.WaitForSeen(t, 10*time.Second, "the next sonic block", func() (bool, string) {
			next, err = sonic.Node.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(head+1))
			return err == nil, fmt.Sprint(err)
		})
		if _, err := sonic.Node.Client.TransactionReceipt(ctx, tx.Hash); err == nil {
			t.Logf("attempt %d: tx %s was mined before the spike took effect; trying the next one", attempt, tx.Hash)
			continue
		}
		if next.BaseFee.Cmp(tx.MaxFeePerGas.ToInt()) <= 0 {
			t.Logf("attempt %d: block %d base fee %s does not strand tx %s (max fee %s); trying the next one",
				attempt, head+1, next.BaseFee, tx.Hash, tx.MaxFeePerGas.ToInt())
			continue
		}
		stranded = tx
		t.Logf("attempt %d: tx %s at nonce %d offers max fee %s, tip %s; block %d base fee %s",
			attempt, tx.Hash, tx.Nonce, tx.MaxFeePerGas.ToInt(), tx.MaxPriorityFeePerGas.ToInt(), head+1, next.BaseFee)
		break
	}

	nonce := uint64(stranded.Nonce)
	testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("the submitter's nonce %d mined on sonic", nonce), func() (bool, string) {
		latest, _, err := h.Nonces(sonic)
		return err == nil && latest > nonce, fmt.Sprintf("mined nonce %d (%v)", latest, err)
	})
	mined := h.minedAt(sonic, nonce)
	if mined.Hash() == stranded.Hash {
		t.Fatalf("the stranded tx %s itself was mined at nonce %d; want a replacement", stranded.Hash, nonce)
	}
	if _, err := sonic.Node.Client.TransactionReceipt(ctx, stranded.Hash); !errors.Is(err, ethereum.NotFound) {
		t.Errorf("receipt of the stranded tx %s: %v; want not found (replaced)", stranded.Hash, err)
	}
	raised := func(old, next *big.Int) bool { // next ≥ old × 1.1
		return new(big.Int).Mul(next, big.NewInt(10)).Cmp(new(big.Int).Mul(old, big.NewInt(11))) >= 0
	}
	if !raised(stranded.MaxFeePerGas.ToInt(), mined.GasFeeCap()) || !raised(stranded.MaxPriorityFeePerGas.ToInt(), mined.GasTipCap()) {
		t.Errorf("replacement %s max fee %s tip %s; stranded %s offered %s and %s: both must rise ≥10%%",
			mined.Hash(), mined.GasFeeCap(), mined.GasTipCap(), stranded.Hash, stranded.MaxFeePerGas.ToInt(), stranded.MaxPriorityFeePerGas.ToInt())
	}
	receipt, err := sonic.Node.Client.TransactionReceipt(ctx, mined.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("replacement %s receipt %+v, %v; want a successful one", mined.Hash(), receipt, err)
	}
	applied := 0
	for _, l := range receipt.Logs {
		if _, err := oracleABI.UnpackTopicUpdatedEvent(l); err == nil {
			applied++
		}
	}
	if applied == 0 {
		t.Errorf("replacement %s applied no update", mined.Hash())
	}
	t.Logf("nonce %d: stranded %s (max fee %s, tip %s), mined %s (max fee %s, tip %s) in block %d with %d updates",
		nonce, stranded.Hash, stranded.MaxFeePerGas.ToInt(), stranded.MaxPriorityFeePerGas.ToInt(), mined.Hash(), mined.GasFeeCap(), mined.GasTipCap(),
		receipt.BlockNumber, applied)
	h.CheckEndState(90 * time.Second)
}

// minedAt finds the submitter's transaction mined at nonce on c, searching back from
// the head.
func (h *Harness) minedAt(c *Chain, nonce uint64) *types.Transaction {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	head, err := c.Node.Client.BlockNumber(ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(new(big.Int).SetUint64(c.ID))
	for n := head; n > 0; n-- {
		b, err := c.Node.Client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			h.t.Fatal(err)
		}
		for _, tx := range b.Transactions() {
			if from, err := types.Sender(signer, tx); err == nil && from == h.Submitter && tx.Nonce() == nonce {
				return tx
			}
		}
	}
	h.t.Fatalf("no transaction of %s at nonce %d on %s", h.Submitter, nonce, c.Name)
	return nil
}

// TestReorgDropsAMinedUpdateThatIsSentAgain replaces Sonic's blocks back to and
// including the one holding the relayer's newest update with empty ones, before the
// ten confirmations the Sonic preset waits for: the update is in neither the chain nor
// the pool, and the relayer sends the same transaction again, which lands.
func TestReorgDropsAMinedUpdateThatIsSentAgain(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	sonic := h.chain(146)
	h.StartRelayer("relayer", h.WriteConfig("relayer", nil))
	ctx := context.Background()

	var dropped struct {
		Applied
		nonce uint64
	}
	for attempt := 1; ; attempt++ {
		if attempt > 5 {
			t.Fatal("in 5 attempts no update was caught within 5 blocks of being mined")
		}
		before, err := h.AppliedUpdates(sonic)
		if err != nil {
			t.Fatal(err)
		}
		var newest Applied
		testsupport.WaitForSeen(t, 60*time.Second, "a new update applied on sonic", func() (bool, string) {
			now, err := h.AppliedUpdates(sonic)
			if err != nil {
				return false, err.Error()
			}
			if len(now) > len(before) {
				newest = now[len(now)-1]
				return true, ""
			}
			return false, fmt.Sprintf("%d updates, as before", len(now))
		})
		head, err := sonic.Node.Client.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		depth := head - newest.Block + 1
		if depth > 5 {
			t.Logf("attempt %d: update in block %d, head already %d; trying the next one", attempt, newest.Block, head)
			continue
		}
		tx, _, err := sonic.Node.Client.TransactionByHash(ctx, newest.TxHash)
		if err != nil {
			t.Fatal(err)
		}
		sonic.Node.Reorg(t, depth)
		dropped.Applied, dropped.nonce = newest, tx.Nonce()
		t.Logf("attempt %d: reorged %d blocks (head %d) dropping topic %d height %d of tx %s in block %d",
			attempt, depth, head, newest.Topic, newest.Height, newest.TxHash, newest.Block)
		break
	}
	// The block is gone and nothing put the transaction back in the pool: the
	// update is lost unless the relayer sends it again.
	if r, err := sonic.Node.Client.TransactionReceipt(ctx, dropped.TxHash); err == nil && r.BlockHash == dropped.BlockHash {
		t.Fatalf("after the reorg the receipt of %s is still in the reorged block %s", dropped.TxHash, dropped.BlockHash)
	}
	// Sent again means at the same nonce: the same transaction rebroadcast, or its
	// replacement with raised fees if the rebroadcast does not get mined in time.
	var again Applied
	testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("topic %d height %d applied again on sonic by the submitter's nonce %d", dropped.Topic, dropped.Height, dropped.nonce),
		func() (bool, string) {
			applied, err := h.AppliedUpdates(sonic)
			if err != nil {
				return false, err.Error()
			}
			for _, a := range applied {
				if a.Topic == dropped.Topic && a.Height == dropped.Height {
					again = a
					return true, ""
				}
			}
			got, _ := h.Heights(sonic)
			return false, fmt.Sprintf("not applied in the canonical chain; the oracle holds height %d", got[dropped.Topic])
		})
	tx, _, err := sonic.Node.Client.TransactionByHash(ctx, again.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Nonce() != dropped.nonce || again.BlockHash == dropped.BlockHash {
		t.Errorf("height %d applied again by tx %s at nonce %d in block %s; want nonce %d in a block other than the reorged %s",
			dropped.Height, again.TxHash, tx.Nonce(), again.BlockHash, dropped.nonce, dropped.BlockHash)
	}
	how := "the same transaction rebroadcast"
	if again.TxHash != dropped.TxHash {
		how = "a replacement at the same nonce"
	}
	t.Logf("topic %d height %d landed again in block %d by %s (tx %s)", dropped.Topic, dropped.Height, again.Block, how, again.TxHash)
	h.CheckEndState(90 * time.Second)
}

// TestRedisRestartLosesNothing stops Redis (durable, append-only) under a running
// relayer for several seconds, while Allora keeps producing inferences, and starts it
// again: the relayer keeps running and catches up. Then the journal in the restarted
// Redis is put to work: the relayer is killed with a transaction in flight and
// restarted, and the end state is clean.
func TestRedisRestartLosesNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{RedisAppendOnly: true})
	path := h.WriteConfig("relayer", nil)
	rl := h.StartRelayer("relayer", path)
	h.waitEveryTopicEverywhere()

	h.Redis.Stop()
	down := time.Now()
	stopped := map[uint64]uint64{}
	for _, id := range h.TopicIDs() {
		stopped[id] = h.AlloraLatest(id)
	}
	// Redis stays down until every topic has a newer inference on Allora than when
	// it stopped: the relayer meets new work with its store gone.
	testsupport.WaitForSeen(t, 60*time.Second, "a new inference of every topic while Redis is down", func() (bool, string) {
		var waiting []string
		for id, h0 := range stopped {
			if h.AlloraLatest(id) <= h0 {
				waiting = append(waiting, fmt.Sprint(id))
			}
		}
		return len(waiting) == 0, "no new inference yet for topics " + strings.Join(waiting, ", ")
	})
	requireRunning(t, rl)
	h.Redis.Start()
	t.Logf("redis was down for %v", time.Since(down).Round(time.Millisecond))
	requireRunning(t, rl)

	// Pushes carry on: every chain takes an update applied after Redis came back.
	back, err := latestBlocks(h)
	if err != nil {
		t.Fatal(err)
	}
	testsupport.WaitForSeen(t, 90*time.Second, "an update applied on every chain after Redis came back", func() (bool, string) {
		var waiting []string
		for _, c := range h.Chains {
			applied, err := h.AppliedUpdates(c)
			if err != nil {
				return false, err.Error()
			}
			if len(applied) == 0 || applied[len(applied)-1].Block <= back[c.ID] {
				waiting = append(waiting, c.Name)
			}
		}
		return len(waiting) == 0, "none yet on " + strings.Join(waiting, ", ")
	})
	requireRunning(t, rl)

	// The journal in the restarted Redis: a kill with a transaction in flight is
	// resumed by the next process.
	caught := ""
	testsupport.WaitForSeen(t, 60*time.Second, "a transaction of the relayer in a pool", func() (bool, string) {
		for _, c := range h.Chains {
			if pool := h.SubmitterPool(c); len(pool) > 0 {
				caught = fmt.Sprintf("nonce %d in %s's pool", pool[0].Nonce, c.Name)
				return true, ""
			}
		}
		return false, "none"
	})
	rl.Kill9()
	t.Logf("kill -9 with %s", caught)
	rl = h.StartRelayer("relayer", path)
	h.CheckEndState(90 * time.Second)
	requireRunning(t, rl)
}

func latestBlocks(h *Harness) (map[uint64]uint64, error) {
	out := map[uint64]uint64{}
	for _, c := range h.Chains {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		n, err := c.Node.Client.BlockNumber(ctx)
		cancel()
		if err != nil {
			return nil, err
		}
		out[c.ID] = n
	}
	return out, nil
}

// TestKillNineWithThreeInFlight stops Sonic's blocks until three of the relayer's
// transactions wait in its pool at consecutive nonces (max_in_flight is 4 in the
// preset: each batch was sent while the previous ones were unmined), kills the relayer
// with SIGKILL, lets blocks come again and restarts it. The restarted relayer sees the
// three through from the journal: no nonce gap, no update sent twice (the oracle
// skipped none), and every topic at Allora's latest height.
func TestKillNineWithThreeInFlight(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	sonic := h.chain(146)
	path := h.WriteConfig("relayer", nil)
	rl := h.StartRelayer("relayer", path)
	h.waitEveryTopicEverywhere()

	sonic.Node.SetIntervalMining(t, 0)
	var pool []anviltest.PoolTx
	testsupport.WaitForSeen(t, 90*time.Second, "three transactions of the relayer in sonic's pool, Sonic making no blocks", func() (bool, string) {
		pool = h.SubmitterPool(sonic)
		return len(pool) >= 3, fmt.Sprintf("%d in the pool", len(pool))
	})
	latest, _, err := h.Nonces(sonic)
	if err != nil {
		t.Fatal(err)
	}
	nonces := make([]uint64, len(pool))
	for i, tx := range pool {
		nonces[i] = uint64(tx.Nonce)
	}
	slices.Sort(nonces)
	for i, n := range nonces {
		if n != latest+uint64(i) {
			t.Fatalf("pool holds nonces %v over mined nonce %d: a gap", nonces, latest)
		}
	}
	requireRunning(t, rl)
	rl.Kill9()
	t.Logf("kill -9 with nonces %v in sonic's pool", nonces)
	sonic.Node.SetIntervalMining(t, 1)
	rl = h.StartRelayer("relayer", path)

	h.CheckEndState(120 * time.Second)
	requireRunning(t, rl)
	skipped, err := h.SkippedUpdates(sonic)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Errorf("sonic's oracle skipped %d updates it already held: sent twice (%v)", len(skipped), skipped)
	}
}

// SkippedUpdates is every update c's oracle skipped (UpdateSkipped), as "topic@height
// in tx" strings, in chain order.
func (h *Harness) SkippedUpdates(c *Chain) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	logs, err := c.Node.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{c.Oracle}})
	if err != nil {
		return nil, fmt.Errorf("chain %s: filter logs: %w", c.Name, err)
	}
	var out []string
	for i := range logs {
		if ev, err := oracleABI.UnpackUpdateSkippedEvent(&logs[i]); err == nil {
			out = append(out, fmt.Sprintf("%d@%d in %s", ev.TopicId, ev.BlockHeight, logs[i].TxHash))
		}
	}
	return out, nil
}
