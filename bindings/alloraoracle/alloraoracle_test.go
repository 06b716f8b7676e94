package alloraoracle_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
)

const (
	maxAge        = 3600 // seconds
	maxFutureSkew = 300  // seconds

	// SkipReason values of the UpdateSkipped event.
	skipNotNewer = 0
)

// e18 is 10^18, one unit of an 18-decimal value.
var e18 = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// fixture is an AlloraOracle deployed on an in-process chain, with its signer keys.
type fixture struct {
	t        *testing.T
	ctx      context.Context
	backend  *simulated.Backend
	client   simulated.Client
	chainID  *big.Int
	owner    *bind.TransactOpts
	oracle   *alloraoracle.AlloraOracle
	contract *bind.BoundContract
	address  common.Address
	// keys are the registered signers' keys, ascending by address as the contract wants
	// their signatures.
	keys []*ecdsa.PrivateKey
}

// newFixture deploys an oracle with nSigners signers and the given threshold on a
// simulated chain with the given chain id.
func newFixture(t *testing.T, chainID int64, nSigners int, threshold uint8) *fixture {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)

	ownerKey := testKey("owner")
	ownerAddr := crypto.PubkeyToAddress(ownerKey.PublicKey)
	backend := simulated.NewBackend(
		types.GenesisAlloc{ownerAddr: {Balance: new(big.Int).Mul(big.NewInt(1000), e18)}},
		withChainID(chainID),
	)
	t.Cleanup(func() { _ = backend.Close() })
	client := backend.Client()

	id, err := client.ChainID(ctx)
	if err != nil {
		t.Fatalf("chain id: %v", err)
	}
	if id.Int64() != chainID {
		t.Fatalf("simulated chain id = %d, want %d", id, chainID)
	}
	owner := bind.NewKeyedTransactor(ownerKey, id)
	owner.Context = ctx

	keys := make([]*ecdsa.PrivateKey, nSigners)
	for i := range keys {
		keys[i] = testKey(fmt.Sprintf("signer %d", i))
	}
	slices.SortFunc(keys, func(a, b *ecdsa.PrivateKey) int {
		return bytes.Compare(crypto.PubkeyToAddress(a.PublicKey).Bytes(), crypto.PubkeyToAddress(b.PublicKey).Bytes())
	})

	oracle := alloraoracle.NewAlloraOracle()
	input := oracle.PackConstructor(ownerAddr, addresses(keys), threshold, maxAge, maxFutureSkew)
	address, tx, err := bind.DeployContract(owner, common.FromHex(alloraoracle.AlloraOracleMetaData.Bin), client, input)
	if err != nil {
		t.Fatalf("deploy AlloraOracle: %v", err)
	}
	backend.Commit()
	if _, err := bind.WaitDeployed(ctx, client, tx.Hash()); err != nil {
		t.Fatalf("wait for AlloraOracle deployment: %v", err)
	}
	return &fixture{
		t: t, ctx: ctx, backend: backend, client: client, chainID: id, owner: owner,
		oracle: oracle, contract: oracle.Instance(client, address), address: address, keys: keys,
	}
}

// withChainID makes the simulated chain use chainID instead of its default 1337.
func withChainID(chainID int64) func(*node.Config, *ethconfig.Config) {
	return func(_ *node.Config, ec *ethconfig.Config) {
		cfg := *ec.Genesis.Config
		cfg.ChainID = big.NewInt(chainID)
		ec.Genesis.Config = &cfg
		ec.NetworkId = uint64(chainID)
	}
}

// testKey derives a fixed private key from a name, so failures reproduce.
func testKey(name string) *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("alloraoracle test key: " + name)))
	if err != nil {
		panic(err)
	}
	return key
}

func addresses(keys []*ecdsa.PrivateKey) []common.Address {
	out := make([]common.Address, len(keys))
	for i, k := range keys {
		out[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	return out
}

// now is the time of the chain's latest block.
func (f *fixture) now() uint64 {
	f.t.Helper()
	head, err := f.client.HeaderByNumber(f.ctx, nil)
	if err != nil {
		f.t.Fatalf("latest header: %v", err)
	}
	return head.Time
}

// hashBatch is the contract's EIP-712 digest of a batch.
func (f *fixture) hashBatch(updates []alloraoracle.Update) common.Hash {
	f.t.Helper()
	digest, err := bind.Call(f.contract, &bind.CallOpts{Context: f.ctx}, f.oracle.PackHashBatch(updates), f.oracle.UnpackHashBatch)
	if err != nil {
		f.t.Fatalf("hashBatch: %v", err)
	}
	return digest
}

// sign has the signers at the given indexes of f.keys sign the contract's digest of the
// batch, in the order given, as 65-byte r||s||v signatures with v 27 or 28.
func (f *fixture) sign(updates []alloraoracle.Update, signers ...int) [][]byte {
	f.t.Helper()
	digest := f.hashBatch(updates)
	sigs := make([][]byte, len(signers))
	for i, s := range signers {
		sig, err := crypto.Sign(digest[:], f.keys[s])
		if err != nil {
			f.t.Fatalf("sign: %v", err)
		}
		sig[crypto.RecoveryIDOffset] += 27
		sigs[i] = sig
	}
	return sigs
}

// compact converts r ‖ s ‖ v signatures to the EIP-2098 pairs updateBatch takes.
func (f *fixture) compact(sigs [][]byte) []alloraoracle.Signature {
	f.t.Helper()
	out := make([]alloraoracle.Signature, len(sigs))
	for i, sig := range sigs {
		r, vs, err := oracle.CompactSignature(sig)
		if err != nil {
			f.t.Fatalf("signature %d: %v", i, err)
		}
		out[i] = alloraoracle.Signature{R: r, Vs: vs}
	}
	return out
}

// simulate runs updateBatch as a call and returns how many updates it would apply.
func (f *fixture) simulate(updates []alloraoracle.Update, sigs [][]byte) (*big.Int, error) {
	return bind.Call(f.contract, &bind.CallOpts{Context: f.ctx}, f.oracle.PackUpdateBatch(updates, f.compact(sigs)), f.oracle.UnpackUpdateBatch)
}

// submit sends updateBatch, mines it and returns the receipt of a successful transaction.
// A batch the contract rejects fails at gas estimation: its error is returned.
func (f *fixture) submit(updates []alloraoracle.Update, sigs [][]byte) (*types.Receipt, error) {
	f.t.Helper()
	return f.send(f.oracle.PackUpdateBatch(updates, f.compact(sigs)))
}

// send sends calldata to the oracle, mines it and returns the receipt of a successful
// transaction; a call the contract rejects fails at gas estimation with its error.
func (f *fixture) send(calldata []byte) (*types.Receipt, error) {
	f.t.Helper()
	tx, err := bind.Transact(f.contract, f.owner, calldata)
	if err != nil {
		return nil, err
	}
	f.backend.Commit()
	receipt, err := bind.WaitMined(f.ctx, f.client, tx.Hash())
	if err != nil {
		f.t.Fatalf("wait for updateBatch: %v", err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		f.t.Fatalf("updateBatch transaction %s failed", tx.Hash())
	}
	return receipt, nil
}

func (f *fixture) latest(topicID uint64) (alloraoracle.LatestOutput, error) {
	return bind.Call(f.contract, &bind.CallOpts{Context: f.ctx}, f.oracle.PackLatest(topicID), f.oracle.UnpackLatest)
}

// contractError decodes the custom error a reverted call or gas estimate carries.
func (f *fixture) contractError(err error) any {
	f.t.Helper()
	data, ok := ethclient.RevertErrorData(err)
	if !ok || len(data) < 4 {
		f.t.Fatalf("error carries no revert data: %v", err)
	}
	decoded, uerr := f.oracle.UnpackError(data)
	if uerr != nil {
		f.t.Fatalf("revert data %x is no AlloraOracle error: %v", data, uerr)
	}
	return decoded
}

func eth(units int64, fraction int64) *big.Int {
	v := new(big.Int).Mul(big.NewInt(units), e18)
	return v.Add(v, big.NewInt(fraction))
}

func TestDeployedState(t *testing.T) {
	f := newFixture(t, 1337, 3, 2)
	opts := &bind.CallOpts{Context: f.ctx}
	signers, err := bind.Call(f.contract, opts, f.oracle.PackSigners(), f.oracle.UnpackSigners)
	if err != nil {
		t.Fatalf("signers: %v", err)
	}
	if !slices.Equal(signers, addresses(f.keys)) {
		t.Errorf("signers = %v, want %v", signers, addresses(f.keys))
	}
	threshold, err := bind.Call(f.contract, opts, f.oracle.PackThreshold(), f.oracle.UnpackThreshold)
	if err != nil || threshold != 2 {
		t.Errorf("threshold = %d, %v; want 2", threshold, err)
	}
	age, err := bind.Call(f.contract, opts, f.oracle.PackMaxAge(), f.oracle.UnpackMaxAge)
	if err != nil || age != maxAge {
		t.Errorf("maxAge = %d, %v; want %d", age, err, maxAge)
	}
	skew, err := bind.Call(f.contract, opts, f.oracle.PackMaxFutureSkew(), f.oracle.UnpackMaxFutureSkew)
	if err != nil || skew != maxFutureSkew {
		t.Errorf("maxFutureSkew = %d, %v; want %d", skew, err, maxFutureSkew)
	}
	isSigner, err := bind.Call(f.contract, opts, f.oracle.PackIsSigner(f.owner.From), f.oracle.UnpackIsSigner)
	if err != nil || isSigner {
		t.Errorf("isSigner(owner) = %v, %v; want false", isSigner, err)
	}
}

func TestUpdateBatchTwoOfThree(t *testing.T) {
	f := newFixture(t, 1337, 3, 2)
	now := f.now()
	ethValue := eth(3001, 250_000_000_000_000_000) // 3001.25
	btcValue := new(big.Int).Neg(eth(2, 5))        // -2.000000000000000005
	updates := []alloraoracle.Update{
		{TopicId: 13, Value: ethValue, BlockHeight: 4_512_345, LossBlockHeight: 4_512_305, Timestamp: now - 30},
		{TopicId: 14, Value: btcValue, BlockHeight: 4_512_346, LossBlockHeight: 4_512_306, Timestamp: now - 10},
	}
	sigs := f.sign(updates, 0, 2) // any two of the three, ascending

	applied, err := f.simulate(updates, sigs)
	if err != nil || applied.Int64() != 2 {
		t.Fatalf("simulated updateBatch = %v, %v; want 2 applied", applied, err)
	}
	receipt, err := f.submit(updates, sigs)
	if err != nil {
		t.Fatalf("updateBatch: %v", err)
	}
	type appliedUpdate struct {
		topic, height, loss, timestamp uint64
		value                          *big.Int
	}
	var updated []appliedUpdate
	for _, l := range receipt.Logs {
		ev, err := f.oracle.UnpackTopicUpdatedEvent(l)
		if err != nil {
			t.Fatalf("log is not TopicUpdated: %v", err)
		}
		value, timestamp, height, loss := alloraoracle.DecodeState(ev.State)
		updated = append(updated, appliedUpdate{ev.TopicId, height, loss, timestamp, value})
	}
	if len(updated) != 2 ||
		updated[0].topic != 13 || updated[0].value.Cmp(ethValue) != 0 || updated[0].height != 4_512_345 || updated[0].loss != 4_512_305 || updated[0].timestamp != now-30 ||
		updated[1].topic != 14 || updated[1].value.Cmp(btcValue) != 0 || updated[1].height != 4_512_346 || updated[1].loss != 4_512_306 || updated[1].timestamp != now-10 {
		t.Errorf("TopicUpdated events = %+v", updated)
	}
	// The contract's own decoder agrees with DecodeState.
	ev, err := f.oracle.UnpackTopicUpdatedEvent(receipt.Logs[1])
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := bind.Call(f.contract, &bind.CallOpts{Context: f.ctx}, f.oracle.PackDecodeState(ev.State), f.oracle.UnpackDecodeState)
	if err != nil || decoded.Value.Cmp(btcValue) != 0 || decoded.Timestamp != now-10 || decoded.BlockHeight != 4_512_346 || decoded.LossBlockHeight != 4_512_306 {
		t.Errorf("decodeState = %+v, %v; want %s at %d, height 4512346", decoded, err, btcValue, now-10)
	}

	got, err := f.latest(13)
	if err != nil {
		t.Fatalf("latest(13): %v", err)
	}
	if got.Value.Cmp(ethValue) != 0 || got.Decimals != 18 || got.Timestamp != now-30 || got.BlockHeight != 4_512_345 {
		t.Errorf("latest(13) = %+v, want value %s, 18 decimals, timestamp %d, height 4512345", got, ethValue, now-30)
	}

	states, err := bind.Call(f.contract, &bind.CallOpts{Context: f.ctx},
		f.oracle.PackTopicStates([]uint64{14, 99, 13}), f.oracle.UnpackTopicStates)
	if err != nil {
		t.Fatalf("topicStates: %v", err)
	}
	if len(states) != 3 {
		t.Fatalf("topicStates returned %d states, want 3", len(states))
	}
	if states[0].Value.Cmp(btcValue) != 0 || states[0].BlockHeight != 4_512_346 || states[0].Timestamp != now-10 {
		t.Errorf("topicStates[14] = %+v", states[0])
	}
	if states[1].Value.Sign() != 0 || states[1].BlockHeight != 0 || states[1].Timestamp != 0 {
		t.Errorf("topicStates[99] = %+v, want zeros for a topic never set", states[1])
	}
	if states[2].Value.Cmp(ethValue) != 0 || states[2].BlockHeight != 4_512_345 {
		t.Errorf("topicStates[13] = %+v", states[2])
	}

	_, err = f.latest(99)
	if noData, ok := f.contractError(err).(*alloraoracle.AlloraOracleNoData); !ok || noData.TopicId != 99 {
		t.Errorf("latest(99) error = %#v, want NoData(99)", f.contractError(err))
	}
}

func TestUpdateBatchReplayIsSkipped(t *testing.T) {
	f := newFixture(t, 1337, 3, 2)
	now := f.now()
	updates := []alloraoracle.Update{
		{TopicId: 13, Value: eth(3000, 0), BlockHeight: 100, Timestamp: now},
		{TopicId: 14, Value: eth(60000, 0), BlockHeight: 101, Timestamp: now},
	}
	sigs := f.sign(updates, 0, 1)
	if _, err := f.submit(updates, sigs); err != nil {
		t.Fatalf("first updateBatch: %v", err)
	}

	// Anyone may resubmit the same signed batch; it must neither revert nor apply.
	applied, err := f.simulate(updates, sigs)
	if err != nil || applied.Sign() != 0 {
		t.Fatalf("simulated replay = %v, %v; want 0 applied", applied, err)
	}
	receipt, err := f.submit(updates, sigs)
	if err != nil {
		t.Fatalf("replayed updateBatch: %v", err)
	}
	if len(receipt.Logs) != len(updates) {
		t.Fatalf("replay emitted %d logs, want %d UpdateSkipped", len(receipt.Logs), len(updates))
	}
	for i, l := range receipt.Logs {
		ev, err := f.oracle.UnpackUpdateSkippedEvent(l)
		if err != nil {
			t.Fatalf("log %d is not UpdateSkipped: %v", i, err)
		}
		u := updates[i]
		if ev.TopicId != u.TopicId || ev.BlockHeight != u.BlockHeight || ev.StoredBlockHeight != u.BlockHeight || ev.Reason != skipNotNewer {
			t.Errorf("UpdateSkipped = %+v, want topic %d height %d stored %d reason NotNewer",
				ev, u.TopicId, u.BlockHeight, u.BlockHeight)
		}
		if _, err := f.oracle.UnpackTopicUpdatedEvent(l); !errors.Is(err, bind.ErrEventSignatureMismatch) {
			t.Errorf("UpdateSkipped log unpacked as TopicUpdated: %v", err)
		}
	}
}

func TestUpdateBatchBelowThresholdReverts(t *testing.T) {
	f := newFixture(t, 1337, 3, 2)
	updates := []alloraoracle.Update{{TopicId: 13, Value: eth(1, 0), BlockHeight: 7, Timestamp: f.now()}}

	_, err := f.submit(updates, f.sign(updates, 1))
	if err == nil {
		t.Fatal("updateBatch with 1 of 2 required signatures succeeded")
	}
	notMet, ok := f.contractError(err).(*alloraoracle.AlloraOracleThresholdNotMet)
	if !ok || notMet.Provided.Int64() != 1 || notMet.Threshold != 2 {
		t.Fatalf("updateBatch error = %#v, want ThresholdNotMet(1, 2)", f.contractError(err))
	}

	if _, err := f.latest(13); err == nil {
		t.Error("rejected batch stored topic 13")
	}
}

func TestUpdateBatchUnknownSignerReverts(t *testing.T) {
	f := newFixture(t, 1337, 3, 2)
	updates := []alloraoracle.Update{{TopicId: 13, Value: eth(1, 0), BlockHeight: 7, Timestamp: f.now()}}
	outsider := testKey("outsider")
	digest := f.hashBatch(updates)
	sigs := f.sign(updates, 0)
	sig, err := crypto.Sign(digest[:], outsider)
	if err != nil {
		t.Fatal(err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	outsiderAddr := crypto.PubkeyToAddress(outsider.PublicKey)
	if bytes.Compare(outsiderAddr.Bytes(), addresses(f.keys)[0].Bytes()) < 0 {
		sigs = [][]byte{sig, sigs[0]}
	} else {
		sigs = append(sigs, sig)
	}

	_, err = f.submit(updates, sigs)
	unknown, ok := f.contractError(err).(*alloraoracle.AlloraOracleUnknownSigner)
	if !ok || unknown.Signer != outsiderAddr {
		t.Fatalf("updateBatch error = %#v, want UnknownSigner(%s)", f.contractError(err), outsiderAddr)
	}
}
