// Package devnet runs the whole gateway in one process: an Allora chain emulator that
// speaks the real wire format, three EVM chains (chain ids 56, 324 and 146) serving
// JSON-RPC on loopback with the AlloraOracle, an AlloraFeed per topic and a
// PredictionMarket on the ETH 5m topic deployed, the relayer pushing signed batches to
// them, a price feeder setting each market's price feed to the emulator's realised
// price, two development bettors, the round keeper, and the REST API. It is what
// `allora-gateway devnet` runs, and what the end-to-end tests start.
package devnet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/gateway"
	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// ChainSpec is one devnet chain.
type ChainSpec struct {
	ID   uint64
	Name string
	Port int // JSON-RPC port on 127.0.0.1; 0 picks a free one
}

// DefaultChains are the chains devnet runs: BNB Smart Chain, ZKsync Era and Sonic ids,
// on ports 8545, 8546 and 8547.
func DefaultChains() []ChainSpec {
	return []ChainSpec{
		{ID: 56, Name: "bnb", Port: 8545},
		{ID: 324, Name: "zksync", Port: 8546},
		{ID: 146, Name: "sonic", Port: 8547},
	}
}

// DefaultTopics are devnet's Allora topics: ETH and BTC price predictions at 5 minutes
// and 8 hours. Devnet compresses time: an Allora block a second, and epochs of a few
// blocks, so that every topic produces inferences within seconds.
func DefaultTopics() []emulator.TopicConfig {
	return []emulator.TopicConfig{
		{ID: 1, Metadata: "ETH 5min Price Prediction", EpochLength: 5, WorkerSubmissionWindow: 3, GroundTruthLag: 5, StartPrice: "3012.5", VolatilityBps: 20},
		{ID: 2, Metadata: "BTC 5min Price Prediction", EpochLength: 5, WorkerSubmissionWindow: 3, GroundTruthLag: 5, StartPrice: "97012.25", VolatilityBps: 15},
		{ID: 3, Metadata: "ETH 8h Price Prediction", EpochLength: 15, WorkerSubmissionWindow: 5, GroundTruthLag: 15, StartPrice: "3010.75", VolatilityBps: 60},
		{ID: 4, Metadata: "BTC 8h Price Prediction", EpochLength: 15, WorkerSubmissionWindow: 5, GroundTruthLag: 15, StartPrice: "96980.5", VolatilityBps: 50},
	}
}

// DefaultAssetTopics says which devnet topic predicts which asset over which timeframe.
func DefaultAssetTopics() []oracle.AssetTopic {
	return []oracle.AssetTopic{
		{Asset: "ETH", Timeframe: "5m", TopicID: 1},
		{Asset: "BTC", Timeframe: "5m", TopicID: 2},
		{Asset: "ETH", Timeframe: "8h", TopicID: 3},
		{Asset: "BTC", Timeframe: "8h", TopicID: 4},
	}
}

// Config says what devnet runs and where.
type Config struct {
	Host            string // loopback host every service listens on; default 127.0.0.1
	APIPort         int    // REST API port; default 8080, -1 picks a free one
	AlloraPort      int    // Allora emulator REST port; default 1317, -1 picks a free one
	Chains          []ChainSpec
	Topics          []emulator.TopicConfig
	AssetTopics     []oracle.AssetTopic // which topic predicts which asset; default DefaultAssetTopics
	BlockTime       time.Duration       // EVM block interval; default 1s
	AlloraBlockTime time.Duration       // Allora block interval; default 1s
	PollInterval    time.Duration       // relayer's Allora poll; default 1s
	Seed            int64               // seeds the emulator's price paths
	RedisURL        string              // keep state in this Redis instead of memory
	RedisPrefix     string              // key prefix in Redis; default allora-gateway-devnet
	// AddressesDir, when set, is where each chain's addresses file is written
	// (<dir>/<chain>.json), in the format `allora-gateway deploy` writes.
	AddressesDir string
	// CORSOrigins are the browser origins (http://localhost:5173) allowed to call the
	// API, as the config's api.cors_origins.
	CORSOrigins []string
	Logger      *slog.Logger // default discards
	Out         io.Writer    // where progress is printed; default discards
}

func (c *Config) setDefaults() {
	if c.Host == "" {
		c.Host = "127.0.0.1"
	}
	if c.APIPort == 0 {
		c.APIPort = 8080
	}
	if c.AlloraPort == 0 {
		c.AlloraPort = 1317
	}
	if c.Chains == nil {
		c.Chains = DefaultChains()
	}
	if c.Topics == nil {
		c.Topics = DefaultTopics()
	}
	if c.AssetTopics == nil {
		c.AssetTopics = DefaultAssetTopics()
	}
	if c.BlockTime == 0 {
		c.BlockTime = time.Second
	}
	if c.AlloraBlockTime == 0 {
		c.AlloraBlockTime = time.Second
	}
	if c.PollInterval == 0 {
		c.PollInterval = time.Second
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.RedisPrefix == "" {
		c.RedisPrefix = "allora-gateway-devnet"
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Out == nil {
		c.Out = io.Discard
	}
}

// Development keys: the submitter pays for oracle pushes and owns the contracts; the
// oracle accepts batches signed by 2 of the 3 signers. The keeper, the price feeder and
// the bettors send from keys of their own, so that their nonces never collide.
const (
	submitterKey    = 0
	firstSignerKey  = 1
	signerCount     = 3
	signerThreshold = 2
	keeperKey       = 4
	priceFeederKey  = 5
	firstBettorKey  = 6 // and 7
)

// The market devnet runs on every chain: the ETH 5m topic against an ETH / USD price
// feed of 8 decimals, as Chainlink's USD feeds have.
const (
	MarketTopic       = 1
	marketName        = "ETH 5m"
	priceFeedDesc     = "ETH / USD"
	priceFeedDecimals = 8
	marketFeeBps      = 300
)

// minBet is the market's smallest bet, 0.001 of the native coin; the bettors stake it.
var minBet = big.NewInt(1e15)

// Chain is a running devnet chain.
type Chain struct {
	ChainSpec
	URL       string                    // JSON-RPC endpoint
	Oracle    common.Address            // AlloraOracle
	Feeds     map[uint64]common.Address // AlloraFeed of each topic
	PriceFeed common.Address            // MockAggregator: the market's realised price
	Market    common.Address            // PredictionMarket on MarketTopic
	// Deployment is the chain's addresses file, as `allora-gateway deploy` writes it.
	Deployment config.Deployment
	conf       config.Chain // the chain as a relayer's config describes it
	ch         *evm.Chain
	writer     *evm.Writer
}

// Writer is the chain's oracle as the relayer sees it; its Latest reads latest(topicId)
// over the chain's JSON-RPC endpoint.
func (c *Chain) Writer() *evm.Writer { return c.writer }

// Devnet is a running devnet. Stop it by cancelling the context given to Start, then
// call Wait.
type Devnet struct {
	cfg       Config
	Chains    []*Chain
	APIURL    string
	AlloraURL string
	Signers   []common.Address
	Submitter common.Address
	Store     store.Store
	Emulator  *emulator.Emulator

	group   *errgroup.Group
	closers []func() error
	once    sync.Once
	waitErr error
}

// Start brings devnet up: it starts the emulator and the chains, deploys the oracle on
// every chain, and starts the relayer and the API. It returns once everything is
// serving; the parts run until ctx is done.
func Start(ctx context.Context, cfg Config) (d *Devnet, err error) {
	cfg.setDefaults()
	d = &Devnet{cfg: cfg, Store: store.NewMemory()}
	defer func() {
		if err != nil {
			err = errors.Join(err, d.close())
		}
	}()
	out, log := cfg.Out, cfg.Logger
	g, gctx := errgroup.WithContext(ctx)
	d.group = g

	if cfg.RedisURL != "" {
		rs, closeRedis, err := store.DialRedis(ctx, cfg.RedisURL, cfg.RedisPrefix)
		if err != nil {
			return d, err
		}
		d.closers = append(d.closers, closeRedis)
		d.Store = rs
		fmt.Fprintf(out, "state    redis, keys under %q\n", cfg.RedisPrefix)
	} else {
		fmt.Fprintln(out, "state    in memory (--redis URL keeps it in Redis)")
	}

	// Listeners first, so that a taken port fails before anything starts.
	apiLn, err := listen(cfg.Host, cfg.APIPort, "API")
	if err != nil {
		return d, err
	}
	d.closers = append(d.closers, ignoreClosed(apiLn.Close))
	alloraLn, err := listen(cfg.Host, cfg.AlloraPort, "Allora emulator")
	if err != nil {
		return d, err
	}
	d.closers = append(d.closers, ignoreClosed(alloraLn.Close))

	// The emulator speaks as the newest real node it is checked against (emissions v7:
	// its event names, and a revision of every inference height at the next reputer
	// window), so devnet exercises the websocket and revisions as a node would.
	emu, err := emulator.New(emulator.Config{
		Topics:           cfg.Topics,
		BlockTime:        cfg.AlloraBlockTime,
		Seed:             cfg.Seed,
		EmissionsVersion: emulator.NodeEmissionsVersion,
	})
	if err != nil {
		return d, fmt.Errorf("allora emulator: %w", err)
	}
	d.Emulator = emu
	d.AlloraURL = "http://" + alloraLn.Addr().String()
	g.Go(func() error { return emu.Serve(gctx, alloraLn) })
	fmt.Fprintf(out, "allora   emulator at %s (emissions %s REST and websocket; values revised at the reputer window), %d topics, a block every %s\n",
		d.AlloraURL, emulator.NodeEmissionsVersion, len(cfg.Topics), cfg.AlloraBlockTime)

	submitter := devchain.DevKey(submitterKey)
	d.Submitter = crypto.PubkeyToAddress(submitter.PublicKey)
	var signers []oracle.Signer
	for i := range signerCount {
		s := oracle.NewKeySigner(devchain.DevKey(firstSignerKey + i))
		signers = append(signers, s)
		d.Signers = append(d.Signers, s.Address())
	}

	// Start every chain, then deploy on all of them at once: each deployment waits for
	// a block, and the chains make blocks side by side.
	for _, spec := range cfg.Chains {
		c, err := d.startChain(g, gctx, spec)
		if err != nil {
			return d, err
		}
		d.Chains = append(d.Chains, c)
	}
	timing := marketTiming(cfg.BlockTime)
	deploys, dctx := errgroup.WithContext(ctx)
	for _, c := range d.Chains {
		deploys.Go(func() error { return d.deploy(dctx, c, oracle.NewKeySigner(submitter), timing) })
	}
	if err := deploys.Wait(); err != nil {
		return d, err
	}
	// The relayer is wired as `allora-gateway relayer` wires it from a config file: the
	// chains described as its chains, each owned by one evm.Chain whose manager of the
	// submitter's key journals in the store, the writer checked against the signers.
	topicIDs := make([]uint64, len(cfg.Topics))
	for i, t := range cfg.Topics {
		topicIDs[i] = t.ID
	}
	gcfg := config.Config{
		Topics: topicIDs,
		Relayer: config.Relayer{
			PollInterval: config.Duration{Duration: cfg.PollInterval},
			PushInterval: config.Duration{Duration: 5 * cfg.BlockTime},
			// Devnet's chains stop making blocks with the rest of it, so a batch in
			// flight cannot be mined after Ctrl-C; its state is in memory anyway. Stop
			// at once.
			ShutdownTimeout: config.Duration{Duration: time.Millisecond},
		},
	}
	batchSigners := make([]oracle.BatchSigner, len(signers))
	for i, s := range signers {
		batchSigners[i] = oracle.LocalBatchSigner(s)
	}
	var writers []relayer.ChainWriter
	for _, c := range d.Chains {
		c.conf.Oracle = c.Oracle.Hex()
		gcfg.Chains = append(gcfg.Chains, c.conf)
		ch, err := gateway.OpenChain(ctx, c.conf, nil, log)
		if err != nil {
			return d, err
		}
		d.closers = append(d.closers, func() error { ch.Close(); return nil })
		c.ch = ch
		if c.writer, err = gateway.ConnectOracle(ctx, ch, oracle.NewKeySigner(submitter), batchSigners, log, txmgr.WithJournal(d.Store)); err != nil {
			return d, err
		}
		info := ch.Info()
		info.Feeds = c.Feeds
		if err := d.Store.PutChain(ctx, info); err != nil {
			return d, err
		}
		if cfg.AddressesDir != "" {
			path := filepath.Join(cfg.AddressesDir, c.Name+".json")
			if err := config.WriteDeployment(path, c.Deployment); err != nil {
				return d, fmt.Errorf("chain %s: write the addresses file: %w", c.Name, err)
			}
			fmt.Fprintf(out, "addresses %-6s %s\n", c.Name, path)
		}
		writers = append(writers, c.writer)
		fmt.Fprintf(out, "chain    %-7s id %-4d %s  AlloraOracle %s\n", c.Name, c.ID, c.URL, c.Oracle.Hex())
		for _, t := range cfg.Topics {
			fmt.Fprintf(out, "feed     %-7s topic %d %s  %s\n", c.Name, t.ID, c.Feeds[t.ID].Hex(), t.Metadata)
		}
		fmt.Fprintf(out, "price    %-7s %s %s  (mock feed set to the emulator's price of topic %d)\n",
			c.Name, priceFeedDesc, c.PriceFeed.Hex(), MarketTopic)
		fmt.Fprintf(out, "market   %-7s %s %s (interval %ds, buffer %ds)\n", c.Name, marketName, c.Market.Hex(),
			int(timing.interval.Seconds()), int(timing.buffer.Seconds()))
	}
	fmt.Fprintf(out, "signers  %d of %d: %s\n", signerThreshold, signerCount, joinAddrs(d.Signers))
	fmt.Fprintf(out, "submitter %s (development key %d; never use these keys on a real chain)\n", d.Submitter.Hex(), submitterKey)

	rest, err := allora.NewREST(d.AlloraURL, allora.WithEmissionsVersion(emulator.NodeEmissionsVersion))
	if err != nil {
		return d, fmt.Errorf("allora client: %w", err)
	}
	// The relayer reads a topic as its window-close event arrives on the websocket,
	// polling as the safety net, as `allora-gateway relayer` does with allora.websocket.
	watcher, err := allora.NewWatcher(d.AlloraURL, allora.WatcherConfig{
		EmissionsVersion: emulator.NodeEmissionsVersion,
		Logger:           log.With("component", "allora-watcher"),
	})
	if err != nil {
		return d, fmt.Errorf("allora websocket: %w", err)
	}
	source, err := allora.NewPool([]allora.PoolEndpoint{{Name: "emulator", Node: rest}}, allora.PoolConfig{
		Watcher: watcher,
		Logger:  log.With("component", "allora"),
	})
	if err != nil {
		return d, fmt.Errorf("allora client: %w", err)
	}
	g.Go(func() error { return source.Run(gctx) })
	rl, err := relayer.New(gateway.RelayerConfig(gcfg), source, d.Store, writers, signers,
		relayer.WithLogger(log.With("component", "relayer")),
		relayer.WithEvents(func(ev relayer.Event) { printEvent(out, ev) }))
	if err != nil {
		return d, err
	}
	g.Go(func() error { return rl.Run(gctx) })

	if err := d.startMarkets(ctx, g, gctx); err != nil {
		return d, err
	}

	domains := make([]oracle.Domain, len(d.Chains))
	for i, c := range d.Chains {
		domains[i] = c.writer.Domain()
	}
	srv := api.New(d.Store, api.WithLogger(log.With("component", "api")), api.WithAssetTopics(cfg.AssetTopics),
		api.WithUpdateSigning(rl, domains...), api.WithCORSOrigins(cfg.CORSOrigins...))
	d.APIURL = "http://" + apiLn.Addr().String()
	g.Go(func() error { return srv.Serve(gctx, apiLn) })
	fmt.Fprintf(out, "api      %s  (try: curl -s %s/v1/chains)\n", d.APIURL, d.APIURL)
	return d, nil
}

// startChain starts one chain and its block producer, and describes it as a config
// describes a chain.
func (d *Devnet) startChain(g *errgroup.Group, gctx context.Context, spec ChainSpec) (*Chain, error) {
	port := spec.Port
	if port < 0 {
		port = 0
	}
	dc, err := devchain.New(devchain.Config{ChainID: spec.ID, Host: d.cfg.Host, Port: port, BlockTime: d.cfg.BlockTime})
	if err != nil {
		return nil, err
	}
	d.closers = append(d.closers, dc.Close)
	g.Go(func() error { return dc.Run(gctx) })

	// Described as an operator's config would describe it: in-process chains that carry
	// real chain ids but never reorg, so the local preset, not the real chain's
	// confirmation depth.
	conf := config.Chain{
		Name: spec.Name, ChainID: spec.ID, RPC: config.Secret(dc.URL()), Preset: presets.LocalName,
		BlockTime: config.Duration{Duration: d.cfg.BlockTime},
	}
	return &Chain{ChainSpec: spec, URL: dc.URL(), conf: conf}, nil
}

// deploy deploys the oracle, a feed per topic, the mock price feed and the market on c,
// as `allora-gateway deploy` would: through a chain opened for the deployment alone.
func (d *Devnet) deploy(ctx context.Context, c *Chain, submitter oracle.Signer, timing timing) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	ch, err := gateway.OpenChain(ctx, c.conf, nil, d.cfg.Logger)
	if err != nil {
		return err
	}
	defer ch.Close()
	addr, receipt, err := ch.DeployOracle(ctx, submitter, evm.DeployParams{
		Owner:         d.Submitter,
		Signers:       d.Signers,
		Threshold:     signerThreshold,
		MaxAge:        3600,
		MaxFutureSkew: 300,
	})
	if err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	c.Oracle = addr
	dep := config.Deployment{ChainID: c.ID, Name: c.Name, Oracle: addr.Hex(), Block: receipt.BlockNumber.Uint64(),
		Feeds: map[string]string{}, Markets: map[string]string{},
		Txs: config.DeploymentTxs{Oracle: receipt.TxHash.Hex(), Feeds: map[string]string{}, Markets: map[string]string{}}}
	feeds := make([]evm.FeedParams, len(d.cfg.Topics))
	for i, t := range d.cfg.Topics {
		feeds[i] = evm.FeedParams{Oracle: addr, TopicID: t.ID, Description: t.Metadata}
	}
	feedAddrs, feedReceipts, err := ch.DeployFeeds(ctx, submitter, feeds)
	if err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	c.Feeds = make(map[uint64]common.Address, len(feeds))
	topicIDs := make([]uint64, len(feeds))
	for i, f := range feeds {
		c.Feeds[f.TopicID] = feedAddrs[i]
		topicIDs[i] = f.TopicID
		t := strconv.FormatUint(f.TopicID, 10)
		dep.Feeds[t], dep.Txs.Feeds[t] = feedAddrs[i].Hex(), feedReceipts[i].TxHash.Hex()
	}
	// History on, so each feed answers getRoundData(latestRound - k) for its last
	// rounds, as Chainlink consumers that walk back expect.
	if err := ch.SetHistory(ctx, submitter, addr, topicIDs, true); err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	start, err := d.price()
	if err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	if c.PriceFeed, err = ch.DeployMockAggregator(ctx, submitter, evm.MockAggregatorParams{
		Decimals: priceFeedDecimals, Description: priceFeedDesc, InitialAnswer: start,
	}); err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	markets, marketReceipts, err := ch.DeployMarkets(ctx, submitter, []evm.MarketParams{{
		Oracle: addr, TopicID: MarketTopic, PriceFeed: c.PriceFeed,
		Interval: timing.interval, Buffer: timing.buffer, FeeBps: marketFeeBps, MinBet: minBet,
		MaxPriceAge: timing.maxPriceAge, MaxPredictionAge: time.Hour,
		Owner: d.Submitter, Treasury: d.Submitter,
	}})
	if err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	c.Market = markets[0]
	dep.Markets[marketName], dep.Txs.Markets[marketName] = c.Market.Hex(), marketReceipts[0].TxHash.Hex()
	c.Deployment = dep
	return nil
}

// Wait blocks until every part has stopped after the context given to Start is done,
// then releases the chains and listeners.
func (d *Devnet) Wait() error {
	d.once.Do(func() {
		d.waitErr = errors.Join(d.group.Wait(), d.close())
	})
	return d.waitErr
}

func (d *Devnet) close() error {
	var errs []error
	for i := len(d.closers) - 1; i >= 0; i-- {
		errs = append(errs, d.closers[i]())
	}
	d.closers = nil
	return errors.Join(errs...)
}

func printEvent(out io.Writer, ev relayer.Event) {
	switch {
	case ev.Inference != nil:
		inf := ev.Inference
		fmt.Fprintf(out, "allora   topic %d: inference %s at block %d\n", inf.TopicID, inf.Value, inf.BlockHeight)
	case ev.Push != nil:
		p := ev.Push
		var parts []string
		for _, u := range p.Result.Applied {
			parts = append(parts, fmt.Sprintf("%d@%d=%s", u.TopicID, u.BlockHeight, oracle.Unscale(u.Value)))
		}
		for _, s := range p.Result.Skipped {
			parts = append(parts, fmt.Sprintf("%d@%d skipped (%s)", s.TopicID, s.BlockHeight, s.Reason))
		}
		fmt.Fprintf(out, "push     %-7s block %-5d gas %-7d tx %s  %s\n", p.Chain.Name, p.Result.BlockNumber,
			p.Result.GasUsed, p.Result.TxHash.Hex(), strings.Join(parts, " "))
	}
}

func listen(host string, port int, what string) (net.Listener, error) {
	if port < 0 {
		port = 0
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s: listen on %s: %w (stop what listens there, or choose another port)", what, addr, err)
	}
	return ln, nil
}

func ignoreClosed(closeFn func() error) func() error {
	return func() error {
		if err := closeFn(); err != nil && !errors.Is(err, net.ErrClosed) {
			return err
		}
		return nil
	}
}

func joinAddrs(addrs []common.Address) string {
	s := make([]string, len(addrs))
	for i, a := range addrs {
		s[i] = a.Hex()
	}
	return strings.Join(s, ", ")
}
