package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
)

func newConfigCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Validate a config file, print the effective config, or print an example",
		Long: `config works on the relayer's YAML configuration, with the ALLORA_GATEWAY_*
environment overrides applied as the relayer would apply them.

  validate  reports every problem of a file at once and exits non-zero if there is one
  print     prints the effective config (file, defaults, environment) with every secret,
            such as an RPC URL carrying an API key, shown as xxxxx
  example   prints a commented example for BNB Smart Chain, Sonic and ZKsync Era`,
	}
	var path string
	validate := &cobra.Command{
		Use:   "validate --config FILE",
		Short: "Report every problem of a config file at once",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("%s is not valid:\n%w", path, err)
			}
			fmt.Fprintf(stdout, "%s is valid: %d topics, %d chains, %d oracle signers\n",
				path, len(cfg.Topics), len(cfg.Chains), len(cfg.Signers.Oracle))
			return nil
		},
	}
	print := &cobra.Command{
		Use:   "print --config FILE",
		Short: "Print the effective config with secrets redacted",
		Args:  cobra.NoArgs,
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
	for _, c := range []*cobra.Command{validate, print} {
		c.Flags().StringVarP(&path, "config", "c", "", "path of the YAML config file (required)")
		_ = c.MarkFlagRequired("config")
	}
	example := &cobra.Command{
		Use:   "example",
		Short: "Print a commented example config",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := stdout.Write(config.Example())
			return err
		},
	}
	cmd.AddCommand(validate, print, example)
	return cmd
}
