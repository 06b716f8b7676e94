package relayer

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// inFlight is one chain's batches sent and not yet confirmed: the (topic, height) each
// carries, so a cycle does not send them again, and the places left for more (the
// chain's max_in_flight). A batch is confirmed off the push loop, which meanwhile reads
// the oracle, signs and sends the next one.
type inFlight struct {
	places chan struct{}
	wg     sync.WaitGroup
	// failed holds the first error of a batch in flight the loop has not seen yet;
	// the loop retries with its backoff, and the topics are free for that retry.
	failed chan error

	mu      sync.Mutex
	carried map[uint64][]flying // by topic
}

type flying struct {
	update oracle.Update
	sentAt time.Time
}

func newInFlight(places int) *inFlight {
	return &inFlight{
		places:  make(chan struct{}, max(places, 1)),
		failed:  make(chan error, 1),
		carried: make(map[uint64][]flying),
	}
}

// acquire waits for a place for one more batch, until ctx (the batch's) or stop (the
// loop's: no new batch once it ends) is done.
func (f *inFlight) acquire(ctx, stop context.Context) error {
	select {
	case f.places <- struct{}{}:
		return nil
	default:
	}
	select {
	case f.places <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for a batch in flight to be confirmed: %w", ctx.Err())
	case <-stop.Done():
		return fmt.Errorf("wait for a batch in flight to be confirmed: %w", stop.Err())
	}
}

func (f *inFlight) release() { <-f.places }

// carrying is what the batches in flight will put on chain for topicID, the newest
// version among them, as the chain will hold it once they land; ok is false when none
// carries the topic.
func (f *inFlight) carrying(topicID uint64) (oracle.ChainTopic, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var best *flying
	for i, fl := range f.carried[topicID] {
		if best == nil || fl.update.Version().Newer(best.update.Version()) {
			best = &f.carried[topicID][i]
		}
	}
	if best == nil {
		return oracle.ChainTopic{}, false
	}
	u := best.update
	return oracle.ChainTopic{
		TopicID: u.TopicID, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight,
		Value: u.Value, Timestamp: u.Timestamp, LastPush: best.sentAt,
	}, true
}

// fly sends b off the push loop, in a place acquire gave: land sees it to its receipt
// and records it, then the batch's place and topics are free again. An error goes to
// the loop through failed.
func (f *inFlight) fly(b signedBatch, now time.Time, land func(signedBatch) error) {
	f.mu.Lock()
	for _, u := range b.updates {
		f.carried[u.TopicID] = append(f.carried[u.TopicID], flying{update: u, sentAt: now})
	}
	f.mu.Unlock()
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		err := land(b)
		f.mu.Lock()
		for _, u := range b.updates {
			left := slices.DeleteFunc(f.carried[u.TopicID], func(fl flying) bool { return fl.update.Version() == u.Version() })
			if len(left) == 0 {
				delete(f.carried, u.TopicID)
			} else {
				f.carried[u.TopicID] = left
			}
		}
		f.mu.Unlock()
		f.release()
		if err != nil {
			select {
			case f.failed <- err:
			default: // the loop has one to retry already
			}
		}
	}()
}

// skipInFlight reports, and logs, whether u is carried already by a batch in flight,
// at its version or a newer one; otherwise st is what the policy compares u with: the
// chain's state, or the newest a batch in flight will put there.
func (f *inFlight) skipInFlight(st *oracle.ChainTopic, u oracle.Update, log *slog.Logger) bool {
	fl, ok := f.carrying(u.TopicID)
	if !ok {
		return false
	}
	if !u.Version().Newer(fl.Version()) {
		log.Debug("carried by a batch in flight", "topic_id", u.TopicID, "block_height", u.BlockHeight,
			"loss_block_height", u.LossBlockHeight)
		return true
	}
	*st = fl
	return false
}
