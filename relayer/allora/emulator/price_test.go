package emulator_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// The price path starts at the configured price, moves at the topic's epochs within its
// volatility, and the network inference lies near where the path stood.
func TestPriceFollowsThePathTheInferencesPredict(t *testing.T) {
	emu, err := emulator.New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := emu.Price(99); ok {
		t.Error("Price of an unknown topic answered")
	}
	p, ok := emu.Price(13)
	if !ok || p != "3012.25" {
		t.Fatalf("Price(13) before any epoch = %q, %v; want the start price 3012.25", p, ok)
	}
	seen := map[string]bool{p: true}
	for range 30 {
		emu.Advance(1)
		p, _ = emu.Price(13)
		seen[p] = true
	}
	if len(seen) < 3 {
		t.Errorf("the path of topic 13 took %d values over 30 blocks (epochs of 7), want it to move each epoch", len(seen))
	}
	price := decimal.RequireFromString(p)
	inf, ok := emu.Latest(13)
	if !ok {
		t.Fatal("no inference after 30 blocks")
	}
	value := decimal.RequireFromString(inf.Value)
	// Default volatility 20 bps per epoch: the inference, made at most an epoch or two
	// earlier around the path, lies well within 1% of it.
	if value.Sub(price).Abs().GreaterThan(price.Div(decimal.NewFromInt(100))) {
		t.Errorf("inference %s is more than 1%% away from the path at %s", inf.Value, p)
	}
}
