package api

import (
	"net/http"
	"net/url"
)

const (
	// MaxURLBytes is the longest request target answered; longer ones get 414.
	MaxURLBytes = 2048
	// MaxHeaderBytes bounds the request's header fields; more gets 431. The server
	// refuses headers past maxHeaderBytesHard before any handler runs (with a plain 431
	// of net/http's own); between the two the client gets a problem.
	MaxHeaderBytes     = 8 << 10
	maxHeaderBytesHard = 64 << 10
	// MaxBodyBytes bounds a request body; every route is a GET, which has none.
	MaxBodyBytes = 1 << 10
)

// limitRequest answers 414, 431 or 413 to requests larger than the API ever needs, and
// 400 to a query string that does not decode.
func (s *Server) limitRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.RequestURI) > MaxURLBytes {
			s.fail(w, r, withDetail(errURITooLong, "the request target is %d bytes; the limit is %d", len(r.RequestURI), MaxURLBytes))
			return
		}
		if n := headerBytes(r.Header); n > MaxHeaderBytes {
			s.fail(w, r, withDetail(errHeaderTooLarge, "the request header fields are %d bytes; the limit is %d", n, MaxHeaderBytes))
			return
		}
		if r.ContentLength > MaxBodyBytes {
			s.fail(w, r, withDetail(errBodyTooLarge, "the request body is %d bytes; the limit is %d", r.ContentLength, MaxBodyBytes))
			return
		}
		if r.URL.RawQuery != "" {
			// Query() drops what it cannot decode, and a handler would answer for a
			// filter the client did not mean (?chain=% counting every chain).
			if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
				s.fail(w, r, withDetail(errBadRequest, "the query string is not valid URL encoding: %v", err))
				return
			}
		}
		if r.ContentLength != 0 {
			// Unknown length (chunked): cut it off where the limit is.
			r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		}
		next.ServeHTTP(w, r)
	})
}

// headerBytes counts header fields as they came on the wire: "Name: value\r\n".
func headerBytes(h http.Header) int {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}
