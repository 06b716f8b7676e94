package relayer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// ErrStoreLostState is the cause Ready names while the store lacks topic metadata or
// a chain this relayer wrote, until the relayer has written them again.
var ErrStoreLostState = errors.New("the store lost state the relayer writes")

// DefaultStoreCheckInterval is how often the relayer checks, by default, that the store
// still holds what it writes once: each topic's metadata and each chain's name and
// oracle.
const DefaultStoreCheckInterval = 15 * time.Second

// keepStoreState re-asserts the topics' metadata and the chains' names and oracles
// whenever the store has lost them (a failover to an empty replica, a flush): every
// StoreCheckInterval, and at once when Ready finds something missing. Inferences need
// no such care; the next poll finds the store without them and writes them again, and
// each chain's topics are written on every push cycle.
func (r *Relayer) keepStoreState(ctx context.Context) error {
	ticker := time.NewTicker(r.cfg.StoreCheckInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		case <-r.storeLost:
		}
		missing, err := r.missingFromStore(ctx)
		if err != nil {
			if ctx.Err() == nil {
				r.log.Warn("cannot check the store for lost state; retrying", "err", err)
			}
			continue
		}
		if len(missing.topics) > 0 {
			r.log.Warn("the store has lost topic metadata (emptied or failed over); writing it again", "topics", missing.topics)
			// loadTopics logs what it cannot load; the next check tries again.
			_ = r.loadTopics(ctx, missing.topics)
		}
		for _, c := range missing.chains {
			r.log.Warn("the store has lost a chain's name and oracle (emptied or failed over); writing them again", "chain_id", c.ID, "chain", c.Name)
			if err := r.store.PutChain(ctx, c); err != nil && ctx.Err() == nil {
				r.log.Warn("cannot register chain in the store; retrying", "chain_id", c.ID, "err", err)
			}
		}
	}
}

// lostState is what the store should hold and does not.
type lostState struct {
	topics []uint64       // whose metadata was loaded, and is gone from the store
	chains []oracle.Chain // whose name or oracle the store does not hold
}

func (l lostState) empty() bool { return len(l.topics) == 0 && len(l.chains) == 0 }

// String names what is missing for /readyz.
func (l lostState) String() string {
	var parts []string
	if len(l.topics) > 0 {
		ids := make([]string, len(l.topics))
		for i, id := range l.topics {
			ids[i] = fmt.Sprint(id)
		}
		parts = append(parts, "the store lacks the metadata of topic "+strings.Join(ids, ", "))
	}
	for _, c := range l.chains {
		parts = append(parts, fmt.Sprintf("the store lacks chain %s (%d)", c.Name, c.ID))
	}
	return strings.Join(parts, "; ")
}

// missingFromStore reads the store's topics and chains and returns what is missing of
// what this relayer wrote: topics whose metadata it loaded, and its chains.
func (r *Relayer) missingFromStore(ctx context.Context) (lostState, error) {
	var lost lostState
	topics, err := r.store.Topics(ctx)
	if err != nil {
		return lost, fmt.Errorf("check topics in the store: %w", err)
	}
	r.mu.Lock()
	for _, id := range r.cfg.Topics {
		_, loaded := r.allowNegative[id]
		if loaded && !slices.ContainsFunc(topics, func(t oracle.Topic) bool { return t.ID == id }) {
			lost.topics = append(lost.topics, id)
		}
	}
	r.mu.Unlock()
	chains, err := r.store.Chains(ctx)
	if err != nil {
		return lost, fmt.Errorf("check chains in the store: %w", err)
	}
	for _, c := range r.chains {
		want := c.Chain()
		if !slices.ContainsFunc(chains, func(s oracle.ChainStatus) bool {
			return s.ID == want.ID && s.Name == want.Name && s.Oracle == want.Oracle
		}) {
			lost.chains = append(lost.chains, want)
		}
	}
	return lost, nil
}

// storeReadiness is Ready's part for the store: what it lacks, and a nudge to the
// healer, which writes it again at once rather than at its next check.
func (r *Relayer) storeReadiness(ctx context.Context) string {
	lost, err := r.missingFromStore(ctx)
	if err != nil || lost.empty() {
		// A store that does not answer is /readyz's own check.
		return ""
	}
	select {
	case r.storeLost <- struct{}{}:
	default:
	}
	return lost.String()
}
