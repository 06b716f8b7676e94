package oracle_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

func TestParseDeviationReadsFractionsPercentagesAndBasisPoints(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // as String prints it
	}{
		{"0.005", "0.5%"},
		{"0.5%", "0.5%"},
		{"50bps", "0.5%"},
		{"50 bps", "0.5%"},
		{"0", "0%"},
		{"1", "100%"},
		{"250%", "250%"},
		{"0.000000000000000001", "0.0000000000000001%"},
		{"0.25bps", "0.0025%"},
	} {
		d, err := oracle.ParseDeviation(tc.in)
		if err != nil {
			t.Errorf("ParseDeviation(%q): %v", tc.in, err)
			continue
		}
		if got := d.String(); got != tc.want {
			t.Errorf("ParseDeviation(%q) = %s, want %s", tc.in, got, tc.want)
		}
		back, err := oracle.ParseDeviation(d.String())
		if err != nil || back.String() != d.String() {
			t.Errorf("ParseDeviation(%q) = %v, %v: String does not read back", d.String(), back, err)
		}
	}
	if a, b := oracle.MustParseDeviation("50bps"), oracle.DeviationBps(50); a.String() != b.String() {
		t.Errorf("50bps parses to %s, DeviationBps(50) is %s", a, b)
	}
}

func TestParseDeviationRefusesWhatItCannotApplyExactly(t *testing.T) {
	for _, in := range []string{"", " ", "-0.5%", "abc", "0.5 %%", "1e-3", "+1%", "0.0000000000000000001", "NaN", "5.", ".5"} {
		if d, err := oracle.ParseDeviation(in); !errors.Is(err, oracle.ErrInvalidDeviation) {
			t.Errorf("ParseDeviation(%q) = %v, %v; want ErrInvalidDeviation", in, d, err)
		}
	}
}

// e18 is v × 10^18, a value as the oracle stores it.
func e18(v int64) *big.Int {
	return new(big.Int).Mul(big.NewInt(v), big.NewInt(1_000_000_000_000_000_000))
}

func TestDeviationReached(t *testing.T) {
	half := oracle.MustParseDeviation("0.5%")
	for _, tc := range []struct {
		name      string
		d         oracle.Deviation
		old, next *big.Int
		want      bool
	}{
		{"inside", half, e18(3000), e18(3014), false},
		{"exactly at the threshold", half, e18(3000), e18(3015), true},
		{"past it upwards", half, e18(3000), e18(3100), true},
		{"past it downwards", half, e18(3000), e18(2985), true},
		{"one wei short", half, e18(3000), new(big.Int).Sub(e18(3015), big.NewInt(1)), false},
		{"negative values, inside", half, e18(-3000), e18(-3010), false},
		{"negative values, past", half, e18(-3000), e18(-2980), true},
		{"sign flip, tiny move", oracle.MustParseDeviation("1000%"), big.NewInt(-1), big.NewInt(1), true},
		{"from zero to anything", oracle.MustParseDeviation("1000%"), big.NewInt(0), big.NewInt(1), true},
		{"zero to zero", half, big.NewInt(0), big.NewInt(0), false},
		{"to zero is a 100% move", oracle.MustParseDeviation("100%"), e18(5), big.NewInt(0), true},
		{"to zero is not 101%", oracle.MustParseDeviation("101%"), e18(5), big.NewInt(0), false},
		{"zero deviation, unchanged", oracle.Deviation{}, e18(7), e18(7), true},
	} {
		if got := tc.d.Reached(tc.old, tc.next); got != tc.want {
			t.Errorf("%s: %s from %s to %s = %v, want %v", tc.name, tc.d, tc.old, tc.next, got, tc.want)
		}
	}
}

func TestPolicyDue(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	onChain := oracle.ChainTopic{TopicID: 1, BlockHeight: 100, Value: e18(3000), Timestamp: uint64(now.Add(-10 * time.Minute).Unix())}
	update := func(height uint64, v *big.Int) oracle.Update {
		return oracle.Update{TopicID: 1, BlockHeight: height, Value: v, Timestamp: uint64(now.Unix())}
	}
	p := oracle.Policy{Deviation: oracle.MustParseDeviation("1%"), Heartbeat: time.Hour}
	revised := onChain
	revised.LossBlockHeight = 90
	revision := func(loss uint64, v *big.Int) oracle.Update {
		u := update(100, v)
		u.LossBlockHeight = loss
		return u
	}
	for _, tc := range []struct {
		name    string
		p       oracle.Policy
		onChain oracle.ChainTopic
		next    oracle.Update
		now     time.Time
		due     bool
		reason  oracle.Reason
	}{
		{"not newer, even with a big move", p, onChain, update(100, e18(9000)), now, false, oracle.NotNewer},
		{"older", p, onChain, update(99, e18(9000)), now, false, oracle.NotNewer},
		{"nothing on chain", p, oracle.ChainTopic{TopicID: 1}, update(1, e18(3000)), now, true, oracle.FirstValue},
		{"small move", p, onChain, update(101, e18(3010)), now, false, oracle.WithinPolicy},
		{"move past the deviation", p, onChain, update(101, e18(3030)), now, true, oracle.DeviationReached},
		{"heartbeat elapsed, unchanged", p, onChain, update(101, e18(3000)), now.Add(50 * time.Minute), true, oracle.HeartbeatElapsed},
		{"heartbeat just short", p, onChain, update(101, e18(3000)), now.Add(50*time.Minute - time.Second), false, oracle.WithinPolicy},
		{"no heartbeat", oracle.Policy{Deviation: p.Deviation}, onChain, update(101, e18(3000)), now.Add(1000 * time.Hour), false, oracle.WithinPolicy},
		{"zero policy pushes every newer inference", oracle.Policy{}, onChain, update(101, e18(3000)), now, true, oracle.DeviationReached},
		// Revisions: the same height with a newer loss height is newer, held to the same policy.
		{"revision past the deviation", p, revised, revision(95, e18(3030)), now, true, oracle.DeviationReached},
		{"revision within the deviation", p, revised, revision(95, e18(3001)), now, false, oracle.WithinPolicy},
		{"revision, heartbeat elapsed", p, revised, revision(95, e18(3001)), now.Add(50 * time.Minute), true, oracle.HeartbeatElapsed},
		{"revision with zero policy", oracle.Policy{}, revised, revision(95, e18(3000)), now, true, oracle.DeviationReached},
		{"same version, even with a big move", p, revised, revision(90, e18(9000)), now, false, oracle.NotNewer},
		{"older loss height", p, revised, revision(89, e18(9000)), now, false, oracle.NotNewer},
	} {
		due, reason := tc.p.Due(tc.onChain, tc.next, tc.now)
		if due != tc.due || reason != tc.reason {
			t.Errorf("%s: Due = %v, %s; want %v, %s", tc.name, due, reason, tc.due, tc.reason)
		}
	}
}

func TestPoliciesForUsesTheOverrideOfATopic(t *testing.T) {
	ps := oracle.Policies{
		Default: oracle.Policy{Deviation: oracle.DeviationBps(50), Heartbeat: time.Hour},
		Topics:  map[uint64]oracle.Policy{7: {Deviation: oracle.DeviationBps(10), Heartbeat: time.Minute}},
	}
	if got := ps.For(7); got.Heartbeat != time.Minute || got.Deviation.String() != "0.1%" {
		t.Errorf("For(7) = %+v, want the override", got)
	}
	if got := ps.For(8); got.Heartbeat != time.Hour || got.Deviation.String() != "0.5%" {
		t.Errorf("For(8) = %+v, want the default", got)
	}
}

// FuzzDeviationReached checks the integer comparison against exact rational arithmetic
// over any pair of int256-sized values and any deviation.
func FuzzDeviationReached(f *testing.F) {
	f.Add(int64(3000), int64(3015), uint64(50), uint8(18))
	f.Add(int64(-5), int64(5), uint64(1), uint8(0))
	f.Add(int64(0), int64(1), uint64(0), uint8(3))
	f.Add(int64(1), int64(0), uint64(10_000), uint8(18))
	f.Fuzz(func(t *testing.T, old, next int64, bps uint64, shift uint8) {
		// Scale both values by up to 10^60 so they reach the size of real int256s.
		mul := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(shift%61)), nil)
		o := new(big.Int).Mul(big.NewInt(old), mul)
		n := new(big.Int).Mul(big.NewInt(next), mul)
		d := oracle.DeviationBps(bps % 1_000_000)
		got := d.Reached(o, n)

		var want bool
		switch {
		case d.IsZero():
			want = true
		case o.Sign() == 0:
			want = n.Sign() != 0
		case o.Sign()*n.Sign() < 0:
			want = true
		default:
			move := new(big.Rat).SetFrac(new(big.Int).Abs(new(big.Int).Sub(n, o)), new(big.Int).Abs(o))
			want = move.Cmp(new(big.Rat).SetFrac(new(big.Int).SetUint64(bps%1_000_000), big.NewInt(10_000))) >= 0
		}
		if got != want {
			t.Fatalf("%s from %s to %s: Reached = %v, want %v", d, o, n, got, want)
		}
		if o.Sign() != 0 && o.Sign()*n.Sign() >= 0 && !d.IsZero() && d.Reached(o, o) {
			t.Fatalf("%s: an unchanged value %s counts as moved", d, o)
		}
	})
}

// BenchmarkPolicyDue1000Topics is the policy's share of one push cycle of a chain
// carrying 1,000 topics.
func BenchmarkPolicyDue1000Topics(b *testing.B) {
	p := oracle.Policy{Deviation: oracle.MustParseDeviation("0.5%"), Heartbeat: time.Hour}
	now := time.Unix(1_800_000_000, 0)
	onChain := make([]oracle.ChainTopic, 1000)
	next := make([]oracle.Update, 1000)
	for i := range onChain {
		v := new(big.Int).Mul(big.NewInt(int64(1000+i)), big.NewInt(1_000_000_000_000_000_000))
		onChain[i] = oracle.ChainTopic{TopicID: uint64(i + 1), BlockHeight: 10, Value: v, Timestamp: uint64(now.Unix() - 60)}
		next[i] = oracle.Update{TopicID: uint64(i + 1), BlockHeight: 11, Value: new(big.Int).Add(v, big.NewInt(int64(i)*1e15))}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range onChain {
			p.Due(onChain[i], next[i], now)
		}
	}
}
