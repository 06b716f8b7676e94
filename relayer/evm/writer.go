// Package evm is the relayer's adapter to one EVM chain: it reads and writes the
// AlloraOracle contract through its abigen bindings, over any JSON-RPC endpoint.
package evm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/allora-gateway/allora-gateway/deploy/presets"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Backend is what the writer needs of a chain endpoint; *ethclient.Client and the
// simulated backend's client both satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// Errors the writer reports.
var (
	// ErrReverted means a submitted transaction was mined but reverted. It is
	// txmgr.ErrReverted, so either name matches.
	ErrReverted = txmgr.ErrReverted
	// ErrWrongChain means the endpoint serves another chain than the one configured.
	ErrWrongChain = errors.New("endpoint serves another chain")
)

// Writer reads and writes one chain's AlloraOracle.
type Writer struct {
	chain    oracle.Chain
	domain   oracle.Domain
	backend  Backend
	reader   *Reader
	contract *alloraoracle.AlloraOracle
	from     common.Address
	tx       *txmgr.Manager

	// What NewWriter builds its transaction manager from, unless WithTxManager gave
	// one.
	txConfig    *txmgr.Config
	journal     store.Journal
	receiptPoll time.Duration
	txOptions   []txmgr.Option
}

// NewWriter connects to chain's oracle over backend and submits with key, or with the
// manager WithTxManager gives (then key may be nil: the manager's key). It checks that
// the endpoint serves the chain id configured, so a mistyped URL cannot push to the
// wrong chain. Submissions go through a transaction manager with the preset of the
// chain id (deploy/presets; the local preset for an id no preset names) unless an option
// says otherwise.
func NewWriter(ctx context.Context, chain oracle.Chain, backend Backend, key *ecdsa.PrivateKey, opts ...WriterOption) (*Writer, error) {
	id, err := chainID(ctx, backend)
	if err != nil {
		return nil, fmt.Errorf("chain %s (%d): read chain id: %w", chain.Name, chain.ID, err)
	}
	if id != chain.ID {
		return nil, fmt.Errorf("chain %s: configured id %d, endpoint answers %d: %w", chain.Name, chain.ID, id, ErrWrongChain)
	}
	reader := newReader(chain, backend)
	w := &Writer{
		chain:    chain,
		domain:   oracle.NewDomain(new(big.Int).SetUint64(chain.ID), chain.Oracle),
		backend:  backend,
		reader:   reader,
		contract: reader.contract,
	}
	for _, o := range opts {
		o(w)
	}
	switch {
	case key != nil:
		w.from = crypto.PubkeyToAddress(key.PublicKey)
	case w.tx != nil:
		w.from = w.tx.From()
	default:
		return nil, fmt.Errorf("chain %s: no key and no transaction manager to submit with", chain.Name)
	}
	if w.tx == nil {
		cfg, _ := presets.TxConfigFor(chain.ID)
		if w.txConfig != nil {
			cfg = *w.txConfig
		}
		if w.receiptPoll > 0 {
			cfg.ReceiptPoll = w.receiptPoll
		}
		mopts := w.txOptions
		if w.journal != nil {
			mopts = append(mopts, txmgr.WithJournal(w.journal))
		}
		if w.tx, err = txmgr.New(cfg, backend, oracle.NewKeySigner(key), mopts...); err != nil {
			return nil, fmt.Errorf("chain %s: transaction manager: %w", chain.Name, err)
		}
	}
	if got := w.tx.Config().ChainID; got != chain.ID {
		return nil, fmt.Errorf("chain %s: transaction manager signs for chain %d, not %d: %w", chain.Name, got, chain.ID, ErrWrongChain)
	}
	if w.tx.From() != w.from {
		return nil, fmt.Errorf("chain %s: transaction manager sends from %s, not the writer's key %s", chain.Name, w.tx.From(), w.from)
	}
	return w, nil
}

// DefaultReceiptPoll is how often a writer asks for a submitted transaction's receipt:
// a fraction of the target chains' block times (0.6 to 1 s), so a push is seen mined
// within a block of landing. The chain presets poll this often.
const DefaultReceiptPoll = 250 * time.Millisecond

// WriterOption changes a Writer.
type WriterOption func(*Writer)

// WithReceiptPoll sets how often the receipt of a submitted transaction is asked for,
// overriding the transaction manager's configuration (not a manager given by
// WithTxManager).
func WithReceiptPoll(d time.Duration) WriterOption {
	return func(w *Writer) {
		if d > 0 {
			w.receiptPoll = d
		}
	}
}

// WithTxManager submits through m, which must send from the writer's key on the
// writer's chain.
func WithTxManager(m *txmgr.Manager) WriterOption { return func(w *Writer) { w.tx = m } }

// WithTxConfig builds the writer's transaction manager from cfg instead of the chain
// id's preset.
func WithTxConfig(cfg txmgr.Config) WriterOption { return func(w *Writer) { w.txConfig = &cfg } }

// WithJournal journals the writer's transactions in j, so a writer made after a
// restart over the same journal sees through what was in flight before sending.
func WithJournal(j store.Journal) WriterOption { return func(w *Writer) { w.journal = j } }

// Chain names the chain and its oracle.
func (w *Writer) Chain() oracle.Chain { return w.chain }

// Domain is the EIP-712 domain of this chain's oracle.
func (w *Writer) Domain() oracle.Domain { return w.domain }

// Backend is the endpoint (or endpoint pool) the writer reads and sends through.
func (w *Writer) Backend() Backend { return w.backend }

// Transactions is the manager every transaction from the writer's key on its chain
// goes through; another sender of the same key shares it to take turns at the nonce.
func (w *Writer) Transactions() *txmgr.Manager { return w.tx }

// From is the address that pays for submissions.
func (w *Writer) From() common.Address { return w.from }

// TopicStates reads what the oracle holds for each topic with one call.
func (w *Writer) TopicStates(ctx context.Context, topicIDs []uint64) ([]oracle.ChainTopic, error) {
	return w.reader.TopicStates(ctx, topicIDs)
}

// ErrUnexpected means the chain answered something the contract cannot have produced.
var ErrUnexpected = errors.New("unexpected answer")

// EstimateBatchGas asks the chain (eth_estimateGas) what updateBatch with these
// updates and signatures would use if the writer's key sent it now. The relayer uses it
// to keep each transaction under its gas cap. A batch the oracle would reject fails
// with the contract's error.
func (w *Writer) EstimateBatchGas(ctx context.Context, updates []oracle.Update, signatures [][]byte) (uint64, error) {
	calldata, err := alloraoracle.PackUpdateBatch(updates, signatures)
	if err != nil {
		return 0, err
	}
	oracleAddr := w.chain.Oracle
	gas, err := w.backend.EstimateGas(ctx, ethereum.CallMsg{From: w.from, To: &oracleAddr, Data: calldata})
	if err != nil {
		return 0, fmt.Errorf("estimate updateBatch of %d updates: %w", len(updates), w.explain(err))
	}
	return gas, nil
}

// Submit sends updateBatch through the writer's transaction manager and waits until
// its receipt is as deep as the chain's preset asks (replacing the transaction if it
// is stuck, resending it after a reorg). Gas is estimated first, so a batch the
// oracle would reject fails here with the contract's error, costing nothing.
func (w *Writer) Submit(ctx context.Context, updates []oracle.Update, signatures [][]byte) (oracle.SubmitResult, error) {
	calldata, err := alloraoracle.PackUpdateBatch(updates, signatures)
	if err != nil {
		return oracle.SubmitResult{}, err
	}
	sent, err := w.tx.Send(ctx, w.chain.Oracle, calldata, txmgr.WithUpdates(updates))
	if sent == nil {
		return oracle.SubmitResult{}, fmt.Errorf("send updateBatch: %w", w.explain(err))
	}
	receipt := sent.Receipt
	res := oracle.SubmitResult{TxHash: receipt.TxHash, BlockNumber: receipt.BlockNumber.Uint64(), GasUsed: receipt.GasUsed, Fee: receiptFee(receipt)}
	if err != nil {
		return res, fmt.Errorf("updateBatch %s in block %d: %w", receipt.TxHash, res.BlockNumber, w.explain(err))
	}
	for _, l := range receipt.Logs {
		if l.Address != w.chain.Oracle {
			continue
		}
		if ev, err := w.contract.UnpackTopicUpdatedEvent(l); err == nil {
			value, timestamp, height, loss := alloraoracle.DecodeState(ev.State)
			res.Applied = append(res.Applied, oracle.Update{
				TopicID: ev.TopicId, Value: value, BlockHeight: height, LossBlockHeight: loss, Timestamp: timestamp,
			})
			continue
		}
		if ev, err := w.contract.UnpackUpdateSkippedEvent(l); err == nil {
			res.Skipped = append(res.Skipped, oracle.Skip{
				TopicID: ev.TopicId, BlockHeight: ev.BlockHeight, LossBlockHeight: ev.LossBlockHeight,
				StoredBlockHeight: ev.StoredBlockHeight, StoredLossBlockHeight: ev.StoredLossBlockHeight,
				Reason: skipReason(ev.Reason),
			})
		}
	}
	return res, nil
}

// Latest reads latest(topicId), as a protocol reading the oracle would.
func (w *Writer) Latest(ctx context.Context, topicID uint64) (alloraoracle.LatestOutput, error) {
	return w.reader.Latest(ctx, topicID)
}

// SignerSet reads the oracle's registered signers and its threshold.
func (w *Writer) SignerSet(ctx context.Context) ([]common.Address, uint8, error) {
	return w.reader.SignerSet(ctx)
}

func skipReason(r uint8) string {
	switch r {
	case 0:
		return "not newer"
	case 1:
		return "too old"
	case 2:
		return "too far in the future"
	case 3:
		return "proof required"
	case 4:
		return "proof rejected"
	default:
		return fmt.Sprintf("reason %d", r)
	}
}

// explain adds the contract's custom error, when the node returned revert data, to err.
func (w *Writer) explain(err error) error {
	return explainRevert(err, w.contract.GetABI())
}

func chainID(ctx context.Context, backend interface {
	ChainID(ctx context.Context) (*big.Int, error)
}) (uint64, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return 0, err
	}
	if !id.IsUint64() {
		return 0, fmt.Errorf("chain id %s: %w", id, ErrUnexpected)
	}
	return id.Uint64(), nil
}
