package txmgr_test

import (
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/internal/anviltest"
)

// anvilNode is one anvil process serving JSON-RPC on a loopback port.
type anvilNode struct {
	*anviltest.Node
	client *ethclient.Client
}

// startAnvil runs anvil for chainID with extra flags and stops it when the test ends.
func startAnvil(t *testing.T, chainID uint64, flags ...string) *anvilNode {
	t.Helper()
	n := anviltest.Start(t, chainID, flags...)
	return &anvilNode{Node: n, client: n.Client}
}

func (a *anvilNode) call(t *testing.T, method string, args ...any) {
	t.Helper()
	a.Call(t, method, args...)
}

func (a *anvilNode) mine(t *testing.T)              { t.Helper(); a.Mine(t) }
func (a *anvilNode) automine(t *testing.T, on bool) { t.Helper(); a.Automine(t, on) }
func (a *anvilNode) setBalance(t *testing.T, addr common.Address, wei *big.Int) {
	t.Helper()
	a.SetBalance(t, addr, wei)
}
func (a *anvilNode) setNextBaseFee(t *testing.T, wei *big.Int) {
	t.Helper()
	a.SetNextBaseFee(t, wei)
}

// events collects a manager's events for a test to wait on.
type events struct {
	mu   sync.Mutex
	all  []txmgr.Event
	more chan struct{}
}

func newEvents() *events { return &events{more: make(chan struct{}, 1)} }

func (e *events) record(ev txmgr.Event) {
	e.mu.Lock()
	e.all = append(e.all, ev)
	e.mu.Unlock()
	select {
	case e.more <- struct{}{}:
	default:
	}
}

// wait returns the first event of kind after the first skip such events, failing
// the test if the manager stops producing events for a minute (a hang, not a speed
// requirement).
func (e *events) wait(t *testing.T, kind txmgr.EventKind, skip int) txmgr.Event {
	t.Helper()
	for {
		e.mu.Lock()
		seen := 0
		for _, ev := range e.all {
			if ev.Kind == kind {
				if seen == skip {
					e.mu.Unlock()
					return ev
				}
				seen++
			}
		}
		e.mu.Unlock()
		select {
		case <-e.more:
		case <-time.After(time.Minute):
			t.Fatalf("no %v event (after %d) in a minute; events: %v", kind, skip, e.kinds())
		}
	}
}

func (e *events) count(kind txmgr.EventKind) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, ev := range e.all {
		if ev.Kind == kind {
			n++
		}
	}
	return n
}

func (e *events) kinds() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]string, len(e.all))
	for i, ev := range e.all {
		out[i] = fmt.Sprintf("%v@%d", ev.Kind, ev.Nonce)
	}
	return out
}
