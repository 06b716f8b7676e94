package cosign

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// FuzzDecodeSignRequest feeds the co-signer's request decoder arbitrary bodies: it
// never panics, and what it accepts encodes back to a request that decodes to the same
// batch, so the co-signer signs exactly what the relayer meant.
func FuzzDecodeSignRequest(f *testing.F) {
	good, _ := json.Marshal(NewSignRequest(oracle.NewDomain(big.NewInt(56), testChain.Oracle), []oracle.Update{
		{TopicID: 13, Value: big.NewInt(-3012250000000000000), BlockHeight: 120, Timestamp: 1_700_000_000},
	}))
	f.Add(good)
	f.Add([]byte(`{"domain":{"chain_id":"1","verifying_contract":"0x0000000000000000000000000000000000000001"},"updates":[]}`))
	f.Add([]byte(`{"domain":{},"updates":[{"value":"1e3"}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, updates, err := decodeSignRequest(body)
		if err != nil {
			return
		}
		again, _ := json.Marshal(NewSignRequest(d, updates))
		d2, updates2, err := decodeSignRequest(again)
		if err != nil {
			t.Fatalf("re-encoded request does not decode: %v\n%s", err, again)
		}
		if oracle.BatchDigest(d, updates) != oracle.BatchDigest(d2, updates2) {
			t.Fatalf("the batch changed through a round trip:\n%s\n%s", body, again)
		}
	})
}
