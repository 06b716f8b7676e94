package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"
)

type journalRecord struct {
	ChainID uint64         `json:"chain"`
	Nonce   uint64         `json:"nonce"`
	TxHash  common.Hash    `json:"tx"`
	RawTx   []byte         `json:"raw,omitempty"` // base64
	Updates []updateRecord `json:"updates,omitempty"`
	SentAt  int64          `json:"sent_ns"`
	Attempt int            `json:"attempt"`
}

func encodeJournalEntry(e JournalEntry) (string, error) {
	b, err := json.Marshal(journalRecord{
		ChainID: e.ChainID, Nonce: e.Nonce, TxHash: e.TxHash, RawTx: e.RawTx,
		Updates: encodeUpdates(e.Updates), SentAt: nanos(e.SentAt), Attempt: e.Attempt,
	})
	return string(b), err
}

func decodeJournalEntry(s string) (JournalEntry, error) {
	var rec journalRecord
	if err := json.Unmarshal([]byte(s), &rec); err != nil {
		return JournalEntry{}, fmt.Errorf("decode journal entry: %w", err)
	}
	us, err := decodeUpdates(rec.Updates)
	if err != nil {
		return JournalEntry{}, fmt.Errorf("decode journal entry at nonce %d: %w", rec.Nonce, err)
	}
	return JournalEntry{
		ChainID: rec.ChainID, Nonce: rec.Nonce, TxHash: rec.TxHash, RawTx: rec.RawTx,
		Updates: us, SentAt: fromNanos(rec.SentAt), Attempt: rec.Attempt,
	}, nil
}

// fenceScript raises the fence KEYS[1] to token ARGV[1] unless it is higher already,
// and then, when given, writes the journal entry ARGV[3] at nonce ARGV[2] of the
// journal KEYS[2]. It returns 1 when done, 0 when fenced off.
var fenceScript = redis.NewScript(luaCompareUint + `
local fence = redis.call('GET', KEYS[1])
if fence and cmpuint(ARGV[1], fence) < 0 then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1])
if #ARGV >= 3 then
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
end
return 1
`)

// JournalPut implements Journal.
func (r *Redis) JournalPut(ctx context.Context, e JournalEntry) error {
	data, err := encodeJournalEntry(e)
	if err == nil {
		err = r.c.HSet(ctx, r.key("journal", u64(e.ChainID)), u64(e.Nonce), data).Err()
	}
	if err != nil {
		return fmt.Errorf("journal chain %d nonce %d: %w", e.ChainID, e.Nonce, err)
	}
	return nil
}

// JournalPending implements Journal.
func (r *Redis) JournalPending(ctx context.Context, chainID uint64) ([]JournalEntry, error) {
	all, err := r.c.HVals(ctx, r.key("journal", u64(chainID))).Result()
	if err != nil {
		return nil, fmt.Errorf("chain %d pending journal: %w", chainID, err)
	}
	out := make([]JournalEntry, 0, len(all))
	for _, s := range all {
		e, err := decodeJournalEntry(s)
		if err != nil {
			return nil, fmt.Errorf("chain %d pending journal: %w", chainID, err)
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b JournalEntry) int { return cmp.Compare(a.Nonce, b.Nonce) })
	return out, nil
}

// JournalDone implements Journal.
func (r *Redis) JournalDone(ctx context.Context, chainID, nonce uint64) error {
	if err := r.c.HDel(ctx, r.key("journal", u64(chainID)), u64(nonce)).Err(); err != nil {
		return fmt.Errorf("finish chain %d nonce %d in journal: %w", chainID, nonce, err)
	}
	return nil
}

// JournalFence implements FencedJournal.
func (r *Redis) JournalFence(ctx context.Context, chainID, token uint64) error {
	done, err := r.runReplicated(ctx, fenceScript, []string{r.key("journal", u64(chainID), "fence")}, u64(token)).Int()
	if err == nil && done == 0 {
		err = ErrFenced
	}
	if err != nil {
		return fmt.Errorf("fence chain %d journal at token %d: %w", chainID, token, err)
	}
	return nil
}

// JournalPutFenced implements FencedJournal.
func (r *Redis) JournalPutFenced(ctx context.Context, token uint64, e JournalEntry) error {
	data, err := encodeJournalEntry(e)
	if err != nil {
		return fmt.Errorf("journal chain %d nonce %d with token %d: %w", e.ChainID, e.Nonce, token, err)
	}
	chain := u64(e.ChainID)
	keys := []string{r.key("journal", chain, "fence"), r.key("journal", chain)}
	done, err := r.runReplicated(ctx, fenceScript, keys, u64(token), u64(e.Nonce), data).Int()
	if err == nil && done == 0 {
		err = ErrFenced
	}
	if err != nil {
		return fmt.Errorf("journal chain %d nonce %d with token %d: %w", e.ChainID, e.Nonce, token, err)
	}
	return nil
}
