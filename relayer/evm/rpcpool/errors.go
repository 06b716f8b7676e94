package rpcpool

import (
	"context"
	"errors"
	"io"
	"net"
	"regexp"
	"strings"
	"syscall"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/rpc"
)

// Errors the pool reports.
var (
	// ErrWrongChain means an endpoint serves another chain than the one configured.
	// Such an endpoint never gets a request: a mistyped URL must not send a
	// transaction signed for one chain to another, nor read another chain's state.
	ErrWrongChain = errors.New("endpoint serves another chain")
	// ErrNoEndpoint means no endpoint could answer: every one failed, or none has
	// been verified to serve the chain yet.
	ErrNoEndpoint = errors.New("no RPC endpoint answered")
)

// Error kinds, the values of the kind label of allora_gateway_rpc_errors_total.
const (
	KindTimeout     = "timeout"      // the request's deadline passed
	KindRateLimited = "rate_limited" // HTTP 429, or a JSON-RPC "limit exceeded"
	KindUnavailable = "unavailable"  // connection refused or reset, HTTP 502-504
	KindServerError = "server_error" // another HTTP 5xx
	KindRefused     = "refused"      // HTTP 401/403: the provider refuses the key
	KindHTTP        = "http"         // another non-2xx HTTP status
	KindUnexpected  = "unexpected"   // an answer that is not JSON-RPC
	KindWrongChain  = "wrong_chain"  // the endpoint answered another chain id
	KindLagging     = "lagging"      // a health check found it behind the others
)

// classify says whether err is a failure of the endpoint (the request never got an
// answer from the chain: no connection, a timeout, an HTTP error status, a rate
// limit), which the next endpoint may not have, and its kind. Anything else is the
// chain's answer (a JSON-RPC error such as a revert or "nonce too low", or "not
// found"), which every endpoint in step gives alike, and is passed back unchanged.
func classify(err error) (kind string, failure bool) {
	if err == nil || errors.Is(err, ethereum.NotFound) {
		return "", false
	}
	var he rpc.HTTPError
	if errors.As(err, &he) {
		switch {
		case he.StatusCode == 429:
			return KindRateLimited, true
		case he.StatusCode == 401 || he.StatusCode == 403:
			return KindRefused, true
		case he.StatusCode >= 502 && he.StatusCode <= 504:
			return KindUnavailable, true
		case he.StatusCode >= 500:
			return KindServerError, true
		default:
			return KindHTTP, true
		}
	}
	var re rpc.Error
	if errors.As(err, &re) {
		// Providers answer their own rate limits as JSON-RPC errors (-32005 is
		// Infura's and geth's "limit exceeded"); those are not the chain's answer.
		msg := strings.ToLower(re.Error())
		if re.ErrorCode() == -32005 || strings.Contains(msg, "rate limit") ||
			strings.Contains(msg, "too many requests") || strings.Contains(msg, "request limit") {
			return KindRateLimited, true
		}
		return "", false
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return KindTimeout, true
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, rpc.ErrClientQuit),
		errors.Is(err, net.ErrClosed):
		return KindUnavailable, true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return KindUnavailable, true
	}
	// What is left is an answer the client could not read as JSON-RPC (an HTML error
	// page with status 200, a truncated body): the endpoint's fault.
	return KindUnexpected, true
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// urlPattern finds URLs in error messages: Go's HTTP client quotes the whole request
// URL, path and query included, where providers put their API keys.
var urlPattern = regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.-]*://[^\s"']+`)

// EndpointError is a failure of one endpoint. Its message names the endpoint and
// never carries its URL; errors.Is and errors.As see the underlying error.
type EndpointError struct {
	Endpoint string // the endpoint's name
	Kind     string // one of the Kind constants
	err      error
}

func (e *EndpointError) Error() string {
	return e.Endpoint + ": " + urlPattern.ReplaceAllString(e.err.Error(), "xxxxx")
}

func (e *EndpointError) Unwrap() error { return e.err }

// hint is what an operator should check when an endpoint fails with kind.
func hint(kind string) string {
	switch kind {
	case KindTimeout:
		return "the node is slow or overloaded, or the network to it drops packets"
	case KindRateLimited:
		return "the provider rate-limits this URL's key: raise its plan or add another endpoint under rpcs"
	case KindUnavailable:
		return "is the node running and reachable from this host (address, port, firewall, TLS)?"
	case KindServerError:
		return "the provider's node answers with server errors: check its status page"
	case KindRefused:
		return "the provider refuses the request: check the API key in the URL"
	case KindHTTP:
		return "the URL does not point at a JSON-RPC endpoint: check its path"
	case KindUnexpected:
		return "the endpoint does not answer JSON-RPC: check the URL points at the node, not a web page or proxy error"
	default:
		return "check the node"
	}
}
