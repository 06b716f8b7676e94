package evm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// RevertError is a contract's custom error, decoded from the revert data a node returned
// (at gas estimation or from a call). It wraps the node's error.
type RevertError struct {
	Name string // the custom error, such as "RoundNotDue"
	Args []any  // its arguments, decoded
	err  error
}

func (e *RevertError) Error() string {
	if e.Args == nil {
		return fmt.Sprintf("%v: %s", e.err, e.Name)
	}
	return fmt.Sprintf("%v: %s%v", e.err, e.Name, e.Args)
}

func (e *RevertError) Unwrap() error { return e.err }

// explainRevert decodes revert data carried by a JSON-RPC error into the custom error of
// whichever of the given contracts declares it, such as "UnknownSigner(0xab…)". Errors
// that carry no revert data, or data none of the contracts declares, come back as given.
func explainRevert(err error, abis ...abi.ABI) error {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return err
	}
	hexData, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	data, decErr := hexutil.Decode(hexData)
	if decErr != nil || len(data) < 4 {
		return err
	}
	for _, parsed := range abis {
		for name, e := range parsed.Errors {
			if [4]byte(e.ID[:4]) != [4]byte(data[:4]) {
				continue
			}
			args, uerr := e.Inputs.Unpack(data[4:])
			if uerr != nil {
				args = nil
			}
			return &RevertError{Name: name, Args: args, err: err}
		}
	}
	return err
}

// waitMined polls for the receipt of hash every poll until it exists or ctx is done. A
// receipt that is not found yet is the normal case; any other error is retried too,
// since an endpoint's hiccup must not lose track of a transaction already sent.
func waitMined(ctx context.Context, backend bind.DeployBackend, hash common.Hash, poll time.Duration) (*types.Receipt, error) {
	ticker := time.NewTicker(poll)
	defer ticker.Stop()
	for {
		receipt, err := backend.TransactionReceipt(ctx, hash)
		if err == nil && receipt != nil {
			return receipt, nil
		}
		select {
		case <-ctx.Done():
			if err != nil && !errors.Is(err, ethereum.NotFound) {
				return nil, fmt.Errorf("%w (last error: %v)", ctx.Err(), err)
			}
			return nil, ctx.Err()
		case <-ticker.C:
		}
	}
}

// sender sends transactions from one key to one chain and waits for their receipts.
type sender struct {
	backend Backend
	key     *ecdsa.PrivateKey
	chainID *big.Int
	poll    time.Duration
	abis    []abi.ABI // whose custom errors explain a revert
}

// send transacts data to contract with value (nil for none) and waits until it is mined.
// Gas is estimated first, so a call the contract rejects fails before anything is sent,
// with its custom error decoded; one mined but reverted returns the receipt and
// ErrReverted.
func (s *sender) send(ctx context.Context, contract *bind.BoundContract, what string, data []byte, value *big.Int) (*types.Receipt, error) {
	opts := bind.NewKeyedTransactor(s.key, s.chainID)
	opts.Context = ctx
	opts.Value = value
	tx, err := bind.Transact(contract, opts, data)
	if err != nil {
		return nil, fmt.Errorf("send %s: %w", what, explainRevert(err, s.abis...))
	}
	receipt, err := waitMined(ctx, s.backend, tx.Hash(), s.poll)
	if err != nil {
		return nil, fmt.Errorf("wait for %s %s: %w", what, tx.Hash(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("%s %s in block %d: %w", what, tx.Hash(), receipt.BlockNumber, ErrReverted)
	}
	return receipt, nil
}

func (s *sender) from() common.Address { return crypto.PubkeyToAddress(s.key.PublicKey) }
