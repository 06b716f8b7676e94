package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/internal/graceful"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

// cosignShutdownTimeout is how long requests in flight may finish after a stop signal.
const cosignShutdownTimeout = 10 * time.Second

func newCosignCmd(g *globalFlags, stdout, stderr io.Writer) *cobra.Command {
	var path string
	cmd := &cobra.Command{
		Use:   "cosign",
		Short: "Run a co-signer: check proposed batches against your own Allora node and sign them",
		Long: `cosign runs a co-signer of the AlloraOracle's m-of-n signer set. Operators independent
of the relayer's each run one, with their own key and their own Allora node: an oracle
that needs 2 of 3 signatures then takes a value only when two parties who read Allora
separately agree on it.

A relayer POSTs the batch it proposes to /v1/sign. The co-signer signs only when:
  - the request is authentic: an HMAC-SHA256 under a secret shared with that relayer
    (cosign.clients), over the method, path, time, a nonce and the body; requests older
    than cosign.replay_window, or seen before, are refused;
  - the oracle (chain id and address) is in cosign.oracles;
  - the batch holds at most cosign.max_batch updates, each topic once;
  - every update is exactly its own node's latest inference of the topic: the same block
    height, the same timestamp, and the same value scaled to 18 decimals;
  - it never signed another value for that oracle, topic and version, nor a newer
    version: its record (cosign.record, a file kept across restarts) says so.
Otherwise it answers 409 or 422 with a problem+json "reason" (value_mismatch,
stale_proposal when its node already has a newer inference, node_behind,
oracle_not_allowed, ...) that the relayer logs, and it counts the refusal at /metrics
(allora_gateway_cosign_refused_total{reason}). GET /healthz answers with its address.

The config file has the relayer's format; the co-signer reads allora (its own node,
REST or gRPC, several for failover), cosign and log. Print an example with
'allora-gateway config example' and see deploy/cosign.example.yaml. The key's
passphrase and each shared secret come from a file (chmod 600) or an environment
variable, never from a flag. Register the key's address on each oracle
(setSigners), then give the relayer's operator the URL, the address, the client name
and the secret, for their signers.cosigners.

Stop it with SIGINT or SIGTERM: requests in flight finish first.`,
		Example: `  allora-gateway cosign --config /etc/allora-gateway/cosign.yaml
  ALLORA_GATEWAY_ALLORA_ENDPOINT=https://allora-api.example/KEY allora-gateway cosign -c cosign.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			applyLogConfig(cmd, g, cfg)
			if err := cfg.ValidateCosign(); err != nil {
				return fmt.Errorf("config %s:\n%w", path, err)
			}
			logger, err := g.logger(stderr)
			if err != nil {
				return err
			}
			return runCosign(cmd.Context(), cfg, logger, nil)
		},
	}
	cmd.SetOut(stdout)
	f := cmd.Flags()
	f.StringVarP(&path, "config", "c", "", "path of the YAML config file (required)")
	_ = cmd.MarkFlagRequired("config")
	return cmd
}

// applyLogConfig takes log.level and log.format from the file unless a flag or the
// environment set them.
func applyLogConfig(cmd *cobra.Command, g *globalFlags, cfg config.Config) {
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
}

// runCosign serves the co-signer until ctx is done. When ready is not nil it receives
// the listening address once the service accepts requests.
func runCosign(ctx context.Context, cfg config.Config, log *slog.Logger, ready func(addr string)) error {
	cs := cfg.Cosign
	signer, err := openSigner(ctx, cs.Key)
	if err != nil {
		return fmt.Errorf("cosign.key: %w", err)
	}
	clients := make(map[string][]byte, len(cs.Clients))
	for i, c := range cs.Clients {
		secret, err := readSecret(c.SecretFile, c.SecretEnv)
		if err != nil {
			return fmt.Errorf("cosign.clients[%d] (%s): %w", i, c.Name, err)
		}
		clients[c.Name] = secret
	}
	allowed := make([]oracle.Chain, len(cs.Oracles))
	for i, o := range cs.Oracles {
		allowed[i] = oracle.Chain{ID: o.ChainID, Oracle: common.HexToAddress(o.Oracle)}
	}

	registry := prometheus.NewRegistry()
	if err := registerBuildInfo(registry); err != nil {
		return err
	}
	record, err := signguard.Open(cs.RecordPath())
	if err != nil {
		return fmt.Errorf("cosign.record: %w", err)
	}
	defer record.Close()
	source, closeSource, err := openAllora(ctx, cfg.Allora, registry, log)
	if err != nil {
		return fmt.Errorf("allora: %w", err)
	}
	defer closeSource()
	svc, err := cosign.New(cosign.Config{
		Signer:         signer,
		Record:         record,
		Source:         source,
		History:        source,
		Allowed:        allowed,
		Clients:        clients,
		MaxBatch:       cs.MaxBatch,
		ReplayWindow:   cs.ReplayWindow.Duration,
		RequestTimeout: cfg.Allora.RequestTimeout.Duration * 2,
		Logger:         log.With("component", "cosign"),
		Registry:       registry,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cs.Listen)
	if err != nil {
		return fmt.Errorf("cosign.listen %s: %w (stop what listens there, or set cosign.listen)", cs.Listen, err)
	}
	srv := &http.Server{
		Handler:           svc.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	graceful.DropUnusedOnShutdown(srv) // a relayer's idle dial does not hold the shutdown
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return source.Run(gctx) })
	g.Go(func() error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	})
	g.Go(func() error {
		<-gctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(gctx), cosignShutdownTimeout)
		defer cancel()
		return srv.Shutdown(sctx)
	})
	log.Info("co-signer listening", "addr", ln.Addr().String(), "signer", signer.Address().Hex(), "record", record.Path(),
		"oracles", len(allowed), "clients", len(clients))
	if ready != nil {
		ready(ln.Addr().String())
	}
	err = g.Wait()
	log.Info("co-signer stopped")
	return err
}

// readSecret reads a shared secret from a file (mode 600) or an environment variable,
// exactly one of them, with the same rules as a key's passphrase.
func readSecret(file, env string) ([]byte, error) {
	s, err := keys.Passphrase{File: file, Env: env}.Read(nil)
	if err != nil {
		return nil, fmt.Errorf("shared secret: %w", err)
	}
	if len(s) < cosign.MinSecretLen {
		return nil, fmt.Errorf("shared secret: %w (make one with: openssl rand -hex 32)", cosign.ErrSecretTooShort)
	}
	return []byte(s), nil
}

// cosignerClients makes a client of each configured co-signer.
func cosignerClients(cs []config.Cosigner, metrics *cosign.ClientMetrics) ([]oracle.BatchSigner, error) {
	var out []oracle.BatchSigner
	for i, c := range cs {
		secret, err := readSecret(c.SecretFile, c.SecretEnv)
		if err != nil {
			return nil, fmt.Errorf("signers.cosigners[%d] (%s): %w", i, c.Name, err)
		}
		opts := []cosign.ClientOption{cosign.WithMetrics(metrics, c.Name)}
		if c.Timeout.Duration > 0 {
			opts = append(opts, cosign.WithClientTimeout(c.Timeout.Duration))
		}
		cl, err := cosign.NewClient(c.URL.Reveal(), common.HexToAddress(c.Address), c.KeyID, secret, opts...)
		if err != nil {
			return nil, fmt.Errorf("signers.cosigners[%d] (%s): %w", i, c.Name, err)
		}
		out = append(out, cl)
	}
	return out, nil
}
