package config

import (
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// TestPresetFillsTheChain checks a chain that names its preset gets the preset's chain
// id and transaction settings, its own keys over them, and the environment over both.
func TestPresetFillsTheChain(t *testing.T) {
	path := writeConfig(t, `
allora: {preset: allora-testnet}
topics: [1]
chains:
  - {name: bnb, preset: bsc, rpc: "https://bsc.example", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
  - {name: local-sonic, preset: sonic, rpc: "http://127.0.0.1:8545", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
     confirmations: 0, block_time: 250ms, max_gas_price_gwei: "2.5", max_in_flight: 2, finality: safe}
  - {name: zk, preset: zksync-era, rpc: "http://127.0.0.1:8546", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
signers:
  submitter: {keystore: /keys/submitter.json, passphrase_file: /keys/submitter.pass}
  oracle: [{keystore: /keys/oracle-0.json, passphrase_env: P}]
`)
	c, err := Load(path, env(map[string]string{"ALLORA_GATEWAY_CHAINS_ZK_CONFIRMATIONS": "3", "ALLORA_GATEWAY_CHAINS_ZK_FINALITY": "finalized"}))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if c.Allora.EmissionsVersion != "v10" || c.Allora.Endpoint.Reveal() != "https://allora-api.testnet.allora.network" ||
		len(c.Allora.Endpoints) != 1 || !strings.Contains(c.Allora.Websocket.Reveal(), "allora-rpc.testnet") {
		t.Errorf("allora from the testnet preset = %#v (%s %v)", c.Allora, c.Allora.Endpoint.Reveal(), c.Allora.Endpoints)
	}

	bnb, err := c.Chains[0].TxConfig()
	if err != nil {
		t.Fatal(err)
	}
	gwei10 := big.NewInt(10_000_000_000)
	if c.Chains[0].ChainID != 56 || bnb.ChainID != 56 || bnb.FeeMode != txmgr.Legacy || bnb.Confirmations != 2 ||
		bnb.MaxGasPrice.Cmp(gwei10) != 0 || c.Chains[0].MaxBatchGas != 3_000_000 || c.Chains[0].Explorer != "https://bscscan.com" ||
		bnb.MaxInFlight != 4 {
		t.Errorf("bnb from preset bsc: chain %+v, tx %+v", c.Chains[0], bnb)
	}
	if err := bnb.Validate(); err != nil {
		t.Errorf("bnb's transaction settings do not validate: %v", err)
	}

	sonic, err := c.Chains[1].TxConfig()
	if err != nil {
		t.Fatal(err)
	}
	if sonic.ChainID != 146 || sonic.FeeMode != txmgr.EIP1559 || sonic.Confirmations != 0 ||
		sonic.MaxGasPrice.String() != "2500000000" || sonic.ReceiptPoll > 250*time.Millisecond/4+time.Millisecond ||
		sonic.MaxInFlight != 2 {
		t.Errorf("sonic with confirmations 0, block time 250ms, a 2.5 gwei cap and 2 in flight: %+v", sonic)
	}
	zk, err := c.Chains[2].TxConfig()
	if err != nil {
		t.Fatal(err)
	}
	if zk.Confirmations != 3 || zk.GasLimitMultiplier != 1.3 {
		t.Errorf("zk with ALLORA_GATEWAY_CHAINS_ZK_CONFIRMATIONS=3: %+v", zk)
	}

	// Finality: bnb's from its preset, local-sonic's own, zk's from the environment.
	if f := [3]presets.Finality{c.Chains[0].EffectiveFinality(), c.Chains[1].EffectiveFinality(), c.Chains[2].EffectiveFinality()}; f != [3]presets.Finality{presets.FinalityFinalized, presets.FinalitySafe, presets.FinalityFinalized} {
		t.Errorf("finality of bnb, local-sonic (safe), zk (ALLORA_GATEWAY_CHAINS_ZK_FINALITY=finalized) = %v", f)
	}
	if f := (Chain{ChainID: 324}).EffectiveFinality(); f != presets.FinalityDepth {
		t.Errorf("finality of chain 324 without a preset or its own = %s, want the zksync-era preset's depth", f)
	}

	// config print shows the merged values, an explicit 0 included.
	out, err := c.Redacted()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"preset: bsc", "chain_id: 56", "fee_mode: legacy", "confirmations: 2", "confirmations: 0",
		"max_batch_gas: 3000000", "block_time: 250ms", "emissions_version: v10", "finality: finalized", "finality: safe"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("config print lacks %q:\n%s", want, out)
		}
	}
}

// TestNamingThePresetOrTheChainIDIsTheSame checks a chain that names its preset and a
// chain that gives only the preset's chain id are sent with the same settings, both
// from deploy/presets, the one source of them.
func TestNamingThePresetOrTheChainIDIsTheSame(t *testing.T) {
	for _, p := range presets.Chains() {
		if p.ChainID == 0 {
			continue
		}
		named, err := Chain{Name: "c", Preset: p.Name, ChainID: p.ChainID}.TxConfig()
		if err != nil {
			t.Fatal(err)
		}
		byID, err := Chain{Name: "c", ChainID: p.ChainID}.TxConfig()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(named, byID) {
			t.Errorf("preset %s: named %+v, by chain id %+v", p.Name, named, byID)
		}
		if named.FeeMode.String() != p.FeeMode || named.Confirmations != p.Confirmations || named.ResubmitAfter != p.ResubmitAfter ||
			named.BumpPercent != p.BumpPercent || named.FeeLimitMultiplier != p.FeeLimitMultiplier || named.GasLimitMultiplier != p.GasLimitMultiplier {
			t.Errorf("preset %s: %+v does not carry the preset %+v", p.Name, named, p)
		}
	}
}

// reported at once.
func TestValidatePresetsAndMarkets(t *testing.T) {
	c, err := Load("testdata/broken-presets.yaml", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Validate()
	if err == nil {
		t.Fatal("Validate passed broken presets and markets")
	}
	want := []string{
		`allora.preset "allora-devnet": unknown; known presets are allora-mainnet, allora-testnet`,
		`chains[0] (bnb): chain_id must be set`,
		`chains[0] (bnb): preset "bnb-mainnet": unknown; known presets are bsc, bsc-testnet, zksync-era, zksync-sepolia, sonic, sonic-testnet`,
		`chains[1] (sonic): chain_id 56 contradicts preset sonic, which is chain 146 (Sonic)`,
		`chains[1] (sonic): fee_mode "dynamic": want legacy or eip1559`,
		`chains[1] (sonic): max_gas_price_gwei: "-3" gwei: must be more than 0`,
		`chains[1] (sonic).markets[0] (ETH 5m): topic 2 is not among topics`,
		`chains[1] (sonic).markets[0] (ETH 5m): price_feed "ETH/USD": preset sonic lists no price feeds; give the feed's 0x address`,
		`chains[1] (sonic).markets[0] (ETH 5m): interval 30s: want whole seconds from 1m to 168h`,
		`chains[1] (sonic).markets[0] (ETH 5m): buffer 45s: want whole seconds, at least 5s and shorter than the interval`,
		`chains[1] (sonic).markets[0] (ETH 5m): fee_bps 2000: at most 1000 (10%)`,
		`chains[1] (sonic).markets[0] (ETH 5m): stake_token "0x12": not an address`,
		`chains[1] (sonic).markets[1] (ETH 5m): name duplicates markets[0]`,
		`chains[1] (sonic).markets[1] (ETH 5m): min_bet must be set`,
		`chains[1] (sonic).markets[1] (ETH 5m): max_price_age 1000h0m0s: want whole seconds, more than 0 and at most 168h`,
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q", w)
		}
	}
	if lines := strings.Split(err.Error(), "\n"); len(lines) != len(want) {
		t.Errorf("Validate reports %d problems, want %d:\n%v", len(lines), len(want), err)
	}
}

func TestTokenAmounts(t *testing.T) {
	for _, tt := range []struct {
		in       string
		decimals uint8
		want     string
		err      string
	}{
		{"0.01", 18, "10000000000000000", ""},
		{"1", 6, "1000000", ""},
		{" 2.5 ", 6, "2500000", ""},
		{"0.0000001", 6, "", "more than 6 decimals"},
		{"0", 18, "", "must be more than 0"},
		{"-1", 18, "", "must be more than 0"},
		{"1e3", 0, "1000", ""},
		{"one", 18, "", "not a decimal amount"},
	} {
		got, err := TokenAmount(tt.in, tt.decimals)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("TokenAmount(%q, %d) error = %v, want %q", tt.in, tt.decimals, err, tt.err)
		case tt.err == "" && (err != nil || got.String() != tt.want):
			t.Errorf("TokenAmount(%q, %d) = %v, %v; want %s", tt.in, tt.decimals, got, err, tt.want)
		}
	}
}

// TestNoPresetKeepsTheBuiltInSettings checks a chain that names no preset and
// overrides nothing is sent with exactly the settings of its chain id's preset, the
// local one for a development chain's id.
func TestNoPresetKeepsTheBuiltInSettings(t *testing.T) {
	for _, id := range []uint64{56, 146, 324, 31337} {
		got, err := Chain{Name: "c", ChainID: id}.TxConfig()
		if err != nil {
			t.Fatal(err)
		}
		want, _ := presets.TxConfigFor(id)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("chain %d without a preset: %+v, want the built-in %+v", id, got, want)
		}
	}
}

// TestMinBalance checks a chain's min_balance: the preset's by default, the chain's own
// or the environment's over it, "0" for no warning, and an amount that is not exact
// wei refused by Validate rather than rounded.
func TestMinBalance(t *testing.T) {
	path := writeConfig(t, `
allora: {preset: allora-testnet}
topics: [1]
chains:
  - {name: bnb, preset: bsc, rpc: "https://bsc.example", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
  - {name: sonic, preset: sonic, rpc: "http://127.0.0.1:8545", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3", min_balance: "12.5"}
  - {name: zk, preset: zksync-era, rpc: "http://127.0.0.1:8546", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
  - {name: dev, chain_id: 31337, rpc: "http://127.0.0.1:8547", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
signers:
  submitter: {keystore: /keys/submitter.json, passphrase_file: /keys/submitter.pass}
  oracle: [{keystore: /keys/oracle-0.json, passphrase_env: P}]
`)
	c, err := Load(path, env(map[string]string{"ALLORA_GATEWAY_CHAINS_ZK_MIN_BALANCE": "0"}))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	p, _ := presets.LookupChain("bsc")
	wantBSC, err := EtherToWei(p.MinBalance)
	if err != nil || wantBSC.Sign() <= 0 {
		t.Fatalf("preset bsc's min_balance %q: %v", p.MinBalance, err)
	}
	for i, want := range []*big.Int{wantBSC, big.NewInt(0).Mul(big.NewInt(125), big.NewInt(1e17)), nil, nil} {
		if got := c.Chains[i].MinBalanceWei(); (got == nil) != (want == nil) || (got != nil && got.Cmp(want) != 0) {
			t.Errorf("chain %s: min balance %v wei, want %v", c.Chains[i].Name, got, want)
		}
	}
	for _, bad := range []string{"-1", "0.0000000000000000001", "lots", "1e400x"} {
		c.Chains[1].MinBalance = bad
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "min_balance") {
			t.Errorf("min_balance %q: Validate = %v, want an error naming min_balance", bad, err)
		}
	}
	// Every preset gives one.
	for _, name := range []string{"bsc", "bsc-testnet", "zksync-era", "zksync-sepolia", "sonic", "sonic-testnet"} {
		p, ok := presets.LookupChain(name)
		if !ok {
			t.Fatalf("no preset %s", name)
		}
		if wei, err := EtherToWei(p.MinBalance); err != nil || wei.Sign() <= 0 {
			t.Errorf("preset %s: min_balance %q (%v), want a positive amount", name, p.MinBalance, err)
		}
	}
}
