package emulator_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// With Revisions, a v7 chain answers an inference height N first at its worker window's
// close and again, with a newer loss height and another value, from the block that
// closes the next reputer window (N + epoch length), read over REST block by block as
// the real node's same-height-value-changes.txt was.
func TestEmulatorRevisesAnInferenceAtTheReputerWindow(t *testing.T) {
	cfg := testConfig()
	cfg.EmissionsVersion = "v7"
	cfg.Revisions = true
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

	// Without the option nothing is revised (devnet and e2e run so for now).
	cfg.Revisions = false
	plain, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	values := map[uint64]string{}
	for range 60 {
		plain.Advance(1)
		if inf, ok := plain.Latest(topic.ID); ok {
			if v, dup := values[inf.BlockHeight]; dup && v != inf.Value {
				t.Fatalf("height %d revised without Revisions", inf.BlockHeight)
			}
			values[inf.BlockHeight] = inf.Value
		}
	}
}
