package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// BenchmarkInferenceToPush measures, for b.N new Allora inferences, the time from the
// emulator closing the topic's worker window (the block after which the query first
// answers the inference, taken when the harness makes that block) to the chain's
// oracle holding it in its latest block, per chain, with the relayer binary reading
// the emulator's websocket, anvil's one-second blocks and the chain presets (BNB
// waits 2 confirmations before its next batch, Sonic 10, ZKsync Era 1). The chains are
// polled every 25 ms. It reports p50 and p99 per chain in seconds, and in chain blocks:
// the block the update was mined in less the chain's head when the window closed
// (1 is the next block); and window close → the relayer's store holding the inference
// (read-p50-s, read-p99-s: the websocket's part, polled like the chains). The emulator revises every height at its reputer window, as
// nodes do, and the relayer pushes those too; only new heights are measured. Run once
// per emissions version: v7 (the node the emulator is checked against) and v5, whose
// event is v4-named. Four topics with 8-block epochs, their windows closing in
// different blocks (one topic a block), give about one inference every two seconds;
// the 20-topics-one-block run closes 20 topics' windows in the same Allora block, on
// v7. Run it with -benchtime Nx (make bench-e2e).
func BenchmarkInferenceToPush(b *testing.B) {
	for _, version := range []string{emulator.NodeEmissionsVersion, "v5"} {
		b.Run(version, func(b *testing.B) { benchInferenceToPush(b, version, 4, false) })
	}
	b.Run(emulator.NodeEmissionsVersion+"-20-topics-one-block", func(b *testing.B) {
		benchInferenceToPush(b, emulator.NodeEmissionsVersion, 20, true)
	})
}

func benchInferenceToPush(b *testing.B, version string, n int, oneBlock bool) {
	var topics []emulator.TopicConfig
	window := map[uint64]uint64{}
	for i := range n {
		id := uint64(i + 1)
		w := uint64(2 + i)
		if oneBlock {
			w = 2
		}
		topics = append(topics, emulator.TopicConfig{ID: id, Metadata: fmt.Sprintf("bench %d", i+1),
			EpochLength: 8, WorkerSubmissionWindow: int64(w), StartPrice: "100"})
		window[id] = w
	}
	h := newHarness(b, Options{Topics: topics, EmissionsVersion: version, AlignEpochs: oneBlock})
	h.StartRelayer("relayer", h.WriteConfig("relayer", nil))
	h.waitEveryTopicEverywhere()
	// The relayer's store, where an inference is written as soon as it is read: window
	// close → read is the websocket's part, read → chain the chain's.
	st, closeStore, err := store.DialRedis(context.Background(), h.Redis.URL(), h.Prefix)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = closeStore() }()

	type key struct{ topic, height uint64 }
	type headSample struct {
		at   time.Time
		head uint64
	}
	var order []key
	read := map[key]time.Time{}
	landed := map[string]map[key]time.Time{}
	heads := map[string][]headSample{}
	for _, c := range h.Chains {
		landed[c.Name] = map[key]time.Time{}
	}
	known := map[uint64]uint64{}
	for _, id := range h.TopicIDs() {
		known[id] = h.AlloraLatest(id) // already relayed at start: not measured
	}
	b.ResetTimer()
	deadline := time.Now().Add(time.Duration(b.N)*10*time.Second + time.Minute)
	for {
		for _, id := range h.TopicIDs() {
			if hgt := h.AlloraLatest(id); hgt > known[id] {
				known[id] = hgt
				if len(order) < b.N {
					order = append(order, key{id, hgt})
				}
			}
		}
		all := len(order) == b.N
		for _, k := range order {
			if _, ok := read[k]; ok {
				continue
			}
			inf, err := st.LatestInference(context.Background(), k.topic)
			if err == nil && inf.BlockHeight >= k.height {
				read[k] = time.Now()
			} else {
				all = false
			}
		}
		for _, c := range h.Chains {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			head, err := c.Node.Client.BlockNumber(ctx)
			cancel()
			if err != nil {
				b.Fatal(err)
			}
			heads[c.Name] = append(heads[c.Name], headSample{time.Now(), head})
			got, err := h.Heights(c)
			if err != nil {
				b.Fatal(err)
			}
			now := time.Now()
			for _, k := range order {
				if _, ok := landed[c.Name][k]; !ok {
					if got[k.topic] >= k.height {
						landed[c.Name][k] = now
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
	// Keep sampling each head until the last batch is as deep as its preset's
	// confirmations, for the time to finality.
	until := map[string]uint64{}
	for _, c := range h.Chains {
		tx, _ := presets.TxConfigFor(c.ID)
		until[c.Name] = heads[c.Name][len(heads[c.Name])-1].head + tx.Confirmations
	}
	for deep := false; !deep; {
		time.Sleep(25 * time.Millisecond)
		deep = true
		for _, c := range h.Chains {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			head, err := c.Node.Client.BlockNumber(ctx)
			cancel()
			if err != nil {
				b.Fatal(err)
			}
			heads[c.Name] = append(heads[c.Name], headSample{time.Now(), head})
			deep = deep && head >= until[c.Name]
		}
	}
	var reads []time.Duration
	for _, k := range order {
		closed, _ := h.ClosedAt(k.height + window[k.topic])
		reads = append(reads, read[k].Sub(closed))
	}
	slices.Sort(reads)
	b.ReportMetric(reads[len(reads)/2].Seconds(), "read-p50-s")
	b.ReportMetric(reads[(len(reads)*99)/100].Seconds(), "read-p99-s")
	for _, c := range h.Chains {
		// The block each measured height was first mined in.
		applied, err := h.AppliedUpdates(c)
		if err != nil {
			b.Fatal(err)
		}
		minedIn := map[key]uint64{}
		for _, a := range applied {
			k := key{a.Topic, a.Height}
			if _, ok := minedIn[k]; !ok {
				minedIn[k] = a.Block
			}
		}
		// Final: the first sample of the head at the mined block plus the preset's
		// confirmations, the depth the relayer counts a batch landed at.
		tx, _ := presets.TxConfigFor(c.ID)
		var secs, final []time.Duration
		var blocks []uint64
		for _, k := range order {
			closed, ok := h.ClosedAt(k.height + window[k.topic])
			if !ok {
				b.Fatalf("no time for Allora block %d", k.height+window[k.topic])
			}
			secs = append(secs, landed[c.Name][k].Sub(closed))
			// The chain's head when the window closed: the last sample taken by then.
			var head uint64
			for _, s := range heads[c.Name] {
				if s.at.After(closed) {
					break
				}
				head = s.head
			}
			mined, ok := minedIn[k]
			if !ok || head == 0 {
				// Overtaken by a newer height of the topic in the same batch, or closed
				// before the first sample of the head.
				continue
			}
			blocks = append(blocks, mined-head)
			for _, s := range heads[c.Name] {
				if s.head >= mined+tx.Confirmations {
					final = append(final, s.at.Sub(closed))
					break
				}
			}
		}
		slices.Sort(secs)
		slices.Sort(blocks)
		b.ReportMetric(secs[len(secs)/2].Seconds(), c.Name+"-p50-s")
		b.ReportMetric(secs[(len(secs)*99)/100].Seconds(), c.Name+"-p99-s")
		if len(blocks) > 0 {
			b.ReportMetric(float64(blocks[len(blocks)/2]), c.Name+"-p50-blocks")
			b.ReportMetric(float64(blocks[(len(blocks)*99)/100]), c.Name+"-p99-blocks")
		}
		if len(final) > 0 {
			slices.Sort(final)
			b.ReportMetric(final[len(final)/2].Seconds(), c.Name+"-final-p50-s")
			b.ReportMetric(final[(len(final)*99)/100].Seconds(), c.Name+"-final-p99-s")
		}
	}
}
