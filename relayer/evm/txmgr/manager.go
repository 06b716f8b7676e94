// Package txmgr sends one key's transactions on one EVM chain, calls (Send) and
// contract creations (Create), and sees each through to a receipt buried under the
// chain's confirmation depth.
//
// A Manager tracks the key's nonce itself, seeded from the endpoint's pending nonce.
// Sends take the nonce one after the other, and up to Config.MaxInFlight of them may
// then wait for their confirmations at once, each at its own nonce: the next Send is
// prepared, signed and broadcast while the previous ones are still being mined. A nonce
// is taken for good only once the endpoint accepted a transaction at it, so a Send that
// fails before leaves it to the next one and no gap opens. Every signed transaction is
// written to a journal before it is broadcast, so a restarted manager finds what it had
// sent and sees it through (waits for it, rebroadcasts or replaces it) before sending
// anything new, and no nonce gap is left behind.
//
// A transaction not mined within ResubmitAfter, while blocks are being produced, is
// replaced at the same nonce with every fee field raised by BumpPercent (or to the
// current quote if higher), up to a cap. The node's refusals mean what they say:
// "nonce too low" makes the manager look for one of its own transactions mined at the
// nonce (success) and otherwise move to the next free nonce; "replacement
// underpriced" raises the fees again; "already known" keeps waiting for the same
// transaction; "insufficient funds" fails the Send with ErrInsufficientFunds and an
// alert event, and leaves nothing pending. A receipt that disappears in a reorg
// before the confirmation depth is reached makes the manager resend the transaction.
//
// Log levels, for operators: Warn means the manager is working around something
// (a stuck transaction replaced, a reorg, a nonce used outside the manager, an
// endpoint error it retries); Error means a transaction was given up (its nonce was
// taken, or the wallet cannot pay).
package txmgr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Backend is what the manager needs of a chain endpoint; *ethclient.Client and the
// simulated backend's client satisfy it. When it also implements
// ethereum.ContractCaller, a reverted transaction's call is replayed for its revert
// data.
type Backend interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	ethereum.GasPricer
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	ethereum.GasEstimator
	ethereum.TransactionSender
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// rpcTimeout bounds every single call to the endpoint, so a hung connection cannot
// stall the pipeline; the caller's context bounds the whole Send.
const rpcTimeout = 10 * time.Second

// Manager sends one key's transactions on one chain. Its methods are safe for
// concurrent use; Sends take their nonces one after the other, and up to
// Config.MaxInFlight of them wait for their receipts at once.
type Manager struct {
	cfg     Config
	backend Backend
	key     oracle.Signer
	from    common.Address
	signer  types.Signer
	journal Journal
	log     *slog.Logger
	events  func(Event)

	sem    chan struct{} // held while a nonce is taken; a channel so waiting for it honours ctx
	window chan struct{} // one place per transaction in flight

	mu         sync.Mutex
	nonce      uint64 // next nonce to use, when nonceKnown
	nonceKnown bool
	resumed    bool                // the journal holds nothing this manager has not seen through
	live       map[uint64]struct{} // nonces a Send is seeing through now
}

// Option changes a Manager.
type Option func(*Manager)

// WithJournal records every sent transaction in j, so a new manager over the same
// journal resumes what this one left. Without it the manager journals in memory:
// what one Send leaves pending (its context ended) is resumed by the next, but not
// across restarts.
func WithJournal(j Journal) Option { return func(m *Manager) { m.journal = j } }

// WithLogger sets the logger; the default discards.
func WithLogger(l *slog.Logger) Option { return func(m *Manager) { m.log = l } }

// WithEvents calls fn for everything the manager does to a transaction, alerts
// included. fn must not block.
func WithEvents(fn func(Event)) Option { return func(m *Manager) { m.events = fn } }

// New makes a manager for key on cfg.ChainID's endpoint backend: a key in memory
// (oracle.NewKeySigner) or one that signs elsewhere, such as a KMS key, which signs
// each transaction's hash. It makes no call to the endpoint; the caller checks that it
// serves cfg.ChainID.
func New(cfg Config, backend Backend, key oracle.Signer, opts ...Option) (*Manager, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if key == nil {
		return nil, errors.New("no key to send with")
	}
	m := &Manager{
		cfg:     cfg,
		backend: backend,
		key:     key,
		from:    key.Address(),
		signer:  types.LatestSignerForChainID(new(big.Int).SetUint64(cfg.ChainID)),
		log:     slog.New(slog.DiscardHandler),
		sem:     make(chan struct{}, 1),
		window:  make(chan struct{}, max(cfg.MaxInFlight, 1)),
		live:    make(map[uint64]struct{}),
	}
	for _, o := range opts {
		o(m)
	}
	if m.journal == nil {
		m.journal = newMemoryJournal()
	}
	m.log = m.log.With("chain_id", cfg.ChainID, "from", m.from.Hex())
	return m, nil
}

// From is the address that signs and pays.
func (m *Manager) From() common.Address { return m.from }

// Config is the manager's configuration.
func (m *Manager) Config() Config { return m.cfg }

// Result is a confirmed transaction.
type Result struct {
	Receipt *types.Receipt
	Tx      *types.Transaction // the transaction that was mined
	// Attempts is how many transactions were signed at the nonce: one, plus one per
	// replacement.
	Attempts int
	// Reorgs is how many times a receipt disappeared and the transaction was resent.
	Reorgs int
	// NonceResyncs is how many times the nonce was found used by a transaction this
	// manager did not send, and the transaction moved to the next free one.
	NonceResyncs int
}

// SendOption changes one Send.
type SendOption func(*sendOptions)

type sendOptions struct {
	value   *big.Int
	updates []oracle.Update
}

// WithValue sends value wei with the call.
func WithValue(v *big.Int) SendOption { return func(o *sendOptions) { o.value = v } }

// WithUpdates records the oracle updates the transaction carries in its journal
// entry, so what was in flight can be shown after a restart.
func WithUpdates(u []oracle.Update) SendOption { return func(o *sendOptions) { o.updates = u } }

// Send calls to with data from the manager's key and returns once the transaction's
// receipt is Confirmations blocks deep. Gas is estimated first, so a call the
// contract would refuse fails here, with the endpoint's error (and its revert data)
// wrapped, costing nothing. A mined transaction that reverted returns its Result with
// a *RevertError.
//
// With Config.MaxInFlight above 1, Send waits for a place among the transactions in
// flight, takes the next nonce once the previous Send's transaction was accepted by
// the endpoint (not mined), and then waits for its own receipt beside the others.
//
// If ctx ends while a transaction is pending, Send returns ctx's error and the
// transaction stays journaled: the next Send sees it through first.
func (m *Manager) Send(ctx context.Context, to common.Address, data []byte, opts ...SendOption) (*Result, error) {
	return m.send(ctx, &to, data, opts)
}

// Create deploys a contract: code is its creation code (the bytecode, then the
// ABI-encoded constructor arguments). It is sent and seen through as Send sees a call,
// and once its receipt is Confirmations deep, Result.Receipt.ContractAddress is where
// the contract lives. A constructor that would revert fails the gas estimate, costing
// nothing.
func (m *Manager) Create(ctx context.Context, code []byte, opts ...SendOption) (*Result, error) {
	return m.send(ctx, nil, code, opts)
}

// send is Send to to, or Create when to is nil.
func (m *Manager) send(ctx context.Context, to *common.Address, data []byte, opts []SendOption) (*Result, error) {
	var o sendOptions
	for _, opt := range opts {
		opt(&o)
	}
	if o.value == nil {
		o.value = new(big.Int)
	}
	select {
	case m.window <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for a place among the transactions in flight: %w", ctx.Err())
	}
	defer func() { <-m.window }()
	p, err := m.launch(ctx, to, data, o)
	if p == nil {
		return nil, err
	}
	defer m.landed(p)
	return m.drive(ctx, p, false)
}

// launch takes the next nonce, signs the call at it and broadcasts it. It returns the
// transaction in flight once the endpoint accepted it, marked live; or nil and why not,
// with the nonce left free for the next Send.
func (m *Manager) launch(ctx context.Context, to *common.Address, data []byte, o sendOptions) (*pending, error) {
	select {
	case m.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for the previous transaction: %w", ctx.Err())
	}
	defer func() { <-m.sem }()

	if err := m.resume(ctx); err != nil {
		return nil, fmt.Errorf("see pending transactions through: %w", err)
	}
	m.checkBalance(ctx)

	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	estimate, err := m.backend.EstimateGas(rctx, ethereum.CallMsg{From: m.from, To: to, Value: o.value, Data: data})
	cancel()
	if err != nil {
		if classifySend(err) == sendInsufficientFunds {
			m.emit(Event{Kind: EventInsufficientFunds, Err: err})
			return nil, fmt.Errorf("estimate gas: %w: %w", ErrInsufficientFunds, err)
		}
		return nil, fmt.Errorf("estimate gas: %w", err)
	}
	gas := estimate
	if m.cfg.GasLimitMultiplier > 1 {
		gas = uint64(math.Ceil(float64(estimate) * m.cfg.GasLimitMultiplier))
	}
	rctx, cancel = context.WithTimeout(ctx, rpcTimeout)
	price, err := m.quote(rctx)
	cancel()
	if err != nil {
		return nil, err
	}
	if m.cfg.MaxGasPrice != nil && price.top().Cmp(m.cfg.MaxGasPrice) > 0 {
		m.emit(Event{Kind: EventFeeCapReached})
		return nil, fmt.Errorf("quote %s is over the max gas price %s: %w", price, m.cfg.MaxGasPrice, ErrFeeCapReached)
	}
	nonce, err := m.nextNonce(ctx)
	if err != nil {
		return nil, err
	}
	p := &pending{nonce: nonce, to: to, value: o.value, data: data, gas: gas, fees: price, first: price, updates: o.updates}
	if err := m.sign(ctx, p); err != nil {
		return nil, err
	}
	if _, err := m.drive(ctx, p, true); err != nil {
		return nil, err
	}
	p.launched = true
	m.mu.Lock()
	m.live[p.nonce] = struct{}{}
	m.nonce, m.nonceKnown = max(m.nonce, p.nonce+1), true
	m.mu.Unlock()
	return p, nil
}

// landed ends p's time in flight, mined or not.
func (m *Manager) landed(p *pending) {
	m.mu.Lock()
	delete(m.live, p.nonce)
	m.mu.Unlock()
}

func (m *Manager) nextNonce(ctx context.Context) (uint64, error) {
	m.mu.Lock()
	n, known := m.nonce, m.nonceKnown
	m.mu.Unlock()
	if known {
		return n, nil
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	n, err := m.backend.PendingNonceAt(rctx, m.from)
	if err != nil {
		return 0, fmt.Errorf("read pending nonce: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n = m.aboveLive(n)
	m.nonce, m.nonceKnown = n, true
	return n, nil
}

// aboveLive raises n past every nonce in flight: an endpoint that dropped one of them
// from its pool answers a pending nonce below it. The caller holds mu.
func (m *Manager) aboveLive(n uint64) uint64 {
	for l := range m.live {
		n = max(n, l+1)
	}
	return n
}

func (m *Manager) checkBalance(ctx context.Context) {
	if m.cfg.MinBalance == nil {
		return
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	bal, err := m.backend.BalanceAt(rctx, m.from, nil)
	if err != nil {
		m.log.Warn("read wallet balance", "err", err)
		return
	}
	if bal.Cmp(m.cfg.MinBalance) < 0 {
		m.log.Warn("wallet balance under its threshold", "balance", bal, "threshold", m.cfg.MinBalance)
		m.emit(Event{Kind: EventLowBalance, Balance: bal})
	}
}

// pending is the transaction being seen through at one nonce.
type pending struct {
	nonce   uint64
	to      *common.Address // nil: a contract creation
	value   *big.Int
	data    []byte
	gas     uint64
	fees    fees // of the newest signed attempt
	first   fees // the first quote at this nonce, which the fee limit multiplies
	updates []oracle.Update

	attempt int          // attempts signed at this nonce
	next    *attemptTx   // to broadcast on the next turn, if any
	sent    []*attemptTx // accepted by the endpoint at this nonce, oldest first
	lastAt  time.Time    // when a transaction was last broadcast
	lastBlk uint64       // the head when it was
	mined   *types.Receipt
	minedTx *attemptTx

	launched  bool // accepted and live, beside other transactions in flight
	nonceUsed bool // the endpoint said "nonce too low"
	capped    bool // no further replacement: at the fee cap, or the wallet cannot pay more
	resumed   bool // from the journal: a taken nonce means gone, not move on
	reorgs    int
	resyncs   int
}

type attemptTx struct {
	tx      *types.Transaction
	attempt int
}

func (m *Manager) sign(ctx context.Context, p *pending) error {
	var data types.TxData
	if p.fees.GasPrice != nil {
		data = &types.LegacyTx{Nonce: p.nonce, GasPrice: p.fees.GasPrice, Gas: p.gas, To: p.to, Value: p.value, Data: p.data}
	} else {
		data = &types.DynamicFeeTx{
			ChainID: new(big.Int).SetUint64(m.cfg.ChainID), Nonce: p.nonce,
			GasTipCap: p.fees.TipCap, GasFeeCap: p.fees.FeeCap, Gas: p.gas, To: p.to, Value: p.value, Data: p.data,
		}
	}
	tx, err := m.signTx(ctx, types.NewTx(data))
	if err != nil {
		return fmt.Errorf("sign nonce %d: %w", p.nonce, err)
	}
	p.attempt++
	p.next = &attemptTx{tx: tx, attempt: p.attempt}
	return nil
}

// signTx has the key sign tx's signing hash. The key answers r ‖ s ‖ v with v 27 or
// 28, as for the oracle; a transaction carries the recovery id, v - 27.
func (m *Manager) signTx(ctx context.Context, tx *types.Transaction) (*types.Transaction, error) {
	sctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	sig, err := m.key.Sign(sctx, m.signer.Hash(tx))
	if err != nil {
		return nil, err
	}
	if len(sig) != crypto.SignatureLength || (sig[crypto.RecoveryIDOffset] != 27 && sig[crypto.RecoveryIDOffset] != 28) {
		return nil, fmt.Errorf("key %s answered a signature that is not r ‖ s ‖ v with v 27 or 28", m.from)
	}
	raw := append([]byte(nil), sig...)
	raw[crypto.RecoveryIDOffset] -= 27
	signed, err := tx.WithSignature(m.signer, raw)
	if err != nil {
		return nil, err
	}
	if got, err := types.Sender(m.signer, signed); err != nil || got != m.from {
		return nil, fmt.Errorf("key %s signed as %s: %w", m.from, got, errors.Join(oracle.ErrSignerMismatch, err))
	}
	return signed, nil
}

// drive sees p through: broadcasts what is to be sent, polls for receipts, replaces
// a stuck transaction, follows reorgs, until the receipt is deep enough or a
// definite failure. untilSent stops it, with a nil Result and error, as soon as the
// endpoint has accepted a transaction at p's nonce.
func (m *Manager) drive(ctx context.Context, p *pending, untilSent bool) (*Result, error) {
	ticker := time.NewTicker(m.cfg.ReceiptPoll)
	defer ticker.Stop()
	for {
		if p.next != nil {
			if err := m.broadcast(ctx, p); err != nil {
				return nil, err
			}
		}
		if untilSent && len(p.sent) > 0 {
			return nil, nil
		}
		res, done, err := m.check(ctx, p)
		if done {
			return res, err
		}
		select {
		case <-ctx.Done():
			if len(p.sent) > 0 {
				// The transaction may still land: the next Send resumes it from the
				// journal before using a new nonce.
				m.mu.Lock()
				m.resumed = false
				m.nonce = max(m.nonce, p.nonce+1)
				m.mu.Unlock()
			}
			if p.capped {
				return nil, fmt.Errorf("wait for nonce %d: %w: %w", p.nonce, ErrFeeCapReached, ctx.Err())
			}
			return nil, fmt.Errorf("wait for nonce %d: %w", p.nonce, ctx.Err())
		case <-ticker.C:
		}
	}
}

// broadcast journals and sends p.next. It returns an error only when the Send is
// over with nothing left pending at the nonce.
func (m *Manager) broadcast(ctx context.Context, p *pending) error {
	a := p.next
	p.next = nil
	if err := m.journalPut(ctx, p, a); err != nil {
		if len(p.sent) == 0 {
			return err
		}
		m.log.Warn("journal a replacement; keep waiting for what was sent", "nonce", p.nonce, "err", err)
		return nil
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	err := m.backend.SendTransaction(rctx, a.tx)
	cancel()
	switch classifySend(err) {
	case sendAccepted, sendKnown:
		kind := EventSent
		switch {
		case containsTx(p.sent, a.tx.Hash()):
			kind = EventRebroadcast
		case a.attempt > 1:
			kind = EventReplaced
		}
		if !containsTx(p.sent, a.tx.Hash()) {
			p.sent = append(p.sent, a)
		}
		p.lastAt = time.Now()
		if head, herr := m.headNumber(ctx); herr == nil {
			p.lastBlk = head
		}
		if kind != EventSent {
			m.log.Warn("transaction resent", "nonce", p.nonce, "tx", a.tx.Hash(), "attempt", a.attempt, "fees", p.fees.String(), "kind", kind.String())
		}
		m.emit(Event{Kind: kind, Nonce: p.nonce, TxHash: a.tx.Hash(), Attempt: a.attempt})
		return nil
	case sendNonceTooLow:
		// Either one of ours was mined at the nonce (check finds its receipt) or
		// another transaction from the key used it (check moves on).
		p.nonceUsed = true
		return nil
	case sendUnderpriced:
		m.log.Warn("endpoint refused the price; raising it", "nonce", p.nonce, "fees", p.fees.String(), "err", err)
		if berr := m.replace(ctx, p); berr != nil {
			return m.giveUp(ctx, p, berr)
		}
		return nil
	case sendInsufficientFunds:
		m.log.Error("wallet cannot pay for the transaction", "nonce", p.nonce, "fees", p.fees.String(), "err", err)
		m.emit(Event{Kind: EventInsufficientFunds, Nonce: p.nonce, Err: err})
		p.capped = true
		return m.giveUp(ctx, p, fmt.Errorf("send nonce %d: %w: %w", p.nonce, ErrInsufficientFunds, err))
	default:
		return m.giveUp(ctx, p, fmt.Errorf("send nonce %d: %w", p.nonce, err))
	}
}

// giveUp ends the Send with err if nothing was accepted at p's nonce (which stays
// free for the next Send); otherwise it puts the journal back on the newest accepted
// transaction and keeps waiting for it.
func (m *Manager) giveUp(ctx context.Context, p *pending, err error) error {
	if len(p.sent) == 0 {
		if derr := m.journalDone(ctx, p.nonce); derr != nil {
			m.log.Warn("clear the journal entry of an unsent transaction", "nonce", p.nonce, "err", derr)
		}
		return err
	}
	m.log.Warn("keep waiting for the transaction already sent", "nonce", p.nonce, "err", err)
	if jerr := m.journalPut(ctx, p, p.sent[len(p.sent)-1]); jerr != nil {
		m.log.Warn("journal the transaction already sent", "nonce", p.nonce, "err", jerr)
	}
	return nil
}

// replace signs p again with raised fees, or marks it capped.
func (m *Manager) replace(ctx context.Context, p *pending) error {
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	fresh, err := m.quote(rctx)
	cancel()
	if err != nil {
		m.log.Warn("quote fees for a replacement; raising the old ones", "nonce", p.nonce, "err", err)
		fresh = p.fees
	}
	next, err := m.bump(p.fees, fresh, p.first)
	if err != nil {
		p.capped = true
		m.log.Warn("replacement would pass the fee cap", "nonce", p.nonce, "err", err)
		m.emit(Event{Kind: EventFeeCapReached, Nonce: p.nonce, Err: err})
		return err
	}
	p.fees = next
	return m.sign(ctx, p)
}

// check polls the head and p's receipts and decides what comes next.
func (m *Manager) check(ctx context.Context, p *pending) (*Result, bool, error) {
	head, err := m.headNumber(ctx)
	if err != nil {
		m.log.Warn("read the head; retrying", "nonce", p.nonce, "err", err)
		return nil, false, nil
	}
	receipt, mined, err := m.findMined(ctx, p)
	if err != nil {
		m.log.Warn("read receipts; retrying", "nonce", p.nonce, "err", err)
		return nil, false, nil
	}
	if receipt != nil {
		p.nonceUsed = false
		if p.mined == nil || p.mined.BlockHash != receipt.BlockHash {
			p.mined, p.minedTx = receipt, mined
			m.emit(Event{Kind: EventMined, Nonce: p.nonce, TxHash: mined.tx.Hash(), Attempt: mined.attempt, Block: receipt.BlockNumber.Uint64()})
		}
		block := receipt.BlockNumber.Uint64()
		if head < block+m.cfg.Confirmations {
			return nil, false, nil
		}
		if m.cfg.Confirmations > 0 {
			canonical, err := m.headerHash(ctx, block)
			if err != nil {
				m.log.Warn("read the receipt's block; retrying", "nonce", p.nonce, "err", err)
				return nil, false, nil
			}
			if canonical != receipt.BlockHash {
				m.reorged(p)
				return nil, false, nil
			}
		}
		return m.confirmed(ctx, p)
	}
	if p.mined != nil {
		m.reorged(p)
		return nil, false, nil
	}
	if p.nonceUsed {
		return m.nonceTaken(ctx, p)
	}
	if len(p.sent) == 0 || time.Since(p.lastAt) < m.cfg.ResubmitAfter || head <= p.lastBlk {
		return nil, false, nil
	}
	if p.capped {
		// Nothing higher can be paid; make sure the endpoint still has it (a node
		// restart or eviction drops it from the pool).
		p.next = p.sent[len(p.sent)-1]
		return nil, false, nil
	}
	m.log.Warn("transaction not mined; replacing it", "nonce", p.nonce, "tx", p.sent[len(p.sent)-1].tx.Hash(),
		"since", time.Since(p.lastAt).Round(time.Millisecond), "blocks", head-p.lastBlk)
	if err := m.replace(ctx, p); err != nil {
		p.next = p.sent[len(p.sent)-1]
	}
	return nil, false, nil
}

// reorged handles a receipt that is no longer in the chain: the mined transaction is
// sent again as it was, since its nonce is free again.
func (m *Manager) reorged(p *pending) {
	p.reorgs++
	m.log.Warn("receipt gone in a reorg; resending", "nonce", p.nonce, "tx", p.minedTx.tx.Hash(), "block", p.mined.BlockNumber)
	m.emit(Event{Kind: EventReorged, Nonce: p.nonce, TxHash: p.minedTx.tx.Hash(), Attempt: p.minedTx.attempt, Block: p.mined.BlockNumber.Uint64()})
	p.next = p.minedTx
	p.mined, p.minedTx = nil, nil
}

// nonceTaken handles a nonce the endpoint calls too low when none of ours is mined at
// it: another transaction from the key used it.
func (m *Manager) nonceTaken(ctx context.Context, p *pending) (*Result, bool, error) {
	p.nonceUsed = false
	gone := func() (*Result, bool, error) {
		m.log.Error("nonce used by a transaction this manager did not send; giving the transaction up", "nonce", p.nonce)
		if err := m.journalDone(ctx, p.nonce); err != nil {
			m.log.Warn("clear the journal entry of a gone transaction", "nonce", p.nonce, "err", err)
		}
		m.mu.Lock()
		m.nonceKnown = false
		m.mu.Unlock()
		return nil, true, fmt.Errorf("nonce %d: %w", p.nonce, ErrGone)
	}
	// A transaction in flight beside others cannot move to another nonce: the next
	// ones are taken by them. It is gone, and what it carried goes in a later Send.
	if p.resumed || p.resyncs >= m.cfg.MaxNonceResyncs || (p.launched && cap(m.window) > 1) {
		return gone()
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	n, err := m.backend.PendingNonceAt(rctx, m.from)
	cancel()
	if err != nil {
		m.log.Warn("read pending nonce; retrying", "err", err)
		p.nonceUsed = true
		return nil, false, nil
	}
	n = max(n, p.nonce+1)
	if err := m.journalDone(ctx, p.nonce); err != nil {
		m.log.Warn("clear the journal entry of a taken nonce", "nonce", p.nonce, "err", err)
	}
	m.log.Warn("nonce used outside this manager; moving to the next free one", "nonce", p.nonce, "next", n)
	m.emit(Event{Kind: EventNonceResync, Nonce: n})
	p.resyncs++
	m.mu.Lock()
	n = m.aboveLive(n)
	if _, live := m.live[p.nonce]; live {
		delete(m.live, p.nonce)
		m.live[n] = struct{}{}
	}
	p.nonce = n
	m.nonce, m.nonceKnown = n, true
	m.mu.Unlock()
	p.sent, p.attempt, p.capped = nil, 0, false
	if err := m.sign(ctx, p); err != nil {
		return nil, true, err
	}
	return nil, false, nil
}

// confirmed finishes p: its receipt is deep enough.
func (m *Manager) confirmed(ctx context.Context, p *pending) (*Result, bool, error) {
	if err := m.journalDone(ctx, p.nonce); err != nil {
		m.log.Warn("clear the journal entry of a confirmed transaction", "nonce", p.nonce, "err", err)
	}
	// An unknown nonce stays unknown: the endpoint's pending nonce, raised past the
	// nonces in flight, is read again before the next one is taken.
	m.mu.Lock()
	if m.nonceKnown && m.nonce <= p.nonce {
		m.nonce = p.nonce + 1
	}
	m.mu.Unlock()
	r := p.mined
	m.emit(Event{Kind: EventConfirmed, Nonce: p.nonce, TxHash: r.TxHash, Attempt: p.minedTx.attempt, Block: r.BlockNumber.Uint64()})
	res := &Result{Receipt: r, Tx: p.minedTx.tx, Attempts: p.attempt, Reorgs: p.reorgs, NonceResyncs: p.resyncs}
	if r.Status != types.ReceiptStatusSuccessful {
		return res, true, m.revertError(ctx, p, r)
	}
	return res, true, nil
}

func (m *Manager) revertError(ctx context.Context, p *pending, r *types.Receipt) error {
	e := &RevertError{TxHash: r.TxHash, BlockNumber: r.BlockNumber.Uint64()}
	caller, ok := m.backend.(ethereum.ContractCaller)
	if !ok || e.BlockNumber == 0 {
		return e
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	_, err := caller.CallContract(rctx, ethereum.CallMsg{From: m.from, To: p.to, Gas: p.gas, Value: p.value, Data: p.data},
		new(big.Int).SetUint64(e.BlockNumber-1))
	if err == nil {
		return e
	}
	e.Replay = err
	var de interface{ ErrorData() any }
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			e.Data, _ = hexutil.Decode(s)
		}
	}
	return e
}

// findMined returns the receipt of whichever transaction sent at p's nonce was mined.
func (m *Manager) findMined(ctx context.Context, p *pending) (*types.Receipt, *attemptTx, error) {
	for i := len(p.sent) - 1; i >= 0; i-- {
		rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
		r, err := m.backend.TransactionReceipt(rctx, p.sent[i].tx.Hash())
		cancel()
		if err == nil && r != nil {
			return r, p.sent[i], nil
		}
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			return nil, nil, fmt.Errorf("receipt of %s: %w", p.sent[i].tx.Hash(), err)
		}
	}
	return nil, nil, nil
}

func (m *Manager) headNumber(ctx context.Context) (uint64, error) {
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	h, err := m.backend.HeaderByNumber(rctx, nil)
	if err != nil {
		return 0, fmt.Errorf("read latest header: %w", err)
	}
	return h.Number.Uint64(), nil
}

func (m *Manager) headerHash(ctx context.Context, n uint64) (common.Hash, error) {
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	h, err := m.backend.HeaderByNumber(rctx, new(big.Int).SetUint64(n))
	if err != nil {
		return common.Hash{}, fmt.Errorf("read header %d: %w", n, err)
	}
	return h.Hash(), nil
}

func (m *Manager) journalPut(ctx context.Context, p *pending, a *attemptTx) error {
	raw, err := a.tx.MarshalBinary()
	if err != nil {
		return fmt.Errorf("encode nonce %d: %w", p.nonce, err)
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	defer cancel()
	err = m.journal.JournalPut(rctx, JournalEntry{
		ChainID: m.cfg.ChainID, Nonce: p.nonce, TxHash: a.tx.Hash(), RawTx: raw,
		Updates: p.updates, SentAt: time.Now(), Attempt: a.attempt,
	})
	if err != nil {
		return fmt.Errorf("journal nonce %d: %w", p.nonce, err)
	}
	return nil
}

func (m *Manager) journalDone(ctx context.Context, nonce uint64) error {
	// Clearing the entry must not be skipped because the Send's context just ended:
	// a stale entry would be resumed for nothing.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rpcTimeout)
	defer cancel()
	return m.journal.JournalDone(rctx, m.cfg.ChainID, nonce)
}

// resume sees every journaled transaction through before anything new is sent, so a
// restart leaves no nonce gap: a transaction mined meanwhile is confirmed, one still
// valid is rebroadcast (and replaced if stuck), one whose nonce another transaction
// used is dropped.
//
// Transactions other Sends are seeing through now are left to them.
func (m *Manager) resume(ctx context.Context) error {
	m.mu.Lock()
	resumed := m.resumed
	m.mu.Unlock()
	if resumed {
		return nil
	}
	rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
	entries, err := m.journal.JournalPending(rctx, m.cfg.ChainID)
	cancel()
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	if len(entries) > 0 {
		rctx, cancel := context.WithTimeout(ctx, rpcTimeout)
		minedNonce, err := m.backend.NonceAt(rctx, m.from, nil)
		cancel()
		if err != nil {
			return fmt.Errorf("read nonce: %w", err)
		}
		for _, e := range entries {
			if m.isLive(e.Nonce) {
				continue
			}
			tx := new(types.Transaction)
			if err := tx.UnmarshalBinary(e.RawTx); err != nil {
				m.log.Error("journal entry holds no transaction this manager sends; dropping it", "nonce", e.Nonce, "err", err)
				if err := m.journalDone(ctx, e.Nonce); err != nil {
					return err
				}
				continue
			}
			p := resumedPending(e, tx)
			if e.Nonce < minedNonce {
				// Used already: by this transaction (its receipt confirms it) or by
				// another one (then it is gone).
				p.nonceUsed = true
			} else {
				p.next = p.sent[0]
			}
			m.log.Info("resuming a journaled transaction", "nonce", e.Nonce, "tx", e.TxHash, "attempt", e.Attempt)
			if _, err := m.drive(ctx, p, false); err != nil {
				if errors.Is(err, ErrGone) || errors.Is(err, ErrReverted) {
					m.log.Warn("journaled transaction did not succeed", "nonce", e.Nonce, "err", err)
					continue
				}
				return fmt.Errorf("nonce %d: %w", e.Nonce, err)
			}
		}
	}
	m.mu.Lock()
	m.resumed = true
	m.nonceKnown = false // reseed from the endpoint, which now has everything
	m.mu.Unlock()
	return nil
}

func (m *Manager) isLive(nonce uint64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.live[nonce]
	return ok
}

func resumedPending(e JournalEntry, tx *types.Transaction) *pending {
	f := fees{GasPrice: tx.GasPrice()}
	if tx.Type() != types.LegacyTxType {
		f = fees{TipCap: tx.GasTipCap(), FeeCap: tx.GasFeeCap()}
	}
	a := &attemptTx{tx: tx, attempt: max(e.Attempt, 1)}
	return &pending{
		nonce: e.Nonce, to: tx.To(), value: tx.Value(), data: tx.Data(), gas: tx.Gas(),
		fees: f, first: f, updates: e.Updates,
		attempt: a.attempt, sent: []*attemptTx{a}, resumed: true,
	}
}

func containsTx(sent []*attemptTx, h common.Hash) bool {
	for _, a := range sent {
		if a.tx.Hash() == h {
			return true
		}
	}
	return false
}

func (m *Manager) emit(e Event) {
	if m.events != nil {
		m.events(e)
	}
}
