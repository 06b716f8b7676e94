package relayer

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// sourceFailed logs a failed read of Allora for a topic. A read the node does not serve
// at all (oracle.ErrNotServed: most often an emissions version its chain lacks) is a
// configuration to fix, not an outage to wait out: it is an Error once, with the cause
// the source found (the version the node serves instead), and Ready fails until a
// read of the topic succeeds. Anything else is a Warn: the relayer retries.
func (r *Relayer) sourceFailed(id uint64, msg string, err error) {
	if !errors.Is(err, oracle.ErrNotServed) {
		r.log.Warn(msg, "topic_id", id, "err", err)
		return
	}
	r.mu.Lock()
	_, known := r.notServed[id]
	r.notServed[id] = err
	r.mu.Unlock()
	if known {
		r.log.Debug(msg, "topic_id", id, "err", err)
		return
	}
	r.log.Error("Allora node does not serve what the relayer asks; nothing of this topic is relayed until the configuration is fixed",
		"topic_id", id, "err", err)
}

// sourceAnswered records that Allora answered a read of the topic.
func (r *Relayer) sourceAnswered(id uint64) {
	r.mu.Lock()
	_, was := r.notServed[id]
	delete(r.notServed, id)
	r.mu.Unlock()
	if was {
		r.log.Info("Allora node serves the topic's queries again", "topic_id", id)
	}
}

// notServedReason is Ready's reason while Allora does not serve the relayer's reads of
// some topics: the topics, and the cause of the lowest (one node, one configuration:
// the others' is the same but for the topic).
func (r *Relayer) notServedReason() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.notServed) == 0 {
		return ""
	}
	ids := slices.Sorted(maps.Keys(r.notServed))
	msg := strings.TrimSuffix(r.notServed[ids[0]].Error(), ": "+oracle.ErrNotServed.Error())
	msg = strings.TrimSuffix(msg, ": allora")
	return fmt.Sprintf("Allora does not serve the reads of topic(s) %v: %s", ids, msg)
}
