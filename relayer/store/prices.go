package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"
)

// PriceEvent is a price event's data on the stream: an asset's newly recorded price.
type PriceEvent struct {
	Asset  string `json:"asset"`
	Price  string `json:"price"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
}

// RecordAndPublishPrice records p and, when st also carries events, tells stream
// clients that the asset's price moved, so that whatever shows "price now" refreshes
// whichever process wrote it. A failed publish costs the stream that event and nothing
// else: the price is recorded and the error returned is nil.
func RecordAndPublishPrice(ctx context.Context, st Prices, p Price) error {
	if err := st.RecordPrice(ctx, p); err != nil {
		return err
	}
	ev, ok := st.(Events)
	if !ok {
		return nil
	}
	data, err := json.Marshal(PriceEvent{Asset: p.Asset, Price: p.Value, AsOf: p.At.UTC().Format(time.RFC3339Nano), Source: p.Source})
	if err != nil {
		return fmt.Errorf("encode the price event: %w", err)
	}
	_ = ev.Publish(ctx, Event{Kind: EventPrice, Data: data, ID: NextEventID()})
	return nil
}

var lastEventID atomic.Int64

// NextEventID returns a stream event id for a publisher without its own sequence:
// the time in microseconds, raised past the last id given, so ids are unique and
// ordered within the process and close to those of other processes.
func NextEventID() string {
	for {
		last := lastEventID.Load()
		id := max(last+1, time.Now().UnixMicro())
		if lastEventID.CompareAndSwap(last, id) {
			return strconv.FormatInt(id, 10)
		}
	}
}
