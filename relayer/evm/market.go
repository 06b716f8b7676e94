package evm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

// Market reads and drives one chain's PredictionMarket: the keeper's view of it, and
// bets for devnet and tests.
type Market struct {
	info          keeper.MarketInfo
	backend       Backend
	contract      *predictionmarket.PredictionMarket
	instance      *bind.BoundContract
	sender        sender
	priceDecimals uint8
	priceFeed     common.Address
}

var (
	_ keeper.Market      = (*Market)(nil)
	_ keeper.PriceRounds = (*Market)(nil)
)

// NewMarket connects to the market at info.Address over backend and sends with key, or
// through tx when it is given (then key may be nil): the manager of a key that also
// sends other transactions on the chain. It checks that the endpoint serves
// info.ChainID and reads the price feed's address and decimals.
func NewMarket(ctx context.Context, info keeper.MarketInfo, backend Backend, key *ecdsa.PrivateKey, tx ...*txmgr.Manager) (*Market, error) {
	id, err := chainID(ctx, backend)
	if err != nil {
		return nil, fmt.Errorf("chain %s (%d): read chain id: %w", info.ChainName, info.ChainID, err)
	}
	if id != info.ChainID {
		return nil, fmt.Errorf("chain %s: configured id %d, endpoint answers %d: %w", info.ChainName, info.ChainID, id, ErrWrongChain)
	}
	contract := predictionmarket.NewPredictionMarket()
	snd, err := newSender(backend, id, key, firstManager(tx), contract.GetABI())
	if err != nil {
		return nil, fmt.Errorf("market %s on %s: %w", info.Address, info.ChainName, err)
	}
	m := &Market{
		info:     info,
		backend:  backend,
		contract: contract,
		instance: contract.Instance(backend, info.Address),
		sender:   snd,
	}
	m.priceDecimals, err = bind.Call(m.instance, &bind.CallOpts{Context: ctx}, contract.PackPriceDecimals(), contract.UnpackPriceDecimals)
	if err != nil {
		return nil, fmt.Errorf("market %s on %s: read priceDecimals: %w", info.Address, info.ChainName, m.explain(err))
	}
	m.priceFeed, err = bind.Call(m.instance, &bind.CallOpts{Context: ctx}, contract.PackPriceFeed(), contract.UnpackPriceFeed)
	if err != nil {
		return nil, fmt.Errorf("market %s on %s: read priceFeed: %w", info.Address, info.ChainName, m.explain(err))
	}
	return m, nil
}

// Info names the market.
func (m *Market) Info() keeper.MarketInfo { return m.info }

// PriceDecimals are the decimals of the market's price feed, of lock and close prices.
func (m *Market) PriceDecimals() uint8 { return m.priceDecimals }

func (m *Market) explain(err error) error { return explainRevert(err, m.contract.GetABI()) }

// State reads the market as of the latest block, every value from that same block.
func (m *Market) State(ctx context.Context) (keeper.State, error) {
	head, err := m.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return keeper.State{}, fmt.Errorf("read latest header: %w", err)
	}
	opts := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
	s := keeper.State{BlockNumber: head.Number.Uint64(), BlockTime: head.Time}
	epoch, err := bind.Call(m.instance, opts, m.contract.PackCurrentEpoch(), m.contract.UnpackCurrentEpoch)
	if err != nil {
		return s, fmt.Errorf("call currentEpoch: %w", m.explain(err))
	}
	s.Epoch = epoch.Uint64()
	flags := []struct {
		name   string
		data   []byte
		unpack func([]byte) (bool, error)
		into   *bool
	}{
		{"genesisStarted", m.contract.PackGenesisStarted(), m.contract.UnpackGenesisStarted, &s.GenesisStarted},
		{"genesisLocked", m.contract.PackGenesisLocked(), m.contract.UnpackGenesisLocked, &s.GenesisLocked},
		{"paused", m.contract.PackPaused(), m.contract.UnpackPaused, &s.Paused},
	}
	for _, f := range flags {
		if *f.into, err = bind.Call(m.instance, opts, f.data, f.unpack); err != nil {
			return s, fmt.Errorf("call %s: %w", f.name, m.explain(err))
		}
	}
	if s.Epoch == 0 {
		return s, nil
	}
	r, err := bind.Call(m.instance, opts, m.contract.PackRounds(epoch), m.contract.UnpackRounds)
	if err != nil {
		return s, fmt.Errorf("call rounds(%d): %w", s.Epoch, m.explain(err))
	}
	s.LockTimestamp = r.LockTimestamp.Uint64()
	s.BufferSeconds = uint64(r.BufferSeconds)
	return s, nil
}

// LatestPriceRound reads the latest round of the market's price feed.
func (m *Market) LatestPriceRound(ctx context.Context) (keeper.PriceRound, error) {
	r, err := LatestRoundData(ctx, m.backend, m.priceFeed)
	return keeper.PriceRound{ID: r.RoundID, UpdatedAt: r.UpdatedAt}, err
}

// PriceRound reads round id of the market's price feed.
func (m *Market) PriceRound(ctx context.Context, id *big.Int) (keeper.PriceRound, error) {
	r, err := RoundData(ctx, m.backend, m.priceFeed, id)
	return keeper.PriceRound{ID: r.RoundID, UpdatedAt: r.UpdatedAt}, err
}

// priceRoundAtLock finds the feed's round in force at the current round's lock time,
// which genesisLock and executeRound are given. When none is found (a failed feed, a
// round no longer kept) it gives 0: the market then voids the round on a failed feed,
// refuses the call otherwise, and needs no price once the round's buffer has passed.
func (m *Market) priceRoundAtLock(ctx context.Context) *big.Int {
	s, err := m.State(ctx)
	if err != nil {
		return new(big.Int)
	}
	id, err := keeper.PriceRoundAt(ctx, m, s.LockTimestamp)
	if err != nil {
		return new(big.Int)
	}
	return id
}

// Execute sends genesisStart, genesisLock or executeRound, waits until it is mined and
// reports the rounds it started, locked, closed and voided. genesisLock and executeRound
// are given the price feed's round in force at the lock time (keeper.PriceRoundAt). A
// call the contract rejects fails before anything is sent, wrapping keeper.ErrRefused
// and naming the contract's error (RoundNotDue, MarketPaused, PriceRoundNotInForce…).
func (m *Market) Execute(ctx context.Context, step keeper.Step) (keeper.Execution, error) {
	var data []byte
	switch step {
	case keeper.GenesisStart:
		data = m.contract.PackGenesisStart()
	case keeper.GenesisLock:
		data = m.contract.PackGenesisLock(m.priceRoundAtLock(ctx))
	case keeper.ExecuteRound:
		data = m.contract.PackExecuteRound(m.priceRoundAtLock(ctx))
	default:
		return keeper.Execution{}, fmt.Errorf("execute %s: %w", step, ErrUnexpected)
	}
	receipt, err := m.sender.send(ctx, m.info.Address, step.String(), data, nil)
	var revert *RevertError
	if receipt == nil && errors.As(err, &revert) {
		// Refused at estimation: nothing was sent.
		return keeper.Execution{Step: step}, fmt.Errorf("%w: %w", keeper.ErrRefused, err)
	}
	if err != nil {
		return keeper.Execution{Step: step}, err
	}
	return m.execution(step, receipt), nil
}

// execution reads the market's round events from a receipt.
func (m *Market) execution(step keeper.Step, receipt *types.Receipt) keeper.Execution {
	exec := keeper.Execution{Step: step, TxHash: receipt.TxHash, BlockNumber: receipt.BlockNumber.Uint64(), GasUsed: receipt.GasUsed}
	for _, l := range receipt.Logs {
		if l.Address != m.info.Address {
			continue
		}
		if ev, err := m.contract.UnpackRoundStartedEvent(l); err == nil {
			exec.Started = ev.Epoch.Uint64()
		} else if ev, err := m.contract.UnpackRoundLockedEvent(l); err == nil {
			exec.Locked = &keeper.Locked{
				Epoch: ev.Epoch.Uint64(), Price: ev.LockPrice, PriceDecimals: m.priceDecimals,
				AIPrediction: ev.AiPrediction, AICall: keeper.AICall(ev.AiCall), Status: keeper.Status(ev.Status),
			}
		} else if ev, err := m.contract.UnpackRoundEndedEvent(l); err == nil {
			exec.Closed = &keeper.Closed{
				Epoch: ev.Epoch.Uint64(), Price: ev.ClosePrice, PriceDecimals: m.priceDecimals, Status: keeper.Status(ev.Status),
			}
		} else if ev, err := m.contract.UnpackRoundVoidedEvent(l); err == nil {
			exec.Voided = append(exec.Voided, keeper.Voided{Epoch: ev.Epoch.Uint64(), Reason: keeper.VoidReason(ev.Reason)})
		}
	}
	return exec
}

// Round reads round epoch as of the latest block.
func (m *Market) Round(ctx context.Context, epoch uint64) (predictionmarket.Round, error) {
	r, err := bind.Call(m.instance, &bind.CallOpts{Context: ctx}, m.contract.PackRounds(new(big.Int).SetUint64(epoch)), m.contract.UnpackRounds)
	if err != nil {
		return r, fmt.Errorf("call rounds(%d): %w", epoch, m.explain(err))
	}
	return r, nil
}

// Bet stakes amount of the native coin in round epoch, with or against the AI, and
// waits until it is mined.
func (m *Market) Bet(ctx context.Context, epoch uint64, withAI bool, amount *big.Int) (*types.Receipt, error) {
	e := new(big.Int).SetUint64(epoch)
	data, what := m.contract.PackBetAgainstAI(e, amount), "betAgainstAI"
	if withAI {
		data, what = m.contract.PackBetWithAI(e, amount), "betWithAI"
	}
	return m.sender.send(ctx, m.info.Address, what, data, amount)
}

// From is the address the market's calls are sent from.
func (m *Market) From() common.Address { return m.sender.from() }

func firstManager(tx []*txmgr.Manager) *txmgr.Manager {
	if len(tx) > 0 {
		return tx[0]
	}
	return nil
}
