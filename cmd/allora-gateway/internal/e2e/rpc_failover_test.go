package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// TestRPCEndpointKilledPushesContinueThroughTheOther gives the relayer two JSON-RPC
// endpoints for ZKsync Era, rpc and rpcs[0], each a proxy in front of the node, and
// kills the one in use (the first: equally healthy endpoints are used in the
// configured order, unless one answers clearly faster, which a loaded machine can
// make the second) while a transaction of the relayer is in the pool: the
// transaction lands, every topic keeps reaching the chain with inferences Allora made
// after the kill, the transactions go through the other endpoint, /metrics shows the
// killed one down and the other up, the log tells the operator which endpoint failed,
// and the end state is clean.
func TestRPCEndpointKilledPushesContinueThroughTheOther(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	zk := h.chain(324)
	first, second := h.ProxyChain(zk), h.ProxyChain(zk)
	apiAddr := testsupport.FreeAddr(h.t)
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
	proxies := []*testsupport.Proxy{first, second}
	names := []string{"rpc-0", "rpc-1"}
	k := 0
	if sent(before, "rpc-1") > sent(before, "rpc-0") {
		k = 1
	}
	killed, other := names[k], names[1-k]
	if sent(before, killed) == 0 {
		t.Fatalf("before the kill no transaction went through either endpoint; the relayer says:\n%s", rl.Tail(60))
	}

	// Kill the endpoint in use with a transaction in flight: signed, journaled, sent
	// through it and not mined yet.
	var inFlight struct {
		nonce uint64
		hash  string
	}
	testsupport.WaitForSeen(t, 60*time.Second, "a transaction of the relayer in zksync-era's pool", func() (bool, string) {
		if pool := h.SubmitterPool(zk); len(pool) > 0 {
			inFlight.nonce, inFlight.hash = uint64(pool[0].Nonce), pool[0].Hash.Hex()
			return true, ""
		}
		return false, "none"
	})
	proxies[k].Kill()
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
	sentBefore := sent(mustScrape(t, apiAddr), other)
	t.Logf("killed %s of zksync-era at block %d with nonce %d in flight (tx %s); %v transactions had gone through it, %v through %s",
		killed, killBlock, inFlight.nonce, inFlight.hash, sent(before, killed), sentBefore, other)

	// The transaction in flight lands.
	testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("nonce %d mined on zksync-era", inFlight.nonce), func() (bool, string) {
		latest, _, err := h.Nonces(zk)
		return err == nil && latest > inFlight.nonce, fmt.Sprintf("mined nonce %d (%v)", latest, err)
	})
	mined := h.minedAt(zk, inFlight.nonce)
	t.Logf("nonce %d landed %v after the kill as tx %s (the one in flight: %v)", inFlight.nonce,
		time.Since(killedAt).Round(time.Millisecond), mined.Hash(), mined.Hash().Hex() == inFlight.hash)

	// Pushes continue: every topic reaches the chain with an inference Allora made
	// after the kill, in a block after it.
	testsupport.WaitForSeen(t, 120*time.Second, "every topic on zksync-era at an inference newer than the kill", func() (bool, string) {
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

	// Through the other endpoint, which /metrics shows up while the killed one is
	// down.
	var after Metrics
	testsupport.WaitForSeen(t, 30*time.Second, killed+" down and "+other+" up for zksync-era on /metrics", func() (bool, string) {
		after = mustScrape(t, apiAddr)
		upK, okK := after.Value(upMetric, "chain", zk.Name, "endpoint", killed)
		upO, okO := after.Value(upMetric, "chain", zk.Name, "endpoint", other)
		return okK && okO && upK == 0 && upO == 1, fmt.Sprintf("%s up=%v (%v), %s up=%v (%v)", killed, upK, okK, other, upO, okO)
	})
	if got := sent(after, other); got <= sentBefore {
		t.Errorf("transactions through %s: %v at the kill, %v now; pushes after the kill must go through it", other, sentBefore, got)
	}
	if errs, _ := after.Value(errMetric, "chain", zk.Name, "endpoint", killed); errs == 0 {
		t.Errorf("%s for %s of zksync-era is 0 after it was killed", errMetric, killed)
	}
	t.Logf("after the kill: %v transactions through %s (%v at the kill)", sent(after, other), other, sentBefore)

	// The operator is told which endpoint of which chain failed.
	log, err := os.ReadFile(rl.LogPath)
	if err != nil {
		t.Fatal(err)
	}
	warned := false
	for line := range strings.SplitSeq(string(log), "\n") {
		if strings.Contains(line, "level=WARN") && strings.Contains(line, "RPC endpoint failed") &&
			strings.Contains(line, "chain="+zk.Name) && strings.Contains(line, "endpoint="+killed) {
			warned = true
			t.Logf("log: %s", line)
			break
		}
	}
	if !warned {
		t.Errorf("the relayer's log has no warning that %s of %s failed", killed, zk.Name)
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
