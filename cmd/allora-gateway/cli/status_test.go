package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/http/httptest"
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
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

// statusJSON is the part of status --json the test checks.
type statusJSON struct {
	Allora struct {
		Reachable bool   `json:"reachable"`
		Height    uint64 `json:"height"`
	} `json:"allora"`
	Chains []struct {
		Name              string  `json:"name"`
		Reachable         bool    `json:"reachable"`
		Error             string  `json:"error"`
		Submitter         string  `json:"submitter"`
		BalanceWei        string  `json:"balance_wei"`
		Balance           string  `json:"balance"`
		PendingTxs        *uint64 `json:"pending_txs"`
		Threshold         *uint8  `json:"threshold"`
		SignersConfigured int     `json:"signers_configured"`
		SignersRegistered *int    `json:"signers_registered"`
		Topics            []struct {
			TopicID      uint64     `json:"topic_id"`
			ChainHeight  uint64     `json:"chain_height"`
			AlloraHeight *uint64    `json:"allora_height"`
			Lag          *int64     `json:"lag"`
			LastUpdate   *time.Time `json:"last_update"`
			AgeSeconds   *int64     `json:"age_seconds"`
		} `json:"topics"`
	} `json:"chains"`
}

// TestStatusShowsLagBalancesAndSigners runs status against an Allora emulator whose
// blocks advance only when the test says, and two chains, one of which holds a pushed
// batch of topic 7, and checks the table and the JSON; then with one chain's RPC down
// and then Allora down.
func TestStatusShowsLagBalancesAndSigners(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()

	emu, err := emulator.New(emulator.Config{
		Manual:    true,
		BlockTime: time.Second,
		StartTime: time.Now().Add(-time.Hour / 2).Truncate(time.Second),
		Topics: []emulator.TopicConfig{
			{ID: 7, Metadata: "ETH 5min", EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"},
			{ID: 9, Metadata: "BTC 5min", EpochLength: 6, WorkerSubmissionWindow: 3, StartPrice: "97000"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	emu.Advance(20)
	emuLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	emuDone := make(chan error, 1)
	go func() { emuDone <- emu.Serve(ctx, emuLn) }()
	defer func() { cancel(); <-emuDone }()

	chains := startTestChains(t, ctx)

	// One batch of topic 7 on bnb, signed by both registered signers.
	pushed, ok := emu.Latest(7)
	if !ok {
		t.Fatal("the emulator has no inference of topic 7 after 20 blocks")
	}
	update, err := oracle.NewUpdate(pushed, false)
	if err != nil {
		t.Fatal(err)
	}
	client, err := ethclient.Dial(chains[0].url)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: chains[0].id, Name: chains[0].name, Oracle: chains[0].oracle}, client, devchain.DevKey(0))
	if err != nil {
		t.Fatal(err)
	}
	updates := []oracle.Update{update}
	sigs, err := oracle.SignBatch(ctx, w.Domain(), updates,
		[]oracle.Signer{oracle.NewKeySigner(devchain.DevKey(1)), oracle.NewKeySigner(devchain.DevKey(2))})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := w.Submit(ctx, updates, sigs); err != nil || len(res.Applied) != 1 {
		t.Fatalf("push topic 7 to bnb: %+v, %v", res, err)
	}
	latest7, _ := emu.Latest(7)
	latest9, _ := emu.Latest(9)
	if latest7.BlockHeight != pushed.BlockHeight {
		t.Fatalf("the emulator moved on without being advanced: %d then %d", pushed.BlockHeight, latest7.BlockHeight)
	}

	// The submitter key has never sent anything: its balance is the devchain's
	// genesis 10,000. Signer 3 is configured but not registered on either oracle.
	submitterKey := devchain.DevKey(7)
	submitter := crypto.PubkeyToAddress(submitterKey.PublicKey)
	submitterFile := writeKey(t, dir, "submitter", submitterKey, "s")
	signerFiles := []string{
		writeKey(t, dir, "signer1", devchain.DevKey(1), "1"),
		writeKey(t, dir, "signer2", devchain.DevKey(2), "2"),
		writeKey(t, dir, "signer3", devchain.DevKey(3), "3"),
	}
	writeConfig := func(name, alloraEndpoint, sonicRPC string) string {
		cfg := fmt.Sprintf(`allora:
  endpoint: %s
  emissions_version: v5
topics: [7, 9]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, oracle: %q}
  - {name: sonic, chain_id: 146, rpc: %q, oracle: %q}
signers:
  submitter: {keystore: %q, passphrase_env: UNSET_SUBMITTER_PASSPHRASE}
  oracle:
    - {keystore: %q, passphrase_env: UNSET_SIGNER1_PASSPHRASE}
    - {keystore: %q, passphrase_env: UNSET_SIGNER2_PASSPHRASE}
    - {keystore: %q, passphrase_env: UNSET_SIGNER3_PASSPHRASE}
`, alloraEndpoint, chains[0].url, chains[0].oracle.Hex(), sonicRPC, chains[1].oracle.Hex(),
			submitterFile, signerFiles[0], signerFiles[1], signerFiles[2])
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	alloraURL := "http://" + emuLn.Addr().String()
	good := writeConfig("good.yaml", alloraURL, chains[1].url)

	code, out, errOut := run(t, "status", "--config", good)
	if code != 0 {
		t.Fatalf("status: exit %d, stderr %s\n%s", code, errOut, out)
	}
	lastUpdate := pushed.Timestamp.UTC().Format(time.RFC3339)
	wantRows := [][]string{
		{"Allora:", "block", fmt.Sprint(emu.Height())},
		{"CHAIN", "TOPIC", "ON-CHAIN", "HEIGHT", "ALLORA", "HEIGHT", "LAG", "LAST", "UPDATE", "AGE"},
		{"bnb", "7", fmt.Sprint(pushed.BlockHeight), fmt.Sprint(latest7.BlockHeight), "0", lastUpdate},
		{"bnb", "9", "none", fmt.Sprint(latest9.BlockHeight), fmt.Sprint(latest9.BlockHeight), "never", "-"},
		{"sonic", "7", "none", fmt.Sprint(latest7.BlockHeight), fmt.Sprint(latest7.BlockHeight), "never", "-"},
		{"sonic", "9", "none", fmt.Sprint(latest9.BlockHeight), fmt.Sprint(latest9.BlockHeight), "never", "-"},
		{"CHAIN", "CHAIN", "ID", "SUBMITTER", "BALANCE", "PENDING", "TXS", "THRESHOLD", "SIGNERS", "REGISTERED"},
		{"bnb", "56", submitter.Hex(), "10000", "0", "2", "2", "of", "2"},
		{"sonic", "146", submitter.Hex(), "10000", "0", "2", "2", "of", "2"},
	}
	assertRows(t, out, wantRows)
	// The age of the stored inference follows its time: a duration, after it.
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) == 7 && f[0] == "bnb" && f[1] == "7" {
			if age, err := time.ParseDuration(f[6]); err != nil || age < 0 {
				t.Errorf("age of bnb topic 7 = %q, want a duration", f[6])
			}
		}
	}

	code, out, errOut = run(t, "status", "--config", good, "--json")
	if code != 0 {
		t.Fatalf("status --json: exit %d, stderr %s", code, errOut)
	}
	var js statusJSON
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("status --json printed %q: %v", out, err)
	}
	if !js.Allora.Reachable || js.Allora.Height != emu.Height() || len(js.Chains) != 2 {
		t.Fatalf("status --json = %s", out)
	}
	wantWei := new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18)).String()
	for i, c := range js.Chains {
		if c.Name != chains[i].name || !c.Reachable || c.Error != "" || c.Submitter != submitter.Hex() ||
			c.Balance != "10000" || c.BalanceWei != wantWei || c.PendingTxs == nil || *c.PendingTxs != 0 ||
			c.Threshold == nil || *c.Threshold != 2 || c.SignersConfigured != 3 || c.SignersRegistered == nil || *c.SignersRegistered != 2 {
			t.Errorf("chain %d in status --json: %+v", i, c)
		}
		if len(c.Topics) != 2 {
			t.Fatalf("chain %s has %d topics in status --json, want 2", c.Name, len(c.Topics))
		}
		for j, tp := range c.Topics {
			want := []oracle.Inference{latest7, latest9}[j]
			if tp.TopicID != want.TopicID || tp.AlloraHeight == nil || *tp.AlloraHeight != want.BlockHeight || tp.Lag == nil {
				t.Errorf("%s topic %d in status --json: %+v", c.Name, want.TopicID, tp)
				continue
			}
			if i == 0 && j == 0 {
				if tp.ChainHeight != pushed.BlockHeight || *tp.Lag != 0 || tp.LastUpdate == nil ||
					!tp.LastUpdate.Equal(pushed.Timestamp.Truncate(time.Second)) || tp.AgeSeconds == nil || *tp.AgeSeconds < 0 {
					t.Errorf("bnb topic 7 in status --json: %+v, want height %d at %s", tp, pushed.BlockHeight, lastUpdate)
				}
				continue
			}
			if tp.ChainHeight != 0 || *tp.Lag != int64(want.BlockHeight) || tp.LastUpdate != nil || tp.AgeSeconds != nil {
				t.Errorf("%s topic %d in status --json: %+v, want nothing stored", c.Name, want.TopicID, tp)
			}
		}
	}

	// Allora moves on; the lag of the pushed topic grows by what it published.
	emu.Advance(8)
	moved, _ := emu.Latest(7)
	if moved.BlockHeight == pushed.BlockHeight {
		t.Fatal("topic 7 published nothing in 8 blocks")
	}
	code, out, _ = run(t, "status", "--config", good)
	if code != 0 {
		t.Fatalf("status after Allora moved: exit %d", code)
	}
	assertRows(t, out, [][]string{
		{"bnb", "7", fmt.Sprint(pushed.BlockHeight), fmt.Sprint(moved.BlockHeight), fmt.Sprint(moved.BlockHeight - pushed.BlockHeight), lastUpdate},
	})

	// The sonic RPC is down: its rows say so, bnb's are still shown, exit code 1, and
	// the URL (which could carry a token) is not printed.
	downRPC := "http://" + testsupport.FreeAddr(t) + "/rpc/TOKEN"
	down := writeConfig("sonic-down.yaml", alloraURL, downRPC)
	code, out, errOut = run(t, "status", "--config", down)
	if code != 1 {
		t.Errorf("status with sonic down: exit %d, want 1", code)
	}
	assertRows(t, out, [][]string{
		{"bnb", "7", fmt.Sprint(pushed.BlockHeight)},
		{"sonic", "-", "unreachable", "-", "-", "-", "-"},
		{"bnb", "56", submitter.Hex(), "10000", "0", "2", "2", "of", "2"},
		{"sonic", "146", submitter.Hex(), "unreachable", "-", "-", "-"},
	})
	if !strings.Contains(out, "sonic: unreachable: ") || strings.Contains(out+errOut, "TOKEN") {
		t.Errorf("status with sonic down: stdout %q, stderr %q: want the reason, without the RPC URL", out, errOut)
	}
	if !strings.Contains(errOut, "not every endpoint could be read") {
		t.Errorf("status with sonic down: stderr %q", errOut)
	}
	code, out, _ = run(t, "status", "--config", down, "--json")
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != 1 {
		t.Fatalf("status --json with sonic down: exit %d, %q: %v", code, out, err)
	}
	if js.Chains[1].Reachable || js.Chains[1].Error == "" || !js.Chains[0].Reachable || js.Chains[0].Error != "" {
		t.Errorf("status --json with sonic down: %s", out)
	}

	// Allora is down: the chains' own heights are still shown.
	alloraDown := writeConfig("allora-down.yaml", "http://"+testsupport.FreeAddr(t), chains[1].url)
	code, out, _ = run(t, "status", "--config", alloraDown)
	if code != 1 {
		t.Errorf("status with Allora down: exit %d, want 1", code)
	}
	assertRows(t, out, [][]string{
		{"Allora:", "unreachable"},
		{"bnb", "7", fmt.Sprint(pushed.BlockHeight), "unreachable", "-", lastUpdate},
		{"sonic", "9", "none", "unreachable", "-", "never", "-"},
	})
}

// assertRows checks that each wanted row is the start of a line of out, compared field
// by field, in order.
func assertRows(t *testing.T, out string, rows [][]string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	at := 0
	for _, want := range rows {
		found := false
		for ; at < len(lines); at++ {
			f := strings.Fields(lines[at])
			if len(f) >= len(want) && strings.Join(f[:len(want)], " ") == strings.Join(want, " ") {
				found = true
				at++
				break
			}
		}
		if !found {
			t.Errorf("no line starting %q (in order) in:\n%s", strings.Join(want, " "), out)
			return
		}
	}
}

// TestStatusHelp shows how to call status.
func TestStatusHelp(t *testing.T) {
	var out, errOut lockedBuffer
	if code := cli.Run(context.Background(), []string{"status", "--help"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"allora-gateway status --config /etc/allora-gateway/relayer.yaml", "--json", "unreachable", "exit", "decrypts no key"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status --help lacks %q:\n%s", want, out.String())
		}
	}
}

// TestStatusCountsUsableCosigners runs status against an oracle that registers three
// co-signers at threshold 2, with no local oracle key: SIGNERS REGISTERED counts the
// registered signers and, of them, the co-signers that answer; stopping co-signers
// takes it down to below the threshold, and status says so.
func TestStatusCountsUsableCosigners(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()

	emu, err := emulator.New(emulator.Config{
		Manual: true, BlockTime: time.Second, StartTime: time.Now().Add(-5 * time.Minute).Truncate(time.Second),
		Topics: []emulator.TopicConfig{{ID: 7, EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	emu.Advance(12)
	node := httptest.NewServer(emu.Handler())
	defer node.Close()
	rest, err := allora.NewREST(node.URL, allora.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
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
	var addrs []common.Address
	for i := 1; i <= 3; i++ {
		addrs = append(addrs, crypto.PubkeyToAddress(devchain.DevKey(i).PublicKey))
	}
	oracleAddr, _, err := evm.DeployOracle(ctx, client, devchain.DevKey(0), evm.DeployParams{
		Owner: crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey), Signers: addrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatal(err)
	}

	secret := strings.Repeat("s3cr3t", 8)
	secretFile := filepath.Join(dir, "secret")
	if err := os.WriteFile(secretFile, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var cosigners []*httptest.Server
	cosignerLines := ""
	for i := range 3 {
		record, err := signguard.Open(filepath.Join(t.TempDir(), "record.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = record.Close() })
		svc, err := cosign.New(cosign.Config{
			Record:  record,
			Signer:  oracle.NewKeySigner(devchain.DevKey(i + 1)),
			Source:  rest,
			Allowed: []oracle.Chain{{ID: 56, Name: "bnb", Oracle: oracleAddr}},
			Clients: map[string][]byte{"relayer": []byte(secret)},
		})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(svc.Handler())
		defer srv.Close()
		cosigners = append(cosigners, srv)
		// The URL carries a token, which nothing may print.
		u := strings.Replace(srv.URL, "http://", "http://user:TOKEN@", 1)
		cosignerLines += fmt.Sprintf("    - {name: partner-%d, url: %q, address: %q, key_id: relayer, secret_file: %q}\n",
			i, u, addrs[i].Hex(), secretFile)
	}
	submitterFile := writeKey(t, dir, "submitter", devchain.DevKey(7), "s")
	path := filepath.Join(dir, "relayer.yaml")
	cfg := fmt.Sprintf(`allora:
  endpoint: %s
  emissions_version: v5
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, oracle: %q}
signers:
  submitter: {keystore: %q, passphrase_env: UNSET_SUBMITTER_PASSPHRASE}
  cosigners:
%s`, node.URL, dc.URL(), oracleAddr.Hex(), submitterFile, cosignerLines)
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	submitter := crypto.PubkeyToAddress(devchain.DevKey(7).PublicKey).Hex()

	code, out, errOut := run(t, "status", "--config", path)
	if code != 0 {
		t.Fatalf("status: exit %d, stderr %s\n%s", code, errOut, out)
	}
	assertRows(t, out, [][]string{
		{"CHAIN", "CHAIN", "ID", "SUBMITTER", "BALANCE", "PENDING", "TXS", "THRESHOLD", "SIGNERS", "REGISTERED"},
		{"bnb", "56", submitter, "10000", "0", "2", "3", "of", "3"},
		{"CO-SIGNER", "ADDRESS", "STATE"},
		{"partner-0", addrs[0].Hex(), "answers"},
		{"partner-1", addrs[1].Hex(), "answers"},
		{"partner-2", addrs[2].Hex(), "answers"},
	})
	if strings.Contains(out, "below threshold") {
		t.Errorf("status with every co-signer up says below threshold:\n%s", out)
	}

	// One down: still at the threshold, but status says which one and exits 1.
	cosigners[2].Close()
	code, out, errOut = run(t, "status", "--config", path)
	if code != 1 {
		t.Errorf("status with a co-signer down: exit %d, want 1", code)
	}
	assertRows(t, out, [][]string{
		{"bnb", "56", submitter, "10000", "0", "2", "2", "of", "3"},
		{"partner-2", addrs[2].Hex(), "unreachable"},
	})
	if !strings.Contains(out, "co-signer partner-2: unreachable: ") || strings.Contains(out+errOut, "TOKEN") ||
		strings.Contains(out, "below threshold") {
		t.Errorf("status with a co-signer down: stdout %q, stderr %q: want it named, without its URL", out, errOut)
	}

	// Two down: one usable signer of three, under the threshold of two.
	cosigners[1].Close()
	code, out, _ = run(t, "status", "--config", path)
	if code != 1 {
		t.Errorf("status with two co-signers down: exit %d, want 1", code)
	}
	assertRows(t, out, [][]string{
		{"bnb", "56", submitter, "10000", "0", "2", "1", "of", "3", "below", "threshold:", "cannot", "push"},
	})
	code, out, _ = run(t, "status", "--config", path, "--json")
	var js struct {
		Chains []struct {
			SignersConfigured int  `json:"signers_configured"`
			SignersRegistered *int `json:"signers_registered"`
			SignersOnOracle   *int `json:"signers_on_oracle"`
			SignersUsable     *int `json:"signers_usable"`
		} `json:"chains"`
		Cosigners []struct {
			Name      string `json:"name"`
			Reachable bool   `json:"reachable"`
		} `json:"cosigners"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != 1 || len(js.Chains) != 1 || len(js.Cosigners) != 3 {
		t.Fatalf("status --json: exit %d, %s: %v", code, out, err)
	}
	c := js.Chains[0]
	if c.SignersConfigured != 3 || c.SignersRegistered == nil || *c.SignersRegistered != 3 || c.SignersOnOracle == nil ||
		*c.SignersOnOracle != 3 || c.SignersUsable == nil || *c.SignersUsable != 1 {
		t.Errorf("status --json signers: %s", out)
	}
	if !js.Cosigners[0].Reachable || js.Cosigners[1].Reachable || js.Cosigners[2].Reachable {
		t.Errorf("status --json co-signers: %+v", js.Cosigners)
	}
}
