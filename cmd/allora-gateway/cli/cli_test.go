package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// Every subcommand's --help says what it does and how to call it.
func TestHelpTeachesEverySubcommand(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"devnet", "relayer", "config", "keys", "status", "curl -s localhost:8080/v1/chains", "cast call"}},
		{[]string{"devnet", "--help"}, []string{"127.0.0.1:8545", "56", "324", "146", "--api-port", "--chain-ports", "--addresses-dir", "--cors-origin", "Ctrl-C", "latest(uint64)"}},
		{[]string{"relayer", "--help"}, []string{"--config", "ALLORA_GATEWAY_", "keystore", "passphrase", "config example", "SIGTERM"}},
		{[]string{"config", "--help"}, []string{"validate", "print", "example", "presets", "xxxxx", "allora-gateway config presets"}},
		{[]string{"config", "presets", "--help"}, []string{"preset: bsc", "override", "allora-gateway config presets"}},
		{[]string{"relayer", "--help"}, []string{"round keeper", "signers.keeper", "refuses an early or repeated call", "Info"}},
		{[]string{"deploy", "--help"}, []string{"PredictionMarket", "ERC-20", "safe to run again", "EVM interpreter",
			"150-400% more", "allora-gateway deploy --config relayer.yaml --chain bnb", "markets:"}},
		{[]string{"config", "validate", "--help"}, []string{"--config"}},
		{[]string{"config", "print", "--help"}, []string{"--config"}},
		{[]string{"keys", "--help"}, []string{"new", "import", "list", "chmod 600", "allora-gateway keys list --keystore ./keys"}},
		{[]string{"keys", "new", "--help"}, []string{"allora-gateway keys new --keystore ./keys --passphrase-file ./signer.pass", "--passphrase-env", "--light", "mode 700"}},
		{[]string{"keys", "import", "--help"}, []string{"allora-gateway keys import --keystore ./keys --private-key-file ./hot.key", "0x", "already has"}},
		{[]string{"keys", "list", "--help"}, []string{"allora-gateway keys list --keystore ./keys", "sorted by"}},
		{[]string{"keys", "record", "--help"}, []string{"export", "import", "slashing-protection", "locked", "keeping the higher version"}},
	}
	// Every subcommand's help shows examples to copy.
	for _, cmd := range [][]string{{"devnet"}, {"relayer"}, {"api"}, {"cosign"}, {"deploy"}, {"status"},
		{"keys"}, {"keys", "new"}, {"keys", "import"}, {"keys", "list"},
		{"keys", "record"}, {"keys", "record", "export"}, {"keys", "record", "import"},
		{"config"}, {"config", "validate"}, {"config", "print"}, {"config", "example"}, {"config", "presets"}} {
		cases = append(cases, struct {
			args []string
			want []string
		}{append(cmd, "--help"), []string{"Examples:", "allora-gateway " + cmd[0]}})
	}
	for _, c := range cases {
		code, out, errOut := run(t, c.args...)
		if code != 0 {
			t.Errorf("%v: exit %d, stderr %s", c.args, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v does not mention %q:\n%s", c.args, w, out)
			}
		}
	}
}

func TestConfigValidateReportsEveryProblemAtOnce(t *testing.T) {
	code, out, errOut := run(t, "config", "validate", "--offline", "--config", filepath.Join("..", "internal", "config", "testdata", "broken.yaml"))
	if code == 0 {
		t.Fatalf("a broken config validated:\n%s", out)
	}
	for _, want := range []string{
		"allora.endpoint", "allora.emissions_version", "topics", "chains[0] (bnb): oracle",
		"chains[1] (sonic): chain_id", "signers.submitter", "signers.oracle", "api.listen", "log.level", "log.format",
		"relayer.poll_interval", "relayer.push_interval",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("validate does not report %q:\n%s", want, errOut)
		}
	}
	for _, secret := range []string{"SECRET-allora", "SECRET-bnb"} {
		if strings.Contains(errOut, secret) {
			t.Errorf("validate printed the secret %q", secret)
		}
	}
}

func TestConfigExampleValidatesAndPrintHidesSecrets(t *testing.T) {
	code, example, errOut := run(t, "config", "example")
	if code != 0 || !strings.Contains(example, "chain_id: 56") {
		t.Fatalf("config example: exit %d, %s%s", code, example, errOut)
	}
	// The example's keys, made where it says they are.
	dir := t.TempDir()
	example = strings.ReplaceAll(example, "/var/lib/allora-gateway/keys/", dir+"/")
	for i, name := range []string{"submitter", "oracle-1", "oracle-2"} {
		writeKey(t, dir, name, devchain.DevKey(i), "pass "+name)
		writeFile(t, filepath.Join(dir, name+".pass"), "pass "+name, 0o600)
	}
	t.Setenv("ALLORA_ORACLE_2_PASSPHRASE", "pass oracle-2")
	writeFile(t, filepath.Join(dir, "cosign-acme.secret"), strings.Repeat("s3cret", 8), 0o600)
	path := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(path, []byte(example), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "config", "validate", "--offline", "-c", path); code != 0 || !strings.Contains(out, "is valid") ||
		!strings.Contains(out, "3 keys opened") {
		t.Fatalf("the example does not validate: %s%s", out, errOut)
	}
	t.Setenv("ALLORA_GATEWAY_CHAINS_BNB_RPC", "https://bsc.example/v1/SECRET-KEY-123")
	code, printed, errOut := run(t, "config", "print", "-c", path)
	if code != 0 {
		t.Fatalf("config print: %s", errOut)
	}
	if strings.Contains(printed, "SECRET-KEY-123") {
		t.Errorf("config print shows an API key:\n%s", printed)
	}
	// Only the credentials are hidden: a public endpoint shows whole.
	for _, want := range []string{"rpc: https://bsc.example/v1/xxxxx", "rpc: https://rpc.soniclabs.com", "chain_id: 146"} {
		if !strings.Contains(printed, want) {
			t.Errorf("config print does not show %q:\n%s", want, printed)
		}
	}
}

func TestRelayerRefusesToStartWithoutAValidConfig(t *testing.T) {
	if code, _, errOut := run(t, "relayer"); code == 0 || !strings.Contains(errOut, "config") {
		t.Errorf("relayer without --config: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut := run(t, "relayer", "--config", filepath.Join("..", "internal", "config", "testdata", "broken.yaml"))
	if code == 0 || !strings.Contains(errOut, "chains[0] (bnb): oracle") {
		t.Errorf("relayer with a broken config: exit %d, stderr %q", code, errOut)
	}
}

// TestConfigPresetsListsEveryNetwork checks `config presets` shows each chain preset
// with its id, fees and finality, and each Allora network with its emissions version.
func TestConfigPresetsListsEveryNetwork(t *testing.T) {
	code, out, errOut := run(t, "config", "presets")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, row := range [][]string{
		{"bsc ", " 56 ", "BNB Smart Chain", "legacy", " 2 ", "750ms", "https://bscscan.com"},
		{"bsc-testnet", " 97 "},
		{"zksync-era", " 324 ", "eip1559", " 1 ", "10000000"},
		{"zksync-sepolia", " 300 "},
		{"sonic ", " 146 ", "eip1559", " 10 ", "630ms"},
		{"sonic-testnet", " 14601 "},
		{"allora-mainnet", "allora-mainnet-1", " v9 ", "https://allora-api.mainnet.allora.network"},
		{"allora-testnet", "allora-testnet-1", " v10 ", "grpcs://allora-grpc.testnet.allora.network:443"},
	} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			ok := true
			for _, cell := range row {
				ok = ok && strings.Contains(line+" ", cell)
			}
			found = found || ok
		}
		if !found {
			t.Errorf("no line of config presets holds %q:\n%s", row, out)
		}
	}
}

// TestConfigValidateReportsPresetAndMarketProblems checks an unknown preset is named
// with the known ones and a contradicting chain id is caught, beside every market
// problem, in one run.
func TestConfigValidateReportsPresetAndMarketProblems(t *testing.T) {
	code, out, errOut := run(t, "config", "validate", "--offline", "--config", filepath.Join("..", "internal", "config", "testdata", "broken-presets.yaml"))
	if code == 0 {
		t.Fatalf("a broken config validated:\n%s", out)
	}
	for _, want := range []string{
		`allora.preset "allora-devnet": unknown; known presets are allora-mainnet, allora-testnet`,
		`preset "bnb-mainnet": unknown; known presets are bsc, bsc-testnet, zksync-era, zksync-sepolia, sonic, sonic-testnet`,
		"chain_id 56 contradicts preset sonic, which is chain 146",
		"markets[0] (ETH 5m): interval 30s", "markets[1] (ETH 5m): min_bet must be set",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("config validate does not say %q:\n%s", want, errOut)
		}
	}
}
