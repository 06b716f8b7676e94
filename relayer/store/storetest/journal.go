package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func entry(chain, nonce uint64, attempt int) store.JournalEntry {
	return store.JournalEntry{
		ChainID: chain,
		Nonce:   nonce,
		TxHash:  common.BigToHash(new(big.Int).SetUint64(chain<<32 | nonce<<8 | uint64(attempt))),
		RawTx:   []byte{0x02, 0xf8, byte(nonce), byte(attempt), 0x00, 0xff},
		Updates: []oracle.Update{{TopicID: 1, Value: big.NewInt(int64(nonce) * 1000), BlockHeight: 60 + nonce, Timestamp: 1795550400 + nonce}},
		SentAt:  base.Add(time.Duration(nonce) * time.Second),
		Attempt: attempt,
	}
}

func diffEntry(got, want store.JournalEntry) string {
	if got.ChainID != want.ChainID || got.Nonce != want.Nonce || got.TxHash != want.TxHash ||
		!bytes.Equal(got.RawTx, want.RawTx) || !got.SentAt.Equal(want.SentAt) || got.SentAt.IsZero() != want.SentAt.IsZero() ||
		got.Attempt != want.Attempt || diffUpdates(got.Updates, want.Updates) != "" {
		return fmt.Sprintf("got %+v, want %+v", got, want)
	}
	return ""
}

func mustPending(t *testing.T, st store.Store, chain uint64) []store.JournalEntry {
	t.Helper()
	es, err := st.JournalPending(context.Background(), chain)
	if err != nil {
		t.Fatalf("JournalPending(%d): %v", chain, err)
	}
	return es
}

func noncesOf(es []store.JournalEntry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = fmt.Sprintf("%d/%d", e.Nonce, e.Attempt)
	}
	return out
}

func testJournalOrdered(t *testing.T, st store.Store) {
	ctx := context.Background()
	if got := mustPending(t, st, 56); len(got) != 0 {
		t.Fatalf("empty journal = %v", noncesOf(got))
	}
	for _, e := range []store.JournalEntry{entry(56, 7, 1), entry(56, 5, 1), entry(56, 10, 1), entry(56, 6, 1), entry(324, 5, 1)} {
		if err := st.JournalPut(ctx, e); err != nil {
			t.Fatalf("JournalPut(%d, %d): %v", e.ChainID, e.Nonce, err)
		}
	}
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"put out of order", func() error { return nil }, "[5/1 6/1 7/1 10/1]"},
		{"replace nonce 6", func() error { return st.JournalPut(ctx, entry(56, 6, 2)) }, "[5/1 6/2 7/1 10/1]"},
		{"done 5", func() error { return st.JournalDone(ctx, 56, 5) }, "[6/2 7/1 10/1]"},
		{"done 5 again", func() error { return st.JournalDone(ctx, 56, 5) }, "[6/2 7/1 10/1]"},
		{"done unknown chain", func() error { return st.JournalDone(ctx, 1, 5) }, "[6/2 7/1 10/1]"},
		{"done 10", func() error { return st.JournalDone(ctx, 56, 10) }, "[6/2 7/1]"},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := fmt.Sprint(noncesOf(mustPending(t, st, 56))); got != s.want {
			t.Errorf("%s: chain 56 pending = %s, want %s", s.name, got, s.want)
		}
	}
	if got := mustPending(t, st, 324); len(got) != 1 || got[0].Nonce != 5 {
		t.Errorf("chain 324 pending = %v, want [5/1]", noncesOf(got))
	}
	if d := diffEntry(mustPending(t, st, 56)[0], entry(56, 6, 2)); d != "" {
		t.Errorf("replaced entry: %s", d)
	}
	if chains := mustChains(t, st); len(chains) != 0 {
		t.Errorf("the journal registered chains: %+v", chains)
	}
}

func testJournalRoundTrip(t *testing.T, st store.Store) {
	ctx := context.Background()
	want := entry(56, 1<<64-1, 3)
	want.Updates = append(want.Updates, oracle.Update{TopicID: 9, Value: scaled(t, "-57896044618658097711785492504343953926634992332820282019728792003956564819968"), BlockHeight: 1 << 63})
	want.SentAt = want.SentAt.In(time.FixedZone("UTC-5", -5*3600))
	put := want
	put.RawTx = bytes.Clone(want.RawTx)
	put.Updates = []oracle.Update{want.Updates[0], want.Updates[1]}
	put.Updates[0].Value = new(big.Int).Set(want.Updates[0].Value)
	if err := st.JournalPut(ctx, put); err != nil {
		t.Fatalf("JournalPut: %v", err)
	}
	put.RawTx[0] = 0xaa
	put.Updates[0].Value.SetInt64(-1)

	got := mustPending(t, st, 56)
	if len(got) != 1 {
		t.Fatalf("pending = %v, want one entry", noncesOf(got))
	}
	if d := diffEntry(got[0], want); d != "" {
		t.Fatalf("entry: %s", d)
	}
	got[0].RawTx[1] = 0xbb
	got[0].Updates[0].Value.SetInt64(-2)
	if d := diffEntry(mustPending(t, st, 56)[0], want); d != "" {
		t.Errorf("editing the returned entry changed the store: %s", d)
	}
	// A minimal entry.
	if err := st.JournalPut(ctx, store.JournalEntry{ChainID: 146}); err != nil {
		t.Fatalf("JournalPut: %v", err)
	}
	if got := mustPending(t, st, 146); len(got) != 1 || diffEntry(got[0], store.JournalEntry{ChainID: 146}) != "" {
		t.Errorf("minimal entry came back as %+v", got)
	}
}

func testJournalFenced(t *testing.T, st store.Store) {
	ctx := context.Background()
	fenced := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, store.ErrFenced) {
			t.Errorf("%s: error %v, want one wrapping store.ErrFenced", name, err)
		}
	}
	ok := func(name string, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	ok("first holder writes with token 3", st.JournalPutFenced(ctx, 3, entry(56, 1, 1)))
	ok("token 3 again", st.JournalPutFenced(ctx, 3, entry(56, 2, 1)))
	ok("new holder fences with token 4", st.JournalFence(ctx, 56, 4))
	fenced("stale holder writes with token 3", st.JournalPutFenced(ctx, 3, entry(56, 2, 2)))
	fenced("stale holder fences with token 3", st.JournalFence(ctx, 56, 3))
	ok("new holder writes with token 4", st.JournalPutFenced(ctx, 4, entry(56, 3, 1)))
	ok("a newer holder writes with token 5 without fencing first", st.JournalPutFenced(ctx, 5, entry(56, 1, 2)))
	fenced("token 4 after 5", st.JournalPutFenced(ctx, 4, entry(56, 4, 1)))
	ok("tokens beyond 2^53 compare exactly", st.JournalFence(ctx, 56, 1<<60+1))
	fenced("one below", st.JournalPutFenced(ctx, 1<<60, entry(56, 4, 1)))
	ok("another chain has its own fence", st.JournalPutFenced(ctx, 1, entry(324, 1, 1)))

	if got := fmt.Sprint(noncesOf(mustPending(t, st, 56))); got != "[1/2 2/1 3/1]" {
		t.Errorf("chain 56 pending = %s, want [1/2 2/1 3/1]: refused writes must leave nothing", got)
	}
}

// testJournalFencedConcurrent races holders with tokens 1 to 8, each writing nonces 0
// to 19 in order until it is fenced off. The newest holder is never fenced, so it
// writes every nonce; an older holder's write landing after it would be a stale
// overwrite. Whatever the interleaving, every nonce must end with token 8's entry.
func testJournalFencedConcurrent(t *testing.T, st store.Store) {
	ctx := context.Background()
	const holders, nonces = 8, 20
	var wg sync.WaitGroup
	for h := range holders {
		wg.Go(func() {
			token := uint64(h + 1)
			for i := range nonces {
				err := st.JournalPutFenced(ctx, token, entry(56, uint64(i), int(token)))
				if errors.Is(err, store.ErrFenced) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	pending := mustPending(t, st, 56)
	if len(pending) != nonces {
		t.Fatalf("pending = %v, want nonces 0 to %d", noncesOf(pending), nonces-1)
	}
	for _, e := range pending {
		if e.Attempt != holders {
			t.Errorf("nonce %d holds token %d's entry, want the newest holder's (%d)", e.Nonce, e.Attempt, holders)
		}
	}
	if err := st.JournalFence(ctx, 56, holders-1); !errors.Is(err, store.ErrFenced) {
		t.Errorf("fence below the newest token: error %v, want ErrFenced", err)
	}
}
