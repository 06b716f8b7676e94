package cli

import (
	"math/big"
	"testing"
)

// TestFormatEther checks that balances print exactly, however many decimals they need.
func TestFormatEther(t *testing.T) {
	wei := func(s string) *big.Int {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok {
			t.Fatalf("bad test value %q", s)
		}
		return v
	}
	cases := []struct{ wei, want string }{
		{"0", "0"},
		{"1", "0.000000000000000001"},
		{"1000000000000000000", "1"},
		{"1234500000000000000000", "1234.5"},
		{"10000000000000000000001", "10000.000000000000000001"},
		{"123456789012345678901234567890", "123456789012.34567890123456789"},
		{"-1500000000000000000", "-1.5"},
	}
	for _, c := range cases {
		if got := formatEther(wei(c.wei)); got != c.want {
			t.Errorf("formatEther(%s) = %s, want %s", c.wei, got, c.want)
		}
	}
}
