package txmgr

import (
	"context"
	"fmt"
	"math/big"
)

// fees is one transaction's price: GasPrice for legacy, TipCap and FeeCap for
// EIP-1559.
type fees struct {
	GasPrice *big.Int
	TipCap   *big.Int
	FeeCap   *big.Int
}

// top is the most the transaction may pay per gas: what the caps apply to.
func (f fees) top() *big.Int {
	if f.GasPrice != nil {
		return f.GasPrice
	}
	return f.FeeCap
}

// shaped returns f in the shape of like (legacy or EIP-1559): a transaction resumed
// from the journal keeps its type even if the chain's fee mode was changed since.
func (f fees) shaped(like fees) fees {
	switch {
	case like.GasPrice != nil && f.GasPrice == nil:
		return fees{GasPrice: f.FeeCap}
	case like.GasPrice == nil && f.GasPrice != nil:
		return fees{TipCap: f.GasPrice, FeeCap: f.GasPrice}
	}
	return f
}

func (f fees) String() string {
	if f.GasPrice != nil {
		return fmt.Sprintf("gasPrice=%s", f.GasPrice)
	}
	return fmt.Sprintf("maxFee=%s tip=%s", f.FeeCap, f.TipCap)
}

// quote asks the endpoint what a transaction should pay now. EIP-1559's fee cap is
// twice the latest base fee plus the tip, so the transaction stays includable through
// several full blocks of base-fee rises; with a zero base fee (BNB) it is the tip.
func (m *Manager) quote(ctx context.Context) (fees, error) {
	if m.cfg.FeeMode == Legacy {
		price, err := m.backend.SuggestGasPrice(ctx)
		if err != nil {
			return fees{}, fmt.Errorf("suggest gas price: %w", err)
		}
		return fees{GasPrice: price}, nil
	}
	tip, err := m.backend.SuggestGasTipCap(ctx)
	if err != nil {
		return fees{}, fmt.Errorf("suggest gas tip cap: %w", err)
	}
	head, err := m.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return fees{}, fmt.Errorf("read latest header: %w", err)
	}
	base := new(big.Int)
	if head.BaseFee != nil {
		base.Set(head.BaseFee)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), tip)
	return fees{TipCap: tip, FeeCap: feeCap}, nil
}

// raise returns v raised by pct percent, rounded up, and by at least one wei.
func raise(v *big.Int, pct int) *big.Int {
	inc := new(big.Int).Mul(v, big.NewInt(int64(pct)))
	inc.Add(inc, big.NewInt(99))
	inc.Div(inc, big.NewInt(100))
	if inc.Sign() == 0 {
		inc.SetInt64(1)
	}
	return inc.Add(inc, v)
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Set(b)
}

// limit is the most any fee field may reach for a nonce whose first quote was first.
func (m *Manager) limit(first fees) *big.Int {
	var lim *big.Int
	if m.cfg.FeeLimitMultiplier > 0 {
		lim = new(big.Int).Mul(first.top(), big.NewInt(m.cfg.FeeLimitMultiplier))
	}
	if m.cfg.MaxGasPrice != nil && (lim == nil || m.cfg.MaxGasPrice.Cmp(lim) < 0) {
		lim = new(big.Int).Set(m.cfg.MaxGasPrice)
	}
	return lim
}

// bump prices a replacement for a transaction priced old: every field raised by
// BumpPercent, or to the fresh quote if that is higher, then held under the cap. It
// returns ErrFeeCapReached when the capped price would no longer be a valid
// replacement (geth wants every field at least MinBumpPercent higher).
func (m *Manager) bump(old, fresh, first fees) (fees, error) {
	fresh = fresh.shaped(old)
	lim := m.limit(first)
	var next fees
	if old.GasPrice != nil {
		next.GasPrice = maxBig(raise(old.GasPrice, m.cfg.BumpPercent), fresh.top())
	} else {
		next.TipCap = maxBig(raise(old.TipCap, m.cfg.BumpPercent), fresh.TipCap)
		// The fresh fee cap is recomputed over the raised tip, so the room left for the
		// base fee is what the latest block asks for.
		room := new(big.Int).Sub(fresh.FeeCap, fresh.TipCap)
		next.FeeCap = maxBig(raise(old.FeeCap, m.cfg.BumpPercent), room.Add(room, next.TipCap))
	}
	if lim != nil && next.top().Cmp(lim) > 0 {
		next.top().Set(lim)
		if next.TipCap != nil && next.TipCap.Cmp(next.FeeCap) > 0 {
			next.TipCap.Set(next.FeeCap)
		}
		if !validReplacement(old, next) {
			return old, fmt.Errorf("replace %s under the cap %s: %w", old, lim, ErrFeeCapReached)
		}
	}
	return next, nil
}

// validReplacement reports whether next raises every fee field of old by at least
// MinBumpPercent, as geth's pool requires.
func validReplacement(old, next fees) bool {
	ok := func(o, n *big.Int) bool {
		need := new(big.Int).Mul(o, big.NewInt(100+MinBumpPercent))
		return new(big.Int).Mul(n, big.NewInt(100)).Cmp(need) >= 0
	}
	if old.GasPrice != nil {
		return ok(old.GasPrice, next.GasPrice)
	}
	return ok(old.TipCap, next.TipCap) && ok(old.FeeCap, next.FeeCap)
}
