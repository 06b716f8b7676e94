package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/api/dashboard"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

var (
	// htmlRef finds the files a page loads: src and href attributes.
	htmlRef = regexp.MustCompile(`(?:src|href)="([^"]+)"`)
	// jsImport finds the modules a script imports.
	jsImport = regexp.MustCompile(`(?m)^import .* from "([^"]+)";`)
)

func getDashboard(t *testing.T, h http.Handler, path string, header http.Header) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return res, string(body)
}

// TestDashboardServesPageAndEveryAsset loads "/" as a browser would: the page, then every
// file it references, then every module those scripts import, and checks that each is
// served with its content type and the same-origin-only policy, and that every embedded
// file is reached that way.
func TestDashboardServesPageAndEveryAsset(t *testing.T) {
	h := api.New(store.NewMemory()).Handler()

	res, page := getDashboard(t, h, "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d, want 200; body %s", res.StatusCode, page)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET / Content-Type = %q, want text/html; charset=utf-8", ct)
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("GET / Content-Security-Policy = %q, missing %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-") || strings.Contains(csp, "http") || strings.Contains(csp, "*") {
		t.Errorf("GET / Content-Security-Policy = %q allows more than the page's own origin", csp)
	}
	if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("GET / X-Content-Type-Options = %q, want nosniff", got)
	}
	if !strings.Contains(page, `data-testid="topics"`) || !strings.Contains(page, `data-testid="chains"`) || !strings.Contains(page, `data-testid="markets"`) {
		t.Errorf("GET / is not the dashboard: %.200s", page)
	}
	// The policy forbids inline script and style: the page must not need them.
	if regexp.MustCompile(`<script[^>]*>\s*[^<\s]`).MatchString(page) || strings.Contains(page, " style=") || strings.Contains(page, "<style") {
		t.Error("the page carries inline script or style, which its Content-Security-Policy blocks")
	}

	wantType := map[string]string{
		".js":  "text/javascript; charset=utf-8",
		".css": "text/css; charset=utf-8",
		".svg": "image/svg+xml",
	}
	var queue, served []string
	for _, m := range htmlRef.FindAllStringSubmatch(page, -1) {
		if strings.HasPrefix(m[1], dashboard.AssetPrefix) {
			queue = append(queue, m[1])
		} else if strings.Contains(m[1], "//") {
			t.Errorf("the page references %s, another origin", m[1])
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if slices.Contains(served, p) {
			continue
		}
		served = append(served, p)
		res, body := getDashboard(t, h, p, nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", p, res.StatusCode)
			continue
		}
		ext := p[strings.LastIndex(p, "."):]
		if ct := res.Header.Get("Content-Type"); ct != wantType[ext] {
			t.Errorf("GET %s Content-Type = %q, want %q", p, ct, wantType[ext])
		}
		if res.Header.Get("Content-Security-Policy") != csp {
			t.Errorf("GET %s carries another Content-Security-Policy than the page", p)
		}
		if ext == ".js" {
			for _, m := range jsImport.FindAllStringSubmatch(body, -1) {
				rel, ok := strings.CutPrefix(m[1], "./")
				if !ok {
					t.Errorf("%s imports %s, which is not one of the page's files", p, m[1])
					continue
				}
				queue = append(queue, dashboard.AssetPrefix+rel)
			}
		}
	}
	for _, name := range dashboard.Files() {
		if !slices.Contains(served, dashboard.AssetPrefix+name) {
			t.Errorf("embedded file %s is never loaded by the page", name)
		}
	}
}

func TestDashboardRevalidatesWithETag(t *testing.T) {
	h := api.New(store.NewMemory()).Handler()
	for _, p := range []string{"/", dashboard.AssetPrefix + "app.js"} {
		res, _ := getDashboard(t, h, p, nil)
		etag := res.Header.Get("ETag")
		if etag == "" || res.Header.Get("Cache-Control") != "no-cache" {
			t.Fatalf("GET %s: ETag %q, Cache-Control %q; want an ETag and no-cache", p, etag, res.Header.Get("Cache-Control"))
		}
		res, body := getDashboard(t, h, p, http.Header{"If-None-Match": {etag}})
		if res.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("GET %s with If-None-Match %s = %d with %d bytes, want 304 and none", p, etag, res.StatusCode, len(body))
		}
	}
}

func TestDashboardUnknownAssetIsProblem(t *testing.T) {
	h := api.New(store.NewMemory()).Handler()
	for _, p := range []string{
		dashboard.AssetPrefix + "missing.js",
		dashboard.AssetPrefix + "index.html", // the page lives at "/" only
		dashboard.AssetPrefix + "sub/app.js",
		dashboard.AssetPrefix,
	} {
		res, body := getDashboard(t, h, p, nil)
		if res.StatusCode != http.StatusNotFound || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("GET %s = %d %s, want 404 application/problem+json; body %s", p, res.StatusCode, res.Header.Get("Content-Type"), body)
		}
	}
}

// TestDashboardMatchesOpenAPI validates the page's answers against the document, as the
// API's are.
func TestDashboardMatchesOpenAPI(t *testing.T) {
	c := checker(t)
	h := api.New(store.NewMemory(), api.WithRateLimit(0, 0)).Handler()
	reqs := []apiRequest{{method: http.MethodGet, path: "/"}, {method: http.MethodGet, path: dashboard.AssetPrefix + "missing.js"}}
	for _, name := range dashboard.Files() {
		reqs = append(reqs, apiRequest{method: http.MethodGet, path: dashboard.AssetPrefix + name})
	}
	res, _ := getDashboard(t, h, "/", nil)
	reqs = append(reqs, apiRequest{method: http.MethodGet, path: "/", header: http.Header{"If-None-Match": {res.Header.Get("ETag")}}})
	for _, rq := range reqs {
		checkRequest(t, c, h, rq)
	}
}
