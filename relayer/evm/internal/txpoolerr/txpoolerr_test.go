package txpoolerr

import (
	"errors"
	"fmt"
	"testing"
)

// TestEveryNodeIsUnderstood holds the messages the nodes of the chains the gateway
// serves give, as their sources word them.
func TestEveryNodeIsUnderstood(t *testing.T) {
	for _, tc := range []struct {
		node, msg string
		want      Answer
	}{
		{"geth", "already known", Known},
		{"geth", "nonce too low: address 0x336394A3219e71D9d9bd18201d34E95C1Bb7122C, tx: 8089 state: 8090", NonceTooLow},
		{"geth", "nonce too low: next nonce 5, tx nonce 4", NonceTooLow},
		{"geth", "replacement transaction underpriced", Underpriced},
		{"geth", "transaction underpriced: tip needed 1, tip permitted 0", Underpriced},
		{"geth", "max fee per gas less than block base fee: address 0x1, maxFeePerGas: 1, baseFee: 2", Underpriced},
		{"geth", "insufficient funds for gas * price + value: address 0x1 have 0 want 21000", InsufficientFunds},
		{"geth", "insufficient funds for transfer", InsufficientFunds},
		{"geth", "nonce too high", Other},
		{"geth", "exceeds block gas limit", Other},
		{"geth", "intrinsic gas too low", Other},
		{"geth", "execution reverted", Other},
		{"anvil", "transaction already imported", Known},
		{"anvil", "nonce too low", NonceTooLow},
		{"anvil", "replacement transaction underpriced", Underpriced},
		{"anvil", "max fee per gas less than block base fee", Underpriced},
		{"anvil", "Insufficient funds for gas * price + value", InsufficientFunds},
		{"BSC", "already known", Known},
		{"BSC", "known transaction: 0x7f657507aee0511e36d2d1972a6b22e917cc89f92b6c12c4dbd57eaabb236960", Known},
		{"BSC", "nonce too low", NonceTooLow},
		{"BSC", "transaction underpriced", Underpriced},
		{"BSC", "insufficient funds for gas * price + value", InsufficientFunds},
		{"ZKsync", "known transaction. transaction with hash 0x6013…3053 is already in the system", Known},
		{"ZKsync", "nonce too low. allowed nonce range: 427 - 447, actual: 426", NonceTooLow},
		{"ZKsync", "nonce too high. allowed nonce range: 427 - 477, actual: 527", Other},
		{"ZKsync", "max fee per gas less than block base fee", Underpriced},
		{"ZKsync", "max priority fee per gas higher than max fee per gas", Other},
		{"ZKsync", "insufficient funds for gas + value. balance: 1, fee: 2, value: 0", InsufficientFunds},
		{"ZKsync", "insufficient balance for transfer", InsufficientFunds},
		{"ZKsync", "not enough balance to cover the fee. error message: Not enough balance for fee + value", InsufficientFunds},
		{"Nethermind", "call failed: AlreadyKnown", Known},
		{"Nethermind", "call failed: OldNonce, Current nonce: 22, nonce of rejected tx: 17", NonceTooLow},
		{"Parity", "Transaction nonce is too low. Try incrementing the nonce.", NonceTooLow},
	} {
		t.Run(tc.node+": "+tc.msg, func(t *testing.T) {
			if got := Classify(errors.New(tc.msg)); got != tc.want {
				t.Errorf("%s answers %q: read as %d, want %d", tc.node, tc.msg, got, tc.want)
			}
			// As the rpc client and the callers wrap it.
			if got := Classify(fmt.Errorf("send attempt 2 of nonce 7: %w", errors.New(tc.msg))); got != tc.want {
				t.Errorf("%q wrapped: read as %d, want %d", tc.msg, got, tc.want)
			}
		})
	}
	if got := Classify(nil); got != Accepted {
		t.Errorf("no error: read as %d, want accepted", got)
	}
}
