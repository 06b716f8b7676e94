package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"
	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		// The pull-mode test runs an in-process go-ethereum chain, which keeps a
		// package-level sender cache and leaves a leveldb drain goroutine behind after
		// its node closes; neither is the API's to stop.
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
	)
}

var (
	blockTime = time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	pushTime  = time.Date(2026, 11, 24, 20, 0, 7, 250_000_000, time.FixedZone("CET", 3600))
	pushTx    = common.HexToHash("0x8a3f5b0c2d1e4f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c")
)

func scaled(t testing.TB, s string) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad test value %q", s)
	}
	return v
}

// seededStore holds what a devnet relayer would have written a few epochs in: price
// topics with inferences, a log-return topic that may go negative, a topic without an
// inference yet, two topics whose latest value the oracle cannot carry, and three
// chains at different stages.
func seededStore(t testing.TB) *store.Memory {
	t.Helper()
	st := store.NewMemory()
	seed(t, st)
	return st
}

// seededRedis is seededStore's data in the Redis on 127.0.0.1:6379, under a prefix of
// the test's own that is deleted when it ends.
func seededRedis(t testing.TB) *store.Redis {
	t.Helper()
	return seededRedisAt(t, "127.0.0.1:6379")
}

// seededRedisAt is seededRedis reached at addr, such as a proxy in front of it.
func seededRedisAt(t testing.TB, addr string) *store.Redis {
	t.Helper()
	ctx := context.Background()
	prefix := fmt.Sprintf("allora-gateway-apitest-%d-%d", os.Getpid(), time.Now().UnixNano())
	st, closeFn, err := store.DialRedis(ctx, "redis://"+addr+"/0", prefix)
	if err != nil {
		t.Fatalf("the API's tests need Redis on 127.0.0.1:6379 (make test starts it): %v", err)
	}
	t.Cleanup(func() {
		rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
		defer rc.Close()
		iter := rc.Scan(ctx, 0, prefix+"*", 200).Iterator()
		for iter.Next(ctx) {
			rc.Del(ctx, iter.Val())
		}
		_ = closeFn()
	})
	seed(t, st)
	return st
}

// storeKinds are the stores every endpoint test runs over.
var storeKinds = []struct {
	name string
	make func(testing.TB) api.Reader
}{
	{"memory", func(t testing.TB) api.Reader { return seededStore(t) }},
	{"redis", func(t testing.TB) api.Reader { return seededRedis(t) }},
}

// scaledInference is inf as the relayer stores it: validated and scaled where it enters. The
// API does not judge values; the seed scales allowing negatives, so that topic 21
// shows one.
func scaledInference(t testing.TB, inf oracle.Inference) oracle.ScaledInference {
	t.Helper()
	s, err := oracle.NewScaledInference(inf, true)
	if err != nil {
		t.Fatalf("scale %+v: %v", inf, err)
	}
	return s
}

func seed(t testing.TB, st store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, tp := range []oracle.Topic{
		{ID: 1, Metadata: "ETH 5min Price Prediction", EpochLength: 12, GroundTruthLag: 12, WorkerSubmissionWindow: 5, EpochLastEnded: 72},
		{ID: 3, Metadata: "BTC 5min Price Prediction", EpochLength: 12, GroundTruthLag: 12, WorkerSubmissionWindow: 5, EpochLastEnded: 72},
		{ID: 9, Metadata: "ETH 8h Log-Return Prediction", EpochLength: 5760, GroundTruthLag: 5760, AllowNegative: true},
		{ID: 14, Metadata: "BTC 8h Price Prediction", EpochLength: 5760, GroundTruthLag: 5760},
		{ID: 21, Metadata: "SOL 5min Price Prediction", EpochLength: 12, GroundTruthLag: 12},
		{ID: 22, Metadata: "ARB 5min Price Prediction", EpochLength: 12, GroundTruthLag: 12},
	} {
		if err := st.PutTopic(ctx, tp); err != nil {
			t.Fatal(err)
		}
	}
	for _, inf := range []oracle.Inference{
		// Topic 1's history: two epochs before the latest.
		{TopicID: 1, BlockHeight: 44, Value: "2990", Timestamp: blockTime.Add(-2 * time.Minute)},
		{TopicID: 1, BlockHeight: 56, Value: "3001.25", Timestamp: blockTime.Add(-time.Minute)},
		{TopicID: 1, BlockHeight: 68, Value: "3012.5", Timestamp: blockTime, ConfidenceIntervals: []oracle.ConfidenceInterval{
			{Percentile: "15.87", Value: "3001.2"}, {Percentile: "84.13", Value: "3023.8"},
		}},
		// More digits than 18 decimals hold: rounded half to even when scaled.
		{TopicID: 3, BlockHeight: 70, Value: "97234.0000000000000000005000000000", Timestamp: blockTime.Add(10 * time.Second)},
		{TopicID: 9, BlockHeight: 5761, Value: "-0.012345678901234567891", Timestamp: blockTime.Add(-8 * time.Hour).Add(123 * time.Millisecond).In(time.FixedZone("PST", -8*3600))},
		{TopicID: 21, BlockHeight: 70, Value: "-5.25", Timestamp: blockTime},
		{TopicID: 22, BlockHeight: 70, Value: "0.5", Timestamp: blockTime},
	} {
		if err := st.PutInference(ctx, scaledInference(t, inf)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []oracle.Chain{
		{ID: 324, Name: "zksync", Oracle: common.HexToAddress("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512")},
		{ID: 56, Name: "bnb", Oracle: common.HexToAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
			Feeds: map[uint64]common.Address{3: common.HexToAddress("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"), 1: common.HexToAddress("0xdc64a140aa3e981100a9beca4e685f962f0cf6c9")}},
		{ID: 146, Name: "sonic", Oracle: common.HexToAddress("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0")},
	} {
		if err := st.PutChain(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, ct := range []struct {
		chain uint64
		topic oracle.ChainTopic
	}{
		// Behind Allora by 8 blocks, last pushed by this gateway, included and not final.
		{56, oracle.ChainTopic{TopicID: 1, BlockHeight: 60, Value: scaled(t, "3000500000000000000000"), Timestamp: 1795550360, LastPush: pushTime, TxHash: pushTx, PushBlock: 1200}},
		// Current, set by another submitter.
		{56, oracle.ChainTopic{TopicID: 3, BlockHeight: 70, Value: scaled(t, "97234000000000000000000"), Timestamp: 1795550410}},
		// Never set on chain.
		{56, oracle.ChainTopic{TopicID: 9}},
		// Pushed and final.
		{324, oracle.ChainTopic{TopicID: 1, BlockHeight: 68, Value: scaled(t, "3012500000000000000000"), Timestamp: 1795550400, LastPush: pushTime, TxHash: pushTx, PushBlock: 500}},
		// Ahead of the store (the store lags the chain): no negative lag.
		{324, oracle.ChainTopic{TopicID: 3, BlockHeight: 75, Value: scaled(t, "97300000000000000000000"), Timestamp: 1795550435}},
		// No inference in the store yet.
		{324, oracle.ChainTopic{TopicID: 14, BlockHeight: 0}},
	} {
		if err := st.PutChainTopic(ctx, ct.chain, ct.topic); err != nil {
			t.Fatal(err)
		}
	}
	for chain, final := range map[uint64]uint64{56: 1190, 324: 520} {
		if err := st.PutChainFinal(ctx, chain, final); err != nil {
			t.Fatal(err)
		}
	}
	seedMarkets(t, st)
}

const requestID = "req-7f3a"

// do sends one request through h with a fixed request id.
func do(t testing.TB, h http.Handler, method, target string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Header.Set("X-Request-Id", requestID)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// assertJSON checks the status, the content type and that the body is the JSON
// document want: the same members with the same values, nothing more.
func assertJSON(t *testing.T, res *http.Response, wantStatus int, wantType, want string) {
	t.Helper()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != wantStatus {
		t.Errorf("status %d, want %d; body %s", res.StatusCode, wantStatus, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != wantType {
		t.Errorf("Content-Type %q, want %q", ct, wantType)
	}
	if id := res.Header.Get("X-Request-Id"); id != requestID {
		t.Errorf("X-Request-Id %q, want %q", id, requestID)
	}
	got, err := decodeExact(body)
	if err != nil {
		t.Fatalf("response body %s: %v", body, err)
	}
	exp, err := decodeExact([]byte(want))
	if err != nil {
		t.Fatalf("expected body %s: %v", want, err)
	}
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("body\n %s\nwant\n %s", bytes.TrimSpace(body), want)
	}
}

// decodeExact decodes JSON keeping numbers as written, so that large integers compare
// exactly.
func decodeExact(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after the JSON value")
	}
	return v, nil
}

func problemJSON(status int, detail, instance string) string {
	b, err := json.Marshal(map[string]any{
		"type": "about:blank", "title": http.StatusText(status), "status": status,
		"detail": detail, "instance": instance, "request_id": requestID,
	})
	if err != nil {
		panic(err)
	}
	return string(b)
}

const (
	jsonType    = "application/json"
	problemType = "application/problem+json"
)

// endpointCase is one request to a handler over seededStore and the answer it must get.
type endpointCase struct {
	name, method, path string
	status             int
	contentType        string
	body               string
}

// endpointCases covers every route and every error the handlers answer; the OpenAPI
// test sends the same requests and checks the answers against the document.
var endpointCases = []endpointCase{
	{"health", "GET", "/healthz", 200, jsonType, `{"status":"ok"}`},
	{"topics", "GET", "/v1/topics", 200, jsonType, `{"topics":[
			{"topic_id":1,"metadata":"ETH 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":68},
			{"topic_id":3,"metadata":"BTC 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":70},
			{"topic_id":9,"metadata":"ETH 8h Log-Return Prediction","epoch_length":5760,"ground_truth_lag":5760,"allow_negative":true,"latest_block_height":5761},
			{"topic_id":14,"metadata":"BTC 8h Price Prediction","epoch_length":5760,"ground_truth_lag":5760,"allow_negative":false},
			{"topic_id":21,"metadata":"SOL 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":70},
			{"topic_id":22,"metadata":"ARB 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":70}]}`},
	{"inference", "GET", "/v1/topics/1/inference", 200, jsonType, `{"topic_id":1,"value":"3012.5",
			"value_scaled":"3012500000000000000000","decimals":18,"block_height":68,"loss_block_height":0,"timestamp":"2026-11-24T20:00:00Z",
			"confidence_intervals":[{"percentile":"15.87","value":"3001.2"},{"percentile":"84.13","value":"3023.8"}]}`},
	{"inference rounded, no intervals", "GET", "/v1/topics/3/inference", 200, jsonType, `{"topic_id":3,
			"value":"97234.0000000000000000005000000000","value_scaled":"97234000000000000000000","decimals":18,
			"block_height":70,"loss_block_height":0,"timestamp":"2026-11-24T20:00:10Z"}`},
	{"inference negative, time in UTC", "GET", "/v1/topics/9/inference", 200, jsonType, `{"topic_id":9,
			"value":"-0.012345678901234567891","value_scaled":"-12345678901234568","decimals":18,
			"block_height":5761,"loss_block_height":0,"timestamp":"2026-11-24T12:00:00.123Z"}`},
	{"inference with needlessly escaped id", "GET", "/v1/topics/%31/inference", 200, jsonType, `{"topic_id":1,"value":"3012.5",
			"value_scaled":"3012500000000000000000","decimals":18,"block_height":68,"loss_block_height":0,"timestamp":"2026-11-24T20:00:00Z",
			"confidence_intervals":[{"percentile":"15.87","value":"3001.2"},{"percentile":"84.13","value":"3023.8"}]}`},
	{"chains", "GET", "/v1/chains", 200, jsonType, `{"chains":[
			{"chain_id":56,"name":"bnb","oracle":"0x5FbDB2315678afecb367f032d93F642f64180aa3","final_block":1190,
				"feeds":[{"topic_id":1,"address":"0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9"},{"topic_id":3,"address":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"}],
				"markets":[{"market_id":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9","name":"ETH 5m","topic_id":1}],"topics":[
				{"topic_id":1,"block_height":60,"loss_block_height":0,"value_scaled":"3000500000000000000000","lag_blocks":8,"last_push":"2026-11-24T19:00:07.25Z","tx_hash":"0x8a3f5b0c2d1e4f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c","push_block":1200,"final":false},
				{"topic_id":3,"block_height":70,"loss_block_height":0,"value_scaled":"97234000000000000000000","lag_blocks":0},
				{"topic_id":9,"block_height":0,"loss_block_height":0,"lag_blocks":5761}]},
			{"chain_id":146,"name":"sonic","oracle":"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0","final_block":0,"feeds":[],"markets":[],"topics":[]},
			{"chain_id":324,"name":"zksync","oracle":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512","final_block":520,"feeds":[],
				"markets":[{"market_id":"0x0165878A594ca255338adfa4d48449f69242Eb8F","name":"ETH 5m","topic_id":1}],"topics":[
				{"topic_id":1,"block_height":68,"loss_block_height":0,"value_scaled":"3012500000000000000000","lag_blocks":0,"last_push":"2026-11-24T19:00:07.25Z","tx_hash":"0x8a3f5b0c2d1e4f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c","push_block":500,"final":true},
				{"topic_id":3,"block_height":75,"loss_block_height":0,"value_scaled":"97300000000000000000000","lag_blocks":0},
				{"topic_id":14,"block_height":0,"loss_block_height":0,"lag_blocks":0}]}]}`},

	{"history", "GET", "/v1/topics/1/history", 200, jsonType, `{"topic_id":1,"inferences":[
			{"topic_id":1,"value":"3012.5","value_scaled":"3012500000000000000000","decimals":18,"block_height":68,"loss_block_height":0,"timestamp":"2026-11-24T20:00:00Z",
			 "confidence_intervals":[{"percentile":"15.87","value":"3001.2"},{"percentile":"84.13","value":"3023.8"}]},
			{"topic_id":1,"value":"3001.25","value_scaled":"3001250000000000000000","decimals":18,"block_height":56,"loss_block_height":0,"timestamp":"2026-11-24T19:59:00Z"},
			{"topic_id":1,"value":"2990","value_scaled":"2990000000000000000000","decimals":18,"block_height":44,"loss_block_height":0,"timestamp":"2026-11-24T19:58:00Z"}]}`},
	{"history first page", "GET", "/v1/topics/1/history?limit=2", 200, jsonType, `{"topic_id":1,"inferences":[
			{"topic_id":1,"value":"3012.5","value_scaled":"3012500000000000000000","decimals":18,"block_height":68,"loss_block_height":0,"timestamp":"2026-11-24T20:00:00Z",
			 "confidence_intervals":[{"percentile":"15.87","value":"3001.2"},{"percentile":"84.13","value":"3023.8"}]},
			{"topic_id":1,"value":"3001.25","value_scaled":"3001250000000000000000","decimals":18,"block_height":56,"loss_block_height":0,"timestamp":"2026-11-24T19:59:00Z"}],
			"next_cursor":"56"}`},
	{"history last page", "GET", "/v1/topics/1/history?limit=2&cursor=56", 200, jsonType, `{"topic_id":1,"inferences":[
			{"topic_id":1,"value":"2990","value_scaled":"2990000000000000000000","decimals":18,"block_height":44,"loss_block_height":0,"timestamp":"2026-11-24T19:58:00Z"}]}`},
	{"history past the end", "GET", "/v1/topics/1/history?cursor=44", 200, jsonType, `{"topic_id":1,"inferences":[]}`},
	{"history of a topic without inferences", "GET", "/v1/topics/14/history?limit=500", 200, jsonType, `{"topic_id":14,"inferences":[]}`},
	{"history of an unknown topic", "GET", "/v1/topics/42/history", 404, problemType,
		problemJSON(404, "topic 42 is not known", "/v1/topics/42/history")},
	{"history with a bad id", "GET", "/v1/topics/01/history", 400, problemType,
		problemJSON(400, `topic id "01" has leading zeros`, "/v1/topics/01/history")},
	{"history limit too large", "GET", "/v1/topics/1/history?limit=501", 400, problemType,
		problemJSON(400, "limit 501 is out of range; it must be from 1 to 500", "/v1/topics/1/history")},
	{"history limit zero", "GET", "/v1/topics/1/history?limit=0", 400, problemType,
		problemJSON(400, "limit 0 is out of range; it must be from 1 to 500", "/v1/topics/1/history")},
	{"history limit not a number", "GET", "/v1/topics/1/history?limit=ten", 400, problemType,
		problemJSON(400, `limit "ten" is not a decimal integer from 1 to 500`, "/v1/topics/1/history")},
	{"history limit empty", "GET", "/v1/topics/1/history?limit=", 400, problemType,
		problemJSON(400, `limit "" is not a decimal integer from 1 to 500`, "/v1/topics/1/history")},
	{"history limit twice", "GET", "/v1/topics/1/history?limit=1&limit=2", 400, problemType,
		problemJSON(400, "limit is given 2 times; give it once", "/v1/topics/1/history")},
	{"history cursor garbage", "GET", "/v1/topics/1/history?cursor=abc", 400, problemType,
		problemJSON(400, `cursor "abc" is not one this API handed out; pass back a next_cursor unchanged`, "/v1/topics/1/history")},
	{"history cursor zero", "GET", "/v1/topics/1/history?cursor=0", 400, problemType,
		problemJSON(400, `cursor "0" is not one this API handed out; pass back a next_cursor unchanged`, "/v1/topics/1/history")},

	{"stream topics not a number", "GET", "/v1/stream?topics=1,eth", 400, problemType,
		problemJSON(400, `topic id "eth" is not a decimal integer`, "/v1/stream")},
	{"stream topics empty", "GET", "/v1/stream?topics=", 400, problemType,
		problemJSON(400, "topic id is empty", "/v1/stream")},
	{"stream topics twice", "GET", "/v1/stream?topics=1&topics=2", 400, problemType,
		problemJSON(400, "topics is given 2 times; give it once, comma-separated", "/v1/stream")},

	{"id not a number", "GET", "/v1/topics/eth/inference", 400, problemType,
		problemJSON(400, `topic id "eth" is not a decimal integer`, "/v1/topics/eth/inference")},
	{"id decimal fraction", "GET", "/v1/topics/1.5/inference", 400, problemType,
		problemJSON(400, `topic id "1.5" is not a decimal integer`, "/v1/topics/1.5/inference")},
	{"id negative", "GET", "/v1/topics/-1/inference", 400, problemType,
		problemJSON(400, `topic id "-1" is negative; topic ids are unsigned integers`, "/v1/topics/-1/inference")},
	{"id overflows uint64", "GET", "/v1/topics/18446744073709551616/inference", 400, problemType,
		problemJSON(400, `topic id "18446744073709551616" is larger than the largest topic id, 18446744073709551615`, "/v1/topics/18446744073709551616/inference")},
	{"id with plus", "GET", "/v1/topics/+1/inference", 400, problemType,
		problemJSON(400, `topic id "+1" has a sign; write the digits alone`, "/v1/topics/+1/inference")},
	{"id with escaped plus", "GET", "/v1/topics/%2B1/inference", 400, problemType,
		problemJSON(400, `topic id "+1" has a sign; write the digits alone`, "/v1/topics/%2B1/inference")},
	{"id with space", "GET", "/v1/topics/%201/inference", 400, problemType,
		problemJSON(400, `topic id " 1" contains whitespace; write the digits alone`, "/v1/topics/%201/inference")},
	{"id with trailing tab", "GET", "/v1/topics/1%09/inference", 400, problemType,
		problemJSON(400, `topic id "1\t" contains whitespace; write the digits alone`, "/v1/topics/1%09/inference")},
	{"id empty", "GET", "/v1/topics//inference", 400, problemType,
		problemJSON(400, "topic id is empty", "/v1/topics//inference")},
	{"id with leading zero", "GET", "/v1/topics/01/inference", 400, problemType,
		problemJSON(400, `topic id "01" has leading zeros`, "/v1/topics/01/inference")},
	{"id with escaped slash", "GET", "/v1/topics/1%2F2/inference", 400, problemType,
		problemJSON(400, `topic id "1/2" is not a decimal integer`, "/v1/topics/1%2F2/inference")},
	{"id very long", "GET", "/v1/topics/" + strings.Repeat("9", 40) + "/inference", 400, problemType,
		problemJSON(400, `topic id "`+strings.Repeat("9", 32)+`"… is larger than the largest topic id, 18446744073709551615`, "/v1/topics/"+strings.Repeat("9", 40)+"/inference")},

	{"unknown topic", "GET", "/v1/topics/42/inference", 404, problemType,
		problemJSON(404, "topic 42 is not known", "/v1/topics/42/inference")},
	{"largest id, unknown", "GET", "/v1/topics/18446744073709551615/inference", 404, problemType,
		problemJSON(404, "topic 18446744073709551615 is not known", "/v1/topics/18446744073709551615/inference")},
	{"no inference yet", "GET", "/v1/topics/14/inference", 404, problemType,
		problemJSON(404, "topic 14 has no inference yet", "/v1/topics/14/inference")},
	{"unknown route", "GET", "/v1/oracles", 404, problemType,
		problemJSON(404, "no route for /v1/oracles", "/v1/oracles")},
	{"topic without sub-resource", "GET", "/v1/topics/1", 404, problemType,
		problemJSON(404, "no route for /v1/topics/1", "/v1/topics/1")},
	{"unknown dashboard file", "GET", "/dashboard/nope.js", 404, problemType, problemJSON(404, "no route for /dashboard/nope.js", "/dashboard/nope.js")},

	{"query with a bare percent", "GET", "/v1/topics/1/accuracy?chain=%", 400, problemType,
		problemJSON(400, `the query string is not valid URL encoding: invalid URL escape "%"`, "/v1/topics/1/accuracy")},
	{"query with a bad escape", "GET", "/v1/topics/1/history?limit=%zz", 400, problemType,
		problemJSON(400, `the query string is not valid URL encoding: invalid URL escape "%zz"`, "/v1/topics/1/history")},
	{"query with a semicolon", "GET", "/v1/topics/1/history?limit=1;cursor=5", 400, problemType,
		problemJSON(400, "the query string is not valid URL encoding: invalid semicolon separator in query", "/v1/topics/1/history")},

	{"post topics", "POST", "/v1/topics", 405, problemType,
		problemJSON(405, "POST is not allowed here; this route answers GET and HEAD", "/v1/topics")},
	{"delete inference", "DELETE", "/v1/topics/1/inference", 405, problemType,
		problemJSON(405, "DELETE is not allowed here; this route answers GET and HEAD", "/v1/topics/1/inference")},
	{"put health", "PUT", "/healthz", 405, problemType,
		problemJSON(405, "PUT is not allowed here; this route answers GET and HEAD", "/healthz")},
	{"method chi does not know", "PROPFIND", "/v1/chains", 405, problemType,
		problemJSON(405, "PROPFIND is not allowed here; this route answers GET and HEAD", "/v1/chains")},
}

func TestEndpoints(t *testing.T) {
	for _, kind := range storeKinds {
		t.Run(kind.name, func(t *testing.T) { testEndpoints(t, kind.make(t)) })
	}
}

func testEndpoints(t *testing.T, st api.Reader) {
	h := api.New(st).Handler()
	for _, tc := range endpointCases {
		t.Run(tc.name, func(t *testing.T) {
			res := do(t, h, tc.method, tc.path)
			assertJSON(t, res, tc.status, tc.contentType, tc.body)
			if tc.status == http.StatusMethodNotAllowed {
				if allow := res.Header.Get("Allow"); allow != "GET, HEAD" {
					t.Errorf("Allow %q, want GET, HEAD", allow)
				}
			}
		})
	}
}

func TestEmptyStore(t *testing.T) {
	h := api.New(store.NewMemory()).Handler()
	assertJSON(t, do(t, h, "GET", "/v1/topics"), 200, jsonType, `{"topics":[]}`)
	assertJSON(t, do(t, h, "GET", "/v1/chains"), 200, jsonType, `{"chains":[]}`)
	assertJSON(t, do(t, h, "GET", "/v1/topics/1/inference"), 404, problemType,
		problemJSON(404, "topic 1 is not known", "/v1/topics/1/inference"))
}

func TestHealthzVersion(t *testing.T) {
	h := api.New(store.NewMemory(), api.WithVersion("v0.3.1")).Handler()
	assertJSON(t, do(t, h, "GET", "/healthz"), 200, jsonType, `{"status":"ok","version":"v0.3.1"}`)
}

func TestRequestIDGenerated(t *testing.T) {
	h := api.New(store.NewMemory()).Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/nope", nil))
	id := rec.Header().Get("X-Request-Id")
	if id == "" {
		t.Fatal("no X-Request-Id in the response")
	}
	var p struct {
		RequestID string `json:"request_id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.RequestID != id {
		t.Errorf("problem request_id %q, header %q", p.RequestID, id)
	}
}

// fakeReader answers from the functions it is given; calling one it was not given
// panics.
type fakeReader struct {
	topics  func(ctx context.Context) ([]oracle.Topic, error)
	latest  func(ctx context.Context, topicID uint64) (oracle.ScaledInference, error)
	chains  func(ctx context.Context) ([]oracle.ChainStatus, error)
	history func(ctx context.Context, topicID uint64, limit int, before uint64) ([]oracle.ScaledInference, error)
	// markets answers the market and price reads when given; nil panics like the rest.
	markets *store.Memory
}

// Subscribe fails: a fake reader carries no events, and its streams stay empty.
func (f fakeReader) Subscribe(context.Context) (<-chan store.Event, error) {
	return nil, errors.New("a fake reader carries no events")
}

func (f fakeReader) Markets(ctx context.Context) ([]store.Market, error) {
	return f.markets.Markets(ctx)
}
func (f fakeReader) Rounds(ctx context.Context, chainID uint64, m common.Address, limit int, before uint64) ([]store.Round, error) {
	return f.markets.Rounds(ctx, chainID, m, limit, before)
}
func (f fakeReader) Round(ctx context.Context, chainID uint64, m common.Address, epoch uint64) (store.Round, error) {
	return f.markets.Round(ctx, chainID, m, epoch)
}
func (f fakeReader) LatestPrice(ctx context.Context, asset string) (store.Price, error) {
	return f.markets.LatestPrice(ctx, asset)
}
func (f fakeReader) PricesBetween(ctx context.Context, asset string, from, to time.Time, limit int) ([]store.Price, error) {
	return f.markets.PricesBetween(ctx, asset, from, to, limit)
}

func (f fakeReader) Topics(ctx context.Context) ([]oracle.Topic, error) { return f.topics(ctx) }
func (f fakeReader) LatestInference(ctx context.Context, id uint64) (oracle.ScaledInference, error) {
	return f.latest(ctx, id)
}
func (f fakeReader) InferenceHistory(ctx context.Context, id uint64, limit int, before uint64) ([]oracle.ScaledInference, error) {
	if f.history == nil {
		return nil, nil
	}
	return f.history(ctx, id, limit, before)
}
func (f fakeReader) Chains(ctx context.Context) ([]oracle.ChainStatus, error) { return f.chains(ctx) }

// logBuffer collects a JSON slog handler's output.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// records returns the log records written so far.
func (b *logBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for line := range strings.Lines(b.buf.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, rec)
	}
	return out
}

func newLogger(b *logBuffer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// findLog returns the first record with message msg.
func findLog(t *testing.T, recs []map[string]any, msg string) map[string]any {
	t.Helper()
	for _, r := range recs {
		if r["msg"] == msg {
			return r
		}
	}
	t.Fatalf("no %q log record in %v", msg, recs)
	return nil
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	const secret = "dial tcp 10.0.7.3:6379: connect: connection refused (redis://:hunter2@cache)"
	storeErr := errors.New(secret)
	failing := fakeReader{
		topics: func(context.Context) ([]oracle.Topic, error) { return nil, storeErr },
		latest: func(context.Context, uint64) (oracle.ScaledInference, error) {
			return oracle.ScaledInference{}, storeErr
		},
		chains: func(context.Context) ([]oracle.ChainStatus, error) { return nil, storeErr },
	}
	// Topics answers but the inference read fails.
	failingLatest := failing
	failingLatest.topics = func(context.Context) ([]oracle.Topic, error) {
		return []oracle.Topic{{ID: 1, Metadata: "ETH 5min Price Prediction"}}, nil
	}
	failingLatest.chains = func(context.Context) ([]oracle.ChainStatus, error) {
		return []oracle.ChainStatus{{Chain: oracle.Chain{ID: 56}, Topics: []oracle.ChainTopic{{TopicID: 1}}}}, nil
	}
	failingLatest.markets = store.NewMemory()
	const detail = "the server could not answer this request; the request id identifies it in the server's logs"
	for _, tc := range []struct {
		name   string
		reader api.Reader
		path   string
	}{
		{"topics", failing, "/v1/topics"},
		{"inference", failing, "/v1/topics/1/inference"},
		{"chains", failing, "/v1/chains"},
		{"topics latest", failingLatest, "/v1/topics"},
		{"inference latest", failingLatest, "/v1/topics/1/inference"},
		{"chains latest", failingLatest, "/v1/chains"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs logBuffer
			h := api.New(tc.reader, api.WithLogger(newLogger(&logs))).Handler()
			assertJSON(t, do(t, h, "GET", tc.path), 500, problemType, problemJSON(500, detail, tc.path))
			rec := findLog(t, logs.records(t), "request failed")
			if rec["level"] != "ERROR" || !strings.Contains(fmt.Sprint(rec["err"]), secret) || rec["request_id"] != requestID {
				t.Errorf("log record %v: want level ERROR, the store error and request id %s", rec, requestID)
			}
		})
	}
}

func TestPanicBecomesProblem(t *testing.T) {
	var logs logBuffer
	reader := fakeReader{topics: func(context.Context) ([]oracle.Topic, error) { panic("index out of range [3] with length 3") }}
	h := api.New(reader, api.WithLogger(newLogger(&logs))).Handler()
	assertJSON(t, do(t, h, "GET", "/v1/topics"), 500, problemType, problemJSON(500,
		"the server could not answer this request; the request id identifies it in the server's logs", "/v1/topics"))
	recs := logs.records(t)
	p := findLog(t, recs, "panic answering request")
	if p["level"] != "ERROR" || p["panic"] != "index out of range [3] with length 3" || !strings.Contains(fmt.Sprint(p["stack"]), "goroutine") {
		t.Errorf("panic log record %v", p)
	}
	// The access log records what the client got.
	if a := findLog(t, recs, "http request"); a["status"] != float64(500) {
		t.Errorf("access log status %v, want 500", a["status"])
	}
}

func TestRequestTimeout(t *testing.T) {
	var logs logBuffer
	reader := fakeReader{topics: func(ctx context.Context) ([]oracle.Topic, error) {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("list topics: %w", ctx.Err())
		case <-time.After(5 * time.Second):
			return nil, nil // no deadline came; the assertions below fail
		}
	}}
	h := api.New(reader, api.WithLogger(newLogger(&logs)), api.WithRequestTimeout(20*time.Millisecond)).Handler()
	assertJSON(t, do(t, h, "GET", "/v1/topics"), 503, problemType,
		problemJSON(503, "the request did not complete in time; try again", "/v1/topics"))
	if rec := findLog(t, logs.records(t), "request failed"); rec["level"] != "WARN" {
		t.Errorf("timeout logged at %v, want WARN", rec["level"])
	}
}

func TestAccessLog(t *testing.T) {
	var logs logBuffer
	// Each reading of the clock is 1.5ms after the one before.
	var mu sync.Mutex
	now := blockTime
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(1500 * time.Microsecond)
		return now
	}
	// Rate limiting off: it reads the clock too.
	h := api.New(seededStore(t), api.WithLogger(newLogger(&logs)), api.WithClock(clock), api.WithRateLimit(0, 0)).Handler()
	res := do(t, h, "GET", "/v1/topics/1/inference")
	body, _ := io.ReadAll(res.Body)

	recs := logs.records(t)
	if len(recs) != 1 {
		t.Fatalf("got %d log records, want one: %v", len(recs), recs)
	}
	want := map[string]any{
		"level": "DEBUG", "msg": "http request", "method": "GET", "path": "/v1/topics/1/inference",
		"status": float64(200), "bytes": float64(len(body)), "duration": float64(1500 * time.Microsecond),
		"remote": "192.0.2.1:1234", "request_id": requestID,
	}
	got := recs[0]
	delete(got, "time")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("access log\n %v\nwant\n %v", got, want)
	}

	// Below Debug the access log is silent.
	var quiet logBuffer
	h = api.New(seededStore(t), api.WithLogger(slog.New(slog.NewJSONHandler(&quiet, nil)))).Handler()
	do(t, h, "GET", "/v1/topics/14/inference")
	if recs := quiet.records(t); len(recs) != 0 {
		t.Errorf("logged at Info: %v", recs)
	}
}

// TestServeShutsDownGracefully starts a request, cancels Serve's context while the
// request waits on the store, and checks that the request still gets its answer and
// Serve returns nil.
func TestServeShutsDownGracefully(t *testing.T) {
	st := seededStore(t)
	entered, release := make(chan struct{}), make(chan struct{})
	reader := fakeReader{
		topics: func(ctx context.Context) ([]oracle.Topic, error) {
			close(entered)
			<-release
			return st.Topics(ctx)
		},
		latest: st.LatestInference,
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- api.New(reader).Serve(ctx, ln) }()

	client := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	type result struct {
		status int
		body   string
		err    error
	}
	answered := make(chan result, 1)
	go func() {
		res, err := client.Get("http://" + ln.Addr().String() + "/v1/topics")
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		answered <- result{res.StatusCode, string(b), err}
	}()

	<-entered
	cancel()
	// Shutdown has begun once new connections are refused.
	deadline := time.Now().Add(5 * time.Second)
	for {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			break
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("listener still accepting after cancel")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case err := <-served:
		t.Fatalf("Serve returned %v while a request was in flight", err)
	default:
	}
	close(release)

	r := <-answered
	if r.err != nil || r.status != 200 || !strings.Contains(r.body, `"topic_id":1,`) {
		t.Errorf("request in flight got %d %q, %v; want 200 with the topics", r.status, r.body, r.err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
}

func TestServeReportsListenerFailure(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	err = api.New(store.NewMemory()).Serve(context.Background(), ln)
	if err == nil || !strings.Contains(err.Error(), "serve api on 127.0.0.1:") {
		t.Errorf("Serve on a closed listener returned %v, want an error naming the address", err)
	}
}

// A topic the gateway maps to an asset and a timeframe shows them; others do not.
func TestTopicsShowTheirAssetAndTimeframe(t *testing.T) {
	h := api.New(seededStore(t), api.WithAssetTopics([]oracle.AssetTopic{
		{Asset: "ETH", Timeframe: "5m", TopicID: 1},
		{Asset: "BTC", Timeframe: "8h", TopicID: 14},
	})).Handler()
	assertJSON(t, do(t, h, "GET", "/v1/topics"), 200, jsonType, `{"topics":[
			{"topic_id":1,"metadata":"ETH 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":68,"asset":"ETH","timeframe":"5m"},
			{"topic_id":3,"metadata":"BTC 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":70},
			{"topic_id":9,"metadata":"ETH 8h Log-Return Prediction","epoch_length":5760,"ground_truth_lag":5760,"allow_negative":true,"latest_block_height":5761},
			{"topic_id":14,"metadata":"BTC 8h Price Prediction","epoch_length":5760,"ground_truth_lag":5760,"allow_negative":false,"asset":"BTC","timeframe":"8h"},
			{"topic_id":21,"metadata":"SOL 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":70},
			{"topic_id":22,"metadata":"ARB 5min Price Prediction","epoch_length":12,"ground_truth_lag":12,"allow_negative":false,"latest_block_height":70}]}`)
}

// A connection that has asked nothing (a browser's preconnect) does not hold the shutdown:
// net/http would wait until it is five seconds old, the API's whole shutdown deadline.
func TestServeDoesNotWaitOnAConnectionThatAskedNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- api.New(seededStore(t)).Serve(ctx, ln) }()

	testsupport.SilentConn(t, ln.Addr().String(), "/healthz")

	cancel()
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v, want nil: the preconnected client had asked nothing", err)
	}
}
