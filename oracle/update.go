package oracle

import (
	"errors"
	"fmt"
	"math/big"
	"time"
)

// Errors of NewUpdate besides those of Scale.
var (
	// ErrNoBlockHeight means an inference has block height 0. The block height is the
	// update's nonce on chain, and 0 is what the contract holds for a topic never set.
	ErrNoBlockHeight = errors.New("inference has no block height")
	// ErrInvalidTimestamp means an inference's time is zero or before the Unix epoch.
	ErrInvalidTimestamp = errors.New("inference time is not after the Unix epoch")
	// ErrInvalidValue means an update's value is nil or outside the range the oracle
	// stores, [MinValue, MaxValue]: the contract would revert the batch.
	ErrInvalidValue = errors.New("update value is nil or out of the oracle's int160 range")
)

// NewUpdate turns an inference into the update the AlloraOracle stores: the value
// scaled by Scale (allowNegative as the topic's allow_negative), the topic and both
// heights (its version) copied, and the time as Unix seconds (any fraction of a second
// dropped).
// Errors name the inference, as in "topic 7 at block 123: value: invalid decimal: ...",
// and wrap the sentinel of the problem.
func NewUpdate(inf Inference, allowNegative bool) (Update, error) {
	if inf.BlockHeight == 0 {
		return Update{}, fmt.Errorf("topic %d at block %d: %w", inf.TopicID, inf.BlockHeight, ErrNoBlockHeight)
	}
	ts := inf.Timestamp.Unix()
	if inf.Timestamp.IsZero() || ts <= 0 {
		return Update{}, fmt.Errorf("topic %d at block %d: %w: %s", inf.TopicID, inf.BlockHeight,
			ErrInvalidTimestamp, inf.Timestamp.UTC().Format(time.RFC3339Nano))
	}
	value, err := Scale(inf.Value, allowNegative)
	if err != nil {
		return Update{}, fmt.Errorf("topic %d at block %d: value: %w", inf.TopicID, inf.BlockHeight, err)
	}
	return Update{
		TopicID:         inf.TopicID,
		Value:           value,
		BlockHeight:     inf.BlockHeight,
		LossBlockHeight: inf.LossBlockHeight,
		Timestamp:       uint64(ts),
	}, nil
}

// checkUpdates reports the first update whose value the oracle cannot store.
func checkUpdates(updates []Update) error {
	for i, u := range updates {
		if u.Value == nil || u.Value.Cmp(maxValue) > 0 || u.Value.Cmp(minValue) < 0 {
			return fmt.Errorf("update %d (topic %d at block %d): %w", i, u.TopicID, u.BlockHeight, ErrInvalidValue)
		}
	}
	return nil
}

// ScaledInference is an inference the oracle can carry, with its value scaled once:
// NewScaledInference makes it where an inference enters the gateway, and the store,
// the push loops and the API read Scaled instead of scaling again.
type ScaledInference struct {
	Inference
	// Scaled is Value as the oracle stores it: an int256 with Decimals decimals.
	Scaled *big.Int
}

// NewScaledInference validates inf and scales its value as NewUpdate does, whose
// errors it returns.
func NewScaledInference(inf Inference, allowNegative bool) (ScaledInference, error) {
	u, err := NewUpdate(inf, allowNegative)
	if err != nil {
		return ScaledInference{}, err
	}
	return ScaledInference{Inference: inf, Scaled: u.Value}, nil
}

// Update is the update the oracle stores for s, as NewUpdate makes it.
func (s ScaledInference) Update() Update {
	var value *big.Int
	if s.Scaled != nil {
		value = new(big.Int).Set(s.Scaled)
	}
	return Update{
		TopicID: s.TopicID, Value: value, BlockHeight: s.BlockHeight, LossBlockHeight: s.LossBlockHeight,
		Timestamp: uint64(max(s.Timestamp.Unix(), 0)),
	}
}
