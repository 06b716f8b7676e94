package relayer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// heldFinality is a chain writer whose finalized block the test holds back: it reads
// the chain's own finalized tag and answers no higher than limit.
type heldFinality struct {
	*evm.Writer
	limit atomic.Uint64
}

func (h *heldFinality) TaggedHead(ctx context.Context, tag string) (relayer.ChainHead, error) {
	head, err := h.Writer.TaggedHead(ctx, tag)
	head.Number = min(head.Number, h.limit.Load())
	return head, err
}

// finalityRun is one relayer pushing topic 1 once to a chain, with the API and the
// metrics over its store.
type finalityRun struct {
	api  *httptest.Server
	reg  *prometheus.Registry
	logs *logRecorder
}

func runFinality(t *testing.T, c *simChain, w relayer.ChainWriter, f relayer.Finality) *finalityRun {
	t.Helper()
	st := store.NewMemory()
	run := &finalityRun{reg: prometheus.NewRegistry(), logs: &logRecorder{}}
	m, err := relayer.NewMetrics(run.reg, st)
	if err != nil {
		t.Fatal(err)
	}
	src := &liveSource{topics: []uint64{1}}
	src.advance() // one inference: one push
	cfg := relayer.Config{
		Topics: []uint64{1}, PollInterval: 50 * time.Millisecond, PushInterval: 200 * time.Millisecond,
		SubmitTimeout: 30 * time.Second, BlockTimes: map[uint64]time.Duration{c.id: simBlockTime},
		ChainFinality: map[uint64]relayer.Finality{c.id: f},
	}
	rl, err := relayer.New(cfg, src, st, []relayer.ChainWriter{w}, c.signers[:2],
		relayer.WithLogger(slog.New(run.logs)), relayer.WithMetrics(m))
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, rl)
	run.api = httptest.NewServer(api.New(st).Handler())
	t.Cleanup(run.api.Close)
	return run
}

// chainFinality is what /v1/chains says of the chain's finality and of topic 1.
type chainFinality struct {
	finalBlock uint64
	pushBlock  uint64
	final      *bool
}

func (r *finalityRun) chains(t *testing.T) chainFinality {
	t.Helper()
	resp, err := http.Get(r.api.URL + "/v1/chains")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Chains []struct {
			FinalBlock uint64 `json:"final_block"`
			Topics     []struct {
				TopicID   uint64 `json:"topic_id"`
				PushBlock uint64 `json:"push_block"`
				Final     *bool  `json:"final"`
			} `json:"topics"`
		} `json:"chains"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/v1/chains: %d, %v", resp.StatusCode, err)
	}
	var out chainFinality
	for _, c := range body.Chains {
		out.finalBlock = c.FinalBlock
		for _, tp := range c.Topics {
			if tp.TopicID == 1 {
				out.pushBlock, out.final = tp.PushBlock, tp.Final
			}
		}
	}
	return out
}

// gauge is the value of the gauge name whose label values (in label name order)
// are values, and whether it is exported.
func (r *finalityRun) gauge(t *testing.T, name string, values ...string) (float64, bool) {
	t.Helper()
	mfs, err := r.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	series:
		for _, m := range mf.GetMetric() {
			for i, l := range m.GetLabel() {
				if i < len(values) && l.GetValue() != values[i] {
					continue series
				}
			}
			return m.GetGauge().GetValue(), true
		}
	}
	return 0, false
}

// TestPushIsIncludedThenFinal pushes a topic to an in-process chain that serves the
// finalized tag (go-ethereum's simulated beacon finalises every 32nd block) while the
// test holds its finalized block back: /v1/chains shows the push included and not
// final, with its lag to final in the metrics; once the chain's finalized block
// passes the push, it shows the push final.
func TestPushIsIncludedThenFinal(t *testing.T) {
	c := startSimChain(t, 56, "bnb")
	w, err := evm.NewWriter(context.Background(), oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, c.client, devchain.DevKey(0),
		evm.WithTxConfig(must(presets.Local().TxConfig(c.id))))
	if err != nil {
		t.Fatal(err)
	}
	held := &heldFinality{Writer: w}
	run := runFinality(t, c, held, relayer.Finality{Tag: "finalized"})

	var included chainFinality
	testsupport.WaitForSeen(t, time.Minute, "the push included, not final", func() (bool, string) {
		included = run.chains(t)
		return included.pushBlock != 0 && included.final != nil, ""
	})
	if *included.final || included.finalBlock != 0 {
		t.Fatalf("with the final block held at 0: final_block %d, push at %d final=%v; want not final", included.finalBlock, included.pushBlock, *included.final)
	}
	lagLabels := []string{"bnb", "56", "1"}
	if lag, ok := run.gauge(t, "allora_gateway_chain_final_lag_blocks", lagLabels...); !ok || lag != float64(included.pushBlock) {
		t.Errorf("allora_gateway_chain_final_lag_blocks = %v (exported %v), want %d, the push block over a final block of 0", lag, ok, included.pushBlock)
	}

	held.limit.Store(math.MaxUint64)
	var final chainFinality
	testsupport.WaitForSeen(t, time.Minute, "the push final", func() (bool, string) {
		final = run.chains(t)
		return final.final != nil && *final.final, ""
	})
	if final.pushBlock != included.pushBlock || final.finalBlock < final.pushBlock || final.finalBlock%32 != 0 {
		t.Errorf("final: final_block %d, push at %d; want the push's block under the chain's finalized block (a multiple of 32)", final.finalBlock, final.pushBlock)
	}
	testsupport.WaitFor(t, time.Minute, "the metrics to show the push final", func() bool {
		fb, ok := run.gauge(t, "allora_gateway_chain_final_block", "bnb")
		lag, lok := run.gauge(t, "allora_gateway_chain_final_lag_blocks", lagLabels...)
		return ok && fb >= float64(final.pushBlock) && lok && lag == 0
	})
	if n := run.logs.count("the chain's endpoint does not serve the block tag; following the final block at head − confirmations until it does"); n != 0 {
		t.Errorf("the fallback was logged %d times on a chain that serves the tag", n)
	}
}

// TestFinalityFallsBackToDepthWhenTheTagIsNotServed pushes to a chain whose endpoint
// answers the finalized tag with an error, as nodes without it do: the relayer follows
// head − confirmations instead, says so once, and the push becomes final at that depth.
func TestFinalityFallsBackToDepthWhenTheTagIsNotServed(t *testing.T) {
	const depth = 5
	c := startSimChain(t, 146, "sonic")
	proxy := httptest.NewServer(refuseTags(t, c.chain.URL()))
	t.Cleanup(proxy.Close)
	client, err := ethclient.Dial(proxy.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	w, err := evm.NewWriter(context.Background(), oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, client, devchain.DevKey(0),
		evm.WithTxConfig(must(presets.Local().TxConfig(c.id))))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.TaggedHead(context.Background(), "finalized"); err == nil || !strings.Contains(err.Error(), "unsupported block tag") {
		t.Fatalf("the proxy serves the finalized tag: %v", err)
	}
	run := runFinality(t, c, w, relayer.Finality{Tag: "finalized", Depth: depth})

	var final chainFinality
	testsupport.WaitForSeen(t, time.Minute, "the push final at head − confirmations", func() (bool, string) {
		final = run.chains(t)
		return final.final != nil && *final.final, ""
	})
	head, err := c.client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if final.finalBlock+depth > head || final.finalBlock < final.pushBlock {
		t.Errorf("final_block %d with the head at %d and the push at %d: want at most head − %d, at or over the push", final.finalBlock, head, final.pushBlock, depth)
	}
	if n := run.logs.count("the chain's endpoint does not serve the block tag; following the final block at head − confirmations until it does"); n != 1 {
		t.Errorf("the fallback was logged %d times, want once", n)
	}
}

// refuseTags proxies JSON-RPC to target, answering a block read at the finalized or
// safe tag with the error of a node that does not know them.
func refuseTags(t *testing.T, target string) http.Handler {
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var call struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
			Params []any           `json:"params"`
		}
		if json.Unmarshal(body, &call) == nil && call.Method == "eth_getBlockByNumber" && len(call.Params) > 0 &&
			(call.Params[0] == "finalized" || call.Params[0] == "safe") {
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": call.ID,
				"error": map[string]any{"code": -32602, "message": "unsupported block tag " + call.Params[0].(string)}})
			return
		}
		req, err := http.NewRequestWithContext(r.Context(), r.Method, u.String(), bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})
}

// count is how many records say msg.
func (h *logRecorder) count(msg string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, r := range h.records {
		if r.msg == msg {
			n++
		}
	}
	return n
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
