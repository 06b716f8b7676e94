package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"
)

// Keys of markets and prices, below the prefix:
//
//	markets                          hash  "<chain>:<address>" -> market JSON
//	rounds:<chain>:<address>         hash  epoch -> round JSON (the API's shape)
//	rounds:<chain>:<address>:epochs  zset  20-digit epochs, all scored 0
//	prices:<asset>                   zset  "<20-digit unix ns>|<price JSON>", all scored 0

func (r *Redis) roundKeys(chainID uint64, market common.Address) []string {
	base := r.key("rounds", u64(chainID), strings.ToLower(market.Hex()))
	return []string{base, base + ":epochs"}
}

type marketRecord struct {
	ChainID         uint64         `json:"chain"`
	Address         common.Address `json:"address"`
	Name            string         `json:"name"`
	TopicID         uint64         `json:"topic"`
	Asset           string         `json:"asset"`
	IntervalSeconds uint64         `json:"interval"`
	CurrentEpoch    uint64         `json:"epoch"`
	Paused          bool           `json:"paused"`
}

// PutMarket implements Markets.
func (r *Redis) PutMarket(ctx context.Context, m Market) error {
	if m.ChainID == 0 || m.Address == (common.Address{}) {
		return fmt.Errorf("put market %s on chain %d: %w", m.Address, m.ChainID, ErrInvalid)
	}
	b, err := json.Marshal(marketRecord(m))
	if err == nil {
		field := u64(m.ChainID) + ":" + strings.ToLower(m.Address.Hex())
		err = r.c.HSet(ctx, r.key("markets"), field, b).Err()
	}
	if err != nil {
		return fmt.Errorf("put market %s on chain %d: %w", m.Address, m.ChainID, err)
	}
	return nil
}

// Markets implements Markets.
func (r *Redis) Markets(ctx context.Context) ([]Market, error) {
	all, err := r.c.HGetAll(ctx, r.key("markets")).Result()
	if err != nil {
		return nil, fmt.Errorf("list markets: %w", err)
	}
	out := make([]Market, 0, len(all))
	for field, s := range all {
		var rec marketRecord
		if err := json.Unmarshal([]byte(s), &rec); err != nil {
			return nil, fmt.Errorf("list markets: decode market %s: %w", field, err)
		}
		out = append(out, Market(rec))
	}
	slices.SortFunc(out, compareMarkets)
	return out, nil
}

// putRoundScript stores a round unless it would move the round back a stage, and keeps
// the newest ARGV[5] epochs. KEYS[1] is the market's rounds hash, KEYS[2] its epochs;
// ARGV[1] the epoch, ARGV[2] the padded epoch, ARGV[3] the round JSON, ARGV[4] its
// stage. It returns 2 when the round changed (or is new), 1 when it was written again
// unchanged, 0 when ignored.
var putRoundScript = redis.NewScript(`
local stages = {open = 1, locked = 2, closed = 3, void = 3}
local old = redis.call('HGET', KEYS[1], ARGV[1])
local changed = 2
if old then
  local o = cjson.decode(old)
  if tonumber(ARGV[4]) < (stages[o.status] or 0) then return 0 end
  if old == ARGV[3] then changed = 1 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[2], 0, ARGV[2])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if over > 0 then
  local drop = redis.call('ZRANGE', KEYS[2], 0, over - 1)
  for _, e in ipairs(drop) do
    local epoch = string.gsub(e, '^0+(%d)', '%1')
    redis.call('HDEL', KEYS[1], epoch)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
return changed
`)

// PutRound implements Markets.
func (r *Redis) PutRound(ctx context.Context, chainID uint64, market common.Address, rd Round) (bool, error) {
	if err := rd.Validate(); err != nil {
		return false, fmt.Errorf("put market %s: %w", market, err)
	}
	b, err := json.Marshal(rd)
	if err != nil {
		return false, fmt.Errorf("put market %s round %d: %w", market, rd.Epoch, err)
	}
	res, err := putRoundScript.Run(ctx, r.c, r.roundKeys(chainID, market),
		u64(rd.Epoch), pad20(rd.Epoch), b, rd.Status.stage(), r.opts.roundLimit).Int()
	if err != nil {
		return false, fmt.Errorf("put market %s round %d: %w", market, rd.Epoch, err)
	}
	return res == 2, nil
}

// Rounds implements Markets.
func (r *Redis) Rounds(ctx context.Context, chainID uint64, market common.Address, limit int, before uint64) ([]Round, error) {
	if limit < 1 {
		return nil, fmt.Errorf("market %s rounds: limit %d: %w", market, limit, ErrInvalid)
	}
	keys := r.roundKeys(chainID, market)
	upper := "+"
	if before != 0 {
		upper = "(" + pad20(before)
	}
	epochs, err := r.c.ZRevRangeByLex(ctx, keys[1], &redis.ZRangeBy{Max: upper, Min: "-", Count: int64(limit)}).Result()
	if err != nil {
		return nil, fmt.Errorf("market %s rounds: %w", market, err)
	}
	if len(epochs) == 0 {
		return []Round{}, nil
	}
	fields := make([]string, len(epochs))
	for i, e := range epochs {
		fields[i] = strings.TrimLeft(e, "0")
	}
	vals, err := r.c.HMGet(ctx, keys[0], fields...).Result()
	if err != nil {
		return nil, fmt.Errorf("market %s rounds: %w", market, err)
	}
	out := make([]Round, 0, len(vals))
	for i, v := range vals {
		s, ok := v.(string)
		if !ok {
			continue // trimmed by a writer between the two reads
		}
		var rd Round
		if err := json.Unmarshal([]byte(s), &rd); err != nil {
			return nil, fmt.Errorf("market %s rounds: decode round %s: %w", market, fields[i], err)
		}
		out = append(out, rd)
	}
	return out, nil
}

// Round implements Markets.
func (r *Redis) Round(ctx context.Context, chainID uint64, market common.Address, epoch uint64) (Round, error) {
	s, err := r.c.HGet(ctx, r.roundKeys(chainID, market)[0], u64(epoch)).Result()
	if errors.Is(err, redis.Nil) {
		return Round{}, fmt.Errorf("market %s on chain %d round %d: %w", market, chainID, epoch, ErrNotFound)
	}
	if err != nil {
		return Round{}, fmt.Errorf("market %s round %d: %w", market, epoch, err)
	}
	var rd Round
	if err := json.Unmarshal([]byte(s), &rd); err != nil {
		return Round{}, fmt.Errorf("market %s round %d: decode: %w", market, epoch, err)
	}
	return rd, nil
}

type priceRecord struct {
	Value  string `json:"v"`
	At     int64  `json:"at_ns"`
	Source string `json:"src,omitempty"`
}

// RecordPrice implements Prices.
func (r *Redis) RecordPrice(ctx context.Context, p Price) error {
	if err := checkPrice(p); err != nil {
		return fmt.Errorf("record %w", err)
	}
	b, err := json.Marshal(priceRecord{Value: p.Value, At: p.At.UnixNano(), Source: p.Source})
	if err != nil {
		return fmt.Errorf("record price of %s: %w", p.Asset, err)
	}
	key := r.key("prices", p.Asset)
	_, err = r.c.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.ZAdd(ctx, key, redis.Z{Member: pad20(uint64(p.At.UnixNano())) + "|" + string(b)})
		pipe.ZRemRangeByRank(ctx, key, 0, -int64(r.opts.priceLimit)-1)
		return nil
	})
	if err != nil {
		return fmt.Errorf("record price of %s: %w", p.Asset, err)
	}
	return nil
}

func (r *Redis) prices(ctx context.Context, asset, lower, upper string, limit int) ([]Price, error) {
	members, err := r.c.ZRevRangeByLex(ctx, r.key("prices", asset), &redis.ZRangeBy{Max: upper, Min: lower, Count: int64(limit)}).Result()
	if err != nil {
		return nil, err
	}
	out := make([]Price, 0, len(members))
	for _, m := range members {
		_, data, ok := strings.Cut(m, "|")
		if !ok {
			return nil, fmt.Errorf("malformed entry %.40q", m)
		}
		var rec priceRecord
		if err := json.Unmarshal([]byte(data), &rec); err != nil {
			return nil, fmt.Errorf("decode price: %w", err)
		}
		out = append(out, Price{Asset: asset, Value: rec.Value, At: time.Unix(0, rec.At).UTC(), Source: rec.Source})
	}
	return out, nil
}

// LatestPrice implements Prices.
func (r *Redis) LatestPrice(ctx context.Context, asset string) (Price, error) {
	ps, err := r.prices(ctx, asset, "-", "+", 1)
	if err != nil {
		return Price{}, fmt.Errorf("latest price of %s: %w", asset, err)
	}
	if len(ps) == 0 {
		return Price{}, fmt.Errorf("latest price of %s: %w", asset, ErrNotFound)
	}
	return ps[0], nil
}

// PricesBetween implements Prices.
func (r *Redis) PricesBetween(ctx context.Context, asset string, from, to time.Time, limit int) ([]Price, error) {
	if limit < 1 {
		return nil, fmt.Errorf("prices of %s: limit %d: %w", asset, limit, ErrInvalid)
	}
	if to.Before(from) || to.Before(time.Unix(0, 0)) {
		return []Price{}, nil
	}
	lower := "-"
	if from.After(time.Unix(0, 0)) {
		lower = "[" + pad20(uint64(from.UnixNano()))
	}
	// Members at to itself continue with '|', which sorts after any digit: bound by
	// the next nanosecond, exclusive.
	upper := "(" + pad20(uint64(to.UnixNano())+1)
	ps, err := r.prices(ctx, asset, lower, upper, limit)
	if err != nil {
		return nil, fmt.Errorf("prices of %s: %w", asset, err)
	}
	return ps, nil
}
