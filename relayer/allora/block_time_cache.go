package allora

import (
	"sync"
	"time"
)

// blockTimeCache remembers the header times of recent blocks, forgetting the oldest
// entry first once full. Inferences of every topic cite a handful of heights at a time,
// so a small cache saves nearly every block query.
type blockTimeCache struct {
	mu    sync.Mutex
	times map[uint64]time.Time
	order []uint64 // heights in the order they were added, as a ring
	next  int      // slot of order to overwrite next
}

func newBlockTimeCache(size int) *blockTimeCache {
	return &blockTimeCache{
		times: make(map[uint64]time.Time, size),
		order: make([]uint64, 0, size),
	}
}

func (c *blockTimeCache) get(height uint64) (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.times[height]
	return t, ok
}

func (c *blockTimeCache) put(height uint64, t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.times[height]; ok {
		return
	}
	if len(c.order) < cap(c.order) {
		c.order = append(c.order, height)
	} else {
		delete(c.times, c.order[c.next])
		c.order[c.next] = height
		c.next = (c.next + 1) % len(c.order)
	}
	c.times[height] = t
}

func (c *blockTimeCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.times)
}
