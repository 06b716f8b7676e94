// Package endpoint holds what a pool of endpoints of one network knows of each one's
// health, whatever the transport: failures in a row and the exponential backoff they
// earn, the endpoint's own Retry-After, the height it reports and whether that lags
// behind the others, its latency, and from all of it the order in which the pool tries
// them. The Allora node pool and the EVM endpoint pool keep their transports, logs and
// metrics, and share this.
package endpoint

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"
	"time"
)

// Config tunes a Set; each pool has its own defaults.
type Config struct {
	// MaxLag is how many blocks an endpoint may be behind the highest and be healthy.
	MaxLag uint64
	// BackoffMin and BackoffMax bound the backoff, doubled at each failure in a row.
	BackoffMin, BackoffMax time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Pending has every endpoint start excluded, until Include lets it in (an EVM
	// endpoint, until it has answered the chain id).
	Pending bool
}

// LatencyStep is the smallest difference in latency that orders endpoints at the same
// height: latencies are compared by their power of two in steps of it, so that two
// endpoints about as fast do not swap places at every health check.
const LatencyStep = 10 * time.Millisecond

// Set is the health of a fixed list of endpoints, named by their index in it. It is
// safe for concurrent use.
type Set struct {
	cfg Config
	mu  sync.Mutex
	eps []state
}

// state is an endpoint's Health as recorded: its times stay after they pass, and
// Healthy is computed when it is read.
type state struct {
	Health
	reported bool // has reported a height
}

// Health is what a Set knows of one endpoint. BackoffUntil and RetryAfterUntil are
// zero once passed; Healthy means included, not backing off, not rate limited and not
// lagging: the endpoint gets requests first.
type Health struct {
	Index, ConsecutiveErrors      int
	Height                        uint64
	Latency                       time.Duration // smoothed over health checks
	BackoffUntil, RetryAfterUntil time.Time
	Lagging, Excluded, Healthy    bool
	LastError                     error // nil after a success
}

// New makes the health of n endpoints, all healthy, and included unless cfg.Pending.
func New(n int, cfg Config) *Set {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Set{cfg: cfg, eps: make([]state, n)}
	for i := range s.eps {
		s.eps[i].Index, s.eps[i].Excluded = i, cfg.Pending
	}
	return s
}

// Now reads the Set's clock.
func (s *Set) Now() time.Time { return s.cfg.Now() }

func (s *Set) healthLocked(i int, now time.Time) Health {
	h := s.eps[i].Health
	if !now.Before(h.BackoffUntil) {
		h.BackoffUntil = time.Time{}
	}
	if !now.Before(h.RetryAfterUntil) {
		h.RetryAfterUntil = time.Time{}
	}
	h.Healthy = !h.Excluded && !h.Lagging && h.BackoffUntil.IsZero() && h.RetryAfterUntil.IsZero()
	return h
}

// Health reports every endpoint, in index order.
func (s *Set) Health() []Health {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Health, len(s.eps))
	for i := range s.eps {
		out[i] = s.healthLocked(i, now)
	}
	return out
}

// Include lets a pending endpoint i into the order and the highest height.
func (s *Set) Include(i int) {
	s.mu.Lock()
	s.eps[i].Excluded = false
	s.mu.Unlock()
}

// Observe records endpoint i's answer to a health check: its height, and how long it
// took to answer, smoothed over the checks. It does not end a backoff: Succeeded does.
func (s *Set) Observe(i int, height uint64, took time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &s.eps[i]
	e.Height, e.reported = height, true
	if e.Latency == 0 {
		e.Latency = took
	} else {
		e.Latency = (3*e.Latency + took) / 4
	}
}

// Failed records a failure of endpoint i: it is left alone for BackoffMin doubled per
// failure in a row, at most BackoffMax, and, when retryAfter is positive, also until
// its Retry-After has passed. It returns the endpoint's health after it and the
// backoff.
func (s *Set) Failed(i int, err error, retryAfter time.Duration) (Health, time.Duration) {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &s.eps[i]
	e.ConsecutiveErrors++
	e.LastError = err
	backoff := s.cfg.BackoffMax
	if shift := e.ConsecutiveErrors - 1; shift < 30 {
		backoff = min(s.cfg.BackoffMin<<shift, s.cfg.BackoffMax)
	}
	e.BackoffUntil = now.Add(backoff)
	if retryAfter > 0 {
		e.RetryAfterUntil = now.Add(retryAfter)
	}
	return s.healthLocked(i, now), backoff
}

// Succeeded records that endpoint i answered: its failures and backoff end. It returns
// the endpoint's health and whether it had been failing.
func (s *Set) Succeeded(i int) (h Health, recovered bool) {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &s.eps[i]
	recovered = e.ConsecutiveErrors > 0
	e.ConsecutiveErrors, e.BackoffUntil, e.LastError = 0, time.Time{}, nil
	return s.healthLocked(i, now), recovered
}

// LagChange is an endpoint's health after UpdateLag, and whether it lagged before.
type LagChange struct {
	Health
	WasLagging bool
}

// UpdateLag recomputes the highest height any included endpoint reported (one failing
// now too: the chain is at least there), marks lagging each included endpoint that
// reported a height more than MaxLag blocks below it, and returns the highest height
// and each included endpoint's health.
func (s *Set) UpdateLag() (best uint64, changes []LagChange) {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.eps {
		if !e.Excluded {
			best = max(best, e.Height)
		}
	}
	for i := range s.eps {
		if e := &s.eps[i]; !e.Excluded {
			was := e.Lagging
			e.Lagging = e.reported && best > e.Height+s.cfg.MaxLag
			changes = append(changes, LagChange{Health: s.healthLocked(i, now), WasLagging: was})
		}
	}
	return best, changes
}

// Order returns the indexes of the endpoints to try, best first: the healthy, then
// the lagging, each by height (highest first: heights only grow, so what one read saw
// never vanishes from the next), then latency (by powers of two of LatencyStep), then
// index; then those backing off, soonest back first. Excluded and rate-limited
// endpoints are left out.
func (s *Set) Order() []int {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []int
	for i, e := range s.eps {
		if !e.Excluded && !now.Before(e.RetryAfterUntil) {
			out = append(out, i)
		}
	}
	rank := func(e *state) int { // 0 healthy, 1 lagging, 2 backing off
		switch {
		case now.Before(e.BackoffUntil):
			return 2
		case e.Lagging:
			return 1
		}
		return 0
	}
	speed := func(e *state) int { return bits.Len64(uint64(e.Latency / LatencyStep)) }
	slices.SortFunc(out, func(i, j int) int {
		a, b := &s.eps[i], &s.eps[j]
		ra, rb := rank(a), rank(b)
		if ra == 2 && rb == 2 {
			return cmp.Or(a.BackoffUntil.Compare(b.BackoffUntil), cmp.Compare(i, j))
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(b.Height, a.Height), cmp.Compare(speed(a), speed(b)), cmp.Compare(i, j))
	})
	return out
}
