package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// GasEstimator is the part of a ChainWriter that tells the gas a signed batch would
// use. When a gas cap is set (Config.MaxBatchGas, Config.ChainMaxBatchGas), a batch
// estimated over it is split into several transactions, each under the cap.
type GasEstimator interface {
	// EstimateBatchGas returns the gas updateBatch with these updates and signatures
	// would use if sent now.
	EstimateBatchGas(ctx context.Context, updates []oracle.Update, signatures [][]byte) (uint64, error)
}

// ErrUpdateOverGasCap means one update alone needs more gas than Config.MaxBatchGas,
// so no split can send it. It is dropped from the cycle and logged as an Error.
var ErrUpdateOverGasCap = errors.New("one update alone needs more gas than the batch gas cap")

// signedBatch is one transaction's worth of updates with the signatures over exactly
// those updates: the signatures cover the batch, so every chunk is signed on its own.
type signedBatch struct {
	updates    []oracle.Update
	signatures [][]byte
	gas        uint64 // estimated; 0 when not estimated
}

// signFunc signs one batch for the chain being pushed to.
type signFunc func(updates []oracle.Update) ([][]byte, error)

// planBatches signs updates as one batch, or, when a gas cap is set, as as few
// batches as keep each under the cap, in the order given (paid topics first stay
// first). A batch over the cap is cut where the estimate says the
// cap falls, assuming the gas grows linearly with the updates; since the fixed part of
// a transaction is then shared by fewer updates, each piece is estimated again and cut
// further if it is still over. An update that alone is over the cap is logged and left
// out and passed to dropped; the others go.
func (r *Relayer) planBatches(ctx context.Context, c ChainWriter, updates []oracle.Update, sign signFunc, dropped func(oracle.Update), log *slog.Logger) ([]signedBatch, error) {
	maxGas := r.maxBatchGas(c.Chain().ID)
	if maxGas == 0 {
		sigs, err := sign(updates)
		if err != nil {
			return nil, fmt.Errorf("sign batch of %d updates: %w", len(updates), err)
		}
		return []signedBatch{{updates: updates, signatures: sigs}}, nil
	}
	var out []signedBatch
	var plan func(updates []oracle.Update) error
	plan = func(updates []oracle.Update) error {
		sigs, err := sign(updates)
		if err != nil {
			return fmt.Errorf("sign batch of %d updates: %w", len(updates), err)
		}
		ectx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
		gas, err := c.EstimateBatchGas(ectx, updates, sigs)
		cancel()
		if err != nil {
			return fmt.Errorf("estimate gas of a batch of %d updates: %w", len(updates), err)
		}
		if gas <= maxGas {
			out = append(out, signedBatch{updates: updates, signatures: sigs, gas: gas})
			return nil
		}
		if len(updates) == 1 {
			u := updates[0]
			log.Error("update left out: it alone needs more gas than relayer.max_batch_gas; raise the cap or it is never pushed",
				"topic_id", u.TopicID, "block_height", u.BlockHeight, "gas", gas, "max_batch_gas", maxGas,
				"err", ErrUpdateOverGasCap)
			dropped(u)
			return nil
		}
		size := max(1, min(len(updates)-1, int(uint64(len(updates))*maxGas/gas)))
		for start := 0; start < len(updates); start += size {
			if err := plan(updates[start:min(start+size, len(updates))]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := plan(updates); err != nil {
		return nil, err
	}
	if len(out) > 1 {
		log.Info("batch split to stay under the gas cap", "updates", len(updates), "transactions", len(out),
			"max_batch_gas", maxGas)
	}
	return out, nil
}

// maxBatchGas is the gas cap of one transaction on a chain: the lower of the relayer's
// and the chain's own, where set; 0 when neither is.
func (r *Relayer) maxBatchGas(chainID uint64) uint64 {
	global, own := r.cfg.MaxBatchGas, r.cfg.ChainMaxBatchGas[chainID]
	switch {
	case global == 0:
		return own
	case own == 0:
		return global
	default:
		return min(global, own)
	}
}
