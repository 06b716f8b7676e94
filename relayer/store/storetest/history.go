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

func mustHistory(t *testing.T, st store.Store, topic uint64, limit int, before uint64) []oracle.ScaledInference {
	t.Helper()
	h, err := st.InferenceHistory(context.Background(), topic, limit, before)
	if err != nil {
		t.Fatalf("InferenceHistory(topic %d, limit %d, before %d): %v", topic, limit, before, err)
	}
	return h
}

func heightsOf(infs []oracle.ScaledInference) []uint64 {
	out := make([]uint64, len(infs))
	for i, inf := range infs {
		out[i] = inf.BlockHeight
	}
	return out
}

func testHistoryPaged(t *testing.T, st store.Store) {
	// Heights arrive out of order; only those newer than the latest are stored.
	for _, h := range []uint64{1, 2, 3, 5, 4, 6, 7, 8, 9, 10, 1<<63 + 1, 1<<63 + 2} {
		mustPutInference(t, st, inference(1, h, fmt.Sprintf("%d.5", h)))
	}
	mustPutInference(t, st, inference(2, 100, "64000"))
	steps := []struct {
		limit  int
		before uint64
		want   []uint64
	}{
		{4, 0, []uint64{1<<63 + 2, 1<<63 + 1, 10, 9}},
		{4, 9, []uint64{8, 7, 6, 5}},
		{4, 5, []uint64{3, 2, 1}},
		{4, 1, []uint64{}},
		{100, 0, []uint64{1<<63 + 2, 1<<63 + 1, 10, 9, 8, 7, 6, 5, 3, 2, 1}},
		// A cursor need not be a stored height.
		{2, 4, []uint64{3, 2}},
		{1, 1 << 63, []uint64{10}},
		{1, 1<<63 + 2, []uint64{1<<63 + 1}},
	}
	for _, s := range steps {
		got := mustHistory(t, st, 1, s.limit, s.before)
		if fmt.Sprint(heightsOf(got)) != fmt.Sprint(s.want) {
			t.Errorf("InferenceHistory(1, limit %d, before %d) heights = %v, want %v", s.limit, s.before, heightsOf(got), s.want)
		}
		for _, inf := range got {
			if d := diffInference(inf, inference(1, inf.BlockHeight, fmt.Sprintf("%d.5", inf.BlockHeight))); d != "" {
				t.Errorf("history entry at %d: %s", inf.BlockHeight, d)
			}
		}
	}
	if got := heightsOf(mustHistory(t, st, 2, 10, 0)); fmt.Sprint(got) != "[100]" {
		t.Errorf("topic 2 history = %v, want [100]", got)
	}
	if got := mustHistory(t, st, 3, 10, 0); len(got) != 0 {
		t.Errorf("history of a topic without inferences = %v, want empty", heightsOf(got))
	}
}

func testHistoryOnlyStored(t *testing.T, st store.Store) {
	mustPutInference(t, st, inference(1, 68, "3012.5"))
	mustPutInference(t, st, inference(1, 80, "3020.25"))
	mustPutInference(t, st, inference(1, 72, "2999")) // older: not history either
	mustPutInference(t, st, inference(1, 80, "1"))    // same height: the first one stays
	got := mustHistory(t, st, 1, 10, 0)
	want := []oracle.Inference{inference(1, 80, "3020.25"), inference(1, 68, "3012.5")}
	if len(got) != len(want) {
		t.Fatalf("history heights = %v, want [80 68]", heightsOf(got))
	}
	for i := range want {
		if d := diffInference(got[i], want[i]); d != "" {
			t.Errorf("history[%d]: %s", i, d)
		}
	}
}

// testHistoryRetention runs with a history limit of 5.
func testHistoryRetention(t *testing.T, st store.Store) {
	for h := uint64(1); h <= 12; h++ {
		mustPutInference(t, st, inference(1, h, "1"))
	}
	mustPutInference(t, st, inference(2, 1, "1"))
	if got := heightsOf(mustHistory(t, st, 1, 100, 0)); fmt.Sprint(got) != "[12 11 10 9 8]" {
		t.Errorf("history after 12 inferences with a limit of 5 = %v, want [12 11 10 9 8]", got)
	}
	if got := mustHistory(t, st, 1, 100, 8); len(got) != 0 {
		t.Errorf("history below the retained ones = %v, want empty", heightsOf(got))
	}
	if got := heightsOf(mustHistory(t, st, 2, 100, 0)); fmt.Sprint(got) != "[1]" {
		t.Errorf("topic 2 history = %v, want [1]: retention is per topic", got)
	}
}

func testHistoryRoundTrip(t *testing.T, st store.Store) {
	want := oracle.Inference{
		TopicID: 1, BlockHeight: 68, Value: "-3001.9999999999999999999999999999993",
		Timestamp: base.In(time.FixedZone("UTC+8", 8*3600)),
		ConfidenceIntervals: []oracle.ConfidenceInterval{
			{Percentile: "2.28", Value: "2990.000000000000000001"},
			{Percentile: "97.72", Value: "3013.5"},
		},
	}
	put := want
	put.ConfidenceIntervals = append([]oracle.ConfidenceInterval(nil), want.ConfidenceIntervals...)
	mustPutInference(t, st, put)
	put.ConfidenceIntervals[0].Value = "changed after put"

	got := mustHistory(t, st, 1, 1, 0)
	if len(got) != 1 {
		t.Fatalf("history has %d entries, want 1", len(got))
	}
	if d := diffInference(got[0], want); d != "" {
		t.Fatalf("history entry: %s", d)
	}
	got[0].ConfidenceIntervals[1].Value = "changed after get"
	if d := diffInference(mustHistory(t, st, 1, 1, 0)[0], want); d != "" {
		t.Errorf("editing the returned history changed the store: %s", d)
	}
	if d := diffInference(mustLatest(t, st, 1), want); d != "" {
		t.Errorf("editing the returned history changed the latest inference: %s", d)
	}
}

func testHistoryInvalidLimit(t *testing.T, st store.Store) {
	mustPutInference(t, st, inference(1, 1, "1"))
	ctx := context.Background()
	for _, limit := range []int{0, -1} {
		if _, err := st.InferenceHistory(ctx, 1, limit, 0); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("InferenceHistory limit %d: error %v, want one wrapping store.ErrInvalid", limit, err)
		}
		if _, err := st.Pushes(ctx, 56, limit); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Pushes limit %d: error %v, want one wrapping store.ErrInvalid", limit, err)
		}
	}
}

func push(n uint64) store.Push {
	return store.Push{
		TxHash:      common.BigToHash(new(big.Int).SetUint64(n)),
		BlockNumber: 1000 + n,
		GasUsed:     50_000 + n,
		Updates:     []oracle.Update{{TopicID: 1, Value: big.NewInt(int64(n)), BlockHeight: n, Timestamp: 1795550400 + n}},
		At:          base.Add(time.Duration(n) * time.Second),
	}
}

func mustPushes(t *testing.T, st store.Store, chain uint64, limit int) []store.Push {
	t.Helper()
	ps, err := st.Pushes(context.Background(), chain, limit)
	if err != nil {
		t.Fatalf("Pushes(%d, %d): %v", chain, limit, err)
	}
	return ps
}

func blocksOf(ps []store.Push) []uint64 {
	out := make([]uint64, len(ps))
	for i, p := range ps {
		out[i] = p.BlockNumber
	}
	return out
}

// testPushes runs with a push limit of 3.
func testPushes(t *testing.T, st store.Store) {
	ctx := context.Background()
	if got := mustPushes(t, st, 56, 10); len(got) != 0 {
		t.Fatalf("pushes of a chain without any = %v, want none", blocksOf(got))
	}
	for n := uint64(1); n <= 5; n++ {
		if err := st.RecordPush(ctx, 56, push(n)); err != nil {
			t.Fatalf("RecordPush: %v", err)
		}
	}
	if err := st.RecordPush(ctx, 324, push(9)); err != nil {
		t.Fatalf("RecordPush: %v", err)
	}
	if got := blocksOf(mustPushes(t, st, 56, 10)); fmt.Sprint(got) != "[1005 1004 1003]" {
		t.Errorf("chain 56 pushes = %v, want the newest 3: [1005 1004 1003]", got)
	}
	if got := blocksOf(mustPushes(t, st, 56, 2)); fmt.Sprint(got) != "[1005 1004]" {
		t.Errorf("chain 56 pushes, limit 2 = %v, want [1005 1004]", got)
	}
	if got := blocksOf(mustPushes(t, st, 324, 10)); fmt.Sprint(got) != "[1009]" {
		t.Errorf("chain 324 pushes = %v, want [1009]", got)
	}
	if chains := mustChains(t, st); len(chains) != 0 {
		t.Errorf("recording pushes registered chains: %+v", chains)
	}
}

func diffPush(got, want store.Push) string {
	if got.TxHash != want.TxHash || got.BlockNumber != want.BlockNumber || got.GasUsed != want.GasUsed ||
		!got.At.Equal(want.At) || got.At.IsZero() != want.At.IsZero() || diffUpdates(got.Updates, want.Updates) != "" {
		return fmt.Sprintf("got %+v, want %+v (%s)", got, want, diffUpdates(got.Updates, want.Updates))
	}
	return ""
}

func diffUpdates(got, want []oracle.Update) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d updates, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.TopicID != w.TopicID || g.BlockHeight != w.BlockHeight || g.Timestamp != w.Timestamp ||
			(g.Value == nil) != (w.Value == nil) || (g.Value != nil && g.Value.Cmp(w.Value) != 0) {
			return fmt.Sprintf("update %d = %+v, want %+v", i, g, w)
		}
	}
	return ""
}

func testPushRoundTrip(t *testing.T, st store.Store) {
	ctx := context.Background()
	want := store.Push{
		TxHash: txA, BlockNumber: 1 << 63, GasUsed: 1_234_567,
		Updates: []oracle.Update{
			{TopicID: 1, Value: scaled(t, "3012500000000000000000"), BlockHeight: 68, Timestamp: 1795550400},
			{TopicID: 9, Value: scaled(t, "-57896044618658097711785492504343953926634992332820282019728792003956564819968"), BlockHeight: 1<<64 - 1, Timestamp: 1<<64 - 1},
		},
		At: base.In(time.FixedZone("UTC+8", 8*3600)),
	}
	put := want
	put.Updates = []oracle.Update{want.Updates[0], want.Updates[1]}
	put.Updates[0].Value = new(big.Int).Set(want.Updates[0].Value)
	if err := st.RecordPush(ctx, 56, put); err != nil {
		t.Fatalf("RecordPush: %v", err)
	}
	put.Updates[0].Value.SetInt64(1)
	put.Updates[1].TopicID = 2

	got := mustPushes(t, st, 56, 1)
	if len(got) != 1 {
		t.Fatalf("got %d pushes, want 1", len(got))
	}
	if d := diffPush(got[0], want); d != "" {
		t.Fatalf("push: %s", d)
	}
	got[0].Updates[0].Value.SetInt64(2)
	got[0].Updates[1].TopicID = 3
	if d := diffPush(mustPushes(t, st, 56, 1)[0], want); d != "" {
		t.Errorf("editing the returned push changed the store: %s", d)
	}
	// A push without updates or time.
	if err := st.RecordPush(ctx, 146, store.Push{TxHash: txB}); err != nil {
		t.Fatalf("RecordPush: %v", err)
	}
	if d := diffPush(mustPushes(t, st, 146, 1)[0], store.Push{TxHash: txB}); d != "" {
		t.Errorf("empty push: %s", d)
	}
}
