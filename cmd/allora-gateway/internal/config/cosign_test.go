package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// The co-signer example operators copy validates as the cosign command checks it.
func TestCosignExampleValidates(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "deploy", "cosign.example.yaml")
	c, err := Load(path, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ValidateCosign(); err != nil {
		t.Fatalf("deploy/cosign.example.yaml does not validate:\n%v", err)
	}
	if len(c.Cosign.Oracles) != 3 || c.Cosign.Clients[0].Name != "relayer-1" || c.Cosign.MaxBatch != 256 {
		t.Errorf("cosign = %+v", c.Cosign)
	}
}

func TestValidateCosignListsEveryProblem(t *testing.T) {
	c := Default()
	c.Allora.Endpoint = "ftp://node"
	c.Cosign = Cosign{
		Listen:  "nowhere",
		Key:     Key{Keystore: "/k.json"},
		Oracles: []CosignOracle{{ChainID: 0, Oracle: "0x12"}, {ChainID: 56, Oracle: "0x0000000000000000000000000000000000000038"}, {ChainID: 56, Oracle: "0x0000000000000000000000000000000000000038"}},
		Clients: []CosignClient{{Name: "a", SecretFile: "/s"}, {Name: "a", SecretFile: "/s", SecretEnv: "S"}, {}},
	}
	err := c.ValidateCosign()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"allora.endpoint: must be an http(s) URL",
		`cosign.listen "nowhere"`,
		"cosign.key: set exactly one of passphrase_file and passphrase_env",
		"cosign.oracles[0]: chain_id must be set",
		`cosign.oracles[0]: oracle "0x12": not an address`,
		"cosign.oracles[2]: duplicates cosign.oracles[1]",
		`cosign.clients[1]: name "a" duplicates cosign.clients[0]`,
		"cosign.clients[1]: set exactly one of secret_file and secret_env",
		"cosign.clients[2]: name must be set",
		"cosign.max_batch: must be greater than 0",
		"cosign.replay_window: must be greater than 0",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
}

func TestValidateCosigners(t *testing.T) {
	c, err := Load(writeConfig(t, string(Example())), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	// Co-signers alone may sign: local oracle keys are not required then.
	c.Signers.Oracle = nil
	if err := c.Validate(); err != nil {
		t.Fatalf("co-signers without local keys: %v", err)
	}
	c.Signers.Cosigners = append(c.Signers.Cosigners,
		Cosigner{Name: "ACME", URL: "ftp://x/TOKEN", Address: c.Signers.Cosigners[0].Address, SecretFile: "/s", SecretEnv: "S"},
		Cosigner{URL: "https://y", Address: "0xnope", KeyID: "r", SecretEnv: "S", Timeout: Duration{-1}})
	err = c.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"signers.cosigners[1] (ACME): name duplicates signers.cosigners[0]",
		"signers.cosigners[1] (ACME): url must be the co-signer's http(s) URL",
		"signers.cosigners[1] (ACME): address duplicates signers.cosigners[0]",
		"signers.cosigners[1] (ACME): key_id must be set",
		"signers.cosigners[1] (ACME): set exactly one of secret_file and secret_env",
		"signers.cosigners[2]: name must be set",
		`signers.cosigners[2]: address "0xnope": not an address`,
		"signers.cosigners[2]: timeout must not be negative",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "TOKEN") {
		t.Errorf("validation quotes a co-signer URL: %v", err)
	}
	c.Signers.Cosigners = nil
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "signers.oracle: at least one key") {
		t.Errorf("no keys and no co-signers: err = %v", err)
	}
}

// A co-signer's URL may carry a token: the printed config never shows it.
func TestCosignerURLIsRedacted(t *testing.T) {
	c, err := Load(writeConfig(t, string(Example())), func(name string) (string, bool) {
		if name == "ALLORA_GATEWAY_SIGNERS_COSIGNERS_ACME_URL" {
			return "https://cosign.acme.example/?token=SEKRIT", true
		}
		return "", false
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Signers.Cosigners[0].URL.Reveal(); got != "https://cosign.acme.example/?token=SEKRIT" {
		t.Fatalf("the environment did not override the URL: %q", got)
	}
	out, err := c.Redacted()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "SEKRIT") {
		t.Fatalf("config print reveals the co-signer URL:\n%s", out)
	}
}

func TestRecordPaths(t *testing.T) {
	c := Default()
	c.Signers.Oracle = []Key{{Keystore: "/keys/oracle-1.json"}, {Keystore: "/other/oracle-2.json"}}
	c.Cosign.Key.Keystore = "/keys/cosigner.json"
	if got := c.Signers.RecordPath(); got != "/keys/oracle-1.record.db" {
		t.Errorf("default signers record %q", got)
	}
	if got := c.Cosign.RecordPath(); got != "/keys/cosigner.record.db" {
		t.Errorf("default cosign record %q", got)
	}
	env := map[string]string{"ALLORA_GATEWAY_COSIGN_RECORD": "/data/cosign.db", "ALLORA_GATEWAY_SIGNERS_RECORD": "/data/signers.db"}
	loaded, err := Load("", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Cosign.RecordPath() != "/data/cosign.db" || loaded.Signers.RecordPath() != "/data/signers.db" {
		t.Errorf("env overrides: %q %q", loaded.Cosign.RecordPath(), loaded.Signers.RecordPath())
	}
	c.Cosign.Record = t.TempDir()
	if err := c.ValidateCosign(); err == nil || !strings.Contains(err.Error(), "cosign.record") || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a directory as cosign.record: %v", err)
	}
}
