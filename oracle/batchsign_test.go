package oracle

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// scriptedSigner is a BatchSigner that signs with a real key, or hangs, refuses,
// forges, or fails, as a remote co-signer might.
type scriptedSigner struct {
	fakeSigner
	refuse *RefusalError

	mu   sync.Mutex
	seen []Update // what it was asked to sign
}

func (s *scriptedSigner) SignBatch(ctx context.Context, d Domain, updates []Update) ([]byte, error) {
	s.mu.Lock()
	s.seen = updates
	s.mu.Unlock()
	if s.refuse != nil {
		return nil, s.refuse
	}
	return s.Sign(ctx, BatchDigest(d, updates))
}

func honest(t testing.TB, i int) *scriptedSigner {
	k := testKey(t, i)
	return &scriptedSigner{fakeSigner: fakeSigner{key: k, addr: NewKeySigner(k).Address()}}
}

func asBatchSigners(ss ...*scriptedSigner) []BatchSigner {
	out := make([]BatchSigner, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// checkSigned asserts sigs are n valid signatures of the golden batch by distinct
// members of from, in ascending signer order, as the contract accepts them.
func checkSigned(t *testing.T, sigs [][]byte, n int, from ...*scriptedSigner) []common.Address {
	t.Helper()
	if len(sigs) != n {
		t.Fatalf("got %d signatures, want %d", len(sigs), n)
	}
	digest := BatchDigest(goldenDomain, goldenUpdates())
	allowed := map[common.Address]bool{}
	for _, s := range from {
		allowed[s.addr] = true
	}
	var got []common.Address
	for i, sig := range sigs {
		addr, err := RecoverSigner(digest, sig)
		if err != nil {
			t.Fatalf("signature %d: %v", i, err)
		}
		if !allowed[addr] {
			t.Fatalf("signature %d recovers to %s, not one of the expected signers", i, addr)
		}
		if i > 0 && bytes.Compare(got[i-1][:], addr[:]) >= 0 {
			t.Fatalf("signature %d by %s does not come after %s: the contract would revert", i, addr, got[i-1])
		}
		got = append(got, addr)
	}
	return got
}

// The hanging signer is cancelled once the threshold is met, not waited for. In the
// bubble, time moves only while every goroutine waits, so any wait for the signer or
// its minute-long timeout would show as time passed.
func TestCollectSignaturesStopsAtTheThresholdPastAHangingSigner(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b, hang := honest(t, 1), honest(t, 2), honest(t, 3)
		hang.block = true
		start := time.Now()
		sigs, err := CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(hang, a, b), 2,
			CollectOptions{Timeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		checkSigned(t, sigs, 2, a, b)
		if waited := time.Since(start); waited != 0 {
			t.Fatalf("the collector waited %s for the hanging signer", waited)
		}
	})
}

// In a bubble, whose clock the 50ms timeout moves at once.
func TestCollectSignaturesTimesOutAHangingSigner(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, hang := honest(t, 1), honest(t, 2)
		hang.block = true
		_, err := CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(a, hang), 2,
			CollectOptions{Timeout: 50 * time.Millisecond})
		if !errors.Is(err, ErrThresholdNotReached) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want threshold not reached because of the deadline", err)
		}
		var serr *SignerError
		if !errors.As(err, &serr) || serr.Signer != hang.addr {
			t.Fatalf("err = %v, want it to name the hanging signer %s", err, hang.addr)
		}
		if !strings.Contains(err.Error(), "no answer within 50ms") {
			t.Errorf("err = %q, want it to say the signer did not answer in time", err)
		}
	})
}

func TestCollectSignaturesRejectsAForgedSignature(t *testing.T) {
	a, b, forger := honest(t, 1), honest(t, 2), honest(t, 3)
	// The forger claims its registered address but signs with another key.
	forger.key = testKey(t, 9)
	sigs, err := CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(forger, a, b), 2, CollectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSigned(t, sigs, 2, a, b)

	// With only two signers and a threshold of two, the forgery sinks the batch and the
	// error says whose signature did not check out.
	_, err = CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(forger, a), 2, CollectOptions{})
	var serr *SignerError
	if !errors.Is(err, ErrThresholdNotReached) || !errors.Is(err, ErrSignerMismatch) || !errors.As(err, &serr) || serr.Signer != forger.addr {
		t.Fatalf("err = %v, want a signer mismatch by %s", err, forger.addr)
	}
}

func TestCollectSignaturesRejectsMalformedSignatures(t *testing.T) {
	for name, tc := range map[string]struct {
		mangle func([]byte) []byte
		want   error
	}{
		"high s":    {malleate, ErrSignatureHighS},
		"short":     {func(b []byte) []byte { return b[:64] }, ErrSignatureLength},
		"v 0 or 1":  {func(b []byte) []byte { b[64] -= 27; return b }, ErrSignatureV},
		"zero r":    {func(b []byte) []byte { clear(b[:32]); return b }, ErrInvalidSignature},
		"other sig": {func(b []byte) []byte { b[10] ^= 1; return b }, nil},
	} {
		t.Run(name, func(t *testing.T) {
			good, bad := honest(t, 1), honest(t, 2)
			bad.mangle = tc.mangle
			_, err := CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(good, bad), 2, CollectOptions{})
			if !errors.Is(err, ErrThresholdNotReached) {
				t.Fatalf("err = %v, want threshold not reached", err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), bad.addr.Hex()) {
				t.Errorf("err = %q does not name the signer %s", err, bad.addr)
			}
		})
	}
}

func TestCollectSignaturesSaysWhoRefusedAndWhy(t *testing.T) {
	a, r1, r2 := honest(t, 1), honest(t, 2), honest(t, 3)
	r1.refuse = &RefusalError{Reason: "value_mismatch", Detail: "topic 7 at block 120: proposed 3001.5, node says 3001.25"}
	r2.refuse = &RefusalError{Reason: "stale_proposal", Detail: "topic 7: node has block 125"}
	var (
		mu       sync.Mutex
		reported []common.Address
	)
	_, err := CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(a, r1, r2), 2,
		CollectOptions{OnFailure: func(e *SignerError) {
			mu.Lock()
			defer mu.Unlock()
			reported = append(reported, e.Signer)
		}})
	if !errors.Is(err, ErrThresholdNotReached) {
		t.Fatalf("err = %v, want threshold not reached", err)
	}
	var refusal *RefusalError
	if !errors.As(err, &refusal) {
		t.Fatalf("err = %v, want a *RefusalError inside", err)
	}
	msg := err.Error()
	// The collector gives up as soon as the threshold is out of reach, whether or not
	// the honest signer has answered by then: it says how many it held, of 2.
	for _, want := range []string{
		" of 2 needed", r1.addr.Hex(), "value_mismatch", "proposed 3001.5, node says 3001.25", "stale_proposal",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if len(reported) != 2 {
		t.Errorf("OnFailure reported %v, want both refusing signers", reported)
	}
}

func TestCollectSignaturesRefusesBadArguments(t *testing.T) {
	a, b := honest(t, 1), honest(t, 2)
	dup := honest(t, 1)
	for name, tc := range map[string]struct {
		updates   []Update
		signers   []BatchSigner
		threshold int
		want      error
	}{
		"empty batch":   {nil, asBatchSigners(a, b), 1, ErrEmptyBatch},
		"nil value":     {[]Update{{TopicID: 1, BlockHeight: 1, Timestamp: 1}}, asBatchSigners(a, b), 1, ErrInvalidValue},
		"no signers":    {goldenUpdates(), nil, 1, ErrNoSigners},
		"threshold 0":   {goldenUpdates(), asBatchSigners(a, b), 0, ErrInvalidThreshold},
		"threshold > n": {goldenUpdates(), asBatchSigners(a, b), 3, ErrInvalidThreshold},
		"duplicate":     {goldenUpdates(), asBatchSigners(a, dup), 2, ErrDuplicateSigner},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := CollectSignatures(t.Context(), goldenDomain, tc.updates, tc.signers, tc.threshold, CollectOptions{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// A signer that alters the updates it is handed changes neither what the other signers
// sign nor the caller's batch.
func TestCollectSignaturesIsolatesSignersFromEachOther(t *testing.T) {
	a, b := honest(t, 1), honest(t, 2)
	updates := goldenUpdates()
	vandal := &vandalSigner{scriptedSigner: honest(t, 3)}
	sigs, err := CollectSignatures(t.Context(), goldenDomain, updates, []BatchSigner{vandal, a, b}, 3, CollectOptions{})
	if err == nil {
		t.Fatalf("got %d signatures, want the vandal's signature of another batch refused", len(sigs))
	}
	if !errors.Is(err, ErrSignerMismatch) {
		t.Fatalf("err = %v, want the vandal's signature to fail to recover to it", err)
	}
	if !equalUpdates(updates, goldenUpdates()) {
		t.Error("the caller's updates were changed")
	}
	for _, s := range []*scriptedSigner{a, b} {
		s.mu.Lock()
		if s.seen != nil && !equalUpdates(s.seen, goldenUpdates()) {
			t.Errorf("signer %s saw altered updates", s.addr)
		}
		s.mu.Unlock()
	}
}

type vandalSigner struct{ *scriptedSigner }

func (v *vandalSigner) SignBatch(ctx context.Context, d Domain, updates []Update) ([]byte, error) {
	updates[0].Value.Add(updates[0].Value, big.NewInt(1))
	return v.scriptedSigner.SignBatch(ctx, d, updates)
}

func equalUpdates(a, b []Update) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].TopicID != b[i].TopicID || a[i].BlockHeight != b[i].BlockHeight || a[i].Timestamp != b[i].Timestamp ||
			a[i].Value.Cmp(b[i].Value) != 0 {
			return false
		}
	}
	return true
}

func TestLocalBatchSignerSignsTheBatchDigest(t *testing.T) {
	key := NewKeySigner(testKey(t, 4))
	s := LocalBatchSigner(key)
	if s.Address() != key.Address() {
		t.Fatalf("address %s, want %s", s.Address(), key.Address())
	}
	sig, err := s.SignBatch(t.Context(), goldenDomain, goldenUpdates())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := RecoverSigner(BatchDigest(goldenDomain, goldenUpdates()), sig); err != nil || got != key.Address() {
		t.Fatalf("signature recovers to %s (%v), want %s", got, err, key.Address())
	}
	if _, err := s.SignBatch(t.Context(), goldenDomain, []Update{{TopicID: 1}}); !errors.Is(err, ErrInvalidValue) {
		t.Fatalf("err = %v, want ErrInvalidValue for a nil value", err)
	}
}

// TestCollectSignaturesProperty draws random signer sets, thresholds and behaviours:
// the collector succeeds exactly when enough signers are honest, and then every
// signature it returns is valid, distinct, ascending and from an honest signer.
func TestCollectSignaturesProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	for round := range 200 {
		n := 1 + rng.IntN(6)
		threshold := 1 + rng.IntN(n)
		var ss []*scriptedSigner
		honestCount := 0
		for i := range n {
			s := honest(t, 100+i)
			switch rng.IntN(4) {
			case 0:
				s.refuse = &RefusalError{Reason: "value_mismatch"}
			case 1:
				s.key = testKey(t, 999) // forged
			default:
				honestCount++
			}
			ss = append(ss, s)
		}
		sigs, err := CollectSignatures(t.Context(), goldenDomain, goldenUpdates(), asBatchSigners(ss...), threshold, CollectOptions{})
		if honestCount < threshold {
			if !errors.Is(err, ErrThresholdNotReached) {
				t.Fatalf("round %d: %d honest of %d, threshold %d: err = %v, want threshold not reached", round, honestCount, n, threshold, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("round %d: %d honest of %d, threshold %d: %v", round, honestCount, n, threshold, err)
		}
		var good []*scriptedSigner
		for _, s := range ss {
			if s.refuse == nil && !s.key.Equal(testKey(t, 999)) {
				good = append(good, s)
			}
		}
		checkSigned(t, sigs, threshold, good...)
	}
}
