package api

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

const (
	// DefaultRateLimit and DefaultRateBurst are each client's sustained request rate
	// (per second) and burst: generous for a frontend polling a few topics, tight
	// enough that one client cannot take the server.
	DefaultRateLimit = 50
	DefaultRateBurst = 100

	// sweepEvery is how often idle clients are forgotten; maxClients is how many may be
	// tracked before they are forgotten sooner.
	sweepEvery = time.Minute
	maxClients = 100_000
)

// clientLimiter is a token bucket per client: per configured API key when the request
// carries one, else per remote IP address. Buckets of clients idle long enough to be
// full again are dropped, so memory follows the number of active clients.
type clientLimiter struct {
	limit rate.Limit
	burst int
	keys  map[string]struct{} // API keys limited on their own

	mu        sync.Mutex
	byIP      map[string]*rate.Limiter
	byKey     map[string]*rate.Limiter
	lastSweep time.Time
}

func newClientLimiter(perSecond float64, burst int, keys []string, now time.Time) *clientLimiter {
	l := &clientLimiter{
		limit:     rate.Limit(perSecond),
		burst:     burst,
		keys:      make(map[string]struct{}, len(keys)),
		byIP:      make(map[string]*rate.Limiter),
		byKey:     make(map[string]*rate.Limiter),
		lastSweep: now,
	}
	for _, k := range keys {
		l.keys[k] = struct{}{}
	}
	return l
}

// allow takes a token from the client's bucket, or says how long until one is there.
func (l *clientLimiter) allow(r *http.Request, now time.Time) (bool, time.Duration) {
	buckets, client := l.byIP, clientIP(r.RemoteAddr)
	// An API key the server does not know is not a client of its own: otherwise a
	// client could escape its limit by sending a new key with every request.
	if key := r.Header.Get("X-Api-Key"); key != "" {
		if _, ok := l.keys[key]; ok {
			buckets, client = l.byKey, key
		}
	}
	l.mu.Lock()
	if now.Sub(l.lastSweep) >= sweepEvery || (len(buckets) >= maxClients && now.Sub(l.lastSweep) >= time.Second) {
		l.sweepLocked(now)
	}
	lim, ok := buckets[client]
	if !ok {
		lim = rate.NewLimiter(l.limit, l.burst)
		buckets[client] = lim
	}
	l.mu.Unlock()

	res := lim.ReserveN(now, 1)
	if !res.OK() {
		return false, time.Second
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

// sweepLocked forgets clients whose bucket is full: they have been idle for at least
// burst/limit, and a new bucket would hold the same. l.mu must be held.
func (l *clientLimiter) sweepLocked(now time.Time) {
	for _, m := range []map[string]*rate.Limiter{l.byIP, l.byKey} {
		for k, lim := range m {
			if lim.TokensAt(now) >= float64(l.burst) {
				delete(m, k)
			}
		}
	}
	l.lastSweep = now
}

// clientIP is the host part of a request's remote address.
func clientIP(remoteAddr string) string {
	if host, _, err := net.SplitHostPort(remoteAddr); err == nil {
		return host
	}
	return remoteAddr
}

// limitRate answers 429 with Retry-After to a client over its limit.
func (s *Server) limitRate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := s.limiter.allow(r, s.now())
		if !ok {
			secs := int64(math.Ceil(wait.Seconds()))
			if secs < 1 {
				secs = 1
			}
			w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
			s.fail(w, r, withDetail(errRateLimited,
				"this client sent more than %s requests per second (burst %d); retry after %d s",
				strconv.FormatFloat(float64(s.limiter.limit), 'f', -1, 64), s.limiter.burst, secs))
			return
		}
		next.ServeHTTP(w, r)
	})
}
