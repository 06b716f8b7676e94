package rpcpool_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// The pool is every backend the chain's code uses.
var (
	_ evm.Backend     = (*rpcpool.Pool)(nil)
	_ evm.ReadBackend = (*rpcpool.Pool)(nil)
	_ txmgr.Backend   = (*rpcpool.Pool)(nil)
)

var syscallRefused = syscall.ECONNREFUSED

var target = common.HexToAddress("0x00000000000000000000000000000000000a1104")

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// syncBuffer collects logs written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type harness struct {
	pool *rpcpool.Pool
	reg  *prometheus.Registry
	logs *syncBuffer
}

// dial makes a pool of chain chainID over urls (rpc-0, rpc-1, ...), with a backoff
// longer than any test step, its metrics on a registry of its own and its logs in a
// buffer.
func dial(t *testing.T, ctx context.Context, chainID uint64, urls ...string) (*harness, error) {
	t.Helper()
	h := &harness{reg: prometheus.NewRegistry(), logs: &syncBuffer{}}
	m, err := rpcpool.NewMetrics(h.reg)
	if err != nil {
		t.Fatal(err)
	}
	var eps []rpcpool.Endpoint
	for i, u := range urls {
		eps = append(eps, rpcpool.Endpoint{Name: fmt.Sprintf("rpc-%d", i), URL: u})
	}
	h.pool, err = rpcpool.Dial(ctx, rpcpool.Config{
		ChainID: chainID, Chain: "test", RequestTimeout: 5 * time.Second, BackoffMin: 5 * time.Second,
		Metrics: m, Logger: slog.New(slog.NewTextHandler(h.logs, nil)),
	}, eps)
	if err == nil {
		t.Cleanup(h.pool.Close)
	}
	return h, err
}

// metric returns the value of the series of name with labels, failing when absent.
func (h *harness) metric(t *testing.T, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := h.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	next:
		for _, m := range f.GetMetric() {
			got := map[string]string{}
			for _, l := range m.GetLabel() {
				got[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if got[k] != v {
					continue next
				}
			}
			switch {
			case m.Gauge != nil:
				return m.Gauge.GetValue()
			case m.Counter != nil:
				return m.Counter.GetValue()
			case m.Histogram != nil:
				return float64(m.Histogram.GetSampleCount())
			}
		}
	}
	t.Fatalf("no series %s%v", name, labels)
	return 0
}

func TestEndpointOfAnotherChainIsRefused(t *testing.T) {
	ctx := testContext(t)
	bnb := anviltest.Start(t, 56)
	sonic := anviltest.Start(t, 146)

	t.Run("at start", func(t *testing.T) {
		_, err := dial(t, ctx, 56, bnb.URL, newProxy(t, sonic.URL).URL()+"/key-in-the-path")
		if !errors.Is(err, rpcpool.ErrWrongChain) {
			t.Fatalf("Dial = %v, want ErrWrongChain", err)
		}
		if msg := err.Error(); !strings.Contains(msg, "rpc-1 answers chain id 146, not 56") || strings.Contains(msg, "key-in-the-path") {
			t.Errorf("error %q: want it to name rpc-1 and both chain ids, and never the URL", msg)
		}
	})

	t.Run("down at start, another chain once up", func(t *testing.T) {
		late := newProxy(t, sonic.URL)
		late.set(func(p *endpointProxy) { p.status = 503 })
		h, err := dial(t, ctx, 56, bnb.URL, late.URL())
		if err != nil {
			t.Fatalf("Dial with one good endpoint: %v", err)
		}
		late.set(func(p *endpointProxy) { p.status = 0 })
		h.pool.CheckHealth(ctx)
		health := h.pool.Health()
		if health[1].Up || !errors.Is(health[1].LastError, rpcpool.ErrWrongChain) {
			t.Fatalf("rpc-1 health %+v, want refused with ErrWrongChain", health[1])
		}
		if !strings.Contains(h.logs.String(), "level=ERROR") || !strings.Contains(h.logs.String(), "fix its URL") {
			t.Errorf("logs do not say, as an error, to fix the URL:\n%s", h.logs)
		}
		if got := h.metric(t, "allora_gateway_rpc_errors_total", map[string]string{"endpoint": "rpc-1", "kind": "wrong_chain"}); got != 1 {
			t.Errorf("wrong_chain errors of rpc-1 = %v, want 1", got)
		}
		sent := late.count("eth_getBalance")
		for range 3 {
			if _, err := h.pool.BalanceAt(ctx, target, nil); err != nil {
				t.Fatal(err)
			}
		}
		if got := late.count("eth_getBalance"); got != sent {
			t.Errorf("the endpoint of another chain got %d balance requests", got-sent)
		}
	})
}

func TestLaggingEndpointGetsNoRequests(t *testing.T) {
	ctx := testContext(t)
	node := anviltest.Start(t, 56)
	behind, ahead := newProxy(t, node.URL), newProxy(t, node.URL)
	h, err := dial(t, ctx, 56, behind.URL(), ahead.URL())
	if err != nil {
		t.Fatal(err)
	}
	head, err := node.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The first endpoint stops following the chain, which moves on by ten blocks.
	behind.set(func(p *endpointProxy) { p.frozenHead = hexutil.EncodeUint64(head) })
	node.Call(t, nil, "anvil_mine", hexutil.EncodeUint64(10))
	h.pool.CheckHealth(ctx)

	before := behind.count("eth_getBalance")
	for range 5 {
		if _, err := h.pool.BalanceAt(ctx, target, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := behind.count("eth_getBalance") - before; got != 0 {
		t.Errorf("the lagging endpoint served %d of 5 reads", got)
	}
	if got := ahead.count("eth_getBalance"); got != 5 {
		t.Errorf("the endpoint at the head served %d of 5 reads", got)
	}
	health := h.pool.Health()
	if health[0].Up || !health[0].Lagging || health[0].Head != head || !health[1].Up || health[1].Head != head+10 {
		t.Errorf("health = %+v, want rpc-0 lagging at %d, rpc-1 up at %d", health, head, head+10)
	}
	for _, c := range []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"allora_gateway_rpc_endpoint_up", map[string]string{"chain": "test", "endpoint": "rpc-0"}, 0},
		{"allora_gateway_rpc_endpoint_up", map[string]string{"chain": "test", "endpoint": "rpc-1"}, 1},
		{"allora_gateway_rpc_endpoint_head", map[string]string{"endpoint": "rpc-0"}, float64(head)},
		{"allora_gateway_rpc_head", map[string]string{"chain": "test"}, float64(head + 10)},
		{"allora_gateway_rpc_errors_total", map[string]string{"endpoint": "rpc-0", "kind": "lagging"}, 1},
		{"allora_gateway_rpc_request_duration_seconds", map[string]string{"endpoint": "rpc-1", "method": "BalanceAt"}, 5},
	} {
		if got := h.metric(t, c.name, c.labels); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if !strings.Contains(h.logs.String(), "endpoint=rpc-0") || !strings.Contains(h.logs.String(), "check that the node is synced") {
		t.Errorf("logs do not say rpc-0 lags and what to check:\n%s", h.logs)
	}

	// Caught up, it is back among those that get requests.
	behind.set(func(p *endpointProxy) { p.frozenHead = "" })
	h.pool.CheckHealth(ctx)
	if health := h.pool.Health(); !health[0].Up || health[0].Lagging {
		t.Errorf("after catching up rpc-0 health = %+v, want up", health[0])
	}
}

// TestTheHighestEndpointWinsOverAFasterOneBehind: an endpoint a block or two behind,
// within MaxLag, is still healthy, but a read goes to the one at the highest block even
// when that one is slower and configured second, so nothing read once vanishes from the
// next read.
func TestTheHighestEndpointWinsOverAFasterOneBehind(t *testing.T) {
	ctx := testContext(t)
	node := anviltest.Start(t, 56)
	behind, ahead := newProxy(t, node.URL), newProxy(t, node.URL)
	ahead.set(func(p *endpointProxy) { p.delay = 200 * time.Millisecond })
	h, err := dial(t, ctx, 56, behind.URL(), ahead.URL())
	if err != nil {
		t.Fatal(err)
	}
	head, err := node.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	behind.set(func(p *endpointProxy) { p.frozenHead = hexutil.EncodeUint64(head) })
	node.Call(t, nil, "anvil_mine", hexutil.EncodeUint64(2))
	h.pool.CheckHealth(ctx)
	if health := h.pool.Health(); !health[0].Up || health[0].Lagging || !health[1].Up || health[1].Head != head+2 {
		t.Fatalf("health = %+v, want both up, rpc-1 two blocks ahead", health)
	}
	before := behind.count("eth_getBalance")
	if _, err := h.pool.BalanceAt(ctx, target, nil); err != nil {
		t.Fatal(err)
	}
	if behind.count("eth_getBalance") != before || ahead.count("eth_getBalance") != 1 {
		t.Errorf("the read went to the endpoint behind (%d) rather than the one at the head (%d)",
			behind.count("eth_getBalance")-before, ahead.count("eth_getBalance"))
	}

	// At the same block again, the faster one gets the reads.
	behind.set(func(p *endpointProxy) { p.frozenHead = "" })
	h.pool.CheckHealth(ctx)
	if _, err := h.pool.BalanceAt(ctx, target, nil); err != nil {
		t.Fatal(err)
	}
	if behind.count("eth_getBalance") != before+1 {
		t.Errorf("at the same block the faster endpoint did not get the read")
	}
}

// revertCode is runtime bytecode that reverts with the 4 bytes 0xdeadbeef.
var revertCode = hexutil.MustDecode("0x63deadbeef6000526004601cfd")

func TestAnswersAreNotRetriedFailuresAre(t *testing.T) {
	ctx := testContext(t)
	node := anviltest.Start(t, 146)
	reverter := common.HexToAddress("0x00000000000000000000000000000000000bad00")
	node.Call(t, nil, "anvil_setCode", reverter, hexutil.Bytes(revertCode))
	first, second := newProxy(t, node.URL), newProxy(t, node.URL)
	h, err := dial(t, ctx, 146, first.URL(), second.URL())
	if err != nil {
		t.Fatal(err)
	}

	t.Run("a revert", func(t *testing.T) {
		calls := first.count("eth_call") + second.count("eth_call")
		_, err := h.pool.CallContract(ctx, ethereum.CallMsg{To: &reverter}, nil)
		var de rpc.DataError
		if !errors.As(err, &de) || de.ErrorData() != "0xdeadbeef" || !strings.Contains(err.Error(), "execution reverted") {
			t.Fatalf("CallContract = %v, want the node's revert with data 0xdeadbeef", err)
		}
		if got := first.count("eth_call") + second.count("eth_call") - calls; got != 1 {
			t.Errorf("the revert was asked of %d endpoints, want 1", got)
		}
	})

	t.Run("nonce too low", func(t *testing.T) {
		key := devchain.DevKey(3)
		from := crypto.PubkeyToAddress(key.PublicKey)
		signer := types.LatestSignerForChainID(big.NewInt(146))
		tip, _ := node.Client.SuggestGasTipCap(ctx)
		head, _ := node.Client.HeaderByNumber(ctx, nil)
		feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		mk := func(nonce uint64, value int64) *types.Transaction {
			return types.MustSignNewTx(key, signer, &types.DynamicFeeTx{
				ChainID: big.NewInt(146), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &target, Value: big.NewInt(value),
			})
		}
		nonce, err := node.Client.NonceAt(ctx, from, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.pool.SendTransaction(ctx, mk(nonce, 1)); err != nil {
			t.Fatal(err)
		}
		testsupport.WaitFor(t, time.Minute, "the first transaction to be mined", func() bool {
			n, err := node.Client.NonceAt(ctx, from, nil)
			return err == nil && n > nonce
		})
		sends := first.count("eth_sendRawTransaction") + second.count("eth_sendRawTransaction")
		err = h.pool.SendTransaction(ctx, mk(nonce, 2))
		if err == nil || !strings.Contains(strings.ToLower(err.Error()), "nonce too low") {
			t.Fatalf("SendTransaction at a used nonce = %v, want the node's nonce too low", err)
		}
		if _, isPool := err.(*rpcpool.EndpointError); isPool || errors.Is(err, rpcpool.ErrNoEndpoint) {
			t.Errorf("the node's answer came back wrapped: %v", err)
		}
		if got := first.count("eth_sendRawTransaction") + second.count("eth_sendRawTransaction") - sends; got != 1 {
			t.Errorf("the transaction went to %d endpoints, want 1", got)
		}
	})

	for _, status := range []int{429, 503} {
		t.Run(fmt.Sprintf("HTTP %d", status), func(t *testing.T) {
			// A fresh pool over a fast endpoint and a slow one, so the fast one is
			// chosen first.
			a, b := newProxy(t, node.URL), newProxy(t, node.URL)
			b.set(func(p *endpointProxy) { p.delay = 200 * time.Millisecond })
			h, err := dial(t, ctx, 146, a.URL(), b.URL())
			if err != nil {
				t.Fatal(err)
			}
			a.set(func(p *endpointProxy) { p.status = status })
			if _, err := h.pool.BalanceAt(ctx, target, nil); err != nil {
				t.Fatalf("BalanceAt with the second endpoint up: %v", err)
			}
			if a.count("eth_getBalance") != 1 || b.count("eth_getBalance") != 1 {
				t.Errorf("balance asked of the first %d times and of the second %d, want once each",
					a.count("eth_getBalance"), b.count("eth_getBalance"))
			}
			kind := map[int]string{429: "rate_limited", 503: "unavailable"}[status]
			if got := h.metric(t, "allora_gateway_rpc_errors_total", map[string]string{"endpoint": "rpc-0", "kind": kind}); got != 1 {
				t.Errorf("%s errors of rpc-0 = %v, want 1", kind, got)
			}
			// Left alone while it backs off: the next read goes straight to the second.
			if _, err := h.pool.BalanceAt(ctx, target, nil); err != nil {
				t.Fatal(err)
			}
			if a.count("eth_getBalance") != 1 {
				t.Errorf("the failed endpoint was asked again during its backoff")
			}
		})
	}
}

func TestFailoverKeepsTheTransactionInFlight(t *testing.T) {
	ctx := testContext(t)
	node := anviltest.Start(t, 146, "--no-mining")
	first, second := newProxy(t, node.URL), newProxy(t, node.URL)
	h, err := dial(t, ctx, 146, first.URL(), second.URL())
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu     sync.Mutex
		events []txmgr.Event
	)
	cfg, _ := presets.TxConfigFor(146)
	cfg.ReceiptPoll, cfg.ResubmitAfter, cfg.Confirmations = 10*time.Millisecond, time.Minute, 0
	key := devchain.DevKey(0)
	m, err := txmgr.New(cfg, h.pool, oracle.NewKeySigner(key), txmgr.WithEvents(func(e txmgr.Event) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	start, err := node.Client.NonceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}

	// The first endpoint passes the transaction to the node and dies before it
	// answers: the pool sends it to the second, which already holds it.
	first.set(func(p *endpointProxy) { p.hangUpOnSend = true })
	done := make(chan error, 1)
	var res *txmgr.Result
	go func() {
		var err error
		res, err = m.Send(ctx, target, []byte("in flight"))
		done <- err
	}()
	testsupport.WaitFor(t, time.Minute, "the transaction to reach the node's pool", func() bool {
		pending, err := node.Client.PendingNonceAt(ctx, from)
		return err == nil && pending == start+1
	})
	testsupport.WaitFor(t, time.Minute, "the transaction to be offered to the second endpoint", func() bool {
		return second.count("eth_sendRawTransaction") == 1
	})
	first.kill()
	node.Mine(t)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Send with the first endpoint killed: %v (logs:\n%s)", err, h.logs)
		}
	case <-ctx.Done():
		t.Fatal("Send never returned")
	}
	if res.Tx.Nonce() != start || res.Attempts != 1 || res.Receipt.Status != types.ReceiptStatusSuccessful {
		t.Errorf("mined nonce %d after %d attempts (status %d), want nonce %d at the first attempt",
			res.Tx.Nonce(), res.Attempts, res.Receipt.Status, start)
	}
	if got := first.count("eth_sendRawTransaction"); got != 1 {
		t.Errorf("the first endpoint got %d sends, want 1", got)
	}

	// Later sends go through the second, at the next nonces, with no gap.
	minerCtx, stopMiner := context.WithCancel(ctx)
	minerDone := make(chan struct{})
	go func() {
		defer close(minerDone)
		for {
			select {
			case <-minerCtx.Done():
				return
			case <-time.After(50 * time.Millisecond):
				_ = node.RPC.CallContext(minerCtx, nil, "evm_mine")
			}
		}
	}()
	for i := range 3 {
		r, err := m.Send(ctx, target, []byte{byte(i)})
		if err != nil {
			t.Fatalf("send %d after the failover: %v", i, err)
		}
		if want := start + 1 + uint64(i); r.Tx.Nonce() != want {
			t.Errorf("send %d used nonce %d, want %d", i, r.Tx.Nonce(), want)
		}
	}
	stopMiner()
	<-minerDone
	if got := second.count("eth_sendRawTransaction"); got != 4 {
		t.Errorf("the second endpoint got %d sends, want 4 (the in-flight one and three more)", got)
	}
	mined, err := node.Client.NonceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := node.Client.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	if mined != start+4 || pending != mined {
		t.Errorf("nonce %d mined, %d pending, want both %d: no gap, nothing stuck", mined, pending, start+4)
	}
	if got := h.metric(t, "allora_gateway_rpc_endpoint_up", map[string]string{"endpoint": "rpc-0"}); got != 0 {
		t.Errorf("rpc-0 up = %v after it died, want 0", got)
	}
	if got := h.metric(t, "allora_gateway_rpc_errors_total", map[string]string{"endpoint": "rpc-0", "kind": "unavailable"}); got < 1 {
		t.Errorf("rpc-0 unavailable errors = %v, want at least 1", got)
	}
	logs := h.logs.String()
	for _, want := range []string{"RPC endpoint failed", "endpoint=rpc-0", "is the node running and reachable", "in flight"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs do not say %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, first.URL()) {
		t.Errorf("logs carry the endpoint's URL:\n%s", logs)
	}
}

func TestURLsNeverShow(t *testing.T) {
	ctx := testContext(t)
	node := anviltest.Start(t, 56)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/v1/SECRET-TOKEN?key=SECRET-KEY"
	ln.Close()

	h, err := dial(t, ctx, 56, node.URL, closed)
	if err != nil {
		t.Fatalf("Dial with one endpoint up: %v", err)
	}
	if health := h.pool.Health(); health[1].Up || health[1].LastError == nil {
		t.Errorf("rpc-1 health %+v, want down with its error", health[1])
	}
	_, err = dial(t, ctx, 56, closed)
	if !errors.Is(err, rpcpool.ErrNoEndpoint) || !errors.Is(err, syscallRefused) {
		t.Errorf("Dial with only a closed endpoint = %v, want ErrNoEndpoint and connection refused", err)
	}
	for where, s := range map[string]string{"logs": h.logs.String(), "error": fmt.Sprint(err), "health": fmt.Sprint(h.pool.Health()[1].LastError)} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("%s carry the URL's secret: %s", where, s)
		}
	}
	if !strings.Contains(h.logs.String(), "endpoint=rpc-1") {
		t.Errorf("logs do not name the endpoint that failed:\n%s", h.logs)
	}
}
