package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// eventStore is a store the API can both read and stream from, and prices can be
// recorded in.
type eventStore interface {
	api.Reader
	store.Events
	store.Prices
}

var streamStoreKinds = []struct {
	name string
	make func(testing.TB) eventStore
}{
	{"memory", func(t testing.TB) eventStore { return seededStore(t) }},
	{"redis", func(t testing.TB) eventStore { return seededRedis(t) }},
}

// streamServer serves st over loopback until the test ends.
func streamServer(t testing.TB, st api.Reader, opts ...api.Option) string {
	t.Helper()
	srv := api.New(st, append([]api.Option{api.WithRateLimit(0, 0)}, opts...)...)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close) // first: the streams must end before the server can
	return ts.URL
}

type sseEvent struct{ kind, id, data string }

type sseClient struct {
	res *http.Response
	r   *bufio.Reader
}

// connect opens a stream and reads its preamble, so that the server has registered
// the client when it returns.
func connect(t testing.TB, base, query string, header http.Header) *sseClient {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+"/v1/stream"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/event-stream" {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("GET /v1/stream%s answered %d %q: %s", query, res.StatusCode, res.Header.Get("Content-Type"), b)
	}
	c := &sseClient{res: res, r: bufio.NewReader(res.Body)}
	if line, err := c.r.ReadString('\n'); err != nil || !strings.HasPrefix(line, "retry: ") {
		t.Fatalf("stream begins %q, %v; want a retry field", line, err)
	}
	if line, _ := c.r.ReadString('\n'); line != "\n" {
		t.Fatalf("retry field followed by %q", line)
	}
	return c
}

// next reads the next event, skipping comments.
func (c *sseClient) next() (sseEvent, error) {
	var ev sseEvent
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			return ev, err
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if ev.kind != "" || ev.data != "" {
				return ev, nil
			}
		case strings.HasPrefix(line, ":"):
		case strings.HasPrefix(line, "event: "):
			ev.kind = line[len("event: "):]
		case strings.HasPrefix(line, "id: "):
			ev.id = line[len("id: "):]
		case strings.HasPrefix(line, "data: "):
			ev.data = line[len("data: "):]
		default:
			return ev, fmt.Errorf("unexpected line %q", line)
		}
	}
}

func (c *sseClient) mustNext(t testing.TB) sseEvent {
	t.Helper()
	ev, err := c.next()
	if err != nil {
		t.Fatalf("read event: %v", err)
	}
	return ev
}

func publish(t testing.TB, st store.Events, id string, p store.EventPayload) {
	t.Helper()
	if err := st.Publish(context.Background(), store.Event{ID: id, Payload: p}); err != nil {
		t.Fatal(err)
	}
}

// inference1 is how a stream client sees inferenceEvent(1).
const inference1 = `{"topic_id":1,"value":"3020","value_scaled":"3020000000000000000000","decimals":18,"block_height":80,"loss_block_height":0,"timestamp":"2026-11-24T20:01:00Z"}`

func inferenceEvent(topicID uint64) store.InferenceEvent {
	return store.InferenceEvent{
		Inference: oracle.Inference{TopicID: topicID, BlockHeight: 80, Value: "3020", Timestamp: time.Date(2026, 11, 24, 20, 1, 0, 0, time.UTC)},
		Scaled:    new(big.Int).Mul(big.NewInt(3020), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)),
	}
}

var pushEvent = store.PushEvent{ChainID: 56}

func TestStreamFansOutToEveryClient(t *testing.T) {
	for _, kind := range streamStoreKinds {
		t.Run(kind.name, func(t *testing.T) {
			st := kind.make(t)
			base := streamServer(t, st)
			a, b := connect(t, base, "", nil), connect(t, base, "", nil)
			publish(t, st, "1001", inferenceEvent(1))
			publish(t, st, "1002", store.PushEvent{ChainID: 56, Push: store.Push{
				TxHash: common.HexToHash("0x01"), BlockNumber: 9, GasUsed: 21000,
				Updates: []oracle.Update{{TopicID: 1, Value: inferenceEvent(1).Scaled, BlockHeight: 80, Timestamp: 1795550460}},
			}})
			publish(t, st, "1003", store.RoundEvent{ChainID: 56, Market: common.HexToAddress("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"), Round: store.Round{
				Epoch: 3, Status: store.RoundLocked, LockTime: time.Date(2026, 11, 24, 20, 5, 0, 0, time.UTC), LockPrice: "3000.5",
				AIPrediction: "3020", AIDirection: store.DirectionUp, WithAIPool: big.NewInt(5),
			}})
			for _, c := range []*sseClient{a, b} {
				want := []sseEvent{
					{"inference", "1001", inference1},
					{"push", "1002", `{"chain_id":56,"tx_hash":"0x0000000000000000000000000000000000000000000000000000000000000001","block":9,"gas_used":21000,` +
						`"updates":[{"topic_id":1,"block_height":80,"loss_block_height":0,"value_scaled":"3020000000000000000000"}]}`},
					{"round", "1003", `{"chain_id":56,"market_id":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9","round":{"epoch":3,"status":"locked",` +
						`"start_time":null,"lock_time":"2026-11-24T20:05:00Z","close_time":null,"lock_price":"3000.5","close_price":null,` +
						`"ai_prediction":"3020","ai_direction":"up","with_ai_pool":"5","against_ai_pool":"0","outcome":null}}`},
				}
				for i, w := range want {
					if ev := c.mustNext(t); ev != w {
						t.Errorf("event %d:\n got %+v\nwant %+v", i, ev, w)
					}
				}
			}
		})
	}
}

// TestStreamMatchesOpenAPI validates a stream's answer, as far as it has come, against
// the document.
func TestStreamMatchesOpenAPI(t *testing.T) {
	c := checker(t)
	st := seededStore(t)
	base := streamServer(t, st)
	client := connect(t, base, "?topics=1,3", nil)
	publish(t, st, "7", inferenceEvent(1))
	client.mustNext(t)
	req := httptest.NewRequest(http.MethodGet, "/v1/stream?topics=1,3", nil)
	res := *client.res
	c.check(t, req, &res, []byte("retry: 2000\n\nevent: inference\nid: 7\ndata: "+inference1+"\n\n"))
}

func TestStreamRateLimitsConnections(t *testing.T) {
	base := streamServer(t, seededStore(t), api.WithRateLimit(0.001, 1))
	connect(t, base, "", nil)
	res, err := http.Get(base + "/v1/stream")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("second connection answered %d, want 429", res.StatusCode)
	}
}

// TestStreamDropsASlowClient has one client stop reading while events keep coming:
// once it reads again it is further behind than the log holds, so it is told so (a
// dropped event) and disconnected, and the drop is counted; the other client gets
// every event.
func TestStreamDropsASlowClient(t *testing.T) {
	st := seededStore(t)
	base := streamServer(t, st, api.WithStreamLog(4))
	slow, fast := connect(t, base, "", nil), connect(t, base, "", nil)
	// Large events, so that the connection's buffers fill long before they all pass.
	large := store.PriceEvent{Price: store.Price{Asset: "ETH", Value: "1", At: time.Now(), Source: strings.Repeat("x", 256<<10)}}
	const n = 200
	for i := range n {
		publish(t, st, fmt.Sprint(i+1), large)
		if ev := fast.mustNext(t); ev.id != fmt.Sprint(i+1) {
			t.Fatalf("fast client got event %q, want %d", ev.id, i+1)
		}
	}
	// The slow client reads what reached it, then the dropped event, then the end.
	got := 0
	var last sseEvent
	for {
		ev, err := slow.next()
		if err != nil {
			break
		}
		if ev.kind == "dropped" {
			last = ev
			continue
		}
		got++
	}
	if got >= n {
		t.Errorf("slow client got all %d events; want it dropped", n)
	}
	var dropped struct {
		Reason string `json:"reason"`
		Missed uint64 `json:"missed"`
	}
	if err := json.Unmarshal([]byte(last.data), &dropped); err != nil || dropped.Missed == 0 || dropped.Reason == "" {
		t.Errorf("slow client's last event %+v (%v); want a dropped event saying how many it missed", last, err)
	}
	if got := metricValue(t, base, "allora_gateway_api_stream_drops_total"); got != "1" {
		t.Errorf("stream drops counted %q, want 1", got)
	}
	// The fast one is still served.
	publish(t, st, "after", inferenceEvent(1))
	if ev := fast.mustNext(t); ev.id != "after" {
		t.Errorf("fast client then got %+v", ev)
	}
}

// metricValue is the value /metrics shows for an unlabelled series.
func metricValue(t testing.TB, base, name string) string {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return v
		}
	}
	return ""
}

// TestStreamCapsConnections refuses a client's stream beyond its cap with 429, and any
// stream beyond the total with 503, both as problem details.
func TestStreamCapsConnections(t *testing.T) {
	base := streamServer(t, seededStore(t), api.WithMaxStreams(3, 2))
	connect(t, base, "", nil)
	connect(t, base, "", nil)
	expect := func(status int) {
		t.Helper()
		res, err := http.Get(base + "/v1/stream")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != status || res.Header.Get("Content-Type") != "application/problem+json" || res.Header.Get("Retry-After") == "" {
			t.Errorf("stream beyond the cap answered %d %q, Retry-After %q; want %d problem+json", res.StatusCode,
				res.Header.Get("Content-Type"), res.Header.Get("Retry-After"), status)
		}
	}
	expect(http.StatusTooManyRequests)
	// With no cap per client, the cap in all refuses the third.
	base = streamServer(t, seededStore(t), api.WithMaxStreams(2, 0))
	connect(t, base, "", nil)
	connect(t, base, "", nil)
	expect(http.StatusServiceUnavailable)
}

func TestStreamResumesAfterLastEventID(t *testing.T) {
	for _, kind := range streamStoreKinds {
		t.Run(kind.name, func(t *testing.T) {
			st := kind.make(t)
			base := streamServer(t, st)
			watcher := connect(t, base, "", nil)
			for _, id := range []string{"11", "12", "13"} {
				publish(t, st, id, inferenceEvent(1))
				watcher.mustNext(t) // the server has it
			}
			resumed := connect(t, base, "", http.Header{"Last-Event-Id": {"11"}})
			for _, want := range []string{"12", "13"} {
				if ev := resumed.mustNext(t); ev.id != want {
					t.Errorf("resumed client got %+v, want event %s", ev, want)
				}
			}
			publish(t, st, "14", pushEvent)
			if ev := resumed.mustNext(t); ev.id != "14" {
				t.Errorf("resumed client then got %+v, want event 14", ev)
			}

			// An id the server does not hold: the client is told to start over.
			lost := connect(t, base, "", http.Header{"Last-Event-Id": {"9"}})
			if ev := lost.mustNext(t); ev.kind != "reset" {
				t.Errorf("client resuming from an unknown id got %+v, want a reset", ev)
			}
			publish(t, st, "15", pushEvent)
			if ev := lost.mustNext(t); ev.id != "15" {
				t.Errorf("after the reset got %+v, want event 15", ev)
			}
		})
	}
}

func TestStreamFiltersInferencesByTopic(t *testing.T) {
	st := seededStore(t)
	base := streamServer(t, st)
	c := connect(t, base, "?topics=3,9", nil)
	publish(t, st, "1", inferenceEvent(1))
	publish(t, st, "2", inferenceEvent(9))
	publish(t, st, "3", pushEvent)
	for _, want := range []string{"2", "3"} {
		if ev := c.mustNext(t); ev.id != want {
			t.Errorf("filtered client got %+v, want event %s", ev, want)
		}
	}
}

// TestStreamEndsOnShutdown checks that Serve ends open streams when it shuts down,
// rather than waiting for them (goleak checks nothing is left behind).
func TestStreamEndsOnShutdown(t *testing.T) {
	st := seededStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	srv := api.New(st, api.WithRateLimit(0, 0))
	go func() { served <- srv.Serve(ctx, ln) }()
	c := connect(t, "http://"+ln.Addr().String(), "", nil)
	publish(t, st, "1", inferenceEvent(1))
	c.mustNext(t)
	cancel()
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if ev, err := c.next(); err == nil {
		t.Errorf("stream went on after shutdown: %+v", ev)
	}
	var buf bytes.Buffer
	_, _ = io.Copy(&buf, c.r)
}

// BenchmarkStreamFanout1000 connects 1000 stream clients over loopback to one server
// and times one published event until the last client has read it (ms-to-last); it
// also reports the goroutines and heap each connected client costs the process, both
// its server side and the test's client side.
func BenchmarkStreamFanout1000(b *testing.B) {
	const clients = 1000
	st := store.NewMemory()
	srv := api.New(st, api.WithRateLimit(0, 0))
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	goroutinesBefore := runtime.NumGoroutine()

	got := make(chan struct{}, clients)
	var readers sync.WaitGroup
	for range clients {
		c := connect(b, ts.URL, "", nil)
		readers.Go(func() {
			for {
				if _, err := c.next(); err != nil {
					return
				}
				got <- struct{}{}
			}
		})
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	goroutines := runtime.NumGoroutine() - goroutinesBefore

	var total time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		publish(b, st, strconv.Itoa(i+1), inferenceEvent(1))
		for range clients {
			<-got
		}
		total += time.Since(start)
	}
	b.StopTimer()
	// After ResetTimer, which would clear them.
	b.ReportMetric(float64(goroutines)/clients, "goroutines/client")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/clients/1024, "heap-KiB/client")
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-last")
	srv.Close()
	readers.Wait()
}

// TestStreamSendsRecordedPrices records a price the way the round recorder and devnet's
// feeder do: stream clients get a price event with what /v1/predictions then answers
// as the price now, so a page can refresh it when it moves rather than when the next
// inference comes.
func TestStreamSendsRecordedPrices(t *testing.T) {
	for _, kind := range streamStoreKinds {
		t.Run(kind.name, func(t *testing.T) {
			st := kind.make(t)
			base := streamServer(t, st, api.WithAssetTopics([]oracle.AssetTopic{{Asset: "ETH", Timeframe: "5m", TopicID: 1}}))
			c := connect(t, base, "?topics=9", nil) // a topic filter holds back inferences, not prices
			at := time.Date(2026, 11, 24, 20, 5, 7, 0, time.UTC)
			err := store.RecordAndPublishPrice(context.Background(), st, store.Price{Asset: "ETH", Value: "3100.25", At: at, Source: "ETH / USD test feed"})
			if err != nil {
				t.Fatal(err)
			}
			ev := c.mustNext(t)
			if ev.kind != store.EventPrice || ev.id == "" {
				t.Fatalf("got event %+v, want a price event with an id", ev)
			}
			type priceEvent struct {
				Asset  string `json:"asset"`
				Price  string `json:"price"`
				AsOf   string `json:"as_of"`
				Source string `json:"source"`
			}
			var got priceEvent
			if err := json.Unmarshal([]byte(ev.data), &got); err != nil {
				t.Fatalf("price event data %q: %v", ev.data, err)
			}
			want := priceEvent{Asset: "ETH", Price: "3100.25", AsOf: "2026-11-24T20:05:07Z", Source: "ETH / USD test feed"}
			if got != want {
				t.Errorf("price event %+v, want %+v", got, want)
			}
			res, err := http.Get(base + "/v1/predictions/ETH/5m")
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var p struct {
				CurrentPrice     string `json:"current_price"`
				CurrentPriceAsOf string `json:"current_price_as_of"`
				PriceSource      string `json:"price_source"`
			}
			if err := json.NewDecoder(res.Body).Decode(&p); err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("GET /v1/predictions/ETH/5m: %d, %v", res.StatusCode, err)
			}
			if p.CurrentPrice != want.Price || p.CurrentPriceAsOf != want.AsOf || p.PriceSource != want.Source {
				t.Errorf("the predictions answer price %s as of %s from %q; the event said %+v", p.CurrentPrice, p.CurrentPriceAsOf, p.PriceSource, want)
			}
		})
	}
}

// A price the store refuses is not streamed.
func TestStreamSendsNoRefusedPrice(t *testing.T) {
	st := seededStore(t)
	base := streamServer(t, st)
	c := connect(t, base, "", nil)
	err := store.RecordAndPublishPrice(context.Background(), st, store.Price{Asset: "ETH", Value: "NaN", At: time.Now(), Source: "x"})
	if !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("recording price NaN: %v, want ErrInvalid", err)
	}
	publish(t, st, "next", pushEvent)
	if ev := c.mustNext(t); ev.kind != store.EventPush {
		t.Errorf("after a refused price the client got %+v first, want the push", ev)
	}
}
