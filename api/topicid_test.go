package api

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// FuzzTopicIDPath drives arbitrary path segments through parsing and the router:
// parsing accepts exactly the canonical decimal form, and no segment panics or
// answers 500.
func FuzzTopicIDPath(f *testing.F) {
	for _, seed := range []string{
		"1", "0", "68", "18446744073709551615", "18446744073709551616", "99999999999999999999999",
		"-1", "+1", "-0", " 1", "1 ", "\t1", "01", "00", "1.5", "1e3", "0x10", "abc", "",
		"%31", "%2B1", "%201", "1%2F2", "%", "%zz", "١", "1\u00a0", "1?x=2", "1#f", "..", ".",
	} {
		f.Add(seed)
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

	f.Fuzz(func(t *testing.T, segment string) {
		id, err := parseTopicID(segment)
		if err == nil {
			if canon := strconv.FormatUint(id, 10); canon != segment {
				t.Errorf("parseTopicID(%q) accepted %d, whose canonical form is %q", segment, id, canon)
			}
		} else {
			var pub *publicError
			if !errors.Is(err, errBadRequest) || !errors.As(err, &pub) || pub.detail == "" {
				t.Errorf("parseTopicID(%q) error %v: want a bad request with a detail", segment, err)
			}
		}

		u, err := url.Parse("/v1/topics/" + segment + "/inference")
		if err != nil {
			return // not a request target a server would hand over
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL, req.RequestURI = u, u.RequestURI()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch {
		case rec.Code == http.StatusOK, rec.Code == http.StatusBadRequest, rec.Code == http.StatusNotFound:
		case rec.Code == http.StatusRequestURITooLong && len(req.RequestURI) > MaxURLBytes:
			// A target longer than the limit is refused before routing.
		default:
			t.Fatalf("GET %s answered %d: %s", u, rec.Code, rec.Body)
		}
		if rec.Code != http.StatusOK && rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("GET %s answered %d with Content-Type %q", u, rec.Code, rec.Header().Get("Content-Type"))
		}
	})
}

// fuzzInference is the one inference the fuzz targets' store holds.
func fuzzInference() oracle.ScaledInference {
	v, err := oracle.Scale("3012.5", false)
	if err != nil {
		panic(err)
	}
	return oracle.ScaledInference{Inference: oracle.Inference{TopicID: 1, BlockHeight: 68, Value: "3012.5"}, Scaled: v}
}
