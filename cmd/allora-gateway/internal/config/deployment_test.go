package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// withAddressesFiles is minimal with both chains' oracles given by addresses files.
func withAddressesFiles() string {
	s := strings.Replace(minimal, `oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"`, `addresses_file: deployments/bnb.json`, 1)
	return strings.Replace(s, `oracle: 0xe7f1725e7734ce288f8367e1bb143e90bb3f0512 # unquoted, as people write it`,
		`addresses_file: deployments/zksync-era.yaml`, 1)
}

func TestDeploymentRoundTripsAsJSONAndYAML(t *testing.T) {
	d := Deployment{
		ChainID: 56, Name: "bnb", Oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
		Feeds: map[string]string{"7": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"}, Block: 12,
		Txs: DeploymentTxs{Oracle: "0x01", Feeds: map[string]string{"7": "0x02"}},
	}
	dir := t.TempDir()
	for _, name := range []string{"a/bnb.json", "b/bnb.yaml"} {
		path := filepath.Join(dir, name)
		if err := WriteDeployment(path, d); err != nil {
			t.Fatal(err)
		}
		back, err := ReadDeployment(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(back, d) {
			t.Errorf("%s reads back as %+v, want %+v", name, back, d)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "a/bnb.json"))
	if !strings.Contains(string(data), `"chain_id": 56`) {
		t.Errorf("the .json file is not JSON:\n%s", data)
	}
}

func TestAddressesFileSuppliesTheOracle(t *testing.T) {
	path := writeConfig(t, withAddressesFiles())
	dir := filepath.Dir(path)
	if err := WriteDeployment(filepath.Join(dir, "deployments", "bnb.json"),
		Deployment{ChainID: 56, Name: "bnb", Oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
			Feeds: map[string]string{"1": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"}}); err != nil {
		t.Fatal(err)
	}
	if err := WriteDeployment(filepath.Join(dir, "deployments", "zksync-era.yaml"),
		Deployment{ChainID: 324, Name: "zksync-era", Oracle: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if got := c.Chains[0].Oracle; got != "0x5FbDB2315678afecb367f032d93F642f64180aa3" {
		t.Errorf("bnb oracle = %q", got)
	}
	if got := c.Chains[0].Feeds; len(got) != 1 || got[1].Hex() != "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" {
		t.Errorf("bnb feeds = %v, want topic 1's from the addresses file", got)
	}
	if got := c.Chains[1].Oracle; got != "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512" {
		t.Errorf("zksync-era oracle = %q", got)
	}
	if want := filepath.Join(dir, "deployments", "bnb.json"); c.Chains[0].AddressesFile != want {
		t.Errorf("addresses_file resolved to %q, want %q (relative to the config file)", c.Chains[0].AddressesFile, want)
	}

	// An oracle set in the file or the environment wins over the addresses file.
	c, err = Load(path, env(map[string]string{"ALLORA_GATEWAY_CHAINS_BNB_ORACLE": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Chains[0].Oracle; got != "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" {
		t.Errorf("bnb oracle with the environment's = %q", got)
	}
	if got := c.Chains[0].Feeds; len(got) != 0 {
		t.Errorf("bnb feeds with another oracle = %v, want none (the file's read its own oracle)", got)
	}
}

func TestAddressesFileProblems(t *testing.T) {
	path := writeConfig(t, withAddressesFiles())
	dir := filepath.Dir(path)

	// Not deployed yet: Load succeeds (deploy loads the config first), Validate says
	// what to run.
	c, err := Load(path, noEnv)
	if err != nil {
		t.Fatalf("Load before deploy: %v", err)
	}
	err = c.Validate()
	if err == nil || !strings.Contains(err.Error(), "chains[0] (bnb): oracle must be set, and addresses_file") ||
		!strings.Contains(err.Error(), "deploy --chain zksync-era") {
		t.Errorf("Validate before deploy = %v", err)
	}

	// Written for another chain.
	if err := WriteDeployment(filepath.Join(dir, "deployments", "bnb.json"),
		Deployment{ChainID: 97, Oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, noEnv); err == nil || !strings.Contains(err.Error(), "is for chain id 97, not 56") {
		t.Errorf("Load with another chain's file = %v", err)
	}

	// Not an addresses file.
	if err := os.WriteFile(filepath.Join(dir, "deployments", "bnb.json"), []byte(`{"oracle": "0x12"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, noEnv); err == nil || !strings.Contains(err.Error(), "chains[0] (bnb): addresses_file") {
		t.Errorf("Load with a bad file = %v", err)
	}
}
