package config

import (
	"slices"
	"strings"
	"testing"
)

const twoRPCs = `
allora: {endpoint: "https://allora.example"}
topics: [1]
chains:
  - name: bnb
    chain_id: 56
    rpc: https://bsc-1.example/rpc/TOKEN-1
    rpcs:
      - wss://bsc-2.example/ws/TOKEN-2
      - https://bsc-3.example/?key=TOKEN-3
    oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
signers:
  submitter: {keystore: /keys/submitter.json, passphrase_env: SUBMITTER_PASS}
  oracle:
    - {keystore: /keys/oracle-0.json, passphrase_env: ORACLE_0_PASS}
`

func TestChainWithSeveralRPCs(t *testing.T) {
	c, err := Load(writeConfig(t, twoRPCs), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	want := []string{"https://bsc-1.example/rpc/TOKEN-1", "wss://bsc-2.example/ws/TOKEN-2", "https://bsc-3.example/?key=TOKEN-3"}
	if got := reveal(c.Chains[0].AllRPCs()); !slices.Equal(got, want) {
		t.Errorf("AllRPCs = %v, want %v", got, want)
	}
	out, err := c.Redacted()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "TOKEN") || !strings.Contains(string(out), "rpcs:\n      - wss://bsc-2.example/ws/xxxxx\n      - https://bsc-3.example/?key=xxxxx") {
		t.Errorf("Redacted does not hide every rpc:\n%s", out)
	}

	// The environment overrides the first with _RPC and the others, as a list, with
	// _RPCS.
	c, err = Load(writeConfig(t, twoRPCs), env(map[string]string{
		"ALLORA_GATEWAY_CHAINS_BNB_RPC":  "https://env-1.example/ENV-1",
		"ALLORA_GATEWAY_CHAINS_BNB_RPCS": "https://env-2.example/ENV-2 , wss://env-3.example/ENV-3",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"https://env-1.example/ENV-1", "https://env-2.example/ENV-2", "wss://env-3.example/ENV-3"}
	if got := reveal(c.Chains[0].AllRPCs()); !slices.Equal(got, want) {
		t.Errorf("AllRPCs from the environment = %v, want %v", got, want)
	}
	// rpcs alone is enough.
	c.Chains[0].RPC = ""
	if err := c.Validate(); err != nil {
		t.Errorf("Validate with rpcs only: %v", err)
	}
}

func TestChainRPCsValidation(t *testing.T) {
	c, err := Load(writeConfig(t, twoRPCs), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	c.Chains[0].RPCs = []Secret{"https://BSC-1.example/rpc/TOKEN-1/", "", "tcp://bsc.example/TOKEN-4"}
	err = c.Validate()
	for _, w := range []string{
		"chains[0] (bnb): rpcs[0] duplicates rpc",
		"chains[0] (bnb): rpcs[1] must be set",
		"chains[0] (bnb): rpcs[2] must be an http(s) or ws(s) URL",
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q: %v", w, err)
		}
	}
	if err != nil && strings.Contains(err.Error(), "TOKEN") {
		t.Errorf("Validate reveals a token: %v", err)
	}
	c.Chains[0].RPC, c.Chains[0].RPCs = "", nil
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "chains[0] (bnb): rpc must be set (or list the endpoints under rpcs)") {
		t.Errorf("Validate without any rpc = %v", err)
	}
}

func reveal(s []Secret) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = v.Reveal()
	}
	return out
}
