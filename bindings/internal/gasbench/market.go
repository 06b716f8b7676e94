package main

import (
	"context"
	"fmt"
	"time"

	"github.com/allora-gateway/allora-gateway/bindings/internal/marketsim"
)

// The market's gas bars, whole-transaction gasUsed. PancakePredictionV3 measures
// 123,562 for a bet, 339,786 for executeRound and 103,807 for a one-round claim.
const (
	barBet          = 90_000
	barExecuteRound = 200_000
	barClaim        = 70_000
)

// measureMarket runs a native-stake PredictionMarket on a simulated chain until it is in
// its steady state, every round with bets on both sides, and measures a bet that is not
// its round's first, an executeRound that locks one such round and settles another, and
// a winner's claim of one round.
func measureMarket() ([]Row, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := marketsim.Deploy(ctx, 3)
	if err != nil {
		return nil, err
	}
	defer c.Backend.Close()
	backer, doubter, late := c.Bettors[0], c.Bettors[1], c.Bettors[2]

	if _, err := c.PublishPrediction(marketsim.OracleDollars(3010)); err != nil {
		return nil, err
	}
	if _, err := c.GenesisStart(); err != nil {
		return nil, err
	}
	var betGas, executeGas uint64
	// Each round: the backer bets with the AI, the doubter against it, a third bettor
	// joins; the price rises a dollar a round and the AI always calls UP (each round's
	// prediction, published at its predecessor's lock, is ten dollars above the price
	// then), so every round is decided for the backer.
	for epoch := uint64(1); epoch <= 4; epoch++ {
		if _, err := c.Bet(backer, epoch, true, marketsim.MinBet); err != nil {
			return nil, err
		}
		if _, err := c.Bet(doubter, epoch, false, marketsim.MinBet); err != nil {
			return nil, err
		}
		second, err := c.Bet(late, epoch, true, marketsim.MinBet)
		if err != nil {
			return nil, err
		}
		betGas = second.GasUsed
		price := 3000 + int64(epoch)
		receipt, err := c.NextRound(marketsim.Dollars(price), marketsim.OracleDollars(price+10))
		if err != nil {
			return nil, err
		}
		executeGas = receipt.GasUsed
	}
	round, err := c.Round(2)
	if err != nil {
		return nil, err
	}
	if round.Status != 3 { // AIRight
		return nil, fmt.Errorf("round 2 ended with status %d, want AIRight: the measured rounds were not decided", round.Status)
	}
	claim, err := c.Claim(backer, 2)
	if err != nil {
		return nil, err
	}
	return []Row{
		{Work: "PredictionMarket bet, not the round's first (native)", GasUsed: betGas, Floor: barBet},
		{Work: "PredictionMarket executeRound, steady state (lock + settle + start)", GasUsed: executeGas, Floor: barExecuteRound},
		{Work: "PredictionMarket claim of one round (native)", GasUsed: claim.GasUsed, Floor: barClaim},
	}, nil
}
