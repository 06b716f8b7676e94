// Package store holds the state the relayer writes and the API reads: Allora topics,
// their latest and past inferences, what each chain's oracle holds per topic and the
// pushes made there, the relayer's journal of in-flight transactions, the queue of
// paid update requests, the prediction markets and their rounds, realised prices, and
// the events API replicas stream to clients. Store is the
// contract; Redis is the implementation several relayer and API replicas share, Memory
// the in-process one used when there is no Redis, and every implementation passes the
// shared suite in storetest.
package store

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// Errors the stores return, wrapped with what was being done.
var (
	// ErrNotFound means the store holds no such record.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means an argument is out of range, such as a limit below one or a
	// negative amount; retrying the same call fails again.
	ErrInvalid = errors.New("invalid argument")
	// ErrFenced means a fenced write carried a lease token older than one already used
	// for the chain: another replica has taken the chain over and this one must stop
	// writing for it.
	ErrFenced = errors.New("fenced off by a newer lease token")
	// ErrUnavailable means the store could not be reached (Redis down, unreachable,
	// still loading or without a primary); it wraps the cause. The same call may
	// succeed once the store is back, which the client reconnects to by itself. The
	// memory store is never unavailable.
	ErrUnavailable = errors.New("store unavailable")
)

// Store is the gateway's shared state. Implementations are safe for concurrent use
// and never hand out or keep references to callers' big.Ints or slices. Every store
// carries the event stream too (Events), so what the relayer publishes reaches every
// API replica reading the same state.
type Store interface {
	Events

	// PutTopic inserts or replaces a topic's metadata.
	PutTopic(ctx context.Context, t oracle.Topic) error
	// Topics returns every known topic ordered by ID.
	Topics(ctx context.Context) ([]oracle.Topic, error)

	// PutInference records inf, validated and scaled where it entered the gateway
	// (oracle.NewScaledInference), as its topic's latest inference unless the store
	// already holds one at the same or a newer version; then it is ignored and
	// PutInference returns nil, so racing writers cannot move a topic backwards. An
	// inference without a scaled value is ErrInvalid.
	PutInference(ctx context.Context, inf oracle.ScaledInference) error
	// LatestInference returns a topic's newest inference with its scaled value, or an
	// error wrapping ErrNotFound that names the topic.
	LatestInference(ctx context.Context, topicID uint64) (oracle.ScaledInference, error)

	// PutChain registers a chain or replaces its name and oracle address, keeping its
	// topics; its feeds are replaced when c.Feeds is not nil, and kept otherwise (a
	// writer that does not know them leaves them as they are).
	PutChain(ctx context.Context, c oracle.Chain) error
	// PutChainTopic inserts or updates what a chain's oracle holds for t.TopicID,
	// registering the chain by ID if it is unknown. The version (block height, then
	// loss block height, as the oracle orders them) never goes down: a t older than the
	// stored state leaves the heights, Value and Timestamp as they are. A zero LastPush or TxHash in t keeps the stored one, so a refresh read from
	// the chain does not erase when the gateway last pushed.
	PutChainTopic(ctx context.Context, chainID uint64, t oracle.ChainTopic) error
	// PutChainFinal records block as the chain's final block (ChainStatus.FinalBlock),
	// registering the chain by ID if it is unknown. It never goes down: a lower block
	// (an endpoint behind the others) leaves the stored one.
	PutChainFinal(ctx context.Context, chainID, block uint64) error
	// Chains returns every registered chain ordered by chain ID, each with its topics
	// ordered by topic ID.
	Chains(ctx context.Context) ([]oracle.ChainStatus, error)

	History
	FencedJournal
	RequestQueue
	Markets
	Prices
}

// History is what the API shows of the past: each topic's inferences and each chain's
// pushes, both kept to a bounded number per topic or chain (see WithHistoryLimit and
// WithPushLimit), oldest dropped first.
type History interface {
	// InferenceHistory returns up to limit of a topic's inferences, newest first,
	// starting below block height before (0 for the newest). Every inference
	// PutInference stores as the topic's latest is appended, and a revision of the same
	// block height replaces that height's entry, so the history holds each height's
	// last value; ignored ones are not kept. To
	// page, pass the last returned block height as the next before. A topic without
	// inferences has an empty history. A limit below one is ErrInvalid.
	InferenceHistory(ctx context.Context, topicID uint64, limit int, before uint64) ([]oracle.ScaledInference, error)
	// RecordPush appends a mined batch to a chain's push history.
	RecordPush(ctx context.Context, chainID uint64, p Push) error
	// Pushes returns up to limit of a chain's pushes, the most recently recorded
	// first. A limit below one is ErrInvalid.
	Pushes(ctx context.Context, chainID uint64, limit int) ([]Push, error)
}

// Push is one mined batch on a chain.
type Push struct {
	TxHash      common.Hash
	BlockNumber uint64
	GasUsed     uint64
	Updates     []oracle.Update // the updates the oracle stored
	At          time.Time       // when the receipt was seen
}

// Journal records the relayer's in-flight transactions per chain, so that a restarted
// relayer finds what it sent and still waits for, and resumes (waits for, replaces or
// drops each) instead of resending blindly. It is the journal the transaction manager
// declares; the stores implement it.
type Journal = txmgr.Journal

// FencedJournal is a Journal whose writes can carry the fencing token of the lease
// that lets one replica submit for a chain. The store keeps the highest token used per
// chain and refuses older ones, so a replica that lost its lease without noticing (a
// long pause, a partition) cannot overwrite what the new holder wrote.
type FencedJournal interface {
	Journal
	// JournalFence raises a chain's fence to token, so every later write with an
	// older token is refused. A new lease holder calls it as soon as it wins. It
	// returns an error wrapping ErrFenced if a newer token was already used.
	JournalFence(ctx context.Context, chainID, token uint64) error
	// JournalPutFenced is JournalPut that first raises the chain's fence to token, as
	// one atomic step; it writes nothing and returns an error wrapping ErrFenced if a
	// newer token was already used for the chain.
	JournalPutFenced(ctx context.Context, token uint64, e JournalEntry) error
}

// JournalEntry is one transaction sent and not yet known to be final.
type JournalEntry = txmgr.JournalEntry

// RequestQueue holds the paid update requests (the oracle's requestUpdate events) a
// chain's relayer serves, highest payment first.
type RequestQueue interface {
	// EnqueueRequest queues r unless the same event, identified by chain, transaction
	// hash and log index, was queued before: an event seen again after a restart or a
	// reorg re-scan is served once. Events are remembered for the dedup window (see
	// WithRequestDedupWindow) after they were queued or acknowledged. A negative
	// amount is ErrInvalid; a nil one counts as zero.
	EnqueueRequest(ctx context.Context, r PaidRequest) error
	// NextRequests returns up to n of a chain's queued requests without removing
	// them: the highest Amount first, equal amounts in the order they were emitted
	// (block number, then log index). An n below one is ErrInvalid.
	NextRequests(ctx context.Context, chainID uint64, n int) ([]PaidRequest, error)
	// AckRequest removes a served request from the queue. Acknowledging a request
	// not in the queue is not an error.
	AckRequest(ctx context.Context, r PaidRequest) error
}

// PaidRequest is one requestUpdate event: someone paid Amount (wei) for a fresh update
// of TopicID on ChainID.
type PaidRequest struct {
	ChainID     uint64
	TopicID     uint64
	Requester   common.Address
	Amount      *big.Int
	TxHash      common.Hash
	LogIndex    uint
	BlockNumber uint64
}

// checkScaled is PutInference's check of its argument.
func checkScaled(inf oracle.ScaledInference) error {
	if inf.Scaled == nil {
		return fmt.Errorf("put topic %d inference at block %d: no scaled value: %w", inf.TopicID, inf.BlockHeight, ErrInvalid)
	}
	return nil
}

// MergeChainTopic is the PutChainTopic rule, for implementations to share: it returns
// the state to store when next arrives for a topic whose stored state is prev (the zero
// ChainTopic when there is none). The result's Value is prev's or next's pointer;
// callers copy it before keeping it.
func MergeChainTopic(prev, next oracle.ChainTopic) oracle.ChainTopic {
	out := prev
	out.TopicID = next.TopicID
	switch {
	case next.Version().Newer(prev.Version()):
		out.BlockHeight, out.LossBlockHeight, out.Value, out.Timestamp = next.BlockHeight, next.LossBlockHeight, next.Value, next.Timestamp
	case next.Version() == prev.Version():
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
		// The push block belongs to its transaction.
		out.TxHash, out.PushBlock = next.TxHash, next.PushBlock
	}
	return out
}
