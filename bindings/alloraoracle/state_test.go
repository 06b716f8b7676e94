package alloraoracle_test

import (
	"math/big"
	"testing"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
)

func TestDecodeState(t *testing.T) {
	minInt192 := new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 191))
	maxInt192 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 191), big.NewInt(1))
	cases := []struct {
		value             *big.Int
		timestamp, height uint64
	}{
		{big.NewInt(0), 0, 0},
		{eth(3001, 25), 1_750_000_000, 4_512_345},
		{big.NewInt(-1), 1, 1},
		{minInt192, 0xffffffff, 0xffffffff},
		{maxInt192, 0xffffffff, 1},
	}
	for _, c := range cases {
		// Pack as the contract does: height << 224 | timestamp << 192 | value mod 2^192.
		word := new(big.Int).Lsh(new(big.Int).SetUint64(c.height), 224)
		word.Or(word, new(big.Int).Lsh(new(big.Int).SetUint64(c.timestamp), 192))
		low := new(big.Int).Set(c.value)
		if low.Sign() < 0 {
			low.Add(low, new(big.Int).Lsh(big.NewInt(1), 192))
		}
		word.Or(word, low)
		value, timestamp, height := alloraoracle.DecodeState(word)
		if value.Cmp(c.value) != 0 || timestamp != c.timestamp || height != c.height {
			t.Errorf("DecodeState(%#x) = %s, %d, %d; want %s, %d, %d", word, value, timestamp, height, c.value, c.timestamp, c.height)
		}
	}
	if v, ts, h := alloraoracle.DecodeState(nil); v.Sign() != 0 || ts != 0 || h != 0 {
		t.Errorf("DecodeState(nil) = %s, %d, %d; want zeros", v, ts, h)
	}
}
