package oracle

import (
	"testing"
	"time"
)

func TestTopicLag(t *testing.T) {
	now := time.Unix(1_700_000_100, 500_000_000)
	for _, tc := range []struct {
		name   string
		latest uint64
		held   ChainTopic
		want   Lag
	}{
		{"behind", 120, ChainTopic{BlockHeight: 105, Timestamp: 1_700_000_090}, Lag{Blocks: 15, Held: true, Age: 10500 * time.Millisecond}},
		{"level", 105, ChainTopic{BlockHeight: 105, Timestamp: 1_700_000_090}, Lag{Held: true, Age: 10500 * time.Millisecond}},
		{"the reader's node is behind the chain", 100, ChainTopic{BlockHeight: 105, Timestamp: 1_700_000_090}, Lag{Held: true, Age: 10500 * time.Millisecond}},
		{"nothing held", 120, ChainTopic{}, Lag{Blocks: 120}},
		{"nothing anywhere", 0, ChainTopic{}, Lag{}},
	} {
		if got := TopicLag(tc.latest, tc.held, now); got != tc.want {
			t.Errorf("%s: TopicLag = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
