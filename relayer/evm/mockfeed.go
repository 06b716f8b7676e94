package evm

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/allorafeed"
	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/bindings/mockaggregator"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// MockFeed writes a MockAggregator price feed: devnet's stand-in for a Chainlink feed of
// the realised price. Anyone may set such a feed; it is never deployed on a real chain.
type MockFeed struct {
	address  common.Address
	contract *mockaggregator.MockAggregator
	instance *bind.BoundContract
	sender   sender
}

// NewMockFeed connects to the feed at address over backend and sends with key.
func NewMockFeed(ctx context.Context, backend Backend, address common.Address, key *ecdsa.PrivateKey) (*MockFeed, error) {
	id, err := chainID(ctx, backend)
	if err != nil {
		return nil, fmt.Errorf("read chain id: %w", err)
	}
	m, err := ownManager(backend, id, key)
	if err != nil {
		return nil, fmt.Errorf("price feed %s: %w", address, err)
	}
	return newMockFeed(backend, address, m), nil
}

// newMockFeed sets the feed at address through tx.
func newMockFeed(backend Backend, address common.Address, tx *txmgr.Manager) *MockFeed {
	contract := mockaggregator.NewMockAggregator()
	return &MockFeed{
		address:  address,
		contract: contract,
		instance: contract.Instance(backend, address),
		sender:   sender{tx: tx, abis: []abi.ABI{contract.GetABI()}},
	}
}

// SetAnswer opens the feed's next round with answer (in the feed's decimals), stamped
// with the block time, and waits until it is mined.
func (f *MockFeed) SetAnswer(ctx context.Context, answer *big.Int) (*types.Receipt, error) {
	return f.sender.send(ctx, f.address, "setAnswer", f.contract.PackSetAnswer(answer), nil)
}

// FeedRound is a round of an AggregatorV3 feed, as latestRoundData answers it.
type FeedRound struct {
	RoundID         *big.Int
	Answer          *big.Int
	StartedAt       uint64
	UpdatedAt       uint64
	AnsweredInRound *big.Int
}

// LatestRoundData reads latestRoundData() of any AggregatorV3 feed at address (an
// AlloraFeed, a MockAggregator, a Chainlink feed), as a protocol built for Chainlink
// reads it.
func LatestRoundData(ctx context.Context, backend bind.ContractCaller, address common.Address) (FeedRound, error) {
	// Every AggregatorV3 feed shares the method; the AlloraFeed's binding has named outputs.
	contract := allorafeed.NewAlloraFeed()
	instance := bind.NewBoundContract(address, contract.GetABI(), backend, nil, nil)
	out, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, contract.PackLatestRoundData(), contract.UnpackLatestRoundData)
	if err != nil {
		return FeedRound{}, fmt.Errorf("call latestRoundData of %s: %w", address,
			explainRevert(err, alloraoracle.NewAlloraOracle().GetABI(), mockaggregator.NewMockAggregator().GetABI()))
	}
	return FeedRound{
		RoundID: out.RoundId, Answer: out.Answer, StartedAt: out.StartedAt.Uint64(), UpdatedAt: out.UpdatedAt.Uint64(),
		AnsweredInRound: out.AnsweredInRound,
	}, nil
}

// RoundData reads getRoundData(id) of any AggregatorV3 feed at address. A round the
// feed does not keep is an error naming the feed's custom error (RoundNotAvailable for
// an AlloraFeed).
func RoundData(ctx context.Context, backend bind.ContractCaller, address common.Address, id *big.Int) (FeedRound, error) {
	contract := allorafeed.NewAlloraFeed()
	instance := bind.NewBoundContract(address, contract.GetABI(), backend, nil, nil)
	out, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, contract.PackGetRoundData(id), contract.UnpackGetRoundData)
	if err != nil {
		return FeedRound{}, fmt.Errorf("call getRoundData(%s) of %s: %w", id, address,
			explainRevert(err, alloraoracle.NewAlloraOracle().GetABI(), mockaggregator.NewMockAggregator().GetABI()))
	}
	return FeedRound{
		RoundID: out.RoundId, Answer: out.Answer, StartedAt: out.StartedAt.Uint64(), UpdatedAt: out.UpdatedAt.Uint64(),
		AnsweredInRound: out.AnsweredInRound,
	}, nil
}
