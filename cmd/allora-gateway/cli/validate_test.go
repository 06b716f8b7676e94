package cli_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// TestConfigValidateOpensKeyMaterial runs config validate --offline on a file whose
// keys fail in every way a start would find, beside a YAML type error, a bad value and
// a mistyped variable, and checks each is reported, by key path and file or variable,
// in one run that exits non-zero; the same keys put right then validate.
func TestConfigValidateOpensKeyMaterial(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	dir := t.TempDir()
	submitter := writeKey(t, dir, "submitter", devchain.DevKey(0), "sub pass")
	writeFile(t, filepath.Join(dir, "submitter.pass"), "sub pass\n", 0o600)
	wrong := writeKey(t, dir, "wrong", devchain.DevKey(1), "right pass")
	writeFile(t, filepath.Join(dir, "wrong.pass"), "not the pass", 0o600)
	open := writeKey(t, dir, "open", devchain.DevKey(2), "open pass")
	writeFile(t, filepath.Join(dir, "open.pass"), "open pass", 0o644)
	noEnv := writeKey(t, dir, "noenv", devchain.DevKey(3), "env pass")
	noFile := writeKey(t, dir, "nofile", devchain.DevKey(4), "file pass")
	notJSON := filepath.Join(dir, "notjson.json")
	writeFile(t, notJSON, "-----BEGIN PRIVATE KEY-----\n", 0o600)
	writeFile(t, filepath.Join(dir, "notjson.pass"), "x", 0o600)
	missing := filepath.Join(dir, "missing.json")
	t.Setenv("TEST_VALIDATE_UNSET_PASS", "")
	os.Unsetenv("TEST_VALIDATE_UNSET_PASS")
	t.Setenv("ALLORA_GATEWAY_RELAYER_DEVIATOIN", "1%")

	cfg := fmt.Sprintf(`allora:
  endpoint: http://127.0.0.1:1
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: "http://127.0.0.1:1", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
relayer:
  poll_interval: soon
  stall_blocks: 0
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle:
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_env: TEST_VALIDATE_UNSET_PASS}
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_env: TEST_VALIDATE_UNSET_PASS}
`, submitter, filepath.Join(dir, "submitter.pass"),
		wrong, filepath.Join(dir, "wrong.pass"),
		open, filepath.Join(dir, "open.pass"),
		noEnv,
		noFile, filepath.Join(dir, "nofile.pass"),
		notJSON, filepath.Join(dir, "notjson.pass"),
		missing)
	path := filepath.Join(dir, "relayer.yaml")
	writeFile(t, path, cfg, 0o600)

	code, out, errOut := run(t, "config", "validate", "--offline", "--config", path)
	if code == 0 {
		t.Fatalf("a config whose keys cannot open validated:\n%s", out)
	}
	for _, want := range []string{
		// The type error, with its line, does not hide the rest.
		`line 7: invalid duration "soon"`,
		"relayer.stall_blocks: must be at least 1",
		"ALLORA_GATEWAY_RELAYER_DEVIATOIN is set but is not a variable of this config, so it is ignored (did you mean ALLORA_GATEWAY_RELAYER_DEVIATION?)",
		"signers.oracle[0]: wrong passphrase for key file " + wrong,
		"signers.oracle[1]: passphrase: passphrase file is accessible by group or others: " + filepath.Join(dir, "open.pass") + " has mode 0644",
		"signers.oracle[2]: passphrase: no passphrase: environment variable TEST_VALIDATE_UNSET_PASS is not set",
		"signers.oracle[3]: passphrase: read passphrase file: open " + filepath.Join(dir, "nofile.pass") + ": no such file or directory",
		"signers.oracle[4]: " + notJSON + " is not a keystore V3 key file",
		// A missing keystore and its missing passphrase, both.
		"signers.oracle[5]: passphrase: no passphrase: environment variable TEST_VALIDATE_UNSET_PASS is not set",
		"signers.oracle[5]: read key file: open " + missing + ": no such file or directory",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("validate does not report %q:\n%s", want, errOut)
		}
	}
	for _, unwanted := range []string{"signers.submitter", "right pass", "sub pass", "127.0.0.1:1"} {
		if strings.Contains(errOut, unwanted) {
			t.Errorf("validate --offline reports %q:\n%s", unwanted, errOut)
		}
	}

	// Put right, the same keys open and the file validates.
	os.Unsetenv("ALLORA_GATEWAY_RELAYER_DEVIATOIN")
	t.Setenv("TEST_VALIDATE_ENV_PASS", "env pass")
	writeFile(t, filepath.Join(dir, "wrong.pass"), "right pass", 0o600)
	if err := os.Chmod(filepath.Join(dir, "open.pass"), 0o600); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "nofile.pass"), "file pass", 0o600)
	good := fmt.Sprintf(`allora:
  endpoint: http://127.0.0.1:1
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: "http://127.0.0.1:1", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle:
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_env: TEST_VALIDATE_ENV_PASS}
    - {keystore: %q, passphrase_file: %q}
`, submitter, filepath.Join(dir, "submitter.pass"),
		wrong, filepath.Join(dir, "wrong.pass"),
		open, filepath.Join(dir, "open.pass"),
		noEnv,
		noFile, filepath.Join(dir, "nofile.pass"))
	writeFile(t, path, good, 0o600)
	code, out, errOut = run(t, "config", "validate", "--offline", "--config", path)
	if code != 0 || !strings.Contains(out, "is valid") || !strings.Contains(out, "5 keys opened") || !strings.Contains(out, "--offline") {
		t.Fatalf("validate of good keys: exit %d\n%s%s", code, out, errOut)
	}

	// The same key twice signs twice for one signer: refused.
	dup := strings.Replace(good, fmt.Sprintf("{keystore: %q, passphrase_file: %q}\n", noFile, filepath.Join(dir, "nofile.pass")),
		fmt.Sprintf("{keystore: %q, passphrase_file: %q}\n", filepath.Join(dir, "copy.json"), filepath.Join(dir, "nofile.pass")), 1)
	data, err := os.ReadFile(wrong)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "copy.json"), string(data), 0o600)
	writeFile(t, filepath.Join(dir, "nofile.pass"), "right pass", 0o600)
	writeFile(t, path, dup, 0o600)
	if code, _, errOut := run(t, "config", "validate", "--offline", "--config", path); code == 0 ||
		!strings.Contains(errOut, "signers.oracle[3]: keystore "+filepath.Join(dir, "copy.json")+" holds the key of") ||
		!strings.Contains(errOut, "as signers.oracle[0] does") {
		t.Errorf("validate of one key listed twice: exit %d\n%s", code, errOut)
	}
}

// TestConfigValidateAcceptsKubernetesSecretVolume checks validate opens keys from a
// Secret volume as the kubelet lays it out (0440, the pod's group, ..data symlinks),
// as the relayer does, and refuses the same modes in an ordinary directory.
func TestConfigValidateAcceptsKubernetesSecretVolume(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	scratch := t.TempDir()
	key, err := os.ReadFile(writeKey(t, scratch, "submitter", devchain.DevKey(0), "pass"))
	if err != nil {
		t.Fatal(err)
	}
	vol := filepath.Join(t.TempDir(), "keys")
	if err := os.Mkdir(vol, 0o755); err != nil {
		t.Fatal(err)
	}
	mountSecretVolume(t, vol, map[string][]byte{"submitter.json": key, "submitter.pass": []byte("pass")})
	cfg := func(dir string) string {
		return fmt.Sprintf(`allora: {endpoint: "http://127.0.0.1:1"}
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: "http://127.0.0.1:1", oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
signers:
  submitter: {keystore: %[1]s/submitter.json, passphrase_file: %[1]s/submitter.pass}
  oracle: [{keystore: %[1]s/submitter.json, passphrase_file: %[1]s/submitter.pass}]
`, dir)
	}
	path := filepath.Join(scratch, "relayer.yaml")
	writeFile(t, path, cfg(vol), 0o600)
	if code, out, errOut := run(t, "config", "validate", "--offline", "-c", path); code != 0 || !strings.Contains(out, "2 keys opened") {
		t.Fatalf("validate of keys on a Secret volume: exit %d\n%s%s", code, out, errOut)
	}
	plain := filepath.Join(t.TempDir(), "keys")
	if err := os.Mkdir(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(plain, "submitter.json"), string(key), 0o440)
	writeFile(t, filepath.Join(plain, "submitter.pass"), "pass", 0o440)
	writeFile(t, path, cfg(plain), 0o600)
	if code, _, errOut := run(t, "config", "validate", "--offline", "-c", path); code == 0 || !strings.Contains(errOut, "run chmod 600 "+filepath.Join(plain, "submitter.pass")) {
		t.Errorf("validate of a group-readable passphrase file outside a Secret volume: exit %d\n%s", code, errOut)
	}
}

// TestConfigValidateChecksTheNetwork runs config validate against a chain, an Allora
// emulator and Redis on 127.0.0.1: all answering, it validates and counts them; a chain
// id that differs, an oracle address without code, a port nobody listens on and an
// Allora node that does not answer are each reported, and --offline skips them.
func TestConfigValidateChecksTheNetwork(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	chains := startTestChains(t, ctx)
	emu, err := emulator.New(emulator.Config{
		Topics:    []emulator.TopicConfig{{ID: 7, EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"}},
		BlockTime: time.Second, Seed: 3, StartTime: time.Now().Add(-5 * time.Minute).Truncate(time.Second), Manual: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	emuDone := make(chan error, 1)
	go func() { emuDone <- emu.Serve(ctx, ln) }()
	defer func() { cancel(); <-emuDone }()
	emu.Advance(12)

	dir := t.TempDir()
	key := writeKey(t, dir, "submitter", devchain.DevKey(0), "pass")
	writeFile(t, filepath.Join(dir, "submitter.pass"), "pass", 0o600)
	dead := "http://" + testsupport.FreeAddr(t)
	write := func(alloraEndpoints string, chainsYAML string) string {
		path := filepath.Join(dir, "relayer.yaml")
		writeFile(t, path, fmt.Sprintf(`allora:
  endpoints: [%s]
  emissions_version: v5
topics: [7]
chains:
%s
signers:
  submitter: {keystore: %[3]q, passphrase_file: %[4]q}
  oracle: [{keystore: %[3]q, passphrase_file: %[4]q}]
redis: {url: "redis://127.0.0.1:6379/15", prefix: validate-test}
`, alloraEndpoints, chainsYAML, key, filepath.Join(dir, "submitter.pass")), 0o600)
		return path
	}
	alive := "http://" + ln.Addr().String()
	path := write(fmt.Sprintf("%q", alive), fmt.Sprintf("  - {name: bnb, chain_id: 56, rpc: %q, oracle: %q}\n  - {name: sonic, chain_id: 146, rpc: %q, oracle: %q}",
		chains[0].url, chains[0].oracle.Hex(), chains[1].url, chains[1].oracle.Hex()))
	if code, out, errOut := run(t, "config", "validate", "-c", path); code != 0 || !strings.Contains(out, "4 of 4 endpoints answered") {
		t.Fatalf("validate with every node answering: exit %d\n%s%s", code, out, errOut)
	}

	// bnb's RPC given for sonic, an oracle address without code on bnb, a dead second
	// endpoint, a dead Allora node, and a replica asked of a Redis that has none.
	t.Setenv("ALLORA_GATEWAY_REDIS_MIN_REPLICAS", "1")
	const noCode = "0x000000000000000000000000000000000000dead"
	path = write(fmt.Sprintf("%q, %q", alive, dead+"/?key=TOPSECRET"), fmt.Sprintf("  - {name: bnb, chain_id: 56, rpcs: [%q, %q], oracle: %q}\n  - {name: sonic, chain_id: 146, rpc: %q, oracle: %q}",
		chains[0].url, dead+"/v3/0123456789abcdef0123456789abcdef", noCode, chains[0].url, chains[1].oracle.Hex()))
	code, out, errOut := run(t, "config", "validate", "-c", path)
	if code == 0 {
		t.Fatalf("validate with nodes failing: exit 0\n%s", out)
	}
	for _, want := range []string{
		fmt.Sprintf("chains[0] (bnb): rpc-0 (%s): no contract at oracle %s on chain 56", chains[0].url, noCode),
		fmt.Sprintf("chains[0] (bnb): rpc-1 (%s/v3/xxxxx): eth_chainId:", dead),
		fmt.Sprintf("chains[1] (sonic): rpc-0 (%s): serves chain id 56, not the configured 146", chains[0].url),
		fmt.Sprintf("allora.endpoints[1]: endpoint-1 (%s/?key=xxxxx): does not answer", dead),
		"redis.url (redis://127.0.0.1:6379/15): the primary has 0 connected replicas, redis.min_replicas wants 1",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("validate does not report %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "TOPSECRET") || strings.Contains(errOut, "0123456789abcdef") || strings.Contains(errOut, "allora.endpoints[0]") {
		t.Errorf("validate shows a secret or reports a node that answers:\n%s", errOut)
	}
	if code, out, errOut := run(t, "config", "validate", "--offline", "-c", path); code != 0 {
		t.Errorf("validate --offline checked the network: exit %d\n%s%s", code, out, errOut)
	}
}

// TestUnknownEnvWarnsEveryCommand checks a command that loads a config warns of a
// mistyped ALLORA_GATEWAY_* variable and names the one meant.
func TestUnknownEnvWarnsEveryCommand(t *testing.T) {
	code, example, _ := run(t, "config", "example")
	if code != 0 {
		t.Fatal("config example failed")
	}
	path := filepath.Join(t.TempDir(), "relayer.yaml")
	writeFile(t, path, example, 0o600)
	t.Setenv("ALLORA_GATEWAY_CHAINS_SONIK_RPC", "https://sonic.example/KEY")
	code, _, errOut := run(t, "config", "print", "-c", path)
	if code != 0 || !strings.Contains(errOut, "warning: ALLORA_GATEWAY_CHAINS_SONIK_RPC is set but is not a variable of this config, so it is ignored (did you mean ALLORA_GATEWAY_CHAINS_SONIC_RPC?)") {
		t.Errorf("config print: exit %d, stderr %q", code, errOut)
	}
	// The relayer fails to start on this file (its keys are missing) after the warning.
	_, _, errOut = run(t, "relayer", "-c", path, "--api-listen", "")
	if !strings.Contains(errOut, "warning: ALLORA_GATEWAY_CHAINS_SONIK_RPC") {
		t.Errorf("relayer does not warn of the unknown variable: %q", errOut)
	}
}
