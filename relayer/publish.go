package relayer

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// publishTimeout bounds one Publish, so that a slow store delays the loop little.
const publishTimeout = 2 * time.Second

// eventIDs hands out event ids: microseconds since the Unix epoch, raised by one
// whenever the clock has not moved past the last id, written in decimal. They are
// strictly increasing within a relayer and ordered by time across relayers, which
// needs no round trip to the store per event; the API only needs them unique, since
// it resumes a stream by finding the client's last id among the events it kept.
type eventIDs struct {
	mu   sync.Mutex
	last int64
	now  func() time.Time
}

func (g *eventIDs) next() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.last = max(g.last+1, g.now().UnixMicro())
	return strconv.FormatInt(g.last, 10)
}

// publish sends an event to the API replicas through the store; a failed publish costs
// the stream an event and nothing else. The API renders what clients see.
func (r *Relayer) publish(ctx context.Context, payload store.EventPayload) {
	pctx, cancel := context.WithTimeout(ctx, publishTimeout)
	defer cancel()
	if err := r.store.Publish(pctx, store.Event{ID: r.ids.next(), Payload: payload}); err != nil && ctx.Err() == nil {
		r.log.Warn("cannot publish event; stream clients miss it", "kind", store.Event{Payload: payload}.Kind(), "err", err)
	}
}

func (r *Relayer) publishInference(ctx context.Context, inf oracle.ScaledInference) {
	r.publish(ctx, store.InferenceEvent{Inference: inf.Inference, Scaled: inf.Scaled})
}

func (r *Relayer) publishPush(ctx context.Context, chain oracle.Chain, res SubmitResult) {
	r.publish(ctx, store.PushEvent{ChainID: chain.ID, Push: store.Push{
		TxHash: res.TxHash, BlockNumber: res.BlockNumber, GasUsed: res.GasUsed, Updates: res.Applied,
	}})
}
