package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// Costs the floor is made of.
const (
	txIntrinsic     = 21_000
	calldataNonZero = 16
	calldataZero    = 4
	ecrecoverGas    = 3_000
	coldSload       = 2_100
	sstoreReset     = 2_900  // SSTORE of a slot that already holds a non-zero value
	sstoreSet       = 20_000 // SSTORE of a slot that holds zero
)

// storeWarmSet is the floor of storing one topic whose slot holds a value.
const storeWarmSet = sstoreReset + coldSload

// storeColdNew is the floor of storing one topic never set.
const storeColdNew = sstoreSet + coldSload

// ErrReverted means a measured transaction reverted.
var ErrReverted = errors.New("transaction reverted")

// chain is a simulated chain with one funded sender.
type chain struct {
	ctx     context.Context
	cancel  context.CancelFunc
	backend *simulated.Backend
	client  simulated.Client
	key     *ecdsa.PrivateKey
	from    common.Address
	chainID *big.Int
}

func newChain() (*chain, error) {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("gasbench sender")))
	if err != nil {
		return nil, err
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	funds := new(big.Int).Lsh(big.NewInt(1), 100)
	backend := simulated.NewBackend(types.GenesisAlloc{from: {Balance: funds}},
		simulated.WithBlockGasLimit(60_000_000), devchain.LiveGasSchedule)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	id, err := backend.Client().ChainID(ctx)
	if err != nil {
		cancel()
		_ = backend.Close()
		return nil, fmt.Errorf("chain id: %w", err)
	}
	return &chain{ctx: ctx, cancel: cancel, backend: backend, client: backend.Client(), key: key, from: from, chainID: id}, nil
}

func (c *chain) Close() error {
	c.cancel()
	return c.backend.Close()
}

func (c *chain) opts(value *big.Int) *bind.TransactOpts {
	opts := bind.NewKeyedTransactor(c.key, c.chainID)
	opts.Context = c.ctx
	opts.Value = value
	return opts
}

// deploy deploys a contract from its creation code and constructor input.
func (c *chain) deploy(name, bin string, input []byte) (common.Address, error) {
	addr, tx, err := bind.DeployContract(c.opts(nil), common.FromHex(bin), c.client, input)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy %s: %w", name, err)
	}
	if _, err := c.mine(tx); err != nil {
		return common.Address{}, fmt.Errorf("deploy %s: %w", name, err)
	}
	return addr, nil
}

// send sends calldata to a contract in its own block and returns the receipt.
func (c *chain) send(instance *bind.BoundContract, value *big.Int, calldata []byte) (*types.Receipt, error) {
	tx, err := bind.Transact(instance, c.opts(value), calldata)
	if err != nil {
		return nil, err
	}
	return c.mine(tx)
}

func (c *chain) mine(tx *types.Transaction) (*types.Receipt, error) {
	c.backend.Commit()
	receipt, err := bind.WaitMined(c.ctx, c.client, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("wait for %s: %w", tx.Hash(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("%s: %w", tx.Hash(), ErrReverted)
	}
	return receipt, nil
}

// now is the time of the latest block.
func (c *chain) now() (uint64, error) {
	head, err := c.client.HeaderByNumber(c.ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("latest header: %w", err)
	}
	return head.Time, nil
}

// calldataGas is what the calldata of a transaction costs: 16 per non-zero byte, 4 per
// zero byte (the selector included).
func calldataGas(data []byte) uint64 {
	var gas uint64
	for _, b := range data {
		if b == 0 {
			gas += calldataZero
		} else {
			gas += calldataNonZero
		}
	}
	return gas
}
