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
	raw, err := pathParam(r, "topicId", "topic id")
	if err != nil {
		return 0, err
	}
	return parseTopicID(raw)
}

// pathParam returns the path parameter name of r, decoded once; what names it in an
// error.
func pathParam(r *http.Request, name, what string) (string, error) {
	raw := chi.URLParam(r, name)
	// chi matches routes against the raw path when the request has one (when the
	// client escaped something it need not have), and then the parameter is still
	// escaped; otherwise it is already decoded and must not be decoded twice.
	if r.URL.RawPath != "" {
		dec, err := url.PathUnescape(raw)
		if err != nil {
			return "", withDetail(fmt.Errorf("unescape %s: %w: %w", what, errBadRequest, err),
				"%s %s is not validly percent-encoded", what, quoteID(raw))
		}
		raw = dec
	}
	return raw, nil
}

// parseTopicID accepts a topic id only in its canonical form, the decimal digits
// strconv.FormatUint writes, and says precisely what else it was given.
func parseTopicID(s string) (uint64, error) { return parseUintID("topic id", "topic ids", s) }

// parseUintID parses an unsigned id (a topic id, a chain id, an epoch) in canonical
// decimal; what names one in messages and plural names them all.
func parseUintID(what, plural, s string) (uint64, error) {
	bad := func(format string) (uint64, error) {
		return 0, withDetail(fmt.Errorf("parse %s %s: %w", what, quoteID(s), errBadRequest), format, what, quoteID(s))
	}
	switch {
	case s == "":
		return 0, withDetail(fmt.Errorf("parse %s: empty: %w", what, errBadRequest), "%s is empty", what)
	case strings.ContainsAny(s, " \t\n\v\f\r\u0085\u00a0"):
		return bad("%s %s contains whitespace; write the digits alone")
	case s[0] == '+' && isDigits(s[1:]):
		return bad("%s %s has a sign; write the digits alone")
	case s[0] == '-' && isDigits(s[1:]):
		return 0, withDetail(fmt.Errorf("parse %s %s: %w", what, quoteID(s), errBadRequest),
			"%s %s is negative; %s are unsigned integers", what, quoteID(s), plural)
	case !isDigits(s):
		return bad("%s %s is not a decimal integer")
	case len(s) > 1 && s[0] == '0':
		return bad("%s %s has leading zeros")
	}
	id, err := strconv.ParseUint(s, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return 0, withDetail(fmt.Errorf("parse %s %s: %w", what, quoteID(s), errBadRequest),
			"%s %s is larger than the largest %s, 18446744073709551615", what, quoteID(s), what)
	}
	if err != nil {
		return bad("%s %s is not a decimal integer")
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
