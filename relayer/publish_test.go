package relayer_test

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestRelayerPublishesInferencesAndPushes checks that a store carrying events hears of
// every new inference and every mined batch, in the shapes the API streams, with ids
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
			if ev.Kind == kind {
				return ev
			}
		}
		t.Fatalf("events ended before a %s event", kind)
		return store.Event{}
	}
	inf := next(store.EventInference)
	var infData map[string]any
	if err := json.Unmarshal(inf.Data, &infData); err != nil {
		t.Fatal(err)
	}
	if infData["topic_id"] != 7.0 || infData["value"] != "3012.5" || infData["value_scaled"] != "3012500000000000000000" ||
		infData["decimals"] != 18.0 || infData["block_height"] != 100.0 || infData["timestamp"] == nil {
		t.Errorf("inference event data %s", inf.Data)
	}

	push := next(store.EventPush)
	var pushData struct {
		ChainID uint64 `json:"chain_id"`
		TxHash  string `json:"tx_hash"`
		Block   uint64 `json:"block"`
		GasUsed uint64 `json:"gas_used"`
		Updates []struct {
			TopicID     uint64 `json:"topic_id"`
			BlockHeight uint64 `json:"block_height"`
			ValueScaled string `json:"value_scaled"`
		} `json:"updates"`
	}
	if err := json.Unmarshal(push.Data, &pushData); err != nil {
		t.Fatal(err)
	}
	if pushData.ChainID != 56 || len(pushData.TxHash) != 66 || pushData.GasUsed == 0 || len(pushData.Updates) != 1 ||
		pushData.Updates[0].TopicID != 7 || pushData.Updates[0].BlockHeight != 100 || pushData.Updates[0].ValueScaled != "3012500000000000000000" {
		t.Errorf("push event data %s", push.Data)
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
