package e2e

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/redis/go-redis/v9"
)

// RedisServer is a redis-server of the test's own on a free port, so that a scenario
// can stop and restart it without touching the Redis other tests share.
type RedisServer struct {
	Port       int
	AppendOnly bool

	t    testing.TB
	dir  string
	proc *Process
}

// startRedis runs redis-server in dir. With appendOnly every write is fsynced to an
// append-only file in dir before it is acknowledged, so a restart keeps everything
// that was written: the durability an operator who keeps the journal in Redis needs.
func startRedis(t testing.TB, dir string, appendOnly bool) *RedisServer {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Fatalf("redis-server is not installed (apt-get install -y redis-server): %v", err)
	}
	r := &RedisServer{Port: testsupport.FreePort(t), AppendOnly: appendOnly, t: t, dir: dir}
	r.Start()
	t.Cleanup(func() { r.proc.Kill9() })
	return r
}

// URL is the server's redis:// URL.
func (r *RedisServer) URL() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", r.Port) }

// Start runs the server and waits until it answers PING.
func (r *RedisServer) Start() {
	r.t.Helper()
	args := []string{"--bind", "127.0.0.1", "--port", strconv.Itoa(r.Port), "--dir", r.dir, "--save", "", "--daemonize", "no"}
	if r.AppendOnly {
		args = append(args, "--appendonly", "yes", "--appendfsync", "always")
	} else {
		args = append(args, "--appendonly", "no")
	}
	r.proc = startProcess(r.t, "redis", r.dir+"/redis.log", "redis-server", nil, args...)
	c := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", r.Port)})
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.Ping(ctx).Err()
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("redis-server on port %d did not answer PING within 10s: %v\n%s", r.Port, err, r.proc.Tail(20))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop shuts the server down (SIGTERM: it finishes the append-only file) and waits.
func (r *RedisServer) Stop() { r.proc.Stop() }
