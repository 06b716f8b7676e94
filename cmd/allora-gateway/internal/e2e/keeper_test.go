package e2e

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

// keeperRounds is how many rounds the shared-key scenario has the keeper execute after
// genesis, each with at least one oracle batch of the same key mined since the last.
const keeperRounds = 12

var marketABI = predictionmarket.NewPredictionMarket()

// TestKeeperSharingTheSubmitterKeyLandsEveryPushAndRound runs the relayer on one chain
// with a prediction market deployed and signers.keeper set to the submitter's own key,
// so the round keeper and the oracle's batches send from one address. The chain's clock
// is moved to each round's lock time (one-minute rounds, the contract's shortest),
// always after an oracle batch was mined since the previous round, for keeperRounds
// rounds: every round is locked and closed in time and reads the pushed prediction;
// every transaction of the key is mined and succeeds, the key's nonces are consecutive
// with nothing left pending, and the relayer logs no nonce trouble, no failed round
// and no error.
func TestKeeperSharingTheSubmitterKeyLandsEveryPushAndRound(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{})
	c := h.chain(56)

	// The realised price: a mock feed, deployed from an account the relayer does not
	// use, so the submitter's nonces are the relayer's alone.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	feed, err := evm.DeployMockAggregator(ctx, c.Node.Client, devchain.DevKey(5),
		evm.MockAggregatorParams{Decimals: 8, Description: "ETH / USD", InitialAnswer: big.NewInt(3000_00000000)})
	cancel()
	if err != nil {
		t.Fatalf("deploy the price feed: %v", err)
	}
	onlyBNBWithAMarket := func(cfg *RelayerConfig) {
		var bnb map[string]any
		for _, ch := range cfg.Chains {
			if ch["chain_id"] == c.ID {
				bnb = ch
			}
		}
		bnb["markets"] = []map[string]any{{
			"name": "ETH 1m", "topic": 1, "price_feed": feed.Hex(), "interval": "1m", "buffer": "30s", "min_bet": "0.001",
		}}
		cfg.Chains = []map[string]any{bnb}
		cfg.Signers["keeper"] = cfg.Signers["submitter"]
	}
	path := h.WriteConfig("relayer", onlyBNBWithAMarket)
	deploy := h.Start("deploy-market", "deploy", "--config", path, "--chain", c.Name, "--feeds=false")
	select {
	case <-deploy.exited:
	case <-time.After(90 * time.Second):
		deploy.Kill9()
	}
	if _, err := deploy.Exited(); err != nil {
		t.Fatalf("deploy the market: %v\n%s", err, deploy.Tail(30))
	}
	d, err := config.ReadDeployment(h.addressesFile(c))
	if err != nil || !common.IsHexAddress(d.Markets["ETH 1m"]) {
		t.Fatalf("deploy wrote no market address (%v): %+v\n%s", err, d, deploy.Tail(30))
	}
	market := common.HexToAddress(d.Markets["ETH 1m"])
	if got := common.HexToAddress(d.Oracle); got != c.Oracle {
		t.Fatalf("deploying the market replaced the oracle %s with %s", c.Oracle.Hex(), got.Hex())
	}

	// Two bettors, one on each side of every round, and the feed's price moved every
	// round, so each round is decided rather than voided as one-sided or a tie; all
	// from accounts the relayer does not use.
	ctx, cancel = context.WithTimeout(context.Background(), 30*time.Second)
	info := keeper.MarketInfo{ChainID: c.ID, ChainName: c.Name, Address: market}
	withAI, err := evm.NewMarket(ctx, info, c.Node.Client, devchain.DevKey(6))
	if err != nil {
		t.Fatal(err)
	}
	againstAI, err := evm.NewMarket(ctx, info, c.Node.Client, devchain.DevKey(7))
	if err != nil {
		t.Fatal(err)
	}
	prices, err := evm.NewMockFeed(ctx, c.Node.Client, feed, devchain.DevKey(5))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	stake := big.NewInt(1e16) // 0.01 of the native coin
	betAndMovePrice := func(epoch uint64, round int) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := withAI.Bet(ctx, epoch, true, stake); err != nil {
			t.Fatalf("bet with the AI on round %d: %v", epoch, err)
		}
		if _, err := againstAI.Bet(ctx, epoch, false, stake); err != nil {
			t.Fatalf("bet against the AI on round %d: %v", epoch, err)
		}
		price := big.NewInt(3000_00000000 + int64(round%2*2-1)*int64(round)*1_00000000)
		if _, err := prices.SetAnswer(ctx, price); err != nil {
			t.Fatalf("set the feed's price: %v", err)
		}
	}

	firstNonce, _, err := h.Nonces(c)
	if err != nil {
		t.Fatal(err)
	}
	startBlock := h.blockNumber(c)
	rl := h.StartRelayer("relayer", path)
	testsupport.WaitForSeen(t, startupGrace, "topic 1 on bnb's oracle, for the market's first lock", func() (bool, string) {
		got, err := h.Heights(c)
		if err != nil {
			return false, err.Error()
		}
		return got[1] > 0, fmt.Sprintf("heights %v", got)
	})

	updates := func() int {
		applied, err := h.AppliedUpdates(c)
		if err != nil {
			t.Fatal(err)
		}
		return len(applied)
	}
	// Each round: an oracle batch mined since the last round, then the chain's clock
	// moved to the round's lock time, then the keeper's call mined.
	for executed := 0; executed < keeperRounds+1; { // +1: genesisLock, then executeRound
		pushed := updates()
		testsupport.WaitForSeen(t, 90*time.Second, "an oracle batch mined since the last round", func() (bool, string) {
			n := updates()
			return n > pushed, fmt.Sprintf("%d updates applied, %d at the last round", n, pushed)
		})
		var before marketState
		testsupport.WaitForSeen(t, 30*time.Second, "the market started", func() (bool, string) {
			before = h.marketState(c, market)
			return before.epoch > 0, fmt.Sprintf("%+v", before)
		})
		betAndMovePrice(before.epoch, executed+1)
		if before.blockTime < before.lock {
			c.Node.Call(t, nil, "evm_increaseTime", before.lock-before.blockTime)
		}
		testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("the keeper to execute round %d", before.epoch), func() (bool, string) {
			after := h.marketState(c, market)
			return after.epoch > before.epoch, fmt.Sprintf("market %+v, was %+v", after, before)
		})
		executed++
	}
	h.PauseAllora()

	// From the chain: each lifecycle call of the keeper and each batch, the key's only
	// senders, was mined and succeeded, at consecutive nonces.
	testsupport.WaitForSeen(t, 30*time.Second, "pending nonce == mined nonce and nothing of the submitter in the pool", func() (bool, string) {
		latest, pending, err := h.Nonces(c)
		if err != nil {
			return false, err.Error()
		}
		pool := h.SubmitterPool(c)
		return latest == pending && len(pool) == 0, fmt.Sprintf("mined nonce %d, pending nonce %d, %d in the pool", latest, pending, len(pool))
	})
	txs := h.sentBy(c, startBlock)
	var toMarket, toOracle int
	for i, tx := range txs {
		if want := firstNonce + uint64(i); tx.nonce != want {
			t.Errorf("the submitter's transaction %s in block %d has nonce %d, want %d: a nonce was skipped or reused", tx.hash.Hex(), tx.block, tx.nonce, want)
		}
		if !tx.ok {
			t.Errorf("the submitter's transaction %s (nonce %d, to %s) in block %d reverted", tx.hash.Hex(), tx.nonce, tx.to.Hex(), tx.block)
		}
		switch tx.to {
		case market:
			toMarket++
		case c.Oracle:
			toOracle++
		default:
			t.Errorf("the submitter sent %s to %s, neither the oracle nor the market", tx.hash.Hex(), tx.to.Hex())
		}
	}

	// The rounds: every call the keeper sent opened a round, and every round was locked
	// and closed in time, its prediction the oracle's.
	ev := h.marketEvents(c, market)
	if toMarket != len(ev.started) {
		t.Errorf("the keeper sent %d transactions to the market, which opened %d rounds: a call was wasted", toMarket, len(ev.started))
	}
	if len(ev.locked) < keeperRounds {
		t.Errorf("%d rounds locked, want at least %d", len(ev.locked), keeperRounds)
	}
	if len(ev.ended) < keeperRounds {
		t.Errorf("%d rounds closed, want at least %d", len(ev.ended), keeperRounds)
	}
	for _, l := range ev.locked {
		if l.AiPrediction.Sign() == 0 || l.LockPrice.Sign() <= 0 {
			t.Errorf("round %s locked without the oracle's prediction or the feed's price: prediction %s, lock price %s",
				l.Epoch, l.AiPrediction, l.LockPrice)
		}
	}
	const aiRight, aiWrong = 3, 4 // PredictionMarket.Status
	for _, e := range ev.ended {
		if e.Status != aiRight && e.Status != aiWrong {
			t.Errorf("round %s closed with status %d, not decided", e.Epoch, e.Status)
		}
	}
	for _, v := range ev.voided {
		t.Errorf("round %s voided, reason %d (7: lock missed, 8: close missed, 5: prediction unusable)", v.Epoch, v.Reason)
	}
	// Pushes in between: the batches are interleaved with the rounds, not all before or
	// after them.
	between := 0
	for i := 1; i < len(ev.locked); i++ {
		from, to := ev.locked[i-1].Raw.BlockNumber, ev.locked[i].Raw.BlockNumber
		if slices.ContainsFunc(txs, func(tx sentTx) bool { return tx.to == c.Oracle && tx.block > from && tx.block < to }) {
			between++
		}
	}
	if between < keeperRounds-1 {
		t.Errorf("oracle batches mined between %d of %d consecutive round locks, want every one", between, len(ev.locked)-1)
	}

	// From the relayer's log: no nonce trouble, no retried or missed round, no error.
	log, err := os.ReadFile(rl.LogPath)
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(log)) {
		lower := strings.ToLower(line)
		warnOrError := strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR")
		switch {
		case strings.Contains(line, "not the lease holder"):
			// The keeper acts only in the replica's turn on the chain, so the shared
			// manager never has to refuse one of its calls.
			t.Errorf("a call was refused for want of the chain's lease: %s", line)
		case strings.Contains(lower, "nonce too low"), strings.Contains(lower, "nonce too high"),
			strings.Contains(lower, "replacement transaction underpriced"), strings.Contains(lower, "already known"):
			t.Errorf("the relayer logged a nonce error: %s", line)
		case warnOrError && strings.Contains(lower, "nonce"):
			t.Errorf("the relayer logged trouble with a transaction: %s", line)
		case strings.Contains(line, "level=ERROR"):
			t.Errorf("the relayer logged an error: %s", line)
		case warnOrError && strings.Contains(line, "component=keeper"):
			t.Errorf("the keeper logged a failure: %s", line)
		}
	}
	t.Logf("bnb: %d oracle batches and %d keeper calls from %s at nonces %d to %d; %d rounds locked, %d closed, batches between %d of %d locks",
		toOracle, toMarket, h.Submitter.Hex(), firstNonce, firstNonce+uint64(len(txs))-1, len(ev.locked), len(ev.ended), between, len(ev.locked)-1)
}

// marketState is what the scenario reads of a market, as of the latest block.
type marketState struct {
	epoch     uint64
	lock      uint64 // the current round's lock time
	blockTime uint64
}

func (h *Harness) marketState(c *Chain, market common.Address) marketState {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	head, err := c.Node.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	inst := marketABI.Instance(c.Node.Client, market)
	opts := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
	epoch, err := bind.Call(inst, opts, marketABI.PackCurrentEpoch(), marketABI.UnpackCurrentEpoch)
	if err != nil {
		h.t.Fatalf("currentEpoch: %v", err)
	}
	round, err := bind.Call(inst, opts, marketABI.PackRounds(epoch), marketABI.UnpackRounds)
	if err != nil {
		h.t.Fatalf("rounds(%s): %v", epoch, err)
	}
	return marketState{epoch: epoch.Uint64(), lock: round.LockTimestamp.Uint64(), blockTime: head.Time}
}

func (h *Harness) blockNumber(c *Chain) uint64 {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := c.Node.Client.BlockNumber(ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// sentTx is a mined transaction of the submitter.
type sentTx struct {
	hash  common.Hash
	to    common.Address
	nonce uint64
	block uint64
	ok    bool // its receipt's status
}

// sentBy is every transaction of the submitter mined on c after block from, in nonce
// order.
func (h *Harness) sentBy(c *Chain, from uint64) []sentTx {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	signer := types.LatestSignerForChainID(new(big.Int).SetUint64(c.ID))
	head := h.blockNumber(c)
	var out []sentTx
	for n := from + 1; n <= head; n++ {
		b, err := c.Node.Client.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			h.t.Fatalf("block %d: %v", n, err)
		}
		for _, tx := range b.Transactions() {
			if sender, err := types.Sender(signer, tx); err != nil || sender != h.Submitter || tx.To() == nil {
				continue
			}
			r, err := c.Node.Client.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				h.t.Fatalf("receipt of %s: %v", tx.Hash().Hex(), err)
			}
			out = append(out, sentTx{hash: tx.Hash(), to: *tx.To(), nonce: tx.Nonce(), block: n, ok: r.Status == types.ReceiptStatusSuccessful})
		}
	}
	return out
}

// marketLog is a market's lifecycle events, in chain order.
type marketLog struct {
	started []*predictionmarket.PredictionMarketRoundStarted
	locked  []*predictionmarket.PredictionMarketRoundLocked
	ended   []*predictionmarket.PredictionMarketRoundEnded
	voided  []*predictionmarket.PredictionMarketRoundVoided
}

func (h *Harness) marketEvents(c *Chain, market common.Address) marketLog {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	logs, err := c.Node.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{market}})
	if err != nil {
		h.t.Fatal(err)
	}
	var out marketLog
	for i := range logs {
		l := &logs[i]
		if e, err := marketABI.UnpackRoundStartedEvent(l); err == nil {
			out.started = append(out.started, e)
		} else if e, err := marketABI.UnpackRoundLockedEvent(l); err == nil {
			out.locked = append(out.locked, e)
		} else if e, err := marketABI.UnpackRoundEndedEvent(l); err == nil {
			out.ended = append(out.ended, e)
		} else if e, err := marketABI.UnpackRoundVoidedEvent(l); err == nil {
			out.voided = append(out.voided, e)
		}
	}
	return out
}
