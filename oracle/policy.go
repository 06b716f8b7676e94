package oracle

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Deviation is a relative move of a topic's value, as a fraction of the value on chain
// scaled by 10^Decimals: 5e15 is 0.5%, 1e18 is 100%. Keeping it on the same fixed point
// as the values lets the policy compare moves with exact integer arithmetic. The zero
// Deviation makes every newer inference due.
type Deviation struct{ scaled *big.Int }

// ErrInvalidDeviation means a deviation does not parse or is negative.
var ErrInvalidDeviation = errors.New("invalid deviation")

// maxDeviationLen bounds the input ParseDeviation reads, like MaxDecimalLen for values.
const maxDeviationLen = 64

// ParseDeviation reads a deviation written as a decimal fraction ("0.005"), a
// percentage ("0.5%") or basis points ("50bps"); all three are the same deviation.
// Precision finer than 10^-18 of the value is refused rather than rounded, so what an
// operator writes is exactly what is applied.
func ParseDeviation(s string) (Deviation, error) {
	in := strings.TrimSpace(s)
	if in == "" || len(in) > maxDeviationLen {
		return Deviation{}, fmt.Errorf("%w %q: want a fraction such as 0.005, a percentage such as 0.5%% or basis points such as 50bps", ErrInvalidDeviation, s)
	}
	shift := int32(Decimals)
	switch {
	case strings.HasSuffix(in, "%"):
		in, shift = strings.TrimSpace(strings.TrimSuffix(in, "%")), Decimals-2
	case strings.HasSuffix(in, "bps"):
		in, shift = strings.TrimSpace(strings.TrimSuffix(in, "bps")), Decimals-4
	}
	if checkDecimal(in) != nil {
		return Deviation{}, fmt.Errorf("%w %q: want a fraction such as 0.005, a percentage such as 0.5%% or basis points such as 50bps", ErrInvalidDeviation, s)
	}
	d, err := decimal.NewFromString(in)
	if err != nil {
		return Deviation{}, fmt.Errorf("%w %q: %w", ErrInvalidDeviation, s, err)
	}
	if d.Sign() < 0 {
		return Deviation{}, fmt.Errorf("%w %q: a deviation cannot be negative", ErrInvalidDeviation, s)
	}
	scaled := d.Shift(shift)
	if !scaled.Equal(scaled.Truncate(0)) {
		return Deviation{}, fmt.Errorf("%w %q: finer than 10^-18 of the value", ErrInvalidDeviation, s)
	}
	return Deviation{scaled: scaled.BigInt()}, nil
}

// MustParseDeviation is ParseDeviation for constants; it panics on an error.
func MustParseDeviation(s string) Deviation {
	d, err := ParseDeviation(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DeviationBps is a deviation of bps basis points (hundredths of a percent).
func DeviationBps(bps uint64) Deviation {
	v := new(big.Int).SetUint64(bps)
	return Deviation{scaled: v.Mul(v, big.NewInt(100_000_000_000_000))} // 10^18 / 10^4
}

// IsZero reports whether d makes every newer inference due.
func (d Deviation) IsZero() bool { return d.scaled == nil || d.scaled.Sign() == 0 }

// String writes d as a percentage, such as "0.5%", which ParseDeviation reads back.
func (d Deviation) String() string {
	if d.scaled == nil {
		return "0%"
	}
	return decimal.NewFromBigInt(d.scaled, -(Decimals-2)).String() + "%"
}

// MarshalText writes d as String does.
func (d Deviation) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads d as ParseDeviation does.
func (d *Deviation) UnmarshalText(text []byte) error {
	v, err := ParseDeviation(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Reached reports whether moving from the value on chain, old, to next is a move of at
// least d. Both are int256 values scaled by 10^Decimals; the comparison is
// |next-old| × 10^18 ≥ |old| × d, exact in integers.
//
// Two cases are not relative moves and are decided by rule:
//   - old is 0: any next other than 0 is reached, since no fraction of 0 measures it
//     (a topic predicting a log-return of 0 that turns non-zero must be pushed).
//   - the sign flips (old < 0 < next or next < 0 < old): always reached, since the
//     prediction changed direction, whatever the size of the move.
//
// A zero d is always reached, even with next equal to old.
func (d Deviation) Reached(old, next *big.Int) bool {
	if d.IsZero() {
		return true
	}
	if old.Sign() == 0 {
		return next.Sign() != 0
	}
	if old.Sign()*next.Sign() < 0 {
		return true
	}
	move := new(big.Int).Sub(next, old)
	move.Abs(move).Mul(move, scaleFactor)
	limit := new(big.Int).Abs(old)
	limit.Mul(limit, d.scaled)
	return move.Cmp(limit) >= 0
}

// Policy decides when a newer inference of a topic is worth a transaction: the
// Chainlink-style deviation threshold and heartbeat.
type Policy struct {
	// Deviation is the move, relative to the value on chain, that makes a newer
	// inference due. Zero: every newer inference is due.
	Deviation Deviation
	// Heartbeat is the longest a topic's value on chain may go without an update
	// while Allora has a newer inference, measured from the timestamp of the
	// inference on chain. Zero: no heartbeat, only the deviation decides.
	Heartbeat time.Duration
}

// Reason says why a topic is or is not due.
type Reason int

// Reasons Due gives.
const (
	// NotNewer: Allora has nothing newer than the chain holds.
	NotNewer Reason = iota
	// WithinPolicy: newer, but inside the deviation and the heartbeat not elapsed.
	WithinPolicy
	// FirstValue: the chain holds nothing for the topic yet.
	FirstValue
	// DeviationReached: the value moved by the policy's deviation or more.
	DeviationReached
	// HeartbeatElapsed: the value on chain is as old as the heartbeat or older.
	HeartbeatElapsed
)

func (r Reason) String() string {
	switch r {
	case NotNewer:
		return "not newer"
	case WithinPolicy:
		return "within policy"
	case FirstValue:
		return "first value"
	case DeviationReached:
		return "deviation reached"
	case HeartbeatElapsed:
		return "heartbeat elapsed"
	default:
		return fmt.Sprintf("reason %d", int(r))
	}
}

// Due reports whether next should replace what the chain holds for its topic at time
// now, and why: next must be newer (its Version: a higher Allora block height, or the
// same one revised with a higher loss block height) and either the chain holds no value
// yet, the deviation is reached, or the heartbeat has elapsed since the timestamp of the
// inference on chain. A revision is held to the same deviation as a new height: a
// revised value within the deviation leaves the chain's value standing until the
// heartbeat or the next move that reaches it.
func (p Policy) Due(onChain ChainTopic, next Update, now time.Time) (bool, Reason) {
	if !next.Version().Newer(onChain.Version()) {
		return false, NotNewer
	}
	if onChain.BlockHeight == 0 || onChain.Value == nil {
		return true, FirstValue
	}
	if next.Value != nil && p.Deviation.Reached(onChain.Value, next.Value) {
		return true, DeviationReached
	}
	if p.Heartbeat > 0 && !now.Before(time.Unix(int64(onChain.Timestamp), 0).Add(p.Heartbeat)) {
		return true, HeartbeatElapsed
	}
	return false, WithinPolicy
}

// Policies are the policy of every topic: a default and per-topic overrides.
type Policies struct {
	Default Policy
	Topics  map[uint64]Policy
}

// For returns the policy of topic id: its override when it has one, else the default.
func (p Policies) For(id uint64) Policy {
	if t, ok := p.Topics[id]; ok {
		return t
	}
	return p.Default
}
