package evm

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// RequestBackend is what a RequestWatcher needs of a chain endpoint; *ethclient.Client
// and the simulated backend's client both satisfy it.
type RequestBackend interface {
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// RequestWatcherConfig tunes a RequestWatcher. Zero fields take the defaults named.
type RequestWatcherConfig struct {
	// FromBlock is the first block scanned when the watcher starts. Zero: Lookback
	// blocks below the confirmed head.
	FromBlock uint64
	// Lookback is how far below the confirmed head a watcher without FromBlock starts
	// (default 5000 blocks): requests made while no relayer ran are still served, and
	// those served before a restart are not served twice, since the queue remembers
	// events it has seen (store.WithRequestDedupWindow; keep the window longer than
	// Lookback blocks take).
	Lookback uint64
	// Confirmations is how deep a block must be before its requests are read (default
	// 0: the head), so an event a reorg removes is never queued. Use the chain's
	// confirmation depth (its preset in deploy/presets).
	Confirmations uint64
	// MaxRange is the most blocks one eth_getLogs asks for (default 1000), under the
	// limits public endpoints put on log queries.
	MaxRange uint64
	// PollInterval is how often the chain's head is checked for new blocks (default 2s).
	PollInterval time.Duration
	// RequestTimeout bounds each call to the chain (default 10s).
	RequestTimeout time.Duration
}

func (c *RequestWatcherConfig) setDefaults() {
	if c.Lookback == 0 {
		c.Lookback = 5000
	}
	if c.MaxRange == 0 {
		c.MaxRange = 1000
	}
	if c.PollInterval <= 0 {
		c.PollInterval = 2 * time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
}

// RequestWatcher reads one oracle's UpdateRequested events, block range by block
// range, and queues each as a store.PaidRequest. It resumes from the block after the
// last one it scanned; queuing is idempotent (the queue drops an event it has seen), so
// a range scanned twice, after an error or a restart, serves each request once.
type RequestWatcher struct {
	chain    oracle.Chain
	backend  RequestBackend
	queue    store.RequestQueue
	cfg      RequestWatcherConfig
	log      *slog.Logger
	eventID  common.Hash
	contract *alloraoracle.AlloraOracle

	mu      sync.Mutex
	next    uint64 // first block not scanned yet
	started bool
}

// NewRequestWatcher watches chain's oracle over backend and queues into queue. A nil
// log discards.
func NewRequestWatcher(chain oracle.Chain, backend RequestBackend, queue store.RequestQueue, cfg RequestWatcherConfig, log *slog.Logger) *RequestWatcher {
	cfg.setDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	contract := alloraoracle.NewAlloraOracle()
	return &RequestWatcher{
		chain:    chain,
		backend:  backend,
		queue:    queue,
		cfg:      cfg,
		log:      log.With("chain_id", chain.ID, "chain", chain.Name),
		eventID:  contract.GetABI().Events[alloraoracle.AlloraOracleUpdateRequestedEventName].ID,
		contract: contract,
	}
}

// ChainID is the chain whose oracle is watched.
func (w *RequestWatcher) ChainID() uint64 { return w.chain.ID }

// WatchRequests scans every PollInterval until ctx ends, calling queued after a scan
// that queued requests. Failures are logged as Warn and retried at the next poll.
func (w *RequestWatcher) WatchRequests(ctx context.Context, queued func()) error {
	ticker := time.NewTicker(w.cfg.PollInterval)
	defer ticker.Stop()
	for {
		n, err := w.Scan(ctx)
		if err != nil && ctx.Err() == nil {
			w.log.Warn("cannot read paid update requests; retrying (check the chain's RPC endpoint and that it serves eth_getLogs)",
				"err", err)
		}
		if n > 0 {
			queued()
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// Scan reads the confirmed blocks not read yet, in ranges of at most MaxRange blocks,
// and queues the requests found. It returns how many events it queued (events the queue
// had seen count too). On an error, blocks before the failed range stay read.
func (w *RequestWatcher) Scan(ctx context.Context) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	hctx, cancel := context.WithTimeout(ctx, w.cfg.RequestTimeout)
	head, err := w.backend.HeaderByNumber(hctx, nil)
	cancel()
	if err != nil {
		return 0, fmt.Errorf("read head: %w", err)
	}
	if head.Number.Uint64() < w.cfg.Confirmations {
		return 0, nil
	}
	confirmed := head.Number.Uint64() - w.cfg.Confirmations
	if !w.started {
		w.next = w.cfg.FromBlock
		if w.next == 0 && confirmed > w.cfg.Lookback {
			w.next = confirmed - w.cfg.Lookback
		}
		w.started = true
		w.log.Info("watching paid update requests", "from_block", w.next, "confirmations", w.cfg.Confirmations)
	}
	total := 0
	for w.next <= confirmed {
		to := min(confirmed, w.next+w.cfg.MaxRange-1)
		n, err := w.scanRange(ctx, w.next, to)
		total += n
		if err != nil {
			return total, err
		}
		w.next = to + 1
	}
	return total, nil
}

func (w *RequestWatcher) scanRange(ctx context.Context, from, to uint64) (int, error) {
	fctx, cancel := context.WithTimeout(ctx, w.cfg.RequestTimeout)
	logs, err := w.backend.FilterLogs(fctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from),
		ToBlock:   new(big.Int).SetUint64(to),
		Addresses: []common.Address{w.chain.Oracle},
		Topics:    [][]common.Hash{{w.eventID}},
	})
	cancel()
	if err != nil {
		return 0, fmt.Errorf("read UpdateRequested logs of blocks %d to %d: %w", from, to, err)
	}
	n := 0
	for i := range logs {
		l := &logs[i]
		if l.Removed || l.Address != w.chain.Oracle {
			continue
		}
		ev, err := w.contract.UnpackUpdateRequestedEvent(l)
		if err != nil {
			w.log.Warn("log of the oracle is not an UpdateRequested event; ignored (is the oracle address right?)",
				"tx", l.TxHash, "log_index", l.Index, "err", err)
			continue
		}
		req := store.PaidRequest{
			ChainID:     w.chain.ID,
			TopicID:     ev.TopicId,
			Requester:   ev.Requester,
			Amount:      ev.Amount,
			TxHash:      l.TxHash,
			LogIndex:    l.Index,
			BlockNumber: l.BlockNumber,
		}
		if err := w.queue.EnqueueRequest(ctx, req); err != nil {
			return n, fmt.Errorf("queue request of block %d: %w", l.BlockNumber, err)
		}
		w.log.Info("paid update request found (queued once, however often it is read)", "topic_id", req.TopicID, "amount_wei", req.Amount.String(),
			"requester", req.Requester.Hex(), "tx", req.TxHash.Hex(), "block", req.BlockNumber)
		n++
	}
	return n, nil
}
