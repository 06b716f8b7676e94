package api

import (
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
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

// unlimitedPaths are answered whatever a client's budget: a load balancer's health
// and readiness checks and Prometheus's scrapes come from a few addresses, often the
// same as the traffic they front, and must never be turned away by it.
var unlimitedPaths = map[string]bool{"/healthz": true, "/readyz": true, "/metrics": true}

// ratePolicy is one token bucket's shape, named as the RateLimit-Policy field names it.
type ratePolicy struct {
	name  string
	limit rate.Limit
	burst int
	// header is the RateLimit-Policy field value, made once.
	header string
}

func newRatePolicy(name string, perSecond float64, burst int) ratePolicy {
	p := ratePolicy{name: name, limit: rate.Limit(perSecond), burst: burst}
	// The quota is the burst; the window is the time an empty bucket takes to fill.
	window := int64(math.Ceil(float64(burst) / perSecond))
	p.header = `"` + name + `";q=` + strconv.Itoa(burst) + ";w=" + strconv.FormatInt(max(window, 1), 10)
	return p
}

// clientLimiter is a token bucket per client: per configured API key when the request
// carries one, else per client IP address (see clientAddr). Buckets of clients idle
// long enough to be full again are dropped, so memory follows the number of active
// clients.
type clientLimiter struct {
	perIP  ratePolicy
	perKey ratePolicy
	keys   map[string]struct{} // API keys limited on their own

	mu        sync.Mutex
	byIP      map[string]*rate.Limiter
	byKey     map[string]*rate.Limiter
	lastSweep time.Time
}

func newClientLimiter(perIP, perKey ratePolicy, keys []string, now time.Time) *clientLimiter {
	l := &clientLimiter{
		perIP:     perIP,
		perKey:    perKey,
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

// verdict is what the limiter decided for one request: the policy that applied,
// whether the request may go on, how many requests the client has left and how long
// until its bucket is full again (or, refused, until it holds a token).
type verdict struct {
	policy    *ratePolicy
	ok        bool
	remaining int
	wait      time.Duration
}

// allow takes a token from the bucket of client (an IP address), or of the request's
// API key when the server knows it.
func (l *clientLimiter) allow(r *http.Request, client string, now time.Time) verdict {
	buckets, policy := l.byIP, &l.perIP
	// An API key the server does not know is not a client of its own: otherwise a
	// client could escape its limit by sending a new key with every request.
	if key := r.Header.Get("X-Api-Key"); key != "" {
		if _, ok := l.keys[key]; ok {
			buckets, client, policy = l.byKey, key, &l.perKey
		}
	}
	l.mu.Lock()
	if now.Sub(l.lastSweep) >= sweepEvery || (len(buckets) >= maxClients && now.Sub(l.lastSweep) >= time.Second) {
		l.sweepLocked(now)
	}
	lim, ok := buckets[client]
	if !ok {
		lim = rate.NewLimiter(policy.limit, policy.burst)
		buckets[client] = lim
	}
	l.mu.Unlock()

	res := lim.ReserveN(now, 1)
	if !res.OK() {
		return verdict{policy: policy, wait: time.Second}
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return verdict{policy: policy, wait: d}
	}
	tokens := lim.TokensAt(now)
	full := time.Duration((float64(policy.burst) - tokens) / float64(policy.limit) * float64(time.Second))
	return verdict{policy: policy, ok: true, remaining: int(math.Floor(tokens)), wait: full}
}

// sweepLocked forgets clients whose bucket is full: they have been idle for at least
// burst/limit, and a new bucket would hold the same. l.mu must be held.
func (l *clientLimiter) sweepLocked(now time.Time) {
	for _, b := range []struct {
		m     map[string]*rate.Limiter
		burst int
	}{{l.byIP, l.perIP.burst}, {l.byKey, l.perKey.burst}} {
		for k, lim := range b.m {
			if lim.TokensAt(now) >= float64(b.burst) {
				delete(b.m, k)
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

// clientAddr is the address the request came from: the connecting address, unless
// that is a trusted proxy; then the rightmost address of X-Forwarded-For that is not
// a trusted proxy, as each proxy appends the address it was reached from and only the
// hops the proxies wrote can be believed. A malformed hop ends the walk at the last
// trusted one, so a client cannot name a bucket of its choosing.
func (s *Server) clientAddr(r *http.Request) string {
	remote := clientIP(r.RemoteAddr)
	if len(s.trustedProxies) == 0 {
		return remote
	}
	addr, err := netip.ParseAddr(remote)
	if err != nil || !s.trusted(addr) {
		return remote
	}
	hops := r.Header.Values("X-Forwarded-For")
	last := remote
	for i := len(hops) - 1; i >= 0; i-- {
		fields := strings.Split(hops[i], ",")
		for j := len(fields) - 1; j >= 0; j-- {
			hop, err := netip.ParseAddr(strings.TrimSpace(fields[j]))
			if err != nil {
				return last
			}
			hop = hop.Unmap()
			if !s.trusted(hop) {
				return hop.String()
			}
			last = hop.String()
		}
	}
	return last
}

func (s *Server) trusted(addr netip.Addr) bool {
	addr = addr.Unmap()
	for _, p := range s.trustedProxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// limitRate answers 429 with Retry-After to a client over its limit, and tells every
// client its budget in the RateLimit-Policy and RateLimit fields
// (draft-ietf-httpapi-ratelimit-headers).
func (s *Server) limitRate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if unlimitedPaths[r.URL.Path] {
			next.ServeHTTP(w, r)
			return
		}
		v := s.limiter.allow(r, s.clientAddr(r), s.now())
		secs := max(int64(math.Ceil(v.wait.Seconds())), 0)
		if !v.ok {
			secs = max(secs, 1)
		}
		h := w.Header()
		h["Ratelimit-Policy"] = []string{v.policy.header}
		h["Ratelimit"] = []string{`"` + v.policy.name + `";r=` + strconv.Itoa(v.remaining) + ";t=" + strconv.FormatInt(secs, 10)}
		if !v.ok {
			h.Set("Retry-After", strconv.FormatInt(secs, 10))
			s.fail(w, r, withDetail(errRateLimited,
				"this client sent more than %s requests per second (burst %d); retry after %d s",
				strconv.FormatFloat(float64(v.policy.limit), 'f', -1, 64), v.policy.burst, secs))
			return
		}
		next.ServeHTTP(w, r)
	})
}
