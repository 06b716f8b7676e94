package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// RequestWatcher feeds one chain's paid update requests (the oracle's UpdateRequested
// events) into the store's request queue. The relayer runs each one given to it and
// serves what they queue at once, off the regular push cycle.
type RequestWatcher interface {
	// ChainID is the chain whose oracle is watched.
	ChainID() uint64
	// WatchRequests queues requests until ctx ends, calling queued after each scan
	// that queued any. It returns nil when ctx ends and retries failures itself.
	WatchRequests(ctx context.Context, queued func()) error
}

// WithRequestWatchers runs ws alongside the chain loops, each waking its chain's loop
// when it queues a request. New refuses a watcher of a chain it does not push to.
func WithRequestWatchers(ws ...RequestWatcher) Option {
	return func(r *Relayer) { r.watchers = append(r.watchers, ws...) }
}

// ErrUnknownChain means a chain (a request watcher's, or that of updates to sign) is not
// one the relayer pushes to.
var ErrUnknownChain = errors.New("a chain the relayer does not push to")

// maxRequestsPerCycle bounds the paid requests one push reads; more wait for the next
// cycle, which their chain loop is woken for at once.
const maxRequestsPerCycle = 256

// paidRequests are the queued requests a push cycle serves, by topic.
type paidRequests struct {
	byTopic map[uint64][]store.PaidRequest
	order   []uint64 // topics, highest payment first
}

// queuedRequests reads a chain's queued paid requests, highest payment first. A
// request for a topic the relayer does not relay cannot be served: it is acknowledged
// with a Warn. An error reading the queue is logged and leaves the cycle to the regular
// schedule, so a store outage does not stop pushes.
func (r *Relayer) queuedRequests(ctx context.Context, chain oracle.Chain, log *slog.Logger) paidRequests {
	out := paidRequests{byTopic: map[uint64][]store.PaidRequest{}}
	reqs, err := r.store.NextRequests(ctx, chain.ID, maxRequestsPerCycle)
	if err != nil {
		if ctx.Err() == nil {
			log.Warn("cannot read paid update requests; serving them when the store answers again", "err", err)
		}
		return out
	}
	if len(reqs) == maxRequestsPerCycle {
		r.wakeChain(chain.ID)
	}
	for _, q := range reqs {
		if _, relayed := slices.BinarySearch(r.cfg.Topics, q.TopicID); !relayed {
			log.Warn("paid update request for a topic this relayer does not relay; acknowledged without a push (add the topic to topics to serve such requests)",
				requestAttrs(q)...)
			r.ackRequest(ctx, q, log)
			continue
		}
		if _, seen := out.byTopic[q.TopicID]; !seen {
			out.order = append(out.order, q.TopicID)
		}
		out.byTopic[q.TopicID] = append(out.byTopic[q.TopicID], q)
	}
	return out
}

// ackRequests acknowledges every request for topic, logging why.
func (r *Relayer) ackRequests(ctx context.Context, reqs []store.PaidRequest, log *slog.Logger, msg string, attrs ...any) {
	for _, q := range reqs {
		log.Info(msg, append(requestAttrs(q), attrs...)...)
		r.ackRequest(ctx, q, log)
	}
}

func (r *Relayer) ackRequest(ctx context.Context, q store.PaidRequest, log *slog.Logger) {
	if err := r.store.AckRequest(ctx, q); err != nil && ctx.Err() == nil {
		log.Warn("cannot acknowledge paid update request; it will be served again, costing one more check", append(requestAttrs(q), "err", err)...)
	}
}

func requestAttrs(q store.PaidRequest) []any {
	amount := "0"
	if q.Amount != nil {
		amount = q.Amount.String()
	}
	return []any{"topic_id", q.TopicID, "amount_wei", amount, "requester", q.Requester.Hex(),
		"request_tx", q.TxHash.Hex(), "log_index", q.LogIndex}
}

// wakeChain makes the loop of chain id run a push cycle now.
func (r *Relayer) wakeChain(id uint64) {
	for i, c := range r.chains {
		if c.Chain().ID == id {
			select {
			case r.wake[i] <- struct{}{}:
			default:
			}
		}
	}
}

// checkWatchers reports watchers of chains the relayer does not push to.
func (r *Relayer) checkWatchers() error {
	var errs []error
	for _, w := range r.watchers {
		if !slices.ContainsFunc(r.chains, func(c ChainWriter) bool { return c.Chain().ID == w.ChainID() }) {
			errs = append(errs, fmt.Errorf("chain %d: %w", w.ChainID(), ErrUnknownChain))
		}
	}
	return errors.Join(errs...)
}
