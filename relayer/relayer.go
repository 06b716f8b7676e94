// Package relayer is the gateway's daemon: it watches Allora for new network
// inferences, keeps the store the API reads current, and pushes signed batches of
// updates to the AlloraOracle contract of every configured EVM chain.
//
// Each chain has its own loop. A loop reads what the chain's oracle holds (the chain,
// not the store, is the truth of what has been pushed), batches every topic whose Allora
// block height is newer, signs the batch for that chain's EIP-712 domain, submits it
// and waits for the receipt.
//
// Log levels, for operators: Error means an inference or a push was lost and a person
// should look (a value the oracle cannot hold, a transaction that reverted); Warn means
// the relayer is retrying something that failed (an Allora endpoint or a chain's RPC
// not answering) and will recover by itself if the cause goes away.
package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Source is what the relayer reads from the Allora chain.
type Source interface {
	LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error)
	Topic(ctx context.Context, topicID uint64) (oracle.Topic, error)
}

// Watcher is what a Source may also be: a feed of the moments Allora closes a topic's
// worker window. When the source is one, the relayer reads a topic as soon as its
// window closes, and keeps polling only as a safety net for events lost while the feed
// reconnects. The channel closes when ctx ends.
type Watcher interface {
	Watch(ctx context.Context) <-chan oracle.WindowClosed
}

// ChainWriter is one EVM chain's AlloraOracle as the relayer reads and writes it.
type ChainWriter interface {
	// Chain names the chain and its oracle.
	Chain() oracle.Chain
	// Domain is the EIP-712 domain updates for this oracle are signed in.
	Domain() oracle.Domain
	// TopicStates reads what the oracle holds for each topic, in the order asked.
	TopicStates(ctx context.Context, topicIDs []uint64) ([]oracle.ChainTopic, error)
	// Submit sends one signed batch and waits until it is mined.
	Submit(ctx context.Context, updates []oracle.Update, signatures [][]byte) (SubmitResult, error)
}

// SubmitResult is what a mined batch did.
type SubmitResult struct {
	TxHash      common.Hash
	BlockNumber uint64
	GasUsed     uint64
	Applied     []oracle.Update // the updates the oracle stored
	Skipped     []Skip          // the updates it skipped
}

// Skip is an update the oracle skipped rather than stored.
type Skip struct {
	TopicID           uint64
	BlockHeight       uint64
	StoredBlockHeight uint64
	Reason            string // "not newer", "too old", "too far in the future", "out of range", "proof required", "proof rejected"
}

// Config tunes the relayer's loops.
type Config struct {
	// Topics are the Allora topics to relay.
	Topics []uint64
	// PollInterval, when set, is how often Allora is asked for each topic's latest
	// inference. When zero, each topic is polled at a quarter of its epoch (its
	// epoch_length × BlockTime), between MinPollInterval and MaxPollInterval: with a
	// Watcher source polling is only the safety net, and an inference cannot change
	// faster than once an epoch.
	PollInterval time.Duration
	// BlockTime is Allora's time between blocks, from which poll periods are derived
	// (default 5s).
	BlockTime time.Duration
	// PushInterval is how often each chain's oracle is compared with Allora even when
	// no new inference was seen, so a failed push is retried.
	PushInterval time.Duration
	// RequestTimeout bounds every call to Allora or a chain other than a submission.
	RequestTimeout time.Duration
	// SubmitTimeout bounds one submission, from sending to its receipt.
	SubmitTimeout time.Duration
}

// Bounds of a poll period derived from a topic's epoch.
const (
	MinPollInterval = time.Second
	MaxPollInterval = time.Minute
)

// eventRetryInterval is how soon a topic is read again when a window-close event
// promised an inference the source does not show yet (an endpoint a block behind).
const eventRetryInterval = 200 * time.Millisecond

func (c *Config) setDefaults() {
	if c.PollInterval < 0 {
		c.PollInterval = 0
	}
	if c.BlockTime <= 0 {
		c.BlockTime = 5 * time.Second
	}
	if c.PushInterval <= 0 {
		c.PushInterval = 10 * time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.SubmitTimeout <= 0 {
		c.SubmitTimeout = 2 * time.Minute
	}
}

// Event is something the relayer did, for whoever wants to show it (devnet prints
// them). Exactly one of its pointer fields is set.
type Event struct {
	Inference *oracle.Inference // a new inference was seen on Allora
	Push      *Push             // a batch was mined on a chain
}

// Push is a mined batch.
type Push struct {
	Chain  oracle.Chain
	Result SubmitResult
}

// Relayer carries inferences from one Allora source to several chains.
type Relayer struct {
	cfg     Config
	source  Source
	store   store.Store
	chains  []ChainWriter
	signers []oracle.Signer
	signing signing
	log     *slog.Logger
	events  func(Event)
	ids     eventIDs

	mu            sync.Mutex
	allowNegative map[uint64]bool
	epochLength   map[uint64]int64
	wake          []chan struct{} // one per chain, buffered 1
	// polled is closed once Allora has been asked for every topic, so that the first
	// push of each chain carries every topic that is due instead of the first few.
	polled chan struct{}
}

// Option changes a Relayer.
type Option func(*Relayer)

// WithLogger sets the logger; the default discards.
func WithLogger(l *slog.Logger) Option { return func(r *Relayer) { r.log = l } }

// WithEvents calls fn for every new inference and mined batch. fn must not block.
func WithEvents(fn func(Event)) Option { return func(r *Relayer) { r.events = fn } }

// Errors New reports.
var (
	ErrNoTopics  = errors.New("no topics to relay")
	ErrNoChains  = errors.New("no chains to push to")
	ErrNoSigners = errors.New("no signers")
)

// New makes a relayer. The signers sign every batch; there must be at least as many
// as each oracle's threshold.
func New(cfg Config, source Source, st store.Store, chains []ChainWriter, signers []oracle.Signer, opts ...Option) (*Relayer, error) {
	cfg.setDefaults()
	var errs []error
	if len(cfg.Topics) == 0 {
		errs = append(errs, ErrNoTopics)
	}
	if len(chains) == 0 {
		errs = append(errs, ErrNoChains)
	}
	r := &Relayer{
		cfg:           cfg,
		source:        source,
		store:         st,
		chains:        chains,
		signers:       signers,
		log:           slog.New(slog.DiscardHandler),
		events:        func(Event) {},
		allowNegative: make(map[uint64]bool),
		epochLength:   make(map[uint64]int64),
	}
	r.ids.now = time.Now
	r.cfg.Topics = slices.Clone(cfg.Topics)
	slices.Sort(r.cfg.Topics)
	r.cfg.Topics = slices.Compact(r.cfg.Topics)
	for _, o := range opts {
		o(r)
	}
	if len(r.signers)+len(r.signing.remote) == 0 { // co-signers may stand in for local keys
		errs = append(errs, ErrNoSigners)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("relayer: %w", err)
	}
	r.polled = make(chan struct{})
	r.wake = make([]chan struct{}, len(chains))
	for i := range r.wake {
		r.wake[i] = make(chan struct{}, 1)
	}
	return r, nil
}

// Run relays until ctx is done. It returns nil on cancellation; a loop never gives up
// on its own because a source or chain fails, it retries.
func (r *Relayer) Run(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return r.watchAllora(ctx) })
	for i, c := range r.chains {
		g.Go(func() error { return r.pushLoop(ctx, c, r.wake[i]) })
	}
	return g.Wait()
}

// watchAllora loads topic metadata, then reads each topic's latest inference when the
// source reports its window closed and every poll period, stores the new ones and wakes
// the chain loops.
func (r *Relayer) watchAllora(ctx context.Context) error {
	var windows <-chan oracle.WindowClosed
	if w, ok := r.source.(Watcher); ok {
		windows = w.Watch(ctx)
	}
	pending := slices.Clone(r.cfg.Topics)                  // topics whose metadata is not loaded yet
	next := make(map[uint64]time.Time, len(r.cfg.Topics))  // when each topic is due; zero: now
	promised := make(map[uint64]uint64, len(r.cfg.Topics)) // inference heights events announced
	timer := time.NewTimer(0)
	defer timer.Stop()
	first := true
	for {
		if len(pending) > 0 {
			pending = r.loadTopics(ctx, pending)
		}
		now := time.Now()
		var due []uint64
		for _, id := range r.cfg.Topics {
			if !now.Before(next[id]) {
				due = append(due, id)
			}
		}
		fresh := false
		for _, id := range due {
			isNew, height := r.pollTopic(ctx, id)
			fresh = fresh || isNew
			next[id] = now.Add(r.pollPeriod(id))
			if want, ok := promised[id]; ok {
				if height >= want {
					delete(promised, id)
				} else if r.cfg.PollInterval == 0 || eventRetryInterval < r.cfg.PollInterval {
					next[id] = now.Add(eventRetryInterval)
				}
			}
		}
		if first {
			close(r.polled)
			first = false
		}
		if fresh {
			for _, w := range r.wake {
				select {
				case w <- struct{}{}:
				default:
				}
			}
		}
		wait := r.pollPeriod(0)
		for _, id := range r.cfg.Topics {
			wait = min(wait, next[id].Sub(now))
		}
		timer.Reset(max(wait, 0))
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case ev, ok := <-windows:
			if !ok {
				windows = nil
				continue
			}
			if _, relayed := slices.BinarySearch(r.cfg.Topics, ev.TopicID); relayed {
				next[ev.TopicID] = time.Time{}
				promised[ev.TopicID] = ev.InferenceBlockHeight
			}
		}
	}
}

// pollPeriod is how often topic id is polled: PollInterval when set, else a quarter of
// its epoch within [MinPollInterval, MaxPollInterval]; MinPollInterval when the epoch
// is not known yet (metadata still loading).
func (r *Relayer) pollPeriod(id uint64) time.Duration {
	if r.cfg.PollInterval > 0 {
		return r.cfg.PollInterval
	}
	r.mu.Lock()
	epoch := r.epochLength[id]
	r.mu.Unlock()
	return PollPeriod(epoch, r.cfg.BlockTime)
}

// PollPeriod is the safety-net poll period of a topic whose epoch is epochLength blocks
// of blockTime: a quarter of the epoch, within [MinPollInterval, MaxPollInterval].
func PollPeriod(epochLength int64, blockTime time.Duration) time.Duration {
	if epochLength <= 0 || blockTime <= 0 {
		return MinPollInterval
	}
	if epochLength > int64(MaxPollInterval/blockTime)*4 {
		return MaxPollInterval
	}
	return min(max(time.Duration(epochLength)*blockTime/4, MinPollInterval), MaxPollInterval)
}

// loadTopics fetches metadata for the given topics and returns those that failed.
func (r *Relayer) loadTopics(ctx context.Context, topics []uint64) []uint64 {
	var failed []uint64
	for _, id := range topics {
		rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
		t, err := r.source.Topic(rctx, id)
		cancel()
		if err == nil {
			err = r.store.PutTopic(ctx, t)
		}
		if err != nil {
			if ctx.Err() == nil {
				r.log.Warn("cannot load topic metadata; retrying next poll (check the Allora endpoint and that the topic exists)",
					"topic_id", id, "err", err)
			}
			failed = append(failed, id)
			continue
		}
		r.mu.Lock()
		r.allowNegative[id] = t.AllowNegative
		r.epochLength[id] = t.EpochLength
		r.mu.Unlock()
	}
	return failed
}

// pollTopics asks Allora for the latest inference of each topic and reports whether
// any was new.
func (r *Relayer) pollTopics(ctx context.Context, topics []uint64) (fresh bool) {
	for _, id := range topics {
		isNew, _ := r.pollTopic(ctx, id)
		fresh = fresh || isNew
	}
	return fresh
}

// pollTopic asks Allora for one topic's latest inference and stores it if it is new
// and the oracle can hold it. It returns whether it was new, and the block height
// Allora answered (0 when it did not).
func (r *Relayer) pollTopic(ctx context.Context, id uint64) (fresh bool, height uint64) {
	r.mu.Lock()
	allowNegative, known := r.allowNegative[id]
	r.mu.Unlock()
	if !known {
		return false, 0 // metadata first: whether a negative value is valid depends on it
	}
	rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
	inf, err := r.source.LatestInference(rctx, id)
	cancel()
	switch {
	case errors.Is(err, oracle.ErrNoInference):
		r.log.Debug("no inference yet; waiting for the topic's first worker window to close", "topic_id", id)
		return false, 0
	case err != nil:
		if ctx.Err() == nil {
			r.log.Warn("cannot read latest inference; retrying next poll", "topic_id", id, "err", err)
		}
		return false, 0
	}
	prev, err := r.store.LatestInference(ctx, id)
	switch {
	case err == nil && inf.BlockHeight < prev.BlockHeight:
		r.log.Warn("Allora answered an inference older than one already seen; ignored (an endpoint may be behind)",
			"topic_id", id, "block_height", inf.BlockHeight, "seen_block_height", prev.BlockHeight)
		return false, inf.BlockHeight
	case err == nil && inf.BlockHeight == prev.BlockHeight:
		return false, inf.BlockHeight
	case err != nil && !errors.Is(err, store.ErrNotFound):
		r.log.Warn("cannot read the store", "topic_id", id, "err", err)
		return false, inf.BlockHeight
	}
	u, err := oracle.NewUpdate(inf, allowNegative)
	if err != nil {
		r.log.Error("inference rejected: the oracle cannot hold this value, it will not be relayed",
			"topic_id", id, "block_height", inf.BlockHeight, "value", inf.Value, "err", err)
		return false, inf.BlockHeight
	}
	if err := r.store.PutInference(ctx, inf); err != nil {
		r.log.Warn("cannot store inference; retrying next poll", "topic_id", id, "err", err)
		return false, 0
	}
	r.log.Debug("new inference", "topic_id", id, "block_height", inf.BlockHeight, "value", inf.Value)
	r.publishInference(ctx, inf, u)
	r.events(Event{Inference: &inf})
	return true, inf.BlockHeight
}

// pushLoop keeps one chain's oracle level with the latest inferences.
func (r *Relayer) pushLoop(ctx context.Context, c ChainWriter, wake <-chan struct{}) error {
	chain := c.Chain()
	log := r.log.With("chain_id", chain.ID, "chain", chain.Name)
	if err := r.store.PutChain(ctx, chain); err != nil {
		log.Warn("cannot register chain in the store", "err", err)
	}
	select {
	case <-ctx.Done():
		return nil
	case <-r.polled:
	}
	ticker := time.NewTicker(r.cfg.PushInterval)
	defer ticker.Stop()
	backoff := time.Duration(0)
	for {
		err := r.pushOnce(ctx, c, log)
		if err != nil && ctx.Err() == nil {
			backoff = min(max(2*backoff, time.Second), time.Minute)
			log.Warn("push failed; retrying", "in", backoff, "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(backoff):
			}
			continue
		}
		backoff = 0
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-ticker.C:
		}
	}
}

// pushOnce reads the oracle, and if Allora has anything newer, signs and submits one
// batch with every such topic.
func (r *Relayer) pushOnce(ctx context.Context, c ChainWriter, log *slog.Logger) error {
	chain := c.Chain()
	rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
	states, err := c.TopicStates(rctx, r.cfg.Topics)
	cancel()
	if err != nil {
		return fmt.Errorf("read oracle %s: %w", chain.Oracle, err)
	}
	var updates []oracle.Update
	for _, st := range states {
		if err := r.store.PutChainTopic(ctx, chain.ID, st); err != nil {
			return fmt.Errorf("record topic %d state: %w", st.TopicID, err)
		}
		inf, err := r.store.LatestInference(ctx, st.TopicID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return fmt.Errorf("read topic %d latest inference: %w", st.TopicID, err)
		}
		if inf.BlockHeight <= st.BlockHeight {
			continue
		}
		r.mu.Lock()
		allowNegative := r.allowNegative[st.TopicID]
		r.mu.Unlock()
		u, err := oracle.NewUpdate(inf, allowNegative)
		if err != nil { // checked when stored; a store shared with others may differ
			log.Error("stored inference cannot be relayed", "topic_id", st.TopicID, "err", err)
			continue
		}
		updates = append(updates, u)
	}
	if len(updates) == 0 {
		return nil
	}
	sigs, err := r.signBatch(ctx, c, log, updates)
	if err != nil {
		return fmt.Errorf("sign batch of %d updates: %w", len(updates), err)
	}
	sctx, cancel := context.WithTimeout(ctx, r.cfg.SubmitTimeout)
	res, err := c.Submit(sctx, updates, sigs)
	cancel()
	if err != nil {
		return fmt.Errorf("submit batch of %d updates: %w", len(updates), err)
	}
	now := time.Now().UTC()
	for _, u := range res.Applied {
		err := r.store.PutChainTopic(ctx, chain.ID, oracle.ChainTopic{
			TopicID:     u.TopicID,
			BlockHeight: u.BlockHeight,
			Value:       new(big.Int).Set(u.Value),
			Timestamp:   u.Timestamp,
			LastPush:    now,
			TxHash:      res.TxHash,
		})
		if err != nil {
			log.Warn("cannot record push in the store", "topic_id", u.TopicID, "err", err)
		}
	}
	if err := r.store.RecordPush(ctx, chain.ID, store.Push{
		TxHash: res.TxHash, BlockNumber: res.BlockNumber, GasUsed: res.GasUsed, Updates: res.Applied, At: now,
	}); err != nil {
		log.Warn("cannot record push history in the store", "tx", res.TxHash, "err", err)
	}
	for _, s := range res.Skipped {
		log.Info("oracle skipped an update", "topic_id", s.TopicID, "block_height", s.BlockHeight,
			"stored_block_height", s.StoredBlockHeight, "reason", s.Reason)
	}
	log.Info("pushed", "tx", res.TxHash, "block", res.BlockNumber, "gas_used", res.GasUsed,
		"applied", len(res.Applied), "skipped", len(res.Skipped))
	r.publishPush(ctx, chain, res)
	r.events(Event{Push: &Push{Chain: chain, Result: res}})
	return nil
}
