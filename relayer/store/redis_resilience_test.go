package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// killClients closes, from another connection, every connection Redis has for the
// client name, as a Redis restart or a network cut would.
func killClients(t *testing.T, name string) int {
	t.Helper()
	admin := redistest.Client(t, nil)
	ctx := context.Background()
	list, err := admin.ClientList(ctx).Result()
	if err != nil {
		t.Fatalf("CLIENT LIST: %v", err)
	}
	killed := 0
	for _, line := range strings.Split(list, "\n") {
		fields := strings.Fields(line)
		var id string
		named := false
		for _, f := range fields {
			if v, ok := strings.CutPrefix(f, "id="); ok {
				id = v
			}
			if f == "name="+name {
				named = true
			}
		}
		if !named || id == "" {
			continue
		}
		if _, err := strconv.ParseUint(id, 10, 64); err != nil {
			t.Fatalf("CLIENT LIST id %q: %v", id, err)
		}
		if err := admin.Do(ctx, "CLIENT", "KILL", "ID", id).Err(); err != nil {
			t.Fatalf("CLIENT KILL ID %s: %v", id, err)
		}
		killed++
	}
	return killed
}

func uniqueName(t *testing.T) string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return "allora-gateway-test-" + hex.EncodeToString(b[:])
}

// TestRedisConnectionKilled kills the store's connection between calls (CLIENT KILL):
// the client notices the dead connection before its next call and dials a new one, so
// the caller sees nothing, with or without the client's retries.
func TestRedisConnectionKilled(t *testing.T) {
	for _, tc := range []struct {
		name       string
		maxRetries int
	}{
		{"NoRetries", -1},
		{"ClientRetries", 0}, // 0 is go-redis's default of 3 retries
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := uniqueName(t)
			opts := redistest.Options()
			opts.ClientName = name
			opts.PoolSize = 1
			opts.MaxRetries = tc.maxRetries
			st := store.NewRedis(redistest.Client(t, opts), redistest.Prefix(t))

			mustPutInference(t, st, 68)
			if n := killClients(t, name); n != 1 {
				t.Fatalf("killed %d connections, want the store's one", n)
			}
			mustPutInference(t, st, 80)
			wantHistory(t, st, "[80 68]")
		})
	}
}

func mustPutInference(t *testing.T, st store.Store, height uint64) {
	t.Helper()
	inf := oracle.Inference{TopicID: 1, BlockHeight: height, Value: strconv.FormatUint(height, 10), Timestamp: time.Unix(int64(height), 0)}
	if err := st.PutInference(context.Background(), oracle.ScaledInference{Inference: inf, Scaled: big.NewInt(int64(height))}); err != nil {
		t.Fatalf("PutInference(%d): %v", height, err)
	}
}

func wantHistory(t *testing.T, st store.Store, want string) {
	t.Helper()
	h, err := st.InferenceHistory(context.Background(), 1, 10, 0)
	var heights []uint64
	for _, inf := range h {
		heights = append(heights, inf.BlockHeight)
	}
	if err != nil || fmt.Sprint(heights) != want {
		t.Errorf("history = %v, %v; want %s", heights, err, want)
	}
}

// TestRedisOutage takes Redis away from the store (its connections cut, new ones
// refused, as while Redis restarts): every call fails, with an error that says what
// was being done and is ErrUnavailable, not ErrNotFound, so callers retry; once Redis is back the
// client reconnects by itself and the same calls succeed.
func TestRedisOutage(t *testing.T) {
	ctx := context.Background()
	proxy := testsupport.NewProxy(t, redistest.Addr)
	opts := redistest.Options()
	opts.Addr = proxy.Addr()
	opts.DialTimeout = 200 * time.Millisecond
	st := store.NewRedis(redistest.Client(t, opts), redistest.Prefix(t))
	mustPutInference(t, st, 68)

	proxy.Kill()
	calls := []struct {
		what string
		call func() error
	}{
		{"put topic 1 inference at block 80", func() error {
			return st.PutInference(ctx, oracle.ScaledInference{Inference: oracle.Inference{TopicID: 1, BlockHeight: 80, Value: "80"}, Scaled: big.NewInt(80)})
		}},
		{"latest inference of topic 1", func() error { _, err := st.LatestInference(ctx, 1); return err }},
		{"journal chain 56 nonce 3", func() error { return st.JournalPut(ctx, store.JournalEntry{ChainID: 56, Nonce: 3}) }},
		{"list chains", func() error { _, err := st.Chains(ctx); return err }},
		{"publish push event", func() error { return st.Publish(ctx, store.Event{Payload: store.PushEvent{ChainID: 56}}) }},
		{"subscribe to events", func() error { _, err := st.Subscribe(ctx); return err }},
	}
	for _, c := range calls {
		err := c.call()
		if err == nil {
			t.Errorf("%s: succeeded while Redis was away", c.what)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.what+": ") || errors.Is(err, store.ErrNotFound) || !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("error %q: want it to start with %q and be ErrUnavailable, not ErrNotFound", err, c.what)
		}
	}

	proxy.Revive()
	mustPutInference(t, st, 80)
	wantHistory(t, st, "[80 68]")
}

// TestRedisSubscriberReconnects cuts a subscriber's connection: the client
// resubscribes by itself and events published afterwards arrive on the same channel.
func TestRedisSubscriberReconnects(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	name := uniqueName(t)
	opts := redistest.Options()
	opts.ClientName = name
	prefix := redistest.Prefix(t)
	sub := store.NewRedis(redistest.Client(t, opts), prefix)
	pub := store.NewRedis(redistest.Client(t, nil), prefix)

	ch, err := sub.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := pub.Publish(ctx, store.Event{Payload: store.PushEvent{ChainID: 56}, ID: "before"}); err != nil {
		t.Fatal(err)
	}
	if e := <-ch; e.ID != "before" {
		t.Fatalf("got event %q, want %q", e.ID, "before")
	}
	if n := killClients(t, name); n < 1 {
		t.Fatal("no subscriber connection to kill")
	}
	// Events published while the subscriber reconnects are lost; keep publishing
	// until one arrives.
	deadline := time.After(10 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case e, ok := <-ch:
			if !ok {
				t.Fatal("the subscription ended when its connection was killed")
			}
			if e.ID == "after" {
				return
			}
		case <-tick.C:
			if err := pub.Publish(ctx, store.Event{Payload: store.PushEvent{ChainID: 56}, ID: "after"}); err != nil {
				t.Fatal(err)
			}
		case <-deadline:
			t.Fatal("no event arrived after the subscriber's connection was killed")
		}
	}
}

// TestRedisUnreachable points the store at a port nobody listens on: every kind of
// call (a command, a script, a pipeline, a transaction, a subscription, the first
// dial) fails with ErrUnavailable wrapping the client's error, while an error Redis
// itself answers is not ErrUnavailable.
func TestRedisUnreachable(t *testing.T) {
	ctx := context.Background()
	addr := testsupport.FreeAddr(t)
	c := redis.NewClient(&redis.Options{Addr: addr, DialTimeout: 200 * time.Millisecond, MaxRetries: -1})
	t.Cleanup(func() { _ = c.Close() })
	st := store.NewRedis(c, "unreachable:")
	calls := map[string]func() error{
		"Topics": func() error { _, err := st.Topics(ctx); return err },
		"PutInference": func() error {
			return st.PutInference(ctx, oracle.ScaledInference{Inference: oracle.Inference{TopicID: 1, BlockHeight: 1, Value: "1"}, Scaled: big.NewInt(1)})
		},
		"Chains":    func() error { _, err := st.Chains(ctx); return err },
		"PutChain":  func() error { return st.PutChain(ctx, oracle.Chain{ID: 56, Name: "bsc"}) },
		"Subscribe": func() error { _, err := st.Subscribe(ctx); return err },
		"DialRedis": func() error {
			_, _, err := store.DialRedis(ctx, "redis://"+addr+"/0", "unreachable:")
			return err
		},
	}
	for name, call := range calls {
		err := call()
		var netErr net.Error
		if !errors.Is(err, store.ErrUnavailable) || !errors.As(err, &netErr) {
			t.Errorf("%s = %v; want ErrUnavailable wrapping the connection error", name, err)
		}
	}

	// Redis answers WRONGTYPE: the store is there, the call is wrong.
	live := redistest.Client(t, nil)
	prefix := redistest.Prefix(t)
	if err := live.Set(ctx, prefix+"topics", "not a hash", 0).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.NewRedis(live, prefix).Topics(ctx); err == nil || errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Topics over a key of the wrong type = %v; want an error that is not ErrUnavailable", err)
	}
}
