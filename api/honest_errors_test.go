package api_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// unavailableProblem checks the answer of a store that cannot be reached: 503 with
// Retry-After, a problem and the request id.
func unavailableProblem(t *testing.T, res *http.Response, path, detail string) {
	t.Helper()
	if got := res.Header.Get("Retry-After"); got != "2" {
		t.Errorf("%s: Retry-After %q, want 2", path, got)
	}
	assertJSON(t, res, http.StatusServiceUnavailable, problemType, problemJSON(http.StatusServiceUnavailable, detail, path))
}

// TestStoreUnreachable serves from a Redis store pointed at a port nobody listens on:
// reads answer 503 with Retry-After, not 500, and /readyz says the store does not
// answer.
func TestStoreUnreachable(t *testing.T) {
	c := redis.NewClient(&redis.Options{Addr: testsupport.FreeAddr(t), DialTimeout: 200 * time.Millisecond, MaxRetries: -1})
	t.Cleanup(func() { _ = c.Close() })
	h := api.New(store.NewRedis(c, "unreachable:")).Handler()
	for _, path := range []string{"/v1/topics", "/v1/topics/1/inference", "/v1/topics/1/history", "/v1/chains", "/v1/markets/56"} {
		unavailableProblem(t, do(t, h, "GET", path), path, "the store is unavailable; try again")
	}
	unavailableProblem(t, do(t, h, "GET", "/readyz"), "/readyz", "the store does not answer")
}

// TestStoreGoesAwayAndComesBack cuts a live Redis away from the API mid-test (every
// connection dropped, new ones refused) and brings it back: 200, then 503 with
// Retry-After while it is away, then 200 again once the client has reconnected.
func TestStoreGoesAwayAndComesBack(t *testing.T) {
	proxy := testsupport.NewProxy(t, "127.0.0.1:6379")
	h := api.New(seededRedisAt(t, proxy.Addr())).Handler()
	const path = "/v1/topics/1/inference"
	if res := do(t, h, "GET", path); res.StatusCode != http.StatusOK {
		t.Fatalf("before the outage: %d, want 200", res.StatusCode)
	}
	proxy.Kill()
	unavailableProblem(t, do(t, h, "GET", path), path, "the store is unavailable; try again")
	unavailableProblem(t, do(t, h, "GET", "/readyz"), "/readyz", "the store does not answer")
	proxy.Revive()
	testsupport.WaitFor(t, 10*time.Second, "the API to answer 200 again once Redis is back", func() bool {
		return do(t, h, "GET", path).StatusCode == http.StatusOK && do(t, h, "GET", "/readyz").StatusCode == http.StatusOK
	})
}

// TestHeadOnEveryGetRoute asks HEAD of every GET route, over HTTP: the same status
// and headers as GET, and no body.
func TestHeadOnEveryGetRoute(t *testing.T) {
	srv := httptest.NewServer(api.New(seededStore(t), api.WithRateLimit(0, 0)).Handler())
	t.Cleanup(srv.Close)
	send := func(method, path string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Request-Id", requestID)
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = res.Body.Close() })
		return res
	}
	for _, path := range []string{
		"/", "/dashboard/app.js", "/healthz", "/readyz", "/metrics", "/openapi.yaml",
		"/v1/topics", "/v1/topics/1/inference", "/v1/topics/1/history", "/v1/topics/1/accuracy",
		"/v1/predictions/ETH/5m", "/v1/predictions/ETH/5m/series", "/v1/chains",
		"/v1/markets/56", "/v1/topics/42/inference", "/v1/nope",
	} {
		get, head := send("GET", path), send("HEAD", path)
		body, _ := io.ReadAll(head.Body)
		if head.StatusCode != get.StatusCode || len(body) != 0 {
			t.Errorf("HEAD %s: %d with %d bytes; want GET's %d and no body", path, head.StatusCode, len(body), get.StatusCode)
		}
		for _, name := range []string{"Content-Type", "ETag", "Cache-Control", "X-Request-Id"} {
			if head.Header.Get(name) != get.Header.Get(name) {
				t.Errorf("HEAD %s: %s %q, GET's is %q", path, name, head.Header.Get(name), get.Header.Get(name))
			}
		}
	}
}

// TestHeadOnStream asks HEAD of /v1/stream: the stream's headers, and the answer ends
// rather than streaming.
func TestHeadOnStream(t *testing.T) {
	s := api.New(seededStore(t))
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	t.Cleanup(s.Close) // ends the stream hub before the server
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, srv.URL+"/v1/stream", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("HEAD /v1/stream: %d %q; want 200 text/event-stream", res.StatusCode, res.Header.Get("Content-Type"))
	}
}
