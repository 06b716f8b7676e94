package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/gateway"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// connectTimeout bounds each chain's first contact at start.
const connectTimeout = 15 * time.Second

func newRelayerCmd(g *globalFlags, stdout, stderr io.Writer) *cobra.Command {
	var (
		path      string
		apiListen string
	)
	cmd := &cobra.Command{
		Use:   "relayer",
		Short: "Relay Allora inferences to the AlloraOracle of every configured chain",
		Long: `relayer is the daemon against real chains. It reads the latest network inference
of each configured topic from the configured Allora nodes (REST or gRPC, the healthiest
first; with allora.websocket, as soon as each topic's window closes), and for each chain
reads what its AlloraOracle holds, batches every topic with a newer Allora block height,
signs the batch with the configured oracle signers (at least the oracle's threshold of them) and
submits it from the submitter key, waiting for the receipt. The chain is the truth of
what has been pushed: a restarted relayer reads each oracle before it sends.

It also serves the REST API (api.listen, default 127.0.0.1:8080; "" turns it off),
and runs the round keeper: every PredictionMarket a chain's addresses_file lists (as
deploy writes it) or its markets give by address has each round executed when due,
from signers.keeper or else the submitter key. Executing a round is permissionless and
the contract refuses an early or repeated call before anything is sent, so several
replicas (or anyone else) may keep the same markets: the first call wins, the others
are logged at Info.

Configuration is one YAML file, every key overridable by an ALLORA_GATEWAY_* variable
named after its path (allora.endpoint -> ALLORA_GATEWAY_ALLORA_ENDPOINT; a chain's rpc
by its name: ALLORA_GATEWAY_CHAINS_BNB_RPC). Print a commented example with
'allora-gateway config example', check a file with 'allora-gateway config validate'.

Keys are go-ethereum keystore files; each passphrase comes from a file (chmod 600) or an
environment variable named in the config, never from a flag.

Several replicas may run against one Redis: a lease per chain (relayer.lease_ttl) lets
exactly one submit for each chain, and another takes a chain over within the TTL when
its submitter dies. /readyz answers 503 when a chain's head stops advancing
(relayer.stall_blocks block times) or the store does not answer; /metrics serves the
allora_gateway_relayer_* and allora_gateway_chain_* metrics.

Stop it with SIGINT or SIGTERM: a batch in flight is waited for up to
relayer.shutdown_timeout; what is still in flight stays journaled and the next start
resumes it. A second signal exits at once.`,
		Example: `  allora-gateway relayer --config /etc/allora-gateway/relayer.yaml
  ALLORA_GATEWAY_CHAINS_BNB_RPC=https://bsc.example/KEY allora-gateway relayer --config relayer.yaml
  allora-gateway relayer --config relayer.yaml --api-listen ""`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("api-listen") {
				cfg.API.Listen = apiListen
			}
			if !cmd.Flags().Changed("log-level") && cfg.Log.Level != "" {
				if _, fromEnv := os.LookupEnv("ALLORA_GATEWAY_LOG_LEVEL"); !fromEnv {
					g.logLevel = cfg.Log.Level
				}
			}
			if !cmd.Flags().Changed("log-format") && cfg.Log.Format != "" {
				if _, fromEnv := os.LookupEnv("ALLORA_GATEWAY_LOG_FORMAT"); !fromEnv {
					g.logFormat = cfg.Log.Format
				}
			}
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("config %s:\n%w", path, err)
			}
			logger, err := g.logger(stderr)
			if err != nil {
				return err
			}
			return runRelayer(cmd.Context(), cfg, logger)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&path, "config", "c", "", "path of the YAML config file (required)")
	f.StringVar(&apiListen, "api-listen", "", `address the REST API listens on, overriding api.listen; "" turns it off`)
	_ = cmd.MarkFlagRequired("config")
	return cmd
}

// runRelayer connects to every chain, then relays (and serves the API) until ctx is done.
func runRelayer(ctx context.Context, cfg config.Config, log *slog.Logger) (err error) {
	submitterKey, err := openSigner(ctx, cfg.Signers.Submitter)
	if err != nil {
		return fmt.Errorf("signers.submitter: %w", err)
	}
	var signers []oracle.Signer
	for i, k := range cfg.Signers.Oracle {
		s, err := openSigner(ctx, k)
		if err != nil {
			return fmt.Errorf("signers.oracle[%d]: %w", i, err)
		}
		signers = append(signers, s)
	}
	// One registry for the process: the API's /metrics serves the Allora source's
	// metrics beside its own.
	registry := prometheus.NewRegistry()
	if err := registerBuildInfo(registry); err != nil {
		return err
	}
	cosignerMetrics, err := cosign.NewClientMetrics(registry)
	if err != nil {
		return err
	}
	cosigners, err := cosignerClients(cfg.Signers.Cosigners, cosignerMetrics)
	if err != nil {
		return err
	}
	// The local keys sign only what their slashing-protection record approves.
	allSigners := make([]oracle.BatchSigner, 0, len(signers)+len(cosigners))
	if len(signers) > 0 {
		record, err := signguard.Open(cfg.Signers.RecordPath())
		if err != nil {
			return fmt.Errorf("signers.record: %w", err)
		}
		defer record.Close()
		for _, s := range signers {
			allSigners = append(allSigners, signguard.Guard(oracle.LocalBatchSigner(s), record))
		}
	}
	allSigners = append(allSigners, cosigners...)
	source, closeSource, err := openAllora(ctx, cfg.Allora, registry, log)
	if err != nil {
		return fmt.Errorf("allora: %w", err)
	}
	defer closeSource()

	var (
		chains  []*evm.Chain
		writers []*evm.Writer
		closers []func()
	)
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	rpcMetrics, err := rpcpool.NewMetrics(registry)
	if err != nil {
		return fmt.Errorf("register RPC endpoint metrics: %w", err)
	}
	var st store.Store = store.NewMemory()
	if cfg.Redis.URL != "" {
		rs, closeRedis, err := store.DialRedis(ctx, cfg.Redis.URL.Reveal(), cfg.Redis.Prefix, redisStoreOptions(cfg.Redis)...)
		if err != nil {
			return fmt.Errorf("redis: %w", err)
		}
		closers = append(closers, func() { _ = closeRedis() })
		st = rs
		log.Info("state in redis", "prefix", cfg.Redis.Prefix)
	} else {
		log.Info("state in memory (set redis.url to share it with API replicas)")
	}
	metrics, err := relayer.NewMetrics(registry, st)
	if err != nil {
		return fmt.Errorf("register relayer metrics: %w", err)
	}
	// One lease per chain lets exactly one of several replicas sharing Redis submit
	// for it; without Redis this process is the only one and always leads.
	owner := lease.NewOwnerID()
	ttl := cfg.Relayer.LeaseTTL.Duration
	var leases lease.Lease = lease.NewMemory(lease.NewTable(), owner, ttl)
	if cfg.Redis.URL != "" {
		// Its own connection, so a renewal never waits behind the store's traffic.
		rl, closeLeases, err := redisLease(cfg.Redis, owner, ttl)
		if err != nil {
			return err
		}
		closers = append(closers, closeLeases)
		leases = rl
		if n := cfg.Redis.MinReplicas; n > 0 {
			log.Info("lease and journal writes wait for redis replicas", "min_replicas", n, "replica_timeout", cfg.Redis.ReplicaTimeout)
		}
		log.Info("chain leases in redis: replicas sharing it take turns per chain", "owner", owner, "lease_ttl", ttl)
	}
	var leaders []*relayer.Leadership
	for i, c := range cfg.Chains {
		ld := relayer.NewLeadership(c.ChainID, leases, owner, ttl, st,
			log.With("component", "lease", "chain", c.Name))
		leaders = append(leaders, ld)
		// Transactions in flight are journaled in the store, so a restarted relayer
		// (or the replica taking the chain over) sees them through before it sends
		// anything new; every write carries the chain's lease token.
		name := c.Name
		cctx, cancel := context.WithTimeout(ctx, connectTimeout)
		ch, err := gateway.OpenChain(cctx, c, rpcMetrics, log)
		if err != nil {
			cancel()
			return fmt.Errorf("chains[%d] (%s): %w", i, c.Name, err)
		}
		closers = append(closers, ch.Close)
		w, err := gateway.ConnectOracle(cctx, ch, submitterKey, allSigners, log,
			txmgr.WithJournal(ld.Journal()),
			txmgr.WithEvents(func(e txmgr.Event) { metrics.TxEvent(name, e.Kind.String(), e.Kind == txmgr.EventReplaced) }))
		cancel()
		if err != nil {
			return fmt.Errorf("chains[%d] (%s): %w", i, c.Name, err)
		}
		chains = append(chains, ch)
		writers = append(writers, w)
	}

	// A chain's rounds are executed by the replica holding its lease, the one whose
	// transaction managers may send there.
	leaderOf := make(map[uint64]*relayer.Leadership, len(leaders))
	for _, ld := range leaders {
		leaderOf[ld.ChainID()] = ld
	}
	holdsLease := func(chainID uint64) bool {
		ld, ok := leaderOf[chainID]
		if !ok {
			return false
		}
		_, leads := ld.Leader()
		return leads
	}
	roundKeeper, recorder, err := newRoundKeeper(ctx, cfg, chains, submitterKey, st, holdsLease, log)
	if err != nil {
		return err
	}

	relayerOpts := []relayer.Option{relayer.WithLogger(log.With("component", "relayer")),
		relayer.WithMetrics(metrics), relayer.WithLeadership(leaders...)}
	if pr := cfg.Relayer.PaidRequests; pr.Serve {
		for _, ch := range chains {
			relayerOpts = append(relayerOpts, relayer.WithRequestWatchers(ch.RequestWatcher(st,
				evm.RequestWatcherConfig{Lookback: pr.LookbackBlocks, PollInterval: pr.PollInterval.Duration},
				log.With("component", "paid-requests"))))
		}
	}
	ports := make([]relayer.ChainWriter, len(writers))
	for i, w := range writers {
		ports[i] = w
	}
	rl, err := relayer.New(gateway.RelayerConfig(cfg), source, st, ports, nil,
		append(relayerOpts, relayer.WithCosigners(allSigners, oracle.CollectOptions{}))...)
	if err != nil {
		return err
	}

	// The API's address is bound before anything runs: a start that fails here stops
	// with nothing in the background still using the store or the chains.
	var (
		apiLn, metricsLn net.Listener
		apiEdge          []api.Option
	)
	if cfg.API.Listen != "" {
		if apiEdge, err = apiEdgeOptions(cfg.API, os.LookupEnv); err != nil {
			return err
		}
		if apiLn, metricsLn, err = listenAPI(cfg.API); err != nil {
			return err
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return rl.Run(gctx) })
	g.Go(func() error { return source.Run(gctx) })
	if roundKeeper != nil {
		g.Go(func() error { return roundKeeper.Run(gctx) })
		g.Go(func() error { return recorder.Run(gctx) })
	}
	if apiLn != nil {
		ln := apiLn
		// Pull mode gets updates signed as pushes are: through the relayer, by the
		// oracle's threshold of its signers, local keys and co-signers alike.
		domains := make([]oracle.Domain, len(writers))
		for i, w := range writers {
			domains[i] = w.Domain()
		}
		srv := api.New(st, append(apiEdge, api.WithLogger(log.With("component", "api")), api.WithVersion(Version), api.WithRegistry(registry),
			api.WithAssetTopics(cfg.AssetTopics()), api.WithMetricsListener(metricsLn),
			api.WithReadinessCheck("relayer", rl.Ready), api.WithUpdateSigning(rl, domains...))...)
		g.Go(func() error { return srv.Serve(gctx, ln) })
		log.Info("API listening", "addr", ln.Addr().String(), "metrics_addr", addrOf(metricsLn))
	}
	log.Info("relaying", "topics", cfg.Topics, "chains", len(writers), "signers", len(signers),
		"submitter", writers[0].From().Hex())
	err = g.Wait()
	log.Info("relayer stopped")
	return err
}

// openAllora connects to every configured Allora node, each over REST or gRPC by its
// scheme, and pools them, with the pool's metrics on reg and, when allora.websocket is
// set, a watcher of window closes. With emissions_version auto each node is asked its
// version; a node that does not answer then takes the version another one gave, so
// that one node down at start does not keep the relayer from starting.
func openAllora(ctx context.Context, cfg config.Allora, reg prometheus.Registerer, log *slog.Logger) (*allora.Pool, func(), error) {
	type node struct {
		name      string
		endpoint  string
		transport allora.Transport
		version   string
	}
	var nodes []node
	for i, e := range cfg.AllEndpoints() {
		n := node{name: fmt.Sprintf("endpoint-%d", i), endpoint: e.Reveal(), transport: allora.TransportREST, version: cfg.EmissionsVersion}
		if u, err := url.Parse(n.endpoint); err == nil && (u.Scheme == "grpc" || u.Scheme == "grpcs") {
			n.transport = allora.TransportGRPC
		}
		nodes = append(nodes, n)
	}
	timeout := allora.WithTimeout(cfg.RequestTimeout.Duration)
	if cfg.EmissionsVersion == "auto" {
		dctx, cancel := context.WithTimeout(ctx, connectTimeout)
		defer cancel()
		var (
			detected string
			failures []error
		)
		for i := range nodes {
			n := &nodes[i]
			v, err := allora.Detect(dctx, n.transport, n.endpoint, timeout)
			if err != nil {
				n.version = ""
				failures = append(failures, fmt.Errorf("%s over %s: %w", n.name, n.transport, err))
				log.Warn("could not detect the Allora emissions version", "endpoint", n.name, "transport", string(n.transport), "err", err)
				continue
			}
			n.version = v
			detected = cmp.Or(detected, v)
			log.Info("Allora emissions version detected", "endpoint", n.name, "version", v, "transport", string(n.transport))
		}
		if detected == "" {
			return nil, nil, fmt.Errorf("detect the emissions version (set allora.emissions_version to skip this): %w", errors.Join(failures...))
		}
		for i := range nodes {
			if nodes[i].version == "" {
				nodes[i].version = detected
			}
		}
	}

	var (
		endpoints []allora.PoolEndpoint
		closers   []func()
	)
	closeAll := func() {
		for _, c := range closers {
			c()
		}
	}
	for _, n := range nodes {
		opts := []allora.Option{timeout, allora.WithEmissionsVersion(n.version)}
		var client allora.Node
		if n.transport == allora.TransportGRPC {
			c, err := allora.NewGRPC(n.endpoint, opts...)
			if err != nil {
				closeAll()
				return nil, nil, fmt.Errorf("%s: %w", n.name, err)
			}
			closers = append(closers, func() { _ = c.Close() })
			client = c
		} else {
			c, err := allora.NewREST(n.endpoint, opts...)
			if err != nil {
				closeAll()
				return nil, nil, fmt.Errorf("%s: %w", n.name, err)
			}
			client = c
		}
		endpoints = append(endpoints, allora.PoolEndpoint{Name: n.name, Node: client})
		log.Info("Allora endpoint", "endpoint", n.name, "transport", string(n.transport), "version", n.version)
	}

	metrics, err := allora.NewMetrics(reg)
	if err != nil {
		closeAll()
		return nil, nil, fmt.Errorf("register metrics: %w", err)
	}
	poolCfg := allora.PoolConfig{
		RequestTimeout: cfg.RequestTimeout.Duration,
		Metrics:        metrics,
		Logger:         log.With("component", "allora"),
	}
	if cfg.Websocket != "" {
		// The websocket is the first node's CometBFT: its version names the event.
		w, err := allora.NewWatcher(cfg.Websocket.Reveal(), allora.WatcherConfig{
			EmissionsVersion: nodes[0].version,
			Logger:           log.With("component", "allora-watcher"),
		})
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("websocket: %w", err)
		}
		poolCfg.Watcher = w
		log.Info("Allora window closes from the websocket, polling as the safety net", "endpoints", len(endpoints),
			"event", allora.WindowCloseEventType(nodes[0].version))
	} else {
		log.Info("Allora by polling only (set allora.websocket to read topics as their windows close)", "endpoints", len(endpoints))
	}
	pool, err := allora.NewPool(endpoints, poolCfg)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return pool, closeAll, nil
}

// redisStoreOptions are the store options cfg sets.
func redisStoreOptions(cfg config.Redis) []store.Option {
	return []store.Option{store.WithMinReplicas(cfg.MinReplicas, cfg.ReplicaTimeout.Duration)}
}

// redisLease opens a connection of its own to cfg's Redis for the leases owner holds
// for ttl, waiting for cfg's replicas, and returns them and what closes the connection.
func redisLease(cfg config.Redis, owner string, ttl time.Duration) (*lease.Redis, func(), error) {
	c, _, err := store.OpenClient(cfg.URL.Reveal())
	if err != nil {
		return nil, nil, err
	}
	l := lease.NewRedis(c, cfg.Prefix, owner, ttl).RequireReplicas(cfg.MinReplicas, cfg.ReplicaTimeout.Duration)
	return l, func() { _ = c.Close() }, nil
}
