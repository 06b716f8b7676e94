package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
)

// TestProxyKillTakesTheEndpointAway checks the harness's proxy as a relayer would see
// it: a chain answers through it, stops answering when it is killed while the node
// itself keeps answering, and answers again once revived.
func TestProxyKillTakesTheEndpointAway(t *testing.T) {
	if testing.Short() {
		t.Skip("runs anvil; run without -short (make e2e)")
	}
	t.Parallel()
	node := anviltest.Start(t, 324)
	p := NewProxy(t, node.URL[len("http://"):])
	chainID := func() (uint64, error) {
		// A new client each time: a killed endpoint refuses new connections too.
		c, err := ethclient.Dial(p.URL())
		if err != nil {
			return 0, err
		}
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		id, err := c.ChainID(ctx)
		if err != nil {
			return 0, err
		}
		return id.Uint64(), nil
	}
	if id, err := chainID(); err != nil || id != 324 {
		t.Fatalf("through the proxy: chain id %d, %v; want 324", id, err)
	}
	p.Kill()
	if id, err := chainID(); err == nil {
		t.Fatalf("killed proxy still answers chain id %d", id)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := node.Client.ChainID(ctx); err != nil {
		t.Fatalf("the node behind the killed proxy must keep answering: %v", err)
	}
	p.Revive()
	if id, err := chainID(); err != nil || id != 324 {
		t.Fatalf("revived proxy: chain id %d, %v; want 324", id, err)
	}
}
