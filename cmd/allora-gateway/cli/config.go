package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/deploy/presets"
)

func newConfigCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Validate a config file, print the effective config, or print an example",
		Long: `config works on the relayer's YAML configuration, with the ALLORA_GATEWAY_*
environment overrides applied as the relayer would apply them.

  validate  checks a file predicts a start (keys opened, files' modes, nodes reached),
            reports every problem at once and exits non-zero if there is one
  print     prints the effective config (file, defaults, environment) with every secret,
            such as an API key in an RPC URL's path or query, shown as xxxxx
  example   prints a commented example for BNB Smart Chain, Sonic and ZKsync Era
  presets   lists the chain and Allora presets a config may name with preset:`,
		Example: `  allora-gateway config validate --config relayer.yaml
  allora-gateway config print --config relayer.yaml
  allora-gateway config example > relayer.yaml
  allora-gateway config presets`,
	}
	var (
		path    string
		offline bool
	)
	validate := &cobra.Command{
		Use:   "validate --config FILE [--offline]",
		Short: "Check a config file predicts a start: every problem at once",
		Long: `validate loads the file with its ALLORA_GATEWAY_* environment overrides and checks
what the relayer needs to start, reporting every problem at once, each with its key's
path, and exits non-zero when there is any:

  - the file: every key and value, a value of the wrong type with its line (the rest of
    the file is still checked), unknown keys, and unknown ALLORA_GATEWAY_* variables
    (with the known name a typo is nearest to);
  - key material: every keystore is opened with its passphrase through the relayer's
    own loader, so a missing keystore, a file that is not a keystore V3 key file, a
    missing or too-open passphrase file (chmod 600; files of a Kubernetes Secret volume
    as the kubelet writes them are accepted), an unset variable and a wrong passphrase
    are each named with the key and the file or variable; co-signers' shared secrets
    are read the same way;
  - the network, unless --offline: each chain endpoint must answer with the configured
    chain id (and the oracle must have code there), each Allora node its latest block,
    Redis a PING, each within 5s.

Warnings (a keystore others may read) are printed and do not fail. Run it without
--offline after each change; the systemd unit and the chart run it --offline before
each start, so a node that is down for a moment does not keep the relayer from
starting (the relayer rides out such outages itself).`,
		Example: `  allora-gateway config validate --config relayer.yaml
  allora-gateway config validate --config relayer.yaml --offline
  ALLORA_GATEWAY_CHAINS_BNB_RPC=https://bsc.example/KEY allora-gateway config validate --config relayer.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return validateConfig(cmd.Context(), path, offline, stdout, cmd.ErrOrStderr())
		},
	}
	validate.Flags().BoolVar(&offline, "offline", false, "skip the checks that need the network (chain RPCs, Allora nodes, Redis)")
	print := &cobra.Command{
		Use:   "print --config FILE",
		Short: "Print the effective config with secrets redacted",
		Long: `print shows the config as the relayer would run it: the file, then the environment
overrides, then the chain and Allora presets and defaults filled in. Endpoint URLs, the
Redis URL and co-signer URLs print with only what may be a credential as xxxxx: a
userinfo password, every query value, and path segments that look like keys rather
than words (Infura's and Alchemy's /v3/<key>, a provider's /<token>/), so
http://127.0.0.1:8545 and https://rpc.ankr.com/bsc/xxxxx still say which node is meant.`,
		Example: `  allora-gateway config print --config relayer.yaml
  ALLORA_GATEWAY_RELAYER_DEVIATION=1% allora-gateway config print --config relayer.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			out, err := cfg.Redacted()
			if err != nil {
				return err
			}
			_, err = stdout.Write(out)
			return err
		},
	}
	// validate counts unknown variables among its problems, not as a warning.
	validate.Annotations = map[string]string{reportsUnknownEnv: "true"}
	for _, c := range []*cobra.Command{validate, print} {
		c.Flags().StringVarP(&path, "config", "c", "", "path of the YAML config file (required)")
		_ = c.MarkFlagRequired("config")
	}
	example := &cobra.Command{
		Use:   "example",
		Short: "Print a commented example config",
		Long: `example prints a relayer config for Allora mainnet to BNB Smart Chain, Sonic and
ZKsync Era, every key commented; it is the same file as deploy/relayer.example.yaml.`,
		Example: `  allora-gateway config example > relayer.yaml`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := stdout.Write(config.Example())
			return err
		},
	}
	presetsCmd := &cobra.Command{
		Use:   "presets",
		Short: "List the chain and Allora presets as tables",
		Long: `presets lists the networks a config may name instead of spelling out their
settings: a chain with preset: bsc gets its chain id, fee mode, confirmation depth,
block time, resubmit timing and gas caps from the preset, and may override any of them
under its own name (confirmations: 0 on a development chain); allora with
preset: allora-mainnet gets the public endpoints and the emissions API version.`,
		Example: `  allora-gateway config presets`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return printPresets(stdout)
		},
	}
	cmd.AddCommand(validate, print, example, presetsCmd)
	return cmd
}

// printPresets writes the chain presets and the Allora presets as two tables.
func printPresets(out io.Writer) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHAIN PRESET\tCHAIN ID\tNAME\tFEES\tCONFIRMATIONS\tFINALITY\tBLOCK TIME\tRESUBMIT AFTER\tMAX GAS PRICE\tMAX BATCH GAS\tEXPLORER\tPRICE FEEDS")
	for _, c := range presets.Chains() {
		feeds := make([]string, 0, len(c.PriceFeeds))
		for pair := range c.PriceFeeds {
			feeds = append(feeds, pair)
		}
		slices.Sort(feeds)
		listed := strings.Join(feeds, ",")
		if listed == "" {
			listed = "-"
		}
		id, explorer := strconv.FormatUint(c.ChainID, 10), c.Explorer
		if c.ChainID == 0 {
			id = "any other" // the local preset
		}
		if explorer == "" {
			explorer = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s gwei\t%d\t%s\t%s\n", c.Name, id, c.Title, c.FeeMode,
			c.Confirmations, c.Finality, c.BlockTime, c.ResubmitAfter, c.MaxGasPriceGwei, c.MaxBatchGas, explorer, listed)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "ALLORA PRESET\tCHAIN ID\tEMISSIONS\tENDPOINTS\tWEBSOCKET")
	for _, a := range presets.AlloraNetworks() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Name, a.ChainID, a.EmissionsVersion,
			strings.Join(append([]string{a.Endpoint}, a.Endpoints...), " "), a.Websocket)
	}
	return tw.Flush()
}
