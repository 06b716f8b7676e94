package testsupport

import (
	"testing"
	"time"
)

// WaitFor polls cond until it holds and returns how long that took, for a test's log.
// within only guards against a hang, never a speed requirement: past it the test fails
// saying what it waited for. Polls start every few milliseconds and slow down to 200ms,
// so a fast condition is seen at once and a slow one (an RPC per poll) costs little.
func WaitFor(t testing.TB, within time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	return WaitForSeen(t, within, what, func() (bool, string) { return cond(), "" })
}

// WaitForSeen is WaitFor for a condition that also says what it saw, so a failure shows
// what was expected beside what was there at the last poll.
func WaitForSeen(t testing.TB, within time.Duration, expected string, cond func() (ok bool, seen string)) time.Duration {
	t.Helper()
	start := time.Now()
	poll := 5 * time.Millisecond
	for {
		ok, seen := cond()
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > within {
			if seen == "" {
				t.Fatalf("after %v: still waiting until %s", within, expected)
			}
			t.Fatalf("after %v: expected %s; saw %s", within, expected, seen)
		}
		time.Sleep(poll)
		poll = min(2*poll, 200*time.Millisecond)
	}
}
