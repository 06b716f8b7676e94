package graceful_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/graceful"
)

// serve starts srv on a loopback listener and returns its address and what Serve returned.
func serve(t *testing.T, srv *http.Server) (string, <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String(), done
}

// connect opens a connection that sends nothing and waits until the server has it.
func connect(t *testing.T, addr string, accepted <-chan struct{}) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	<-accepted
	return c
}

func TestShutdownDoesNotWaitOnAConnectionThatAskedNothing(t *testing.T) {
	accepted := make(chan struct{}, 1)
	srv := &http.Server{ConnState: func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			accepted <- struct{}{}
		}
	}}
	graceful.DropUnusedOnShutdown(srv)
	addr, served := serve(t, srv)
	c := connect(t, addr, accepted)

	// Without the hook, Shutdown would wait until the connection is five seconds old.
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v, want nil: the connection never asked anything", err)
	}
	if err := <-served; err != http.ErrServerClosed {
		t.Fatalf("Serve returned %v, want http.ErrServerClosed", err)
	}
	// The server closed its end: the client reads EOF.
	if _, err := c.Read(make([]byte, 1)); err == nil {
		t.Fatal("read data from a connection the shutdown should have closed")
	}
}

func TestShutdownStillAnswersARequestInFlight(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(entered)
		<-release
		_, _ = io.WriteString(w, "answered")
	})}
	graceful.DropUnusedOnShutdown(srv)
	addr, _ := serve(t, srv)

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{string(b), err}
	}()
	<-entered

	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(context.Background()) }()
	close(release)
	if r := <-got; r.err != nil || r.body != "answered" {
		t.Fatalf("the request in flight got %q, %v; want it answered", r.body, r.err)
	}
	if err := <-shut; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
}

func TestAConnStateHookAlreadySetStillRuns(t *testing.T) {
	states := make(chan http.ConnState, 8)
	srv := &http.Server{
		Handler:   http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}),
		ConnState: func(_ net.Conn, s http.ConnState) { states <- s },
	}
	graceful.DropUnusedOnShutdown(srv)
	addr, _ := serve(t, srv)
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, want := range []http.ConnState{http.StateNew, http.StateActive, http.StateIdle} {
		if s := <-states; s != want {
			t.Fatalf("the hook saw %v, want %v", s, want)
		}
	}
}
