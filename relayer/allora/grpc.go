package allora

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// GRPC queries an Allora node through its gRPC API (port 9090 on a node, TLS on 443 at
// public endpoints), through cosmos-sdk's client packages: the emissions queries go
// through a client.Context, the block queries through cosmos-sdk's cmtservice client.
// It is safe for concurrent use; Close releases the connection.
type GRPC struct {
	conn       *grpc.ClientConn
	clientCtx  client.Context
	blocks     cmtservice.ServiceClient
	wire       emissionsWire
	timeout    time.Duration
	blockTimes *blockTimeCache
	// target and opts are what the client was made from, for probing the node's
	// services when it answers Unimplemented (ExplainNotImplemented).
	target string
	opts   []Option
}

// NewGRPC returns a client of the node whose gRPC API is at target:
//   - "host:port" or "grpc://host:port": plaintext, as on a node's own port 9090;
//   - "grpcs://host:port", "grpc+tls://host:port" or "https://host[:port]": TLS (port
//     443 by default), with the system's roots unless WithTLSConfig says otherwise.
//
// It does not connect yet: the first query does. Options WithEmissionsVersion,
// WithTimeout, WithBlockTimeCacheSize, WithTLSConfig and WithGRPCDialOptions apply.
func NewGRPC(target string, opts ...Option) (*GRPC, error) {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	var problems []error
	addr, useTLS, err := parseGRPCTarget(target)
	if err != nil {
		problems = append(problems, err)
	}
	problems = append(problems, o.validate()...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("allora: new gRPC client: %w", errors.Join(problems...))
	}
	conn, cdc, err := dialGRPC(addr, useTLS, &o)
	if err != nil {
		return nil, fmt.Errorf("allora: new gRPC client: %w", err)
	}
	clientCtx := client.Context{}.WithCodec(cdc).WithInterfaceRegistry(cdc.InterfaceRegistry()).WithGRPCClient(conn)
	return &GRPC{
		conn:       conn,
		clientCtx:  clientCtx,
		blocks:     cmtservice.NewServiceClient(clientCtx),
		wire:       wireFor(o.version),
		timeout:    o.timeout,
		blockTimes: newBlockTimeCache(o.blockCacheSize),
		target:     target,
		opts:       slices.Clone(opts),
	}, nil
}

// BlockTime returns the header time of the block at height, from the cache when it
// can: the time of an inference a block event carried.
func (c *GRPC) BlockTime(ctx context.Context, height uint64) (time.Time, error) {
	t, err := c.blockTime(ctx, height)
	if err != nil {
		return time.Time{}, fmt.Errorf("query block %d: %w", height, err)
	}
	return t, nil
}

// ExplainNotImplemented turns err, when the node answered Unimplemented for the
// client's emissions version, into one naming the version the node serves (see the
// function ExplainNotImplemented); any other err is returned as it is.
func (c *GRPC) ExplainNotImplemented(ctx context.Context, err error) error {
	return ExplainNotImplemented(ctx, err, TransportGRPC, c.target, c.wire.version, c.opts...)
}

// dialGRPC makes the connection (lazily: nothing is sent before the first call) with
// cosmos-sdk's codec, which marshals both the gateway's own messages
// (google.golang.org/protobuf) and cosmos-sdk's gogoproto block messages, whose times
// grpc's default codec cannot encode.
func dialGRPC(addr string, useTLS bool, o *options) (*grpc.ClientConn, *codec.ProtoCodec, error) {
	creds := insecure.NewCredentials()
	if useTLS {
		cfg := o.tlsConfig
		if cfg == nil {
			cfg = &tls.Config{MinVersion: tls.VersionTLS12}
		}
		creds = credentials.NewTLS(cfg)
	}
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	dial := append([]grpc.DialOption{
		grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(cdc.GRPCCodec()), grpc.MaxCallRecvMsgSize(maxResponseBytes)),
	}, o.dialOptions...)
	conn, err := grpc.NewClient(addr, dial...)
	if err != nil {
		return nil, nil, err
	}
	return conn, cdc, nil
}

// parseGRPCTarget reads a gRPC endpoint. Errors never repeat the target, which may
// carry a provider's key.
func parseGRPCTarget(target string) (addr string, useTLS bool, err error) {
	if !strings.Contains(target, "://") {
		if target == "" || strings.ContainsAny(target, "/?#") {
			return "", false, errors.New("gRPC target: want host:port or a grpc://, grpcs://, grpc+tls:// or https:// URL")
		}
		return target, false, nil
	}
	u, err := url.Parse(target)
	if err != nil {
		return "", false, errors.New("gRPC target: not a URL")
	}
	switch u.Scheme {
	case "grpc", "http":
	case "grpcs", "grpc+tls", "https":
		useTLS = true
	default:
		return "", false, fmt.Errorf("gRPC target: scheme %q: want grpc, grpcs, grpc+tls or https", u.Scheme)
	}
	if u.Hostname() == "" {
		return "", false, errors.New("gRPC target: no host")
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", false, errors.New("gRPC target: a path, query or fragment is not allowed")
	}
	addr = u.Host
	if u.Port() == "" {
		port := "9090"
		if useTLS {
			port = "443"
		}
		addr += ":" + port
	}
	return addr, useTLS, nil
}

// Close closes the connection.
func (c *GRPC) Close() error { return c.conn.Close() }

// EmissionsVersion returns the emissions API version the client queries.
func (c *GRPC) EmissionsVersion() string { return c.wire.version }

// LatestInference returns the topic's latest network inference, with the time of the
// Allora block at its inference_block_height. errors.Is(err, ErrNoInference) before
// the topic's first worker window has closed; ErrTopicNotFound for an unknown topic;
// ErrNotImplemented when the node lacks the configured emissions version.
func (c *GRPC) LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error) {
	inf, err := c.latestInference(ctx, topicID)
	if err != nil {
		return oracle.Inference{}, fmt.Errorf("query topic %d latest inference: %w", topicID, err)
	}
	return inf, nil
}

func (c *GRPC) latestInference(ctx context.Context, topicID uint64) (oracle.Inference, error) {
	resp := c.wire.newLatest()
	if err := c.invoke(ctx, "GetLatestNetworkInferences", topicIDRequest(topicID), resp); err != nil {
		return oracle.Inference{}, err
	}
	inf, err := c.wire.latest(resp, topicID)
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
func (c *GRPC) Topic(ctx context.Context, topicID uint64) (oracle.Topic, error) {
	resp := c.wire.newTopicResp()
	err := c.invoke(ctx, "GetTopic", topicIDRequest(topicID), resp)
	if err == nil {
		var t oracle.Topic
		if t, err = c.wire.topic(resp, topicID); err == nil {
			return t, nil
		}
	}
	return oracle.Topic{}, fmt.Errorf("query topic %d: %w", topicID, err)
}

// LatestHeight returns the height of the node's latest block.
func (c *GRPC) LatestHeight(ctx context.Context) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	resp, err := c.blocks.GetLatestBlock(ctx, &cmtservice.GetLatestBlockRequest{})
	if err != nil {
		return 0, fmt.Errorf("query latest block: %w", classifyStatus(err, subjectBlock))
	}
	height, t, err := grpcBlockHeader(resp.GetSdkBlock(), resp.GetBlock())
	if err != nil {
		return 0, fmt.Errorf("query latest block: %w", err)
	}
	c.blockTimes.put(height, t)
	return height, nil
}

// blockTime returns the header time of the block at height, from the cache when it can.
func (c *GRPC) blockTime(ctx context.Context, height uint64) (time.Time, error) {
	if t, ok := c.blockTimes.get(height); ok {
		return t, nil
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	resp, err := c.blocks.GetBlockByHeight(ctx, &cmtservice.GetBlockByHeightRequest{Height: int64(height)})
	if err != nil {
		return time.Time{}, classifyStatus(err, subjectBlock)
	}
	got, t, err := grpcBlockHeader(resp.GetSdkBlock(), resp.GetBlock())
	if err != nil {
		return time.Time{}, err
	}
	if got != height {
		return time.Time{}, fmt.Errorf("%w: asked for block %d, got block %d", ErrUnexpectedResponse, height, got)
	}
	c.blockTimes.put(height, t)
	return t, nil
}

// grpcBlockHeader reads height and time from the sdk_block a node since cosmos-sdk v0.47
// fills, or from the CometBFT block older nodes fill.
func grpcBlockHeader(sdk *cmtservice.Block, comet *cmtproto.Block) (uint64, time.Time, error) {
	var height int64
	var t time.Time
	switch {
	case sdk != nil:
		height, t = sdk.Header.Height, sdk.Header.Time
	case comet != nil:
		height, t = comet.Header.Height, comet.Header.Time
	default:
		return 0, time.Time{}, fmt.Errorf("%w: no block in answer", ErrUnexpectedResponse)
	}
	if height <= 0 {
		return 0, time.Time{}, fmt.Errorf("%w: block header height is %d", ErrUnexpectedResponse, height)
	}
	if t.IsZero() || t.Unix() <= 0 {
		return 0, time.Time{}, fmt.Errorf("%w: block %d header time %v before 1970", ErrUnexpectedResponse, height, t)
	}
	return uint64(height), t.UTC(), nil
}

// invoke makes one emissions query under its own deadline.
func (c *GRPC) invoke(ctx context.Context, method string, req, resp proto.Message) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	full := "/" + serviceName(c.wire.version) + "/" + method
	if err := c.clientCtx.Invoke(ctx, full, req, resp); err != nil {
		return fmt.Errorf("%s: %w", full, classifyStatus(err, subjectTopic))
	}
	return nil
}

// classifyStatus turns a failed call into an error of the sentinel kinds REST uses. A
// status the node answered becomes a *ResponseError (GRPCCode set, StatusCode 0), so a
// caller can back off on ResourceExhausted; the transport's own failures (Unavailable,
// deadlines, cancellation) stay the status error they are.
func classifyStatus(err error, subject querySubject) error {
	st, ok := status.FromError(err)
	if !ok {
		return err
	}
	switch st.Code() {
	case codes.Canceled, codes.DeadlineExceeded, codes.Unavailable:
		return err
	}
	e := &ResponseError{GRPCCode: int(st.Code()), Message: cleanMessage(st.Message()), kind: ErrUnexpectedResponse}
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok && ri.GetRetryDelay().IsValid() {
			e.RetryAfter = min(max(ri.GetRetryDelay().AsDuration(), 0), maxRetryAfter)
		}
	}
	lower := strings.ToLower(e.Message)
	switch {
	case subject == subjectTopic && strings.Contains(lower, noInferenceMessage):
		e.kind = ErrNoInference
	case subject == subjectTopic && st.Code() == codes.NotFound && strings.Contains(lower, "not available"):
		// "network inference not available for topic 7": the topic has no epoch yet.
		e.kind = ErrNoInference
	case st.Code() == codes.Unimplemented:
		e.kind = ErrNotImplemented
	case subject == subjectTopic && st.Code() == codes.NotFound:
		e.kind = ErrTopicNotFound
	}
	return e
}
