package evm

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// RoundRecorder writes what the round keeper does to the store, so that the API shows
// markets, rounds and accuracy without a chain call: for every executed call it reads
// each round the call touched from the chain and records it, publishing a round event
// when its status changed. With a price interval it also records each market's price
// feed as the realised price of the market's asset, which predictions are judged by.
// The keeper's event callback must not block, so events queue here and Run reads the
// chain.
type RoundRecorder struct {
	st      store.Store
	log     *slog.Logger
	markets map[[2]string]*recordedMarket // by chain id and market address
	queue   chan keeper.Event
	// priceEvery, when set, is how often each market's price feed is recorded.
	priceEvery time.Duration
}

type recordedMarket struct {
	m        *Market
	asset    string
	topicID  uint64
	interval uint64
	feed     common.Address
}

// NewRoundRecorder records into st. priceEvery, when positive, is how often each
// market's price feed is read and recorded as its asset's realised price; zero leaves
// prices to someone else (devnet's feeder records the price it sets).
func NewRoundRecorder(st store.Store, priceEvery time.Duration, log *slog.Logger) *RoundRecorder {
	return &RoundRecorder{st: st, log: log, markets: make(map[[2]string]*recordedMarket),
		queue: make(chan keeper.Event, 64), priceEvery: priceEvery}
}

func recorderKey(info keeper.MarketInfo) [2]string {
	return [2]string{strconv.FormatUint(info.ChainID, 10), info.Address.Hex()}
}

// Add records m's rounds from now on. It reads the market's topic, interval and price
// feed from the chain; assetOf names the asset (a ticker such as "ETH") the market's
// topic predicts. Call it before Run.
func (r *RoundRecorder) Add(ctx context.Context, m *Market, assetOf func(topicID uint64) string) error {
	opts := &bind.CallOpts{Context: ctx}
	c := m.contract
	topic, err := bind.Call(m.instance, opts, c.PackTopicId(), c.UnpackTopicId)
	if err != nil {
		return fmt.Errorf("market %s: read topicId: %w", m.info.Address.Hex(), m.explain(err))
	}
	interval, err := bind.Call(m.instance, opts, c.PackIntervalSeconds(), c.UnpackIntervalSeconds)
	if err != nil {
		return fmt.Errorf("market %s: read intervalSeconds: %w", m.info.Address.Hex(), m.explain(err))
	}
	feed, err := bind.Call(m.instance, opts, c.PackPriceFeed(), c.UnpackPriceFeed)
	if err != nil {
		return fmt.Errorf("market %s: read priceFeed: %w", m.info.Address.Hex(), m.explain(err))
	}
	r.markets[recorderKey(m.info)] = &recordedMarket{m: m, asset: assetOf(topic), topicID: topic, interval: interval.Uint64(), feed: feed}
	return nil
}

// Observe queues a keeper event, for keeper.WithEvents. When the queue is full the
// event is dropped with a warning rather than holding up the keeper; the next event of
// the market records its rounds again.
func (r *RoundRecorder) Observe(ev keeper.Event) {
	select {
	case r.queue <- ev:
	default:
		r.log.Warn("round recorder behind; a round update is not recorded", "epoch", ev.Execution.Started)
	}
}

// Run records every market once, then each observed execution and, with a price
// interval, the markets' prices, until ctx ends.
func (r *RoundRecorder) Run(ctx context.Context) error {
	for _, rm := range r.markets {
		r.record(ctx, rm, nil)
	}
	var tick <-chan time.Time
	if r.priceEvery > 0 {
		t := time.NewTicker(r.priceEvery)
		defer t.Stop()
		tick = t.C
		r.recordPrices(ctx)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick:
			r.recordPrices(ctx)
		case ev := <-r.queue:
			rm := r.markets[recorderKey(ev.Market)]
			if rm == nil {
				continue
			}
			e := ev.Execution
			var epochs []uint64
			if e.Locked != nil {
				epochs = append(epochs, e.Locked.Epoch)
			}
			if e.Closed != nil {
				epochs = append(epochs, e.Closed.Epoch)
			}
			for _, v := range e.Voided {
				epochs = append(epochs, v.Epoch)
			}
			if e.Started != 0 {
				epochs = append(epochs, e.Started)
			}
			r.record(ctx, rm, epochs)
		}
	}
}

// recordPrices reads each market's feed and records its answer as the asset's price.
func (r *RoundRecorder) recordPrices(ctx context.Context) {
	for _, rm := range r.markets {
		info := rm.m.info
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		fr, err := LatestRoundData(cctx, rm.m.backend, rm.feed)
		cancel()
		if err != nil {
			if ctx.Err() == nil {
				r.log.Warn("read the market's price feed to record the realised price; retrying next tick",
					"chain_id", info.ChainID, "feed", rm.feed.Hex(), "err", err)
			}
			continue
		}
		if fr.Answer == nil || fr.Answer.Sign() <= 0 || fr.UpdatedAt == 0 {
			r.log.Warn("price feed answered no usable price; not recorded", "chain_id", info.ChainID, "feed", rm.feed.Hex())
			continue
		}
		err = store.RecordAndPublishPrice(ctx, r.st, store.Price{
			Asset:  rm.asset,
			Value:  decimal.NewFromBigInt(fr.Answer, -int32(rm.m.priceDecimals)).String(),
			At:     time.Unix(int64(fr.UpdatedAt), 0).UTC(),
			Source: fmt.Sprintf("price feed %s on chain %d", rm.feed.Hex(), info.ChainID),
		})
		if err != nil && ctx.Err() == nil {
			r.log.Warn("record the realised price", "asset", rm.asset, "err", err)
		}
	}
}

// record reads the market's state and the given rounds and stores them.
func (r *RoundRecorder) record(ctx context.Context, rm *recordedMarket, epochs []uint64) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	m := rm.m
	info := m.Info()
	log := r.log.With("chain_id", info.ChainID, "market", info.Address.Hex())
	s, err := m.State(ctx)
	if err != nil {
		log.Warn("read market state to record it", "err", err)
		return
	}
	err = r.st.PutMarket(ctx, store.Market{
		ChainID: info.ChainID, Address: info.Address, Name: info.Name, TopicID: rm.topicID, Asset: rm.asset,
		IntervalSeconds: rm.interval, CurrentEpoch: s.Epoch, Paused: s.Paused,
	})
	if err != nil {
		log.Warn("record market", "err", err)
		return
	}
	for _, epoch := range epochs {
		raw, err := m.Round(ctx, epoch)
		if err != nil {
			log.Warn("read round to record it", "epoch", epoch, "err", err)
			continue
		}
		rd := StoreRound(epoch, raw, m.PriceDecimals())
		changed, err := r.st.PutRound(ctx, info.ChainID, info.Address, rd)
		if err != nil {
			log.Warn("record round", "epoch", epoch, "err", err)
			continue
		}
		if changed {
			r.publish(ctx, info, rd)
		}
	}
}

func (r *RoundRecorder) publish(ctx context.Context, info keeper.MarketInfo, rd store.Round) {
	if err := store.Publish(ctx, r.st, store.RoundEvent{ChainID: info.ChainID, Market: info.Address, Round: rd}); err != nil {
		r.log.Warn("publish round event", "err", err)
	}
}

// StoreRound converts a round as the contract holds it to the store's.
func StoreRound(epoch uint64, raw predictionmarket.PredictionMarketRound, priceDecimals uint8) store.Round {
	unix := func(v *big.Int) time.Time {
		if v == nil || v.Sign() == 0 {
			return time.Time{}
		}
		return time.Unix(v.Int64(), 0).UTC()
	}
	amount := func(v *big.Int, decimals uint8) string {
		if v == nil || v.Sign() == 0 {
			return ""
		}
		return decimal.NewFromBigInt(v, -int32(decimals)).String()
	}
	rd := store.Round{
		Epoch: epoch, StartTime: unix(raw.StartTimestamp), LockTime: unix(raw.LockTimestamp), CloseTime: unix(raw.CloseTimestamp),
		LockPrice: amount(raw.LockPrice, priceDecimals), ClosePrice: amount(raw.ClosePrice, priceDecimals),
		AIPrediction: amount(raw.AiPrediction, oracle.Decimals),
		WithAIPool:   raw.WithAIAmount, AgainstAIPool: raw.AgainstAIAmount,
	}
	switch keeper.AICall(raw.AiCall) {
	case keeper.Up:
		rd.AIDirection = store.DirectionUp
	case keeper.Down:
		rd.AIDirection = store.DirectionDown
	}
	switch keeper.Status(raw.Status) {
	case keeper.StatusLocked:
		rd.Status = store.RoundLocked
	case keeper.StatusAIRight:
		rd.Status, rd.Outcome = store.RoundClosed, store.OutcomeAIRight
	case keeper.StatusAIWrong:
		rd.Status, rd.Outcome = store.RoundClosed, store.OutcomeAIWrong
	case keeper.StatusVoid:
		rd.Status, rd.Outcome = store.RoundVoid, store.OutcomeRefund
		if keeper.VoidReason(raw.VoidReason) == keeper.Tie {
			rd.Outcome = store.OutcomeTie
		}
	default:
		rd.Status = store.RoundOpen
	}
	return rd
}
