package relayer_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"log/slog"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func ether(s string) *big.Int {
	v, ok := new(big.Float).SetPrec(256).SetString(s)
	if !ok {
		panic(s)
	}
	wei, _ := v.Mul(v, new(big.Float).SetInt(big.NewInt(1e18))).Int(nil)
	return wei
}

// TestLowWalletBalanceWarnsOnceWithTheAmountToSend runs the relayer with a chain's
// min_balance over what its wallet holds: the minimum is exported beside the balance
// for the alert, and the log says once, not at every read, which address to fund and
// with how much; funded and drained again, it says so again.
func TestLowWalletBalanceWarnsOnceWithTheAmountToSend(t *testing.T) {
	s := signers(2)
	src := newFakeSource(oracle.Topic{ID: 1})
	src.set(1, 100, "3012.5")
	chain := newFakeChain(56, s, 2)
	chain.setBalance(ether("0.01"))
	reg := prometheus.NewRegistry()
	st := store.NewMemory()
	metrics, err := relayer.NewMetrics(reg, st)
	if err != nil {
		t.Fatal(err)
	}
	var logs testsupport.LockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	r, err := relayer.New(relayer.Config{
		Topics: []uint64{1}, PollInterval: 10 * time.Millisecond, PushInterval: 20 * time.Millisecond,
		ChainMinBalance: map[uint64]*big.Int{56: ether("0.05")},
	}, src, st, []relayer.ChainWriter{chain}, s, relayer.WithMetrics(metrics), relayer.WithLogger(log))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	defer func() { cancel(); <-done }()

	warnings := func() int { return strings.Count(logs.String(), "holds less than chains[].min_balance") }
	testsupport.WaitFor(t, 10*time.Second, "the low-balance warning", func() bool { return warnings() == 1 })
	line := logs.String()[strings.Index(logs.String(), "holds less than chains[].min_balance"):]
	line = line[:strings.IndexByte(line, '\n')]
	for _, want := range []string{"address=" + chain.from.Hex(), "balance=0.01", "min_balance=0.05", "send=0.04"} {
		if !strings.Contains(line, want) {
			t.Errorf("warning %q lacks %s", line, want)
		}
	}
	labels := `{address="` + chain.from.Hex() + `",chain="chain56"}`
	want := "# HELP allora_gateway_chain_wallet_min_balance_wei x\n# TYPE allora_gateway_chain_wallet_min_balance_wei gauge\nallora_gateway_chain_wallet_min_balance_wei" + labels + " 5e+16\n"
	if err := testutil.GatherAndCompare(reg, strings.NewReader(strings.Replace(want, " x\n", " The submitting wallet's configured minimum balance on a chain (chains[].min_balance), in wei: an alert fires while allora_gateway_chain_wallet_balance_wei is below it.\n", 1)),
		"allora_gateway_chain_wallet_min_balance_wei"); err != nil {
		t.Error(err)
	}

	// Each push reads the balance again; still low, the warning is not repeated.
	for h := uint64(101); h <= 103; h++ {
		before := chain.balanceReadCount()
		src.set(1, h, "3012.5")
		testsupport.WaitFor(t, 10*time.Second, "the balance read after the push", func() bool { return chain.height(1) == h && chain.balanceReadCount() > before })
	}
	if n := warnings(); n != 1 {
		t.Errorf("%d low-balance warnings over several reads, want 1", n)
	}

	// Funded, then drained again: a new warning.
	chain.setBalance(ether("1"))
	before := chain.balanceReadCount()
	src.set(1, 104, "3012.5")
	testsupport.WaitFor(t, 10*time.Second, "the balance read once funded", func() bool { return chain.height(1) == 104 && chain.balanceReadCount() > before })
	chain.setBalance(ether("0.049"))
	src.set(1, 105, "3012.5")
	testsupport.WaitFor(t, 10*time.Second, "the warning once drained again", func() bool { return warnings() == 2 })
	if !strings.Contains(logs.String(), "send=0.001") {
		t.Errorf("second warning does not ask for 0.001:\n%s", logs.String())
	}
}

// flakySigner is a co-signer whose service is down while down is set.
type flakySigner struct {
	oracle.Signer
	key  *ecdsa.PrivateKey
	down atomic.Bool
}

func (f *flakySigner) SignBatch(ctx context.Context, d oracle.Domain, updates []oracle.Update) ([]byte, error) {
	if f.down.Load() {
		return nil, errors.New("dial tcp 127.0.0.1:7001: connection refused")
	}
	return oracle.LocalBatchSigner(f.Signer).SignBatch(ctx, d, updates)
}

// TestReadinessFailsWhileTheThresholdCannotBeMet runs a 2-of-2 oracle with one local
// key and one co-signer: while the co-signer is down, pushes fail as signing errors
// (not rpc), /readyz's check names the chain and the cause, and once it is back the
// chain is served and ready again.
func TestReadinessFailsWhileTheThresholdCannotBeMet(t *testing.T) {
	keys := signers(2)
	cos := &flakySigner{key: mustKey(t)}
	cos.Signer = oracle.NewKeySigner(cos.key)
	local := keys[:1]
	chain := newFakeChain(56, []oracle.Signer{local[0], cos.Signer}, 2)
	src := newFakeSource(oracle.Topic{ID: 1})
	src.set(1, 100, "3012.5")
	reg := prometheus.NewRegistry()
	st := store.NewMemory()
	metrics, err := relayer.NewMetrics(reg, st)
	if err != nil {
		t.Fatal(err)
	}
	cos.down.Store(true)
	r, err := relayer.New(relayer.Config{Topics: []uint64{1}, PollInterval: 10 * time.Millisecond, PushInterval: 20 * time.Millisecond},
		src, st, []relayer.ChainWriter{chain}, local, relayer.WithMetrics(metrics),
		relayer.WithCosigners([]oracle.BatchSigner{cos}, oracle.CollectOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	defer func() { cancel(); <-done }()

	testsupport.WaitFor(t, 10*time.Second, "a signing error counted", func() bool {
		return testutil.ToFloat64(metricVec(t, reg, "allora_gateway_relayer_errors_total", "chain56", "signing")) > 0
	})
	if rpc := testutil.ToFloat64(metricVec(t, reg, "allora_gateway_relayer_errors_total", "chain56", "rpc")); rpc != 0 {
		t.Errorf("%v rpc errors counted for a co-signer outage, want them counted as signing", rpc)
	}
	err = r.Ready(context.Background())
	if !errors.Is(err, relayer.ErrBelowThreshold) || !strings.Contains(err.Error(), "chain chain56 (56)") || strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("Ready with the co-signer down = %v, want ErrBelowThreshold naming the chain and no endpoint", err)
	}

	cos.down.Store(false)
	testsupport.WaitFor(t, 10*time.Second, "the batch pushed once the co-signer is back", func() bool { return chain.height(1) == 100 })
	testsupport.WaitFor(t, 10*time.Second, "ready again", func() bool { return !errors.Is(r.Ready(context.Background()), relayer.ErrBelowThreshold) })
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// metricVec finds the counter of name with the given label values in reg.
func metricVec(t *testing.T, reg *prometheus.Registry, name string, values ...string) prometheus.Collector {
	t.Helper()
	return gatheredMetric{reg: reg, name: name, values: values}
}

// gatheredMetric is one series of a gathered registry, as a Collector testutil reads.
type gatheredMetric struct {
	reg    *prometheus.Registry
	name   string
	values []string
}

func (g gatheredMetric) Describe(ch chan<- *prometheus.Desc) {
	ch <- prometheus.NewDesc(g.name, "gathered", nil, nil)
}

func (g gatheredMetric) Collect(ch chan<- prometheus.Metric) {
	mfs, _ := g.reg.Gather()
	for _, mf := range mfs {
		if mf.GetName() != g.name {
			continue
		}
	series:
		for _, m := range mf.GetMetric() {
			labels := m.GetLabel()
			for i, v := range g.values {
				if i >= len(labels) || labels[i].GetValue() != v {
					continue series
				}
			}
			ch <- prometheus.MustNewConstMetric(prometheus.NewDesc(g.name, "gathered", nil, nil), prometheus.CounterValue, m.GetCounter().GetValue())
			return
		}
	}
	ch <- prometheus.MustNewConstMetric(prometheus.NewDesc(g.name, "gathered", nil, nil), prometheus.CounterValue, 0)
}
