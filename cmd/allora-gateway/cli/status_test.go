package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
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
		{"bnb", "56", submitter.Hex(), "10000", "0", "2", "2", "of", "3"},
		{"sonic", "146", submitter.Hex(), "10000", "0", "2", "2", "of", "3"},
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
	downRPC := "http://" + freeAddr(t) + "/rpc/TOKEN"
	down := writeConfig("sonic-down.yaml", alloraURL, downRPC)
	code, out, errOut = run(t, "status", "--config", down)
	if code != 1 {
		t.Errorf("status with sonic down: exit %d, want 1", code)
	}
	assertRows(t, out, [][]string{
		{"bnb", "7", fmt.Sprint(pushed.BlockHeight)},
		{"sonic", "-", "unreachable", "-", "-", "-", "-"},
		{"bnb", "56", submitter.Hex(), "10000", "0", "2", "2", "of", "3"},
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
	alloraDown := writeConfig("allora-down.yaml", "http://"+freeAddr(t), chains[1].url)
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
