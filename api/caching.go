package api

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// Cache-Control of the cacheable reads. Inferences, topics (which carry the latest
// block height) and chain state change with every Allora block, a few seconds apart,
// so a cache may keep them one second; the document changes only with a release.
const (
	cacheShort    = "public, max-age=1"
	cacheDocument = "public, max-age=60"
	cacheNever    = "no-store"
)

// strongETag returns a strong entity tag of body: 128 bits of its SHA-256.
func strongETag(body []byte) string {
	sum := sha256.Sum256(body)
	var b [2 + 32]byte
	b[0] = '"'
	hex.Encode(b[1:33], sum[:16])
	b[33] = '"'
	return string(b[:])
}

// etagMatches reports whether an If-None-Match field value names etag, by the weak
// comparison RFC 9110 §13.1.2 asks for: "*" matches anything; W/ prefixes are ignored.
// A malformed list matches nothing, so the client gets the full answer.
func etagMatches(ifNoneMatch, etag string) bool {
	v := strings.TrimSpace(ifNoneMatch)
	if v == "*" {
		return true
	}
	for v != "" {
		v = strings.TrimLeft(v, " \t,")
		if v == "" {
			break
		}
		v = strings.TrimPrefix(v, "W/")
		if v == "" || v[0] != '"' {
			return false
		}
		end := strings.IndexByte(v[1:], '"')
		if end < 0 {
			return false
		}
		tag := v[:end+2]
		if tag == etag {
			return true
		}
		v = v[end+2:]
		v = strings.TrimLeft(v, " \t")
		if v != "" && v[0] != ',' {
			return false
		}
	}
	return false
}

// writeCacheable answers 200 with body, or 304 when the client's If-None-Match names
// it. The header values are one-element slices the caller may share between answers;
// they are set as they are, which costs no allocation.
func writeCacheable(w http.ResponseWriter, r *http.Request, contentType []string, body []byte, etag, cacheControl []string) {
	h := w.Header()
	h["Etag"] = etag
	h["Cache-Control"] = cacheControl
	if inm := r.Header["If-None-Match"]; len(inm) > 0 && etagMatches(inm[0], etag[0]) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = contentType
	h["X-Content-Type-Options"] = noSniffHeader
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}
