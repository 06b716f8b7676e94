package rpcpool_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"go.uber.org/goleak"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
)

// TestRunFollowsHeadsUntilItsContextEnds: without anyone calling CheckHealth, Run
// sees an endpoint fall behind, and stops, leaving no goroutine, when its context
// ends.
func TestRunFollowsHeadsUntilItsContextEnds(t *testing.T) {
	node := anviltest.Start(t, 56)
	behind, ahead := newProxy(t, node.URL), newProxy(t, node.URL)
	// Idle keep-alive connections of the HTTP client and the test servers outlive
	// the pool by design; anything else started here must be gone.
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent(),
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"))

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pool, err := rpcpool.Dial(ctx, rpcpool.Config{
		ChainID: 56, Chain: "test", HealthInterval: 20 * time.Millisecond, Logger: slog.New(slog.DiscardHandler),
	}, []rpcpool.Endpoint{{Name: "rpc-0", URL: behind.URL()}, {Name: "rpc-1", URL: ahead.URL()}})
	if err != nil {
		t.Fatal(err)
	}
	head, err := node.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	var g errgroup.Group
	g.Go(func() error { return pool.Run(runCtx) })

	behind.set(func(p *endpointProxy) { p.frozenHead = hexutil.EncodeUint64(head) })
	node.Call(t, nil, "anvil_mine", hexutil.EncodeUint64(10))
	testsupport.WaitFor(t, time.Minute, "Run to see rpc-0 fall behind", func() bool {
		h := pool.Health()
		return h[0].Lagging && !h[0].Up && h[1].Up && h[1].Head == head+10
	})

	stop()
	if err := g.Wait(); err != nil {
		t.Errorf("Run = %v, want nil once its context ended", err)
	}
	pool.Close()
}
