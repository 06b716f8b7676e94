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
	// MaxInFlight is how many nonces of the key may be sent and not yet confirmed at
	// once: a Send that would pass it waits for a place. 0 or 1 sends one transaction
	// at a time. Each transaction in flight is journaled, replaced and resent on its
	// own; none is given a nonce above a free one.
	MaxInFlight int
}

// MaxInFlightLimit is the largest MaxInFlight: nodes keep a limited number of one
// sender's transactions queued beyond its next nonce (go-ethereum: 64 per account).
const MaxInFlightLimit = 16

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
	if c.MaxInFlight < 0 || c.MaxInFlight > MaxInFlightLimit {
		errs = append(errs, fmt.Errorf("max in flight %d: want 0 to %d", c.MaxInFlight, MaxInFlightLimit))
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInvalidConfig, errors.Join(errs...))
}
