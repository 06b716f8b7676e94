package txmgr

import (
	"errors"
	"fmt"
	"math/big"
	"time"
)

// FeeMode is how a chain's transactions are priced.
type FeeMode int

const (
	// Legacy prices with one gas price (type 0 transactions).
	Legacy FeeMode = iota + 1
	// EIP1559 prices with a fee cap and a priority fee (type 2 transactions). On a
	// chain whose base fee is zero (BNB Smart Chain, BEP-226) the fee cap quoted is the
	// tip itself.
	EIP1559
)

func (m FeeMode) String() string {
	switch m {
	case Legacy:
		return "legacy"
	case EIP1559:
		return "eip1559"
	default:
		return fmt.Sprintf("FeeMode(%d)", int(m))
	}
}

// MinBumpPercent is the smallest raise go-ethereum's pool accepts for a transaction
// that replaces another at the same nonce (both fee fields, legacy gas price alike).
const MinBumpPercent = 10

// Config is how one chain's transactions are sent.
type Config struct {
	// ChainID signs every transaction (EIP-155); it must be the endpoint's.
	ChainID uint64
	// FeeMode picks legacy or EIP-1559 pricing.
	FeeMode FeeMode
	// Confirmations is how many blocks must be built on top of a transaction's block
	// before Send returns its receipt; 0 returns as soon as a receipt exists. While
	// the manager waits for them it watches the receipt, and resends the transaction
	// if a reorg takes it out of the chain.
	Confirmations uint64
	// ResubmitAfter is how long a sent transaction may stay unmined, with at least one
	// block produced meanwhile, before it is replaced at the same nonce with higher
	// fees.
	ResubmitAfter time.Duration
	// BumpPercent raises both fee fields of a replacement; at least MinBumpPercent.
	BumpPercent int
	// FeeLimitMultiplier caps every fee field at this multiple of the first quote for
	// the nonce, so a gas spike cannot drain the wallet; 0 means no such cap.
	FeeLimitMultiplier int64
	// MaxGasPrice caps the gas price (legacy) or the fee cap (EIP-1559) absolutely, in
	// wei; nil means no absolute cap.
	MaxGasPrice *big.Int
	// MinBalance is the wallet balance under which every Send raises an
	// AlertLowBalance event; nil disables the check.
	MinBalance *big.Int
	// ReceiptPoll is how often the endpoint is asked for receipts and the head.
	ReceiptPoll time.Duration
	// GasLimitMultiplier is applied to the gas estimate, for headroom when state
	// changes between estimation and inclusion; 1 uses the estimate as is.
	GasLimitMultiplier float64
	// MaxNonceResyncs is how many times one Send may find its nonce taken by another
	// transaction from the same key (sent outside this manager) and move to the next
	// free nonce before it gives up with ErrGone.
	MaxNonceResyncs int
}

// ErrInvalidConfig is what Validate's error wraps.
var ErrInvalidConfig = errors.New("invalid transaction manager config")

// Validate reports every problem with c at once.
func (c Config) Validate() error {
	var errs []error
	if c.ChainID == 0 {
		errs = append(errs, errors.New("chain id must be set"))
	}
	if c.FeeMode != Legacy && c.FeeMode != EIP1559 {
		errs = append(errs, fmt.Errorf("fee mode %v: want legacy or eip1559", c.FeeMode))
	}
	if c.ResubmitAfter <= 0 {
		errs = append(errs, fmt.Errorf("resubmit after %v: must be positive", c.ResubmitAfter))
	}
	if c.BumpPercent < MinBumpPercent {
		errs = append(errs, fmt.Errorf("bump percent %d: nodes refuse replacements raised by less than %d%%", c.BumpPercent, MinBumpPercent))
	}
	if c.FeeLimitMultiplier < 0 {
		errs = append(errs, fmt.Errorf("fee limit multiplier %d: must not be negative", c.FeeLimitMultiplier))
	}
	if c.FeeLimitMultiplier == 0 && c.MaxGasPrice == nil {
		errs = append(errs, errors.New("no fee cap: set a fee limit multiplier or a max gas price, so replacements stop somewhere"))
	}
	if c.MaxGasPrice != nil && c.MaxGasPrice.Sign() <= 0 {
		errs = append(errs, fmt.Errorf("max gas price %s: must be positive", c.MaxGasPrice))
	}
	if c.ReceiptPoll <= 0 {
		errs = append(errs, fmt.Errorf("receipt poll %v: must be positive", c.ReceiptPoll))
	}
	if c.GasLimitMultiplier < 1 {
		errs = append(errs, fmt.Errorf("gas limit multiplier %v: must be at least 1", c.GasLimitMultiplier))
	}
	if c.MaxNonceResyncs < 0 {
		errs = append(errs, fmt.Errorf("max nonce resyncs %d: must not be negative", c.MaxNonceResyncs))
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInvalidConfig, errors.Join(errs...))
}

// The presets below follow each chain's block time and finality (see the chain table
// in the project's facts), and the defaults production relayers use: a 12.5% bump,
// comfortably over geth's 10% minimum so rounding never makes a replacement
// underpriced, and a fee ceiling of 5× the first quote (optimism's txmgr default).

// BNB is BNB Smart Chain (56, testnet 97): legacy pricing, as most operators and
// Chainlink's defaults do, since the base fee is fixed at zero. Fast finality makes a
// block final about two blocks (1.5 s) after it is produced, so two confirmations;
// a replacement after about five blocks (Chainlink's BSC default).
func BNB(chainID uint64) Config {
	return Config{
		ChainID:            chainID,
		FeeMode:            Legacy,
		Confirmations:      2,
		ResubmitAfter:      4 * time.Second,
		BumpPercent:        12,
		FeeLimitMultiplier: 5,
		ReceiptPoll:        250 * time.Millisecond,
		GasLimitMultiplier: 1.1,
		MaxNonceResyncs:    3,
	}
}

// Sonic is Sonic (146, testnet 14601): EIP-1559 with ~0.63 s blocks; a depth of ten
// blocks, as Chainlink's defaults for Sonic.
func Sonic(chainID uint64) Config {
	return Config{
		ChainID:            chainID,
		FeeMode:            EIP1559,
		Confirmations:      10,
		ResubmitAfter:      3 * time.Second,
		BumpPercent:        12,
		FeeLimitMultiplier: 5,
		ReceiptPoll:        250 * time.Millisecond,
		GasLimitMultiplier: 1.1,
		MaxNonceResyncs:    3,
	}
}

// ZKsync is ZKsync Era (324, Sepolia 300): EIP-1559 with ~1 s blocks from a single
// sequencer, which does not reorg what it has sealed, so one confirmation. Gas is
// EraVM gas and includes pubdata, which moves with L1 between estimate and inclusion:
// more headroom than on the other chains.
func ZKsync(chainID uint64) Config {
	return Config{
		ChainID:            chainID,
		FeeMode:            EIP1559,
		Confirmations:      1,
		ResubmitAfter:      5 * time.Second,
		BumpPercent:        12,
		FeeLimitMultiplier: 5,
		ReceiptPoll:        250 * time.Millisecond,
		GasLimitMultiplier: 1.3,
		MaxNonceResyncs:    3,
	}
}

// Devnet is a local development chain (devchain, anvil): EIP-1559, no reorgs to wait
// out, quick replacements.
func Devnet(chainID uint64) Config {
	return Config{
		ChainID:            chainID,
		FeeMode:            EIP1559,
		Confirmations:      0,
		ResubmitAfter:      2 * time.Second,
		BumpPercent:        12,
		FeeLimitMultiplier: 5,
		ReceiptPoll:        100 * time.Millisecond,
		GasLimitMultiplier: 1,
		MaxNonceResyncs:    3,
	}
}

// Preset returns the preset of a known chain id (mainnet or testnet), and false with
// the Devnet preset for any other.
func Preset(chainID uint64) (Config, bool) {
	switch chainID {
	case 56, 97:
		return BNB(chainID), true
	case 146, 14601:
		return Sonic(chainID), true
	case 324, 300:
		return ZKsync(chainID), true
	default:
		return Devnet(chainID), false
	}
}
