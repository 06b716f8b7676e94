package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/allora-gateway/allora-gateway/api"
)

// discardWriter is a ResponseWriter that keeps nothing, so that a benchmark measures
// the handler rather than a recorder.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }

func benchmarkRoute(b *testing.B, path string, header http.Header) {
	h := api.New(seededStore(b), api.WithRateLimit(1e9, 1e9)).Handler()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for k, v := range header {
			req.Header[k] = v
		}
		w := &discardWriter{h: make(http.Header)}
		for pb.Next() {
			clear(w.h)
			w.status = 0
			h.ServeHTTP(w, req)
			if w.status != http.StatusOK && w.status != http.StatusNotModified {
				b.Fatalf("answered %d", w.status)
			}
		}
	})
}

func BenchmarkInference(b *testing.B) { benchmarkRoute(b, "/v1/topics/1/inference", nil) }

func BenchmarkInferenceNotModified(b *testing.B) {
	benchmarkRoute(b, "/v1/topics/1/inference", http.Header{"If-None-Match": {"*"}})
}

func BenchmarkTopics(b *testing.B) { benchmarkRoute(b, "/v1/topics", nil) }
func BenchmarkChains(b *testing.B) { benchmarkRoute(b, "/v1/chains", nil) }
