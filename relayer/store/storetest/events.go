package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// RunEvents runs the shared suite of store.Events. newEvents is called once per
// subtest and must return events, made with opts, that no other subtest sees.
func RunEvents(t *testing.T, newEvents func(t *testing.T, opts ...store.Option) store.Events) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, ev store.Events)
		opts []store.Option
	}{
		{"EverySubscriberGetsEverything", testEventsFanOut, nil},
		{"SlowSubscriberDropped", testEventsSlowDropped, []store.Option{store.WithSubscriberBuffer(4)}},
		{"UnsubscribeClosesChannel", testEventsUnsubscribe, nil},
		{"NoAliasing", testEventsNoAliasing, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newEvents(t, tc.opts...))
		})
	}
}

// eventWait bounds how long a test waits for an event that should come.
const eventWait = 5 * time.Second

// event is the i-th test event, of each payload kind in turn.
func event(i int) store.Event {
	at := time.Date(2026, 11, 24, 20, 0, i%60, 0, time.UTC)
	var p store.EventPayload
	switch i % 4 {
	case 0:
		p = store.InferenceEvent{
			Inference: oracle.Inference{TopicID: 1, BlockHeight: uint64(i) + 1, Value: "3012.5", Timestamp: at,
				ConfidenceIntervals: []oracle.ConfidenceInterval{{Percentile: "15.87", Value: "3000"}}},
			Scaled: new(big.Int).Mul(big.NewInt(30125), big.NewInt(1e17)),
		}
	case 1:
		p = store.PushEvent{ChainID: 56, Push: store.Push{
			TxHash: common.HexToHash(fmt.Sprintf("0x%x", i+1)), BlockNumber: uint64(i), GasUsed: 21000, At: at,
			Updates: []oracle.Update{{TopicID: 1, Value: big.NewInt(-int64(i)), BlockHeight: 9, LossBlockHeight: 8, Timestamp: 7}},
		}}
	case 2:
		p = store.RoundEvent{ChainID: 56, Market: common.HexToAddress("0x01"), Round: store.Round{
			Epoch: uint64(i) + 1, Status: store.RoundLocked, LockTime: at, LockPrice: "3000.5",
			WithAIPool: big.NewInt(int64(i)), AgainstAIPool: big.NewInt(2),
		}}
	default:
		p = store.PriceEvent{Price: store.Price{Asset: "ETH", Value: "3100.25", At: at, Source: "test feed"}}
	}
	return store.Event{ID: fmt.Sprintf("1-%d", i), Payload: p}
}

func subscribe(t *testing.T, ev store.Events) (<-chan store.Event, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ch, err := ev.Subscribe(ctx)
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	return ch, cancel
}

func publish(t *testing.T, ev store.Events, e store.Event) {
	t.Helper()
	if err := ev.Publish(context.Background(), e); err != nil {
		t.Fatalf("Publish(%s): %v", e.ID, err)
	}
}

// receive returns the next event, failing the test if none comes or the channel closes.
func receive(t *testing.T, ch <-chan store.Event, what string) store.Event {
	t.Helper()
	select {
	case e, ok := <-ch:
		if !ok {
			t.Fatalf("%s: channel closed", what)
		}
		return e
	case <-time.After(eventWait):
		t.Fatalf("%s: no event within %s", what, eventWait)
	}
	return store.Event{}
}

// diffEvent compares events as %#v prints them, big.Ints by value.
func diffEvent(got, want store.Event) string {
	if g, w := fmt.Sprintf("%s %v", got.ID, got.Payload), fmt.Sprintf("%s %v", want.ID, want.Payload); g != w || got.Kind() != want.Kind() {
		return fmt.Sprintf("got %s %s, want %s %s", got.Kind(), g, want.Kind(), w)
	}
	return ""
}

func testEventsFanOut(t *testing.T, ev store.Events) {
	publish(t, ev, event(100)) // nobody listens yet: not an error, delivered to no one
	const subs, events = 3, 20
	chans := make([]<-chan store.Event, subs)
	for i := range chans {
		chans[i], _ = subscribe(t, ev)
	}
	for i := range events {
		publish(t, ev, event(i))
	}
	for s, ch := range chans {
		for i := range events {
			if d := diffEvent(receive(t, ch, fmt.Sprintf("subscriber %d event %d", s, i)), event(i)); d != "" {
				t.Errorf("subscriber %d event %d: %s", s, i, d)
			}
		}
	}
}

// testEventsSlowDropped runs with a subscriber buffer of 4.
func testEventsSlowDropped(t *testing.T, ev store.Events) {
	slow, _ := subscribe(t, ev)
	fast, _ := subscribe(t, ev)
	const events = 50
	for i := range events {
		publish(t, ev, event(i))
		// The fast subscriber keeps up; the slow one never reads.
		if d := diffEvent(receive(t, fast, fmt.Sprintf("fast subscriber event %d", i)), event(i)); d != "" {
			t.Errorf("fast subscriber event %d: %s", i, d)
		}
	}
	// The slow one got what fitted in its buffer, in order, and then was dropped.
	deadline := time.After(eventWait)
	for i := 0; ; i++ {
		select {
		case e, ok := <-slow:
			if !ok {
				if i == 0 || i > 4 {
					t.Errorf("slow subscriber got %d events before being dropped, want 1 to 4", i)
				}
				return
			}
			if d := diffEvent(e, event(i)); d != "" {
				t.Errorf("slow subscriber event %d: %s", i, d)
			}
		case <-deadline:
			t.Fatalf("slow subscriber's channel not closed after %d events it could not take", events)
		}
	}
}

func testEventsUnsubscribe(t *testing.T, ev store.Events) {
	ch, cancel := subscribe(t, ev)
	other, _ := subscribe(t, ev)
	publish(t, ev, event(1))
	receive(t, ch, "before unsubscribing")
	cancel()
	select {
	case _, ok := <-ch:
		if ok {
			// An event may have been in flight; the channel must close right after.
			if _, ok := <-ch; ok {
				t.Error("events still delivered after unsubscribing")
			}
		}
	case <-time.After(eventWait):
		t.Fatal("channel not closed after its context ended")
	}
	publish(t, ev, event(2))
	receive(t, other, "other subscriber, first event")
	if d := diffEvent(receive(t, other, "other subscriber, second event"), event(2)); d != "" {
		t.Errorf("other subscriber: %s", d)
	}
	ctx, cancelled := context.WithCancel(context.Background())
	cancelled()
	if _, err := ev.Subscribe(ctx); err == nil {
		t.Error("Subscribe with a cancelled context did not fail")
	}
}

func testEventsNoAliasing(t *testing.T, ev store.Events) {
	a, _ := subscribe(t, ev)
	b, _ := subscribe(t, ev)
	e := event(4) // an inference, whose scaled value a careless store would share
	publish(t, ev, e)
	e.Payload.(store.InferenceEvent).Scaled.SetInt64(1)
	ga := receive(t, a, "subscriber a")
	ga.Payload.(store.InferenceEvent).Scaled.SetInt64(2)
	if d := diffEvent(receive(t, b, "subscriber b"), event(4)); d != "" {
		t.Errorf("subscribers share or alias event data: %s", d)
	}
	if err := ev.Publish(context.Background(), store.Event{ID: "none"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Publish of an event without a payload: %v, want ErrInvalid", err)
	}
}
