package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

const (
	// DefaultHistoryLimit is how many inferences a history page holds when the client
	// does not say.
	DefaultHistoryLimit = 50
	// MaxHistoryLimit is the most inferences one history page holds.
	MaxHistoryLimit = 500
)

type historyJSON struct {
	TopicID    uint64          `json:"topic_id"`
	Inferences []inferenceJSON `json:"inferences"`
	NextCursor string          `json:"next_cursor,omitempty"` // omitted on the last page
}

// historyQuery is a parsed history request: how many inferences, and below which
// block height (0 for the newest).
type historyQuery struct {
	limit  int
	before uint64
}

// parseHistoryQuery reads limit and cursor from a history request's query. The cursor
// is the block height of the last inference of the previous page, in canonical
// decimal: clients should treat it as opaque and pass back what next_cursor said.
// Other parameters are ignored, like everywhere else in the API.
func parseHistoryQuery(q url.Values) (historyQuery, error) {
	out := historyQuery{limit: DefaultHistoryLimit}
	if vs, ok := q["limit"]; ok {
		if len(vs) > 1 {
			return out, badQuery("limit is given %d times; give it once", len(vs))
		}
		n, err := strconv.ParseUint(vs[0], 10, 64)
		if err != nil || !isDigits(vs[0]) || (len(vs[0]) > 1 && vs[0][0] == '0') {
			return out, badQuery("limit %s is not a decimal integer from 1 to %d", quoteID(vs[0]), MaxHistoryLimit)
		}
		if n < 1 || n > MaxHistoryLimit {
			return out, badQuery("limit %d is out of range; it must be from 1 to %d", n, MaxHistoryLimit)
		}
		out.limit = int(n)
	}
	if vs, ok := q["cursor"]; ok {
		if len(vs) > 1 {
			return out, badQuery("cursor is given %d times; give it once", len(vs))
		}
		h, err := strconv.ParseUint(vs[0], 10, 64)
		if err != nil || !isDigits(vs[0]) || vs[0][0] == '0' {
			return out, badQuery("cursor %s is not one this API handed out; pass back a next_cursor unchanged", quoteID(vs[0]))
		}
		out.before = h
	}
	return out, nil
}

func badQuery(format string, args ...any) error {
	detail := fmt.Sprintf(format, args...)
	return withDetail(fmt.Errorf("parse query: %w: %s", errBadRequest, detail), "%s", detail)
}

// history answers a page of a topic's past inferences, newest first.
func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := topicIDParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q, err := parseHistoryQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.topic(r, id); err != nil {
		s.fail(w, r, err)
		return
	}
	// One more than asked, to know whether there is a next page.
	infs, err := s.st.InferenceHistory(ctx, id, q.limit+1, q.before)
	if err != nil {
		s.fail(w, r, fmt.Errorf("topic %d history: %w", id, err))
		return
	}
	out := historyJSON{TopicID: id, Inferences: make([]inferenceJSON, 0, min(len(infs), q.limit))}
	for i, inf := range infs {
		if i == q.limit {
			out.NextCursor = strconv.FormatUint(infs[i-1].BlockHeight, 10)
			break
		}
		out.Inferences = append(out.Inferences, newInferenceJSON(inf.Inference, scaledString(inf.Scaled)))
	}
	s.reply(w, r, out, cacheShort)
}

// topic returns a known topic's metadata, or a not-found error naming it.
func (s *Server) topic(r *http.Request, id uint64) (oracle.Topic, error) {
	topics, err := s.st.Topics(r.Context())
	if err != nil {
		return oracle.Topic{}, fmt.Errorf("list topics: %w", err)
	}
	for _, t := range topics {
		if t.ID == id {
			return t, nil
		}
	}
	return oracle.Topic{}, withDetail(fmt.Errorf("topic %d: %w", id, store.ErrNotFound), "topic %d is not known", id)
}

func newInferenceJSON(inf oracle.Inference, scaled string) inferenceJSON {
	out := inferenceJSON{
		TopicID:         inf.TopicID,
		Value:           inf.Value,
		ValueScaled:     scaled,
		Decimals:        oracle.Decimals,
		BlockHeight:     inf.BlockHeight,
		LossBlockHeight: inf.LossBlockHeight,
		Timestamp:       formatTime(inf.Timestamp),
	}
	for _, ci := range inf.ConfidenceIntervals {
		out.ConfidenceIntervals = append(out.ConfidenceIntervals, confidenceIntervalJSON(ci))
	}
	return out
}
