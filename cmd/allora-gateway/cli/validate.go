package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
)

// reportsUnknownEnv annotates a command that reports unknown ALLORA_GATEWAY_*
// variables itself, so the root's warning does not repeat them.
const reportsUnknownEnv = "reports-unknown-env"

// validateConfig is config validate: the file and its environment (Load's errors,
// Validate's problems, unknown variables), then key material, then, unless offline, the
// network. It prints warnings to stderr and, when nothing is wrong, a summary to
// stdout; otherwise it returns every problem, one per line.
func validateConfig(ctx context.Context, path string, offline bool, stdout, stderr io.Writer) error {
	cfg, err := config.Load(path, os.LookupEnv)
	if errors.Is(err, config.ErrUnreadable) {
		return err
	}
	var problems []string
	problems = append(problems, errLines(err)...)
	problems = append(problems, errLines(cfg.Validate())...)
	problems = append(problems, config.UnknownEnv(cfg, os.Environ())...)

	var p preflight
	p.checkKeyMaterial(ctx, cfg, offline)
	if !offline {
		p.checkNetwork(ctx, cfg)
	}
	problems = append(problems, p.problems...)
	for _, w := range p.warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s is not valid (%d problems):\n%s", path, len(problems), strings.Join(problems, "\n"))
	}
	fmt.Fprintln(stdout, p.summary(path, cfg, offline))
	return nil
}

// errLines splits a joined error into its lines.
func errLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

// warnUnknownEnv is the root's PersistentPreRun: a command given a config file warns,
// before it runs, about each ALLORA_GATEWAY_* variable that file's config does not
// read, which would otherwise be ignored in silence. A file that does not load is left
// for the command to report.
func warnUnknownEnv(stderr io.Writer) func(cmd *cobra.Command, _ []string) {
	return func(cmd *cobra.Command, _ []string) {
		if cmd.Annotations[reportsUnknownEnv] != "" {
			return
		}
		f := cmd.Flags().Lookup("config")
		if f == nil || f.Value.String() == "" {
			return
		}
		cfg, err := config.Load(f.Value.String(), os.LookupEnv)
		if errors.Is(err, config.ErrUnreadable) {
			return
		}
		for _, msg := range config.UnknownEnv(cfg, os.Environ()) {
			fmt.Fprintf(stderr, "warning: %s\n", msg)
		}
	}
}
