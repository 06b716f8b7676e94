package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"
)

type requestRecord struct {
	ChainID     uint64         `json:"chain"`
	TopicID     uint64         `json:"topic"`
	Requester   common.Address `json:"requester"`
	Amount      string         `json:"amount"`
	TxHash      common.Hash    `json:"tx"`
	LogIndex    uint           `json:"log"`
	BlockNumber uint64         `json:"block"`
}

// amountDigits is the length of the largest uint256 in decimal.
const amountDigits = 78

// requestSortKey orders requests by byte order the way compareRequests does: the
// amount padded to 78 digits with every digit inverted (so larger amounts sort
// first), then the padded block number and log index, then the transaction hash.
func requestSortKey(r PaidRequest) string {
	amount := []byte(fmt.Sprintf("%0*s", amountDigits, r.Amount.String()))
	for i, d := range amount {
		amount[i] = '9' - d + '0'
	}
	return string(amount) + ":" + pad20(r.BlockNumber) + ":" + pad20(uint64(r.LogIndex)) + ":" + r.TxHash.Hex()
}

// requestField names an event within its chain's keys.
func requestField(r PaidRequest) string {
	return r.TxHash.Hex() + ":" + strconv.FormatUint(uint64(r.LogIndex), 10)
}

func (r *Redis) requestKeys(req PaidRequest) []string {
	chain := u64(req.ChainID)
	return []string{
		r.key("requests", chain),
		r.key("requests", chain, "ids"),
		r.key("requests", chain, "seen", requestField(req)),
	}
}

// enqueueScript queues member ARGV[2] under id ARGV[1] unless the event is queued
// (KEYS[2]) or was seen within the dedup window (KEYS[3]), and remembers it for ARGV[3]
// milliseconds. KEYS[1] is the queue.
var enqueueScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], 0, ARGV[2])
return 1
`)

// ackScript removes the event with id ARGV[1] from the queue and remembers it for
// another dedup window of ARGV[2] milliseconds. KEYS as for enqueueScript.
var ackScript = redis.NewScript(`
local member = redis.call('HGET', KEYS[2], ARGV[1])
if not member then
  return 0
end
redis.call('ZREM', KEYS[1], member)
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
return 1
`)

// EnqueueRequest implements RequestQueue.
func (r *Redis) EnqueueRequest(ctx context.Context, req PaidRequest) error {
	req, err := checkRequest(req)
	if err != nil {
		return fmt.Errorf("queue %s: %w", describeRequest(req), err)
	}
	b, err := json.Marshal(requestRecord{
		ChainID: req.ChainID, TopicID: req.TopicID, Requester: req.Requester, Amount: req.Amount.String(),
		TxHash: req.TxHash, LogIndex: req.LogIndex, BlockNumber: req.BlockNumber,
	})
	if err != nil {
		return fmt.Errorf("queue %s: %w", describeRequest(req), err)
	}
	member := requestSortKey(req) + "|" + string(b)
	err = enqueueScript.Run(ctx, r.c, r.requestKeys(req), requestField(req), member, r.opts.dedupWindow.Milliseconds()).Err()
	if err != nil {
		return fmt.Errorf("queue %s: %w", describeRequest(req), err)
	}
	return nil
}

// NextRequests implements RequestQueue.
func (r *Redis) NextRequests(ctx context.Context, chainID uint64, n int) ([]PaidRequest, error) {
	if n < 1 {
		return nil, fmt.Errorf("next paid requests of chain %d: n %d: %w", chainID, n, ErrInvalid)
	}
	members, err := r.c.ZRangeByLex(ctx, r.key("requests", u64(chainID)), &redis.ZRangeBy{
		Min: "-", Max: "+", Count: int64(n),
	}).Result()
	if err != nil {
		return nil, fmt.Errorf("next paid requests of chain %d: %w", chainID, err)
	}
	out := make([]PaidRequest, 0, len(members))
	for _, m := range members {
		_, data, _ := strings.Cut(m, "|")
		var rec requestRecord
		if err := json.Unmarshal([]byte(data), &rec); err != nil {
			return nil, fmt.Errorf("next paid requests of chain %d: decode: %w", chainID, err)
		}
		amount, ok := new(big.Int).SetString(rec.Amount, 10)
		if !ok {
			return nil, fmt.Errorf("next paid requests of chain %d: decode amount %q: not a decimal integer", chainID, rec.Amount)
		}
		out = append(out, PaidRequest{
			ChainID: rec.ChainID, TopicID: rec.TopicID, Requester: rec.Requester, Amount: amount,
			TxHash: rec.TxHash, LogIndex: rec.LogIndex, BlockNumber: rec.BlockNumber,
		})
	}
	return out, nil
}

// AckRequest implements RequestQueue.
func (r *Redis) AckRequest(ctx context.Context, req PaidRequest) error {
	err := ackScript.Run(ctx, r.c, r.requestKeys(req), requestField(req), r.opts.dedupWindow.Milliseconds()).Err()
	if err != nil {
		return fmt.Errorf("acknowledge %s: %w", describeRequest(req), err)
	}
	return nil
}
