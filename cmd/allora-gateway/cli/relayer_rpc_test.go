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

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
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

	emu, err := emulator.New(emulator.Config{
		BlockTime: 100 * time.Millisecond,
		Topics: []emulator.TopicConfig{
			{ID: 7, Metadata: "ETH 5min", EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"},
			{ID: 9, Metadata: "log return", EpochLength: 6, WorkerSubmissionWindow: 3, AllowNegative: true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
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

	submitter := writeKey(t, dir, "submitter", devchain.DevKey(0), "submitter pass")
	if err := os.WriteFile(filepath.Join(dir, "submitter.pass"), []byte("submitter pass"), 0o600); err != nil {
		t.Fatal(err)
	}
	signer1 := writeKey(t, dir, "signer1", devchain.DevKey(1), "one")
	signer2 := writeKey(t, dir, "signer2", devchain.DevKey(2), "two")
	t.Setenv("TEST_SIGNER1_PASSPHRASE", "one")
	t.Setenv("TEST_SIGNER2_PASSPHRASE", "two")
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
		submitter, filepath.Join(dir, "submitter.pass"), signer1, signer2, apiAddr)
	path := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	var stdout, stderr lockedBuffer
	runCtx, stop := context.WithCancel(ctx)
	exit := make(chan int, 1)
	go func() { exit <- cli.Run(runCtx, []string{"relayer", "--config", path}, &stdout, &stderr) }()
	defer func() {
		if t.Failed() {
			t.Logf("relayer stderr:\n%s", stderr.String())
		}
	}()

	deadline := time.Now().Add(90 * time.Second)
	var writers []*evm.Writer
	for _, c := range chains {
		client, err := ethclient.Dial(c.url)
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		w, err := evm.NewWriter(ctx, oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, client, devchain.DevKey(5))
		if err != nil {
			t.Fatal(err)
		}
		writers = append(writers, w)
	}
	waitAbove := func(height uint64, when string) {
		t.Helper()
		for i, w := range writers {
			for {
				st, err := w.TopicStates(ctx, []uint64{7, 9})
				if err != nil {
					t.Fatal(err)
				}
				if st[0].BlockHeight > height && st[1].BlockHeight > height {
					break
				}
				select {
				case code := <-exit:
					t.Fatalf("relayer exited with %d %s", code, when)
				default:
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: topics at %d and %d, want above %d %s", chains[i].name, st[0].BlockHeight, st[1].BlockHeight, height, when)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
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
	metricsDeadline := time.Now().Add(20 * time.Second)
	var metrics []byte
	for {
		resp, err := http.Get("http://" + apiAddr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		metrics, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		for _, want := range wants {
			if !strings.Contains(string(metrics), want) {
				missing = append(missing, want)
			}
		}
		if len(missing) == 0 {
			break
		}
		if time.Now().After(metricsDeadline) {
			t.Fatalf("/metrics lacks %s", strings.Join(missing, " and "))
		}
		time.Sleep(200 * time.Millisecond)
	}

	stop()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("relayer exited with %d after its context ended, want 0", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("relayer did not stop within 30s of its context ending")
	}
	logs := stderr.String()
	for _, secret := range []string{first.URL, second.URL, "SECRET-KEY"} {
		if strings.Contains(logs, secret) || strings.Contains(string(metrics), secret) {
			t.Errorf("the relayer's logs or metrics contain %q", secret)
		}
	}
	if !strings.Contains(logs, "RPC endpoint failed") || !strings.Contains(logs, "chain=bnb endpoint=rpc-0") {
		t.Errorf("logs do not say bnb's rpc-0 failed:\n%s", logs)
	}
}
