package cli_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

func TestCosignHelpTeaches(t *testing.T) {
	var out, errOut lockedBuffer
	if code := cli.Run(context.Background(), []string{"cosign", "--help"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"HMAC-SHA256", "value_mismatch", "stale_proposal", "cosign.oracles", "chmod 600", "--config"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("cosign --help does not mention %q", want)
		}
	}
}

func TestCosignCommandReportsEveryConfigProblem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cosign.yaml")
	if err := os.WriteFile(path, []byte("allora: {endpoint: \"http://127.0.0.1:1\"}\ncosign: {max_batch: 0}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut lockedBuffer
	if code := cli.Run(context.Background(), []string{"cosign", "--config", path}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"cosign.key", "cosign.oracles", "cosign.clients", "cosign.max_batch"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("error output does not name %s:\n%s", want, errOut.String())
		}
	}
}

// TestRelayerCollectsFromCosignCommands runs three `allora-gateway cosign` processes'
// commands and an `allora-gateway relayer` with no local oracle key, over an oracle that
// needs 2 of the 3 co-signers. One co-signer reads an Allora node that gives another
// price: it refuses, and the inferences still land, with the honest values.
func TestRelayerCollectsFromCosignCommands(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()

	start := time.Now().Add(-5 * time.Minute).Truncate(time.Second)
	serve := func(price string, delay time.Duration) (*emulator.Emulator, string) {
		emu, err := emulator.New(emulator.Config{
			Topics:    []emulator.TopicConfig{{ID: 7, EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: price}},
			BlockTime: time.Second, Seed: 3, StartTime: start, Manual: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		if delay > 0 {
			if err := emu.SetFault(emulator.Fault{Kind: emulator.FaultDelay, Delay: delay}); err != nil {
				t.Fatal(err)
			}
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
	// The honest node answers late, so the liar's refusal comes first and is seen.
	honest, honestURL := serve("3012.5", 150*time.Millisecond)
	liar, liarURL := serve("2990.5", 0)

	var cosignerAddrs []common.Address
	for i := 1; i <= 3; i++ {
		cosignerAddrs = append(cosignerAddrs, crypto.PubkeyToAddress(devchain.DevKey(i).PublicKey))
	}
	dc, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	chainDone := make(chan error, 1)
	go func() { chainDone <- dc.Run(ctx) }()
	defer func() { cancel(); <-chainDone; dc.Close() }()
	client, err := ethclient.Dial(dc.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	oracleAddr, _, err := evm.DeployOracle(ctx, client, devchain.DevKey(0), evm.DeployParams{
		Owner: crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey), Signers: cosignerAddrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatal(err)
	}

	secret := strings.Repeat("s3cr3t", 8)
	if err := os.WriteFile(filepath.Join(dir, "secret"), []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TEST_COSIGN_PASS", "pass")
	type running struct {
		addr   string
		stderr *lockedBuffer
		exit   chan int
		stop   context.CancelFunc
	}
	runCmd := func(args ...string) running {
		r := running{stderr: &lockedBuffer{}, exit: make(chan int, 1)}
		var rctx context.Context
		rctx, r.stop = context.WithCancel(ctx)
		go func() { r.exit <- cli.Run(rctx, args, io.Discard, r.stderr) }()
		return r
	}
	var cosigners []running
	for i, endpoint := range []string{honestURL, honestURL, liarURL} {
		key := writeKey(t, dir, fmt.Sprintf("cosigner%d", i), devchain.DevKey(i+1), "pass")
		addr := testsupport.FreeAddr(t)
		path := filepath.Join(dir, fmt.Sprintf("cosign%d.yaml", i))
		cfg := fmt.Sprintf(`allora: {endpoint: %q, emissions_version: v5}
cosign:
  listen: %q
  key: {keystore: %q, passphrase_env: TEST_COSIGN_PASS}
  oracles: [{chain_id: 56, oracle: %q}]
  clients: [{name: relayer-1, secret_file: %q}]
log: {level: info, format: text}
`, endpoint, addr, key, oracleAddr.Hex(), filepath.Join(dir, "secret"))
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runCmd("cosign", "--config", path)
		r.addr = addr
		cosigners = append(cosigners, r)
	}
	for i, c := range cosigners {
		testsupport.WaitFor(t, time.Minute, fmt.Sprintf("co-signer %d answers /healthz", i), func() bool {
			res, err := http.Get("http://" + c.addr + "/healthz")
			if err != nil {
				return false
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			return res.StatusCode == 200 && strings.Contains(string(body), cosignerAddrs[i].Hex())
		})
	}

	submitter := writeKey(t, dir, "submitter", devchain.DevKey(0), "pass")
	var list strings.Builder
	for i, c := range cosigners {
		fmt.Fprintf(&list, "    - {name: c%d, url: %q, address: %q, key_id: relayer-1, secret_file: %q, timeout: 5s}\n",
			i, "http://"+c.addr, cosignerAddrs[i].Hex(), filepath.Join(dir, "secret"))
	}
	rcfg := fmt.Sprintf(`allora: {endpoint: %q, emissions_version: v5}
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, oracle: %q}
relayer: {poll_interval: 100ms, push_interval: 300ms}
signers:
  submitter: {keystore: %q, passphrase_env: TEST_COSIGN_PASS}
  cosigners:
%sapi: {listen: ""}
log: {level: info, format: text}
`, honestURL, dc.URL(), oracleAddr.Hex(), submitter, list.String())
	rpath := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(rpath, []byte(rcfg), 0o600); err != nil {
		t.Fatal(err)
	}
	rel := runCmd("relayer", "--config", rpath)

	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}, client, devchain.DevKey(5))
	if err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		if round > 0 {
			honest.Advance(4)
			liar.Advance(4)
		}
		inf, _ := honest.Latest(7)
		want, err := oracle.NewUpdate(inf, false)
		if err != nil {
			t.Fatal(err)
		}
		testsupport.WaitFor(t, time.Minute, fmt.Sprintf("round %d: block %d lands", round, want.BlockHeight), func() bool {
			st, err := w.TopicStates(ctx, []uint64{7})
			return err == nil && st[0].BlockHeight == want.BlockHeight
		})
		st, _ := w.TopicStates(ctx, []uint64{7})
		if st[0].Value.Cmp(want.Value) != 0 {
			t.Fatalf("oracle holds %s, want the honest %s", st[0].Value, want.Value)
		}
		if lied, _ := liar.Latest(7); lied.Value == inf.Value {
			t.Fatal("the liar's node gives the honest value; the test shows nothing")
		}
	}
	testsupport.WaitFor(t, time.Minute, "the lying co-signer logs its refusal", func() bool {
		return strings.Contains(cosigners[2].stderr.String(), "reason=value_mismatch")
	})
	testsupport.WaitFor(t, time.Minute, "the relayer logs the refusal", func() bool {
		s := rel.stderr.String()
		return strings.Contains(s, "co-signer refused the batch") && strings.Contains(s, cosignerAddrs[2].Hex())
	})
	res, err := http.Get("http://" + cosigners[2].addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `allora_gateway_cosign_refused_total{reason="value_mismatch"}`) {
		t.Errorf("the lying co-signer's /metrics does not count its refusals")
	}

	// Graceful shutdown: each command stops with exit code 0 when its context ends.
	for _, r := range append(cosigners, rel) {
		r.stop()
		select {
		case code := <-r.exit:
			if code != 0 {
				t.Errorf("exit %d after stop:\n%s", code, r.stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a command did not stop")
		}
	}
}
