package testsupport

import (
	"net"
	"net/http"
	"testing"
	"time"
)

// SilentConn opens a connection to the HTTP server at addr that sends nothing, as a
// browser's preconnect or a pooled dial does, and returns once the server has accepted
// it: connections are accepted in order, so once a GET of path on a later one is
// answered, the silent one is the server's. The connection is closed when the test ends.
func SilentConn(t testing.TB, addr, path string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	client := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	res, err := client.Get("http://" + addr + path)
	if err != nil {
		t.Fatalf("GET %s after the silent connection: %v", path, err)
	}
	_ = res.Body.Close()
	return c
}
