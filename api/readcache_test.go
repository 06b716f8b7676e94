package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// cachedServer serves st through a read cache refreshed every refresh.
func cachedServer(t *testing.T, st api.Reader, refresh time.Duration, opts ...api.Option) *httptest.Server {
	t.Helper()
	srv := api.New(st, append([]api.Option{api.WithReadCache(refresh), api.WithRateLimit(0, 0)}, opts...)...)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Close(); ts.Close() })
	return ts
}

func getBody(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

// TestReadCacheFollowsEvents writes as the relayer does (the store, then an event) and
// waits until every cached read answers what was written. The refresh is an hour, so
// only the events can have carried it.
func TestReadCacheFollowsEvents(t *testing.T) {
	for _, kind := range storeKinds {
		t.Run(kind.name, func(t *testing.T) {
			st := kind.make(t).(store.Store)
			ts := cachedServer(t, st, time.Hour, api.WithAssetTopics([]oracle.AssetTopic{{Asset: "ETH", Timeframe: "5m", TopicID: 1}}))
			ctx := context.Background()
			// The first answers fill the cache.
			for _, path := range []string{"/v1/topics/1/inference", "/v1/topics/1/history", "/v1/chains", "/v1/predictions/ETH/5m"} {
				if code, body := getBody(t, ts.URL+path); code != http.StatusOK {
					t.Fatalf("GET %s: %d %s", path, code, body)
				}
			}

			inf := scaledInference(t, oracle.Inference{TopicID: 1, BlockHeight: 80, Value: "3100.5", Timestamp: blockTime.Add(time.Minute)})
			if err := st.PutInference(ctx, inf); err != nil {
				t.Fatal(err)
			}
			if err := store.Publish(ctx, st, store.InferenceEvent{Inference: inf.Inference, Scaled: inf.Scaled}); err != nil {
				t.Fatal(err)
			}
			push := store.Push{TxHash: common.HexToHash("0xabc"), BlockNumber: 9, Updates: []oracle.Update{{TopicID: 1, BlockHeight: 80, Value: inf.Scaled}}}
			if err := st.PutChainTopic(ctx, 56, oracle.ChainTopic{TopicID: 1, BlockHeight: 80, Value: inf.Scaled, LastPush: blockTime, TxHash: push.TxHash}); err != nil {
				t.Fatal(err)
			}
			if err := store.Publish(ctx, st, store.PushEvent{ChainID: 56, Push: push}); err != nil {
				t.Fatal(err)
			}
			price := store.Price{Asset: "ETH", Value: "3050", At: blockTime.Add(10 * time.Minute), Source: "test"}
			if err := store.RecordAndPublishPrice(ctx, st, price); err != nil {
				t.Fatal(err)
			}
			for path, want := range map[string]string{
				"/v1/topics/1/inference": `"block_height":80`,
				"/v1/topics/1/history":   `"inferences":[{"topic_id":1,"value":"3100.5"`,
				"/v1/chains":             push.TxHash.Hex(),
				"/v1/predictions/ETH/5m": `"current_price":"3050"`,
			} {
				testsupport.WaitForSeen(t, 10*time.Second, path+" answering "+want, func() (bool, string) {
					_, body := getBody(t, ts.URL+path)
					return strings.Contains(body, want), body
				})
			}
		})
	}
}

// TestReadCacheRefreshes writes what no event announces (a chain renamed) and waits
// for the timer's whole read to show it.
func TestReadCacheRefreshes(t *testing.T) {
	st := seededStore(t)
	ts := cachedServer(t, st, 20*time.Millisecond)
	if code, _ := getBody(t, ts.URL+"/v1/chains"); code != http.StatusOK {
		t.Fatalf("GET /v1/chains: %d", code)
	}
	if err := st.PutChain(context.Background(), oracle.Chain{ID: 56, Name: "bsc", Oracle: common.HexToAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3")}); err != nil {
		t.Fatal(err)
	}
	testsupport.WaitForSeen(t, 10*time.Second, `chain 56 named "bsc"`, func() (bool, string) {
		_, body := getBody(t, ts.URL+"/v1/chains")
		return strings.Contains(body, `"name":"bsc"`), body
	})
}

// TestReadCacheStalenessBound holds the clock past twice the refresh with no whole read
// done since: the cache must not answer, and what the store holds is served at once.
func TestReadCacheStalenessBound(t *testing.T) {
	st := seededStore(t)
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	ts := cachedServer(t, st, time.Hour, api.WithClock(clock))
	// Once the cache holds topic 1, a write without an event is not seen.
	testsupport.WaitFor(t, 10*time.Second, "the cache's first whole read", func() bool {
		_, body := getBody(t, ts.URL+"/metrics")
		return strings.Contains(body, "allora_gateway_api_cache_full_reads_total 1")
	})
	inf := scaledInference(t, oracle.Inference{TopicID: 1, BlockHeight: 90, Value: "3200", Timestamp: blockTime.Add(2 * time.Minute)})
	if err := st.PutInference(context.Background(), inf); err != nil {
		t.Fatal(err)
	}
	if _, body := getBody(t, ts.URL+"/v1/topics/1/inference"); !strings.Contains(body, `"block_height":68`) {
		t.Fatalf("the cache answered %s before any event or refresh", body)
	}
	mu.Lock()
	now = now.Add(2*time.Hour + time.Second)
	mu.Unlock()
	_, body := getBody(t, ts.URL+"/v1/topics/1/inference")
	var got struct {
		BlockHeight uint64 `json:"block_height"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || got.BlockHeight != 90 {
		t.Fatalf("past the staleness bound the API answered %s (%v), want the store's block 90", body, err)
	}
}
