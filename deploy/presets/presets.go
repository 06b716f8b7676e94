// Package presets holds the network presets as data: chains.yaml for the EVM chains
// the gateway pushes to (BNB Smart Chain, ZKsync Era and Sonic, mainnets and testnets)
// and allora.yaml for the Allora networks it reads. The files are embedded in the
// binary, so `allora-gateway config presets` lists them and a config may say
// `preset: bsc` without shipping anything beside the binary; adding a chain is adding
// an entry to chains.yaml.
package presets

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

//go:embed chains.yaml
var chainsYAML []byte

//go:embed allora.yaml
var alloraYAML []byte

// Chain is an EVM chain's preset: what its transactions need and what it offers.
type Chain struct {
	// Name is what a config's chain says as `preset:`, such as bsc.
	Name string `yaml:"name"`
	// Title is the chain's own name, for people.
	Title   string `yaml:"title"`
	ChainID uint64 `yaml:"chain_id"`
	Testnet bool   `yaml:"testnet"`
	// FeeMode is legacy or eip1559.
	FeeMode string `yaml:"fee_mode"`
	// Confirmations is how many blocks must follow a transaction's before it counts.
	Confirmations uint64 `yaml:"confirmations"`
	// Finality is how the chain finalises a block, which decides when a push counts as
	// final (beside included): the finalized or safe block tag the chain's nodes
	// serve, or depth, Confirmations blocks under the head.
	Finality Finality `yaml:"finality"`
	// BlockTime is the chain's usual time between blocks.
	BlockTime time.Duration `yaml:"block_time"`
	// ResubmitAfter is how long a transaction may stay unmined before it is replaced.
	ResubmitAfter time.Duration `yaml:"resubmit_after"`
	// BumpPercent raises both fee fields of a replacement.
	BumpPercent int `yaml:"bump_percent"`
	// FeeLimitMultiplier caps every fee at this multiple of the nonce's first quote.
	FeeLimitMultiplier int64 `yaml:"fee_limit_multiplier"`
	// MaxGasPriceGwei caps the gas price (legacy) or the fee cap (EIP-1559), as a
	// decimal number of gwei.
	MaxGasPriceGwei string `yaml:"max_gas_price_gwei"`
	// MaxBatchGas is the most gas one oracle batch may use before it is split.
	MaxBatchGas uint64 `yaml:"max_batch_gas"`
	// MinBalance is the submitting wallet's balance, a decimal amount of the chain's
	// native coin, below which the relayer warns.
	MinBalance string `yaml:"min_balance"`
	// GasLimitMultiplier is the headroom applied to gas estimates.
	GasLimitMultiplier float64 `yaml:"gas_limit_multiplier"`
	// ReceiptPoll is how often a sent transaction's receipt and the head are asked for.
	ReceiptPoll time.Duration `yaml:"receipt_poll"`
	// MaxNonceResyncs is how many times one send may find its nonce taken by a
	// transaction sent outside the gateway and move on to the next free nonce.
	MaxNonceResyncs int `yaml:"max_nonce_resyncs"`
	// MaxInFlight is how many of the submitting key's transactions may be sent and not
	// yet confirmed at once.
	MaxInFlight int `yaml:"max_in_flight"`
	// Explorer is the base URL of the chain's block explorer.
	Explorer string `yaml:"explorer"`
	// PriceFeeds are AggregatorV3 price feeds by pair (ETH/USD), as 0x addresses.
	PriceFeeds map[string]string `yaml:"price_feeds"`
}

// Allora is an Allora network's preset: where to read it.
type Allora struct {
	Name             string   `yaml:"name"`
	Title            string   `yaml:"title"`
	ChainID          string   `yaml:"chain_id"`
	EmissionsVersion string   `yaml:"emissions_version"`
	Endpoint         string   `yaml:"endpoint"`
	Endpoints        []string `yaml:"endpoints"`
	Websocket        string   `yaml:"websocket"`
}

// Finality is how a chain finalises a block.
type Finality string

const (
	// FinalityDepth counts a block final once the chain's confirmation depth has
	// been built on it: head − confirmations.
	FinalityDepth Finality = "depth"
	// FinalityFinalized follows the finalized block tag of the chain's nodes.
	FinalityFinalized Finality = "finalized"
	// FinalitySafe follows the safe block tag of the chain's nodes.
	FinalitySafe Finality = "safe"
)

// ParseFinality returns the finality s names, or an error listing the known ones.
func ParseFinality(s string) (Finality, error) {
	switch f := Finality(s); f {
	case FinalityDepth, FinalityFinalized, FinalitySafe:
		return f, nil
	}
	return "", fmt.Errorf("finality %q: want finalized, safe or depth", s)
}

// Tag returns the JSON-RPC block tag f follows ("finalized", "safe") and true, or ""
// and false for a depth.
func (f Finality) Tag() (string, bool) {
	if f == FinalityFinalized || f == FinalitySafe {
		return string(f), true
	}
	return "", false
}

var parsed = sync.OnceValues(func() (*catalog, error) {
	var c catalog
	var err error
	if c.chains, err = ParseChains(chainsYAML); err != nil {
		return nil, fmt.Errorf("chains.yaml: %w", err)
	}
	if err := decodeStrict(alloraYAML, &c.allora); err != nil {
		return nil, fmt.Errorf("allora.yaml: %w", err)
	}
	return &c, nil
})

type catalog struct {
	chains []Chain
	allora []Allora
}

// ParseChains decodes and checks a list of chain presets in the format of chains.yaml:
// unknown keys are errors, and so is a preset without a known finality.
func ParseChains(data []byte) ([]Chain, error) {
	var chains []Chain
	if err := decodeStrict(data, &chains); err != nil {
		return nil, err
	}
	for _, c := range chains {
		if _, err := ParseFinality(string(c.Finality)); err != nil {
			return nil, fmt.Errorf("preset %s: %w", c.Name, err)
		}
	}
	return chains, nil
}

func decodeStrict(data []byte, into any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	return dec.Decode(into)
}

// load returns the parsed presets. The files are part of the binary and a test parses
// them, so a failure here is a build that should never have shipped.
func load() *catalog {
	c, err := parsed()
	if err != nil {
		panic("embedded presets: " + err.Error())
	}
	return c
}

// Chains returns every chain preset, in the order of chains.yaml.
func Chains() []Chain {
	out := slices.Clone(load().chains)
	for i := range out {
		out[i].PriceFeeds = clone(out[i].PriceFeeds)
	}
	return out
}

// LookupChain returns the chain preset named name.
func LookupChain(name string) (Chain, bool) {
	for _, c := range Chains() {
		if c.Name == name {
			return c, true
		}
	}
	return Chain{}, false
}

// LocalName is the name of the preset of every chain id no other preset names.
const LocalName = "local"

// Local returns the preset of a chain no other preset names: a development chain
// (devchain, anvil) or a private network. Its ChainID is 0.
func Local() Chain {
	c, ok := LookupChain(LocalName)
	if !ok {
		panic("embedded presets: chains.yaml has no " + LocalName + " entry")
	}
	return c
}

// ForChainID returns the preset of the chain whose id is chainID, or Local and false
// when no preset names that id.
func ForChainID(chainID uint64) (Chain, bool) {
	if chainID != 0 {
		for _, c := range Chains() {
			if c.ChainID == chainID {
				return c, true
			}
		}
	}
	return Local(), false
}

// TxConfig returns the transaction manager's settings this preset gives the chain
// whose id is chainID (the preset's own id, or any id for Local); txmgr.New validates
// them. The absolute fee
// ceiling, max_gas_price_gwei, is left to the chain's config, which may override it;
// the fee_limit_multiplier caps replacements meanwhile.
func (c Chain) TxConfig(chainID uint64) (txmgr.Config, error) {
	cfg := txmgr.Config{
		ChainID:            chainID,
		Confirmations:      c.Confirmations,
		ResubmitAfter:      c.ResubmitAfter,
		BumpPercent:        c.BumpPercent,
		FeeLimitMultiplier: c.FeeLimitMultiplier,
		ReceiptPoll:        c.ReceiptPoll,
		GasLimitMultiplier: c.GasLimitMultiplier,
		MaxNonceResyncs:    c.MaxNonceResyncs,
		MaxInFlight:        c.MaxInFlight,
	}
	switch c.FeeMode {
	case "legacy":
		cfg.FeeMode = txmgr.Legacy
	case "eip1559":
		cfg.FeeMode = txmgr.EIP1559
	default:
		return cfg, fmt.Errorf("preset %s: fee_mode %q: want legacy or eip1559", c.Name, c.FeeMode)
	}
	return cfg, nil
}

// TxConfigFor returns the transaction settings of the chain whose id is chainID from
// its preset (Local's for an id no preset names), and whether a preset names the id.
// A test checks every embedded preset's settings are valid, so it cannot fail.
func TxConfigFor(chainID uint64) (txmgr.Config, bool) {
	p, known := ForChainID(chainID)
	cfg, err := p.TxConfig(chainID)
	if err != nil {
		panic("embedded presets: " + err.Error())
	}
	return cfg, known
}

// ChainNames returns the names of the chain presets, in the order of chains.yaml.
func ChainNames() []string {
	var names []string
	for _, c := range load().chains {
		names = append(names, c.Name)
	}
	return names
}

// AlloraNetworks returns every Allora preset, in the order of allora.yaml.
func AlloraNetworks() []Allora {
	out := slices.Clone(load().allora)
	for i := range out {
		out[i].Endpoints = slices.Clone(out[i].Endpoints)
	}
	return out
}

// LookupAllora returns the Allora preset named name.
func LookupAllora(name string) (Allora, bool) {
	for _, a := range AlloraNetworks() {
		if a.Name == name {
			return a, true
		}
	}
	return Allora{}, false
}

// AlloraNames returns the names of the Allora presets.
func AlloraNames() []string {
	var names []string
	for _, a := range load().allora {
		names = append(names, a.Name)
	}
	return names
}

func clone(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
