package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
)

// maxQuotedID is how much of a malformed topic id an error detail repeats.
const maxQuotedID = 32

// topicIDParam parses the {topicId} path parameter of r.
func topicIDParam(r *http.Request) (uint64, error) {
	raw := chi.URLParam(r, "topicId")
	// chi matches routes against the raw path when the request has one (when the
	// client escaped something it need not have), and then the parameter is still
	// escaped; otherwise it is already decoded and must not be decoded twice.
	if r.URL.RawPath != "" {
		dec, err := url.PathUnescape(raw)
		if err != nil {
			return 0, withDetail(fmt.Errorf("unescape topic id: %w: %w", errBadRequest, err),
				"topic id %s is not validly percent-encoded", quoteID(raw))
		}
		raw = dec
	}
	return parseTopicID(raw)
}

// parseTopicID accepts a topic id only in its canonical form, the decimal digits
// strconv.FormatUint writes, and says precisely what else it was given.
func parseTopicID(s string) (uint64, error) {
	bad := func(format string) (uint64, error) {
		return 0, withDetail(fmt.Errorf("parse topic id %s: %w", quoteID(s), errBadRequest), format, quoteID(s))
	}
	switch {
	case s == "":
		return 0, withDetail(fmt.Errorf("parse topic id: empty: %w", errBadRequest), "topic id is empty")
	case strings.ContainsAny(s, " \t\n\v\f\r\u0085\u00a0"):
		return bad("topic id %s contains whitespace; write the digits alone")
	case s[0] == '+' && isDigits(s[1:]):
		return bad("topic id %s has a sign; write the digits alone")
	case s[0] == '-' && isDigits(s[1:]):
		return bad("topic id %s is negative; topic ids are unsigned integers")
	case !isDigits(s):
		return bad("topic id %s is not a decimal integer")
	case len(s) > 1 && s[0] == '0':
		return bad("topic id %s has leading zeros")
	}
	id, err := strconv.ParseUint(s, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return bad("topic id %s is larger than the largest topic id, 18446744073709551615")
	}
	if err != nil {
		return bad("topic id %s is not a decimal integer")
	}
	return id, nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// quoteID quotes a client's topic id for a message, cut short when long.
func quoteID(s string) string {
	if len(s) > maxQuotedID {
		return strconv.Quote(s[:maxQuotedID]) + "…"
	}
	return strconv.Quote(s)
}
