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
