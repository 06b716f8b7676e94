package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

var requester = common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")

func request(chain uint64, amount int64, tx common.Hash, logIndex uint, block uint64) store.PaidRequest {
	return store.PaidRequest{
		ChainID: chain, TopicID: 1, Requester: requester, Amount: big.NewInt(amount),
		TxHash: tx, LogIndex: logIndex, BlockNumber: block,
	}
}

func txN(n uint64) common.Hash { return common.BigToHash(new(big.Int).SetUint64(0xabc000 + n)) }

func mustNext(t *testing.T, st store.Store, chain uint64, n int) []store.PaidRequest {
	t.Helper()
	rs, err := st.NextRequests(context.Background(), chain, n)
	if err != nil {
		t.Fatalf("NextRequests(%d, %d): %v", chain, n, err)
	}
	return rs
}

func mustEnqueue(t *testing.T, st store.Store, r store.PaidRequest) {
	t.Helper()
	if err := st.EnqueueRequest(context.Background(), r); err != nil {
		t.Fatalf("EnqueueRequest(%s log %d): %v", r.TxHash, r.LogIndex, err)
	}
}

// describe names requests by amount@block/log.
func describe(rs []store.PaidRequest) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s@%d/%d", r.Amount, r.BlockNumber, r.LogIndex)
	}
	return fmt.Sprint(out)
}

func diffRequest(got, want store.PaidRequest) string {
	if got.ChainID != want.ChainID || got.TopicID != want.TopicID || got.Requester != want.Requester ||
		got.Amount == nil || got.Amount.Cmp(want.Amount) != 0 || got.TxHash != want.TxHash ||
		got.LogIndex != want.LogIndex || got.BlockNumber != want.BlockNumber {
		return fmt.Sprintf("got %+v, want %+v", got, want)
	}
	return ""
}

func testRequestsOrder(t *testing.T, st store.Store) {
	maxUint256 := scaled(t, "115792089237316195423570985008687907853269984665640564039457584007913129639935")
	huge := request(56, 0, txN(6), 0, 12)
	huge.Amount = new(big.Int).Set(maxUint256)
	zero := request(56, 0, txN(7), 0, 1)
	zero.Amount = nil // counts as zero
	for _, r := range []store.PaidRequest{
		request(56, 5, txN(1), 0, 10),
		request(56, 10, txN(2), 3, 11),
		request(56, 10, txN(3), 1, 10), // same amount, earlier block: first
		request(56, 10, txN(2), 2, 11), // same tx, earlier log: before log 3
		huge,
		zero,
		request(56, 9, txN(8), 0, 1<<63), // beyond int64
		request(324, 1000, txN(9), 0, 1), // another chain
	} {
		mustEnqueue(t, st, r)
	}
	want := fmt.Sprintf("[%s@12/0 10@10/1 10@11/2 10@11/3 9@%d/0 5@10/0 0@1/0]", maxUint256, uint64(1<<63))
	if got := describe(mustNext(t, st, 56, 100)); got != want {
		t.Errorf("NextRequests(56, 100) = %s\nwant %s", got, want)
	}
	if got := describe(mustNext(t, st, 56, 2)); got != fmt.Sprintf("[%s@12/0 10@10/1]", maxUint256) {
		t.Errorf("NextRequests(56, 2) = %s", got)
	}
	got := mustNext(t, st, 56, 1)[0]
	if d := diffRequest(got, huge); d != "" {
		t.Errorf("round trip: %s", d)
	}
	got.Amount.SetInt64(1)
	if d := diffRequest(mustNext(t, st, 56, 1)[0], huge); d != "" {
		t.Errorf("editing the returned request changed the store: %s", d)
	}
	if got := describe(mustNext(t, st, 324, 100)); got != "[1000@1/0]" {
		t.Errorf("chain 324 = %s, want [1000@1/0]", got)
	}
	if got := mustNext(t, st, 146, 100); len(got) != 0 {
		t.Errorf("chain without requests = %s, want none", describe(got))
	}
	if chains := mustChains(t, st); len(chains) != 0 {
		t.Errorf("queueing requests registered chains: %+v", chains)
	}
}

func testRequestsQueuedOnce(t *testing.T, st store.Store) {
	ctx := context.Background()
	a := request(56, 7, txA, 0, 10)
	mustEnqueue(t, st, a)
	// The same event seen again, even decoded differently, is queued once.
	again := a
	again.Amount = big.NewInt(700)
	mustEnqueue(t, st, again)
	mustEnqueue(t, st, a)
	// Another log of the same transaction, and the same log on another chain, are
	// other events.
	mustEnqueue(t, st, request(56, 3, txA, 1, 10))
	mustEnqueue(t, st, request(324, 3, txA, 0, 10))
	if got := describe(mustNext(t, st, 56, 10)); got != "[7@10/0 3@10/1]" {
		t.Fatalf("queue = %s, want [7@10/0 3@10/1]", got)
	}

	served := mustNext(t, st, 56, 1)[0]
	if err := st.AckRequest(ctx, served); err != nil {
		t.Fatalf("AckRequest: %v", err)
	}
	if got := describe(mustNext(t, st, 56, 10)); got != "[3@10/1]" {
		t.Errorf("after ack = %s, want [3@10/1]", got)
	}
	// A re-scan after a restart sees the served event again: not queued again.
	mustEnqueue(t, st, a)
	if got := describe(mustNext(t, st, 56, 10)); got != "[3@10/1]" {
		t.Errorf("after re-seeing a served event = %s, want [3@10/1]", got)
	}
	// Acknowledging twice, or something never queued, is not an error.
	for _, r := range []store.PaidRequest{served, request(56, 1, txB, 9, 1), request(1, 1, txB, 9, 1)} {
		if err := st.AckRequest(ctx, r); err != nil {
			t.Errorf("AckRequest(%s log %d): %v", r.TxHash, r.LogIndex, err)
		}
	}
	if got := describe(mustNext(t, st, 324, 10)); got != "[3@10/0]" {
		t.Errorf("chain 324 = %s, want [3@10/0]", got)
	}
}

// testRequestsConcurrentDuplicates has several replicas see the same events at once.
func testRequestsConcurrentDuplicates(t *testing.T, st store.Store) {
	ctx := context.Background()
	const replicas, events = 8, 10
	var wg sync.WaitGroup
	for range replicas {
		wg.Go(func() {
			for i := range events {
				if err := st.EnqueueRequest(ctx, request(56, int64(i), txN(uint64(i)), 0, uint64(i))); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	got := mustNext(t, st, 56, 100)
	if len(got) != events {
		t.Fatalf("queue holds %d requests, want %d: %s", len(got), events, describe(got))
	}
}

func testRequestsInvalid(t *testing.T, st store.Store) {
	ctx := context.Background()
	neg := request(56, -1, txA, 0, 1)
	if err := st.EnqueueRequest(ctx, neg); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("negative amount: error %v, want one wrapping store.ErrInvalid", err)
	}
	over := request(56, 0, txA, 1, 1)
	over.Amount = new(big.Int).Lsh(big.NewInt(1), 256)
	if err := st.EnqueueRequest(ctx, over); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("amount of 2^256: error %v, want one wrapping store.ErrInvalid", err)
	}
	for _, n := range []int{0, -1} {
		if _, err := st.NextRequests(ctx, 56, n); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("NextRequests n %d: error %v, want one wrapping store.ErrInvalid", n, err)
		}
	}
	if got := mustNext(t, st, 56, 10); len(got) != 0 {
		t.Errorf("invalid requests were queued: %s", describe(got))
	}
}
