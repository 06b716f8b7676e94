package oracle

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// BatchSigner signs a whole batch for one oracle, seeing what it signs: the domain and
// the updates, not only their digest. A co-signer run by another operator must see the
// updates to check them against its own Allora node before it signs; a Signer, which
// gets a digest, cannot.
type BatchSigner interface {
	// Address is the signer's Ethereum address, as registered in the contract.
	Address() common.Address
	// SignBatch returns the signature of BatchDigest(d, updates) in the form Signer
	// returns (65 bytes r ‖ s ‖ v, v 27 or 28, low s), or an error saying why it will
	// not sign; a *RefusalError when it checked the batch and disagrees.
	SignBatch(ctx context.Context, d Domain, updates []Update) ([]byte, error)
}

// RefusalError is a signer's reasoned refusal to sign a batch: it checked the batch and
// does not vouch for it. Reason is machine-readable (such as "value_mismatch" or
// "stale_proposal"); Detail says what differed, for the operator.
type RefusalError struct {
	Reason string
	Detail string
}

func (e *RefusalError) Error() string {
	if e.Detail == "" {
		return "refused: " + e.Reason
	}
	return "refused: " + e.Reason + ": " + e.Detail
}

// ReasonSlashingProtection is the RefusalError reason of a signer whose
// slashing-protection record shows it signed another update at that version, or a
// newer version.
const ReasonSlashingProtection = "slashing_protection"

// SlashingProtectionRefusal is the one wording of such a refusal in the logs, whether
// a co-signer's record refuses or the relayer's own for a local key: the same cause,
// and the same thing for the operator to do.
const SlashingProtectionRefusal = "refused to sign: this key already signed another value for that version, or a newer version; " +
	"compare the relayer's Allora node with the signer's, and never delete or replace the record to get past this"

// Errors of CollectSignatures.
var (
	// ErrThresholdNotReached means fewer signers than the threshold returned a valid
	// signature. The error wrapping it joins each failing signer's *SignerError.
	ErrThresholdNotReached = errors.New("signature threshold not reached")
	// ErrInvalidThreshold means the threshold asked for is below 1 or above the number
	// of signers.
	ErrInvalidThreshold = errors.New("threshold must be between 1 and the number of signers")
)

// SignerError is one signer's failure to give a valid signature: it refused (a wrapped
// *RefusalError), failed, timed out, or returned a signature that does not recover to
// its address.
type SignerError struct {
	Signer common.Address
	Err    error
}

func (e *SignerError) Error() string { return fmt.Sprintf("signer %s: %v", e.Signer, e.Err) }
func (e *SignerError) Unwrap() error { return e.Err }

// keyBatchSigner is a Signer seen as a BatchSigner: it signs whatever it is given, as a
// local key of the relayer's own operator may.
type keyBatchSigner struct{ s Signer }

// LocalBatchSigner returns s as a BatchSigner that computes BatchDigest(d, updates) and
// has s sign it. It checks nothing about the updates beyond their encoding: it is for
// keys of the operator that proposes the batch.
func LocalBatchSigner(s Signer) BatchSigner { return keyBatchSigner{s} }

func (k keyBatchSigner) Address() common.Address { return k.s.Address() }

func (k keyBatchSigner) SignBatch(ctx context.Context, d Domain, updates []Update) ([]byte, error) {
	if err := checkUpdates(updates); err != nil {
		return nil, err
	}
	return k.s.Sign(ctx, BatchDigest(d, updates))
}

// CollectOptions tune CollectSignatures.
type CollectOptions struct {
	// Timeout bounds each signer's answer; zero means only ctx bounds it. A signer that
	// hangs costs at most this, never the whole push.
	Timeout time.Duration
	// OnFailure, when set, is called once for each signer whose answer was not a valid
	// signature before the threshold was reached (not for those cancelled after it), so
	// the caller can log and count refusals even when the batch goes through. It is
	// called from the collecting goroutine, never concurrently.
	OnFailure func(*SignerError)
}

// CollectSignatures asks every signer for a signature of the batch at once and returns
// as soon as threshold of them have answered with a valid one, cancelling the others.
// Each signature is checked as the contract checks it (RecoverSigner) and must recover to
// the address its signer claims. The signatures are returned ordered by signer address,
// strictly ascending, the order the AlloraOracle requires.
//
// It fails with ErrEmptyBatch, ErrInvalidValue, ErrNoSigners, ErrDuplicateSigner or
// ErrInvalidThreshold before asking anyone, and with an error wrapping
// ErrThresholdNotReached and every failing signer's *SignerError (errors.As finds the
// first; the message lists them all) once too many have failed for the threshold to be
// reachable.
func CollectSignatures(ctx context.Context, d Domain, updates []Update, signers []BatchSigner, threshold int, opts CollectOptions) ([][]byte, error) {
	if len(updates) == 0 {
		return nil, ErrEmptyBatch
	}
	if err := checkUpdates(updates); err != nil {
		return nil, err
	}
	if len(signers) == 0 {
		return nil, ErrNoSigners
	}
	if threshold < 1 || threshold > len(signers) {
		return nil, fmt.Errorf("%w: threshold %d of %d signers", ErrInvalidThreshold, threshold, len(signers))
	}
	addrs := make([]common.Address, len(signers))
	seen := make(map[common.Address]bool, len(signers))
	for i, s := range signers {
		if s == nil {
			return nil, fmt.Errorf("signer %d is nil", i)
		}
		addrs[i] = s.Address()
		if seen[addrs[i]] {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateSigner, addrs[i])
		}
		seen[addrs[i]] = true
	}

	// Each signer works on its own copy of the batch: a signer that kept or altered the
	// slice must not change what the others sign or what the digest is checked against.
	digest := BatchDigest(d, updates)
	type answer struct {
		i   int
		sig []byte
		err error
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	answers := make(chan answer, len(signers)) // buffered: late answers never block
	for i, s := range signers {
		go func() {
			sctx := cctx
			if opts.Timeout > 0 {
				var scancel context.CancelFunc
				sctx, scancel = context.WithTimeout(cctx, opts.Timeout)
				defer scancel()
			}
			sig, err := s.SignBatch(sctx, d, cloneUpdates(updates))
			if err == nil {
				var got common.Address
				got, err = RecoverSigner(digest, sig)
				if err == nil && got != addrs[i] {
					err = fmt.Errorf("%w: recovered %s", ErrSignerMismatch, got)
				}
			} else if sctx.Err() != nil && cctx.Err() == nil {
				err = fmt.Errorf("no answer within %s: %w", opts.Timeout, err)
			}
			answers <- answer{i: i, sig: slices.Clone(sig), err: err}
		}()
	}

	type signed struct {
		addr common.Address
		sig  []byte
	}
	var (
		good     []signed
		failures []error
	)
	for range signers {
		var a answer
		select {
		case a = <-answers:
		case <-ctx.Done():
			// The goroutines end on cancel (the deferred one) and write into the buffer.
			return nil, fmt.Errorf("collect signatures: %w", ctx.Err())
		}
		if a.err != nil {
			serr := &SignerError{Signer: addrs[a.i], Err: a.err}
			failures = append(failures, serr)
			if opts.OnFailure != nil {
				opts.OnFailure(serr)
			}
			if len(signers)-len(failures) < threshold {
				return nil, fmt.Errorf("%w: %d of %d needed, %d of %d signers failed:\n%w",
					ErrThresholdNotReached, len(good), threshold, len(failures), len(signers), errors.Join(failures...))
			}
			continue
		}
		good = append(good, signed{addr: addrs[a.i], sig: a.sig})
		if len(good) == threshold {
			break
		}
	}
	slices.SortFunc(good, func(a, b signed) int { return bytes.Compare(a.addr[:], b.addr[:]) })
	sigs := make([][]byte, len(good))
	for i, g := range good {
		sigs[i] = g.sig
	}
	return sigs, nil
}

// ValidateUpdates reports the first update whose value the oracle cannot hold (nil or
// outside the int256 range), as ErrInvalidValue naming it.
func ValidateUpdates(updates []Update) error { return checkUpdates(updates) }

// cloneUpdates copies updates and their values.
func cloneUpdates(updates []Update) []Update {
	out := slices.Clone(updates)
	for i := range out {
		if out[i].Value != nil {
			out[i].Value = new(big.Int).Set(out[i].Value)
		}
	}
	return out
}
