// Command pbgen regenerates the Go code of the gateway's .proto files. go generate runs
// it from relayer/allora/emissionspb:
//
//	go run ../internal/pbgen/cmd/pbgen -proto ../proto -root ../../..
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/allora-gateway/allora-gateway/relayer/allora/internal/pbgen"
)

func main() {
	protoDir := flag.String("proto", "", "folder holding the .proto files")
	root := flag.String("root", ".", "root folder of the Go module")
	flag.Parse()
	if err := run(*protoDir, *root); err != nil {
		fmt.Fprintln(os.Stderr, "pbgen:", err)
		os.Exit(1)
	}
}

func run(protoDir, root string) error {
	if protoDir == "" {
		return fmt.Errorf("-proto is required")
	}
	files, err := pbgen.Generate(context.Background(), protoDir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", name)
	}
	return nil
}
