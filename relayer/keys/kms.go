package keys

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Errors of NewKMSSigner and KMSSigner.Sign.
var (
	// ErrKMSKeySpec means a KMS key is not a secp256k1 signing key (key spec
	// ECC_SECG_P256K1, key usage SIGN_VERIFY), the only kind an Ethereum address has.
	ErrKMSKeySpec = errors.New("KMS key is not an ECC_SECG_P256K1 SIGN_VERIFY key")
	// ErrKMSSignature means KMS answered a signature that is not a DER ECDSA signature
	// by the key's public key over the digest.
	ErrKMSSignature = errors.New("KMS answered an invalid signature")
)

// kmsCallTimeout bounds each call to KMS, so a hung connection cannot stall a push or
// a transaction; KMS answers in milliseconds.
const kmsCallTimeout = 10 * time.Second

// KMSKey names an AWS KMS asymmetric key (key spec ECC_SECG_P256K1) that signs in KMS,
// its private half never leaving it. Credentials are the AWS SDK's default chain (the
// AWS_* environment variables, the shared config and credentials files, a web
// identity token, the ECS or EC2 instance role), never part of the config.
type KMSKey struct {
	// KeyID is the key's id, ARN or alias (alias/NAME).
	KeyID string
	// Region is the key's AWS region; empty, the SDK's (AWS_REGION, the shared config).
	Region string
	// Endpoint replaces the KMS endpoint of the region, such as a VPC endpoint or a
	// KMS-compatible server in tests; empty, the region's.
	Endpoint string
}

// kmsAPI is what a KMSSigner calls; *kms.Client implements it.
type kmsAPI interface {
	GetPublicKey(ctx context.Context, in *kms.GetPublicKeyInput, opts ...func(*kms.Options)) (*kms.GetPublicKeyOutput, error)
	Sign(ctx context.Context, in *kms.SignInput, opts ...func(*kms.Options)) (*kms.SignOutput, error)
}

// KMSSigner is an oracle.Signer whose key is held by AWS KMS: the signer's address is
// derived from the key's public key, read once, and each Sign is one KMS Sign call
// (MessageType DIGEST, ECDSA_SHA_256) whose DER answer is turned into the Ethereum
// form r ‖ s ‖ v.
type KMSSigner struct {
	client kmsAPI
	keyID  string
	pub    []byte // uncompressed, 65 bytes
	addr   common.Address
}

// NewKMSSigner reads k's public key from KMS (GetPublicKey, which the caller's IAM
// policy must allow, as it must kms:Sign) and returns its signer. It fails with
// ErrKMSKeySpec when the key is not a secp256k1 signing key.
func NewKMSSigner(ctx context.Context, k KMSKey) (*KMSSigner, error) {
	var opts []func(*awsconfig.LoadOptions) error
	if k.Region != "" {
		opts = append(opts, awsconfig.WithRegion(k.Region))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("KMS key %s: load the AWS configuration: %w", k.KeyID, err)
	}
	client := kms.NewFromConfig(cfg, func(o *kms.Options) {
		if k.Endpoint != "" {
			o.BaseEndpoint = aws.String(k.Endpoint)
		}
	})
	return newKMSSigner(ctx, client, k.KeyID)
}

func newKMSSigner(ctx context.Context, client kmsAPI, keyID string) (*KMSSigner, error) {
	cctx, cancel := context.WithTimeout(ctx, kmsCallTimeout)
	defer cancel()
	out, err := client.GetPublicKey(cctx, &kms.GetPublicKeyInput{KeyId: aws.String(keyID)})
	if err != nil {
		return nil, fmt.Errorf("KMS key %s: get its public key: %w", keyID, err)
	}
	if out.KeySpec != kmstypes.KeySpecEccSecgP256k1 || out.KeyUsage != kmstypes.KeyUsageTypeSignVerify {
		return nil, fmt.Errorf("KMS key %s is %s for %s: %w", keyID, out.KeySpec, out.KeyUsage, ErrKMSKeySpec)
	}
	pub, err := secp256k1FromSPKI(out.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("KMS key %s: %w", keyID, err)
	}
	return &KMSSigner{client: client, keyID: keyID, pub: crypto.FromECDSAPub(pub), addr: crypto.PubkeyToAddress(*pub)}, nil
}

// Address is the Ethereum address of the KMS key.
func (s *KMSSigner) Address() common.Address { return s.addr }

// KeyID is the key's id, ARN or alias, as configured.
func (s *KMSSigner) KeyID() string { return s.keyID }

// Sign has KMS sign digest and returns the signature as r ‖ s ‖ v, s in the lower half
// of the curve order and v 27 or 28, the form oracle.RecoverSigner and the contract
// accept.
func (s *KMSSigner) Sign(ctx context.Context, digest common.Hash) ([]byte, error) {
	cctx, cancel := context.WithTimeout(ctx, kmsCallTimeout)
	defer cancel()
	out, err := s.client.Sign(cctx, &kms.SignInput{
		KeyId:            aws.String(s.keyID),
		Message:          digest[:],
		MessageType:      kmstypes.MessageTypeDigest,
		SigningAlgorithm: kmstypes.SigningAlgorithmSpecEcdsaSha256,
	})
	if err != nil {
		return nil, fmt.Errorf("KMS key %s: sign digest %s: %w", s.keyID, digest, err)
	}
	sig, err := ethereumSignature(digest, out.Signature, s.pub)
	if err != nil {
		return nil, fmt.Errorf("KMS key %s: sign digest %s: %w", s.keyID, digest, err)
	}
	return sig, nil
}

// Object identifiers of a secp256k1 public key's SubjectPublicKeyInfo (RFC 5480, SEC 2).
var (
	oidECPublicKey = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidSecp256k1   = asn1.ObjectIdentifier{1, 3, 132, 0, 10}
)

// secp256k1FromSPKI reads the DER SubjectPublicKeyInfo KMS answers for an
// ECC_SECG_P256K1 key. crypto/x509 knows no secp256k1, so it is read here.
func secp256k1FromSPKI(der []byte) (*ecdsa.PublicKey, error) {
	var spki struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}
	rest, err := asn1.Unmarshal(der, &spki)
	if err != nil || len(rest) != 0 {
		return nil, fmt.Errorf("public key is not a DER SubjectPublicKeyInfo: %w", errors.Join(err, trailing(rest)))
	}
	var curve asn1.ObjectIdentifier
	if !spki.Algorithm.Algorithm.Equal(oidECPublicKey) {
		return nil, fmt.Errorf("public key algorithm %s is not an EC key: %w", spki.Algorithm.Algorithm, ErrKMSKeySpec)
	}
	if _, err := asn1.Unmarshal(spki.Algorithm.Parameters.FullBytes, &curve); err != nil || !curve.Equal(oidSecp256k1) {
		return nil, fmt.Errorf("public key curve %s is not secp256k1: %w", curve, ErrKMSKeySpec)
	}
	pub, err := crypto.UnmarshalPubkey(spki.PublicKey.RightAlign())
	if err != nil {
		return nil, fmt.Errorf("public key point: %w", err)
	}
	return pub, nil
}

func trailing(rest []byte) error {
	if len(rest) == 0 {
		return nil
	}
	return fmt.Errorf("%d trailing bytes", len(rest))
}

var (
	secp256k1N     = crypto.S256().Params().N
	secp256k1HalfN = new(big.Int).Rsh(secp256k1N, 1)
)

// ethereumSignature turns a DER ECDSA signature (SEQUENCE of r and s) of digest by the
// uncompressed public key pub into r ‖ s ‖ v: s moved to the lower half of the curve
// order (n - s, as valid as s; the contract takes only the low form), and v 27 or 28,
// whichever recovers pub, since DER carries no recovery id.
func ethereumSignature(digest common.Hash, der, pub []byte) ([]byte, error) {
	var rs struct{ R, S *big.Int }
	rest, err := asn1.Unmarshal(der, &rs)
	if err != nil || len(rest) != 0 {
		return nil, fmt.Errorf("%w: not DER: %w", ErrKMSSignature, errors.Join(err, trailing(rest)))
	}
	if rs.R.Sign() <= 0 || rs.S.Sign() <= 0 || rs.R.Cmp(secp256k1N) >= 0 || rs.S.Cmp(secp256k1N) >= 0 {
		return nil, fmt.Errorf("%w: r or s out of range", ErrKMSSignature)
	}
	if rs.S.Cmp(secp256k1HalfN) > 0 {
		rs.S.Sub(secp256k1N, rs.S)
	}
	sig := make([]byte, 65)
	rs.R.FillBytes(sig[0:32])
	rs.S.FillBytes(sig[32:64])
	for v := byte(0); v < 2; v++ {
		sig[64] = v
		got, err := crypto.Ecrecover(digest[:], sig)
		if err == nil && bytes.Equal(got, pub) {
			sig[64] = v + 27
			return sig, nil
		}
	}
	return nil, fmt.Errorf("%w: it recovers to neither candidate for the key's public key", ErrKMSSignature)
}
