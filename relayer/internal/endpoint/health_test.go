package endpoint

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// clock is a settable clock for a Set.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)} }
func newSet(n int, c *clock) *Set {
	return New(n, Config{MaxLag: 3, BackoffMin: time.Second, BackoffMax: 5 * time.Second, Now: c.now})
}

// newSetExcluding makes a Set of n pending endpoints, and includes all but excluded.
func newSetExcluding(n int, c *clock, excluded ...int) *Set {
	s := New(n, Config{MaxLag: 3, BackoffMin: time.Second, BackoffMax: 5 * time.Second, Now: c.now, Pending: true})
	for i := range n {
		if !slices.Contains(excluded, i) {
			s.Include(i)
		}
	}
	return s
}
func heights(s *Set, hs ...uint64) { observe(s, hs, nil) }
func observe(s *Set, hs []uint64, lat []time.Duration) {
	for i, h := range hs {
		var took time.Duration
		if lat != nil {
			took = lat[i]
		}
		s.Observe(i, h, took)
	}
	s.UpdateLag()
}

var errDown = errors.New("connection refused")

func TestBackoffDoublesToItsCapAndASuccessEndsIt(t *testing.T) {
	c := newClock()
	s := newSet(1, c)
	for n, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second} {
		h, backoff := s.Failed(0, errDown, 0)
		if backoff != want || h.BackoffUntil.Sub(c.t) != want || h.ConsecutiveErrors != n+1 || h.Healthy || h.LastError != errDown {
			t.Fatalf("failure %d: backoff %v, health %+v; want %v, %d errors, unhealthy", n+1, backoff, h, want, n+1)
		}
		c.advance(backoff - time.Nanosecond)
		if s.Health()[0].Healthy {
			t.Fatalf("failure %d: healthy before its backoff passed", n+1)
		}
		c.advance(time.Nanosecond)
		if h := s.Health()[0]; !h.Healthy || !h.BackoffUntil.IsZero() {
			t.Fatalf("failure %d: %+v once its backoff passed, want healthy with no backoff shown", n+1, h)
		}
	}
	if _, backoff := s.Failed(0, errDown, 0); backoff != 5*time.Second {
		t.Fatalf("backoff %v, want the cap", backoff)
	}
	h, recovered := s.Succeeded(0)
	if !recovered || !h.Healthy || h.ConsecutiveErrors != 0 || h.LastError != nil {
		t.Fatalf("after a success: %+v (recovered %v), want healthy and recovered", h, recovered)
	}
	if _, recovered := s.Succeeded(0); recovered {
		t.Error("a second success in a row says recovered")
	}
	if _, backoff := s.Failed(0, errDown, 0); backoff != time.Second {
		t.Errorf("backoff after a success %v, want the minimum again", backoff)
	}
}

func TestBackoffDoesNotOverflowAfterManyFailures(t *testing.T) {
	s := newSet(1, newClock())
	var backoff time.Duration
	for range 100 {
		_, backoff = s.Failed(0, errDown, 0)
	}
	if backoff != 5*time.Second {
		t.Errorf("backoff after 100 failures %v, want the cap", backoff)
	}
}

func TestRetryAfterKeepsTheEndpointOutLongerThanItsBackoff(t *testing.T) {
	c := newClock()
	s := newSet(2, c)
	h, _ := s.Failed(0, errDown, time.Minute)
	if !h.RetryAfterUntil.Equal(c.t.Add(time.Minute)) || !s.Health()[1].RetryAfterUntil.IsZero() {
		t.Fatalf("health %+v: want rate limited for a minute", h)
	}
	if got := s.Order(); !slices.Equal(got, []int{1}) {
		t.Errorf("order while rate limited %v, want [1]", got)
	}
	c.advance(30 * time.Second) // the backoff is over, the Retry-After is not
	if got := s.Order(); !slices.Equal(got, []int{1}) || s.Health()[0].Healthy {
		t.Errorf("order %v, health %+v half way through Retry-After: want it still out", got, s.Health()[0])
	}
	c.advance(30 * time.Second)
	if got := s.Order(); !slices.Equal(got, []int{0, 1}) || !s.Health()[0].RetryAfterUntil.IsZero() {
		t.Errorf("order %v after Retry-After, want [0 1] and no longer rate limited", got)
	}
}

func TestLag(t *testing.T) {
	for _, tc := range []struct {
		name        string
		heights     []uint64
		silent      []int // endpoints that never reported a height
		failing     []int // endpoints backing off
		excluded    []int
		wantBest    uint64
		wantLagging []bool // of the included endpoints, in order
	}{
		{"in step", []uint64{100, 99, 97}, nil, nil, nil, 100, []bool{false, false, false}},
		{"one more than MaxLag behind", []uint64{100, 96, 97}, nil, nil, nil, 100, []bool{false, true, false}},
		{"no height yet is not lagging", []uint64{100, 0}, []int{1}, nil, nil, 100, []bool{false, false}},
		{"a reported height of 0 lags", []uint64{10, 0}, nil, nil, nil, 10, []bool{false, true}},
		{"a failing endpoint's height counts", []uint64{100, 90}, nil, []int{0}, nil, 100, []bool{false, true}},
		{"an excluded endpoint sets no height and is not reported", []uint64{100, 90}, nil, nil, []int{0}, 90, []bool{false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSetExcluding(len(tc.heights), newClock(), tc.excluded...)
			for i, h := range tc.heights {
				if !slices.Contains(tc.silent, i) {
					s.Observe(i, h, 0)
				}
			}
			for _, i := range tc.failing {
				s.Failed(i, errDown, 0)
			}
			best, changes := s.UpdateLag()
			var lagging []bool
			for _, ch := range changes {
				lagging = append(lagging, ch.Lagging)
				if ch.WasLagging {
					t.Errorf("endpoint %d was lagging before the first update", ch.Index)
				}
			}
			if best != tc.wantBest || !slices.Equal(lagging, tc.wantLagging) {
				t.Errorf("best %d, lagging %v; want %d, %v", best, lagging, tc.wantBest, tc.wantLagging)
			}
		})
	}
}

func TestLagChangesAreReported(t *testing.T) {
	s := newSet(2, newClock())
	heights(s, 100, 100)
	s.Observe(1, 90, 0)
	_, changes := s.UpdateLag()
	if ch := changes[1]; ch.WasLagging || !ch.Lagging || ch.Healthy {
		t.Errorf("falling behind: %+v, want newly lagging and unhealthy", ch)
	}
	s.Observe(1, 100, 0)
	_, changes = s.UpdateLag()
	if ch := changes[1]; !ch.WasLagging || ch.Lagging || !ch.Healthy {
		t.Errorf("catching up: %+v, want no longer lagging and healthy", ch)
	}
}

func TestLatencyIsSmoothed(t *testing.T) {
	s := newSet(1, newClock())
	s.Observe(0, 1, 100*time.Millisecond)
	s.Observe(0, 1, 500*time.Millisecond)
	if got := s.Health()[0].Latency; got != 200*time.Millisecond {
		t.Errorf("latency %v, want 200ms (three quarters old, one quarter new)", got)
	}
}

func TestOrder(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		name     string
		heights  []uint64
		latency  []time.Duration
		excluded []int
		prepare  func(s *Set, c *clock)
		want     []int
	}{
		{"equal: configured order", []uint64{10, 10, 10}, []time.Duration{ms, ms, ms}, nil, nil, []int{0, 1, 2}},
		{"highest height first, within MaxLag too", []uint64{9, 10, 8}, []time.Duration{ms, ms, ms}, nil, nil, []int{1, 0, 2}},
		{"height before latency", []uint64{9, 10}, []time.Duration{ms, 300 * ms}, nil, nil, []int{1, 0}},
		{"faster at the same height", []uint64{10, 10}, []time.Duration{300 * ms, ms}, nil, nil, []int{1, 0}},
		{"about as fast keeps configured order", []uint64{10, 10}, []time.Duration{150 * ms, 100 * ms}, nil, nil, []int{0, 1}},
		{"healthy, then lagging, then backing off", []uint64{10, 20, 20}, []time.Duration{ms, ms, ms}, nil,
			func(s *Set, c *clock) { s.Failed(1, errDown, 0); s.UpdateLag() }, []int{2, 0, 1}},
		{"lagging by height", []uint64{5, 2, 20}, []time.Duration{ms, ms, ms}, nil, nil, []int{2, 0, 1}},
		{"backing off: soonest back first", []uint64{10, 10, 10}, []time.Duration{ms, ms, ms}, nil,
			func(s *Set, c *clock) {
				s.Failed(0, errDown, 0)
				s.Failed(0, errDown, 0) // 2s
				s.Failed(1, errDown, 0) // 1s
				s.Failed(2, errDown, 0) // 1s
			}, []int{1, 2, 0}},
		{"excluded and rate limited left out", []uint64{10, 10, 10}, []time.Duration{ms, ms, ms}, []int{0},
			func(s *Set, c *clock) { s.Failed(2, errDown, time.Minute) }, []int{1}},
		{"back from backoff", []uint64{10, 10}, []time.Duration{ms, ms}, nil,
			func(s *Set, c *clock) { s.Failed(0, errDown, 0); c.advance(time.Second) }, []int{0, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := newSetExcluding(len(tc.heights), c, tc.excluded...)
			observe(s, tc.heights, tc.latency)
			if tc.prepare != nil {
				tc.prepare(s, c)
			}
			if got := s.Order(); !slices.Equal(got, tc.want) {
				t.Errorf("order %v, want %v (health %+v)", got, tc.want, s.Health())
			}
		})
	}
}

func TestHealthyOnlyWhenNothingKeepsItOut(t *testing.T) {
	c := newClock()
	s := newSetExcluding(4, c, 3)
	heights(s, 10, 1, 10, 10)
	s.Failed(2, errDown, 0)
	got := s.Health()
	for i, want := range []bool{true, false, false, false} {
		if got[i].Healthy != want {
			t.Errorf("endpoint %d healthy = %v, want %v (%+v)", i, got[i].Healthy, want, got[i])
		}
	}
	if !got[3].Excluded || !got[1].Lagging {
		t.Errorf("health %+v: want 1 lagging and 3 excluded", got)
	}
}

func TestDefaultClockIsTheWallClock(t *testing.T) {
	s := New(1, Config{BackoffMin: time.Hour, BackoffMax: time.Hour})
	before := time.Now()
	h, _ := s.Failed(0, errDown, 0)
	if h.BackoffUntil.Before(before.Add(time.Hour)) || h.BackoffUntil.After(time.Now().Add(time.Hour)) {
		t.Errorf("backoff until %v, want an hour from now", h.BackoffUntil)
	}
}

func TestAHeightAloneDoesNotEndABackoff(t *testing.T) {
	s := newSet(1, newClock())
	s.Failed(0, errDown, 0)
	s.Observe(0, 10, time.Millisecond)
	if h := s.Health()[0]; h.Healthy || h.ConsecutiveErrors != 1 || h.Height != 10 {
		t.Errorf("after a height: %+v, want the height kept and the backoff still on", h)
	}
}
