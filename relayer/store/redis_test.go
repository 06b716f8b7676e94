package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/oracle"
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

// TestRedisReadsInferencesStoredWithoutScaledValue reads records written before the
// scaled value was kept: the value is scaled as the writer did.
func TestRedisReadsInferencesStoredWithoutScaledValue(t *testing.T) {
	c := redistest.Client(t, nil)
	prefix := redistest.Prefix(t)
	st := store.NewRedis(c, prefix)
	ctx := context.Background()
	old := `{"topic":1,"height":68,"value":"-3012.5","time_ns":1795550460000000000,"ci":[["15.87","3001.2"]]}`
	if err := c.HSet(ctx, prefix+"inference:1", "h", "68", "l", "0", "d", old).Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.ZAdd(ctx, prefix+"history:1", redis.Z{Member: "00000000000000000068|" + old}).Err(); err != nil {
		t.Fatal(err)
	}
	want := "-3012500000000000000000"
	inf, err := st.LatestInference(ctx, 1)
	if err != nil || inf.Scaled == nil || inf.Scaled.String() != want || inf.Value != "-3012.5" || len(inf.ConfidenceIntervals) != 1 {
		t.Errorf("LatestInference = %+v, %v; want value -3012.5 scaled to %s", inf, err, want)
	}
	h, err := st.InferenceHistory(ctx, 1, 10, 0)
	if err != nil || len(h) != 1 || h[0].Scaled == nil || h[0].Scaled.String() != want {
		t.Errorf("InferenceHistory = %+v, %v; want one inference scaled to %s", h, err, want)
	}
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

// TestRedisJoinsThePrefixWithAColon checks the key a prefix without a separator gives:
// "<prefix>:topics", so that "gw" and "gw2" never share keys; a prefix ending with a
// colon is used as it is.
func TestRedisJoinsThePrefixWithAColon(t *testing.T) {
	c := redistest.Client(t, nil)
	ctx := context.Background()
	base := redistest.Prefix(t) // ends with ':'
	for _, tc := range []struct{ prefix, key string }{
		{base + "gw", base + "gw:topics"},
		{base + "gw2:", base + "gw2:topics"},
	} {
		if err := store.NewRedis(c, tc.prefix).PutTopic(ctx, oracle.Topic{ID: 1}); err != nil {
			t.Fatal(err)
		}
		if n, err := c.Exists(ctx, tc.key).Result(); err != nil || n != 1 {
			t.Errorf("prefix %q: key %q exists = %d, %v; want 1", tc.prefix, tc.key, n, err)
		}
	}
	if n, err := c.Exists(ctx, base+"gwtopics").Result(); err != nil || n != 0 {
		t.Errorf("key %q exists = %d, %v; want none", base+"gwtopics", n, err)
	}
}
