package presets_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// TestChainPresets checks the embedded chain presets against the chain facts: every
// target chain and its testnet, with the fee mode and finality each is known for.
func TestChainPresets(t *testing.T) {
	want := []struct {
		name          string
		id            uint64
		feeMode       string
		confirmations uint64
		testnet       bool
		finality      presets.Finality
	}{
		{"bsc", 56, "legacy", 2, false, presets.FinalityFinalized},
		{"bsc-testnet", 97, "legacy", 2, true, presets.FinalityFinalized},
		{"zksync-era", 324, "eip1559", 1, false, presets.FinalityDepth},
		{"zksync-sepolia", 300, "eip1559", 1, true, presets.FinalityDepth},
		{"sonic", 146, "eip1559", 10, false, presets.FinalityFinalized},
		{"sonic-testnet", 14601, "eip1559", 10, true, presets.FinalityFinalized},
		{"local", 0, "eip1559", 0, true, presets.FinalityDepth},
	}
	chains := presets.Chains()
	if len(chains) != len(want) {
		t.Fatalf("%d chain presets, want %d: %v", len(chains), len(want), presets.ChainNames())
	}
	for i, w := range want {
		c := chains[i]
		if c.Name != w.name || c.ChainID != w.id || c.FeeMode != w.feeMode || c.Confirmations != w.confirmations || c.Testnet != w.testnet || c.Finality != w.finality {
			t.Errorf("preset %d = %s %d %s %d testnet=%v, want %+v", i, c.Name, c.ChainID, c.FeeMode, c.Confirmations, c.Testnet, w)
		}
		if c.Title == "" || c.BlockTime <= 0 || c.ResubmitAfter <= c.BlockTime || c.BumpPercent <= txmgr.MinBumpPercent ||
			c.FeeLimitMultiplier < 1 || c.MaxGasPriceGwei == "" || c.MaxBatchGas == 0 || c.GasLimitMultiplier < 1 ||
			c.ReceiptPoll <= 0 || c.ReceiptPoll > c.BlockTime/2 || c.MaxNonceResyncs < 1 ||
			c.MaxInFlight < 1 || c.MaxInFlight > txmgr.MaxInFlightLimit {
			t.Errorf("preset %s has an unset or unsafe field: %+v", c.Name, c)
		}
		if c.Name == presets.LocalName {
			if c.Explorer != "" {
				t.Errorf("preset %s has an explorer %q; a local chain has none", c.Name, c.Explorer)
			}
		} else if u, err := url.Parse(c.Explorer); err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("preset %s explorer %q: want an https URL", c.Name, c.Explorer)
		}
		id := w.id
		if id == 0 {
			id = 31337
		}
		cfg, err := c.TxConfig(id)
		if err != nil {
			t.Errorf("preset %s: %v", c.Name, err)
		} else if err := cfg.Validate(); err != nil {
			t.Errorf("preset %s: transaction settings: %v", c.Name, err)
		} else if cfg.ChainID != id || cfg.FeeMode.String() != w.feeMode || cfg.Confirmations != w.confirmations ||
			cfg.ResubmitAfter != c.ResubmitAfter || cfg.ReceiptPoll != c.ReceiptPoll || cfg.GasLimitMultiplier != c.GasLimitMultiplier {
			t.Errorf("preset %s: transaction settings %+v do not carry the preset's", c.Name, cfg)
		}
		got, ok := presets.LookupChain(w.name)
		if !ok || got.ChainID != w.id {
			t.Errorf("LookupChain(%q) = %d, %v", w.name, got.ChainID, ok)
		}
	}
	if _, ok := presets.LookupChain("ethereum"); ok {
		t.Error("LookupChain found a preset that does not exist")
	}
}

// TestForChainID checks a chain id finds its preset, mainnet or testnet, and any other
// id (a development chain's, or 0) the local preset, reported as not known.
func TestForChainID(t *testing.T) {
	for _, tc := range []struct {
		id    uint64
		name  string
		known bool
	}{
		{56, "bsc", true}, {97, "bsc-testnet", true}, {324, "zksync-era", true}, {300, "zksync-sepolia", true},
		{146, "sonic", true}, {14601, "sonic-testnet", true}, {31337, "local", false}, {1337, "local", false}, {0, "local", false},
	} {
		p, known := presets.ForChainID(tc.id)
		if p.Name != tc.name || known != tc.known {
			t.Errorf("ForChainID(%d) = %s, %v; want %s, %v", tc.id, p.Name, known, tc.name, tc.known)
		}
		if tc.id == 0 {
			continue
		}
		cfg, known := presets.TxConfigFor(tc.id)
		if known != tc.known || cfg.ChainID != tc.id || cfg.Confirmations != p.Confirmations {
			t.Errorf("TxConfigFor(%d) = chain %d, %d confirmations, known %v; want the %s preset's", tc.id, cfg.ChainID, cfg.Confirmations, known, p.Name)
		}
		if err := cfg.Validate(); err != nil {
			t.Errorf("TxConfigFor(%d): %v", tc.id, err)
		}
	}
}

// TestAlloraPresets checks mainnet reads emissions v9 and testnet v10, each from its
// own public endpoints.
func TestAlloraPresets(t *testing.T) {
	for _, w := range []struct{ name, chainID, version, host string }{
		{"allora-mainnet", "allora-mainnet-1", "v9", "allora-api.mainnet.allora.network"},
		{"allora-testnet", "allora-testnet-1", "v10", "allora-api.testnet.allora.network"},
	} {
		a, ok := presets.LookupAllora(w.name)
		if !ok {
			t.Fatalf("no Allora preset %q (have %v)", w.name, presets.AlloraNames())
		}
		u, err := url.Parse(a.Endpoint)
		if a.ChainID != w.chainID || a.EmissionsVersion != w.version || err != nil || u.Host != w.host {
			t.Errorf("%s = %+v", w.name, a)
		}
		if len(a.Endpoints) == 0 || a.Websocket == "" {
			t.Errorf("%s has no gRPC fallback or websocket: %+v", w.name, a)
		}
	}
}

// TestPresetsAreCopies checks a caller changing what it got leaves the presets alone.
func TestPresetsAreCopies(t *testing.T) {
	c, _ := presets.LookupChain("bsc")
	c.ChainID = 1
	c.PriceFeeds = map[string]string{"X": "y"}
	a, _ := presets.LookupAllora("allora-mainnet")
	a.Endpoints[0] = "changed"
	if again, _ := presets.LookupChain("bsc"); again.ChainID != 56 || len(again.PriceFeeds) != 0 {
		t.Errorf("bsc preset changed through a copy: %+v", again)
	}
	if again, _ := presets.LookupAllora("allora-mainnet"); again.Endpoints[0] == "changed" {
		t.Error("allora-mainnet preset changed through a copy")
	}
}

// TestParseChainsFinality checks that a preset names how its chain finalises, one of
// the known ways, and that the block tags are told apart from a depth.
func TestParseChainsFinality(t *testing.T) {
	for _, tc := range []struct {
		yaml    string
		want    presets.Finality
		wantErr string
	}{
		{yaml: "- {name: a, finality: finalized}", want: presets.FinalityFinalized},
		{yaml: "- {name: a, finality: safe}", want: presets.FinalitySafe},
		{yaml: "- {name: a, finality: depth}", want: presets.FinalityDepth},
		{yaml: "- {name: a}", wantErr: `preset a: finality "": want finalized, safe or depth`},
		{yaml: "- {name: a, finality: latest}", wantErr: `preset a: finality "latest": want finalized, safe or depth`},
		{yaml: "- {name: a, finality: depth, finalty: safe}", wantErr: "field finalty not found"},
	} {
		chains, err := presets.ParseChains([]byte(tc.yaml))
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err %v, want %q", tc.yaml, err, tc.wantErr)
			}
			continue
		}
		if err != nil || len(chains) != 1 || chains[0].Finality != tc.want {
			t.Errorf("%s: %+v, %v; want finality %s", tc.yaml, chains, err, tc.want)
		}
	}
	for f, want := range map[presets.Finality]string{presets.FinalityFinalized: "finalized", presets.FinalitySafe: "safe", presets.FinalityDepth: ""} {
		tag, ok := f.Tag()
		if ok != (want != "") || tag != want {
			t.Errorf("%s.Tag() = %q, %v; want %q", f, tag, ok, want)
		}
	}
}
