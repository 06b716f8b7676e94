package alloraoracle

import "math/big"

// DecodeState unpacks the state word of a TopicUpdated event, the word the oracle stores
// for a topic: bits 0-191 the value (int192, two's complement, 18 decimals), bits 192-223
// the timestamp, bits 224-255 the Allora block height. It is the contract's decodeState
// without a call. A nil state decodes as zeros.
func DecodeState(state *big.Int) (value *big.Int, timestamp, blockHeight uint64) {
	if state == nil {
		return new(big.Int), 0, 0
	}
	mask32 := big.NewInt(0xffffffff)
	blockHeight = new(big.Int).Rsh(state, 224).Uint64()
	timestamp = new(big.Int).And(new(big.Int).Rsh(state, 192), mask32).Uint64()
	value = new(big.Int).And(state, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 192), big.NewInt(1)))
	if value.Bit(191) == 1 {
		value.Sub(value, new(big.Int).Lsh(big.NewInt(1), 192))
	}
	return value, timestamp, blockHeight
}
