package alloraoracle_test

import (
	"math/big"
	"testing"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
)

func TestDecodeState(t *testing.T) {
	minInt160 := new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 159))
	maxInt160 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 159), big.NewInt(1))
	cases := []struct {
		value                   *big.Int
		timestamp, height, loss uint64
	}{
		{big.NewInt(0), 0, 0, 0},
		{eth(3001, 25), 1_750_000_000, 4_512_345, 4_512_305},
		{big.NewInt(-1), 1, 1, 0},
		{minInt160, 0xffffffff, 0xffffffff, 0xffffffff},
		{maxInt160, 0xffffffff, 1, 0xffffffff},
	}
	for _, c := range cases {
		// Pack as the contract does: height << 224 | loss << 192 | timestamp << 160 | value mod 2^160.
		word := new(big.Int).Lsh(new(big.Int).SetUint64(c.height), 224)
		word.Or(word, new(big.Int).Lsh(new(big.Int).SetUint64(c.loss), 192))
		word.Or(word, new(big.Int).Lsh(new(big.Int).SetUint64(c.timestamp), 160))
		low := new(big.Int).Set(c.value)
		if low.Sign() < 0 {
			low.Add(low, new(big.Int).Lsh(big.NewInt(1), 160))
		}
		word.Or(word, low)
		value, timestamp, height, loss := alloraoracle.DecodeState(word)
		if value.Cmp(c.value) != 0 || timestamp != c.timestamp || height != c.height || loss != c.loss {
			t.Errorf("DecodeState(%#x) = %s, %d, %d, %d; want %s, %d, %d, %d", word, value, timestamp, height, loss, c.value, c.timestamp, c.height, c.loss)
		}
	}
	if v, ts, h, l := alloraoracle.DecodeState(nil); v.Sign() != 0 || ts != 0 || h != 0 || l != 0 {
		t.Errorf("DecodeState(nil) = %s, %d, %d, %d; want zeros", v, ts, h, l)
	}
}
