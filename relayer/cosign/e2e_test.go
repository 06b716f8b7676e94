package cosign

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// logRecorder is a slog handler that keeps every record, for asserting what an
// operator would read.
type logRecorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (h *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *logRecorder) WithGroup(string) slog.Handler            { return h }
func (h *logRecorder) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r.Clone())
	return nil
}

// find returns, as "msg key=value ..." lines, the Warn records whose message contains
// msg and whose attributes' text contains every one of want.
func (h *logRecorder) find(msg string, want ...string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, r := range h.records {
		if r.Level != slog.LevelWarn || !strings.Contains(r.Message, msg) {
			continue
		}
		line := r.Message
		r.Attrs(func(a slog.Attr) bool {
			line += fmt.Sprintf(" %s=%v", a.Key, a.Value.Any())
			return true
		})
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(line, w)
		}
		if ok {
			out = append(out, line)
		}
	}
	return out
}

// countingWriter is a chain writer that remembers how many signatures each submitted
// batch carried; the chain itself verifies them.
type countingWriter struct {
	*evm.Writer
	mu      sync.Mutex
	batches []int
}

func (w *countingWriter) Submit(ctx context.Context, updates []oracle.Update, sigs [][]byte) (relayer.SubmitResult, error) {
	res, err := w.Writer.Submit(ctx, updates, sigs)
	if err == nil {
		w.mu.Lock()
		w.batches = append(w.batches, len(sigs))
		w.mu.Unlock()
	}
	return res, err
}

func (w *countingWriter) sigCounts() []int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]int(nil), w.batches...)
}

// setup is a 2-of-3 deployment: a chain whose oracle registers three co-signers with
// threshold 2, each co-signer reading its own emulated Allora node, and the relayer
// reading a fourth. dishonest[i] feeds co-signer i a different price path for topic 13.
type setup struct {
	relayerNode node
	nodes       []node
	cosigners   []cosigner
	writer      *countingWriter
	logs        *logRecorder
	// metrics is the relayer's registry of its co-signer client metrics; co-signer i
	// is labelled cosigner-i.
	metrics *prometheus.Registry
	client  *ethclient.Client // the chain's
}

func startSetup(t *testing.T, dishonest ...bool) *setup {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s := &setup{relayerNode: startNode(t, emulatorConfig(7, "3012.25")), logs: &logRecorder{}, metrics: prometheus.NewRegistry()}
	clientMetrics, err := NewClientMetrics(s.metrics)
	if err != nil {
		t.Fatal(err)
	}
	var addrs []common.Address
	for i := range 3 {
		addrs = append(addrs, crypto.PubkeyToAddress(testKey(t, i).PublicKey))
	}

	chain, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	cctx, ccancel := context.WithCancel(context.Background())
	chainDone := make(chan error, 1)
	go func() { chainDone <- chain.Run(cctx) }()
	client, err := ethclient.Dial(chain.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		client.Close()
		ccancel()
		<-chainDone
		chain.Close()
	})
	owner := crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey)
	addr, _, err := evm.DeployOracle(ctx, client, devchain.DevKey(0), evm.DeployParams{
		Owner: owner, Signers: addrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: addr}, client, devchain.DevKey(0))
	if err != nil {
		t.Fatal(err)
	}
	s.writer = &countingWriter{Writer: w}
	s.client = client
	for i := range 3 {
		price := "3012.25"
		if dishonest[i] {
			price = "2950.5"
		}
		n := startNode(t, emulatorConfig(7, price))
		if !dishonest[i] {
			// Honest nodes answer a little late, so the dishonest co-signer's refusal
			// comes in before the threshold is reached and is always seen.
			if err := n.emu.SetFault(emulator.Fault{Kind: emulator.FaultDelay, Delay: 150 * time.Millisecond}); err != nil {
				t.Fatal(err)
			}
		}
		c := startCosigner(t, n.rest, i, func(cfg *Config) { cfg.Allowed = []oracle.Chain{{ID: 56, Oracle: addr}} })
		s.nodes = append(s.nodes, n)
		s.cosigners = append(s.cosigners, c)
	}

	var clients []oracle.BatchSigner
	for i, c := range s.cosigners {
		clients = append(clients, c.client(t, WithMetrics(clientMetrics, fmt.Sprintf("cosigner-%d", i))))
	}
	// The relayer reads its node through a pool without a websocket, as the relayer
	// command does when allora.websocket is off: it finds every inference by polling.
	source, err := allora.NewPool([]allora.PoolEndpoint{{Name: "relayer-node", Node: s.relayerNode.rest}}, allora.PoolConfig{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := relayer.New(relayer.Config{Topics: []uint64{13, 14}, PollInterval: 20 * time.Millisecond, PushInterval: 50 * time.Millisecond},
		source, store.NewMemory(), []relayer.ChainWriter{s.writer}, nil,
		relayer.WithLogger(slog.New(s.logs)),
		relayer.WithCosigners(clients, oracle.CollectOptions{Timeout: 10 * time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	rctx, rcancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(rctx) }()
	t.Cleanup(func() {
		rcancel()
		if err := <-done; err != nil {
			t.Errorf("relayer Run: %v", err)
		}
	})
	return s
}

// advance moves every Allora node on by n blocks, in step.
func (s *setup) advance(n int) {
	s.relayerNode.emu.Advance(n)
	for _, nd := range s.nodes {
		nd.emu.Advance(n)
	}
}

// held returns what the oracle holds for a topic.
func (s *setup) held(t *testing.T, topic uint64) oracle.ChainTopic {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := s.writer.TopicStates(ctx, []uint64{topic})
	if err != nil {
		t.Fatal(err)
	}
	return st[0]
}

// TestTwoOfThreeLandsPastADishonestCosigner: one co-signer's Allora node gives topic 13
// another value; it refuses every batch with topic 13, and every batch still lands
// with the two honest signatures, holding the honest values.
func TestTwoOfThreeLandsPastADishonestCosigner(t *testing.T) {
	s := startSetup(t, false, false, true)
	liar := s.cosigners[2]
	s.advance(15)
	// Round 0 lands the first inferences; every later round moves both topics (epochs
	// of 5 and 4 blocks) by one inference, so lands at least one more batch.
	for round := range 5 {
		if round > 0 {
			s.advance(5)
		}
		for _, id := range []uint64{13, 14} {
			inf, ok := s.relayerNode.emu.Latest(id)
			if !ok {
				continue
			}
			want, err := oracle.NewUpdate(inf, false)
			if err != nil {
				t.Fatal(err)
			}
			testsupport.WaitFor(t, 30*time.Second, fmt.Sprintf("round %d: topic %d block %d lands", round, id, want.BlockHeight), func() bool {
				return s.held(t, id).BlockHeight == want.BlockHeight
			})
			if got := s.held(t, id); got.Value.Cmp(want.Value) != 0 || got.Timestamp != want.Timestamp {
				t.Fatalf("topic %d holds %s at %d, want the honest %s at %d", id, got.Value, got.Timestamp, want.Value, want.Timestamp)
			}
		}
	}
	counts := s.writer.sigCounts()
	if len(counts) < 4 {
		t.Fatalf("%d batches landed, want one for each of the 4 rounds after the first at least", len(counts))
	}
	for i, n := range counts {
		if n != 2 {
			t.Errorf("batch %d carried %d signatures, want the threshold, 2", i, n)
		}
	}
	refusals := s.logs.find("co-signer refused the batch", liar.key.Address().Hex(), "value_mismatch", "topic 13")
	if len(refusals) == 0 {
		t.Fatalf("no logged refusal by the dishonest co-signer %s", liar.key.Address())
	}
	if v := metric(t, liar, `allora_gateway_cosign_refused_total{reason="value_mismatch"}`); v == "" || v == "0" {
		t.Errorf("the dishonest co-signer's value_mismatch metric = %q, want its refusals counted", v)
	}
	for i, c := range s.cosigners[:2] {
		if v := metric(t, c, `allora_gateway_cosign_refused_total{reason="value_mismatch"}`); v != "" {
			t.Errorf("honest co-signer %d refused: %s", i, v)
		}
	}
}

// TestTwoDishonestCosignersStopEveryPush: with only one honest co-signer of three and a
// threshold of two, nothing is pushed, and the relayer's log says which co-signers
// refused and why.
func TestTwoDishonestCosignersStopEveryPush(t *testing.T) {
	s := startSetup(t, false, true, true)
	s.advance(20)
	for _, c := range s.cosigners[1:] {
		testsupport.WaitFor(t, 30*time.Second, "the relayer logs that it could not reach the threshold", func() bool {
			return len(s.logs.find("push failed", "threshold not reached", c.key.Address().Hex(), "value_mismatch")) > 0
		})
	}
	s.advance(5)
	testsupport.WaitFor(t, 30*time.Second, "another round is refused", func() bool {
		return len(s.logs.find("push failed", "threshold not reached")) >= 2
	})
	if counts := s.writer.sigCounts(); len(counts) != 0 {
		t.Fatalf("%d batches landed, want none", len(counts))
	}
	for _, id := range []uint64{13, 14} {
		if h := s.held(t, id).BlockHeight; h != 0 {
			t.Errorf("topic %d reached the chain at block %d", id, h)
		}
	}
}

// sample returns the value of the series name{labels} in reg, and whether it exists.
// A histogram's value is its sample count.
func sample(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) (float64, bool) {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
	series:
		for _, m := range f.GetMetric() {
			got := map[string]string{}
			for _, lp := range m.GetLabel() {
				got[lp.GetName()] = lp.GetValue()
			}
			for k, v := range labels {
				if got[k] != v {
					continue series
				}
			}
			switch {
			case m.GetGauge() != nil:
				return m.GetGauge().GetValue(), true
			case m.GetCounter() != nil:
				return m.GetCounter().GetValue(), true
			case m.GetHistogram() != nil:
				return float64(m.GetHistogram().GetSampleCount()), true
			}
		}
	}
	return 0, false
}

// TestRelayerMetricsFollowEachCosigner: the relayer's per-co-signer series say which
// co-signer refuses and why, and which one stopped answering.
func TestRelayerMetricsFollowEachCosigner(t *testing.T) {
	s := startSetup(t, false, false, true)
	s.advance(15)
	testsupport.WaitFor(t, 30*time.Second, "the dishonest co-signer's value_mismatch refusals are counted", func() bool {
		v, _ := sample(t, s.metrics, "allora_gateway_cosigner_refusals_total", map[string]string{"cosigner": "cosigner-2", "reason": "value_mismatch"})
		return v > 0
	})
	testsupport.WaitFor(t, 30*time.Second, "an honest co-signer's answer is timed", func() bool {
		v, _ := sample(t, s.metrics, "allora_gateway_cosigner_request_duration_seconds", map[string]string{"cosigner": "cosigner-0"})
		return v > 0
	})
	for _, name := range []string{"cosigner-0", "cosigner-2"} {
		if v, ok := sample(t, s.metrics, "allora_gateway_cosigner_reachable", map[string]string{"cosigner": name}); !ok || v != 1 {
			t.Errorf("%s reachable = %v (present %v), want 1: it answered", name, v, ok)
		}
	}
	for _, name := range []string{"cosigner-0", "cosigner-1"} {
		if v, ok := sample(t, s.metrics, "allora_gateway_cosigner_refusals_total", map[string]string{"cosigner": name}); ok {
			t.Errorf("honest %s has refusals counted: %v", name, v)
		}
	}

	// Co-signer 1 stops: with the liar refusing, the threshold of two cannot be met, so
	// every later batch asks co-signer 1 again and finds nobody there.
	s.cosigners[1].srv.Close()
	s.advance(5)
	testsupport.WaitFor(t, 30*time.Second, "the stopped co-signer is reported unreachable", func() bool {
		v, ok := sample(t, s.metrics, "allora_gateway_cosigner_reachable", map[string]string{"cosigner": "cosigner-1"})
		return ok && v == 0
	})
	if v, _ := sample(t, s.metrics, "allora_gateway_cosigner_reachable", map[string]string{"cosigner": "cosigner-0"}); v != 1 {
		t.Errorf("cosigner-0 reachable = %v after co-signer 1 stopped, want 1", v)
	}
}

// TestPullModeGathersALocalKeyAndACosigner asks pull mode for a topic's newest update
// from a relayer holding one of the oracle's keys itself and reaching a co-signer for
// another, at a threshold of two: the answer carries exactly the two signatures, one of
// them the co-signer's after it checked its own node, and an account unrelated to the
// gateway lands it on chain.
func TestPullModeGathersALocalKeyAndACosigner(t *testing.T) {
	s := startSetup(t, false, false, false)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s.advance(15)
	first, ok := s.relayerNode.emu.Latest(13)
	if !ok {
		t.Fatal("no inference of topic 13")
	}
	testsupport.WaitFor(t, 30*time.Second, "the pushed relayer lands topic 13", func() bool {
		return s.held(t, 13).BlockHeight == first.BlockHeight
	})
	// Only the co-signers' nodes move on: the running relayer does not see the next
	// inference, so only the pulled update can bring it to the chain.
	for _, n := range s.nodes {
		n.emu.Advance(5)
	}
	inf, ok := s.nodes[0].emu.Latest(13)
	if !ok || inf.BlockHeight <= first.BlockHeight {
		t.Fatalf("the co-signers' nodes have no newer inference of topic 13 than %d: %+v", first.BlockHeight, inf)
	}
	st := store.NewMemory()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 13, Metadata: "ETH 5min Price Prediction"}); err != nil {
		t.Fatal(err)
	}
	scaled, err := oracle.NewScaledInference(inf, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutInference(ctx, scaled); err != nil {
		t.Fatal(err)
	}
	local := oracle.NewKeySigner(testKey(t, 0))
	remote := s.cosigners[1]
	source, err := allora.NewPool([]allora.PoolEndpoint{{Name: "relayer-node", Node: s.relayerNode.rest}}, allora.PoolConfig{})
	if err != nil {
		t.Fatal(err)
	}
	puller, err := relayer.New(relayer.Config{Topics: []uint64{13}}, source, st,
		[]relayer.ChainWriter{s.writer}, []oracle.Signer{local},
		relayer.WithCosigners([]oracle.BatchSigner{remote.client(t)}, oracle.CollectOptions{Timeout: 10 * time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(st, api.WithUpdateSigning(puller, s.writer.Domain()), api.WithRateLimit(0, 0)).Handler())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/v1/topics/13/update?chain=56")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("pull mode answered %d %s", res.StatusCode, body)
	}
	var up struct {
		To         string `json:"to"`
		Calldata   string `json:"calldata"`
		Signatures []struct {
			Signer string `json:"signer"`
		} `json:"signatures"`
	}
	if err := json.Unmarshal(body, &up); err != nil {
		t.Fatal(err)
	}
	var signers []string
	for _, sg := range up.Signatures {
		signers = append(signers, sg.Signer)
	}
	want := []string{local.Address().Hex(), remote.key.Address().Hex()}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	if !slices.Equal(signers, want) {
		t.Fatalf("pulled update signed by %v, want the local key and the co-signer, ascending: %v", signers, want)
	}

	stranger := devchain.DevKey(9)
	to := common.HexToAddress(up.To)
	nonce, err := s.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(stranger.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(stranger, types.LatestSignerForChainID(big.NewInt(56)), &types.DynamicFeeTx{
		ChainID: big.NewInt(56), Nonce: nonce, To: &to, Gas: 500_000, Data: common.FromHex(up.Calldata),
		GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	receipt, err := bind.WaitMined(ctx, s.client, tx.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("the stranger's submission: %+v, %v", receipt, err)
	}
	if got := s.held(t, 13); got.BlockHeight != inf.BlockHeight || got.Value.Cmp(scaled.Scaled) != 0 {
		t.Fatalf("the oracle holds %s at %d, want the pulled %s at %d", got.Value, got.BlockHeight, scaled.Scaled, inf.BlockHeight)
	}
}
