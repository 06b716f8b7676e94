package cosign

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Requests to a co-signer are authenticated with HMAC-SHA256 under a secret shared
// between the co-signer and one relayer operator, rather than with a bearer token: the
// secret never travels, so a proxy or a log that sees a request cannot sign another; the
// MAC covers the method, path, time, a nonce and the body's hash, so a request cannot be
// altered, and one seen on the wire cannot be replayed (the nonce is remembered for the
// replay window, and a request older than the window is refused).
const (
	// HeaderKeyID names the relayer whose secret signed the request.
	HeaderKeyID = "X-Cosign-Key-Id"
	// HeaderTimestamp is the request's time, in unix seconds.
	HeaderTimestamp = "X-Cosign-Timestamp"
	// HeaderNonce is 16 random bytes in hex, unique to the request.
	HeaderNonce = "X-Cosign-Nonce"
	// HeaderSignature is the hex HMAC-SHA256 of the canonical request.
	HeaderSignature = "X-Cosign-Signature"
)

// MinSecretLen is the shortest shared secret accepted, in bytes.
const MinSecretLen = 32

// Reasons an authentication fails, as the problem's reason.
const (
	reasonMissingAuth  = "missing_auth"
	reasonUnknownKey   = "unknown_key"
	reasonBadSignature = "bad_signature"
	reasonExpired      = "expired"
	reasonReplayed     = "replayed"
)

// ErrSecretTooShort means a shared secret has fewer than MinSecretLen bytes.
var ErrSecretTooShort = errors.New("shared secret shorter than 32 bytes")

// canonical is what the MAC covers: method, path, timestamp, nonce and the body's
// SHA-256, one per line.
func canonical(method, path, timestamp, nonce string, body []byte) []byte {
	sum := sha256.Sum256(body)
	return []byte(method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + hex.EncodeToString(sum[:]))
}

func mac(secret, msg []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write(msg)
	return h.Sum(nil)
}

// authenticate sets the authentication headers of req, whose body is body.
func authenticate(req *http.Request, keyID string, secret, body []byte, now time.Time) error {
	var nonce [16]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return err
	}
	ts := strconv.FormatInt(now.Unix(), 10)
	n := hex.EncodeToString(nonce[:])
	req.Header.Set(HeaderKeyID, keyID)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderNonce, n)
	req.Header.Set(HeaderSignature, hex.EncodeToString(mac(secret, canonical(req.Method, req.URL.Path, ts, n, body))))
	return nil
}

// verifier checks requests' MACs and remembers the nonces seen within the window.
type verifier struct {
	secrets map[string][]byte
	window  time.Duration

	mu     sync.Mutex
	nonces map[string]time.Time // nonce → when it may be forgotten
}

// verify returns the key id of an authentic, fresh, first-seen request, or the reason
// it is not one.
func (v *verifier) verify(r *http.Request, body []byte, now time.Time) (keyID, reason string) {
	keyID = r.Header.Get(HeaderKeyID)
	ts, nonce, sig := r.Header.Get(HeaderTimestamp), r.Header.Get(HeaderNonce), r.Header.Get(HeaderSignature)
	if keyID == "" || ts == "" || nonce == "" || sig == "" {
		return keyID, reasonMissingAuth
	}
	secret, ok := v.secrets[keyID]
	if !ok {
		return keyID, reasonUnknownKey
	}
	got, err := hex.DecodeString(sig)
	if err != nil || !hmac.Equal(got, mac(secret, canonical(r.Method, r.URL.Path, ts, nonce, body))) {
		return keyID, reasonBadSignature
	}
	// The time is checked only once the MAC shows the client chose it.
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return keyID, reasonBadSignature
	}
	at := time.Unix(sec, 0)
	if at.Before(now.Add(-v.window)) || at.After(now.Add(v.window)) {
		return keyID, reasonExpired
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	for n, until := range v.nonces {
		if now.After(until) {
			delete(v.nonces, n)
		}
	}
	key := keyID + "/" + nonce
	if _, seen := v.nonces[key]; seen {
		return keyID, reasonReplayed
	}
	// Kept until the request's own time leaves the window, after which it is refused as
	// expired anyway.
	v.nonces[key] = at.Add(v.window)
	return keyID, ""
}
