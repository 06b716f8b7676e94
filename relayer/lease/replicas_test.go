package lease_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/redisproc"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
)

// A lease whose write no replica acknowledges is not taken and not renewed: a failover
// could promote a replica that never saw it and hand the chain to a second owner.
func TestRedisLeaseWaitsForReplicas(t *testing.T) {
	ctx := context.Background()
	primary := redisproc.Start(t)
	replica := redisproc.StartReplica(t, primary)
	c := primary.Client()
	l := lease.NewRedis(c, "t:", "a", 10*time.Second).RequireReplicas(1, 300*time.Millisecond)

	token, ok, err := l.Acquire(ctx, "bsc")
	if err != nil || !ok {
		t.Fatalf("Acquire with a replica up = %d, %v, %v", token, ok, err)
	}
	if got, err := replica.Client().Get(ctx, "t:lease:bsc").Result(); err != nil || got != fmt.Sprint(token, " a") {
		t.Fatalf("the replica has the lease as %q, %v", got, err)
	}
	if ok, err := l.Renew(ctx, "bsc", token); err != nil || !ok {
		t.Fatalf("Renew with a replica up = %v, %v", ok, err)
	}
	if _, _, err := lease.NewRedis(c, "t:", "b", 10*time.Second).RequireReplicas(2, 100*time.Millisecond).Acquire(ctx, "eth"); !errors.Is(err, lease.ErrNotReplicated) {
		t.Fatalf("Acquire asking 2 replicas of 1: err = %v, want ErrNotReplicated", err)
	}

	replica.Kill9()
	if ok, err := l.Renew(ctx, "bsc", token); !errors.Is(err, lease.ErrNotReplicated) || ok {
		t.Fatalf("Renew with the replica gone = %v, %v, want ErrNotReplicated", ok, err)
	}
	if _, ok, err := l.Acquire(ctx, "base"); !errors.Is(err, lease.ErrNotReplicated) || ok {
		t.Fatalf("Acquire with the replica gone = %v, %v, want ErrNotReplicated", ok, err)
	}
	// A lease another owner holds is refused as before: nothing was written to wait for.
	if _, ok, err := lease.NewRedis(c, "t:", "b", 10*time.Second).RequireReplicas(1, 100*time.Millisecond).Acquire(ctx, "bsc"); err != nil || ok {
		t.Fatalf("Acquire of a held lease = %v, %v, want not acquired and no error", ok, err)
	}
	// Without min replicas nothing waits.
	if _, ok, err := lease.NewRedis(c, "t:", "c", 10*time.Second).Acquire(ctx, "op"); err != nil || !ok {
		t.Fatalf("Acquire without min replicas = %v, %v", ok, err)
	}
}
