// Command allora-gateway carries Allora Network's inferences to EVM chains as signed
// oracle updates and serves them over a REST API. Run it with --help for its commands.
package main

import (
	"os"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
