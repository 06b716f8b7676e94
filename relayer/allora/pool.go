package allora

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/internal/endpoint"
)

// ErrNoEndpoint means no endpoint of a Pool could answer: every one failed, or is
// rate limited and asked to be left alone for now.
var ErrNoEndpoint = errors.New("allora: no endpoint answered")

// Node is one Allora endpoint as a Pool uses it; *REST and *GRPC are nodes.
type Node interface {
	LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error)
	Topic(ctx context.Context, topicID uint64) (oracle.Topic, error)
	LatestHeight(ctx context.Context) (uint64, error)
}

// BlockTimer is what a Node may also be: a reader of block header times, which the
// pool uses to complete an inference a block event carried. *REST and *GRPC are.
type BlockTimer interface {
	BlockTime(ctx context.Context, height uint64) (time.Time, error)
}

// NotImplementedExplainer is what a Node may also be: one that can say, when it
// answered ErrNotImplemented, which emissions version its node serves instead. *REST
// and *GRPC are.
type NotImplementedExplainer interface {
	ExplainNotImplemented(ctx context.Context, err error) error
}

// explainFor is how long a pool keeps an endpoint's explanation of a 501 before it
// probes the node's versions again.
const explainFor = time.Minute

// WindowWatcher reports worker windows as they close, each block's together; *Watcher
// is one.
type WindowWatcher interface {
	Watch(ctx context.Context) <-chan []WorkerWindowClosed
}

// PoolEndpoint is one endpoint of a Pool.
type PoolEndpoint struct {
	// Name identifies the endpoint in logs and metrics; never put a key in it.
	Name string
	Node Node
}

// PoolConfig tunes a Pool. Zero fields take the defaults.
type PoolConfig struct {
	// HealthInterval is how often Run asks every endpoint its latest height (5s).
	HealthInterval time.Duration
	// RequestTimeout bounds each request to one endpoint (5s); a request that tries
	// several endpoints has this deadline on each.
	RequestTimeout time.Duration
	// MaxLag is how many blocks an endpoint may be behind the highest before the
	// pool stops sending it requests (5).
	MaxLag uint64
	// BackoffMin and BackoffMax bound the time a failing endpoint is left alone: it
	// doubles with each consecutive failure from BackoffMin (500ms) to BackoffMax (1m).
	BackoffMin, BackoffMax time.Duration
	// Metrics records health, latency and errors; nil records nothing.
	Metrics *Metrics
	// Logger receives a Warn when an endpoint starts failing or lagging and an Info
	// when it recovers; the default discards.
	Logger *slog.Logger
	// Watcher, when set, is what the pool's Watch reports (a websocket Watcher of one
	// of the endpoints' nodes).
	Watcher WindowWatcher
	// Now is the pool's clock (backoffs, Retry-After, latencies); time.Now when nil.
	Now func() time.Time
}

func (c *PoolConfig) setDefaults() {
	if c.HealthInterval <= 0 {
		c.HealthInterval = 5 * time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultTimeout
	}
	if c.MaxLag == 0 {
		c.MaxLag = 5
	}
	if c.BackoffMin <= 0 {
		c.BackoffMin = 500 * time.Millisecond
	}
	if c.BackoffMax < c.BackoffMin {
		c.BackoffMax = max(time.Minute, c.BackoffMin)
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Pool is a source over several Allora endpoints. Each request goes to a healthy
// endpoint with the highest block height (the fastest among equals, then the first
// given); an endpoint that fails (a timeout, a connection refused, HTTP 5xx, 429,
// "mempool is full") is left alone with exponential backoff, and for as long as its
// Retry-After says, and the request moves on to the next. An endpoint more than MaxLag
// blocks behind the highest that answers gets requests only when no other can answer.
// Run keeps heights and latencies current. A Pool is safe for concurrent use.
type Pool struct {
	cfg       PoolConfig
	endpoints []*endpointState
	health    *endpoint.Set
	silence   *subscriptionSilence
}

type endpointState struct {
	index int
	name  string
	node  Node

	mu sync.Mutex
	// explained is the node's last 501 explained (which version it serves), kept
	// until explainedUntil so each request does not probe every version again.
	explained      string
	explainedUntil time.Time
}

// EndpointHealth is what a Pool knows of one endpoint.
type EndpointHealth struct {
	Name string
	// Height is the latest block height the endpoint reported; 0 before it answered.
	Height uint64
	// Latency is the smoothed duration of its health checks.
	Latency time.Duration
	// ConsecutiveErrors counts failures since its last success.
	ConsecutiveErrors int
	// BackoffUntil is when the pool sends it requests again after failures; the zero
	// time when it is not backing off.
	BackoffUntil time.Time
	// RetryAfterUntil is when its own Retry-After (429) lets the pool ask it again.
	RetryAfterUntil time.Time
	// Lagging says it is more than MaxLag blocks behind the highest endpoint.
	Lagging bool
	// Healthy says the pool sends it requests first: not backing off, not rate
	// limited, not lagging.
	Healthy bool
	// LastError is its last failure, if any.
	LastError error
}

// NewPool makes a pool of endpoints, tried in the given order while they are equal.
func NewPool(endpoints []PoolEndpoint, cfg PoolConfig) (*Pool, error) {
	cfg.setDefaults()
	var problems []error
	if len(endpoints) == 0 {
		problems = append(problems, errors.New("no endpoints"))
	}
	p := &Pool{cfg: cfg, silence: newSubscriptionSilence(cfg.Logger, cfg.Metrics)}
	seen := map[string]bool{}
	for i, e := range endpoints {
		if e.Node == nil {
			problems = append(problems, fmt.Errorf("endpoint %d (%q): no node", i, e.Name))
		}
		if e.Name == "" {
			e.Name = fmt.Sprintf("endpoint-%d", i)
		}
		if seen[e.Name] {
			problems = append(problems, fmt.Errorf("endpoint %d: name %q used twice", i, e.Name))
		}
		seen[e.Name] = true
		p.endpoints = append(p.endpoints, &endpointState{index: i, name: e.Name, node: e.Node})
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("allora: new pool: %w", errors.Join(problems...))
	}
	p.health = endpoint.New(len(p.endpoints), endpoint.Config{
		MaxLag: cfg.MaxLag, BackoffMin: cfg.BackoffMin, BackoffMax: cfg.BackoffMax, Now: cfg.Now,
	})
	for _, e := range p.endpoints {
		cfg.Metrics.setHealth(e.name, true, 0)
	}
	return p, nil
}

// Run checks every endpoint's health now and every HealthInterval until ctx ends, then
// returns nil.
func (p *Pool) Run(ctx context.Context) error {
	ticker := time.NewTicker(p.cfg.HealthInterval)
	defer ticker.Stop()
	for {
		p.CheckHealth(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// CheckHealth asks every endpoint (but those rate limited) its latest height at once,
// and marks those more than MaxLag blocks behind the highest as lagging.
func (p *Pool) CheckHealth(ctx context.Context) {
	var wg sync.WaitGroup
	for i, h := range p.health.Health() {
		if !h.RetryAfterUntil.IsZero() {
			continue
		}
		e := p.endpoints[i]
		wg.Go(func() {
			began := p.health.Now()
			rctx, cancel := context.WithTimeout(ctx, p.cfg.RequestTimeout)
			h, err := e.node.LatestHeight(rctx)
			cancel()
			took := p.health.Now().Sub(began)
			p.cfg.Metrics.observe(e.name, "LatestHeight", took)
			if err != nil {
				if ctx.Err() == nil {
					p.failed(e, err)
				}
				return
			}
			// A node that tells its height may still fail the queries (a 501 of another
			// emissions version): only an answered query ends its backoff.
			p.health.Observe(e.index, h, took)
		})
	}
	wg.Wait()
	p.updateLag()
}

// updateLag recomputes which endpoints lag and publishes health.
func (p *Pool) updateLag() {
	best, changes := p.health.UpdateLag()
	p.cfg.Metrics.setBestHeight(best)
	for _, c := range changes {
		name := p.endpoints[c.Index].name
		if c.Lagging && !c.WasLagging {
			p.cfg.Metrics.countError(name, ErrorKindLagging)
			p.cfg.Logger.Warn("Allora endpoint is behind the others; sending it requests only when no other answers",
				"endpoint", name, "height", c.Height, "best_height", best)
		} else if c.WasLagging && !c.Lagging {
			p.cfg.Logger.Info("Allora endpoint caught up", "endpoint", name, "height", c.Height)
		}
		p.cfg.Metrics.setHealth(name, c.Healthy, c.Height)
	}
}

// Health reports what the pool knows of each endpoint, in the order given to NewPool.
func (p *Pool) Health() []EndpointHealth {
	out := make([]EndpointHealth, len(p.endpoints))
	for i, h := range p.health.Health() {
		out[i] = EndpointHealth{
			Name: p.endpoints[i].name, Height: h.Height, Latency: h.Latency, ConsecutiveErrors: h.ConsecutiveErrors,
			BackoffUntil: h.BackoffUntil, RetryAfterUntil: h.RetryAfterUntil, Lagging: h.Lagging, Healthy: h.Healthy,
			LastError: h.LastError,
		}
	}
	return out
}

// failed records a failure of e: exponential backoff, and the node's Retry-After when
// it gave one.
func (p *Pool) failed(e *endpointState, err error) {
	kind := ErrorKind(err)
	p.cfg.Metrics.countError(e.name, kind)
	var retryAfter time.Duration
	if re, ok := errors.AsType[*ResponseError](err); ok {
		retryAfter = re.RetryAfter
	}
	h, backoff := p.health.Failed(e.index, err, retryAfter)
	p.cfg.Metrics.setHealth(e.name, h.Healthy, h.Height)
	if h.ConsecutiveErrors == 1 {
		p.cfg.Logger.Warn("Allora endpoint failed; moving requests to the others",
			"endpoint", e.name, "kind", kind, "retry_in", backoff, "err", err)
	}
}

// explain says why e answered ErrNotImplemented when its node can tell (the version
// it serves instead), probing at most once per explainFor. The error still wraps err.
func (p *Pool) explain(ctx context.Context, e *endpointState, err error) error {
	x, ok := e.node.(NotImplementedExplainer)
	if !ok {
		return err
	}
	now := p.health.Now()
	e.mu.Lock()
	cached, fresh := e.explained, now.Before(e.explainedUntil)
	e.mu.Unlock()
	if fresh {
		return &explainedError{msg: cached, err: err}
	}
	xerr := x.ExplainNotImplemented(ctx, err)
	if xerr == err {
		return err
	}
	msg := strings.TrimSuffix(xerr.Error(), ": "+err.Error())
	e.mu.Lock()
	e.explained, e.explainedUntil = msg, now.Add(explainFor)
	e.mu.Unlock()
	return &explainedError{msg: msg, err: err}
}

// explainedError is a 501 with what the node serves instead.
type explainedError struct {
	msg string
	err error
}

func (e *explainedError) Error() string { return e.msg + ": " + e.err.Error() }
func (e *explainedError) Unwrap() error { return e.err }

// succeeded clears e's failures.
func (p *Pool) succeeded(e *endpointState) {
	h, recovered := p.health.Succeeded(e.index)
	p.cfg.Metrics.setHealth(e.name, h.Healthy, h.Height)
	if recovered {
		p.cfg.Logger.Info("Allora endpoint answers again", "endpoint", e.name)
	}
}

// answered says whether err is the chain's own answer, which every endpoint in step
// gives alike, rather than a failure of the endpoint.
func answered(err error) bool {
	return errors.Is(err, ErrNoInference) || errors.Is(err, ErrTopicNotFound)
}

// errSkip is what a call returns for an endpoint that cannot take it, to move on to the
// next endpoint without counting a failure.
var errSkip = errors.New("endpoint cannot take the call")

// do runs call on the best endpoint, moving to the next on each failure.
func do[T any](ctx context.Context, p *Pool, method string, call func(context.Context, Node) (T, error)) (T, error) {
	var zero T
	var errs []error
	for _, i := range p.health.Order() {
		e := p.endpoints[i]
		began := p.health.Now()
		rctx, cancel := context.WithTimeout(ctx, p.cfg.RequestTimeout)
		v, err := call(rctx, e.node)
		cancel()
		if errors.Is(err, errSkip) {
			continue // the endpoint cannot take this call: neither a failure nor an answer
		}
		p.cfg.Metrics.observe(e.name, method, p.health.Now().Sub(began))
		if errors.Is(err, ErrNotImplemented) {
			xctx, xcancel := context.WithTimeout(ctx, p.cfg.RequestTimeout)
			err = p.explain(xctx, e, err)
			xcancel()
		}
		if err == nil || answered(err) {
			p.succeeded(e)
			if err != nil {
				p.cfg.Metrics.countError(e.name, ErrorKind(err))
			}
			return v, err
		}
		if ctx.Err() != nil {
			return zero, err
		}
		p.failed(e, err)
		errs = append(errs, fmt.Errorf("%s: %w", e.name, err))
	}
	if len(errs) == 0 {
		return zero, fmt.Errorf("%w: every endpoint is rate limited", ErrNoEndpoint)
	}
	return zero, fmt.Errorf("%w: %w", ErrNoEndpoint, errors.Join(errs...))
}

// LatestInference returns the topic's latest network inference from the best endpoint
// that answers.
func (p *Pool) LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error) {
	inf, err := do(ctx, p, "LatestInference", func(ctx context.Context, n Node) (oracle.Inference, error) {
		return n.LatestInference(ctx, topicID)
	})
	if err == nil {
		p.silence.found(topicID, inf.BlockHeight)
	}
	return inf, err
}

// BlockTime returns the header time of the block at height from the best endpoint
// whose node is a BlockTimer.
func (p *Pool) BlockTime(ctx context.Context, height uint64) (time.Time, error) {
	return do(ctx, p, "BlockTime", func(ctx context.Context, n Node) (time.Time, error) {
		bt, ok := n.(BlockTimer)
		if !ok {
			return time.Time{}, errSkip
		}
		return bt.BlockTime(ctx, height)
	})
}

// Topic returns the topic's metadata from the best endpoint that answers.
func (p *Pool) Topic(ctx context.Context, topicID uint64) (oracle.Topic, error) {
	return do(ctx, p, "Topic", func(ctx context.Context, n Node) (oracle.Topic, error) {
		return n.Topic(ctx, topicID)
	})
}

// LatestHeight returns the latest block height of the best endpoint that answers.
func (p *Pool) LatestHeight(ctx context.Context) (uint64, error) {
	return do(ctx, p, "LatestHeight", func(ctx context.Context, n Node) (uint64, error) {
		return n.LatestHeight(ctx)
	})
}

// Watch reports worker windows as they close, from PoolConfig.Watcher; without one
// it returns a channel that closes when ctx ends and never reports anything. While it
// watches, a subscription that stays silent as LatestInference finds new inferences is
// reported (a Warn and allora_gateway_allora_subscription_silent).
func (p *Pool) Watch(ctx context.Context) <-chan []WorkerWindowClosed {
	if p.cfg.Watcher != nil {
		in := p.cfg.Watcher.Watch(ctx)
		out := make(chan []WorkerWindowClosed)
		p.silence.watchStarted()
		go func() {
			defer close(out)
			for block := range in {
				for i := range block {
					if block[i].LossBlockHeight == 0 {
						p.silence.reported(block[i]) // a revision says nothing of the worker windows' events
					}
					p.completeInference(ctx, &block[i])
				}
				select {
				case out <- block:
				case <-ctx.Done():
				}
			}
		}()
		return out
	}
	ch := make(chan []WorkerWindowClosed)
	context.AfterFunc(ctx, func() { close(ch) })
	return ch
}

// completeInference gives the inference a block event carried its time, the header
// time of the block at its height, so the relayer need not query the node for it. When
// no endpoint can tell the time the inference is dropped and the window reported
// alone: the relayer then queries the inference as for an event without a value.
func (p *Pool) completeInference(ctx context.Context, w *WorkerWindowClosed) {
	if w.Inference == nil {
		return
	}
	t, err := p.BlockTime(ctx, w.Inference.BlockHeight)
	if err != nil {
		if ctx.Err() == nil {
			p.cfg.Logger.Warn("cannot read the time of the block of an inference a block event carried; querying the inference instead",
				"topic_id", w.TopicID, "inference_block_height", w.Inference.BlockHeight, "err", err)
		}
		w.Inference = nil
		return
	}
	inf := *w.Inference
	inf.Timestamp = t
	w.Inference = &inf
}
