package oracle

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// Errors of Scale. Every error Scale returns wraps exactly one of them and quotes the input.
var (
	// ErrInvalidDecimal means the input is not a plain decimal: an optional leading '-',
	// digits, and optionally '.' followed by digits. Empty strings, whitespace, '+',
	// exponents, hex, and leading or trailing dots are all invalid, as is input longer
	// than MaxDecimalLen bytes.
	ErrInvalidDecimal = errors.New("invalid decimal")
	// ErrNaN means the input is "NaN" (in any case, with or without a sign), which
	// Allora's decimal type can hold.
	ErrNaN = errors.New("decimal is NaN")
	// ErrInfinite means the input is an infinity such as "Infinity", "-inf" or "Inf".
	ErrInfinite = errors.New("decimal is infinite")
	// ErrOverflow means the value, once scaled by 10^Decimals and rounded, lies outside
	// the int160 range [-2^159, 2^159-1] the AlloraOracle stores (MaxValue, MinValue):
	// the contract would revert the batch with UpdateOutOfRange.
	ErrOverflow = errors.New("decimal out of the oracle's int160 range after scaling")
	// ErrNegative means the value is negative after rounding and the topic does not
	// allow negative values.
	ErrNegative = errors.New("negative decimal not allowed")
)

// MaxDecimalLen is the longest input Scale accepts, in bytes. An Allora decimal has 34
// significant digits and an int160 scaled by 10^18 has at most 30 integer digits, so
// real values are far shorter; the cap bounds the work a hostile input can cause.
const MaxDecimalLen = 512

// maxQuotedLen is how much of a bad input an error message quotes.
const maxQuotedLen = 64

// The range of values the AlloraOracle stores: the value shares the topic's one storage
// slot with two uint32 heights and a uint32 timestamp, which leaves it 160 bits. At 18
// decimals that is about ±7.3e29, far beyond any price or return a topic predicts.
var (
	// MaxValue is 2^159-1, the largest scaled value the oracle stores.
	MaxValue = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 159), big.NewInt(1))
	// MinValue is -2^159, the smallest scaled value the oracle stores.
	MinValue = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 159))
)

var (
	// maxValue and minValue are private copies of MaxValue and MinValue, so that no
	// caller can widen what is accepted.
	maxValue = new(big.Int).Set(MaxValue)
	minValue = new(big.Int).Set(MinValue)
	// scaleFactor is 10^Decimals.
	scaleFactor = new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals), nil)
)

// Scale turns an Allora decimal string such as "3001.9999999999999999999999999999993"
// into the int256 fixed-point value the AlloraOracle stores: the value times 10^Decimals.
//
// The input grammar is strict: an optional leading '-', one or more ASCII digits, and
// optionally a '.' followed by one or more digits, at most MaxDecimalLen bytes. This is
// the plain form allora-chain prints its decimals in; anything else (whitespace, '+',
// exponents, hex, ".5", "5.") fails with ErrInvalidDecimal, and "NaN" and infinities
// fail with ErrNaN and ErrInfinite, so that a changed upstream format is noticed rather
// than reinterpreted.
//
// Rounding: Allora decimals carry up to 34 significant digits, more than 18 decimals
// can hold, so the value is rounded to the nearest multiple of 10^-18, ties to even
// (banker's rounding). Half-up would move every tie the same way; over the many updates
// an oracle publishes, and over the averages and settlements computed from them, ties to
// even are unbiased. The rounding is exact decimal arithmetic; no float is involved.
//
// The rounded, scaled value must lie in [MinValue, MaxValue], the int160 range the
// oracle stores (else ErrOverflow). When
// allowNegative is false a value below zero after rounding fails with ErrNegative; "-0"
// and negative values that round to zero give 0 and are accepted.
func Scale(value string, allowNegative bool) (*big.Int, error) {
	if err := checkDecimal(value); err != nil {
		return nil, err
	}
	d, err := decimal.NewFromString(value)
	if err != nil {
		// The grammar check above admits only what the parser accepts; this guards
		// against the parser changing underneath.
		return nil, fmt.Errorf("%w %s: %w", ErrInvalidDecimal, quoteInput(value), err)
	}
	scaled := d.RoundBank(Decimals).Shift(Decimals).BigInt()
	if scaled.Sign() < 0 && !allowNegative {
		return nil, fmt.Errorf("%w for this topic: %s", ErrNegative, quoteInput(value))
	}
	if scaled.Cmp(maxValue) > 0 || scaled.Cmp(minValue) < 0 {
		return nil, fmt.Errorf("%w: %s", ErrOverflow, quoteInput(value))
	}
	return scaled, nil
}

// checkDecimal enforces Scale's input grammar and names NaN and infinities.
func checkDecimal(value string) error {
	if len(value) > MaxDecimalLen {
		return fmt.Errorf("%w %s: longer than %d bytes", ErrInvalidDecimal, quoteInput(value), MaxDecimalLen)
	}
	s := value
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	intDigits := leadingDigits(s)
	valid := intDigits > 0
	if valid && intDigits < len(s) {
		frac := s[intDigits:]
		valid = frac[0] == '.' && len(frac) > 1 && leadingDigits(frac[1:]) == len(frac)-1
	}
	if valid {
		return nil
	}
	// Name the special values apd (allora-chain's decimal library) can print, with any sign.
	word := strings.ToLower(strings.TrimLeft(value, "+-"))
	switch word {
	case "nan", "snan":
		return fmt.Errorf("%w: %s", ErrNaN, quoteInput(value))
	case "inf", "infinity":
		return fmt.Errorf("%w: %s", ErrInfinite, quoteInput(value))
	}
	return fmt.Errorf("%w: %s", ErrInvalidDecimal, quoteInput(value))
}

// leadingDigits returns how many bytes at the start of s are ASCII digits.
func leadingDigits(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return len(s)
}

// quoteInput quotes an input for an error message, cutting it short if it is long
// so that a hostile input cannot flood the logs.
func quoteInput(value string) string {
	if len(value) <= maxQuotedLen {
		return fmt.Sprintf("%q", value)
	}
	return fmt.Sprintf("%q... (%d bytes)", value[:maxQuotedLen], len(value))
}

// Unscale returns the exact decimal string of a value scaled by 10^Decimals, the
// inverse of Scale: 3012500000000000000000 gives "3012.5". Trailing zeros of the
// fraction are trimmed and an integer has no '.', so the result is the shortest exact
// form and is accepted by Scale. A nil v gives "0".
func Unscale(v *big.Int) string {
	if v == nil || v.Sign() == 0 {
		return "0"
	}
	var q, r big.Int
	q.QuoRem(v, scaleFactor, &r) // truncates toward zero, so q and r share v's sign
	var b strings.Builder
	if v.Sign() < 0 {
		b.WriteByte('-')
		q.Neg(&q)
		r.Neg(&r)
	}
	b.WriteString(q.String())
	if r.Sign() != 0 {
		frac := r.String()
		frac = strings.Repeat("0", Decimals-len(frac)) + frac
		b.WriteByte('.')
		b.WriteString(strings.TrimRight(frac, "0"))
	}
	return b.String()
}
