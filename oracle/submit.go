package oracle

import (
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// ChainHead is a chain's latest block.
type ChainHead struct {
	Number uint64
	Time   time.Time
}

// SubmitResult is what a mined batch did.
type SubmitResult struct {
	TxHash      common.Hash
	BlockNumber uint64
	GasUsed     uint64
	Fee         *big.Int // wei paid: effective gas price × gas used; nil when unknown
	Applied     []Update // the updates the oracle stored
	Skipped     []Skip   // the updates it skipped
}

// Skip is an update the oracle skipped rather than stored.
type Skip struct {
	TopicID               uint64
	BlockHeight           uint64
	LossBlockHeight       uint64
	StoredBlockHeight     uint64
	StoredLossBlockHeight uint64
	Reason                string // "not newer", "too old", "too far in the future", "proof required", "proof rejected"
}
