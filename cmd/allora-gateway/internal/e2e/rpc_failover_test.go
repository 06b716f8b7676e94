package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestFirstRPCEndpointKilledPushesContinueThroughTheSecond gives the relayer two
// JSON-RPC endpoints for ZKsync Era, rpc and rpcs[0], each a proxy in front of the
// node, and kills the first while a transaction of the relayer is in the pool: the
// transaction lands, every topic keeps reaching the chain with inferences Allora made
// after the kill, the transactions go through the second endpoint, /metrics shows the
// first down and the second up, the log tells the operator which endpoint failed, and
// the end state is clean.
func TestFirstRPCEndpointKilledPushesContinueThroughTheSecond(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	zk := h.chain(324)
	first, second := h.ProxyChain(zk), h.ProxyChain(zk)
	apiAddr := h.FreeAddr()
	rl := h.StartRelayer("relayer", h.WriteConfig("relayer", func(cfg *RelayerConfig) {
		for _, c := range cfg.Chains {
			if c["chain_id"] == zk.ID {
				c["rpc"] = first.URL()
				c["rpcs"] = []string{second.URL()}
			}
		}
		cfg.API["listen"] = apiAddr
	}))
	h.waitEveryTopicEverywhere()

	const (
		upMetric   = "allora_gateway_rpc_endpoint_up"
		sentMetric = "allora_gateway_rpc_request_duration_seconds_count"
		errMetric  = "allora_gateway_rpc_errors_total"
	)
	sent := func(m Metrics, endpoint string) float64 {
		v, _ := m.Value(sentMetric, "chain", zk.Name, "endpoint", endpoint, "method", "SendTransaction")
		return v
	}
	before, err := ScrapeMetrics(apiAddr)
	if err != nil {
		t.Fatal(err)
	}
	// Both endpoints are equally healthy: the configured order puts the first in use.
	if sent(before, "rpc-0") == 0 {
		t.Fatalf("before the kill no transaction went through rpc-0 (rpc-1 took %v): the scenario would not kill the endpoint in use", sent(before, "rpc-1"))
	}

	// Kill the first endpoint with a transaction in flight: signed, journaled, sent
	// through it and not mined yet.
	var inFlight struct {
		nonce uint64
		hash  string
	}
	waitFor(t, 60*time.Second, "a transaction of the relayer in zksync-era's pool", func() (bool, string) {
		if pool := h.SubmitterPool(zk); len(pool) > 0 {
			inFlight.nonce, inFlight.hash = uint64(pool[0].Nonce), pool[0].Hash.Hex()
			return true, ""
		}
		return false, "none"
	})
	first.Kill()
	killedAt := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	killBlock, err := zk.Node.Client.BlockNumber(ctx)
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	atKill := map[uint64]uint64{}
	for _, id := range h.TopicIDs() {
		atKill[id] = h.AlloraLatest(id)
	}
	sentBefore := sent(mustScrape(t, apiAddr), "rpc-1")
	t.Logf("killed rpc-0 of zksync-era at block %d with nonce %d in flight (tx %s); %v transactions had gone through rpc-0, %v through rpc-1",
		killBlock, inFlight.nonce, inFlight.hash, sent(before, "rpc-0"), sentBefore)

	// The transaction in flight lands.
	waitFor(t, 60*time.Second, fmt.Sprintf("nonce %d mined on zksync-era", inFlight.nonce), func() (bool, string) {
		latest, _, err := h.Nonces(zk)
		return err == nil && latest > inFlight.nonce, fmt.Sprintf("mined nonce %d (%v)", latest, err)
	})
	mined := h.minedAt(zk, inFlight.nonce)
	t.Logf("nonce %d landed %v after the kill as tx %s (the one in flight: %v)", inFlight.nonce,
		time.Since(killedAt).Round(time.Millisecond), mined.Hash(), mined.Hash().Hex() == inFlight.hash)

	// Pushes continue: every topic reaches the chain with an inference Allora made
	// after the kill, in a block after it.
	waitFor(t, 120*time.Second, "every topic on zksync-era at an inference newer than the kill", func() (bool, string) {
		applied, err := h.AppliedUpdates(zk)
		if err != nil {
			return false, err.Error()
		}
		newer := map[uint64]bool{}
		for _, a := range applied {
			if a.Block > killBlock && a.Height > atKill[a.Topic] {
				newer[a.Topic] = true
			}
		}
		var waiting []string
		for _, id := range h.TopicIDs() {
			if !newer[id] {
				waiting = append(waiting, fmt.Sprintf("topic %d (Allora at kill %d, now %d)", id, atKill[id], h.AlloraLatest(id)))
			}
		}
		return len(waiting) == 0, "waiting for " + strings.Join(waiting, ", ")
	})
	requireRunning(t, rl)

	// Through the second endpoint, which /metrics shows up while the first is down.
	var after Metrics
	waitFor(t, 30*time.Second, "rpc-0 down and rpc-1 up for zksync-era on /metrics", func() (bool, string) {
		after = mustScrape(t, apiAddr)
		up0, ok0 := after.Value(upMetric, "chain", zk.Name, "endpoint", "rpc-0")
		up1, ok1 := after.Value(upMetric, "chain", zk.Name, "endpoint", "rpc-1")
		return ok0 && ok1 && up0 == 0 && up1 == 1, fmt.Sprintf("rpc-0 up=%v (%v), rpc-1 up=%v (%v)", up0, ok0, up1, ok1)
	})
	if got := sent(after, "rpc-1"); got <= sentBefore {
		t.Errorf("transactions through rpc-1: %v at the kill, %v now; pushes after the kill must go through it", sentBefore, got)
	}
	if errs, _ := after.Value(errMetric, "chain", zk.Name, "endpoint", "rpc-0"); errs == 0 {
		t.Errorf("%s for rpc-0 of zksync-era is 0 after it was killed", errMetric)
	}
	t.Logf("after the kill: %v transactions through rpc-1 (%v at the kill)", sent(after, "rpc-1"), sentBefore)

	// The operator is told which endpoint of which chain failed.
	log, err := os.ReadFile(rl.LogPath)
	if err != nil {
		t.Fatal(err)
	}
	warned := false
	for line := range strings.SplitSeq(string(log), "\n") {
		if strings.Contains(line, "level=WARN") && strings.Contains(line, "RPC endpoint failed") &&
			strings.Contains(line, "chain="+zk.Name) && strings.Contains(line, "endpoint=rpc-0") {
			warned = true
			t.Logf("log: %s", line)
			break
		}
	}
	if !warned {
		t.Errorf("the relayer's log has no warning that rpc-0 of %s failed", zk.Name)
	}

	h.CheckEndState(90 * time.Second)
	requireRunning(t, rl)
}

func mustScrape(t *testing.T, addr string) Metrics {
	t.Helper()
	m, err := ScrapeMetrics(addr)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
