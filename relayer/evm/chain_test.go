package evm_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// openChain opens the chain at url through its one owner, with the chain id's preset,
// and closes it when the test ends.
func openChain(t *testing.T, ctx context.Context, url string, info oracle.Chain) *evm.Chain {
	t.Helper()
	txc, _ := presets.TxConfigFor(info.ID)
	txc.ReceiptPoll = 20 * time.Millisecond
	ch, err := evm.OpenChain(ctx, evm.ChainConfig{Chain: info, Endpoints: []rpcpool.Endpoint{{Name: "rpc-0", URL: url}}, Tx: txc})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Close)
	return ch
}

// TestChainOwnsOneManagerPerKey asks a chain twice for one key's manager and once for
// another key's: the same key gets the same manager, the other a manager of its own,
// and everything the chain hands out for the key sends through it.
func TestChainOwnsOneManagerPerKey(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url, _, addr, _ := startChainAt(t, 146)
	ch := openChain(t, ctx, url, oracle.Chain{ID: 146, Name: "sonic", Oracle: addr})

	first, err := ch.Transactions(oracle.NewKeySigner(devchain.DevKey(0)))
	if err != nil {
		t.Fatal(err)
	}
	again, err := ch.Transactions(oracle.NewKeySigner(devchain.DevKey(0)), txmgr.WithEvents(func(txmgr.Event) {}))
	if err != nil {
		t.Fatal(err)
	}
	other, err := ch.Transactions(oracle.NewKeySigner(devchain.DevKey(4)))
	if err != nil {
		t.Fatal(err)
	}
	if first != again {
		t.Errorf("the same key got managers %p and %p, want one", first, again)
	}
	if other == first || other.From() == first.From() {
		t.Errorf("another key got the first key's manager (%s)", other.From())
	}
	w, err := ch.Writer(ctx, oracle.NewKeySigner(devchain.DevKey(0)))
	if err != nil {
		t.Fatal(err)
	}
	if w.Transactions() != first {
		t.Errorf("the writer sends through %p, want the key's manager %p", w.Transactions(), first)
	}
	head, err := ch.Head(ctx)
	if err != nil || head.Number == 0 {
		t.Errorf("head = %+v, %v; want a block above genesis (the oracle's deployment)", head, err)
	}
	wallet, err := ch.Wallet(ctx, w.From())
	if err != nil || wallet.Balance.Sign() <= 0 || wallet.Nonce == 0 {
		t.Errorf("wallet of the deployer = %+v, %v; want a balance and a nonce", wallet, err)
	}
	if _, err := ch.Transactions(nil); err == nil {
		t.Error("a manager for no key: want an error")
	}
}

// TestOpenChainRefusesAnotherChain opens an endpoint of chain 146 as chain 56, and
// transaction settings of another chain: both fail before anything is sent, and the
// health checks of an opened chain stop with Close.
func TestOpenChainRefusesAnotherChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url, _, addr, _ := startChainAt(t, 146)
	running := goleak.IgnoreCurrent() // the chain itself, which the test's cleanup stops
	endpoints := []rpcpool.Endpoint{{Name: "rpc-0", URL: url}}
	txc, _ := presets.TxConfigFor(56)
	if _, err := evm.OpenChain(ctx, evm.ChainConfig{Chain: oracle.Chain{ID: 56, Name: "bnb"}, Endpoints: endpoints, Tx: txc}); !errors.Is(err, rpcpool.ErrWrongChain) {
		t.Errorf("chain 56 over chain 146's endpoint: err = %v, want rpcpool.ErrWrongChain", err)
	}
	if _, err := evm.OpenChain(ctx, evm.ChainConfig{Chain: oracle.Chain{ID: 146, Name: "sonic"}, Endpoints: endpoints, Tx: txc}); !errors.Is(err, evm.ErrWrongChain) {
		t.Errorf("chain 56's transaction settings on 146: err = %v, want evm.ErrWrongChain", err)
	}
	txc, _ = presets.TxConfigFor(146)
	ch, err := evm.OpenChain(ctx, evm.ChainConfig{Chain: oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}, Endpoints: endpoints, Tx: txc})
	if err != nil {
		t.Fatal(err)
	}
	ch.Close()
	goleak.VerifyNone(t, running)
}

// TestChainWriterReadsAnvilsFinalizedBlock reads the finalized and safe blocks of
// anvil (one slot an epoch: finalized two blocks under the head, safe one) through the
// chain's endpoint pool, as the relayer follows a chain whose preset says finalized.
func TestChainWriterReadsAnvilsFinalizedBlock(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	node := anviltest.Start(t, 56, "--slots-in-an-epoch", "1")
	for range 6 {
		node.Mine(t)
	}
	ch := openChain(t, ctx, node.URL, oracle.Chain{ID: 56, Name: "bnb"})
	w, err := ch.Writer(ctx, oracle.NewKeySigner(devchain.DevKey(0)))
	if err != nil {
		t.Fatal(err)
	}
	head, err := w.Head(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for tag, under := range map[string]uint64{"finalized": 2, "safe": 1} {
		b, err := w.TaggedHead(ctx, tag)
		if err != nil || b.Number+under != head.Number {
			t.Errorf("%s: block %d, %v; want head %d − %d", tag, b.Number, err, head.Number, under)
		}
	}
}
