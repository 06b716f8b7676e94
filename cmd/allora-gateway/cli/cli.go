// Package cli is the allora-gateway command line: one binary with a subcommand for
// each job (devnet, and the daemons and tools that follow it), sharing logging and
// signal handling.
package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X .../cli.Version=v1.2.3" (the
// Makefile's build, the Dockerfile, a release). Left "dev", it is settled from the build
// info Go embeds when the package initialises (see resolveBuild).
var Version = "dev"

// shutdownGrace is how long a command may take to stop after the first interrupt
// before its goroutines are dumped and the process exits.
const shutdownGrace = 15 * time.Second

// Main runs the command line with args and returns the process exit code. The first
// SIGINT or SIGTERM stops the running command.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := interruptContext(stderr)
	defer stop()
	return Run(ctx, args, stdout, stderr)
}

// Run runs the command line with args until it finishes or ctx is done, and returns
// the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	return 0
}

type globalFlags struct {
	logLevel  string
	logFormat string
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	var g globalFlags
	root := &cobra.Command{
		Use:   "allora-gateway",
		Short: "Carry Allora Network predictions to EVM chains as signed oracle updates",
		Long: `allora-gateway reads the network inferences of Allora topics (predictions made by
many models and weighted by their peers), signs them as EIP-712 batches with an m-of-n
signer set, and pushes them to the AlloraOracle contract on BNB Smart Chain, ZKsync Era
and Sonic, where protocols read them through latest(topicId) or Chainlink-style feeds.
It also serves them over a REST API.

Start with the devnet: everything in one process, nothing to install.

  allora-gateway devnet

then, in another terminal:

  curl -s localhost:8080/v1/chains
  cast call <oracle> "latest(uint64)(int256,uint8,uint64,uint64)" 1 --rpc-url http://127.0.0.1:8545`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentPreRun = warnUnknownEnv(stderr)
	root.SetVersionTemplate(versionTemplate())
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&g.logLevel, "log-level", envOr("ALLORA_GATEWAY_LOG_LEVEL", "info"),
		"log level: debug, info, warn or error (env ALLORA_GATEWAY_LOG_LEVEL)")
	root.PersistentFlags().StringVar(&g.logFormat, "log-format", envOr("ALLORA_GATEWAY_LOG_FORMAT", "text"),
		"log format: text or json (env ALLORA_GATEWAY_LOG_FORMAT)")
	root.AddCommand(newDevnetCmd(&g, stdout, stderr))
	root.AddCommand(newRelayerCmd(&g, stdout, stderr))
	root.AddCommand(newCosignCmd(&g, stdout, stderr))
	root.AddCommand(newAPICmd(&g, stdout, stderr))
	root.AddCommand(newDeployCmd(&g, stdout, stderr))
	root.AddCommand(newConfigCmd(stdout))
	root.AddCommand(newKeysCmd(stdout))
	root.AddCommand(newStatusCmd(stdout))
	root.AddCommand(newJournalCmd(&g, stdout, stderr))
	root.AddCommand(newVersionCmd(stdout))
	return root
}

// logger builds the process logger from the global flags.
func (g *globalFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(g.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", g.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch strings.ToLower(g.logFormat) {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, fmt.Errorf("--log-format %q: want text or json", g.logFormat)
	}
}

// interruptContext is cancelled by the first SIGINT or SIGTERM. A second signal, or a
// shutdown that takes longer than shutdownGrace, dumps every goroutine's stack to
// stderr and exits, so a stuck shutdown shows where it is stuck.
func interruptContext(stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "shutting down (interrupt again to force)")
		cancel()
		select {
		case <-sigs:
			fmt.Fprintln(stderr, "forced exit; goroutines:")
		case <-time.After(shutdownGrace):
			fmt.Fprintf(stderr, "shutdown took longer than %s; goroutines:\n", shutdownGrace)
		case <-done:
			return
		}
		_ = pprof.Lookup("goroutine").WriteTo(stderr, 2)
		os.Exit(2)
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}
