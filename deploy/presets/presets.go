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

var parsed = sync.OnceValues(func() (*catalog, error) {
	var c catalog
	if err := decodeStrict(chainsYAML, &c.chains); err != nil {
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
