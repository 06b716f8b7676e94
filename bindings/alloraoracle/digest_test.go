package alloraoracle_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
)

// toBinding converts the domain's updates to the binding's struct.
func toBinding(updates []oracle.Update) []alloraoracle.Update {
	out := make([]alloraoracle.Update, len(updates))
	for i, u := range updates {
		out[i] = alloraoracle.Update{
			TopicId: u.TopicID, Value: u.Value, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, Timestamp: u.Timestamp,
		}
	}
	return out
}

// TestBatchDigestMatchesContract checks that the digest the gateway signs, computed in Go
// by package oracle, is the one the contract verifies, on two chains so the chain id is
// known to be part of it.
func TestBatchDigestMatchesContract(t *testing.T) {
	minInt256 := new(big.Int).Neg(math.BigPow(2, 255))
	maxInt256 := new(big.Int).Sub(math.BigPow(2, 255), big.NewInt(1))
	many := make([]oracle.Update, 40)
	for i := range many {
		v := eth(int64(i)*1000+7, int64(i))
		if i%3 == 0 {
			v.Neg(v)
		}
		many[i] = oracle.Update{
			TopicID: uint64(i + 1), Value: v, BlockHeight: uint64(5_000_000 + i), LossBlockHeight: uint64(4_999_960 + i), Timestamp: uint64(1_750_000_000 + i),
		}
	}
	batches := []struct {
		name    string
		updates []oracle.Update
	}{
		{"one update", []oracle.Update{{TopicID: 13, Value: eth(3001, 999_999_999_999_999_999), BlockHeight: 4_512_345, Timestamp: 1_750_000_000}}},
		{"zero value", []oracle.Update{{TopicID: 1, Value: big.NewInt(0), BlockHeight: 1, Timestamp: 1}}},
		{"negative values", []oracle.Update{
			{TopicID: 13, Value: big.NewInt(-1), BlockHeight: 10, Timestamp: 1_750_000_000},
			{TopicID: 14, Value: new(big.Int).Neg(eth(42, 5)), BlockHeight: 11, Timestamp: 1_750_000_001},
		}},
		{"int256 extremes", []oracle.Update{
			{TopicID: 1, Value: maxInt256, BlockHeight: 1, Timestamp: 1},
			{TopicID: 2, Value: minInt256, BlockHeight: 2, Timestamp: 2},
		}},
		{"uint64 extremes", []oracle.Update{
			{TopicID: ^uint64(0), Value: big.NewInt(1), BlockHeight: ^uint64(0), LossBlockHeight: ^uint64(0), Timestamp: ^uint64(0)},
			{TopicID: 0, Value: big.NewInt(1), BlockHeight: 0, Timestamp: 0},
		}},
		{"same topic twice", []oracle.Update{
			{TopicID: 7, Value: big.NewInt(1), BlockHeight: 1, Timestamp: 1},
			{TopicID: 7, Value: big.NewInt(1), BlockHeight: 1, Timestamp: 1},
		}},
		{"many updates", many},
	}

	for _, chainID := range []int64{1337, 56} {
		f := newFixture(t, chainID, 1, 1)
		domain := oracle.NewDomain(f.chainID, f.address)
		seen := make(map[common.Hash]string)
		for _, b := range batches {
			got := oracle.BatchDigest(domain, b.updates)
			want := f.hashBatch(toBinding(b.updates))
			if got != want {
				t.Errorf("chain %d, %s: oracle.BatchDigest = %s, contract hashBatch = %s", chainID, b.name, got, want)
			}
			if other, dup := seen[got]; dup {
				t.Errorf("chain %d: %s and %s share digest %s", chainID, b.name, other, got)
			}
			seen[got] = b.name
		}

		// The domain binds the digest to this contract on this chain.
		elsewhere := oracle.BatchDigest(oracle.NewDomain(big.NewInt(chainID+1), f.address), batches[0].updates)
		otherContract := oracle.BatchDigest(oracle.NewDomain(f.chainID, common.Address{1}), batches[0].updates)
		if want := f.hashBatch(toBinding(batches[0].updates)); elsewhere == want || otherContract == want {
			t.Errorf("chain %d: digest does not depend on the domain's chain id and contract", chainID)
		}
	}
}

// TestSignBatchAcceptedByContract submits batches signed by oracle.SignBatch, with the
// signers handed over in no particular order, as PackUpdateBatch packs them, and checks
// the contract applies exactly the updates packed.
func TestSignBatchAcceptedByContract(t *testing.T) {
	f := newFixture(t, 56, 3, 2)
	domain := oracle.NewDomain(f.chainID, f.address)
	keySigners := func(keys ...*ecdsa.PrivateKey) []oracle.Signer {
		out := make([]oracle.Signer, len(keys))
		for i, k := range keys {
			out[i] = oracle.NewKeySigner(k)
		}
		return out
	}

	now := f.now()
	cases := []struct {
		name    string
		signers []oracle.Signer
		updates []oracle.Update
	}{
		{
			name:    "two of three, given descending",
			signers: keySigners(f.keys[2], f.keys[0]),
			updates: []oracle.Update{{TopicID: 13, Value: eth(3001, 25), BlockHeight: 100, Timestamp: now - 5}},
		},
		{
			name:    "all three, shuffled",
			signers: keySigners(f.keys[1], f.keys[2], f.keys[0]),
			updates: []oracle.Update{
				{TopicID: 13, Value: new(big.Int).Neg(eth(7, 1)), BlockHeight: 101, Timestamp: now - 4},
				{TopicID: 14, Value: eth(65000, 0), BlockHeight: 101, Timestamp: now - 4},
			},
		},
	}
	for _, c := range cases {
		sigs, err := oracle.SignBatch(context.Background(), domain, c.updates, c.signers)
		if err != nil {
			t.Fatalf("%s: SignBatch: %v", c.name, err)
		}
		if len(sigs) != len(c.signers) {
			t.Fatalf("%s: SignBatch returned %d signatures for %d signers", c.name, len(sigs), len(c.signers))
		}
		// The bytes the relayer and pull mode send, as PackUpdateBatch packs them.
		calldata, err := alloraoracle.PackUpdateBatch(c.updates, sigs)
		if err != nil {
			t.Fatalf("%s: PackUpdateBatch: %v", c.name, err)
		}
		receipt, err := f.send(calldata)
		if err != nil {
			t.Fatalf("%s: updateBatch rejected SignBatch's signatures: %#v (%v)", c.name, f.contractError(err), err)
		}
		if len(receipt.Logs) != len(c.updates) {
			t.Fatalf("%s: %d logs, want %d TopicUpdated", c.name, len(receipt.Logs), len(c.updates))
		}
		for i, l := range receipt.Logs {
			ev, err := f.oracle.UnpackTopicUpdatedEvent(l)
			if err != nil {
				t.Fatalf("%s: log %d is not TopicUpdated: %v", c.name, i, err)
			}
			u := c.updates[i]
			value, timestamp, height, loss := alloraoracle.DecodeState(ev.State)
			if ev.TopicId != u.TopicID || value.Cmp(u.Value) != 0 || height != u.BlockHeight || loss != u.LossBlockHeight || timestamp != u.Timestamp {
				t.Errorf("%s: TopicUpdated = %+v, want %+v", c.name, ev, u)
			}
		}
	}
}
