package keeper

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// Market is one PredictionMarket as the keeper drives it. The EVM adapter
// (relayer/evm.Market) implements it over any JSON-RPC endpoint.
type Market interface {
	// Info names the market in logs and events.
	Info() MarketInfo
	// State reads what the keeper decides from, all as of one block.
	State(ctx context.Context) (State, error)
	// Execute sends genesisStart, genesisLock or executeRound and waits until it is mined.
	Execute(ctx context.Context, step Step) (Execution, error)
}

// MarketInfo names a market.
type MarketInfo struct {
	ChainID   uint64
	ChainName string
	Address   common.Address
	Name      string // what it bets on, such as "ETH 5m"
}

// State is what a market holds as of one block.
type State struct {
	BlockNumber    uint64
	BlockTime      uint64 // the block's timestamp, in seconds
	Epoch          uint64 // currentEpoch: the round open for bets; 0 before genesisStart
	LockTimestamp  uint64 // when the current round may be locked
	BufferSeconds  uint64 // how late after LockTimestamp it may still be locked
	GenesisStarted bool
	GenesisLocked  bool // executeRound, not genesisLock, is the next call
	Paused         bool
}

// Step is one of the market's permissionless lifecycle calls.
type Step int

// The lifecycle calls, in the order a market first needs them.
const (
	GenesisStart Step = iota + 1 // opens the first round
	GenesisLock                  // locks the first round of a chain of rounds and opens the next
	ExecuteRound                 // locks the current round, closes the previous one, opens the next
)

func (s Step) String() string {
	switch s {
	case GenesisStart:
		return "genesisStart"
	case GenesisLock:
		return "genesisLock"
	case ExecuteRound:
		return "executeRound"
	default:
		return fmt.Sprintf("step %d", int(s))
	}
}

// AICall is the AI's call recorded at lock: its prediction above or below the lock price.
type AICall uint8

// The AI's calls, numbered as the contract numbers them.
const (
	NoCall AICall = iota
	Up
	Down
)

func (c AICall) String() string {
	switch c {
	case NoCall:
		return "no call"
	case Up:
		return "UP"
	case Down:
		return "DOWN"
	default:
		return fmt.Sprintf("call %d", uint8(c))
	}
}

// Status is where a round is in its life, numbered as the contract numbers it.
type Status uint8

// Round statuses.
const (
	StatusNone Status = iota
	StatusOpen
	StatusLocked
	StatusAIRight
	StatusAIWrong
	StatusVoid
)

func (s Status) String() string {
	switch s {
	case StatusNone:
		return "not started"
	case StatusOpen:
		return "open"
	case StatusLocked:
		return "locked"
	case StatusAIRight:
		return "AI right"
	case StatusAIWrong:
		return "AI wrong"
	case StatusVoid:
		return "void"
	default:
		return fmt.Sprintf("status %d", uint8(s))
	}
}

// VoidReason says why a round was voided, numbered as the contract numbers it.
type VoidReason uint8

// Reasons a round is voided and its bettors refunded.
const (
	NotVoid VoidReason = iota
	Tie
	NoAICall
	OneSidedPool
	InvalidLockPrice
	InvalidPrediction
	InvalidClosePrice
	LockMissed
	CloseMissed
)

func (r VoidReason) String() string {
	names := [...]string{"not void", "tie", "no AI call", "one-sided pool", "invalid lock price",
		"invalid prediction", "invalid close price", "lock missed", "close missed"}
	if int(r) < len(names) {
		return names[r]
	}
	return fmt.Sprintf("reason %d", uint8(r))
}

// Execution is what one mined lifecycle call did, from the market's events.
type Execution struct {
	Step        Step
	TxHash      common.Hash
	BlockNumber uint64
	GasUsed     uint64
	Started     uint64  // the round it opened; 0 if none
	Locked      *Locked // the round it locked or voided at lock
	Closed      *Closed // the round it closed with a winner
	Voided      []Voided
}

// Locked is a round reaching its lock time: the lock price and the AI's call.
type Locked struct {
	Epoch         uint64
	Price         *big.Int // lock price, PriceDecimals decimals; zero if the feed failed
	PriceDecimals uint8
	AIPrediction  *big.Int // the oracle's value, 18 decimals
	AICall        AICall
	Status        Status // StatusLocked, or StatusVoid when the round cannot be decided
}

// Closed is a round decided at its close.
type Closed struct {
	Epoch         uint64
	Price         *big.Int // close price, PriceDecimals decimals
	PriceDecimals uint8
	Status        Status // StatusAIRight or StatusAIWrong
}

// Voided is a round voided: every bettor gets their stake back.
type Voided struct {
	Epoch  uint64
	Reason VoidReason
}

// PriceRound is one round of a market's price feed: its id and when it was updated.
type PriceRound struct {
	ID        *big.Int
	UpdatedAt uint64 // seconds; 0 for a round never updated
}

// PriceRounds reads the rounds of a market's price feed (an AggregatorV3 feed).
type PriceRounds interface {
	LatestPriceRound(ctx context.Context) (PriceRound, error)
	PriceRound(ctx context.Context, id *big.Int) (PriceRound, error)
}

// MaxPriceRoundWalk is how many rounds PriceRoundAt walks back from the latest.
const MaxPriceRoundWalk = 64

// ErrNoPriceRound means no round of the feed was found in force at the time asked.
var ErrNoPriceRound = errors.New("no price round in force")

// PriceRoundAt finds the feed's round in force at t, the one genesisLock and executeRound
// are given: the latest round updated at or before t, walking back from the latest. The
// latest round is returned as it is when it was never updated (the market voids the round
// on it, as on a failed feed).
func PriceRoundAt(ctx context.Context, feed PriceRounds, t uint64) (*big.Int, error) {
	r, err := feed.LatestPriceRound(ctx)
	if err != nil {
		return nil, err
	}
	if r.UpdatedAt == 0 {
		return r.ID, nil
	}
	for range MaxPriceRoundWalk {
		if r.UpdatedAt != 0 && r.UpdatedAt <= t {
			return r.ID, nil
		}
		if r.ID.Sign() <= 0 {
			break
		}
		id := new(big.Int).Sub(r.ID, big.NewInt(1))
		if r, err = feed.PriceRound(ctx, id); err != nil {
			return nil, fmt.Errorf("walk back to the round in force at %d: %w", t, err)
		}
	}
	return nil, fmt.Errorf("%w at %d within %d rounds of the latest", ErrNoPriceRound, t, MaxPriceRoundWalk)
}
