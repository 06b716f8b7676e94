package emulator_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// By default a v7 chain answers an inference height N first at its worker window's
// close and again, with a newer loss height and another value, from the block that
// closes the next reputer window (N + epoch length), read over REST block by block as
// the real node's same-height-value-changes.txt was; and asked as of a past height it
// answers what it answered then, as a node does for a co-signer checking a batch read
// before a revision.
func TestEmulatorRevisesAnInferenceAtTheReputerWindow(t *testing.T) {
	cfg := testConfig()
	cfg.EmissionsVersion = emulator.NodeEmissionsVersion
	cfg.Topics = cfg.Topics[:1] // epoch 5, window 2, ground truth lag 5
	emu, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion("v7"))
	if err != nil {
		t.Fatal(err)
	}
	topic := cfg.Topics[0]
	type answer struct {
		loss  uint64
		value string
		at    uint64
	}
	seen := map[uint64][]answer{}
	for range 60 {
		emu.Advance(1)
		inf, err := rest.LatestInference(context.Background(), topic.ID)
		if err != nil {
			continue // no inference yet
		}
		as := seen[inf.BlockHeight]
		if len(as) == 0 || as[len(as)-1].loss != inf.LossBlockHeight || as[len(as)-1].value != inf.Value {
			seen[inf.BlockHeight] = append(as, answer{inf.LossBlockHeight, inf.Value, emu.Height()})
		}
	}
	revised := 0
	for n, as := range seen {
		if len(as) > 2 {
			t.Errorf("height %d answered %d ways: %+v", n, len(as), as)
		}
		if as[0].at != n+uint64(topic.WorkerSubmissionWindow) {
			t.Errorf("height %d first answered at block %d, want its window's close %d", n, as[0].at, n+uint64(topic.WorkerSubmissionWindow))
		}
		if len(as) == 2 {
			revised++
			if as[1].at != n+uint64(topic.EpochLength) || as[1].loss <= as[0].loss || as[1].value == as[0].value {
				t.Errorf("height %d revision %+v after %+v: want at block %d, a newer loss height and another value",
					n, as[1], as[0], n+uint64(topic.EpochLength))
			}
		}
	}
	if revised < len(seen)/2 {
		t.Errorf("%d of %d inference heights revised", revised, len(seen))
	}

	for n, as := range seen {
		for _, a := range as {
			for _, at := range []uint64{a.at, a.at + 1} {
				if (len(as) == 2 && a == as[0] && at == as[1].at) || at > emu.Height() {
					continue
				}
				got, err := rest.LatestInferenceAt(context.Background(), topic.ID, at)
				if err != nil {
					t.Fatalf("height %d as of block %d: %v", n, at, err)
				}
				if got.BlockHeight != n || got.LossBlockHeight != a.loss || got.Value != a.value {
					t.Errorf("as of block %d: height %d loss %d value %s, want height %d loss %d value %s",
						at, got.BlockHeight, got.LossBlockHeight, got.Value, n, a.loss, a.value)
				}
			}
		}
	}
	if _, err := rest.LatestInferenceAt(context.Background(), topic.ID, 1); !errors.Is(err, oracle.ErrNoInference) {
		t.Errorf("as of block 1, before the first inference: %v, want ErrNoInference", err)
	}
	if _, err := rest.LatestInferenceAt(context.Background(), topic.ID, emu.Height()+5); err == nil {
		t.Error("as of a future block: no error")
	}

	// NoRevisions keeps the first value of every height.
	cfg.NoRevisions = true
	plain, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	values := map[uint64]string{}
	for range 60 {
		plain.Advance(1)
		if inf, ok := plain.Latest(topic.ID); ok {
			if v, dup := values[inf.BlockHeight]; dup && v != inf.Value {
				t.Fatalf("height %d revised with NoRevisions", inf.BlockHeight)
			}
			values[inf.BlockHeight] = inf.Value
		}
	}
}
