package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

var (
	marketA = common.HexToAddress("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9")
	marketB = common.HexToAddress("0x0165878A594ca255338adfa4d48449f69242Eb8F")
)

func round(epoch uint64, status store.RoundStatus) store.Round {
	start := base.Add(time.Duration(epoch) * time.Minute).Truncate(time.Second)
	r := store.Round{
		Epoch: epoch, Status: status,
		StartTime: start, LockTime: start.Add(time.Minute), CloseTime: start.Add(2 * time.Minute),
		WithAIPool: big.NewInt(1e15), AgainstAIPool: big.NewInt(2e15),
	}
	if status != store.RoundOpen {
		r.LockPrice, r.AIPrediction, r.AIDirection = "3012.5", "3015.123456789012345678", store.DirectionUp
	}
	switch status {
	case store.RoundClosed:
		r.ClosePrice, r.Outcome = "3013.01", store.OutcomeAIRight
	case store.RoundVoid:
		r.ClosePrice, r.Outcome = "3012.5", store.OutcomeTie
	}
	return r
}

func mustPutRound(t *testing.T, st store.Store, chain uint64, m common.Address, r store.Round) bool {
	t.Helper()
	changed, err := st.PutRound(context.Background(), chain, m, r)
	if err != nil {
		t.Fatalf("PutRound(%d, %s, epoch %d): %v", chain, m, r.Epoch, err)
	}
	return changed
}

func mustRounds(t *testing.T, st store.Store, chain uint64, m common.Address, limit int, before uint64) []store.Round {
	t.Helper()
	rs, err := st.Rounds(context.Background(), chain, m, limit, before)
	if err != nil {
		t.Fatalf("Rounds(%d, %s, %d, %d): %v", chain, m, limit, before, err)
	}
	return rs
}

func epochsOf(rs []store.Round) []uint64 {
	out := make([]uint64, len(rs))
	for i, r := range rs {
		out[i] = r.Epoch
	}
	return out
}

func diffRound(got, want store.Round) string {
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		return fmt.Sprintf("got  %s\nwant %s", g, w)
	}
	return ""
}

func testMarkets(t *testing.T, st store.Store) {
	ctx := context.Background()
	if ms, err := st.Markets(ctx); err != nil || len(ms) != 0 {
		t.Fatalf("empty store: Markets = %v, %v; want none", ms, err)
	}
	a := store.Market{ChainID: 324, Address: marketA, Name: "ETH 5m", TopicID: 1, Asset: "ETH", IntervalSeconds: 60, CurrentEpoch: 7}
	b := store.Market{ChainID: 56, Address: marketB, Name: "ETH 5m", TopicID: 1, Asset: "ETH", IntervalSeconds: 60, CurrentEpoch: 3, Paused: true}
	c := store.Market{ChainID: 56, Address: marketA, Name: "BTC 5m", TopicID: 2, Asset: "BTC", IntervalSeconds: 300}
	for _, m := range []store.Market{a, b, c} {
		if err := st.PutMarket(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	a.CurrentEpoch = 8 // replaced
	if err := st.PutMarket(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := st.Markets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Chain 56 first; within it, by address: 0x0165… before 0xCf7E….
	want := []store.Market{b, c, a}
	if !slices.Equal(got, want) {
		t.Errorf("Markets\n got %+v\nwant %+v", got, want)
	}
	for _, bad := range []store.Market{{ChainID: 56}, {Address: marketA}} {
		if err := st.PutMarket(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("PutMarket(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

func testRoundsNewestFirst(t *testing.T, st store.Store) {
	for e := uint64(1); e <= 5; e++ {
		if !mustPutRound(t, st, 56, marketA, round(e, store.RoundClosed)) {
			t.Errorf("new round %d: changed = false, want true", e)
		}
	}
	// Another market and chain are apart.
	mustPutRound(t, st, 56, marketB, round(9, store.RoundOpen))
	mustPutRound(t, st, 324, marketA, round(9, store.RoundOpen))

	if got := epochsOf(mustRounds(t, st, 56, marketA, 10, 0)); !slices.Equal(got, []uint64{5, 4, 3, 2, 1}) {
		t.Errorf("rounds %v, want 5..1", got)
	}
	if got := epochsOf(mustRounds(t, st, 56, marketA, 2, 0)); !slices.Equal(got, []uint64{5, 4}) {
		t.Errorf("first page %v, want [5 4]", got)
	}
	if got := epochsOf(mustRounds(t, st, 56, marketA, 2, 4)); !slices.Equal(got, []uint64{3, 2}) {
		t.Errorf("page below 4: %v, want [3 2]", got)
	}
	if got := mustRounds(t, st, 1, marketA, 2, 0); len(got) != 0 {
		t.Errorf("unknown market: %v, want none", got)
	}
	if _, err := st.Rounds(context.Background(), 56, marketA, 0, 0); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("limit 0: %v, want ErrInvalid", err)
	}
}

func testRoundRoundTrip(t *testing.T, st store.Store) {
	ctx := context.Background()
	want := round(12, store.RoundClosed)
	want.WithAIPool = new(big.Int).Lsh(big.NewInt(1), 127) // uint128's top bit: beyond any float
	mustPutRound(t, st, 56, marketA, want)
	want.WithAIPool.SetInt64(1) // the store kept its own copy
	got, err := st.Round(ctx, 56, marketA, 12)
	if err != nil {
		t.Fatal(err)
	}
	want.WithAIPool = new(big.Int).Lsh(big.NewInt(1), 127)
	if d := diffRound(got, want); d != "" {
		t.Errorf("round round trip:\n%s", d)
	}
	got.AgainstAIPool.SetInt64(5)
	again, _ := st.Round(ctx, 56, marketA, 12)
	if again.AgainstAIPool.Int64() != 2e15 {
		t.Errorf("changing a returned pool changed the store: %s", again.AgainstAIPool)
	}
	open := round(13, store.RoundOpen)
	mustPutRound(t, st, 56, marketA, open)
	got, _ = st.Round(ctx, 56, marketA, 13)
	if d := diffRound(got, open); d != "" {
		t.Errorf("open round (no prices yet) round trip:\n%s", d)
	}
	if _, err := st.Round(ctx, 56, marketA, 14); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("absent round: %v, want ErrNotFound", err)
	}
}

func testRoundOnlyMovesForward(t *testing.T, st store.Store) {
	ctx := context.Background()
	open := round(4, store.RoundOpen)
	mustPutRound(t, st, 56, marketA, open)
	// Bets come in: the same status, bigger pools, a change clients are told of.
	open.WithAIPool = big.NewInt(5e15)
	if !mustPutRound(t, st, 56, marketA, open) {
		t.Error("pools grew: changed = false, want true")
	}
	// Read again with nothing new: no change, so no event.
	if mustPutRound(t, st, 56, marketA, open) {
		t.Error("the same round again: changed = true, want false")
	}
	if got, _ := st.Round(ctx, 56, marketA, 4); got.WithAIPool.Int64() != 5e15 {
		t.Errorf("pool %s after the update, want 5e15", got.WithAIPool)
	}
	if !mustPutRound(t, st, 56, marketA, round(4, store.RoundLocked)) {
		t.Error("locked: changed = false, want true")
	}
	// A stale read of the open round does not undo the lock.
	if mustPutRound(t, st, 56, marketA, open) {
		t.Error("stale open after locked: changed = true, want false")
	}
	if got, _ := st.Round(ctx, 56, marketA, 4); got.Status != store.RoundLocked {
		t.Errorf("status %s after a stale write, want locked", got.Status)
	}
	if !mustPutRound(t, st, 56, marketA, round(4, store.RoundVoid)) {
		t.Error("void: changed = false, want true")
	}
	if mustPutRound(t, st, 56, marketA, round(4, store.RoundLocked)) {
		t.Error("stale locked after void: changed = true")
	}
	if got, _ := st.Round(ctx, 56, marketA, 4); got.Status != store.RoundVoid || got.Outcome != store.OutcomeTie {
		t.Errorf("round %+v, want void with a tie", got)
	}
}

func testRoundRetention(t *testing.T, st store.Store) {
	for e := uint64(1); e <= 8; e++ {
		mustPutRound(t, st, 56, marketA, round(e, store.RoundClosed))
	}
	if got := epochsOf(mustRounds(t, st, 56, marketA, 100, 0)); !slices.Equal(got, []uint64{8, 7, 6, 5, 4}) {
		t.Errorf("kept %v, want the newest five", got)
	}
	if _, err := st.Round(context.Background(), 56, marketA, 3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("dropped round 3: %v, want ErrNotFound", err)
	}
}

func testRoundInvalid(t *testing.T, st store.Store) {
	good := round(3, store.RoundClosed)
	for name, mutate := range map[string]func(*store.Round){
		"epoch 0":        func(r *store.Round) { r.Epoch = 0 },
		"status":         func(r *store.Round) { r.Status = "settled" },
		"lock price":     func(r *store.Round) { r.LockPrice = "3,012.5" },
		"close price":    func(r *store.Round) { r.ClosePrice = "NaN" },
		"prediction":     func(r *store.Round) { r.AIPrediction = "0x10" },
		"direction":      func(r *store.Round) { r.AIDirection = "sideways" },
		"outcome":        func(r *store.Round) { r.Outcome = "draw" },
		"negative pool":  func(r *store.Round) { r.AgainstAIPool = big.NewInt(-1) },
		"negative pool2": func(r *store.Round) { r.WithAIPool = big.NewInt(-1) },
	} {
		r := good
		mutate(&r)
		if _, err := st.PutRound(context.Background(), 56, marketA, r); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if rs := mustRounds(t, st, 56, marketA, 10, 0); len(rs) != 0 {
		t.Errorf("invalid rounds were stored: %v", epochsOf(rs))
	}
}

func testRoundsConcurrent(t *testing.T, st store.Store) {
	// Keepers racing over the same rounds: the result is each round at its last stage.
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := uint64(1); e <= 10; e++ {
				for _, s := range []store.RoundStatus{store.RoundOpen, store.RoundLocked, store.RoundClosed} {
					if _, err := st.PutRound(context.Background(), 56, marketA, round(e, s)); err != nil {
						t.Errorf("writer %d: %v", w, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	rs := mustRounds(t, st, 56, marketA, 100, 0)
	if len(rs) != 10 {
		t.Fatalf("%d rounds, want 10", len(rs))
	}
	for _, r := range rs {
		if r.Status != store.RoundClosed {
			t.Errorf("round %d is %s, want closed", r.Epoch, r.Status)
		}
	}
}

func price(asset, value string, at time.Time) store.Price {
	return store.Price{Asset: asset, Value: value, At: at, Source: "ETH / USD mock feed on bnb"}
}

func testPrices(t *testing.T, st store.Store) {
	ctx := context.Background()
	if _, err := st.LatestPrice(ctx, "ETH"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("no price yet: %v, want ErrNotFound", err)
	}
	// Recorded out of order: the latest is the latest in time.
	for i, v := range []string{"3000", "3001.5", "2999.25", "3002"} {
		at := base.Add(time.Duration(i) * time.Second)
		if i == 1 {
			at = base.Add(10 * time.Second)
		}
		if err := st.RecordPrice(ctx, price("ETH", v, at)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RecordPrice(ctx, price("BTC", "97000.5", base)); err != nil {
		t.Fatal(err)
	}
	latest, err := st.LatestPrice(ctx, "ETH")
	if err != nil {
		t.Fatal(err)
	}
	if want := price("ETH", "3001.5", base.Add(10*time.Second)); latest != want {
		t.Errorf("latest %+v, want %+v", latest, want)
	}
	values := func(ps []store.Price) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.Value
		}
		return out
	}
	all, err := st.PricesBetween(ctx, "ETH", time.Time{}, base.Add(time.Hour), 100)
	if err != nil {
		t.Fatal(err)
	}
	if got := values(all); !slices.Equal(got, []string{"3001.5", "3002", "2999.25", "3000"}) {
		t.Errorf("all prices newest first: %v", got)
	}
	// Both ends included, to the nanosecond.
	some, err := st.PricesBetween(ctx, "ETH", base.Add(time.Second), base.Add(3*time.Second), 100)
	if err != nil {
		t.Fatal(err)
	}
	if got := values(some); !slices.Equal(got, []string{"3002", "2999.25"}) {
		t.Errorf("prices from 1s to 3s: %v, want [3002 2999.25]", got)
	}
	one, _ := st.PricesBetween(ctx, "ETH", time.Time{}, base.Add(time.Hour), 1)
	if got := values(one); !slices.Equal(got, []string{"3001.5"}) {
		t.Errorf("limit 1: %v", got)
	}
	none, _ := st.PricesBetween(ctx, "ETH", base.Add(time.Hour), base.Add(2*time.Hour), 10)
	if len(none) != 0 {
		t.Errorf("no prices in the range: %v", none)
	}
	if _, err := st.PricesBetween(ctx, "ETH", base, base, 0); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("limit 0: %v, want ErrInvalid", err)
	}
	for name, p := range map[string]store.Price{
		"no asset":   price("", "1", base),
		"no time":    price("ETH", "1", time.Time{}),
		"bad value":  price("ETH", "three thousand", base),
		"colon name": price("ETH:USD", "1", base),
	} {
		if err := st.RecordPrice(ctx, p); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

func testPriceRetention(t *testing.T, st store.Store) {
	ctx := context.Background()
	for i := range 8 {
		if err := st.RecordPrice(ctx, price("ETH", fmt.Sprint(3000+i), base.Add(time.Duration(i)*time.Second))); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := st.PricesBetween(ctx, "ETH", time.Time{}, base.Add(time.Hour), 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 5 || ps[0].Value != "3007" || ps[4].Value != "3003" {
		t.Errorf("kept %v, want the newest five", ps)
	}
}
