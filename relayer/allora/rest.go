// Package allora is the gateway's source of Allora Network inferences: clients of the
// REST API (gRPC-gateway, port 1317) and the gRPC API (port 9090) every Allora node
// serves, which read both into the types generated for each emissions version
// (emissionspb), and a decoder for the chain's window-close block events.
package allora

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"google.golang.org/grpc"

	"github.com/allora-gateway/allora-gateway/oracle"
)

const (
	// DefaultEmissionsVersion is the emissions API version queried unless
	// WithEmissionsVersion says otherwise.
	DefaultEmissionsVersion = "v5"
	// DefaultTimeout bounds each HTTP request unless WithTimeout says otherwise.
	DefaultTimeout = 5 * time.Second
	// DefaultBlockTimeCacheSize is how many block times a REST client remembers.
	DefaultBlockTimeCacheSize = 1024

	// maxResponseBytes caps what is read of any answer: a latest-inferences answer of a
	// topic with a few hundred workers is well under 1 MiB.
	maxResponseBytes = 4 << 20
)

// REST queries an Allora node through its REST API. It is safe for concurrent use.
type REST struct {
	base       *url.URL
	client     *http.Client
	version    string
	timeout    time.Duration
	blockTimes *blockTimeCache
	// rawURL and opts are what the client was made from, for probing the node's
	// versions when it answers 501 (ExplainNotImplemented).
	rawURL string
	opts   []Option
}

type options struct {
	client         *http.Client
	version        string
	timeout        time.Duration
	blockCacheSize int
	tlsConfig      *tls.Config
	dialOptions    []grpc.DialOption
}

func defaultOptions() options {
	return options{
		client:         http.DefaultClient,
		version:        DefaultEmissionsVersion,
		timeout:        DefaultTimeout,
		blockCacheSize: DefaultBlockTimeCacheSize,
	}
}

// validate reports every problem of the options both clients share.
func (o *options) validate() []error {
	var problems []error
	if !validVersion(o.version) {
		problems = append(problems, fmt.Errorf("emissions API version %q: want one of %v", o.version, EmissionsVersions))
	}
	if o.timeout <= 0 {
		problems = append(problems, fmt.Errorf("timeout %v: must be positive", o.timeout))
	}
	if o.blockCacheSize <= 0 {
		problems = append(problems, fmt.Errorf("block time cache size %d: must be positive", o.blockCacheSize))
	}
	return problems
}

// Option configures a REST or gRPC client. Options that concern only one transport
// say so and are ignored by the other.
type Option func(*options)

// WithHTTPClient sets the REST client's HTTP client (transport, proxy, TLS). Its own
// Timeout, if any, applies on top of the per-request timeout.
func WithHTTPClient(c *http.Client) Option { return func(o *options) { o.client = c } }

// WithEmissionsVersion sets the emissions API version queried, one of
// EmissionsVersions: the version the node's chain serves (v5 on chain v0.6, v9 on
// mainnet v0.16, v10 on testnet v0.17). Detect finds it.
func WithEmissionsVersion(v string) Option { return func(o *options) { o.version = v } }

// WithTimeout sets the deadline of each request (default 5s).
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithBlockTimeCacheSize sets how many block times the client remembers (default 1024).
func WithBlockTimeCacheSize(n int) Option { return func(o *options) { o.blockCacheSize = n } }

// WithTLSConfig sets the TLS configuration of a gRPC client whose target asks for TLS
// (default: the system's roots, TLS 1.2 or newer).
func WithTLSConfig(c *tls.Config) Option { return func(o *options) { o.tlsConfig = c } }

// WithGRPCDialOptions adds options to the gRPC client's connection (keepalive,
// interceptors, a custom dialer).
func WithGRPCDialOptions(d ...grpc.DialOption) Option {
	return func(o *options) { o.dialOptions = append(o.dialOptions, d...) }
}

// NewREST returns a client of the node whose REST API is at baseURL, such as
// "http://127.0.0.1:1317" or "https://allora-api.testnet.allora.network". A path or
// query in baseURL (a provider's key) is kept on every request and never printed.
func NewREST(baseURL string, opts ...Option) (*REST, error) {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	var problems []error
	base, err := url.Parse(baseURL)
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err // the url.Error text repeats the URL, which may hold a key
	}
	switch {
	case err != nil:
		problems = append(problems, fmt.Errorf("base URL: %w", err))
	case base.Scheme != "http" && base.Scheme != "https":
		problems = append(problems, errors.New("base URL: scheme must be http or https"))
	case base.Host == "":
		problems = append(problems, errors.New("base URL: no host"))
	case base.Fragment != "":
		problems = append(problems, errors.New("base URL: fragment not allowed"))
	}
	if o.client == nil {
		problems = append(problems, errors.New("HTTP client is nil"))
	}
	problems = append(problems, o.validate()...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("allora: new REST client: %w", errors.Join(problems...))
	}
	base.Path = strings.TrimRight(base.Path, "/")
	base.RawPath = ""
	return &REST{
		base:       base,
		client:     o.client,
		version:    o.version,
		timeout:    o.timeout,
		blockTimes: newBlockTimeCache(o.blockCacheSize),
		rawURL:     baseURL,
		opts:       slices.Clone(opts),
	}, nil
}

// BlockTime returns the header time of the block at height, from the cache when it
// can: the time of an inference a block event carried.
func (c *REST) BlockTime(ctx context.Context, height uint64) (time.Time, error) {
	t, err := c.blockTime(ctx, height)
	if err != nil {
		return time.Time{}, fmt.Errorf("query block %d: %w", height, err)
	}
	return t, nil
}

// ExplainNotImplemented turns err, when the node answered 501 for the client's
// emissions version, into one naming the version the node serves (see the function
// ExplainNotImplemented); any other err is returned as it is.
func (c *REST) ExplainNotImplemented(ctx context.Context, err error) error {
	return ExplainNotImplemented(ctx, err, TransportREST, c.rawURL, c.version, c.opts...)
}

// LatestInference returns the topic's latest network inference, with the time of the
// Allora block at its inference_block_height. errors.Is(err, ErrNoInference) before
// the topic's first worker window has closed; ErrTopicNotFound for an unknown topic.
func (c *REST) LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error) {
	inf, err := c.latestInference(ctx, topicID)
	if err != nil {
		return oracle.Inference{}, fmt.Errorf("query topic %d latest inference: %w", topicID, err)
	}
	return inf, nil
}

func (c *REST) latestInference(ctx context.Context, topicID uint64) (oracle.Inference, error) {
	body, err := c.get(ctx, fmt.Sprintf("/emissions/%s/latest_network_inferences/%d", c.version, topicID), subjectTopic)
	if err != nil {
		return oracle.Inference{}, err
	}
	inf, err := decodeLatestInferencesREST(c.version, body, topicID)
	if err != nil {
		return oracle.Inference{}, err
	}
	inf.Timestamp, err = c.blockTime(ctx, inf.BlockHeight)
	if err != nil {
		return oracle.Inference{}, fmt.Errorf("time of block %d: %w", inf.BlockHeight, err)
	}
	return inf, nil
}

// Topic returns the topic's metadata. errors.Is(err, ErrTopicNotFound) for an unknown
// topic.
func (c *REST) Topic(ctx context.Context, topicID uint64) (oracle.Topic, error) {
	body, err := c.get(ctx, fmt.Sprintf("/emissions/%s/topics/%d", c.version, topicID), subjectTopic)
	if err == nil {
		var t oracle.Topic
		if t, err = decodeTopicREST(c.version, body, topicID); err == nil {
			return t, nil
		}
	}
	return oracle.Topic{}, fmt.Errorf("query topic %d: %w", topicID, err)
}

// LatestHeight returns the height of the node's latest block.
func (c *REST) LatestHeight(ctx context.Context) (uint64, error) {
	body, err := c.get(ctx, "/cosmos/base/tendermint/v1beta1/blocks/latest", subjectBlock)
	if err != nil {
		return 0, fmt.Errorf("query latest block: %w", err)
	}
	height, t, err := decodeBlockJSON(body)
	if err != nil {
		return 0, fmt.Errorf("query latest block: %w", err)
	}
	c.blockTimes.put(height, t)
	return height, nil
}

// blockTime returns the header time of the block at height, from the cache when it can:
// a committed block's time never changes.
func (c *REST) blockTime(ctx context.Context, height uint64) (time.Time, error) {
	if t, ok := c.blockTimes.get(height); ok {
		return t, nil
	}
	body, err := c.get(ctx, fmt.Sprintf("/cosmos/base/tendermint/v1beta1/blocks/%d", height), subjectBlock)
	if err != nil {
		return time.Time{}, err
	}
	got, t, err := decodeBlockJSON(body)
	if err != nil {
		return time.Time{}, err
	}
	if got != height {
		return time.Time{}, fmt.Errorf("%w: asked for block %d, got block %d", ErrUnexpectedResponse, height, got)
	}
	c.blockTimes.put(height, t)
	return t, nil
}

// get fetches path below the base URL under its own deadline and returns the body of a
// 2xx answer; any other status becomes a *ResponseError. Errors name the path only,
// never the base URL, which may carry a key.
func (c *REST) get(ctx context.Context, path string, subject querySubject) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := *c.base
	u.Path += path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: read body: %w", path, err)
	}
	if len(body) > maxResponseBytes {
		return nil, fmt.Errorf("GET %s: HTTP %d: %w: body larger than %d bytes",
			path, resp.StatusCode, ErrUnexpectedResponse, maxResponseBytes)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		re := classifyErrorResponse(resp.StatusCode, body, subject)
		re.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		return nil, fmt.Errorf("GET %s: %w", path, re)
	}
	return body, nil
}
