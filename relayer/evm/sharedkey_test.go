package evm_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

// TestSubmitterAndMarketShareAKey sends oracle batches and market transactions from
// one key at once, the way the relayer runs when the round keeper is given the
// submitter's key: both go through the writer's transaction manager, so each takes the
// next nonce in turn and every one of them lands, with no nonce error.
func TestSubmitterAndMarketShareAKey(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	url, client, oracleAddr, signers := startChainAt(t, 56)
	ch := openChain(t, ctx, url, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr})
	key := devchain.DevKey(0)
	owner := crypto.PubkeyToAddress(key.PublicKey)
	w, err := ch.Writer(ctx, oracle.NewKeySigner(key))
	if err != nil {
		t.Fatal(err)
	}
	priceFeed, err := ch.DeployMockAggregator(ctx, oracle.NewKeySigner(devchain.DevKey(6)), evm.MockAggregatorParams{
		Decimals: 8, Description: "ETH / USD", InitialAnswer: big.NewInt(3000_00000000),
	})
	if err != nil {
		t.Fatal(err)
	}
	const each = 12
	params := make([]evm.MarketParams, each)
	for i := range params {
		params[i] = evm.MarketParams{
			Oracle: oracleAddr, TopicID: 1, PriceFeed: priceFeed,
			Interval: time.Hour, Buffer: 20 * time.Second, FeeBps: 300, MinBet: big.NewInt(1e15),
			MaxPriceAge: time.Hour, MaxPredictionAge: time.Hour, Owner: owner, Treasury: owner,
		}
	}
	marketAddrs, _, err := ch.DeployMarkets(ctx, oracle.NewKeySigner(devchain.DevKey(6)), params)
	if err != nil {
		t.Fatal(err)
	}
	markets := make([]*evm.Market, each)
	for i, a := range marketAddrs {
		// The keeper given the submitter's key: the chain hands it the writer's manager.
		markets[i], err = ch.Market(ctx, keeper.MarketInfo{Address: a}, oracle.NewKeySigner(key))
		if err != nil {
			t.Fatal(err)
		}
		if markets[i].From() != w.From() {
			t.Fatalf("market sends from %s, the writer from %s", markets[i].From(), w.From())
		}
	}
	if m, err := ch.Transactions(oracle.NewKeySigner(key)); err != nil || m != w.Transactions() {
		t.Fatalf("the chain's manager of the submitter's key is %p (%v), the writer's %p: want one manager per key", m, err, w.Transactions())
	}
	publishPrediction(t, ctx, w, signers, 99) // the markets' first rounds open with it
	start, err := client.NonceAt(ctx, owner, nil)
	if err != nil {
		t.Fatal(err)
	}

	var g errgroup.Group
	g.Go(func() error {
		for i := range each {
			u := []oracle.Update{{TopicID: 1, Value: big.NewInt(int64(3000+i) * 1e15), BlockHeight: uint64(100 + i), Timestamp: uint64(time.Now().Unix())}}
			sigs, err := oracle.SignBatch(ctx, w.Domain(), u, signers[:2])
			if err != nil {
				return err
			}
			res, err := w.Submit(ctx, u, sigs)
			if err != nil {
				t.Errorf("batch %d: %v", i, err)
				continue
			}
			if len(res.Applied) != 1 {
				t.Errorf("batch %d: %+v, want its update applied", i, res)
			}
		}
		return nil
	})
	g.Go(func() error {
		for i, m := range markets {
			if _, err := m.Execute(ctx, keeper.GenesisStart); err != nil {
				t.Errorf("market %d genesisStart: %v", i, err)
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	end, err := client.NonceAt(ctx, owner, nil)
	if err != nil {
		t.Fatal(err)
	}
	if end-start != 2*each {
		t.Errorf("the key's nonce went from %d to %d: %d transactions mined, want %d", start, end, end-start, 2*each)
	}
	for i, m := range markets {
		st, err := m.State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !st.GenesisStarted || st.Epoch != 1 {
			t.Errorf("market %d: %+v, want round 1 started", i, st)
		}
	}
	got, err := w.Latest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got.BlockHeight != 100+each-1 {
		t.Errorf("the oracle holds height %d, want the last batch's %d", got.BlockHeight, 100+each-1)
	}
}
