package oracle

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/errgroup"
)

// SignatureLen is the length of a signature in the r ‖ s ‖ v form the contract takes.
const SignatureLen = 65

// Errors of SignBatch and RecoverSigner.
var (
	// ErrEmptyBatch means a batch to sign holds no update.
	ErrEmptyBatch = errors.New("batch has no updates")
	// ErrNoSigners means SignBatch was given no signer.
	ErrNoSigners = errors.New("no signers")
	// ErrDuplicateSigner means two signers share an address; the contract rejects a
	// batch that counts one signer twice.
	ErrDuplicateSigner = errors.New("duplicate signer address")
	// ErrSignerMismatch means a signer returned a signature that does not recover to
	// its own address.
	ErrSignerMismatch = errors.New("signature does not recover to the signer's address")
	// ErrSignatureLength means a signature is not SignatureLen bytes long.
	ErrSignatureLength = errors.New("signature is not 65 bytes")
	// ErrSignatureV means a signature's recovery byte v is neither 27 nor 28.
	ErrSignatureV = errors.New("signature v is not 27 or 28")
	// ErrSignatureHighS means a signature's s lies in the upper half of the curve order.
	// For every valid signature (r, s) the pair (r, n-s) is valid too; the contract
	// accepts only the low-s form so that a signature has a single encoding.
	ErrSignatureHighS = errors.New("signature s is in the upper half (malleable)")
	// ErrInvalidSignature means a signature has r or s out of range or recovers to no key.
	ErrInvalidSignature = errors.New("invalid signature")
)

// secp256k1HalfN is half the order of secp256k1, the largest s a low-s signature has.
var secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)

// Signer signs EIP-712 digests for the AlloraOracle. Implementations may hold a key in
// memory (KeySigner), in a keystore or hardware, or ask a co-signer over the network.
type Signer interface {
	// Address is the signer's Ethereum address, as registered in the contract.
	Address() common.Address
	// Sign signs a 32-byte digest and returns the 65-byte signature r ‖ s ‖ v with
	// v 27 or 28 and s in the lower half of the curve order, the form RecoverSigner
	// and the contract accept.
	Sign(ctx context.Context, digest common.Hash) ([]byte, error)
}

// KeySigner is a Signer holding a secp256k1 private key in memory.
type KeySigner struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// NewKeySigner returns a Signer for key, which must be a secp256k1 key (as
// crypto.GenerateKey and the keystore give) and not nil. The key is kept, not copied.
func NewKeySigner(key *ecdsa.PrivateKey) *KeySigner {
	return &KeySigner{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Address returns the address of the signer's key.
func (s *KeySigner) Address() common.Address { return s.addr }

// Sign signs digest with the key. go-ethereum's signer produces low-s signatures with
// v 0 or 1; Sign moves v to 27 or 28 as ecrecover expects.
func (s *KeySigner) Sign(ctx context.Context, digest common.Hash) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(digest[:], s.key)
	if err != nil {
		return nil, fmt.Errorf("sign digest %s: %w", digest, err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	return sig, nil
}

// SignBatch has every signer sign BatchDigest(d, updates) and returns the signatures
// ordered by signer address, strictly ascending, the order the contract requires to
// detect duplicates cheaply. Signers are asked concurrently, since co-signers answer
// over the network; the first failure cancels the others.
//
// It fails if updates is empty (ErrEmptyBatch), an update's value is nil or out of the
// int256 range (ErrInvalidValue), signers is empty (ErrNoSigners), two signers share an
// address (ErrDuplicateSigner), a signer fails, or a signature does not recover to its
// signer's address under RecoverSigner's rules (ErrSignerMismatch or RecoverSigner's
// errors).
func SignBatch(ctx context.Context, d Domain, updates []Update, signers []Signer) ([][]byte, error) {
	if len(updates) == 0 {
		return nil, ErrEmptyBatch
	}
	if err := checkUpdates(updates); err != nil {
		return nil, err
	}
	if len(signers) == 0 {
		return nil, ErrNoSigners
	}
	type addressed struct {
		addr   common.Address
		signer Signer
	}
	ordered := make([]addressed, len(signers))
	for i, s := range signers {
		if s == nil {
			return nil, fmt.Errorf("signer %d is nil", i)
		}
		ordered[i] = addressed{addr: s.Address(), signer: s}
	}
	slices.SortFunc(ordered, func(a, b addressed) int { return bytes.Compare(a.addr[:], b.addr[:]) })
	for i := 1; i < len(ordered); i++ {
		if ordered[i].addr == ordered[i-1].addr {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateSigner, ordered[i].addr)
		}
	}

	digest := BatchDigest(d, updates)
	sigs := make([][]byte, len(ordered))
	g, gctx := errgroup.WithContext(ctx)
	for i, o := range ordered {
		g.Go(func() error {
			sig, err := o.signer.Sign(gctx, digest)
			if err != nil {
				return fmt.Errorf("signer %s: sign batch digest %s: %w", o.addr, digest, err)
			}
			got, err := RecoverSigner(digest, sig)
			if err != nil {
				return fmt.Errorf("signer %s: check signature: %w", o.addr, err)
			}
			if got != o.addr {
				return fmt.Errorf("signer %s: %w: recovered %s", o.addr, ErrSignerMismatch, got)
			}
			sigs[i] = slices.Clone(sig)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return sigs, nil
}

// RecoverSigner returns the address that signed digest, checking the signature as the
// contract does: exactly 65 bytes r ‖ s ‖ v (ErrSignatureLength), v 27 or 28
// (ErrSignatureV), s in the lower half of the curve order (ErrSignatureHighS), r and s
// non-zero and below the curve order (ErrInvalidSignature).
func RecoverSigner(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != SignatureLen {
		return common.Address{}, fmt.Errorf("%w: got %d bytes", ErrSignatureLength, len(sig))
	}
	v := sig[crypto.RecoveryIDOffset]
	if v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("%w: got %d", ErrSignatureV, v)
	}
	r := new(big.Int).SetBytes(sig[0:32])
	s := new(big.Int).SetBytes(sig[32:64])
	if s.Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, ErrSignatureHighS
	}
	if !crypto.ValidateSignatureValues(v-27, r, s, true) {
		return common.Address{}, fmt.Errorf("%w: r or s out of range", ErrInvalidSignature)
	}
	var raw [SignatureLen]byte
	copy(raw[:], sig)
	raw[crypto.RecoveryIDOffset] = v - 27
	pub, err := crypto.Ecrecover(digest[:], raw[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", ErrInvalidSignature, err)
	}
	return common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]), nil
}

// CompactSignatureLen is the length of a signature in the EIP-2098 form r ‖ vs.
const CompactSignatureLen = 64

// CompactSignature converts a signature in the r ‖ s ‖ v form Signer returns to the
// 64-byte EIP-2098 form the contract takes: r, and vs, which is s with the recovery bit
// (v - 27) in its top bit. It checks the form as RecoverSigner does (ErrSignatureLength,
// ErrSignatureV, ErrSignatureHighS); a low s always leaves the top bit free.
func CompactSignature(sig []byte) (r, vs [32]byte, err error) {
	if len(sig) != SignatureLen {
		return r, vs, fmt.Errorf("%w: got %d bytes", ErrSignatureLength, len(sig))
	}
	v := sig[crypto.RecoveryIDOffset]
	if v != 27 && v != 28 {
		return r, vs, fmt.Errorf("%w: got %d", ErrSignatureV, v)
	}
	if new(big.Int).SetBytes(sig[32:64]).Cmp(secp256k1HalfN) > 0 {
		return r, vs, ErrSignatureHighS
	}
	copy(r[:], sig[0:32])
	copy(vs[:], sig[32:64])
	vs[0] |= (v - 27) << 7
	return r, vs, nil
}
