package store

import (
	"context"
	"encoding/json"
	"slices"
)

// Event kinds.
const (
	EventInference = "inference"
	EventPush      = "push"
	EventRound     = "round"
	EventPrice     = "price"
)

// Event is something that happened, for the API to stream to its clients (SSE). Every
// API replica subscribed to the same store receives every event.
type Event struct {
	Kind string          // EventInference, EventPush, EventRound or EventPrice
	Data json.RawMessage // the JSON the stream sends
	ID   string          // the stream's event id, set by the publisher
}

// Events fans events out to every subscriber of every process sharing the store.
// Delivery is best effort: an event published while a subscriber is disconnected, or
// that does not fit in a slow subscriber's buffer, is not delivered to it.
type Events interface {
	// Publish sends ev to every current subscriber.
	Publish(ctx context.Context, ev Event) error
	// Subscribe returns a channel of the events published from when it returns until
	// ctx is done; then the channel is closed. A subscriber that falls behind by more
	// than its buffer (see WithSubscriberBuffer) is dropped rather than allowed to
	// hold up the others: its channel is closed early, and it may subscribe again.
	Subscribe(ctx context.Context) (<-chan Event, error)
}

func copyEvent(ev Event) Event {
	ev.Data = slices.Clone(ev.Data)
	return ev
}

// eventRecord is an event on the wire between processes.
type eventRecord struct {
	Kind string          `json:"kind"`
	Data json.RawMessage `json:"data,omitempty"`
	ID   string          `json:"id,omitempty"`
}
