package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Deployment is an addresses file: what `allora-gateway deploy` put on one chain. It is
// written as JSON, or as YAML when the file name ends in .yaml or .yml, and read as
// either.
type Deployment struct {
	ChainID uint64 `json:"chain_id" yaml:"chain_id"`
	Name    string `json:"name" yaml:"name"`
	// Oracle is the AlloraOracle's address.
	Oracle string `json:"oracle" yaml:"oracle"`
	// Feeds are the AlloraFeed addresses by topic id (in decimal).
	Feeds map[string]string `json:"feeds,omitempty" yaml:"feeds,omitempty"`
	// Markets are the PredictionMarket addresses by market name.
	Markets map[string]string `json:"markets,omitempty" yaml:"markets,omitempty"`
	// Block is the block the oracle was deployed in.
	Block uint64 `json:"block" yaml:"block"`
	// Txs are the hashes of the deploying transactions.
	Txs DeploymentTxs `json:"txs" yaml:"txs"`
}

// DeploymentTxs are the hashes of the transactions that created a Deployment's contracts.
type DeploymentTxs struct {
	Oracle string            `json:"oracle" yaml:"oracle"`
	Feeds  map[string]string `json:"feeds,omitempty" yaml:"feeds,omitempty"`
	// Markets are by market name.
	Markets map[string]string `json:"markets,omitempty" yaml:"markets,omitempty"`
}

// ReadDeployment reads the addresses file at path. An error wrapping fs.ErrNotExist
// means there is none.
func ReadDeployment(path string) (Deployment, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Deployment{}, err
	}
	var d Deployment
	// JSON is YAML: one decoder reads both.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		return Deployment{}, fmt.Errorf("%s: %w", path, err)
	}
	if problem := checkAddress(d.Oracle); problem != "" {
		return Deployment{}, fmt.Errorf("%s: oracle %q: %s", path, d.Oracle, problem)
	}
	for topic, addr := range d.Feeds {
		if problem := checkAddress(addr); problem != "" {
			return Deployment{}, fmt.Errorf("%s: feed of topic %s %q: %s", path, topic, addr, problem)
		}
	}
	for name, addr := range d.Markets {
		if problem := checkAddress(addr); problem != "" {
			return Deployment{}, fmt.Errorf("%s: market %q %q: %s", path, name, addr, problem)
		}
	}
	return d, nil
}

// WriteDeployment writes d to path, creating its directory, as YAML when path ends in
// .yaml or .yml and as JSON otherwise. The file is replaced whole (written beside it,
// then renamed), so a reader never sees half of it.
func WriteDeployment(path string, d Deployment) error {
	var (
		data []byte
		err  error
	)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		data, err = yaml.Marshal(d)
	default:
		data, err = json.MarshalIndent(d, "", "  ")
		data = append(data, '\n')
	}
	if err != nil {
		return fmt.Errorf("encode addresses: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
