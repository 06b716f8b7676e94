package oracle

// WindowClosed says a topic's worker submission window closed on Allora: the moment
// its new network inference exists. A watcher of the chain's block events reports it
// so the relayer can read the inference at once instead of at its next poll.
type WindowClosed struct {
	// TopicID is the topic whose worker submission window closed.
	TopicID uint64
	// BlockHeight is the block whose EndBlocker closed the window.
	BlockHeight uint64
	// InferenceBlockHeight is the worker nonce of the window: the BlockHeight the
	// new Inference of the topic has.
	InferenceBlockHeight uint64
}
