package txmgr

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// EventKind is what happened to a transaction, or an alert about the wallet.
type EventKind int

const (
	// EventSent is the first transaction at a nonce, accepted by the endpoint.
	EventSent EventKind = iota + 1
	// EventReplaced is a higher-priced transaction at the same nonce, accepted.
	EventReplaced
	// EventRebroadcast is a transaction sent again unchanged: resumed after a restart,
	// after a reorg, or at the fee cap.
	EventRebroadcast
	// EventMined is a receipt seen for the first time (or in a new block).
	EventMined
	// EventReorged is a receipt gone from the chain; the transaction is resent.
	EventReorged
	// EventConfirmed is a receipt Confirmations blocks deep: Send returns.
	EventConfirmed
	// EventNonceResync is a nonce found used outside the manager; Nonce is the one the
	// transaction moves to.
	EventNonceResync

	// EventLowBalance is an alert: the wallet holds less than MinBalance.
	EventLowBalance
	// EventInsufficientFunds is an alert: the wallet cannot pay for a transaction.
	EventInsufficientFunds
	// EventFeeCapReached is an alert: a transaction needs more than the fee cap.
	EventFeeCapReached
)

var eventNames = map[EventKind]string{
	EventSent: "sent", EventReplaced: "replaced", EventRebroadcast: "rebroadcast", EventMined: "mined",
	EventReorged: "reorged", EventConfirmed: "confirmed", EventNonceResync: "nonce resync",
	EventLowBalance: "low balance", EventInsufficientFunds: "insufficient funds", EventFeeCapReached: "fee cap reached",
}

func (k EventKind) String() string {
	if s, ok := eventNames[k]; ok {
		return s
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is something the manager did or noticed. Fields that do not apply are zero.
type Event struct {
	Kind    EventKind
	Nonce   uint64
	TxHash  common.Hash
	Attempt int      // 1 for the first transaction at the nonce, more for replacements
	Block   uint64   // the receipt's block, for mined, reorged and confirmed
	Balance *big.Int // for EventLowBalance
	Err     error    // the endpoint's answer, for alerts
}

// Alert reports whether the event is one an operator should be told about.
func (e Event) Alert() bool {
	return e.Kind == EventLowBalance || e.Kind == EventInsufficientFunds || e.Kind == EventFeeCapReached
}
