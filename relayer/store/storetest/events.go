package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

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

func event(i int) store.Event {
	kinds := []string{store.EventInference, store.EventPush, store.EventRound}
	return store.Event{
		Kind: kinds[i%len(kinds)],
		Data: json.RawMessage(fmt.Sprintf(`{"topic_id":1,"block_height":%d,"value":"3012.5"}`, i)),
		ID:   fmt.Sprintf("1-%d", i),
	}
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

func diffEvent(got, want store.Event) string {
	if got.Kind != want.Kind || got.ID != want.ID || string(got.Data) != string(want.Data) {
		return fmt.Sprintf("got {%s %s %s}, want {%s %s %s}", got.Kind, got.ID, got.Data, want.Kind, want.ID, want.Data)
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
	e := event(7)
	publish(t, ev, e)
	e.Data[0] = 'X'
	ga := receive(t, a, "subscriber a")
	ga.Data[1] = 'Y'
	if d := diffEvent(receive(t, b, "subscriber b"), event(7)); d != "" {
		t.Errorf("subscribers share or alias event data: %s", d)
	}
}
