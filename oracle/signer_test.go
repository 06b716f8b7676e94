package oracle

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// testKey returns a fixed key, different for each i.
func testKey(t testing.TB, i int) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("oracle test key %d", i))))
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func testSigners(t testing.TB, n int) []Signer {
	signers := make([]Signer, n)
	for i := range signers {
		signers[i] = NewKeySigner(testKey(t, i))
	}
	return signers
}

// fakeSigner signs with key but can claim another address or damage its signatures.
type fakeSigner struct {
	key    *ecdsa.PrivateKey
	addr   common.Address
	mangle func([]byte) []byte
	err    error
	block  bool // wait for the context to end before answering
}

func (f *fakeSigner) Address() common.Address { return f.addr }

func (f *fakeSigner) Sign(ctx context.Context, digest common.Hash) ([]byte, error) {
	if f.block {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	if f.err != nil {
		return nil, f.err
	}
	sig, err := NewKeySigner(f.key).Sign(ctx, digest)
	if err != nil {
		return nil, err
	}
	if f.mangle != nil {
		sig = f.mangle(sig)
	}
	return sig, nil
}

// malleate turns a valid low-s signature into the equally valid high-s one, (r, n-s)
// with the recovery bit flipped.
func malleate(sig []byte) []byte {
	out := slices.Clone(sig)
	s := new(big.Int).SetBytes(out[32:64])
	s.Sub(crypto.S256().Params().N, s)
	s.FillBytes(out[32:64])
	out[64] ^= 27 ^ 28
	return out
}

func TestSignBatchOrdersSignatures(t *testing.T) {
	signers := testSigners(t, 7)
	updates := goldenUpdates()
	digest := BatchDigest(goldenDomain, updates)

	sigs, err := SignBatch(t.Context(), goldenDomain, updates, signers)
	if err != nil {
		t.Fatal(err)
	}
	if len(sigs) != len(signers) {
		t.Fatalf("got %d signatures, want %d", len(sigs), len(signers))
	}
	want := make(map[common.Address]bool)
	for _, s := range signers {
		want[s.Address()] = true
	}
	var prev common.Address
	for i, sig := range sigs {
		if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
			t.Fatalf("signature %d = %x, want 65 bytes ending in 27 or 28", i, sig)
		}
		addr, err := RecoverSigner(digest, sig)
		if err != nil {
			t.Fatalf("signature %d: %v", i, err)
		}
		if !want[addr] {
			t.Errorf("signature %d recovers to %s, not one of the signers", i, addr)
		}
		delete(want, addr)
		if i > 0 && bytes.Compare(prev[:], addr[:]) >= 0 {
			t.Errorf("signature %d by %s does not come after %s", i, addr, prev)
		}
		prev = addr
	}
	if len(want) != 0 {
		t.Errorf("no signature from %v", want)
	}

	// The order does not depend on the order signers are given in.
	reversed := slices.Clone(signers)
	slices.Reverse(reversed)
	again, err := SignBatch(t.Context(), goldenDomain, updates, reversed)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(sigs, again, bytes.Equal) {
		t.Error("signatures differ when the signers are given in reverse order")
	}
}

func TestSignBatchErrors(t *testing.T) {
	updates := goldenUpdates()
	key0, key1 := testKey(t, 0), testKey(t, 1)
	good := NewKeySigner(key0)
	other := NewKeySigner(key1)
	errSignerDown := errors.New("co-signer unreachable")

	tooBig := goldenUpdates()
	tooBig[1].Value = new(big.Int).Add(MaxValue, big.NewInt(1))
	nilValue := goldenUpdates()
	nilValue[2].Value = nil

	tests := []struct {
		name    string
		updates []Update
		signers []Signer
		err     error
	}{
		{"no updates", nil, []Signer{good}, ErrEmptyBatch},
		{"value above the oracle's int160", tooBig, []Signer{good}, ErrInvalidValue},
		{"nil value", nilValue, []Signer{good}, ErrInvalidValue},
		{"no signers", updates, nil, ErrNoSigners},
		{"duplicate signer", updates, []Signer{good, other, NewKeySigner(key0)}, ErrDuplicateSigner},
		{"claims another address", updates, []Signer{good, &fakeSigner{key: key1, addr: common.HexToAddress("0x01")}}, ErrSignerMismatch},
		{"v 0 or 1", updates, []Signer{&fakeSigner{key: key1, addr: other.Address(), mangle: func(s []byte) []byte { s[64] -= 27; return s }}}, ErrSignatureV},
		{"high s", updates, []Signer{&fakeSigner{key: key1, addr: other.Address(), mangle: malleate}}, ErrSignatureHighS},
		{"short signature", updates, []Signer{&fakeSigner{key: key1, addr: other.Address(), mangle: func(s []byte) []byte { return s[:64] }}}, ErrSignatureLength},
		{"signer fails", updates, []Signer{good, &fakeSigner{addr: common.HexToAddress("0x02"), err: errSignerDown}}, errSignerDown},
		// A failure cancels the signers still waiting rather than hanging.
		{"failure cancels the rest", updates, []Signer{&fakeSigner{addr: common.HexToAddress("0x03"), block: true}, &fakeSigner{addr: common.HexToAddress("0x04"), err: errSignerDown}}, errSignerDown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sigs, err := SignBatch(t.Context(), goldenDomain, tt.updates, tt.signers)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if sigs != nil {
				t.Errorf("signatures %x with an error", sigs)
			}
		})
	}
}

func TestKeySignerHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := NewKeySigner(testKey(t, 0)).Sign(ctx, common.Hash{1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Sign with a cancelled context: error = %v, want context.Canceled", err)
	}
	if _, err := SignBatch(ctx, goldenDomain, goldenUpdates(), testSigners(t, 2)); !errors.Is(err, context.Canceled) {
		t.Errorf("SignBatch with a cancelled context: error = %v, want context.Canceled", err)
	}
}

func TestRecoverSigner(t *testing.T) {
	signer := NewKeySigner(testKey(t, 3))
	digest := BatchDigest(goldenDomain, goldenUpdates())
	sig, err := signer.Sign(t.Context(), digest)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := RecoverSigner(digest, sig); err != nil || got != signer.Address() {
		t.Fatalf("RecoverSigner = %s, %v; want %s", got, err, signer.Address())
	}

	// The malleated signature is one go-ethereum's ecrecover accepts for the same key,
	// so only the explicit low-s rule stands between it and a second valid encoding.
	high := malleate(sig)
	raw := slices.Clone(high)
	raw[64] -= 27
	pub, err := crypto.Ecrecover(digest[:], raw)
	if err != nil {
		t.Fatalf("ecrecover of the high-s signature: %v", err)
	}
	if got := common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]); got != signer.Address() {
		t.Fatalf("high-s signature recovers to %s, want %s", got, signer.Address())
	}

	withR := func(r *big.Int) []byte {
		out := slices.Clone(sig)
		r.FillBytes(out[0:32])
		return out
	}
	withV := func(v byte) []byte {
		out := slices.Clone(sig)
		out[64] = v
		return out
	}
	zeroS := slices.Clone(sig)
	clear(zeroS[32:64])

	tests := []struct {
		name string
		sig  []byte
		err  error
	}{
		{"high s", high, ErrSignatureHighS},
		{"empty", nil, ErrSignatureLength},
		{"64 bytes", sig[:64], ErrSignatureLength},
		{"66 bytes", append(slices.Clone(sig), 0), ErrSignatureLength},
		{"v 0", withV(0), ErrSignatureV},
		{"v 1", withV(1), ErrSignatureV},
		{"v 29", withV(29), ErrSignatureV},
		{"r zero", withR(new(big.Int)), ErrInvalidSignature},
		{"r at the curve order", withR(crypto.S256().Params().N), ErrInvalidSignature},
		{"s zero", zeroS, ErrInvalidSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr, err := RecoverSigner(digest, tt.sig)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if addr != (common.Address{}) {
				t.Errorf("address %s with an error", addr)
			}
		})
	}
}

// Every signature KeySigner makes is in the form RecoverSigner and the contract accept.
func TestKeySignerLowS(t *testing.T) {
	signer := NewKeySigner(testKey(t, 5))
	for i := range 200 {
		digest := crypto.Keccak256Hash([]byte{byte(i), byte(i >> 8)})
		sig, err := signer.Sign(t.Context(), digest)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := RecoverSigner(digest, sig); err != nil || got != signer.Address() {
			t.Fatalf("digest %d: RecoverSigner = %s, %v", i, got, err)
		}
	}
}

func TestCompactSignature(t *testing.T) {
	digest := BatchDigest(goldenDomain, goldenUpdates())
	// Enough keys that both recovery bits occur.
	seenV := map[byte]bool{}
	for i := range 8 {
		signer := NewKeySigner(testKey(t, i))
		sig, err := signer.Sign(t.Context(), digest)
		if err != nil {
			t.Fatal(err)
		}
		r, vs, err := CompactSignature(sig)
		if err != nil {
			t.Fatalf("key %d: CompactSignature: %v", i, err)
		}
		seenV[sig[64]] = true
		// Expand back as the contract does: v from the top bit, s from the rest.
		v := vs[0] >> 7
		s := vs
		s[0] &= 0x7f
		full := append(append(append([]byte{}, r[:]...), s[:]...), v+27)
		if !bytes.Equal(full, sig) {
			t.Errorf("key %d: compact form does not expand to the signature:\n%x\n%x", i, full, sig)
		}
	}
	if !seenV[27] || !seenV[28] {
		t.Errorf("recovery bits seen %v, want both 27 and 28 exercised", seenV)
	}

	sig, err := NewKeySigner(testKey(t, 0)).Sign(t.Context(), digest)
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name string
		sig  []byte
		want error
	}{
		{"64 bytes", sig[:64], ErrSignatureLength},
		{"v 1", append(slices.Clone(sig[:64]), 1), ErrSignatureV},
		{"high s", malleate(sig), ErrSignatureHighS},
	}
	for _, b := range bad {
		if _, _, err := CompactSignature(b.sig); !errors.Is(err, b.want) {
			t.Errorf("%s: CompactSignature error = %v, want %v", b.name, err, b.want)
		}
	}
}
