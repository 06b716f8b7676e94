package api

import (
	"sync"
	"sync/atomic"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// inferenceCache holds the encoded answer of each topic's latest inference, so that
// the common request (the inference has not changed since the last one) costs a store
// read and a copy of bytes rather than encoding and hashing.
//
// An entry is used only when the store's latest inference is the one it was encoded
// from: the same block height, value and time. The store keeps the newest inference
// per topic and never moves back, so a topic's block height names its inference. The
// answer also depends on the topic being known; topics are never removed, so that does
// not change under a cached answer.
//
// Reads take no lock: the map is replaced whole, under mu, when an entry changes,
// which happens once per topic per new inference.
type inferenceCache struct {
	mu      sync.Mutex
	entries atomic.Pointer[map[uint64]*cachedInference]
}

type cachedInference struct {
	blockHeight uint64
	value       string
	timestamp   int64 // unix nanoseconds
	body        []byte
	etag        []string // the ETag header's value, shared by every answer
}

func (e *cachedInference) answers(inf oracle.Inference) bool {
	return e.blockHeight == inf.BlockHeight && e.value == inf.Value && e.timestamp == inf.Timestamp.UnixNano()
}

// get returns the entry of a topic, or nil.
func (c *inferenceCache) get(topicID uint64) *cachedInference {
	if m := c.entries.Load(); m != nil {
		return (*m)[topicID]
	}
	return nil
}

// put records the answer encoded from inf.
func (c *inferenceCache) put(inf oracle.Inference, body []byte) *cachedInference {
	e := &cachedInference{
		blockHeight: inf.BlockHeight,
		value:       inf.Value,
		timestamp:   inf.Timestamp.UnixNano(),
		body:        body,
		etag:        []string{strongETag(body)},
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var next map[uint64]*cachedInference
	if old := c.entries.Load(); old != nil {
		// Racing requests may encode an older inference after a newer one; keep the
		// newer. A stale entry would only miss, never answer wrongly.
		if prev := (*old)[inf.TopicID]; prev != nil && prev.blockHeight > inf.BlockHeight {
			return e
		}
		next = make(map[uint64]*cachedInference, len(*old)+1)
		for k, v := range *old {
			next[k] = v
		}
	} else {
		next = make(map[uint64]*cachedInference, 1)
	}
	next[inf.TopicID] = e
	c.entries.Store(&next)
	return e
}
