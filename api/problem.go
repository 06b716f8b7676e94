package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Error kinds of the API itself, beside store.ErrNotFound and the context errors.
var (
	errBadRequest       = errors.New("bad request")
	errNoRoute          = errors.New("no such route")
	errMethodNotAllowed = errors.New("method not allowed")
	errRateLimited      = errors.New("rate limited")
	errURITooLong       = errors.New("request target too long")
	errHeaderTooLarge   = errors.New("request header fields too large")
	errBodyTooLarge     = errors.New("request body too large")
	// errNotReady means the API cannot serve yet; what it waits for is wrapped too.
	errNotReady = errors.New("not ready")
	// errBadUpstream means the network gave a value the API cannot serve.
	errBadUpstream = errors.New("bad value from the allora network")
)

// errorKinds maps error kinds to what the client is told; the first kind err wraps
// wins, and any other error is a 500. Detail is said when the handler gave no public
// detail of its own (see withDetail); a 500 always says its generic detail, so internal
// error text never reaches a client.
var errorKinds = []struct {
	kind   error
	status int
	level  slog.Level // at which the error is logged; below Debug is not logged
	detail string
	// retryAfter, when set, is the Retry-After the client is told: the state is
	// expected back by itself.
	retryAfter string
}{
	{errBadRequest, http.StatusBadRequest, levelNone, "the request is malformed", ""},
	{store.ErrNotFound, http.StatusNotFound, levelNone, "the resource does not exist", ""},
	{errNoRoute, http.StatusNotFound, levelNone, "no such route", ""},
	{errMethodNotAllowed, http.StatusMethodNotAllowed, levelNone, "the route answers GET and HEAD only", ""},
	{errRateLimited, http.StatusTooManyRequests, levelNone, "too many requests; retry later", ""},
	{errURITooLong, http.StatusRequestURITooLong, levelNone, "the request target is too long", ""},
	{errHeaderTooLarge, http.StatusRequestHeaderFieldsTooLarge, levelNone, "the request header fields are too large", ""},
	{errBodyTooLarge, http.StatusRequestEntityTooLarge, levelNone, "the request body is too large", ""},
	{errBadUpstream, http.StatusBadGateway, slog.LevelError, "the allora network gave a value this gateway cannot serve", ""},
	// Before the context errors: a store that cannot be reached or timed out makes the
	// API not ready. The Redis client reconnects by itself, within a few seconds.
	{store.ErrUnavailable, http.StatusServiceUnavailable, slog.LevelWarn, "the store is unavailable; try again", storeRetryAfter},
	{errNotReady, http.StatusServiceUnavailable, slog.LevelWarn, "not ready to serve", ""},
	{context.DeadlineExceeded, http.StatusServiceUnavailable, slog.LevelWarn, "the request did not complete in time; try again", ""},
	// The client has gone; nobody reads the answer.
	{context.Canceled, http.StatusServiceUnavailable, slog.LevelDebug, "the request was cancelled", ""},
}

const (
	// storeRetryAfter is the Retry-After, in seconds, of an answer the store could not
	// give because it was unreachable.
	storeRetryAfter = "2"
	levelNone       = slog.LevelDebug - 4
	internalDetail  = "the server could not answer this request; the request id identifies it in the server's logs"
)

// publicError carries the detail a client may read beside the error for the log.
type publicError struct {
	detail string
	err    error
}

func (e *publicError) Error() string { return e.detail + ": " + e.err.Error() }
func (e *publicError) Unwrap() error { return e.err }

// withDetail wraps err with a detail the client is told, unless err's kind is a 500.
func withDetail(err error, format string, args ...any) error {
	return &publicError{detail: fmt.Sprintf(format, args...), err: err}
}

// problem is an RFC 9457 problem details object, with the request id as an extension
// member so that a client can quote it.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail,omitempty"`
	Instance  string `json:"instance,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// fail answers r with the problem err maps to, and logs err as its kind asks.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, level, detail, retryAfter := http.StatusInternalServerError, slog.LevelError, internalDetail, ""
	for _, k := range errorKinds {
		if errors.Is(err, k.kind) {
			status, level, detail, retryAfter = k.status, k.level, k.detail, k.retryAfter
			break
		}
	}
	var pub *publicError
	if status != http.StatusInternalServerError && errors.As(err, &pub) {
		detail = pub.detail
	}
	if level > levelNone {
		s.log.Log(r.Context(), level, "request failed",
			"status", status, "err", err, "method", r.Method, "path", r.URL.Path,
			"request_id", middleware.GetReqID(r.Context()))
	}
	if status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", "GET, HEAD")
	}
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	writeProblem(w, r, status, detail)
}

func writeProblem(w http.ResponseWriter, r *http.Request, status int, detail string) {
	body, err := json.Marshal(problem{
		Type:      "about:blank",
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    detail,
		Instance:  r.URL.EscapedPath(),
		RequestID: middleware.GetReqID(r.Context()),
	})
	if err != nil {
		// A struct of strings and an int always marshals.
		panic(fmt.Sprintf("marshal problem: %v", err))
	}
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("X-Content-Type-Options", "nosniff")
	// Some errors are cacheable by default (404, 405, 414); none should outlive the
	// state that caused it.
	h.Set("Cache-Control", cacheNever)
	// A problem has no entity tag; drop one a handler set before it failed.
	h.Del("ETag")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, withDetail(errNoRoute, "no route for %s", r.URL.EscapedPath()))
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, withDetail(errMethodNotAllowed, "%s is not allowed here; this route answers GET and HEAD", r.Method))
}
