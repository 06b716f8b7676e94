package api

import (
	"errors"
	"net/url"
	"strconv"
	"testing"
)

// FuzzHistoryQuery feeds arbitrary query strings to the history parser: it never
// panics, every refusal is a 400 with a detail for the client, and what it accepts is
// in range and exactly what the client wrote.
func FuzzHistoryQuery(f *testing.F) {
	for _, seed := range []string{
		"", "limit=50", "limit=500&cursor=56", "limit=501", "limit=0", "limit=-1", "limit=+5", "limit=05",
		"cursor=0", "cursor=18446744073709551615", "cursor=18446744073709551616", "cursor=%31", "limit=1&limit=2",
		"cursor=", "limit=%E0%A5%A7", "x=1;limit=2",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return // net/http hands the same to the handler, which ignores bad pairs; nothing to test
		}
		got, err := parseHistoryQuery(q)
		if err != nil {
			var pub *publicError
			if !errors.Is(err, errBadRequest) || !errors.As(err, &pub) || pub.detail == "" {
				t.Fatalf("query %q: error %v is not a bad request with a detail", raw, err)
			}
			return
		}
		if got.limit < 1 || got.limit > MaxHistoryLimit {
			t.Fatalf("query %q: limit %d accepted", raw, got.limit)
		}
		if vs, ok := q["limit"]; ok && strconv.Itoa(got.limit) != vs[0] {
			t.Fatalf("query %q: limit %q read as %d", raw, vs[0], got.limit)
		}
		if !q.Has("limit") && got.limit != DefaultHistoryLimit {
			t.Fatalf("query %q: default limit %d", raw, got.limit)
		}
		if vs, ok := q["cursor"]; ok && (got.before == 0 || strconv.FormatUint(got.before, 10) != vs[0]) {
			t.Fatalf("query %q: cursor %q read as %d", raw, vs[0], got.before)
		}
		if !q.Has("cursor") && got.before != 0 {
			t.Fatalf("query %q: no cursor read as %d", raw, got.before)
		}
	})
}
