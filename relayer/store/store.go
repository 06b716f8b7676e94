// Package store holds the state the relayer writes and the API reads: Allora topics,
// their latest inferences, and what each chain's oracle holds per topic. Store is the
// contract; Redis is the implementation several relayer and API replicas share, Memory
// the in-process one used when there is no Redis, and every implementation passes the
// shared suite in storetest.
package store

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// ErrNotFound is returned, wrapped with what was looked up, when the store holds no
// such record.
var ErrNotFound = errors.New("not found")

// Store is the gateway's shared state. Implementations are safe for concurrent use
// and never hand out or keep references to callers' big.Ints or slices.
type Store interface {
	// PutTopic inserts or replaces a topic's metadata.
	PutTopic(ctx context.Context, t oracle.Topic) error
	// Topics returns every known topic ordered by ID.
	Topics(ctx context.Context) ([]oracle.Topic, error)

	// PutInference records inf as its topic's latest inference unless the store
	// already holds one at the same or a higher block height; then it is ignored and
	// PutInference returns nil, so racing writers cannot move a topic backwards.
	PutInference(ctx context.Context, inf oracle.Inference) error
	// LatestInference returns a topic's newest inference, or an error wrapping
	// ErrNotFound that names the topic.
	LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error)

	// PutChain registers a chain or replaces its name and oracle address, keeping its
	// topics.
	PutChain(ctx context.Context, c oracle.Chain) error
	// PutChainTopic inserts or updates what a chain's oracle holds for t.TopicID,
	// registering the chain by ID if it is unknown. The block height never goes down:
	// a t older than the stored state leaves BlockHeight, Value and Timestamp as they
	// are. A zero LastPush or TxHash in t keeps the stored one, so a refresh read from
	// the chain does not erase when the gateway last pushed.
	PutChainTopic(ctx context.Context, chainID uint64, t oracle.ChainTopic) error
	// Chains returns every registered chain ordered by chain ID, each with its topics
	// ordered by topic ID.
	Chains(ctx context.Context) ([]oracle.ChainStatus, error)
}

// MergeChainTopic is the PutChainTopic rule, for implementations to share: it returns
// the state to store when next arrives for a topic whose stored state is prev (the zero
// ChainTopic when there is none). The result's Value is prev's or next's pointer;
// callers copy it before keeping it.
func MergeChainTopic(prev, next oracle.ChainTopic) oracle.ChainTopic {
	out := prev
	out.TopicID = next.TopicID
	switch {
	case next.BlockHeight > prev.BlockHeight:
		out.BlockHeight, out.Value, out.Timestamp = next.BlockHeight, next.Value, next.Timestamp
	case next.BlockHeight == prev.BlockHeight:
		// The same inference seen again; fill in what the earlier write lacked.
		if next.Value != nil {
			out.Value = next.Value
		}
		if next.Timestamp != 0 {
			out.Timestamp = next.Timestamp
		}
	}
	if !next.LastPush.IsZero() {
		out.LastPush = next.LastPush
	}
	if next.TxHash != (common.Hash{}) {
		out.TxHash = next.TxHash
	}
	return out
}
