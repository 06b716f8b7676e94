package gateway

import (
	"testing"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer"
)

// TestRelayerConfigFollowsEachChainsFinality checks the relayer is told each chain's
// finality: its preset's tag or depth, with the chain's confirmations as the depth, and
// the chain's own finality and confirmations over them.
func TestRelayerConfigFollowsEachChainsFinality(t *testing.T) {
	cfg := config.Config{Chains: []config.Chain{
		{Name: "bnb", ChainID: 56},
		{Name: "zk", ChainID: 324},
		{Name: "sonic", ChainID: 146, Finality: "safe", Confirmations: config.Uint(3)},
		{Name: "dev", ChainID: 31337},
	}}
	got := RelayerConfig(cfg).ChainFinality
	want := map[uint64]relayer.Finality{
		56:    {Tag: "finalized", Depth: 2},
		324:   {Depth: 1},
		146:   {Tag: "safe", Depth: 3},
		31337: {Depth: 0},
	}
	if len(got) != len(want) {
		t.Errorf("finality of %d chains, want %d: %+v", len(got), len(want), got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("chain %d: %+v, want %+v", id, got[id], w)
		}
	}
}
