package evm_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// startChain runs a chain with fast blocks and deploys a 2-of-3 oracle on it.
func startChain(t *testing.T, id uint64) (*ethclient.Client, common.Address, []oracle.Signer) {
	t.Helper()
	_, client, addr, signers := startChainAt(t, id)
	return client, addr, signers
}

// startChainAt is startChain, also answering the chain's JSON-RPC URL.
func startChainAt(t *testing.T, id uint64) (string, *ethclient.Client, common.Address, []oracle.Signer) {
	t.Helper()
	chain, err := devchain.New(devchain.Config{ChainID: id, BlockTime: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- chain.Run(ctx) }()
	client, err := ethclient.Dial(chain.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		client.Close()
		cancel()
		<-done
		chain.Close()
	})
	var signers []oracle.Signer
	var addrs []common.Address
	for i := 1; i <= 3; i++ {
		s := oracle.NewKeySigner(devchain.DevKey(i))
		signers = append(signers, s)
		addrs = append(addrs, s.Address())
	}
	dctx, dcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer dcancel()
	addr, receipt, err := evm.DeployOracle(dctx, client, devchain.DevKey(0), evm.DeployParams{
		Owner: addrs[0], Signers: addrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	if receipt.ContractAddress != addr {
		t.Fatalf("receipt says %s, deploy returned %s", receipt.ContractAddress, addr)
	}
	return chain.URL(), client, addr, signers
}

func TestWriterSubmitsSignedBatchesAndReportsSkips(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, addr, signers := startChain(t, 146)
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}, client, devchain.DevKey(0))
	if err != nil {
		t.Fatal(err)
	}

	states, err := w.TopicStates(ctx, []uint64{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range states {
		if s.BlockHeight != 0 || s.Value != nil {
			t.Fatalf("fresh oracle holds %+v for topic %d, want nothing", s, s.TopicID)
		}
	}

	now := uint64(time.Now().Unix())
	neg, _ := new(big.Int).SetString("-1250000000000000000", 10)
	updates := []oracle.Update{
		{TopicID: 1, Value: big.NewInt(3012_500000000000000), BlockHeight: 68, Timestamp: now},
		{TopicID: 2, Value: neg, BlockHeight: 70, Timestamp: now},
	}
	sigs, err := oracle.SignBatch(ctx, w.Domain(), updates, signers[:2])
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.Submit(ctx, updates, sigs)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	if len(res.Applied) != 2 || len(res.Skipped) != 0 || res.GasUsed == 0 || res.TxHash == (common.Hash{}) {
		t.Fatalf("result %+v, want both updates applied", res)
	}
	for i, u := range res.Applied {
		if u.TopicID != updates[i].TopicID || u.Value.Cmp(updates[i].Value) != 0 || u.BlockHeight != updates[i].BlockHeight || u.Timestamp != now {
			t.Errorf("applied %+v, want %+v", u, updates[i])
		}
	}
	got, err := w.Latest(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got.Value.Cmp(neg) != 0 || got.Decimals != 18 || got.BlockHeight != 70 || got.Timestamp != now {
		t.Errorf("latest(2) = %+v, want value %s height 70 time %d", got, neg, now)
	}

	// The same batch again is skipped topic by topic, not reverted.
	res, err = w.Submit(ctx, updates, sigs)
	if err != nil {
		t.Fatalf("replayed batch: %v", err)
	}
	if len(res.Applied) != 0 || len(res.Skipped) != 2 || res.Skipped[0].Reason != "not newer" || res.Skipped[0].StoredBlockHeight != 68 {
		t.Errorf("replayed batch result %+v, want two 'not newer' skips", res)
	}

	// One signature of a 2-of-3 set is refused before anything is sent, with the
	// contract's error named.
	newer := []oracle.Update{{TopicID: 1, Value: big.NewInt(1), BlockHeight: 99, Timestamp: now}}
	one, err := oracle.SignBatch(ctx, w.Domain(), newer, signers[:1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Submit(ctx, newer, one); err == nil || !strings.Contains(err.Error(), "ThresholdNotMet") {
		t.Errorf("below-threshold batch: err = %v, want ThresholdNotMet", err)
	}

	// Signatures made for another chain's domain recover to unknown signers.
	other := oracle.NewDomain(big.NewInt(56), addr)
	foreign, err := oracle.SignBatch(ctx, other, newer, signers[:2])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Submit(ctx, newer, foreign); err == nil || !strings.Contains(err.Error(), "UnknownSigner") {
		t.Errorf("batch signed for chain 56 submitted on 146: err = %v, want UnknownSigner", err)
	}
	if got, _ := w.Latest(ctx, 1); got.BlockHeight != 68 {
		t.Errorf("topic 1 moved to block %d after rejected batches", got.BlockHeight)
	}
}

func TestWriterRefusesAnEndpointOfAnotherChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, addr, _ := startChain(t, 324)
	_, err := evm.NewWriter(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: addr}, client, devchain.DevKey(0))
	if !errors.Is(err, evm.ErrWrongChain) {
		t.Fatalf("NewWriter for chain 56 on a 324 endpoint: err = %v, want ErrWrongChain", err)
	}
}

func TestWriterRefusesATransactionManagerOfAnotherChainOrKey(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, addr, _ := startChain(t, 146)
	chain := oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}

	testnet, _ := presets.TxConfigFor(14601)
	otherChain, err := txmgr.New(testnet, client, oracle.NewKeySigner(devchain.DevKey(0)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := evm.NewWriter(ctx, chain, client, devchain.DevKey(0), evm.WithTxManager(otherChain)); !errors.Is(err, evm.ErrWrongChain) {
		t.Errorf("manager for chain 14601 on a 146 writer: err = %v, want ErrWrongChain", err)
	}
	sonic, _ := presets.TxConfigFor(146)
	otherKey, err := txmgr.New(sonic, client, oracle.NewKeySigner(devchain.DevKey(1)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := evm.NewWriter(ctx, chain, client, devchain.DevKey(0), evm.WithTxManager(otherKey)); err == nil {
		t.Error("manager sending from another key accepted")
	}
}

func TestWriterJournalsThroughItsTransactionManager(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, addr, signers := startChain(t, 146)
	journal := &recordingJournal{Memory: store.NewMemory()}
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}, client, devchain.DevKey(0), evm.WithJournal(journal))
	if err != nil {
		t.Fatal(err)
	}
	updates := []oracle.Update{{TopicID: 3, Value: big.NewInt(42), BlockHeight: 5, Timestamp: uint64(time.Now().Unix())}}
	sigs, err := oracle.SignBatch(ctx, w.Domain(), updates, signers[:2])
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.Submit(ctx, updates, sigs)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	puts := journal.puts()
	if len(puts) != 1 || puts[0].TxHash != res.TxHash || puts[0].ChainID != 146 || len(puts[0].Updates) != 1 || puts[0].Updates[0].TopicID != 3 {
		t.Errorf("journaled %+v, want one entry for %s carrying topic 3", puts, res.TxHash)
	}
	if left, err := journal.JournalPending(ctx, 146); err != nil || len(left) != 0 {
		t.Errorf("journal still holds %d entries (err %v) after the receipt", len(left), err)
	}
}

// recordingJournal remembers every entry put, to see what was journaled after the
// entry is cleared.
type recordingJournal struct {
	*store.Memory
	mu      sync.Mutex
	entries []store.JournalEntry
}

func (j *recordingJournal) JournalPut(ctx context.Context, e store.JournalEntry) error {
	j.mu.Lock()
	j.entries = append(j.entries, e)
	j.mu.Unlock()
	return j.Memory.JournalPut(ctx, e)
}

func (j *recordingJournal) puts() []store.JournalEntry {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]store.JournalEntry(nil), j.entries...)
}

// TestWriterReadsTaggedHeads reads the finalized and safe blocks of go-ethereum's
// simulated chain, which finalises every 32nd block and calls its head safe, and refuses a tag that names no
// final block.
func TestWriterReadsTaggedHeads(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, addr, _ := startChain(t, 146)
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 146, Name: "sonic", Oracle: addr}, client, devchain.DevKey(0))
	if err != nil {
		t.Fatal(err)
	}
	testsupport.WaitFor(t, time.Minute, "block 33", func() bool {
		head, err := w.Head(ctx)
		return err == nil && head.Number > 32
	})
	finalized, err := w.TaggedHead(ctx, "finalized")
	if err != nil {
		t.Fatal(err)
	}
	safe, err := w.TaggedHead(ctx, "safe")
	if err != nil {
		t.Fatal(err)
	}
	head, err := w.Head(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if finalized.Number == 0 || finalized.Number%32 != 0 || finalized.Time.IsZero() ||
		safe.Number < finalized.Number || safe.Number > head.Number {
		t.Errorf("finalized block %d, safe %d, head %d: want finalized the last multiple of 32, safe between it and the head",
			finalized.Number, safe.Number, head.Number)
	}
	if _, err := w.TaggedHead(ctx, "latest"); err == nil || !strings.Contains(err.Error(), `block tag "latest": want finalized or safe`) {
		t.Errorf("TaggedHead(latest): %v, want a refusal", err)
	}
}
