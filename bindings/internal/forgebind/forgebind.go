// Package forgebind turns forge build artifacts into abigen v2 Go bindings, and lists the
// contracts that have one. The generator command (bindings/internal/forgeabigen) and the
// test that checks the checked-in bindings both go through it, so they cannot disagree.
package forgebind

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

// Contract is one contract with a Go binding.
type Contract struct {
	// Source is the Solidity file name under contracts/src, which is also the folder of
	// its artifacts under forge's out directory.
	Source string
	// Type is the contract name, and the Go type of the binding.
	Type string
	// Package is the Go package of the binding, a folder under bindings/.
	Package string
}

// Contracts lists every contract with a binding under bindings/.
var Contracts = []Contract{
	{Source: "AlloraOracle.sol", Type: "AlloraOracle", Package: "alloraoracle"},
	{Source: "AlloraFeed.sol", Type: "AlloraFeed", Package: "allorafeed"},
	{Source: "PredictionMarket.sol", Type: "PredictionMarket", Package: "predictionmarket"},
	// The settable AggregatorV3 feed of devnet (contracts/src/mocks).
	{Source: "MockAggregator.sol", Type: "MockAggregator", Package: "mockaggregator"},
}

// ArtifactPath is where forge writes the contract's artifact under outDir.
func (c Contract) ArtifactPath(outDir string) string {
	return filepath.Join(outDir, c.Source, c.Type+".json")
}

// BindingPath is the binding's file, relative to the bindings/ folder.
func (c Contract) BindingPath() string {
	return filepath.Join(c.Package, c.Package+".go")
}

// ErrUnlinked reports bytecode that still holds library placeholders; abigen's deployer
// links libraries only from solc's combined JSON, and none of our contracts uses one.
var ErrUnlinked = errors.New("bytecode references unlinked libraries")

// Artifact is the part of a forge artifact a binding needs.
type Artifact struct {
	// ABI is the contract's ABI as forge wrote it, compacted.
	ABI string
	// Bytecode is the creation bytecode, 0x-prefixed hex.
	Bytecode string
}

// ReadArtifact reads a forge artifact (out/<Source>/<Type>.json).
func ReadArtifact(path string) (Artifact, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Artifact{}, fmt.Errorf("read forge artifact: %w", err)
	}
	return ParseArtifact(data)
}

// ParseArtifact decodes a forge artifact.
func ParseArtifact(data []byte) (Artifact, error) {
	var raw struct {
		ABI      json.RawMessage `json:"abi"`
		Bytecode struct {
			Object string `json:"object"`
		} `json:"bytecode"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Artifact{}, fmt.Errorf("decode forge artifact: %w", err)
	}
	if len(raw.ABI) == 0 {
		return Artifact{}, errors.New("decode forge artifact: no abi")
	}
	var abiJSON bytes.Buffer
	if err := json.Compact(&abiJSON, raw.ABI); err != nil {
		return Artifact{}, fmt.Errorf("decode forge artifact abi: %w", err)
	}
	if strings.Contains(raw.Bytecode.Object, "__") {
		return Artifact{}, fmt.Errorf("decode forge artifact: %w", ErrUnlinked)
	}
	abiText := interfaceStruct.ReplaceAllString(abiJSON.String(), `"internalType":"struct $1`)
	return Artifact{ABI: abiText, Bytecode: raw.Bytecode.Object}, nil
}

// interfaceStruct matches the internal type of a struct declared in an interface, such as
// "struct IAlloraOracle.Update". abigen would name its Go type IAlloraOracleUpdate; the
// bindings keep the plain name (Update) the struct had before it moved into the interface
// that consumers import.
var interfaceStruct = regexp.MustCompile(`"internalType":"struct I[A-Z][A-Za-z0-9_]*\.([A-Za-z0-9_]+)`)

// Generate renders the binding exactly as
// `abigen --v2 --abi <abi> --bin <bin> --pkg <pkg> --type <typ>` of the go-ethereum
// version in go.mod does.
func Generate(a Artifact, pkg, typ string) (string, error) {
	code, err := abigen.BindV2(
		[]string{typ}, []string{a.ABI}, []string{a.Bytecode}, pkg,
		map[string]string{}, map[string]string{},
	)
	if err != nil {
		return "", fmt.Errorf("generate %s binding: %w", typ, err)
	}
	return code, nil
}
