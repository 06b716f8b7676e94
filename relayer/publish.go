package relayer

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// publishTimeout bounds one Publish, so that a slow store delays the loop little.
const publishTimeout = 2 * time.Second

// inferenceEventJSON is an inference event's data: the shape of the API's
// /v1/topics/{topicId}/inference answer, so that a stream client reads both alike.
type inferenceEventJSON struct {
	TopicID             uint64           `json:"topic_id"`
	Value               string           `json:"value"`
	ValueScaled         string           `json:"value_scaled"`
	Decimals            int              `json:"decimals"`
	BlockHeight         uint64           `json:"block_height"`
	LossBlockHeight     uint64           `json:"loss_block_height"`
	Timestamp           string           `json:"timestamp"`
	ConfidenceIntervals []confidenceJSON `json:"confidence_intervals,omitempty"`
}

type confidenceJSON struct {
	Percentile string `json:"percentile"`
	Value      string `json:"value"`
}

// pushEventJSON is a push event's data: one mined batch.
type pushEventJSON struct {
	ChainID uint64           `json:"chain_id"`
	TxHash  string           `json:"tx_hash"`
	Block   uint64           `json:"block"`
	GasUsed uint64           `json:"gas_used"`
	Updates []pushUpdateJSON `json:"updates"`
}

type pushUpdateJSON struct {
	TopicID         uint64 `json:"topic_id"`
	BlockHeight     uint64 `json:"block_height"`
	LossBlockHeight uint64 `json:"loss_block_height"`
	ValueScaled     string `json:"value_scaled"`
}

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

// publish sends an event to the API replicas when the store carries events; a store
// that does not, or a failed publish, costs the stream an event and nothing else.
func (r *Relayer) publish(ctx context.Context, kind string, v any) {
	ev, ok := r.store.(store.Events)
	if !ok {
		return
	}
	data, err := json.Marshal(v)
	if err != nil {
		r.log.Error("cannot encode event", "kind", kind, "err", err)
		return
	}
	pctx, cancel := context.WithTimeout(ctx, publishTimeout)
	defer cancel()
	if err := ev.Publish(pctx, store.Event{Kind: kind, Data: data, ID: r.ids.next()}); err != nil && ctx.Err() == nil {
		r.log.Warn("cannot publish event; stream clients miss it", "kind", kind, "err", err)
	}
}

func (r *Relayer) publishInference(ctx context.Context, inf oracle.Inference, u oracle.Update) {
	out := inferenceEventJSON{
		TopicID:         inf.TopicID,
		Value:           inf.Value,
		ValueScaled:     u.Value.String(),
		Decimals:        oracle.Decimals,
		BlockHeight:     inf.BlockHeight,
		LossBlockHeight: inf.LossBlockHeight,
		Timestamp:       inf.Timestamp.UTC().Format(time.RFC3339Nano),
	}
	for _, ci := range inf.ConfidenceIntervals {
		out.ConfidenceIntervals = append(out.ConfidenceIntervals, confidenceJSON(ci))
	}
	r.publish(ctx, store.EventInference, out)
}

func (r *Relayer) publishPush(ctx context.Context, chain oracle.Chain, res SubmitResult) {
	out := pushEventJSON{
		ChainID: chain.ID,
		TxHash:  res.TxHash.Hex(),
		Block:   res.BlockNumber,
		GasUsed: res.GasUsed,
		Updates: make([]pushUpdateJSON, 0, len(res.Applied)),
	}
	for _, u := range res.Applied {
		out.Updates = append(out.Updates, pushUpdateJSON{
			TopicID: u.TopicID, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, ValueScaled: u.Value.String(),
		})
	}
	r.publish(ctx, store.EventPush, out)
}
