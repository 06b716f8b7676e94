package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// signing is how the relayer gets a batch signed: its own keys, and co-signers run by
// other operators that check each batch against their own Allora nodes.
type signing struct {
	remote []oracle.BatchSigner
	opts   oracle.CollectOptions

	mu   sync.Mutex
	sets map[uint64]signerSet // by chain id
}

// signerSet is an oracle's registered signers and threshold as last read.
type signerSet struct {
	registered map[common.Address]bool
	threshold  int
	read       time.Time
}

// signerSetTTL is how long an oracle's signer set is used before it is read again: a
// rotation by the owner is followed within it, without an extra round trip to the
// chain on every batch.
const signerSetTTL = time.Minute

// SignerSetReader is the part of a ChainWriter that reads its oracle's registered
// signers and threshold. Each batch is signed by just the threshold of registered
// signers, the first to answer. The set is read again after signerSetTTL, or after a
// batch could not be signed.
type SignerSetReader interface {
	SignerSet(ctx context.Context) ([]common.Address, uint8, error)
}

// WithCosigners adds signers that see each batch before they sign it, such as
// cosign.Client for co-signers run by other operators, beside the keys given to New.
// opts.Timeout bounds each signer's answer. A batch is pushed once the oracle's
// threshold of signers have signed it; a signer that refuses or fails is logged (Warn)
// with its reason.
func WithCosigners(signers []oracle.BatchSigner, opts oracle.CollectOptions) Option {
	return func(r *Relayer) {
		r.signing.remote = append(r.signing.remote, signers...)
		r.signing.opts = opts
	}
}

// SignUpdates gets updates signed for the oracle of the chain with chainID exactly as a
// push is: by the oracle's threshold of its registered signers among the relayer's keys
// and co-signers, ordered by signer address. Pull mode (api.UpdateSigner) uses it, so a
// pulled update carries the signatures a push would, no more.
func (r *Relayer) SignUpdates(ctx context.Context, chainID uint64, updates []oracle.Update) ([][]byte, error) {
	for _, c := range r.chains {
		if c.Chain().ID == chainID {
			return r.signBatch(ctx, c, r.log.With("chain", c.Chain().Name, "pull", true), updates)
		}
	}
	return nil, fmt.Errorf("chain %d: %w", chainID, ErrUnknownChain)
}

// signBatch collects the signatures of updates for c's oracle from the local keys and
// the co-signers, stopping at the oracle's threshold.
func (r *Relayer) signBatch(ctx context.Context, c ChainWriter, log *slog.Logger, updates []oracle.Update) ([][]byte, error) {
	all := make([]oracle.BatchSigner, 0, len(r.signers)+len(r.signing.remote))
	for _, s := range r.signers {
		all = append(all, oracle.LocalBatchSigner(s))
	}
	all = append(all, r.signing.remote...)
	set, err := r.signerSet(ctx, c.Chain().ID, c)
	if err != nil {
		return nil, err
	}
	// Signers the oracle does not know would only add signatures it rejects.
	usable := all[:0:0]
	for _, s := range all {
		if set.registered[s.Address()] {
			usable = append(usable, s)
		}
	}
	if len(usable) < set.threshold {
		return nil, fmt.Errorf("%d of the configured signers are registered on the oracle, it needs %d: %w",
			len(usable), set.threshold, oracle.ErrThresholdNotReached)
	}
	opts := r.signing.opts
	opts.OnFailure = func(e *oracle.SignerError) {
		var refusal *oracle.RefusalError
		switch {
		case errors.As(e.Err, &refusal) && refusal.Reason == oracle.ReasonSlashingProtection:
			// A record refused, the relayer's own for a local key or a co-signer's:
			// worded as the co-signer words it.
			d := c.Domain()
			log.Warn(oracle.SlashingProtectionRefusal, "signer", e.Signer.Hex(), "reason", refusal.Reason,
				"chain_id", d.ChainID.Uint64(), "oracle", d.VerifyingContract.Hex(), "detail", refusal.Detail)
			return
		case errors.As(e.Err, &refusal):
			log.Warn("co-signer refused the batch; if it keeps refusing, compare its Allora node with the relayer's",
				"signer", e.Signer.Hex(), "reason", refusal.Reason, "detail", refusal.Detail)
			return
		}
		log.Warn("signer did not sign the batch; check that it is up and reachable", "signer", e.Signer.Hex(), "err", e.Err)
	}
	sigs, err := oracle.CollectSignatures(ctx, c.Domain(), updates, usable, set.threshold, opts)
	if err != nil {
		// The set may have changed under the relayer: read it afresh next time.
		r.signing.mu.Lock()
		delete(r.signing.sets, c.Chain().ID)
		r.signing.mu.Unlock()
	}
	return sigs, err
}

// signerSet returns the chain's oracle signer set, read at most signerSetTTL ago.
func (r *Relayer) signerSet(ctx context.Context, chainID uint64, ssr SignerSetReader) (signerSet, error) {
	r.signing.mu.Lock()
	set, ok := r.signing.sets[chainID]
	r.signing.mu.Unlock()
	if ok && time.Since(set.read) < signerSetTTL {
		return set, nil
	}
	rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
	registered, t, err := ssr.SignerSet(rctx)
	cancel()
	if err != nil {
		return signerSet{}, fmt.Errorf("read the oracle's signers and threshold: %w", err)
	}
	set = signerSet{registered: make(map[common.Address]bool, len(registered)), threshold: int(t), read: time.Now()}
	for _, a := range registered {
		set.registered[a] = true
	}
	r.signing.mu.Lock()
	if r.signing.sets == nil {
		r.signing.sets = make(map[uint64]signerSet)
	}
	r.signing.sets[chainID] = set
	r.signing.mu.Unlock()
	return set, nil
}
