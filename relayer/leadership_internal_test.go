package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// pausingJournal holds a fenced write after its token was chosen and before it
// reaches Redis, as a process paused there (a GC pause, a stopped VM) would.
type pausingJournal struct {
	store.FencedJournal
	pause   atomic.Bool
	paused  chan struct{}
	release chan struct{}
}

func (p *pausingJournal) JournalPutFenced(ctx context.Context, token uint64, e store.JournalEntry) error {
	if p.pause.Load() {
		p.paused <- struct{}{}
		<-p.release
	}
	return p.FencedJournal.JournalPutFenced(ctx, token, e)
}

// silentLease stops renewing (and never releases) once cut, as a paused process does.
type silentLease struct {
	lease.Lease
	cut atomic.Bool
}

func (l *silentLease) Acquire(ctx context.Context, name string) (uint64, bool, error) {
	if l.cut.Load() {
		return 0, false, errors.New("paused")
	}
	return l.Lease.Acquire(ctx, name)
}

func (l *silentLease) Renew(ctx context.Context, name string, token uint64) (bool, error) {
	if l.cut.Load() {
		return false, errors.New("paused")
	}
	return l.Lease.Renew(ctx, name, token)
}

type recordingHandler struct {
	errors atomic.Int64
}

func (h *recordingHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *recordingHandler) Handle(_ context.Context, r slog.Record) error {
	if r.Level == slog.LevelError {
		h.errors.Add(1)
	}
	return nil
}
func (h *recordingHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recordingHandler) WithGroup(string) slog.Handler      { return h }

// TestStaleLeaderJournalWriteIsRefused pauses the leader of chain 56 between choosing
// its token and writing its journal entry, long enough for its lease to expire and
// another replica to take the chain over and journal its own transaction at the same
// nonce: when the old leader wakes, the store refuses its write, the new holder's
// entry stands, and the old leader stops submitting and says so.
func TestStaleLeaderJournalWriteIsRefused(t *testing.T) {
	const ttl = time.Second
	client := redistest.Client(t, nil)
	prefix := redistest.Prefix(t)
	st := store.NewRedis(client, prefix)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	paused := &pausingJournal{FencedJournal: st, paused: make(chan struct{}), release: make(chan struct{})}
	leaseA := &silentLease{Lease: lease.NewRedis(client, prefix, "replica-a", ttl)}
	logsA := &recordingHandler{}
	a := NewLeadership(56, leaseA, "replica-a", ttl, paused, slog.New(logsA))
	b := NewLeadership(56, lease.NewRedis(client, prefix, "replica-b", ttl), "replica-b", ttl, st, nil)
	aDone, bDone := make(chan error, 1), make(chan error, 1)
	go func() { aDone <- a.Run(ctx) }()
	waitLeading(t, a, 3*ttl)
	go func() { bDone <- b.Run(ctx) }()
	defer func() { cancel(); <-aDone; <-bDone }()

	tokenA, _ := a.Leader()
	if _, _, err := a.begin(ctx, tokenA); err != nil {
		t.Fatal(err)
	}
	entry := func(tx byte) store.JournalEntry {
		return store.JournalEntry{ChainID: 56, Nonce: 7, TxHash: common.Hash{tx}, RawTx: []byte{tx}, SentAt: time.Now(), Attempt: 1}
	}
	if err := a.Journal().JournalPut(ctx, entry(0xa0)); err != nil {
		t.Fatalf("the leader's write: %v", err)
	}

	paused.pause.Store(true)
	staleWrite := make(chan error, 1)
	go func() { staleWrite <- a.Journal().JournalPut(ctx, entry(0xa1)) }()
	<-paused.paused // a has chosen token A and sleeps
	leaseA.cut.Store(true)
	waitLeading(t, b, 3*ttl)
	tokenB, _ := b.Leader()
	if tokenB <= tokenA {
		t.Fatalf("new token %d, want above %d", tokenB, tokenA)
	}
	if _, _, err := b.begin(ctx, tokenB); err != nil {
		t.Fatal(err)
	}
	if err := b.Journal().JournalPut(ctx, entry(0xb0)); err != nil {
		t.Fatalf("the new leader's write: %v", err)
	}

	close(paused.release) // a wakes up and writes with its old token
	staleErr := <-staleWrite
	if !errors.Is(staleErr, store.ErrFenced) {
		t.Fatalf("stale leader's write: %v, want ErrFenced", staleErr)
	}
	got, err := st.JournalPending(ctx, 56)
	if err != nil || len(got) != 1 || got[0].TxHash != (common.Hash{0xb0}) {
		t.Fatalf("journal = %+v, %v; want only the new leader's entry", got, err)
	}
	if _, ok := a.Leader(); ok {
		t.Error("the fenced replica still considers itself the chain's submitter")
	}
	if err := a.Journal().JournalDone(ctx, 56, 7); !errors.Is(err, lease.ErrNotLeader) {
		t.Errorf("the fenced replica clearing the entry: %v, want ErrNotLeader", err)
	}
	if got, _ := st.JournalPending(ctx, 56); len(got) != 1 {
		t.Errorf("the new leader's entry was cleared by the old one: %+v", got)
	}
	if logsA.errors.Load() == 0 {
		t.Error("the fenced replica logged no error")
	}
	if k := ErrorKind(staleErr); k != ErrorKindFenced {
		t.Errorf("ErrorKind(%v) = %q, want fenced", staleErr, k)
	}
}

func waitLeading(t *testing.T, l *Leadership, within time.Duration) {
	t.Helper()
	testsupport.WaitFor(t, within, fmt.Sprintf("chain %d: %s leads", l.chainID, l.owner), func() bool {
		_, ok := l.Leader()
		return ok
	})
}
