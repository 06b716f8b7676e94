package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// InferenceHistory implements History.
func (r *Redis) InferenceHistory(ctx context.Context, topicID uint64, limit int, before uint64) ([]oracle.ScaledInference, error) {
	if limit < 1 {
		return nil, fmt.Errorf("topic %d inference history: limit %d: %w", topicID, limit, ErrInvalid)
	}
	upper := "+"
	if before != 0 {
		// Members start with the padded height and a '|', so each one at height
		// before sorts above the bare padded height and is excluded.
		upper = "(" + pad20(before)
	}
	members, err := r.c.ZRevRangeByLex(ctx, r.key("history", u64(topicID)), &redis.ZRangeBy{
		Max: upper, Min: "-", Count: int64(limit),
	}).Result()
	if err != nil {
		return nil, fmt.Errorf("topic %d inference history: %w", topicID, err)
	}
	out := make([]oracle.ScaledInference, 0, len(members))
	for _, m := range members {
		_, data, ok := strings.Cut(m, "|")
		if !ok {
			return nil, fmt.Errorf("topic %d inference history: malformed entry %.40q", topicID, m)
		}
		inf, err := decodeInference(data)
		if err != nil {
			return nil, fmt.Errorf("topic %d inference history: %w", topicID, err)
		}
		out = append(out, inf)
	}
	return out, nil
}

// updateRecord is an oracle update as stored, its value as a decimal string.
type updateRecord struct {
	TopicID     uint64 `json:"topic"`
	Value       string `json:"value"`
	BlockHeight uint64 `json:"height"`
	Loss        uint64 `json:"loss,omitempty"`
	Timestamp   uint64 `json:"ts"`
}

func encodeUpdates(us []oracle.Update) []updateRecord {
	out := make([]updateRecord, len(us))
	for i, u := range us {
		out[i] = updateRecord{TopicID: u.TopicID, BlockHeight: u.BlockHeight, Loss: u.LossBlockHeight, Timestamp: u.Timestamp}
		if u.Value != nil {
			out[i].Value = u.Value.String()
		}
	}
	return out
}

func decodeUpdates(rs []updateRecord) ([]oracle.Update, error) {
	if len(rs) == 0 {
		return nil, nil
	}
	out := make([]oracle.Update, len(rs))
	for i, r := range rs {
		out[i] = oracle.Update{TopicID: r.TopicID, BlockHeight: r.BlockHeight, LossBlockHeight: r.Loss, Timestamp: r.Timestamp}
		if r.Value != "" {
			v, ok := new(big.Int).SetString(r.Value, 10)
			if !ok {
				return nil, fmt.Errorf("decode topic %d update value %q: not a decimal integer", r.TopicID, r.Value)
			}
			out[i].Value = v
		}
	}
	return out, nil
}

// nanos and fromNanos store times as unix nanoseconds, the zero time as 0.
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(ns int64) time.Time {
	if ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, ns).UTC()
}

type pushRecord struct {
	TxHash      common.Hash    `json:"tx"`
	BlockNumber uint64         `json:"block"`
	GasUsed     uint64         `json:"gas"`
	Updates     []updateRecord `json:"updates,omitempty"`
	At          int64          `json:"at_ns"`
}

// RecordPush implements History.
func (r *Redis) RecordPush(ctx context.Context, chainID uint64, p Push) error {
	b, err := json.Marshal(pushRecord{
		TxHash: p.TxHash, BlockNumber: p.BlockNumber, GasUsed: p.GasUsed,
		Updates: encodeUpdates(p.Updates), At: nanos(p.At),
	})
	if err != nil {
		return fmt.Errorf("record chain %d push %s: %w", chainID, p.TxHash, err)
	}
	key := r.key("pushes", u64(chainID))
	_, err = r.c.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.LPush(ctx, key, b)
		pipe.LTrim(ctx, key, 0, int64(r.opts.pushLimit)-1)
		return nil
	})
	if err != nil {
		return fmt.Errorf("record chain %d push %s: %w", chainID, p.TxHash, err)
	}
	return nil
}

// Pushes implements History.
func (r *Redis) Pushes(ctx context.Context, chainID uint64, limit int) ([]Push, error) {
	if limit < 1 {
		return nil, fmt.Errorf("chain %d pushes: limit %d: %w", chainID, limit, ErrInvalid)
	}
	all, err := r.c.LRange(ctx, r.key("pushes", u64(chainID)), 0, int64(limit)-1).Result()
	if err != nil {
		return nil, fmt.Errorf("chain %d pushes: %w", chainID, err)
	}
	out := make([]Push, 0, len(all))
	for _, s := range all {
		var rec pushRecord
		if err := json.Unmarshal([]byte(s), &rec); err != nil {
			return nil, fmt.Errorf("chain %d pushes: decode: %w", chainID, err)
		}
		us, err := decodeUpdates(rec.Updates)
		if err != nil {
			return nil, fmt.Errorf("chain %d pushes: push %s: %w", chainID, rec.TxHash, err)
		}
		out = append(out, Push{TxHash: rec.TxHash, BlockNumber: rec.BlockNumber, GasUsed: rec.GasUsed, Updates: us, At: fromNanos(rec.At)})
	}
	return out, nil
}
