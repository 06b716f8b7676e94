package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/internal/redisproc"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// TestSentinelFailoverKeepsRelayersAndTheAPIRight runs two relayer replicas and an API
// process on a Redis primary with two replicas and three Sentinels (quorum 2, the
// primary judged down after a second), given the Sentinel URL, with lease and journal
// writes waiting for one replica. Mid-run the primary is killed with SIGKILL: the
// sentinels promote a replica, both relayers carry on and every topic reaches every
// chain with an inference Allora made after the failover; every transaction of the
// submitter to an oracle applied updates (none sent twice), the nonces run without a
// gap, no relayer saw a nonce taken by the other, and the API answers each topic's
// inference as the chains hold it.
func TestSentinelFailoverKeepsRelayersAndTheAPIRight(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	const master = "gateway"
	primary := redisproc.Start(t)
	dataReplicas := []*redisproc.Server{redisproc.StartReplica(t, primary), redisproc.StartReplica(t, primary)}
	var sentinels []*redisproc.Server
	for range 3 {
		sentinels = append(sentinels, redisproc.StartSentinel(t, master, primary, 2, time.Second, 5*time.Second))
	}
	for _, s := range sentinels {
		redisproc.WaitWatching(t, s, master, len(dataReplicas), len(sentinels)-1)
	}
	url := fmt.Sprintf("redis://%s?master_name=%s&addr=%s&addr=%s", sentinels[0].Addr(), master, sentinels[1].Addr(), sentinels[2].Addr())
	useSentinel := func(cfg *RelayerConfig) {
		cfg.Redis["url"] = url
		cfg.Redis["min_replicas"] = 1
		cfg.Redis["replica_timeout"] = "1s"
	}

	const ttl = 6 * time.Second
	var relayers []*replica
	for i := range 2 {
		r := &replica{name: fmt.Sprintf("relayer-%d", i), addr: testsupport.FreeAddr(h.t)}
		record := filepath.Join(t.TempDir(), r.name+".record.db")
		path := h.WriteConfig(r.name, func(cfg *RelayerConfig) {
			useSentinel(cfg)
			cfg.Relayer["lease_ttl"] = ttl.String()
			cfg.API["listen"] = r.addr
			cfg.Signers["record"] = record
		})
		r.proc = h.StartRelayer(r.name, path)
		relayers = append(relayers, r)
	}
	apiAddr := testsupport.FreeAddr(h.t)
	api := h.Start("api", "api", "--config", h.WriteConfig("api", func(cfg *RelayerConfig) {
		useSentinel(cfg)
		cfg.API["listen"] = apiAddr
	}))

	h.waitEveryTopicEverywhere()
	for _, r := range relayers {
		if data, _ := os.ReadFile(r.proc.LogPath); !strings.Contains(string(data), "lease and journal writes wait for redis replicas") {
			t.Errorf("%s does not log that its writes wait for replicas", r.name)
		}
	}

	primary.Kill9()
	killed := time.Now()
	t.Logf("kill -9 the primary %s", primary.Addr())
	var promoted string
	testsupport.WaitForSeen(t, 60*time.Second, "the sentinels naming a replica as the new primary", func() (bool, string) {
		addr, err := redisproc.Primary(context.Background(), sentinels[0], master)
		promoted = addr
		return err == nil && addr != primary.Addr(), fmt.Sprint(addr, err)
	})
	t.Logf("the sentinels promoted %s %v after the kill", promoted, time.Since(killed).Round(10*time.Millisecond))

	// The relayers carry on: every topic reaches every chain with an inference Allora
	// made after the failover.
	atFailover := map[uint64]uint64{}
	for _, id := range h.TopicIDs() {
		atFailover[id] = h.AlloraLatest(id)
	}
	for _, c := range h.Chains {
		testsupport.WaitForSeen(t, 120*time.Second, fmt.Sprintf("every topic on %s at an inference newer than the failover", c.Name), func() (bool, string) {
			got, err := h.Heights(c)
			if err != nil {
				return false, err.Error()
			}
			var waiting []string
			for _, id := range h.TopicIDs() {
				if got[id] <= atFailover[id] {
					waiting = append(waiting, fmt.Sprintf("topic %d at %d (Allora at the failover %d, now %d)", id, got[id], atFailover[id], h.AlloraLatest(id)))
				}
			}
			return len(waiting) == 0, strings.Join(waiting, ", ")
		})
	}

	h.CheckEndState(120 * time.Second)
	for _, r := range relayers {
		requireRunning(t, r.proc)
	}
	requireRunning(t, api)

	// Nothing sent twice and no nonce gap: the submitter's nonces run 0, 1, 2... on
	// every chain and each of its transactions to the oracle applied updates (a batch
	// sent again would apply nothing).
	for _, c := range h.Chains {
		applied, err := h.AppliedUpdates(c)
		if err != nil {
			t.Fatal(err)
		}
		appliedBy := map[common.Hash]int{}
		for _, a := range applied {
			appliedBy[a.TxHash]++
		}
		txs := h.SubmitterTxs(c)
		for i, tx := range txs {
			if tx.Nonce != uint64(i) {
				t.Errorf("%s: the submitter's mined nonces are not 0, 1, 2...: nonce %d at position %d", c.Name, tx.Nonce, i)
			}
			if tx.To != nil && *tx.To == c.Oracle && appliedBy[tx.Hash] == 0 {
				t.Errorf("%s: tx %s at nonce %d in block %d applied no update: a batch sent for nothing", c.Name, tx.Hash, tx.Nonce, tx.Block)
			}
		}
		t.Logf("%s: %d transactions of the submitter, %d updates applied", c.Name, len(txs), len(applied))
	}
	for _, r := range relayers {
		data, err := os.ReadFile(r.proc.LogPath)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), "nonce used outside this manager"); n > 0 {
			t.Errorf("%s's log says %d times that a nonce was used outside its manager: the replicas raced for nonces", r.name, n)
		}
		t.Logf("%s: %d writes refused for too few replicas, %d warnings in all", r.name,
			strings.Count(string(data), "not acknowledged by enough replicas"), strings.Count(string(data), "level=WARN"))
	}

	// The API, through the new primary, answers each topic as the chains hold it.
	heights, err := h.Heights(h.Chains[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range h.TopicIDs() {
		testsupport.WaitForSeen(t, 30*time.Second, fmt.Sprintf("the API answering topic %d at height %d", id, heights[id]), func() (bool, string) {
			got, err := apiInferenceHeight(apiAddr, id)
			return err == nil && got == heights[id], fmt.Sprint(got, err)
		})
	}
}

// apiInferenceHeight reads the block height of topic's inference from the API at addr.
func apiInferenceHeight(addr string, topic uint64) (uint64, error) {
	res, err := http.Get(fmt.Sprintf("http://%s/v1/topics/%d/inference", addr, topic))
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %s", res.Status)
	}
	var body struct {
		BlockHeight uint64 `json:"block_height"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return 0, err
	}
	return body.BlockHeight, nil
}
