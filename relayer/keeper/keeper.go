// Package keeper executes the rounds of PredictionMarket contracts when they are due. For
// each market it reads the market's state every poll interval and sends whichever
// permissionless call is due: genesisStart once, genesisLock to start a chain of rounds,
// then executeRound at each round's lock time, waiting for each receipt.
//
// Anyone may execute a round, so several keepers (or a keeper and a stranger) may race:
// the loser's call reverts or finds nothing due, and the keeper, seeing the round has
// moved on, carries on. A round not locked within its buffer cannot be decided; the
// contract then voids it when the next call comes, refunds its bettors and restarts the
// chain of rounds with genesisLock, so the keeper recovers by executing late.
//
// Log levels, for operators: Error means a round was missed (it is voided and its
// bettors refunded: look at why the keeper or the chain was late); Warn means a read or
// a call failed and the keeper retries at the next poll; Info is every executed round,
// and every call the market refused (ErrRefused) or another caller beat it to: with
// several relayer replicas, or anyone else executing rounds, that is the normal race,
// settled by the contract, and costs nothing since a refused call is never sent.
package keeper

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"golang.org/x/sync/errgroup"
)

// Config tunes the keeper.
type Config struct {
	// PollInterval is how often each market's state is read. A fraction of the chain's
	// block time executes a round within a block of its lock time.
	PollInterval time.Duration
	// RequestTimeout bounds each read of a market's state.
	RequestTimeout time.Duration
	// SubmitTimeout bounds one call, from sending to its receipt.
	SubmitTimeout time.Duration
}

func (c *Config) setDefaults() {
	if c.PollInterval <= 0 {
		c.PollInterval = time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.SubmitTimeout <= 0 {
		c.SubmitTimeout = 2 * time.Minute
	}
}

// Event is a lifecycle call the keeper had mined, for whoever wants to show it.
type Event struct {
	Market    MarketInfo
	Execution Execution
}

// Keeper drives a set of markets.
type Keeper struct {
	cfg     Config
	markets []Market
	log     *slog.Logger
	events  func(Event)
	turn    func(chainID uint64) bool
}

// Option changes a Keeper.
type Option func(*Keeper)

// WithLogger sets the logger; the default discards.
func WithLogger(l *slog.Logger) Option { return func(k *Keeper) { k.log = l } }

// WithEvents calls fn for every mined lifecycle call. fn must not block.
func WithEvents(fn func(Event)) Option { return func(k *Keeper) { k.events = fn } }

// WithTurn makes the keeper act on a chain's markets only while turn(chainID) is true:
// with several relayer replicas, only the one holding the chain's lease executes rounds
// there, so replicas never race each other's calls, and a keeper sending through the
// submitter's transaction manager never sends while that manager may not. The markets
// are still read at every poll; nothing is sent out of turn. By default it is always
// the keeper's turn. turn must not block.
func WithTurn(turn func(chainID uint64) bool) Option { return func(k *Keeper) { k.turn = turn } }

// ErrRefused is what a Market's Execute error wraps when the contract refused the call
// before anything was sent (it is not due yet, or another caller executed it first).
var ErrRefused = errors.New("market refused the call")

// ErrNoMarkets is returned by New when there is nothing to keep.
var ErrNoMarkets = errors.New("no markets to keep")

// New makes a keeper of markets.
func New(cfg Config, markets []Market, opts ...Option) (*Keeper, error) {
	if len(markets) == 0 {
		return nil, fmt.Errorf("keeper: %w", ErrNoMarkets)
	}
	cfg.setDefaults()
	k := &Keeper{cfg: cfg, markets: markets, log: slog.New(slog.DiscardHandler), events: func(Event) {},
		turn: func(uint64) bool { return true }}
	for _, o := range opts {
		o(k)
	}
	return k, nil
}

// Run keeps every market until ctx is done, then returns nil. It never gives up on a
// market because a read or a call fails: it retries at the next poll.
func (k *Keeper) Run(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, m := range k.markets {
		g.Go(func() error {
			k.keep(ctx, m)
			return nil
		})
	}
	return g.Wait()
}

func (k *Keeper) keep(ctx context.Context, m Market) {
	info := m.Info()
	log := k.log.With("chain_id", info.ChainID, "chain", info.ChainName, "market", info.Address.Hex())
	ticker := time.NewTicker(k.cfg.PollInterval)
	defer ticker.Stop()
	inTurn := true
	for {
		if now := k.turn(info.ChainID); now != inTurn {
			inTurn = now
			if now {
				log.Info("this replica holds the chain's lease: executing its market rounds")
			} else {
				log.Info("another replica holds the chain's lease: it executes the market rounds, this one waits")
			}
		}
		if inTurn {
			k.tick(ctx, m, log)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// tick reads the market and sends the call that is due, if any.
func (k *Keeper) tick(ctx context.Context, m Market, log *slog.Logger) {
	before, err := k.state(ctx, m)
	if err != nil {
		if ctx.Err() == nil {
			log.Warn("read market state; retrying", "err", err)
		}
		return
	}
	step, late := Due(before)
	if step == 0 {
		return
	}
	if late {
		log.Error("round missed: not locked within its buffer; executing now voids it and restarts the rounds",
			"epoch", before.Epoch, "lock_timestamp", before.LockTimestamp, "buffer_seconds", before.BufferSeconds,
			"block_time", before.BlockTime)
	}
	sctx, cancel := context.WithTimeout(ctx, k.cfg.SubmitTimeout)
	exec, err := m.Execute(sctx, step)
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		// Another keeper may have executed the round first: then this call reverted or
		// found the round not due, and there is nothing to retry.
		if after, serr := k.state(ctx, m); serr == nil && Advanced(before, after) {
			log.Info("round already executed by another caller", "step", step, "epoch", after.Epoch, "err", err)
			return
		}
		if errors.Is(err, ErrRefused) {
			log.Info("market refused the call, nothing sent; trying again at the next poll", "step", step, "epoch", before.Epoch, "err", err)
			return
		}
		log.Warn("execute round; retrying at the next poll", "step", step, "epoch", before.Epoch, "err", err)
		return
	}
	log.Info("executed", "step", step, "epoch", before.Epoch, "tx", exec.TxHash.Hex(),
		"block", exec.BlockNumber, "gas", exec.GasUsed)
	k.events(Event{Market: m.Info(), Execution: exec})
}

func (k *Keeper) state(ctx context.Context, m Market) (State, error) {
	rctx, cancel := context.WithTimeout(ctx, k.cfg.RequestTimeout)
	defer cancel()
	return m.State(rctx)
}

// Due returns the call a market in state s needs now, or 0 when none is due, and
// whether the current round's buffer has passed (executing then voids it). A paused
// market needs nothing: only its owner can resume it.
func Due(s State) (step Step, late bool) {
	switch {
	case s.Paused:
		return 0, false
	case !s.GenesisStarted:
		return GenesisStart, false
	case s.BlockTime < s.LockTimestamp:
		return 0, false
	}
	late = s.BlockTime > s.LockTimestamp+s.BufferSeconds
	if !s.GenesisLocked {
		return GenesisLock, late
	}
	return ExecuteRound, late
}

// Advanced reports whether a market moved on from before to after: genesis started or
// a new round opened.
func Advanced(before, after State) bool {
	return after.Epoch > before.Epoch || (after.GenesisStarted && !before.GenesisStarted)
}
