package lease_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
)

// backend makes leases sharing one namespace, as replicas sharing one Redis do.
type backend func(owner string, ttl time.Duration) lease.Lease

func backends(t *testing.T) map[string]func(t *testing.T) backend {
	return map[string]func(t *testing.T) backend{
		"Redis": func(t *testing.T) backend {
			c := redistest.Client(t, nil)
			prefix := redistest.Prefix(t)
			return func(owner string, ttl time.Duration) lease.Lease { return lease.NewRedis(c, prefix, owner, ttl) }
		},
		"Memory": func(t *testing.T) backend {
			table := lease.NewTable()
			return func(owner string, ttl time.Duration) lease.Lease { return lease.NewMemory(table, owner, ttl) }
		},
	}
}

// inBubble runs the memory backend's test in a synctest bubble, where the sleeps and
// timeouts the leases are made of pass at once and exactly, so its time assertions
// hold whatever the machine's load. Redis keeps its own real clock: its backend runs
// outside.
func inBubble(t *testing.T, backend string, test func(t *testing.T)) {
	if backend == "Memory" {
		synctest.Test(t, test)
		return
	}
	test(t)
}

func TestLease(t *testing.T) {
	for name, newBackend := range backends(t) {
		t.Run(name, func(t *testing.T) {
			inBubble(t, name, func(t *testing.T) { testLease(t, newBackend(t)) })
		})
	}
}

func testLease(t *testing.T, newLease backend) {
	ctx := context.Background()
	const ttl = 300 * time.Millisecond
	a, b := newLease("replica-a", ttl), newLease("replica-b", ttl)

	acquire := func(l lease.Lease, wantOK bool) uint64 {
		t.Helper()
		tok, ok, err := l.Acquire(ctx, "chain/56")
		if err != nil || ok != wantOK {
			t.Fatalf("Acquire = %d, %v, %v; want ok %v", tok, ok, err, wantOK)
		}
		return tok
	}
	renew := func(l lease.Lease, token uint64, want bool) {
		t.Helper()
		if ok, err := l.Renew(ctx, "chain/56", token); err != nil || ok != want {
			t.Errorf("Renew(%d) = %v, %v; want %v", token, ok, err, want)
		}
	}
	holder := func(wantOwner string, wantToken uint64) {
		t.Helper()
		owner, token, err := a.Holder(ctx, "chain/56")
		if err != nil || owner != wantOwner || token != wantToken {
			t.Errorf("Holder = %q, %d, %v; want %q, %d", owner, token, err, wantOwner, wantToken)
		}
	}

	holder("", 0)
	t1 := acquire(a, true)
	acquire(b, false)
	holder("replica-a", t1)
	if again := acquire(a, true); again != t1 {
		t.Errorf("the holder acquiring again got token %d, want its token %d", again, t1)
	}
	renew(b, t1, false)   // not the owner
	renew(a, t1+1, false) // not its token
	renew(a, t1, true)
	if err := b.Release(ctx, "chain/56", t1); err != nil {
		t.Fatal(err)
	}
	holder("replica-a", t1) // only the holder releases
	if err := a.Release(ctx, "chain/56", t1); err != nil {
		t.Fatal(err)
	}
	holder("", 0)

	t2 := acquire(b, true)
	if t2 <= t1 {
		t.Errorf("token after a handover %d, want above %d", t2, t1)
	}
	if tok, ok, err := a.Acquire(ctx, "chain/324"); err != nil || !ok {
		t.Errorf("another lease name: Acquire = %d, %v, %v; want it free", tok, ok, err)
	}
	// b stops renewing: the lease expires after its time to live and a takes it.
	testsupport.WaitFor(t, 10*ttl, "b's lease expires", func() bool {
		owner, _, err := a.Holder(ctx, "chain/56")
		return err == nil && owner == ""
	})
	t3 := acquire(a, true)
	if t3 <= t2 {
		t.Errorf("token after expiry %d, want above %d", t3, t2)
	}
	renew(b, t2, false) // the stale holder cannot renew
	holder("replica-a", t3)
}

// flaky wraps a Lease so a test can cut it off from its backend (a partition or a
// frozen process: renewals fail) or make Release do nothing (a crash).
type flaky struct {
	lease.Lease
	cut       atomic.Bool
	noRelease atomic.Bool
	acquires  atomic.Int64 // calls that reached the backend
	renewals  atomic.Int64 // renewals the backend granted
}

var errCut = errors.New("connection cut by the test")

func (f *flaky) Acquire(ctx context.Context, name string) (uint64, bool, error) {
	if f.cut.Load() {
		return 0, false, errCut
	}
	defer f.acquires.Add(1)
	return f.Lease.Acquire(ctx, name)
}

func (f *flaky) Renew(ctx context.Context, name string, token uint64) (bool, error) {
	if f.cut.Load() {
		return false, errCut
	}
	ok, err := f.Lease.Renew(ctx, name, token)
	if ok && err == nil {
		f.renewals.Add(1)
	}
	return ok, err
}

func (f *flaky) Release(ctx context.Context, name string, token uint64) error {
	if f.noRelease.Load() {
		return nil
	}
	return f.Lease.Release(ctx, name, token)
}

// replica is one elector running in its own goroutine.
type replica struct {
	lease  *flaky
	el     *lease.Elector
	cancel context.CancelFunc
	done   chan struct{}
}

func startReplica(t *testing.T, l lease.Lease, ttl time.Duration, onChange func(uint64, bool)) *replica {
	ctx, cancel := context.WithCancel(context.Background())
	r := &replica{lease: &flaky{Lease: l}, cancel: cancel, done: make(chan struct{})}
	r.el = lease.NewElector(r.lease, "chain/56", ttl, lease.OnChange(onChange))
	go func() {
		defer close(r.done)
		if err := r.el.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	t.Cleanup(r.stop)
	return r
}

func (r *replica) stop() {
	r.cancel()
	<-r.done
}

// sampler checks, until stopped, that no two replicas lead at once. A sample whose
// reads took long is discarded: a handover between its reads is not an overlap.
type sampler struct {
	stopOnce sync.Once
	stopCh   chan struct{}
	done     chan struct{}
	overlaps atomic.Int64
	samples  atomic.Int64
}

func startSampler(rs ...*replica) *sampler {
	s := &sampler{stopCh: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for {
			select {
			case <-s.stopCh:
				return
			case <-time.After(time.Millisecond):
			}
			start := time.Now()
			leaders := 0
			for _, r := range rs {
				if _, ok := r.el.Leader(); ok {
					leaders++
				}
			}
			if time.Since(start) > 5*time.Millisecond {
				continue
			}
			s.samples.Add(1)
			if leaders > 1 {
				s.overlaps.Add(1)
			}
		}
	}()
	return s
}

func (s *sampler) stop(t *testing.T) {
	t.Helper()
	s.stopOnce.Do(func() { close(s.stopCh) })
	<-s.done
	if n := s.overlaps.Load(); n > 0 {
		t.Errorf("%d of %d samples saw two leaders at once", n, s.samples.Load())
	}
	if s.samples.Load() < 100 {
		t.Errorf("only %d samples taken", s.samples.Load())
	}
}

// waitLeader waits up to within for one of rs to lead and returns it with its token.
func waitLeader(t *testing.T, within time.Duration, rs ...*replica) (*replica, uint64, time.Duration) {
	t.Helper()
	start := time.Now()
	for time.Since(start) < within {
		for _, r := range rs {
			if tok, ok := r.el.Leader(); ok {
				return r, tok, time.Since(start)
			}
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("no leader within %s", within)
	return nil, 0, 0
}

func TestElector(t *testing.T) {
	for name, newBackend := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each backend keeps its own leases; the waits overlap
			inBubble(t, name, func(t *testing.T) { testElector(t, newBackend(t)) })
		})
	}
}

func testElector(t *testing.T, newLease backend) {
	// Long enough that renewing every ttl/3 survives the scheduler stalls of -race on a
	// busy two-core machine, where shorter leases were lost now and then.
	const ttl = 3 * time.Second
	// Slack for the scheduler under -race on a busy machine.
	const slack = 1500 * time.Millisecond
	var (
		mu     sync.Mutex
		tokens []uint64 // every token led with, in order
	)
	onChange := func(token uint64, leader bool) {
		if leader {
			mu.Lock()
			tokens = append(tokens, token)
			mu.Unlock()
		}
	}
	a := startReplica(t, newLease("replica-a", ttl), ttl, onChange)
	b := startReplica(t, newLease("replica-b", ttl), ttl, onChange)
	s := startSampler(a, b)

	leader, t1, _ := waitLeader(t, ttl+slack, a, b)
	follower := map[*replica]*replica{a: b, b: a}[leader]
	// Renewals keep the leader: six of them (every ttl/3) span two lease lifetimes.
	renewed := leader.lease.renewals.Load()
	testsupport.WaitFor(t, 4*ttl, "six renewals", func() bool { return leader.lease.renewals.Load() >= renewed+6 })
	if tok, ok := leader.el.Leader(); !ok || tok != t1 {
		t.Fatalf("the leader lost its lease while renewing: %d, %v", tok, ok)
	}
	if err := leader.el.Fence(t1); err != nil {
		t.Errorf("leader Fence(%d): %v", t1, err)
	}
	if err := follower.el.Fence(t1); !errors.Is(err, lease.ErrNotLeader) {
		t.Errorf("follower Fence(%d): error %v, want ErrNotLeader", t1, err)
	}

	// The leader is cut off and cannot renew: it must step down before the lease
	// expires, and the follower take over within the time to live.
	cutAt := time.Now()
	leader.lease.cut.Store(true)
	_, t2, _ := waitLeader(t, ttl+ttl/10+slack, follower)
	took := time.Since(cutAt)
	if t2 <= t1 {
		t.Errorf("new leader's token %d, want above %d", t2, t1)
	}
	if took < ttl-ttl/3 {
		t.Errorf("takeover after %s, before the lease could have expired", took)
	}
	if err := leader.el.Fence(t1); !errors.Is(err, lease.ErrNotLeader) {
		t.Errorf("cut-off leader Fence(%d): error %v, want ErrNotLeader", t1, err)
	}
	if ok, err := leader.lease.Lease.Renew(context.Background(), "chain/56", t1); err != nil || ok {
		t.Errorf("stale leader's Renew(%d) = %v, %v; want false", t1, ok, err)
	}

	// The old leader comes back as a follower; the new one crashes: its context
	// ends without releasing the lease, so the lease must expire first.
	leader.lease.cut.Store(false)
	tried := leader.lease.acquires.Load()
	testsupport.WaitFor(t, 2*ttl, "the old leader tries the lease twice", func() bool { return leader.lease.acquires.Load() >= tried+2 })
	if _, ok := leader.el.Leader(); ok {
		t.Fatal("the old leader took the lease back while the new one renews it")
	}
	follower.lease.noRelease.Store(true)
	crashAt := time.Now()
	follower.stop()
	_, t3, _ := waitLeader(t, ttl+ttl/10+slack, leader)
	if took := time.Since(crashAt); took < ttl-ttl/3-ttl/10 {
		t.Errorf("takeover %s after the crash, before the lease could have expired", took)
	}
	if t3 <= t2 {
		t.Errorf("token after the crash %d, want above %d", t3, t2)
	}
	s.stop(t)

	// A clean stop releases the lease: a new replica takes over well within the
	// time to live.
	c := startReplica(t, newLease("replica-c", ttl), ttl, onChange)
	stopAt := time.Now()
	leader.stop()
	_, t4, _ := waitLeader(t, ttl+slack, c)
	if took := time.Since(stopAt); took > ttl/10+slack {
		t.Errorf("takeover %s after a clean stop, want about the retry interval", took)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []uint64{t1, t2, t3, t4}
	if len(tokens) != len(want) {
		t.Fatalf("led with tokens %v, want %v", tokens, want)
	}
	for i := range want {
		if tokens[i] != want[i] || (i > 0 && tokens[i] <= tokens[i-1]) {
			t.Errorf("led with tokens %v, want strictly increasing %v", tokens, want)
			break
		}
	}
}

func TestElectorStopsCleanly(t *testing.T) {
	for name, newBackend := range backends(t) {
		t.Run(name, func(t *testing.T) {
			newLease := newBackend(t) // the client's goroutines are not the elector's
			defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
			ctx, cancel := context.WithCancel(context.Background())
			changes := make(chan bool, 4)
			el := lease.NewElector(newLease("replica-a", time.Second), "chain/56", time.Second,
				lease.OnChange(func(_ uint64, leader bool) { changes <- leader }))
			done := make(chan error, 1)
			go func() { done <- el.Run(ctx) }()
			if !<-changes {
				t.Fatal("first change was not leading")
			}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
			if <-changes {
				t.Error("stopping did not report stepping down")
			}
			if _, ok := el.Leader(); ok {
				t.Error("still leader after Run returned")
			}
		})
	}
}

// An operator's command reserves a Redis lease a running elector holds: the elector
// steps down at its next renewal, the reserver acquires it with a newer token and no
// other owner can take it meanwhile; once the reserver lets it go the elector leads
// again, with a newer token still.
func TestReserveTakesTheLeaseFromARunningElector(t *testing.T) {
	c := redistest.Client(t, nil)
	prefix := redistest.Prefix(t)
	const ttl = 600 * time.Millisecond
	const name = "chain/56"
	var mu sync.Mutex
	var changes []bool
	r := startReplica(t, lease.NewRedis(c, prefix, "relayer", ttl), ttl, func(_ uint64, leader bool) {
		mu.Lock()
		defer mu.Unlock()
		changes = append(changes, leader)
	})
	_, first, _ := waitLeader(t, 5*time.Second, r)

	ctx := context.Background()
	admin := lease.NewRedis(c, prefix, "operator", ttl)
	if err := admin.Reserve(ctx, name, time.Minute); err != nil {
		t.Fatal(err)
	}
	var token uint64
	testsupport.WaitFor(t, 5*time.Second, "the reserver acquires the lease", func() bool {
		tok, ok, err := admin.Acquire(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		token = tok
		return ok
	})
	if token <= first {
		t.Errorf("reserver's token %d, want newer than the elector's %d", token, first)
	}
	if _, ok := r.el.Leader(); ok {
		t.Error("the elector still leads while the reserver holds the lease")
	}
	// A third owner cannot take the reserved lease, even once it is released.
	if err := admin.Release(ctx, name, token); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := lease.NewRedis(c, prefix, "replica-b", ttl).Acquire(ctx, name); err != nil || ok {
		t.Errorf("another owner acquired a reserved lease: ok %v err %v", ok, err)
	}
	if err := admin.Unreserve(ctx, name); err != nil {
		t.Fatal(err)
	}
	_, again, _ := waitLeader(t, 5*time.Second, r)
	if again <= token {
		t.Errorf("the elector leads again with token %d, want newer than the reserver's %d", again, token)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(changes) < 3 || !changes[0] || changes[1] || !changes[2] {
		t.Errorf("elector changes %v, want lead, step down, lead", changes)
	}
}
