package api

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// requestContext gives each request its id (the client's X-Request-Id when it is a
// sensible one, else a generated one), returned in the response so that a client can
// quote it, and its deadline: handlers pass the context to the store, and a deadline
// exceeded there answers 503. Both go into one derived context, so the request is
// copied once.
func (s *Server) requestContext(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(middleware.RequestIDHeader)
		if !validRequestID(id) {
			id = s.ids.next()
		}
		w.Header()[middleware.RequestIDHeader] = []string{id}
		if r.URL.Path == streamPath {
			// A stream lasts as long as its client; it has no deadline.
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), middleware.RequestIDKey, id)))
			return
		}
		ctx, cancel := context.WithTimeout(context.WithValue(r.Context(), middleware.RequestIDKey, id), s.requestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// maxRequestIDBytes bounds a client's request id, which goes into logs and answers.
const maxRequestIDBytes = 128

// validRequestID accepts 1 to 128 visible ASCII characters.
func validRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDBytes {
		return false
	}
	for i := range len(id) {
		if id[i] < 0x21 || id[i] > 0x7e {
			return false
		}
	}
	return true
}

// requestIDs generates request ids: a random prefix per server, then a counter.
type requestIDs struct {
	prefix string
	n      atomic.Uint64
}

func newRequestIDs() *requestIDs {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails
	return &requestIDs{prefix: base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])}
}

func (g *requestIDs) next() string {
	var buf [48]byte
	out := append(buf[:0], g.prefix...)
	out = append(out, '-')
	out = strconv.AppendUint(out, g.n.Add(1), 10)
	return string(out)
}

// statusWriter remembers the status and size of an answer for the metrics, the
// access log and the recoverer, which share one per request.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

var statusWriters = sync.Pool{New: func() any { return new(statusWriter) }}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush passes flushes on, for answers that stream.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		if w.status == 0 {
			w.status = http.StatusOK
		}
		f.Flush()
	}
}

// observe records every answered request in the metrics and, at Debug, in the access
// log. It reads the clock twice per request, whichever it does.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		ww := statusWriters.Get().(*statusWriter)
		*ww = statusWriter{ResponseWriter: w}
		next.ServeHTTP(ww, r)
		elapsed := s.now().Sub(start)
		status, written := ww.status, ww.bytes
		// Not put back when a panic passes through: the server may still hold it.
		*ww = statusWriter{}
		statusWriters.Put(ww)
		if status == 0 {
			status = http.StatusOK
		}
		route := unmatchedRoute
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			route = rc.RoutePattern()
		}
		s.metrics.observe(route, status, elapsed.Seconds())
		if !s.log.Enabled(r.Context(), slog.LevelDebug) {
			return
		}
		s.log.LogAttrs(r.Context(), slog.LevelDebug, "http request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", status),
			slog.Int("bytes", written),
			slog.Duration("duration", elapsed),
			slog.String("remote", r.RemoteAddr),
			slog.String("request_id", middleware.GetReqID(r.Context())),
		)
	})
}

// recoverer turns a handler's panic into a logged 500 problem, unless the handler had
// already started its answer; then the client gets what was written.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww, ok := w.(*statusWriter)
		if !ok {
			ww = &statusWriter{ResponseWriter: w}
		}
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if rec == http.ErrAbortHandler {
				// The server's own signal to abort the response; it knows what to do.
				panic(rec)
			}
			s.log.ErrorContext(r.Context(), "panic answering request",
				"panic", fmt.Sprint(rec), "stack", string(debug.Stack()),
				"method", r.Method, "path", r.URL.Path,
				"request_id", middleware.GetReqID(r.Context()))
			if ww.status == 0 {
				writeProblem(ww, r, http.StatusInternalServerError, internalDetail)
			}
		}()
		next.ServeHTTP(ww, r)
	})
}
