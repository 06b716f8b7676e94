package cli_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// TestRelayerStartFailureStopsCleanly starts the relayer with Redis and a chain that
// connect, and an api.listen address that is taken: it exits 1 naming the address,
// and leaves nothing running in the background (which went on using the store it had
// closed on the way out: "redis: client is closed").
func TestRelayerStartFailureStopsCleanly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	chains := startTestChains(t, ctx)
	dir := t.TempDir()
	submitter := writeKey(t, dir, "submitter", devchain.DevKey(0), "s")
	signer1 := writeKey(t, dir, "signer1", devchain.DevKey(1), "s")
	signer2 := writeKey(t, dir, "signer2", devchain.DevKey(2), "s")
	pass := filepath.Join(dir, "pass")
	if err := os.WriteFile(pass, []byte("s"), 0o600); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	prefix := fmt.Sprintf("allora-gateway-starttest-%d-%d", os.Getpid(), time.Now().UnixNano())
	cfg := fmt.Sprintf(`allora: {endpoint: "http://127.0.0.1:1", emissions_version: v5}
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, oracle: %q}
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle: [{keystore: %q, passphrase_file: %q}, {keystore: %q, passphrase_file: %q}]
redis: {url: "redis://127.0.0.1:6379/0", prefix: %q}
api: {listen: %q}
`, chains[0].url, chains[0].oracle.Hex(), submitter, pass, signer1, pass, signer2, pass, prefix, taken.Addr().String())
	path := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	running := goleak.IgnoreCurrent() // the chains' goroutines, this test's own
	var stdout, stderr lockedBuffer
	if code := cli.Run(ctx, []string{"relayer", "--config", path}, &stdout, &stderr); code != 1 {
		t.Fatalf("relayer exited %d with api.listen taken, want 1:\n%s", code, stderr.String())
	}
	// Nothing the relayer started outlives its return (goleak waits for goroutines
	// that are finishing).
	if err := testsupport.FindLeaks(running,
		goleak.IgnoreAnyFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreAnyFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
		goleak.IgnoreTopFunction("github.com/desertbit/timer.timerRoutine"),
	); err != nil {
		t.Errorf("the failed start left work running: %v", err)
	}
	out := stderr.String()
	if !strings.Contains(out, "error: api.listen "+taken.Addr().String()) {
		t.Errorf("stderr does not name the taken address:\n%s", out)
	}
	if !strings.Contains(out, "chain connected") {
		t.Fatalf("the relayer failed before connecting its chain, so this checks nothing:\n%s", out)
	}
	if strings.Contains(out, "client is closed") || strings.Contains(out, "relaying") {
		t.Errorf("the failed start left work running against the closed store:\n%s", out)
	}
}
