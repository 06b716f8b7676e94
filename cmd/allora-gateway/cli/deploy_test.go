package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/allora-gateway/allora-gateway/bindings/allorafeed"
	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

// TestDeployThenRelay deploys to three anvil chains from one config, runs deploy again
// and sees nothing redeployed, then runs the relayer on the same config, which finds
// the oracles through the addresses files, and sees every topic land on every chain.
func TestDeployThenRelay(t *testing.T) {
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

	type chain struct {
		id     uint64
		name   string
		preset string
		url    string
		feed   common.Address // the ETH / USD price feed the market settles on
	}
	chains := []chain{{56, "bnb", "bsc", "", common.Address{}}, {324, "zksync-era", "zksync-era", "", common.Address{}},
		{146, "sonic", "sonic", "", common.Address{}}}
	for i := range chains {
		chains[i].url = anviltest.Start(t, chains[i].id, "--block-time", "0.25").URL
		client, err := ethclient.Dial(chains[i].url)
		if err != nil {
			t.Fatal(err)
		}
		// The real chains' Chainlink feed, as a settable stand-in, from a key of its own
		// so the deployer's nonces below count only what deploy sends.
		chains[i].feed, err = evm.DeployMockAggregator(ctx, client, devchain.DevKey(6), evm.MockAggregatorParams{
			Decimals: 8, Description: "ETH / USD", InitialAnswer: big.NewInt(3012_50000000)})
		client.Close()
		if err != nil {
			t.Fatal(err)
		}
	}

	submitterKey := devchain.DevKey(0)
	submitter := crypto.PubkeyToAddress(submitterKey.PublicKey)
	submitterFile := writeKey(t, dir, "submitter", submitterKey, "submitter pass")
	if err := os.WriteFile(filepath.Join(dir, "submitter.pass"), []byte("submitter pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	signer1 := writeKey(t, dir, "signer1", devchain.DevKey(1), "one")
	signer2 := writeKey(t, dir, "signer2", devchain.DevKey(2), "two")
	t.Setenv("TEST_SIGNER1_PASSPHRASE", "one")
	t.Setenv("TEST_SIGNER2_PASSPHRASE", "two")

	// BNB's oracle sends its fees to a treasury of the operator's; deploy sets it.
	treasury := common.HexToAddress("0x7EA5000000000000000000000000000000007EA5")

	// Each chain by its preset, with what anvil does differently overridden: quarter
	// second blocks, a gas price cap over anvil's 1 gwei base fee, and (Sonic) no ten
	// blocks of finality to wait for. The preset supplies the chain id. Sonic is given
	// by rpcs alone, which deploy, the relayer and its keeper all use.
	var chainsYAML strings.Builder
	for _, c := range chains {
		rpcLine := fmt.Sprintf("rpc: %q", c.url)
		if c.preset == "sonic" {
			rpcLine = fmt.Sprintf("rpcs: [%q]", c.url)
		}
		fmt.Fprintf(&chainsYAML, `  - name: %s
    preset: %s
    %s
    addresses_file: deployments/%s.json
    block_time: 250ms
    max_gas_price_gwei: "100"
`, c.name, c.preset, rpcLine, c.name)
		if c.preset == "sonic" {
			chainsYAML.WriteString("    confirmations: 2\n")
		}
		if c.preset == "bsc" {
			fmt.Fprintf(&chainsYAML, "    treasury: %q\n", treasury.Hex())
		}
		fmt.Fprintf(&chainsYAML, "    markets:\n      - {name: ETH 5m, topic: 7, price_feed: %q, interval: 1m, buffer: 30s, fee_bps: 300, min_bet: \"0.001\"}\n",
			c.feed.Hex())
	}
	apiLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	apiAddr := apiLn.Addr().String()
	apiLn.Close() // the relayer listens there
	cfg := fmt.Sprintf(`allora:
  endpoint: http://%s
  emissions_version: v5
topics: [7, 9]
predictions:
  - {asset: ETH, timeframe: 5m, topic: 7}
chains:
%srelayer:
  poll_interval: 100ms
  push_interval: 300ms
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle:
    - {keystore: %q, passphrase_env: TEST_SIGNER1_PASSPHRASE}
    - {keystore: %q, passphrase_env: TEST_SIGNER2_PASSPHRASE}
api:
  listen: %s
`, emuLn.Addr(), chainsYAML.String(), submitterFile, filepath.Join(dir, "submitter.pass"), signer1, signer2, apiAddr)
	path := filepath.Join(dir, "relayer.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	deploy := func(name string) string {
		t.Helper()
		var stdout, stderr lockedBuffer
		if code := cli.Run(ctx, []string{"deploy", "--config", path, "--chain", name}, &stdout, &stderr); code != 0 {
			t.Fatalf("deploy --chain %s exited with %d:\n%s%s", name, code, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	nonce := func(url string) uint64 {
		t.Helper()
		client, err := ethclient.Dial(url)
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		n, err := client.PendingNonceAt(ctx, submitter)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	first := map[string]config.Deployment{}
	for _, c := range chains {
		out := deploy(c.name)
		for _, want := range []string{"deploying AlloraOracle", "mined in block", "deploying AlloraFeed of topic 7 (\"ETH 5min\")",
			`deploying PredictionMarket "ETH 5m" (topic 7, price feed ` + c.feed.Hex() + ", interval 1m0s, buffer 30s, fee 300 bps, min bet 1000000000000000 base units of the native coin)",
			"0 contracts found, 4 deployed"} {
			if !strings.Contains(out, want) {
				t.Errorf("deploy --chain %s output lacks %q:\n%s", c.name, want, out)
			}
		}
		// anvil on 127.0.0.1 with a public chain's id is a local chain: no explorer has
		// these contracts.
		if strings.Contains(out, "explorer") || strings.Contains(out, "scan.") {
			t.Errorf("deploy --chain %s on a local node printed an explorer link:\n%s", c.name, out)
		}
		if set := strings.Contains(out, "setting the treasury to "+treasury.Hex()); set != (c.preset == "bsc") {
			t.Errorf("deploy --chain %s: treasury set %v, want it only where configured:\n%s", c.name, set, out)
		}
		if zk := strings.Contains(out, "EraVM"); zk != (c.id == 324) {
			t.Errorf("deploy --chain %s: ZKsync caveat printed %v:\n%s", c.name, zk, out)
		}
		d, err := config.ReadDeployment(filepath.Join(dir, "deployments", c.name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if d.ChainID != c.id || d.Name != c.name || len(d.Feeds) != 2 || d.Block == 0 || d.Txs.Oracle == "" || len(d.Txs.Feeds) != 2 ||
			len(d.Markets) != 1 || d.Markets["ETH 5m"] == "" || d.Txs.Markets["ETH 5m"] == "" {
			t.Errorf("%s addresses file = %+v", c.name, d)
		}
		first[c.name] = d
	}

	// The feeds read their oracle and carry the topic's Allora metadata.
	client, err := ethclient.Dial(chains[0].url)
	if err != nil {
		t.Fatal(err)
	}
	feed := allorafeed.NewAlloraFeed()
	desc, err := bind.Call(feed.Instance(client, common.HexToAddress(first["bnb"].Feeds["9"])), &bind.CallOpts{Context: ctx},
		feed.PackDescription(), feed.UnpackDescription)
	defer client.Close()
	if err != nil || desc != "log return" {
		t.Errorf("bnb feed of topic 9 description = %q, %v; want the topic's metadata", desc, err)
	}
	oc := alloraoracle.NewAlloraOracle()
	got, err := bind.Call(oc.Instance(client, common.HexToAddress(first["bnb"].Oracle)), &bind.CallOpts{Context: ctx},
		oc.PackTreasury(), oc.UnpackTreasury)
	if err != nil || got != treasury {
		t.Errorf("bnb oracle's treasury = %s, %v; want the configured %s", got, err, treasury)
	}

	// Again: everything is found, nothing is sent.
	for _, c := range chains {
		before := nonce(c.url)
		out := deploy(c.name)
		if after := nonce(c.url); after != before {
			t.Errorf("deploy --chain %s again sent %d transactions:\n%s", c.name, after-before, out)
		}
		if c.preset == "bsc" && !strings.Contains(out, "treasury "+treasury.Hex()+": kept") {
			t.Errorf("deploy --chain %s again does not keep the treasury:\n%s", c.name, out)
		}
		if !strings.Contains(out, "4 contracts found, 0 deployed") || !strings.Contains(out, `PredictionMarket "ETH 5m" found at`) ||
			strings.Contains(out, "deploying") {
			t.Errorf("deploy --chain %s again:\n%s", c.name, out)
		}
		d, err := config.ReadDeployment(filepath.Join(dir, "deployments", c.name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(d) != fmt.Sprint(first[c.name]) {
			t.Errorf("%s addresses file changed on a re-run: %+v, was %+v", c.name, d, first[c.name])
		}
	}

	// A piece missing from the addresses file is deployed, and only it.
	bnbFile := filepath.Join(dir, "deployments", "bnb.json")
	partial := first["bnb"]
	partial.Feeds = map[string]string{"7": partial.Feeds["7"]}
	partial.Txs.Feeds = map[string]string{"7": partial.Txs.Feeds["7"]}
	if err := config.WriteDeployment(bnbFile, partial); err != nil {
		t.Fatal(err)
	}
	before := nonce(chains[0].url)
	out := deploy("bnb")
	if sent := nonce(chains[0].url) - before; sent != 1 || !strings.Contains(out, "3 contracts found, 1 deployed") ||
		!strings.Contains(out, "deploying AlloraFeed of topic 9") {
		t.Errorf("deploy --chain bnb with the feed of topic 9 forgotten sent %d transactions:\n%s", sent, out)
	}
	d, err := config.ReadDeployment(bnbFile)
	if err != nil {
		t.Fatal(err)
	}
	if d.Oracle != first["bnb"].Oracle || d.Feeds["7"] != first["bnb"].Feeds["7"] || d.Feeds["9"] == "" || d.Feeds["9"] == first["bnb"].Feeds["9"] {
		t.Errorf("bnb addresses file after redeploying the feed of topic 9 = %+v, was %+v", d, first["bnb"])
	}

	// The relayer reads the oracles from the addresses files and pushes to all three.
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
	for _, c := range chains {
		client, err := ethclient.Dial(c.url)
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		w, err := evm.NewWriter(ctx, oracle.Chain{ID: c.id, Name: c.name, Oracle: common.HexToAddress(first[c.name].Oracle)}, client, devchain.DevKey(5))
		if err != nil {
			t.Fatal(err)
		}
		for {
			st, err := w.TopicStates(ctx, []uint64{7, 9})
			if err != nil {
				t.Fatal(err)
			}
			if st[0].BlockHeight > 0 && st[1].BlockHeight > 0 {
				break
			}
			select {
			case code := <-exit:
				t.Fatalf("relayer exited with %d before both topics reached %s", code, c.name)
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: topics at heights %d and %d, want both pushed", c.name, st[0].BlockHeight, st[1].BlockHeight)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	// The round keeper opens each market's first round at once; an interval of chain
	// time later (anvil's clock moved on) it locks it at the feed's price with the AI's
	// call from the oracle the relayer just filled.
	for _, c := range chains {
		rpcClient, err := rpc.Dial(c.url)
		if err != nil {
			t.Fatal(err)
		}
		defer rpcClient.Close()
		client := ethclient.NewClient(rpcClient)
		info := keeper.MarketInfo{ChainID: c.id, ChainName: c.name, Address: common.HexToAddress(first[c.name].Markets["ETH 5m"]), Name: "ETH 5m"}
		m, err := evm.NewMarket(ctx, info, client, devchain.DevKey(7))
		if err != nil {
			t.Fatal(err)
		}
		waitMarket := func(what string, done func(keeper.State) bool) {
			t.Helper()
			for {
				st, err := m.State(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if done(st) {
					return
				}
				select {
				case code := <-exit:
					t.Fatalf("relayer exited with %d before the keeper %s on %s", code, what, c.name)
				default:
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: the keeper has not %s: %+v", c.name, what, st)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		waitMarket("started the first round", func(s keeper.State) bool { return s.GenesisStarted && s.Epoch >= 1 })
		if err := rpcClient.CallContext(ctx, nil, "evm_increaseTime", 61); err != nil {
			t.Fatal(err)
		}
		waitMarket("locked the first round", func(s keeper.State) bool { return s.GenesisLocked && s.Epoch >= 2 })
		r, err := m.Round(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if keeper.Status(r.Status) != keeper.StatusLocked && keeper.Status(r.Status) != keeper.StatusVoid {
			t.Errorf("%s: round 1 is %s after genesisLock", c.name, keeper.Status(r.Status))
		}
		if r.LockPrice.Cmp(big.NewInt(3012_50000000)) != 0 || r.AiPrediction.Sign() == 0 || keeper.AICall(r.AiCall) == keeper.NoCall {
			t.Errorf("%s: round 1 locked at %s with prediction %s and call %s; want the feed's 3012.5 and the oracle's topic 7",
				c.name, r.LockPrice, r.AiPrediction, keeper.AICall(r.AiCall))
		}
	}
	// No keeper key is configured: the keeper sends from the submitter's key through
	// the submitter's transaction manager, so the two never collide at a nonce.
	if logs := stderr.String(); !strings.Contains(logs, "keeping market rounds") || !strings.Contains(logs, "step=genesisLock") ||
		!strings.Contains(logs, "the round keeper sends from the submitter's key") {
		t.Errorf("the relayer's log does not show the keeper at work from the submitter's key:\n%s", logs)
	}
	for _, bad := range []string{"nonce too low", "transaction gone", "replacement transaction underpriced"} {
		if strings.Contains(stderr.String(), bad) {
			t.Errorf("the relayer's log shows %q: the keeper and the submitter collided at a nonce", bad)
		}
	}

	// The relayer's API shows what its keeper did and the realised price it recorded
	// from the markets' feeds, from the store, without a chain call.
	for _, c := range chains {
		market := first[c.name].Markets["ETH 5m"]
		var body struct {
			Markets []struct {
				MarketID string `json:"market_id"`
				Asset    string `json:"asset"`
				TopicID  uint64 `json:"topic_id"`
				Rounds   []struct {
					Epoch     uint64  `json:"epoch"`
					Status    string  `json:"status"`
					LockPrice *string `json:"lock_price"`
				} `json:"rounds"`
			} `json:"markets"`
		}
		waitAPI(t, "http://"+apiAddr+"/v1/markets/"+strconv.FormatUint(c.id, 10), &body, func() bool {
			for _, m := range body.Markets {
				for _, r := range m.Rounds {
					if strings.EqualFold(m.MarketID, market) && r.Epoch == 1 && r.Status != "open" {
						return m.Asset == "ETH" && m.TopicID == 7 && r.LockPrice != nil && *r.LockPrice == "3012.5"
					}
				}
			}
			return false
		})
	}
	var prediction struct {
		CurrentPrice *string `json:"current_price"`
	}
	waitAPI(t, "http://"+apiAddr+"/v1/predictions/ETH/5m", &prediction, func() bool {
		return prediction.CurrentPrice != nil && *prediction.CurrentPrice == "3012.5"
	})

	// status shows each chain's market and its open round beside the topics.
	var statusOut, statusErr lockedBuffer
	if code := cli.Run(ctx, []string{"status", "--config", path}, &statusOut, &statusErr); code != 0 {
		t.Errorf("status exited with %d:\n%s%s", code, statusOut.String(), statusErr.String())
	}
	table := statusOut.String()
	if !strings.Contains(table, "MARKET") || !strings.Contains(table, "OPEN ROUND") {
		t.Errorf("status shows no markets table:\n%s", table)
	}
	for _, c := range chains {
		found := false
		for _, line := range strings.Split(table, "\n") {
			f := strings.Fields(line)
			// CHAIN, "ETH", "5m", ADDRESS, OPEN ROUND, LOCKS IN, STATE…
			if len(f) >= 7 && f[0] == c.name && f[3] == first[c.name].Markets["ETH 5m"] && f[4] != "not started" && f[6] == "running" {
				found = true
			}
		}
		if !found {
			t.Errorf("status has no running market row for %s:\n%s", c.name, table)
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
}

// waitAPI gets url until done says the decoded body is as wanted, for up to 20 s.
func waitAPI(t *testing.T, url string, body any, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last string
	for {
		resp, err := http.Get(url)
		if err == nil {
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			last = fmt.Sprintf("%d %s", resp.StatusCode, raw)
			if resp.StatusCode == http.StatusOK && json.Unmarshal(raw, body) == nil && done() {
				return
			}
		} else {
			last = err.Error()
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s never answered as wanted; last: %s", url, last)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
