package evm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// ChainConfig is what a Chain is built from: a chain's settings and its preset, as the
// config resolves them.
type ChainConfig struct {
	// Chain names the chain and its oracle; the oracle's address may be zero on a chain
	// not deployed to yet.
	Chain oracle.Chain
	// Endpoints are the chain's JSON-RPC endpoints, in order of preference.
	Endpoints []rpcpool.Endpoint
	// Tx is the transaction settings every key's manager on the chain sends with; its
	// ChainID is Chain.ID when left zero.
	Tx txmgr.Config
	// Metrics, when set, count the endpoints' calls and health.
	Metrics *rpcpool.Metrics
	// Logger logs the endpoints' health and the transactions; the default discards.
	Logger *slog.Logger
}

// Chain is the gateway's one owner of an EVM chain: its endpoint pool, one transaction
// manager per key, and every contract call the gateway makes there (the oracle's reads
// and batches, the paid-request watcher, markets, mock feeds, deployments, head and
// wallet reads). Whatever sends from one key on the chain goes through that key's
// manager, so two senders of one key (the oracle's submitter and the round keeper)
// take turns at the nonce instead of colliding.
type Chain struct {
	info    oracle.Chain
	tx      txmgr.Config
	backend Backend
	log     *slog.Logger
	close   func()

	mu       sync.Mutex
	managers map[common.Address]*txmgr.Manager
}

// OpenChain dials every endpoint of cfg, checks that each serves cfg.Chain.ID, and
// checks their health in the background until Close.
func OpenChain(ctx context.Context, cfg ChainConfig) (*Chain, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Tx.ChainID == 0 {
		cfg.Tx.ChainID = cfg.Chain.ID
	}
	if cfg.Tx.ChainID != cfg.Chain.ID {
		return nil, fmt.Errorf("chain %s: transaction settings for chain %d, not %d: %w", cfg.Chain.Name, cfg.Tx.ChainID, cfg.Chain.ID, ErrWrongChain)
	}
	if err := cfg.Tx.Validate(); err != nil {
		return nil, fmt.Errorf("chain %s: %w", cfg.Chain.Name, err)
	}
	pool, err := rpcpool.Dial(ctx, rpcpool.Config{
		ChainID: cfg.Chain.ID, Chain: cfg.Chain.Name, Metrics: cfg.Metrics, Logger: cfg.Logger.With("component", "rpc"),
	}, cfg.Endpoints)
	if err != nil {
		return nil, err
	}
	runCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = pool.Run(runCtx) // returns when stopped
	}()
	return &Chain{
		info:    cfg.Chain,
		tx:      cfg.Tx,
		backend: pool,
		log:     cfg.Logger,
		close: func() {
			stop()
			<-done
			pool.Close()
		},
		managers: map[common.Address]*txmgr.Manager{},
	}, nil
}

// Close stops the endpoints' health checks and closes their connections. A
// transaction in flight fails.
func (c *Chain) Close() { c.close() }

// Info names the chain and its oracle.
func (c *Chain) Info() oracle.Chain { return c.info }

// TxConfig is the transaction settings of every manager on the chain.
func (c *Chain) TxConfig() txmgr.Config { return c.tx }

// Backend is the chain's endpoint pool, for reads no method here makes.
func (c *Chain) Backend() Backend { return c.backend }

// Transactions is key's transaction manager on the chain: the first call makes it,
// with opts (a journal, events, a logger); later calls for the same key (the same
// address) return the same manager and ignore opts. key is a key in memory
// (oracle.NewKeySigner) or one that signs elsewhere, such as a KMS key.
func (c *Chain) Transactions(key oracle.Signer, opts ...txmgr.Option) (*txmgr.Manager, error) {
	if key == nil {
		return nil, errors.New("no key to send with")
	}
	from := key.Address()
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.managers[from]; ok {
		return m, nil
	}
	opts = append([]txmgr.Option{txmgr.WithLogger(c.log.With("component", "tx", "chain", c.info.Name))}, opts...)
	m, err := txmgr.New(c.tx, c.backend, key, opts...)
	if err != nil {
		return nil, fmt.Errorf("chain %s: transaction manager: %w", c.info.Name, err)
	}
	c.managers[from] = m
	return m, nil
}

// Writer is the chain's oracle, submitted to from key through its manager (made with
// opts if it is the key's first).
func (c *Chain) Writer(ctx context.Context, key oracle.Signer, opts ...txmgr.Option) (*Writer, error) {
	m, err := c.Transactions(key, opts...)
	if err != nil {
		return nil, err
	}
	return NewWriter(ctx, c.info, c.backend, nil, WithTxManager(m))
}

// Reader is the chain's oracle, read only: no key, no passphrase.
func (c *Chain) Reader(ctx context.Context) (*Reader, error) {
	return NewReader(ctx, c.info, c.backend)
}

// Market is the PredictionMarket info names, executed and bet on from key through its
// manager.
func (c *Chain) Market(ctx context.Context, info keeper.MarketInfo, key oracle.Signer) (*Market, error) {
	m, err := c.Transactions(key)
	if err != nil {
		return nil, err
	}
	info.ChainID, info.ChainName = c.info.ID, c.info.Name
	return NewMarket(ctx, info, c.backend, nil, m)
}

// MockFeed is the settable price feed at address, set from key through its manager.
func (c *Chain) MockFeed(ctx context.Context, address common.Address, key oracle.Signer) (*MockFeed, error) {
	m, err := c.Transactions(key)
	if err != nil {
		return nil, err
	}
	return newMockFeed(c.backend, address, m), nil
}

// RequestWatcher watches the chain's oracle for paid update requests and queues them.
// Requests are read once as deep as the chain's managers confirm their own
// transactions (cfg.Confirmations is replaced by that depth), so a request a reorg
// removes is never served.
func (c *Chain) RequestWatcher(queue store.RequestQueue, cfg RequestWatcherConfig, log *slog.Logger) *RequestWatcher {
	cfg.Confirmations = c.tx.Confirmations
	return NewRequestWatcher(c.info, c.backend, queue, cfg, log)
}

// SetHistory switches the round history of topics on (or off) on the oracle at
// address, sent by its owner key through the key's manager, one call per topic. With
// history on, the topic's feed answers getRoundData for its last rounds, so Chainlink
// consumers can walk back from latestRound.
func (c *Chain) SetHistory(ctx context.Context, key oracle.Signer, address common.Address, topics []uint64, on bool) error {
	tx, err := c.Transactions(key)
	if err != nil {
		return err
	}
	contract := alloraoracle.NewAlloraOracle()
	s, err := newSender(c.backend, c.info.ID, nil, tx, contract.GetABI())
	if err != nil {
		return err
	}
	for _, topic := range topics {
		if _, err := s.send(ctx, address, fmt.Sprintf("setHistory(%d, %t)", topic, on), contract.PackSetHistory(topic, on), nil); err != nil {
			return err
		}
	}
	return nil
}

// OracleTreasury reads where the oracle at address sends its fees, and its owner (the
// only account that may change it).
func (c *Chain) OracleTreasury(ctx context.Context, address common.Address) (treasury, owner common.Address, err error) {
	contract := alloraoracle.NewAlloraOracle()
	instance := contract.Instance(c.backend, address)
	opts := &bind.CallOpts{Context: ctx}
	if treasury, err = bind.Call(instance, opts, contract.PackTreasury(), contract.UnpackTreasury); err != nil {
		return common.Address{}, common.Address{}, fmt.Errorf("read the oracle's treasury: %w", err)
	}
	if owner, err = bind.Call(instance, opts, contract.PackOwner(), contract.UnpackOwner); err != nil {
		return common.Address{}, common.Address{}, fmt.Errorf("read the oracle's owner: %w", err)
	}
	return treasury, owner, nil
}

// SetTreasury makes the oracle at address send its fees to treasury, sent by its owner
// key through the key's manager.
func (c *Chain) SetTreasury(ctx context.Context, key oracle.Signer, address, treasury common.Address) (*types.Receipt, error) {
	tx, err := c.Transactions(key)
	if err != nil {
		return nil, err
	}
	contract := alloraoracle.NewAlloraOracle()
	s, err := newSender(c.backend, c.info.ID, nil, tx, contract.GetABI())
	if err != nil {
		return nil, err
	}
	return s.send(ctx, address, "setTreasury", contract.PackSetTreasury(treasury), nil)
}

// DeployOracle deploys an AlloraOracle from key, through the chain's transaction
// manager for the key; see DeployOracle.
func (c *Chain) DeployOracle(ctx context.Context, key oracle.Signer, p DeployParams) (common.Address, *types.Receipt, error) {
	m, err := c.Transactions(key)
	if err != nil {
		return common.Address{}, nil, err
	}
	return oneDeployed(deployWith(ctx, m, oracleCreation(p)))
}

// DeployFeeds deploys an AlloraFeed per entry from key, through the chain's
// transaction manager for the key; see DeployFeeds.
func (c *Chain) DeployFeeds(ctx context.Context, key oracle.Signer, feeds []FeedParams) ([]common.Address, []*types.Receipt, error) {
	m, err := c.Transactions(key)
	if err != nil {
		return nil, nil, err
	}
	return deployWith(ctx, m, feedCreations(feeds)...)
}

// DeployMockAggregator deploys a settable price feed from key, through the chain's
// transaction manager for the key; see DeployMockAggregator.
func (c *Chain) DeployMockAggregator(ctx context.Context, key oracle.Signer, p MockAggregatorParams) (common.Address, error) {
	m, err := c.Transactions(key)
	if err != nil {
		return common.Address{}, err
	}
	addr, _, err := oneDeployed(deployWith(ctx, m, mockAggregatorCreation(p)))
	return addr, err
}

// DeployMarkets deploys PredictionMarkets from key, through the chain's transaction
// manager for the key; see DeployMarkets.
func (c *Chain) DeployMarkets(ctx context.Context, key oracle.Signer, markets []MarketParams) ([]common.Address, []*types.Receipt, error) {
	cs, err := marketCreations(markets)
	if err != nil {
		return nil, nil, err
	}
	m, err := c.Transactions(key)
	if err != nil {
		return nil, nil, err
	}
	return deployWith(ctx, m, cs...)
}

// Head reads the chain's latest block number and time.
func (c *Chain) Head(ctx context.Context) (oracle.ChainHead, error) {
	return readHead(ctx, c.backend, c.info.Name)
}

// Wallet is what an address holds and has sent on the chain at the latest block.
type Wallet struct {
	Balance *big.Int // wei
	Nonce   uint64   // transactions mined
	Pending uint64   // transactions sent, mined or not, as the endpoint's pool knows them
}

// Wallet reads address's balance and nonces.
func (c *Chain) Wallet(ctx context.Context, address common.Address) (Wallet, error) {
	var (
		w   Wallet
		err error
	)
	if w.Balance, err = c.backend.BalanceAt(ctx, address, nil); err != nil {
		return w, fmt.Errorf("read the balance of %s: %w", address, err)
	}
	if w.Nonce, err = c.backend.NonceAt(ctx, address, nil); err != nil {
		return w, fmt.Errorf("read the nonce of %s: %w", address, err)
	}
	if w.Pending, err = c.backend.PendingNonceAt(ctx, address); err != nil {
		return w, fmt.Errorf("read the pending nonce of %s: %w", address, err)
	}
	return w, nil
}
