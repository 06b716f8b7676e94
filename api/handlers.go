package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

type healthJSON struct {
	Status  string `json:"status"`
	Version string `json:"version,omitempty"`
}

type topicsJSON struct {
	Topics []topicJSON `json:"topics"`
}

type topicJSON struct {
	TopicID           uint64 `json:"topic_id"`
	Metadata          string `json:"metadata"`
	EpochLength       int64  `json:"epoch_length"`
	GroundTruthLag    int64  `json:"ground_truth_lag"`
	AllowNegative     bool   `json:"allow_negative"`
	LatestBlockHeight uint64 `json:"latest_block_height,omitempty"` // omitted before the first inference
	Asset             string `json:"asset,omitempty"`               // omitted when no asset maps to the topic
	Timeframe         string `json:"timeframe,omitempty"`
}

type inferenceJSON struct {
	TopicID             uint64                   `json:"topic_id"`
	Value               string                   `json:"value"`
	ValueScaled         string                   `json:"value_scaled"`
	Decimals            int                      `json:"decimals"`
	BlockHeight         uint64                   `json:"block_height"`
	LossBlockHeight     uint64                   `json:"loss_block_height"`
	Timestamp           string                   `json:"timestamp"`
	ConfidenceIntervals []confidenceIntervalJSON `json:"confidence_intervals,omitempty"`
}

type confidenceIntervalJSON struct {
	Percentile string `json:"percentile"`
	Value      string `json:"value"`
}

type chainsJSON struct {
	Chains []chainJSON `json:"chains"`
}

type chainJSON struct {
	ChainID uint64 `json:"chain_id"`
	Name    string `json:"name"`
	Oracle  string `json:"oracle"`
	// FinalBlock is the highest block the relayer has seen final on the chain.
	FinalBlock uint64            `json:"final_block"`
	Feeds      []chainFeedJSON   `json:"feeds"`
	Markets    []chainMarketJSON `json:"markets"`
	Topics     []chainTopicJSON  `json:"topics"`
}

// chainFeedJSON is one AlloraFeed of a chain, its address checksummed.
type chainFeedJSON struct {
	TopicID uint64 `json:"topic_id"`
	Address string `json:"address"`
}

// chainMarketJSON is one PredictionMarket of a chain, as /v1/markets names it.
type chainMarketJSON struct {
	MarketID string `json:"market_id"`
	Name     string `json:"name"`
	TopicID  uint64 `json:"topic_id"`
}

type chainTopicJSON struct {
	TopicID         uint64 `json:"topic_id"`
	BlockHeight     uint64 `json:"block_height"`
	LossBlockHeight uint64 `json:"loss_block_height"`
	ValueScaled     string `json:"value_scaled,omitempty"` // omitted when the oracle never held the topic
	LagBlocks       uint64 `json:"lag_blocks"`
	LastPush        string `json:"last_push,omitempty"` // omitted when this gateway never pushed
	TxHash          string `json:"tx_hash,omitempty"`
	PushBlock       uint64 `json:"push_block,omitempty"` // omitted while unknown
	Final           *bool  `json:"final,omitempty"`      // whether the last push is final; omitted while its block is unknown
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	s.reply(w, r, healthJSON{Status: "ok", Version: s.version}, cacheNever)
}

// readyz answers 200 when the store answers and every readiness check passes (see
// WithReadinessCheck), so that a load balancer sends requests only to replicas that
// can serve them.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	if _, err := s.source.Topics(ctx); err != nil {
		s.fail(w, r, withDetail(fmt.Errorf("readiness: %w: %w", errNotReady, err), "the store does not answer"))
		return
	}
	if err := s.checkReadiness(ctx); err != nil {
		s.fail(w, r, err)
		return
	}
	s.reply(w, r, healthJSON{Status: "ok", Version: s.version}, cacheNever)
}

func (s *Server) topics(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	topics, err := s.st.Topics(ctx)
	if err != nil {
		s.fail(w, r, fmt.Errorf("list topics: %w", err))
		return
	}
	out := topicsJSON{Topics: make([]topicJSON, 0, len(topics))}
	for _, t := range topics {
		height, err := s.latestHeight(r, t.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		asset := s.assets[t.ID]
		out.Topics = append(out.Topics, topicJSON{
			TopicID:           t.ID,
			Metadata:          t.Metadata,
			EpochLength:       t.EpochLength,
			GroundTruthLag:    t.GroundTruthLag,
			AllowNegative:     t.AllowNegative,
			LatestBlockHeight: height,
			Asset:             asset.Asset,
			Timeframe:         asset.Timeframe,
		})
	}
	s.reply(w, r, out, cacheShort)
}

func (s *Server) inference(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := topicIDParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The cheap path: the latest inference is the one last answered.
	inf, err := s.st.LatestInference(ctx, id)
	if err == nil {
		if e := s.inferences.get(id); e != nil && e.answers(inf.Inference) {
			writeCacheable(w, r, jsonContentTypeHeader, e.body, e.etag, cacheShortHeader)
			return
		}
	}
	if _, err := s.topic(r, id); err != nil {
		s.fail(w, r, err)
		return
	}
	inf, err = s.st.LatestInference(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, withDetail(err, "topic %d has no inference yet", id))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := json.Marshal(newInferenceJSON(inf.Inference, scaledString(inf.Scaled)))
	if err != nil {
		s.fail(w, r, fmt.Errorf("encode topic %d inference: %w", id, err))
		return
	}
	e := s.inferences.put(inf.Inference, append(body, '\n'))
	writeCacheable(w, r, jsonContentTypeHeader, e.body, e.etag, cacheShortHeader)
}

func (s *Server) chains(w http.ResponseWriter, r *http.Request) {
	chains, err := s.st.Chains(r.Context())
	if err != nil {
		s.fail(w, r, fmt.Errorf("list chains: %w", err))
		return
	}
	markets, err := s.st.Markets(r.Context())
	if err != nil {
		s.fail(w, r, fmt.Errorf("list markets: %w", err))
		return
	}
	// Several chains carry the same topics; read each topic's latest height once.
	latest := make(map[uint64]uint64)
	now := time.Now()
	out := chainsJSON{Chains: make([]chainJSON, 0, len(chains))}
	for _, c := range chains {
		cj := chainJSON{ChainID: c.ID, Name: c.Name, Oracle: c.Oracle.Hex(), FinalBlock: c.FinalBlock, Feeds: make([]chainFeedJSON, 0, len(c.Feeds)),
			Markets: []chainMarketJSON{}, Topics: make([]chainTopicJSON, 0, len(c.Topics))}
		for _, topic := range slices.Sorted(maps.Keys(c.Feeds)) {
			cj.Feeds = append(cj.Feeds, chainFeedJSON{TopicID: topic, Address: c.Feeds[topic].Hex()})
		}
		for _, m := range markets { // ordered by chain id, then address
			if m.ChainID == c.ID {
				cj.Markets = append(cj.Markets, chainMarketJSON{MarketID: m.Address.Hex(), Name: m.Name, TopicID: m.TopicID})
			}
		}
		for _, t := range c.Topics {
			height, ok := latest[t.TopicID]
			if !ok {
				height, err = s.latestHeight(r, t.TopicID)
				if err != nil {
					s.fail(w, r, err)
					return
				}
				latest[t.TopicID] = height
			}
			tj := chainTopicJSON{TopicID: t.TopicID, BlockHeight: t.BlockHeight, LossBlockHeight: t.LossBlockHeight}
			tj.LagBlocks = oracle.TopicLag(height, t, now).Blocks
			if t.Value != nil {
				tj.ValueScaled = t.Value.String()
			}
			if !t.LastPush.IsZero() {
				tj.LastPush = formatTime(t.LastPush)
			}
			if t.TxHash != (common.Hash{}) {
				tj.TxHash = t.TxHash.Hex()
			}
			if final, known := t.Final(c.FinalBlock); known {
				tj.PushBlock, tj.Final = t.PushBlock, &final
			}
			cj.Topics = append(cj.Topics, tj)
		}
		out.Chains = append(out.Chains, cj)
	}
	s.reply(w, r, out, cacheShort)
}

// latestHeight returns the block height of a topic's latest inference, 0 when it has
// none.
func (s *Server) latestHeight(r *http.Request, topicID uint64) (uint64, error) {
	inf, err := s.st.LatestInference(r.Context(), topicID)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return inf.BlockHeight, nil
}

func formatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// reply answers 200 with v as JSON, cacheable as cacheControl says: with an ETag and
// If-None-Match answered 304, unless it is cacheNever.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, v any, cacheControl string) {
	body, err := json.Marshal(v)
	if err != nil {
		s.fail(w, r, fmt.Errorf("encode %T: %w", v, err))
		return
	}
	body = append(body, '\n')
	if cacheControl != cacheNever {
		writeCacheable(w, r, jsonContentTypeHeader, body, []string{strongETag(body)}, []string{cacheControl})
		return
	}
	h := w.Header()
	h.Set("Content-Type", jsonContentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cacheNever)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

const jsonContentType = "application/json"

// Header values shared by every answer that carries them, set without allocating.
// Nothing may modify them.
var (
	jsonContentTypeHeader = []string{jsonContentType}
	noSniffHeader         = []string{"nosniff"}
	cacheShortHeader      = []string{cacheShort}
)
