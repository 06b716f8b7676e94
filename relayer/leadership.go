package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Resumer is the part of a ChainWriter that sees its journal through on demand. When a
// replica wins a chain's lease the relayer calls Resume before it reads the oracle and
// sends anything, because the replica that held the lease before may have left
// transactions in flight and moved the key's nonce on. A writer that journals nothing
// has nothing to see through and returns nil.
type Resumer interface {
	Resume(ctx context.Context) error
}

// LeaseName is the name of the lease that lets one replica submit for a chain.
func LeaseName(chainID uint64) string { return "chain/" + strconv.FormatUint(chainID, 10) }

// errLeaseLost is why a term's work is cancelled when its lease changes hands.
var errLeaseLost = errors.New("the chain's lease changed hands")

// Leadership is one chain's lease as this replica sees it. Several relayer replicas
// may run; through it exactly one submits for the chain. An Elector keeps acquiring
// and renewing the lease; when it is won, the relayer fences the chain's journal with
// the lease's token (JournalFence) and resumes the journal before sending anything;
// every journal write then carries that token (see Journal), so a replica that lost
// the lease without noticing (a long pause, a partition) is refused by the store
// before it can broadcast, and stops submitting for the chain.
//
// Without Redis a single process uses a lease.Memory, and always leads.
type Leadership struct {
	chainID uint64
	owner   string
	el      *lease.Elector
	journal store.FencedJournal
	log     *slog.Logger

	mu         sync.Mutex
	term       uint64            // the token the journal was fenced and resumed with
	fenced     uint64            // a token the store refused: nothing more is sent with it
	changed    chan struct{}     // closed at every change, then replaced
	cancelTerm func(cause error) // ends the work of the current term
	observe    func(leader bool) // metrics
	shutdown   context.Context   // the elector's context, once Run is called
}

// NewLeadership returns the leadership of chainID over l, whose time to live is ttl
// and whose owner (for logs and metrics) is owner. journal is the store the chain's
// transactions are journaled in.
func NewLeadership(chainID uint64, l lease.Lease, owner string, ttl time.Duration, journal store.FencedJournal, log *slog.Logger) *Leadership {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ld := &Leadership{
		chainID: chainID,
		owner:   owner,
		journal: journal,
		log:     log.With("chain_id", chainID, "owner", owner),
		changed: make(chan struct{}),
		observe: func(bool) {},
	}
	ld.el = lease.NewElector(l, LeaseName(chainID), ttl, lease.WithLogger(ld.log), lease.OnChange(ld.onChange))
	return ld
}

// ChainID is the chain the lease is for.
func (l *Leadership) ChainID() uint64 { return l.chainID }

// Owner is this replica's owner id.
func (l *Leadership) Owner() string { return l.owner }

// Run keeps the lease until ctx ends, then releases it. The relayer runs it, ending
// it only after the chain's push loop has finished its last batch, so another
// replica cannot start sending while this one still is.
func (l *Leadership) Run(ctx context.Context) error {
	l.mu.Lock()
	l.shutdown = ctx
	l.mu.Unlock()
	return l.el.Run(ctx)
}

// Leader returns the token this replica submits with and whether it may submit now:
// it holds the lease and the store has not refused the token.
func (l *Leadership) Leader() (uint64, bool) {
	token, ok := l.el.Leader()
	if !ok {
		return 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if token == l.fenced {
		return 0, false
	}
	return token, true
}

// setObserver has fn told of every change of leadership.
func (l *Leadership) setObserver(fn func(leader bool)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.observe = fn
}

// changes returns a channel closed at the next change of leadership.
func (l *Leadership) changes() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.changed
}

func (l *Leadership) notifyLocked() {
	close(l.changed)
	l.changed = make(chan struct{})
}

func (l *Leadership) onChange(token uint64, leader bool) {
	l.mu.Lock()
	shuttingDown := l.shutdown != nil && l.shutdown.Err() != nil
	if !leader && l.cancelTerm != nil {
		l.cancelTerm(errLeaseLost)
		l.cancelTerm = nil
	}
	l.notifyLocked()
	observe := l.observe
	l.mu.Unlock()
	switch {
	case leader:
		l.log.Info("this replica holds the chain's lease and submits for the chain", "token", token)
	case shuttingDown:
		l.log.Info("released the chain's lease; another replica may take the chain over", "token", token)
	default:
		l.log.Warn("this replica no longer holds the chain's lease and stopped submitting for the chain; another replica takes it over (check Redis and this process's pauses if it keeps changing hands)",
			"token", token)
	}
	observe(leader)
}

// begin starts a term with token: it raises the journal's fence to it, so nothing an
// older holder writes from now on is accepted, and returns a context for the term's
// work that ends when the lease changes hands. The caller resumes the journal next.
func (l *Leadership) begin(ctx context.Context, token uint64) (context.Context, context.CancelCauseFunc, error) {
	if err := l.journal.JournalFence(ctx, l.chainID, token); err != nil {
		if errors.Is(err, store.ErrFenced) {
			l.fenceOff(token, err)
			return nil, nil, fmt.Errorf("fence the journal with lease token %d: %w", token, err)
		}
		return nil, nil, fmt.Errorf("fence the journal with lease token %d: %w: %w", token, errStore, err)
	}
	tctx, cancel := context.WithCancelCause(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	if cur, ok := l.el.Leader(); !ok || cur != token || token == l.fenced {
		cancel(errLeaseLost)
		return nil, nil, fmt.Errorf("lease token %d: %w", token, lease.ErrNotLeader)
	}
	if l.cancelTerm != nil {
		l.cancelTerm(errLeaseLost)
	}
	l.term, l.cancelTerm = token, cancel
	return tctx, cancel, nil
}

// writeToken is the token journal writes carry, or an error wrapping ErrNotLeader
// when this replica may not write now.
func (l *Leadership) writeToken() (uint64, error) {
	token, ok := l.Leader()
	l.mu.Lock()
	term := l.term
	l.mu.Unlock()
	if !ok || token != term {
		return 0, fmt.Errorf("lease %q: %w", LeaseName(l.chainID), lease.ErrNotLeader)
	}
	return token, nil
}

// fenceOff stops submitting with token: the store has seen a newer one, so another
// replica holds the chain now.
func (l *Leadership) fenceOff(token uint64, err error) {
	l.mu.Lock()
	if l.fenced == token {
		l.mu.Unlock()
		return
	}
	l.fenced = token
	if l.cancelTerm != nil && l.term == token {
		l.cancelTerm(err)
		l.cancelTerm = nil
	}
	l.notifyLocked()
	observe := l.observe
	l.mu.Unlock()
	l.log.Error("the store refused this replica's journal write: another replica holds the chain's lease with a newer token; stopped submitting for the chain until this replica wins the lease again (if this repeats, look for process pauses longer than the lease TTL)",
		"token", token, "err", err)
	observe(false)
}

// Journal is the chain's journal as the transaction manager writes it: every write
// carries the token of the current term, and is refused (without reaching the store)
// when this replica does not lead with it, or by the store when a newer token has
// been used. A refused write stops the transaction before it is broadcast.
func (l *Leadership) Journal() store.Journal { return fencedJournal{l} }

type fencedJournal struct{ l *Leadership }

func (j fencedJournal) JournalPut(ctx context.Context, e store.JournalEntry) error {
	token, err := j.l.writeToken()
	if err != nil {
		return fmt.Errorf("journal chain %d nonce %d: %w", e.ChainID, e.Nonce, err)
	}
	err = j.l.journal.JournalPutFenced(ctx, token, e)
	if errors.Is(err, store.ErrFenced) {
		j.l.fenceOff(token, err)
	}
	return err
}

func (j fencedJournal) JournalPending(ctx context.Context, chainID uint64) ([]store.JournalEntry, error) {
	return j.l.journal.JournalPending(ctx, chainID)
}

// JournalDone clears an entry only while this replica leads: after a handover the
// entry is the new holder's to see through.
func (j fencedJournal) JournalDone(ctx context.Context, chainID, nonce uint64) error {
	if _, err := j.l.writeToken(); err != nil {
		return fmt.Errorf("finish chain %d nonce %d in journal: %w", chainID, nonce, err)
	}
	return j.l.journal.JournalDone(ctx, chainID, nonce)
}
