package relayer_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestRelayerPublishesInferencesAndPushes checks that a store carrying events hears of
// every new inference and every mined batch, typed as the API renders them, with ids
// that only go up.
func TestRelayerPublishesInferencesAndPushes(t *testing.T) {
	s := signers(1)
	src := newFakeSource(oracle.Topic{ID: 7})
	src.set(7, 100, "3012.5")
	c := newFakeChain(56, s, 1)
	st := store.NewMemory(store.WithSubscriberBuffer(1024))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := st.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	run(t, src, st, []relayer.ChainWriter{c}, s, 7)

	var got []store.Event
	next := func(kind string) store.Event {
		t.Helper()
		for ev := range events {
			got = append(got, ev)
			if ev.Kind() == kind {
				return ev
			}
		}
		t.Fatalf("events ended before a %s event", kind)
		return store.Event{}
	}
	inf := next(store.EventInference).Payload.(store.InferenceEvent)
	if inf.Inference.TopicID != 7 || inf.Inference.Value != "3012.5" || inf.Scaled.String() != "3012500000000000000000" ||
		inf.Inference.BlockHeight != 100 || inf.Inference.Timestamp.IsZero() {
		t.Errorf("inference event %+v", inf)
	}

	push := next(store.EventPush).Payload.(store.PushEvent)
	if push.ChainID != 56 || push.Push.TxHash == (common.Hash{}) || push.Push.GasUsed == 0 || len(push.Push.Updates) != 1 ||
		push.Push.Updates[0].TopicID != 7 || push.Push.Updates[0].BlockHeight != 100 || push.Push.Updates[0].Value.String() != "3012500000000000000000" {
		t.Errorf("push event %+v", push)
	}

	src.set(7, 101, "3013")
	next(store.EventInference)
	var last int64
	for _, ev := range got {
		id, err := strconv.ParseInt(ev.ID, 10, 64)
		if err != nil || id <= last {
			t.Errorf("event ids %q after %d, want increasing decimal ids", ev.ID, last)
		}
		last = id
	}
}
