// Package graceful lets an HTTP server's Shutdown end without waiting on connections that
// never sent a request.
//
// http.Server.Shutdown closes idle connections and waits for the others, but it counts a
// connection that has not yet sent a request as idle only once it is five seconds old. A
// client that connected just before the shutdown (a pooled dial the client no longer needs,
// a browser's preconnect, a watcher reconnecting) so held Shutdown for five seconds, past
// the deadline the gateway's servers give it, and a clean stop reported "context deadline
// exceeded".
package graceful

import (
	"net"
	"net/http"
	"sync"
)

// DropUnusedOnShutdown makes srv's Shutdown close, at once, every connection that has not
// begun a request; requests in flight are still answered. Call it before Serve: it sets
// srv.ConnState (calling any hook already set) and registers with RegisterOnShutdown.
func DropUnusedOnShutdown(srv *http.Server) {
	var (
		mu       sync.Mutex
		unused   = map[net.Conn]struct{}{}
		shutting bool
	)
	next := srv.ConnState
	srv.ConnState = func(c net.Conn, s http.ConnState) {
		mu.Lock()
		switch {
		case s == http.StateNew && shutting:
			_ = c.Close() // accepted as the listener closed: nothing was asked on it
		case s == http.StateNew:
			unused[c] = struct{}{}
		default:
			delete(unused, c)
		}
		mu.Unlock()
		if next != nil {
			next(c, s)
		}
	}
	srv.RegisterOnShutdown(func() {
		mu.Lock()
		defer mu.Unlock()
		shutting = true
		for c := range unused {
			_ = c.Close()
		}
		clear(unused)
	})
}
