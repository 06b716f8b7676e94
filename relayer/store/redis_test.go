package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/store"
	"github.com/allora-gateway/allora-gateway/relayer/store/storetest"
)

func TestRedis(t *testing.T) {
	c := redistest.Client(t, nil)
	storetest.Run(t, func(t *testing.T, opts ...store.Option) store.Store {
		return store.NewRedis(c, redistest.Prefix(t), opts...)
	})
}

func TestRedisEvents(t *testing.T) {
	c := redistest.Client(t, nil)
	storetest.RunEvents(t, func(t *testing.T, opts ...store.Option) store.Events {
		return store.NewRedis(c, redistest.Prefix(t), opts...)
	})
}

// TestRedisSubscribeStops checks that a subscription's goroutines, ours and the
// client's, end with its context or when the subscriber is dropped.
func TestRedisSubscribeStops(t *testing.T) {
	c := redistest.Client(t, nil)
	st := store.NewRedis(c, redistest.Prefix(t), store.WithSubscriberBuffer(1))
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

	ctx, cancel := context.WithCancel(context.Background())
	ch, err := st.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	for range ch { // drains until closed
	}

	slow, err := st.Subscribe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Publish faster than the slow subscriber reads until it is dropped: its channel
	// closes.
	for dropped := false; !dropped; {
		for i := range 3 {
			if err := st.Publish(context.Background(), store.Event{Payload: store.PushEvent{ChainID: 56}, ID: fmt.Sprint(i)}); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(20 * time.Millisecond)
	drain:
		for {
			select {
			case _, ok := <-slow:
				if !ok {
					dropped = true
					break drain
				}
			default:
				break drain
			}
		}
	}
}
