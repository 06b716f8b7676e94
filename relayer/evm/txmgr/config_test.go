package txmgr_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

func TestPresetsAreValidAndMatchTheirChains(t *testing.T) {
	for _, tc := range []struct {
		id            uint64
		known         bool
		mode          txmgr.FeeMode
		confirmations uint64
	}{
		{56, true, txmgr.Legacy, 2}, {97, true, txmgr.Legacy, 2},
		{146, true, txmgr.EIP1559, 10}, {14601, true, txmgr.EIP1559, 10},
		{324, true, txmgr.EIP1559, 1}, {300, true, txmgr.EIP1559, 1},
		{31337, false, txmgr.EIP1559, 0},
	} {
		cfg, known := txmgr.Preset(tc.id)
		if known != tc.known || cfg.ChainID != tc.id || cfg.FeeMode != tc.mode || cfg.Confirmations != tc.confirmations {
			t.Errorf("Preset(%d) = %v %v, %d confirmations, known %v; want %v, %d, known %v",
				tc.id, cfg.ChainID, cfg.FeeMode, cfg.Confirmations, known, tc.mode, tc.confirmations, tc.known)
		}
		if err := cfg.Validate(); err != nil {
			t.Errorf("Preset(%d): %v", tc.id, err)
		}
		if cfg.BumpPercent <= txmgr.MinBumpPercent {
			t.Errorf("Preset(%d) bumps %d%%, want more than geth's minimum %d%%", tc.id, cfg.BumpPercent, txmgr.MinBumpPercent)
		}
	}
}

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
