package relayer_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// healFixture is a relayer writing to its own prefix of the real Redis, and the API
// reading the same keys with the relayer's readiness, as a relayer serves it.
type healFixture struct {
	prefix string
	api    http.Handler
	r      *relayer.Relayer
}

func startHealFixture(t *testing.T, checkEvery time.Duration) healFixture {
	t.Helper()
	prefix := redistest.Prefix(t)
	st := store.NewRedis(redistest.Client(t, nil), prefix)
	src := newFakeSource(oracle.Topic{ID: 1, Metadata: "ETH 5m", EpochLength: 60}, oracle.Topic{ID: 2, Metadata: "BTC 5m", EpochLength: 60})
	src.set(1, 100, "3012.5")
	src.set(2, 100, "97000.125")
	s := signers(1)
	chain := newFakeChain(56, s, 1)
	r, err := relayer.New(relayer.Config{Topics: []uint64{1, 2}, PollInterval: 10 * time.Millisecond, PushInterval: 20 * time.Millisecond,
		StoreCheckInterval: checkEvery}, src, st, []relayer.ChainWriter{chain}, s)
	if err != nil {
		t.Fatal(err)
	}
	runUntilCleanup(t, r)
	srv := api.New(st, api.WithRateLimit(0, 0), api.WithReadinessCheck("relayer", r.Ready))
	t.Cleanup(srv.Close)
	f := healFixture{prefix: prefix, api: srv.Handler(), r: r}
	testsupport.WaitForSeen(t, 10*time.Second, "the API to serve the relayer's state", f.served)
	return f
}

func (f healFixture) get(path string) (int, string) {
	rec := httptest.NewRecorder()
	f.api.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

// served reports whether the API answers what the relayer wrote: both topics, topic
// 1's inference, and chain 56 with its name and oracle.
func (f healFixture) served() (bool, string) {
	var seen []string
	code, body := f.get("/v1/topics")
	var topics struct {
		Topics []struct {
			TopicID uint64 `json:"topic_id"`
		} `json:"topics"`
	}
	ok := code == 200 && json.Unmarshal([]byte(body), &topics) == nil && len(topics.Topics) == 2
	seen = append(seen, "/v1/topics: "+body)
	code, body = f.get("/v1/topics/1/inference")
	ok = ok && code == 200 && strings.Contains(body, `"value":"3012.5"`)
	seen = append(seen, "/v1/topics/1/inference: "+body)
	code, body = f.get("/v1/chains")
	ok = ok && code == 200 && strings.Contains(body, `"name":"chain56"`) && strings.Contains(body, `"oracle":"0x0000000000000000000000000000000000000038"`)
	seen = append(seen, "/v1/chains: "+body)
	return ok, strings.Join(seen, "\n")
}

// TestRelayerHealsAFlushedStore deletes every key of the relayer's prefix while it
// runs, as a failover to an empty replica would: /readyz names what is missing, and
// the relayer writes the topics and the chain again, so the API serves them.
func TestRelayerHealsAFlushedStore(t *testing.T) {
	// Checks far apart: only what /readyz finds sets the healing off.
	f := startHealFixture(t, time.Hour)
	if code, body := f.get("/readyz"); code != 200 {
		t.Fatalf("/readyz before the flush: %d %s", code, body)
	}
	redistest.Cleanup(t, f.prefix)
	code, body := f.get("/readyz")
	for _, want := range []string{"the store lacks the metadata of topic 1, 2", "the store lacks chain chain56 (56)"} {
		if code != http.StatusServiceUnavailable || !strings.Contains(body, want) {
			t.Errorf("/readyz after the flush: %d %s; want 503 saying %q", code, body, want)
		}
	}
	testsupport.WaitForSeen(t, 10*time.Second, "the API to serve the relayer's state again", f.served)
	testsupport.WaitForSeen(t, 10*time.Second, "/readyz 200 once healed", func() (bool, string) {
		code, body := f.get("/readyz")
		return code == 200, body
	})
}

// TestRelayerHealsAFlushedStoreByItself is the same flush with nobody asking /readyz:
// the relayer's own check finds the loss and heals it.
func TestRelayerHealsAFlushedStoreByItself(t *testing.T) {
	f := startHealFixture(t, 20*time.Millisecond)
	redistest.Cleanup(t, f.prefix)
	testsupport.WaitForSeen(t, 10*time.Second, "the API to serve the relayer's state again", f.served)
}
