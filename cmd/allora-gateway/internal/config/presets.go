package config

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// OptionalUint is a count that may be left unset, so that an explicit 0 (no
// confirmations on a development chain) overrides a preset's value.
type OptionalUint struct {
	Value uint64
	Set   bool
}

// Uint returns a set value.
func Uint(v uint64) OptionalUint { return OptionalUint{Value: v, Set: true} }

// UnmarshalText parses a decimal count.
func (o *OptionalUint) UnmarshalText(text []byte) error {
	v, err := strconv.ParseUint(strings.TrimSpace(string(text)), 10, 64)
	if err != nil {
		return fmt.Errorf("%q is not a count (a whole number, 0 or more)", text)
	}
	*o = Uint(v)
	return nil
}

// UnmarshalYAML parses a scalar count, its error carrying the line like every other
// type error in the file.
func (o *OptionalUint) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: want a count such as 2", n.Line)}}
	}
	if err := o.UnmarshalText([]byte(n.Value)); err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	return nil
}

// MarshalYAML writes the count, or nothing when unset.
func (o OptionalUint) MarshalYAML() (any, error) {
	if !o.Set {
		return nil, nil
	}
	return o.Value, nil
}

// IsZero lets omitempty leave an unset count out.
func (o OptionalUint) IsZero() bool { return !o.Set }

// Market is a PredictionMarket on one chain: rounds on an Allora topic's prediction,
// settled by a price feed.
type Market struct {
	// Name identifies the market in the addresses file, logs and environment variable
	// names, such as "ETH 5m".
	Name string `yaml:"name"`
	// Topic is the Allora topic whose prediction the rounds bet on; it must be among
	// topics.
	Topic uint64 `yaml:"topic"`
	// PriceFeed is the AggregatorV3 (Chainlink-style) feed of the realised price: a 0x
	// address, or the name of one of the chain preset's price feeds, such as ETH/USD.
	PriceFeed string `yaml:"price_feed"`
	// Interval is a round's betting phase, and then its running phase: 1m to 7 days,
	// whole seconds. Default 5m.
	Interval Duration `yaml:"interval,omitempty"`
	// Buffer is how late a round may still be locked or closed before it is voided
	// and its bettors refunded: 5s or more, shorter than Interval. Default 30s.
	Buffer Duration `yaml:"buffer,omitempty"`
	// FeeBps is the treasury's share of decided rounds' pools in basis points, at most
	// 1000 (10%). Default 0.
	FeeBps uint16 `yaml:"fee_bps,omitempty"`
	// MinBet is the smallest bet, in whole stake-token units as a decimal, such as
	// "0.01" (of BNB, S or ETH when StakeToken is empty).
	MinBet string `yaml:"min_bet"`
	// StakeToken is the 0x address of the ERC-20 token bets are made in; empty for the
	// chain's native coin.
	StakeToken string `yaml:"stake_token,omitempty"`
	// MaxPriceAge is the oldest price feed answer a round accepts. Default 1h.
	MaxPriceAge Duration `yaml:"max_price_age,omitempty"`
	// MaxPredictionAge is the oldest Allora prediction a round accepts. Default 1h.
	MaxPredictionAge Duration `yaml:"max_prediction_age,omitempty"`
	// Treasury is the 0x address that receives the fees; default the market's owner.
	Treasury string `yaml:"treasury,omitempty"`
	// Address is a market already deployed (by deploy, or otherwise) that the keeper
	// should execute; deploy writes the markets it deployed to the addresses file
	// instead.
	Address string `yaml:"address,omitempty"`
}

// Market defaults, as the contract's bounds and PancakeSwap's classic prediction have
// them (5-minute rounds).
const (
	DefaultMarketInterval   = 5 * time.Minute
	DefaultMarketBuffer     = 30 * time.Second
	DefaultMarketMaxAge     = time.Hour
	minMarketInterval       = time.Minute
	maxMarketInterval       = 7 * 24 * time.Hour
	minMarketBuffer         = 5 * time.Second
	maxMarketFeeBps         = 1000
	maxMarketStalenessLimit = 7 * 24 * time.Hour
)

// applyPresets fills what each chain and Allora leave unset from their presets, and
// every market's defaults. An unknown preset is left for Validate to report.
func (c *Config) applyPresets() {
	if p, ok := presets.LookupAllora(c.Allora.Preset); ok {
		a := &c.Allora
		if a.Endpoint == "" && len(a.Endpoints) == 0 {
			a.Endpoint = Secret(p.Endpoint)
			for _, e := range p.Endpoints {
				a.Endpoints = append(a.Endpoints, Secret(e))
			}
		}
		if a.Websocket == "" {
			a.Websocket = Secret(p.Websocket)
		}
		// The default version is mainnet's; a preset says which its network speaks.
		// A version the file gives that contradicts the preset is reported by Validate.
		if a.EmissionsVersion == Default().Allora.EmissionsVersion {
			a.EmissionsVersion = p.EmissionsVersion
		}
	}
	for i := range c.Chains {
		ch := &c.Chains[i]
		if p, ok := presets.LookupChain(ch.Preset); ok {
			if ch.ChainID == 0 {
				ch.ChainID = p.ChainID
			}
			if ch.FeeMode == "" {
				ch.FeeMode = p.FeeMode
			}
			if !ch.Confirmations.Set {
				ch.Confirmations = Uint(p.Confirmations)
			}
			if ch.Finality == "" {
				ch.Finality = string(p.Finality)
			}
			if ch.BlockTime.Duration == 0 {
				ch.BlockTime.Duration = p.BlockTime
			}
			if ch.ResubmitAfter.Duration == 0 {
				ch.ResubmitAfter.Duration = p.ResubmitAfter
			}
			if ch.MaxGasPriceGwei == "" {
				ch.MaxGasPriceGwei = p.MaxGasPriceGwei
			}
			if ch.MaxBatchGas == 0 {
				ch.MaxBatchGas = p.MaxBatchGas
			}
			if ch.MinBalance == "" {
				ch.MinBalance = p.MinBalance
			}
			if ch.Explorer == "" {
				ch.Explorer = p.Explorer
			}
			if ch.MaxInFlight == 0 {
				ch.MaxInFlight = p.MaxInFlight
			}
		}
		for j := range ch.Markets {
			m := &ch.Markets[j]
			if m.Interval.Duration == 0 {
				m.Interval.Duration = DefaultMarketInterval
			}
			if m.Buffer.Duration == 0 {
				m.Buffer.Duration = DefaultMarketBuffer
			}
			if m.MaxPriceAge.Duration == 0 {
				m.MaxPriceAge.Duration = DefaultMarketMaxAge
			}
			if m.MaxPredictionAge.Duration == 0 {
				m.MaxPredictionAge.Duration = DefaultMarketMaxAge
			}
		}
	}
}

// TxConfig returns the chain's effective transaction settings: its preset's (or, with
// no preset named, the preset of its chain id, the local one for an id no preset
// names) with the chain's own keys over them. Call it on a validated config.
func (c Chain) TxConfig() (txmgr.Config, error) {
	p, ok := presets.LookupChain(c.Preset)
	if !ok {
		p, _ = presets.ForChainID(c.ChainID)
	}
	cfg, err := p.TxConfig(c.ChainID)
	if err != nil {
		return cfg, err
	}
	switch c.FeeMode {
	case "legacy":
		cfg.FeeMode = txmgr.Legacy
	case "eip1559":
		cfg.FeeMode = txmgr.EIP1559
	case "":
	default:
		return cfg, fmt.Errorf("fee_mode %q: want legacy or eip1559", c.FeeMode)
	}
	if c.Confirmations.Set {
		cfg.Confirmations = c.Confirmations.Value
	}
	if c.ResubmitAfter.Duration > 0 {
		cfg.ResubmitAfter = c.ResubmitAfter.Duration
	}
	if c.MaxInFlight > 0 {
		cfg.MaxInFlight = c.MaxInFlight
	}
	if c.BlockTime.Duration > 0 {
		// Receipts are looked for a few times a block, never less often than the
		// preset's pace.
		cfg.ReceiptPoll = min(cfg.ReceiptPoll, max(c.BlockTime.Duration/4, 50*time.Millisecond))
	}
	if c.MaxGasPriceGwei != "" {
		wei, err := GweiToWei(c.MaxGasPriceGwei)
		if err != nil {
			return cfg, fmt.Errorf("max_gas_price_gwei: %w", err)
		}
		cfg.MaxGasPrice = wei
	}
	return cfg, nil
}

// EffectiveFinality is the chain's finality, or else its chain id's preset's. Call it
// on a validated config.
func (c Chain) EffectiveFinality() presets.Finality {
	if f, err := presets.ParseFinality(c.Finality); err == nil {
		return f
	}
	p, _ := presets.ForChainID(c.ChainID)
	return p.Finality
}

// EffectiveBlockTime is the chain's block_time, or else its chain id's preset's.
func (c Chain) EffectiveBlockTime() time.Duration {
	if c.BlockTime.Duration > 0 {
		return c.BlockTime.Duration
	}
	p, _ := presets.ForChainID(c.ChainID)
	return p.BlockTime
}

// GweiToWei parses a positive decimal number of gwei, such as "0.5", into wei.
func GweiToWei(s string) (*big.Int, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("%q is not a decimal number of gwei", s)
	}
	wei := d.Shift(9)
	if !wei.IsInteger() {
		return nil, fmt.Errorf("%q gwei is not a whole number of wei", s)
	}
	if wei.Sign() <= 0 {
		return nil, fmt.Errorf("%q gwei: must be more than 0", s)
	}
	return wei.BigInt(), nil
}

// EtherToWei parses a decimal amount of a chain's native coin (18 decimals), such as
// "0.05", into wei. More than 18 decimals, a negative amount or anything but a decimal
// number is an error; nothing is rounded.
func EtherToWei(s string) (*big.Int, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("%q is not a decimal amount of the native coin", s)
	}
	wei := d.Shift(18)
	if !wei.IsInteger() {
		return nil, fmt.Errorf("%q has more than 18 decimals", s)
	}
	if wei.Sign() < 0 {
		return nil, fmt.Errorf("%q: must not be negative", s)
	}
	return wei.BigInt(), nil
}

// MinBalanceWei is MinBalance in wei; nil when unset or "0" (no warning). Call it on a
// validated config.
func (c Chain) MinBalanceWei() *big.Int {
	if c.MinBalance == "" {
		return nil
	}
	wei, err := EtherToWei(c.MinBalance)
	if err != nil || wei.Sign() == 0 {
		return nil
	}
	return wei
}

// TokenAmount parses a positive decimal amount of a token with decimals decimals, such
// as "0.01", into its base units.
func TokenAmount(s string, decimals uint8) (*big.Int, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("%q is not a decimal amount", s)
	}
	units := d.Shift(int32(decimals))
	if !units.IsInteger() {
		return nil, fmt.Errorf("%q has more than %d decimals", s, decimals)
	}
	if units.Sign() <= 0 {
		return nil, fmt.Errorf("%q: must be more than 0", s)
	}
	return units.BigInt(), nil
}

// PriceFeedAddress returns the market's price feed: its address, or the chain preset's
// feed of that name.
func (c Chain) PriceFeedAddress(m Market) (string, error) {
	if strings.HasPrefix(m.PriceFeed, "0x") {
		if problem := checkAddress(m.PriceFeed); problem != "" {
			return "", fmt.Errorf("price_feed %q: %s", m.PriceFeed, problem)
		}
		return m.PriceFeed, nil
	}
	p, ok := presets.LookupChain(c.Preset)
	if !ok {
		return "", fmt.Errorf("price_feed %q: not an address, and the chain has no preset whose feeds it could name", m.PriceFeed)
	}
	a, ok := p.PriceFeeds[m.PriceFeed]
	if !ok {
		var names []string
		for n := range p.PriceFeeds {
			names = append(names, n)
		}
		if len(names) == 0 {
			return "", fmt.Errorf("price_feed %q: preset %s lists no price feeds; give the feed's 0x address", m.PriceFeed, p.Name)
		}
		return "", fmt.Errorf("price_feed %q: preset %s has no such feed (it has %s)", m.PriceFeed, p.Name, strings.Join(names, ", "))
	}
	return a, nil
}

// presets reports unknown presets, with the known ones, and values that
// contradict the preset named.
func (v *validator) presets(c Config) {
	if c.Allora.Preset != "" {
		p, ok := presets.LookupAllora(c.Allora.Preset)
		if !ok {
			v.add("allora.preset %q: unknown; known presets are %s", c.Allora.Preset, strings.Join(presets.AlloraNames(), ", "))
		} else if c.Allora.EmissionsVersion != "auto" && c.Allora.EmissionsVersion != p.EmissionsVersion {
			v.add("allora.emissions_version %q contradicts allora.preset %s, which speaks %s", c.Allora.EmissionsVersion, p.Name, p.EmissionsVersion)
		}
	}
	for i, ch := range c.Chains {
		at := chainPath(c.Chains, i)
		if ch.Preset != "" {
			p, ok := presets.LookupChain(ch.Preset)
			if !ok {
				v.add("%s: preset %q: unknown; known presets are %s", at, ch.Preset, strings.Join(presets.ChainNames(), ", "))
			} else if ch.ChainID != 0 && p.ChainID != 0 && ch.ChainID != p.ChainID {
				v.add("%s: chain_id %d contradicts preset %s, which is chain %d (%s)", at, ch.ChainID, p.Name, p.ChainID, p.Title)
			}
		}
		switch ch.FeeMode {
		case "", "legacy", "eip1559":
		default:
			v.add("%s: fee_mode %q: want legacy or eip1559", at, ch.FeeMode)
		}
		if ch.Finality != "" {
			if _, err := presets.ParseFinality(ch.Finality); err != nil {
				v.add("%s: %v", at, err)
			}
		}
		if ch.ResubmitAfter.Duration < 0 {
			v.add("%s: resubmit_after: must be greater than 0, got %s", at, ch.ResubmitAfter)
		}
		if ch.BlockTime.Duration < 0 {
			v.add("%s: block_time: must be greater than 0, got %s", at, ch.BlockTime)
		}
		if ch.MaxGasPriceGwei != "" {
			if _, err := GweiToWei(ch.MaxGasPriceGwei); err != nil {
				v.add("%s: max_gas_price_gwei: %v", at, err)
			}
		}
		if ch.MinBalance != "" {
			if _, err := EtherToWei(ch.MinBalance); err != nil {
				v.add("%s: min_balance: %v", at, err)
			}
		}
		if ch.Explorer != "" && !isURL(ch.Explorer, "http", "https") {
			v.add("%s: explorer %q: want an http(s) URL", at, ch.Explorer)
		}
		if ch.Treasury != "" {
			if problem := checkAddress(ch.Treasury); problem != "" {
				v.add("%s: treasury %q: %s", at, ch.Treasury, problem)
			}
		}
	}
}

// markets checks every chain's markets.
func (v *validator) markets(c Config, topics map[uint64]int) {
	for i, ch := range c.Chains {
		seen := map[string]int{}
		for j, m := range ch.Markets {
			at := fmt.Sprintf("%s.markets[%d]", chainPath(c.Chains, i), j)
			if m.Name != "" {
				at = fmt.Sprintf("%s (%s)", at, m.Name)
			}
			switch k, dup := seen[envName(m.Name)]; {
			case m.Name == "":
				v.add("%s: name must be set, such as \"ETH 5m\"", at)
			case dup:
				v.add("%s: name duplicates markets[%d]", at, k)
			default:
				seen[envName(m.Name)] = j
			}
			if _, ok := topics[m.Topic]; !ok {
				v.add("%s: topic %d is not among topics (the oracle carries only those)", at, m.Topic)
			}
			if m.Address != "" {
				if problem := checkAddress(m.Address); problem != "" {
					v.add("%s: address %q: %s", at, m.Address, problem)
				}
			}
			if m.PriceFeed == "" {
				v.add("%s: price_feed must be set: the 0x address of the AggregatorV3 feed of the price, or a feed the chain's preset names", at)
			} else if _, err := ch.PriceFeedAddress(m); err != nil {
				v.add("%s: %v", at, err)
			}
			iv, buf := m.Interval.Duration, m.Buffer.Duration
			if iv < minMarketInterval || iv > maxMarketInterval || iv%time.Second != 0 {
				v.add("%s: interval %s: want whole seconds from 1m to 168h", at, m.Interval)
			}
			if buf < minMarketBuffer || buf >= iv || buf%time.Second != 0 {
				v.add("%s: buffer %s: want whole seconds, at least 5s and shorter than the interval", at, m.Buffer)
			}
			if m.FeeBps > maxMarketFeeBps {
				v.add("%s: fee_bps %d: at most 1000 (10%%)", at, m.FeeBps)
			}
			if m.MinBet == "" {
				v.add("%s: min_bet must be set, in whole tokens, such as \"0.01\"", at)
			} else if m.StakeToken == "" {
				// The native coin has 18 decimals; an ERC-20's are read at deploy.
				if _, err := TokenAmount(m.MinBet, 18); err != nil {
					v.add("%s: min_bet: %v", at, err)
				}
			} else if d, err := decimal.NewFromString(strings.TrimSpace(m.MinBet)); err != nil || d.Sign() <= 0 {
				v.add("%s: min_bet %q: want a positive decimal amount of the stake token", at, m.MinBet)
			}
			if m.StakeToken != "" {
				if problem := checkAddress(m.StakeToken); problem != "" {
					v.add("%s: stake_token %q: %s (leave it empty to bet the native coin)", at, m.StakeToken, problem)
				}
			}
			if m.Treasury != "" {
				if problem := checkAddress(m.Treasury); problem != "" {
					v.add("%s: treasury %q: %s", at, m.Treasury, problem)
				}
			}
			for _, age := range []struct {
				name string
				d    Duration
			}{{"max_price_age", m.MaxPriceAge}, {"max_prediction_age", m.MaxPredictionAge}} {
				if age.d.Duration <= 0 || age.d.Duration > maxMarketStalenessLimit || age.d.Duration%time.Second != 0 {
					v.add("%s: %s %s: want whole seconds, more than 0 and at most 168h", at, age.name, age.d)
				}
			}
		}
	}
}
