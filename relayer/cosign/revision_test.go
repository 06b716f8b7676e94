package cosign

import (
	"bufio"
	"context"
	"encoding/json"
	"math/big"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// answer is what a v7 node answered over REST for topic 1 at one Allora block height.
type answer struct {
	at  uint64
	inf oracle.Inference
}

// loadRevisions reads testdata/same-height-value-changes.txt, recorded from a v0.8.0
// node: its REST answers block by block, across the reputer windows that revise the
// value of one inference height.
func loadRevisions(t *testing.T) []answer {
	t.Helper()
	f, err := os.Open("testdata/same-height-value-changes.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []answer
	var at uint64
	rest := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "== x-cosmos-block-height: "); ok {
			fields := strings.Fields(h)
			at, err = strconv.ParseUint(fields[0], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			rest = len(fields) > 1 && fields[1] == "(REST)"
			continue
		}
		if !rest || line == "" {
			continue
		}
		var raw struct {
			Height string `json:"inference_block_height"`
			Loss   string `json:"loss_block_height"`
			Value  string `json:"combined_value"`
		}
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatalf("block %d: %v", at, err)
		}
		h, _ := strconv.ParseUint(raw.Height, 10, 64)
		l, _ := strconv.ParseUint(raw.Loss, 10, 64)
		out = append(out, answer{at, oracle.Inference{
			TopicID: 1, BlockHeight: h, LossBlockHeight: l, Value: raw.Value,
			// The header time of the block at the inference height, 5 s blocks.
			Timestamp: time.Unix(1_750_000_000+int64(h)*5, 0),
		}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 4 {
		t.Fatalf("%d answers in the fixture", len(out))
	}
	return out
}

// recordedNode answers as the recorded node did: as of a block height, the answer
// recorded at the highest block at or below it; its latest is the last recorded.
type recordedNode struct {
	answers []answer
	queries atomic.Int64
}

func (n *recordedNode) LatestInference(ctx context.Context, id uint64) (oracle.Inference, error) {
	return n.answers[len(n.answers)-1].inf, nil
}

func (n *recordedNode) Topic(ctx context.Context, id uint64) (oracle.Topic, error) {
	return oracle.Topic{ID: id}, nil
}

func (n *recordedNode) LatestInferenceAt(ctx context.Context, id, height uint64) (oracle.Inference, error) {
	n.queries.Add(1)
	var found *oracle.Inference
	for i := range n.answers {
		if n.answers[i].at <= height {
			found = &n.answers[i].inf
		}
	}
	if found == nil {
		return oracle.Inference{}, oracle.ErrNoInference
	}
	return *found, nil
}

func (n *recordedNode) LatestBlockHeight(ctx context.Context) (uint64, error) {
	return n.answers[len(n.answers)-1].at, nil
}

// Every version the node gave while it revised values is signed when proposed after
// the node moved on, each with a bounded number of queries; a version it never gave,
// or another value for one it gave, is refused.
func TestCosignerChecksTheProposedVersionAfterTheNodeRevised(t *testing.T) {
	answers := loadRevisions(t)
	node := &recordedNode{answers: answers}
	c := startCosigner(t, node, 0, func(cfg *Config) { cfg.History = node })
	cl := c.client(t)

	seen := map[oracle.Version]bool{}
	revisions := 0
	for _, a := range answers {
		if seen[a.inf.Version()] {
			continue
		}
		if len(seen) > 0 && answers[0].inf.BlockHeight <= a.inf.BlockHeight {
			for v := range seen {
				if v.BlockHeight == a.inf.BlockHeight {
					revisions++
					break
				}
			}
		}
		seen[a.inf.Version()] = true
		u, err := oracle.NewUpdate(a.inf, false)
		if err != nil {
			t.Fatal(err)
		}
		before := node.queries.Load()
		if _, err := cl.SignBatch(t.Context(), testDomain, []oracle.Update{u}); err != nil {
			t.Errorf("block %d (loss %d), answered at %d: %v", u.BlockHeight, u.LossBlockHeight, a.at, err)
		}
		if q := node.queries.Load() - before; q > MaxLookups {
			t.Errorf("block %d (loss %d): %d at-height queries, more than %d", u.BlockHeight, u.LossBlockHeight, q, MaxLookups)
		}
	}
	if revisions == 0 {
		t.Fatal("the fixture holds no revision of one inference height")
	}

	// A fresh co-signer (no signing history): a loss height the node never gave for
	// the first height, and a changed value of a version it gave.
	c2 := startCosigner(t, node, 1, func(cfg *Config) { cfg.History = node })
	first := answers[0].inf
	forged := first
	forged.LossBlockHeight++
	u, err := oracle.NewUpdate(forged, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c2.client(t).SignBatch(t.Context(), testDomain, []oracle.Update{u})
	wantRefusal(t, err, ReasonUnknownVersion, "never answered")
	if got := metric(t, c2, `allora_gateway_cosign_refused_total{reason="unknown_version"}`); got != "1" {
		t.Errorf("unknown_version refusals metric = %q, want 1", got)
	}

	u, err = oracle.NewUpdate(first, false)
	if err != nil {
		t.Fatal(err)
	}
	u.Value.Add(u.Value, big.NewInt(1))
	_, err = c2.client(t).SignBatch(t.Context(), testDomain, []oracle.Update{u})
	wantRefusal(t, err, ReasonValueMismatch)

	// Without History, the same honest proposal of a revised-away version is stale.
	c3 := startCosigner(t, node, 2, nil)
	u, _ = oracle.NewUpdate(first, false)
	_, err = c3.client(t).SignBatch(t.Context(), testDomain, []oracle.Update{u})
	wantRefusal(t, err, ReasonStaleProposal)
}
