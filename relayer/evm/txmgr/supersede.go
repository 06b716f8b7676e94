package txmgr

import (
	"context"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// Cancel frees a stuck nonce: it signs a transfer of 0 wei from the key to itself at
// nonce, priced as a replacement of the journaled transaction there (every fee field
// raised by BumpPercent, or to the current quote if higher, under the same caps as
// Send's replacements), journals it in place of that transaction, broadcasts it, and
// sees it through to Confirmations like any Send: replaced again while stuck,
// resent after a reorg. The Result's Tx is whichever transaction was mined at the
// nonce: the cancel, or the original if it was mined first.
//
// A nonce the journal does not hold can be cancelled while the endpoint's pool holds
// a transaction of the key at it (one sent by hand, or by a relayer journaling in its
// memory); its price is not known, so the cancel starts at the current quote raised
// by BumpPercent and is raised while the endpoint calls it underpriced.
//
// If ctx ends first, the cancel stays journaled: the next Send, or Resume, of any
// manager over the same journal sees it through and never sends the original again,
// so no nonce is left behind.
func (m *Manager) Cancel(ctx context.Context, nonce uint64) (*Result, error) {
	return m.supersede(ctx, nonce, false)
}

// Replace sends the journaled transaction at nonce again, same call and gas, at
// fees raised as Cancel raises them, and sees it through as Cancel does. It is what
// the manager does by itself to a transaction stuck during a Send; Replace does it
// now, for a transaction left journaled (the relayer stopped, or it gave up at the
// fee cap and a higher cap is configured).
func (m *Manager) Replace(ctx context.Context, nonce uint64) (*Result, error) {
	return m.supersede(ctx, nonce, true)
}

func (m *Manager) supersede(ctx context.Context, nonce uint64, keepCall bool) (*Result, error) {
	select {
	case m.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for the transaction in flight: %w", ctx.Err())
	}
	defer func() { <-m.sem }()
	// Whatever happens here, the next Send reads the journal and the nonce afresh.
	defer func() {
		m.mu.Lock()
		m.resumed, m.nonceKnown = false, false
		m.mu.Unlock()
	}()
	if m.isLive(nonce) {
		return nil, fmt.Errorf("nonce %d is in flight: its Send replaces it while it is stuck: %w", nonce, ErrInFlight)
	}

	entry, old, err := m.journaled(ctx, nonce)
	if err != nil {
		return nil, err
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	mined, err := m.backend.NonceAt(rctx, m.from, nil)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("read nonce: %w", err)
	}
	if nonce < mined {
		return nil, fmt.Errorf("nonce %d (the key's next nonce is %d): %w", nonce, mined, ErrNonceMined)
	}
	if old == nil {
		if keepCall {
			return nil, fmt.Errorf("nonce %d: the journal holds no transaction to send again: %w", nonce, ErrNothingPending)
		}
		rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
		pendingNonce, err := m.backend.PendingNonceAt(rctx, m.from)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("read pending nonce: %w", err)
		}
		if nonce >= pendingNonce {
			return nil, fmt.Errorf("nonce %d (the key's next free nonce is %d, and the journal holds nothing at it): %w",
				nonce, pendingNonce, ErrNothingPending)
		}
	}
	if nonce > mined {
		m.log.Warn("nonces below this one are not mined yet; it cannot be mined before them", "nonce", nonce, "mined", mined)
	}

	rctx, cancel = context.WithTimeout(ctx, rpcTimeout)
	fresh, err := m.quote(rctx)
	cancel()
	if err != nil {
		return nil, err
	}
	var p *pending
	switch {
	case keepCall:
		p = resumedPending(entry, old)
	default:
		gas, err := m.selfTransferGas(ctx)
		if err != nil {
			return nil, err
		}
		p = &pending{nonce: nonce, to: &m.from, value: new(big.Int), gas: gas, resumed: true}
		if old != nil {
			r := resumedPending(entry, old)
			p.fees, p.first, p.attempt, p.sent = r.fees, r.first, r.attempt, r.sent
		}
	}
	if p.sent == nil {
		// The price of what is in the pool is not known: start over the quote.
		p.first = fresh
		p.fees = fees{GasPrice: raise0(fresh.GasPrice, m.cfg.BumpPercent), TipCap: raise0(fresh.TipCap, m.cfg.BumpPercent),
			FeeCap: raise0(fresh.FeeCap, m.cfg.BumpPercent)}
		if lim := m.limit(fresh); lim != nil && p.fees.top().Cmp(lim) > 0 {
			m.emit(Event{Kind: EventFeeCapReached, Nonce: nonce})
			return nil, fmt.Errorf("nonce %d: %s is over the cap %s: %w", nonce, p.fees, lim, ErrFeeCapReached)
		}
	} else {
		next, err := m.bump(p.fees, fresh, p.first)
		if err != nil {
			m.emit(Event{Kind: EventFeeCapReached, Nonce: nonce, Err: err})
			return nil, fmt.Errorf("nonce %d: %w", nonce, err)
		}
		p.fees = next
	}
	if err := m.sign(ctx, p); err != nil {
		return nil, err
	}
	what := "cancel"
	if keepCall {
		what = "replacement"
	}
	m.log.Warn("superseding a journaled transaction", "nonce", nonce, "with", what, "tx", p.next.tx.Hash(),
		"attempt", p.next.attempt, "fees", p.fees.String())
	return m.drive(ctx, p, false)
}

// journaled returns the journal's entry at nonce and its transaction, or a nil
// transaction when the journal holds none there.
func (m *Manager) journaled(ctx context.Context, nonce uint64) (JournalEntry, *types.Transaction, error) {
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	entries, err := m.journal.JournalPending(rctx, m.cfg.ChainID)
	cancel()
	if err != nil {
		return JournalEntry{}, nil, fmt.Errorf("read journal: %w", err)
	}
	for _, e := range entries {
		if e.Nonce != nonce {
			continue
		}
		tx := new(types.Transaction)
		if err := tx.UnmarshalBinary(e.RawTx); err != nil {
			return JournalEntry{}, nil, fmt.Errorf("journal entry at nonce %d holds no transaction this manager sends: %v", nonce, err)
		}
		from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
		if err != nil || from != m.from {
			return JournalEntry{}, nil, fmt.Errorf("nonce %d: sent by %s, not %s: %w", nonce, from.Hex(), m.from.Hex(), ErrForeignEntry)
		}
		return e, tx, nil
	}
	return JournalEntry{}, nil, nil
}

// selfTransferGas is the gas of a 0-wei transfer to the key's own address: 21000 on
// most chains, more where the gas schedule differs (ZKsync's EraVM), so it is asked.
func (m *Manager) selfTransferGas(ctx context.Context) (uint64, error) {
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	to := m.from
	gas, err := m.backend.EstimateGas(rctx, ethereum.CallMsg{From: m.from, To: &to, Value: new(big.Int)})
	if err != nil {
		if classifySend(err) == sendInsufficientFunds {
			m.emit(Event{Kind: EventInsufficientFunds, Err: err})
			return 0, fmt.Errorf("estimate gas of a self-transfer: %w: %w", ErrInsufficientFunds, err)
		}
		return 0, fmt.Errorf("estimate gas of a self-transfer: %w", err)
	}
	if m.cfg.GasLimitMultiplier > 1 {
		gas = uint64(math.Ceil(float64(gas) * m.cfg.GasLimitMultiplier))
	}
	return gas, nil
}

// raise0 is raise for a fee field that may be absent (nil).
func raise0(v *big.Int, pct int) *big.Int {
	if v == nil {
		return nil
	}
	return raise(v, pct)
}
