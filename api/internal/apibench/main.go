// Command apibench measures GET /v1/topics/{topicId}/inference of the real API server
// over a seeded in-memory store against a minimal net/http handler that writes the
// same body: the ceiling of an HTTP server on this machine. Both listen on loopback in
// this process and are driven in the same run by the same load generator (keep-alive
// connections, each worker sending its next request when the last is answered). The
// measured time is cut into short slices taken in the order ceiling, api, api,
// ceiling, ... so that both see the same background load on a shared machine, and the
// ratio between them is what the API's own work costs.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func main() {
	conns := flag.Int("conns", 64, "concurrent keep-alive connections")
	duration := flag.Duration("duration", 5*time.Second, "how long each target is measured in all")
	slice := flag.Duration("slice", 500*time.Millisecond, "how long each target is driven at a time")
	warmup := flag.Duration("warmup", time.Second, "load on each target before measuring, not counted")
	flag.Parse()
	if err := run(*conns, *duration, *slice, *warmup); err != nil {
		log.Fatal(err)
	}
}

const path = "/v1/topics/1/inference"

func run(conns int, duration, slice, warmup time.Duration) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	st, err := seed(ctx)
	if err != nil {
		return err
	}
	// The rate limiter stays in the path, with a limit no client here reaches.
	srv := api.New(st, api.WithRateLimit(1e9, 1e9))
	apiLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	apiDone := make(chan error, 1)
	go func() { apiDone <- srv.Serve(ctx, apiLn) }()
	apiURL := "http://" + apiLn.Addr().String() + path

	body, err := fetch(apiURL)
	if err != nil {
		return fmt.Errorf("first request to the api: %w", err)
	}
	ceilingLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ceiling := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})}
	go func() { _ = ceiling.Serve(ceilingLn) }()
	defer ceiling.Close()
	ceilingURL := "http://" + ceilingLn.Addr().String() + path
	if b, err := fetch(ceilingURL); err != nil || string(b) != string(body) {
		return fmt.Errorf("ceiling handler answered %q, %v", b, err)
	}

	slices := max(int(duration/slice), 1)
	fmt.Printf("GET %s, %d bytes of body, %d connections, %s per target in %d slices of %s, GOMAXPROCS %d\n",
		path, len(body), conns, time.Duration(slices)*slice, slices, slice, runtime.GOMAXPROCS(0))
	targets := []*target{newTarget("net/http ceiling", ceilingURL, conns), newTarget("allora-gateway api", apiURL, conns)}
	for _, tg := range targets {
		defer tg.close()
		tg.drive(conns, warmup)
	}
	results := map[*target]*result{}
	for i := range 2 * slices {
		// ABBA: each target is first as often as second.
		tg := targets[(i+i/2)%2]
		r := tg.drive(conns, slice)
		if r.errors > 0 {
			return fmt.Errorf("%s: %d failed requests, first: %v", tg.name, r.errors, r.firstErr)
		}
		if results[tg] == nil {
			results[tg] = &result{}
		}
		results[tg].merge(r)
	}
	for _, tg := range targets {
		r := results[tg]
		fmt.Printf("  %-20s %9.0f req/s  p50 %7s  p99 %7s\n", tg.name, r.rps(), r.pct(50), r.pct(99))
	}
	c, a := results[targets[0]], results[targets[1]]
	fmt.Printf("api / ceiling: %.2f of the requests per second; p99 %s\n", a.rps()/c.rps(), a.pct(99))

	cancel()
	if err := <-apiDone; err != nil {
		return err
	}
	return nil
}

// seed fills a store as a devnet relayer would have a few epochs in.
func seed(ctx context.Context) (*store.Memory, error) {
	st := store.NewMemory()
	at := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	for _, tp := range []oracle.Topic{
		{ID: 1, Metadata: "ETH 5min Price Prediction", EpochLength: 60, GroundTruthLag: 60},
		{ID: 3, Metadata: "BTC 5min Price Prediction", EpochLength: 60, GroundTruthLag: 60},
		{ID: 9, Metadata: "ETH 8h Log-Return Prediction", EpochLength: 5760, GroundTruthLag: 5760, AllowNegative: true},
	} {
		if err := st.PutTopic(ctx, tp); err != nil {
			return nil, err
		}
	}
	for _, inf := range []oracle.Inference{
		{TopicID: 1, BlockHeight: 4_812_360, Value: "3012.533917284071236", Timestamp: at, ConfidenceIntervals: []oracle.ConfidenceInterval{
			{Percentile: "2.28", Value: "2987.1"}, {Percentile: "15.87", Value: "3001.2"}, {Percentile: "50", Value: "3012.5"},
			{Percentile: "84.13", Value: "3023.8"}, {Percentile: "97.72", Value: "3037.9"},
		}},
		{TopicID: 3, BlockHeight: 4_812_360, Value: "97234.18", Timestamp: at},
		{TopicID: 9, BlockHeight: 4_810_000, Value: "-0.0123456789", Timestamp: at},
	} {
		s, err := oracle.NewScaledInference(inf, true)
		if err != nil {
			return nil, err
		}
		if err := st.PutInference(ctx, s); err != nil {
			return nil, err
		}
	}
	return st, nil
}

func fetch(url string) ([]byte, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return io.ReadAll(res.Body)
}

type result struct {
	requests  int
	errors    int
	firstErr  error
	elapsed   time.Duration
	latencies []time.Duration
}

func (r *result) rps() float64 { return float64(r.requests) / r.elapsed.Seconds() }

func (r *result) pct(p int) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	slices.Sort(r.latencies)
	i := (len(r.latencies)*p + 99) / 100
	return r.latencies[max(i-1, 0)].Round(time.Microsecond)
}

func (r *result) merge(o *result) {
	r.requests += o.requests
	r.errors += o.errors
	r.elapsed += o.elapsed
	r.latencies = append(r.latencies, o.latencies...)
}

// target is one server under load, with the keep-alive connections to it.
type target struct {
	name   string
	req    *http.Request
	tr     *http.Transport
	client *http.Client
}

func newTarget(name, url string, conns int) *target {
	tr := &http.Transport{
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		DisableCompression:  true,
	}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		panic(err) // the URL is ours
	}
	return &target{name: name, req: req, tr: tr, client: &http.Client{Transport: tr, Timeout: 10 * time.Second}}
}

func (tg *target) close() { tg.tr.CloseIdleConnections() }

// drive sends GET from conns workers over as many keep-alive connections for d.
func (tg *target) drive(conns int, d time.Duration) *result {
	client, req := tg.client, tg.req
	per := make([]*result, conns)
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for i := range conns {
		r := &result{latencies: make([]time.Duration, 0, 1<<16)}
		per[i] = r
		wg.Go(func() {
			for {
				t0 := time.Now()
				if !t0.Before(deadline) {
					return
				}
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = errors.New(res.Status)
					}
				}
				if err != nil {
					if r.errors == 0 {
						r.firstErr = err
					}
					r.errors++
					continue
				}
				r.latencies = append(r.latencies, time.Since(t0))
				r.requests++
			}
		})
	}
	wg.Wait()
	total := &result{elapsed: time.Since(start)}
	for _, r := range per {
		total.requests += r.requests
		total.errors += r.errors
		if total.firstErr == nil {
			total.firstErr = r.firstErr
		}
		total.latencies = append(total.latencies, r.latencies...)
	}
	return total
}
