package evm_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/bindings/allorafeed"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

func TestDeployFeedsMarketAndDriveTheMarket(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, oracleAddr, signers := startChain(t, 56)
	deployer := devchain.DevKey(0)
	owner := crypto.PubkeyToAddress(deployer.PublicKey)

	feeds, _, err := evm.DeployFeeds(ctx, client, deployer, []evm.FeedParams{
		{Oracle: oracleAddr, TopicID: 1, Description: "ETH 5min Price Prediction"},
		{Oracle: oracleAddr, TopicID: 2, Description: "BTC 5min Price Prediction"},
	})
	if err != nil {
		t.Fatalf("deploy feeds: %v", err)
	}
	feedContract := allorafeed.NewAlloraFeed()
	for i, want := range []string{"ETH 5min Price Prediction", "BTC 5min Price Prediction"} {
		instance := feedContract.Instance(client, feeds[i])
		desc, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, feedContract.PackDescription(), feedContract.UnpackDescription)
		if err != nil || desc != want {
			t.Errorf("feed %d description = %q, %v; want %q", i, desc, err, want)
		}
		// Before the topic's first update the feed reverts with the oracle's error, named.
		_, err = evm.LatestRoundData(ctx, client, feeds[i])
		var revert *evm.RevertError
		if !errors.As(err, &revert) || revert.Name != "NoData" {
			t.Errorf("feed %d latestRoundData before any update: err = %v, want the oracle's NoData", i, err)
		}
	}

	priceFeed, err := evm.DeployMockAggregator(ctx, client, deployer, evm.MockAggregatorParams{
		Decimals: 8, Description: "ETH / USD", InitialAnswer: big.NewInt(3000_00000000),
	})
	if err != nil {
		t.Fatalf("deploy mock aggregator: %v", err)
	}
	params := evm.MarketParams{
		Oracle: oracleAddr, TopicID: 1, PriceFeed: priceFeed,
		Interval: 60 * time.Second, Buffer: 20 * time.Second, FeeBps: 300, MinBet: big.NewInt(1e15),
		MaxPriceAge: time.Minute, MaxPredictionAge: time.Hour, Owner: owner, Treasury: owner,
	}
	bad := params
	bad.Interval = 30 * time.Second
	if _, err := evm.DeployMarket(ctx, client, deployer, bad); err == nil || !strings.Contains(err.Error(), "InvalidInterval") {
		t.Errorf("market with a 30 s interval: err = %v, want the contract's InvalidInterval", err)
	}
	bad = params
	bad.Buffer = 1500 * time.Millisecond
	if _, err := evm.DeployMarket(ctx, client, deployer, bad); !errors.Is(err, evm.ErrBadParams) {
		t.Errorf("market with a 1.5 s buffer: err = %v, want ErrBadParams", err)
	}
	marketAddr, err := evm.DeployMarket(ctx, client, deployer, params)
	if err != nil {
		t.Fatalf("deploy market: %v", err)
	}

	info := keeper.MarketInfo{ChainID: 56, ChainName: "bnb", Address: marketAddr, Name: "ETH 5m"}
	if _, err := evm.NewMarket(ctx, keeper.MarketInfo{ChainID: 146, Address: marketAddr}, client, deployer); !errors.Is(err, evm.ErrWrongChain) {
		t.Errorf("NewMarket for chain 146 on a 56 endpoint: err = %v, want ErrWrongChain", err)
	}
	m, err := evm.NewMarket(ctx, info, client, devchain.DevKey(4))
	if err != nil {
		t.Fatal(err)
	}
	if m.PriceDecimals() != 8 {
		t.Errorf("price decimals %d, want 8", m.PriceDecimals())
	}
	s, err := m.State(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.GenesisStarted || s.Epoch != 0 || s.Paused || s.BlockTime == 0 {
		t.Fatalf("fresh market state %+v, want not started", s)
	}
	// The first round opens once the oracle holds a prediction of the market's topic.
	if _, err := m.Execute(ctx, keeper.GenesisStart); !errors.Is(err, keeper.ErrRefused) || !strings.Contains(err.Error(), "NoPrediction") {
		t.Errorf("genesisStart before any prediction: err = %v, want refused with NoPrediction", err)
	}
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}, client, devchain.DevKey(5))
	if err != nil {
		t.Fatal(err)
	}
	publishPrediction(t, ctx, w, signers, 1)
	exec, err := m.Execute(ctx, keeper.GenesisStart)
	if err != nil {
		t.Fatalf("genesisStart: %v", err)
	}
	if exec.Started != 1 || exec.GasUsed == 0 || exec.Step != keeper.GenesisStart {
		t.Errorf("genesisStart execution %+v, want round 1 started", exec)
	}
	s, err = m.State(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !s.GenesisStarted || s.GenesisLocked || s.Epoch != 1 || s.LockTimestamp <= s.BlockTime || s.BufferSeconds != 20 {
		t.Fatalf("state after genesisStart %+v, want round 1 open until its lock, buffer 20", s)
	}
	// Locking before the lock time is refused at estimation with the contract's error.
	_, err = m.Execute(ctx, keeper.GenesisLock)
	var revert *evm.RevertError
	if !errors.As(err, &revert) || revert.Name != "RoundNotDue" {
		t.Errorf("early genesisLock: err = %v, want RoundNotDue", err)
	}
	if _, err := m.Bet(ctx, 1, true, big.NewInt(1e15)); err != nil {
		t.Errorf("bet with the AI in round 1: %v", err)
	}
	r, err := m.Round(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.WithAIAmount.Cmp(big.NewInt(1e15)) != 0 || keeper.Status(r.Status) != keeper.StatusOpen {
		t.Errorf("round 1 = %+v, want open with the bet", r)
	}

	feed, err := evm.NewMockFeed(ctx, client, priceFeed, devchain.DevKey(5))
	if err != nil {
		t.Fatal(err)
	}
	before, err := evm.LatestRoundData(ctx, client, priceFeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := feed.SetAnswer(ctx, big.NewInt(3012_50000000)); err != nil {
		t.Fatalf("setAnswer: %v", err)
	}
	after, err := evm.LatestRoundData(ctx, client, priceFeed)
	if err != nil {
		t.Fatal(err)
	}
	if after.Answer.Cmp(big.NewInt(3012_50000000)) != 0 || after.RoundID.Cmp(before.RoundID) <= 0 {
		t.Errorf("feed after setAnswer: round %s answer %s; before round %s", after.RoundID, after.Answer, before.RoundID)
	}
}

// publishPrediction submits one prediction of topic 1 at Allora height, stamped with the
// chain's time and signed by the oracle's threshold of signers, through w.
func publishPrediction(t *testing.T, ctx context.Context, w *evm.Writer, signers []oracle.Signer, height uint64) {
	t.Helper()
	head, err := w.Backend().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	u := []oracle.Update{{TopicID: 1, Value: new(big.Int).Mul(big.NewInt(3010), big.NewInt(1e18)), BlockHeight: height, Timestamp: head.Time}}
	sigs, err := oracle.SignBatch(ctx, w.Domain(), u, signers[:2])
	if err != nil {
		t.Fatal(err)
	}
	if res, err := w.Submit(ctx, u, sigs); err != nil || len(res.Applied) != 1 {
		t.Fatalf("publish a prediction: %+v, %v", res, err)
	}
}
