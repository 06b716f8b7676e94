package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

const (
	// DefaultSeriesLimit is how many points a series holds when the client does not say.
	DefaultSeriesLimit = 100
	// MaxSeriesLimit is the most points one series holds.
	MaxSeriesLimit = 1000
	// maxAssetLen bounds an asset ticker.
	maxAssetLen = 16
	// changePercentPlaces is how many decimal places change_percent has.
	changePercentPlaces = 2
)

type predictionJSON struct {
	Asset            string              `json:"asset"`
	Timeframe        string              `json:"timeframe"`
	TopicID          uint64              `json:"topic_id"`
	PredictedPrice   string              `json:"predicted_price"`
	CurrentPrice     *string             `json:"current_price"`
	CurrentPriceAsOf *string             `json:"current_price_as_of"`
	PriceSource      *string             `json:"price_source"`
	Direction        *string             `json:"direction"`
	Change           *string             `json:"change"`
	ChangePercent    *string             `json:"change_percent"`
	ConfidenceBand   *confidenceBandJSON `json:"confidence_band"`
	BlockHeight      uint64              `json:"block_height"`
	PredictedAt      string              `json:"predicted_at"`
	TargetTime       string              `json:"target_time"`
}

type confidenceBandJSON struct {
	Lower           string `json:"lower"`
	Upper           string `json:"upper"`
	LowerPercentile string `json:"lower_percentile"`
	UpperPercentile string `json:"upper_percentile"`
}

type seriesJSON struct {
	Asset     string            `json:"asset"`
	Timeframe string            `json:"timeframe"`
	TopicID   uint64            `json:"topic_id"`
	Points    []seriesPointJSON `json:"points"`
}

type seriesPointJSON struct {
	PredictedAt       string  `json:"predicted_at"`
	TargetTime        string  `json:"target_time"`
	BlockHeight       uint64  `json:"block_height"`
	PredictedPrice    string  `json:"predicted_price"`
	PriceAtPrediction *string `json:"price_at_prediction"`
	RealisedPrice     *string `json:"realised_price"`
}

// parseAsset accepts a ticker of 1 to 16 letters and digits, in any case, and returns
// it in upper case.
func parseAsset(s string) (string, error) {
	bad := func(format string) (string, error) {
		return "", withDetail(fmt.Errorf("parse asset %s: %w", quoteID(s), errBadRequest), format, quoteID(s))
	}
	switch {
	case s == "":
		return "", withDetail(fmt.Errorf("parse asset: empty: %w", errBadRequest), "asset is empty")
	case len(s) > maxAssetLen:
		return bad("asset %s is longer than 16 characters; write a ticker such as ETH")
	case strings.Trim(s, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "":
		return bad("asset %s is not a ticker: letters and digits only, such as ETH")
	}
	return strings.ToUpper(s), nil
}

// parseTimeframe accepts a count from 1 to 99999 and a unit of s, m, h or d, such as
// 5m or 8h, and returns its duration.
func parseTimeframe(s string) (time.Duration, error) {
	bad := func(format string) (time.Duration, error) {
		return 0, withDetail(fmt.Errorf("parse timeframe %s: %w", quoteID(s), errBadRequest), format, quoteID(s))
	}
	if s == "" {
		return 0, withDetail(fmt.Errorf("parse timeframe: empty: %w", errBadRequest), "timeframe is empty")
	}
	count, unit := s[:len(s)-1], s[len(s)-1]
	var per time.Duration
	switch unit {
	case 's':
		per = time.Second
	case 'm':
		per = time.Minute
	case 'h':
		per = time.Hour
	case 'd':
		per = 24 * time.Hour
	default:
		return bad("timeframe %s does not end in a unit: s, m, h or d (lower case), such as 5m or 8h")
	}
	if !isDigits(count) || count[0] == '0' || len(count) > 5 {
		return bad("timeframe %s is not a count from 1 to 99999 and a unit, such as 5m or 8h")
	}
	n, _ := strconv.Atoi(count)
	return time.Duration(n) * per, nil
}

// assetTopic resolves the {asset} and {timeframe} of r to the topic that predicts it.
func (s *Server) assetTopic(r *http.Request) (oracle.AssetTopic, time.Duration, error) {
	rawAsset, err := pathParam(r, "asset", "asset")
	if err != nil {
		return oracle.AssetTopic{}, 0, err
	}
	asset, err := parseAsset(rawAsset)
	if err != nil {
		return oracle.AssetTopic{}, 0, err
	}
	rawTF, err := pathParam(r, "timeframe", "timeframe")
	if err != nil {
		return oracle.AssetTopic{}, 0, err
	}
	horizon, err := parseTimeframe(rawTF)
	if err != nil {
		return oracle.AssetTopic{}, 0, err
	}
	known := make([]string, 0, len(s.assets))
	for _, a := range s.assets {
		if strings.EqualFold(a.Asset, asset) && a.Timeframe == rawTF {
			return a, horizon, nil
		}
		known = append(known, a.Asset+" "+a.Timeframe)
	}
	slices.Sort(known)
	return oracle.AssetTopic{}, 0, withDetail(fmt.Errorf("prediction %s %s: %w", asset, rawTF, store.ErrNotFound),
		"no topic predicts %s over %s on this gateway; it serves %s", asset, rawTF, orNone(known))
}

// realisedTolerance is how far from a time a recorded price may be to count as the
// price then: a tenth of the prediction's horizon, from 10 seconds to 5 minutes.
func realisedTolerance(horizon time.Duration) time.Duration {
	return min(max(horizon/10, 10*time.Second), 5*time.Minute)
}

// prediction answers the frontend view of an asset's latest prediction over a
// timeframe, beside the price now.
func (s *Server) prediction(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	at, horizon, err := s.assetTopic(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.topic(r, at.TopicID); err != nil {
		s.fail(w, r, err)
		return
	}
	inf, err := s.st.LatestInference(ctx, at.TopicID)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, withDetail(err, "topic %d (%s %s) has no inference yet", at.TopicID, at.Asset, at.Timeframe))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	predicted, err := decimal.NewFromString(inf.Value)
	if err != nil {
		s.fail(w, r, withDetail(
			fmt.Errorf("topic %d inference at block %d: %w: %w", at.TopicID, inf.BlockHeight, errBadUpstream, err),
			"the latest inference of topic %d (block %d) is not a number", at.TopicID, inf.BlockHeight))
		return
	}
	out := predictionJSON{
		Asset: at.Asset, Timeframe: at.Timeframe, TopicID: at.TopicID, PredictedPrice: inf.Value,
		ConfidenceBand: confidenceBand(inf.ConfidenceIntervals), BlockHeight: inf.BlockHeight,
		PredictedAt: formatTime(inf.Timestamp), TargetTime: formatTime(inf.Timestamp.Add(horizon)),
	}
	now, err := s.st.LatestPrice(ctx, at.Asset)
	switch {
	case errors.Is(err, store.ErrNotFound):
		// No price recorded yet: the fields that compare with it are null.
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		current, err := decimal.NewFromString(now.Value)
		if err != nil {
			s.fail(w, r, fmt.Errorf("stored price of %s %q: %w", at.Asset, now.Value, err))
			return
		}
		change := predicted.Sub(current)
		out.CurrentPrice = ptr(now.Value)
		out.CurrentPriceAsOf = ptr(formatTime(now.At))
		out.PriceSource = ptr(now.Source)
		out.Direction = ptr(direction(change.Sign()))
		out.Change = ptr(change.String())
		if !current.IsZero() {
			out.ChangePercent = ptr(change.Mul(decimal.New(100, 0)).DivRound(current, changePercentPlaces).StringFixed(changePercentPlaces))
		}
	}
	s.reply(w, r, out, cacheShort)
}

func ptr(s string) *string { return &s }

func direction(sign int) string {
	switch {
	case sign > 0:
		return store.DirectionUp
	case sign < 0:
		return store.DirectionDown
	}
	return store.DirectionFlat
}

// confidenceBand is the widest band the chain's confidence intervals give: the values
// at the lowest and the highest percentile, or nil with fewer than two.
func confidenceBand(cis []oracle.ConfidenceInterval) *confidenceBandJSON {
	type point struct {
		p decimal.Decimal
		oracle.ConfidenceInterval
	}
	var pts []point
	for _, ci := range cis {
		p, err := decimal.NewFromString(ci.Percentile)
		if err != nil {
			continue
		}
		if _, err := decimal.NewFromString(ci.Value); err != nil {
			continue
		}
		pts = append(pts, point{p, ci})
	}
	if len(pts) < 2 {
		return nil
	}
	slices.SortFunc(pts, func(a, b point) int { return a.p.Cmp(b.p) })
	lo, hi := pts[0], pts[len(pts)-1]
	return &confidenceBandJSON{Lower: lo.Value, Upper: hi.Value, LowerPercentile: lo.Percentile, UpperPercentile: hi.Percentile}
}

// parseSeriesLimit reads the series' limit.
func parseSeriesLimit(q url.Values) (int, error) {
	vs, ok := q["limit"]
	if !ok {
		return DefaultSeriesLimit, nil
	}
	if len(vs) > 1 {
		return 0, badQuery("limit is given %d times; give it once", len(vs))
	}
	n, err := strconv.ParseUint(vs[0], 10, 64)
	if err != nil || !isDigits(vs[0]) || (len(vs[0]) > 1 && vs[0][0] == '0') {
		return 0, badQuery("limit %s is not a decimal integer from 1 to %d", quoteID(vs[0]), MaxSeriesLimit)
	}
	if n < 1 || n > MaxSeriesLimit {
		return 0, badQuery("limit %d is out of range; it must be from 1 to %d", n, MaxSeriesLimit)
	}
	return int(n), nil
}

// series answers an asset's past predictions over a timeframe, newest first, each
// beside the price when it was made and the realised price at its target time.
func (s *Server) series(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	at, horizon, err := s.assetTopic(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit, err := parseSeriesLimit(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.topic(r, at.TopicID); err != nil {
		s.fail(w, r, err)
		return
	}
	infs, err := s.st.InferenceHistory(ctx, at.TopicID, limit, 0)
	if err != nil {
		s.fail(w, r, fmt.Errorf("topic %d history: %w", at.TopicID, err))
		return
	}
	out := seriesJSON{Asset: at.Asset, Timeframe: at.Timeframe, TopicID: at.TopicID, Points: make([]seriesPointJSON, 0, len(infs))}
	if len(infs) == 0 {
		s.reply(w, r, out, cacheShort)
		return
	}
	tol := realisedTolerance(horizon)
	from := infs[len(infs)-1].Timestamp.Add(-tol)
	to := infs[0].Timestamp.Add(horizon + tol)
	prices, err := s.st.PricesBetween(ctx, at.Asset, from, to, store.DefaultPriceLimit)
	if err != nil {
		s.fail(w, r, fmt.Errorf("prices of %s: %w", at.Asset, err))
		return
	}
	slices.Reverse(prices) // oldest first, for the search
	now := s.now()
	for _, inf := range infs {
		target := inf.Timestamp.Add(horizon)
		p := seriesPointJSON{
			PredictedAt: formatTime(inf.Timestamp), TargetTime: formatTime(target),
			BlockHeight: inf.BlockHeight, PredictedPrice: inf.Value,
			PriceAtPrediction: nearestPrice(prices, inf.Timestamp, tol),
		}
		if !target.After(now) {
			p.RealisedPrice = nearestPrice(prices, target, tol)
		}
		out.Points = append(out.Points, p)
	}
	s.reply(w, r, out, cacheShort)
}

// nearestPrice returns the value of the price, of prices ordered oldest first, nearest
// to at and no further than tol, or nil when there is none.
func nearestPrice(prices []store.Price, at time.Time, tol time.Duration) *string {
	i, _ := slices.BinarySearchFunc(prices, at, func(p store.Price, t time.Time) int { return p.At.Compare(t) })
	best, bestGap := -1, tol+1
	for _, j := range []int{i - 1, i} {
		if j < 0 || j >= len(prices) {
			continue
		}
		gap := prices[j].At.Sub(at).Abs()
		if gap <= tol && gap < bestGap {
			best, bestGap = j, gap
		}
	}
	if best < 0 {
		return nil
	}
	return ptr(prices[best].Value)
}
