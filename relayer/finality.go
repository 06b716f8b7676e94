package relayer

import (
	"context"
	"log/slog"
)

// Finality is how the relayer finds a chain's final block: the block its nodes serve
// for a tag, or a depth under the head. Transactions still count as landed at the
// chain's confirmations (its transaction manager's); this only says when a push is
// final beside included, in /v1/chains and the metrics.
type Finality struct {
	// Tag is the JSON-RPC block tag ("finalized", "safe") that names the chain's final
	// block; "" follows Depth.
	Tag string
	// Depth is how many blocks under the head are final: the chain's confirmations.
	// It is also what an endpoint that does not serve Tag is followed at.
	Depth uint64
}

// TaggedHeadReader is the part of a ChainWriter that reads the block a tag names,
// such as the finalized block. A writer without it is followed at its depth.
type TaggedHeadReader interface {
	TaggedHead(ctx context.Context, tag string) (ChainHead, error)
}

// finalFollower finds one chain's final block at each head read.
type finalFollower struct {
	finality Finality
	// fallback is set while the chain's endpoint does not serve the tag, so the change
	// is logged once each way.
	fallback bool
}

// final returns the chain's final block with head just read: the tagged block, or
// head − depth when the chain finalises by depth or the tag cannot be read.
func (f *finalFollower) final(ctx context.Context, c ChainWriter, head ChainHead, log *slog.Logger) uint64 {
	byDepth := head.Number - min(head.Number, f.finality.Depth)
	if f.finality.Tag == "" {
		return byDepth
	}
	tr, ok := c.(TaggedHeadReader)
	if !ok {
		if !f.fallback {
			f.fallback = true
			log.Warn("the chain's writer reads no block tags; following the final block at head − confirmations",
				"tag", f.finality.Tag, "confirmations", f.finality.Depth)
		}
		return byDepth
	}
	final, err := tr.TaggedHead(ctx, f.finality.Tag)
	switch {
	case err != nil:
		if !f.fallback && ctx.Err() == nil {
			f.fallback = true
			log.Warn("the chain's endpoint does not serve the block tag; following the final block at head − confirmations until it does",
				"tag", f.finality.Tag, "confirmations", f.finality.Depth, "err", err)
		}
		return byDepth
	case f.fallback:
		f.fallback = false
		log.Info("the chain's endpoint serves the block tag again; following it", "tag", f.finality.Tag, "block", final.Number)
	}
	return final.Number
}

// observeFinal records a chain's final block in the store and the metrics.
func (r *Relayer) observeFinal(ctx context.Context, chain string, chainID, final uint64, log *slog.Logger) {
	r.metrics.observeFinal(chain, final)
	rctx, cancel := context.WithTimeout(ctx, r.cfg.RequestTimeout)
	defer cancel()
	if err := r.store.PutChainFinal(rctx, chainID, final); err != nil && ctx.Err() == nil {
		log.Debug("cannot record the chain's final block in the store", "block", final, "err", err)
	}
}
