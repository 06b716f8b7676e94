package cli_test

import (
	"os"
	"testing"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// testPassphrases are the passphrases the tests' configs read from the environment
// (passphrase_env). They are the same for every test, so they are set once, here: a test
// that calls t.Setenv cannot run in parallel, and most of these tests wait on chains and
// can share the machine.
var testPassphrases = map[string]string{
	"TEST_SIGNER1_PASSPHRASE": "one",
	"TEST_SIGNER2_PASSPHRASE": "two",
	"TEST_COSIGN_PASS":        "pass",
	"TEST_IMPORT_PASSPHRASE":  "battery staple",
}

// TestMain fails the package's tests if any goroutine they started is still running
// when they are done, but for those its dependencies start and never stop.
func TestMain(m *testing.M) {
	for k, v := range testPassphrases {
		if err := os.Setenv(k, v); err != nil {
			panic(err)
		}
	}
	goleak.VerifyTestMain(m, testsupport.ThirdPartyGoroutines()...)
}
