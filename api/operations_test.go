package api_test

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
)

func TestReadyz(t *testing.T) {
	h := api.New(seededStore(t), api.WithVersion("v0.3.1")).Handler()
	assertJSON(t, do(t, h, "GET", "/readyz"), 200, jsonType, `{"status":"ok","version":"v0.3.1"}`)

	var logs logBuffer
	down := fakeReader{topics: func(context.Context) ([]oracle.Topic, error) {
		return nil, errors.New("dial tcp 10.0.7.3:6379: connect: connection refused")
	}}
	h = api.New(down, api.WithLogger(newLogger(&logs))).Handler()
	res := do(t, h, "GET", "/readyz")
	assertJSON(t, res, 503, problemType, problemJSON(503, "the store does not answer", "/readyz"))
	if rec := findLog(t, logs.records(t), "request failed"); rec["level"] != "WARN" || !strings.Contains(rec["err"].(string), "connection refused") {
		t.Errorf("log record %v, want WARN with the store's error", rec)
	}

	// The document describes the 503 too.
	c := checker(t)
	req := httptest.NewRequest("GET", "/readyz", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	c.check(t, req, rec.Result(), rec.Body.Bytes())
}

func TestMetrics(t *testing.T) {
	h := api.New(seededStore(t), api.WithRateLimit(0.001, 6)).Handler()
	for _, path := range []string{
		"/v1/topics/1/inference", "/v1/topics/3/inference", "/v1/topics/42/inference",
		"/v1/topics", "/no/such/route", "/v1/another/unknown",
	} {
		send(t, h, path, "203.0.113.1:1", nil)
	}
	do(t, h, "POST", "/v1/topics")
	send(t, h, "/v1/topics", "203.0.113.1:1", nil) // over the burst: 429, answered before routing

	res := send(t, h, "/metrics", "203.0.113.2:1", nil)
	b, _ := io.ReadAll(res.Body)
	body := string(b)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("answered %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		`allora_gateway_api_requests_total{code="200",route="/v1/topics/{topicId}/inference"} 2`,
		`allora_gateway_api_requests_total{code="404",route="/v1/topics/{topicId}/inference"} 1`,
		`allora_gateway_api_requests_total{code="200",route="/v1/topics"} 1`,
		`allora_gateway_api_requests_total{code="429",route="unmatched"} 1`,
		`allora_gateway_api_requests_total{code="404",route="unmatched"} 2`,
		`allora_gateway_api_requests_total{code="405",route="unmatched"} 1`,
		`allora_gateway_api_request_duration_seconds_count{route="/v1/topics/{topicId}/inference"} 3`,
		`allora_gateway_api_request_duration_seconds_bucket{route="/v1/topics",le="+Inf"} 1`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %s", want)
		}
	}
	// Each server has its own registry: nothing from the process-wide one.
	if strings.Contains(body, "go_goroutines") {
		t.Error("metrics carry the default registry's collectors")
	}
	if got := res.Header.Get("Cache-Control"); got != "" && got != "no-store" {
		t.Errorf("metrics Cache-Control %q", got)
	}
}

func TestMetricsWithRegistry(t *testing.T) {
	reg := prometheus.NewRegistry()
	outside := prometheus.NewGauge(prometheus.GaugeOpts{Name: "outside_gauge", Help: "A metric of another component."})
	reg.MustRegister(outside)
	outside.Set(7)
	h := api.New(seededStore(t), api.WithRegistry(reg)).Handler()
	send(t, h, "/v1/topics", "203.0.113.1:1", nil)

	res := send(t, h, "/metrics", "203.0.113.2:1", nil)
	b, _ := io.ReadAll(res.Body)
	body := string(b)
	for _, want := range []string{
		"outside_gauge 7",
		`allora_gateway_api_requests_total{code="200",route="/v1/topics"} 1`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestRequestIDFromClient(t *testing.T) {
	h := api.New(seededStore(t)).Handler()
	for _, tc := range []struct {
		sent string
		kept bool
	}{
		{"req-7f3a", true},
		{strings.Repeat("a", 128), true},
		{strings.Repeat("a", 129), false},
		{"two words", false},
		{"naïve", false},
	} {
		res := send(t, h, "/healthz", "203.0.113.1:1", map[string]string{"X-Request-Id": tc.sent})
		got := res.Header.Get("X-Request-Id")
		if (got == tc.sent) != tc.kept || got == "" {
			t.Errorf("sent request id %q, answered %q; kept %v, want %v", tc.sent, got, got == tc.sent, tc.kept)
		}
	}
	a := send(t, h, "/healthz", "203.0.113.1:1", map[string]string{"X-Request-Id": ""}).Header.Get("X-Request-Id")
	b := send(t, h, "/healthz", "203.0.113.1:1", map[string]string{"X-Request-Id": ""}).Header.Get("X-Request-Id")
	if a == b || a == "" {
		t.Errorf("generated ids %q and %q, want two different ones", a, b)
	}
}
