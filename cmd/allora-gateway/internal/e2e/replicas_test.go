package e2e

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

const leaseHolderMetric = "allora_gateway_relayer_lease_holder"

// replica is one relayer process of several sharing Redis, with its API (and
// /metrics) on addr.
type replica struct {
	name string
	addr string
	proc *Process
}

// leaseHolds is which chains (by name) a replica says it holds the lease of, per
// allora_gateway_relayer_lease_holder on its /metrics, with the owner id it holds
// them as; an error when it does not answer.
func (r *replica) leaseHolds() (map[string]string, error) {
	m, err := ScrapeMetrics(r.addr)
	if err != nil {
		return nil, err
	}
	held := map[string]string{}
	for _, s := range m[leaseHolderMetric] {
		if s.Value == 1 {
			held[s.Labels["chain"]] = s.Labels["owner"]
		}
	}
	return held, nil
}

// SubmitterTx is a transaction of the submitter mined on a chain.
type SubmitterTx struct {
	Nonce uint64
	Hash  common.Hash
	Block uint64
	To    *common.Address // nil: a contract creation (deploy)
}

// SubmitterTxs lists every transaction of the submitter in c's canonical chain, in
// nonce order.
func (h *Harness) SubmitterTxs(c *Chain) []SubmitterTx {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	head, err := c.Node.Client.BlockNumber(ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(new(big.Int).SetUint64(c.ID))
	var out []SubmitterTx
	for n := uint64(1); n <= head; n++ {
		b, err := c.Node.Client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			h.t.Fatalf("%s block %d: %v", c.Name, n, err)
		}
		for _, tx := range b.Transactions() {
			if from, err := types.Sender(signer, tx); err == nil && from == h.Submitter {
				out = append(out, SubmitterTx{Nonce: tx.Nonce(), Hash: tx.Hash(), Block: n, To: tx.To()})
			}
		}
	}
	slices.SortFunc(out, func(a, b SubmitterTx) int { return int(a.Nonce) - int(b.Nonce) })
	return out
}

var pushedLine = regexp.MustCompile(`msg=pushed .*\bchain=([a-z0-9-]+) .*\btx=(0x[0-9a-f]{64})`)

// pushedBy reads which transactions each process's log says it pushed: chain name,
// then tx hash, to the process names that logged it.
func pushedBy(t *testing.T, procs ...*Process) map[string]map[common.Hash][]string {
	t.Helper()
	out := map[string]map[common.Hash][]string{}
	for _, p := range procs {
		data, err := os.ReadFile(p.LogPath)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			m := pushedLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			if out[m[1]] == nil {
				out[m[1]] = map[common.Hash][]string{}
			}
			h := common.HexToHash(m[2])
			if !slices.Contains(out[m[1]][h], p.Name) {
				out[m[1]][h] = append(out[m[1]][h], p.Name)
			}
		}
	}
	return out
}

// TestTwoReplicasNeverBothSubmitAndTheOtherTakesOver runs two relayer processes with
// the same config (the same submitter key, the same Redis) and a short lease TTL.
// Twice a second both replicas' /metrics are read: no chain ever has two lease
// holders, and each has one once they are up. The replica holding most chains is
// killed with SIGKILL while one of its transactions is in a pool; the other takes
// each of its chains over within the TTL (the time is measured and logged), sees the
// transaction in flight through and pushes every topic's next inference. On every
// chain each of the submitter's transactions was pushed by one replica: by the lease
// holder before the kill, by the survivor after it, none by both; none was wasted
// (each applied updates); the nonces run without a gap; neither log shows a nonce
// taken by the other replica; and the end state is clean.
func TestTwoReplicasNeverBothSubmitAndTheOtherTakesOver(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	const ttl = 6 * time.Second
	var replicas []*replica
	for i := range 2 {
		r := &replica{name: fmt.Sprintf("replica-%d", i), addr: testsupport.FreeAddr(h.t)}
		record := filepath.Join(t.TempDir(), r.name+".record.db")
		path := h.WriteConfig(r.name, func(cfg *RelayerConfig) {
			cfg.Relayer["lease_ttl"] = ttl.String()
			cfg.API["listen"] = r.addr
			// Replicas sharing the oracle keys on one host each keep their own
			// slashing-protection record: one file can be open in one process only.
			cfg.Signers["record"] = record
		})
		r.proc = h.StartRelayer(r.name, path)
		replicas = append(replicas, r)
	}

	// The sampler: every 500ms, who holds each chain's lease, by both replicas' word.
	type sample struct {
		at      time.Time
		holders map[string][]string // chain name: replica names
	}
	var (
		mu      sync.Mutex
		samples []sample
	)
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			s := sample{at: time.Now(), holders: map[string][]string{}}
			for _, r := range replicas {
				held, err := r.leaseHolds()
				if err != nil {
					continue // not up yet, or killed
				}
				for chain := range held {
					s.holders[chain] = append(s.holders[chain], r.name)
				}
			}
			mu.Lock()
			samples = append(samples, s)
			mu.Unlock()
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	})
	stopSampling := func() { stop(); wg.Wait() }
	defer stopSampling()

	h.waitEveryTopicEverywhere()

	// The leader: the replica holding the most chains.
	holds := make([]map[string]string, len(replicas))
	for i, r := range replicas {
		held, err := r.leaseHolds()
		if err != nil {
			t.Fatalf("%s /metrics: %v", r.name, err)
		}
		holds[i] = held
	}
	leader, other := 0, 1
	if len(holds[1]) > len(holds[0]) {
		leader, other = 1, 0
	}
	var leaderChains []string
	for chain := range holds[leader] {
		leaderChains = append(leaderChains, chain)
	}
	slices.Sort(leaderChains)
	if len(leaderChains) == 0 {
		t.Fatalf("neither replica holds a chain's lease: %v, %v", holds[0], holds[1])
	}
	t.Logf("%s holds %v, %s holds %v", replicas[leader].name, holds[leader], replicas[other].name, holds[other])

	// Kill it with one of its transactions in flight.
	caught := "no transaction in a pool within 40s"
	deadline := time.Now().Add(40 * time.Second)
wait:
	for time.Now().Before(deadline) {
		for _, name := range leaderChains {
			c := h.chainNamed(name)
			if pool := h.SubmitterPool(c); len(pool) > 0 {
				caught = fmt.Sprintf("nonce %d in %s's pool (tx %s)", pool[0].Nonce, c.Name, pool[0].Hash)
				break wait
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	requireRunning(t, replicas[leader].proc)
	replicas[leader].proc.Kill9()
	killed := time.Now()
	// Every transaction the leader broadcast is now in a chain's pool or mined: the
	// nonces from here on are the survivor's.
	fromNonce := map[string]uint64{}
	for _, c := range h.Chains {
		_, pending, err := h.Nonces(c)
		if err != nil {
			t.Fatal(err)
		}
		fromNonce[c.Name] = pending
	}
	t.Logf("kill -9 %s with %s; the submitter's next nonces: %v", replicas[leader].name, caught, fromNonce)

	// The other takes each of the leader's chains over within the TTL: the lease
	// expires at most a TTL after the last renewal, and the other tries to acquire
	// it every tenth of the TTL.
	takeover := map[string]time.Duration{}
	testsupport.WaitForSeen(t, 3*ttl, fmt.Sprintf("%s holding the lease of %v", replicas[other].name, leaderChains), func() (bool, string) {
		held, err := replicas[other].leaseHolds()
		if err != nil {
			return false, err.Error()
		}
		for _, chain := range leaderChains {
			if _, ok := held[chain]; ok {
				if _, seen := takeover[chain]; !seen {
					takeover[chain] = time.Since(killed)
				}
			}
		}
		return len(takeover) == len(leaderChains), fmt.Sprintf("holds %v", held)
	})
	limit := ttl + ttl/10 + time.Second // one scrape's slack
	for _, chain := range leaderChains {
		t.Logf("%s took %s over %v after the kill (lease TTL %v)", replicas[other].name, chain, takeover[chain].Round(10*time.Millisecond), ttl)
		if takeover[chain] > limit {
			t.Errorf("%s took %s over %v after the kill; want within the lease TTL %v (+ retry and scrape: %v)",
				replicas[other].name, chain, takeover[chain], ttl, limit)
		}
	}

	// And pushes: every topic reaches each chain it took over with an inference
	// Allora made after the takeover.
	atTakeover := map[uint64]uint64{}
	for _, id := range h.TopicIDs() {
		atTakeover[id] = h.AlloraLatest(id)
	}
	for _, chain := range leaderChains {
		c := h.chainNamed(chain)
		testsupport.WaitForSeen(t, 120*time.Second, fmt.Sprintf("every topic on %s at an inference newer than the takeover", chain), func() (bool, string) {
			got, err := h.Heights(c)
			if err != nil {
				return false, err.Error()
			}
			var waiting []string
			for _, id := range h.TopicIDs() {
				if got[id] <= atTakeover[id] {
					waiting = append(waiting, fmt.Sprintf("topic %d at %d (Allora at the takeover %d, now %d)", id, got[id], atTakeover[id], h.AlloraLatest(id)))
				}
			}
			return len(waiting) == 0, strings.Join(waiting, ", ")
		})
	}

	h.CheckEndState(120 * time.Second)
	requireRunning(t, replicas[other].proc)
	stopSampling()

	// Never two holders of one chain; one holder of each once both replicas were up
	// and before the kill.
	mu.Lock()
	defer mu.Unlock()
	var (
		twice   []string
		covered int
	)
	for _, s := range samples {
		for chain, rs := range s.holders {
			if len(rs) > 1 {
				twice = append(twice, fmt.Sprintf("%s %s held by %v", s.at.Format("15:04:05.000"), chain, rs))
			}
		}
		if len(s.holders) == len(h.Chains) {
			covered++
		}
	}
	t.Logf("%d samples of both replicas' lease holders; %d with every chain held", len(samples), covered)
	if len(twice) > 0 {
		t.Errorf("a chain had two lease holders at once:\n%s", strings.Join(twice, "\n"))
	}
	if covered == 0 {
		t.Errorf("no sample had every chain's lease held")
	}

	// On every chain, each of the submitter's transactions to the oracle applied
	// updates (a batch sent twice would apply nothing) and was pushed by one replica:
	// before the kill by the chain's lease holder, after it by the survivor. A
	// transaction in flight at the kill is seen through by the survivor from the
	// journal and is in neither log's pushed lines. The survivor logs a push once its
	// confirmations are in, so its last pushes are waited for.
	survivor := replicas[other].name
	holderBefore := func(chain string) string {
		if slices.Contains(leaderChains, chain) {
			return replicas[leader].name
		}
		return survivor
	}
	for _, c := range h.Chains {
		txs := h.SubmitterTxs(c)
		var pushed map[common.Hash][]string
		testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("%s's log claiming every push on %s from nonce %d", survivor, c.Name, fromNonce[c.Name]), func() (bool, string) {
			pushed = pushedBy(t, replicas[0].proc, replicas[1].proc)[c.Name]
			var missing []uint64
			for _, tx := range txs {
				// The first nonce after the kill may be a batch the leader journaled
				// but had not broadcast when it died: the survivor sends it from the
				// journal, and neither logs it as a push of its own.
				if tx.Nonce > fromNonce[c.Name] && len(pushed[tx.Hash]) == 0 {
					missing = append(missing, tx.Nonce)
				}
			}
			return len(missing) == 0, fmt.Sprintf("nonces %v in no pushed line", missing)
		})
		applied, err := h.AppliedUpdates(c)
		if err != nil {
			t.Fatal(err)
		}
		appliedBy := map[common.Hash]int{}
		for _, a := range applied {
			appliedBy[a.TxHash]++
		}
		counts := map[string]int{}
		var unclaimed []uint64
		for i, tx := range txs {
			if tx.Nonce != uint64(i) {
				t.Errorf("%s: the submitter's mined nonces are not 0, 1, 2...: nonce %d at position %d", c.Name, tx.Nonce, i)
			}
			if tx.To == nil || *tx.To != c.Oracle {
				continue // deploy's
			}
			if appliedBy[tx.Hash] == 0 {
				t.Errorf("%s: tx %s at nonce %d in block %d applied no update: a batch sent for nothing", c.Name, tx.Hash, tx.Nonce, tx.Block)
			}
			want := holderBefore(c.Name)
			if tx.Nonce >= fromNonce[c.Name] {
				want = survivor
			}
			by := pushed[tx.Hash]
			switch {
			case len(by) == 0:
				unclaimed = append(unclaimed, tx.Nonce)
			case len(by) > 1 || by[0] != want:
				t.Errorf("%s: tx %s at nonce %d pushed by %v; want %s alone", c.Name, tx.Hash, tx.Nonce, by, want)
			default:
				counts[by[0]]++
			}
		}
		t.Logf("%s: %d transactions of the submitter, pushes by replica %v, in flight at the kill (seen through from the journal): nonces %v",
			c.Name, len(txs), counts, unclaimed)
	}
	for _, r := range replicas {
		data, err := os.ReadFile(r.proc.LogPath)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), "nonce used outside this manager"); n > 0 {
			t.Errorf("%s's log says %d times that a nonce was used outside its manager: the replicas raced for nonces", r.name, n)
		}
	}
}

func (h *Harness) chainNamed(name string) *Chain {
	for _, c := range h.Chains {
		if c.Name == name {
			return c
		}
	}
	h.t.Fatalf("no chain %q", name)
	return nil
}
