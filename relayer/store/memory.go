package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Memory is a Store held in process memory, for a single process without Redis
// (devnet) and for tests. The zero value is not usable; call NewMemory.
type Memory struct {
	opts options
	now  func() time.Time

	mu         sync.RWMutex
	topics     map[uint64]oracle.Topic
	inferences map[uint64]oracle.ScaledInference
	history    map[uint64][]oracle.ScaledInference // per topic, oldest first
	chains     map[uint64]*memoryChain
	// The pushes, journal and requests of a chain are kept apart from chains: Chains
	// lists what PutChain and PutChainTopic registered, as in every store.
	chainState map[uint64]*memoryChainState
	seen       map[requestID]time.Time // paid request events remembered until then
	sweepAt    int                     // len(seen) at which expired events are swept

	subMu sync.Mutex
	subs  map[chan Event]struct{}

	mk *memoryMarkets
}

type memoryChain struct {
	chain  oracle.Chain
	final  uint64
	topics map[uint64]oracle.ChainTopic
}

type memoryChainState struct {
	pushes   []Push // oldest first
	journal  map[uint64]JournalEntry
	fence    uint64
	requests map[requestID]PaidRequest
}

var (
	_ Store  = (*Memory)(nil)
	_ Events = (*Memory)(nil)
)

// NewMemory returns an empty in-memory store.
func NewMemory(opts ...Option) *Memory {
	return &Memory{
		opts:       newOptions(opts),
		now:        time.Now,
		topics:     make(map[uint64]oracle.Topic),
		inferences: make(map[uint64]oracle.ScaledInference),
		history:    make(map[uint64][]oracle.ScaledInference),
		chains:     make(map[uint64]*memoryChain),
		chainState: make(map[uint64]*memoryChainState),
		seen:       make(map[requestID]time.Time),
		subs:       make(map[chan Event]struct{}),
		mk: &memoryMarkets{
			markets: make(map[marketKey]Market),
			rounds:  make(map[marketKey][]Round),
			prices:  make(map[string][]Price),
		},
	}
}

// PutTopic implements Store.
func (m *Memory) PutTopic(ctx context.Context, t oracle.Topic) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put topic %d: %w", t.ID, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.topics[t.ID] = t
	return nil
}

// Topics implements Store.
func (m *Memory) Topics(ctx context.Context) ([]oracle.Topic, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list topics: %w", err)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]oracle.Topic, 0, len(m.topics))
	for _, t := range m.topics {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b oracle.Topic) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// PutInference implements Store.
func (m *Memory) PutInference(ctx context.Context, inf oracle.ScaledInference) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put topic %d inference at block %d: %w", inf.TopicID, inf.BlockHeight, err)
	}
	if err := checkScaled(inf); err != nil {
		return err
	}
	inf = copyScaled(inf)
	m.mu.Lock()
	defer m.mu.Unlock()
	if prev, ok := m.inferences[inf.TopicID]; ok && !inf.Version().Newer(prev.Version()) {
		return nil
	}
	m.inferences[inf.TopicID] = inf
	h := m.history[inf.TopicID]
	if n := len(h); n > 0 && h[n-1].BlockHeight == inf.BlockHeight {
		h = h[:n-1] // a revision replaces the value its height had in the history
	}
	h = append(h, copyScaled(inf))
	if over := len(h) - m.opts.historyLimit; over > 0 {
		h = slices.Delete(h, 0, over)
	}
	m.history[inf.TopicID] = h
	return nil
}

// LatestInference implements Store.
func (m *Memory) LatestInference(ctx context.Context, topicID uint64) (oracle.ScaledInference, error) {
	if err := ctx.Err(); err != nil {
		return oracle.ScaledInference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, err)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	inf, ok := m.inferences[topicID]
	if !ok {
		return oracle.ScaledInference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, ErrNotFound)
	}
	return copyScaled(inf), nil
}

// PutChain implements Store.
func (m *Memory) PutChain(ctx context.Context, c oracle.Chain) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put chain %d: %w", c.ID, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	ch := m.chainLocked(c.ID)
	if c.Feeds == nil {
		c.Feeds = ch.chain.Feeds
	}
	c.Feeds = maps.Clone(c.Feeds)
	ch.chain = c
	return nil
}

// PutChainTopic implements Store.
func (m *Memory) PutChainTopic(ctx context.Context, chainID uint64, t oracle.ChainTopic) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put chain %d topic %d: %w", chainID, t.TopicID, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	ch := m.chainLocked(chainID)
	ch.topics[t.TopicID] = copyChainTopic(MergeChainTopic(ch.topics[t.TopicID], t))
	return nil
}

// PutChainFinal implements Store.
func (m *Memory) PutChainFinal(ctx context.Context, chainID, block uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put chain %d final block %d: %w", chainID, block, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	ch := m.chainLocked(chainID)
	ch.final = max(ch.final, block)
	return nil
}

// Chains implements Store.
func (m *Memory) Chains(ctx context.Context) ([]oracle.ChainStatus, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list chains: %w", err)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]oracle.ChainStatus, 0, len(m.chains))
	for _, ch := range m.chains {
		st := oracle.ChainStatus{Chain: ch.chain, FinalBlock: ch.final, Topics: make([]oracle.ChainTopic, 0, len(ch.topics))}
		st.Feeds = maps.Clone(st.Feeds)
		for _, t := range ch.topics {
			st.Topics = append(st.Topics, copyChainTopic(t))
		}
		slices.SortFunc(st.Topics, func(a, b oracle.ChainTopic) int { return cmp.Compare(a.TopicID, b.TopicID) })
		out = append(out, st)
	}
	slices.SortFunc(out, func(a, b oracle.ChainStatus) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// chainLocked returns the chain with id, registering it if unknown. m.mu must be held
// for writing.
func (m *Memory) chainLocked(id uint64) *memoryChain {
	ch, ok := m.chains[id]
	if !ok {
		ch = &memoryChain{chain: oracle.Chain{ID: id}, topics: make(map[uint64]oracle.ChainTopic)}
		m.chains[id] = ch
	}
	return ch
}

// chainStateLocked returns the pushes, journal and requests of a chain, creating them
// if needed. m.mu must be held for writing.
func (m *Memory) chainStateLocked(id uint64) *memoryChainState {
	ch, ok := m.chainState[id]
	if !ok {
		ch = &memoryChainState{journal: make(map[uint64]JournalEntry), requests: make(map[requestID]PaidRequest)}
		m.chainState[id] = ch
	}
	return ch
}

func copyInference(inf oracle.Inference) oracle.Inference {
	inf.ConfidenceIntervals = slices.Clone(inf.ConfidenceIntervals)
	return inf
}

func copyScaled(inf oracle.ScaledInference) oracle.ScaledInference {
	inf.Inference = copyInference(inf.Inference)
	if inf.Scaled != nil {
		inf.Scaled = new(big.Int).Set(inf.Scaled)
	}
	return inf
}

func copyChainTopic(t oracle.ChainTopic) oracle.ChainTopic {
	if t.Value != nil {
		t.Value = new(big.Int).Set(t.Value)
	}
	return t
}

// InferenceHistory implements History.
func (m *Memory) InferenceHistory(ctx context.Context, topicID uint64, limit int, before uint64) ([]oracle.ScaledInference, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("topic %d inference history: %w", topicID, err)
	}
	if limit < 1 {
		return nil, fmt.Errorf("topic %d inference history: limit %d: %w", topicID, limit, ErrInvalid)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	h := m.history[topicID]
	end := len(h) // h[:end] are below before
	if before != 0 {
		end, _ = slices.BinarySearchFunc(h, before, func(inf oracle.ScaledInference, b uint64) int { return cmp.Compare(inf.BlockHeight, b) })
	}
	out := make([]oracle.ScaledInference, 0, min(limit, end))
	for i := end - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, copyScaled(h[i]))
	}
	return out, nil
}

// RecordPush implements History.
func (m *Memory) RecordPush(ctx context.Context, chainID uint64, p Push) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("record chain %d push %s: %w", chainID, p.TxHash, err)
	}
	p = copyPush(p)
	m.mu.Lock()
	defer m.mu.Unlock()
	ch := m.chainStateLocked(chainID)
	ch.pushes = append(ch.pushes, p)
	if over := len(ch.pushes) - m.opts.pushLimit; over > 0 {
		ch.pushes = slices.Delete(ch.pushes, 0, over)
	}
	return nil
}

// Pushes implements History.
func (m *Memory) Pushes(ctx context.Context, chainID uint64, limit int) ([]Push, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("chain %d pushes: %w", chainID, err)
	}
	if limit < 1 {
		return nil, fmt.Errorf("chain %d pushes: limit %d: %w", chainID, limit, ErrInvalid)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	var pushes []Push
	if ch, ok := m.chainState[chainID]; ok {
		pushes = ch.pushes
	}
	out := make([]Push, 0, min(limit, len(pushes)))
	for i := len(pushes) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, copyPush(pushes[i]))
	}
	return out, nil
}

// JournalPut implements Journal.
func (m *Memory) JournalPut(ctx context.Context, e JournalEntry) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("journal chain %d nonce %d: %w", e.ChainID, e.Nonce, err)
	}
	e = copyJournalEntry(e)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.chainStateLocked(e.ChainID).journal[e.Nonce] = e
	return nil
}

// JournalPending implements Journal.
func (m *Memory) JournalPending(ctx context.Context, chainID uint64) ([]JournalEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("chain %d pending journal: %w", chainID, err)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := []JournalEntry{}
	if ch, ok := m.chainState[chainID]; ok {
		for _, e := range ch.journal {
			out = append(out, copyJournalEntry(e))
		}
	}
	slices.SortFunc(out, func(a, b JournalEntry) int { return cmp.Compare(a.Nonce, b.Nonce) })
	return out, nil
}

// JournalDone implements Journal.
func (m *Memory) JournalDone(ctx context.Context, chainID, nonce uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("finish chain %d nonce %d in journal: %w", chainID, nonce, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if ch, ok := m.chainState[chainID]; ok {
		delete(ch.journal, nonce)
	}
	return nil
}

// JournalFence implements FencedJournal.
func (m *Memory) JournalFence(ctx context.Context, chainID, token uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("fence chain %d journal at token %d: %w", chainID, token, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.raiseFenceLocked(chainID, token); err != nil {
		return fmt.Errorf("fence chain %d journal at token %d: %w", chainID, token, err)
	}
	return nil
}

// JournalPutFenced implements FencedJournal.
func (m *Memory) JournalPutFenced(ctx context.Context, token uint64, e JournalEntry) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("journal chain %d nonce %d with token %d: %w", e.ChainID, e.Nonce, token, err)
	}
	e = copyJournalEntry(e)
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.raiseFenceLocked(e.ChainID, token); err != nil {
		return fmt.Errorf("journal chain %d nonce %d with token %d: %w", e.ChainID, e.Nonce, token, err)
	}
	m.chainStateLocked(e.ChainID).journal[e.Nonce] = e
	return nil
}

// raiseFenceLocked sets a chain's fence to token unless it is higher. m.mu must be held
// for writing.
func (m *Memory) raiseFenceLocked(chainID, token uint64) error {
	ch := m.chainStateLocked(chainID)
	if token < ch.fence {
		return ErrFenced
	}
	ch.fence = token
	return nil
}

// EnqueueRequest implements RequestQueue.
func (m *Memory) EnqueueRequest(ctx context.Context, r PaidRequest) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("queue %s: %w", describeRequest(r), err)
	}
	r, err := checkRequest(r)
	if err != nil {
		return fmt.Errorf("queue %s: %w", describeRequest(r), err)
	}
	id := idOf(r)
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	ch := m.chainStateLocked(r.ChainID)
	if _, queued := ch.requests[id]; queued {
		return nil
	}
	if until, ok := m.seen[id]; ok && now.Before(until) {
		return nil
	}
	ch.requests[id] = r
	m.rememberLocked(id, now)
	return nil
}

// NextRequests implements RequestQueue.
func (m *Memory) NextRequests(ctx context.Context, chainID uint64, n int) ([]PaidRequest, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("next paid requests of chain %d: %w", chainID, err)
	}
	if n < 1 {
		return nil, fmt.Errorf("next paid requests of chain %d: n %d: %w", chainID, n, ErrInvalid)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := []PaidRequest{}
	if ch, ok := m.chainState[chainID]; ok {
		for _, r := range ch.requests {
			out = append(out, copyRequest(r))
		}
	}
	slices.SortFunc(out, compareRequests)
	return out[:min(n, len(out))], nil
}

// AckRequest implements RequestQueue.
func (m *Memory) AckRequest(ctx context.Context, r PaidRequest) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("acknowledge %s: %w", describeRequest(r), err)
	}
	id := idOf(r)
	m.mu.Lock()
	defer m.mu.Unlock()
	ch, ok := m.chainState[r.ChainID]
	if !ok {
		return nil
	}
	if _, queued := ch.requests[id]; !queued {
		return nil
	}
	delete(ch.requests, id)
	m.rememberLocked(id, m.now())
	return nil
}

// rememberLocked keeps id for the dedup window from now, sweeping expired events once
// their number has doubled since the last sweep. m.mu must be held for writing.
func (m *Memory) rememberLocked(id requestID, now time.Time) {
	m.seen[id] = now.Add(m.opts.dedupWindow)
	if len(m.seen) < m.sweepAt {
		return
	}
	for k, until := range m.seen {
		if !now.Before(until) {
			delete(m.seen, k)
		}
	}
	m.sweepAt = 2*len(m.seen) + 64
}

func copyUpdates(us []oracle.Update) []oracle.Update {
	if us == nil {
		return nil
	}
	out := make([]oracle.Update, len(us))
	for i, u := range us {
		if u.Value != nil {
			u.Value = new(big.Int).Set(u.Value)
		}
		out[i] = u
	}
	return out
}

func copyPush(p Push) Push {
	p.Updates = copyUpdates(p.Updates)
	return p
}

func copyJournalEntry(e JournalEntry) JournalEntry {
	e.RawTx = slices.Clone(e.RawTx)
	e.Updates = copyUpdates(e.Updates)
	return e
}

func copyRequest(r PaidRequest) PaidRequest {
	if r.Amount != nil {
		r.Amount = new(big.Int).Set(r.Amount)
	}
	return r
}

// Publish implements Events.
func (m *Memory) Publish(ctx context.Context, ev Event) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("publish %s event: %w", ev.Kind(), err)
	}
	if err := checkEvent(ev); err != nil {
		return err
	}
	m.subMu.Lock()
	defer m.subMu.Unlock()
	for ch := range m.subs {
		select {
		case ch <- copyEvent(ev):
		default: // too slow: drop it rather than wait
			delete(m.subs, ch)
			close(ch)
		}
	}
	return nil
}

// Subscribe implements Events.
func (m *Memory) Subscribe(ctx context.Context) (<-chan Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("subscribe to events: %w", err)
	}
	ch := make(chan Event, m.opts.subBuffer)
	m.subMu.Lock()
	m.subs[ch] = struct{}{}
	m.subMu.Unlock()
	context.AfterFunc(ctx, func() {
		m.subMu.Lock()
		defer m.subMu.Unlock()
		if _, ok := m.subs[ch]; ok {
			delete(m.subs, ch)
			close(ch)
		}
	})
	return ch, nil
}
