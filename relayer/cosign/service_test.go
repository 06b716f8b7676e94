package cosign

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

// emulatorConfig is a manual Allora chain with two topics whose inferences are recent
// enough for an oracle's time bounds.
func emulatorConfig(seed int64, price13 string) emulator.Config {
	return emulator.Config{
		Topics: []emulator.TopicConfig{
			{ID: 13, EpochLength: 5, WorkerSubmissionWindow: 2, StartPrice: price13},
			{ID: 14, EpochLength: 4, WorkerSubmissionWindow: 1, StartPrice: "84250.5"},
		},
		BlockTime: time.Second,
		Seed:      seed,
		StartTime: emulatorStart,
		Manual:    true,
	}
}

// emulatorStart is when every emulated chain starts, so that nodes built alike agree
// on every block's time; recent enough for an oracle's one-hour age bound.
var emulatorStart = time.Now().Add(-10 * time.Minute).Truncate(time.Second)

// node is an emulated Allora chain served over REST and a client of it.
type node struct {
	emu  *emulator.Emulator
	rest *allora.REST
}

func startNode(t *testing.T, cfg emulator.Config) node {
	t.Helper()
	emu, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	rest, err := allora.NewREST(srv.URL, allora.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	return node{emu: emu, rest: rest}
}

var (
	testChain  = oracle.Chain{ID: 56, Name: "bnb", Oracle: common.HexToAddress("0x00000000000000000000000000000000000a11ce")}
	testDomain = oracle.NewDomain(big.NewInt(56), testChain.Oracle)
	testSecret = []byte("0123456789abcdef0123456789abcdef-relayer-a")
)

func testKey(t testing.TB, i int) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("cosign test key " + string(rune('a'+i)))))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// cosigner is a running co-signer service.
type cosigner struct {
	svc *Service
	srv *httptest.Server
	key *oracle.KeySigner
}

func startCosigner(t *testing.T, src Source, key int, mutate func(*Config)) cosigner {
	t.Helper()
	signer := oracle.NewKeySigner(testKey(t, key))
	cfg := Config{
		Signer:  signer,
		Source:  src,
		Allowed: []oracle.Chain{testChain},
		Clients: map[string][]byte{"relayer-a": testSecret},
	}
	if mutate != nil {
		mutate(&cfg)
	}
	if cfg.Record == nil {
		cfg.Record = openRecord(t, filepath.Join(t.TempDir(), "record.db"))
	}
	svc, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(svc.Handler())
	t.Cleanup(srv.Close)
	return cosigner{svc: svc, srv: srv, key: signer}
}

func openRecord(t *testing.T, path string) *signguard.Record {
	t.Helper()
	r, err := signguard.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

func (c cosigner) client(t *testing.T, opts ...ClientOption) *Client {
	t.Helper()
	cl, err := NewClient(c.srv.URL, c.key.Address(), "relayer-a", testSecret, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// proposal is the batch a relayer reading n would propose for the topics.
func proposal(t *testing.T, n node, topics ...uint64) []oracle.Update {
	t.Helper()
	var out []oracle.Update
	for _, id := range topics {
		inf, ok := n.emu.Latest(id)
		if !ok {
			t.Fatalf("topic %d has no inference yet", id)
		}
		u, err := oracle.NewUpdate(inf, false)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, u)
	}
	return out
}

// metric returns the value of one sample line of the co-signer's /metrics.
func metric(t *testing.T, c cosigner, sample string) string {
	t.Helper()
	res, err := http.Get(c.srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	for _, line := range strings.Split(string(body), "\n") {
		if rest, ok := strings.CutPrefix(line, sample+" "); ok {
			return rest
		}
	}
	return ""
}

func wantRefusal(t *testing.T, err error, reason string, detail ...string) {
	t.Helper()
	var ref *oracle.RefusalError
	if !errors.As(err, &ref) || ref.Reason != reason {
		t.Fatalf("err = %v, want a refusal with reason %s", err, reason)
	}
	for _, d := range detail {
		if !strings.Contains(ref.Detail, d) {
			t.Errorf("detail %q does not say %q", ref.Detail, d)
		}
	}
}

func TestCosignerSignsABatchItsNodeAgreesWith(t *testing.T) {
	n := startNode(t, emulatorConfig(7, "3012.25"))
	n.emu.Advance(20)
	c := startCosigner(t, n.rest, 1, nil)
	updates := proposal(t, n, 13, 14)

	sig, err := c.client(t).SignBatch(t.Context(), testDomain, updates)
	if err != nil {
		t.Fatal(err)
	}
	got, err := oracle.RecoverSigner(oracle.BatchDigest(testDomain, updates), sig)
	if err != nil || got != c.key.Address() {
		t.Fatalf("signature recovers to %s (%v), want the co-signer %s", got, err, c.key.Address())
	}
	// Through the collector, as the relayer uses it.
	sigs, err := oracle.CollectSignatures(t.Context(), testDomain, updates, []oracle.BatchSigner{c.client(t)}, 1, oracle.CollectOptions{})
	if err != nil || len(sigs) != 1 {
		t.Fatalf("collect: %d signatures, %v", len(sigs), err)
	}
	if v := metric(t, c, "allora_gateway_cosign_signed_batches_total"); v != "2" {
		t.Errorf("signed batches metric = %q, want 2", v)
	}
	if v := metric(t, c, "allora_gateway_cosign_signed_updates_total"); v != "4" {
		t.Errorf("signed updates metric = %q, want 4", v)
	}
	res, err := http.Get(c.srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), c.key.Address().Hex()) {
		t.Errorf("/healthz = %d %s, want 200 naming the signer", res.StatusCode, body)
	}
}

func TestCosignerRefusesWhatItsNodeDoesNotSay(t *testing.T) {
	n := startNode(t, emulatorConfig(7, "3012.25"))
	n.emu.Advance(20)
	c := startCosigner(t, n.rest, 1, nil)
	cl := c.client(t)
	good := proposal(t, n, 13, 14)

	t.Run("value", func(t *testing.T) {
		bad := proposal(t, n, 13, 14)
		bad[1].Value.Add(bad[1].Value, big.NewInt(1)) // one wei of a value off
		_, err := cl.SignBatch(t.Context(), testDomain, bad)
		wantRefusal(t, err, ReasonValueMismatch, "topic 14", bad[1].Value.String(), good[1].Value.String())
	})
	t.Run("timestamp", func(t *testing.T) {
		bad := proposal(t, n, 13)
		bad[0].Timestamp++
		_, err := cl.SignBatch(t.Context(), testDomain, bad)
		wantRefusal(t, err, ReasonTimestampMismatch, "topic 13")
	})
	t.Run("future block", func(t *testing.T) {
		bad := proposal(t, n, 13)
		bad[0].BlockHeight += 5
		_, err := cl.SignBatch(t.Context(), testDomain, bad)
		wantRefusal(t, err, ReasonNodeBehind, "topic 13")
	})
	t.Run("unknown topic", func(t *testing.T) {
		bad := []oracle.Update{{TopicID: 99, Value: big.NewInt(1), BlockHeight: 10, Timestamp: 10}}
		_, err := cl.SignBatch(t.Context(), testDomain, bad)
		if err == nil {
			t.Fatal("signed a topic the node does not have")
		}
	})
	t.Run("oracle not allowed", func(t *testing.T) {
		_, err := cl.SignBatch(t.Context(), oracle.NewDomain(big.NewInt(146), testChain.Oracle), good)
		wantRefusal(t, err, ReasonOracleNotAllowed, "146")
	})
	t.Run("stale", func(t *testing.T) {
		n.emu.Advance(5) // both topics move on
		_, err := cl.SignBatch(t.Context(), testDomain, good)
		wantRefusal(t, err, ReasonStaleProposal, "already has block")
	})
	if v := metric(t, c, `allora_gateway_cosign_refused_total{reason="value_mismatch"}`); v != "1" {
		t.Errorf("value_mismatch refusals metric = %q, want 1", v)
	}
	if v := metric(t, c, `allora_gateway_cosign_refused_total{reason="stale_proposal"}`); v != "1" {
		t.Errorf("stale_proposal refusals metric = %q, want 1", v)
	}
	if v := metric(t, c, "allora_gateway_cosign_signed_batches_total"); v != "0" {
		t.Errorf("signed batches metric = %q, want 0", v)
	}
}

// switchable is a Source whose node can be swapped, as when an operator repoints a
// co-signer at another endpoint.
type switchable struct{ cur atomic.Pointer[allora.REST] }

func (s *switchable) LatestInference(ctx context.Context, id uint64) (oracle.Inference, error) {
	return s.cur.Load().LatestInference(ctx, id)
}
func (s *switchable) Topic(ctx context.Context, id uint64) (oracle.Topic, error) {
	return s.cur.Load().Topic(ctx, id)
}

// A co-signer that signed one value for a height never signs another for it, even
// when its node comes to say the other.
func TestCosignerNeverSignsTwoValuesForOneHeight(t *testing.T) {
	a := startNode(t, emulatorConfig(7, "3012.25"))
	b := startNode(t, emulatorConfig(7, "2999.75"))
	a.emu.Advance(20)
	b.emu.Advance(20)
	src := &switchable{}
	src.cur.Store(a.rest)
	c := startCosigner(t, src, 1, nil)
	cl := c.client(t)
	fromA, fromB := proposal(t, a, 13), proposal(t, b, 13)
	if fromA[0].BlockHeight != fromB[0].BlockHeight || fromA[0].Value.Cmp(fromB[0].Value) == 0 {
		t.Fatalf("the two nodes must give one height two values: %v %v", fromA[0], fromB[0])
	}
	if _, err := cl.SignBatch(t.Context(), testDomain, fromA); err != nil {
		t.Fatal(err)
	}
	src.cur.Store(b.rest)
	_, err := cl.SignBatch(t.Context(), testDomain, fromB)
	wantRefusal(t, err, ReasonSlashingProtection, "already signed with value "+fromA[0].Value.String())
	// Back on the first node, the value already signed is signed again: a relayer that
	// lost the first answer may ask twice.
	src.cur.Store(a.rest)
	if _, err := cl.SignBatch(t.Context(), testDomain, fromA); err != nil {
		t.Fatalf("re-signing the same value: %v", err)
	}
}

// A co-signer restarted between two proposals of one height with different values
// refuses the second, says so in its log and metrics, and so does a fresh co-signer
// given its exported record.
func TestRestartedCosignerRefusesAnotherValueForASignedHeight(t *testing.T) {
	a := startNode(t, emulatorConfig(7, "3012.25"))
	b := startNode(t, emulatorConfig(7, "2999.75"))
	a.emu.Advance(20)
	b.emu.Advance(20)
	fromA, fromB := proposal(t, a, 13), proposal(t, b, 13)
	if fromA[0].Version() != fromB[0].Version() || fromA[0].Value.Cmp(fromB[0].Value) == 0 {
		t.Fatalf("the two nodes must give one version two values: %v %v", fromA[0], fromB[0])
	}
	path := filepath.Join(t.TempDir(), "record.db")
	rec, err := signguard.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	first := startCosigner(t, a.rest, 1, func(cfg *Config) { cfg.Record = rec })
	if _, err := first.client(t).SignBatch(t.Context(), testDomain, fromA); err != nil {
		t.Fatal(err)
	}
	first.srv.Close()
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}

	refuses := func(name string, rec *signguard.Record) {
		t.Helper()
		var logs testsupport.LockedBuffer
		c := startCosigner(t, b.rest, 1, func(cfg *Config) {
			cfg.Record = rec
			cfg.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		})
		_, err := c.client(t).SignBatch(t.Context(), testDomain, fromB)
		wantRefusal(t, err, ReasonSlashingProtection, "already signed with value "+fromA[0].Value.String())
		if v := metric(t, c, `allora_gateway_cosign_refused_total{reason="slashing_protection"}`); v != "1" {
			t.Errorf("%s: slashing_protection refusals metric = %q, want 1", name, v)
		}
		if l := logs.String(); !strings.Contains(l, "level=WARN") || !strings.Contains(l, "never delete or replace the record") ||
			!strings.Contains(l, "reason=slashing_protection") || !strings.Contains(l, "topic_id=13") {
			t.Errorf("%s: the log does not show the refusal:\n%s", name, l)
		}
		if v := metric(t, c, "allora_gateway_cosign_signed_batches_total"); v != "0" {
			t.Errorf("%s: signed batches metric = %q, want 0", name, v)
		}
	}
	restarted := openRecord(t, path)
	refuses("restarted", restarted)

	exported := filepath.Join(t.TempDir(), "record.json")
	f, err := os.Create(exported)
	if err != nil {
		t.Fatal(err)
	}
	if err := restarted.Export(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	fresh := openRecord(t, filepath.Join(t.TempDir(), "new-machine", "record.db"))
	in, err := os.Open(exported)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if st, err := fresh.Import(in); err != nil || st.Added != 1 {
		t.Fatalf("import: %+v %v", st, err)
	}
	refuses("imported", fresh)
}

func TestCosignerRefusesBatchesOfTheWrongShape(t *testing.T) {
	n := startNode(t, emulatorConfig(7, "3012.25"))
	n.emu.Advance(20)
	c := startCosigner(t, n.rest, 1, func(cfg *Config) { cfg.MaxBatch = 1; cfg.MaxBodyBytes = 4096 })
	cl := c.client(t)

	_, err := cl.SignBatch(t.Context(), testDomain, proposal(t, n, 13, 14))
	wantRefusal(t, err, ReasonBatchTooLarge, "2 updates, at most 1")

	dup := append(proposal(t, n, 13), proposal(t, n, 13)...)
	_, err = cl.SignBatch(t.Context(), testDomain, dup)
	wantRefusal(t, err, ReasonBatchTooLarge) // the size cap is checked first

	huge := make([]oracle.Update, 100)
	for i := range huge {
		huge[i] = oracle.Update{TopicID: uint64(i + 1), Value: big.NewInt(1), BlockHeight: 1, Timestamp: 1}
	}
	_, err = cl.SignBatch(t.Context(), testDomain, huge)
	wantRefusal(t, err, ReasonBodyTooLarge, "4096 bytes")

	odd := oracle.Domain{Name: "Other", Version: "1", ChainID: big.NewInt(56), VerifyingContract: testChain.Oracle}
	_, err = cl.SignBatch(t.Context(), odd, proposal(t, n, 13))
	wantRefusal(t, err, ReasonDomainMismatch)

	_, err = cl.SignBatch(t.Context(), testDomain, []oracle.Update{{TopicID: 13, Value: big.NewInt(1)}})
	wantRefusal(t, err, ReasonInvalidUpdate, "block height and timestamp")

	overflow := new(big.Int).Lsh(big.NewInt(1), 159)
	_, err = cl.SignBatch(t.Context(), testDomain, []oracle.Update{{TopicID: 13, Value: overflow, BlockHeight: 1, Timestamp: 1}})
	wantRefusal(t, err, ReasonInvalidUpdate, "int160")
}

// post sends body to the co-signer with the headers auth sets, and returns the status
// and the decoded problem.
func post(t *testing.T, c cosigner, body []byte, auth func(*http.Request)) (int, Problem) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.srv.URL+SignPath, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != nil {
		auth(req)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var p Problem
	if res.StatusCode != http.StatusOK {
		if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("error answer has Content-Type %q", ct)
		}
		if err := json.NewDecoder(res.Body).Decode(&p); err != nil {
			t.Fatal(err)
		}
	}
	return res.StatusCode, p
}

func signedBy(keyID string, secret, body []byte, at time.Time) func(*http.Request) {
	return func(r *http.Request) {
		if err := authenticate(r, keyID, secret, body, at); err != nil {
			panic(err)
		}
	}
}

func TestCosignerAuthenticatesEveryRequest(t *testing.T) {
	n := startNode(t, emulatorConfig(7, "3012.25"))
	n.emu.Advance(20)
	c := startCosigner(t, n.rest, 1, nil)
	body, _ := json.Marshal(NewSignRequest(testDomain, proposal(t, n, 13)))
	now := time.Now()

	for name, tc := range map[string]struct {
		auth   func(*http.Request)
		reason string
	}{
		"no headers":      {nil, "missing_auth"},
		"unknown key":     {signedBy("relayer-b", testSecret, body, now), "unknown_key"},
		"wrong secret":    {signedBy("relayer-a", []byte("fedcba9876543210fedcba9876543210"), body, now), "bad_signature"},
		"other body":      {signedBy("relayer-a", testSecret, []byte(`{"domain":{}}`), now), "bad_signature"},
		"expired":         {signedBy("relayer-a", testSecret, body, now.Add(-2*time.Minute)), "expired"},
		"from the future": {signedBy("relayer-a", testSecret, body, now.Add(2*time.Minute)), "expired"},
		"path changed": {func(r *http.Request) {
			signedBy("relayer-a", testSecret, body, now)(r)
			r.Header.Set(HeaderTimestamp, "1")
		}, "bad_signature"},
	} {
		t.Run(name, func(t *testing.T) {
			status, p := post(t, c, body, tc.auth)
			if status != http.StatusUnauthorized || p.Reason != tc.reason {
				t.Fatalf("answer %d %q, want 401 %s", status, p.Reason, tc.reason)
			}
		})
	}

	// The same authentic request twice: the first is signed, the replay refused.
	var saved http.Header
	capture := func(r *http.Request) {
		if saved == nil {
			signedBy("relayer-a", testSecret, body, now)(r)
			saved = r.Header.Clone()
			return
		}
		r.Header = saved.Clone()
	}
	if status, p := post(t, c, body, capture); status != http.StatusOK {
		t.Fatalf("first request: %d %+v", status, p)
	}
	if status, p := post(t, c, body, capture); status != http.StatusUnauthorized || p.Reason != "replayed" {
		t.Fatalf("replayed request: %d %q, want 401 replayed", status, p.Reason)
	}

	// A client whose clock is off is told so.
	_, err := c.client(t, WithClock(func() time.Time { return time.Now().Add(-time.Hour) })).SignBatch(t.Context(), testDomain, proposal(t, n, 13))
	if !errors.Is(err, ErrUnauthorized) || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("err = %v, want unauthorized: expired", err)
	}
	if v := metric(t, c, `allora_gateway_cosign_refused_total{reason="bad_signature"}`); v != "3" {
		t.Errorf("bad_signature refusals metric = %q, want 3", v)
	}
}

func TestCosignerDecodesStrictly(t *testing.T) {
	n := startNode(t, emulatorConfig(7, "3012.25"))
	n.emu.Advance(20)
	c := startCosigner(t, n.rest, 1, nil)
	good, _ := json.Marshal(NewSignRequest(testDomain, proposal(t, n, 13)))
	for name, body := range map[string]string{
		"unknown field":  strings.Replace(string(good), `"updates"`, `"extra":1,"updates"`, 1),
		"trailing data":  string(good) + `{}`,
		"number topic":   strings.Replace(string(good), `"topic_id":"13"`, `"topic_id":13`, 1),
		"negative topic": strings.Replace(string(good), `"topic_id":"13"`, `"topic_id":"-13"`, 1),
		"hex value":      strings.Replace(string(good), `"value":"`, `"value":"0x`, 1),
		"bad contract":   strings.Replace(string(good), testChain.Oracle.Hex(), "0x12", 1),
		"zero chain":     strings.Replace(string(good), `"chain_id":"56"`, `"chain_id":"0"`, 1),
		"not json":       "sign please",
	} {
		t.Run(name, func(t *testing.T) {
			if body == string(good) {
				t.Fatal("the test's replacement did not apply")
			}
			b := []byte(body)
			status, p := post(t, c, b, signedBy("relayer-a", testSecret, b, time.Now()))
			if status != http.StatusBadRequest || p.Reason != ReasonMalformed {
				t.Fatalf("answer %d %q, want 400 %s", status, p.Reason, ReasonMalformed)
			}
		})
	}
}

func TestNewReportsEveryMissingPart(t *testing.T) {
	_, err := New(Config{Clients: map[string][]byte{"r": []byte("short")}})
	for _, want := range []error{ErrNoSigner, ErrNoSource, ErrNoAllowed, ErrSecretTooShort} {
		if !errors.Is(err, want) {
			t.Errorf("err = %v, want %v among its causes", err, want)
		}
	}
}

// slowNode is a Source that answers only once released, or not at all if the request
// is withdrawn first.
type slowNode struct {
	Source
	entered chan struct{}
}

func (s *slowNode) LatestInference(ctx context.Context, id uint64) (oracle.Inference, error) {
	select {
	case s.entered <- struct{}{}:
	default:
	}
	<-ctx.Done()
	return oracle.Inference{}, fmt.Errorf("read topic %d: %w", id, ctx.Err())
}

// TestCosignerIsQuietAboutAWithdrawnRequest has the relayer withdraw a request while
// the co-signer asks its node, as it does once it has the oracle's threshold: the
// co-signer neither logs a warning or an error nor counts a refusal.
func TestCosignerIsQuietAboutAWithdrawnRequest(t *testing.T) {
	n := startNode(t, emulatorConfig(1, "3012.5"))
	n.emu.Advance(20)
	updates := proposal(t, n, 13)
	var logs testsupport.LockedBuffer
	src := &slowNode{Source: n.rest, entered: make(chan struct{}, 1)}
	c := startCosigner(t, src, 0, func(cfg *Config) {
		cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := c.client(t).SignBatch(ctx, testDomain, updates)
		errc <- err
	}()
	<-src.entered
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("withdrawn request: %v, want context.Canceled", err)
	}
	// Close waits for the handler to return; the metrics are then read in process.
	c.srv.Close()
	rec := httptest.NewRecorder()
	c.svc.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if strings.Contains(rec.Body.String(), `allora_gateway_cosign_refused_total{reason="source_unavailable"} 1`) {
		t.Errorf("a withdrawn request counted as a source_unavailable refusal:\n%s", rec.Body.String())
	}
	for _, bad := range []string{"level=WARN", "level=ERROR"} {
		if strings.Contains(logs.String(), bad) {
			t.Errorf("the co-signer logged %s for a withdrawn request:\n%s", bad, logs.String())
		}
	}
}

// TestClientMetricsNameAndWithdrawal: a co-signer without a configured name is labelled
// by its host:port only; a request the caller withdraws leaves reachable as it was; a
// refusal is counted under its reason.
func TestClientMetricsNameAndWithdrawal(t *testing.T) {
	n := startNode(t, emulatorConfig(7, "3012.25"))
	n.emu.Advance(15)
	c := startCosigner(t, n.rest, 0, nil)
	reg := prometheus.NewRegistry()
	m, err := NewClientMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(c.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	// A token in the URL's userinfo must not reach a label.
	cl, err := NewClient("http://user:token@"+u.Host, c.key.Address(), "relayer-a", testSecret, WithMetrics(m, ""))
	if err != nil {
		t.Fatal(err)
	}
	if cl.Name() != u.Host {
		t.Fatalf("label %q, want the host:port %q", cl.Name(), u.Host)
	}
	ctx := context.Background()
	if _, err := cl.SignBatch(ctx, testDomain, proposal(t, n, 13)); err != nil {
		t.Fatalf("sign: %v", err)
	}
	labels := map[string]string{"cosigner": u.Host}
	if v, ok := sample(t, reg, "allora_gateway_cosigner_reachable", labels); !ok || v != 1 {
		t.Fatalf("reachable = %v (present %v), want 1", v, ok)
	}

	// The batch again at another value: the node does not say it.
	lie := proposal(t, n, 13)
	lie[0].Value = new(big.Int).Add(lie[0].Value, big.NewInt(1))
	_, err = cl.SignBatch(ctx, testDomain, lie)
	wantRefusal(t, err, ReasonValueMismatch)
	if v, _ := sample(t, reg, "allora_gateway_cosigner_refusals_total", map[string]string{"cosigner": u.Host, "reason": ReasonValueMismatch}); v != 1 {
		t.Errorf("value_mismatch refusals = %v, want 1", v)
	}

	// Withdrawn before it is sent: says nothing about the co-signer.
	withdrawn, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := cl.SignBatch(withdrawn, testDomain, proposal(t, n, 13)); err == nil {
		t.Fatal("a withdrawn request signed")
	}
	if v, _ := sample(t, reg, "allora_gateway_cosigner_reachable", labels); v != 1 {
		t.Errorf("reachable = %v after a withdrawn request, want 1 still", v)
	}
	if v, _ := sample(t, reg, "allora_gateway_cosigner_request_duration_seconds", labels); v != 2 {
		t.Errorf("%v requests timed, want the 2 answered ones", v)
	}

	c.srv.Close()
	if _, err := cl.SignBatch(ctx, testDomain, proposal(t, n, 13)); err == nil {
		t.Fatal("a stopped co-signer signed")
	}
	if v, _ := sample(t, reg, "allora_gateway_cosigner_reachable", labels); v != 0 {
		t.Errorf("reachable = %v once the co-signer stopped, want 0", v)
	}
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		for _, s := range f.GetMetric() {
			for _, lp := range s.GetLabel() {
				if strings.Contains(lp.GetValue(), "token") {
					t.Errorf("%s carries a secret in label %s=%q", f.GetName(), lp.GetName(), lp.GetValue())
				}
			}
		}
	}
}
