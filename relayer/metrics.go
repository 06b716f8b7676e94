package relayer

import (
	"context"
	"errors"
	"math/big"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// Error kinds the relayer counts in allora_gateway_relayer_errors_total: a small fixed
// set, so an alert can name what to look at.
const (
	// ErrorKindRPC is a chain endpoint that failed or timed out, or refused a call.
	ErrorKindRPC = "rpc"
	// ErrorKindReverted is a batch mined and reverted: gas paid for nothing.
	ErrorKindReverted = "reverted"
	// ErrorKindFenced is a journal write refused because another replica holds the
	// chain's lease now; this replica stopped submitting for the chain.
	ErrorKindFenced = "fenced"
	// ErrorKindInsufficientFunds is a wallet that cannot pay for a batch.
	ErrorKindInsufficientFunds = "insufficient_funds"
	// ErrorKindFeeCap is a batch that would cost more than the configured fee cap.
	ErrorKindFeeCap = "fee_cap"
	// ErrorKindSigning is a batch the oracle signers could not sign: too few of the
	// local signers and co-signers signed to reach the oracle's threshold (a co-signer
	// down or refusing), or a signature the oracle would refuse.
	ErrorKindSigning = "signing"
	// ErrorKindNonce is a transaction whose nonce another transaction of the key took.
	ErrorKindNonce = "nonce"
	// ErrorKindStore is the shared store failing under the relayer.
	ErrorKindStore = "store"
)

// errorKinds lists every kind, so each chain's counters exist (at zero) from the
// start and a rate() over them sees the first error.
var errorKinds = []string{
	ErrorKindRPC, ErrorKindReverted, ErrorKindFenced, ErrorKindInsufficientFunds,
	ErrorKindFeeCap, ErrorKindSigning, ErrorKindNonce, ErrorKindStore,
}

// ErrorKind classifies an error of a chain's push loop into one of the ErrorKind*
// kinds. What it cannot place is an endpoint's failure: everything else the loop does
// is an RPC.
func ErrorKind(err error) string {
	switch {
	case errors.Is(err, store.ErrFenced), errors.Is(err, lease.ErrNotLeader):
		return ErrorKindFenced
	case errors.Is(err, oracle.ErrInsufficientFunds):
		return ErrorKindInsufficientFunds
	case errors.Is(err, oracle.ErrTxReverted):
		return ErrorKindReverted
	case errors.Is(err, oracle.ErrFeeCapReached):
		return ErrorKindFeeCap
	case errors.Is(err, oracle.ErrTxGone):
		return ErrorKindNonce
	case errors.Is(err, oracle.ErrThresholdNotReached), errors.Is(err, oracle.ErrInvalidThreshold),
		errors.Is(err, oracle.ErrNoSigners), errors.Is(err, oracle.ErrDuplicateSigner),
		errors.Is(err, oracle.ErrSignerMismatch), errors.Is(err, oracle.ErrInvalidSignature),
		errors.Is(err, oracle.ErrSignatureLength), errors.Is(err, oracle.ErrSignatureV),
		errors.Is(err, oracle.ErrSignatureHighS):
		return ErrorKindSigning
	case errors.Is(err, store.ErrInvalid), errors.Is(err, errStore):
		return ErrorKindStore
	default:
		return ErrorKindRPC
	}
}

// errStore marks errors of the store in what the relayer's own loops report.
var errStore = errors.New("store")

// Metrics are the relayer's Prometheus metrics. Counters and gauges are updated as
// things happen; the lag of every topic on every chain is read from the store when
// Prometheus scrapes, so it is what the API shows too.
type Metrics struct {
	batches      *prometheus.CounterVec
	applied      *prometheus.CounterVec
	skipped      *prometheus.CounterVec
	gasUsed      *prometheus.CounterVec
	fees         *weiCounter
	balance      *prometheus.GaugeVec
	minBalance   *prometheus.GaugeVec
	txEvents     *prometheus.CounterVec
	replacements *prometheus.CounterVec
	errors       *prometheus.CounterVec
	leaseHolder  *prometheus.GaugeVec
	head         *prometheus.GaugeVec
	headAdvanced *prometheus.GaugeVec
	final        *prometheus.GaugeVec
}

// NewMetrics registers the relayer's metrics on reg. st is read at every scrape for
// the lag of each topic on each chain.
func NewMetrics(reg prometheus.Registerer, st LagReader) (*Metrics, error) {
	chain := []string{"chain"}
	m := &Metrics{
		batches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_relayer_batches_total",
			Help: "Batches of updates mined on a chain (each one transaction).",
		}, chain),
		applied: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_relayer_updates_applied_total",
			Help: "Topic updates a chain's oracle stored.",
		}, chain),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_relayer_updates_skipped_total",
			Help: "Topic updates a chain's oracle skipped rather than stored, by the oracle's reason (\"not newer\": another submitter was first).",
		}, []string{"chain", "reason"}),
		gasUsed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_chain_gas_used_total",
			Help: "Gas used by the relayer's mined batches.",
		}, chain),
		fees: newWeiCounter(prometheus.NewDesc("allora_gateway_chain_fees_paid_wei_total",
			"Fees paid for the relayer's mined batches, in wei: each receipt's effective gas price times its gas used (counted exactly, shown as a float).",
			chain, nil)),
		balance: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_chain_wallet_balance_wei",
			Help: "What the submitting wallet holds on a chain, in wei, as last read.",
		}, []string{"chain", "address"}),
		minBalance: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_chain_wallet_min_balance_wei",
			Help: "The submitting wallet's configured minimum balance on a chain (chains[].min_balance), in wei: an alert fires while allora_gateway_chain_wallet_balance_wei is below it.",
		}, []string{"chain", "address"}),
		txEvents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_chain_transaction_events_total",
			Help: "What the transaction manager did on a chain: sent, replaced, rebroadcast, mined, reorged, confirmed, nonce resync, and the alerts low balance, insufficient funds, fee cap reached.",
		}, []string{"chain", "event"}),
		replacements: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_chain_replacements_total",
			Help: "Stuck transactions replaced at the same nonce with higher fees.",
		}, chain),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "allora_gateway_relayer_errors_total",
			Help: "Failed pushes by kind: rpc, reverted, fenced, insufficient_funds, fee_cap, signing, nonce, store. Allora's errors are in allora_gateway_allora_errors_total.",
		}, []string{"chain", "kind"}),
		leaseHolder: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_relayer_lease_holder",
			Help: "1 while this replica (owner) holds a chain's lease and submits for it, 0 otherwise.",
		}, []string{"chain", "owner"}),
		head: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_chain_head_block",
			Help: "A chain's latest block number, as last read.",
		}, chain),
		headAdvanced: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_chain_head_advanced_timestamp_seconds",
			Help: "Unix time at which a chain's head was last seen to advance; time() minus it is how long the chain has stood still.",
		}, chain),
		final: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "allora_gateway_chain_final_block",
			Help: "A chain's final block, as last read: the block its finalized or safe tag names, or head minus confirmations (chains[].finality).",
		}, chain),
	}
	cs := []prometheus.Collector{
		m.batches, m.applied, m.skipped, m.gasUsed, m.fees, m.balance, m.minBalance, m.txEvents, m.replacements,
		m.errors, m.leaseHolder, m.head, m.headAdvanced, m.final, &lagCollector{st: st},
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// LagReader is what the lag and pending transaction metrics read at scrape time;
// every Store is one.
type LagReader interface {
	Chains(ctx context.Context) ([]oracle.ChainStatus, error)
	LatestInference(ctx context.Context, topicID uint64) (oracle.ScaledInference, error)
	JournalPending(ctx context.Context, chainID uint64) ([]store.JournalEntry, error)
}

// addChain creates a chain's series at zero, so the first event is a visible change.
func (m *Metrics) addChain(name string) {
	if m == nil {
		return
	}
	m.batches.WithLabelValues(name)
	m.applied.WithLabelValues(name)
	m.gasUsed.WithLabelValues(name)
	m.replacements.WithLabelValues(name)
	m.fees.add(name, nil)
	for _, k := range errorKinds {
		m.errors.WithLabelValues(name, k)
	}
}

// push counts a mined batch.
func (m *Metrics) push(chain string, res SubmitResult) {
	if m == nil {
		return
	}
	m.batches.WithLabelValues(chain).Inc()
	m.applied.WithLabelValues(chain).Add(float64(len(res.Applied)))
	for _, s := range res.Skipped {
		m.skipped.WithLabelValues(chain, s.Reason).Inc()
	}
	m.gasUsed.WithLabelValues(chain).Add(float64(res.GasUsed))
	m.fees.add(chain, res.Fee)
}

// pushError counts a failed push and returns its kind.
func (m *Metrics) pushError(chain string, err error) string {
	kind := ErrorKind(err)
	if m != nil {
		m.errors.WithLabelValues(chain, kind).Inc()
	}
	return kind
}

// TxEvent counts what a chain's transaction manager did: kind is the event's name
// (txmgr.EventKind's String), replacement whether it was a higher-priced transaction
// at the same nonce. The caller adapts the manager's events, bound to the chain's name.
func (m *Metrics) TxEvent(chain, kind string, replacement bool) {
	if m == nil {
		return
	}
	m.txEvents.WithLabelValues(chain, kind).Inc()
	if replacement {
		m.replacements.WithLabelValues(chain).Inc()
	}
}

// leading records whether owner holds chain's lease.
func (m *Metrics) leading(chain, owner string, leader bool) {
	if m == nil {
		return
	}
	v := 0.0
	if leader {
		v = 1
	}
	m.leaseHolder.WithLabelValues(chain, owner).Set(v)
}

// observeHead records a chain's head and, when it moved, when.
func (m *Metrics) observeHead(chain string, number uint64, advancedAt time.Time) {
	if m == nil {
		return
	}
	m.head.WithLabelValues(chain).Set(float64(number))
	m.headAdvanced.WithLabelValues(chain).Set(float64(advancedAt.UnixMilli()) / 1e3)
}

// observeFinal records a chain's final block.
func (m *Metrics) observeFinal(chain string, number uint64) {
	if m == nil {
		return
	}
	m.final.WithLabelValues(chain).Set(float64(number))
}

// observeBalance records a chain's wallet balance.
func (m *Metrics) observeBalance(chain, address string, wei *big.Int) {
	if m == nil || wei == nil {
		return
	}
	m.balance.WithLabelValues(chain, address).Set(weiFloat(wei))
}

// observeMinBalance records a chain's wallet's minimum balance.
func (m *Metrics) observeMinBalance(chain, address string, wei *big.Int) {
	if m == nil || wei == nil {
		return
	}
	m.minBalance.WithLabelValues(chain, address).Set(weiFloat(wei))
}

// weiFloat converts an amount for exposition only: Prometheus carries floats.
func weiFloat(wei *big.Int) float64 {
	f, _ := new(big.Float).SetInt(wei).Float64()
	return f
}

// weiCounter is a counter of wei per chain kept exactly in big.Ints; only the
// exposition converts to a float.
type weiCounter struct {
	desc *prometheus.Desc
	mu   sync.Mutex
	sum  map[string]*big.Int
}

func newWeiCounter(desc *prometheus.Desc) *weiCounter {
	return &weiCounter{desc: desc, sum: make(map[string]*big.Int)}
}

func (c *weiCounter) add(chain string, wei *big.Int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.sum[chain]
	if !ok {
		s = new(big.Int)
		c.sum[chain] = s
	}
	if wei != nil && wei.Sign() > 0 {
		s.Add(s, wei)
	}
}

func (c *weiCounter) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *weiCounter) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for chain, s := range c.sum {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.CounterValue, weiFloat(s), chain)
	}
}

// lagTimeout bounds the store reads of one scrape.
const lagTimeout = 3 * time.Second

// lagCollector reads, at each scrape, how far each chain's oracle is behind Allora
// for each topic, from the store the relayer keeps current.
type lagCollector struct {
	st LagReader
}

var (
	lagBlocksDesc = prometheus.NewDesc("allora_gateway_chain_lag_blocks",
		"Allora block height of a topic's latest inference minus the one a chain's oracle holds.",
		[]string{"chain", "chain_id", "topic"}, nil)
	lagSecondsDesc = prometheus.NewDesc("allora_gateway_chain_lag_seconds",
		"Seconds since the time of the inference a chain's oracle holds for a topic (absent while it holds none).",
		[]string{"chain", "chain_id", "topic"}, nil)
	finalLagDesc = prometheus.NewDesc("allora_gateway_chain_final_lag_blocks",
		"Chain blocks between a chain's final block and the block of the gateway's last push of a topic: 0 once the push is final (absent while its block is unknown).",
		[]string{"chain", "chain_id", "topic"}, nil)
	pendingDesc = prometheus.NewDesc("allora_gateway_chain_pending_transactions",
		"Transactions sent on a chain and not yet seen through (the journal's entries): more than one, or one that stays, is a stuck nonce.",
		[]string{"chain", "chain_id"}, nil)
	lagUpDesc = prometheus.NewDesc("allora_gateway_relayer_lag_scrape_ok",
		"1 when the store answered the lag metrics' reads at this scrape, 0 when it did not (the lag series are then missing).",
		nil, nil)
)

func (c *lagCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- lagBlocksDesc
	ch <- lagSecondsDesc
	ch <- finalLagDesc
	ch <- pendingDesc
	ch <- lagUpDesc
}

func (c *lagCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), lagTimeout)
	defer cancel()
	chains, err := c.st.Chains(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(lagUpDesc, prometheus.GaugeValue, 0)
		return
	}
	now := time.Now()
	latest := map[uint64]uint64{}
	ok := 1.0
	for _, cs := range chains {
		if entries, err := c.st.JournalPending(ctx, cs.ID); err == nil {
			ch <- prometheus.MustNewConstMetric(pendingDesc, prometheus.GaugeValue, float64(len(entries)),
				cs.Name, strconv.FormatUint(cs.ID, 10))
		} else {
			ok = 0
		}
		for _, t := range cs.Topics {
			height, seen := latest[t.TopicID]
			if !seen {
				inf, err := c.st.LatestInference(ctx, t.TopicID)
				switch {
				case err == nil:
					height = inf.BlockHeight
				case !errors.Is(err, store.ErrNotFound):
					ok = 0
					continue
				}
				latest[t.TopicID] = height
			}
			labels := []string{cs.Name, strconv.FormatUint(cs.ID, 10), strconv.FormatUint(t.TopicID, 10)}
			lag := oracle.TopicLag(height, t, now)
			ch <- prometheus.MustNewConstMetric(lagBlocksDesc, prometheus.GaugeValue, float64(lag.Blocks), labels...)
			if lag.Held {
				ch <- prometheus.MustNewConstMetric(lagSecondsDesc, prometheus.GaugeValue, lag.Age.Seconds(), labels...)
			}
			if t.PushBlock != 0 {
				ch <- prometheus.MustNewConstMetric(finalLagDesc, prometheus.GaugeValue, float64(t.FinalLag(cs.FinalBlock)), labels...)
			}
		}
	}
	ch <- prometheus.MustNewConstMetric(lagUpDesc, prometheus.GaugeValue, ok)
}
