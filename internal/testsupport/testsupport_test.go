package testsupport_test

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fatalRecorder is a testing.TB whose Fatalf records the failure and ends only the
// goroutine, as the real one does, so a test can look at a helper's failure.
type fatalRecorder struct {
	testing.TB
	msg atomic.Pointer[string]
}

func (f *fatalRecorder) Helper() {}
func (f *fatalRecorder) Fatalf(format string, args ...any) {
	m := fmt.Sprintf(format, args...)
	f.msg.Store(&m)
	runtime.Goexit()
}

// run calls fn with a recorder on a goroutine of its own and returns the failure, or "".
func run(t *testing.T, fn func(tb testing.TB)) string {
	rec := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(rec)
	}()
	<-done
	if m := rec.msg.Load(); m != nil {
		return *m
	}
	return ""
}

func TestWaitForReturnsOnceTheConditionHolds(t *testing.T) {
	polls := 0
	msg := run(t, func(tb testing.TB) {
		testsupport.WaitFor(tb, time.Minute, "the third poll", func() bool { polls++; return polls == 3 })
	})
	if msg != "" || polls != 3 {
		t.Errorf("WaitFor failed with %q after %d polls; want success at the third", msg, polls)
	}
}

func TestWaitForSeenFailsSayingWhatItSaw(t *testing.T) {
	msg := run(t, func(tb testing.TB) {
		testsupport.WaitForSeen(tb, 20*time.Millisecond, "the answer 42", func() (bool, string) { return false, "41" })
	})
	if !strings.Contains(msg, "expected the answer 42; saw 41") {
		t.Errorf("failure %q does not say what was expected and what was seen", msg)
	}
	msg = run(t, func(tb testing.TB) {
		testsupport.WaitFor(tb, 20*time.Millisecond, "never", func() bool { return false })
	})
	if !strings.Contains(msg, "still waiting until never") {
		t.Errorf("failure %q does not say what it waited for", msg)
	}
}

func TestFreeAddrCanBeListenedOn(t *testing.T) {
	for _, addr := range []string{testsupport.FreeAddr(t), fmt.Sprintf("127.0.0.1:%d", testsupport.FreePort(t))} {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Fatalf("listen on the free address %s: %v", addr, err)
		}
		_ = ln.Close()
	}
}

// TestProxyKillTakesTheServiceAway checks the proxy as a client sees it: the service
// answers through it, stops answering when it is killed while the service itself keeps
// answering, and answers again once revived.
func TestProxyKillTakesTheServiceAway(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "pong") }))
	defer srv.Close()
	p := testsupport.NewProxy(t, strings.TrimPrefix(srv.URL, "http://"))
	get := func(url string) (string, error) {
		// A client of its own each time, so no kept-alive connection hides the kill.
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
		res, err := c.Get(url)
		if err != nil {
			return "", err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		return string(b), err
	}
	if got, err := get(p.URL()); err != nil || got != "pong" {
		t.Fatalf("through the proxy: %q, %v; want pong", got, err)
	}
	p.Kill()
	if got, err := get(p.URL()); err == nil {
		t.Fatalf("killed proxy still answers %q", got)
	}
	if got, err := get(srv.URL); err != nil || got != "pong" {
		t.Fatalf("the service behind the killed proxy must keep answering: %q, %v", got, err)
	}
	p.Revive()
	if got, err := get(p.URL()); err != nil || got != "pong" {
		t.Fatalf("revived proxy: %q, %v; want pong", got, err)
	}
}
