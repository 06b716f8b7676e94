package oracle

import "time"

// Lag is how far a chain's oracle is behind Allora on one topic. The relayer's metrics,
// the status command and the API all compute it with TopicLag, so that they agree on
// the same inputs.
type Lag struct {
	// Blocks is the Allora block height of the topic's latest inference minus the one
	// the oracle holds (all of it when the oracle holds none); 0 when the oracle
	// holds that inference or a newer one (the reader's Allora node is behind).
	Blocks uint64
	// Held says whether the oracle holds an inference of the topic; Age is only
	// meaningful when it does.
	Held bool
	// Age is how old the inference the oracle holds is: now minus the inference's
	// time. It grows between updates even while Allora has nothing newer.
	Age time.Duration
}

// Final reports whether the gateway's last push of the topic is final on a chain whose
// final block is finalBlock, and whether that is known: it is not while the push block
// is (never pushed, or recorded before push blocks were kept).
func (t ChainTopic) Final(finalBlock uint64) (final, known bool) {
	if t.PushBlock == 0 {
		return false, false
	}
	return t.PushBlock <= finalBlock, true
}

// FinalLag is how many blocks the chain's final block is behind the topic's last push
// block: 0 once the push is final, or when its block is unknown.
func (t ChainTopic) FinalLag(finalBlock uint64) uint64 {
	if t.PushBlock <= finalBlock {
		return 0
	}
	return t.PushBlock - finalBlock
}

// TopicLag is the lag of a topic whose latest Allora inference is at block latest
// (0 when Allora has none) on an oracle that holds held, at now.
func TopicLag(latest uint64, held ChainTopic, now time.Time) Lag {
	var l Lag
	if latest > held.BlockHeight {
		l.Blocks = latest - held.BlockHeight
	}
	if held.BlockHeight != 0 {
		l.Held = true
		l.Age = now.Sub(time.Unix(int64(held.Timestamp), 0))
	}
	return l
}
