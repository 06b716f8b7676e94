package cli_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// rpcEndpoint is a JSON-RPC endpoint in front of a chain, as a provider's would be,
// that a test can take away. Like a provider's, it takes its key in the path, which
// it drops on the way to the node.
func rpcEndpoint(t *testing.T, chainURL string) *httptest.Server {
	t.Helper()
	u, err := url.Parse(chainURL)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(u)
		r.Out.URL.Path, r.Out.URL.RawPath = "/", ""
	}})
	t.Cleanup(srv.Close)
	return srv
}

// TestRelayerCommandFailsOverBetweenChainRPCs runs the relayer with two RPC endpoints
// for bnb (rpc and rpcs, the second from the environment, with a key in its path) and
// sonic given only rpcs (no rpc), closes bnb's first mid-run, and checks that every topic keeps reaching both chains
// with inferences newer than the close, and that /metrics and the logs say which
// endpoint went down without showing any URL.
func TestRelayerCommandFailsOverBetweenChainRPCs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()

	emu := newTestEmulator(t)
	emuLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	emuDone := make(chan error, 1)
	go func() { emuDone <- emu.Serve(ctx, emuLn) }()
	defer func() { cancel(); <-emuDone }()

	chains := startTestChains(t, ctx)
	first, second := rpcEndpoint(t, chains[0].url), rpcEndpoint(t, chains[0].url)
	secondURL := second.URL + "/v1/SECRET-KEY"
	t.Setenv("ALLORA_GATEWAY_CHAINS_BNB_RPCS", secondURL)

	keys := writeTestKeys(t, dir)
	apiAddr := testsupport.FreeAddr(t)

	cfg := fmt.Sprintf(`allora:
  endpoint: http://%s
  emissions_version: v5
topics: [7, 9]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, rpcs: ["http://127.0.0.1:1/replaced-by-the-environment"], oracle: %q}
  - {name: sonic, chain_id: 146, rpcs: [%q], oracle: %q}
relayer:
  poll_interval: 100ms
  push_interval: 300ms
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle:
    - {keystore: %q, passphrase_env: TEST_SIGNER1_PASSPHRASE}
    - {keystore: %q, passphrase_env: TEST_SIGNER2_PASSPHRASE}
api:
  listen: %q
`, emuLn.Addr(), first.URL, chains[0].oracle.Hex(), chains[1].url, chains[1].oracle.Hex(),
		keys.submitter, keys.submitterPass, keys.signer1, keys.signer2, apiAddr)
	path := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	rl := start(t, ctx, "relayer", "--config", path)
	rs := readers(t, ctx, chains)
	// waitAbove waits until every topic on every chain holds an inference above height.
	waitAbove := func(height uint64, when string) {
		t.Helper()
		rl.waitFor(90*time.Second, fmt.Sprintf("topics 7 and 9 above %d on every chain %s", height, when), func() (bool, string) {
			return topicsAbove(ctx, rs, []uint64{7, 9}, height)
		})
	}
	waitAbove(0, "before the first RPC endpoint closed")

	// bnb's first endpoint goes away, connections and all, whatever is in flight
	// through it; pushes go on through the second.
	first.CloseClientConnections()
	first.Close()
	closedAt := emu.Height()
	waitAbove(closedAt, "after the first RPC endpoint closed")

	// The pool may have been sending through the second endpoint already (the faster
	// one), so the first's failure shows once a health check or a request finds it:
	// wait for /metrics to say so.
	wants := []string{
		`allora_gateway_rpc_endpoint_up{chain="bnb",endpoint="rpc-0"} 0`,
		`allora_gateway_rpc_endpoint_up{chain="bnb",endpoint="rpc-1"} 1`,
		`allora_gateway_rpc_endpoint_up{chain="sonic",endpoint="rpc-0"} 1`,
		`allora_gateway_rpc_errors_total{chain="bnb",endpoint="rpc-0",kind="unavailable"}`,
	}
	var metrics []byte
	rl.waitFor(20*time.Second, "/metrics showing bnb's first RPC endpoint down", func() (bool, string) {
		resp, err := http.Get("http://" + apiAddr + "/metrics")
		if err != nil {
			return false, err.Error()
		}
		metrics, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return false, err.Error()
		}
		var missing []string
		for _, want := range wants {
			if !strings.Contains(string(metrics), want) {
				missing = append(missing, want)
			}
		}
		return len(missing) == 0, "lacks " + strings.Join(missing, " and ")
	})

	rl.stop()
	logs := rl.stderr.String()
	for _, secret := range []string{first.URL, second.URL, "SECRET-KEY"} {
		if strings.Contains(logs, secret) || strings.Contains(string(metrics), secret) {
			t.Errorf("the relayer's logs or metrics contain %q", secret)
		}
	}
	if !strings.Contains(logs, "RPC endpoint failed") || !strings.Contains(logs, "chain=bnb endpoint=rpc-0") {
		t.Errorf("logs do not say bnb's rpc-0 failed:\n%s", logs)
	}
}
