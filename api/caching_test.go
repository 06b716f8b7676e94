package api

import (
	"strings"
	"testing"
)

func TestETagMatches(t *testing.T) {
	const tag = `"5d41402abc4b2a76b9719d911017c592"`
	for _, tc := range []struct {
		ifNoneMatch string
		want        bool
	}{
		{tag, true},
		{"W/" + tag, true},
		{"*", true},
		{" * ", true},
		{`"a", ` + tag, true},
		{`"a",` + tag + `,"b"`, true},
		{"\t" + tag + "\t", true},
		{`W/"a", W/` + tag, true},
		{`"a"`, false},
		{`"5d41402abc4b2a76b9719d911017c59"`, false},
		{strings.Trim(tag, `"`), false}, // unquoted: malformed
		{`"a" "` + tag[1:], false},      // no comma: malformed
		{`"a", *`, false},               // * only alone
		{`"a`, false},
		{"", false},
		{",,,", false},
		{`w/` + tag, false}, // the weak prefix is case-sensitive
	} {
		if got := etagMatches(tc.ifNoneMatch, tag); got != tc.want {
			t.Errorf("etagMatches(%q) = %v, want %v", tc.ifNoneMatch, got, tc.want)
		}
	}
}

// FuzzIfNoneMatch drives arbitrary If-None-Match values through the parser: it never
// panics, a list that starts with the tag matches, and a value without the tag matches
// only as "*".
func FuzzIfNoneMatch(f *testing.F) {
	const tag = `"5d41402abc4b2a76b9719d911017c592"`
	for _, seed := range []string{tag, "W/" + tag, "*", `"a", "b"`, `W/"a",W/"b"`, `"`, `W/`, ",", `"a" ,  ` + tag, "\x00", `""`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got := etagMatches(v, tag)
		if got && !strings.Contains(v, tag) && strings.TrimSpace(v) != "*" {
			t.Errorf("etagMatches(%q) matched a list without the tag", v)
		}
		// The list is read left to right: the tag first matches whatever follows.
		if !etagMatches(tag+", "+v, tag) {
			t.Errorf("etagMatches(tag + %q) did not match", ", "+v)
		}
		first, second := strongETag([]byte(v)), strongETag([]byte(v))
		if first != second || !etagMatches(first, second) {
			t.Errorf("strongETag of %q does not match itself", v)
		}
	})
}
