package store

import (
	"cmp"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// requestID identifies a paid request event: one log of one transaction on one chain.
type requestID struct {
	chainID  uint64
	txHash   common.Hash
	logIndex uint
}

func idOf(r PaidRequest) requestID {
	return requestID{chainID: r.ChainID, txHash: r.TxHash, logIndex: r.LogIndex}
}

// maxAmount is the largest amount a request can carry: the EVM's uint256.
var maxAmount = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// checkRequest returns r with a copied amount, zero for nil, or an error wrapping
// ErrInvalid.
func checkRequest(r PaidRequest) (PaidRequest, error) {
	if r.Amount == nil {
		r.Amount = new(big.Int)
		return r, nil
	}
	if r.Amount.Sign() < 0 || r.Amount.Cmp(maxAmount) > 0 {
		return r, fmt.Errorf("amount %s outside uint256: %w", r.Amount, ErrInvalid)
	}
	r.Amount = new(big.Int).Set(r.Amount)
	return r, nil
}

func describeRequest(r PaidRequest) string {
	return fmt.Sprintf("chain %d paid request for topic %d (tx %s log %d)", r.ChainID, r.TopicID, r.TxHash, r.LogIndex)
}

// compareRequests orders requests as they are served: the highest amount first, then
// in the order they were emitted.
func compareRequests(a, b PaidRequest) int {
	if c := b.Amount.Cmp(a.Amount); c != 0 {
		return c
	}
	if c := cmp.Compare(a.BlockNumber, b.BlockNumber); c != 0 {
		return c
	}
	if c := cmp.Compare(a.LogIndex, b.LogIndex); c != 0 {
		return c
	}
	return a.TxHash.Cmp(b.TxHash)
}
