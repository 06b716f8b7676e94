package keeper_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

// feedRounds is a price feed's rounds by id, updatedAt of each; the highest id is the latest.
type feedRounds map[int64]uint64

var errNoRound = errors.New("no such round")

func (f feedRounds) LatestPriceRound(ctx context.Context) (keeper.PriceRound, error) {
	var latest int64
	for id := range f {
		latest = max(latest, id)
	}
	if latest == 0 {
		return keeper.PriceRound{}, errNoRound
	}
	return f.PriceRound(ctx, big.NewInt(latest))
}

func (f feedRounds) PriceRound(_ context.Context, id *big.Int) (keeper.PriceRound, error) {
	at, ok := f[id.Int64()]
	if !ok {
		return keeper.PriceRound{}, errNoRound
	}
	return keeper.PriceRound{ID: new(big.Int).Set(id), UpdatedAt: at}, nil
}

func TestPriceRoundAt(t *testing.T) {
	feed := feedRounds{1: 100, 2: 200, 3: 300, 4: 0, 5: 500}
	cases := []struct {
		name string
		feed feedRounds
		at   uint64
		want int64
		err  error
	}{
		{"the latest, updated before", feed, 600, 5, nil},
		{"the latest, updated at the very time", feed, 500, 5, nil},
		{"walking back past a round never updated", feed, 499, 3, nil},
		{"an earlier round, updated at the very time", feed, 200, 2, nil},
		{"the latest never updated is given as it is", feedRounds{1: 100, 2: 0}, 150, 2, nil},
		{"before every round", feed, 99, 0, errNoRound},
		{"a gap in the rounds", feedRounds{1: 100, 3: 300}, 200, 0, errNoRound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := keeper.PriceRoundAt(context.Background(), c.feed, c.at)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("PriceRoundAt(%d) = %v, %v; want error %v", c.at, got, err, c.err)
				}
				return
			}
			if err != nil || got.Int64() != c.want {
				t.Fatalf("PriceRoundAt(%d) = %v, %v; want %d", c.at, got, err, c.want)
			}
		})
	}
}

func TestPriceRoundAtWalksBackABoundedWay(t *testing.T) {
	feed := feedRounds{}
	for id := int64(1); id <= keeper.MaxPriceRoundWalk+2; id++ {
		feed[id] = uint64(1000 + id)
	}
	if _, err := keeper.PriceRoundAt(context.Background(), feed, 1001); !errors.Is(err, keeper.ErrNoPriceRound) {
		t.Fatalf("a round further back than %d: err = %v, want ErrNoPriceRound", keeper.MaxPriceRoundWalk, err)
	}
	if got, err := keeper.PriceRoundAt(context.Background(), feed, 1010); err != nil || got.Int64() != 10 {
		t.Fatalf("PriceRoundAt(1010) = %v, %v; want round 10", got, err)
	}
}
