package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Redis is a Store kept in Redis, shared by every relayer and API replica that uses the
// same Redis and prefix. Writes that must not move state backwards (PutInference,
// PutChainTopic) run as Lua scripts, so they hold under concurrent writers from any
// number of processes.
//
// Every key starts with the prefix. With Redis Cluster, put a hash tag in the prefix
// (such as "{allora-gateway}:") so that the keys one script touches share a slot.
//
// Redis is only as durable as its configuration: without AOF or RDB snapshots a Redis
// restart loses everything here. The chains stay the truth of what was pushed, so a
// relayer recovers by reading the oracles, but production Redis should run with
// appendonly yes (or RDB snapshots) to keep the journal, the request queue and the
// history across restarts. While Redis is unreachable every method returns an error
// wrapping ErrUnavailable and the client's error; the client reconnects by itself and
// callers retry.
type Redis struct {
	c      redis.UniversalClient
	prefix string
	opts   options
}

var _ Store = (*Redis)(nil)

// NewRedis returns a store keeping its state in Redis under keys that start with
// prefix and a colon (none is added to a prefix that ends with one, or to an empty
// prefix): "allora-gateway" keeps its topics in "allora-gateway:topics". The client stays the caller's to close; NewRedis adds a hook to it that marks
// failures to reach Redis as ErrUnavailable.
func NewRedis(client redis.UniversalClient, prefix string, opts ...Option) *Redis {
	client.AddHook(unavailableHook{})
	if prefix != "" && !strings.HasSuffix(prefix, ":") {
		prefix += ":"
	}
	return &Redis{c: client, prefix: prefix, opts: newOptions(opts)}
}

// Key layout, below the prefix:
//
//	topics                   hash   topic id -> topic JSON
//	inference:<topic>        hash   h: block height, d: inference JSON
//	history:<topic>          zset   "<20-digit height>|<inference JSON>", all scored 0
//	chains                   set    chain ids
//	chain:<id>               hash   name, oracle, feeds, final (the final block)
//	chain:<id>:topics        hash   topic id -> chain topic JSON (all strings, read by Lua)
//	pushes:<chain>           list   push JSON, newest first
//	journal:<chain>          hash   nonce -> journal entry JSON
//	journal:<chain>:fence    string highest lease token used for the chain
//	requests:<chain>         zset   "<sort key>|<request JSON>", all scored 0
//	requests:<chain>:ids     hash   tx hash:log index -> its member in requests:<chain>
//	requests:<chain>:seen:<tx hash>:<log index>  string, expires after the dedup window
//
// The sorted sets are ordered by member (ZRANGEBYLEX), not by score: scores are
// doubles, which cannot tell apart heights above 2^53 or uint256 amounts.
func (r *Redis) key(parts ...string) string {
	k := r.prefix
	for i, p := range parts {
		if i > 0 {
			k += ":"
		}
		k += p
	}
	return k
}

func u64(v uint64) string { return strconv.FormatUint(v, 10) }

// luaCompareUint compares two canonical decimal strings of unsigned integers (no
// leading zeros) without converting them to Lua numbers, which are doubles and lose
// precision above 2^53: block heights use the whole uint64 range.
const luaCompareUint = `
local function cmpuint(a, b)
  if #a ~= #b then
    if #a < #b then return -1 end
    return 1
  end
  if a == b then return 0 end
  if a < b then return -1 end
  return 1
end
`

// putInferenceScript stores ARGV[2] as the latest inference of a topic when its version
// (block height ARGV[1], loss block height ARGV[5]) is newer than the stored one, and
// puts ARGV[3] in the topic's history in place of any entry of the same block height
// (ARGV[6] is that height's member prefix), keeping the newest ARGV[4] entries. KEYS[1]
// is the topic's inference hash, KEYS[2] its history.
var putInferenceScript = redis.NewScript(luaCompareUint + `
local cur = redis.call('HGET', KEYS[1], 'h')
if cur then
  local c = cmpuint(ARGV[1], cur)
  if c < 0 then return 0 end
  if c == 0 and cmpuint(ARGV[5], redis.call('HGET', KEYS[1], 'l') or '0') <= 0 then return 0 end
end
redis.call('HSET', KEYS[1], 'h', ARGV[1], 'l', ARGV[5], 'd', ARGV[2])
redis.call('ZREMRANGEBYLEX', KEYS[2], '[' .. ARGV[6] .. '|', '(' .. ARGV[6] .. '}')
redis.call('ZADD', KEYS[2], 0, ARGV[3])
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[4]) - 1)
return 1
`)

// pad20 writes v with leading zeros to the 20 digits of the largest uint64, so that
// byte order is numeric order.
func pad20(v uint64) string { return fmt.Sprintf("%020d", v) }

// putChainTopicScript is MergeChainTopic in Lua. KEYS[1] is the chain's topics hash,
// KEYS[2] the set of chains; ARGV[1] the topic id, ARGV[2] the new state as JSON with
// string fields, ARGV[3] the chain id.
var putChainTopicScript = redis.NewScript(luaCompareUint + `
local n = cjson.decode(ARGV[2])
local o = {h = '0', l = '0', v = '', ts = '0', lp = '', tx = '', pb = '0'}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur then o = cjson.decode(cur) end
if not o.l then o.l = '0' end
if not n.l then n.l = '0' end
local c = cmpuint(n.h, o.h)
if c == 0 then c = cmpuint(n.l, o.l) end
if c > 0 then
  o.h = n.h
  o.l = n.l
  o.v = n.v
  o.ts = n.ts
elseif c == 0 then
  if n.v ~= '' then o.v = n.v end
  if n.ts ~= '0' then o.ts = n.ts end
end
if n.lp ~= '' then o.lp = n.lp end
if n.tx ~= '' then
  o.tx = n.tx
  o.pb = n.pb or '0'
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(o))
redis.call('SADD', KEYS[2], ARGV[3])
return 1
`)

// putChainFinalScript raises a chain's final block: KEYS[1] is the chain's hash, KEYS[2]
// the set of chains; ARGV[1] the block, ARGV[2] the chain id.
var putChainFinalScript = redis.NewScript(luaCompareUint + `
local cur = redis.call('HGET', KEYS[1], 'final')
if not cur or cmpuint(ARGV[1], cur) > 0 then redis.call('HSET', KEYS[1], 'final', ARGV[1]) end
redis.call('SADD', KEYS[2], ARGV[2])
return 1
`)

// inferenceRecord is an inference as stored: the time as unix nanoseconds so nothing
// below the second is lost, and the scaled value.
type inferenceRecord struct {
	TopicID     uint64      `json:"topic"`
	BlockHeight uint64      `json:"height"`
	Loss        uint64      `json:"loss,omitempty"`
	Value       string      `json:"value"`
	Scaled      string      `json:"scaled,omitempty"`
	Time        int64       `json:"time_ns"`
	Intervals   [][2]string `json:"ci,omitempty"`
}

func encodeInference(inf oracle.ScaledInference) (string, error) {
	rec := inferenceRecord{
		TopicID:     inf.TopicID,
		BlockHeight: inf.BlockHeight,
		Loss:        inf.LossBlockHeight,
		Value:       inf.Value,
		Scaled:      inf.Scaled.String(),
		Time:        inf.Timestamp.UnixNano(),
	}
	for _, ci := range inf.ConfidenceIntervals {
		rec.Intervals = append(rec.Intervals, [2]string{ci.Percentile, ci.Value})
	}
	b, err := json.Marshal(rec)
	return string(b), err
}

func decodeInference(s string) (oracle.ScaledInference, error) {
	var rec inferenceRecord
	if err := json.Unmarshal([]byte(s), &rec); err != nil {
		return oracle.ScaledInference{}, fmt.Errorf("decode stored inference: %w", err)
	}
	inf := oracle.ScaledInference{Inference: oracle.Inference{
		TopicID:         rec.TopicID,
		BlockHeight:     rec.BlockHeight,
		LossBlockHeight: rec.Loss,
		Value:           rec.Value,
		Timestamp:       time.Unix(0, rec.Time).UTC(),
	}}
	for _, ci := range rec.Intervals {
		inf.ConfidenceIntervals = append(inf.ConfidenceIntervals, oracle.ConfidenceInterval{Percentile: ci[0], Value: ci[1]})
	}
	var ok bool
	if rec.Scaled != "" {
		inf.Scaled, ok = new(big.Int).SetString(rec.Scaled, 10)
		if !ok {
			return oracle.ScaledInference{}, fmt.Errorf("decode stored topic %d inference at block %d: scaled value %q is not a decimal integer",
				rec.TopicID, rec.BlockHeight, rec.Scaled)
		}
		return inf, nil
	}
	// Written before the scaled value was kept. Only inferences the oracle can carry
	// were stored, negative ones only for topics that allow them, so scaling allowing
	// negatives gives the value the writer had.
	v, err := oracle.Scale(rec.Value, true)
	if err != nil {
		return oracle.ScaledInference{}, fmt.Errorf("decode stored topic %d inference at block %d: %w", rec.TopicID, rec.BlockHeight, err)
	}
	inf.Scaled = v
	return inf, nil
}

// chainTopicRecord is a chain topic as stored: every field a string so the Lua merge
// compares heights exactly; "" stands for a nil value, a zero time and a zero hash.
type chainTopicRecord struct {
	Height    string `json:"h"`
	Loss      string `json:"l"`
	Value     string `json:"v"`
	Timestamp string `json:"ts"`
	LastPush  string `json:"lp"`
	TxHash    string `json:"tx"`
	PushBlock string `json:"pb,omitempty"`
}

func encodeChainTopic(t oracle.ChainTopic) (string, error) {
	rec := chainTopicRecord{Height: u64(t.BlockHeight), Loss: u64(t.LossBlockHeight), Timestamp: u64(t.Timestamp)}
	if t.Value != nil {
		rec.Value = t.Value.String()
	}
	if !t.LastPush.IsZero() {
		rec.LastPush = strconv.FormatInt(t.LastPush.UnixNano(), 10)
	}
	if t.TxHash != (common.Hash{}) {
		rec.TxHash = t.TxHash.Hex()
		rec.PushBlock = u64(t.PushBlock)
	}
	b, err := json.Marshal(rec)
	return string(b), err
}

func decodeChainTopic(topicID, s string) (oracle.ChainTopic, error) {
	var (
		rec chainTopicRecord
		t   oracle.ChainTopic
		err error
	)
	if err := json.Unmarshal([]byte(s), &rec); err != nil {
		return t, fmt.Errorf("decode stored topic %s state: %w", topicID, err)
	}
	if t.TopicID, err = strconv.ParseUint(topicID, 10, 64); err != nil {
		return t, fmt.Errorf("decode stored topic id %q: %w", topicID, err)
	}
	if t.BlockHeight, err = strconv.ParseUint(rec.Height, 10, 64); err != nil {
		return t, fmt.Errorf("decode stored topic %s block height: %w", topicID, err)
	}
	if rec.Loss != "" { // absent from states written before loss heights were kept
		if t.LossBlockHeight, err = strconv.ParseUint(rec.Loss, 10, 64); err != nil {
			return t, fmt.Errorf("decode stored topic %s loss block height: %w", topicID, err)
		}
	}
	if t.Timestamp, err = strconv.ParseUint(rec.Timestamp, 10, 64); err != nil {
		return t, fmt.Errorf("decode stored topic %s timestamp: %w", topicID, err)
	}
	if rec.Value != "" {
		v, ok := new(big.Int).SetString(rec.Value, 10)
		if !ok {
			return t, fmt.Errorf("decode stored topic %s value %q: not a decimal integer", topicID, rec.Value)
		}
		t.Value = v
	}
	if rec.LastPush != "" {
		ns, err := strconv.ParseInt(rec.LastPush, 10, 64)
		if err != nil {
			return t, fmt.Errorf("decode stored topic %s last push: %w", topicID, err)
		}
		t.LastPush = time.Unix(0, ns).UTC()
	}
	if rec.TxHash != "" {
		t.TxHash = common.HexToHash(rec.TxHash)
	}
	if rec.PushBlock != "" { // absent from states written before push blocks were kept
		if t.PushBlock, err = strconv.ParseUint(rec.PushBlock, 10, 64); err != nil {
			return t, fmt.Errorf("decode stored topic %s push block: %w", topicID, err)
		}
	}
	return t, nil
}

// PutTopic implements Store.
func (r *Redis) PutTopic(ctx context.Context, t oracle.Topic) error {
	b, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("put topic %d: %w", t.ID, err)
	}
	if err := r.c.HSet(ctx, r.key("topics"), u64(t.ID), b).Err(); err != nil {
		return fmt.Errorf("put topic %d: %w", t.ID, err)
	}
	return nil
}

// Topics implements Store.
func (r *Redis) Topics(ctx context.Context) ([]oracle.Topic, error) {
	all, err := r.c.HGetAll(ctx, r.key("topics")).Result()
	if err != nil {
		return nil, fmt.Errorf("list topics: %w", err)
	}
	out := make([]oracle.Topic, 0, len(all))
	for id, s := range all {
		var t oracle.Topic
		if err := json.Unmarshal([]byte(s), &t); err != nil {
			return nil, fmt.Errorf("list topics: decode topic %s: %w", id, err)
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b oracle.Topic) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// PutInference implements Store.
func (r *Redis) PutInference(ctx context.Context, inf oracle.ScaledInference) error {
	if err := checkScaled(inf); err != nil {
		return err
	}
	data, err := encodeInference(inf)
	if err != nil {
		return fmt.Errorf("put topic %d inference at block %d: %w", inf.TopicID, inf.BlockHeight, err)
	}
	keys := []string{r.key("inference", u64(inf.TopicID)), r.key("history", u64(inf.TopicID))}
	member := pad20(inf.BlockHeight) + "|" + data
	err = putInferenceScript.Run(ctx, r.c, keys, u64(inf.BlockHeight), data, member, r.opts.historyLimit,
		u64(inf.LossBlockHeight), pad20(inf.BlockHeight)).Err()
	if err != nil {
		return fmt.Errorf("put topic %d inference at block %d: %w", inf.TopicID, inf.BlockHeight, err)
	}
	return nil
}

// LatestInference implements Store.
func (r *Redis) LatestInference(ctx context.Context, topicID uint64) (oracle.ScaledInference, error) {
	s, err := r.c.HGet(ctx, r.key("inference", u64(topicID)), "d").Result()
	if errors.Is(err, redis.Nil) {
		return oracle.ScaledInference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, ErrNotFound)
	}
	if err != nil {
		return oracle.ScaledInference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, err)
	}
	inf, err := decodeInference(s)
	if err != nil {
		return oracle.ScaledInference{}, fmt.Errorf("latest inference of topic %d: %w", topicID, err)
	}
	return inf, nil
}

// PutChain implements Store.
func (r *Redis) PutChain(ctx context.Context, c oracle.Chain) error {
	id := u64(c.ID)
	feeds, err := json.Marshal(c.Feeds)
	if err != nil {
		return fmt.Errorf("put chain %d: %w", c.ID, err)
	}
	_, err = r.c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, r.key("chain", id), "name", c.Name, "oracle", c.Oracle.Hex())
		if c.Feeds != nil {
			p.HSet(ctx, r.key("chain", id), "feeds", string(feeds))
		}
		p.SAdd(ctx, r.key("chains"), id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("put chain %d: %w", c.ID, err)
	}
	return nil
}

// PutChainTopic implements Store.
func (r *Redis) PutChainTopic(ctx context.Context, chainID uint64, t oracle.ChainTopic) error {
	data, err := encodeChainTopic(t)
	if err != nil {
		return fmt.Errorf("put chain %d topic %d: %w", chainID, t.TopicID, err)
	}
	keys := []string{r.key("chain", u64(chainID), "topics"), r.key("chains")}
	if err := putChainTopicScript.Run(ctx, r.c, keys, u64(t.TopicID), data, u64(chainID)).Err(); err != nil {
		return fmt.Errorf("put chain %d topic %d: %w", chainID, t.TopicID, err)
	}
	return nil
}

// PutChainFinal implements Store.
func (r *Redis) PutChainFinal(ctx context.Context, chainID, block uint64) error {
	keys := []string{r.key("chain", u64(chainID)), r.key("chains")}
	if err := putChainFinalScript.Run(ctx, r.c, keys, u64(block), u64(chainID)).Err(); err != nil {
		return fmt.Errorf("put chain %d final block %d: %w", chainID, block, err)
	}
	return nil
}

// Chains implements Store.
func (r *Redis) Chains(ctx context.Context) ([]oracle.ChainStatus, error) {
	ids, err := r.c.SMembers(ctx, r.key("chains")).Result()
	if err != nil {
		return nil, fmt.Errorf("list chains: %w", err)
	}
	metas := make([]*redis.MapStringStringCmd, len(ids))
	topics := make([]*redis.MapStringStringCmd, len(ids))
	_, err = r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, id := range ids {
			metas[i] = p.HGetAll(ctx, r.key("chain", id))
			topics[i] = p.HGetAll(ctx, r.key("chain", id, "topics"))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list chains: %w", err)
	}
	out := make([]oracle.ChainStatus, 0, len(ids))
	for i, id := range ids {
		var st oracle.ChainStatus
		if st.ID, err = strconv.ParseUint(id, 10, 64); err != nil {
			return nil, fmt.Errorf("list chains: decode chain id %q: %w", id, err)
		}
		meta := metas[i].Val()
		st.Name = meta["name"]
		if f := meta["final"]; f != "" {
			if st.FinalBlock, err = strconv.ParseUint(f, 10, 64); err != nil {
				return nil, fmt.Errorf("list chains: decode the final block of chain %s: %w", id, err)
			}
		}
		if a := meta["oracle"]; a != "" {
			st.Oracle = common.HexToAddress(a)
		}
		if f := meta["feeds"]; f != "" && f != "null" {
			if err := json.Unmarshal([]byte(f), &st.Feeds); err != nil {
				return nil, fmt.Errorf("list chains: decode the feeds of chain %s: %w", id, err)
			}
		}
		st.Topics = make([]oracle.ChainTopic, 0, len(topics[i].Val()))
		for tid, s := range topics[i].Val() {
			ct, err := decodeChainTopic(tid, s)
			if err != nil {
				return nil, fmt.Errorf("list chains: chain %s: %w", id, err)
			}
			st.Topics = append(st.Topics, ct)
		}
		slices.SortFunc(st.Topics, func(a, b oracle.ChainTopic) int { return cmp.Compare(a.TopicID, b.TopicID) })
		out = append(out, st)
	}
	slices.SortFunc(out, func(a, b oracle.ChainStatus) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}
