package allora

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// BlockHeightHeader is the header (REST) and metadata key (gRPC) that asks a Cosmos
// node to answer a query as of a past block height.
const BlockHeightHeader = "x-cosmos-block-height"

// LatestInferenceAt returns the topic's latest network inference as the node answered
// it as of Allora block height: the LatestInference query with the BlockHeightHeader.
// A node revises the value of one inference height when a reputer window closes, so
// this is how a co-signer finds the version a relayer read before the revision. The
// version answered only grows with height. errors.Is(err, oracle.ErrNoInference) at a
// height before the topic's first inference; a node that pruned the height answers
// an error.
func (c *REST) LatestInferenceAt(ctx context.Context, topicID, height uint64) (oracle.Inference, error) {
	path := fmt.Sprintf("/emissions/%s/latest_network_inferences/%d", c.version, topicID)
	body, err := c.getAt(ctx, path, height)
	if err == nil {
		var inf oracle.Inference
		inf, err = decodeLatestInferencesREST(c.version, body, topicID)
		if err == nil {
			inf.Timestamp, err = c.blockTime(ctx, inf.BlockHeight)
			if err == nil {
				return inf, nil
			}
			err = fmt.Errorf("time of block %d: %w", inf.BlockHeight, err)
		}
	}
	return oracle.Inference{}, fmt.Errorf("query topic %d latest inference at block %d: %w", topicID, height, err)
}

// LatestBlockHeight returns the height of the node's latest block (LatestHeight, under
// the name the co-signer's HistorySource uses).
func (c *REST) LatestBlockHeight(ctx context.Context) (uint64, error) { return c.LatestHeight(ctx) }

// getAt is get with the BlockHeightHeader set to height.
func (c *REST) getAt(ctx context.Context, path string, height uint64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := *c.base
	u.Path += path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set(BlockHeightHeader, strconv.FormatUint(height, 10))
	resp, err := c.client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return nil, fmt.Errorf("GET %s at block %d: %w", path, height, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s at block %d: read body: %w", path, height, err)
	}
	if len(body) > maxResponseBytes {
		return nil, fmt.Errorf("GET %s at block %d: HTTP %d: %w: body larger than %d bytes",
			path, height, resp.StatusCode, ErrUnexpectedResponse, maxResponseBytes)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		re := classifyErrorResponse(resp.StatusCode, body, subjectTopic)
		re.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		return nil, fmt.Errorf("GET %s at block %d: %w", path, height, re)
	}
	return body, nil
}

// ErrNoPastQueries means no endpoint of a pool answers queries as of a past block
// height: each is reached over gRPC, which does not carry BlockHeightHeader here yet.
var ErrNoPastQueries = errors.New("no endpoint answers queries as of a past block height (list a REST endpoint)")

// pastQuerier is a Node that answers as of a past block height.
type pastQuerier interface {
	LatestInferenceAt(ctx context.Context, topicID, height uint64) (oracle.Inference, error)
}

// LatestInferenceAt returns the topic's latest network inference as of Allora block
// height, from the best endpoint that answers queries as of a past height (the REST
// ones), so a pool serves a co-signer's HistorySource. ErrNoPastQueries when none can.
func (p *Pool) LatestInferenceAt(ctx context.Context, topicID, height uint64) (oracle.Inference, error) {
	past := false
	inf, err := do(ctx, p, "LatestInferenceAt", func(ctx context.Context, n Node) (oracle.Inference, error) {
		q, ok := n.(pastQuerier)
		if !ok {
			return oracle.Inference{}, errSkip
		}
		past = true
		return q.LatestInferenceAt(ctx, topicID, height)
	})
	if !past {
		return oracle.Inference{}, ErrNoPastQueries
	}
	return inf, err
}

// LatestBlockHeight is LatestHeight, under the name a co-signer's HistorySource uses.
func (p *Pool) LatestBlockHeight(ctx context.Context) (uint64, error) { return p.LatestHeight(ctx) }
