package store

import (
	"context"
	"errors"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer/internal/replicated"
	"github.com/redis/go-redis/v9"
)

// ErrNotReplicated marks a write the primary made but fewer replicas than asked
// acknowledged in time (WithMinReplicas): a failover may lose it, so it counts as failed.
var ErrNotReplicated = errors.New("write not acknowledged by enough replicas (check INFO replication on the primary: are its replicas up and in sync? or lower redis.min_replicas)")

// DefaultReplicaTimeout is how long a write waits for its replicas by default.
const DefaultReplicaTimeout = time.Second

// WithMinReplicas makes the journal writes a broadcast rests on wait, after the
// primary has made them, until n replicas have them too (Redis WAIT), for at most
// timeout (DefaultReplicaTimeout when not positive; keep it below the client's read
// timeout, 3s unless the URL sets read_timeout); fewer acknowledgements fail the
// write with ErrNotReplicated. Redis replicates asynchronously, so without it a
// failover may promote a replica that lacks the last entry. n of zero (the default)
// does not wait.
func WithMinReplicas(n int, timeout time.Duration) Option {
	return func(o *options) {
		o.minReplicas = max(n, 0)
		o.replicaTimeout = timeout
		if timeout <= 0 {
			o.replicaTimeout = DefaultReplicaTimeout
		}
	}
}

// runReplicated runs script and, when the store wants replicas, WAIT on the same
// connection, which counts the replicas that have every write that connection made.
func (r *Redis) runReplicated(ctx context.Context, script *redis.Script, keys []string, args ...any) *redis.Cmd {
	return replicated.Run(ctx, r.c, r.opts.minReplicas, r.opts.replicaTimeout, ErrNotReplicated, script, keys, args...)
}
