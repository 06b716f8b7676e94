package keys_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/allora-gateway/allora-gateway/relayer/keys/kmstest"
)

// TestKMSSigner signs with a secp256k1 key created in the KMS emulator through the AWS
// SDK: every signature recovers, as the contract recovers it, to the address derived
// from the key's public key, with a low s, whichever half KMS answered.
func TestKMSSigner(t *testing.T) {
	srv := kmstest.Start(t)
	k := srv.CreateKey(t)
	ctx := context.Background()
	s, err := keys.NewKMSSigner(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	if s.Address() == (common.Address{}) || s.KeyID() != k.KeyID {
		t.Fatalf("signer %s of key %s, want an address for %s", s.Address(), s.KeyID(), k.KeyID)
	}
	again, err := keys.NewKMSSigner(ctx, k)
	if err != nil || again.Address() != s.Address() {
		t.Fatalf("the same key read again: %v, %v; want %s", again, err, s.Address())
	}
	halfN := new(big.Int).Rsh(crypto.S256().Params().N, 1)
	vs := map[byte]int{}
	for i := range 24 {
		digest := crypto.Keccak256Hash([]byte("batch"), big.NewInt(int64(i)).Bytes())
		sig, err := s.Sign(ctx, digest)
		if err != nil {
			t.Fatalf("sign %d: %v", i, err)
		}
		got, err := oracle.RecoverSigner(digest, sig)
		if err != nil || got != s.Address() {
			t.Fatalf("signature %d recovers to %s (%v), want %s", i, got, err, s.Address())
		}
		if new(big.Int).SetBytes(sig[32:64]).Cmp(halfN) > 0 {
			t.Fatalf("signature %d has a high s", i)
		}
		vs[sig[64]]++
	}
	t.Logf("recovery ids over 24 KMS signatures: %v", vs)

	other, err := keys.NewKMSSigner(ctx, srv.CreateKey(t))
	if err != nil || other.Address() == s.Address() {
		t.Fatalf("a second key: %v (%v), want an address of its own", other, err)
	}
}

// TestKMSSignerRefusesOtherKeys refuses a KMS key that is not secp256k1, and fails
// clearly for a key KMS does not have.
func TestKMSSignerRefusesOtherKeys(t *testing.T) {
	srv := kmstest.Start(t)
	ctx := context.Background()
	if _, err := keys.NewKMSSigner(ctx, srv.CreateKeyOfSpec(t, kmstypes.KeySpecEccNistP256)); !errors.Is(err, keys.ErrKMSKeySpec) {
		t.Errorf("a P-256 key: %v, want ErrKMSKeySpec", err)
	}
	missing := srv.CreateKey(t)
	missing.KeyID = "00000000-0000-0000-0000-000000000000"
	if _, err := keys.NewKMSSigner(ctx, missing); err == nil {
		t.Error("a key KMS does not have: no error")
	}
}
