package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Event kinds, as Kind names them.
const (
	EventInference = "inference"
	EventPush      = "push"
	EventRound     = "round"
	EventPrice     = "price"
)

// Event is something that happened, for the API to stream to its clients (SSE). Every
// API replica subscribed to the same store receives every event. The store carries
// what happened, typed; how a client sees it is the API's to render.
type Event struct {
	ID      string       // the stream's event id, set by the publisher
	Payload EventPayload // InferenceEvent, PushEvent, RoundEvent or PriceEvent
}

// Kind is the kind of the event's payload (EventInference, ...), "" for none.
func (ev Event) Kind() string {
	if ev.Payload == nil {
		return ""
	}
	return ev.Payload.eventKind()
}

// EventPayload is what an event says happened: one of the types below.
type EventPayload interface {
	eventKind() string
	clone() EventPayload
}

// InferenceEvent is a new inference of a topic and its value scaled as the oracle
// stores it.
type InferenceEvent struct {
	Inference oracle.Inference
	Scaled    *big.Int
}

// PushEvent is a batch mined on a chain.
type PushEvent struct {
	ChainID uint64
	Push    Push
}

// RoundEvent is a market round whose stored state changed: it started, a bet grew a
// pool, it locked, closed or was voided.
type RoundEvent struct {
	ChainID uint64
	Market  common.Address
	Round   Round
}

// PriceEvent is a newly recorded price of an asset.
type PriceEvent struct {
	Price Price
}

func (InferenceEvent) eventKind() string { return EventInference }
func (PushEvent) eventKind() string      { return EventPush }
func (RoundEvent) eventKind() string     { return EventRound }
func (PriceEvent) eventKind() string     { return EventPrice }

func (e InferenceEvent) clone() EventPayload {
	e.Inference = copyInference(e.Inference)
	if e.Scaled != nil {
		e.Scaled = new(big.Int).Set(e.Scaled)
	}
	return e
}
func (e PushEvent) clone() EventPayload  { e.Push = copyPush(e.Push); return e }
func (e RoundEvent) clone() EventPayload { e.Round = copyRound(e.Round); return e }
func (e PriceEvent) clone() EventPayload { return e }

// Events fans events out to every subscriber of every process sharing the store.
// Delivery is best effort: an event published while a subscriber is disconnected, or
// that does not fit in a slow subscriber's buffer, is not delivered to it.
type Events interface {
	// Publish sends ev to every current subscriber. An event without a payload is
	// ErrInvalid.
	Publish(ctx context.Context, ev Event) error
	// Subscribe returns a channel of the events published from when it returns until
	// ctx is done; then the channel is closed. A subscriber that falls behind by more
	// than its buffer (see WithSubscriberBuffer) is dropped rather than allowed to
	// hold up the others: its channel is closed early, and it may subscribe again.
	Subscribe(ctx context.Context) (<-chan Event, error)
}

// Publish publishes payload as a new event with a fresh id (NextEventID).
func Publish(ctx context.Context, ev Events, payload EventPayload) error {
	return ev.Publish(ctx, Event{ID: NextEventID(), Payload: payload})
}

func copyEvent(ev Event) Event {
	if ev.Payload != nil {
		ev.Payload = ev.Payload.clone()
	}
	return ev
}

func checkEvent(ev Event) error {
	if ev.Payload == nil {
		return fmt.Errorf("publish event %q: no payload: %w", ev.ID, ErrInvalid)
	}
	return nil
}

// eventRecord is an event on the wire between processes: the payload as Go's JSON of
// its type, named by kind.
type eventRecord struct {
	Kind string          `json:"kind"`
	ID   string          `json:"id,omitempty"`
	Data json.RawMessage `json:"payload"`
}

func encodeEvent(ev Event) ([]byte, error) {
	data, err := json.Marshal(ev.Payload)
	if err != nil {
		return nil, err
	}
	return json.Marshal(eventRecord{Kind: ev.Kind(), ID: ev.ID, Data: data})
}

func decodeEvent(b []byte) (Event, error) {
	var rec eventRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		return Event{}, err
	}
	var (
		p   EventPayload
		err error
	)
	switch rec.Kind {
	case EventInference:
		p, err = decodePayload[InferenceEvent](rec.Data)
	case EventPush:
		p, err = decodePayload[PushEvent](rec.Data)
	case EventRound:
		p, err = decodePayload[RoundEvent](rec.Data)
	case EventPrice:
		p, err = decodePayload[PriceEvent](rec.Data)
	default:
		return Event{}, fmt.Errorf("event kind %q is not one this store knows", rec.Kind)
	}
	if err != nil {
		return Event{}, fmt.Errorf("decode %s event: %w", rec.Kind, err)
	}
	return Event{ID: rec.ID, Payload: p}, nil
}

func decodePayload[T EventPayload](data json.RawMessage) (EventPayload, error) {
	var e T
	err := json.Unmarshal(data, &e)
	return e, err
}
