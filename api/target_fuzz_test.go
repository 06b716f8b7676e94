package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// FuzzRequestTarget sends arbitrary request targets (path and query) and
// If-None-Match values through the whole handler: nothing panics or answers 500, every
// error is a problem, and a 200 carries its validator.
func FuzzRequestTarget(f *testing.F) {
	for _, seed := range []struct{ target, inm string }{
		{"/v1/topics/1/inference", ""},
		{"/v1/topics/1/inference?x=1&x=2", `"abc"`},
		{"/v1/topics?limit=10&cursor=abc", "*"},
		{"/v1/chains?chain=56", `W/"x", "y"`},
		{"/v1/topics/%31/inference?%zz", ""},
		{"/v1/topics/../chains", ""},
		{"//v1//topics", ""},
		{"/openapi.yaml;x", ""},
		{"/readyz?", ""},
		{"/metrics#frag", ""},
	} {
		f.Add(seed.target, seed.inm)
	}
	st := store.NewMemory()
	ctx := context.Background()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 1, Metadata: "ETH 5min Price Prediction"}); err != nil {
		f.Fatal(err)
	}
	if err := st.PutInference(ctx, fuzzInference()); err != nil {
		f.Fatal(err)
	}
	h := New(st, WithRateLimit(0, 0)).Handler()

	f.Fuzz(func(t *testing.T, target, ifNoneMatch string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || u.Host != "" || len(target) == 0 || target[0] != '/' {
			return // not an origin-form target a server would hand over
		}
		if u.Path == streamPath {
			return // a stream does not end; TestStream* cover it
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL, req.RequestURI = u, target
		if ifNoneMatch != "" {
			req.Header.Set("If-None-Match", ifNoneMatch)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		ct := rec.Header().Get("Content-Type")
		switch {
		case rec.Code >= 500:
			t.Fatalf("GET %q answered %d: %s", target, rec.Code, rec.Body)
		case rec.Code >= 400 && ct != "application/problem+json":
			t.Errorf("GET %q answered %d with Content-Type %q", target, rec.Code, ct)
		case (rec.Code == http.StatusOK || rec.Code == http.StatusNotModified) && rec.Header().Get("Cache-Control") == "":
			t.Errorf("GET %q answered %d without Cache-Control", target, rec.Code)
		case rec.Code == http.StatusNotModified && rec.Body.Len() != 0:
			t.Errorf("GET %q answered 304 with a body", target)
		}
	})
}
