package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/devnet"
)

func newDevnetCmd(g *globalFlags, stdout, stderr io.Writer) *cobra.Command {
	var (
		cfg        devnet.Config
		chainPorts []int
	)
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Run the whole gateway in one process: Allora emulator, three EVM chains, relayer, keeper, API",
		Long: `devnet runs everything in one process with nothing to install:

  - an Allora chain emulator serving the emissions v7 REST API and CometBFT's
    websocket on 127.0.0.1:1317, producing network inferences every epoch for four
    topics (ETH and BTC price predictions at 5 minutes and 8 hours) from a synthetic
    price path, and revising each inference height's value when the next reputer
    window closes, as real nodes do;
  - three EVM chains (go-ethereum's simulated backend) with the chain ids of
    BNB Smart Chain (56), ZKsync Era (324) and Sonic (146), serving JSON-RPC on
    127.0.0.1:8545, 8546 and 8547 with a block every second, prefunded with the
    usual development accounts, and on each the AlloraOracle, an AlloraFeed
    (Chainlink AggregatorV3) per topic, and a PredictionMarket on the ETH 5m topic
    with a mock ETH / USD price feed;
  - the relayer, reading each topic as its window-close event arrives and pushing
    2-of-3 signed batches of every newer inference or revision;
  - a price feeder setting each mock price feed to the emulator's synthetic ETH price,
    two development bettors, and the round keeper executing every market's rounds;
  - the REST API on 127.0.0.1:8080.

It prints the contract addresses, every push and every executed round, and writes each
chain's addresses to deployments/devnet/<chain>.json (--addresses-dir), in the format
deploy writes; /v1/chains lists them too. Check a chain
with any Ethereum client, for example:

  cast call <oracle> "latest(uint64)(int256,uint8,uint64,uint64)" 1 --rpc-url http://127.0.0.1:8545
  cast call <feed> "latestRoundData()(uint80,int256,uint256,uint256,uint80)" --rpc-url http://127.0.0.1:8545
  cast call <market> "currentEpoch()(uint256)" --rpc-url http://127.0.0.1:8545
  curl -s http://127.0.0.1:8080/v1/topics/1/inference

Devnet compresses time (an Allora block a second, epochs of a few blocks) and keeps its
state in memory unless --redis is given; the chains always start from genesis. Stop it
with Ctrl-C.`,
		Example: `  allora-gateway devnet
  allora-gateway devnet --api-port 9080 --chain-ports 9545,9546,9547
  allora-gateway devnet --redis redis://127.0.0.1:6379/0
  allora-gateway devnet --cors-origin http://localhost:5173 --addresses-dir ./deployments/devnet
  allora-gateway devnet --log-level debug`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// devnet prints what it does; logs add warnings and errors unless asked.
			if _, fromEnv := os.LookupEnv("ALLORA_GATEWAY_LOG_LEVEL"); !fromEnv && !cmd.Flags().Changed("log-level") {
				g.logLevel = "warn"
			}
			logger, err := g.logger(stderr)
			if err != nil {
				return err
			}
			if len(chainPorts) != 3 {
				return fmt.Errorf("--chain-ports: want three ports (bnb, zksync, sonic), got %d", len(chainPorts))
			}
			cfg.Chains = devnet.DefaultChains()
			for i := range cfg.Chains {
				cfg.Chains[i].Port = chainPorts[i]
			}
			cfg.Logger = logger
			cfg.Out = stdout
			ctx := cmd.Context()
			fmt.Fprintln(stdout, "starting devnet ...")
			started := time.Now()
			d, err := devnet.Start(ctx, cfg)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "devnet ready in %s; Ctrl-C stops it\n", time.Since(started).Round(time.Millisecond))
			// Wait returns once Ctrl-C has stopped every part, or when one part fails.
			err = d.Wait()
			fmt.Fprintln(stdout, "devnet stopped")
			return err
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.APIPort, "api-port", 8080, "REST API port on 127.0.0.1")
	f.IntVar(&cfg.AlloraPort, "allora-port", 1317, "Allora emulator REST port on 127.0.0.1")
	f.IntSliceVar(&chainPorts, "chain-ports", []int{8545, 8546, 8547}, "JSON-RPC ports of the bnb (56), zksync (324) and sonic (146) chains")
	f.DurationVar(&cfg.BlockTime, "block-time", time.Second, "interval between EVM blocks")
	f.DurationVar(&cfg.AlloraBlockTime, "allora-block-time", time.Second, "interval between Allora blocks")
	f.Int64Var(&cfg.Seed, "seed", 1, "seed of the emulator's synthetic price paths")
	f.StringVar(&cfg.RedisURL, "redis", "", "keep state in the Redis at this URL (redis://127.0.0.1:6379/0) instead of memory")
	f.StringVar(&cfg.AddressesDir, "addresses-dir", "deployments/devnet", "directory where each chain's addresses file (<chain>.json, as deploy writes) is written; empty: none")
	f.StringSliceVar(&cfg.CORSOrigins, "cors-origin", nil, "browser origin allowed to call the API, such as http://localhost:5173; repeat or comma-separate, * for any")
	return cmd
}
