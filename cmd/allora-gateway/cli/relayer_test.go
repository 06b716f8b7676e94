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

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
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

	signerKeys := []*ecdsa.PrivateKey{devchain.DevKey(1), devchain.DevKey(2)}
	var signerAddrs []common.Address
	for _, k := range signerKeys {
		signerAddrs = append(signerAddrs, crypto.PubkeyToAddress(k.PublicKey))
	}
	type chainInfo struct {
		id     uint64
		name   string
		url    string
		oracle common.Address
	}
	var chains []chainInfo
	for _, spec := range []struct {
		id   uint64
		name string
	}{{56, "bnb"}, {146, "sonic"}} {
		dc, err := devchain.New(devchain.Config{ChainID: spec.id, BlockTime: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- dc.Run(ctx) }()
		defer func() { cancel(); <-done; dc.Close() }()
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
		chains = append(chains, chainInfo{spec.id, spec.name, dc.URL(), addr})
	}

	submitter := writeKey(t, dir, "submitter", devchain.DevKey(0), "submitter pass")
	if err := os.WriteFile(filepath.Join(dir, "submitter.pass"), []byte("submitter pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	signer1 := writeKey(t, dir, "signer1", signerKeys[0], "one")
	if err := os.WriteFile(filepath.Join(dir, "signer1.pass"), []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	signer2 := writeKey(t, dir, "signer2", signerKeys[1], "two")
	t.Setenv("TEST_SIGNER2_PASSPHRASE", "two")
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
		submitter, filepath.Join(dir, "submitter.pass"), signer1, filepath.Join(dir, "signer1.pass"), signer2, apiAddr)
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

	deadline := time.Now().Add(60 * time.Second)
	for _, c := range chains {
		client, err := ethclient.Dial(c.url)
		if err != nil {
			t.Fatal(err)
		}
		w, err := evm.NewWriter(ctx, oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, client, devchain.DevKey(5))
		if err != nil {
			t.Fatal(err)
		}
		for _, topic := range []uint64{7, 9} {
			// Inferences keep coming, faster than a loaded machine may push them: wait
			// until the oracle holds an inference at least as new as the one Allora served
			// when the wait began, and check it holds exactly what Allora served for that
			// version (the emulator revises heights as nodes do), value and time.
			seen := map[oracle.Version]oracle.Inference{}
			var target uint64
			var last string
			for {
				inf, ok := emu.Latest(topic)
				if ok {
					seen[inf.Version()] = inf
					if target == 0 {
						target = inf.BlockHeight
					}
				}
				st, err := w.TopicStates(ctx, []uint64{topic})
				if err != nil {
					t.Fatal(err)
				}
				held := oracle.Version{BlockHeight: st[0].BlockHeight, LossBlockHeight: st[0].LossBlockHeight}
				if served, known := seen[held]; target != 0 && st[0].BlockHeight >= target && known {
					want, err := oracle.Scale(served.Value, true)
					if err != nil {
						t.Fatalf("emulator value %q: %v", served.Value, err)
					}
					if st[0].Value.Cmp(want) != 0 || st[0].Timestamp != uint64(served.Timestamp.Unix()) {
						t.Fatalf("%s topic %d at block %d holds %s at %d, Allora served %s at %d",
							c.name, topic, served.BlockHeight, st[0].Value, st[0].Timestamp, want, served.Timestamp.Unix())
					}
					break
				}
				last = fmt.Sprintf("chain at block %d, Allora at %d", st[0].BlockHeight, inf.BlockHeight)
				select {
				case code := <-exit:
					t.Fatalf("relayer exited with %d before topic %d reached %s", code, topic, c.name)
				default:
				}
				if time.Now().After(deadline) {
					t.Fatalf("topic %d never caught up on %s: %s", topic, c.name, last)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		client.Close()
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
	for {
		resp, err := http.Get("http://" + apiAddr + "/v1/chains")
		if err != nil {
			t.Fatal(err)
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
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/v1/chains = %+v, want chains 56 and 146 with topics 7 and 9 pushed", body)
		}
		time.Sleep(50 * time.Millisecond)
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

	deadline := time.Now().Add(60 * time.Second)
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
	// waitAbove waits until every topic on every chain holds an inference above height.
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
