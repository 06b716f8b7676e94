package store

import "time"

// Defaults of the bounds every store keeps.
const (
	DefaultHistoryLimit       = 10_000
	DefaultPushLimit          = 1_000
	DefaultRequestDedupWindow = 7 * 24 * time.Hour
	DefaultSubscriberBuffer   = 1024 // a block's burst of events (one per topic closing) fits
)

// Option tunes a store made by NewMemory or NewRedis.
type Option func(*options)

type options struct {
	historyLimit int
	pushLimit    int
	dedupWindow  time.Duration
	subBuffer    int
	roundLimit   int
	priceLimit   int

	minReplicas    int
	replicaTimeout time.Duration
}

func newOptions(opts []Option) options {
	o := options{
		historyLimit: DefaultHistoryLimit,
		pushLimit:    DefaultPushLimit,
		dedupWindow:  DefaultRequestDedupWindow,
		subBuffer:    DefaultSubscriberBuffer,
		roundLimit:   DefaultRoundLimit,
		priceLimit:   DefaultPriceLimit,
	}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// WithHistoryLimit sets how many inferences are kept per topic (default
// DefaultHistoryLimit); values below one keep the default.
func WithHistoryLimit(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.historyLimit = n
		}
	}
}

// WithPushLimit sets how many pushes are kept per chain (default DefaultPushLimit);
// values below one keep the default.
func WithPushLimit(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.pushLimit = n
		}
	}
}

// WithRequestDedupWindow sets how long a paid request event is remembered after it
// was queued or acknowledged, so that seeing it again does not queue it twice
// (default DefaultRequestDedupWindow). It should exceed how far back a relayer
// re-scans events after a restart. Values below a millisecond keep the default.
func WithRequestDedupWindow(d time.Duration) Option {
	return func(o *options) {
		if d >= time.Millisecond {
			o.dedupWindow = d
		}
	}
}

// WithSubscriberBuffer sets how many events a subscriber may fall behind before it is
// dropped (default DefaultSubscriberBuffer); values below one keep the default.
func WithSubscriberBuffer(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.subBuffer = n
		}
	}
}
