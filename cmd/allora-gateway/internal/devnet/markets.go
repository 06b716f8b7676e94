package devnet

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// marketAsset is the asset devnet's markets bet on, whose price the feeder sets.
const marketAsset = "ETH"

// timing is the market's round timing on devnet's chains.
type timing struct {
	interval, buffer, maxPriceAge time.Duration
}

// marketTiming makes rounds as short as the contract allows (60 s) or ten blocks,
// whichever is longer, with a buffer of half the interval. Chain time, not wall time:
// the simulated chain stamps each block at least a second after the one before, so
// with blocks faster than a second a round takes fewer wall seconds, and so does the
// buffer; half the interval leaves the keeper a few wall seconds even at 100 ms blocks.
func marketTiming(blockTime time.Duration) timing {
	perBlock := max(time.Second, blockTime.Truncate(time.Second))
	interval := max(60*time.Second, 10*perBlock)
	return timing{interval: interval, buffer: (interval / 2).Truncate(time.Second), maxPriceAge: interval}
}

// feedUnit turns the oracle's 18 decimals into the price feed's.
var feedUnit = new(big.Int).Exp(big.NewInt(10), big.NewInt(18-priceFeedDecimals), nil)

// price is the emulator's current price of the market's asset in the feed's decimals.
func (d *Devnet) price() (*big.Int, error) {
	value, ok := d.Emulator.Price(MarketTopic)
	if !ok {
		return nil, fmt.Errorf("emulator has no price path for topic %d", MarketTopic)
	}
	scaled, err := oracle.Scale(value, false)
	if err != nil {
		return nil, fmt.Errorf("scale the price %s of topic %d: %w", value, MarketTopic, err)
	}
	return scaled.Quo(scaled, feedUnit), nil
}

// startMarkets starts the round keeper, the price feeder and the bettors of every
// chain's market.
func (d *Devnet) startMarkets(ctx context.Context, g *errgroup.Group, gctx context.Context) error {
	out, log := d.cfg.Out, d.cfg.Logger
	var markets []keeper.Market
	// The price feeder records the price it sets, so the recorder records rounds only.
	rec := evm.NewRoundRecorder(d.Store, 0, log.With("component", "roundrecorder"))
	rec.WatchEvery(d.cfg.BlockTime)
	for _, c := range d.Chains {
		info := keeper.MarketInfo{ChainID: c.ID, ChainName: c.Name, Address: c.Market, Name: marketName}
		m, err := c.ch.Market(ctx, info, oracle.NewKeySigner(devchain.DevKey(keeperKey)))
		if err != nil {
			return err
		}
		markets = append(markets, m)
		if err := rec.Add(ctx, m, func(uint64) string { return marketAsset }); err != nil {
			return fmt.Errorf("chain %s: %w", c.Name, err)
		}

		feed, err := c.ch.MockFeed(ctx, c.PriceFeed, oracle.NewKeySigner(devchain.DevKey(priceFeederKey)))
		if err != nil {
			return fmt.Errorf("chain %s: %w", c.Name, err)
		}
		pf := &priceFeeder{feed: feed, price: d.price, every: d.cfg.AlloraBlockTime,
			source: fmt.Sprintf("devnet synthetic %s set on the mock feed on %s", priceFeedDesc, c.Name),
			log:    log.With("component", "pricefeeder", "chain_id", c.ID, "chain", c.Name)}
		if c == d.Chains[0] {
			pf.st = d.Store // every chain sets the same price; recording one is enough
		}
		g.Go(func() error { return pf.run(gctx) })

		b := &bettors{every: d.cfg.BlockTime, log: log.With("component", "bettors", "chain_id", c.ID, "chain", c.Name)}
		for i := range 2 {
			bm, err := c.ch.Market(ctx, info, oracle.NewKeySigner(devchain.DevKey(firstBettorKey+i)))
			if err != nil {
				return err
			}
			b.markets = append(b.markets, bm)
		}
		g.Go(func() error { return b.run(gctx) })
	}
	k, err := keeper.New(keeper.Config{PollInterval: d.cfg.BlockTime / 2}, markets,
		keeper.WithLogger(log.With("component", "keeper")),
		keeper.WithEvents(func(ev keeper.Event) { printRound(out, ev); rec.Observe(ev) }))
	if err != nil {
		return err
	}
	g.Go(func() error { return k.Run(gctx) })
	g.Go(func() error { return rec.Run(gctx) })
	fmt.Fprintf(out, "keeper   executes every market's rounds (development key %d)\n", keeperKey)
	fmt.Fprintf(out, "bettors  development keys %d and %d stake %s each round, one with the AI, one against\n",
		firstBettorKey, firstBettorKey+1, decimal.NewFromBigInt(minBet, -18))
	return nil
}

// priceFeeder sets one chain's mock price feed to the emulator's price: whenever the
// price moves, and at least every ten periods so that the answer never goes stale.
type priceFeeder struct {
	feed   *evm.MockFeed
	price  func() (*big.Int, error)
	every  time.Duration
	st     store.Store // when set, records each price set: the realised price predictions are judged by
	source string
	log    *slog.Logger
}

func (p *priceFeeder) run(ctx context.Context) error {
	const heartbeat = 10
	ticker := time.NewTicker(p.every)
	defer ticker.Stop()
	var last *big.Int
	idle := 0
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
		price, err := p.price()
		if err != nil {
			p.log.Error("read the emulator's price", "err", err)
			continue
		}
		if idle++; last != nil && price.Cmp(last) == 0 && idle < heartbeat {
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, time.Minute)
		_, err = p.feed.SetAnswer(sctx, price)
		cancel()
		if err != nil {
			if ctx.Err() == nil {
				p.log.Warn("set the price feed; retrying", "price", price, "err", err)
			}
			continue
		}
		last, idle = price, 0
		if p.st == nil {
			continue
		}
		err = store.RecordAndPublishPrice(ctx, p.st, store.Price{Asset: marketAsset, Value: decimal.NewFromBigInt(price, -priceFeedDecimals).String(),
			At: time.Now(), Source: p.source})
		if err != nil && ctx.Err() == nil {
			p.log.Warn("record the price", "err", err)
		}
	}
}

// bettors stake the smallest bet in every round of one chain's market, one with the AI
// and one against it, so that rounds have both sides and are decided rather than voided.
type bettors struct {
	markets []*evm.Market // one per bettor; the first with the AI
	every   time.Duration
	log     *slog.Logger
}

func (b *bettors) run(ctx context.Context) error {
	ticker := time.NewTicker(b.every)
	defer ticker.Stop()
	done := make([]uint64, len(b.markets)) // the last round each bettor bet in
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		s, err := b.markets[0].State(rctx)
		cancel()
		if err != nil || s.Paused || s.Epoch == 0 || s.BlockTime >= s.LockTimestamp {
			continue
		}
		for i, m := range b.markets {
			if done[i] == s.Epoch {
				continue
			}
			sctx, cancel := context.WithTimeout(ctx, time.Minute)
			_, err := m.Bet(sctx, s.Epoch, i == 0, minBet)
			cancel()
			if err != nil {
				if ctx.Err() == nil {
					b.log.Warn("bet; retrying", "epoch", s.Epoch, "err", err)
				}
				continue
			}
			done[i] = s.Epoch
		}
	}
}

// printRound prints what a keeper's call did, such as "round    bnb     ETH 5m epoch 7
// locked at 3012.5, AI says UP; epoch 6 closed at 3013.1: AI right".
func printRound(out io.Writer, ev keeper.Event) {
	e := ev.Execution
	var parts []string
	if l := e.Locked; l != nil {
		if l.Status == keeper.StatusLocked {
			parts = append(parts, fmt.Sprintf("epoch %d locked at %s, AI says %s (%s)", l.Epoch,
				price(l.Price, l.PriceDecimals), l.AICall, price(l.AIPrediction, oracle.Decimals)))
		} else {
			parts = append(parts, fmt.Sprintf("epoch %d locked at %s", l.Epoch, price(l.Price, l.PriceDecimals)))
		}
	}
	if c := e.Closed; c != nil {
		parts = append(parts, fmt.Sprintf("epoch %d closed at %s: %s", c.Epoch, price(c.Price, c.PriceDecimals), c.Status))
	}
	for _, v := range e.Voided {
		parts = append(parts, fmt.Sprintf("epoch %d void (%s)", v.Epoch, v.Reason))
	}
	if e.Started != 0 {
		parts = append(parts, fmt.Sprintf("epoch %d open", e.Started))
	}
	fmt.Fprintf(out, "round    %-7s %s %s: %s\n", ev.Market.ChainName, ev.Market.Name, e.Step, strings.Join(parts, "; "))
}

// price formats a fixed-point price to cents.
func price(v *big.Int, decimals uint8) string {
	if v == nil {
		return "?"
	}
	return decimal.NewFromBigInt(v, -int32(decimals)).Round(2).String()
}
