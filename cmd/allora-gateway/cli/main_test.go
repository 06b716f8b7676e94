package cli_test

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// TestMain fails the package's tests if any goroutine they started is still running
// when they are done, but for those its dependencies start and never stop.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, testsupport.ThirdPartyGoroutines()...)
}
