package cli_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// TestCosignCommandKeepsItsRecordAcrossRestartsAndMachines runs `allora-gateway cosign`,
// has it sign one value for a height, stops it and starts it again reading an Allora
// node that gives another value for that height: it refuses, in its log and metrics.
// The record exported with `keys record export` and imported on a fresh machine with
// `keys record import` keeps the new co-signer refusing.
func TestCosignCommandKeepsItsRecordAcrossRestartsAndMachines(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	start := time.Now().Add(-5 * time.Minute).Truncate(time.Second)
	serve := func(price string) (*emulator.Emulator, string) {
		emu, err := emulator.New(emulator.Config{
			Topics:    []emulator.TopicConfig{{ID: 7, EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: price}},
			BlockTime: time.Second, Seed: 3, StartTime: start, Manual: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- emu.Serve(ctx, ln) }()
		t.Cleanup(func() { cancel(); <-done })
		emu.Advance(12)
		return emu, "http://" + ln.Addr().String()
	}
	nodeA, urlA := serve("3012.5")
	nodeB, urlB := serve("2990.5")
	proposal := func(emu *emulator.Emulator) []oracle.Update {
		inf, _ := emu.Latest(7)
		u, err := oracle.NewUpdate(inf, false)
		if err != nil {
			t.Fatal(err)
		}
		return []oracle.Update{u}
	}
	fromA, fromB := proposal(nodeA), proposal(nodeB)
	if fromA[0].Version() != fromB[0].Version() || fromA[0].Value.Cmp(fromB[0].Value) == 0 {
		t.Fatalf("the two nodes must give one version two values: %v %v", fromA[0], fromB[0])
	}

	oracleAddr := common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	domain := oracle.NewDomain(big.NewInt(56), oracleAddr)
	secret := strings.Repeat("s3cr3t", 8)
	if err := os.WriteFile(filepath.Join(dir, "secret"), []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TEST_COSIGN_PASS", "pass")
	key := writeKey(t, dir, "cosigner", devchain.DevKey(1), "pass")
	signer := crypto.PubkeyToAddress(devchain.DevKey(1).PublicKey)

	// runCosign starts the command against endpoint, with record as cosign.record
	// ("" for the default beside the key), and returns its address, its stderr and
	// a stop that waits for it to exit.
	runCosign := func(name, endpoint, record string) (string, *lockedBuffer, func()) {
		addr := testsupport.FreeAddr(t)
		path := filepath.Join(dir, name+".yaml")
		recordLine := ""
		if record != "" {
			recordLine = fmt.Sprintf("  record: %q\n", record)
		}
		cfg := fmt.Sprintf(`allora: {endpoint: %q, emissions_version: v5}
cosign:
  listen: %q
  key: {keystore: %q, passphrase_env: TEST_COSIGN_PASS}
  oracles: [{chain_id: 56, oracle: %q}]
  clients: [{name: relayer-1, secret_file: %q}]
%slog: {level: info, format: text}
`, endpoint, addr, key, oracleAddr.Hex(), filepath.Join(dir, "secret"), recordLine)
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		stderr := &lockedBuffer{}
		rctx, stop := context.WithCancel(ctx)
		exit := make(chan int, 1)
		go func() { exit <- cli.Run(rctx, []string{"cosign", "--config", path}, io.Discard, stderr) }()
		testsupport.WaitFor(t, time.Minute, name+" answers /healthz", func() bool {
			res, err := http.Get("http://" + addr + "/healthz")
			if err != nil {
				return false
			}
			res.Body.Close()
			return res.StatusCode == 200
		})
		return addr, stderr, func() {
			stop()
			if code := <-exit; code != 0 {
				t.Errorf("%s exited %d:\n%s", name, code, stderr)
			}
		}
	}
	sign := func(addr string, updates []oracle.Update) error {
		cl, err := cosign.NewClient("http://"+addr, signer, "relayer-1", []byte(secret))
		if err != nil {
			t.Fatal(err)
		}
		_, err = cl.SignBatch(ctx, domain, updates)
		return err
	}
	wantRefused := func(name, addr string, stderr *lockedBuffer) {
		t.Helper()
		err := sign(addr, fromB)
		var ref *oracle.RefusalError
		if !errors.As(err, &ref) || ref.Reason != "slashing_protection" || !strings.Contains(ref.Detail, "already signed with value "+fromA[0].Value.String()) {
			t.Fatalf("%s: got %v, want a slashing_protection refusal", name, err)
		}
		if l := stderr.String(); !strings.Contains(l, "level=WARN") || !strings.Contains(l, "reason=slashing_protection") ||
			!strings.Contains(l, "never delete or replace the record") {
			t.Errorf("%s: the log does not show the refusal:\n%s", name, l)
		}
		res, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(body), `allora_gateway_cosign_refused_total{reason="slashing_protection"} 1`) {
			t.Errorf("%s: /metrics does not count the refusal", name)
		}
	}

	addr, _, stop := runCosign("first", urlA, "")
	if err := sign(addr, fromA); err != nil {
		t.Fatalf("first signature: %v", err)
	}
	stop()
	if _, err := os.Stat(filepath.Join(dir, "cosigner.record.db")); err != nil {
		t.Fatalf("the default record beside the key: %v", err)
	}

	addr, stderr, stop := runCosign("restarted", urlB, "")
	wantRefused("restarted", addr, stderr)
	stop()

	var exported, out, errOut bytes.Buffer
	if code := cli.Run(ctx, []string{"keys", "record", "export", "--record", filepath.Join(dir, "cosigner.record.db")}, &exported, &errOut); code != 0 {
		t.Fatalf("export exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(exported.String(), `"interchange_format_version": "1"`) || !strings.Contains(exported.String(), `"value": "`+fromA[0].Value.String()+`"`) {
		t.Fatalf("exported:\n%s", exported.String())
	}
	file := filepath.Join(dir, "record.json")
	if err := os.WriteFile(file, exported.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "new-machine", "cosigner.record.db")
	if code := cli.Run(ctx, []string{"keys", "record", "import", "--record", fresh, "--file", file}, &out, &errOut); code != 0 {
		t.Fatalf("import exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "1 added") {
		t.Errorf("import said %q", out.String())
	}
	addr, stderr, stop = runCosign("imported", urlB, fresh)
	wantRefused("imported", addr, stderr)
	stop()
}
