package relayer

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"
)

// ChainHead is a chain's latest block.
type ChainHead = oracle.ChainHead

// HeadReader is the part of a ChainWriter that reads the chain's head. The relayer
// polls it once a block time; a head that stops advancing makes Ready fail, so
// /readyz goes red when a chain (or the relayer's view of it) stands still.
type HeadReader interface {
	Head(ctx context.Context) (ChainHead, error)
}

// WalletReader is the part of a ChainWriter that names the wallet paying for its
// submissions and reads its balance, which the relayer shows as a metric and checks
// against Config.ChainMinBalance.
type WalletReader interface {
	From() common.Address
	WalletBalance(ctx context.Context) (*big.Int, error)
}

// ErrChainStalled is what Ready's error wraps when a chain's head has not advanced
// (or not been read) for StallBlocks of its block times.
var ErrChainStalled = errors.New("chain head not advancing")

// ErrBelowThreshold is what Ready's error wraps when a chain's last batch could not be
// signed to its oracle's threshold: too few of the local signers and co-signers
// signed (co-signers down or refusing).
var ErrBelowThreshold = errors.New("signatures below the oracle's threshold")

// DefaultStallBlocks is how many block times a chain's head may stand still before
// the relayer is not ready.
const DefaultStallBlocks = 30

// balanceInterval is how often the wallet balance is read besides after each push.
const balanceInterval = 30 * time.Second

// lowBalanceRepeat is how often the low-balance warning is repeated while the balance
// stays under the minimum: once when it falls under, then at this pace, not at every
// read.
const lowBalanceRepeat = 10 * time.Minute

// DefaultBlockTime is the block time of a chain Config.BlockTimes does not list. The
// chains' own block times are in their presets (deploy/presets), which the relayer
// command passes.
const DefaultBlockTime = time.Second

// chainHealth is what the relayer last saw of one chain's head.
type chainHealth struct {
	chain     string
	chainID   uint64
	blockTime time.Duration

	mu         sync.Mutex
	head       uint64
	read       bool      // a head was read at least once
	advancedAt time.Time // when the head was last seen to move (or first read)
	started    time.Time
	// unsigned is set while the chain's last push failed for want of signatures,
	// since when.
	unsigned time.Time
}

// signed records whether the chain's last push could be signed to the threshold.
func (h *chainHealth) signed(ok bool, now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case ok:
		h.unsigned = time.Time{}
	case h.unsigned.IsZero():
		h.unsigned = now
	}
}

// belowThreshold returns an error wrapping ErrBelowThreshold while the chain's pushes
// fail for want of signatures.
func (h *chainHealth) belowThreshold(now time.Time) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.unsigned.IsZero() {
		return nil
	}
	return fmt.Errorf("chain %s (%d): for %s no batch could be signed to the oracle's threshold (co-signers down or refusing; see allora_gateway_relayer_errors_total{kind=\"signing\"}): %w",
		h.chain, h.chainID, now.Sub(h.unsigned).Round(time.Second), ErrBelowThreshold)
}

// watchChain polls a chain's head and final block every block time, and its wallet
// balance every balanceInterval or after a push, until ctx ends.
func (r *Relayer) watchChain(ctx context.Context, c ChainWriter, h *chainHealth, pushed <-chan struct{}) error {
	log := r.log.With("chain_id", h.chainID, "chain", h.chain)
	poll := max(h.blockTime, 50*time.Millisecond)
	ticker := time.NewTicker(poll)
	defer ticker.Stop()
	var lastBalance, lowWarned time.Time
	warned, balanceWarned := false, false
	minBalance := r.cfg.ChainMinBalance[h.chainID]
	finality := finalFollower{finality: r.cfg.ChainFinality[h.chainID]}
	if minBalance != nil {
		r.metrics.observeMinBalance(h.chain, c.From().Hex(), minBalance)
	}
	for {
		now := time.Now()
		rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
		head, err := c.Head(rctx)
		cancel()
		switch {
		case err != nil && ctx.Err() == nil:
			if !warned {
				log.Warn("cannot read the chain's head; retrying every block time (readiness fails if it lasts)", "err", err)
				warned = true
			}
		case err == nil:
			warned = false
			advancedAt := h.observe(head.Number, now)
			r.metrics.observeHead(h.chain, head.Number, advancedAt)
			rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
			final := finality.final(rctx, c, head, log)
			cancel()
			r.observeFinal(ctx, h.chain, h.chainID, final, log)
		}
		if now.Sub(lastBalance) >= balanceInterval {
			rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
			bal, err := c.WalletBalance(rctx)
			cancel()
			switch {
			case err == nil:
				lastBalance, balanceWarned = now, false
				addr := c.From().Hex()
				r.metrics.observeBalance(h.chain, addr, bal)
				if minBalance == nil || bal.Cmp(minBalance) >= 0 {
					lowWarned = time.Time{}
				} else if lowWarned.IsZero() || now.Sub(lowWarned) >= lowBalanceRepeat {
					lowWarned = now
					short := new(big.Int).Sub(minBalance, bal)
					log.Warn("the submitting wallet holds less than chains[].min_balance: send at least the amount shown to the address before it cannot pay for pushes",
						"address", addr, "balance", etherString(bal), "min_balance", etherString(minBalance), "send", etherString(short))
				}
			case ctx.Err() == nil && !balanceWarned:
				// Once per outage: the head warning above says the chain is unreachable.
				balanceWarned = true
				log.Warn("cannot read the wallet balance; retrying every block time", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		case <-pushed:
			lastBalance = time.Time{} // a push spent gas: show the new balance now
		}
	}
}

// observe records a head read at now and returns when the head last advanced.
func (h *chainHealth) observe(number uint64, now time.Time) time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.read || number > h.head {
		h.advancedAt = now
	}
	// A lower number is a reorg or an endpoint behind: not progress, not a stall yet.
	h.head = max(h.head, number)
	h.read = true
	return h.advancedAt
}

// stalled returns an error wrapping ErrChainStalled if the head has not advanced for
// stallBlocks block times at now, or never been read in that long since start.
func (h *chainHealth) stalled(now time.Time, stallBlocks int) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	limit := time.Duration(stallBlocks) * h.blockTime
	if !h.read {
		// Not read yet: the relayer has just started, or every read fails.
		return fmt.Errorf("chain %s (%d): head not read yet: %w", h.chain, h.chainID, ErrChainStalled)
	}
	if idle := now.Sub(h.advancedAt); idle > limit {
		return fmt.Errorf("chain %s (%d): no new block for %s, more than %d block times of %s (last block %d): %w",
			h.chain, h.chainID, idle.Round(time.Second), stallBlocks, h.blockTime, h.head, ErrChainStalled)
	}
	return nil
}

// Ready reports whether every chain is served: an error naming the topics whose reads
// the Allora node does not serve (wrapping oracle.ErrNotServed, with the cause the
// source found, such as the emissions version the node serves instead), each chain whose head
// has not advanced for StallBlocks of its block times, or has not been read yet
// (wrapping ErrChainStalled), and each chain whose last batch could not be signed to
// its oracle's threshold (wrapping ErrBelowThreshold), and what the store has lost of
// the topics' metadata and the chains until the relayer has written it again
// (wrapping ErrStoreLostState). Its message names chains,
// blocks and metrics only, so it can be shown to whoever asks /readyz.
func (r *Relayer) Ready(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := time.Now()
	var msgs []string
	var causes []error
	if reason := r.notServedReason(); reason != "" {
		msgs = append(msgs, reason)
		causes = append(causes, oracle.ErrNotServed)
	}
	if lost := r.storeReadiness(ctx); lost != "" {
		msgs = append(msgs, lost)
		causes = append(causes, ErrStoreLostState)
	}
	for _, h := range r.health {
		if err := h.stalled(now, r.cfg.StallBlocks); err != nil {
			msgs = append(msgs, strings.TrimSuffix(err.Error(), ": "+ErrChainStalled.Error()))
			causes = append(causes, ErrChainStalled)
		}
		if err := h.belowThreshold(now); err != nil {
			msgs = append(msgs, strings.TrimSuffix(err.Error(), ": "+ErrBelowThreshold.Error()))
			causes = append(causes, ErrBelowThreshold)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return &notReady{msg: strings.Join(msgs, "; "), causes: causes}
}

// notReady is Ready's error: every reason, with the sentinels it wraps.
type notReady struct {
	msg    string
	causes []error
}

func (e *notReady) Error() string {
	last := e.causes[len(e.causes)-1]
	return e.msg + ": " + last.Error()
}

func (e *notReady) Unwrap() []error { return e.causes }

// etherString shows wei as a decimal amount of the native coin, exactly.
func etherString(wei *big.Int) string {
	return decimal.NewFromBigInt(wei, -18).String()
}
