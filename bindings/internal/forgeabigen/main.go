// Command forgeabigen writes the abigen v2 Go binding of one contract from its forge
// build artifact. It runs from the `go:generate` line beside each binding:
//
//	go run ../internal/forgeabigen -artifact ../../contracts/out/AlloraOracle.sol/AlloraOracle.json \
//		-pkg alloraoracle -type AlloraOracle -out alloraoracle.go
//
// Build the contracts first (contracts/tools/build-bindings.sh does both).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/allora-gateway/allora-gateway/bindings/internal/forgebind"
)

func main() {
	artifact := flag.String("artifact", "", "forge artifact, such as contracts/out/AlloraOracle.sol/AlloraOracle.json")
	pkg := flag.String("pkg", "", "Go package of the binding")
	typ := flag.String("type", "", "Go type of the binding (the contract name)")
	out := flag.String("out", "", "file to write the binding to")
	flag.Parse()
	if *artifact == "" || *pkg == "" || *typ == "" || *out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*artifact, *pkg, *typ, *out); err != nil {
		fmt.Fprintf(os.Stderr, "forgeabigen: %v\n", err)
		os.Exit(1)
	}
}

func run(artifactPath, pkg, typ, out string) error {
	a, err := forgebind.ReadArtifact(artifactPath)
	if err != nil {
		return fmt.Errorf("%w (run `npx forge build` in contracts/ first)", err)
	}
	code, err := forgebind.Generate(a, pkg, typ)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, []byte(code), 0o644); err != nil {
		return fmt.Errorf("write binding: %w", err)
	}
	return nil
}
