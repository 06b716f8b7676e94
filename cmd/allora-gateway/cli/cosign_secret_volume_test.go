package cli_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// mountSecretVolume lays files out in dir as the kubelet does for a Secret volume with
// defaultMode 0400 and the pod's fsGroup: each file 0440 in a timestamped directory,
// ..data pointing at it and each name a symlink to ..data/name. The group is this
// process's own, as fsGroup makes it the pod's.
func mountSecretVolume(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	const ts = "..2026_12_02_06_01_02.123456789"
	if err := os.Mkdir(filepath.Join(dir, ts), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		p := filepath.Join(dir, ts, name)
		if err := os.WriteFile(p, b, 0o400); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, 0o440); err != nil {
			t.Fatal(err)
		}
		if err := os.Lchown(p, os.Geteuid(), os.Getegid()); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join("..data", name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(ts, filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
}

// TestCosignStartsFromKubernetesSecretVolume runs `allora-gateway cosign` with its
// keystore, passphrase and shared secret read from a Secret volume as the chart mounts
// it, and checks that it serves; the same files as ordinary group-readable files are
// refused.
func TestCosignStartsFromKubernetesSecretVolume(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
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

	scratch := t.TempDir()
	keyPath := writeKey(t, scratch, "cosigner", devchain.DevKey(1), "pass")
	keyJSON, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"cosigner.json":    keyJSON,
		"cosigner.pass":    []byte("pass\n"),
		"relayer-1.secret": []byte(strings.Repeat("s3cr3t", 8) + "\n"),
	}
	writeConfig := func(keysDir, addr string) string {
		cfg := fmt.Sprintf(`allora: {endpoint: %q, emissions_version: v5}
cosign:
  listen: %q
  key: {keystore: %q, passphrase_file: %q}
  oracles: [{chain_id: 56, oracle: "0x0000000000000000000000000000000000000038"}]
  clients: [{name: relayer-1, secret_file: %q}]
log: {level: info, format: text}
`, "http://"+ln.Addr().String(), addr, filepath.Join(keysDir, "cosigner.json"),
			filepath.Join(keysDir, "cosigner.pass"), filepath.Join(keysDir, "relayer-1.secret"))
		path := filepath.Join(t.TempDir(), "cosign.yaml")
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}

	t.Run("secret volume", func(t *testing.T) {
		keysDir := t.TempDir()
		mountSecretVolume(t, keysDir, files)
		addr := testsupport.FreeAddr(t)
		rctx, stop := context.WithCancel(ctx)
		stderr := &lockedBuffer{}
		exit := make(chan int, 1)
		go func() {
			exit <- cli.Run(rctx, []string{"cosign", "--config", writeConfig(keysDir, addr)}, io.Discard, stderr)
		}()
		want := crypto.PubkeyToAddress(devchain.DevKey(1).PublicKey).Hex()
		testsupport.WaitFor(t, time.Minute, "the co-signer answers /healthz with its address", func() bool {
			select {
			case code := <-exit:
				t.Fatalf("cosign exited %d:\n%s", code, stderr.String())
			default:
			}
			res, err := http.Get("http://" + addr + "/healthz")
			if err != nil {
				return false
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			return res.StatusCode == 200 && strings.Contains(string(body), want)
		})
		checkBuildInfo(t, getBody("http://"+addr+"/metrics"))
		stop()
		if code := <-exit; code != 0 {
			t.Fatalf("exit %d after stop:\n%s", code, stderr.String())
		}
	})

	t.Run("ordinary group-readable files", func(t *testing.T) {
		keysDir := t.TempDir()
		for name, b := range files {
			p := filepath.Join(keysDir, name)
			if err := os.WriteFile(p, b, 0o440); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, 0o440); err != nil {
				t.Fatal(err)
			}
		}
		stderr := &lockedBuffer{}
		code := cli.Run(ctx, []string{"cosign", "--config", writeConfig(keysDir, testsupport.FreeAddr(t))}, io.Discard, stderr)
		if want := "has mode 0440; run chmod 600 " + filepath.Join(keysDir, "cosigner.pass"); code == 0 || !strings.Contains(stderr.String(), want) {
			t.Fatalf("exit %d, want an error saying %q:\n%s", code, want, stderr.String())
		}
	})
}
