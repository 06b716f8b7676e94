package store

import (
	"cmp"
	"context"
	"fmt"
	"math/big"
	"slices"
	"sync"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Memory is a Store held in process memory, for a single process without Redis
// (devnet) and for tests. The zero value is not usable; call NewMemory.
type Memory struct {
	mu         sync.RWMutex
	topics     map[uint64]oracle.Topic
	inferences map[uint64]oracle.Inference
	chains     map[uint64]*memoryChain
}

type memoryChain struct {
	chain  oracle.Chain
	topics map[uint64]oracle.ChainTopic
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory {
	return &Memory{
		topics:     make(map[uint64]oracle.Topic),
		inferences: make(map[uint64]oracle.Inference),
		chains:     make(map[uint64]*memoryChain),
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
func (m *Memory) PutInference(ctx context.Context, inf oracle.Inference) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put topic %d inference at block %d: %w", inf.TopicID, inf.BlockHeight, err)
	}
	inf = copyInference(inf)
	m.mu.Lock()
	defer m.mu.Unlock()
	if prev, ok := m.inferences[inf.TopicID]; ok && prev.BlockHeight >= inf.BlockHeight {
		return nil
	}
	m.inferences[inf.TopicID] = inf
	return nil
}

// LatestInference implements Store.
func (m *Memory) LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error) {
	if err := ctx.Err(); err != nil {
		return oracle.Inference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, err)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	inf, ok := m.inferences[topicID]
	if !ok {
		return oracle.Inference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, ErrNotFound)
	}
	return copyInference(inf), nil
}

// PutChain implements Store.
func (m *Memory) PutChain(ctx context.Context, c oracle.Chain) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put chain %d: %w", c.ID, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.chainLocked(c.ID).chain = c
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

// Chains implements Store.
func (m *Memory) Chains(ctx context.Context) ([]oracle.ChainStatus, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list chains: %w", err)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]oracle.ChainStatus, 0, len(m.chains))
	for _, ch := range m.chains {
		st := oracle.ChainStatus{Chain: ch.chain, Topics: make([]oracle.ChainTopic, 0, len(ch.topics))}
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

func copyInference(inf oracle.Inference) oracle.Inference {
	inf.ConfidenceIntervals = slices.Clone(inf.ConfidenceIntervals)
	return inf
}

func copyChainTopic(t oracle.ChainTopic) oracle.ChainTopic {
	if t.Value != nil {
		t.Value = new(big.Int).Set(t.Value)
	}
	return t
}
