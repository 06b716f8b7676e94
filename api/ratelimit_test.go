package api

import (
	"net/http/httptest"
	"testing"
	"time"
)

// TestLimiterForgetsIdleClients checks that buckets of clients idle long enough to be
// full again are dropped, and active ones kept.
func TestLimiterForgetsIdleClients(t *testing.T) {
	start := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	l := newClientLimiter(newRatePolicy("client", 10, 20), newRatePolicy("api-key", 10, 20), []string{"k"}, start)
	req := func(remote, key string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = remote
		if key != "" {
			r.Header.Set("X-Api-Key", key)
		}
		l.allow(r, clientIP(r.RemoteAddr), start)
	}
	req("192.0.2.1:1", "")
	req("192.0.2.2:1", "")
	req("192.0.2.3:1", "k")
	if len(l.byIP) != 2 || len(l.byKey) != 1 {
		t.Fatalf("tracking %d addresses and %d keys, want 2 and 1", len(l.byIP), len(l.byKey))
	}
	// A minute on, one address is busy again just before the sweep.
	later := start.Add(sweepEvery)
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "192.0.2.1:1"
	for range 20 {
		l.allow(r, clientIP(r.RemoteAddr), later.Add(-time.Millisecond))
	}
	r.RemoteAddr = "192.0.2.9:1"
	l.allow(r, clientIP(r.RemoteAddr), later)
	if _, ok := l.byIP["192.0.2.1"]; !ok || len(l.byIP) != 2 || len(l.byKey) != 0 {
		t.Errorf("after the sweep tracking %v and %v; want the busy address and the new one", l.byIP, l.byKey)
	}
}

func TestClientIP(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.1:5555":   "192.0.2.1",
		"[2001:db8::1]:80": "2001:db8::1",
		"192.0.2.1":        "192.0.2.1", // not host:port; kept whole
		"":                 "",
	} {
		if got := clientIP(in); got != want {
			t.Errorf("clientIP(%q) = %q, want %q", in, got, want)
		}
	}
}
