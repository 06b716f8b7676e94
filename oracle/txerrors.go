package oracle

import "errors"

// What a chain's transaction sender reports when a batch does not land. They live in
// the domain so the relayer, which counts them by kind, and the transaction manager,
// which returns them, share them without the relayer depending on the manager.
var (
	// ErrTxReverted means the transaction was mined and reverted.
	ErrTxReverted = errors.New("transaction reverted")
	// ErrInsufficientFunds means the wallet cannot pay for the transaction.
	ErrInsufficientFunds = errors.New("insufficient funds")
	// ErrFeeCapReached means the transaction would have to pay more than the
	// configured cap to be mined.
	ErrFeeCapReached = errors.New("fee cap reached")
	// ErrTxGone means the transaction's nonce was used by another transaction, so it
	// can never be mined.
	ErrTxGone = errors.New("transaction gone: its nonce was used by another transaction")
)
