package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// manualClock is a clock a test moves by hand.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// send sends one GET through h from remote with the given header fields.
func send(t testing.TB, h http.Handler, target, remote string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.RemoteAddr = remote
	req.Header.Set("X-Request-Id", requestID)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestRateLimit(t *testing.T) {
	clock := &manualClock{now: blockTime}
	h := api.New(seededStore(t), api.WithClock(clock.Now), api.WithRateLimit(2, 3), api.WithAPIKeys("k-frontend")).Handler()
	const alice, bob = "198.51.100.7:40000", "198.51.100.8:40000"
	status := func(remote string, header map[string]string) int {
		t.Helper()
		res := send(t, h, "/v1/topics/1/inference", remote, header)
		return res.StatusCode
	}

	for i := range 3 {
		if got := status(alice, nil); got != 200 {
			t.Fatalf("request %d within the burst answered %d", i+1, got)
		}
	}
	res := send(t, h, "/v1/topics/1/inference", "198.51.100.7:40001", nil) // same IP, another port
	assertJSON(t, res, 429, problemType, problemJSON(429,
		"this client sent more than 2 requests per second (burst 3); retry after 1 s", "/v1/topics/1/inference"))
	if ra := res.Header.Get("Retry-After"); ra != "1" {
		t.Errorf("Retry-After %q, want 1", ra)
	}

	// Other clients have their own buckets: another address, and a known API key from
	// alice's address. An unknown key is not a client of its own.
	if got := status(bob, nil); got != 200 {
		t.Errorf("another address answered %d, want 200", got)
	}
	if got := status(alice, map[string]string{"X-Api-Key": "k-frontend"}); got != 200 {
		t.Errorf("known API key answered %d, want 200", got)
	}
	if got := status(alice, map[string]string{"X-Api-Key": "k-made-up"}); got != 429 {
		t.Errorf("unknown API key answered %d, want 429 (counted against the address)", got)
	}

	// At 2 per second a token comes back every 500ms.
	clock.Add(500 * time.Millisecond)
	if got := status(alice, nil); got != 200 {
		t.Errorf("after 500ms answered %d, want 200", got)
	}
	if got := status(alice, nil); got != 429 {
		t.Errorf("second request after 500ms answered %d, want 429", got)
	}
}

func TestRateLimitRetryAfterRoundsUp(t *testing.T) {
	clock := &manualClock{now: blockTime}
	// One request every 4 seconds.
	h := api.New(seededStore(t), api.WithClock(clock.Now), api.WithRateLimit(0.25, 1)).Handler()
	send(t, h, "/v1/topics", "203.0.113.1:1", nil)
	clock.Add(1500 * time.Millisecond)
	res := send(t, h, "/v1/topics", "203.0.113.1:1", nil)
	if res.StatusCode != 429 || res.Header.Get("Retry-After") != "3" {
		t.Errorf("answered %d Retry-After %q, want 429 and 3 (2.5s rounded up)", res.StatusCode, res.Header.Get("Retry-After"))
	}
}

// TestRateLimitHeaders checks the RateLimit-Policy and RateLimit fields
// (draft-ietf-httpapi-ratelimit-headers) a client reads its budget from: the quota is
// the burst, the window the time an empty bucket takes to fill, and each answer says
// what is left and when the bucket is full again.
func TestRateLimitHeaders(t *testing.T) {
	clock := &manualClock{now: blockTime}
	h := api.New(seededStore(t), api.WithClock(clock.Now), api.WithRateLimit(2, 4),
		api.WithAPIKeys("k-partner"), api.WithKeyRateLimit(10, 50)).Handler()
	for i, want := range []string{`"client";r=3;t=1`, `"client";r=2;t=1`, `"client";r=1;t=2`, `"client";r=0;t=2`, `"client";r=0;t=1`} {
		res := send(t, h, "/v1/topics", "198.51.100.7:1", nil)
		if got := res.Header.Get("RateLimit-Policy"); got != `"client";q=4;w=2` {
			t.Errorf("request %d: RateLimit-Policy %q, want %q", i+1, got, `"client";q=4;w=2`)
		}
		if got := res.Header.Get("RateLimit"); got != want {
			t.Errorf("request %d (%d): RateLimit %q, want %q", i+1, res.StatusCode, got, want)
		}
	}
	// An API key the server knows has its own policy.
	res := send(t, h, "/v1/topics", "198.51.100.7:1", map[string]string{"X-Api-Key": "k-partner"})
	if res.StatusCode != 200 || res.Header.Get("RateLimit-Policy") != `"api-key";q=50;w=5` || res.Header.Get("RateLimit") != `"api-key";r=49;t=1` {
		t.Errorf("with the key: %d, RateLimit-Policy %q, RateLimit %q; want 200, %q, %q", res.StatusCode,
			res.Header.Get("RateLimit-Policy"), res.Header.Get("RateLimit"), `"api-key";q=50;w=5`, `"api-key";r=49;t=1`)
	}
}

// TestKeyRateLimit gives an API key a budget larger than a client's: its holder gets
// it, from whatever address, and someone else's requests from the same address do not
// eat into it.
func TestKeyRateLimit(t *testing.T) {
	clock := &manualClock{now: blockTime}
	h := api.New(seededStore(t), api.WithClock(clock.Now), api.WithRateLimit(1, 2),
		api.WithAPIKeys("k-partner"), api.WithKeyRateLimit(1, 10)).Handler()
	const shared = "198.51.100.7:1"
	key := map[string]string{"X-Api-Key": "k-partner"}
	for i := range 10 {
		if res := send(t, h, "/v1/topics", shared, key); res.StatusCode != 200 {
			t.Fatalf("keyed request %d of a burst of 10 answered %d", i+1, res.StatusCode)
		}
	}
	if res := send(t, h, "/v1/topics", "203.0.113.50:1", key); res.StatusCode != 429 {
		t.Errorf("the key's 11th request answered %d from another address, want 429: the budget is the key's", res.StatusCode)
	}
	for i := range 2 {
		if res := send(t, h, "/v1/topics", shared, nil); res.StatusCode != 200 {
			t.Errorf("unkeyed request %d from the key's address answered %d, want 200", i+1, res.StatusCode)
		}
	}
	if res := send(t, h, "/v1/topics", shared, nil); res.StatusCode != 429 {
		t.Errorf("third unkeyed request answered %d, want 429 (burst 2)", res.StatusCode)
	}
}

// TestHealthReadinessAndMetricsAreNotLimited sends a load balancer's probes and a
// scraper's requests from an address whose budget is spent: they are answered, and
// carry no rate-limit fields.
func TestHealthReadinessAndMetricsAreNotLimited(t *testing.T) {
	clock := &manualClock{now: blockTime}
	h := api.New(seededStore(t), api.WithClock(clock.Now), api.WithRateLimit(1, 1)).Handler()
	const ingress = "10.0.0.2:1"
	send(t, h, "/v1/topics", ingress, nil)
	if res := send(t, h, "/v1/topics", ingress, nil); res.StatusCode != 429 {
		t.Fatalf("second request answered %d, want 429", res.StatusCode)
	}
	for range 20 {
		for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
			res := send(t, h, path, ingress, nil)
			if res.StatusCode != 200 {
				t.Fatalf("%s answered %d from a limited address, want 200", path, res.StatusCode)
			}
			if got := res.Header.Get("RateLimit"); got != "" {
				t.Errorf("%s carries RateLimit %q; it is not limited", path, got)
			}
		}
	}
}

// TestTrustedProxies checks whose address a request is counted against: behind a
// trusted proxy the rightmost X-Forwarded-For hop that is not a trusted proxy; from
// anyone else the connecting address, whatever X-Forwarded-For says.
func TestTrustedProxies(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8:ffff::/48")}
	for _, tc := range []struct {
		name   string
		remote string
		xff    []string
		client string // who else, sending directly, shares the bucket
	}{
		{"through the ingress", "10.0.0.2:1", []string{"198.51.100.7"}, "198.51.100.7:9"},
		{"a spoofed hop left of the real one", "10.0.0.2:1", []string{"6.6.6.6, 198.51.100.7"}, "198.51.100.7:9"},
		{"two trusted proxies", "10.0.0.2:1", []string{"198.51.100.7, 10.1.2.3"}, "198.51.100.7:9"},
		{"two header lines", "10.0.0.2:1", []string{"6.6.6.6", "198.51.100.7, 10.1.2.3"}, "198.51.100.7:9"},
		{"IPv6 proxy and client", "[2001:db8:ffff::1]:1", []string{"2001:db8::7"}, "[2001:db8::7]:9"},
		{"an untrusted sender's header is ignored", "198.51.100.7:1", []string{"203.0.113.9"}, "198.51.100.7:9"},
		{"a malformed hop stops at the last trusted", "10.0.0.2:1", []string{"198.51.100.7, garbage, 10.1.2.3"}, "10.1.2.3:9"},
		{"only trusted hops: the leftmost", "10.0.0.2:1", []string{"10.9.9.9, 10.1.2.3"}, "10.9.9.9:9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := &manualClock{now: blockTime}
			h := api.New(seededStore(t), api.WithClock(clock.Now), api.WithRateLimit(1, 1), api.WithTrustedProxies(proxies...)).Handler()
			req := httptest.NewRequest(http.MethodGet, "/v1/topics", nil)
			req.RemoteAddr = tc.remote
			for _, v := range tc.xff {
				req.Header.Add("X-Forwarded-For", v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				t.Fatalf("first request answered %d", rec.Code)
			}
			if res := send(t, h, "/v1/topics", tc.client, nil); res.StatusCode != 429 {
				t.Errorf("%s answered %d after the forwarded request, want 429: the request was not counted against it", tc.client, res.StatusCode)
			}
		})
	}
}

func TestRateLimitOff(t *testing.T) {
	h := api.New(seededStore(t), api.WithRateLimit(0, 0)).Handler()
	for i := range 500 {
		if res := send(t, h, "/healthz", "203.0.113.1:1", nil); res.StatusCode != 200 {
			t.Fatalf("request %d answered %d with rate limiting off", i+1, res.StatusCode)
		}
	}
}

func TestCORS(t *testing.T) {
	const origin = "https://app.example.org"
	t.Run("off by default", func(t *testing.T) {
		h := api.New(seededStore(t)).Handler()
		res := send(t, h, "/v1/topics", "203.0.113.1:1", map[string]string{"Origin": origin})
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" || res.StatusCode != 200 {
			t.Errorf("answered %d with Access-Control-Allow-Origin %q; want 200 and none", res.StatusCode, got)
		}
	})
	h := api.New(seededStore(t), api.WithCORSOrigins(origin), api.WithRateLimit(1, 1)).Handler()
	t.Run("allowed origin", func(t *testing.T) {
		res := send(t, h, "/v1/topics", "203.0.113.1:1", map[string]string{"Origin": origin})
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != origin {
			t.Errorf("Access-Control-Allow-Origin %q, want %q", got, origin)
		}
		if got := res.Header.Get("Access-Control-Expose-Headers"); !strings.Contains(got, "Etag") || !strings.Contains(got, "Retry-After") {
			t.Errorf("Access-Control-Expose-Headers %q, want ETag and Retry-After", got)
		}
	})
	t.Run("429 readable cross-origin", func(t *testing.T) {
		res := send(t, h, "/v1/topics", "203.0.113.1:1", map[string]string{"Origin": origin})
		if res.StatusCode != 429 || res.Header.Get("Access-Control-Allow-Origin") != origin {
			t.Errorf("answered %d with Access-Control-Allow-Origin %q; want 429 readable by %s",
				res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), origin)
		}
	})
	t.Run("other origin", func(t *testing.T) {
		res := send(t, h, "/v1/topics", "203.0.113.2:1", map[string]string{"Origin": "https://evil.example"})
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q for an origin not allowed", got)
		}
	})
	t.Run("preflight", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodOptions, "/v1/topics/1/inference", nil)
		req.RemoteAddr = "203.0.113.1:1" // already over its limit: preflights are not counted
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "GET")
		req.Header.Set("Access-Control-Request-Headers", "x-api-key")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 300 || rec.Header().Get("Access-Control-Allow-Origin") != origin ||
			!strings.Contains(rec.Header().Get("Access-Control-Allow-Headers"), "X-Api-Key") {
			t.Errorf("preflight answered %d %v", rec.Code, rec.Header())
		}
	})
}

func TestRequestSizeLimits(t *testing.T) {
	h := api.New(seededStore(t)).Handler()
	long := "/v1/topics/1/inference?pad=" + strings.Repeat("a", api.MaxURLBytes)
	res := send(t, h, long, "203.0.113.1:1", nil)
	assertJSON(t, res, 414, problemType, problemJSON(414,
		"the request target is 2075 bytes; the limit is 2048", "/v1/topics/1/inference"))

	res = send(t, h, "/v1/topics", "203.0.113.1:1", map[string]string{"X-Padding": strings.Repeat("b", api.MaxHeaderBytes)})
	// X-Padding: 8192+13 bytes with its name, colon and line end; X-Request-Id: 24.
	assertJSON(t, res, 431, problemType, problemJSON(431,
		"the request header fields are 8229 bytes; the limit is 8192", "/v1/topics"))

	req := httptest.NewRequest(http.MethodGet, "/v1/topics", strings.NewReader(strings.Repeat("c", 2000)))
	req.Header.Set("X-Request-Id", requestID)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assertJSON(t, rec.Result(), 413, problemType, problemJSON(413,
		"the request body is 2000 bytes; the limit is 1024", "/v1/topics"))
}

// TestHeaderLimitOverTheWire checks the server's own cap: header fields far past the
// limit never reach a handler.
func TestHeaderLimitOverTheWire(t *testing.T) {
	srv := httptest.NewUnstartedServer(api.New(seededStore(t)).Handler())
	srv.Config.MaxHeaderBytes = 64 << 10
	srv.Start()
	defer srv.Close()
	client := srv.Client()
	defer client.CloseIdleConnections()
	for _, tc := range []struct {
		size int
		want int
	}{{4 << 10, 200}, {16 << 10, 431}, {200 << 10, 431}} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v1/topics", nil)
		req.Header.Set("X-Padding", strings.Repeat("d", tc.size))
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("%d bytes of header answered %d, want %d", tc.size, res.StatusCode, tc.want)
		}
	}
}

func TestETagAndCacheControl(t *testing.T) {
	st := seededStore(t)
	h := api.New(st, api.WithRateLimit(0, 0)).Handler()
	for _, tc := range []struct {
		path, cacheControl string
	}{
		{"/v1/topics/1/inference", "public, max-age=1"},
		{"/v1/topics", "public, max-age=1"},
		{"/v1/chains", "public, max-age=1"},
		{"/openapi.yaml", "public, max-age=60"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := send(t, h, tc.path, "203.0.113.1:1", nil)
			body, _ := io.ReadAll(res.Body)
			etag := res.Header.Get("ETag")
			if res.StatusCode != 200 || len(etag) != 34 || etag[0] != '"' || res.Header.Get("Cache-Control") != tc.cacheControl {
				t.Fatalf("answered %d ETag %q Cache-Control %q; want 200, a strong ETag and %q",
					res.StatusCode, etag, res.Header.Get("Cache-Control"), tc.cacheControl)
			}
			// The same body has the same tag.
			if again := send(t, h, tc.path, "203.0.113.1:1", nil); again.Header.Get("ETag") != etag {
				t.Errorf("ETag changed without a change: %q then %q", etag, again.Header.Get("ETag"))
			}
			for _, inm := range []string{etag, "W/" + etag, `"x", ` + etag, "*"} {
				res := send(t, h, tc.path, "203.0.113.1:1", map[string]string{"If-None-Match": inm})
				b, _ := io.ReadAll(res.Body)
				if res.StatusCode != 304 || len(b) != 0 || res.Header.Get("ETag") != etag ||
					res.Header.Get("Cache-Control") != tc.cacheControl || res.Header.Get("Content-Type") != "" {
					t.Errorf("If-None-Match %s answered %d %v with %d bytes; want 304 with the ETag and no body", inm, res.StatusCode, res.Header, len(b))
				}
			}
			for _, inm := range []string{`"0123"`, `W/"x"`, "garbage", etag[:10]} {
				res := send(t, h, tc.path, "203.0.113.1:1", map[string]string{"If-None-Match": inm})
				b, _ := io.ReadAll(res.Body)
				if res.StatusCode != 200 || string(b) != string(body) {
					t.Errorf("If-None-Match %s answered %d; want 200 with the body", inm, res.StatusCode)
				}
			}
		})
	}

	// A new inference is a new body and a new tag.
	old := send(t, h, "/v1/topics/1/inference", "203.0.113.1:1", nil).Header.Get("ETag")
	if err := st.PutInference(context.Background(), scaledInference(t, oracle.Inference{TopicID: 1, BlockHeight: 80, Value: "3020", Timestamp: blockTime.Add(time.Minute)})); err != nil {
		t.Fatal(err)
	}
	res := send(t, h, "/v1/topics/1/inference", "203.0.113.1:1", map[string]string{"If-None-Match": old})
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("ETag") == old || !strings.Contains(string(body), `"block_height":80`) {
		t.Errorf("after a new inference answered %d ETag %q: %s; want 200 with the new inference and a new tag", res.StatusCode, res.Header.Get("ETag"), body)
	}
}

func TestNotCached(t *testing.T) {
	h := api.New(store.NewMemory()).Handler()
	for _, path := range []string{"/healthz", "/v1/topics/1/inference", "/v1/nope"} {
		res := send(t, h, path, "203.0.113.1:1", nil)
		if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("ETag") != "" {
			t.Errorf("%s answered %d with Cache-Control %q ETag %q; want no-store and no tag",
				path, res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("ETag"))
		}
	}
}

// TestInferenceWhileWriting reads a topic's inference while a writer moves it forward:
// every answer is a whole inference the store held, and once the writer is done the
// answer is the last one.
func TestInferenceWhileWriting(t *testing.T) {
	st := seededStore(t)
	h := api.New(st, api.WithRateLimit(0, 0)).Handler()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for height := uint64(100); height < 300; height++ {
			_ = st.PutInference(context.Background(), scaledInference(t, oracle.Inference{TopicID: 1, BlockHeight: height, Value: "3000." + strconv.FormatUint(height, 10), Timestamp: blockTime}))
		}
	}()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 200 {
				res := send(t, h, "/v1/topics/1/inference", "203.0.113.1:1", nil)
				var got struct {
					BlockHeight uint64 `json:"block_height"`
					Value       string `json:"value"`
				}
				if err := json.NewDecoder(res.Body).Decode(&got); err != nil || res.StatusCode != 200 {
					t.Errorf("answered %d: %v", res.StatusCode, err)
					return
				}
				if got.BlockHeight >= 100 && got.Value != "3000."+strconv.FormatUint(got.BlockHeight, 10) {
					t.Errorf("block %d answered with value %s", got.BlockHeight, got.Value)
				}
			}
		})
	}
	wg.Wait()
	<-done
	res := send(t, h, "/v1/topics/1/inference", "203.0.113.1:1", nil)
	body, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(body), `"block_height":299`) {
		t.Errorf("after the writes answered %s, want block 299", body)
	}
}

// TestMetricsListener serves /metrics on a listener of its own: there it answers, and
// the API's listener knows no /metrics.
func TestMetricsListener(t *testing.T) {
	apiLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	metricsLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := api.New(seededStore(t), api.WithMetricsListener(metricsLn))
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, apiLn) }()
	get := func(ln net.Listener, path string) (int, string) {
		t.Helper()
		res, err := http.Get("http://" + ln.Addr().String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, _ := get(apiLn, "/v1/topics"); code != 200 {
		t.Errorf("API listener /v1/topics = %d, want 200", code)
	}
	if code, body := get(metricsLn, "/metrics"); code != 200 || !strings.Contains(body, "allora_gateway_api_requests_total{code=\"200\",route=\"/v1/topics\"} 1") {
		t.Errorf("metrics listener /metrics = %d, want 200 with the API's metrics:\n%.300s", code, body)
	}
	if code, _ := get(apiLn, "/metrics"); code != 404 {
		t.Errorf("API listener /metrics = %d, want 404: the metrics are on their own listener", code)
	}
	if code, _ := get(metricsLn, "/v1/topics"); code != 404 {
		t.Errorf("metrics listener /v1/topics = %d, want 404", code)
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("Serve = %v after a clean shutdown", err)
	}
}
