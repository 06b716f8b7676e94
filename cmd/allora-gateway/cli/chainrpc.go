package cli

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
)

// dialChain connects to every JSON-RPC endpoint of chain c (rpc, then rpcs), named
// rpc-0, rpc-1, ... in that order in logs and metrics, and checks that each serves
// c's chain id. metrics may be nil.
func dialChain(ctx context.Context, c config.Chain, metrics *rpcpool.Metrics, log *slog.Logger) (*rpcpool.Pool, error) {
	var endpoints []rpcpool.Endpoint
	for i, u := range c.AllRPCs() {
		endpoints = append(endpoints, rpcpool.Endpoint{Name: fmt.Sprintf("rpc-%d", i), URL: u.Reveal()})
	}
	return rpcpool.Dial(ctx, rpcpool.Config{
		ChainID: c.ChainID, Chain: c.Name, Metrics: metrics, Logger: log.With("component", "rpc"),
	}, endpoints)
}
