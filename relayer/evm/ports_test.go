package evm_test

import (
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
)

// The ports the relayer declares, which this package implements without importing
// the relayer: a writer is the whole of relayer.ChainWriter (it reads the oracle and
// its signer set, estimates gas, submits, sees the journal through when its replica
// becomes the chain's submitter, and reads the chain's head and wallet for metrics and
// readiness); the request watcher feeds the paid-request queue.
var (
	_ relayer.ChainWriter    = (*evm.Writer)(nil)
	_ relayer.RequestWatcher = (*evm.RequestWatcher)(nil)
)
