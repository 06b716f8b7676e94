package rpcpool_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
)

// BenchmarkBalanceAt reads a balance from anvil directly and through a pool of two
// endpoints on the same node: the pool's choice of endpoint costs next to nothing
// beside the round trip.
func BenchmarkBalanceAt(b *testing.B) {
	node := anviltest.Start(b, 56)
	ctx := context.Background()
	b.Run("ethclient", func(b *testing.B) {
		for b.Loop() {
			if _, err := node.Client.BalanceAt(ctx, target, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pool of 2", func(b *testing.B) {
		pool, err := rpcpool.Dial(ctx, rpcpool.Config{ChainID: 56, Chain: "bench", Logger: slog.New(slog.DiscardHandler)},
			[]rpcpool.Endpoint{{Name: "rpc-0", URL: node.URL}, {Name: "rpc-1", URL: node.URL + "/"}})
		if err != nil {
			b.Fatal(err)
		}
		defer pool.Close()
		for b.Loop() {
			if _, err := pool.BalanceAt(ctx, target, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
