// Package oracle is the domain of allora-gateway: Allora inferences, the updates the
// AlloraOracle contract stores, their scaling to fixed point, their EIP-712 typed data
// and digests, and the signers that sign them. It imports nothing else from the project;
// every other package speaks these types.
package oracle

import (
	"errors"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// ErrNoInference means Allora has no network inference for a topic yet: none of its
// worker submission windows has closed. It is expected for a new topic and clears by
// itself after the topic's next window.
var ErrNoInference = errors.New("no network inference for the topic yet")

// ErrNotServed means the source answered but does not serve the query at all: most
// often an Allora node asked for an emissions API version its chain does not have. It
// does not clear by itself: the configuration must change, so readiness fails on it.
var ErrNotServed = errors.New("query not served by the node")

// Decimals is the number of decimals of every value the oracle stores: values are
// int256 fixed point scaled by 10^18, as Chainlink-style feeds and Allora's own
// consumer expect.
const Decimals = 18

// Inference is the latest network inference of one Allora topic, as the chain gives it.
type Inference struct {
	// TopicID is the Allora topic.
	TopicID uint64
	// BlockHeight is the Allora block whose worker window produced the inference
	// (inference_block_height). It only grows for a topic and is the update's nonce.
	BlockHeight uint64
	// LossBlockHeight is the Allora block of the reputer losses the inference's weights
	// were computed with (loss_block_height). The node revises the value of one
	// BlockHeight when a reputer window closes and this height moves forward, so the
	// pair is the inference's version (see Version). 0 where the emissions version does
	// not carry it (v9 and later).
	LossBlockHeight uint64
	// Value is the network inference (combined_value), a decimal string exactly as the
	// chain carries it, such as "3001.9999999999999999999999999999993".
	Value string
	// Timestamp is the time of the Allora block at BlockHeight.
	Timestamp time.Time
	// ConfidenceIntervals are the chain's confidence interval percentiles and values,
	// when it gives them.
	ConfidenceIntervals []ConfidenceInterval
}

// ConfidenceInterval is one percentile of the network inference's confidence band.
type ConfidenceInterval struct {
	Percentile string // such as "15.87"
	Value      string // the decimal value at that percentile
}

// Topic is an Allora topic's metadata.
type Topic struct {
	ID                     uint64
	Metadata               string // free text such as "ETH 10min Prediction"
	EpochLength            int64  // blocks
	GroundTruthLag         int64  // blocks
	WorkerSubmissionWindow int64  // blocks
	EpochLastEnded         int64  // block height
	AllowNegative          bool
}

// AssetTopic names the topic whose inferences predict an asset's price over a
// timeframe, as frontends ask for them: ETH over 5m, BTC over 8h.
type AssetTopic struct {
	Asset     string // ticker in upper case, such as "ETH"
	Timeframe string // a count and a unit of s, m, h or d, such as "5m" or "8h"
	TopicID   uint64
}

// Update is one topic's entry in a batch for the AlloraOracle contract: the EIP-712
// struct Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 timestamp).
type Update struct {
	TopicID     uint64
	Value       *big.Int // int256, scaled by 10^Decimals
	BlockHeight uint64   // Allora block height of the inference
	// LossBlockHeight is the inference's loss block height: with BlockHeight its
	// version, so a revised value of the same BlockHeight is newer (see Version).
	LossBlockHeight uint64
	Timestamp       uint64 // unix seconds of the Allora block at BlockHeight
}

// Chain is one EVM chain the gateway pushes to, with the address of its AlloraOracle.
type Chain struct {
	ID     uint64         // EIP-155 chain id: 56 for BNB Smart Chain, 324 for ZKsync Era, 146 for Sonic
	Name   string         // short name such as "bnb"
	Oracle common.Address // AlloraOracle contract
	// Feeds are the chain's AlloraFeed contracts by topic id, as the addresses file
	// lists them; nil when none is known.
	Feeds map[uint64]common.Address
}

// ChainTopic is what one chain's oracle holds for one topic, and when the gateway last
// pushed it there.
type ChainTopic struct {
	TopicID     uint64
	BlockHeight uint64 // Allora block height of the stored inference; 0 when never set
	// LossBlockHeight is the stored inference's loss block height (see Version).
	LossBlockHeight uint64
	Value           *big.Int  // stored value, scaled by 10^Decimals; nil when never set
	Timestamp       uint64    // unix seconds of the stored inference
	LastPush        time.Time // when this gateway's last update of the topic was mined; zero if none
	TxHash          common.Hash
	// PushBlock is the block that mined TxHash, the gateway's last push of the topic;
	// 0 when unknown. The push is final once the chain's final block reaches it.
	PushBlock uint64
}

// ChainStatus is a chain with the state of every topic on it.
type ChainStatus struct {
	Chain
	// FinalBlock is the highest block the relayer has seen final on the chain, as the
	// chain's finality says (a block tag, or a depth under the head); 0 until one is.
	FinalBlock uint64
	Topics     []ChainTopic
}

// Version orders the values Allora gives for a topic: an inference is newer than
// another when its block height is higher, or, at the same block height, when its loss
// block height is (the node revised the value once a reputer window closed). The
// oracle contract, the store and every co-signer apply the same order.
type Version struct {
	BlockHeight     uint64
	LossBlockHeight uint64
}

// Newer reports whether v comes after w.
func (v Version) Newer(w Version) bool {
	if v.BlockHeight != w.BlockHeight {
		return v.BlockHeight > w.BlockHeight
	}
	return v.LossBlockHeight > w.LossBlockHeight
}

// Version is the inference's version.
func (inf Inference) Version() Version {
	return Version{BlockHeight: inf.BlockHeight, LossBlockHeight: inf.LossBlockHeight}
}

// Version is the update's version.
func (u Update) Version() Version {
	return Version{BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight}
}

// Version is the version of what the chain holds; the zero Version when never set.
func (t ChainTopic) Version() Version {
	return Version{BlockHeight: t.BlockHeight, LossBlockHeight: t.LossBlockHeight}
}
