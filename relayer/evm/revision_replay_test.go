package evm_test

import (
	"bufio"
	"context"
	"encoding/json"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

// replayedNode answers as the v0.8.0 node recorded in
// testdata/same-height-value-changes.txt did, block by block: as of a block height, the
// answer recorded at the highest block at or below it. at is the block it is at now.
type replayedNode struct {
	ats  []uint64
	infs []oracle.Inference
	at   uint64
}

func loadReplay(t *testing.T, base time.Time) *replayedNode {
	t.Helper()
	f, err := os.Open("testdata/same-height-value-changes.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := &replayedNode{}
	var at uint64
	rest := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "== x-cosmos-block-height: "); ok {
			fs := strings.Fields(h)
			at, _ = strconv.ParseUint(fs[0], 10, 64)
			rest = len(fs) > 1 && fs[1] == "(REST)"
			continue
		}
		if !rest || line == "" {
			continue
		}
		var rec struct {
			Height string `json:"inference_block_height"`
			Loss   string `json:"loss_block_height"`
			Value  string `json:"combined_value"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		h, _ := strconv.ParseUint(rec.Height, 10, 64)
		l, _ := strconv.ParseUint(rec.Loss, 10, 64)
		n.ats = append(n.ats, at)
		n.infs = append(n.infs, oracle.Inference{
			TopicID: 1, BlockHeight: h, LossBlockHeight: l, Value: rec.Value,
			Timestamp: base.Add(time.Duration(h) * 5 * time.Second),
		})
	}
	if len(n.infs) < 4 {
		t.Fatalf("%d answers recorded", len(n.infs))
	}
	n.at = n.ats[len(n.ats)-1]
	return n
}

func (n *replayedNode) LatestInference(ctx context.Context, id uint64) (oracle.Inference, error) {
	return n.LatestInferenceAt(ctx, id, n.at)
}

func (n *replayedNode) LatestInferenceAt(ctx context.Context, id, height uint64) (oracle.Inference, error) {
	var found *oracle.Inference
	for i, at := range n.ats {
		if at <= height {
			found = &n.infs[i]
		}
	}
	if found == nil {
		return oracle.Inference{}, oracle.ErrNoInference
	}
	return *found, nil
}

func (n *replayedNode) Topic(ctx context.Context, id uint64) (oracle.Topic, error) {
	return oracle.Topic{ID: id}, nil
}

func (n *replayedNode) LatestBlockHeight(ctx context.Context) (uint64, error) { return n.at, nil }

// The recorded revisions replayed through the relayer's rule and a co-signer whose node
// has already seen every revision, onto a real chain: every batch is signed and the
// oracle ends at the node's last value for each height, the last height's last value
// held at the end.
func TestReplayedRevisionsReachTheChainAndEveryCosignerSigns(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	client, addr, signers := startChain(t, 146)
	chain := oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}
	w, err := evm.NewWriter(ctx, chain, client, devchain.DevKey(0))
	if err != nil {
		t.Fatal(err)
	}
	// Heights end about now, so every timestamp is inside the oracle's time bounds.
	relayerView := loadReplay(t, time.Now().Add(-time.Hour))
	last := relayerView.infs[len(relayerView.infs)-1]
	base := last.Timestamp.Add(-time.Duration(last.BlockHeight) * 5 * time.Second).Add(-time.Minute)
	relayerView = loadReplay(t, base)
	cosignerNode := loadReplay(t, base) // already at the last recorded block

	record, err := signguard.Open(filepath.Join(t.TempDir(), "record.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = record.Close() })
	svc, err := cosign.New(cosign.Config{
		Record: record,
		Signer: signers[1], Source: cosignerNode, History: cosignerNode,
		Allowed: []oracle.Chain{chain}, Clients: map[string][]byte{"relayer": []byte("0123456789abcdef0123456789abcdef")},
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(svc.Handler())
	defer srv.Close()
	cl, err := cosign.NewClient(srv.URL, signers[1].Address(), "relayer", []byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	batchSigners := []oracle.BatchSigner{oracle.LocalBatchSigner(signers[0]), cl}
	domain := oracle.NewDomain(new(big.Int).SetUint64(146), addr)

	lastValue := map[uint64]string{} // the node's last value per height
	for _, inf := range relayerView.infs {
		lastValue[inf.BlockHeight] = inf.Value
	}
	onChain := map[uint64]oracle.Update{} // the last update applied per height
	pushes := 0
	for _, at := range relayerView.ats {
		relayerView.at = at // the relayer reads the node as of this block
		inf, err := relayerView.LatestInference(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		states, err := w.TopicStates(ctx, []uint64{1})
		if err != nil {
			t.Fatal(err)
		}
		u, err := oracle.NewUpdate(inf, false)
		if err != nil {
			t.Fatal(err)
		}
		if due, _ := (oracle.Policy{}).Due(states[0], u, time.Now()); !due {
			continue
		}
		sigs, err := oracle.CollectSignatures(ctx, domain, []oracle.Update{u}, batchSigners, 2, oracle.CollectOptions{})
		if err != nil {
			t.Fatalf("block %d (loss %d), read at %d: not signed: %v", u.BlockHeight, u.LossBlockHeight, at, err)
		}
		res, err := w.Submit(ctx, []oracle.Update{u}, sigs)
		if err != nil {
			t.Fatalf("block %d (loss %d): %v", u.BlockHeight, u.LossBlockHeight, err)
		}
		if len(res.Applied) != 1 {
			t.Fatalf("block %d (loss %d): applied %v, skipped %v", u.BlockHeight, u.LossBlockHeight, res.Applied, res.Skipped)
		}
		onChain[u.BlockHeight] = res.Applied[0]
		pushes++
	}
	if pushes <= len(lastValue) {
		t.Fatalf("%d pushes for %d heights: the replay pushed no revision", pushes, len(lastValue))
	}
	for h, v := range lastValue {
		want, err := oracle.Scale(v, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := onChain[h]; got.Value == nil || got.Value.Cmp(want) != 0 {
			t.Errorf("height %d: the chain last held %v, the node's last value is %s", h, got.Value, want)
		}
	}
	states, err := w.TopicStates(ctx, []uint64{1})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := oracle.NewUpdate(last, false)
	if s := states[0]; s.Version() != want.Version() || s.Value.Cmp(want.Value) != 0 {
		t.Errorf("the chain holds block %d loss %d value %s; want block %d loss %d value %s",
			s.BlockHeight, s.LossBlockHeight, s.Value, want.BlockHeight, want.LossBlockHeight, want.Value)
	}
}
