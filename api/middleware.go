package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// echoRequestID returns the request id (the client's X-Request-Id or a generated one)
// in the response, so that a client can quote it.
func echoRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if id := middleware.GetReqID(r.Context()); id != "" {
			w.Header().Set(middleware.RequestIDHeader, id)
		}
		next.ServeHTTP(w, r)
	})
}

// observe records every answered request in the metrics and, at Debug, in the access
// log. It reads the clock twice per request, whichever it does.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		elapsed := s.now().Sub(start)
		status := ww.Status()
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
			slog.Int("bytes", ww.BytesWritten()),
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
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
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
			if ww.Status() == 0 {
				writeProblem(w, r, http.StatusInternalServerError, internalDetail)
			}
		}()
		next.ServeHTTP(ww, r)
	})
}

// timeout gives each request a deadline; handlers pass the context to the store, and
// a deadline exceeded there answers 503.
func (s *Server) timeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.requestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
