package api

import (
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"time"

	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// accuracyMethod says in one sentence how /accuracy counts, so a reader can judge it.
const accuracyMethod = "A round of a market on this topic counts when its AI prediction, lock price and close price " +
	"are recorded; it is a hit when the AI's direction (prediction against lock price) equals the realised " +
	"direction (close price against lock price); rounds where either direction is flat are ties, counted apart " +
	"and left out of the rate; the interval is the Wilson score interval at 95% (z = 1.959963984540054), " +
	"computed in 256-bit floating point and rounded to 4 decimal places."

// z95 is the standard normal quantile at 0.975, for a two-sided 95% interval.
const z95 = "1.959963984540054235524594430520551527955550"

const accuracyPlaces = 4

type accuracyJSON struct {
	TopicID         uint64  `json:"topic_id"`
	ChainID         *uint64 `json:"chain_id,omitempty"`
	Rounds          int     `json:"rounds"`
	Hits            int     `json:"hits"`
	Ties            int     `json:"ties"`
	HitRate         *string `json:"hit_rate"`
	ConfidenceLevel string  `json:"confidence_level"`
	WilsonLower     *string `json:"wilson_lower"`
	WilsonUpper     *string `json:"wilson_upper"`
	Since           *string `json:"since"`
	Until           *string `json:"until"`
	Method          string  `json:"method"`
}

// tally is the count of judged rounds.
type tally struct {
	rounds, hits, ties int
	since, until       time.Time
}

// judge adds one round to the tally when it can be judged.
func (t *tally) judge(r store.Round) {
	if r.AIPrediction == "" || r.LockPrice == "" || r.ClosePrice == "" {
		return
	}
	pred, err1 := decimal.NewFromString(r.AIPrediction)
	lock, err2 := decimal.NewFromString(r.LockPrice)
	closed, err3 := decimal.NewFromString(r.ClosePrice)
	if err1 != nil || err2 != nil || err3 != nil {
		return // the store validates prices; nothing to judge
	}
	ai, real := pred.Cmp(lock), closed.Cmp(lock)
	if at := r.LockTime; !at.IsZero() {
		if t.since.IsZero() || at.Before(t.since) {
			t.since = at
		}
		if at.After(t.until) {
			t.until = at
		}
	}
	if ai == 0 || real == 0 {
		t.ties++
		return
	}
	t.rounds++
	if ai == real {
		t.hits++
	}
}

// wilson returns the Wilson score interval of hits in n trials at the normal quantile
// z, computed in 256-bit binary floating point: far more than the 4 decimal places
// shown need, and free of float64's rounding at large n.
func wilson(hits, n int, z string) (lower, upper decimal.Decimal) {
	const prec = 256
	f := func() *big.Float { return new(big.Float).SetPrec(prec) }
	zf, _, _ := big.ParseFloat(z, 10, prec, big.ToNearestEven)
	nf := f().SetInt64(int64(n))
	p := f().Quo(f().SetInt64(int64(hits)), nf)
	z2 := f().Mul(zf, zf)
	z2n := f().Quo(z2, nf)
	denom := f().Add(f().SetInt64(1), z2n)
	center := f().Add(p, f().Quo(z2n, f().SetInt64(2)))
	center.Quo(center, denom)
	// sqrt(p(1-p)/n + z²/(4n²))
	q := f().Sub(f().SetInt64(1), p)
	v := f().Quo(f().Mul(p, q), nf)
	v.Add(v, f().Quo(z2n, f().Mul(f().SetInt64(4), nf)))
	margin := f().Quo(f().Mul(zf, f().Sqrt(v)), denom)
	toDec := func(x *big.Float) decimal.Decimal {
		d, err := decimal.NewFromString(x.Text('f', 20))
		if err != nil {
			panic("api: format a finite big.Float: " + err.Error())
		}
		return decimal.Max(decimal.Zero, decimal.Min(decimal.New(1, 0), d)).Round(accuracyPlaces)
	}
	return toDec(f().Sub(center, margin)), toDec(f().Add(center, margin))
}

// parseAccuracyChain reads the optional chain filter.
func parseAccuracyChain(q url.Values) (uint64, bool, error) {
	vs, ok := q["chain"]
	if !ok {
		return 0, false, nil
	}
	if len(vs) > 1 {
		return 0, false, badQuery("chain is given %d times; give it once", len(vs))
	}
	id, err := parseUintID("chain id", "chain ids", vs[0])
	if err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// accuracy answers the directional hit rate of a topic's predictions in the rounds of
// the markets built on it.
func (s *Server) accuracy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := topicIDParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	chainID, byChain, err := parseAccuracyChain(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.topic(r, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if byChain {
		if err := s.knownChain(r, chainID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	markets, err := s.st.Markets(ctx)
	if err != nil {
		s.fail(w, r, fmt.Errorf("list markets: %w", err))
		return
	}
	var t tally
	for _, m := range markets {
		if m.TopicID != id || (byChain && m.ChainID != chainID) {
			continue
		}
		rounds, err := s.st.Rounds(ctx, m.ChainID, m.Address, store.DefaultRoundLimit, 0)
		if err != nil {
			s.fail(w, r, fmt.Errorf("market %s rounds: %w", m.Address, err))
			return
		}
		for _, rd := range rounds {
			t.judge(rd)
		}
	}
	out := accuracyJSON{
		TopicID: id, Rounds: t.rounds, Hits: t.hits, Ties: t.ties,
		ConfidenceLevel: "0.95", Method: accuracyMethod,
	}
	if byChain {
		out.ChainID = &chainID
	}
	if t.rounds > 0 {
		rate := decimal.New(int64(t.hits), 0).DivRound(decimal.New(int64(t.rounds), 0), accuracyPlaces)
		lo, hi := wilson(t.hits, t.rounds, z95)
		out.HitRate, out.WilsonLower, out.WilsonUpper = ptr(rate.String()), ptr(lo.String()), ptr(hi.String())
	}
	if !t.since.IsZero() {
		out.Since, out.Until = ptr(formatTime(t.since)), ptr(formatTime(t.until))
	}
	s.reply(w, r, out, cacheShort)
}
