// Package redisproc runs redis-server processes of a test's own on free ports of
// 127.0.0.1: a primary, its replicas and Sentinels watching them, so that a test can
// kill the primary and watch a failover without touching the Redis other tests share.
package redisproc

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// Server is one redis-server process, a data node or a Sentinel.
type Server struct {
	Port int

	t   testing.TB
	cmd *exec.Cmd
	log string
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return "127.0.0.1:" + strconv.Itoa(s.Port) }

// Client returns a client for the server, closed when the test ends.
func (s *Server) Client() *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: s.Addr(), MaxRetries: -1})
	s.t.Cleanup(func() { _ = c.Close() })
	return c
}

// Kill9 kills the server with SIGKILL, as a crash would, and waits for it to exit.
func (s *Server) Kill9() {
	if s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	_ = s.cmd.Wait()
}

// Log returns the last lines the server logged.
func (s *Server) Log(n int) string {
	b, _ := os.ReadFile(s.log)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Start runs a primary without persistence (save and appendonly off) and waits
// until it answers PING.
func Start(t testing.TB) *Server {
	t.Helper()
	return startData(t)
}

// StartReplica runs a replica of primary and waits until its link to it is up.
func StartReplica(t testing.TB, primary *Server) *Server {
	t.Helper()
	s := startData(t, "--replicaof", "127.0.0.1", strconv.Itoa(primary.Port))
	c := s.Client()
	testsupport.WaitForSeen(t, 10*time.Second, "replica linked to its primary", func() (bool, string) {
		info, err := c.Info(context.Background(), "replication").Result()
		return err == nil && strings.Contains(info, "master_link_status:up"), fmt.Sprint(info, err)
	})
	return s
}

func startData(t testing.TB, args ...string) *Server {
	t.Helper()
	dir := t.TempDir()
	port := testsupport.FreePort(t)
	return start(t, dir, append([]string{"--bind", "127.0.0.1", "--port", strconv.Itoa(port),
		"--dir", dir, "--save", "", "--appendonly", "no", "--daemonize", "no"}, args...), port)
}

// StartSentinel runs a Sentinel watching primary under the name master, with the
// given quorum, judging a primary down after downAfter without an answer; a failover
// it starts gives up after failoverTimeout. It runs redis-sentinel when installed,
// and otherwise redis-server --sentinel (the same program).
func StartSentinel(t testing.TB, master string, primary *Server, quorum int, downAfter, failoverTimeout time.Duration) *Server {
	t.Helper()
	dir := t.TempDir()
	port := testsupport.FreePort(t)
	conf := filepath.Join(dir, "sentinel.conf")
	body := fmt.Sprintf("bind 127.0.0.1\nport %d\ndir %s\nsentinel resolve-hostnames no\n"+
		"sentinel monitor %s 127.0.0.1 %d %d\nsentinel down-after-milliseconds %s %d\n"+
		"sentinel failover-timeout %s %d\nsentinel parallel-syncs %s 1\n",
		port, dir, master, primary.Port, quorum, master, downAfter.Milliseconds(), master, failoverTimeout.Milliseconds(), master)
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	var s *Server
	if _, err := exec.LookPath("redis-sentinel"); err == nil {
		s = startProgram(t, dir, "redis-sentinel", []string{conf}, port)
	} else {
		s = start(t, dir, []string{conf, "--sentinel"}, port)
	}
	return s
}

// Primary asks sentinel which server it knows as master's primary.
func Primary(ctx context.Context, sentinel *Server, master string) (string, error) {
	sc := redis.NewSentinelClient(&redis.Options{Addr: sentinel.Addr(), MaxRetries: -1})
	defer sc.Close()
	hp, err := sc.GetMasterAddrByName(ctx, master).Result()
	if err != nil {
		return "", err
	}
	return strings.Join(hp, ":"), nil
}

func start(t testing.TB, dir string, args []string, port int) *Server {
	t.Helper()
	return startProgram(t, dir, "redis-server", args, port)
}

func startProgram(t testing.TB, dir, program string, args []string, port int) *Server {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		t.Fatalf("%s is not installed (apt-get install -y redis-server): %v", program, err)
	}
	logPath := filepath.Join(dir, "redis.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", program, err)
	}
	s := &Server{Port: port, t: t, cmd: cmd, log: logPath}
	t.Cleanup(s.Kill9)
	c := redis.NewClient(&redis.Options{Addr: s.Addr(), MaxRetries: -1, DialTimeout: time.Second})
	defer c.Close()
	testsupport.WaitForSeen(t, 10*time.Second, fmt.Sprintf("%s on port %d answering PING", program, port), func() (bool, string) {
		err := c.Ping(context.Background()).Err()
		return err == nil, fmt.Sprintf("%v\n%s", err, s.Log(10))
	})
	return s
}

// WaitWatching waits until sentinel knows master's replicas and the other sentinels
// (they find each other through the primary, in seconds): before then a failover
// cannot reach its quorum or has no replica to promote.
func WaitWatching(t testing.TB, sentinel *Server, master string, replicas, others int) {
	t.Helper()
	sc := redis.NewSentinelClient(&redis.Options{Addr: sentinel.Addr(), MaxRetries: -1})
	defer sc.Close()
	testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("sentinel %s knowing %d replicas and %d other sentinels of %s", sentinel.Addr(), replicas, others, master), func() (bool, string) {
		ctx := context.Background()
		rs, err1 := sc.Replicas(ctx, master).Result()
		ss, err2 := sc.Sentinels(ctx, master).Result()
		return err1 == nil && err2 == nil && len(rs) == replicas && len(ss) == others,
			fmt.Sprintf("%d replicas (%v), %d sentinels (%v)", len(rs), err1, len(ss), err2)
	})
}
