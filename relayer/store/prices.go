package store

import (
	"context"
	"strconv"
	"sync/atomic"
	"time"
)

// RecordAndPublishPrice records p and tells stream clients that the asset's price moved, so that whatever shows "price now" refreshes
// whichever process wrote it. A failed publish costs the stream that event and nothing
// else: the price is recorded and the error returned is nil.
func RecordAndPublishPrice(ctx context.Context, st interface {
	Prices
	Events
}, p Price) error {
	if err := st.RecordPrice(ctx, p); err != nil {
		return err
	}
	_ = Publish(ctx, st, PriceEvent{Price: p})
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
