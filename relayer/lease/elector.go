package lease

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Elector keeps one lease for its owner: it tries to acquire it until it succeeds,
// renews it every third of the time to live while it leads, and steps down as soon as
// a renewal is refused or the lease may have expired without a successful renewal.
//
// Log levels, for operators: Warn means Redis did not answer an acquire or renew;
// leadership is kept only while the lease is certainly still held.
type Elector struct {
	lease    Lease
	name     string
	ttl      time.Duration
	retry    time.Duration
	log      *slog.Logger
	onChange func(token uint64, leader bool)
	now      func() time.Time

	mu     sync.Mutex
	token  uint64
	leader bool
	until  time.Time // leadership is certain only before this
}

// ElectorOption changes an Elector.
type ElectorOption func(*Elector)

// WithLogger sets the logger; the default discards.
func WithLogger(l *slog.Logger) ElectorOption { return func(e *Elector) { e.log = l } }

// OnChange calls fn from Run whenever the elector starts or stops leading, with the
// token it leads with (or led with, when leader is false). fn must return quickly.
func OnChange(fn func(token uint64, leader bool)) ElectorOption {
	return func(e *Elector) { e.onChange = fn }
}

// NewElector returns an elector for the lease name. ttl must be the time to live the
// Lease was made with: the elector renews every ttl/3, retries acquiring every ttl/10,
// and considers itself leader only until ttl (less a tenth for clock drift) after the
// start of its last successful acquire or renew.
func NewElector(l Lease, name string, ttl time.Duration, opts ...ElectorOption) *Elector {
	e := &Elector{
		lease:    l,
		name:     name,
		ttl:      ttl,
		retry:    max(ttl/10, time.Millisecond),
		log:      slog.New(slog.DiscardHandler),
		onChange: func(uint64, bool) {},
		now:      time.Now,
	}
	for _, o := range opts {
		o(e)
	}
	e.log = e.log.With("lease", name)
	return e
}

// Leader returns the token the elector leads with and whether it leads now.
func (e *Elector) Leader() (token uint64, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.leader || !e.now().Before(e.until) {
		return 0, false
	}
	return e.token, true
}

// Fence returns nil if the elector leads with token, and otherwise an error wrapping
// ErrNotLeader: a check to make before acting on a leadership won earlier.
func (e *Elector) Fence(token uint64) error {
	if cur, ok := e.Leader(); !ok || cur != token {
		return fmt.Errorf("lease %q token %d: %w", e.name, token, ErrNotLeader)
	}
	return nil
}

// Run elects until ctx is done, then releases the lease if it holds it and returns
// nil. It starts no goroutines.
func (e *Elector) Run(ctx context.Context) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			e.stop()
			return nil
		case <-timer.C:
		}
		timer.Reset(e.step(ctx))
	}
}

// step acquires or renews once and returns when to do so next.
func (e *Elector) step(ctx context.Context) time.Duration {
	start := e.now()
	valid := start.Add(e.ttl - e.ttl/10)
	cctx, cancel := context.WithTimeout(ctx, e.ttl/3)
	defer cancel()

	token, leading := e.state()
	if !leading {
		token, ok, err := e.lease.Acquire(cctx, e.name)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				e.log.Warn("cannot acquire lease; retrying", "err", err)
			}
			return e.retry
		case !ok:
			return e.retry
		}
		e.set(token, true, valid)
		return e.ttl / 3
	}

	ok, err := e.lease.Renew(cctx, e.name, token)
	switch {
	case err != nil:
		if ctx.Err() != nil {
			return 0
		}
		left := e.leaderUntil().Sub(e.now())
		if left <= 0 {
			e.log.Warn("cannot renew lease and it may have expired; stepping down", "token", token, "err", err)
			e.set(token, false, time.Time{})
			return e.retry
		}
		e.log.Warn("cannot renew lease; retrying while it is still held", "token", token, "left", left, "err", err)
		return min(e.retry, left)
	case !ok:
		e.log.Info("lease lost to another owner; stepping down", "token", token)
		e.set(token, false, time.Time{})
		return e.retry
	}
	e.set(token, true, valid)
	return e.ttl / 3
}

// stop steps down and releases the lease so another owner takes it at once.
func (e *Elector) stop() {
	token, leading := e.state()
	if !leading {
		return
	}
	e.set(token, false, time.Time{})
	ctx, cancel := context.WithTimeout(context.Background(), e.ttl/3)
	defer cancel()
	if err := e.lease.Release(ctx, e.name, token); err != nil {
		e.log.Warn("cannot release lease; another owner takes it when it expires", "token", token, "err", err)
	}
}

// state returns the token and whether the elector leads, by its own record.
func (e *Elector) state() (uint64, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.token, e.leader
}

func (e *Elector) leaderUntil() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.until
}

// set records the leadership and reports a change to onChange.
func (e *Elector) set(token uint64, leader bool, until time.Time) {
	e.mu.Lock()
	changed := e.leader != leader || e.token != token
	e.token, e.leader, e.until = token, leader, until
	e.mu.Unlock()
	if changed {
		if leader {
			e.log.Info("leading", "token", token)
		}
		e.onChange(token, leader)
	}
}
