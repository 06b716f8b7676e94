package alloraoracle

import (
	"fmt"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// CompactSignatures converts r ‖ s ‖ v signatures, as oracle.SignBatch returns them, to
// the EIP-2098 (r, vs) pairs updateBatch takes, keeping their order.
func CompactSignatures(signatures [][]byte) ([]Signature, error) {
	out := make([]Signature, len(signatures))
	for i, sig := range signatures {
		r, vs, err := oracle.CompactSignature(sig)
		if err != nil {
			return nil, fmt.Errorf("signature %d: %w", i, err)
		}
		out[i] = Signature{R: r, Vs: vs}
	}
	return out, nil
}

// oracleABI packs calldata; parsing the ABI once is what NewAlloraOracle costs.
var oracleABI = NewAlloraOracle()

// PackUpdateBatch is the calldata of updateBatch(updates, signatures), with signatures
// in r ‖ s ‖ v form as oracle.SignBatch returns them: the one encoding of a batch,
// whether the relayer sends it or a pull-mode client submits it.
func PackUpdateBatch(updates []oracle.Update, signatures [][]byte) ([]byte, error) {
	batch := make([]Update, len(updates))
	for i, u := range updates {
		batch[i] = Update{
			TopicId: u.TopicID, Value: u.Value, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, Timestamp: u.Timestamp,
		}
	}
	sigs, err := CompactSignatures(signatures)
	if err != nil {
		return nil, fmt.Errorf("pack updateBatch: %w", err)
	}
	calldata, err := oracleABI.TryPackUpdateBatch(batch, sigs)
	if err != nil {
		return nil, fmt.Errorf("pack updateBatch: %w", err)
	}
	return calldata, nil
}
