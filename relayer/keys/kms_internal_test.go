package keys

import (
	"encoding/asn1"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// TestEthereumSignature turns the DER signatures KMS may answer, with s in either half
// of the curve order, into the one low-s form the contract takes, with the recovery id
// that recovers the key.
func TestEthereumSignature(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	other, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	pub := crypto.FromECDSAPub(&key.PublicKey)
	der := func(r, s *big.Int) []byte {
		b, err := asn1.Marshal(struct{ R, S *big.Int }{r, s})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	seenV := map[byte]bool{}
	for i := range 32 {
		digest := crypto.Keccak256Hash([]byte{byte(i)})
		want, err := crypto.Sign(digest[:], key) // low s, v 0 or 1
		if err != nil {
			t.Fatal(err)
		}
		want[64] += 27
		seenV[want[64]] = true
		r, s := new(big.Int).SetBytes(want[:32]), new(big.Int).SetBytes(want[32:64])
		highS := new(big.Int).Sub(secp256k1N, s)
		for name, d := range map[string][]byte{"low s": der(r, s), "high s": der(r, highS)} {
			got, err := ethereumSignature(digest, d, pub)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if string(got) != string(want) {
				t.Fatalf("%s: got %x, want %x", name, got, want)
			}
			if addr, err := oracle.RecoverSigner(digest, got); err != nil || addr != crypto.PubkeyToAddress(key.PublicKey) {
				t.Fatalf("%s: recovers to %s (%v)", name, addr, err)
			}
		}
		if _, err := ethereumSignature(digest, der(r, s), crypto.FromECDSAPub(&other.PublicKey)); !errors.Is(err, ErrKMSSignature) {
			t.Fatalf("a signature by another key: %v, want ErrKMSSignature", err)
		}
	}
	if !seenV[27] || !seenV[28] {
		t.Errorf("recovery ids seen %v: want both 27 and 28 among 32 signatures", seenV)
	}

	digest := common.Hash{1}
	for name, d := range map[string][]byte{
		"not DER":   {0x30, 0x01},
		"trailing":  append(der(big.NewInt(1), big.NewInt(1)), 0),
		"zero r":    der(big.NewInt(0), big.NewInt(1)),
		"s above n": der(big.NewInt(1), new(big.Int).Add(secp256k1N, big.NewInt(1))),
	} {
		if _, err := ethereumSignature(digest, d, pub); !errors.Is(err, ErrKMSSignature) {
			t.Errorf("%s: %v, want ErrKMSSignature", name, err)
		}
	}
}

// TestSecp256k1FromSPKI reads a secp256k1 SubjectPublicKeyInfo as KMS answers it and
// refuses one of another curve.
func TestSecp256k1FromSPKI(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	spki := func(curve asn1.ObjectIdentifier, point []byte) []byte {
		params, _ := asn1.Marshal(curve)
		b, err := asn1.Marshal(struct {
			Algorithm struct {
				Algorithm  asn1.ObjectIdentifier
				Parameters asn1.RawValue
			}
			PublicKey asn1.BitString
		}{
			Algorithm: struct {
				Algorithm  asn1.ObjectIdentifier
				Parameters asn1.RawValue
			}{oidECPublicKey, asn1.RawValue{FullBytes: params}},
			PublicKey: asn1.BitString{Bytes: point, BitLength: 8 * len(point)},
		})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	pub, err := secp256k1FromSPKI(spki(oidSecp256k1, crypto.FromECDSAPub(&key.PublicKey)))
	if err != nil {
		t.Fatal(err)
	}
	if crypto.PubkeyToAddress(*pub) != crypto.PubkeyToAddress(key.PublicKey) {
		t.Errorf("read %s, want %s", crypto.PubkeyToAddress(*pub), crypto.PubkeyToAddress(key.PublicKey))
	}
	p256 := asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}
	if _, err := secp256k1FromSPKI(spki(p256, crypto.FromECDSAPub(&key.PublicKey))); !errors.Is(err, ErrKMSKeySpec) {
		t.Errorf("a P-256 key: %v, want ErrKMSKeySpec", err)
	}
}
