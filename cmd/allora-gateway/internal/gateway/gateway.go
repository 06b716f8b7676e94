// Package gateway builds the gateway's running parts from its config, the one way the
// relayer command, the other subcommands and devnet make them: each chain's owner
// (its endpoints, its transaction settings from its preset and keys), the oracle's
// writer checked against the signers, and the relayer's configuration. Devnet
// describes its chains as a config does, so every devnet run goes through the path
// operators run.
package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// OpenChain opens chain c: every JSON-RPC endpoint, each checked to serve c's chain
// id, with c's transaction settings (see ChainConfig). metrics may be nil. Close the
// chain when done.
func OpenChain(ctx context.Context, c config.Chain, metrics *rpcpool.Metrics, log *slog.Logger) (*evm.Chain, error) {
	cc, err := ChainConfig(c, metrics, log)
	if err != nil {
		return nil, err
	}
	return evm.OpenChain(ctx, cc)
}

// ChainConfig is what chain c is opened from: its endpoints (rpc, then rpcs, named
// rpc-0, rpc-1, ... in that order in logs and metrics) and its transaction settings,
// its preset's with its own keys over them.
func ChainConfig(c config.Chain, metrics *rpcpool.Metrics, log *slog.Logger) (evm.ChainConfig, error) {
	txc, err := c.TxConfig()
	if err != nil {
		return evm.ChainConfig{}, fmt.Errorf("chain %s: %w", c.Name, err)
	}
	var endpoints []rpcpool.Endpoint
	for i, u := range c.AllRPCs() {
		endpoints = append(endpoints, rpcpool.Endpoint{Name: fmt.Sprintf("rpc-%d", i), URL: u.Reveal()})
	}
	return evm.ChainConfig{
		Chain:     oracle.Chain{ID: c.ChainID, Name: c.Name, Oracle: c.OracleAddress(), Feeds: c.Feeds},
		Endpoints: endpoints,
		Tx:        txc,
		Metrics:   metrics,
		Logger:    log,
	}, nil
}

// ConnectOracle makes the writer of ch's oracle, submitting from key through its
// manager on the chain (made with opts), and checks that the signers can reach the
// oracle's threshold, which would otherwise make every batch revert: a signer the
// oracle does not know is warned about, too few known ones is an error.
func ConnectOracle(ctx context.Context, ch *evm.Chain, key oracle.Signer, signers []oracle.BatchSigner, log *slog.Logger,
	opts ...txmgr.Option) (*evm.Writer, error) {
	w, err := ch.Writer(ctx, key, opts...)
	if err != nil {
		return nil, err
	}
	info := ch.Info()
	registered, threshold, err := w.SignerSet(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the oracle's signer set at %s (is it an AlloraOracle?): %w", info.Oracle.Hex(), err)
	}
	known := make(map[common.Address]bool, len(registered))
	for _, a := range registered {
		known[a] = true
	}
	usable := 0
	for _, s := range signers {
		if known[s.Address()] {
			usable++
		} else {
			log.Warn("oracle signer key is not registered on this chain's oracle; its signatures would be refused",
				"chain", info.Name, "signer", s.Address().Hex())
		}
	}
	if usable < int(threshold) {
		return nil, fmt.Errorf("%d of the configured oracle signers are registered on %s, the oracle needs %d: add keys under signers.oracle or signers.cosigners, or have the owner call setSigners",
			usable, info.Oracle.Hex(), threshold)
	}
	log.Info("chain connected", "chain", info.Name, "chain_id", info.ID, "oracle", info.Oracle.Hex(),
		"threshold", threshold, "signers_registered", len(registered), "signers_local", usable)
	return w, nil
}

// RelayerConfig is the relayer's configuration of cfg: its topics, pace, update
// policy and each chain's gas cap, minimum balance, block time and batches in flight.
func RelayerConfig(cfg config.Config) relayer.Config {
	r := cfg.Relayer
	out := relayer.Config{
		Topics:           cfg.Topics,
		PollInterval:     r.PollInterval.Duration,
		PushInterval:     r.PushInterval.Duration,
		SubmitTimeout:    r.SubmitTimeout.Duration,
		ShutdownTimeout:  r.ShutdownTimeout.Duration,
		StallBlocks:      r.StallBlocks,
		Policy:           r.Policies(),
		MaxBatchGas:      r.MaxBatchGas,
		ChainMaxBatchGas: map[uint64]uint64{},
		ChainMinBalance:  map[uint64]*big.Int{},
		ChainMaxInFlight: map[uint64]int{},
		ChainFinality:    map[uint64]relayer.Finality{},
		BlockTimes:       make(map[uint64]time.Duration, len(cfg.Chains)),
	}
	for _, c := range cfg.Chains {
		if c.MaxBatchGas > 0 {
			out.ChainMaxBatchGas[c.ChainID] = c.MaxBatchGas
		}
		if wei := c.MinBalanceWei(); wei != nil {
			out.ChainMinBalance[c.ChainID] = wei
		}
		out.BlockTimes[c.ChainID] = c.EffectiveBlockTime()
		if tc, err := c.TxConfig(); err == nil {
			out.ChainMaxInFlight[c.ChainID] = tc.MaxInFlight
			tag, _ := c.EffectiveFinality().Tag()
			out.ChainFinality[c.ChainID] = relayer.Finality{Tag: tag, Depth: tc.Confirmations}
		}
	}
	return out
}
