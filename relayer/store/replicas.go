package store

import (
	"context"
	"errors"
	"fmt"
	"time"

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
	n := r.opts.minReplicas
	if n == 0 {
		return script.Run(ctx, r.c, keys, args...)
	}
	for loaded := false; ; loaded = true {
		var cmd *redis.Cmd
		var wait *redis.Cmd
		_, _ = r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
			cmd = script.EvalSha(ctx, p, keys, args...)
			wait = p.Do(ctx, "wait", n, r.opts.replicaTimeout.Milliseconds())
			return nil
		})
		if !loaded && redis.HasErrorPrefix(cmd.Err(), "NOSCRIPT") {
			if err := script.Load(ctx, r.c).Err(); err != nil {
				cmd.SetErr(err)
				return cmd
			}
			continue
		}
		if wrote(cmd) {
			if got, err := wait.Int64(); err != nil {
				cmd.SetErr(fmt.Errorf("wait for %d replicas: %w", n, err))
			} else if got < int64(n) {
				cmd.SetErr(fmt.Errorf("%w: %d of %d in %s", ErrNotReplicated, got, n, r.opts.replicaTimeout))
			}
		}
		return cmd
	}
}

// wrote reports whether a script's reply says it wrote: the scripts here answer nil
// or 0 when they changed nothing (not acquired, not renewed, fenced off).
func wrote(cmd *redis.Cmd) bool {
	if cmd.Err() != nil {
		return false
	}
	n, isInt := cmd.Val().(int64)
	return !isInt || n != 0
}
