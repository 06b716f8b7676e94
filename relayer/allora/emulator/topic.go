package emulator

import (
	"math/big"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// The chain's Dec carries 34 significant digits; worker submissions are shorter.
const (
	chainDigits  = 34
	workerDigits = 12
	// pathPlaces bounds the digits the price path keeps between epochs.
	pathPlaces = 40
)

// The confidence band the chain reports: the percentiles of ±1σ and ±2σ.
var (
	ciPercentiles = []string{"2.28", "15.87", "50", "84.13", "97.72"}
	ciSigmas      = []int64{-2, -1, 0, 1, 2}
)

var (
	decOne  = decimal.NewFromInt(1)
	decHalf = decimal.New(5, -1)
)

// topicState is one topic's schedule, price path and latest network inference.
type topicState struct {
	cfg        TopicConfig
	seed       int64
	rng        *rand.Rand
	volatility decimal.Decimal // largest move per epoch, as a fraction
	value      decimal.Decimal // where the price path is
	workers    []string        // inferers, which are also the forecasters
	creator    string

	firstNonce     uint64
	epochLastEnded uint64 // latest worker nonce; 0 before the first epoch
	openNonce      uint64 // nonce whose window is open; 0 when none is
	openTime       time.Time
	latest         *published
	history        []*published // the last historyLen inferences, oldest first; latest last
	// answers are the last answersLen answers of the latest-inferences query, oldest
	// first, each with the block it was first answered at: what the query answers as
	// of a past height. A revision is an answer of its own.
	answers []*published
	pruned  bool // answers no longer holds the first one
	gapLeft int  // windows still to close without an inference (FaultGap)
}

// published is a network inference as the chain serves it.
type published struct {
	inference oracle.Inference
	bundle    bundle
	from      uint64 // the block from which the chain answers it
}

// answersLen is how many answers of the latest-inferences query each topic keeps for
// queries as of a past height: an inference and its revision for 32 epochs.
const answersLen = 64

// answer records p as the topic's latest answer from block height on.
func (ts *topicState) answer(p *published, height uint64) {
	p.from = height
	ts.latest = p
	ts.answers = append(ts.answers, p)
	if len(ts.answers) > answersLen {
		ts.answers = ts.answers[1:]
		ts.pruned = true
	}
}

// answerAt is what the latest-inferences query answered as of block height: nil and
// false before the topic's first inference; nil and true for a height older than the
// answers kept (a node that pruned that state).
func (ts *topicState) answerAt(height uint64) (p *published, pruned bool) {
	for i := len(ts.answers) - 1; i >= 0; i-- {
		if ts.answers[i].from <= height {
			return ts.answers[i], false
		}
	}
	return nil, ts.pruned
}

// bundle is the computed content of a latest-inferences answer.
type bundle struct {
	topicID                uint64
	reputerNonce           uint64
	combined, naive        string
	inferers, forecasters  []workerValue
	oneOutInferers         []workerValue
	oneOutForecasters      []workerValue
	oneInForecasters       []workerValue
	infererWeights         []workerValue
	forecasterWeights      []workerValue
	inferenceHeight        uint64
	lossHeight             uint64
	ciPercentiles, ciValue []string
}

type workerValue struct{ worker, value string }

func newTopicState(seed int64, tc TopicConfig, firstNonce uint64) (*topicState, error) {
	value, err := decimal.NewFromString(tc.StartPrice)
	if err != nil {
		return nil, err
	}
	rng := newRand(seed, tc.ID)
	ts := &topicState{
		cfg:        tc,
		seed:       seed,
		rng:        rng,
		volatility: decimal.New(tc.VolatilityBps, -4),
		value:      value,
		creator:    address(seed, tc.ID, 0),
		firstNonce: firstNonce,
	}
	for i := range 2 + rng.IntN(2) {
		ts.workers = append(ts.workers, address(seed, tc.ID, uint64(i)+1))
	}
	return ts, nil
}

func (ts *topicState) topic() oracle.Topic {
	return oracle.Topic{
		ID:                     ts.cfg.ID,
		Metadata:               ts.cfg.Metadata,
		EpochLength:            ts.cfg.EpochLength,
		GroundTruthLag:         ts.cfg.GroundTruthLag,
		WorkerSubmissionWindow: ts.cfg.WorkerSubmissionWindow,
		EpochLastEnded:         int64(ts.epochLastEnded),
		AllowNegative:          ts.cfg.AllowNegative,
	}
}

// endBlock is the topic's part of the chain's EndBlocker at height: revise the latest
// inference if its reputer window closes here (with revise), close the open window if
// it ends here, then open a new epoch if one starts here. It returns the nonce of the
// window that closed with a new inference, 0 if none did, and the reputer nonce (the
// new loss height) of a revision made here, 0 if none was.
func (ts *topicState) endBlock(height uint64, t time.Time, revise bool) (closedNonce, revisedLoss uint64) {
	if revise {
		revisedLoss = ts.revise(height)
	}
	if ts.openNonce != 0 && height == ts.openNonce+uint64(ts.cfg.WorkerSubmissionWindow) && ts.gapLeft > 0 {
		// No worker submitted in this window: the chain keeps the last inference.
		ts.gapLeft--
		ts.openNonce = 0
	}
	if ts.openNonce != 0 && height == ts.openNonce+uint64(ts.cfg.WorkerSubmissionWindow) {
		closedNonce = ts.openNonce
		b := ts.computeBundle(ts.openNonce, height)
		ts.answer(&published{
			inference: oracle.Inference{
				TopicID:             ts.cfg.ID,
				BlockHeight:         ts.openNonce,
				LossBlockHeight:     b.lossHeight,
				Value:               b.combined,
				Timestamp:           ts.openTime,
				ConfidenceIntervals: confidenceIntervals(b),
			},
			bundle: b,
		}, height)
		ts.history = append(ts.history, ts.latest)
		if len(ts.history) > historyLen {
			ts.history = ts.history[1:]
		}
		ts.openNonce = 0
	}
	if height >= ts.firstNonce && (height-ts.firstNonce)%uint64(ts.cfg.EpochLength) == 0 {
		ts.step()
		ts.epochLastEnded = height
		ts.openNonce = height
		ts.openTime = t
	}
	return closedNonce, revisedLoss
}

// revise answers the latest inference height anew when the reputer window after it
// closes, at its nonce + EpochLength: a newer loss height and new weights, so a
// different combined value, for the same inference_block_height. It returns the new
// loss height, 0 when nothing was revised.
func (ts *topicState) revise(height uint64) uint64 {
	l := ts.latest
	if l == nil || ts.cfg.WorkerSubmissionWindow >= ts.cfg.EpochLength {
		return 0
	}
	nonce := l.inference.BlockHeight
	if height != nonce+uint64(ts.cfg.EpochLength) {
		return 0
	}
	loss := ts.lossHeight(nonce + uint64(ts.cfg.EpochLength))
	if loss <= l.bundle.lossHeight {
		return 0 // no reputer window has closed with losses yet
	}
	b := ts.computeBundle(nonce, height)
	b.lossHeight = loss
	if b.combined == l.bundle.combined {
		return 0
	}
	revised := &published{
		inference: oracle.Inference{
			TopicID:             ts.cfg.ID,
			BlockHeight:         nonce,
			LossBlockHeight:     loss,
			Value:               b.combined,
			Timestamp:           l.inference.Timestamp,
			ConfidenceIntervals: confidenceIntervals(b),
		},
		bundle: b,
	}
	ts.answer(revised, height)
	// A revision replaces its inference in the history: FaultBackwards steps back by
	// inference heights, not by answers.
	if n := len(ts.history); n > 0 && ts.history[n-1] == l {
		ts.history[n-1] = revised
	}
	return loss
}

func confidenceIntervals(b bundle) []oracle.ConfidenceInterval {
	out := make([]oracle.ConfidenceInterval, len(b.ciPercentiles))
	for i := range out {
		out[i] = oracle.ConfidenceInterval{Percentile: b.ciPercentiles[i], Value: b.ciValue[i]}
	}
	return out
}

// step moves the price path one epoch: a multiplicative random walk for prices, a
// mean-reverting walk around zero for topics that allow negative values.
func (ts *topicState) step() {
	move := ts.uniform().Mul(ts.volatility)
	if ts.cfg.AllowNegative {
		ts.value = ts.value.Mul(decHalf).Add(move).Round(pathPlaces)
		return
	}
	ts.value = ts.value.Mul(decOne.Add(move)).Round(pathPlaces)
}

// uniform returns a decimal spread evenly over [-1, 1] in steps of 1e-12.
func (ts *topicState) uniform() decimal.Decimal {
	const half = 1_000_000_000_000
	return decimal.New(ts.rng.Int64N(2*half+1)-half, -12)
}

// weight returns a regret-informed weight in (0, 1.5] with 34 random digits, like the
// chain's weights.
func (ts *topicState) weight() decimal.Decimal {
	const e17 = 100_000_000_000_000_000
	hi, lo := ts.rng.Int64N(e17), ts.rng.Int64N(e17)
	n := new(big.Int).Mul(big.NewInt(hi), big.NewInt(e17))
	n.Add(n, big.NewInt(lo+1))
	return decimal.NewFromBigInt(n, -34).Mul(decimal.New(15, -1))
}

// computeBundle makes the network inference of the window of nonce closing at
// closeHeight: worker inferences and forecast-implied inferences scattered around the
// path's value, regret-informed weights, and the weighted means the chain reports.
func (ts *topicState) computeBundle(nonce, closeHeight uint64) bundle {
	spread := ts.volatility
	if !ts.cfg.AllowNegative {
		spread = ts.value.Abs().Mul(ts.volatility)
	}
	n := len(ts.workers)
	infVals := make([]decimal.Decimal, n)
	fcVals := make([]decimal.Decimal, n)
	infW := make([]decimal.Decimal, n)
	fcW := make([]decimal.Decimal, n)
	b := bundle{
		topicID:         ts.cfg.ID,
		reputerNonce:    closeHeight,
		inferenceHeight: nonce,
		lossHeight:      ts.lossHeight(nonce),
		ciPercentiles:   append([]string(nil), ciPercentiles...),
	}
	// Each value goes through its string form, so the means below are of exactly the
	// numbers served.
	for i, w := range ts.workers {
		infVals[i] = roundTrip(ts.value.Add(ts.uniform().Mul(spread)), workerDigits)
		fcVals[i] = roundTrip(ts.value.Add(ts.uniform().Mul(spread)), workerDigits)
		infW[i] = roundTrip(ts.weight(), chainDigits)
		fcW[i] = roundTrip(ts.weight(), chainDigits)
		b.inferers = append(b.inferers, workerValue{w, formatSig(infVals[i], workerDigits)})
		b.forecasters = append(b.forecasters, workerValue{w, formatSig(fcVals[i], workerDigits)})
		b.infererWeights = append(b.infererWeights, workerValue{w, formatSig(infW[i], chainDigits)})
		b.forecasterWeights = append(b.forecasterWeights, workerValue{w, formatSig(fcW[i], chainDigits)})
	}
	values := append(append([]decimal.Decimal(nil), infVals...), fcVals...)
	weights := append(append([]decimal.Decimal(nil), infW...), fcW...)
	combined := weightedMean(values, weights, -1)
	b.combined = formatSig(combined, chainDigits)
	b.naive = formatSig(weightedMean(infVals, infW, -1), chainDigits)
	for i, w := range ts.workers {
		b.oneOutInferers = append(b.oneOutInferers, workerValue{w, formatSig(weightedMean(values, weights, i), chainDigits)})
		b.oneOutForecasters = append(b.oneOutForecasters, workerValue{w, formatSig(weightedMean(values, weights, n+i), chainDigits)})
		oneIn := weightedMean(append(append([]decimal.Decimal(nil), infVals...), fcVals[i]),
			append(append([]decimal.Decimal(nil), infW...), fcW[i]), -1)
		b.oneInForecasters = append(b.oneInForecasters, workerValue{w, formatSig(oneIn, chainDigits)})
	}
	sigma := spread.Mul(decHalf)
	for _, z := range ciSigmas {
		b.ciValue = append(b.ciValue, formatSig(combined.Add(sigma.Mul(decimal.NewFromInt(z))), chainDigits))
	}
	return b
}

// lossHeight is the latest nonce whose ground truth, and so whose loss, is known when
// the window of nonce closes; 0 when none is yet.
func (ts *topicState) lossHeight(nonce uint64) uint64 {
	lag := uint64(ts.cfg.EpochLength + ts.cfg.GroundTruthLag)
	if nonce < ts.firstNonce+lag {
		return 0
	}
	epochs := (nonce - lag - ts.firstNonce) / uint64(ts.cfg.EpochLength)
	return ts.firstNonce + epochs*uint64(ts.cfg.EpochLength)
}

// weightedMean is Σ wᵢvᵢ / Σ wᵢ, leaving out index skip (-1 for none).
func weightedMean(values, weights []decimal.Decimal, skip int) decimal.Decimal {
	var sum, total decimal.Decimal
	for i := range values {
		if i == skip {
			continue
		}
		sum = sum.Add(values[i].Mul(weights[i]))
		total = total.Add(weights[i])
	}
	if total.IsZero() {
		return decimal.Zero
	}
	return sum.DivRound(total, pathPlaces)
}

// formatSig writes d with sig significant digits, zero-padded as the chain's Dec
// writes them: 3012.000000000000000000000000000000 has 34.
func formatSig(d decimal.Decimal, sig int32) string {
	if d.IsZero() {
		return "0"
	}
	coef := d.Coefficient()
	top := int32(len(coef.Abs(coef).String())) + d.Exponent() - 1 // exponent of the first significant digit
	places := sig - 1 - top
	if places < 0 {
		places = 0
	}
	return d.StringFixed(places)
}

func roundTrip(d decimal.Decimal, sig int32) decimal.Decimal {
	return decimal.RequireFromString(formatSig(d, sig))
}
