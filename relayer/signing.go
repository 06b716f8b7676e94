package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// signing is how the relayer gets a batch signed: its own keys, and co-signers run by
// other operators that check each batch against their own Allora nodes.
type signing struct {
	remote []oracle.BatchSigner
	opts   oracle.CollectOptions
}

// SignerSetReader is what a ChainWriter may also be: a reader of its oracle's
// registered signers and threshold. When it is one, each batch is signed by just the
// threshold of signers, the first to answer; otherwise by every signer.
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

// signBatch collects the signatures of updates for c's oracle from the local keys and
// the co-signers, stopping at the oracle's threshold.
func (r *Relayer) signBatch(ctx context.Context, c ChainWriter, log *slog.Logger, updates []oracle.Update) ([][]byte, error) {
	all := make([]oracle.BatchSigner, 0, len(r.signers)+len(r.signing.remote))
	for _, s := range r.signers {
		all = append(all, oracle.LocalBatchSigner(s))
	}
	all = append(all, r.signing.remote...)
	threshold := len(all)
	if ssr, ok := c.(SignerSetReader); ok {
		// Read for every batch rather than once: the owner may rotate the signer set or
		// change the threshold while the relayer runs.
		rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
		registered, t, err := ssr.SignerSet(rctx)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("read the oracle's signer threshold: %w", err)
		}
		known := make(map[common.Address]bool, len(registered))
		for _, a := range registered {
			known[a] = true
		}
		// Signers the oracle does not know would only add signatures it rejects.
		usable := all[:0:0]
		for _, s := range all {
			if known[s.Address()] {
				usable = append(usable, s)
			}
		}
		if len(usable) < int(t) {
			return nil, fmt.Errorf("%d of the configured signers are registered on the oracle, it needs %d: %w",
				len(usable), t, oracle.ErrThresholdNotReached)
		}
		all, threshold = usable, int(t)
	}
	opts := r.signing.opts
	opts.OnFailure = func(e *oracle.SignerError) {
		var refusal *oracle.RefusalError
		if errors.As(e.Err, &refusal) {
			log.Warn("co-signer refused the batch; if it keeps refusing, compare its Allora node with the relayer's",
				"signer", e.Signer.Hex(), "reason", refusal.Reason, "detail", refusal.Detail)
			return
		}
		log.Warn("signer did not sign the batch; check that it is up and reachable", "signer", e.Signer.Hex(), "err", e.Err)
	}
	return oracle.CollectSignatures(ctx, c.Domain(), updates, all, threshold, opts)
}
