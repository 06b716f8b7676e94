package txmgr

import (
	"errors"
	"math/big"
	"testing"
)

func TestBumpRaisesEveryFieldAndStopsAtTheCap(t *testing.T) {
	b := big.NewInt
	for _, tc := range []struct {
		name              string
		multiplier        int64
		maxGasPrice       *big.Int
		old, fresh, first fees
		want              fees
		wantCapped        bool
	}{
		{"legacy raised by the bump", 5, nil,
			fees{GasPrice: b(1000)}, fees{GasPrice: b(900)}, fees{GasPrice: b(1000)}, fees{GasPrice: b(1120)}, false},
		{"legacy raised to a higher fresh quote", 5, nil,
			fees{GasPrice: b(1000)}, fees{GasPrice: b(3000)}, fees{GasPrice: b(1000)}, fees{GasPrice: b(3000)}, false},
		{"rounding up keeps tiny prices valid", 5, nil,
			fees{GasPrice: b(1)}, fees{GasPrice: b(1)}, fees{GasPrice: b(1)}, fees{GasPrice: b(2)}, false},
		{"1559 both fields raised", 5, nil,
			fees{TipCap: b(100), FeeCap: b(300)}, fees{TipCap: b(100), FeeCap: b(300)}, fees{TipCap: b(100), FeeCap: b(300)},
			fees{TipCap: b(112), FeeCap: b(336)}, false},
		{"1559 fee cap follows a base-fee rise over the raised tip", 5, nil,
			fees{TipCap: b(100), FeeCap: b(300)}, fees{TipCap: b(100), FeeCap: b(900)}, fees{TipCap: b(100), FeeCap: b(300)},
			fees{TipCap: b(112), FeeCap: b(912)}, false},
		{"clamped to the multiplier cap", 2, nil,
			fees{TipCap: b(100), FeeCap: b(300)}, fees{TipCap: b(100), FeeCap: b(900)}, fees{TipCap: b(100), FeeCap: b(300)},
			fees{TipCap: b(112), FeeCap: b(600)}, false},
		{"clamped to the absolute cap", 10, b(500),
			fees{GasPrice: b(400)}, fees{GasPrice: b(2000)}, fees{GasPrice: b(400)}, fees{GasPrice: b(500)}, false},
		{"at the cap: no valid replacement", 2, nil,
			fees{TipCap: b(100), FeeCap: b(580)}, fees{TipCap: b(100), FeeCap: b(900)}, fees{TipCap: b(100), FeeCap: b(300)},
			fees{TipCap: b(100), FeeCap: b(580)}, true},
		{"resumed legacy transaction, chain now quoted in 1559", 5, nil,
			fees{GasPrice: b(1000)}, fees{TipCap: b(10), FeeCap: b(2000)}, fees{GasPrice: b(1000)}, fees{GasPrice: b(2000)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &Manager{cfg: Config{BumpPercent: 12, FeeLimitMultiplier: tc.multiplier, MaxGasPrice: tc.maxGasPrice}}
			got, err := m.bump(tc.old, tc.fresh, tc.first)
			if capped := errors.Is(err, ErrFeeCapReached); capped != tc.wantCapped {
				t.Fatalf("err = %v, want capped %v", err, tc.wantCapped)
			}
			if got.String() != tc.want.String() {
				t.Errorf("bump(%s, fresh %s) = %s, want %s", tc.old, tc.fresh, got, tc.want)
			}
			if !tc.wantCapped && !validReplacement(tc.old, got) {
				t.Errorf("%s does not replace %s: geth wants +%d%% on every field", got, tc.old, MinBumpPercent)
			}
		})
	}
}
