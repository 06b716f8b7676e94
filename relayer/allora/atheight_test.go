package allora_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/allora"
)

// recordedAnswers are the REST bodies a v0.8.0 node answered for topic 1's latest
// inference as of each block height in testdata/revisions/same-height-value-changes.txt.
func recordedAnswers(t *testing.T) (heights []uint64, bodies [][]byte) {
	t.Helper()
	raw, err := os.ReadFile("testdata/revisions/same-height-value-changes.txt")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	rest := false
	for sc.Scan() {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "== "+allora.BlockHeightHeader+": "); ok {
			f := strings.Fields(h)
			rest = len(f) > 1 && f[1] == "(REST)"
			if rest {
				n, err := strconv.ParseUint(f[0], 10, 64)
				if err != nil {
					t.Fatal(err)
				}
				heights = append(heights, n)
			}
			continue
		}
		if rest && line != "" {
			// The recording keeps the heights and combined_value; put them where a
			// latest_network_inferences answer carries them.
			var rec struct {
				Height string `json:"inference_block_height"`
				Loss   string `json:"loss_block_height"`
				Value  string `json:"combined_value"`
			}
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			body, _ := json.Marshal(map[string]any{
				"network_inferences":     map[string]string{"topic_id": "1", "combined_value": rec.Value},
				"inference_block_height": rec.Height,
				"loss_block_height":      rec.Loss,
			})
			bodies = append(bodies, body)
		}
	}
	return heights, bodies
}

// The header reaches the node and the answer of that height comes back decoded, with
// its loss block height: the revision of height 468 at block 488 included.
func TestLatestInferenceAtSendsTheHeightHeader(t *testing.T) {
	heights, bodies := recordedAnswers(t)
	if len(heights) == 0 || len(heights) != len(bodies) {
		t.Fatalf("%d heights, %d bodies", len(heights), len(bodies))
	}
	block, err := os.ReadFile("testdata/revisions/rest-block-at-inference-height.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := recordedNode(t, heights, bodies, block)
	c, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion("v7"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at, height, loss uint64
		value            string
	}{
		{487, 468, 428, "2998.579082795415857115632202761692"},
		{488, 468, 448, "2998.576007275995009110159727320166"},
		{503, 488, 448, "3010.104547275995009110159727320166"},
	} {
		inf, err := c.LatestInferenceAt(t.Context(), 1, tc.at)
		if err != nil {
			t.Fatalf("at %d: %v", tc.at, err)
		}
		if inf.BlockHeight != tc.height || inf.LossBlockHeight != tc.loss || inf.Value != tc.value {
			t.Errorf("at %d: block %d loss %d value %s; want %d, %d, %s", tc.at, inf.BlockHeight, inf.LossBlockHeight, inf.Value, tc.height, tc.loss, tc.value)
		}
	}
}

// recordedNode serves the recorded answers of a v7 node by the height header.
func recordedNode(t *testing.T, heights []uint64, bodies [][]byte, block []byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := strings.CutPrefix(r.URL.Path, "/cosmos/base/tendermint/v1beta1/blocks/"); ok {
			// The recorded block, renumbered to the one asked for.
			w.Write(bytes.Replace(block, []byte(`"height":"1128"`), []byte(`"height":"`+h+`"`), 1))
			return
		}
		at, err := strconv.ParseUint(r.Header.Get(allora.BlockHeightHeader), 10, 64)
		if err != nil || r.URL.Path != "/emissions/v7/latest_network_inferences/1" {
			http.Error(w, "want the height header on the v7 latest inference query", http.StatusBadRequest)
			return
		}
		for i := len(heights) - 1; i >= 0; i-- {
			if heights[i] <= at {
				w.Write(bodies[i])
				return
			}
		}
		http.Error(w, `{"code":5,"message":"no inference"}`, http.StatusNotFound)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// noPast is an endpoint that cannot answer as of a past height, as a gRPC one.
type noPast struct{ allora.Node }

// A pool answers as of a past height from an endpoint that can, passing over one that
// cannot without counting it failed; with none that can, it says so.
func TestPoolAnswersAsOfAPastHeight(t *testing.T) {
	heights, bodies := recordedAnswers(t)
	block, err := os.ReadFile("testdata/revisions/rest-block-at-inference-height.json")
	if err != nil {
		t.Fatal(err)
	}
	rest, err := allora.NewREST(recordedNode(t, heights, bodies, block).URL, allora.WithEmissionsVersion("v7"))
	if err != nil {
		t.Fatal(err)
	}
	pool, err := allora.NewPool([]allora.PoolEndpoint{{Name: "grpc-like", Node: noPast{rest}}, {Name: "rest", Node: rest}}, allora.PoolConfig{})
	if err != nil {
		t.Fatal(err)
	}
	inf, err := pool.LatestInferenceAt(t.Context(), 1, 487)
	if err != nil || inf.BlockHeight != 468 || inf.LossBlockHeight != 428 || inf.Value != "2998.579082795415857115632202761692" {
		t.Fatalf("pool at 487: %+v, %v; want height 468 loss 428 as first answered", inf, err)
	}
	for _, h := range pool.Health() {
		if h.ConsecutiveErrors != 0 {
			t.Errorf("endpoint %s counted unhealthy for a call it cannot take", h.Name)
		}
	}
	only, err := allora.NewPool([]allora.PoolEndpoint{{Name: "grpc-like", Node: noPast{rest}}}, allora.PoolConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := only.LatestInferenceAt(t.Context(), 1, 487); !errors.Is(err, allora.ErrNoPastQueries) {
		t.Errorf("pool without a REST endpoint: %v, want ErrNoPastQueries", err)
	}
}
