package allora

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"google.golang.org/grpc/codes"

	"github.com/allora-gateway/allora-gateway/oracle"
)

var (
	// ErrNoInference means the topic exists but none of its worker submission windows
	// has closed yet, so the chain has no network inference for it ("no inferences
	// found"). It is expected for a new topic; retry after the topic's next window.
	// It wraps oracle.ErrNoInference, which is what the relayer checks for.
	ErrNoInference = fmt.Errorf("allora: %w", oracle.ErrNoInference)

	// ErrTopicNotFound means the chain has no topic with that id.
	ErrTopicNotFound = errors.New("allora: topic not found")

	// ErrNotImplemented means the node does not serve the query at all (HTTP 501, gRPC
	// Unimplemented): most often a configured emissions API version the node's chain
	// version lacks. It wraps oracle.ErrNotServed, which is what the relayer checks for.
	ErrNotImplemented = fmt.Errorf("allora: %w", oracle.ErrNotServed)

	// ErrUnexpectedResponse means the node answered something the gateway cannot use:
	// an error status other than the above, a body that is not the expected JSON, or
	// an answer that contradicts the question (another topic, height 0, ...).
	ErrUnexpectedResponse = errors.New("allora: unexpected response")
)

// gRPC status codes that grpc-gateway puts in its error bodies.
const (
	grpcCodeNotFound      = 5
	grpcCodeUnimplemented = 12
)

const (
	// noInferenceMessage is what the chain's error says when a topic has no network
	// inference yet ("no inferences found for topic 7").
	noInferenceMessage = "no inferences found"
	// maxErrorMessageRunes bounds the text of an answer kept in an error.
	maxErrorMessageRunes = 256
)

// ResponseError is an error status answered by the node. errors.Is matches it to the
// sentinel of its kind (ErrNoInference, ErrTopicNotFound, ErrNotImplemented or
// ErrUnexpectedResponse); errors.As gives the HTTP status, so a caller can back off on
// 429 or 503.
type ResponseError struct {
	// StatusCode is the HTTP status; 0 for an answer of the gRPC client.
	StatusCode int
	// GRPCCode is the gRPC status code: the gRPC client's, or the one in a
	// grpc-gateway error body ({"code":N,"message":"...","details":[]}); -1 when a REST
	// body is not one.
	GRPCCode int
	// Message is the gateway's message, or the start of a body that is not a gateway
	// error, cut to a few hundred characters.
	Message string
	// RetryAfter is how long the node asked the client to wait before asking again:
	// the Retry-After header of a REST answer (429, 503), or the google.rpc.RetryInfo
	// detail of a gRPC status (ResourceExhausted). 0 when it said nothing.
	RetryAfter time.Duration

	kind error
}

func (e *ResponseError) Error() string {
	var b strings.Builder
	switch {
	case e.StatusCode == 0:
		fmt.Fprintf(&b, "gRPC %s", codes.Code(e.GRPCCode))
	case e.GRPCCode >= 0:
		fmt.Fprintf(&b, "HTTP %d, gRPC code %d", e.StatusCode, e.GRPCCode)
	default:
		fmt.Fprintf(&b, "HTTP %d", e.StatusCode)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// Unwrap returns the sentinel of the error's kind.
func (e *ResponseError) Unwrap() error { return e.kind }

// gatewayError is the body grpc-gateway (as cosmos-sdk configures it) writes for a
// failed query: a google.rpc.Status. Unknown and Internal map to HTTP 500, NotFound to
// 404, InvalidArgument to 400, Unimplemented (and a path no service serves) to 501.
type gatewayError struct {
	Code    *int            `json:"code"`
	Message *string         `json:"message"`
	Details json.RawMessage `json:"details"`
}

// querySubject says what a query is about: a "not found" from the node means an
// unknown topic for topic queries, and nothing of the kind for block queries.
type querySubject int

const (
	subjectTopic querySubject = iota
	subjectBlock
)

// classifyErrorResponse turns an error status and its body into a *ResponseError of
// the right kind.
func classifyErrorResponse(status int, body []byte, subject querySubject) *ResponseError {
	e := &ResponseError{StatusCode: status, GRPCCode: -1, kind: ErrUnexpectedResponse}
	var ge gatewayError
	if json.Unmarshal(body, &ge) == nil && (ge.Code != nil || ge.Message != nil) {
		if ge.Code != nil {
			e.GRPCCode = *ge.Code
		}
		if ge.Message != nil {
			e.Message = cleanMessage(*ge.Message)
		}
	} else {
		e.Message = cleanMessage(string(body))
	}
	lower := strings.ToLower(e.Message)
	switch {
	case subject == subjectTopic && strings.Contains(lower, noInferenceMessage):
		e.kind = ErrNoInference
	case status == http.StatusNotImplemented || e.GRPCCode == grpcCodeUnimplemented:
		e.kind = ErrNotImplemented
	case subject == subjectTopic && e.GRPCCode >= 0 &&
		(e.GRPCCode == grpcCodeNotFound || strings.Contains(lower, "not found")):
		// Only a gateway body counts: a bare 404 from a proxy in front of the node
		// says nothing about the topic.
		e.kind = ErrTopicNotFound
	}
	return e
}

// cleanMessage makes text from the network safe to put in an error and a log line:
// valid UTF-8, no control characters, at most maxErrorMessageRunes runes.
func cleanMessage(s string) string {
	s = strings.ToValidUTF8(s, "?")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= maxErrorMessageRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == maxErrorMessageRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// maxRetryAfter bounds a Retry-After the gateway honours: a node asking for more is
// treated as asking for this long, so one bad header cannot park an endpoint for days.
const maxRetryAfter = 10 * time.Minute

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP-date (RFC 9110
// section 10.2.3). It returns 0 for a missing or unreadable header.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseUint(v, 10, 32); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}
