// Package redistest connects tests to the local Redis that `make test` starts and
// gives each test its own key prefix, so tests and parallel runs never see each
// other's keys, and removes those keys when the test ends.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Addr is where tests find Redis. Tests only ever talk to this machine.
const Addr = "127.0.0.1:6379"

// Options returns client options for the test Redis; callers may change them before
// passing them to Client.
func Options() *redis.Options {
	return &redis.Options{
		Addr:        Addr,
		DialTimeout: 2 * time.Second,
		ReadTimeout: 5 * time.Second,
	}
}

// Client returns a client for the test Redis made from opts (Options() when nil),
// failing the test when Redis does not answer, and closes it when the test ends.
func Client(t testing.TB, opts *redis.Options) *redis.Client {
	t.Helper()
	if opts == nil {
		opts = Options()
	}
	c := redis.NewClient(opts)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("Redis does not answer on %s (run `make redis` to start it): %v", Addr, err)
	}
	return c
}

// Prefix returns a key prefix no other test or run uses, and deletes every key under
// it when the test ends. It ends with ':'.
func Prefix(t testing.TB) string {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := strings.NewReplacer("/", ".", " ", "_").Replace(t.Name())
	prefix := "test:" + name + ":" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() { Cleanup(t, prefix) })
	return prefix
}

// Cleanup deletes every key under prefix.
func Cleanup(t testing.TB, prefix string) {
	t.Helper()
	c := redis.NewClient(Options())
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	iter := c.Scan(ctx, 0, escapeGlob(prefix)+"*", 500).Iterator()
	var keys []string
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil {
		t.Errorf("list test keys under %q: %v", prefix, err)
		return
	}
	for len(keys) > 0 {
		n := min(len(keys), 500)
		if err := c.Del(ctx, keys[:n]...).Err(); err != nil {
			t.Errorf("delete test keys under %q: %v", prefix, err)
			return
		}
		keys = keys[n:]
	}
}

// escapeGlob quotes the characters SCAN MATCH treats as patterns.
func escapeGlob(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`, `]`, `\]`).Replace(s)
}
