// Package relayer is the gateway's daemon: it watches Allora for new network
// inferences, keeps the store the API reads current, and pushes signed batches of
// updates to the AlloraOracle contract of every configured EVM chain.
//
// Each chain has its own loop. A loop reads what the chain's oracle holds (the chain,
// not the store, is the truth of what has been pushed), batches every topic whose Allora
// block height is newer and that the update policy finds due (deviation or heartbeat,
// see oracle.Policy), signs the batch for that chain's EIP-712 domain and sends it. Its
// receipt and confirmations are awaited off the loop, which meanwhile reads and sends
// the next batch, up to the chain's max_in_flight; a topic at a height a batch in flight
// carries is not sent again. A batch that would pass the gas cap goes as several
// transactions. Paid update requests (the oracle's UpdateRequested events, queued by a
// RequestWatcher) wake the loop at once and go first in its batch, highest payment
// first, whatever the policy says.
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

	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Source is what the relayer reads from the Allora chain: each topic's metadata and
// latest inference, and the moments Allora closes a topic's window.
type Source interface {
	LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error)
	Topic(ctx context.Context, topicID uint64) (oracle.Topic, error)
	// Watch reports each topic's window as it closes, so the relayer reads the topic
	// at once and keeps polling only as a safety net for events lost while the feed
	// reconnects. Each value is the windows one Allora block closed, so that the
	// relayer pushes them together. The channel closes when ctx ends. A source with no
	// feed (no websocket) returns a channel that never reports, nil or closed: the
	// relayer then finds every inference by polling.
	Watch(ctx context.Context) <-chan []oracle.WindowClosed
}

// ChainWriter is one EVM chain as the relayer uses it: its AlloraOracle, which it
// reads, signs batches for and writes, and the chain's head and submitting wallet,
// which it watches. A writer implements every part; there is no optional capability
// that a writer lacking it would silently go without.
type ChainWriter interface {
	// Chain names the chain and its oracle.
	Chain() oracle.Chain
	// Domain is the EIP-712 domain updates for this oracle are signed in.
	Domain() oracle.Domain
	// TopicStates reads what the oracle holds for each topic, in the order asked.
	TopicStates(ctx context.Context, topicIDs []uint64) ([]oracle.ChainTopic, error)
	// Submit sends one signed batch and waits until it is mined.
	Submit(ctx context.Context, updates []oracle.Update, signatures [][]byte) (SubmitResult, error)
	SignerSetReader
	GasEstimator
	Resumer
	HeadReader
	WalletReader
}

// SubmitResult is what a mined batch did; the chain adapters return it.
type SubmitResult = oracle.SubmitResult

// Skip is an update the oracle skipped rather than stored.
type Skip = oracle.Skip

// Config tunes the relayer's loops.
type Config struct {
	// Topics are the Allora topics to relay.
	Topics []uint64
	// PollInterval, when set, is how often Allora is asked for each topic's latest
	// inference. When zero, each topic is polled at a quarter of its epoch (its
	// epoch_length × BlockTime), between MinPollInterval and MaxPollInterval: with a
	// source that watches windows close polling is only the safety net, and an
	// inference cannot change faster than once an epoch.
	PollInterval time.Duration
	// BlockTime is Allora's time between blocks, from which poll periods are derived
	// (default 5s).
	BlockTime time.Duration
	// PushInterval is how often each chain's oracle is compared with Allora even when
	// no new inference was seen, so a failed push is retried.
	PushInterval time.Duration
	// StoreCheckInterval is how often the relayer checks that the store still holds
	// the topics' metadata and the chains it registered, and writes them again if not
	// (default DefaultStoreCheckInterval).
	StoreCheckInterval time.Duration
	// RequestTimeout bounds every call to Allora or a chain other than a submission.
	RequestTimeout time.Duration
	// SubmitTimeout bounds one submission, from sending to its receipt.
	SubmitTimeout time.Duration
	// ShutdownTimeout is how long Run, once its context ends, waits for the batches
	// in flight to be mined (default 10s). What is still in flight then stays in the
	// journal, and the next start (or the replica taking the chain over) resumes it.
	ShutdownTimeout time.Duration
	// StallBlocks is how many block times a chain's head may stand still before Ready
	// fails (default DefaultStallBlocks).
	StallBlocks int
	// BlockTimes are the chains' block times by chain id, for polling heads and for
	// StallBlocks (the chain's block_time, from its preset); a chain not listed has
	// DefaultBlockTime.
	BlockTimes map[uint64]time.Duration
	// Policy decides, per topic, when a newer inference is pushed: its deviation and
	// heartbeat. The zero Policies push every newer inference.
	Policy oracle.Policies
	// MaxBatchGas, when set, caps the gas of one transaction: a batch the chain's
	// writer estimates over it is split into several. Zero: one transaction per cycle
	// whatever its size, and no estimate.
	MaxBatchGas uint64
	// ChainMaxBatchGas caps the gas of one transaction per chain id (a chain preset's
	// cap, under its block gas limit). Where both caps are set the lower one holds.
	ChainMaxBatchGas map[uint64]uint64
	// ChainMinBalance is, per chain id, the submitting wallet's balance in wei below
	// which the relayer warns, naming the address and the amount to send, and exports
	// allora_gateway_chain_wallet_min_balance_wei for an alert. No entry: no warning.
	ChainMinBalance map[uint64]*big.Int
	// ChainMaxInFlight is, per chain id, how many batches may be sent and not yet
	// confirmed at once (the chain's max_in_flight; its writer's transaction manager
	// holds the same window). A chain not listed sends one batch at a time.
	ChainMaxInFlight map[uint64]int
	// ChainFinality is, per chain id, how the chain's final block is found (its
	// finality and confirmations). A chain not listed counts its head as final.
	ChainFinality map[uint64]Finality
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
	if c.StoreCheckInterval <= 0 {
		c.StoreCheckInterval = DefaultStoreCheckInterval
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.SubmitTimeout <= 0 {
		c.SubmitTimeout = 2 * time.Minute
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 10 * time.Second
	}
	if c.StallBlocks <= 0 {
		c.StallBlocks = DefaultStallBlocks
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
	metrics *Metrics               // nil: none
	leaders map[uint64]*Leadership // by chain id; a chain without one always submits
	health  []*chainHealth         // one per chain, as chains
	pushed  []chan struct{}        // one per chain, buffered 1: a batch was mined
	flights []*inFlight            // one per chain, as chains
	// now is the clock heartbeats are measured with.
	now      func() time.Time
	watchers []RequestWatcher

	mu            sync.Mutex
	allowNegative map[uint64]bool
	epochLength   map[uint64]int64
	notServed     map[uint64]error // topics whose last read the node does not serve
	wake          []chan struct{}  // one per chain, buffered 1
	// polled is closed once Allora has been asked for every topic, so that the first
	// push of each chain carries every topic that is due instead of the first few.
	polled chan struct{}
	// storeLost is nudged (buffered 1) when Ready finds the store lacking state.
	storeLost chan struct{}
}

// Option changes a Relayer.
type Option func(*Relayer)

// WithLogger sets the logger; the default discards.
func WithLogger(l *slog.Logger) Option { return func(r *Relayer) { r.log = l } }

// WithClock sets the clock heartbeats are measured with; the default is time.Now.
func WithClock(now func() time.Time) Option { return func(r *Relayer) { r.now = now } }

// WithEvents calls fn for every new inference and mined batch, from several goroutines
// at once. fn must not block.
func WithEvents(fn func(Event)) Option { return func(r *Relayer) { r.events = fn } }

// WithMetrics records what the relayer does in m.
func WithMetrics(m *Metrics) Option { return func(r *Relayer) { r.metrics = m } }

// WithLeadership makes each chain's push loop submit only while this replica holds
// the chain's lease (see Leadership); chains without one always submit. Run runs the
// electors. The chains' writers must journal through the leaderships' Journal.
func WithLeadership(ls ...*Leadership) Option {
	return func(r *Relayer) {
		if r.leaders == nil {
			r.leaders = make(map[uint64]*Leadership)
		}
		for _, l := range ls {
			r.leaders[l.ChainID()] = l
		}
	}
}

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
		notServed:     make(map[uint64]error),
		now:           time.Now,
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
	errs = append(errs, r.checkWatchers())
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("relayer: %w", err)
	}
	r.polled = make(chan struct{})
	r.storeLost = make(chan struct{}, 1)
	r.wake = make([]chan struct{}, len(chains))
	r.flights = make([]*inFlight, len(chains))
	for i := range r.wake {
		r.wake[i] = make(chan struct{}, 1)
		r.flights[i] = newInFlight(r.cfg.ChainMaxInFlight[chains[i].Chain().ID])
	}
	if err := r.setupOperations(); err != nil {
		return nil, fmt.Errorf("relayer: %w", err)
	}
	return r, nil
}

// Run relays until ctx is done. It returns nil on cancellation; a loop never gives up
// on its own because a source or chain fails, it retries.
//
// When ctx ends no new batch is started; a batch in flight is waited for up to
// ShutdownTimeout, and then abandoned to the journal, which the next start resumes.
// Only then are the chains' leases released, so that another replica never sends
// while this one still is.
func (r *Relayer) Run(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	// Batches in flight outlive ctx by up to ShutdownTimeout.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	leases, cancelLeases := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelLeases()

	g.Go(func() error { return r.watchAllora(gctx) })
	g.Go(func() error { return r.keepStoreState(gctx) })
	for i, c := range r.chains {
		g.Go(func() error { return r.watchChain(gctx, c, r.health[i], r.pushed[i]) })
	}
	var pushes errgroup.Group
	for i, c := range r.chains {
		pushes.Go(func() error { return r.pushLoop(gctx, work, c, r.wake[i], r.flights[i]) })
	}
	pushesDone := make(chan struct{})
	g.Go(func() error {
		err := pushes.Wait()
		close(pushesDone)
		cancelLeases()
		return err
	})
	g.Go(func() error {
		select {
		case <-pushesDone:
			return nil
		case <-gctx.Done():
		}
		r.log.Info("stopping: batches in flight are seen through first, up to the shutdown timeout",
			"shutdown_timeout", r.cfg.ShutdownTimeout)
		timer := time.NewTimer(r.cfg.ShutdownTimeout)
		defer timer.Stop()
		select {
		case <-pushesDone:
		case <-timer.C:
			r.log.Warn("shutdown deadline passed with batches in flight; they stay in the journal and the next start (or the replica taking over) sees them through",
				"shutdown_timeout", r.cfg.ShutdownTimeout)
			cancelWork()
		}
		return nil
	})
	for _, l := range r.leaders {
		g.Go(func() error { return l.Run(leases) })
	}
	for _, w := range r.watchers {
		g.Go(func() error { return w.WatchRequests(gctx, func() { r.wakeChain(w.ChainID()) }) })
	}
	return g.Wait()
}

// watchAllora loads topic metadata, then reads each topic's latest inference when the
// source reports its window closed and every poll period, stores the new ones and wakes
// the chain loops. The windows one Allora block closes are handled together: their
// inferences are taken from the events or queried side by side, and the chain loops are
// woken once, so that they go out in one batch in the chain's next block.
func (r *Relayer) watchAllora(ctx context.Context) error {
	windows := r.source.Watch(ctx)
	pending := slices.Clone(r.cfg.Topics)                  // topics whose metadata is not loaded yet
	next := make(map[uint64]time.Time, len(r.cfg.Topics))  // when each topic is due; zero: now
	promised := make(map[uint64]uint64, len(r.cfg.Topics)) // inference heights events announced
	timer := time.NewTimer(0)
	defer timer.Stop()
	first := true
	fresh := false // a new inference stored since the chain loops were last woken
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
		for i, found := range r.pollTopics(ctx, due) {
			id := due[i]
			fresh = fresh || found.fresh
			next[id] = now.Add(r.pollPeriod(id))
			if want, ok := promised[id]; ok {
				if found.height >= want {
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
			r.wakeChains()
			fresh = false
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
		case block, ok := <-windows:
			if !ok {
				windows = nil
				continue
			}
			query := func(ev oracle.WindowClosed) {
				next[ev.TopicID] = time.Time{}
				promised[ev.TopicID] = max(promised[ev.TopicID], ev.InferenceBlockHeight)
			}
			var carried []oracle.WindowClosed
			for _, ev := range block {
				if _, relayed := slices.BinarySearch(r.cfg.Topics, ev.TopicID); !relayed {
					continue
				}
				switch {
				case ev.LossBlockHeight != 0:
					// A reputer window closed: the node revised the topic's latest
					// inference. Read it again now; nothing new is promised.
					next[ev.TopicID] = time.Time{}
				case ev.Inference != nil:
					carried = append(carried, ev)
				default:
					query(ev)
				}
			}
			for i, t := range r.takeEventInferences(ctx, carried) {
				if !t.taken {
					query(carried[i]) // the node has the last word
					continue
				}
				fresh = fresh || t.fresh // the event carried the value: nothing to query
			}
		}
	}
}

// readConcurrency bounds the reads of Allora (or the stores of the values its events
// carried) the relayer makes at once: the windows of one block are read side by side,
// not one after the other, without flooding the node.
const readConcurrency = 8

// each runs fn for every index of n, readConcurrency at a time, and returns when all
// have returned.
func each(n int, fn func(i int)) {
	if n == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, readConcurrency)
	for i := range n {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			fn(i)
		})
	}
	wg.Wait()
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
				r.sourceFailed(id, "cannot load topic metadata; retrying next poll (check the Allora endpoint and that the topic exists)", err)
			}
			failed = append(failed, id)
			continue
		}
		r.sourceAnswered(id)
		r.mu.Lock()
		r.allowNegative[id] = t.AllowNegative
		r.epochLength[id] = t.EpochLength
		r.mu.Unlock()
	}
	return failed
}

// polled is what one topic's poll found: whether the inference was new, and the block
// height Allora answered (0 when it did not).
type polled struct {
	fresh  bool
	height uint64
}

// pollTopics asks Allora for the latest inference of each topic, several at a time,
// and reports what each poll found, in the order of topics.
func (r *Relayer) pollTopics(ctx context.Context, topics []uint64) []polled {
	out := make([]polled, len(topics))
	each(len(topics), func(i int) {
		out[i].fresh, out[i].height = r.pollTopic(ctx, topics[i])
	})
	return out
}

// wakeChains tells every chain loop there is a new inference.
func (r *Relayer) wakeChains() {
	for _, w := range r.wake {
		select {
		case w <- struct{}{}:
		default:
		}
	}
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
		r.sourceAnswered(id)
		r.log.Debug("no inference yet; waiting for the topic's first worker window to close", "topic_id", id)
		return false, 0
	case err != nil:
		if ctx.Err() == nil {
			r.sourceFailed(id, "cannot read latest inference; retrying next poll", err)
		}
		return false, 0
	}
	r.sourceAnswered(id)
	fresh, err = r.acceptInference(ctx, inf, allowNegative, "query")
	if err != nil {
		r.log.Error("inference rejected: the oracle cannot hold this value, it will not be relayed",
			"topic_id", id, "block_height", inf.BlockHeight, "value", inf.Value, "err", err)
	}
	return fresh, inf.BlockHeight
}

// took is what takeEventInferences did with the inference one event carried.
type took struct{ taken, fresh bool }

// takeEventInferences takes the inferences one block's events carried, several at a
// time (see takeEventInference), and reports what it did with each, in their order.
func (r *Relayer) takeEventInferences(ctx context.Context, events []oracle.WindowClosed) []took {
	out := make([]took, len(events))
	each(len(events), func(i int) {
		out[i].taken, out[i].fresh = r.takeEventInference(ctx, *events[i].Inference)
	})
	return out
}

// takeEventInference stores an inference a block event carried, as a poll would have
// stored the node's answer, so the topic is not queried for it. taken is false when the
// value cannot be used as it is (metadata not loaded, a value NewUpdate rejects, no
// block time): then the caller queries the node, which has the last word, and nothing
// is lost. isNew says whether it was a new inference.
func (r *Relayer) takeEventInference(ctx context.Context, inf oracle.Inference) (taken, isNew bool) {
	r.mu.Lock()
	allowNegative, known := r.allowNegative[inf.TopicID]
	r.mu.Unlock()
	if !known || inf.Timestamp.IsZero() || inf.BlockHeight == 0 {
		return false, false
	}
	isNew, err := r.acceptInference(ctx, inf, allowNegative, "event")
	if err != nil {
		r.log.Warn("the value a window-close event carried is not one the oracle can hold; querying the node for the inference instead",
			"topic_id", inf.TopicID, "block_height", inf.BlockHeight, "value", inf.Value, "err", err)
		return false, false
	}
	return true, isNew
}

// acceptInference stores inf if it is newer than the store's and the oracle can hold
// it (oracle.NewUpdate, whose error it returns), and publishes it; fresh says whether
// it was stored. from names where it came from ("query" or "event") in the log.
func (r *Relayer) acceptInference(ctx context.Context, inf oracle.Inference, allowNegative bool, from string) (fresh bool, rejected error) {
	id := inf.TopicID
	prev, err := r.store.LatestInference(ctx, id)
	switch {
	case err == nil && prev.Version().Newer(inf.Version()):
		r.log.Warn("Allora answered an inference older than one already seen; ignored (an endpoint may be behind)",
			"topic_id", id, "block_height", inf.BlockHeight, "loss_block_height", inf.LossBlockHeight,
			"seen_block_height", prev.BlockHeight, "seen_loss_block_height", prev.LossBlockHeight)
		return false, nil
	case err == nil && inf.Version() == prev.Version():
		return false, nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		r.log.Warn("cannot read the store", "topic_id", id, "err", err)
		return false, nil
	}
	scaled, uerr := oracle.NewScaledInference(inf, allowNegative)
	if uerr != nil {
		return false, uerr
	}
	if err := r.store.PutInference(ctx, scaled); err != nil {
		r.log.Warn("cannot store inference; retrying next poll", "topic_id", id, "err", err)
		return false, nil
	}
	r.log.Debug("new inference", "topic_id", id, "block_height", inf.BlockHeight, "loss_block_height", inf.LossBlockHeight,
		"value", inf.Value, "revision", err == nil && inf.BlockHeight == prev.BlockHeight, "from", from)
	r.publishInference(ctx, scaled)
	r.events(Event{Inference: &inf})
	return true, nil
}

// pushLoop keeps one chain's oracle level with the latest inferences. ctx ending
// stops it from starting another batch; work bounds the batch in flight, which may
// outlive ctx (see Run); it returns once they are confirmed or abandoned to the
// journal. With a Leadership it submits only while this replica holds the chain's
// lease: each time the lease is won it fences the journal with the lease's token and
// sees the journal through before reading the oracle and sending.
func (r *Relayer) pushLoop(ctx, work context.Context, c ChainWriter, wake <-chan struct{}, flights *inFlight) error {
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
	lead := r.leaders[chain.ID]
	ticker := time.NewTicker(r.cfg.PushInterval)
	defer ticker.Stop()
	backoff := time.Duration(0)
	var (
		term       uint64 // the lease token the journal was fenced and resumed with
		termCtx    = work
		cancelTerm context.CancelCauseFunc
	)
	defer func() {
		if cancelTerm != nil {
			cancelTerm(context.Canceled)
		}
	}()
	defer flights.wg.Wait() // before the term ends: the batches in flight belong to it
	health := r.healthOf(chain.ID)
	var failed error // of a batch in flight, not yet handled
	retry := func(err error) bool {
		backoff = min(max(2*backoff, time.Second), time.Minute)
		kind := r.metrics.pushError(chain.Name, err)
		if kind == ErrorKindSigning && health != nil {
			health.signed(false, time.Now())
		}
		if kind == ErrorKindFenced {
			backoff = 0 // the loop waits for the lease instead
		} else {
			log.Warn("push failed; retrying", "in", backoff, "kind", kind, "err", err)
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(backoff):
			return true
		}
	}
	for {
		if lead != nil {
			token, ok := lead.Leader()
			if !ok || token != term || termCtx.Err() != nil {
				if cancelTerm != nil {
					cancelTerm(errLeaseLost)
					cancelTerm, termCtx, term = nil, work, 0
					flights.wg.Wait() // what they sent stays journaled for the next holder
					failed = nil
					select {
					case <-flights.failed: // the old term's, abandoned with it
					default:
					}
				}
			}
			if !ok {
				// Another replica submits for the chain; wait to win its lease.
				select {
				case <-ctx.Done():
					return nil
				case <-lead.changes():
				case <-ticker.C: // the elector's view also expires by the clock
				}
				continue
			}
			if token != term {
				tctx, cancel, err := r.beginTerm(work, c, lead, token, log)
				if err != nil {
					if ctx.Err() != nil || !retry(err) {
						return nil
					}
					continue
				}
				term, termCtx, cancelTerm = token, tctx, cancel
			}
		}
		err := failed
		if err == nil {
			err = r.pushOnce(termCtx, ctx, c, flights, log)
		}
		failed = nil
		if err != nil && lead != nil && termCtx.Err() != nil && work.Err() == nil {
			// The lease changed hands mid-batch; what was sent stays journaled for the
			// new holder to see through.
			log.Info("batch abandoned: this replica no longer holds the chain's lease", "token", term, "err", err)
			continue
		}
		if err != nil && ctx.Err() == nil && work.Err() == nil {
			if !retry(err) {
				return nil
			}
			continue
		}
		backoff = 0
		if err == nil && health != nil {
			health.signed(true, time.Now())
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-ticker.C:
		case failed = <-flights.failed:
			// A batch in flight was not mined (or reverted): its topics are free
			// again, and it is retried as a failed push, reading the oracle afresh.
		}
	}
}

// beginTerm starts submitting for a chain whose lease this replica has just won with
// token: it fences the chain's journal, so a replica still writing with an older
// token is refused, and sees through whatever the journal holds (the previous
// holder's transactions in flight) before the first batch reads the oracle.
func (r *Relayer) beginTerm(work context.Context, c ChainWriter, lead *Leadership, token uint64, log *slog.Logger) (context.Context, context.CancelCauseFunc, error) {
	tctx, cancel, err := lead.begin(work, token)
	if err != nil {
		return nil, nil, err
	}
	if err := c.Resume(tctx); err != nil {
		cancel(err)
		return nil, nil, fmt.Errorf("resume the journal with lease token %d: %w", token, err)
	}
	log.Info("journal fenced and seen through; submitting for the chain", "token", token)
	return tctx, cancel, nil
}

// pushOnce reads the oracle and pushes what is due: first the topics of paid requests
// that Allora has a newer inference for, highest payment first, whatever the policy;
// then every topic the policy finds due. They go as one batch, or as several when one
// would pass the gas cap. Requests are acknowledged once served, or at once when there
// is nothing newer to push.
//
// It first waits for a place among the chain's batches in flight (until stop ends), so
// what it reads is what is sent; each batch is then sent off the loop, and a topic a
// batch in flight carries at the same height is left out.
func (r *Relayer) pushOnce(ctx, stop context.Context, c ChainWriter, flights *inFlight, log *slog.Logger) error {
	chain := c.Chain()
	if err := flights.acquire(ctx, stop); err != nil {
		return err
	}
	held := true // the place acquired, until a batch takes it
	defer func() {
		if held {
			flights.release()
		}
	}()
	rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
	states, err := c.TopicStates(rctx, r.cfg.Topics)
	cancel()
	if err != nil {
		return fmt.Errorf("read oracle %s: %w", chain.Oracle, err)
	}
	requests := r.queuedRequests(ctx, chain, log)
	now := r.now()
	paid := map[uint64]oracle.Update{}
	var regular []oracle.Update
	for _, st := range states {
		if err := r.store.PutChainTopic(ctx, chain.ID, st); err != nil {
			return fmt.Errorf("record topic %d state: %w: %w", st.TopicID, errStore, err)
		}
		reqs := requests.byTopic[st.TopicID]
		inf, err := r.store.LatestInference(ctx, st.TopicID)
		if errors.Is(err, store.ErrNotFound) {
			r.ackRequests(ctx, reqs, log, "paid update request acknowledged: Allora has no inference for the topic yet")
			continue
		}
		if err != nil {
			return fmt.Errorf("read topic %d latest inference: %w: %w", st.TopicID, errStore, err)
		}
		if !inf.Version().Newer(st.Version()) {
			r.ackRequests(ctx, reqs, log, "paid update request acknowledged: the chain already holds Allora's latest inference",
				"block_height", st.BlockHeight)
			continue
		}
		u := inf.Update() // validated and scaled when it was stored
		if flights.skipInFlight(&st, u, log) {
			continue // its requests are served, or acknowledged, once it lands
		}
		if len(reqs) > 0 {
			paid[st.TopicID] = u
			continue
		}
		due, reason := r.cfg.Policy.For(st.TopicID).Due(st, u, now)
		if !due {
			log.Debug("newer inference not pushed", "topic_id", st.TopicID, "block_height", u.BlockHeight,
				"loss_block_height", u.LossBlockHeight, "reason", reason)
			continue
		}
		log.Debug("topic due", "topic_id", st.TopicID, "block_height", u.BlockHeight, "loss_block_height", u.LossBlockHeight,
			"reason", reason)
		regular = append(regular, u)
	}
	var updates []oracle.Update
	for _, id := range requests.order {
		if u, ok := paid[id]; ok {
			updates = append(updates, u)
		}
	}
	updates = append(updates, regular...)
	if len(updates) == 0 {
		return nil
	}
	sign := func(updates []oracle.Update) ([][]byte, error) {
		return r.signBatch(ctx, c, log, updates)
	}
	dropped := func(u oracle.Update) {
		r.ackRequests(ctx, requests.byTopic[u.TopicID], log,
			"paid update request acknowledged: the update alone needs more gas than relayer.max_batch_gas")
	}
	batches, err := r.planBatches(ctx, c, updates, sign, dropped, log)
	if err != nil {
		return err
	}
	for _, b := range batches {
		if !held {
			if err := flights.acquire(ctx, stop); err != nil {
				return err
			}
		}
		held = false
		flights.fly(b, now, func(b signedBatch) error {
			if err := r.submit(ctx, c, b, log); err != nil {
				return err
			}
			for _, u := range b.updates {
				if reqs := requests.byTopic[u.TopicID]; len(reqs) > 0 {
					r.ackRequests(ctx, reqs, log, "paid update request served", "block_height", u.BlockHeight)
				}
			}
			return nil
		})
	}
	return nil
}

// submit sends one signed batch and records what it did.
func (r *Relayer) submit(ctx context.Context, c ChainWriter, b signedBatch, log *slog.Logger) error {
	chain := c.Chain()
	updates := b.updates
	sctx, cancel := context.WithTimeout(ctx, r.cfg.SubmitTimeout)
	res, err := c.Submit(sctx, updates, b.signatures)
	cancel()
	if err != nil {
		return fmt.Errorf("submit batch of %d updates: %w", len(updates), err)
	}
	now := time.Now().UTC()
	for _, u := range res.Applied {
		err := r.store.PutChainTopic(ctx, chain.ID, oracle.ChainTopic{
			TopicID:         u.TopicID,
			BlockHeight:     u.BlockHeight,
			LossBlockHeight: u.LossBlockHeight,
			Value:           new(big.Int).Set(u.Value),
			Timestamp:       u.Timestamp,
			LastPush:        now,
			TxHash:          res.TxHash,
			PushBlock:       res.BlockNumber,
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
			"loss_block_height", s.LossBlockHeight, "stored_block_height", s.StoredBlockHeight,
			"stored_loss_block_height", s.StoredLossBlockHeight, "reason", s.Reason)
	}
	log.Info("pushed", "tx", res.TxHash, "block", res.BlockNumber, "gas_used", res.GasUsed, "gas_estimated", b.gas,
		"applied", len(res.Applied), "skipped", len(res.Skipped))
	r.publishPush(ctx, chain, res)
	r.events(Event{Push: &Push{Chain: chain, Result: res}})
	return nil
}
