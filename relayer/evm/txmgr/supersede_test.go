package txmgr_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// strand leaves a transaction stuck at nonce 0 as a stopped relayer leaves it: sent
// to a node whose mining is paused, still waiting in its pool, journaled.
func strand(t *testing.T, ctx context.Context, node *anvilNode, j store.Journal) *types.Transaction {
	t.Helper()
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	ev := newEvents()
	m := newManager(t, cfg, node, j, ev)
	sendCtx, stop := context.WithCancel(ctx)
	done := sendAsync(sendCtx, m, []byte("stuck"))
	stuck := txByHash(t, node, ev.wait(t, txmgr.EventSent, 0).TxHash)
	stop()
	if r := <-done; !errors.Is(r.err, context.Canceled) {
		t.Fatalf("stopped Send: err = %v, want context.Canceled", r.err)
	}
	if pool := node.Pool(t); len(pool) != 1 || pool[0].Hash != stuck.Hash() {
		t.Fatalf("pool %+v, want the stuck transaction waiting in it", pool)
	}
	return stuck
}

// admin is a manager as an operator runs it for a stuck nonce, with an absolute cap.
func admin(t *testing.T, node *anvilNode, j store.Journal, ev *events) *txmgr.Manager {
	t.Helper()
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	cfg.FeeLimitMultiplier = 0
	cfg.MaxGasPrice = gweis(1000)
	return newManager(t, cfg, node, j, ev)
}

type outcome struct {
	res *txmgr.Result
	err error
}

// TestCancelFreesAStuckNonce cancels a stuck transaction with a 0-wei self-transfer
// at its nonce, in two ways the command can end: seen to its receipt, or stopped
// once broadcast and left journaled. Either way the nonce advances with the cancel,
// the stuck transaction never lands, and a manager started afterwards (a relayer
// resuming) sends its next transaction at the next nonce: no gap, nothing sent twice.
func TestCancelFreesAStuckNonce(t *testing.T) {
	for _, tc := range []struct {
		name        string
		leftPending bool
	}{{"seen through by the cancel", false}, {"left journaled and seen through by the next manager", true}} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := testContext(t)
			node := startAnvil(t, 146, "--no-mining")
			j := store.NewMemory()
			stuck := strand(t, ctx, node, j)

			ev := newEvents()
			m := admin(t, node, j, ev)
			cancelCtx, stop := context.WithCancel(ctx)
			defer stop()
			done := make(chan outcome, 1)
			go func() {
				res, err := m.Cancel(cancelCtx, 0)
				done <- outcome{res, err}
			}()
			sent := ev.wait(t, txmgr.EventReplaced, 0)
			cancelTx := txByHash(t, node, sent.TxHash)
			if pool := node.Pool(t); len(pool) != 1 || pool[0].Hash != cancelTx.Hash() {
				t.Errorf("pool %+v, want the cancel in place of the stuck transaction", pool)
			}
			if to := cancelTx.To(); to == nil || *to != m.From() || cancelTx.Value().Sign() != 0 || len(cancelTx.Data()) != 0 || cancelTx.Nonce() != 0 {
				t.Fatalf("cancel %s: to %v value %s data %x nonce %d; want 0 wei to %s at nonce 0", cancelTx.Hash(), to, cancelTx.Value(),
					cancelTx.Data(), cancelTx.Nonce(), m.From())
			}
			if !atLeastRaised(stuck.GasTipCap(), cancelTx.GasTipCap(), 10) || !atLeastRaised(stuck.GasFeeCap(), cancelTx.GasFeeCap(), 10) {
				t.Errorf("cancel tip %s fee cap %s over the stuck %s %s: both must rise ≥10%%", cancelTx.GasTipCap(), cancelTx.GasFeeCap(),
					stuck.GasTipCap(), stuck.GasFeeCap())
			}
			if sent.Attempt != 2 {
				t.Errorf("cancel is attempt %d at the nonce, want 2 (after the stuck one)", sent.Attempt)
			}
			pending, err := j.JournalPending(ctx, 146)
			if err != nil || len(pending) != 1 || pending[0].TxHash != cancelTx.Hash() || len(pending[0].Updates) != 0 {
				t.Fatalf("journal while the cancel is in flight: %+v (err %v); want the cancel in place of the stuck one", pending, err)
			}
			if tc.leftPending {
				stop()
				if r := <-done; !errors.Is(r.err, context.Canceled) {
					t.Fatalf("stopped Cancel: err = %v, want context.Canceled", r.err)
				}
			}
			node.mine(t)
			if !tc.leftPending {
				r := <-done
				if r.err != nil {
					t.Fatalf("Cancel: %v (events %v)", r.err, ev.kinds())
				}
				if r.res.Tx.Hash() != cancelTx.Hash() || r.res.Receipt.Status != types.ReceiptStatusSuccessful {
					t.Errorf("Cancel mined %s (status %d), want the cancel %s", r.res.Tx.Hash(), r.res.Receipt.Status, cancelTx.Hash())
				}
			}
			if n, err := node.client.NonceAt(ctx, m.From(), nil); err != nil || n != 1 {
				t.Errorf("nonce %d (err %v) after the cancel was mined, want 1", n, err)
			}

			// A relayer starting afterwards.
			node.automine(t, true)
			next := newEvents()
			cfg := quick(preset(146))
			cfg.Confirmations = 0
			m2 := newManager(t, cfg, node, j, next)
			res, err := m2.Send(ctx, target, []byte("after the cancel"))
			if err != nil {
				t.Fatalf("Send after the cancel: %v (events %v)", err, next.kinds())
			}
			if res.Tx.Nonce() != 1 {
				t.Errorf("next transaction at nonce %d, want 1", res.Tx.Nonce())
			}
			if tc.leftPending {
				if c := next.wait(t, txmgr.EventConfirmed, 0); c.Nonce != 0 || c.TxHash != cancelTx.Hash() {
					t.Errorf("the next manager confirmed %s at nonce %d first, want the cancel %s at 0", c.TxHash, c.Nonce, cancelTx.Hash())
				}
			}
			next.mu.Lock()
			for _, e := range next.all {
				if e.TxHash == stuck.Hash() {
					t.Errorf("the next manager did something with the cancelled transaction: %v", e.Kind)
				}
			}
			next.mu.Unlock()
			if n := next.count(txmgr.EventSent); n != 1 {
				t.Errorf("the next manager sent %d transactions, want 1 (events %v)", n, next.kinds())
			}
			if _, err := node.client.TransactionReceipt(ctx, stuck.Hash()); err == nil {
				t.Errorf("the cancelled transaction %s was mined", stuck.Hash())
			}
			if n, err := node.client.PendingNonceAt(ctx, m2.From()); err != nil || n != 2 {
				t.Errorf("pending nonce %d (err %v), want 2: nothing left in the pool", n, err)
			}
			if left, err := j.JournalPending(ctx, 146); err != nil || len(left) != 0 {
				t.Errorf("journal holds %+v (err %v), want nothing", left, err)
			}
		})
	}
}

// TestReplaceResendsTheJournaledCall raises the fees of a stuck transaction and
// keeps its call: the same contract, data, value and topics land at its nonce.
func TestReplaceResendsTheJournaledCall(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146, "--no-mining")
	j := store.NewMemory()
	stuck := strand(t, ctx, node, j)

	ev := newEvents()
	m := admin(t, node, j, ev)
	done := make(chan outcome, 1)
	go func() {
		res, err := m.Replace(ctx, 0)
		done <- outcome{res, err}
	}()
	replacement := txByHash(t, node, ev.wait(t, txmgr.EventReplaced, 0).TxHash)
	node.mine(t)
	r := <-done
	if r.err != nil {
		t.Fatalf("Replace: %v (events %v)", r.err, ev.kinds())
	}
	if r.res.Tx.Hash() != replacement.Hash() || replacement.Nonce() != 0 || *replacement.To() != target ||
		string(replacement.Data()) != "stuck" || replacement.Gas() != stuck.Gas() {
		t.Errorf("mined %s: nonce %d to %s data %q gas %d; want the stuck call (gas %d) at nonce 0", r.res.Tx.Hash(),
			replacement.Nonce(), replacement.To(), replacement.Data(), replacement.Gas(), stuck.Gas())
	}
	if !atLeastRaised(stuck.GasFeeCap(), replacement.GasFeeCap(), 10) {
		t.Errorf("replacement fee cap %s, stuck %s: must rise ≥10%%", replacement.GasFeeCap(), stuck.GasFeeCap())
	}
}

// TestCancelRefusesANonceWithNothingToCancel checks the answers that sign nothing:
// a nonce already mined, one neither journaled nor in the pool, a journal entry of
// another key.
func TestCancelRefusesANonceWithNothingToCancel(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146)
	j := store.NewMemory()
	ev := newEvents()
	m := admin(t, node, j, ev)
	if _, err := m.Send(ctx, target, []byte("mined")); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Cancel(ctx, 0); !errors.Is(err, txmgr.ErrNonceMined) {
		t.Errorf("Cancel of a mined nonce: err = %v, want ErrNonceMined", err)
	}
	if _, err := m.Cancel(ctx, 1); !errors.Is(err, txmgr.ErrNothingPending) {
		t.Errorf("Cancel of a free nonce: err = %v, want ErrNothingPending", err)
	}
	if _, err := m.Replace(ctx, 1); !errors.Is(err, txmgr.ErrNothingPending) {
		t.Errorf("Replace of a nonce the journal does not hold: err = %v, want ErrNothingPending", err)
	}
	foreign, err := types.SignNewTx(devchain.DevKey(4), types.LatestSignerForChainID(big.NewInt(146)), &types.DynamicFeeTx{
		ChainID: big.NewInt(146), Nonce: 1, GasTipCap: gwei, GasFeeCap: gweis(10), Gas: 21000, To: &common.Address{1},
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := foreign.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := j.JournalPut(ctx, store.JournalEntry{ChainID: 146, Nonce: 1, TxHash: foreign.Hash(), RawTx: raw, Attempt: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Cancel(ctx, 1); !errors.Is(err, txmgr.ErrForeignEntry) {
		t.Errorf("Cancel of another key's entry: err = %v, want ErrForeignEntry", err)
	}
	if n := ev.count(txmgr.EventSent) + ev.count(txmgr.EventReplaced); n != 1 {
		t.Errorf("%d transactions sent, want only the first Send's", n)
	}
}
