package relayer

import "context"

// LoadTopics and PollTopics run one metadata load and one poll sweep, for the
// benchmarks that measure them alone.
func LoadTopics(ctx context.Context, r *Relayer, ids []uint64) []uint64 {
	return r.loadTopics(ctx, ids)
}

func PollTopics(ctx context.Context, r *Relayer, ids []uint64) (fresh bool) {
	for _, p := range r.pollTopics(ctx, ids) {
		fresh = fresh || p.fresh
	}
	return fresh
}
