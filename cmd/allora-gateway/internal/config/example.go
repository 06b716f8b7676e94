package config

import (
	_ "embed"
	"slices"
)

//go:embed example.yaml
var example []byte

// Example returns a commented example configuration: Allora mainnet (emissions v9) to
// BNB Smart Chain (56), Sonic (146) and ZKsync Era (324), keys under
// /var/lib/allora-gateway/keys. Its oracle addresses are placeholders, marked as such,
// that pass Validate but hold no contract: an operator replaces them with the
// addresses deploy printed.
func Example() []byte { return slices.Clone(example) }
