package predictionmarket_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/bindings/internal/marketsim"
	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
)

// Round statuses and AI calls as the contract numbers them.
const (
	statusLocked  = 2
	statusAIRight = 3
	statusAIWrong = 4

	callUp   = 1
	callDown = 2
)

func ether(n int64, hundredths int64) *big.Int {
	v := new(big.Int).Mul(big.NewInt(n*100+hundredths), marketsim.Ether)
	return v.Div(v, big.NewInt(100))
}

func newChain(t *testing.T) *marketsim.Chain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	c, err := marketsim.Deploy(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Backend.Close() })
	return c
}

func balance(t *testing.T, c *marketsim.Chain, opts *bind.TransactOpts) *big.Int {
	t.Helper()
	b, err := c.Client.BalanceAt(context.Background(), opts.From, nil)
	if err != nil {
		t.Fatalf("balance of %s: %v", opts.From, err)
	}
	return b
}

func gasCost(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}

// TestRoundsSettleOnTheAllorasCall runs the market as the keeper would: a prediction
// pushed to the AlloraOracle through a signed batch, genesis, then two executeRounds,
// with bets from two accounts in each round; the winners claim through the bindings.
func TestRoundsSettleOnTheAllorasCall(t *testing.T) {
	c := newChain(t)
	alice, bob := c.Bettors[0], c.Bettors[1]

	// Round 1 opens with the AI's prediction of $3010.
	if _, err := c.PublishPrediction(marketsim.OracleDollars(3010)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GenesisStart(); err != nil {
		t.Fatal(err)
	}
	r, err := c.Round(1)
	if err != nil {
		t.Fatal(err)
	}
	if r.AiPrediction.Cmp(marketsim.OracleDollars(3010)) != 0 || r.PredictionTimestamp.Sign() == 0 {
		t.Fatalf("round 1 opened with prediction %s at %s, want $3010 recorded before any bet", r.AiPrediction, r.PredictionTimestamp)
	}
	// Round 1: alice backs the AI with 1, bob bets against it with 3.
	if _, err := c.Bet(alice, 1, true, ether(1, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Bet(bob, 1, false, ether(3, 0)); err != nil {
		t.Fatal(err)
	}
	// Lock round 1 at $3000; the AI predicted $3010: UP. Round 2 opens predicting $3040.
	receipt, err := c.NextRound(marketsim.Dollars(3000), marketsim.OracleDollars(3040))
	if err != nil {
		t.Fatal(err)
	}
	var locked *predictionmarket.PredictionMarketRoundLocked
	for _, l := range receipt.Logs {
		if ev, err := c.Market.UnpackRoundLockedEvent(l); err == nil {
			locked = ev
		}
	}
	if locked == nil || locked.Epoch.Uint64() != 1 || locked.AiCall != callUp || locked.Status != statusLocked ||
		locked.LockPrice.Cmp(marketsim.Dollars(3000)) != 0 || locked.AiPrediction.Cmp(marketsim.OracleDollars(3010)) != 0 {
		t.Fatalf("RoundLocked event = %+v, want round 1 locked at $3000 with an UP call", locked)
	}

	// Round 2: alice bets against the AI with 1, bob backs it with 1.
	if _, err := c.Bet(alice, 2, false, ether(1, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Bet(bob, 2, true, ether(1, 0)); err != nil {
		t.Fatal(err)
	}
	// Close round 1 at $3050 (up: the AI was right); lock round 2 at $3050 with its
	// prediction of $3040: DOWN.
	if _, err := c.NextRound(marketsim.Dollars(3050), marketsim.OracleDollars(3070)); err != nil {
		t.Fatal(err)
	}
	// Close round 2 at $3060 (up: the AI was wrong).
	if _, err := c.NextRound(marketsim.Dollars(3060), marketsim.OracleDollars(3070)); err != nil {
		t.Fatal(err)
	}

	r1, err := c.Round(1)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Status != statusAIRight || r1.AiCall != callUp || r1.ClosePrice.Cmp(marketsim.Dollars(3050)) != 0 {
		t.Errorf("round 1 = %+v, want AIRight, UP call, closed at $3050", r1)
	}
	r2, err := c.Round(2)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Status != statusAIWrong || r2.AiCall != callDown || r2.LockPrice.Cmp(marketsim.Dollars(3050)) != 0 {
		t.Errorf("round 2 = %+v, want AIWrong, DOWN call, locked at $3050", r2)
	}

	// Alice won both: round 1's pool of 4 and round 2's pool of 2, each less 3%.
	want := new(big.Int).Add(ether(3, 88), ether(1, 94))
	before := balance(t, c, alice)
	claim, err := c.Claim(alice, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	got := new(big.Int).Sub(balance(t, c, alice), before)
	got.Add(got, gasCost(claim))
	if got.Cmp(want) != 0 {
		t.Errorf("alice received %s, want %s", got, want)
	}
	var claimed []uint64
	for _, l := range claim.Logs {
		if ev, err := c.Market.UnpackClaimedEvent(l); err == nil && ev.Account == alice.From {
			claimed = append(claimed, ev.Epoch.Uint64())
		}
	}
	if len(claimed) != 2 || claimed[0] != 1 || claimed[1] != 2 {
		t.Errorf("Claimed events for rounds %v, want [1 2]", claimed)
	}

	treasury, err := bind.Call(c.MarketContract(), nil, c.Market.PackTreasuryAmount(), c.Market.UnpackTreasuryAmount)
	if err != nil || treasury.Cmp(ether(0, 18)) != 0 {
		t.Errorf("treasuryAmount = %v, %v; want 0.18 ether", treasury, err)
	}

	// Bob lost both rounds: his claim is rejected with the market's own error.
	_, err = c.Claim(bob, 1)
	data, ok := ethclient.RevertErrorData(err)
	if !ok {
		t.Fatalf("bob's claim error carries no revert data: %v", err)
	}
	decoded, err := c.Market.UnpackError(data)
	if err != nil {
		t.Fatalf("revert data %x is no PredictionMarket error: %v", data, err)
	}
	if nc, ok := decoded.(*predictionmarket.PredictionMarketNotClaimable); !ok || nc.Epoch.Uint64() != 1 || nc.Account != bob.From {
		t.Errorf("bob's claim error = %#v, want NotClaimable(1, bob)", decoded)
	}
}
