package evm

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
)

// ReadBackend is what a Reader needs of a chain endpoint.
type ReadBackend interface {
	bind.ContractBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Reader reads one chain's AlloraOracle and holds no key, for tools that only look
// (the status command) and must not need a passphrase to do so. A Writer reads
// through one.
type Reader struct {
	chain    oracle.Chain
	contract *alloraoracle.AlloraOracle
	instance *bind.BoundContract
}

// NewReader connects to chain's oracle over backend, checking that the endpoint serves
// the chain id configured.
func NewReader(ctx context.Context, chain oracle.Chain, backend ReadBackend) (*Reader, error) {
	id, err := chainID(ctx, backend)
	if err != nil {
		return nil, fmt.Errorf("chain %s (%d): read chain id: %w", chain.Name, chain.ID, err)
	}
	if id != chain.ID {
		return nil, fmt.Errorf("chain %s: configured id %d, endpoint answers %d: %w", chain.Name, chain.ID, id, ErrWrongChain)
	}
	return newReader(chain, backend), nil
}

func newReader(chain oracle.Chain, backend bind.ContractBackend) *Reader {
	contract := alloraoracle.NewAlloraOracle()
	return &Reader{chain: chain, contract: contract, instance: contract.Instance(backend, chain.Oracle)}
}

// Chain names the chain and its oracle.
func (r *Reader) Chain() oracle.Chain { return r.chain }

// TopicStates reads what the oracle holds for each topic with one call.
func (r *Reader) TopicStates(ctx context.Context, topicIDs []uint64) ([]oracle.ChainTopic, error) {
	states, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx}, r.contract.PackTopicStates(topicIDs), r.contract.UnpackTopicStates)
	if err != nil {
		return nil, fmt.Errorf("call topicStates: %w", r.explain(err))
	}
	if len(states) != len(topicIDs) {
		return nil, fmt.Errorf("topicStates answered %d states for %d topics: %w", len(states), len(topicIDs), ErrUnexpected)
	}
	out := make([]oracle.ChainTopic, len(states))
	for i, s := range states {
		out[i] = oracle.ChainTopic{TopicID: topicIDs[i], BlockHeight: s.BlockHeight, LossBlockHeight: s.LossBlockHeight, Timestamp: s.Timestamp}
		if s.BlockHeight != 0 {
			out[i].Value = s.Value
		}
	}
	return out, nil
}

// Latest reads latest(topicId), as a protocol reading the oracle would.
func (r *Reader) Latest(ctx context.Context, topicID uint64) (alloraoracle.LatestOutput, error) {
	out, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx}, r.contract.PackLatest(topicID), r.contract.UnpackLatest)
	if err != nil {
		return out, fmt.Errorf("call latest(%d): %w", topicID, r.explain(err))
	}
	return out, nil
}

// SignerSet reads the oracle's registered signers and its threshold.
func (r *Reader) SignerSet(ctx context.Context) ([]common.Address, uint8, error) {
	opts := &bind.CallOpts{Context: ctx}
	signers, err := bind.Call(r.instance, opts, r.contract.PackSigners(), r.contract.UnpackSigners)
	if err != nil {
		return nil, 0, fmt.Errorf("call signers: %w", r.explain(err))
	}
	threshold, err := bind.Call(r.instance, opts, r.contract.PackThreshold(), r.contract.UnpackThreshold)
	if err != nil {
		return nil, 0, fmt.Errorf("call threshold: %w", r.explain(err))
	}
	return signers, threshold, nil
}

// explain adds the contract's custom error, when the node returned revert data, to err.
func (r *Reader) explain(err error) error {
	return explainRevert(err, r.contract.GetABI())
}
