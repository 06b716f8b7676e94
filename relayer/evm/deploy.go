package evm

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/allorafeed"
	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/bindings/mockaggregator"
	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// DeployParams are the oracle's constructor arguments.
type DeployParams struct {
	Owner         common.Address
	Signers       []common.Address // sorted here; the contract requires ascending order
	Threshold     uint8
	MaxAge        uint64 // seconds
	MaxFutureSkew uint64 // seconds
}

// DeployOracle deploys an AlloraOracle with key and waits until it is mined.
func DeployOracle(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, p DeployParams) (common.Address, *types.Receipt, error) {
	return oneDeployed(deploy(ctx, backend, key, oracleCreation(p)))
}

// oracleCreation is the creation of an AlloraOracle with p.
func oracleCreation(p DeployParams) creation {
	signers := slices.Clone(p.Signers)
	slices.SortFunc(signers, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	contract := alloraoracle.NewAlloraOracle()
	return creation{
		name:  "AlloraOracle",
		bin:   alloraoracle.AlloraOracleMetaData.Bin,
		input: contract.PackConstructor(p.Owner, signers, p.Threshold, p.MaxAge, p.MaxFutureSkew),
		abi:   contract.GetABI(),
	}
}

// oneDeployed is the address and receipt of a single creation's deployment.
func oneDeployed(addrs []common.Address, receipts []*types.Receipt, err error) (common.Address, *types.Receipt, error) {
	if err != nil {
		var receipt *types.Receipt
		if len(receipts) == 1 {
			receipt = receipts[0]
		}
		return common.Address{}, receipt, err
	}
	return addrs[0], receipts[0], nil
}

// FeedParams are an AlloraFeed's constructor arguments: the Chainlink-style feed of one
// topic of an oracle.
type FeedParams struct {
	Oracle      common.Address
	TopicID     uint64
	Description string // the topic's metadata, such as "ETH 5min Price Prediction"
}

// DeployFeeds deploys one AlloraFeed per entry, sent back to back so that they are mined
// together, and waits for all of them. The addresses and receipts come in the order of
// feeds.
func DeployFeeds(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, feeds []FeedParams) ([]common.Address, []*types.Receipt, error) {
	return deploy(ctx, backend, key, feedCreations(feeds)...)
}

// feedCreations are the creations of an AlloraFeed per entry.
func feedCreations(feeds []FeedParams) []creation {
	contract := allorafeed.NewAlloraFeed()
	// The feed reads the oracle on every call: its reverts are the oracle's errors.
	oracleABI := alloraoracle.NewAlloraOracle().GetABI()
	creations := make([]creation, len(feeds))
	for i, f := range feeds {
		creations[i] = creation{
			name:  fmt.Sprintf("AlloraFeed of topic %d", f.TopicID),
			bin:   allorafeed.AlloraFeedMetaData.Bin,
			input: contract.PackConstructor(f.Oracle, f.TopicID, f.Description),
			abi:   oracleABI,
		}
	}
	return creations
}

// MockAggregatorParams are a MockAggregator's constructor arguments: a price feed anyone
// may set, for devnet and tests only.
type MockAggregatorParams struct {
	Decimals      uint8    // such as 8, as Chainlink's USD feeds
	Description   string   // such as "ETH / USD"
	InitialAnswer *big.Int // written as round 1; nil or zero writes none
}

// DeployMockAggregator deploys a settable price feed and waits until it is mined.
func DeployMockAggregator(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, p MockAggregatorParams) (common.Address, error) {
	addr, _, err := oneDeployed(deploy(ctx, backend, key, mockAggregatorCreation(p)))
	return addr, err
}

// mockAggregatorCreation is the creation of a MockAggregator with p.
func mockAggregatorCreation(p MockAggregatorParams) creation {
	contract := mockaggregator.NewMockAggregator()
	answer := p.InitialAnswer
	if answer == nil {
		answer = new(big.Int)
	}
	return creation{
		name:  "MockAggregator",
		bin:   mockaggregator.MockAggregatorMetaData.Bin,
		input: contract.PackConstructor(p.Decimals, p.Description, answer),
		abi:   contract.GetABI(),
	}
}

// MarketParams are a PredictionMarket's constructor arguments. Durations are
// whole seconds; the contract bounds them (an interval of 60 s to 7 days, a buffer of 5 s
// or more and shorter than the interval).
type MarketParams struct {
	Oracle           common.Address // the AlloraOracle whose topic predicts
	TopicID          uint64
	PriceFeed        common.Address // the AggregatorV3 feed of the realised price
	StakeToken       common.Address // the ERC-20 bets are made in; zero for the native coin
	Interval         time.Duration  // a round's betting phase, and then its running phase
	Buffer           time.Duration  // how late a round may still be locked or closed
	FeeBps           uint16         // treasury fee of decided rounds, at most 1000
	MinBet           *big.Int       // smallest bet, in wei
	MaxPriceAge      time.Duration  // oldest feed answer accepted
	MaxPredictionAge time.Duration  // oldest prediction accepted
	Owner            common.Address
	Treasury         common.Address
}

// ErrBadParams means deployment parameters cannot be encoded for the contract.
var ErrBadParams = errors.New("invalid deployment parameters")

// DeployMarket deploys a PredictionMarket and waits until it is mined. A constructor the
// contract rejects fails before anything is sent, naming the contract's error, such as
// InvalidInterval(30).
func DeployMarket(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, p MarketParams) (common.Address, error) {
	addrs, _, err := DeployMarkets(ctx, backend, key, []MarketParams{p})
	if err != nil {
		return common.Address{}, err
	}
	return addrs[0], nil
}

// DeployMarkets deploys PredictionMarkets with consecutive nonces and waits until every
// one is mined, returning their addresses and receipts in the order given.
func DeployMarkets(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, markets []MarketParams) ([]common.Address, []*types.Receipt, error) {
	cs, err := marketCreations(markets)
	if err != nil {
		return nil, nil, err
	}
	return deploy(ctx, backend, key, cs...)
}

// marketCreations are the creations of a PredictionMarket per entry, or why one
// cannot be encoded.
func marketCreations(markets []MarketParams) ([]creation, error) {
	contract := predictionmarket.NewPredictionMarket()
	cs := make([]creation, len(markets))
	for i, p := range markets {
		var errs []error
		secs := func(name string, d time.Duration) uint32 {
			if d < 0 || d%time.Second != 0 || d/time.Second > math.MaxUint32 {
				errs = append(errs, fmt.Errorf("%s %s is not a whole number of seconds that fits 32 bits: %w", name, d, ErrBadParams))
				return 0
			}
			return uint32(d / time.Second)
		}
		interval, buffer := secs("interval", p.Interval), secs("buffer", p.Buffer)
		maxPriceAge, maxPredictionAge := secs("max price age", p.MaxPriceAge), secs("max prediction age", p.MaxPredictionAge)
		if p.MinBet == nil {
			errs = append(errs, fmt.Errorf("minimum bet not set: %w", ErrBadParams))
		}
		if err := errors.Join(errs...); err != nil {
			return nil, fmt.Errorf("deploy PredictionMarket: %w", err)
		}
		cs[i] = creation{
			name: "PredictionMarket",
			bin:  predictionmarket.PredictionMarketMetaData.Bin,
			input: contract.PackConstructor(p.Oracle, p.TopicID, p.PriceFeed, p.StakeToken, interval, buffer, p.FeeBps,
				p.MinBet, maxPriceAge, maxPredictionAge, p.Owner, p.Treasury),
			abi: contract.GetABI(),
		}
	}
	return cs, nil
}

// creation is one contract to deploy.
type creation struct {
	name  string
	bin   string
	input []byte
	abi   abi.ABI // whose custom errors explain a rejected constructor
}

// deploy deploys the creations from key through a transaction manager of its own,
// with the preset of the backend's chain: for contracts made over a bare backend. A
// Chain deploys through the manager it holds for the key (deployWith).
func deploy(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, cs ...creation) ([]common.Address, []*types.Receipt, error) {
	id, err := chainID(ctx, backend)
	if err != nil {
		return nil, nil, fmt.Errorf("read chain id: %w", err)
	}
	m, err := ownManager(backend, id, key)
	if err != nil {
		return nil, nil, err
	}
	return deployWith(ctx, m, cs...)
}

// deployWith sends every creation through m at once, so that independent contracts
// take consecutive nonces and are mined together as far as m's window of
// transactions in flight allows, and waits until each is confirmed. Each creation's
// gas is estimated on the latest state: a creation that depends on another in the same
// call would fail. The addresses and receipts come in the order of cs; a creation that
// failed leaves the others to be seen through, and its error is returned.
func deployWith(ctx context.Context, m *txmgr.Manager, cs ...creation) ([]common.Address, []*types.Receipt, error) {
	addrs := make([]common.Address, len(cs))
	receipts := make([]*types.Receipt, len(cs))
	errs := make([]error, len(cs))
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Go(func() {
			res, err := m.Create(ctx, append(common.FromHex(c.bin), c.input...))
			var rev *txmgr.RevertError
			switch {
			case err == nil:
				addrs[i], receipts[i] = res.Receipt.ContractAddress, res.Receipt
			case errors.As(err, &rev) && res != nil:
				receipts[i] = res.Receipt
				errs[i] = fmt.Errorf("deploy %s %s: %w", c.name, rev.TxHash, ErrReverted)
			default:
				errs[i] = fmt.Errorf("deploy %s: %w", c.name, explainRevert(err, c.abi))
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, receipts, err
	}
	return addrs, receipts, nil
}
