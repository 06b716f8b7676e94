package testsupport

import (
	"net"
	"testing"
)

// FreePort is a loopback TCP port that was free a moment ago, for a server a test
// starts in another process (which must bind it itself).
func FreePort(t testing.TB) int {
	t.Helper()
	return listenAndClose(t).Port
}

// FreeAddr is FreePort as a host:port on 127.0.0.1.
func FreeAddr(t testing.TB) string {
	t.Helper()
	return listenAndClose(t).String()
}

func listenAndClose(t testing.TB) *net.TCPAddr {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr)
}
