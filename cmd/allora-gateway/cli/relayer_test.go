package cli_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/google/uuid"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// lockedBuffer collects a command's output while it runs.
type lockedBuffer = testsupport.LockedBuffer

// writeKey stores key as a keystore V3 file with light scrypt and returns its path.
func writeKey(t *testing.T, dir, name string, key *ecdsa.PrivateKey, pass string) string {
	t.Helper()
	k := &keystore.Key{Id: uuid.New(), Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}
	data, err := keystore.EncryptKey(k, pass, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRelayerCommandRelaysFromAConfigFile runs `allora-gateway relayer --config` against
// an Allora emulator and two chains serving JSON-RPC, with keystore keys whose
// passphrases come from a file and from the environment, one chain given only by rpcs
// and the other by rpc, and checks that every topic's latest inference lands on both
// oracles and shows in the API.
func TestRelayerCommandRelaysFromAConfigFile(t *testing.T) {
	t.Run("REST v5", func(t *testing.T) { testRelayerCommand(t, false) })
	// Over gRPC the version is asked of the node through server reflection.
	t.Run("gRPC auto", func(t *testing.T) { testRelayerCommand(t, true) })
}

func testRelayerCommand(t *testing.T, overGRPC bool) {
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
	endpoint, version := "http://"+emuLn.Addr().String(), "v5"
	if overGRPC {
		grpcLn, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		grpcDone := make(chan error, 1)
		go func() { grpcDone <- emu.ServeGRPC(ctx, grpcLn) }()
		defer func() { cancel(); <-grpcDone }()
		endpoint, version = "grpc://"+grpcLn.Addr().String(), "auto"
	}

	chains := startTestChains(t, ctx)
	keys := writeTestKeys(t, dir)
	// The sonic RPC comes from the environment, as a URL with a token would.
	t.Setenv("ALLORA_GATEWAY_CHAINS_SONIC_RPC", chains[1].url)
	apiAddr := testsupport.FreeAddr(t)

	cfg := fmt.Sprintf(`allora:
  endpoint: %s
  emissions_version: %s
topics: [7, 9]
chains:
  - {name: bnb, chain_id: 56, rpcs: [%q], oracle: %q}
  - {name: sonic, chain_id: 146, rpc: "http://127.0.0.1:1", oracle: %q}
relayer:
  poll_interval: 100ms
  push_interval: 500ms
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle:
    - {keystore: %q, passphrase_file: %q}
    - {keystore: %q, passphrase_env: TEST_SIGNER2_PASSPHRASE}
api:
  listen: %q
log: {level: info, format: text}
`, endpoint, version, chains[0].url, chains[0].oracle.Hex(), chains[1].oracle.Hex(),
		keys.submitter, keys.submitterPass, keys.signer1, keys.signer1Pass, keys.signer2, apiAddr)
	path := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	rl := start(t, ctx, "relayer", "--config", path)
	for _, r := range readers(t, ctx, chains) {
		for _, topic := range []uint64{7, 9} {
			// Inferences keep coming, faster than a loaded machine may push them: wait
			// until the oracle holds an inference at least as new as the one Allora served
			// when the wait began, and check it holds exactly what Allora served for that
			// version (the emulator revises heights as nodes do), value and time.
			seen := map[oracle.Version]oracle.Inference{}
			var target uint64
			rl.waitFor(60*time.Second, fmt.Sprintf("topic %d on %s at Allora's latest", topic, r.name), func() (bool, string) {
				inf, ok := emu.Latest(topic)
				if ok {
					seen[inf.Version()] = inf
					if target == 0 {
						target = inf.BlockHeight
					}
				}
				st, err := r.w.TopicStates(ctx, []uint64{topic})
				if err != nil {
					return false, err.Error()
				}
				held := oracle.Version{BlockHeight: st[0].BlockHeight, LossBlockHeight: st[0].LossBlockHeight}
				if served, known := seen[held]; target != 0 && st[0].BlockHeight >= target && known {
					want, err := oracle.Scale(served.Value, true)
					if err != nil {
						t.Fatalf("emulator value %q: %v", served.Value, err)
					}
					if st[0].Value.Cmp(want) != 0 || st[0].Timestamp != uint64(served.Timestamp.Unix()) {
						t.Fatalf("%s topic %d at block %d holds %s at %d, Allora served %s at %d",
							r.name, topic, served.BlockHeight, st[0].Value, st[0].Timestamp, want, served.Timestamp.Unix())
					}
					return true, ""
				}
				return false, fmt.Sprintf("chain at block %d, Allora at %d", st[0].BlockHeight, inf.BlockHeight)
			})
		}
	}

	// The relayer's API reports both chains with both topics pushed.
	type apiChains struct {
		Chains []struct {
			ChainID uint64 `json:"chain_id"`
			Topics  []struct {
				TopicID     uint64 `json:"topic_id"`
				BlockHeight uint64 `json:"block_height"`
				LastPush    string `json:"last_push"`
			} `json:"topics"`
		} `json:"chains"`
	}
	var body apiChains
	rl.waitFor(60*time.Second, "/v1/chains with chains 56 and 146, topics 7 and 9 pushed", func() (bool, string) {
		resp, err := http.Get("http://" + apiAddr + "/v1/chains")
		if err != nil {
			return false, err.Error()
		}
		body = apiChains{}
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		ok := len(body.Chains) == 2 && body.Chains[0].ChainID == 56 && body.Chains[1].ChainID == 146
		for _, c := range body.Chains {
			ok = ok && len(c.Topics) == 2
			for _, tp := range c.Topics {
				ok = ok && tp.BlockHeight > 0 && tp.LastPush != ""
			}
		}
		return ok, fmt.Sprintf("%+v", body)
	})

	rl.stop()
	logs := rl.stderr.String()
	for _, secret := range []string{"submitter pass", "one\n", chains[1].url} {
		if strings.Contains(logs, secret) {
			t.Errorf("the relayer's logs contain a secret %q", secret)
		}
	}
	if overGRPC && !strings.Contains(logs, "version=v5 transport=grpc") {
		t.Errorf("logs do not say the emissions version was detected over gRPC:\n%s", logs)
	}
	if !strings.Contains(logs, "relayer stopped") {
		t.Errorf("logs do not say the relayer stopped:\n%s", logs)
	}
}

type testChain struct {
	id     uint64
	name   string
	url    string
	oracle common.Address
}

// startTestChains runs chains bnb (56) and sonic (146), each with an AlloraOracle whose
// signers are dev keys 1 and 2 (threshold 2), until ctx ends.
func startTestChains(t *testing.T, ctx context.Context) []testChain {
	t.Helper()
	var signerAddrs []common.Address
	for _, i := range []int{1, 2} {
		signerAddrs = append(signerAddrs, crypto.PubkeyToAddress(devchain.DevKey(i).PublicKey))
	}
	var chains []testChain
	for _, spec := range []struct {
		id   uint64
		name string
	}{{56, "bnb"}, {146, "sonic"}} {
		dc, err := devchain.New(devchain.Config{ChainID: spec.id, BlockTime: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- dc.Run(runCtx) }()
		t.Cleanup(func() { stop(); <-done; dc.Close() })
		client, err := ethclient.Dial(dc.URL())
		if err != nil {
			t.Fatal(err)
		}
		addr, _, err := evm.DeployOracle(ctx, client, devchain.DevKey(0), evm.DeployParams{
			Owner: crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey), Signers: signerAddrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
		})
		client.Close()
		if err != nil {
			t.Fatal(err)
		}
		chains = append(chains, testChain{spec.id, spec.name, dc.URL(), addr})
	}
	return chains
}

// TestRelayerCommandFailsOverBetweenAlloraEndpoints runs the relayer against one
// Allora chain served at two endpoints, REST first and gRPC second, closes the REST
// one mid-run, and checks that every topic still reaches both chains with inferences
// newer than the close, and that the API's /metrics carries the Allora source's.
func TestRelayerCommandFailsOverBetweenAlloraEndpoints(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()

	emu := newTestEmulator(t)
	emuDone := make(chan error, 1)
	go func() { emuDone <- emu.Run(ctx) }()
	defer func() { cancel(); <-emuDone }()
	restLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rest := &http.Server{Handler: emu.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = rest.Serve(restLn) }()
	defer rest.Close()
	grpcLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	grpcDone := make(chan error, 1)
	go func() { grpcDone <- emu.ServeGRPC(ctx, grpcLn) }()
	defer func() { cancel(); <-grpcDone }()

	chains := startTestChains(t, ctx)
	keys := writeTestKeys(t, dir)
	apiAddr := testsupport.FreeAddr(t)

	cfg := fmt.Sprintf(`allora:
  endpoint: http://%s
  endpoints: [grpc://%s]
  emissions_version: auto
  request_timeout: 1s
topics: [7, 9]
chains:
  - {name: bnb, chain_id: 56, rpcs: [%q], oracle: %q}
  - {name: sonic, chain_id: 146, rpc: %q, oracle: %q}
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
`, restLn.Addr(), grpcLn.Addr(), chains[0].url, chains[0].oracle.Hex(), chains[1].url, chains[1].oracle.Hex(),
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
		rl.waitFor(60*time.Second, fmt.Sprintf("topics 7 and 9 above %d on every chain %s", height, when), func() (bool, string) {
			return topicsAbove(ctx, rs, []uint64{7, 9}, height)
		})
	}
	waitAbove(0, "before the first endpoint closed")

	// The first endpoint goes away, connections and all; the relayer carries on over
	// the second.
	if err := rest.Close(); err != nil {
		t.Fatal(err)
	}
	closedAt := emu.Height()
	waitAbove(closedAt, "after the first endpoint closed")

	resp, err := http.Get("http://" + apiAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	checkBuildInfo(t, string(metrics))
	for _, want := range []string{"allora_gateway_allora_height ", `allora_gateway_allora_endpoint_height{endpoint="endpoint-1"}`} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics lacks %s:\n%s", want, metrics)
		}
	}

	rl.stop()
	logs := rl.stderr.String()
	// Endpoints are named by index: a URL, which may carry a key, is never logged
	// (a dial error may name the host and port, which carry none).
	for _, url := range []string{"http://" + restLn.Addr().String(), "grpc://" + grpcLn.Addr().String()} {
		if strings.Contains(logs, url) {
			t.Errorf("the relayer's logs contain an endpoint URL %q", url)
		}
	}
	for _, want := range []string{"endpoint=endpoint-0 transport=rest", "endpoint=endpoint-1 transport=grpc", "polling only"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs do not say %q:\n%s", want, logs)
		}
	}
}
