package txmgr_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/oracle"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

var (
	target = common.HexToAddress("0x00000000000000000000000000000000000a1104")
	gwei   = big.NewInt(1_000_000_000)
)

func gweis(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), gwei) }

// quick makes a preset react at test speed: receipts polled often, and a stuck
// transaction replaced as soon as one block passed without it.
// preset is the transaction settings the chain presets give chain id.
func preset(id uint64) txmgr.Config {
	cfg, _ := presets.TxConfigFor(id)
	return cfg
}

func quick(cfg txmgr.Config) txmgr.Config {
	cfg.ReceiptPoll = 10 * time.Millisecond
	cfg.ResubmitAfter = time.Millisecond
	return cfg
}

func newManager(t *testing.T, cfg txmgr.Config, node *anvilNode, j store.Journal, ev *events) *txmgr.Manager {
	t.Helper()
	m, err := txmgr.New(cfg, node.client, oracle.NewKeySigner(devchain.DevKey(0)), txmgr.WithJournal(j), txmgr.WithEvents(ev.record))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type sent struct {
	res *txmgr.Result
	err error
}

func sendAsync(ctx context.Context, m *txmgr.Manager, data []byte) <-chan sent {
	out := make(chan sent, 1)
	go func() {
		res, err := m.Send(ctx, target, data)
		out <- sent{res, err}
	}()
	return out
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func txByHash(t *testing.T, node *anvilNode, h common.Hash) *types.Transaction {
	t.Helper()
	tx, _, err := node.client.TransactionByHash(context.Background(), h)
	if err != nil {
		t.Fatalf("transaction %s: %v", h, err)
	}
	return tx
}

// atLeastRaised reports whether next ≥ old × (100+pct)/100.
func atLeastRaised(old, next *big.Int, pct int64) bool {
	return new(big.Int).Mul(next, big.NewInt(100)).Cmp(new(big.Int).Mul(old, big.NewInt(100+pct))) >= 0
}

func TestBaseFeeSpikeStrandsATransactionThatIsReplacedAtTheSameNonce(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146, "--no-mining")
	ev := newEvents()
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	m := newManager(t, cfg, node, store.NewMemory(), ev)

	done := sendAsync(ctx, m, []byte("spike"))
	first := txByHash(t, node, ev.wait(t, txmgr.EventSent, 0).TxHash)
	// The next block's base fee is far over what the transaction offers, so the block
	// is built without it.
	spike := new(big.Int).Mul(first.GasFeeCap(), big.NewInt(4))
	node.setNextBaseFee(t, spike)
	node.mine(t)
	second := txByHash(t, node, ev.wait(t, txmgr.EventReplaced, 0).TxHash)
	node.mine(t)
	r := <-done
	if r.err != nil {
		t.Fatalf("Send: %v (events %v)", r.err, ev.kinds())
	}

	if r.res.Attempts != 2 || ev.count(txmgr.EventReplaced) != 1 {
		t.Errorf("attempts = %d, replacements = %d; want 2 and 1", r.res.Attempts, ev.count(txmgr.EventReplaced))
	}
	if r.res.Tx.Hash() != second.Hash() || r.res.Receipt.Status != types.ReceiptStatusSuccessful {
		t.Errorf("mined %s (status %d), want the replacement %s", r.res.Tx.Hash(), r.res.Receipt.Status, second.Hash())
	}
	if second.Nonce() != first.Nonce() || second.Type() != types.DynamicFeeTxType {
		t.Errorf("replacement nonce %d type %d; want nonce %d, type 2", second.Nonce(), second.Type(), first.Nonce())
	}
	if !atLeastRaised(first.GasTipCap(), second.GasTipCap(), 10) || !atLeastRaised(first.GasFeeCap(), second.GasFeeCap(), 10) {
		t.Errorf("replacement tip %s fee cap %s, first %s %s: both must rise ≥10%%",
			second.GasTipCap(), second.GasFeeCap(), first.GasTipCap(), first.GasFeeCap())
	}
	// The fresh quote (twice the spiked base fee) is over 5× the first fee cap, so the
	// replacement pays exactly the cap.
	if want := new(big.Int).Mul(first.GasFeeCap(), big.NewInt(cfg.FeeLimitMultiplier)); second.GasFeeCap().Cmp(want) != 0 {
		t.Errorf("replacement fee cap %s, want the cap %s", second.GasFeeCap(), want)
	}
}

func TestUnderpricedReplacementIsBumpedUntilAccepted(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146)
	ev := newEvents()
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	m := newManager(t, cfg, node, store.NewMemory(), ev)
	if _, err := m.Send(ctx, target, []byte("one")); err != nil {
		t.Fatal(err)
	}

	// Another transaction from the key waits in the pool at the nonce the manager
	// uses next, paying twice the manager's quote: the manager's first transaction is
	// an underpriced replacement of it.
	node.automine(t, false)
	head, err := node.client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := node.client.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	quote := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	other := externalTx(t, node, 1, new(big.Int).Mul(tip, big.NewInt(2)), new(big.Int).Mul(quote, big.NewInt(2)))

	done := sendAsync(ctx, m, []byte("two"))
	accepted := txByHash(t, node, ev.wait(t, txmgr.EventReplaced, 0).TxHash)
	node.mine(t)
	r := <-done
	if r.err != nil {
		t.Fatalf("Send: %v (events %v)", r.err, ev.kinds())
	}
	if r.res.Tx.Hash() != accepted.Hash() || r.res.Tx.Nonce() != 1 || r.res.Attempts < 2 {
		t.Errorf("mined %s at nonce %d after %d attempts; want %s at nonce 1 after several", r.res.Tx.Hash(), r.res.Tx.Nonce(), r.res.Attempts, accepted.Hash())
	}
	if accepted.GasFeeCap().Cmp(other.GasFeeCap()) <= 0 || accepted.GasTipCap().Cmp(other.GasTipCap()) <= 0 {
		t.Errorf("accepted fees %s/%s do not outbid the pooled %s/%s", accepted.GasFeeCap(), accepted.GasTipCap(), other.GasFeeCap(), other.GasTipCap())
	}
	if _, err := node.client.TransactionReceipt(ctx, other.Hash()); err == nil {
		t.Errorf("the outbid transaction %s was mined", other.Hash())
	}
}

// externalTx sends a transaction from the manager's key straight to the node,
// bypassing the manager, as another program sharing the key would.
func externalTx(t *testing.T, node *anvilNode, nonce uint64, tip, feeCap *big.Int) *types.Transaction {
	t.Helper()
	id, err := node.client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(devchain.DevKey(0), types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &common.Address{1}, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := node.client.SendTransaction(context.Background(), tx); err != nil {
		t.Fatalf("send the external transaction: %v", err)
	}
	return tx
}

func TestReorgedReceiptIsResentAndConfirmedDeep(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146, "--no-mining")
	ev := newEvents()
	cfg := preset(146)
	cfg.Confirmations = 2
	cfg.ReceiptPoll = 10 * time.Millisecond
	cfg.ResubmitAfter = time.Hour // the resend must come from the reorg, not from a replacement
	m := newManager(t, cfg, node, store.NewMemory(), ev)

	done := sendAsync(ctx, m, []byte("reorg"))
	sentEv := ev.wait(t, txmgr.EventSent, 0)
	node.mine(t)
	mined := ev.wait(t, txmgr.EventMined, 0)
	// Replace the block holding the transaction with an empty one: the transaction is
	// in neither the chain nor the pool.
	node.call(t, "anvil_reorg", 1, []any{})
	ev.wait(t, txmgr.EventReorged, 0)
	resent := ev.wait(t, txmgr.EventRebroadcast, 0)
	for range 3 {
		node.mine(t)
	}
	r := <-done
	if r.err != nil {
		t.Fatalf("Send: %v (events %v)", r.err, ev.kinds())
	}
	if resent.TxHash != sentEv.TxHash || r.res.Tx.Hash() != sentEv.TxHash {
		t.Errorf("resent %s, mined %s; want the original %s unchanged", resent.TxHash, r.res.Tx.Hash(), sentEv.TxHash)
	}
	if r.res.Reorgs != 1 || r.res.Attempts != 1 {
		t.Errorf("reorgs = %d, attempts = %d; want 1 and 1", r.res.Reorgs, r.res.Attempts)
	}
	if got := r.res.Receipt.BlockNumber.Uint64(); got != mined.Block+1 {
		t.Errorf("confirmed in block %d, want %d (the block after the reorged one)", got, mined.Block+1)
	}
	head, err := node.client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if head < r.res.Receipt.BlockNumber.Uint64()+cfg.Confirmations {
		t.Errorf("Send returned at head %d, before %d confirmations of block %d", head, cfg.Confirmations, r.res.Receipt.BlockNumber)
	}
}

func TestNonceUsedOutsideTheManagerIsResynced(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146)
	ev := newEvents()
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	m := newManager(t, cfg, node, store.NewMemory(), ev)
	if _, err := m.Send(ctx, target, []byte("one")); err != nil {
		t.Fatal(err)
	}
	// The same key sends nonce 1 elsewhere; the manager still believes it is next.
	externalTx(t, node, 1, gweis(2), gweis(10))

	res, err := m.Send(ctx, target, []byte("two"))
	if err != nil {
		t.Fatalf("Send: %v (events %v)", err, ev.kinds())
	}
	if res.Tx.Nonce() != 2 || res.NonceResyncs != 1 || ev.count(txmgr.EventNonceResync) != 1 {
		t.Errorf("nonce %d after %d resyncs (%d events); want nonce 2 after 1", res.Tx.Nonce(), res.NonceResyncs, ev.count(txmgr.EventNonceResync))
	}
	if res.Receipt.Status != types.ReceiptStatusSuccessful {
		t.Errorf("status %d", res.Receipt.Status)
	}
}

func TestInsufficientFundsIsAnAlertAndASendSucceedsOnceFunded(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 56)
	ev := newEvents()
	cfg := quick(preset(56))
	cfg.Confirmations = 0
	cfg.MinBalance = gweis(1_000_000_000) // 1 BNB
	j := store.NewMemory()
	m := newManager(t, cfg, node, j, ev)
	node.setBalance(t, m.From(), big.NewInt(1000))

	_, err := m.Send(ctx, target, []byte("broke"))
	if !errors.Is(err, txmgr.ErrInsufficientFunds) {
		t.Fatalf("Send from an empty wallet: err = %v, want ErrInsufficientFunds", err)
	}
	if ev.count(txmgr.EventInsufficientFunds) != 1 || ev.count(txmgr.EventLowBalance) != 1 {
		t.Errorf("events %v; want one insufficient-funds and one low-balance alert", ev.kinds())
	}
	if pending, err := j.JournalPending(ctx, 56); err != nil || len(pending) != 0 {
		t.Errorf("journal holds %d entries (err %v) after a transaction that was never accepted", len(pending), err)
	}

	node.setBalance(t, m.From(), gweis(10_000_000_000))
	res, err := m.Send(ctx, target, []byte("funded"))
	if err != nil {
		t.Fatalf("Send once funded: %v", err)
	}
	if res.Tx.Nonce() != 0 {
		t.Errorf("funded Send used nonce %d, want 0: the failed one must not leave a gap", res.Tx.Nonce())
	}
}

func TestRestartResumesTheJournal(t *testing.T) {
	for _, tc := range []struct {
		name string
		// meanwhile is what happens to the journaled transaction while no manager runs.
		meanwhile func(t *testing.T, node *anvilNode, h common.Hash)
		// want is the event the new manager reports for the journaled nonce.
		want txmgr.EventKind
	}{
		{"mined while down", func(t *testing.T, node *anvilNode, _ common.Hash) { node.mine(t) }, txmgr.EventConfirmed},
		{"dropped from the pool while down", func(t *testing.T, node *anvilNode, h common.Hash) {
			node.call(t, "anvil_dropTransaction", h)
		}, txmgr.EventRebroadcast},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := testContext(t)
			node := startAnvil(t, 146, "--no-mining")
			cfg := quick(preset(146))
			cfg.Confirmations = 0
			j := store.NewMemory()

			ev1 := newEvents()
			m1 := newManager(t, cfg, node, j, ev1)
			sendCtx, stop := context.WithCancel(ctx)
			done := sendAsync(sendCtx, m1, []byte("before restart"))
			first := ev1.wait(t, txmgr.EventSent, 0)
			stop()
			if r := <-done; !errors.Is(r.err, context.Canceled) {
				t.Fatalf("stopped Send: err = %v, want context.Canceled", r.err)
			}
			pending, err := j.JournalPending(ctx, 146)
			if err != nil || len(pending) != 1 || pending[0].TxHash != first.TxHash || pending[0].Attempt != 1 || len(pending[0].RawTx) == 0 {
				t.Fatalf("journal after the stop: %+v (err %v); want the sent transaction", pending, err)
			}

			tc.meanwhile(t, node, first.TxHash)
			node.automine(t, true)
			ev2 := newEvents()
			m2 := newManager(t, cfg, node, j, ev2)
			res, err := m2.Send(ctx, target, []byte("after restart"))
			if err != nil {
				t.Fatalf("Send after restart: %v (events %v)", err, ev2.kinds())
			}
			resumed := ev2.wait(t, tc.want, 0)
			if resumed.Nonce != 0 || resumed.TxHash != first.TxHash {
				t.Errorf("resumed %v at nonce %d for %s; want nonce 0, %s", resumed.Kind, resumed.Nonce, resumed.TxHash, first.TxHash)
			}
			if res.Tx.Nonce() != 1 {
				t.Errorf("new transaction at nonce %d, want 1", res.Tx.Nonce())
			}
			if r, err := node.client.TransactionReceipt(ctx, first.TxHash); err != nil || r.Status != types.ReceiptStatusSuccessful {
				t.Errorf("journaled transaction not mined: %v", err)
			}
			if n, err := node.client.PendingNonceAt(ctx, m2.From()); err != nil || n != 2 {
				t.Errorf("pending nonce %d (err %v), want 2: nothing left in the pool", n, err)
			}
			if left, err := j.JournalPending(ctx, 146); err != nil || len(left) != 0 {
				t.Errorf("journal holds %d entries (err %v) after both were mined", len(left), err)
			}
		})
	}
}

func TestPricingFollowsThePreset(t *testing.T) {
	for _, tc := range []struct {
		name    string
		chainID uint64
		cfg     txmgr.Config
		flags   []string
		check   func(t *testing.T, tx *types.Transaction, head *types.Header, tip, gasPrice *big.Int)
	}{
		{"bnb legacy", 56, preset(56), nil, func(t *testing.T, tx *types.Transaction, _ *types.Header, _, gasPrice *big.Int) {
			if tx.Type() != types.LegacyTxType || tx.GasPrice().Cmp(gasPrice) != 0 {
				t.Errorf("type %d gas price %s; want a legacy transaction at eth_gasPrice %s", tx.Type(), tx.GasPrice(), gasPrice)
			}
		}},
		{"sonic eip-1559", 146, preset(146), nil, func(t *testing.T, tx *types.Transaction, head *types.Header, tip, _ *big.Int) {
			want := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
			if tx.Type() != types.DynamicFeeTxType || tx.GasTipCap().Cmp(tip) != 0 || tx.GasFeeCap().Cmp(want) != 0 {
				t.Errorf("type %d tip %s fee cap %s; want type 2, tip %s, fee cap 2×base+tip = %s", tx.Type(), tx.GasTipCap(), tx.GasFeeCap(), tip, want)
			}
		}},
		{"bnb eip-1559 with a zero base fee", 56, func() txmgr.Config { c := preset(56); c.FeeMode = txmgr.EIP1559; return c }(),
			[]string{"--block-base-fee-per-gas", "0"}, func(t *testing.T, tx *types.Transaction, head *types.Header, tip, _ *big.Int) {
				if head.BaseFee.Sign() != 0 {
					t.Fatalf("anvil's base fee is %s, want 0", head.BaseFee)
				}
				if tx.Type() != types.DynamicFeeTxType || tx.GasTipCap().Cmp(tip) != 0 || tx.GasFeeCap().Cmp(tip) != 0 {
					t.Errorf("type %d tip %s fee cap %s; want type 2 with fee cap = tip = %s", tx.Type(), tx.GasTipCap(), tx.GasFeeCap(), tip)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := testContext(t)
			node := startAnvil(t, tc.chainID, append([]string{"--no-mining"}, tc.flags...)...)
			ev := newEvents()
			cfg := quick(tc.cfg)
			cfg.Confirmations = 0
			m := newManager(t, cfg, node, store.NewMemory(), ev)
			// Nothing is mined while the manager quotes, so the quote the test reads
			// is the one the manager read.
			head, err := node.client.HeaderByNumber(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			tip, err := node.client.SuggestGasTipCap(ctx)
			if err != nil {
				t.Fatal(err)
			}
			gasPrice, err := node.client.SuggestGasPrice(ctx)
			if err != nil {
				t.Fatal(err)
			}
			done := sendAsync(ctx, m, []byte("price"))
			tx := txByHash(t, node, ev.wait(t, txmgr.EventSent, 0).TxHash)
			node.mine(t)
			r := <-done
			if r.err != nil {
				t.Fatalf("Send: %v", r.err)
			}
			if r.res.Tx.Hash() != tx.Hash() || r.res.Attempts != 1 {
				t.Errorf("mined %s after %d attempts, want %s after 1", r.res.Tx.Hash(), r.res.Attempts, tx.Hash())
			}
			tc.check(t, tx, head, tip, gasPrice)
		})
	}
}

// TestCreateDeploysAndIsResumedLikeACall deploys a contract through the manager: a
// creation stopped before it was mined stays journaled and a new manager sees it
// through, as it does a call; the receipt names the contract, whose code is there; a
// constructor that reverts fails the estimate and sends nothing.
func TestCreateDeploysAndIsResumedLikeACall(t *testing.T) {
	// Creation code whose contract answers 42 to any call: init copies the 10 bytes of
	// runtime after it and returns them.
	code := common.FromHex("600a600c600039600a6000f3" + "602a60005260206000f3")
	ctx := testContext(t)
	node := startAnvil(t, 146, "--no-mining")
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	j := store.NewMemory()

	ev1 := newEvents()
	m1 := newManager(t, cfg, node, j, ev1)
	sendCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { _, err := m1.Create(sendCtx, code); done <- err }()
	first := ev1.wait(t, txmgr.EventSent, 0)
	stop()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("stopped Create: err = %v, want context.Canceled", err)
	}
	if pending, err := j.JournalPending(ctx, 146); err != nil || len(pending) != 1 || pending[0].TxHash != first.TxHash {
		t.Fatalf("journal after the stop: %+v (err %v); want the creation", pending, err)
	}

	node.automine(t, true)
	m2 := newManager(t, cfg, node, j, newEvents())
	res, err := m2.Create(ctx, code)
	if err != nil {
		t.Fatalf("Create after restart: %v", err)
	}
	r0, err := node.client.TransactionReceipt(ctx, first.TxHash)
	if err != nil || r0.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("journaled creation not mined: %v", err)
	}
	for i, r := range []*types.Receipt{r0, res.Receipt} {
		got, err := node.client.CallContract(ctx, ethereum.CallMsg{To: &r.ContractAddress}, nil)
		if err != nil || new(big.Int).SetBytes(got).Int64() != 42 {
			t.Errorf("contract %d at %s answers %x (err %v), want 42", i, r.ContractAddress, got, err)
		}
	}
	if res.Tx.Nonce() != 1 || res.Tx.To() != nil {
		t.Errorf("second creation at nonce %d to %v, want nonce 1 and no recipient", res.Tx.Nonce(), res.Tx.To())
	}
	if left, err := j.JournalPending(ctx, 146); err != nil || len(left) != 0 {
		t.Errorf("journal holds %d entries (err %v) after both were mined", len(left), err)
	}

	// PUSH1 0 PUSH1 0 REVERT: the estimate fails, nothing is sent.
	if _, err := m2.Create(ctx, common.FromHex("60006000fd")); err == nil {
		t.Error("a reverting constructor was deployed")
	}
	if n, err := node.client.PendingNonceAt(ctx, m2.From()); err != nil || n != 2 {
		t.Errorf("pending nonce %d (err %v) after a refused creation, want 2", n, err)
	}
}
