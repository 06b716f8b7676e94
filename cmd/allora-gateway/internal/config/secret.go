package config

import (
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
)

// redacted is what a Secret prints as.
const redacted = "xxxxx"

// Secret is a configuration value that may carry a credential, such as a node URL with
// an API token in its path or query. It prints as "xxxxx" through fmt (every verb,
// nested in structs too), JSON, encoding.TextMarshaler and slog; YAML, which only
// config print writes, shows it as RedactURL does, the URL with only its credentials
// hidden. Reveal gives the value to the code that uses it. An empty Secret prints as
// empty: there is nothing to hide, and "not set" is worth seeing.
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

// MarshalYAML returns the URL as RedactURL shows it.
func (s Secret) MarshalYAML() (any, error) { return RedactURL(string(s)), nil }

// RedactURL returns the URL s with what may be a credential replaced by "xxxxx": the
// password of its userinfo (the whole userinfo when it has no password, as providers
// that take the key as the user name do), every query value, the fragment, and each
// path segment that looks like a key rather than a word (see keyLikeSegment), such as
// Infura's and Alchemy's /v3/<key> or QuickNode's /<token>/. Scheme, host, port and
// the path's words stay, so http://127.0.0.1:8545 and https://rpc.ankr.com/bsc/xxxxx
// say which node they are. Anything that is not an absolute URL with a host is
// "xxxxx" whole, and "" stays "".
func RedactURL(s string) string {
	shown, _ := redactURL(s)
	return shown
}

// redactURL returns s as RedactURL shows it and the parts it hid.
func redactURL(s string) (shown string, hidden []string) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Scheme != "unix") || u.Opaque != "" {
		return redacted, []string{s}
	}
	out := u.Scheme + "://"
	if u.User != nil {
		if password, hasPassword := u.User.Password(); hasPassword {
			out += url.PathEscape(u.User.Username()) + ":" + redacted + "@"
			hidden = append(hidden, password)
		} else {
			out += redacted + "@"
			hidden = append(hidden, u.User.Username())
		}
	}
	out += u.Host
	if u.Path != "" {
		segments := strings.Split(u.EscapedPath(), "/")
		for i, seg := range segments {
			if keyLikeSegment(seg) {
				hidden = append(hidden, seg)
				segments[i] = redacted
			}
		}
		out += strings.Join(segments, "/")
	}
	if u.RawQuery != "" || u.ForceQuery {
		var pairs []string
		for _, pair := range strings.Split(u.RawQuery, "&") {
			key, value, hasValue := strings.Cut(pair, "=")
			switch {
			case hasValue:
				pairs = append(pairs, key+"="+redacted)
				hidden = append(hidden, value)
			case pair != "":
				// A bare ?KEY is a value without a name.
				pairs = append(pairs, redacted)
				hidden = append(hidden, pair)
			}
		}
		out += "?" + strings.Join(pairs, "&")
	}
	if u.Fragment != "" {
		out += "#" + redacted
		hidden = append(hidden, u.EscapedFragment())
	}
	return out, hidden
}

// keyLikeSegment reports whether a path segment may be an API key or token rather than
// a word of the endpoint's path (rpc, v3, bsc, ext, C, mainnet, websocket): one of 6
// characters or more with a digit or a capital in it (hex and base62 keys, UUIDs), or
// one of 20 or more of any kind. Hiding a long word by mistake costs nothing; showing
// a key would.
func keyLikeSegment(seg string) bool {
	if len(seg) >= 20 {
		return true
	}
	return len(seg) >= 6 && strings.ContainsAny(seg, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// minHiddenLen is the length from which RedactURLsIn hides a part of a URL wherever it
// appears in a message.
const minHiddenLen = 6

// RedactURLsIn returns msg, an error message from a client that may quote the URLs it
// was given (as net/http does) or echo a part of one (a provider's "invalid key ..."),
// with each of urls written as RedactURL shows it and every part RedactURL hides
// replaced by "xxxxx" wherever it appears.
func RedactURLsIn(msg string, urls ...string) string {
	for _, u := range urls {
		shown, hidden := redactURL(u)
		if u == "" {
			continue
		}
		msg = strings.ReplaceAll(msg, u, shown)
		for _, h := range hidden {
			// A part this short is no credential, and replacing it everywhere would
			// garble the message ("db=0" would take every 0).
			if len(h) < minHiddenLen {
				continue
			}
			msg = strings.ReplaceAll(msg, h, redacted)
			if unescaped, err := url.PathUnescape(h); err == nil && unescaped != h && len(unescaped) >= minHiddenLen {
				msg = strings.ReplaceAll(msg, unescaped, redacted)
			}
		}
	}
	return msg
}
