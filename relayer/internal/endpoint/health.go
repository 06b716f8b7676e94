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

// Config tunes a Set. MaxLag, BackoffMin and BackoffMax have no defaults here: each
// pool documents its own.
type Config struct {
	// MaxLag is how many blocks an endpoint may be behind the highest and still be
	// healthy.
	MaxLag uint64
	// BackoffMin and BackoffMax bound how long a failing endpoint is left alone: it
	// doubles with each consecutive failure from BackoffMin to BackoffMax.
	BackoffMin, BackoffMax time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
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

type state struct {
	excluded     bool
	reported     bool // has reported a height
	height       uint64
	latency      time.Duration // smoothed
	consecutive  int           // failures since the last success
	backoffUntil time.Time
	retryUntil   time.Time // the endpoint's own Retry-After
	lastErr      error
	lagging      bool
}

// Health is what a Set knows of one endpoint.
type Health struct {
	Index int
	// Height is the latest height the endpoint reported; 0 before it did (and on a
	// chain at its genesis).
	Height uint64
	// Latency is the smoothed latency of its answers to health checks.
	Latency time.Duration
	// ConsecutiveErrors counts failures since its last success.
	ConsecutiveErrors int
	// BackoffUntil is when it gets requests again after failures; zero when it is not
	// backing off.
	BackoffUntil time.Time
	// RetryAfterUntil is when its own Retry-After lets it be asked again; zero when it
	// did not ask to be left alone, or that time has passed.
	RetryAfterUntil time.Time
	// Lagging says it is more than MaxLag blocks behind the highest.
	Lagging bool
	// Excluded says the pool keeps it out (not verified yet, or refused).
	Excluded bool
	// Healthy says it gets requests first: included, not backing off, not rate
	// limited, not lagging.
	Healthy bool
	// LastError is its last failure; nil after a success.
	LastError error
}

// New makes the health of n endpoints, all included and healthy.
func New(n int, cfg Config) *Set {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Set{cfg: cfg, eps: make([]state, n)}
}

// Now reads the Set's clock.
func (s *Set) Now() time.Time { return s.cfg.Now() }

func (s *Set) healthLocked(i int, now time.Time) Health {
	e := &s.eps[i]
	h := Health{
		Index: i, Height: e.height, Latency: e.latency, ConsecutiveErrors: e.consecutive,
		Lagging: e.lagging, Excluded: e.excluded, LastError: e.lastErr,
	}
	backingOff, limited := now.Before(e.backoffUntil), now.Before(e.retryUntil)
	if backingOff {
		h.BackoffUntil = e.backoffUntil
	}
	if limited {
		h.RetryAfterUntil = e.retryUntil
	}
	h.Healthy = !e.excluded && !e.lagging && !backingOff && !limited
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

// Exclude keeps endpoint i out of the order and out of the highest height, until
// Include.
func (s *Set) Exclude(i int) {
	s.mu.Lock()
	s.eps[i].excluded = true
	s.mu.Unlock()
}

// Include lets endpoint i back into the order.
func (s *Set) Include(i int) {
	s.mu.Lock()
	s.eps[i].excluded = false
	s.mu.Unlock()
}

// RateLimited says endpoint i asked, with a Retry-After that has not passed, to be
// left alone: health checks included.
func (s *Set) RateLimited(i int) bool {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	return now.Before(s.eps[i].retryUntil)
}

// Observe records endpoint i's answer to a health check: its height, and how long it
// took to answer, smoothed over the checks. It does not end a backoff: Succeeded does.
func (s *Set) Observe(i int, height uint64, took time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &s.eps[i]
	e.height, e.reported = height, true
	if e.latency == 0 {
		e.latency = took
	} else {
		e.latency = (3*e.latency + took) / 4
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
	e.consecutive++
	e.lastErr = err
	backoff := s.cfg.BackoffMax
	if shift := e.consecutive - 1; shift < 30 {
		backoff = min(s.cfg.BackoffMin<<shift, s.cfg.BackoffMax)
	}
	e.backoffUntil = now.Add(backoff)
	if retryAfter > 0 {
		e.retryUntil = now.Add(retryAfter)
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
	recovered = e.consecutive > 0
	e.consecutive, e.backoffUntil, e.lastErr = 0, time.Time{}, nil
	return s.healthLocked(i, now), recovered
}

// LagChange is an included endpoint's health after UpdateLag, and whether it lagged
// before.
type LagChange struct {
	Health
	WasLagging bool
}

// UpdateLag recomputes the highest height any included endpoint reported, and marks
// lagging every included endpoint more than MaxLag blocks below it. The height of an
// endpoint failing now counts too: heights only grow, so the chain is at least there.
// An endpoint that has reported no height yet is not lagging: nothing is known of it.
// It returns the highest height and each included endpoint's health.
func (s *Set) UpdateLag() (best uint64, changes []LagChange) {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.eps {
		if !s.eps[i].excluded {
			best = max(best, s.eps[i].height)
		}
	}
	for i := range s.eps {
		e := &s.eps[i]
		if e.excluded {
			continue
		}
		was := e.lagging
		e.lagging = e.reported && best > e.height+s.cfg.MaxLag
		changes = append(changes, LagChange{Health: s.healthLocked(i, now), WasLagging: was})
	}
	return best, changes
}

// Order returns the indexes of the endpoints to try, best first: the healthy, then
// the lagging, each by height (highest first), then latency (by powers of two of
// LatencyStep), then index; then those backing off, soonest back first. Excluded and
// rate-limited endpoints are left out.
//
// Height comes before latency so that a request never moves to an endpoint behind the
// one it would have got before: heights only grow, so the endpoint chosen is at least
// where the last choice was, and a receipt, a nonce or an inference read once does
// not vanish from the next read.
func (s *Set) Order() []int {
	now := s.cfg.Now()
	type candidate struct {
		i      int
		rank   int // 0 healthy, 1 lagging, 2 backing off
		height uint64
		speed  int
		back   time.Time
	}
	s.mu.Lock()
	cs := make([]candidate, 0, len(s.eps))
	for i := range s.eps {
		e := &s.eps[i]
		if e.excluded || now.Before(e.retryUntil) {
			continue
		}
		c := candidate{i: i, height: e.height, speed: bits.Len64(uint64(e.latency / LatencyStep)), back: e.backoffUntil}
		switch {
		case now.Before(e.backoffUntil):
			c.rank = 2
		case e.lagging:
			c.rank = 1
		}
		cs = append(cs, c)
	}
	s.mu.Unlock()
	slices.SortFunc(cs, func(a, b candidate) int {
		if a.rank == 2 && b.rank == 2 {
			return cmp.Or(a.back.Compare(b.back), cmp.Compare(a.i, b.i))
		}
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.height, a.height),
			cmp.Compare(a.speed, b.speed), cmp.Compare(a.i, b.i))
	})
	out := make([]int, len(cs))
	for k, c := range cs {
		out[k] = c.i
	}
	return out
}
