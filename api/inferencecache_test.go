package api

import (
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

func TestInferenceCacheKeepsNewer(t *testing.T) {
	var c inferenceCache
	at := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	newer := oracle.Inference{TopicID: 1, BlockHeight: 81, Value: "3020", Timestamp: at}
	older := oracle.Inference{TopicID: 1, BlockHeight: 80, Value: "3010", Timestamp: at.Add(-5 * time.Second)}
	c.put(newer, []byte("81\n"))
	// A request that read the older inference finishes encoding last.
	if e := c.put(older, []byte("80\n")); !e.answers(older) {
		t.Error("put did not return the entry it encoded")
	}
	e := c.get(1)
	if e == nil || !e.answers(newer) || string(e.body) != "81\n" {
		t.Errorf("cache holds %+v, want the newer inference", e)
	}
	// The same height with another value or time is not the same inference.
	for _, other := range []oracle.Inference{
		{TopicID: 1, BlockHeight: 81, Value: "3021", Timestamp: at},
		{TopicID: 1, BlockHeight: 81, Value: "3020", Timestamp: at.Add(time.Second)},
	} {
		if e.answers(other) {
			t.Errorf("entry answers %+v", other)
		}
	}
	if c.get(2) != nil {
		t.Error("entry for a topic never put")
	}
}
