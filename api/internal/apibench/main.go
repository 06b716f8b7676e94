// Command apibench measures the real API server against a minimal net/http handler
// that writes the same body: the ceiling of an HTTP server on this machine. It drives
// four routes (a topic's inference, the chains, a prediction and a history page),
// each served by the API over a seeded in-memory store and over the same data in
// Redis, both through the API's read cache as the binary runs them. Every server
// listens on loopback in this process and is driven in the same run by the same load
// generator (keep-alive connections, each worker sending its next request when the
// last is answered). The measured time is cut into short slices taken in turns
// (ceiling, memory, redis, then rotated), so that all see the same background load on
// a shared machine, and the ratio to the ceiling is what the API's own work costs.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func main() {
	conns := flag.Int("conns", 64, "concurrent keep-alive connections")
	duration := flag.Duration("duration", 3*time.Second, "how long each target is measured in all, per route")
	slice := flag.Duration("slice", 250*time.Millisecond, "how long each target is driven at a time")
	warmup := flag.Duration("warmup", 500*time.Millisecond, "load on each target before measuring, not counted")
	redisURL := flag.String("redis", "redis://127.0.0.1:6379/0", "the Redis to seed and serve from, under a prefix of this run's own")
	refresh := flag.Duration("cache-refresh", api.DefaultCacheRefresh, "the read cache's refresh (api.cache_refresh); 0 reads the store on every request")
	flag.Parse()
	if err := run(*conns, *duration, *slice, *warmup, *redisURL, *refresh); err != nil {
		log.Fatal(err)
	}
}

// routes are the paths measured.
var routes = []string{"/v1/topics/1/inference", "/v1/chains", "/v1/predictions/ETH/5m", "/v1/topics/1/history"}

// assets maps the predictions route's asset to its topic.
var assets = []oracle.AssetTopic{{Asset: "ETH", Timeframe: "5m", TopicID: 1}}

func run(conns int, duration, slice, warmup time.Duration, redisURL string, refresh time.Duration) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	mem := store.NewMemory()
	if err := seed(ctx, mem); err != nil {
		return err
	}
	prefix := fmt.Sprintf("allora-gateway-apibench-%d-%d", os.Getpid(), time.Now().UnixNano())
	rds, closeRedis, err := store.DialRedis(ctx, redisURL, prefix)
	if err != nil {
		return fmt.Errorf("redis (give -redis): %w", err)
	}
	defer func() {
		cleanup(redisURL, prefix)
		_ = closeRedis()
	}()
	if err := seed(ctx, rds); err != nil {
		return err
	}

	serve := func(st api.Reader) (string, func() error, error) {
		// The rate limiter stays in the path, with a limit no client here reaches.
		srv := api.New(st, api.WithRateLimit(1e9, 1e9), api.WithAssetTopics(assets), api.WithReadCache(refresh))
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", nil, err
		}
		sctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- srv.Serve(sctx, ln) }()
		return "http://" + ln.Addr().String(), func() error { stop(); return <-done }, nil
	}
	memURL, stopMem, err := serve(mem)
	if err != nil {
		return err
	}
	redisBase, stopRedis, err := serve(rds)
	if err != nil {
		return err
	}

	// The ceiling answers each route with the body the API answers.
	bodies := map[string][]byte{}
	for _, path := range routes {
		b, err := fetch(memURL + path)
		if err != nil {
			return fmt.Errorf("first request to the api: %w", err)
		}
		if rb, err := fetch(redisBase + path); err != nil || string(rb) != string(b) {
			return fmt.Errorf("the api over redis answered %s with %q, %v; over memory %q", path, rb, err, b)
		}
		bodies[path] = b
	}
	ceilingLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ceiling := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(bodies[r.URL.Path])
	})}
	go func() { _ = ceiling.Serve(ceilingLn) }()
	defer ceiling.Close()
	ceilingURL := "http://" + ceilingLn.Addr().String()

	n := max(int(duration/slice), 1)
	fmt.Printf("%d connections, %s per target and route in %d slices of %s, read cache refresh %s, GOMAXPROCS %d\n",
		conns, time.Duration(n)*slice, n, slice, refresh, runtime.GOMAXPROCS(0))
	fmt.Printf("%-26s %6s  %-8s %9s %9s %9s  %s\n", "route", "bytes", "store", "req/s", "p50", "p99", "of ceiling")
	for _, path := range routes {
		targets := []*target{
			newTarget("ceiling", ceilingURL+path, conns),
			newTarget("memory", memURL+path, conns),
			newTarget("redis", redisBase+path, conns),
		}
		for _, tg := range targets {
			defer tg.close()
			tg.drive(conns, warmup)
		}
		results := map[*target]*result{}
		for i := range len(targets) * n {
			// Each round goes through every target, starting one further each time,
			// so each is first as often as the others.
			tg := targets[(i+i/len(targets))%len(targets)]
			r := tg.drive(conns, slice)
			if r.errors > 0 {
				return fmt.Errorf("%s %s: %d failed requests, first: %v", tg.name, path, r.errors, r.firstErr)
			}
			if results[tg] == nil {
				results[tg] = &result{}
			}
			results[tg].merge(r)
		}
		c := results[targets[0]]
		for _, tg := range targets {
			r := results[tg]
			fmt.Printf("%-26s %6d  %-8s %9.0f %9s %9s  %.2f\n", path, len(bodies[path]), tg.name, r.rps(), r.pct(50), r.pct(99), r.rps()/c.rps())
		}
	}

	return errors.Join(stopMem(), stopRedis())
}

// cleanup deletes the keys the run wrote.
func cleanup(url, prefix string) {
	o, err := redis.ParseURL(url)
	if err != nil {
		return
	}
	rc := redis.NewClient(o)
	defer rc.Close()
	ctx := context.Background()
	iter := rc.Scan(ctx, 0, prefix+"*", 200).Iterator()
	for iter.Next(ctx) {
		rc.Del(ctx, iter.Val())
	}
}

// seed fills a store as a devnet relayer would have a while in: three topics, topic 1
// with a full history page, three chains holding them, and prices.
func seed(ctx context.Context, st store.Store) error {
	at := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	for _, tp := range []oracle.Topic{
		{ID: 1, Metadata: "ETH 5min Price Prediction", EpochLength: 60, GroundTruthLag: 60},
		{ID: 3, Metadata: "BTC 5min Price Prediction", EpochLength: 60, GroundTruthLag: 60},
		{ID: 9, Metadata: "ETH 8h Log-Return Prediction", EpochLength: 5760, GroundTruthLag: 5760, AllowNegative: true},
	} {
		if err := st.PutTopic(ctx, tp); err != nil {
			return err
		}
	}
	infs := []oracle.Inference{
		{TopicID: 3, BlockHeight: 4_812_360, Value: "97234.18", Timestamp: at},
		{TopicID: 9, BlockHeight: 4_810_000, Value: "-0.0123456789", Timestamp: at},
	}
	for i := range api.DefaultHistoryLimit + 10 {
		back := time.Duration(api.DefaultHistoryLimit+9-i) * time.Minute
		infs = append(infs, oracle.Inference{TopicID: 1, BlockHeight: 4_812_360 - uint64(api.DefaultHistoryLimit+9-i)*60,
			Value: fmt.Sprintf("30%02d.533917284071236", i%100), Timestamp: at.Add(-back), ConfidenceIntervals: []oracle.ConfidenceInterval{
				{Percentile: "2.28", Value: "2987.1"}, {Percentile: "15.87", Value: "3001.2"}, {Percentile: "50", Value: "3012.5"},
				{Percentile: "84.13", Value: "3023.8"}, {Percentile: "97.72", Value: "3037.9"},
			}})
	}
	for _, inf := range infs {
		s, err := oracle.NewScaledInference(inf, true)
		if err != nil {
			return err
		}
		if err := st.PutInference(ctx, s); err != nil {
			return err
		}
	}
	for i, c := range []oracle.Chain{
		{ID: 56, Name: "bnb", Oracle: common.HexToAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3")},
		{ID: 146, Name: "sonic", Oracle: common.HexToAddress("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0")},
		{ID: 324, Name: "zksync", Oracle: common.HexToAddress("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512")},
	} {
		if err := st.PutChain(ctx, c); err != nil {
			return err
		}
		for _, id := range []uint64{1, 3, 9} {
			t := oracle.ChainTopic{TopicID: id, BlockHeight: 4_812_300 - uint64(i)*60, Value: big.NewInt(3_000_000 + int64(id)),
				Timestamp: uint64(at.Unix()), LastPush: at, TxHash: common.BigToHash(big.NewInt(int64(id*1000) + int64(i)))}
			if err := st.PutChainTopic(ctx, c.ID, t); err != nil {
				return err
			}
		}
	}
	return st.RecordPrice(ctx, store.Price{Asset: "ETH", Value: "3011.75", At: at, Source: "ETH / USD feed on bnb"})
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
