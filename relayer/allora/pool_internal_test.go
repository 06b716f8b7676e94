package allora

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// scriptedNode fails with err, or answers height.
type scriptedNode struct {
	err    error
	height uint64
	calls  int
}

func (n *scriptedNode) LatestInference(context.Context, uint64) (oracle.Inference, error) {
	n.calls++
	if n.err != nil {
		return oracle.Inference{}, n.err
	}
	return oracle.Inference{BlockHeight: n.height}, nil
}

func (n *scriptedNode) Topic(context.Context, uint64) (oracle.Topic, error) {
	n.calls++
	return oracle.Topic{}, n.err
}

func (n *scriptedNode) LatestHeight(context.Context) (uint64, error) {
	n.calls++
	return n.height, n.err
}

func TestPoolBackoffDoublesPerEndpoint(t *testing.T) {
	full := &scriptedNode{err: errors.New("broadcast: mempool is full")}
	good := &scriptedNode{height: 10}
	now := time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)
	p, err := NewPool([]PoolEndpoint{{Name: "full", Node: full}, {Name: "good", Node: good}},
		PoolConfig{BackoffMin: time.Second, BackoffMax: 5 * time.Second, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second} {
		if _, err := p.LatestInference(ctx, 1); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		h := p.Health()[0]
		if got := h.BackoffUntil.Sub(now); got != want || h.ConsecutiveErrors != i+1 {
			t.Fatalf("after failure %d: backoff %v with %d errors, want %v", i+1, got, h.ConsecutiveErrors, want)
		}
		if ErrorKind(h.LastError) != ErrorKindMempoolFull {
			t.Errorf("kind of %v = %s, want %s", h.LastError, ErrorKind(h.LastError), ErrorKindMempoolFull)
		}
		// A request during the backoff goes to the good endpoint alone.
		calls := full.calls
		if _, err := p.LatestInference(ctx, 1); err != nil || full.calls != calls {
			t.Fatalf("request during backoff: %v, failing endpoint asked %d times more", err, full.calls-calls)
		}
		now = h.BackoffUntil
	}
	full.err = nil
	if _, err := p.LatestInference(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if h := p.Health()[0]; h.ConsecutiveErrors != 0 || !h.Healthy {
		t.Errorf("after a success: %+v, want healthy", h)
	}
}

func TestNewPoolReportsEveryProblem(t *testing.T) {
	_, err := NewPool([]PoolEndpoint{{Name: "x"}, {Name: "x", Node: &scriptedNode{}}}, PoolConfig{})
	for _, want := range []string{`endpoint 0 ("x"): no node`, `name "x" used twice`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("NewPool: %v, want it to say %s", err, want)
		}
	}
}
