// Package replicated runs a Redis script whose write counts only once enough replicas
// hold it: the lease's and the journal's writes, which a failover must not lose.
package replicated

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Run runs script and, when n is above zero, WAIT on the same connection, which
// counts the replicas that have every write that connection made. A reply that wrote
// something (see Wrote) with fewer than n acknowledgements within timeout gets the
// error notReplicated, wrapped with the count; one that wrote nothing waits for none.
func Run(ctx context.Context, c redis.UniversalClient, n int, timeout time.Duration, notReplicated error,
	script *redis.Script, keys []string, args ...any) *redis.Cmd {
	if n == 0 {
		return script.Run(ctx, c, keys, args...)
	}
	for loaded := false; ; loaded = true {
		var cmd, wait *redis.Cmd
		_, _ = c.Pipelined(ctx, func(p redis.Pipeliner) error {
			cmd = script.EvalSha(ctx, p, keys, args...)
			wait = p.Do(ctx, "wait", n, timeout.Milliseconds())
			return nil
		})
		if !loaded && redis.HasErrorPrefix(cmd.Err(), "NOSCRIPT") {
			if err := script.Load(ctx, c).Err(); err != nil {
				cmd.SetErr(err)
				return cmd
			}
			continue
		}
		if Wrote(cmd) {
			if got, err := wait.Int64(); err != nil {
				cmd.SetErr(fmt.Errorf("wait for %d replicas: %w", n, err))
			} else if got < int64(n) {
				cmd.SetErr(fmt.Errorf("%w: %d of %d in %s", notReplicated, got, n, timeout))
			}
		}
		return cmd
	}
}

// Wrote reports whether a script's reply says it wrote: the gateway's scripts answer
// nil or 0 when they changed nothing (not acquired, not renewed, fenced off).
func Wrote(cmd *redis.Cmd) bool {
	if cmd.Err() != nil {
		return false
	}
	n, isInt := cmd.Val().(int64)
	return !isInt || n != 0
}
