package txmgr_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// nonceOrder is the nonces of the events of kind, in the order they happened.
func (e *events) nonceOrder(kind txmgr.EventKind) []uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []uint64
	for _, ev := range e.all {
		if ev.Kind == kind {
			out = append(out, ev.Nonce)
		}
	}
	return out
}

// index is the position of the first event of kind among all events, or -1; with a
// nonce, of the first at that nonce.
func (e *events) index(kind txmgr.EventKind, nonce ...uint64) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.IndexFunc(e.all, func(ev txmgr.Event) bool {
		return ev.Kind == kind && (len(nonce) == 0 || ev.Nonce == nonce[0])
	})
}

func TestSendsKeepAWindowOfNoncesInFlight(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146, "--no-mining")
	cfg := quick(preset(146))
	cfg.Confirmations = 1
	cfg.MaxInFlight = 3
	j := store.NewMemory()
	ev := newEvents()
	m := newManager(t, cfg, node, j, ev)

	var done []<-chan sent
	for _, data := range []string{"a", "b", "c"} {
		done = append(done, sendAsync(ctx, m, []byte(data)))
	}
	ev.wait(t, txmgr.EventSent, 2)
	// Three sent before any block: none waited for another's receipt.
	if got := ev.nonceOrder(txmgr.EventSent); !slices.Equal(sortedCopy(got), []uint64{0, 1, 2}) {
		t.Fatalf("sent at nonces %v, want 0, 1 and 2", got)
	}
	if pending, err := j.JournalPending(ctx, 146); err != nil || len(pending) != 3 {
		t.Fatalf("journal holds %d entries (err %v), want the three in flight", len(pending), err)
	}
	// A fourth waits for a place in the window: it is sent only once one of the three
	// is confirmed (mined, and one block on top).
	done = append(done, sendAsync(ctx, m, []byte("d")))
	node.mine(t)
	node.mine(t)
	ev.wait(t, txmgr.EventSent, 3)
	if sent, confirmed := ev.index(txmgr.EventSent, 3), ev.index(txmgr.EventConfirmed); confirmed < 0 || sent < confirmed {
		t.Errorf("nonce 3 sent at event %d, before any was confirmed (event %d): the window did not hold it back (events %v)",
			sent, confirmed, ev.kinds())
	}
	node.automine(t, true)
	node.mine(t)
	var nonces []uint64
	for _, d := range done {
		r := <-d
		if r.err != nil || r.res.Receipt.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("Send: %v (events %v)", r.err, ev.kinds())
		}
		nonces = append(nonces, r.res.Tx.Nonce())
	}
	if !slices.Equal(sortedCopy(nonces), []uint64{0, 1, 2, 3}) {
		t.Errorf("mined at nonces %v, want 0 to 3 once each", nonces)
	}
	if left, err := j.JournalPending(ctx, 146); err != nil || len(left) != 0 {
		t.Errorf("journal holds %d entries (err %v) after every Send returned", len(left), err)
	}
}

// A manager stopped with three transactions in flight leaves them journaled; the next
// one sees all three through before taking the next nonce, and sends none twice.
func TestRestartWithThreeInFlightLeavesNoGap(t *testing.T) {
	ctx := testContext(t)
	node := startAnvil(t, 146, "--no-mining")
	cfg := quick(preset(146))
	cfg.Confirmations = 0
	cfg.MaxInFlight = 3
	j := store.NewMemory()

	ev1 := newEvents()
	m1 := newManager(t, cfg, node, j, ev1)
	sendCtx, stop := context.WithCancel(ctx)
	var done []<-chan sent
	for _, data := range []string{"a", "b", "c"} {
		done = append(done, sendAsync(sendCtx, m1, []byte(data)))
	}
	ev1.wait(t, txmgr.EventSent, 2)
	stop()
	for _, d := range done {
		if r := <-d; !errors.Is(r.err, context.Canceled) {
			t.Fatalf("stopped Send: err = %v, want context.Canceled", r.err)
		}
	}
	journaled, err := j.JournalPending(ctx, 146)
	if err != nil || len(journaled) != 3 {
		t.Fatalf("journal after the stop holds %d entries (err %v), want 3", len(journaled), err)
	}

	node.automine(t, true)
	ev2 := newEvents()
	m2 := newManager(t, cfg, node, j, ev2)
	res, err := m2.Send(ctx, target, []byte("after restart"))
	if err != nil {
		t.Fatalf("Send after restart: %v (events %v)", err, ev2.kinds())
	}
	if res.Tx.Nonce() != 3 {
		t.Errorf("new transaction at nonce %d, want 3", res.Tx.Nonce())
	}
	for _, e := range journaled {
		if r, err := node.client.TransactionReceipt(ctx, e.TxHash); err != nil || r.Status != types.ReceiptStatusSuccessful {
			t.Errorf("journaled nonce %d (%s) not mined: %v", e.Nonce, e.TxHash, err)
		}
	}
	if n := ev2.count(txmgr.EventSent); n != 1 {
		t.Errorf("%d new transactions signed after the restart, want 1: the journaled ones are rebroadcast as they were (events %v)", n, ev2.kinds())
	}
	if n, err := node.client.PendingNonceAt(ctx, m2.From()); err != nil || n != 4 {
		t.Errorf("pending nonce %d (err %v), want 4: nothing left in the pool", n, err)
	}
	if left, err := j.JournalPending(ctx, 146); err != nil || len(left) != 0 {
		t.Errorf("journal holds %d entries (err %v) after all were mined", len(left), err)
	}
}

func sortedCopy(s []uint64) []uint64 {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
