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
	// Inference, when set, is the complete new inference (value, heights, the time of
	// the block at InferenceBlockHeight), for a chain whose event carries the value
	// itself (emissions v9's EventNetworkInferences, v10's EventNetworkInferenceBundle):
	// the relayer takes it without asking the node. Its Value is the chain's decimal
	// string, still to be checked by NewUpdate like any other. Nil when the event
	// carries no value (v5 to v8) or it could not be read: then the inference is queried.
	Inference *Inference
	// LossBlockHeight, when set, says a reputer window closed instead of a worker
	// window: the node now answers the topic's latest inference height anew, with this
	// newer loss height and a revised value, so it is to be read again.
	// InferenceBlockHeight and Inference are then zero.
	LossBlockHeight uint64
}
