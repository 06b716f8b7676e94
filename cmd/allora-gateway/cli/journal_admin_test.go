package cli_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestJournalCancelFreesAStuckNonceThroughTheLease strands a transaction of the
// relayer's submitter on anvil (journaled as the relayer journals it, waiting in the
// pool of a node whose mining is paused), and runs `journal cancel` on it: refused
// while another owner holds the chain's lease, then, once the lease is free, a 0-value
// self-transfer at the nonce lands, the nonce advances and the journal is empty. A
// relayer started afterwards pushes from the next nonce: the submitter's
// transactions on the chain are at nonces 0, 1, 2… with no gap and none twice, and
// the stuck one is never mined.
func TestJournalCancelFreesAStuckNonceThroughTheLease(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const chainID = 31337
	node := anviltest.Start(t, chainID)
	client := node.Client
	signers := []*ecdsa.PrivateKey{devchain.DevKey(1), devchain.DevKey(2)}
	oracleAddr, _, err := evm.DeployOracle(ctx, client, devchain.DevKey(0), evm.DeployParams{
		Owner: crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey), Signers: addrs(signers), Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatal(err)
	}

	prefix := fmt.Sprintf("allora-gateway-canceltest-%d-%d", os.Getpid(), time.Now().UnixNano())
	st, closeStore, err := store.DialRedis(ctx, "redis://127.0.0.1:6379/0", prefix)
	if err != nil {
		t.Fatalf("the test needs Redis on 127.0.0.1:6379 (make test starts it): %v", err)
	}
	defer func() { _ = closeStore() }()
	lc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
	defer lc.Close()

	// The stuck transaction: journaled and broadcast, with mining paused.
	submitterKey := devchain.DevKey(3)
	submitter := crypto.PubkeyToAddress(submitterKey.PublicKey)
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(1_000_000_000))
	to := oracleAddr
	stuck, err := types.SignNewTx(submitterKey, types.LatestSignerForChainID(big.NewInt(chainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(chainID), Nonce: 0, GasTipCap: big.NewInt(1_000_000_000), GasFeeCap: feeCap, Gas: 100_000, To: &to, Data: []byte{1},
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := stuck.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.JournalPut(ctx, store.JournalEntry{ChainID: chainID, Nonce: 0, TxHash: stuck.Hash(), RawTx: raw, Attempt: 1, SentAt: time.Now(),
		Updates: []oracle.Update{{TopicID: 7, Value: big.NewInt(1), BlockHeight: 1, Timestamp: 1}}}); err != nil {
		t.Fatal(err)
	}
	node.SetAutomine(t, false)
	if err := client.SendTransaction(ctx, stuck); err != nil {
		t.Fatal(err)
	}
	if pool := node.Pool(t); len(pool) != 1 || pool[0].Hash != stuck.Hash() {
		t.Fatalf("pool %+v, want the stuck transaction waiting", pool)
	}

	dir := t.TempDir()
	keyFile := writeKey(t, dir, "submitter", submitterKey, "submitter pass")
	if err := os.WriteFile(filepath.Join(dir, "submitter.pass"), []byte("submitter pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var oracleKeys []string
	for i, k := range signers {
		oracleKeys = append(oracleKeys, fmt.Sprintf("{keystore: %q, passphrase_file: %q}", writeKey(t, dir, fmt.Sprint("signer", i), k, "s"),
			filepath.Join(dir, "signer.pass")))
	}
	if err := os.WriteFile(filepath.Join(dir, "signer.pass"), []byte("s"), 0o600); err != nil {
		t.Fatal(err)
	}
	emu, err := emulator.New(emulator.Config{BlockTime: 100 * time.Millisecond,
		Topics: []emulator.TopicConfig{{ID: 7, Metadata: "ETH 5min", EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"}}})
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
	path := filepath.Join(dir, "relayer.yaml")
	cfg := fmt.Sprintf(`allora: {endpoint: "http://%s", emissions_version: v5}
topics: [7]
chains:
  - {name: local, chain_id: %d, rpc: %q, oracle: %q}
relayer: {poll_interval: 100ms, push_interval: 300ms, lease_ttl: 3s}
signers:
  submitter: {keystore: %q, passphrase_file: %q}
  oracle: [%s]
redis: {url: "redis://127.0.0.1:6379/0", prefix: %q}
`, emuLn.Addr(), chainID, node.URL, oracleAddr.Hex(), keyFile, filepath.Join(dir, "submitter.pass"), strings.Join(oracleKeys, ", "), prefix)
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	cancelCmd := []string{"journal", "cancel", "--config", path, "--chain", "local", "--nonce", "0", "--timeout", "1m"}

	// A relayer replica holds the chain's lease: refused, nothing sent.
	other := lease.NewRedis(lc, prefix, "relayer-replica-a", time.Minute)
	token, ok, err := other.Acquire(ctx, relayer.LeaseName(chainID))
	if err != nil || !ok {
		t.Fatalf("take the lease as another owner: ok %v err %v", ok, err)
	}
	var stdout, stderr lockedBuffer
	if code := cli.Run(ctx, cancelCmd, &stdout, &stderr); code == 0 {
		t.Fatalf("journal cancel with the lease held exited 0: %s", stdout.String())
	}
	for _, want := range []string{"a relayer holds the chain's lease", "relayer-replica-a", "stop every relayer replica serving local"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("refusal lacks %q:\n%s", want, stderr.String())
		}
	}
	if pool := node.Pool(t); len(pool) != 1 || pool[0].Hash != stuck.Hash() {
		t.Errorf("pool after the refusal: %+v, want only the stuck transaction", pool)
	}
	if err := other.Release(ctx, relayer.LeaseName(chainID), token); err != nil {
		t.Fatal(err)
	}

	// A running relayer replica's elector holds the lease; with --take-over the command
	// reserves it, the elector steps down at its next renewal, and the cancel replaces
	// the stuck transaction in the pool and lands once a block is mined.
	elCtx, stopElector := context.WithCancel(ctx)
	elector := lease.NewElector(lease.NewRedis(lc, prefix, "relayer-replica-a", 3*time.Second), relayer.LeaseName(chainID), 3*time.Second)
	elDone := make(chan error, 1)
	go func() { elDone <- elector.Run(elCtx) }()
	defer func() { stopElector(); <-elDone }()
	testsupport.WaitFor(t, time.Minute, "the replica leads", func() bool { _, ok := elector.Leader(); return ok })
	replicaToken, _ := elector.Leader()
	stdout, stderr = lockedBuffer{}, lockedBuffer{}
	cancelled := make(chan int, 1)
	go func() { cancelled <- cli.Run(ctx, append(cancelCmd, "--take-over"), &stdout, &stderr) }()
	testsupport.WaitForSeen(t, time.Minute, "the cancel in the pool", func() (bool, string) {
		pool := node.Pool(t)
		if len(pool) == 1 && pool[0].Hash != stuck.Hash() {
			if pool[0].To == nil || *pool[0].To != submitter || pool[0].Nonce != 0 {
				t.Fatalf("pool holds %+v, want a self-transfer of the submitter at nonce 0", pool[0])
			}
			return true, ""
		}
		return false, fmt.Sprintf("pool %+v; stderr %s", pool, stderr.String())
	})
	if owner, tok, err := other.Holder(ctx, relayer.LeaseName(chainID)); err != nil || !strings.HasPrefix(owner, "journal-cancel/") || tok <= replicaToken {
		t.Errorf("lease held by %q token %d (err %v) while the cancel is in flight, want the command with a token newer than the replica's %d", owner, tok, err, replicaToken)
	}
	if _, ok := elector.Leader(); ok {
		t.Error("the replica still leads while the command holds the lease")
	}
	node.SetAutomine(t, true)
	node.Mine(t)
	if code := <-cancelled; code != 0 {
		t.Fatalf("journal cancel exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "nonce 0 on local: cancel 0x") || !strings.Contains(stdout.String(), "next nonce is 1") {
		t.Errorf("journal cancel printed %q", stdout.String())
	}
	if n, err := client.NonceAt(ctx, submitter, nil); err != nil || n != 1 {
		t.Errorf("submitter nonce %d (err %v) after the cancel, want 1", n, err)
	}
	if left, err := st.JournalPending(ctx, chainID); err != nil || len(left) != 0 {
		t.Errorf("journal after the cancel: %+v (err %v), want empty", left, err)
	}
	// The replica takes the lease back; stopped, it releases it for the relayer below.
	testsupport.WaitFor(t, time.Minute, "the replica leads again", func() bool { tok, ok := elector.Leader(); return ok && tok > replicaToken })
	stopElector()
	if err := <-elDone; err != nil {
		t.Errorf("elector: %v", err)
	}
	elDone <- nil
	if owner, _, err := other.Holder(ctx, relayer.LeaseName(chainID)); err != nil || owner != "" {
		t.Errorf("lease held by %q (err %v) after the replica stopped, want released", owner, err)
	}

	// A relayer started afterwards carries on from the next nonce.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var relayerOut, relayerErr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- cli.Run(runCtx, []string{"relayer", "--config", path, "--api-listen", ""}, &relayerOut, &relayerErr)
	}()
	defer func() {
		if t.Failed() {
			t.Logf("relayer stderr:\n%s", relayerErr.String())
		}
	}()
	testsupport.WaitFor(t, time.Minute, "the relayer to push", func() bool {
		select {
		case code := <-exit:
			t.Fatalf("relayer exited %d", code)
		default:
		}
		n, err := client.NonceAt(ctx, submitter, nil)
		return err == nil && n >= 3
	})
	stop()
	if code := <-exit; code != 0 {
		t.Errorf("relayer exited %d", code)
	}
	if strings.Contains(relayerErr.String(), "resuming a journaled transaction") {
		t.Errorf("the relayer resumed a journaled transaction after the cancel:\n%s", relayerErr.String())
	}
	if _, err := client.TransactionReceipt(ctx, stuck.Hash()); err == nil {
		t.Errorf("the cancelled transaction %s was mined", stuck.Hash())
	}
	latest, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var nonces []uint64
	signer := types.LatestSignerForChainID(big.NewInt(chainID))
	for n := uint64(0); n <= latest; n++ {
		b, err := client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatal(err)
		}
		for _, tx := range b.Transactions() {
			if from, err := types.Sender(signer, tx); err == nil && from == submitter {
				nonces = append(nonces, tx.Nonce())
			}
		}
	}
	for i, n := range nonces {
		if n != uint64(i) {
			t.Fatalf("the submitter's mined nonces are %v, want 0, 1, 2… with no gap and none twice", nonces)
		}
	}
}

func addrs(keys []*ecdsa.PrivateKey) []common.Address {
	out := make([]common.Address, len(keys))
	for i, k := range keys {
		out[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	return out
}
