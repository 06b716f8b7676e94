package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/redisproc"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// The journal entry a broadcast rests on fails unless a replica has it, so a failover
// cannot promote a replica without it and have the transaction sent again.
func TestJournalWaitsForReplicas(t *testing.T) {
	ctx := context.Background()
	primary := redisproc.Start(t)
	replica := redisproc.StartReplica(t, primary)
	st := store.NewRedis(primary.Client(), "t:", store.WithMinReplicas(1, 300*time.Millisecond))

	if err := st.JournalFence(ctx, 56, 1); err != nil {
		t.Fatalf("JournalFence with a replica up: %v", err)
	}
	if err := st.JournalPutFenced(ctx, 1, store.JournalEntry{ChainID: 56, Nonce: 7}); err != nil {
		t.Fatalf("JournalPutFenced with a replica up: %v", err)
	}
	onReplica, err := store.NewRedis(replica.Client(), "t:").JournalPending(ctx, 56)
	if err != nil || len(onReplica) != 1 || onReplica[0].Nonce != 7 {
		t.Fatalf("the replica's journal = %+v, %v, want the entry at nonce 7", onReplica, err)
	}
	// Fenced off is still ErrFenced: nothing was written to wait for.
	if err := st.JournalPutFenced(ctx, 0, store.JournalEntry{ChainID: 56, Nonce: 8}); !errors.Is(err, store.ErrFenced) {
		t.Fatalf("an old token: err = %v, want ErrFenced", err)
	}

	replica.Kill9()
	err = st.JournalPutFenced(ctx, 1, store.JournalEntry{ChainID: 56, Nonce: 8})
	if !errors.Is(err, store.ErrNotReplicated) {
		t.Fatalf("JournalPutFenced with the replica gone: err = %v, want ErrNotReplicated", err)
	}
	if err := store.NewRedis(primary.Client(), "t:").JournalPutFenced(ctx, 1, store.JournalEntry{ChainID: 56, Nonce: 9}); err != nil {
		t.Fatalf("without min replicas nothing waits: %v", err)
	}
}
