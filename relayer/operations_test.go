package relayer_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
)

// TestShutdownWaitsForTheBatchOrJournalsIt stops a relayer twice with a batch in
// flight: when the batch is mined within the shutdown timeout Run waits for it and
// the journal is empty; when it is not, Run returns at the deadline with the batch
// journaled, and a new relayer over the same store sees it through before sending
// the next one: the chain holds every nonce once, in order, and no update twice.
func TestShutdownWaitsForTheBatchOrJournalsIt(t *testing.T) {
	chain := startSimChain(t, 56, "bnb")
	chains := []*simChain{chain}
	src := &liveSource{topics: []uint64{1, 2}}
	src.advance()
	prefix := redistest.Prefix(t)
	ctx := context.Background()
	pending := func(r *replica) int {
		es, err := r.st.JournalPending(ctx, 56)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}

	// Blocks stop; the batch is sent and waits in the pool when the stop comes.
	chain.paused.Store(true)
	a := startReplica(t, "replica-a", src, chains, replicaConfig{prefix: prefix, ttl: 3 * time.Second, shutdown: 10 * time.Second})
	testsupport.WaitFor(t, 30*time.Second, "the first batch is journaled", func() bool { return pending(a) == 1 })
	stopped := make(chan struct{})
	go func() { a.stop(); close(stopped) }()
	testsupport.WaitFor(t, 10*time.Second, "the relayer says it is stopping", func() bool {
		return len(a.logs.find(slog.LevelInfo, map[string]any{"shutdown_timeout": 10 * time.Second})) > 0
	})
	select {
	case <-stopped:
		t.Fatal("Run returned with the batch in flight, before the shutdown timeout")
	default:
	}
	chain.paused.Store(false)
	<-stopped
	if n := a.pushCount(56); n != 1 {
		t.Errorf("the stopping relayer reported %d pushes, want the batch it waited for", n)
	}
	if n := pending(a); n != 0 {
		t.Errorf("journal holds %d entries after a clean stop, want 0", n)
	}

	// Again, but the batch is not mined before the deadline.
	src.advance()
	chain.paused.Store(true)
	b := startReplica(t, "replica-b", src, chains, replicaConfig{prefix: prefix, ttl: 3 * time.Second, shutdown: 500 * time.Millisecond})
	testsupport.WaitFor(t, 30*time.Second, "the second batch is journaled", func() bool { return pending(b) == 1 })
	es, err := b.st.JournalPending(ctx, 56)
	if err != nil {
		t.Fatal(err)
	}
	inFlight := es[0]
	start := time.Now()
	b.stop()
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("stop took %s with a shutdown timeout of 500ms", took)
	}
	if len(b.logs.find(slog.LevelWarn, map[string]any{"shutdown_timeout": 500 * time.Millisecond})) == 0 {
		t.Error("no warning that the batch was left in flight at the deadline")
	}
	if es, _ := b.st.JournalPending(ctx, 56); len(es) != 1 || es[0].TxHash != inFlight.TxHash {
		t.Fatalf("journal after the deadline = %+v, want the batch in flight %s", es, inFlight.TxHash)
	}
	if err := testutil.GatherAndCompare(b.reg, strings.NewReader(`
# HELP allora_gateway_chain_pending_transactions Transactions sent on a chain and not yet seen through (the journal's entries): more than one, or one that stays, is a stuck nonce.
# TYPE allora_gateway_chain_pending_transactions gauge
allora_gateway_chain_pending_transactions{chain="bnb",chain_id="56"} 1
`), "allora_gateway_chain_pending_transactions"); err != nil {
		t.Errorf("pending transactions after the deadline: %v", err)
	}

	// A new relayer resumes it, then pushes the next inference.
	src.advance()
	c := startReplica(t, "replica-c", src, chains, replicaConfig{prefix: prefix, ttl: 3 * time.Second, shutdown: 5 * time.Second})
	chain.paused.Store(false)
	want := src.latestHeight()
	testsupport.WaitFor(t, 30*time.Second, "the newest inference lands", func() bool { return chain.height(t) == want })
	c.stop()
	txs := chain.submitted(t)
	if len(txs) != 3 {
		t.Fatalf("%d transactions from the submitter, want 3 (one per inference)", len(txs))
	}
	if txs[1].Hash() != inFlight.TxHash || txs[1].Nonce() != inFlight.Nonce {
		t.Errorf("nonce 1 holds %s, want the journaled %s at nonce %d", txs[1].Hash(), inFlight.TxHash, inFlight.Nonce)
	}
	if n := chain.skips(t); n != 0 {
		t.Errorf("the oracle skipped %d updates: one was sent twice", n)
	}
	if n := pending(c); n != 0 {
		t.Errorf("journal holds %d entries at the end, want 0", n)
	}
}

// TestReadyzAndMetricsFollowTheChain serves the API beside a relayer: /readyz turns
// 503 naming the chain when its blocks stop and 200 when they resume, and /metrics
// shows the batches, gas, fees and lease that the chain's receipts show.
func TestReadyzAndMetricsFollowTheChain(t *testing.T) {
	chain := startSimChain(t, 56, "bnb")
	src := &liveSource{topics: []uint64{1, 2}}
	src.advance()
	r := startReplica(t, "replica-a", src, []*simChain{chain}, replicaConfig{prefix: redistest.Prefix(t), ttl: 3 * time.Second, shutdown: 5 * time.Second})
	srv := httptest.NewServer(api.New(r.st, api.WithRegistry(r.reg), api.WithReadinessCheck("relayer", r.rl.Ready)).Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	testsupport.WaitFor(t, 30*time.Second, "the first push", func() bool { return chain.height(t) == 1 })
	testsupport.WaitFor(t, 10*time.Second, "/readyz answers 200", func() bool { code, _ := get("/readyz"); return code == 200 })

	chain.paused.Store(true)
	var body string
	testsupport.WaitFor(t, 10*time.Second, "/readyz answers 503 once blocks stop", func() bool {
		var code int
		code, body = get("/readyz")
		return code == 503
	})
	if !strings.Contains(body, "relayer: chain bnb (56): no new block for") || !strings.Contains(body, "more than 10 block times of 100ms") {
		t.Errorf("503 body %s does not name the stalled chain", body)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz = %d while a chain stalls, want 200: liveness is not readiness", code)
	}
	chain.paused.Store(false)
	testsupport.WaitFor(t, 10*time.Second, "/readyz answers 200 once blocks resume", func() bool { code, _ := get("/readyz"); return code == 200 })

	src.advance()
	testsupport.WaitFor(t, 30*time.Second, "the second push", func() bool { return chain.height(t) == 2 })
	r.stop()

	// What the receipts say was spent.
	gas, fees := uint64(0), new(big.Int)
	txs := chain.submitted(t)
	for _, tx := range txs {
		rc, err := chain.client.TransactionReceipt(context.Background(), tx.Hash())
		if err != nil {
			t.Fatal(err)
		}
		gas += rc.GasUsed
		fees.Add(fees, new(big.Int).Mul(rc.EffectiveGasPrice, new(big.Int).SetUint64(rc.GasUsed)))
	}
	_, text := get("/metrics")
	metric := func(series string) float64 {
		t.Helper()
		sc := bufio.NewScanner(strings.NewReader(text))
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatal(err)
				}
				return f
			}
		}
		t.Fatalf("no series %s in /metrics", series)
		return 0
	}
	feesFloat, _ := new(big.Float).SetInt(fees).Float64()
	for series, want := range map[string]float64{
		`allora_gateway_relayer_batches_total{chain="bnb"}`:                       float64(len(txs)),
		`allora_gateway_relayer_updates_applied_total{chain="bnb"}`:               4, // two topics, two inferences each
		`allora_gateway_chain_gas_used_total{chain="bnb"}`:                        float64(gas),
		`allora_gateway_chain_fees_paid_wei_total{chain="bnb"}`:                   feesFloat,
		`allora_gateway_chain_transaction_events_total{chain="bnb",event="sent"}`: float64(len(txs)),
		`allora_gateway_chain_replacements_total{chain="bnb"}`:                    0,
		`allora_gateway_relayer_errors_total{chain="bnb",kind="fenced"}`:          0,
		`allora_gateway_relayer_lease_holder{chain="bnb",owner="replica-a"}`:      0, // stopped: released
		`allora_gateway_chain_lag_blocks{chain="bnb",chain_id="56",topic="1"}`:    0,
		`allora_gateway_chain_pending_transactions{chain="bnb",chain_id="56"}`:    0,
		`allora_gateway_relayer_lag_scrape_ok`:                                    1,
	} {
		if got := metric(series); got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	// Each topic's inference is pushed once: in one batch, or in one batch each when
	// the relayer reads the topics in different polls.
	if len(txs) < 2 || len(txs) > 4 {
		t.Errorf("%d transactions, want 2 to 4 for two topics' two inferences", len(txs))
	}
	if head := metric(`allora_gateway_chain_head_block{chain="bnb"}`); head < 2 {
		t.Errorf("head block metric %v", head)
	}
	if bal := metric(`allora_gateway_chain_wallet_balance_wei{address="` + submitter.Hex() + `",chain="bnb"}`); bal <= 0 {
		t.Errorf("wallet balance metric %v, want the submitter's balance", bal)
	}
}
