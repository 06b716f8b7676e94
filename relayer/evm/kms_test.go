package evm_test

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/allora-gateway/allora-gateway/relayer/keys/kmstest"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

// TestKMSKeysSignABatchAndSendIt runs the relayer's two uses of a KMS key on anvil,
// against the KMS emulator in its own process: an oracle signer (a KMS key, guarded by
// its slashing-protection record as a local key is, beside a keystore key, threshold
// 2) signs a batch the oracle accepts, and a KMS submitter sends it through its
// transaction manager; the mined transaction is from the KMS key's address.
func TestKMSKeysSignABatchAndSendIt(t *testing.T) {
	// A chain id no preset names: the local preset, which waits for no confirmations,
	// on a node that mines each transaction as it comes.
	const localChainID = 31337
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	kms := kmstest.Start(t)
	kmsOracleKey, err := keys.NewKMSSigner(ctx, kms.CreateKey(t))
	if err != nil {
		t.Fatal(err)
	}
	kmsSubmitter, err := keys.NewKMSSigner(ctx, kms.CreateKey(t))
	if err != nil {
		t.Fatal(err)
	}
	local := oracle.NewKeySigner(devchain.DevKey(1))

	node := anviltest.Start(t, localChainID)
	deployer := devchain.DevKey(0)
	node.SetBalance(t, crypto.PubkeyToAddress(deployer.PublicKey), big.NewInt(1e18))
	node.SetBalance(t, kmsSubmitter.Address(), big.NewInt(1e18))
	oracleAddr, _, err := evm.DeployOracle(ctx, node.Client, deployer, evm.DeployParams{
		Owner: crypto.PubkeyToAddress(deployer.PublicKey), Signers: []common.Address{kmsOracleKey.Address(), local.Address()},
		Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	ch := openChain(t, ctx, node.URL, oracle.Chain{ID: localChainID, Name: "local", Oracle: oracleAddr})
	w, err := ch.Writer(ctx, kmsSubmitter)
	if err != nil {
		t.Fatal(err)
	}
	if w.From() != kmsSubmitter.Address() {
		t.Fatalf("the writer sends from %s, want the KMS submitter %s", w.From(), kmsSubmitter.Address())
	}

	record, err := signguard.Open(filepath.Join(t.TempDir(), "signer.record.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer record.Close()
	signers := []oracle.BatchSigner{signguard.Guard(oracle.LocalBatchSigner(kmsOracleKey), record), oracle.LocalBatchSigner(local)}
	for i := range 3 {
		updates := []oracle.Update{{TopicID: 7, Value: big.NewInt(int64(2500+i) * 1e16), BlockHeight: uint64(1000 + i), Timestamp: uint64(time.Now().Unix())}}
		sigs, err := oracle.CollectSignatures(ctx, w.Domain(), updates, signers, 2, oracle.CollectOptions{})
		if err != nil {
			t.Fatalf("batch %d: sign: %v", i, err)
		}
		res, err := w.Submit(ctx, updates, sigs)
		if err != nil {
			t.Fatalf("batch %d: submit: %v", i, err)
		}
		if len(res.Applied) != 1 || len(res.Skipped) != 0 {
			t.Fatalf("batch %d: applied %v, skipped %v; want the update stored", i, res.Applied, res.Skipped)
		}
		tx, _, err := node.Client.TransactionByHash(ctx, res.TxHash)
		if err != nil {
			t.Fatal(err)
		}
		if from, err := types.Sender(types.LatestSignerForChainID(big.NewInt(localChainID)), tx); err != nil || from != kmsSubmitter.Address() {
			t.Fatalf("batch %d: transaction %s is from %s (%v), want the KMS submitter %s", i, res.TxHash, from, err, kmsSubmitter.Address())
		}
		latest, err := w.Latest(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		if latest.Value.Cmp(updates[0].Value) != 0 || latest.BlockHeight != updates[0].BlockHeight {
			t.Fatalf("batch %d: the oracle holds %s at %d, want %s at %d", i, latest.Value, latest.BlockHeight, updates[0].Value, updates[0].BlockHeight)
		}
		t.Logf("batch %d: KMS-signed, KMS-sent %s in block %d, gas %d", i, res.TxHash, res.BlockNumber, res.GasUsed)
	}
	// The record guards the KMS key as it guards a local one: another value at a
	// height it signed is refused.
	again := []oracle.Update{{TopicID: 7, Value: big.NewInt(1), BlockHeight: 1002, Timestamp: uint64(time.Now().Unix())}}
	if _, err := signers[0].SignBatch(ctx, w.Domain(), again); err == nil {
		t.Fatal("the KMS key signed a second value at a height it signed")
	}
}
