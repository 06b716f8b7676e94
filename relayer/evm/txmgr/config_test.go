package txmgr_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

func TestValidateReportsEveryProblem(t *testing.T) {
	err := txmgr.Config{BumpPercent: 5}.Validate()
	if !errors.Is(err, txmgr.ErrInvalidConfig) {
		t.Fatalf("err = %v, want ErrInvalidConfig", err)
	}
	for _, want := range []string{"chain id", "fee mode", "resubmit after", "bump percent 5", "no fee cap", "receipt poll", "gas limit multiplier"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}
