package evm_test

import (
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
)

// The ports the relayer declares, which this package implements without importing
// the relayer: a writer reads, submits, estimates gas, sees the journal through when
// its replica becomes the chain's submitter, and reads the chain's head and wallet for
// metrics and readiness; the request watcher feeds the paid-request queue.
var (
	_ relayer.ChainWriter    = (*evm.Writer)(nil)
	_ relayer.GasEstimator   = (*evm.Writer)(nil)
	_ relayer.Resumer        = (*evm.Writer)(nil)
	_ relayer.HeadReader     = (*evm.Writer)(nil)
	_ relayer.WalletReader   = (*evm.Writer)(nil)
	_ relayer.RequestWatcher = (*evm.RequestWatcher)(nil)
)
