package evm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/oracle"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
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

// sender sends a contract's transactions through a transaction manager, the one way
// the gateway sends anything to a chain: whoever else sends from the same key through
// the same manager (the oracle's submitter and the round keeper sharing a key) takes
// turns with it at the next nonce, never beside it.
type sender struct {
	tx   *txmgr.Manager
	abis []abi.ABI // whose custom errors explain a revert
}

// newSender sends with tx when given, or else through a manager of its own for key
// with the preset of the chain id.
func newSender(backend Backend, chainID uint64, key *ecdsa.PrivateKey, tx *txmgr.Manager, abis ...abi.ABI) (sender, error) {
	if tx == nil {
		m, err := ownManager(backend, chainID, key)
		if err != nil {
			return sender{}, err
		}
		tx = m
	}
	if got := tx.Config().ChainID; got != chainID {
		return sender{}, fmt.Errorf("transaction manager signs for chain %d, not %d: %w", got, chainID, ErrWrongChain)
	}
	return sender{tx: tx, abis: abis}, nil
}

// ownManager is a manager for key alone, with the preset of the chain id: for a
// contract made over a bare backend rather than through its Chain, which shares one
// manager per key.
func ownManager(backend Backend, chainID uint64, key *ecdsa.PrivateKey) (*txmgr.Manager, error) {
	if key == nil {
		return nil, errors.New("no key and no transaction manager to send with")
	}
	cfg, _ := presets.TxConfigFor(chainID)
	cfg.ReceiptPoll = min(cfg.ReceiptPoll, DefaultReceiptPoll)
	m, err := txmgr.New(cfg, backend, oracle.NewKeySigner(key))
	if err != nil {
		return nil, fmt.Errorf("transaction manager: %w", err)
	}
	return m, nil
}

// send transacts data to contract with value (nil for none) and waits until the
// manager holds it confirmed. Gas is estimated first, so a call the contract rejects
// fails before anything is sent, with its custom error decoded; one mined but reverted
// returns the receipt and ErrReverted.
func (s *sender) send(ctx context.Context, to common.Address, what string, data []byte, value *big.Int) (*types.Receipt, error) {
	var opts []txmgr.SendOption
	if value != nil {
		opts = append(opts, txmgr.WithValue(value))
	}
	res, err := s.tx.Send(ctx, to, data, opts...)
	var rev *txmgr.RevertError
	switch {
	case err == nil:
		return res.Receipt, nil
	case errors.As(err, &rev) && res != nil:
		return res.Receipt, fmt.Errorf("%s %s in block %d: %w", what, rev.TxHash, rev.BlockNumber, explainRevert(err, s.abis...))
	default:
		return nil, fmt.Errorf("send %s: %w", what, explainRevert(err, s.abis...))
	}
}

func (s *sender) from() common.Address { return s.tx.From() }
