package evm

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// RoundRecorder writes what happens to the markets to the store, so that the API shows
// markets, rounds and accuracy as the chain holds them without a chain call: for every
// call the keeper executes, and for every event of a market that changes a round (a
// bet, a round started, locked, ended or voided, by whoever sent it), it reads each
// round concerned from the chain (rounds(epoch)) and records it, publishing a round
// event when what is stored changed. With a price interval it also records each
// market's price feed as the realised price of the market's asset, which predictions
// are judged by. The keeper's event callback must not block, so events queue here and
// Run reads the chain.
type RoundRecorder struct {
	st      store.Store
	log     *slog.Logger
	markets map[[2]string]*recordedMarket // by chain id and market address
	queue   chan keeper.Event
	// priceEvery, when set, is how often each market's price feed is recorded.
	priceEvery time.Duration
	// watchEvery is how often each market's new logs are read.
	watchEvery time.Duration
	// roundEvents are the market's events that change a round, by topic; the value is
	// the position of the epoch among the log's topics (0: none, the market's
	// current round).
	roundEvents map[common.Hash]int
}

type recordedMarket struct {
	m        *Market
	asset    string
	topicID  uint64
	interval uint64
	feed     common.Address
	next     uint64 // the first block whose logs are not read yet
}

// NewRoundRecorder records into st. priceEvery, when positive, is how often each
// market's price feed is read and recorded as its asset's realised price; zero leaves
// prices to someone else (devnet's feeder records the price it sets).
func NewRoundRecorder(st store.Store, priceEvery time.Duration, log *slog.Logger) *RoundRecorder {
	return &RoundRecorder{st: st, log: log, markets: make(map[[2]string]*recordedMarket),
		queue: make(chan keeper.Event, 64), priceEvery: priceEvery, watchEvery: time.Second,
		roundEvents: roundEventTopics(predictionmarket.NewPredictionMarket().GetABI())}
}

// WatchEvery sets how often each market's new logs are read (default a second); a
// chain's block time is a good value. Call it before Run.
func (r *RoundRecorder) WatchEvery(d time.Duration) {
	if d > 0 {
		r.watchEvery = d
	}
}

// roundEventNames are the market's events after which a round reads differently.
// Claims and refunds change a bettor's ledger, not the round.
var roundEventNames = []string{"BetPlaced", "RoundStarted", "RoundLocked", "RoundEnded", "RoundVoided", "Paused", "Unpaused"}

// roundEventTopics maps each of roundEventNames the ABI has to the topic index of its
// indexed epoch (0 when it has none).
func roundEventTopics(a abi.ABI) map[common.Hash]int {
	out := make(map[common.Hash]int)
	for _, name := range roundEventNames {
		ev, ok := a.Events[name]
		if !ok {
			continue
		}
		at, indexed := 0, 0
		for _, in := range ev.Inputs {
			if !in.Indexed {
				continue
			}
			indexed++
			if in.Name == "epoch" {
				at = indexed
			}
		}
		out[ev.ID] = at
	}
	return out
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
	head, err := m.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("market %s: read the chain's head: %w", m.info.Address.Hex(), err)
	}
	r.markets[recorderKey(m.info)] = &recordedMarket{m: m, asset: assetOf(topic), topicID: topic, interval: interval.Uint64(), feed: feed,
		next: head.Number.Uint64()}
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
	watch := time.NewTicker(r.watchEvery)
	defer watch.Stop()
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
		case <-watch.C:
			for _, rm := range r.markets {
				r.watchLogs(ctx, rm)
			}
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

// maxLogRange is the most blocks one eth_getLogs of the recorder asks for, under the
// limits public endpoints put on log queries.
const maxLogRange = 1000

// watchLogs reads the market's logs of the blocks not read yet and records every round
// they concern. On an error the blocks are read again at the next tick.
func (r *RoundRecorder) watchLogs(ctx context.Context, rm *recordedMarket) {
	m := rm.m
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	head, err := m.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		if ctx.Err() == nil {
			r.log.Warn("read the chain's head to follow the market's bets; retrying", "chain_id", m.info.ChainID, "err", err)
		}
		return
	}
	topics := make([]common.Hash, 0, len(r.roundEvents))
	for id := range r.roundEvents {
		topics = append(topics, id)
	}
	for rm.next <= head.Number.Uint64() {
		to := min(head.Number.Uint64(), rm.next+maxLogRange-1)
		logs, err := m.backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(rm.next), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{m.info.Address}, Topics: [][]common.Hash{topics},
		})
		if err != nil {
			if ctx.Err() == nil {
				r.log.Warn("read the market's logs to follow its bets; retrying (does the endpoint serve eth_getLogs?)",
					"chain_id", m.info.ChainID, "market", m.info.Address.Hex(), "from_block", rm.next, "err", err)
			}
			return
		}
		var epochs []uint64
		seen := map[uint64]bool{}
		for _, l := range logs {
			if l.Removed || l.Address != m.info.Address || len(l.Topics) == 0 {
				continue
			}
			at, ok := r.roundEvents[l.Topics[0]]
			if !ok || at == 0 || at >= len(l.Topics) {
				continue // the market's state only: record reads its current round anyway
			}
			if e := l.Topics[at].Big(); e.IsUint64() && !seen[e.Uint64()] {
				seen[e.Uint64()] = true
				epochs = append(epochs, e.Uint64())
			}
		}
		if len(logs) > 0 {
			r.record(ctx, rm, epochs)
		}
		rm.next = to + 1
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

// record reads the market's state, its current round and the given rounds and stores
// them.
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
	if s.Epoch != 0 && !slices.Contains(epochs, s.Epoch) {
		epochs = append(epochs, s.Epoch)
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
func StoreRound(epoch uint64, raw predictionmarket.Round, priceDecimals uint8) store.Round {
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
