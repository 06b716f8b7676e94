// Package emulator is an in-process Allora chain for devnet and tests. It makes blocks,
// opens and closes each topic's worker submission windows on the chain's schedule,
// computes a network inference from a synthetic price path whenever a window closes,
// and answers the queries the gateway makes of an allorad node — the emissions REST
// (gRPC-gateway) API, the cosmos block queries and CometBFT's /status — in the same
// JSON, on one HTTP listener, with CometBFT's /websocket pushing the block events a node
// emits when a worker window closes.
//
// Schedule, as on the chain: topic epochs open every EpochLength blocks; the block that
// opens an epoch is its worker nonce. The worker submission window of that nonce
// closes WorkerSubmissionWindow blocks later, and from that block on the topic's latest
// network inference has inference_block_height = the nonce. The first epoch of the
// topic at index i in Config.Topics opens at StartHeight+1+i%3, so the first inference
// of every topic appears WorkerSubmissionWindow+1 to +3 blocks after start; with
// Config.AlignEpochs every first epoch opens at StartHeight+1, so topics of one epoch
// length and window close their windows in the same blocks.
package emulator

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"sync"
	"sync/atomic"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	"github.com/shopspring/decimal"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/internal/graceful"
	"github.com/allora-gateway/allora-gateway/oracle"
)

// Defaults of Config.
const (
	DefaultBlockTime        = time.Second
	DefaultEmissionsVersion = "v5"
	DefaultChainID          = "allora-emulator-1"
	DefaultBlockHistory     = 1000
	// NodeEmissionsVersion is the emissions version of the newest real node the
	// emulator is checked against (allora-chain v0.8.0, whose answers, event names
	// and revisions are in the fixture tests): devnet and the end-to-end suite run the
	// emulator with it.
	NodeEmissionsVersion = "v7"
	DefaultVolatilityBps = 20
)

// Config describes the emulated chain. Zero fields take the defaults above.
type Config struct {
	// Topics are the topics the chain has; at least one.
	Topics []TopicConfig
	// BlockTime is the time between blocks.
	BlockTime time.Duration
	// EmissionsVersion is the emissions API version served on both transports, "v5"
	// to "v10". REST paths with any other version answer 501 and gRPC methods of any
	// other version's service Unimplemented, as a node without that service does. From
	// v9 on the latest-inferences answer leaves out the fields the chain reserved
	// (weights, loss height, confidence intervals); v10 answers with the labelled
	// NetworkInferenceBundle (label "y").
	EmissionsVersion string
	// Seed determines the price paths, workers and weights: equal configs give equal
	// chains.
	Seed int64
	// ChainID is the network name in /status and in block headers.
	ChainID string
	// StartHeight is the height of the first block (default 1).
	StartHeight uint64
	// StartTime is the time of the first block (default: when New is called).
	StartTime time.Time
	// AlignEpochs opens every topic's first epoch at StartHeight+1, instead of spreading
	// the topics over three blocks by their index.
	AlignEpochs bool
	// Manual makes blocks only through Advance, each BlockTime after the one before,
	// so tests do not depend on timing. Otherwise Run (and Serve) make a block every
	// BlockTime, stamped with the wall clock.
	Manual bool
	// NoRevisions keeps the first value of every inference height. By default the chain
	// revises it as real nodes do: for inference height N, first answered when its
	// worker window closes with loss height L, the block that closes the next reputer
	// window (N + EpochLength) answers the same N with a newer loss_block_height and a
	// different combined_value (the weights were updated). Topics whose window is their
	// whole epoch have no such block and are never revised. A test that needs one value
	// per height says so with NoRevisions.
	NoRevisions bool
	// BlockHistory is how many recent blocks the block query answers; older ones
	// answer "not available" like a pruned node. The blocks that latest inferences
	// cite stay available.
	BlockHistory int
}

// TopicConfig describes one topic and the synthetic price path its inferences follow.
type TopicConfig struct {
	ID                     uint64
	Metadata               string // such as "ETH 5min Prediction"
	EpochLength            int64  // blocks between worker nonces
	WorkerSubmissionWindow int64  // blocks from a nonce to its window's close; 1 to EpochLength
	GroundTruthLag         int64  // blocks
	// AllowNegative marks a topic whose values may be negative (log returns): its path
	// is a mean-reverting walk around zero instead of a price.
	AllowNegative bool
	// StartPrice is the decimal value the path starts from; required and positive
	// unless AllowNegative (then default "0").
	StartPrice string
	// VolatilityBps is the largest move of the path per epoch, in basis points of the
	// price (of 1 for AllowNegative topics), 1 to 5000 (default 20).
	VolatilityBps int64
}

var emissionsVersions = regexp.MustCompile(`^v([5-9]|10)$`)

// Emulator is an emulated Allora chain. Its methods are safe for concurrent use.
type Emulator struct {
	cfg              Config
	handler          http.Handler
	running          atomic.Bool
	consensusAddress string // the validator's, "allovalcons1…"

	mu     sync.RWMutex
	height uint64
	blocks []blockRecord // ring of recent blocks, indexed by height % len
	topics []*topicState // in Config order
	byID   map[uint64]*topicState
	faults faultState
	ws     wsHub
}

type blockRecord struct {
	height uint64
	time   time.Time
}

// New checks cfg, reporting every problem at once, and returns a chain whose first
// block exists.
func New(cfg Config) (*Emulator, error) {
	cfg, err := withDefaults(cfg)
	if err != nil {
		return nil, err
	}
	e := &Emulator{
		cfg:    cfg,
		blocks: make([]blockRecord, cfg.BlockHistory),
		byID:   make(map[uint64]*topicState, len(cfg.Topics)),
	}
	for i, tc := range cfg.Topics {
		first := cfg.StartHeight + 1
		if !cfg.AlignEpochs {
			first += uint64(i % 3)
		}
		ts, err := newTopicState(cfg.Seed, tc, first)
		if err != nil {
			return nil, err
		}
		e.topics = append(e.topics, ts)
		e.byID[tc.ID] = ts
	}
	e.height = cfg.StartHeight
	e.blocks[e.height%uint64(len(e.blocks))] = blockRecord{height: e.height, time: cfg.StartTime}
	addr, err := bech32.ConvertAndEncode("allovalcons", e.hash("validator", 0)[:20])
	if err != nil {
		return nil, fmt.Errorf("emulator: validator address: %w", err)
	}
	e.consensusAddress = addr
	e.handler = e.routes()
	return e, nil
}

func withDefaults(cfg Config) (Config, error) {
	if cfg.BlockTime == 0 {
		cfg.BlockTime = DefaultBlockTime
	}
	if cfg.EmissionsVersion == "" {
		cfg.EmissionsVersion = DefaultEmissionsVersion
	}
	if cfg.ChainID == "" {
		cfg.ChainID = DefaultChainID
	}
	if cfg.StartHeight == 0 {
		cfg.StartHeight = 1
	}
	if cfg.StartTime.IsZero() {
		cfg.StartTime = time.Now()
	}
	cfg.StartTime = cfg.StartTime.UTC()
	if cfg.BlockHistory == 0 {
		cfg.BlockHistory = DefaultBlockHistory
	}
	topics := make([]TopicConfig, len(cfg.Topics))
	copy(topics, cfg.Topics)
	cfg.Topics = topics

	var problems []error
	if cfg.BlockTime < 0 {
		problems = append(problems, fmt.Errorf("block time %v: must be positive", cfg.BlockTime))
	}
	if !emissionsVersions.MatchString(cfg.EmissionsVersion) {
		problems = append(problems, fmt.Errorf("emissions version %q: want v5 to v10", cfg.EmissionsVersion))
	}
	if cfg.BlockHistory < 0 {
		problems = append(problems, fmt.Errorf("block history %d: must be positive", cfg.BlockHistory))
	}
	if len(cfg.Topics) == 0 {
		problems = append(problems, errors.New("no topics"))
	}
	seen := make(map[uint64]bool)
	for i := range cfg.Topics {
		tc := &cfg.Topics[i]
		if tc.VolatilityBps == 0 {
			tc.VolatilityBps = DefaultVolatilityBps
		}
		if tc.AllowNegative && tc.StartPrice == "" {
			tc.StartPrice = "0"
		}
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Errorf("topic %d (index %d): %s", tc.ID, i, fmt.Sprintf(format, args...)))
		}
		if tc.ID == 0 {
			bad("id must be positive")
		}
		if seen[tc.ID] {
			bad("id used twice")
		}
		seen[tc.ID] = true
		if tc.EpochLength <= 0 {
			bad("epoch length %d: must be positive", tc.EpochLength)
		}
		if tc.WorkerSubmissionWindow <= 0 || tc.WorkerSubmissionWindow > tc.EpochLength {
			bad("worker submission window %d: must be 1 to the epoch length %d", tc.WorkerSubmissionWindow, tc.EpochLength)
		}
		if tc.GroundTruthLag < 0 {
			bad("ground truth lag %d: must not be negative", tc.GroundTruthLag)
		}
		if tc.VolatilityBps < 0 || tc.VolatilityBps > 5000 {
			bad("volatility %d bps: must be 1 to 5000", tc.VolatilityBps)
		}
		price, err := decimal.NewFromString(tc.StartPrice)
		switch {
		case err != nil:
			bad("start price %q: not a decimal", tc.StartPrice)
		case !tc.AllowNegative && !price.IsPositive():
			bad("start price %s: must be positive unless negative values are allowed", tc.StartPrice)
		}
	}
	if len(problems) > 0 {
		return cfg, fmt.Errorf("emulator: config: %w", errors.Join(problems...))
	}
	return cfg, nil
}

// Handler answers the node's queries; Serve serves it, tests may mount it on an
// httptest.Server.
func (e *Emulator) Handler() http.Handler { return e.handler }

// Run makes a block every BlockTime until ctx ends, then returns nil. With
// Config.Manual it makes none and only waits. One Run at a time.
func (e *Emulator) Run(ctx context.Context) error {
	if !e.running.CompareAndSwap(false, true) {
		return errors.New("emulator: already running")
	}
	defer e.running.Store(false)
	if e.cfg.Manual {
		<-ctx.Done()
		return nil
	}
	ticker := time.NewTicker(e.cfg.BlockTime)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
			e.Advance(1)
		}
	}
}

// Serve runs the chain (as Run does) and answers HTTP on ln until ctx ends; it then
// shuts the server down, waiting up to 5s for requests in flight, closes ln and
// returns. It returns nil after a clean shutdown.
func (e *Emulator) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           e.handler,
		ReadHeaderTimeout: 5 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	// A client that connected as the emulator stopped, and asked nothing, does not hold
	// the shutdown past its deadline.
	graceful.DropUnusedOnShutdown(srv)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return e.Run(gctx) })
	g.Go(func() error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("emulator: serve HTTP: %w", err)
		}
		return nil
	})
	g.Go(func() error {
		<-gctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			return fmt.Errorf("emulator: shut down HTTP: %w", err)
		}
		return nil
	})
	return g.Wait()
}

// Advance makes n blocks at once, closing every worker window that ends among them.
// With Config.Manual each block is BlockTime after the one before; otherwise blocks
// carry the wall clock (strictly increasing).
func (e *Emulator) Advance(n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for range n {
		e.makeBlock()
	}
}

// makeBlock appends one block and runs the topics' end-of-block work. e.mu is held.
func (e *Emulator) makeBlock() {
	prev := e.blocks[e.height%uint64(len(e.blocks))].time
	var t time.Time
	if e.cfg.Manual {
		t = prev.Add(e.cfg.BlockTime)
	} else {
		t = time.Now().UTC()
		if !t.After(prev) {
			t = prev.Add(time.Microsecond)
		}
	}
	e.height++
	e.blocks[e.height%uint64(len(e.blocks))] = blockRecord{height: e.height, time: t}
	var events []abci.Event
	for _, ts := range e.topics {
		nonce, revised := ts.endBlock(e.height, t, !e.cfg.NoRevisions)
		if revised != 0 {
			events = append(events, reputerWindowEvents(e.cfg.EmissionsVersion, ts.cfg.ID, revised, e.height)...)
		}
		if nonce != 0 {
			events = append(events, windowCloseEvents(e.cfg.EmissionsVersion, ts.cfg.ID, nonce, e.height, ts.latest.bundle)...)
		}
	}
	e.publishBlock(e.height, events)
}

// Height returns the latest block height.
func (e *Emulator) Height() uint64 {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.height
}

// BlockTimeAt returns the time of the block at height, if the chain still answers
// queries for it.
func (e *Emulator) BlockTimeAt(height uint64) (time.Time, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.blockTime(height)
}

// blockTime looks a block up among the recent ones and those latest inferences cite.
// e.mu is held.
func (e *Emulator) blockTime(height uint64) (time.Time, bool) {
	if height > e.height || height < e.cfg.StartHeight {
		return time.Time{}, false
	}
	if rec := e.blocks[height%uint64(len(e.blocks))]; rec.height == height {
		return rec.time, true
	}
	for _, ts := range e.topics {
		if ts.latest != nil && ts.latest.inference.BlockHeight == height {
			return ts.latest.inference.Timestamp, true
		}
	}
	return time.Time{}, false
}

// lowestBlock is the oldest height the block query answers for sure. e.mu is held.
func (e *Emulator) lowestBlock() uint64 {
	if n := uint64(len(e.blocks)); e.height-e.cfg.StartHeight >= n {
		return e.height - n + 1
	}
	return e.cfg.StartHeight
}

// Latest returns the topic's latest network inference as the chain serves it, with
// Timestamp the time of the block at BlockHeight and LossBlockHeight 0 from emissions
// v9 on (which no longer serve it); false before its first window closes or for an
// unknown topic.
func (e *Emulator) Latest(topicID uint64) (oracle.Inference, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	ts := e.byID[topicID]
	if ts == nil || ts.latest == nil {
		return oracle.Inference{}, false
	}
	inf := ts.latest.inference
	inf.ConfidenceIntervals = append([]oracle.ConfidenceInterval(nil), inf.ConfidenceIntervals...)
	if !servesLossHeight(e.cfg.EmissionsVersion) {
		inf.LossBlockHeight = 0
	}
	return inf, true
}

// Price returns where the topic's synthetic price path is now, as a decimal string: the
// realised value its inferences try to predict, which devnet feeds to the chains as the
// market price of the topic's asset. It moves at each of the topic's epochs. False for
// an unknown topic.
func (e *Emulator) Price(topicID uint64) (string, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	ts := e.byID[topicID]
	if ts == nil {
		return "", false
	}
	return ts.value.String(), true
}

// Topics returns the chain's topics as it serves them, in Config order.
func (e *Emulator) Topics() []oracle.Topic {
	e.mu.RLock()
	defer e.mu.RUnlock()
	out := make([]oracle.Topic, len(e.topics))
	for i, ts := range e.topics {
		out[i] = ts.topic()
	}
	return out
}

// address returns the deterministic bech32 account address "allo1…" of a synthetic
// actor.
func address(seed int64, parts ...uint64) string {
	h := sha256.New()
	h.Write([]byte("allora-gateway emulator actor"))
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(seed))
	h.Write(buf[:])
	for _, p := range parts {
		binary.BigEndian.PutUint64(buf[:], p)
		h.Write(buf[:])
	}
	return mustBech32(h.Sum(nil)[:20])
}

func mustBech32(addr []byte) string {
	s, err := bech32.ConvertAndEncode("allo", addr)
	if err != nil {
		panic(fmt.Sprintf("bech32 of a %d-byte address: %v", len(addr), err))
	}
	return s
}

// newRand returns the deterministic random source of one topic.
func newRand(seed int64, topicID uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), topicID^0x616c6c6f7261))
}

// servesLossHeight reports whether the latest-inferences answer of an emissions
// version carries loss_block_height: v5 to v8 do, v9 reserved the field.
func servesLossHeight(version string) bool { return version != "v9" && version != "v10" }
