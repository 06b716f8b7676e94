package config

import (
	"fmt"
	"log/slog"
	"strconv"
)

// redacted is what a Secret prints as.
const redacted = "xxxxx"

// Secret is a configuration value that may carry a credential, such as a node URL with
// an API token in its path or query. It prints as "xxxxx" through fmt (every verb,
// nested in structs too), YAML, JSON, encoding.TextMarshaler and slog; Reveal gives the
// value to the code that uses it. An empty Secret prints as empty: there is nothing to
// hide, and "not set" is worth seeing.
type Secret string

// shown is what s prints as.
func (s Secret) shown() string {
	if s == "" {
		return ""
	}
	return redacted
}

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

// String returns "xxxxx".
func (s Secret) String() string { return s.shown() }

// GoString returns the Go syntax of a redacted Secret, for %#v.
func (s Secret) GoString() string { return "config.Secret(" + strconv.Quote(s.shown()) + ")" }

// Format writes "xxxxx" for every verb, so that no verb (%x, %d, %q) reaches the value.
func (s Secret) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprint(f, s.GoString())
	case verb == 'q':
		fmt.Fprint(f, strconv.Quote(s.shown()))
	default:
		fmt.Fprint(f, s.shown())
	}
}

// LogValue makes slog log "xxxxx".
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.shown()) }

// MarshalText returns "xxxxx".
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.shown()), nil }

// MarshalJSON returns the JSON string "xxxxx".
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(s.shown())), nil }

// MarshalYAML returns "xxxxx".
func (s Secret) MarshalYAML() (any, error) { return s.shown(), nil }
