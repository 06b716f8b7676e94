package relayer

import (
	"fmt"
	"slices"
	"time"
)

// setupOperations prepares what New's options asked for beside relaying: the chains'
// head watches, their metrics, and their leases.
func (r *Relayer) setupOperations() error {
	ids := make([]uint64, len(r.chains))
	r.health = make([]*chainHealth, len(r.chains))
	r.pushed = make([]chan struct{}, len(r.chains))
	now := time.Now()
	for i, c := range r.chains {
		ch := c.Chain()
		ids[i] = ch.ID
		bt := r.cfg.BlockTimes[ch.ID]
		if bt <= 0 {
			bt = DefaultBlockTime
		}
		r.health[i] = &chainHealth{chain: ch.Name, chainID: ch.ID, blockTime: bt, started: now}
		r.pushed[i] = make(chan struct{}, 1)
		r.metrics.addChain(ch.Name)
		if l := r.leaders[ch.ID]; l != nil {
			name, owner, m := ch.Name, l.Owner(), r.metrics
			m.leading(name, owner, false)
			l.setObserver(func(leader bool) { m.leading(name, owner, leader) })
		}
	}
	for id := range r.leaders {
		if !slices.Contains(ids, id) {
			return fmt.Errorf("a lease is given for chain %d, which is not among the chains", id)
		}
	}
	user := r.events
	r.events = func(ev Event) {
		if ev.Push != nil {
			r.metrics.push(ev.Push.Chain.Name, ev.Push.Result)
			if i := slices.Index(ids, ev.Push.Chain.ID); i >= 0 {
				select {
				case r.pushed[i] <- struct{}{}:
				default:
				}
			}
		}
		user(ev)
	}
	return nil
}

// healthOf is the health of the chain with id, or nil.
func (r *Relayer) healthOf(id uint64) *chainHealth {
	for _, h := range r.health {
		if h.chainID == id {
			return h
		}
	}
	return nil
}
