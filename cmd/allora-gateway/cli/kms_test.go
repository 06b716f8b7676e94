package cli_test

import (
	"context"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/allora-gateway/allora-gateway/relayer/keys/kmstest"
)

// TestRelayerWithKMSKeys configures a KMS submitter and a KMS oracle key beside a
// keystore one (the KMS emulator in its own process, keys created through the AWS
// SDK): deploy sends the oracle and its feed from the KMS submitter; keys list
// --config, config validate and status show the KMS keys as they show keystore keys,
// by address and kind; then the relayer pushes with them, so the oracle (threshold 2)
// holds batches the KMS key signed, sent by the KMS submitter.
func TestRelayerWithKMSKeys(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()

	kms := kmstest.Start(t)
	submitterKey, oracleKey := kms.CreateKey(t), kms.CreateKey(t)
	kmsSubmitter, err := keys.NewKMSSigner(ctx, submitterKey)
	if err != nil {
		t.Fatal(err)
	}
	kmsOracle, err := keys.NewKMSSigner(ctx, oracleKey)
	if err != nil {
		t.Fatal(err)
	}

	emu, err := emulator.New(emulator.Config{
		BlockTime: 100 * time.Millisecond,
		Topics:    []emulator.TopicConfig{{ID: 7, Metadata: "ETH 5min", EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"}},
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

	dc, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	dcDone := make(chan error, 1)
	go func() { dcDone <- dc.Run(ctx) }()
	defer func() { cancel(); <-dcDone; dc.Close() }()
	client, err := ethclient.Dial(dc.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	local := devchain.DevKey(1)
	// The KMS submitter's gas, sent from a development account.
	txc, _ := presets.TxConfigFor(56)
	txc.ReceiptPoll = 20 * time.Millisecond
	funder, err := txmgr.New(txc, client, oracle.NewKeySigner(devchain.DevKey(0)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := funder.Send(ctx, kmsSubmitter.Address(), nil, txmgr.WithValue(big.NewInt(1e18))); err != nil {
		t.Fatalf("fund the KMS submitter: %v", err)
	}

	localFile := writeKey(t, dir, "signer1", local, "one")
	if err := os.WriteFile(filepath.Join(dir, "signer1.pass"), []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	kmsYAML := func(k keys.KMSKey) string {
		return fmt.Sprintf("{kms: {key_id: %q, region: %q, endpoint: %q}}", k.KeyID, k.Region, k.Endpoint)
	}
	path := filepath.Join(dir, "relayer.yaml")
	cfg := fmt.Sprintf(`allora:
  endpoint: %s
  emissions_version: v5
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, addresses_file: %q}
relayer:
  poll_interval: 100ms
  push_interval: 500ms
signers:
  submitter: %s
  oracle:
    - %s
    - {keystore: %q, passphrase_file: %q}
  record: %q
api:
  listen: ""
log: {level: info, format: text}
`, "http://"+emuLn.Addr().String(), dc.URL(), filepath.Join(dir, "bnb.json"), kmsYAML(submitterKey), kmsYAML(oracleKey),
		localFile, filepath.Join(dir, "signer1.pass"), filepath.Join(dir, "signer.record.db"))
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	// The KMS submitter deploys: it owns the oracle, and the KMS oracle key is one of its
	// two signers.
	code, out, errOut := run(t, "deploy", "--config", path, "--chain", "bnb", "--threshold", "2",
		"--signer", kmsOracle.Address().Hex(), "--signer", crypto.PubkeyToAddress(local.PublicKey).Hex())
	if code != 0 {
		t.Fatalf("deploy from the KMS submitter: exit %d, stderr %s\n%s", code, errOut, out)
	}
	d, err := config.ReadDeployment(filepath.Join(dir, "bnb.json"))
	if err != nil {
		t.Fatal(err)
	}
	oracleAddr := common.HexToAddress(d.Oracle)
	contract := alloraoracle.NewAlloraOracle()
	owner, err := bind.Call(contract.Instance(client, oracleAddr), &bind.CallOpts{Context: ctx}, contract.PackOwner(), contract.UnpackOwner)
	if err != nil || owner != kmsSubmitter.Address() {
		t.Fatalf("the deployed oracle %s is owned by %s (%v), want the KMS submitter %s", oracleAddr, owner, err, kmsSubmitter.Address())
	}
	if len(d.Feeds) != 1 {
		t.Errorf("addresses file feeds = %v, want topic 7's", d.Feeds)
	}

	code, out, errOut = run(t, "keys", "list", "--config", path)
	if code != 0 {
		t.Fatalf("keys list --config: exit %d, stderr %s", code, errOut)
	}
	assertRows(t, out, [][]string{
		{"KEY", "ADDRESS", "KIND", "HELD", "IN"},
		{"signers.submitter", kmsSubmitter.Address().Hex(), "kms", submitterKey.KeyID, "(" + kmstest.Region + ")"},
		{"signers.oracle[0]", kmsOracle.Address().Hex(), "kms", oracleKey.KeyID, "(" + kmstest.Region + ")"},
		{"signers.oracle[1]", crypto.PubkeyToAddress(local.PublicKey).Hex(), "keystore", localFile},
	})

	code, out, errOut = run(t, "config", "validate", "--config", path)
	if code != 0 || !strings.Contains(out, "3 keys opened (2 in KMS)") {
		t.Fatalf("config validate: exit %d, stdout %q, stderr %s", code, out, errOut)
	}

	// What the deployment left the KMS submitter, in ether.
	wei, err := client.BalanceAt(ctx, kmsSubmitter.Address(), nil)
	if err != nil {
		t.Fatal(err)
	}
	balance := decimal.NewFromBigInt(wei, -18)
	code, out, errOut = run(t, "status", "--config", path)
	if code != 0 {
		t.Fatalf("status: exit %d, stderr %s\n%s", code, errOut, out)
	}
	assertRows(t, out, [][]string{
		{"CHAIN", "CHAIN", "ID", "SUBMITTER", "BALANCE", "PENDING", "TXS", "THRESHOLD", "SIGNERS", "REGISTERED"},
		{"bnb", "56", kmsSubmitter.Address().Hex(), balance.String(), "0", "2", "2", "of", "2"},
		{"KEY", "ADDRESS", "KIND", "HELD", "IN"},
		{"signers.submitter", kmsSubmitter.Address().Hex(), "kms", submitterKey.KeyID},
		{"signers.oracle[0]", kmsOracle.Address().Hex(), "kms", oracleKey.KeyID},
		{"signers.oracle[1]", crypto.PubkeyToAddress(local.PublicKey).Hex(), "keystore", localFile},
	})

	var stdout, stderr lockedBuffer
	runCtx, stop := context.WithCancel(ctx)
	exit := make(chan int, 1)
	go func() { exit <- cli.Run(runCtx, []string{"relayer", "--config", path}, &stdout, &stderr) }()
	defer func() {
		stop()
		<-exit
		if t.Failed() {
			t.Logf("relayer stderr:\n%s", stderr.String())
		}
	}()
	reader, err := evm.NewReader(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}, client)
	if err != nil {
		t.Fatal(err)
	}
	var pushes uint64
	testsupport.WaitForSeen(t, time.Minute, "two batches of topic 7 on bnb, signed by the KMS key and sent by the KMS submitter", func() (bool, string) {
		select {
		case code := <-exit:
			exit <- code
			t.Fatalf("the relayer exited with %d", code)
		default:
		}
		st, err := reader.TopicStates(ctx, []uint64{7})
		if err != nil || st[0].BlockHeight == 0 {
			return false, fmt.Sprint("topic 7 not on chain: ", err)
		}
		pushes, err = client.NonceAt(ctx, kmsSubmitter.Address(), nil)
		return err == nil && pushes >= 2, fmt.Sprintf("topic 7 at %d, %d transactions from the KMS submitter (%v)", st[0].BlockHeight, pushes, err)
	})
	t.Logf("%d batches sent by the KMS submitter", pushes)
}
