package allora

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv5"
	"google.golang.org/protobuf/encoding/protojson"
)

// What a v0.8.0 node (emissions v7) and a v0.6.0 node (emissions v5) answered on
// loopback in December 2026 (testdata/allora-v7, testdata/allora-v5/run2), decoded
// with their values asserted.

func readRealFixture(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRealNodeLatestInferences(t *testing.T) {
	tests := []struct {
		dir, file, version string
		height, loss       uint64
		value              string
	}{
		{"allora-v7", "rest-latest-network-inferences.json", "v7", 1128, 1108, "2971.467156901400487453915014381745"},
		{"allora-v7", "rest-latest-available-network-inferences.json", "v7", 1128, 1108, "2971.467156901400487453915014381745"},
		{"allora-v7", "rest-latest-network-inferences-outlier-resistant.json", "v7", 1128, 1108, "2971.467156901400487453915014381745"},
		{"allora-v7", "grpcurl-latest-network-inferences.json", "v7", 1268, 1248, "2998.581848424273291780500808197591"},
		{"allora-v5/run2", "rest-latest-network-inferences.json", "v5", 1228, 1208, "3017.988260856233226948044789194848"},
		{"allora-v5/run2", "rest-latest-available-network-inferences.json", "v5", 1228, 1208, "3017.988260856233226948044789194848"},
		{"allora-v5/run2", "grpcurl-latest-network-inferences.json", "v5", 1288, 1248, "2984.234079502134089062319611408963"},
	}
	for _, tt := range tests {
		t.Run(tt.dir+"/"+tt.file, func(t *testing.T) {
			data := readRealFixture(t, tt.dir, tt.file)
			// Every key of the node's answer has a field of the generated type.
			var raw emissionsv5.GetLatestNetworkInferencesResponse
			if err := protojson.Unmarshal(data, &raw); err != nil {
				t.Fatalf("strict decode: %v", err)
			}
			inf, err := decodeLatestInferencesREST(tt.version, data, 1)
			if err != nil {
				t.Fatal(err)
			}
			if inf.TopicID != 1 || inf.BlockHeight != tt.height || inf.LossBlockHeight != tt.loss || inf.Value != tt.value {
				t.Errorf("inference %+v, want topic 1 height %d loss %d value %s", inf, tt.height, tt.loss, tt.value)
			}
			if len(inf.ConfidenceIntervals) != len(raw.ConfidenceIntervalValues) {
				t.Errorf("%d confidence intervals, the answer has %d", len(inf.ConfidenceIntervals), len(raw.ConfidenceIntervalValues))
			}
			if _, err := decodeLatestInferencesREST(tt.version, data, 2); !errors.Is(err, ErrUnexpectedResponse) {
				t.Errorf("asked for topic 2: err %v, want ErrUnexpectedResponse", err)
			}
		})
	}
}

// The v5 node has no outlier-resistant query; the v7 node answers an unknown topic 404.
func TestRealNodeErrorAnswers(t *testing.T) {
	notImpl := readRealFixture(t, "allora-v5/run2", "rest-latest-network-inferences-outlier-resistant.json")
	unknown := readRealFixture(t, "allora-v7", "rest-latest-network-inferences-unknown-topic.txt")
	body, status, _ := strings.Cut(string(unknown), "\nHTTP ")
	code, _ := strconv.Atoi(strings.TrimSpace(status))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /emissions/v7/latest_network_inferences/99", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(code)
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("GET /emissions/v5/latest_network_inferences/1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotImplemented)
		w.Write(notImpl)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	v7, _ := NewREST(srv.URL, WithEmissionsVersion("v7"))
	if _, err := v7.LatestInference(context.Background(), 99); !errors.Is(err, ErrTopicNotFound) {
		t.Errorf("unknown topic on v7: %v, want ErrTopicNotFound", err)
	}
	v5, _ := NewREST(srv.URL, WithEmissionsVersion("v5"))
	if _, err := v5.LatestInference(context.Background(), 1); !errors.Is(err, ErrNotImplemented) {
		t.Errorf("501 on v5: %v, want ErrNotImplemented", err)
	}
}

func TestRealNodeTopicsBlocksAndStatus(t *testing.T) {
	for _, tt := range []struct {
		dir, version              string
		restEnded, grpcEnded      int64
		block                     uint64
		blockTime                 string
		status                    uint64
		statusTime                string
		resultsHeight, closeNonce uint64
	}{
		{"allora-v7", "v7", 1148, 1288, 1128, "2026-12-01T21:44:25.787822813Z", 1155, "2026-12-01T21:44:53.324805229Z", 1103, 1088},
		{"allora-v5/run2", "v5", 1248, 1288, 1228, "2026-12-01T22:14:29.804335939Z", 1254, "2026-12-01T22:14:56.548608938Z", 1203, 1188},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			for file, ended := range map[string]int64{"rest-topic.json": tt.restEnded, "grpcurl-topic.json": tt.grpcEnded} {
				top, err := decodeTopicREST(tt.version, readRealFixture(t, tt.dir, file), 1)
				if err != nil {
					t.Fatal(err)
				}
				if top.Metadata != "ETH 5m Prediction (heldout)" || top.EpochLength != 20 || top.GroundTruthLag != 20 ||
					top.WorkerSubmissionWindow != 15 || top.EpochLastEnded != ended {
					t.Errorf("%s: %+v", file, top)
				}
			}
			h, bt, err := decodeBlockJSON(readRealFixture(t, tt.dir, "rest-block-at-inference-height.json"))
			if err != nil || h != tt.block || bt.Format(time.RFC3339Nano) != tt.blockTime {
				t.Errorf("block: %d %v %v", h, bt, err)
			}
			h, st, err := decodeCometStatus(readRealFixture(t, tt.dir, "cometbft-status.json"))
			if err != nil || h != tt.status || st.Format(time.RFC3339Nano) != tt.statusTime {
				t.Errorf("status: %d %v %v", h, st, err)
			}
			var results struct {
				Result struct {
					Height string  `json:"height"`
					Events []Event `json:"finalize_block_events"`
				} `json:"result"`
			}
			if err := json.Unmarshal(readRealFixture(t, tt.dir, "cometbft-block-results-worker-window-close.json"), &results); err != nil {
				t.Fatal(err)
			}
			var closes []WorkerWindowClosed
			for _, ev := range results.Result.Events {
				if isWindowCloseEvent(ev.Type) {
					w, err := ParseWorkerWindowClosed(ev, tt.resultsHeight)
					if err != nil {
						t.Fatal(err)
					}
					closes = append(closes, w)
				}
			}
			want := WorkerWindowClosed{TopicID: 1, BlockHeight: tt.resultsHeight, InferenceBlockHeight: tt.closeNonce}
			if len(closes) != 1 || closes[0] != want {
				t.Errorf("window closes in block %s: %+v, want [%+v]", results.Result.Height, closes, want)
			}
		})
	}
}

// DetectREST against the version probes the nodes answered: 501 for every version but
// the one served.
func TestRealNodeVersionProbe(t *testing.T) {
	for dir, want := range map[string]string{"allora-v7": "v7", "allora-v5/run2": "v5"} {
		probes := map[string]struct {
			code int
			body string
		}{}
		sc := bufio.NewScanner(bytes.NewReader(readRealFixture(t, dir, "rest-version-probe.txt")))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			v, rest, _ := strings.Cut(sc.Text(), " ")
			code, body, _ := strings.Cut(rest, " ")
			n, err := strconv.Atoi(code)
			if err != nil {
				t.Fatalf("%s: probe line %q", dir, sc.Text())
			}
			probes[v] = struct {
				code int
				body string
			}{n, body}
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/emissions/"), "/params")
			p, ok := probes[v]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.WriteHeader(p.code)
			fmt.Fprint(w, p.body)
		}))
		got, err := DetectREST(context.Background(), srv.URL)
		srv.Close()
		if err != nil || got != want {
			t.Errorf("%s: detected %q, %v; want %s", dir, got, err, want)
		}
	}
}

// same-height-value-changes.txt: the node's answers block by block. For one
// inference_block_height the loss height moves forward and the value changes; REST and
// gRPC agree at every block; a newer inference height never has an older loss height.
func TestRealNodeRevisesTheValueOfAnInferenceHeight(t *testing.T) {
	sc := bufio.NewScanner(bytes.NewReader(readRealFixture(t, "allora-v7", "same-height-value-changes.txt")))
	sc.Buffer(nil, 16<<20)
	type answer struct {
		height, loss int64
		value        string
	}
	byBlock := map[string][]answer{}
	var order []answer
	block := ""
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "== x-cosmos-block-height: "); ok {
			block, _, _ = strings.Cut(rest, " ")
			continue
		}
		if !strings.HasPrefix(line, "{") {
			continue
		}
		// Fields picked from the answers, in the REST gateway's names or grpcurl's.
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("block %s: %v", block, err)
		}
		field := func(snake, camel string) string {
			if v, ok := r[snake].(string); ok {
				return v
			}
			v, _ := r[camel].(string)
			return v
		}
		height, err1 := strconv.ParseInt(field("inference_block_height", "inferenceBlockHeight"), 10, 64)
		loss, err2 := strconv.ParseInt(field("loss_block_height", "lossBlockHeight"), 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			t.Fatalf("block %s: %v", block, err)
		}
		a := answer{height, loss, field("combined_value", "combinedValue")}
		if len(byBlock[block]) == 0 {
			order = append(order, a)
		}
		byBlock[block] = append(byBlock[block], a)
	}
	if len(order) < 5 {
		t.Fatalf("%d blocks read", len(order))
	}
	for b, as := range byBlock {
		for _, a := range as[1:] {
			if a != as[0] {
				t.Errorf("block %s: REST and gRPC differ: %+v vs %+v", b, as[0], a)
			}
		}
	}
	revisions := 0
	for i := 1; i < len(order); i++ {
		prev, cur := order[i-1], order[i]
		if cur.height < prev.height || (cur.height == prev.height && cur.loss < prev.loss) {
			t.Errorf("answer %+v after %+v goes back", cur, prev)
		}
		if cur.height == prev.height && cur.loss > prev.loss {
			revisions++
			if cur.value == prev.value {
				t.Errorf("height %d: loss moved %d → %d with the same value", cur.height, prev.loss, cur.loss)
			}
		}
		if cur.height == prev.height && cur.loss == prev.loss && cur.value != prev.value {
			t.Errorf("height %d loss %d: two values", cur.height, cur.loss)
		}
	}
	if revisions == 0 {
		t.Error("no revision of an inference height found")
	}
	t.Logf("%d blocks, %d revisions of an inference height", len(order), revisions)
}

// The blocks where the nodes closed a reputer window (and revised the latest
// inference of topic 1, its loss height moving to the reputer nonce) are read as a
// revision: the topic, the block and the new loss height, under the event name of
// each version.
func TestRealNodeReputerWindowCloseIsARevision(t *testing.T) {
	for _, tt := range []struct {
		dir, version string
		height, loss uint64
	}{
		{"allora-v7", "v7", 1108, 1068},
		{"allora-v5/run2", "v5", 1208, 1168},
	} {
		for _, file := range []string{"cometbft-block-results-reputer-window-close.json", "cometbft-block-results-network-loss-set.json"} {
			t.Run(tt.dir+"/"+file, func(t *testing.T) {
				var results struct {
					Result struct {
						Height string  `json:"height"`
						Events []Event `json:"finalize_block_events"`
					} `json:"result"`
				}
				if err := json.Unmarshal(readRealFixture(t, tt.dir, file), &results); err != nil {
					t.Fatal(err)
				}
				if results.Result.Height != strconv.FormatUint(tt.height, 10) {
					t.Fatalf("block %s, want %d", results.Result.Height, tt.height)
				}
				named := 0
				for _, ev := range results.Result.Events {
					if ev.Type == ReputerCloseEventType(tt.version) {
						named++
					}
				}
				if named != 1 {
					t.Errorf("%d events named %s in the block, want 1", named, ReputerCloseEventType(tt.version))
				}
				windows, problems := blockWindows(results.Result.Events, tt.height)
				want := WorkerWindowClosed{TopicID: 1, BlockHeight: tt.height, LossBlockHeight: tt.loss}
				if len(problems) != 0 || len(windows) != 1 || windows[0] != want {
					t.Errorf("block windows %+v (problems %v), want [%+v]", windows, problems, want)
				}
			})
		}
	}
}
