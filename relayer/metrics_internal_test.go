package relayer

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestErrorKindNamesTheCause classifies each failure of a push the way the loop wraps
// it: an alert on errors_total{kind} must point at the cause, not at "rpc" for
// everything it does not know.
func TestErrorKindNamesTheCause(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("chain bnb: push: %w", err) }
	for _, tc := range []struct {
		err  error
		want string
	}{
		{wrap(fmt.Errorf("sign batch: collect signatures: 1 of 2: %w", oracle.ErrThresholdNotReached)), ErrorKindSigning},
		{wrap(oracle.ErrInvalidThreshold), ErrorKindSigning},
		{wrap(oracle.ErrSignerMismatch), ErrorKindSigning},
		{wrap(oracle.ErrNoSigners), ErrorKindSigning},
		{wrap(fmt.Errorf("record topic 1 state: %w: %w", errStore, errors.New("dial tcp 127.0.0.1:6379: connection refused"))), ErrorKindStore},
		{wrap(fmt.Errorf("bad record: %w", store.ErrInvalid)), ErrorKindStore},
		{wrap(fmt.Errorf("journal: %w", store.ErrFenced)), ErrorKindFenced},
		{wrap(fmt.Errorf("journal: %w", lease.ErrNotLeader)), ErrorKindFenced},
		{wrap(fmt.Errorf("estimate gas: %w: insufficient funds for gas * price + value", txmgr.ErrInsufficientFunds)), ErrorKindInsufficientFunds},
		{wrap(&txmgr.RevertError{BlockNumber: 9}), ErrorKindReverted},
		{wrap(fmt.Errorf("quote: %w", txmgr.ErrFeeCapReached)), ErrorKindFeeCap},
		{wrap(fmt.Errorf("nonce 4: %w", txmgr.ErrGone)), ErrorKindNonce},
		{wrap(context.DeadlineExceeded), ErrorKindRPC},
		{wrap(errors.New("Post \"http://127.0.0.1:8545\": connection refused")), ErrorKindRPC},
	} {
		if got := ErrorKind(tc.err); got != tc.want {
			t.Errorf("ErrorKind(%v) = %s, want %s", tc.err, got, tc.want)
		}
	}
}

// TestTxEventCountsByName counts each transaction-manager event under its name and a
// replacement also as one, as the caller adapting txmgr's events passes them.
func TestTxEventCountsByName(t *testing.T) {
	m, err := NewMetrics(prometheus.NewRegistry(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []txmgr.Event{{Kind: txmgr.EventSent}, {Kind: txmgr.EventReplaced}, {Kind: txmgr.EventReplaced}, {Kind: txmgr.EventConfirmed}} {
		m.TxEvent("bnb", e.Kind.String(), e.Kind == txmgr.EventReplaced)
	}
	for _, tc := range []struct {
		got  float64
		want float64
		name string
	}{
		{testutil.ToFloat64(m.txEvents.WithLabelValues("bnb", "sent")), 1, "sent"},
		{testutil.ToFloat64(m.txEvents.WithLabelValues("bnb", "replaced")), 2, "replaced"},
		{testutil.ToFloat64(m.txEvents.WithLabelValues("bnb", "confirmed")), 1, "confirmed"},
		{testutil.ToFloat64(m.replacements.WithLabelValues("bnb")), 2, "replacements"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	var nilMetrics *Metrics
	nilMetrics.TxEvent("bnb", "sent", false) // a relayer without metrics ignores events
}
