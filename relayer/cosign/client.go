package cosign

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// DefaultClientTimeout bounds one request to a co-signer when the caller's context
// does not bound it sooner.
const DefaultClientTimeout = 15 * time.Second

// ErrUnauthorized means the co-signer did not accept the request's authentication:
// the key id or the shared secret differs between the two configs, or a clock is off.
var ErrUnauthorized = errors.New("co-signer refused the request's authentication")

// Client asks one co-signer to sign batches. It is an oracle.BatchSigner.
type Client struct {
	endpoint string // base URL + SignPath
	address  common.Address
	keyID    string
	secret   []byte
	http     *http.Client
	timeout  time.Duration
	now      func() time.Time
	name     string // in metrics: the configured name, else the URL's host:port
	metrics  *clientObserver
}

// ClientOption changes a Client.
type ClientOption func(*Client)

// WithHTTPClient sets the HTTP client (default: one with no timeout of its own; the
// Client's timeout bounds each request).
func WithHTTPClient(c *http.Client) ClientOption { return func(cl *Client) { cl.http = c } }

// WithClientTimeout bounds each request (default DefaultClientTimeout).
func WithClientTimeout(d time.Duration) ClientOption { return func(cl *Client) { cl.timeout = d } }

// WithClock sets the clock requests are stamped with (default time.Now).
func WithClock(now func() time.Time) ClientOption { return func(cl *Client) { cl.now = now } }

// WithMetrics records the client's requests in m, labelled with name (the co-signer's
// configured name; "" labels it with its URL's host:port, which carries no secret).
func WithMetrics(m *ClientMetrics, name string) ClientOption {
	return func(cl *Client) {
		if name != "" {
			cl.name = name
		}
		if m != nil {
			cl.metrics = &clientObserver{m: m}
		}
	}
}

// NewClient returns a client of the co-signer at baseURL (http or https), which is
// expected to sign as address, authenticating as keyID with secret.
func NewClient(baseURL string, address common.Address, keyID string, secret []byte, opts ...ClientOption) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("cosign: co-signer URL must be an http(s) URL")
	}
	if keyID == "" {
		return nil, errors.New("cosign: key id must be set")
	}
	if len(secret) < MinSecretLen {
		return nil, ErrSecretTooShort
	}
	c := &Client{
		endpoint: strings.TrimRight(baseURL, "/") + SignPath,
		address:  address,
		keyID:    keyID,
		secret:   bytes.Clone(secret),
		http:     &http.Client{},
		timeout:  DefaultClientTimeout,
		now:      time.Now,
		name:     u.Host,
	}
	for _, o := range opts {
		o(c)
	}
	if c.metrics != nil {
		c.metrics.name = c.name
	}
	return c, nil
}

// Name is the co-signer's name in metrics and logs: its configured name, else its
// URL's host:port.
func (c *Client) Name() string { return c.name }

// refusalReasons are the reasons a co-signer's refusals are counted under; any other
// reason it gives is counted as "other", so a co-signer cannot grow the relayer's
// series without bound.
var refusalReasons = map[string]bool{
	ReasonMalformed: true, ReasonBodyTooLarge: true, ReasonDomainMismatch: true, ReasonOracleNotAllowed: true,
	ReasonEmptyBatch: true, ReasonBatchTooLarge: true, ReasonDuplicateTopic: true, ReasonInvalidUpdate: true,
	ReasonStaleProposal: true, ReasonNodeBehind: true, ReasonNoInference: true, ReasonValueMismatch: true,
	ReasonTimestampMismatch: true, ReasonUnknownVersion: true, ReasonSlashingProtection: true,
	ReasonSourceUnavailable: true, reasonUnauthorized: true,
}

// reasonUnauthorized counts every authentication refusal (the co-signer's own reasons
// for them say which check failed, in the error).
const reasonUnauthorized = "unauthorized"

func countedReason(r string) string {
	if refusalReasons[r] {
		return r
	}
	return "other"
}

// Address is the address the co-signer is expected to sign as.
func (c *Client) Address() common.Address { return c.address }

// SignBatch asks the co-signer to sign the batch. A refusal comes back as an
// *oracle.RefusalError with the co-signer's reason and detail; a failed
// authentication wraps ErrUnauthorized. The signature is returned as the co-signer
// sent it: oracle.CollectSignatures checks it recovers to Address.
func (c *Client) SignBatch(ctx context.Context, d oracle.Domain, updates []oracle.Update) ([]byte, error) {
	body, err := json.Marshal(NewSignRequest(d, updates))
	if err != nil {
		return nil, fmt.Errorf("encode batch: %w", err)
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if err := authenticate(req, c.keyID, c.secret, body, c.now()); err != nil {
		return nil, fmt.Errorf("authenticate request: %w", err)
	}
	start := time.Now()
	// noAnswer records a request that got no answer, unless the caller withdrew it
	// (it had its threshold): that says nothing about the co-signer.
	noAnswer := func() {
		if parent.Err() == nil {
			c.metrics.unreachable(time.Since(start))
		}
	}
	res, err := c.http.Do(req)
	if err != nil {
		noAnswer()
		return nil, fmt.Errorf("ask co-signer: %w", err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if err != nil {
		noAnswer()
		return nil, fmt.Errorf("read co-signer answer: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		var p Problem
		_ = json.Unmarshal(data, &p)
		switch {
		case res.StatusCode == http.StatusUnauthorized:
			c.metrics.answered(time.Since(start), reasonUnauthorized)
			return nil, fmt.Errorf("%w: %s (%s)", ErrUnauthorized, p.Reason, p.Detail)
		case res.StatusCode == http.StatusConflict || res.StatusCode == http.StatusUnprocessableEntity ||
			res.StatusCode == http.StatusRequestEntityTooLarge:
			if p.Reason == "" {
				p.Reason = "unknown"
			}
			c.metrics.answered(time.Since(start), countedReason(p.Reason))
			return nil, &oracle.RefusalError{Reason: p.Reason, Detail: p.Detail}
		case p.Reason != "":
			// The co-signer's own answer (source_unavailable, malformed_request, ...).
			c.metrics.answered(time.Since(start), countedReason(p.Reason))
			return nil, fmt.Errorf("co-signer answered %s: %s %s", res.Status, p.Reason, p.Detail)
		case res.StatusCode >= 500:
			// No problem of the co-signer's: a proxy in front of it answered for it.
			noAnswer()
			return nil, fmt.Errorf("co-signer answered %s", res.Status)
		default:
			c.metrics.answered(time.Since(start), "other")
			return nil, fmt.Errorf("co-signer answered %s", res.Status)
		}
	}
	c.metrics.answered(time.Since(start), "")
	var out SignResponse
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("decode co-signer answer: %w", err)
	}
	if !common.IsHexAddress(out.Signer) || common.HexToAddress(out.Signer) != c.address {
		return nil, fmt.Errorf("co-signer says it is %q, configured as %s: check signers.cosigners[].address",
			out.Signer, c.address.Hex())
	}
	sig, err := hexutil.Decode(out.Signature)
	if err != nil {
		return nil, fmt.Errorf("decode co-signer signature: %w", err)
	}
	return sig, nil
}

// ErrWrongSigner means a co-signer signs as another address than the one configured
// for it.
var ErrWrongSigner = errors.New("co-signer signs as another address")

// CheckHealth asks the co-signer at baseURL whether it runs, through its
// unauthenticated HealthPath, and checks that it signs as address. It needs no
// secret, so read-only tools (status) can use it.
func CheckHealth(ctx context.Context, hc *http.Client, baseURL string, address common.Address) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(baseURL, "/")+HealthPath, nil)
	if err != nil {
		return err
	}
	res, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("ask co-signer: %w", err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 4<<10))
	if err != nil {
		return fmt.Errorf("read co-signer answer: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("co-signer answered %s", res.Status)
	}
	var h HealthResponse
	if err := json.Unmarshal(data, &h); err != nil || h.Status != "ok" {
		return fmt.Errorf("co-signer answered %s without a health answer", res.Status)
	}
	if !common.IsHexAddress(h.Signer) || common.HexToAddress(h.Signer) != address {
		return fmt.Errorf("%w: %q, configured as %s: check signers.cosigners[].address", ErrWrongSigner, h.Signer, address.Hex())
	}
	return nil
}
