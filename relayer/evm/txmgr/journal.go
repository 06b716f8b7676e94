package txmgr

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Journal records a manager's in-flight transactions per chain, so that a restarted
// manager finds what it sent and still waits for, and resumes (waits for, replaces or
// drops each) instead of resending blindly. The chain stays the truth: an entry says
// what was sent, not what was mined. The relayer's store implements it.
type Journal interface {
	// JournalPut records e under its chain and nonce, replacing any entry at that
	// nonce (a replacement transaction, say with a higher fee).
	JournalPut(ctx context.Context, e JournalEntry) error
	// JournalPending returns a chain's entries ordered by nonce.
	JournalPending(ctx context.Context, chainID uint64) ([]JournalEntry, error)
	// JournalDone removes the entry at a chain's nonce once its transaction is mined
	// or dropped for good. Removing an absent entry is not an error.
	JournalDone(ctx context.Context, chainID, nonce uint64) error
}

// JournalEntry is one transaction sent and not yet known to be final.
type JournalEntry struct {
	ChainID uint64
	Nonce   uint64
	TxHash  common.Hash
	RawTx   []byte // the signed transaction, to rebroadcast as is
	Updates []oracle.Update
	SentAt  time.Time
	Attempt int // 1 for the first transaction at this nonce, more for replacements
}

// memoryJournal is the journal of a manager given none: it lives as long as the
// manager, so what one Send leaves pending is resumed by the next, but not across
// restarts.
type memoryJournal struct {
	mu      sync.Mutex
	entries map[uint64]map[uint64]JournalEntry // chain id, nonce
}

func newMemoryJournal() *memoryJournal {
	return &memoryJournal{entries: make(map[uint64]map[uint64]JournalEntry)}
}

func (j *memoryJournal) JournalPut(ctx context.Context, e JournalEntry) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("journal chain %d nonce %d: %w", e.ChainID, e.Nonce, err)
	}
	e.RawTx = slices.Clone(e.RawTx)
	e.Updates = slices.Clone(e.Updates)
	j.mu.Lock()
	defer j.mu.Unlock()
	ch, ok := j.entries[e.ChainID]
	if !ok {
		ch = make(map[uint64]JournalEntry)
		j.entries[e.ChainID] = ch
	}
	ch[e.Nonce] = e
	return nil
}

func (j *memoryJournal) JournalPending(ctx context.Context, chainID uint64) ([]JournalEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("chain %d pending journal: %w", chainID, err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	out := []JournalEntry{}
	for _, e := range j.entries[chainID] {
		e.RawTx = slices.Clone(e.RawTx)
		e.Updates = slices.Clone(e.Updates)
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b JournalEntry) int { return cmp.Compare(a.Nonce, b.Nonce) })
	return out, nil
}

func (j *memoryJournal) JournalDone(ctx context.Context, chainID, nonce uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("finish chain %d nonce %d in journal: %w", chainID, nonce, err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	delete(j.entries[chainID], nonce)
	return nil
}
