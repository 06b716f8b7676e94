package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func newAPICmd(g *globalFlags, stdout, stderr io.Writer) *cobra.Command {
	var (
		path   string
		listen string
	)
	cmd := &cobra.Command{
		Use:   "api",
		Short: "Serve the REST API alone, from the Redis the relayers write",
		Long: `api serves the REST API (topics, inferences, history, chains, predictions, markets,
rounds, accuracy, the event stream) from the Redis store that one or more relayers write,
so that API replicas can run apart from the relayer, behind a load balancer.

It reads only the redis, api, predictions and log sections of the config file (the
relayer's file works as is): redis.url and redis.prefix must name the store the relayers
write (ALLORA_GATEWAY_REDIS_URL keeps a password out of the file), api.listen the address
to serve on, predictions which topic answers /v1/predictions/{asset}/{timeframe}.

An API process holds no keys, so pull mode (/v1/topics/{topicId}/update) answers 503
here: ask a relayer's API for signed updates.

Stop it with SIGINT or SIGTERM: requests in flight get up to 5 seconds to finish.`,
		Example: `  allora-gateway api --config relayer.yaml
  ALLORA_GATEWAY_REDIS_URL=redis://:secret@redis:6379/0 allora-gateway api --config api.yaml --listen 0.0.0.0:8080
  curl -s localhost:8080/v1/topics`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("listen") {
				cfg.API.Listen = listen
			}
			if !cmd.Flags().Changed("log-level") && cfg.Log.Level != "" {
				g.logLevel = cfg.Log.Level
			}
			if !cmd.Flags().Changed("log-format") && cfg.Log.Format != "" {
				g.logFormat = cfg.Log.Format
			}
			var problems []error
			if cfg.Redis.URL == "" {
				problems = append(problems, errors.New("redis.url is empty: the API reads the Redis the relayers write; set it (or ALLORA_GATEWAY_REDIS_URL)"))
			}
			if cfg.API.Listen == "" {
				problems = append(problems, errors.New("api.listen is empty: say where to serve, such as 127.0.0.1:8080 (or --listen)"))
			}
			if len(problems) > 0 {
				return fmt.Errorf("config %s:\n%w", path, errors.Join(problems...))
			}
			logger, err := g.logger(stderr)
			if err != nil {
				return err
			}
			return runAPI(cmd.Context(), cfg, logger, stdout)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&path, "config", "c", "", "path of the YAML config file (required)")
	f.StringVar(&listen, "listen", "", "address to serve on, overriding api.listen")
	_ = cmd.MarkFlagRequired("config")
	return cmd
}

// runAPI serves the API from cfg's Redis until ctx is done.
func runAPI(ctx context.Context, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	st, closeRedis, err := store.DialRedis(ctx, cfg.Redis.URL.Reveal(), cfg.Redis.Prefix)
	if err != nil {
		return err
	}
	defer closeRedis()
	edge, err := apiEdgeOptions(cfg.API, os.LookupEnv)
	if err != nil {
		return err
	}
	ln, metricsLn, err := listenAPI(cfg.API)
	if err != nil {
		return err
	}
	registry := prometheus.NewRegistry()
	if err := registerBuildInfo(registry); err != nil {
		return err
	}
	srv := api.New(st, append(edge, api.WithLogger(log.With("component", "api")), api.WithVersion(Version), api.WithRegistry(registry),
		api.WithAssetTopics(cfg.AssetTopics()), api.WithMetricsListener(metricsLn))...)
	fmt.Fprintf(stdout, "api      http://%s  (redis keys under %q)\n", ln.Addr(), cfg.Redis.Prefix)
	log.Info("API listening", "addr", ln.Addr().String(), "metrics_addr", addrOf(metricsLn), "redis_prefix", cfg.Redis.Prefix)
	return srv.Serve(ctx, ln)
}

// listenAPI binds api.listen and, when set, api.metrics_listen (nil otherwise).
func listenAPI(a config.API) (ln, metricsLn net.Listener, err error) {
	ln, err = net.Listen("tcp", a.Listen)
	if err != nil {
		return nil, nil, fmt.Errorf("api.listen %s: %w (stop what listens there, or set api.listen)", a.Listen, err)
	}
	if a.MetricsListen == "" {
		return ln, nil, nil
	}
	metricsLn, err = net.Listen("tcp", a.MetricsListen)
	if err != nil {
		ln.Close()
		return nil, nil, fmt.Errorf("api.metrics_listen %s: %w (stop what listens there, or set api.metrics_listen)", a.MetricsListen, err)
	}
	return ln, metricsLn, nil
}

// addrOf is ln's address for the log, "" for none.
func addrOf(ln net.Listener) string {
	if ln == nil {
		return ""
	}
	return ln.Addr().String()
}

// apiEdgeOptions turns the API's edge settings into the server's options: CORS, rate
// limits, API keys (read from their file or variable, never logged), trusted
// proxies, the read cache and the stream's log and caps.
func apiEdgeOptions(a config.API, lookupEnv func(string) (string, bool)) ([]api.Option, error) {
	opts := []api.Option{
		api.WithCORSOrigins(a.CORSOrigins...),
		api.WithRateLimit(a.RateLimit.Rate, a.RateLimit.Burst),
		api.WithKeyRateLimit(a.KeyRateLimit.Rate, a.KeyRateLimit.Burst),
		api.WithReadCache(a.CacheRefresh.Duration),
		api.WithStreamLog(a.StreamLog),
		api.WithMaxStreams(a.MaxStreams, a.MaxStreamsPerClient),
	}
	if a.KeysFile != "" || a.KeysEnv != "" {
		raw, err := keys.Passphrase{File: a.KeysFile, Env: a.KeysEnv}.Read(lookupEnv)
		if err != nil {
			return nil, fmt.Errorf("api keys: %w", err)
		}
		var list []string
		for _, line := range strings.FieldsFunc(raw, func(r rune) bool { return r == '\n' || r == ',' }) {
			if k := strings.TrimSpace(line); k != "" && !strings.HasPrefix(k, "#") {
				list = append(list, k)
			}
		}
		if len(list) == 0 {
			return nil, errors.New("api keys: the file or variable holds no key")
		}
		opts = append(opts, api.WithAPIKeys(list...))
	}
	var proxies []netip.Prefix
	for i, cidr := range a.TrustedProxies {
		p, err := netip.ParsePrefix(cidr)
		if err != nil {
			return nil, fmt.Errorf("api.trusted_proxies[%d]: %w", i, err)
		}
		proxies = append(proxies, p)
	}
	return append(opts, api.WithTrustedProxies(proxies...)), nil
}
