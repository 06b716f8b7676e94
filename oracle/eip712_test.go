package oracle

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethmath "github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// The type hashes as the contract declares them, computed outside Go
// (cast keccak "<type string>"), so a change to a type string is caught.
func TestTypeHashes(t *testing.T) {
	tests := []struct {
		name string
		got  common.Hash
		want string
	}{
		{"DomainTypeHash", DomainTypeHash, "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"},
		{"UpdateTypeHash", UpdateTypeHash, "0x0fc8227524a294000f64316f02323e8b0516d0927d7d5d67df038d0aec736486"},
		{"BatchTypeHash", BatchTypeHash, "0x1752b7e04aab29440d0a8797146e3ae8bec43be51c10ffd4b6b095489d27ffb1"},
		{"domainTypeHash", domainTypeHash, "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"},
		{"updateTypeHash", updateTypeHash, "0x0fc8227524a294000f64316f02323e8b0516d0927d7d5d67df038d0aec736486"},
		{"batchTypeHash", batchTypeHash, "0x1752b7e04aab29440d0a8797146e3ae8bec43be51c10ffd4b6b095489d27ffb1"},
	}
	for _, tt := range tests {
		if tt.got.Hex() != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, tt.got.Hex(), tt.want)
		}
	}
	// The typed data a wallet sees must encode to the same types.
	td := TypedData(NewDomain(big.NewInt(1), common.Address{}), nil)
	if got := string(td.EncodeType("Batch")); got != BatchType {
		t.Errorf("TypedData encodes Batch as %q, want %q", got, BatchType)
	}
	if got := string(td.EncodeType("EIP712Domain")); got != DomainType {
		t.Errorf("TypedData encodes EIP712Domain as %q, want %q", got, DomainType)
	}
}

// Golden values: a change to any of them means deployed contracts reject what the
// gateway signs. The separator and digest come from go-ethereum's apitypes path; the
// signature was made by foundry's cast 1.7.1, whose EIP-712 encoder (alloy) shares no
// code with go-ethereum, from the JSON TestTypedDataJSON prints:
//
//	cast wallet sign --private-key 0x$goldenKey --data --from-file batch.json
//
// goldenKey is the first well-known anvil development key, never a real one.
var (
	goldenKey       = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
	goldenDomain    = NewDomain(big.NewInt(56), common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
	goldenSeparator = "0x2375324aeaa06055c5b63f9e13ebb216a3cf1c98a20e71559aad0d6509c559e0"
	goldenDigest    = "0xeabfd4e1851f3292c04ebe3833fe2b8559ef49beab4174275c6e0ca501c6c699"
	goldenSignature = "0xa8423b9a14076e0518d19f2f64995b990afbfb981ed0a4138b199cceabb405a71c27198f4afda50733f75d94813bec10ed4125a53802f893dd14c55b57c3fa6c1c"
)

func goldenUpdates() []Update {
	return []Update{
		{TopicID: 7, Value: mustBig("3012500000000000000000"), BlockHeight: 123456, LossBlockHeight: 123416, Timestamp: 1_700_000_000},
		{TopicID: 42, Value: mustBig("-250000000000000000"), BlockHeight: math.MaxUint64, LossBlockHeight: math.MaxUint64, Timestamp: math.MaxUint64},
		{TopicID: math.MaxUint64, Value: mustBig(minInt160Str), BlockHeight: 1, Timestamp: 1},
		{TopicID: 1, Value: mustBig(maxInt160Str), BlockHeight: 2, LossBlockHeight: 1, Timestamp: 3},
	}
}

func TestGoldenDigest(t *testing.T) {
	updates := goldenUpdates()
	if got := goldenDomain.Separator().Hex(); got != goldenSeparator {
		t.Errorf("Separator = %s, want %s", got, goldenSeparator)
	}
	digest := BatchDigest(goldenDomain, updates)
	if digest.Hex() != goldenDigest {
		t.Errorf("BatchDigest = %s, want %s", digest.Hex(), goldenDigest)
	}

	key, err := crypto.HexToECDSA(goldenKey)
	if err != nil {
		t.Fatal(err)
	}
	signer := NewKeySigner(key)
	addr, err := RecoverSigner(digest, common.FromHex(goldenSignature))
	if err != nil {
		t.Fatalf("RecoverSigner(golden signature): %v", err)
	}
	if addr != signer.Address() {
		t.Errorf("golden signature recovers to %s, want %s", addr, signer.Address())
	}
	// Both sides use RFC 6979 nonces, so the signatures agree byte for byte.
	sig, err := signer.Sign(t.Context(), digest)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%#x", sig); got != goldenSignature {
		t.Errorf("KeySigner signature = %s, want %s", got, goldenSignature)
	}
}

// TestTypedDataJSON checks the wallet JSON of the golden batch and prints it, to
// refresh the golden values with an outside signer:
//
//	go test ./oracle -run TestTypedDataJSON -v
func TestTypedDataJSON(t *testing.T) {
	raw := TypedDataJSON(goldenDomain, goldenUpdates())
	var generic map[string]any
	if err := json.Unmarshal(raw, &generic); err != nil {
		t.Fatal(err)
	}
	domain := generic["domain"].(map[string]any)
	if _, ok := domain["salt"]; ok {
		t.Errorf("domain has a salt key: %s", raw)
	}
	if got, ok := domain["chainId"].(float64); !ok || got != 56 {
		t.Errorf("domain chainId = %#v, want the number 56", domain["chainId"])
	}
	var decoded apitypes.TypedData
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatal(err)
	}
	if got, want := apitypesDigest(t, decoded).Hex(), goldenDigest; got != want {
		t.Errorf("digest of the wallet JSON = %s, want %s", got, want)
	}
	t.Logf("%s", raw)
}

// apitypesDigest hashes typed data the way go-ethereum's clef and wallets do.
func apitypesDigest(t *testing.T, td apitypes.TypedData) common.Hash {
	t.Helper()
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatalf("apitypes.TypedDataAndHash: %v", err)
	}
	return common.BytesToHash(h)
}

func TestBatchDigestMatchesTypedData(t *testing.T) {
	rng := rand.New(rand.NewPCG(712, 1))
	maxU256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	domains := []Domain{
		goldenDomain,
		NewDomain(big.NewInt(324), common.HexToAddress("0x00000000000000000000000000000000000000ff")),
		NewDomain(big.NewInt(146), common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff")),
		NewDomain(maxU256, common.Address{}),
		{Name: "Other", Version: "2", ChainID: big.NewInt(1), VerifyingContract: common.HexToAddress("0x01")},
	}
	batches := [][]Update{
		nil, // empty batches have a defined digest too
		{{TopicID: 1, Value: big.NewInt(0), BlockHeight: 1, Timestamp: 1}},
		{{TopicID: 1, Value: big.NewInt(-1), BlockHeight: 1, Timestamp: 1}},
		{{TopicID: 0, Value: big.NewInt(0), BlockHeight: 0, Timestamp: 0}},
		{{TopicID: math.MaxUint64, Value: mustBig(maxInt256Str), BlockHeight: math.MaxUint64, Timestamp: math.MaxUint64}},
		{{TopicID: math.MaxUint64, Value: mustBig(minInt256Str), BlockHeight: math.MaxUint64, Timestamp: math.MaxUint64}},
		{{TopicID: 1 << 63, Value: mustBig("-57896044618658097711785492504343953926634992332820282019728792003956564819967"), BlockHeight: 1<<53 + 1, Timestamp: 1<<53 + 1}},
		goldenUpdates(),
	}
	for range 50 {
		batches = append(batches, randomBatch(rng, 1+rng.IntN(20)))
	}
	for di, d := range domains {
		for bi, updates := range batches {
			td := TypedData(d, updates)
			want := apitypesDigest(t, td)
			if got := BatchDigest(d, updates); got != want {
				t.Errorf("domain %d batch %d: BatchDigest = %s, apitypes = %s", di, bi, got, want)
			}

			// JSON, ours for wallets and apitypes' own, must hash the same after decoding.
			plain, err := json.Marshal(td)
			if err != nil {
				t.Fatal(err)
			}
			for _, raw := range [][]byte{TypedDataJSON(d, updates), plain} {
				var decoded apitypes.TypedData
				if err := json.Unmarshal(raw, &decoded); err != nil {
					t.Fatal(err)
				}
				if got := apitypesDigest(t, decoded); got != want {
					t.Errorf("domain %d batch %d: digest after JSON round trip = %s, want %s\n%s", di, bi, got, want, raw)
				}
			}
		}
		td := TypedData(d, nil)
		sep, err := td.HashStruct("EIP712Domain", td.Domain.Map())
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Separator(); got != common.BytesToHash(sep) {
			t.Errorf("domain %d: Separator = %s, apitypes = %s", di, got, sep)
		}
	}
}

func TestBatchDigestBindsEverything(t *testing.T) {
	updates := goldenUpdates()
	base := BatchDigest(goldenDomain, updates)

	otherChain := NewDomain(big.NewInt(146), goldenDomain.VerifyingContract)
	otherContract := NewDomain(goldenDomain.ChainID, common.HexToAddress("0x01"))
	swapped := []Update{updates[1], updates[0], updates[2], updates[3]}
	changed := goldenUpdates()
	changed[0].Value = new(big.Int).Add(changed[0].Value, big.NewInt(1))
	cases := map[string]common.Hash{
		"other chain":    BatchDigest(otherChain, updates),
		"other contract": BatchDigest(otherContract, updates),
		"other order":    BatchDigest(goldenDomain, swapped),
		"fewer updates":  BatchDigest(goldenDomain, updates[:3]),
		"value + 1 wei":  BatchDigest(goldenDomain, changed),
	}
	for name, got := range cases {
		if got == base {
			t.Errorf("%s: same digest as the golden batch", name)
		}
	}
	if got := BatchHash(nil); got != crypto.Keccak256Hash(batchTypeHash[:], crypto.Keccak256(nil)) {
		t.Errorf("BatchHash(nil) = %s, want keccak256(BATCH_TYPEHASH ‖ keccak256(\"\"))", got)
	}
}

func TestNewDomainCopiesChainID(t *testing.T) {
	id := big.NewInt(56)
	d := NewDomain(id, common.Address{})
	id.SetInt64(1)
	if d.ChainID.Int64() != 56 || d.Name != DomainName || d.Version != DomainVersion {
		t.Errorf("NewDomain = %+v", d)
	}
}

func TestPutWord256(t *testing.T) {
	values := []string{
		"0", "1", "-1", "255", "-256", "18446744073709551615", "-18446744073709551616",
		maxInt256Str, minInt256Str, "3012500000000000000000", "-3012500000000000000000",
	}
	for _, s := range values {
		v := mustBig(s)
		var got [32]byte
		putWord256(got[:], v)
		want := gethmath.U256Bytes(new(big.Int).Set(v))
		if string(got[:]) != string(want) {
			t.Errorf("putWord256(%s) = %x, want %x", s, got, want)
		}
	}
	var got [32]byte
	got[0] = 1
	putWord256(got[:], nil)
	if got != ([32]byte{}) {
		t.Errorf("putWord256(nil) = %x, want zero", got)
	}
}

func randomBatch(rng *rand.Rand, n int) []Update {
	updates := make([]Update, n)
	for i := range updates {
		var b [32]byte
		for j := 0; j < len(b); j += 8 {
			binary.BigEndian.PutUint64(b[j:], rng.Uint64())
		}
		// Uniform in [0, 2^255), then shortened to a random length so that small
		// magnitudes are as common as huge ones.
		v := new(big.Int).SetBytes(b[:])
		v.Rsh(v, 1+uint(rng.IntN(255)))
		if rng.IntN(2) == 0 {
			v.Neg(v)
		}
		updates[i] = Update{TopicID: rng.Uint64(), Value: v, BlockHeight: rng.Uint64(), Timestamp: rng.Uint64()}
	}
	return updates
}

func mustBig(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("bad integer " + s)
	}
	return v
}

func benchUpdates(n int) []Update {
	return randomBatch(rand.New(rand.NewPCG(1, 2)), n)
}

func BenchmarkBatchDigest(b *testing.B) {
	for _, n := range []int{10, 100} {
		updates := benchUpdates(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				BatchDigest(goldenDomain, updates)
			}
		})
	}
}

// BenchmarkTypedDataAndHash is the reflective go-ethereum path BatchDigest replaces,
// for comparison.
func BenchmarkTypedDataAndHash(b *testing.B) {
	for _, n := range []int{10, 100} {
		updates := benchUpdates(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := apitypes.TypedDataAndHash(TypedData(goldenDomain, updates)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
