package allora

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv5"
	"google.golang.org/protobuf/encoding/protojson"
)

// blockJSON96 is a GetBlockByHeightResponse for block 96 as cosmos-sdk's gateway writes
// it, trimmed to the fields around the header.
const blockJSON96 = `{"block_id":{"hash":"q83vEjRWeJA=","part_set_header":{"total":1,"hash":"q83vEjRWeJA="}},` +
	`"block":{"header":{"version":{"block":"11","app":"0"},"chain_id":"localnet","height":"96",` +
	`"time":"2026-11-24T19:48:41.512345678Z","proposer_address":"TkJXpNRuHStiTZOS88cB2D/MzK8="},` +
	`"data":{"txs":[]},"evidence":{"evidence":[]},"last_commit":null},` +
	`"sdk_block":{"header":{"chain_id":"localnet","height":"96","time":"2026-11-24T19:48:41.512345678Z"}}}`

var time96 = time.Date(2026, time.November, 24, 19, 48, 41, 512345678, time.UTC)

func newTestREST(t *testing.T, h http.Handler, opts ...Option) *REST {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := NewREST(srv.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRESTLatestInference(t *testing.T) {
	var blockQueries atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /emissions/v5/latest_network_inferences/1", func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Accept"); got != "application/json" {
			t.Errorf("Accept = %q", got)
		}
		w.Write(readFixture(t, "rest-latest-network-inferences.json"))
	})
	mux.HandleFunc("GET /cosmos/base/tendermint/v1beta1/blocks/96", func(w http.ResponseWriter, r *http.Request) {
		blockQueries.Add(1)
		fmt.Fprint(w, blockJSON96)
	})
	c := newTestREST(t, mux)

	want := oracle.Inference{
		TopicID:         1,
		BlockHeight:     96,
		LossBlockHeight: 56,
		Value:           "3012.000000000000000000000000000000",
		Timestamp:       time96,
		ConfidenceIntervals: []oracle.ConfidenceInterval{
			{Percentile: "2.28", Value: "3001.9999999999999999999999999999993"},
			{Percentile: "15.87", Value: "3001.9999999999999999999999999999997"},
			{Percentile: "50", Value: "3016.2290807191746296005451038101463"},
			{Percentile: "84.13", Value: "3021.999999999999999999999999999999"},
			{Percentile: "97.72", Value: "3022"},
		},
	}
	for range 3 {
		got, err := c.LatestInference(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "inference", got, want)
	}
	if n := blockQueries.Load(); n != 1 {
		t.Errorf("%d queries of block 96, want 1 (its time is cached)", n)
	}
}

func TestRESTEmissionsVersionInPath(t *testing.T) {
	var paths []string
	c := newTestREST(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		http.Error(w, `{"code":12,"message":"Not Implemented","details":[]}`, http.StatusNotImplemented)
	}), WithEmissionsVersion("v9"))
	c.LatestInference(context.Background(), 7)
	c.Topic(context.Background(), 7)
	want := []string{"/emissions/v9/latest_network_inferences/7", "/emissions/v9/topics/7"}
	assertEqual(t, "paths", paths, want)
}

func TestRESTLatestInferenceErrors(t *testing.T) {
	fixture := string(readFixture(t, "rest-latest-network-inferences.json"))
	tests := []struct {
		name       string
		status     int
		body       string
		wantIs     error
		wantStatus int // of the *ResponseError; 0 when there is none
		wantGRPC   int
		wantText   string
	}{
		{
			name:   "no inferences yet, Unknown → 500",
			status: 500, body: `{"code":2,"message":"no inferences found for topic 1: invalid request","details":[]}`,
			wantIs: ErrNoInference, wantStatus: 500, wantGRPC: 2, wantText: "no inferences found for topic 1",
		},
		{
			name:   "no inferences yet, InvalidArgument → 400",
			status: 400, body: `{"code":3,"message":"rpc error: code = InvalidArgument desc = No Inferences Found for topic 1","details":[]}`,
			wantIs: ErrNoInference, wantStatus: 400, wantGRPC: 3,
		},
		{
			name:   "unknown topic, NotFound → 404",
			status: 404, body: `{"code":5,"message":"topic 1 not found","details":[]}`,
			wantIs: ErrTopicNotFound, wantStatus: 404, wantGRPC: 5, wantText: "topic 1 not found",
		},
		{
			name:   "unknown topic, collections error → 500",
			status: 500, body: `{"code":2,"message":"error getting topic: collections: not found: key '1'","details":[]}`,
			wantIs: ErrTopicNotFound, wantStatus: 500, wantGRPC: 2,
		},
		{
			name:   "emissions version not served → 501",
			status: 501, body: `{"code":12,"message":"Not Implemented","details":[]}`,
			wantIs: ErrNotImplemented, wantStatus: 501, wantGRPC: 12,
		},
		{
			name:   "proxy 404 page is not an unknown topic",
			status: 404, body: "<html><body>404 Not Found</body></html>",
			wantIs: ErrUnexpectedResponse, wantStatus: 404, wantGRPC: -1, wantText: "<html><body>404 Not Found",
		},
		{
			name:   "rate limited",
			status: 429, body: "Too Many Requests\n",
			wantIs: ErrUnexpectedResponse, wantStatus: 429, wantGRPC: -1, wantText: "HTTP 429: Too Many Requests",
		},
		{
			name:   "internal error",
			status: 500, body: `{"code":13,"message":"store closed","details":[]}`,
			wantIs: ErrUnexpectedResponse, wantStatus: 500, wantGRPC: 13, wantText: "HTTP 500, gRPC code 13: store closed",
		},
		{
			name:   "not JSON",
			status: 200, body: "<html>maintenance</html>",
			wantIs: ErrUnexpectedResponse,
		},
		{
			name:   "JSON array",
			status: 200, body: "[]",
			wantIs: ErrUnexpectedResponse,
		},
		{
			name:   "no network_inferences",
			status: 200, body: `{"inference_block_height":"96"}`,
			wantIs: ErrUnexpectedResponse, wantText: "no network_inferences",
		},
		{
			name:   "answer about another topic",
			status: 200, body: strings.Replace(fixture, `"topic_id":"1"`, `"topic_id":"2"`, 1),
			wantIs: ErrUnexpectedResponse, wantText: "topic_id is 2, want 1",
		},
		{
			name:   "inference height zero",
			status: 200, body: strings.Replace(fixture, `"inference_block_height":"96"`, `"inference_block_height":"0"`, 1),
			wantIs: ErrUnexpectedResponse, wantText: "inference_block_height is 0",
		},
		{
			name:   "inference height negative",
			status: 200, body: strings.Replace(fixture, `"inference_block_height":"96"`, `"inference_block_height":"-96"`, 1),
			wantIs: ErrUnexpectedResponse, wantText: "inference_block_height is -96",
		},
		{
			name:   "inference height not a number",
			status: 200, body: strings.Replace(fixture, `"inference_block_height":"96"`, `"inference_block_height":"9x"`, 1),
			wantIs: ErrUnexpectedResponse, wantText: `inferenceBlockHeight: "9x"`,
		},
		{
			name:   "empty combined value",
			status: 200, body: strings.Replace(fixture, `"combined_value":"3012.000000000000000000000000000000"`, `"combined_value":""`, 1),
			wantIs: ErrUnexpectedResponse, wantText: "empty combined_value",
		},
		{
			name:   "confidence interval lengths differ",
			status: 200, body: strings.Replace(fixture, `"97.72"]`, `"97.72","99"]`, 1),
			wantIs: ErrUnexpectedResponse, wantText: "6 confidence interval percentiles but 5 values",
		},
		{
			name:   "body over the size limit",
			status: 200, body: `{"pad":"` + strings.Repeat("x", maxResponseBytes) + `"}`,
			wantIs: ErrUnexpectedResponse, wantText: "body larger than",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("GET /emissions/v5/latest_network_inferences/1", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			})
			mux.HandleFunc("GET /cosmos/base/tendermint/v1beta1/blocks/96", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, blockJSON96)
			})
			c := newTestREST(t, mux)
			_, err := c.LatestInference(context.Background(), 1)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("err = %v, want %v", err, tt.wantIs)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "query topic 1 latest inference: ") {
				t.Errorf("error %q does not say what was being done", msg)
			}
			if !strings.Contains(msg, tt.wantText) {
				t.Errorf("error %q does not contain %q", msg, tt.wantText)
			}
			if len(msg) > 600 {
				t.Errorf("error is %d bytes long", len(msg))
			}
			var re *ResponseError
			switch {
			case tt.wantStatus == 0 && errors.As(err, &re):
				t.Errorf("unexpected *ResponseError %v", re)
			case tt.wantStatus != 0 && !errors.As(err, &re):
				t.Errorf("no *ResponseError in %v", err)
			case tt.wantStatus != 0 && (re.StatusCode != tt.wantStatus || re.GRPCCode != tt.wantGRPC):
				t.Errorf("status %d, gRPC code %d; want %d, %d", re.StatusCode, re.GRPCCode, tt.wantStatus, tt.wantGRPC)
			}
		})
	}
}

func TestRESTErrorMessageTruncated(t *testing.T) {
	long := strings.Repeat("é", 10_000) + "\x00\x1b[31m"
	c := newTestREST(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(502)
		fmt.Fprintf(w, `{"code":14,"message":"%s","details":[]}`, long)
	}))
	_, err := c.LatestInference(context.Background(), 1)
	var re *ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v", err)
	}
	if n := len([]rune(re.Message)); n != maxErrorMessageRunes+1 || !strings.HasSuffix(re.Message, "…") {
		t.Errorf("message of %d runes: %q…", n, re.Message[:20])
	}
	if strings.ContainsAny(err.Error(), "\x00\x1b") {
		t.Errorf("control characters in error")
	}
}

func TestRESTBlockTimeErrors(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		wantText string
	}{
		{"pruned", 500, `{"code":2,"message":"height 96 is not available, lowest height is 100","details":[]}`, "not available"},
		{"another block", 200, strings.ReplaceAll(blockJSON96, `"height":"96"`, `"height":"97"`), "asked for block 96, got block 97"},
		{"no block", 200, `{"block_id":{}}`, "no block"},
		{"bad time", 200, strings.ReplaceAll(blockJSON96, "2026-11-24T19:48:41.512345678Z", "yesterday"), "header time"},
		{"zero time", 200, strings.ReplaceAll(blockJSON96, "2026-11-24T19:48:41.512345678Z", "0001-01-01T00:00:00Z"), "header time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("GET /emissions/v5/latest_network_inferences/1", func(w http.ResponseWriter, r *http.Request) {
				w.Write(readFixture(t, "rest-latest-network-inferences.json"))
			})
			mux.HandleFunc("GET /cosmos/base/tendermint/v1beta1/blocks/96", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			})
			c := newTestREST(t, mux)
			_, err := c.LatestInference(context.Background(), 1)
			if !errors.Is(err, ErrUnexpectedResponse) {
				t.Fatalf("err = %v, want ErrUnexpectedResponse", err)
			}
			// A pruned block must not read as an unknown topic.
			if errors.Is(err, ErrTopicNotFound) || errors.Is(err, ErrNoInference) {
				t.Errorf("err = %v has the wrong kind", err)
			}
			if !strings.Contains(err.Error(), "query topic 1 latest inference: time of block 96: ") ||
				!strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("err = %q, want it to contain %q", err, tt.wantText)
			}
		})
	}
}

func TestRESTTopic(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /emissions/v5/topics/1", func(w http.ResponseWriter, r *http.Request) {
		w.Write(readFixture(t, "rest-topic.json"))
	})
	// Nodes of the v0.6 era answer an unknown topic with an empty one.
	mux.HandleFunc("GET /emissions/v5/topics/2", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"topic":{"id":"0","creator":"","metadata":"","epoch_length":"0"},"weight":"0","effective_revenue":"0"}`)
	})
	mux.HandleFunc("GET /emissions/v5/topics/3", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"code":5,"message":"topic 3 not found","details":[]}`)
	})
	mux.HandleFunc("GET /emissions/v5/topics/4", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"topic":{"id":"4","epoch_length":"0"}}`)
	})
	c := newTestREST(t, mux)

	got, err := c.Topic(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "topic", got, oracle.Topic{
		ID: 1, Metadata: "ETH 10min price prediction (test)", EpochLength: 20, GroundTruthLag: 20,
		WorkerSubmissionWindow: 10, EpochLastEnded: 176,
	})
	for id, want := range map[uint64]error{2: ErrTopicNotFound, 3: ErrTopicNotFound, 4: ErrUnexpectedResponse} {
		_, err := c.Topic(context.Background(), id)
		if !errors.Is(err, want) {
			t.Errorf("topic %d: err = %v, want %v", id, err, want)
		}
		if prefix := fmt.Sprintf("query topic %d: ", id); err == nil || !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("topic %d: err = %v, want prefix %q", id, err, prefix)
		}
	}
}

func TestRESTLatestHeight(t *testing.T) {
	body := strings.ReplaceAll(blockJSON96, `"height":"96"`, `"height":"177"`)
	c := newTestREST(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/cosmos/base/tendermint/v1beta1/blocks/latest" {
			t.Errorf("path %s", r.URL.Path)
		}
		fmt.Fprint(w, body)
	}))
	got, err := c.LatestHeight(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != 177 {
		t.Errorf("height = %d, want 177", got)
	}
	if tm, ok := c.blockTimes.get(177); !ok || !tm.Equal(time96) {
		t.Errorf("latest block time not cached: %v %v", tm, ok)
	}

	bad := newTestREST(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"block":{"header":{"height":"0","time":"2026-11-24T19:48:41Z"}}}`)
	}))
	if _, err := bad.LatestHeight(context.Background()); !errors.Is(err, ErrUnexpectedResponse) ||
		!strings.HasPrefix(err.Error(), "query latest block: ") {
		t.Errorf("height 0: err = %v", err)
	}
}

func TestRESTRequestDeadline(t *testing.T) {
	release := make(chan struct{})
	c := newTestREST(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}), WithTimeout(50*time.Millisecond))
	defer close(release)

	// The handler never answers until release, which is closed only when the test
	// ends: a return here is the client's own timeout giving up, whatever the clock.
	_, err := c.LatestInference(context.Background(), 1)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.LatestHeight(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: err = %v", err)
	}
}

func TestRESTKeepsBaseURLSecrets(t *testing.T) {
	var gotPath, gotKey string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotKey = r.URL.Path, r.URL.Query().Get("apikey")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	c, err := NewREST(srv.URL + "/SECRETPATH/?apikey=SECRETKEY")
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.LatestHeight(context.Background())
	if gotPath != "/SECRETPATH/cosmos/base/tendermint/v1beta1/blocks/latest" || gotKey != "SECRETKEY" {
		t.Errorf("request path %q, key %q", gotPath, gotKey)
	}
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("err = %v", err)
	}

	// Nothing listens on port 1: the transport error must not repeat the URL either.
	c, err = NewREST("http://user:SECRETPASS@127.0.0.1:1/SECRETPATH?apikey=SECRETKEY")
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.LatestInference(context.Background(), 1)
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("err = %v", err)
	}
	_, err = NewREST("http://user:SECRETPASS@[::1:bad/?apikey=SECRETKEY")
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("bad URL err = %v", err)
	}
}

func TestNewRESTReportsEveryProblem(t *testing.T) {
	_, err := NewREST("ftp://node", WithEmissionsVersion("v11"), WithTimeout(0),
		WithBlockTimeCacheSize(-1), WithHTTPClient(nil))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"scheme", "HTTP client is nil", `"v11"`, "timeout", "cache size"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	for _, bad := range []string{"", "127.0.0.1:1317", "http://", "http://node#x"} {
		if _, err := NewREST(bad); err == nil {
			t.Errorf("NewREST(%q) accepted", bad)
		}
	}
	for _, v := range []string{"v5", "v6", "v7", "v8", "v9"} {
		if _, err := NewREST("http://node:1317/", WithEmissionsVersion(v)); err != nil {
			t.Errorf("version %s: %v", v, err)
		}
	}
}

func TestBlockTimeCacheIsBounded(t *testing.T) {
	c := newBlockTimeCache(3)
	base := time.Unix(1_700_000_000, 0).UTC()
	for h := uint64(1); h <= 10; h++ {
		c.put(h, base.Add(time.Duration(h)*time.Second))
		c.put(h, base) // a second put of a height keeps the first time
	}
	if n := c.len(); n != 3 {
		t.Fatalf("%d entries, want 3", n)
	}
	for h := uint64(1); h <= 10; h++ {
		tm, ok := c.get(h)
		if want := h >= 8; ok != want {
			t.Errorf("height %d cached = %v, want %v", h, ok, want)
		}
		if ok && !tm.Equal(base.Add(time.Duration(h)*time.Second)) {
			t.Errorf("height %d time %v", h, tm)
		}
	}
}

func TestIntegerForms(t *testing.T) {
	tests := []struct {
		in      string
		want    uint64
		wantErr bool
	}{
		{`"96"`, 96, false},
		{`96`, 96, false},
		{`null`, 0, false},
		{`"18446744073709551615"`, 1<<64 - 1, false},
		{`"18446744073709551616"`, 0, true},
		{`""`, 0, true},
		{`"-1"`, 0, true},
		{`"9x"`, 0, true},
		{`1.5`, 0, true},
		{`true`, 0, true},
	}
	for _, tt := range tests {
		var u jsonUint64
		err := u.UnmarshalJSON([]byte(tt.in))
		if (err != nil) != tt.wantErr || uint64(u) != tt.want {
			t.Errorf("jsonUint64(%s) = %d, %v", tt.in, u, err)
		}
	}
}

// The REST gateway writes proto field names, grpcurl the JSON names, with bare numbers
// or strings for 64-bit integers: every form reads the same, and a field a newer node
// adds is skipped.
func TestRESTJSONForms(t *testing.T) {
	data := readFixture(t, "rest-latest-network-inferences.json")
	want, err := decodeLatestInferencesREST("v5", data, 1)
	if err != nil {
		t.Fatal(err)
	}
	var m emissionsv5.GetLatestNetworkInferencesResponse
	if err := protojson.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	camel, err := protojson.Marshal(&m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(camel), `"inferenceBlockHeight"`) {
		t.Fatalf("re-encoded without JSON names: %s", camel)
	}
	bare := strings.Replace(string(data), `"inference_block_height":"96"`, `"inference_block_height":96`, 1)
	added := strings.Replace(string(data), `"loss_block_height"`, `"newer_field":{"x":[1]},"loss_block_height"`, 1)
	for name, body := range map[string]string{"camelCase": string(camel), "bare number": bare, "added field": added} {
		got, err := decodeLatestInferencesREST("v5", []byte(body), 1)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		assertEqual(t, name, got, want)
	}
}

func TestParseWorkerWindowClosed(t *testing.T) {
	ev := func(attrs ...string) Event {
		e := Event{Type: EventTypeWorkerLastCommitSet}
		for i := 0; i+1 < len(attrs); i += 2 {
			e.Attributes = append(e.Attributes, EventAttribute{Key: attrs[i], Value: attrs[i+1], Index: true})
		}
		return e
	}
	tests := []struct {
		name    string
		ev      Event
		want    WorkerWindowClosed
		wantErr bool
	}{
		{"nonce message", ev("topic_id", `"7"`, "block_height", `"78"`, "nonce", `{"block_height":"68"}`, "mode", "EndBlock"),
			WorkerWindowClosed{TopicID: 7, BlockHeight: 78, InferenceBlockHeight: 68}, false},
		{"nonce as quoted height", ev("topic_id", `"7"`, "block_height", `"78"`, "nonce", `"68"`),
			WorkerWindowClosed{TopicID: 7, BlockHeight: 78, InferenceBlockHeight: 68}, false},
		{"bare numbers", ev("topic_id", `7`, "block_height", `78`, "nonce", `{"block_height":68}`),
			WorkerWindowClosed{TopicID: 7, BlockHeight: 78, InferenceBlockHeight: 68}, false},
		{"no nonce", ev("topic_id", `"7"`, "block_height", `"78"`), WorkerWindowClosed{}, true},
		{"no topic", ev("block_height", `"78"`, "nonce", `"68"`), WorkerWindowClosed{}, true},
		{"zero topic", ev("topic_id", `"0"`, "block_height", `"78"`, "nonce", `"68"`), WorkerWindowClosed{}, true},
		{"unquoted text", ev("topic_id", `seven`, "block_height", `"78"`, "nonce", `"68"`), WorkerWindowClosed{}, true},
		{"negative height", ev("topic_id", `"7"`, "block_height", `"-78"`, "nonce", `"68"`), WorkerWindowClosed{}, true},
		{"bad nonce", ev("topic_id", `"7"`, "block_height", `"78"`, "nonce", `{"block_height":`), WorkerWindowClosed{}, true},
		{"other event", Event{Type: "emissions.v4.EventScoresSet"}, WorkerWindowClosed{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWorkerWindowClosed(tt.ev, 0)
			if tt.wantErr {
				if !errors.Is(err, ErrUnexpectedResponse) {
					t.Errorf("err = %v, want ErrUnexpectedResponse", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "parsed", got, tt.want)
		})
	}
}
