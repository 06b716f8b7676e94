package api_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// BenchmarkStreamBurst has 1,000 stream clients, each reading as fast as it can, and
// a burst of 500 events published at once, as when 500 topics close in one Allora
// block. It reports the time from the first publish until the last client has the
// last event, and how many clients were dropped: none may be.
func BenchmarkStreamBurst(b *testing.B) {
	const clients, burst = 1000, 500
	st := store.NewMemory()
	base := streamServer(b, st, api.WithMaxStreams(0, 0))
	tr := &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var (
		dropped atomic.Int64
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		reached = map[string]int{} // last event id of a burst -> clients that read it
		lastAt  = map[string]time.Time{}
		ready   sync.WaitGroup
		readers sync.WaitGroup
	)
	ready.Add(clients)
	for range clients {
		readers.Go(func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/stream", nil)
			res, err := client.Do(req)
			if err != nil {
				ready.Done()
				b.Error(err)
				return
			}
			defer res.Body.Close()
			r := bufio.NewReaderSize(res.Body, 64<<10)
			first := true
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if first { // the retry field: registered
					first = false
					ready.Done()
				}
				switch {
				case line == "event: dropped\n":
					dropped.Add(1)
				case strings.HasPrefix(line, "id: last-"):
					id := strings.TrimSuffix(line[len("id: "):], "\n")
					mu.Lock()
					reached[id]++
					lastAt[id] = time.Now()
					cond.Broadcast()
					mu.Unlock()
				}
			}
		})
	}
	ready.Wait()

	var total time.Duration
	b.ResetTimer()
	for i := range b.N {
		last := fmt.Sprintf("last-%d", i)
		start := time.Now()
		for j := range burst - 1 {
			publish(b, st, fmt.Sprintf("%d-%d", i, j), inferenceEvent(uint64(j+1)))
		}
		publish(b, st, last, inferenceEvent(burst))
		mu.Lock()
		for reached[last] < clients && dropped.Load() == 0 {
			cond.Wait()
		}
		took := lastAt[last].Sub(start)
		mu.Unlock()
		if n := dropped.Load(); n > 0 {
			b.Fatalf("%d clients dropped", n)
		}
		total += took
		fmt.Printf("burst of %d events to %d clients: the last client had the last event after %s\n", burst, clients, took.Round(time.Microsecond))
	}
	b.StopTimer()
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/burst-to-last-client")
	b.ReportMetric(float64(dropped.Load()), "dropped")
	cancel()
	readers.Wait()
}
