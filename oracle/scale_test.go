package oracle

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"
)

const (
	maxInt256Str = "57896044618658097711785492504343953926634992332820282019728792003956564819967"
	minInt256Str = "-57896044618658097711785492504343953926634992332820282019728792003956564819968"
	maxInt160Str = "730750818665451459101842416358141509827966271487"
	minInt160Str = "-730750818665451459101842416358141509827966271488"
	// The largest and smallest decimals whose scaled values the oracle stores.
	maxDecimal = "730750818665451459101842416358.141509827966271487"
	minDecimal = "-730750818665451459101842416358.141509827966271488"
)

func TestScale(t *testing.T) {
	tests := []struct {
		in            string
		allowNegative bool
		want          string // decimal of the scaled value; empty when an error is expected
		err           error
	}{
		{in: "3012.5", want: "3012500000000000000000"},
		{in: "3001.9999999999999999999999999999993", want: "3002000000000000000000"},
		{in: "3365.485208027959", want: "3365485208027959000000"},
		{in: "0", want: "0"},
		{in: "-0", want: "0"},
		{in: "-0.000", want: "0"},
		{in: "0007.10", want: "7100000000000000000"},
		{in: "1", want: "1000000000000000000"},
		{in: "0.000000000000000001", want: "1"},
		{in: "0.123456789012345678", want: "123456789012345678"},
		// Ties go to the even neighbour, both signs.
		{in: "0.0000000000000000005", want: "0"},
		{in: "0.0000000000000000015", want: "2"},
		{in: "0.0000000000000000025", want: "2"},
		{in: "-0.0000000000000000025", allowNegative: true, want: "-2"},
		{in: "-0.0000000000000000035", allowNegative: true, want: "-4"},
		// Only an exact tie goes to even; anything past it rounds away.
		{in: "0.00000000000000000050000000000000001", want: "1"},
		{in: "0.00000000000000000049999999999999999", want: "0"},
		{in: "-1.5", allowNegative: true, want: "-1500000000000000000"},
		{in: "-1.5", err: ErrNegative},
		{in: "-0.000000000000000001", err: ErrNegative},
		// Negative values that round to zero are zero, not negative.
		{in: "-0.0000000000000000005", want: "0"},
		{in: "-0.0000000000000000004999", want: "0"},

		// The ends of the int160 range, and one step past each.
		{in: maxDecimal, want: maxInt160Str},
		{in: minDecimal, allowNegative: true, want: minInt160Str},
		{in: maxDecimal[:len(maxDecimal)-1] + "8", err: ErrOverflow},
		{in: minDecimal[:len(minDecimal)-1] + "9", allowNegative: true, err: ErrOverflow},
		{in: maxDecimal + "4999", want: maxInt160Str},
		{in: maxDecimal + "5", err: ErrOverflow},                        // tie, ...487 is odd: up to 2^159
		{in: minDecimal + "5", allowNegative: true, want: minInt160Str}, // tie, ...488 is even: stays
		// int256 values the oracle cannot store.
		{in: "57896044618658097711785492504343953926634992332820282019728.792003956564819967", err: ErrOverflow},
		{in: minDecimal + "50001", allowNegative: true, err: ErrOverflow},
		{in: "1" + strings.Repeat("0", 100), err: ErrOverflow},
		{in: "-1" + strings.Repeat("0", 100), allowNegative: true, err: ErrOverflow},
		{in: minDecimal, err: ErrNegative},

		// Grammar.
		{in: "", err: ErrInvalidDecimal},
		{in: " 1", err: ErrInvalidDecimal},
		{in: "1 ", err: ErrInvalidDecimal},
		{in: "1\n", err: ErrInvalidDecimal},
		{in: "+1", err: ErrInvalidDecimal},
		{in: "-", err: ErrInvalidDecimal},
		{in: "--1", err: ErrInvalidDecimal},
		{in: "1e5", err: ErrInvalidDecimal},
		{in: "1E5", err: ErrInvalidDecimal},
		{in: "1.5e-3", err: ErrInvalidDecimal},
		{in: "0x1f", err: ErrInvalidDecimal},
		{in: ".5", err: ErrInvalidDecimal},
		{in: "-.5", err: ErrInvalidDecimal},
		{in: "5.", err: ErrInvalidDecimal},
		{in: ".", err: ErrInvalidDecimal},
		{in: "1.2.3", err: ErrInvalidDecimal},
		{in: "1,5", err: ErrInvalidDecimal},
		{in: "1_000", err: ErrInvalidDecimal},
		{in: "\u22121", err: ErrInvalidDecimal}, // Unicode minus sign
		{in: "١", err: ErrInvalidDecimal},       // Arabic-Indic digit one
		{in: "0." + strings.Repeat("0", MaxDecimalLen), err: ErrInvalidDecimal},
		{in: "NaN", err: ErrNaN},
		{in: "nan", err: ErrNaN},
		{in: "-NaN", err: ErrNaN},
		{in: "sNaN", err: ErrNaN},
		{in: "Infinity", err: ErrInfinite},
		{in: "-Infinity", allowNegative: true, err: ErrInfinite},
		{in: "inf", err: ErrInfinite},
		{in: "+Inf", err: ErrInfinite},
	}
	for _, tt := range tests {
		got, err := Scale(tt.in, tt.allowNegative)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Scale(%q, %v) error = %v, want %v", tt.in, tt.allowNegative, err, tt.err)
			}
			if got != nil {
				t.Errorf("Scale(%q, %v) = %v with an error, want nil", tt.in, tt.allowNegative, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("Scale(%q, %v) error = %v, want %s", tt.in, tt.allowNegative, err, tt.want)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("Scale(%q, %v) = %s, want %s", tt.in, tt.allowNegative, got, tt.want)
		}
	}
}

func TestScaleErrorQuotesInput(t *testing.T) {
	_, err := Scale("1e5", false)
	if want := `invalid decimal: "1e5"`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	_, err = Scale("-2", false)
	if want := `negative decimal not allowed for this topic: "-2"`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}

	long := strings.Repeat("9", 70) + "x"
	_, err = Scale(long, true)
	if err == nil {
		t.Fatal("no error for a long invalid input")
	}
	want := `invalid decimal: "` + strings.Repeat("9", maxQuotedLen) + `"... (71 bytes)`
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestUnscale(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"0", "0"},
		{"1", "0.000000000000000001"},
		{"-1", "-0.000000000000000001"},
		{"3012500000000000000000", "3012.5"},
		{"-1500000000000000000", "-1.5"},
		{"1000000000000000000", "1"},
		{"-7000000000000000000", "-7"},
		{"123456789012345678", "0.123456789012345678"},
		{"100000000000000000000000", "100000"},
		{maxInt160Str, maxDecimal},
		{minInt160Str, minDecimal},
	}
	for _, tt := range tests {
		v, _ := new(big.Int).SetString(tt.in, 10)
		if got := Unscale(v); got != tt.want {
			t.Errorf("Unscale(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Unscale(nil); got != "0" {
		t.Errorf("Unscale(nil) = %q, want \"0\"", got)
	}
}

func TestUnscaleRoundTrip(t *testing.T) {
	inputs := []string{
		"3012.5", "3001.9999999999999999999999999999993", "-1.5", "0.0000000000000000015",
		"-0.0000000000000000025", "42", "-0", maxDecimal, minDecimal, "0.100000000000000000",
	}
	for _, in := range inputs {
		scaled, err := Scale(in, true)
		if err != nil {
			t.Fatalf("Scale(%q): %v", in, err)
		}
		s := Unscale(scaled)
		again, err := Scale(s, true)
		if err != nil {
			t.Fatalf("Scale(Unscale(Scale(%q)) = %q): %v", in, s, err)
		}
		if again.Cmp(scaled) != 0 {
			t.Errorf("%q: scaled %s, Unscale gives %q, which scales to %s", in, scaled, s, again)
		}
	}
}

// plainDecimal is Scale's input grammar, written independently of scale.go.
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// referenceScale scales a decimal matching plainDecimal with big.Int arithmetic alone,
// rounding ties to even: an independent check on the shopspring/decimal path.
func referenceScale(s string) *big.Int {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	n, _ := new(big.Int).SetString(intPart+frac, 10)
	n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals), nil))
	div := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil)
	q, r := new(big.Int).QuoRem(n, div, new(big.Int))
	switch r.Lsh(r, 1).Cmp(div) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	if neg {
		q.Neg(q)
	}
	return q
}

func FuzzScale(f *testing.F) {
	for _, s := range []string{"3012.5", "-0.0000000000000000025", "1e5", "NaN", maxDecimal, minDecimal + "5", ""} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, in string, allowNegative bool) {
		got, err := Scale(in, allowNegative)
		if !plainDecimal.MatchString(in) || len(in) > MaxDecimalLen {
			if err == nil {
				t.Fatalf("Scale(%q) = %s, want an error", in, got)
			}
			if !errors.Is(err, ErrInvalidDecimal) && !errors.Is(err, ErrNaN) && !errors.Is(err, ErrInfinite) {
				t.Fatalf("Scale(%q) error = %v, want a grammar error", in, err)
			}
			return
		}
		want := referenceScale(in)
		switch {
		case want.Sign() < 0 && !allowNegative:
			if !errors.Is(err, ErrNegative) {
				t.Fatalf("Scale(%q, false) error = %v, want ErrNegative (value %s)", in, err, want)
			}
			return
		case want.Cmp(MaxValue) > 0 || want.Cmp(MinValue) < 0:
			if !errors.Is(err, ErrOverflow) {
				t.Fatalf("Scale(%q) error = %v, want ErrOverflow (value %s)", in, err, want)
			}
			return
		}
		if err != nil {
			t.Fatalf("Scale(%q, %v) error = %v, want %s", in, allowNegative, err, want)
		}
		if got.Cmp(want) != 0 {
			t.Fatalf("Scale(%q) = %s, want %s", in, got, want)
		}
		if got.Cmp(MaxValue) > 0 || got.Cmp(MinValue) < 0 {
			t.Fatalf("Scale(%q) = %s, out of int160 range", in, got)
		}
		s := Unscale(got)
		again, err := Scale(s, allowNegative)
		if err != nil {
			t.Fatalf("Scale(Unscale(%s) = %q): %v", got, s, err)
		}
		if again.Cmp(got) != 0 {
			t.Fatalf("Scale(Unscale(%s) = %q) = %s", got, s, again)
		}
	})
}

func BenchmarkScale(b *testing.B) {
	for _, in := range []string{"3012.5", "3001.9999999999999999999999999999993"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Scale(in, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
