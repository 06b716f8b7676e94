package cli

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestStatusLagAgreesWithMetricsAndAPI gives the relayer's lag metrics, the API's
// /v1/chains and status the same inputs (Allora's latest inference of each topic and
// what one chain's oracle holds) and checks that they report the same lag: blocks
// exactly, and seconds within the moments the readings were taken.
func TestStatusLagAgreesWithMetricsAndAPI(t *testing.T) {
	ctx := context.Background()
	stamp := uint64(time.Now().Add(-25 * time.Second).Unix())
	chain := oracle.Chain{ID: 146, Name: "sonic", Oracle: common.HexToAddress("0x00000000000000000000000000000000000a11ce")}
	latest := map[uint64]*oracle.Inference{
		7: {TopicID: 7, BlockHeight: 1_020, Value: "3012.5", Timestamp: time.Unix(int64(stamp)+30, 0)},
		9: {TopicID: 9, BlockHeight: 2_000, Value: "97000", Timestamp: time.Unix(int64(stamp), 0)},
		// Topic 11: the reader's Allora node is behind what the chain holds.
		11: {TopicID: 11, BlockHeight: 490, Value: "1.5", Timestamp: time.Unix(int64(stamp), 0)},
		// Topic 13: Allora has an inference, the oracle none yet.
		13: {TopicID: 13, BlockHeight: 300, Value: "2.5", Timestamp: time.Unix(int64(stamp), 0)},
	}
	held := map[uint64]oracle.ChainTopic{
		7:  {TopicID: 7, BlockHeight: 1_005, Value: big.NewInt(1), Timestamp: stamp},
		9:  {TopicID: 9, BlockHeight: 2_000, Value: big.NewInt(2), Timestamp: stamp - 60},
		11: {TopicID: 11, BlockHeight: 500, Value: big.NewInt(3), Timestamp: stamp},
		13: {TopicID: 13},
	}
	topics := []uint64{7, 9, 11, 13}

	st := store.NewMemory()
	if err := st.PutChain(ctx, chain); err != nil {
		t.Fatal(err)
	}
	for _, id := range topics {
		inf, err := oracle.NewScaledInference(*latest[id], false)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.PutInference(ctx, inf); err != nil {
			t.Fatal(err)
		}
		if err := st.PutChainTopic(ctx, chain.ID, held[id]); err != nil {
			t.Fatal(err)
		}
	}

	reg := prometheus.NewRegistry()
	if _, err := relayer.NewMetrics(reg, st); err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	fams, err := reg.Gather()
	after := time.Now()
	if err != nil {
		t.Fatal(err)
	}
	metricBlocks, metricSeconds := map[uint64]float64{}, map[uint64]float64{}
	for _, f := range fams {
		for _, m := range f.GetMetric() {
			var topic uint64
			for _, lp := range m.GetLabel() {
				if lp.GetName() == "topic" {
					topic, _ = strconv.ParseUint(lp.GetValue(), 10, 64)
				}
			}
			switch f.GetName() {
			case "allora_gateway_chain_lag_blocks":
				metricBlocks[topic] = m.GetGauge().GetValue()
			case "allora_gateway_chain_lag_seconds":
				metricSeconds[topic] = m.GetGauge().GetValue()
			}
		}
	}

	srv := httptest.NewServer(api.New(st).Handler())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/v1/chains")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var chains struct {
		Chains []struct {
			Topics []struct {
				TopicID   uint64 `json:"topic_id"`
				LagBlocks uint64 `json:"lag_blocks"`
			} `json:"topics"`
		} `json:"chains"`
	}
	if err := json.NewDecoder(res.Body).Decode(&chains); err != nil || len(chains.Chains) != 1 {
		t.Fatalf("/v1/chains: %+v, %v", chains, err)
	}
	apiBlocks := map[uint64]uint64{}
	for _, tp := range chains.Chains[0].Topics {
		apiBlocks[tp.TopicID] = tp.LagBlocks
	}

	wantBlocks := map[uint64]uint64{7: 15, 9: 0, 11: 0, 13: 300}
	for _, id := range topics {
		early, late := topicStatus{TopicID: id, ChainHeight: held[id].BlockHeight, held: held[id]}, topicStatus{held: held[id]}
		early.setLag(latest[id], before)
		late.setLag(latest[id], after)
		if early.Lag == nil || uint64(*early.Lag) != wantBlocks[id] {
			t.Errorf("topic %d: status lag %v, want %d", id, early.Lag, wantBlocks[id])
		}
		if got, ok := metricBlocks[id]; !ok || got != float64(wantBlocks[id]) {
			t.Errorf("topic %d: allora_gateway_chain_lag_blocks %v (present %v), want %d", id, got, ok, wantBlocks[id])
		}
		if got := apiBlocks[id]; got != wantBlocks[id] {
			t.Errorf("topic %d: /v1/chains lag_blocks %d, want %d", id, got, wantBlocks[id])
		}
		seconds, ok := metricSeconds[id]
		if held[id].BlockHeight == 0 {
			if ok || early.AgeSeconds != nil {
				t.Errorf("topic %d: nothing held, yet an age: metric %v (present %v), status %v", id, seconds, ok, early.AgeSeconds)
			}
			continue
		}
		// Status prints whole seconds of the same age the metric gives exactly.
		if !ok || early.AgeSeconds == nil || late.AgeSeconds == nil ||
			seconds < float64(*early.AgeSeconds) || seconds >= float64(*late.AgeSeconds+1) {
			t.Errorf("topic %d: allora_gateway_chain_lag_seconds %v (present %v), status age between %v and %v s",
				id, seconds, ok, early.AgeSeconds, late.AgeSeconds)
		}
	}
}
