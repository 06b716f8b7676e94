package alloraoracle

import "math/big"

// DecodeState unpacks the state word of a TopicUpdated event, the word the oracle stores
// for a topic: bits 0-159 the value (int160, two's complement, 18 decimals), bits 160-191
// the timestamp, bits 192-223 the Allora loss block height, bits 224-255 the Allora block
// height. It is the contract's decodeState without a call. A nil state decodes as zeros.
func DecodeState(state *big.Int) (value *big.Int, timestamp, blockHeight, lossBlockHeight uint64) {
	if state == nil {
		return new(big.Int), 0, 0, 0
	}
	mask32 := big.NewInt(0xffffffff)
	blockHeight = new(big.Int).Rsh(state, 224).Uint64()
	lossBlockHeight = new(big.Int).And(new(big.Int).Rsh(state, 192), mask32).Uint64()
	timestamp = new(big.Int).And(new(big.Int).Rsh(state, 160), mask32).Uint64()
	value = new(big.Int).And(state, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 160), big.NewInt(1)))
	if value.Bit(159) == 1 {
		value.Sub(value, new(big.Int).Lsh(big.NewInt(1), 160))
	}
	return value, timestamp, blockHeight, lossBlockHeight
}
