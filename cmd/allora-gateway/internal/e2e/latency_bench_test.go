package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// BenchmarkInferenceToPush measures, for b.N new Allora inferences, the time from the
// emulator closing the topic's worker window (the inference exists) to the chain's
// oracle holding it in its latest block, per chain, with the relayer binary, anvil's
// one-second blocks and the chain presets (BNB waits 2 confirmations before its next
// batch, Sonic 10, ZKsync Era 1). Both ends are polled every 25 ms. It reports p50
// and p99 per chain in milliseconds. Four topics with 8-block epochs give about one
// inference every two seconds: run it with -benchtime Nx (make bench-e2e).
func BenchmarkInferenceToPush(b *testing.B) {
	var topics []emulator.TopicConfig
	for i := range 4 {
		topics = append(topics, emulator.TopicConfig{ID: uint64(i + 1), Metadata: fmt.Sprintf("bench %d", i+1),
			EpochLength: 8, WorkerSubmissionWindow: int64(2 + i), StartPrice: "100"})
	}
	h := newHarness(b, Options{Topics: topics})
	h.StartRelayer("relayer", h.WriteConfig("relayer", nil))
	h.waitEveryTopicEverywhere()

	type key struct{ topic, height uint64 }
	appeared := map[key]time.Time{}
	var order []key
	landed := map[string]map[key]time.Duration{}
	for _, c := range h.Chains {
		landed[c.Name] = map[key]time.Duration{}
	}
	known := map[uint64]uint64{}
	for _, id := range h.TopicIDs() {
		known[id] = h.AlloraLatest(id) // already relayed at start: not measured
	}
	b.ResetTimer()
	deadline := time.Now().Add(time.Duration(b.N)*10*time.Second + time.Minute)
	for {
		now := time.Now()
		for _, id := range h.TopicIDs() {
			if hgt := h.AlloraLatest(id); hgt > known[id] {
				known[id] = hgt
				if len(order) < b.N {
					k := key{id, hgt}
					appeared[k] = now
					order = append(order, k)
				}
			}
		}
		all := len(order) == b.N
		for _, c := range h.Chains {
			got, err := h.Heights(c)
			if err != nil {
				b.Fatal(err)
			}
			for _, k := range order {
				if _, ok := landed[c.Name][k]; !ok {
					if got[k.topic] >= k.height {
						landed[c.Name][k] = time.Since(appeared[k])
					} else {
						all = false
					}
				}
			}
		}
		if all {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("after %v: %d of %d inferences seen; landed per chain: bnb %d, zksync-era %d, sonic %d", time.Since(deadline),
				len(order), b.N, len(landed["bnb"]), len(landed["zksync-era"]), len(landed["sonic"]))
		}
		time.Sleep(25 * time.Millisecond)
	}
	b.StopTimer()
	for _, c := range h.Chains {
		var ds []time.Duration
		for _, d := range landed[c.Name] {
			ds = append(ds, d)
		}
		slices.Sort(ds)
		b.ReportMetric(float64(ds[len(ds)/2].Milliseconds()), c.Name+"-p50-ms")
		b.ReportMetric(float64(ds[(len(ds)*99)/100].Milliseconds()), c.Name+"-p99-ms")
	}
}
