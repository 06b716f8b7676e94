// Package storetest is the behaviour every store.Store implementation must show. An
// implementation's tests call Run with a constructor that returns an empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Run runs the shared suite. newStore is called once per subtest and must return an
// empty store, made with opts, that is released when t ends.
func Run(t *testing.T, newStore func(t *testing.T, opts ...store.Option) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, st store.Store)
		opts []store.Option
	}{
		{"Empty", testEmpty, nil},
		{"TopicsOrderedAndReplaced", testTopics, nil},
		{"InferenceNewestWins", testInferenceNewestWins, nil},
		{"InferenceRevisionReplaces", testInferenceRevision, nil},
		{"ChainTopicRevisionReplaces", testChainTopicRevision, nil},
		{"InferenceNotFoundNamesTopic", testInferenceNotFound, nil},
		{"InferenceRoundTrip", testInferenceRoundTrip, nil},
		{"InferenceNoAliasing", testInferenceNoAliasing, nil},
		{"ChainsOrdered", testChainsOrdered, nil},
		{"ChainRegisteredByTopic", testChainRegisteredByTopic, nil},
		{"ChainTopicRoundTrip", testChainTopicRoundTrip, nil},
		{"ChainTopicNeverLowersHeight", testChainTopicNeverLowers, nil},
		{"ChainTopicKeepsLastPush", testChainTopicKeepsLastPush, nil},
		{"ChainFinalNeverLowers", testChainFinal, nil},
		{"ChainTopicNoAliasing", testChainTopicNoAliasing, nil},
		{"CancelledContext", testCancelledContext, nil},
		{"ConcurrentWriters", testConcurrentWriters, nil},

		{"HistoryNewestFirstPaged", testHistoryPaged, nil},
		{"HistoryOnlyStoredInferences", testHistoryOnlyStored, nil},
		{"HistoryRetention", testHistoryRetention, []store.Option{store.WithHistoryLimit(5)}},
		{"HistoryRoundTripNoAliasing", testHistoryRoundTrip, nil},
		{"HistoryInvalidLimit", testHistoryInvalidLimit, nil},
		{"PushesNewestFirstBounded", testPushes, []store.Option{store.WithPushLimit(3)}},
		{"PushRoundTripNoAliasing", testPushRoundTrip, nil},

		{"JournalOrderedByNonce", testJournalOrdered, nil},
		{"JournalRoundTripNoAliasing", testJournalRoundTrip, nil},
		{"JournalFenced", testJournalFenced, nil},
		{"JournalFencedConcurrent", testJournalFencedConcurrent, nil},

		{"RequestsHighestAmountFirst", testRequestsOrder, nil},
		{"RequestsQueuedOnce", testRequestsQueuedOnce, nil},
		{"RequestsConcurrentDuplicates", testRequestsConcurrentDuplicates, nil},
		{"RequestsInvalid", testRequestsInvalid, nil},

		{"Markets", testMarkets, nil},
		{"RoundsNewestFirstPaged", testRoundsNewestFirst, nil},
		{"RoundRoundTripNoAliasing", testRoundRoundTrip, nil},
		{"RoundOnlyMovesForward", testRoundOnlyMovesForward, nil},
		{"RoundRetention", testRoundRetention, []store.Option{store.WithRoundLimit(5)}},
		{"RoundInvalid", testRoundInvalid, nil},
		{"RoundsConcurrentKeepers", testRoundsConcurrent, nil},
		{"Prices", testPrices, nil},
		{"PriceRetention", testPriceRetention, []store.Option{store.WithPriceLimit(5)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore(t, tc.opts...))
		})
	}
}

// base is a time with sub-second precision, as Allora block times have; stores must
// keep it to the nanosecond.
var base = time.Date(2026, 11, 24, 20, 0, 0, 123456789, time.UTC)

var (
	oracleBNB   = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	oracleZK    = common.HexToAddress("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
	oracleSonic = common.HexToAddress("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0")
	txA         = common.HexToHash("0x8a3f5b0c2d1e4f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c")
	txB         = common.HexToHash("0x1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d")
)

func scaled(t *testing.T, s string) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad test value %q", s)
	}
	return v
}

func inference(topic, height uint64, value string) oracle.Inference {
	return oracle.Inference{
		TopicID:     topic,
		BlockHeight: height,
		Value:       value,
		Timestamp:   base.Add(time.Duration(height) * 5 * time.Second),
		ConfidenceIntervals: []oracle.ConfidenceInterval{
			{Percentile: "2.28", Value: "2990.1"},
			{Percentile: "15.87", Value: "3001.2"},
			{Percentile: "84.13", Value: "3023.8"},
		},
	}
}

// scaled is inf validated and scaled as the relayer does before it stores it.
func scaledInference(inf oracle.Inference) oracle.ScaledInference {
	s, err := oracle.NewScaledInference(inf, true)
	if err != nil {
		panic(fmt.Sprintf("test inference %+v: %v", inf, err))
	}
	return s
}

func mustPutInference(t *testing.T, st store.Store, inf oracle.Inference) {
	t.Helper()
	if err := st.PutInference(context.Background(), scaledInference(inf)); err != nil {
		t.Fatalf("PutInference(topic %d, height %d): %v", inf.TopicID, inf.BlockHeight, err)
	}
}

func mustLatest(t *testing.T, st store.Store, topic uint64) oracle.ScaledInference {
	t.Helper()
	inf, err := st.LatestInference(context.Background(), topic)
	if err != nil {
		t.Fatalf("LatestInference(%d): %v", topic, err)
	}
	return inf
}

func mustPutChainTopic(t *testing.T, st store.Store, chainID uint64, ct oracle.ChainTopic) {
	t.Helper()
	if err := st.PutChainTopic(context.Background(), chainID, ct); err != nil {
		t.Fatalf("PutChainTopic(%d, topic %d): %v", chainID, ct.TopicID, err)
	}
}

func mustChains(t *testing.T, st store.Store) []oracle.ChainStatus {
	t.Helper()
	chains, err := st.Chains(context.Background())
	if err != nil {
		t.Fatalf("Chains: %v", err)
	}
	return chains
}

// chainTopic returns the stored state of one chain's topic, failing when absent.
func chainTopic(t *testing.T, st store.Store, chainID, topicID uint64) oracle.ChainTopic {
	t.Helper()
	for _, c := range mustChains(t, st) {
		if c.ID != chainID {
			continue
		}
		for _, ct := range c.Topics {
			if ct.TopicID == topicID {
				return ct
			}
		}
	}
	t.Fatalf("chain %d topic %d not in Chains()", chainID, topicID)
	return oracle.ChainTopic{}
}

// diffInference compares what the store gave with the inference put, and its scaled
// value with what scaling want gives.
func diffInference(got oracle.ScaledInference, want oracle.Inference) string {
	var d []string
	if w := scaledInference(want).Scaled; got.Scaled == nil || got.Scaled.Cmp(w) != 0 {
		d = append(d, fmt.Sprintf("Scaled %v, want %v", got.Scaled, w))
	}
	if got.TopicID != want.TopicID {
		d = append(d, fmt.Sprintf("TopicID %d, want %d", got.TopicID, want.TopicID))
	}
	if got.BlockHeight != want.BlockHeight {
		d = append(d, fmt.Sprintf("BlockHeight %d, want %d", got.BlockHeight, want.BlockHeight))
	}
	if got.LossBlockHeight != want.LossBlockHeight {
		d = append(d, fmt.Sprintf("LossBlockHeight %d, want %d", got.LossBlockHeight, want.LossBlockHeight))
	}
	if got.Value != want.Value {
		d = append(d, fmt.Sprintf("Value %q, want %q", got.Value, want.Value))
	}
	if !got.Timestamp.Equal(want.Timestamp) {
		d = append(d, fmt.Sprintf("Timestamp %s, want %s", got.Timestamp.Format(time.RFC3339Nano), want.Timestamp.Format(time.RFC3339Nano)))
	}
	// nil and empty are the same: a store need not tell them apart.
	if fmt.Sprint(got.ConfidenceIntervals) != fmt.Sprint(want.ConfidenceIntervals) &&
		(len(got.ConfidenceIntervals) != 0 || len(want.ConfidenceIntervals) != 0) {
		d = append(d, fmt.Sprintf("ConfidenceIntervals %v, want %v", got.ConfidenceIntervals, want.ConfidenceIntervals))
	}
	return strings.Join(d, "; ")
}

func diffChainTopic(got, want oracle.ChainTopic) string {
	var d []string
	if got.TopicID != want.TopicID {
		d = append(d, fmt.Sprintf("TopicID %d, want %d", got.TopicID, want.TopicID))
	}
	if got.BlockHeight != want.BlockHeight {
		d = append(d, fmt.Sprintf("BlockHeight %d, want %d", got.BlockHeight, want.BlockHeight))
	}
	if got.LossBlockHeight != want.LossBlockHeight {
		d = append(d, fmt.Sprintf("LossBlockHeight %d, want %d", got.LossBlockHeight, want.LossBlockHeight))
	}
	switch {
	case (got.Value == nil) != (want.Value == nil):
		d = append(d, fmt.Sprintf("Value %v, want %v", got.Value, want.Value))
	case got.Value != nil && got.Value.Cmp(want.Value) != 0:
		d = append(d, fmt.Sprintf("Value %s, want %s", got.Value, want.Value))
	}
	if got.Timestamp != want.Timestamp {
		d = append(d, fmt.Sprintf("Timestamp %d, want %d", got.Timestamp, want.Timestamp))
	}
	if got.PushBlock != want.PushBlock {
		d = append(d, fmt.Sprintf("PushBlock %d, want %d", got.PushBlock, want.PushBlock))
	}
	if got.LastPush.IsZero() != want.LastPush.IsZero() || !got.LastPush.Equal(want.LastPush) {
		d = append(d, fmt.Sprintf("LastPush %s, want %s", got.LastPush.Format(time.RFC3339Nano), want.LastPush.Format(time.RFC3339Nano)))
	}
	if got.TxHash != want.TxHash {
		d = append(d, fmt.Sprintf("TxHash %s, want %s", got.TxHash, want.TxHash))
	}
	return strings.Join(d, "; ")
}

func testEmpty(t *testing.T, st store.Store) {
	ctx := context.Background()
	topics, err := st.Topics(ctx)
	if err != nil || len(topics) != 0 {
		t.Errorf("Topics() = %v, %v; want none, nil", topics, err)
	}
	chains, err := st.Chains(ctx)
	if err != nil || len(chains) != 0 {
		t.Errorf("Chains() = %v, %v; want none, nil", chains, err)
	}
}

func testTopics(t *testing.T, st store.Store) {
	ctx := context.Background()
	put := []oracle.Topic{
		{ID: 14, Metadata: "BTC 8h Price Prediction", EpochLength: 5760, GroundTruthLag: 5760, WorkerSubmissionWindow: 10, EpochLastEnded: 5760},
		{ID: 1, Metadata: "ETH 10min Prediction", EpochLength: 120, GroundTruthLag: 120, WorkerSubmissionWindow: 10, EpochLastEnded: 68},
		{ID: 3, Metadata: "BTC 10min Prediction", EpochLength: 120, GroundTruthLag: 120, WorkerSubmissionWindow: 10},
		{ID: 9, Metadata: "ETH 20min Log-Return", EpochLength: 240, GroundTruthLag: 240, AllowNegative: true},
		// Replaces the first topic 1.
		{ID: 1, Metadata: "ETH 5min Price Prediction", EpochLength: 12, GroundTruthLag: 12, WorkerSubmissionWindow: 5, EpochLastEnded: 72},
	}
	for _, tp := range put {
		if err := st.PutTopic(ctx, tp); err != nil {
			t.Fatalf("PutTopic(%d): %v", tp.ID, err)
		}
	}
	got, err := st.Topics(ctx)
	if err != nil {
		t.Fatalf("Topics: %v", err)
	}
	want := []oracle.Topic{put[4], put[2], put[3], put[0]}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("Topics() =\n %+v\nwant\n %+v", got, want)
	}

	// The returned slice is the caller's.
	got[0].Metadata = "changed"
	again, err := st.Topics(ctx)
	if err != nil {
		t.Fatalf("Topics: %v", err)
	}
	if again[0].Metadata != put[4].Metadata {
		t.Errorf("editing the returned slice changed the store: metadata %q", again[0].Metadata)
	}
}

func testInferenceNewestWins(t *testing.T, st store.Store) {
	steps := []struct {
		put  oracle.Inference
		want oracle.Inference
	}{
		{inference(1, 68, "3012.5"), inference(1, 68, "3012.5")},
		{inference(1, 80, "3020.25"), inference(1, 80, "3020.25")},
		{inference(1, 72, "2999"), inference(1, 80, "3020.25")},        // older: ignored
		{inference(1, 80, "1"), inference(1, 80, "3020.25")},           // same height: ignored
		{inference(2, 5, "64000.1"), inference(1, 80, "3020.25")},      // another topic: independent
		{inference(1, 81, "-0.0001"), inference(1, 81, "-0.0001")},     // newer: replaces
		{inference(1, 1<<63+7, "3030"), inference(1, 1<<63+7, "3030")}, // beyond int64 height
		{inference(1, 1<<63+6, "1"), inference(1, 1<<63+7, "3030")},
	}
	for i, s := range steps {
		mustPutInference(t, st, s.put)
		if d := diffInference(mustLatest(t, st, 1), s.want); d != "" {
			t.Errorf("after put %d (height %d): %s", i, s.put.BlockHeight, d)
		}
	}
	if d := diffInference(mustLatest(t, st, 2), inference(2, 5, "64000.1")); d != "" {
		t.Errorf("topic 2: %s", d)
	}
}

// revised is inference(topic, height, value) at loss block height loss.
func revised(topic, height, loss uint64, value string) oracle.Inference {
	inf := inference(topic, height, value)
	inf.LossBlockHeight = loss
	return inf
}

// A revision (same height, newer loss height) replaces the latest inference and that
// height's history entry; an older or equal loss height is ignored.
func testInferenceRevision(t *testing.T, st store.Store) {
	steps := []struct {
		put  oracle.Inference
		want oracle.Inference
	}{
		{revised(1, 468, 428, "2998.579"), revised(1, 468, 428, "2998.579")},
		{revised(1, 468, 448, "2998.576"), revised(1, 468, 448, "2998.576")}, // revision: replaces
		{revised(1, 468, 428, "2998.579"), revised(1, 468, 448, "2998.576")}, // the first value again: ignored
		{revised(1, 468, 448, "1"), revised(1, 468, 448, "2998.576")},        // same version: ignored
		{revised(1, 488, 448, "3010.1"), revised(1, 488, 448, "3010.1")},
		{revised(1, 468, 9999, "5"), revised(1, 488, 448, "3010.1")}, // older height, whatever its loss height
	}
	for i, s := range steps {
		mustPutInference(t, st, s.put)
		if d := diffInference(mustLatest(t, st, 1), s.want); d != "" {
			t.Errorf("after put %d (height %d, loss %d): %s", i, s.put.BlockHeight, s.put.LossBlockHeight, d)
		}
	}
	h, err := st.InferenceHistory(context.Background(), 1, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []oracle.Inference{revised(1, 488, 448, "3010.1"), revised(1, 468, 448, "2998.576")}
	if len(h) != len(want) {
		t.Fatalf("history has %d entries, want %d (one per height, its last value): %v", len(h), len(want), h)
	}
	for i := range want {
		if d := diffInference(h[i], want[i]); d != "" {
			t.Errorf("history[%d]: %s", i, d)
		}
	}
}

// What a chain holds moves forward on the version too.
func testChainTopicRevision(t *testing.T, st store.Store) {
	first := oracle.ChainTopic{TopicID: 1, BlockHeight: 468, LossBlockHeight: 428, Value: big.NewInt(100), Timestamp: 1_750_000_000}
	revision := oracle.ChainTopic{TopicID: 1, BlockHeight: 468, LossBlockHeight: 448, Value: big.NewInt(200), Timestamp: 1_750_000_000}
	mustPutChainTopic(t, st, 56, first)
	mustPutChainTopic(t, st, 56, revision)
	if d := diffChainTopic(chainTopic(t, st, 56, 1), revision); d != "" {
		t.Errorf("after the revision: %s", d)
	}
	mustPutChainTopic(t, st, 56, first) // a stale read of the chain
	if d := diffChainTopic(chainTopic(t, st, 56, 1), revision); d != "" {
		t.Errorf("after a stale write: %s", d)
	}
}

func testInferenceNotFound(t *testing.T, st store.Store) {
	if err := st.PutInference(context.Background(), oracle.ScaledInference{Inference: inference(7, 1, "1")}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutInference without a scaled value: %v, want ErrInvalid", err)
	}
	mustPutInference(t, st, inference(1, 68, "3012.5"))
	if err := st.PutTopic(context.Background(), oracle.Topic{ID: 7, Metadata: "no inference yet"}); err != nil {
		t.Fatalf("PutTopic: %v", err)
	}
	for _, id := range []uint64{7, 0, 18446744073709551615} {
		_, err := st.LatestInference(context.Background(), id)
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("LatestInference(%d) error = %v, want one wrapping store.ErrNotFound", id, err)
			continue
		}
		if name := fmt.Sprintf("topic %d", id); !strings.Contains(err.Error(), name) {
			t.Errorf("LatestInference(%d) error %q does not name %q", id, err, name)
		}
	}
}

func testInferenceRoundTrip(t *testing.T, st store.Store) {
	want := []oracle.Inference{
		{
			TopicID: 1, BlockHeight: 68,
			Value:     "3001.9999999999999999999999999999993",
			Timestamp: base,
			ConfidenceIntervals: []oracle.ConfidenceInterval{
				{Percentile: "2.28", Value: "2990.000000000000000001"},
				{Percentile: "97.72", Value: "3013.5"},
			},
		},
		// No confidence intervals; a timestamp in another zone.
		{TopicID: 2, BlockHeight: 1, Value: "-12.000000000000000001", Timestamp: base.In(time.FixedZone("UTC+8", 8*3600))},
	}
	for _, inf := range want {
		mustPutInference(t, st, inf)
	}
	for _, w := range want {
		if d := diffInference(mustLatest(t, st, w.TopicID), w); d != "" {
			t.Errorf("topic %d: %s", w.TopicID, d)
		}
	}
}

func testInferenceNoAliasing(t *testing.T, st store.Store) {
	put := inference(1, 68, "3012.5")
	mustPutInference(t, st, put)
	put.ConfidenceIntervals[0].Value = "changed after put"

	got := mustLatest(t, st, 1)
	if d := diffInference(got, inference(1, 68, "3012.5")); d != "" {
		t.Fatalf("editing the put inference changed the store: %s", d)
	}
	got.ConfidenceIntervals[1].Value = "changed after get"
	got.ConfidenceIntervals = append(got.ConfidenceIntervals[:1], oracle.ConfidenceInterval{Percentile: "x", Value: "y"})
	if d := diffInference(mustLatest(t, st, 1), inference(1, 68, "3012.5")); d != "" {
		t.Errorf("editing the returned inference changed the store: %s", d)
	}
}

func testChainsOrdered(t *testing.T, st store.Store) {
	ctx := context.Background()
	for _, c := range []oracle.Chain{
		{ID: 324, Name: "zksync", Oracle: oracleZK},
		{ID: 56, Name: "bnb", Oracle: oracleBNB},
		{ID: 146, Name: "sonic", Oracle: oracleSonic},
	} {
		if err := st.PutChain(ctx, c); err != nil {
			t.Fatalf("PutChain(%d): %v", c.ID, err)
		}
	}
	for _, put := range []struct {
		chain, topic uint64
	}{{56, 14}, {324, 2}, {56, 1}, {56, 3}, {146, 1}, {324, 1}} {
		mustPutChainTopic(t, st, put.chain, oracle.ChainTopic{TopicID: put.topic, BlockHeight: 10})
	}
	// Re-putting a chain renames it and keeps its topics.
	feeds := map[uint64]common.Address{1: oracleSonic, 14: oracleZK}
	if err := st.PutChain(ctx, oracle.Chain{ID: 56, Name: "bsc", Oracle: oracleBNB, Feeds: feeds}); err != nil {
		t.Fatalf("PutChain(56): %v", err)
	}
	feeds[1] = oracleBNB // the store keeps its own copy
	// A writer that knows no feeds (the relayer) keeps those stored.
	if err := st.PutChain(ctx, oracle.Chain{ID: 56, Name: "bsc", Oracle: oracleBNB}); err != nil {
		t.Fatalf("PutChain(56): %v", err)
	}

	got := mustChains(t, st)
	if f := got[0].Feeds; len(f) != 2 || f[1] != oracleSonic || f[14] != oracleZK {
		t.Errorf("chain 56 feeds %v, want topic 1 at %s and 14 at %s", f, oracleSonic.Hex(), oracleZK.Hex())
	}
	if len(got[1].Feeds) != 0 {
		t.Errorf("chain 146 feeds %v, want none", got[1].Feeds)
	}
	want := []struct {
		id     uint64
		name   string
		oracle common.Address
		topics []uint64
	}{
		{56, "bsc", oracleBNB, []uint64{1, 3, 14}},
		{146, "sonic", oracleSonic, []uint64{1}},
		{324, "zksync", oracleZK, []uint64{1, 2}},
	}
	if len(got) != len(want) {
		t.Fatalf("Chains() returned %d chains, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		var ids []uint64
		for _, ct := range g.Topics {
			ids = append(ids, ct.TopicID)
		}
		if g.ID != w.id || g.Name != w.name || g.Oracle != w.oracle || fmt.Sprint(ids) != fmt.Sprint(w.topics) {
			t.Errorf("chain %d = {%d %q %s topics %v}, want {%d %q %s topics %v}",
				i, g.ID, g.Name, g.Oracle, ids, w.id, w.name, w.oracle, w.topics)
		}
	}
}

func testChainRegisteredByTopic(t *testing.T, st store.Store) {
	mustPutChainTopic(t, st, 146, oracle.ChainTopic{TopicID: 1, BlockHeight: 3})
	got := mustChains(t, st)
	if len(got) != 1 || got[0].ID != 146 || got[0].Name != "" || len(got[0].Topics) != 1 {
		t.Fatalf("Chains() = %+v, want chain 146 without a name and with topic 1", got)
	}
	// A chain registered without topics is listed with none.
	if err := st.PutChain(context.Background(), oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleBNB}); err != nil {
		t.Fatalf("PutChain: %v", err)
	}
	// Naming the chain later keeps the topic.
	if err := st.PutChain(context.Background(), oracle.Chain{ID: 146, Name: "sonic", Oracle: oracleSonic}); err != nil {
		t.Fatalf("PutChain: %v", err)
	}
	got = mustChains(t, st)
	if len(got) != 2 || got[0].ID != 56 || len(got[0].Topics) != 0 ||
		got[1].ID != 146 || got[1].Name != "sonic" || got[1].Oracle != oracleSonic || len(got[1].Topics) != 1 {
		t.Errorf("Chains() = %+v, want bnb without topics, then sonic with topic 1", got)
	}
}

func testChainTopicRoundTrip(t *testing.T, st store.Store) {
	want := []oracle.ChainTopic{
		{TopicID: 1, BlockHeight: 68, Value: scaled(t, "3012500000000000000000"), Timestamp: 1795550400, LastPush: base, TxHash: txA, PushBlock: 1 << 63},
		// The most negative int256, at a height beyond int64.
		{TopicID: 9, BlockHeight: 1 << 63, Value: scaled(t, "-57896044618658097711785492504343953926634992332820282019728792003956564819968"), Timestamp: 1795550401},
		// Never set on chain, never pushed.
		{TopicID: 14},
	}
	for _, ct := range want {
		mustPutChainTopic(t, st, 56, ct)
	}
	for _, w := range want {
		if d := diffChainTopic(chainTopic(t, st, 56, w.TopicID), w); d != "" {
			t.Errorf("topic %d: %s", w.TopicID, d)
		}
	}
}

func testChainTopicNeverLowers(t *testing.T, st store.Store) {
	v68 := scaled(t, "3012500000000000000000")
	v80 := scaled(t, "3020250000000000000000")
	steps := []struct {
		name string
		put  oracle.ChainTopic
		want oracle.ChainTopic
	}{
		{"first", oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: v68, Timestamp: 100},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: v68, Timestamp: 100}},
		{"newer", oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160}},
		{"older keeps height, value and time", oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: v68, Timestamp: 100},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160}},
		{"zero keeps everything", oracle.ChainTopic{TopicID: 1},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160}},
		{"older still records the push", oracle.ChainTopic{TopicID: 1, BlockHeight: 70, Value: v68, Timestamp: 110, LastPush: base, TxHash: txA},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160, LastPush: base, TxHash: txA}},
	}
	for _, s := range steps {
		mustPutChainTopic(t, st, 56, s.put)
		if d := diffChainTopic(chainTopic(t, st, 56, 1), s.want); d != "" {
			t.Errorf("%s: %s", s.name, d)
		}
	}
}

func testChainTopicKeepsLastPush(t *testing.T, st store.Store) {
	v68 := scaled(t, "3012500000000000000000")
	v80 := scaled(t, "-1")
	later := base.Add(time.Minute)
	steps := []struct {
		name string
		put  oracle.ChainTopic
		want oracle.ChainTopic
	}{
		{"pushed", oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: v68, Timestamp: 100, LastPush: base, TxHash: txA, PushBlock: 1000},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: v68, Timestamp: 100, LastPush: base, TxHash: txA, PushBlock: 1000}},
		{"read from chain without push", oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160, LastPush: base, TxHash: txA, PushBlock: 1000}},
		{"same height again, no value", oracle.ChainTopic{TopicID: 1, BlockHeight: 80},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160, LastPush: base, TxHash: txA, PushBlock: 1000}},
		{"pushed again", oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160, LastPush: later, TxHash: txB, PushBlock: 1010},
			oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160, LastPush: later, TxHash: txB, PushBlock: 1010}},
	}
	// A push whose block is unknown does not keep the previous push's block.
	steps = append(steps, struct {
		name string
		put  oracle.ChainTopic
		want oracle.ChainTopic
	}{"pushed, block unknown", oracle.ChainTopic{TopicID: 1, BlockHeight: 80, LastPush: later, TxHash: txA},
		oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: v80, Timestamp: 160, LastPush: later, TxHash: txA}})
	for _, s := range steps {
		mustPutChainTopic(t, st, 324, s.put)
		if d := diffChainTopic(chainTopic(t, st, 324, 1), s.want); d != "" {
			t.Errorf("%s: %s", s.name, d)
		}
	}
}

func testChainTopicNoAliasing(t *testing.T, st store.Store) {
	v := scaled(t, "3012500000000000000000")
	mustPutChainTopic(t, st, 56, oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: v})
	v.SetInt64(1)

	want := oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: scaled(t, "3012500000000000000000")}
	got := chainTopic(t, st, 56, 1)
	if d := diffChainTopic(got, want); d != "" {
		t.Fatalf("editing the put value changed the store: %s", d)
	}
	got.Value.SetInt64(2)
	chains := mustChains(t, st)
	chains[0].Topics[0].BlockHeight = 1
	chains[0].Topics[0].Value.SetInt64(3)
	chains[0].Name = "changed"
	if d := diffChainTopic(chainTopic(t, st, 56, 1), want); d != "" {
		t.Errorf("editing the returned state changed the store: %s", d)
	}
	if name := mustChains(t, st)[0].Name; name != "" {
		t.Errorf("editing the returned chain renamed it to %q", name)
	}
}

func testCancelledContext(t *testing.T, st store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func() error{
		"PutTopic":        func() error { return st.PutTopic(ctx, oracle.Topic{ID: 1}) },
		"Topics":          func() error { _, err := st.Topics(ctx); return err },
		"PutInference":    func() error { return st.PutInference(ctx, scaledInference(inference(1, 1, "1"))) },
		"LatestInference": func() error { _, err := st.LatestInference(ctx, 1); return err },
		"PutChain":        func() error { return st.PutChain(ctx, oracle.Chain{ID: 56}) },
		"PutChainTopic":   func() error { return st.PutChainTopic(ctx, 56, oracle.ChainTopic{TopicID: 1}) },
		"Chains":          func() error { _, err := st.Chains(ctx); return err },

		"InferenceHistory": func() error { _, err := st.InferenceHistory(ctx, 1, 10, 0); return err },
		"RecordPush":       func() error { return st.RecordPush(ctx, 56, store.Push{TxHash: txA}) },
		"Pushes":           func() error { _, err := st.Pushes(ctx, 56, 10); return err },
		"JournalPut":       func() error { return st.JournalPut(ctx, store.JournalEntry{ChainID: 56, Nonce: 1}) },
		"JournalPending":   func() error { _, err := st.JournalPending(ctx, 56); return err },
		"JournalDone":      func() error { return st.JournalDone(ctx, 56, 1) },
		"JournalFence":     func() error { return st.JournalFence(ctx, 56, 1) },
		"JournalPutFenced": func() error { return st.JournalPutFenced(ctx, 1, store.JournalEntry{ChainID: 56, Nonce: 1}) },
		"EnqueueRequest":   func() error { return st.EnqueueRequest(ctx, request(56, 1, txA, 0, 1)) },
		"NextRequests":     func() error { _, err := st.NextRequests(ctx, 56, 10); return err },
		"AckRequest":       func() error { return st.AckRequest(ctx, request(56, 1, txA, 0, 1)) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: error %v, want one wrapping context.Canceled", name, err)
		}
	}
}

// testConcurrentWriters races writers delivering heights out of order with readers;
// whatever the interleaving, each topic must end at its highest height. Run it under
// -race.
func testConcurrentWriters(t *testing.T, st store.Store) {
	ctx := context.Background()
	const (
		writers = 8
		heights = 50
		topics  = 3
	)
	var wg sync.WaitGroup
	errs := make(chan error, writers*heights*(topics*2+3)) // room for every call to fail
	for w := range writers {
		wg.Go(func() {
			for i := range heights {
				// Each writer walks the heights in a different order.
				h := uint64((i*7+w*13)%heights + 1)
				for topic := uint64(1); topic <= topics; topic++ {
					if err := st.PutInference(ctx, scaledInference(inference(topic, h, fmt.Sprintf("%d.5", h)))); err != nil {
						errs <- err
					}
					ct := oracle.ChainTopic{TopicID: topic, BlockHeight: h, Value: big.NewInt(int64(h)), Timestamp: h}
					if h%10 == uint64(w) {
						ct.LastPush, ct.TxHash = base.Add(time.Duration(h)*time.Second), txA
					}
					if err := st.PutChainTopic(ctx, 56, ct); err != nil {
						errs <- err
					}
				}
			}
		})
		wg.Go(func() {
			for range heights {
				if _, err := st.Chains(ctx); err != nil {
					errs <- err
				}
				if _, err := st.Topics(ctx); err != nil {
					errs <- err
				}
				if _, err := st.LatestInference(ctx, 1); err != nil && !errors.Is(err, store.ErrNotFound) {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for topic := uint64(1); topic <= topics; topic++ {
		if d := diffInference(mustLatest(t, st, topic), inference(topic, heights, fmt.Sprintf("%d.5", heights))); d != "" {
			t.Errorf("topic %d inference: %s", topic, d)
		}
		// Racing writers append only what they store, so the history is strictly
		// newest first and ends at the last height.
		hist := heightsOf(mustHistory(t, st, topic, 2*heights, 0))
		for i := range hist {
			if hist[0] != heights || (i > 0 && hist[i] >= hist[i-1]) {
				t.Errorf("topic %d history heights %v: want strictly decreasing from %d", topic, hist, heights)
				break
			}
		}
		got := chainTopic(t, st, 56, topic)
		if got.BlockHeight != heights || got.Value == nil || got.Value.Int64() != heights || got.Timestamp != heights {
			t.Errorf("chain 56 topic %d = height %d value %v timestamp %d, want %d each", topic, got.BlockHeight, got.Value, got.Timestamp, heights)
		}
		if got.LastPush.IsZero() || got.TxHash != txA {
			t.Errorf("chain 56 topic %d lost its push: last push %s, tx %s", topic, got.LastPush, got.TxHash)
		}
	}
}

// testChainFinal checks a chain's final block is kept beside its metadata: registered
// by the first write, raised by a higher block, kept by a lower one, and left alone by
// PutChain.
func testChainFinal(t *testing.T, st store.Store) {
	ctx := context.Background()
	final := func() uint64 {
		t.Helper()
		for _, c := range mustChains(t, st) {
			if c.ID == 146 {
				return c.FinalBlock
			}
		}
		t.Fatal("chain 146 not registered")
		return 0
	}
	for _, s := range []struct {
		put, want uint64
	}{{100, 100}, {1 << 63, 1 << 63}, {99, 1 << 63}} {
		if err := st.PutChainFinal(ctx, 146, s.put); err != nil {
			t.Fatalf("PutChainFinal(146, %d): %v", s.put, err)
		}
		if got := final(); got != s.want {
			t.Errorf("after PutChainFinal(146, %d): final block %d, want %d", s.put, got, s.want)
		}
	}
	if err := st.PutChain(ctx, oracle.Chain{ID: 146, Name: "sonic", Oracle: oracleSonic}); err != nil {
		t.Fatal(err)
	}
	if got := final(); got != 1<<63 {
		t.Errorf("PutChain changed the final block to %d", got)
	}
	if err := st.PutChainFinal(ctx, 56, 7); err != nil {
		t.Fatal(err)
	}
	if got := mustChains(t, st); len(got) != 2 || got[0].ID != 56 || got[0].FinalBlock != 7 {
		t.Errorf("chains after a final block of an unknown chain 56: %+v", got)
	}
}
