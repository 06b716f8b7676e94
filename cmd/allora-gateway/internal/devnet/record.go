package devnet

import (
	"context"
	"encoding/json"
	"log/slog"
	"math/big"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// marketAsset is the asset devnet's markets bet on, whose price the feeder sets.
const marketAsset = "ETH"

// roundRecorder writes what the keeper does to devnet's store, so that the API shows
// markets and rounds: for every executed call it reads each round the call touched
// from the chain and records it, and publishes a round event when its status changed.
// The keeper's event callback must not block, so events queue here and one goroutine
// reads the chain.
type roundRecorder struct {
	st      store.Store
	markets map[[2]string]*evm.Market // by chain id and market address
	queue   chan keeper.Event
	log     *slog.Logger
	lastID  atomic.Int64
}

func newRoundRecorder(st store.Store, log *slog.Logger) *roundRecorder {
	return &roundRecorder{st: st, markets: make(map[[2]string]*evm.Market), queue: make(chan keeper.Event, 64), log: log}
}

func recorderKey(info keeper.MarketInfo) [2]string {
	return [2]string{strconv.FormatUint(info.ChainID, 10), info.Address.Hex()}
}

func (r *roundRecorder) add(m *evm.Market) { r.markets[recorderKey(m.Info())] = m }

// observe queues a keeper event; when the queue is full the event is dropped with a
// warning rather than holding up the keeper.
func (r *roundRecorder) observe(ev keeper.Event) {
	select {
	case r.queue <- ev:
	default:
		r.log.Warn("round recorder behind; a round update is not recorded", "epoch", ev.Execution.Started)
	}
}

func (r *roundRecorder) run(ctx context.Context) error {
	// Record every market once at start, so the API lists them before their first round.
	for _, m := range r.markets {
		r.record(ctx, m, nil)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev := <-r.queue:
			m := r.markets[recorderKey(ev.Market)]
			if m == nil {
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
			r.record(ctx, m, epochs)
		}
	}
}

// record reads the market's state and the given rounds and stores them.
func (r *roundRecorder) record(ctx context.Context, m *evm.Market, epochs []uint64) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	info := m.Info()
	log := r.log.With("chain_id", info.ChainID, "market", info.Address.Hex())
	s, err := m.State(ctx)
	if err != nil {
		log.Warn("read market state to record it", "err", err)
		return
	}
	err = r.st.PutMarket(ctx, store.Market{
		ChainID: info.ChainID, Address: info.Address, Name: info.Name, TopicID: MarketTopic, Asset: marketAsset,
		IntervalSeconds: uint64(marketTiming(0).interval.Seconds()), CurrentEpoch: s.Epoch, Paused: s.Paused,
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
		rd := storeRound(epoch, raw, m.PriceDecimals())
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

func (r *roundRecorder) publish(ctx context.Context, info keeper.MarketInfo, rd store.Round) {
	ev, ok := r.st.(store.Events)
	if !ok {
		return
	}
	data, err := json.Marshal(store.RoundEvent{ChainID: info.ChainID, Market: info.Address, Round: rd})
	if err != nil {
		r.log.Error("encode round event", "err", err)
		return
	}
	// Microseconds, raised past the last id: unique and ordered, like the relayer's.
	id := r.lastID.Add(1)
	if now := time.Now().UnixMicro(); now > id {
		r.lastID.Store(now)
		id = now
	}
	if err := ev.Publish(ctx, store.Event{Kind: store.EventRound, Data: data, ID: strconv.FormatInt(id, 10)}); err != nil {
		r.log.Warn("publish round event", "err", err)
	}
}

// storeRound converts a round as the contract holds it to the store's.
func storeRound(epoch uint64, raw predictionmarket.PredictionMarketRound, priceDecimals uint8) store.Round {
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
