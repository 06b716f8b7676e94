// Package rpcpool holds several JSON-RPC endpoints of one EVM chain and is itself the
// backend the chain's writer, transaction manager, reader and contract bindings use,
// so that one endpoint going down, falling behind or rate limiting does not stop the
// relayer.
//
// Each call goes to the healthiest endpoint at the highest block: verified to serve
// the configured chain id, not backing off after a failure, within MaxLag blocks of
// the highest; then the highest, the fastest, the first configured. A call that
// fails for want of an answer (connection refused or reset, a timeout, HTTP 5xx or
// 429, a provider's rate limit) is tried again on the next endpoint, and the failed
// one is left alone with exponential backoff. A JSON-RPC error is the chain's answer
// (a revert, "nonce too low", "replacement underpriced", "insufficient funds") and
// comes back unchanged, so the transaction manager reads it as it would from a
// single node.
//
// A raw transaction goes to the chosen endpoint; when that fails it goes to the
// next, and "already known" from the next means the first did take it: the
// transaction is in flight and SendTransaction reports success. The transaction
// manager journals every signed transaction and rebroadcasts it while waiting, so a
// transaction sent through an endpoint that then dies still lands through another,
// at the same nonce.
//
// Run checks every endpoint's chain id (until it has answered once) and head every
// HealthInterval. Log levels, for operators: Error means an endpoint serves another
// chain and is never used (fix its URL); Warn means an endpoint fails or lags and
// requests go to the others (the message says what to check); Info means it
// recovered.
package rpcpool

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/relayer/evm/internal/txpoolerr"
	"github.com/allora-gateway/allora-gateway/relayer/internal/endpoint"
)

// Endpoint is one JSON-RPC endpoint of the chain.
type Endpoint struct {
	// Name identifies the endpoint in logs, metrics and errors, such as rpc-0; never
	// put a URL or key in it.
	Name string
	// URL is the node's http(s) or ws(s) URL; it may carry an API key and is never
	// logged.
	URL string
}

// Config tunes a Pool. Zero fields take the defaults.
type Config struct {
	// ChainID is the chain every endpoint must serve.
	ChainID uint64
	// Chain names the chain in logs and metrics.
	Chain string
	// HealthInterval is how often Run asks every endpoint its head (2s: the target
	// chains make a block every 0.6 to 1 s, and a lagging endpoint must be seen
	// within a few).
	HealthInterval time.Duration
	// RequestTimeout bounds each call to one endpoint (10s); a call tried on several
	// endpoints has this deadline on each, within the caller's context.
	RequestTimeout time.Duration
	// MaxLag is how many blocks an endpoint may be behind the highest and still get
	// requests first (3).
	MaxLag uint64
	// BackoffMin and BackoffMax bound how long a failing endpoint is left alone: it
	// doubles with each consecutive failure from BackoffMin (500ms) to BackoffMax
	// (30s). A health check that succeeds ends it.
	BackoffMin, BackoffMax time.Duration
	// Metrics records health, latency and errors; nil records nothing.
	Metrics *Metrics
	// Logger receives the pool's logs (see the package comment); the default
	// discards.
	Logger *slog.Logger
	// Now is the pool's clock, for backoffs and latencies; time.Now when nil.
	Now func() time.Time
}

func (c *Config) setDefaults() {
	if c.HealthInterval <= 0 {
		c.HealthInterval = 2 * time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.MaxLag == 0 {
		c.MaxLag = 3
	}
	if c.BackoffMin <= 0 {
		c.BackoffMin = 500 * time.Millisecond
	}
	if c.BackoffMax < c.BackoffMin {
		c.BackoffMax = max(30*time.Second, c.BackoffMin)
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Pool is the endpoints of one chain, used as one. It is safe for concurrent use.
type Pool struct {
	cfg       Config
	chainID   *big.Int
	endpoints []*rpcEndpoint
	health    *endpoint.Set // an endpoint is included once it answered the chain id
	log       *slog.Logger
}

type rpcEndpoint struct {
	name  string
	index int
	url   string // may carry a key: never logged

	mu      sync.Mutex
	client  *ethclient.Client // nil until dialled
	refused bool              // answered another chain id: never used
}

// Dial connects to every endpoint, checks that each serves cfg.ChainID, and reads
// their heads. An endpoint that answers another chain id is an error wrapping
// ErrWrongChain, whatever the others do: its URL is wrong and must be fixed. An
// endpoint that does not answer yet is kept and checked again by Run (it gets no
// request before it has answered the right chain id), as long as at least one
// endpoint answered; if none did, Dial fails with ErrNoEndpoint.
func Dial(ctx context.Context, cfg Config, endpoints []Endpoint) (*Pool, error) {
	cfg.setDefaults()
	if len(endpoints) == 0 {
		return nil, fmt.Errorf("chain %s: no RPC endpoints", cfg.Chain)
	}
	p := &Pool{cfg: cfg, chainID: new(big.Int).SetUint64(cfg.ChainID), log: cfg.Logger.With("chain", cfg.Chain)}
	p.health = endpoint.New(len(endpoints), endpoint.Config{
		MaxLag: cfg.MaxLag, BackoffMin: cfg.BackoffMin, BackoffMax: cfg.BackoffMax, Now: cfg.Now, Pending: true,
	})
	seen := map[string]bool{}
	for i, e := range endpoints {
		if e.Name == "" {
			e.Name = fmt.Sprintf("rpc-%d", i)
		}
		if seen[e.Name] {
			p.Close()
			return nil, fmt.Errorf("chain %s: endpoint name %q used twice", cfg.Chain, e.Name)
		}
		seen[e.Name] = true
		ep := &rpcEndpoint{name: e.Name, index: i, url: e.URL}
		// An http(s) client connects per request; a websocket one connects here, and
		// one that cannot is an endpoint down at start, dialled again by the health
		// checks, not a configuration error.
		if err := ep.dial(ctx); err != nil {
			if kind, _ := classify(err); kind == KindUnexpected || ctx.Err() != nil {
				p.Close()
				return nil, fmt.Errorf("chain %s: %w", cfg.Chain, &EndpointError{Endpoint: e.Name, Kind: kind, err: err})
			}
			p.failed(ep, err)
		}
		p.endpoints = append(p.endpoints, ep)
	}
	p.CheckHealth(ctx)

	var wrong, failures []error
	anyVerified := false
	for _, h := range p.Health() {
		switch {
		case errors.Is(h.LastError, ErrWrongChain):
			wrong = append(wrong, h.LastError)
		case !h.Verified && h.LastError != nil:
			failures = append(failures, h.LastError)
		}
		anyVerified = anyVerified || h.Verified
	}
	if len(wrong) > 0 {
		p.Close()
		return nil, fmt.Errorf("chain %s: %w", cfg.Chain, errors.Join(wrong...))
	}
	if !anyVerified {
		p.Close()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("chain %s: %w: %w", cfg.Chain, ErrNoEndpoint, ctx.Err())
		}
		return nil, fmt.Errorf("chain %s: %w: %w", cfg.Chain, ErrNoEndpoint, errors.Join(failures...))
	}
	return p, nil
}

// Run checks every endpoint every HealthInterval until ctx ends, then returns nil.
func (p *Pool) Run(ctx context.Context) error {
	ticker := time.NewTicker(p.cfg.HealthInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
			p.CheckHealth(ctx)
		}
	}
}

// Close closes every endpoint's connection. Calls made after it fail.
func (p *Pool) Close() {
	for _, e := range p.endpoints {
		e.mu.Lock()
		if e.client != nil {
			e.client.Close()
		}
		e.mu.Unlock()
	}
}

// dial connects e's client unless it has one.
func (e *rpcEndpoint) dial(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client != nil {
		return nil
	}
	c, err := rpc.DialContext(ctx, e.url)
	if err != nil {
		return err
	}
	e.client = ethclient.NewClient(c)
	return nil
}

// conn returns e's client, nil before it is dialled.
func (e *rpcEndpoint) conn() *ethclient.Client {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.client
}

// CheckHealth asks every usable endpoint, at once, its chain id (until it has
// answered it once) and its head, then marks those more than MaxLag blocks behind
// the highest as lagging.
func (p *Pool) CheckHealth(ctx context.Context) {
	var g errgroup.Group
	for _, e := range p.endpoints {
		if e.isRefused() {
			continue
		}
		g.Go(func() error {
			p.checkOne(ctx, e)
			return nil
		})
	}
	_ = g.Wait()
	p.updateLag()
}

func (e *rpcEndpoint) isRefused() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.refused
}

func (p *Pool) checkOne(ctx context.Context, e *rpcEndpoint) {
	rctx, cancel := context.WithTimeout(ctx, p.cfg.RequestTimeout)
	err := e.dial(rctx)
	cancel()
	if err != nil {
		if ctx.Err() == nil {
			p.failed(e, err)
		}
		return
	}
	client := e.conn()
	if p.health.Health()[e.index].Excluded { // not verified yet: the refused are never checked
		rctx, cancel := context.WithTimeout(ctx, p.cfg.RequestTimeout)
		began := p.health.Now()
		id, err := client.ChainID(rctx)
		cancel()
		p.cfg.Metrics.observe(p.cfg.Chain, e.name, "ChainID", p.health.Now().Sub(began))
		if err != nil {
			if ctx.Err() == nil {
				p.failed(e, err)
			}
			return
		}
		if id.Cmp(p.chainID) != 0 {
			p.refuse(e, id)
			return
		}
		p.health.Include(e.index)
	}
	rctx, cancel = context.WithTimeout(ctx, p.cfg.RequestTimeout)
	began := p.health.Now()
	head, err := client.BlockNumber(rctx)
	cancel()
	took := p.health.Now().Sub(began)
	p.cfg.Metrics.observe(p.cfg.Chain, e.name, "BlockNumber", took)
	if err != nil {
		if ctx.Err() == nil {
			p.failed(e, err)
		}
		return
	}
	p.health.Observe(e.index, head, took)
	p.succeeded(e)
}

// refuse takes e out of the pool for good: it serves another chain.
func (p *Pool) refuse(e *rpcEndpoint, id *big.Int) {
	err := fmt.Errorf("%s answers chain id %s, not %d: %w", e.name, id, p.cfg.ChainID, ErrWrongChain)
	e.mu.Lock()
	e.refused = true // and never included
	e.mu.Unlock()
	p.health.Failed(e.index, err, 0) // its last error for good: it is never checked again
	p.cfg.Metrics.countError(p.cfg.Chain, e.name, KindWrongChain)
	p.cfg.Metrics.setEndpoint(p.cfg.Chain, e.name, false, 0)
	p.log.Error("RPC endpoint serves another chain; it is never used: fix its URL in the chain's rpc or rpcs",
		"endpoint", e.name, "chain_id", id.String(), "want_chain_id", p.cfg.ChainID)
}

// updateLag recomputes which endpoints lag behind the highest head, and publishes
// health.
func (p *Pool) updateLag() {
	best, changes := p.health.UpdateLag()
	p.cfg.Metrics.setHead(p.cfg.Chain, best)
	for _, c := range changes {
		name := p.endpoints[c.Index].name
		switch {
		case c.Lagging && !c.WasLagging:
			p.cfg.Metrics.countError(p.cfg.Chain, name, KindLagging)
			p.log.Warn("RPC endpoint is behind the others; it gets requests only when no other answers: check that the node is synced",
				"endpoint", name, "head", c.Height, "best_head", best)
		case c.WasLagging && !c.Lagging:
			p.log.Info("RPC endpoint caught up", "endpoint", name, "head", c.Height)
		}
		p.cfg.Metrics.setEndpoint(p.cfg.Chain, name, c.Healthy, c.Height)
	}
}

// failed records a failure of e and leaves it alone for a while.
func (p *Pool) failed(e *rpcEndpoint, err error) {
	kind, _ := classify(err)
	p.cfg.Metrics.countError(p.cfg.Chain, e.name, kind)
	lastErr := &EndpointError{Endpoint: e.name, Kind: kind, err: err}
	h, backoff := p.health.Failed(e.index, lastErr, 0) // a Retry-After header does not reach the rpc client's errors
	p.cfg.Metrics.setEndpoint(p.cfg.Chain, e.name, h.Healthy, h.Height)
	if h.ConsecutiveErrors == 1 {
		p.log.Warn("RPC endpoint failed; sending requests to the others",
			"endpoint", e.name, "kind", kind, "retry_in", backoff, "check", hint(kind), "err", lastErr)
	}
}

// succeeded clears e's failures.
func (p *Pool) succeeded(e *rpcEndpoint) {
	h, recovered := p.health.Succeeded(e.index)
	p.cfg.Metrics.setEndpoint(p.cfg.Chain, e.name, h.Healthy, h.Height)
	if recovered {
		p.log.Info("RPC endpoint answers again", "endpoint", e.name)
	}
}

// do runs call on the best endpoint, moving to the next on each failure of an
// endpoint. An answer, error or not, is returned as the endpoint gave it.
func do[T any](ctx context.Context, p *Pool, method string, call func(context.Context, *ethclient.Client) (T, error)) (T, error) {
	var (
		zero T
		errs []error
	)
	for _, i := range p.health.Order() {
		e := p.endpoints[i]
		rctx, cancel := context.WithTimeout(ctx, p.cfg.RequestTimeout)
		began := p.health.Now()
		v, err := call(rctx, e.conn())
		cancel()
		p.cfg.Metrics.observe(p.cfg.Chain, e.name, method, p.health.Now().Sub(began))
		if _, failure := classify(err); !failure {
			return v, err
		}
		if ctx.Err() != nil {
			return zero, fmt.Errorf("%s: %w", method, ctx.Err())
		}
		p.failed(e, err)
		errs = append(errs, &EndpointError{Endpoint: e.name, err: err})
	}
	if len(errs) == 0 {
		return zero, fmt.Errorf("%s on chain %s: %w: none has answered the chain id yet", method, p.cfg.Chain, ErrNoEndpoint)
	}
	return zero, fmt.Errorf("%s on chain %s: %w: %w", method, p.cfg.Chain, ErrNoEndpoint, errors.Join(errs...))
}

// EndpointHealth is what the pool knows of one endpoint.
type EndpointHealth struct {
	Name string
	// Up says it gets requests first.
	Up bool
	// Verified says it answered the configured chain id.
	Verified bool
	// Head is the latest block number it reported.
	Head uint64
	// Latency is the smoothed duration of its health checks.
	Latency time.Duration
	// Lagging says it is more than MaxLag blocks behind the highest.
	Lagging bool
	// ConsecutiveErrors counts failures since its last success.
	ConsecutiveErrors int
	// LastError is its last failure, without its URL; nil when it answers.
	LastError error
}

// Health reports each endpoint, in the configured order.
func (p *Pool) Health() []EndpointHealth {
	out := make([]EndpointHealth, len(p.endpoints))
	for i, h := range p.health.Health() {
		out[i] = EndpointHealth{
			Name: p.endpoints[i].name, Up: h.Healthy, Verified: !h.Excluded, Head: h.Height, Latency: h.Latency,
			Lagging: h.Lagging, ConsecutiveErrors: h.ConsecutiveErrors, LastError: h.LastError,
		}
	}
	return out
}

// ChainID returns the configured chain id, which every endpoint that gets requests
// has answered.
func (p *Pool) ChainID(context.Context) (*big.Int, error) { return new(big.Int).Set(p.chainID), nil }

// BlockNumber returns the head of the best endpoint.
func (p *Pool) BlockNumber(ctx context.Context) (uint64, error) {
	return do(ctx, p, "BlockNumber", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.BlockNumber(ctx)
	})
}

// HeaderByNumber returns the header of block number (the latest when nil).
func (p *Pool) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	return do(ctx, p, "HeaderByNumber", func(ctx context.Context, c *ethclient.Client) (*types.Header, error) {
		return c.HeaderByNumber(ctx, number)
	})
}

// CodeAt returns the code of account at blockNumber (the latest when nil).
func (p *Pool) CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error) {
	return do(ctx, p, "CodeAt", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.CodeAt(ctx, account, blockNumber)
	})
}

// PendingCodeAt returns the code of account in the pending state.
func (p *Pool) PendingCodeAt(ctx context.Context, account common.Address) ([]byte, error) {
	return do(ctx, p, "PendingCodeAt", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.PendingCodeAt(ctx, account)
	})
}

// CallContract runs a call at blockNumber (the latest when nil).
func (p *Pool) CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error) {
	return do(ctx, p, "CallContract", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.CallContract(ctx, call, blockNumber)
	})
}

// PendingCallContract runs a call on the pending state.
func (p *Pool) PendingCallContract(ctx context.Context, call ethereum.CallMsg) ([]byte, error) {
	return do(ctx, p, "PendingCallContract", func(ctx context.Context, c *ethclient.Client) ([]byte, error) {
		return c.PendingCallContract(ctx, call)
	})
}

// EstimateGas estimates the gas of call.
func (p *Pool) EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error) {
	return do(ctx, p, "EstimateGas", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.EstimateGas(ctx, call)
	})
}

// SuggestGasPrice returns a legacy gas price.
func (p *Pool) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	return do(ctx, p, "SuggestGasPrice", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.SuggestGasPrice(ctx)
	})
}

// SuggestGasTipCap returns a priority fee for an EIP-1559 transaction.
func (p *Pool) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return do(ctx, p, "SuggestGasTipCap", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.SuggestGasTipCap(ctx)
	})
}

// PendingNonceAt returns account's next nonce counting the pool's transactions.
func (p *Pool) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	return do(ctx, p, "PendingNonceAt", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.PendingNonceAt(ctx, account)
	})
}

// NonceAt returns account's nonce at blockNumber (the latest when nil).
func (p *Pool) NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error) {
	return do(ctx, p, "NonceAt", func(ctx context.Context, c *ethclient.Client) (uint64, error) {
		return c.NonceAt(ctx, account, blockNumber)
	})
}

// BalanceAt returns account's balance at blockNumber (the latest when nil).
func (p *Pool) BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error) {
	return do(ctx, p, "BalanceAt", func(ctx context.Context, c *ethclient.Client) (*big.Int, error) {
		return c.BalanceAt(ctx, account, blockNumber)
	})
}

// TransactionReceipt returns the receipt of a mined transaction, or
// ethereum.NotFound.
func (p *Pool) TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	return do(ctx, p, "TransactionReceipt", func(ctx context.Context, c *ethclient.Client) (*types.Receipt, error) {
		return c.TransactionReceipt(ctx, hash)
	})
}

// TransactionByHash returns a transaction and whether it is still pending.
func (p *Pool) TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error) {
	type found struct {
		tx      *types.Transaction
		pending bool
	}
	f, err := do(ctx, p, "TransactionByHash", func(ctx context.Context, c *ethclient.Client) (found, error) {
		tx, pending, err := c.TransactionByHash(ctx, hash)
		return found{tx, pending}, err
	})
	return f.tx, f.pending, err
}

// FilterLogs returns the logs q selects.
func (p *Pool) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return do(ctx, p, "FilterLogs", func(ctx context.Context, c *ethclient.Client) ([]types.Log, error) {
		return c.FilterLogs(ctx, q)
	})
}

// SubscribeFilterLogs subscribes to the logs q selects on the best endpoint that
// accepts (a websocket one: HTTP endpoints cannot push). The subscription ends with
// an error when that endpoint goes away; subscribe again to move to another.
func (p *Pool) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	// The request timeout bounds the subscribing round trip only, not the
	// subscription.
	return do(ctx, p, "SubscribeFilterLogs", func(rctx context.Context, c *ethclient.Client) (ethereum.Subscription, error) {
		return c.SubscribeFilterLogs(rctx, q, ch)
	})
}

// SendTransaction sends a signed transaction to the best endpoint, and to the next
// when that one fails without an answer. When an endpoint failed first, "already
// known" from the next means the failed one took the transaction before it went:
// the transaction is in flight and SendTransaction returns nil. Any other answer
// ("nonce too low", "replacement underpriced", "insufficient funds") is returned
// unchanged.
func (p *Pool) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	failedBefore := false
	_, err := do(ctx, p, "SendTransaction", func(ctx context.Context, c *ethclient.Client) (struct{}, error) {
		err := c.SendTransaction(ctx, tx)
		if err == nil {
			return struct{}{}, nil
		}
		if _, failure := classify(err); failure {
			failedBefore = true
			return struct{}{}, err
		}
		if failedBefore && txpoolerr.Classify(err) == txpoolerr.Known {
			p.log.Info("transaction already held by the next RPC endpoint: it is in flight", "tx", tx.Hash(), "nonce", tx.Nonce())
			return struct{}{}, nil
		}
		return struct{}{}, err
	})
	return err
}
