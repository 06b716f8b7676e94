package txmgr

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/internal/txpoolerr"
)

// Errors Send reports. Each is wrapped with what was being done. The first four are
// the domain's (package oracle), so that who counts them needs not import this package.
var (
	// ErrReverted means the transaction was mined and reverted; the error is a
	// *RevertError carrying the receipt's block and, when the endpoint could replay
	// the call, the revert data.
	ErrReverted = oracle.ErrTxReverted
	// ErrInsufficientFunds means the wallet cannot pay for the transaction. Nothing was
	// left pending at its nonce; the same Send succeeds once the wallet is funded.
	ErrInsufficientFunds = oracle.ErrInsufficientFunds
	// ErrFeeCapReached means the transaction would have to pay more than the configured
	// cap (MaxGasPrice, or FeeLimitMultiplier times the first quote) to be mined. A
	// transaction already sent at the capped price stays pending and is resumed by the
	// next Send.
	ErrFeeCapReached = oracle.ErrFeeCapReached
	// ErrGone means the transaction's nonce was used by a transaction this manager did
	// not send (or by an earlier attempt whose hash was not kept), so it can never be
	// mined.
	ErrGone = oracle.ErrTxGone
)

// RevertError is a mined transaction that reverted.
type RevertError struct {
	TxHash      common.Hash
	BlockNumber uint64
	// Data is the revert data from replaying the call on the state of the block
	// before, when the endpoint answered it with data (nil otherwise). Replaying is a
	// best effort: the state the transaction saw included the transactions before it
	// in its block.
	Data []byte
	// Replay is the replayed call's error as the endpoint gave it, so a caller can
	// decode its revert data (a JSON-RPC error implementing ErrorData), or nil.
	Replay error
}

func (e *RevertError) Error() string {
	s := fmt.Sprintf("transaction %s in block %d reverted", e.TxHash, e.BlockNumber)
	if e.Replay != nil {
		s += ": " + e.Replay.Error()
	}
	return s
}

// Is makes errors.Is(err, ErrReverted) true.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// Unwrap exposes the replayed call's error, so errors.As finds its revert data.
func (e *RevertError) Unwrap() error { return e.Replay }

// sendOutcome is what a node's answer to eth_sendRawTransaction means, read by the
// one classifier of those answers.
type sendOutcome = txpoolerr.Answer

const (
	sendAccepted          = txpoolerr.Accepted
	sendKnown             = txpoolerr.Known
	sendNonceTooLow       = txpoolerr.NonceTooLow
	sendUnderpriced       = txpoolerr.Underpriced
	sendInsufficientFunds = txpoolerr.InsufficientFunds
	sendFailed            = txpoolerr.Other
)

func classifySend(err error) sendOutcome { return txpoolerr.Classify(err) }

// Errors Cancel and Replace report before they sign anything.
var (
	// ErrNonceMined means a transaction of the key was mined at the nonce already:
	// there is nothing left to cancel or replace there.
	ErrNonceMined = errors.New("nonce already mined")
	// ErrNothingPending means neither the journal nor the endpoint's pool holds a
	// transaction of the key at the nonce.
	ErrNothingPending = errors.New("no transaction pending at the nonce")
	// ErrInFlight means a Send of this manager is seeing the nonce's transaction
	// through now, replacing it itself while it is stuck.
	ErrInFlight = errors.New("transaction in flight")
	// ErrForeignEntry means the journal's transaction at the nonce was signed by
	// another key than the manager's.
	ErrForeignEntry = errors.New("journal entry signed by another key")
)
