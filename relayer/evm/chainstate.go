package evm

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// WithTxOptions passes opts to the transaction manager the writer builds (not one
// given by WithTxManager), such as txmgr.WithEvents for metrics or a logger.
func WithTxOptions(opts ...txmgr.Option) WriterOption {
	return func(w *Writer) { w.txOptions = append(w.txOptions, opts...) }
}

// Resume sees every journaled transaction of the chain through before anything new
// is sent (see txmgr.Manager.Resume).
func (w *Writer) Resume(ctx context.Context) error {
	if err := w.tx.Resume(ctx); err != nil {
		return fmt.Errorf("chain %s: %w", w.chain.Name, err)
	}
	return nil
}

// Head reads the chain's latest block number and time.
func (w *Writer) Head(ctx context.Context) (oracle.ChainHead, error) {
	return readHead(ctx, w.backend, w.chain.Name)
}

// TaggedHead reads the block a JSON-RPC block tag names, "finalized" or "safe", through
// the chain's endpoints. An endpoint that does not serve the tag answers an error (or
// no block), which the relayer takes as the tag not being served.
func (w *Writer) TaggedHead(ctx context.Context, tag string) (oracle.ChainHead, error) {
	var number rpc.BlockNumber
	switch tag {
	case "finalized":
		number = rpc.FinalizedBlockNumber
	case "safe":
		number = rpc.SafeBlockNumber
	default:
		return oracle.ChainHead{}, fmt.Errorf("chain %s: block tag %q: want finalized or safe", w.chain.Name, tag)
	}
	h, err := w.backend.HeaderByNumber(ctx, big.NewInt(number.Int64()))
	if err != nil {
		return oracle.ChainHead{}, fmt.Errorf("chain %s: read the %s header: %w", w.chain.Name, tag, err)
	}
	return oracle.ChainHead{Number: h.Number.Uint64(), Time: time.Unix(int64(h.Time), 0)}, nil
}

// readHead reads the latest block number and time of the chain named name.
func readHead(ctx context.Context, backend Backend, name string) (oracle.ChainHead, error) {
	h, err := backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return oracle.ChainHead{}, fmt.Errorf("chain %s: read latest header: %w", name, err)
	}
	return oracle.ChainHead{Number: h.Number.Uint64(), Time: time.Unix(int64(h.Time), 0)}, nil
}

// WalletBalance reads what the submitting wallet holds, in wei, at the latest block.
func (w *Writer) WalletBalance(ctx context.Context) (*big.Int, error) {
	b, err := w.backend.BalanceAt(ctx, w.from, nil)
	if err != nil {
		return nil, fmt.Errorf("chain %s: read balance of %s: %w", w.chain.Name, w.from, err)
	}
	return b, nil
}

// receiptFee is what a mined transaction cost its sender, in wei: the gas it used at
// the price it paid. A receipt without an effective gas price (endpoints before the
// London fork left it out) yields nil rather than a guess.
func receiptFee(r *types.Receipt) *big.Int {
	if r.EffectiveGasPrice == nil {
		return nil
	}
	return new(big.Int).Mul(r.EffectiveGasPrice, new(big.Int).SetUint64(r.GasUsed))
}
