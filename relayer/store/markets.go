package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"
)

// Defaults of the market and price bounds.
const (
	DefaultRoundLimit = 1_000
	DefaultPriceLimit = 10_000
)

// Markets holds the prediction markets the round keeper drives and their rounds, so
// that the API can show them without a chain call per request. Each market keeps its
// newest rounds (see WithRoundLimit), oldest dropped first.
type Markets interface {
	// PutMarket inserts or replaces a market's description and state, keeping its
	// rounds. A market without an address or chain id is ErrInvalid.
	PutMarket(ctx context.Context, m Market) error
	// Markets returns every market ordered by chain id, then address.
	Markets(ctx context.Context) ([]Market, error)
	// PutRound records what a market's round is now. A round only moves forward: a
	// write whose status comes before the stored one (open, then locked, then closed
	// or void) is ignored, so a keeper reading an older block cannot undo a newer
	// one; a write at the same stage replaces the round (pools grow while it is open).
	// It reports whether what is stored changed (a new round, a new status, a pool
	// grown by a bet), so that a writer publishes a round event only on change. A
	// round that fails Round.Validate is ErrInvalid.
	PutRound(ctx context.Context, chainID uint64, market common.Address, r Round) (changed bool, err error)
	// Rounds returns up to limit of a market's rounds, newest epoch first, below epoch
	// before (0 for the newest). A limit below one is ErrInvalid.
	Rounds(ctx context.Context, chainID uint64, market common.Address, limit int, before uint64) ([]Round, error)
	// Round returns one round, or an error wrapping ErrNotFound.
	Round(ctx context.Context, chainID uint64, market common.Address, epoch uint64) (Round, error)
}

// Market is one PredictionMarket contract as the keeper last saw it.
type Market struct {
	ChainID         uint64
	Address         common.Address
	Name            string // what it bets on, such as "ETH 5m"
	TopicID         uint64 // the Allora topic whose prediction the AI's call is
	Asset           string // the asset whose price decides, such as "ETH"
	IntervalSeconds uint64
	CurrentEpoch    uint64 // the round open for bets; 0 before the first
	Paused          bool
}

// RoundStatus is where a round is in its life.
type RoundStatus string

// Round statuses, in the order a round passes through them; closed and void are both
// final.
const (
	RoundOpen   RoundStatus = "open"
	RoundLocked RoundStatus = "locked"
	RoundClosed RoundStatus = "closed"
	RoundVoid   RoundStatus = "void"
)

// stage orders statuses: a round never goes to a lower stage.
func (s RoundStatus) stage() int {
	switch s {
	case RoundOpen:
		return 1
	case RoundLocked:
		return 2
	case RoundClosed, RoundVoid:
		return 3
	}
	return 0
}

// Directions of the AI's call, and outcomes of a round.
const (
	DirectionUp   = "up"
	DirectionDown = "down"
	DirectionFlat = "flat"

	OutcomeAIRight = "ai_right"
	OutcomeAIWrong = "ai_wrong"
	OutcomeTie     = "tie"    // close price equal to lock price: refunded
	OutcomeRefund  = "refund" // voided for another reason: refunded
)

// Round is one round of a market. Prices are decimal strings in the asset's price unit
// (the feed's answer divided by 10^decimals), "" while unknown.
type Round struct {
	Epoch         uint64
	Status        RoundStatus
	StartTime     time.Time
	LockTime      time.Time
	CloseTime     time.Time
	LockPrice     string
	ClosePrice    string
	AIPrediction  string   // the oracle's value recorded when the round opened
	AIDirection   string   // DirectionUp, DirectionDown or DirectionFlat; "" before lock
	WithAIPool    *big.Int // wei staked with the AI; nil counts as zero
	AgainstAIPool *big.Int // wei staked against it
	Outcome       string   // one of the Outcome constants; "" until closed or void
}

// Validate reports the first thing wrong with r, wrapping ErrInvalid.
func (r Round) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("round %d: %s: %w", r.Epoch, fmt.Sprintf(format, args...), ErrInvalid)
	}
	if r.Epoch == 0 {
		return bad("epoch 0 is never a round")
	}
	if r.Status.stage() == 0 {
		return bad("status %q is not open, locked, closed or void", r.Status)
	}
	for _, p := range []struct{ name, v string }{
		{"lock price", r.LockPrice}, {"close price", r.ClosePrice}, {"AI prediction", r.AIPrediction},
	} {
		if p.v == "" {
			continue
		}
		if _, err := decimal.NewFromString(p.v); err != nil {
			return bad("%s %q is not a decimal number", p.name, p.v)
		}
	}
	switch r.AIDirection {
	case "", DirectionUp, DirectionDown, DirectionFlat:
	default:
		return bad("AI direction %q is not up, down or flat", r.AIDirection)
	}
	switch r.Outcome {
	case "", OutcomeAIRight, OutcomeAIWrong, OutcomeTie, OutcomeRefund:
	default:
		return bad("outcome %q is not one of ai_right, ai_wrong, tie, refund", r.Outcome)
	}
	if (r.WithAIPool != nil && r.WithAIPool.Sign() < 0) || (r.AgainstAIPool != nil && r.AgainstAIPool.Sign() < 0) {
		return bad("a pool is negative")
	}
	return nil
}

// roundJSON is a round as the API answers it, streams it and Redis stores it.
type roundJSON struct {
	Epoch         uint64      `json:"epoch"`
	Status        RoundStatus `json:"status"`
	StartTime     *string     `json:"start_time"`
	LockTime      *string     `json:"lock_time"`
	CloseTime     *string     `json:"close_time"`
	LockPrice     *string     `json:"lock_price"`
	ClosePrice    *string     `json:"close_price"`
	AIPrediction  *string     `json:"ai_prediction"`
	AIDirection   *string     `json:"ai_direction"`
	WithAIPool    string      `json:"with_ai_pool"`
	AgainstAIPool string      `json:"against_ai_pool"`
	Outcome       *string     `json:"outcome"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optionalTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339Nano)
	return &s
}

func wei(v *big.Int) string {
	if v == nil {
		return "0"
	}
	return v.String()
}

// MarshalJSON writes the round as the API serves it: times in RFC 3339 UTC, prices as
// decimal strings or null while unknown, pools in wei as decimal strings.
func (r Round) MarshalJSON() ([]byte, error) {
	return json.Marshal(roundJSON{
		Epoch: r.Epoch, Status: r.Status,
		StartTime: optionalTime(r.StartTime), LockTime: optionalTime(r.LockTime), CloseTime: optionalTime(r.CloseTime),
		LockPrice: optional(r.LockPrice), ClosePrice: optional(r.ClosePrice), AIPrediction: optional(r.AIPrediction),
		AIDirection: optional(r.AIDirection), WithAIPool: wei(r.WithAIPool), AgainstAIPool: wei(r.AgainstAIPool),
		Outcome: optional(r.Outcome),
	})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Round) UnmarshalJSON(b []byte) error {
	var j roundJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	parseTime := func(p *string) (time.Time, error) {
		if p == nil {
			return time.Time{}, nil
		}
		return time.Parse(time.RFC3339Nano, *p)
	}
	parseWei := func(s string) (*big.Int, error) {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return nil, fmt.Errorf("pool %q is not a decimal integer", s)
		}
		return v, nil
	}
	out := Round{Epoch: j.Epoch, Status: j.Status, LockPrice: deref(j.LockPrice), ClosePrice: deref(j.ClosePrice),
		AIPrediction: deref(j.AIPrediction), AIDirection: deref(j.AIDirection), Outcome: deref(j.Outcome)}
	var err error
	if out.StartTime, err = parseTime(j.StartTime); err != nil {
		return err
	}
	if out.LockTime, err = parseTime(j.LockTime); err != nil {
		return err
	}
	if out.CloseTime, err = parseTime(j.CloseTime); err != nil {
		return err
	}
	if out.WithAIPool, err = parseWei(j.WithAIPool); err != nil {
		return err
	}
	if out.AgainstAIPool, err = parseWei(j.AgainstAIPool); err != nil {
		return err
	}
	*r = out
	return nil
}

// sameRound reports whether a and b read the same to a client: equal as the API
// serves them, the comparison the Redis store makes on the stored JSON.
func sameRound(a, b Round) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

func copyRound(r Round) Round {
	if r.WithAIPool != nil {
		r.WithAIPool = new(big.Int).Set(r.WithAIPool)
	}
	if r.AgainstAIPool != nil {
		r.AgainstAIPool = new(big.Int).Set(r.AgainstAIPool)
	}
	return r
}

// Prices holds realised prices per asset, the truth the predictions are judged
// against. Each asset keeps its newest prices (see WithPriceLimit), oldest dropped
// first.
type Prices interface {
	// RecordPrice appends a price. A price without an asset or a time, or whose value
	// is not a decimal number, is ErrInvalid.
	RecordPrice(ctx context.Context, p Price) error
	// LatestPrice returns the price of an asset with the latest time, or an error
	// wrapping ErrNotFound.
	LatestPrice(ctx context.Context, asset string) (Price, error)
	// PricesBetween returns up to limit of an asset's prices timed from from to to,
	// both included, newest first. A limit below one is ErrInvalid.
	PricesBetween(ctx context.Context, asset string, from, to time.Time, limit int) ([]Price, error)
}

// Price is an asset's price at a time, from a source.
type Price struct {
	Asset  string // ticker, such as "ETH"; compared exactly
	Value  string // decimal, such as "3012.45"
	At     time.Time
	Source string // where it was read, such as "Chainlink ETH / USD on bnb"
}

func checkPrice(p Price) error {
	switch {
	case p.Asset == "" || strings.ContainsAny(p.Asset, ":| \t\r\n"):
		return fmt.Errorf("price asset %q: %w", p.Asset, ErrInvalid)
	case p.At.IsZero() || p.At.Before(time.Unix(0, 0)):
		return fmt.Errorf("price of %s: time is not after the Unix epoch: %w", p.Asset, ErrInvalid)
	}
	if _, err := decimal.NewFromString(p.Value); err != nil {
		return fmt.Errorf("price of %s: value %q is not a decimal number: %w", p.Asset, p.Value, ErrInvalid)
	}
	return nil
}

func compareMarkets(a, b Market) int {
	if c := cmp.Compare(a.ChainID, b.ChainID); c != 0 {
		return c
	}
	return strings.Compare(strings.ToLower(a.Address.Hex()), strings.ToLower(b.Address.Hex()))
}

// WithRoundLimit sets how many rounds are kept per market (default DefaultRoundLimit);
// values below one keep the default.
func WithRoundLimit(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.roundLimit = n
		}
	}
}

// WithPriceLimit sets how many prices are kept per asset (default DefaultPriceLimit);
// values below one keep the default.
func WithPriceLimit(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.priceLimit = n
		}
	}
}
