package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// marketKey names a market in memory.
type marketKey struct {
	chainID uint64
	addr    common.Address
}

// memoryMarkets holds the markets, their rounds and the prices of a Memory store,
// under a lock of their own: the keeper writes them at its own pace, apart from the
// relayer's writes.
type memoryMarkets struct {
	mu      sync.RWMutex
	markets map[marketKey]Market
	rounds  map[marketKey][]Round // per market, ascending epoch
	prices  map[string][]Price    // per asset, ascending time
}

func (m *Memory) marketsState() *memoryMarkets { return m.mk }

// PutMarket implements Markets.
func (m *Memory) PutMarket(ctx context.Context, mk Market) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put market %s on chain %d: %w", mk.Address, mk.ChainID, err)
	}
	if mk.ChainID == 0 || mk.Address == (common.Address{}) {
		return fmt.Errorf("put market %s on chain %d: %w", mk.Address, mk.ChainID, ErrInvalid)
	}
	s := m.marketsState()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.markets[marketKey{mk.ChainID, mk.Address}] = mk
	return nil
}

// Markets implements Markets.
func (m *Memory) Markets(ctx context.Context) ([]Market, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list markets: %w", err)
	}
	s := m.marketsState()
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Market, 0, len(s.markets))
	for _, mk := range s.markets {
		out = append(out, mk)
	}
	slices.SortFunc(out, compareMarkets)
	return out, nil
}

// PutRound implements Markets.
func (m *Memory) PutRound(ctx context.Context, chainID uint64, market common.Address, r Round) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("put market %s round %d: %w", market, r.Epoch, err)
	}
	if err := r.Validate(); err != nil {
		return false, fmt.Errorf("put market %s: %w", market, err)
	}
	r = copyRound(r)
	s := m.marketsState()
	s.mu.Lock()
	defer s.mu.Unlock()
	k := marketKey{chainID, market}
	rs := s.rounds[k]
	i, found := slices.BinarySearchFunc(rs, r.Epoch, func(x Round, e uint64) int { return cmp.Compare(x.Epoch, e) })
	if found {
		prev := rs[i]
		if r.Status.stage() < prev.Status.stage() {
			return false, nil
		}
		rs[i] = r
		return !sameRound(prev, r), nil
	}
	rs = slices.Insert(rs, i, r)
	if over := len(rs) - m.opts.roundLimit; over > 0 {
		rs = slices.Delete(rs, 0, over)
	}
	s.rounds[k] = rs
	return true, nil
}

// Rounds implements Markets.
func (m *Memory) Rounds(ctx context.Context, chainID uint64, market common.Address, limit int, before uint64) ([]Round, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("market %s rounds: %w", market, err)
	}
	if limit < 1 {
		return nil, fmt.Errorf("market %s rounds: limit %d: %w", market, limit, ErrInvalid)
	}
	s := m.marketsState()
	s.mu.RLock()
	defer s.mu.RUnlock()
	rs := s.rounds[marketKey{chainID, market}]
	end := len(rs)
	if before != 0 {
		end, _ = slices.BinarySearchFunc(rs, before, func(x Round, e uint64) int { return cmp.Compare(x.Epoch, e) })
	}
	out := make([]Round, 0, min(limit, end))
	for i := end - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, copyRound(rs[i]))
	}
	return out, nil
}

// Round implements Markets.
func (m *Memory) Round(ctx context.Context, chainID uint64, market common.Address, epoch uint64) (Round, error) {
	if err := ctx.Err(); err != nil {
		return Round{}, fmt.Errorf("market %s round %d: %w", market, epoch, err)
	}
	s := m.marketsState()
	s.mu.RLock()
	defer s.mu.RUnlock()
	rs := s.rounds[marketKey{chainID, market}]
	i, found := slices.BinarySearchFunc(rs, epoch, func(x Round, e uint64) int { return cmp.Compare(x.Epoch, e) })
	if !found {
		return Round{}, fmt.Errorf("market %s on chain %d round %d: %w", market, chainID, epoch, ErrNotFound)
	}
	return copyRound(rs[i]), nil
}

// RecordPrice implements Prices.
func (m *Memory) RecordPrice(ctx context.Context, p Price) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("record price of %s: %w", p.Asset, err)
	}
	if err := checkPrice(p); err != nil {
		return fmt.Errorf("record %w", err)
	}
	p.At = p.At.UTC()
	s := m.marketsState()
	s.mu.Lock()
	defer s.mu.Unlock()
	ps := s.prices[p.Asset]
	// After every price at the same time, so that equal times keep their order.
	i, _ := slices.BinarySearchFunc(ps, p.At, func(x Price, at time.Time) int {
		if x.At.After(at) {
			return 1
		}
		return -1
	})
	ps = slices.Insert(ps, i, p)
	if over := len(ps) - m.opts.priceLimit; over > 0 {
		ps = slices.Delete(ps, 0, over)
	}
	s.prices[p.Asset] = ps
	return nil
}

// LatestPrice implements Prices.
func (m *Memory) LatestPrice(ctx context.Context, asset string) (Price, error) {
	if err := ctx.Err(); err != nil {
		return Price{}, fmt.Errorf("latest price of %s: %w", asset, err)
	}
	s := m.marketsState()
	s.mu.RLock()
	defer s.mu.RUnlock()
	ps := s.prices[asset]
	if len(ps) == 0 {
		return Price{}, fmt.Errorf("latest price of %s: %w", asset, ErrNotFound)
	}
	return ps[len(ps)-1], nil
}

// PricesBetween implements Prices.
func (m *Memory) PricesBetween(ctx context.Context, asset string, from, to time.Time, limit int) ([]Price, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("prices of %s: %w", asset, err)
	}
	if limit < 1 {
		return nil, fmt.Errorf("prices of %s: limit %d: %w", asset, limit, ErrInvalid)
	}
	s := m.marketsState()
	s.mu.RLock()
	defer s.mu.RUnlock()
	ps := s.prices[asset]
	// end is the index of the first price after to.
	end, _ := slices.BinarySearchFunc(ps, to, func(x Price, at time.Time) int {
		if x.At.After(at) {
			return 1
		}
		return -1
	})
	out := []Price{}
	for i := end - 1; i >= 0 && len(out) < limit && !ps[i].At.Before(from); i-- {
		out = append(out, ps[i])
	}
	return out, nil
}
