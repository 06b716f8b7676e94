package lease

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/allora-gateway/allora-gateway/relayer/internal/replicated"
	"github.com/redis/go-redis/v9"
)

// Redis is a Lease kept in Redis. The lease "name" is the key <prefix>:lease:<name>,
// holding "<token> <owner>" with a time to live (SET PX); its fencing token comes from
// INCR on <prefix>:lease:<name>:token, which never expires so tokens only grow. Every
// step is one Lua script, so acquiring, renewing and releasing are compare-and-set on
// the owner and token.
//
// Tokens only grow while Redis keeps its data: a Redis restarted without persistence
// starts them again at 1, together with the store's fences, which it loses too.
type Redis struct {
	c      redis.UniversalClient
	prefix string
	owner  string
	ttl    time.Duration

	minReplicas    int
	replicaTimeout time.Duration
}

var _ Lease = (*Redis)(nil)

// NewRedis returns the leases under prefix as seen by owner (NewOwnerID() when empty),
// each held for ttl after it is acquired or renewed; prefix is joined with a colon as
// the store joins it (none added when it ends with one). ttl is rounded to milliseconds
// and must be at least one. The client stays the caller's to close.
func NewRedis(client redis.UniversalClient, prefix, owner string, ttl time.Duration) *Redis {
	if owner == "" {
		owner = NewOwnerID()
	}
	if prefix != "" && !strings.HasSuffix(prefix, ":") {
		prefix += ":" // as the store joins it, so one prefix keeps both apart
	}
	return &Redis{c: client, prefix: prefix, owner: owner, ttl: max(ttl, time.Millisecond)}
}

// ErrNotReplicated marks an acquisition or renewal the primary made but fewer replicas
// than asked acknowledged in time (RequireReplicas): a failover may lose it, so the
// lease counts as not taken or not renewed.
var ErrNotReplicated = errors.New("lease write not acknowledged by enough replicas (check INFO replication on the primary: are its replicas up and in sync? or lower redis.min_replicas)")

// RequireReplicas makes acquiring and renewing wait, after the primary has written the
// lease, until n replicas have it too (Redis WAIT), for at most timeout (one second when
// not positive; keep it below the client's read timeout), and fail with
// ErrNotReplicated when fewer acknowledge. Redis replicates asynchronously, so without
// it a failover may promote a replica that never saw the lease, and another owner
// takes it while this one still leads. It returns r.
func (r *Redis) RequireReplicas(n int, timeout time.Duration) *Redis {
	r.minReplicas = max(n, 0)
	r.replicaTimeout = timeout
	if timeout <= 0 {
		r.replicaTimeout = time.Second
	}
	return r
}

// run runs script and, when r wants replicas, WAIT on the same connection, which
// counts the replicas that have every write that connection made.
func (r *Redis) run(ctx context.Context, script *redis.Script, keys []string, args ...any) *redis.Cmd {
	return replicated.Run(ctx, r.c, r.minReplicas, r.replicaTimeout, ErrNotReplicated, script, keys, args...)
}

// Owner returns the owner id this Redis acquires leases for.
func (r *Redis) Owner() string { return r.owner }

// keys are the lease, its token counter and its reservation.
func (r *Redis) keys(name string) []string {
	k := r.prefix + "lease:" + name
	return []string{k, k + ":token", k + ":reserved"}
}

// acquireScript: KEYS[1] the lease, KEYS[2] its token counter, KEYS[3] its
// reservation; ARGV[1] the owner, ARGV[2] the time to live in milliseconds. Returns the
// token, or nil when another owner holds the lease or it is reserved for another.
var acquireScript = redis.NewScript(`
local res = redis.call('GET', KEYS[3])
if res and res ~= ARGV[1] then
  return false
end
local cur = redis.call('GET', KEYS[1])
if cur then
  local sp = string.find(cur, ' ', 1, true)
  if string.sub(cur, sp + 1) == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return string.sub(cur, 1, sp - 1)
  end
  return false
end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], token .. ' ' .. ARGV[1], 'PX', ARGV[2])
return tostring(token)
`)

// renewScript: KEYS[1] the lease, KEYS[2] its reservation; ARGV[1] "<token> <owner>",
// ARGV[2] the time to live in milliseconds, ARGV[3] the owner. Returns 1 when renewed.
// A lease reserved for another owner is not renewed but released, so the reserver takes
// it at once.
var renewScript = redis.NewScript(`
local res = redis.call('GET', KEYS[2])
if res and res ~= ARGV[3] then
  if redis.call('GET', KEYS[1]) == ARGV[1] then
    redis.call('DEL', KEYS[1])
  end
  return 0
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`)

// releaseScript: KEYS[1] the lease; ARGV[1] "<token> <owner>". Returns 1 when released.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`)

func (r *Redis) value(token uint64) string {
	return strconv.FormatUint(token, 10) + " " + r.owner
}

// Acquire implements Lease.
func (r *Redis) Acquire(ctx context.Context, name string) (uint64, bool, error) {
	s, err := r.run(ctx, acquireScript, r.keys(name), r.owner, r.ttl.Milliseconds()).Text()
	if errors.Is(err, redis.Nil) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("acquire lease %q: %w", name, err)
	}
	token, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("acquire lease %q: token %q: %w", name, s, err)
	}
	return token, true, nil
}

// Renew implements Lease.
func (r *Redis) Renew(ctx context.Context, name string, token uint64) (bool, error) {
	k := r.keys(name)
	n, err := r.run(ctx, renewScript, []string{k[0], k[2]}, r.value(token), r.ttl.Milliseconds(), r.owner).Int()
	if err != nil {
		return false, fmt.Errorf("renew lease %q token %d: %w", name, token, err)
	}
	return n == 1, nil
}

// Release implements Lease.
func (r *Redis) Release(ctx context.Context, name string, token uint64) error {
	if err := releaseScript.Run(ctx, r.c, r.keys(name)[:1], r.value(token)).Err(); err != nil {
		return fmt.Errorf("release lease %q token %d: %w", name, token, err)
	}
	return nil
}

// unreserveScript: KEYS[1] the reservation; ARGV[1] the owner. Deletes it if it is the
// owner's.
var unreserveScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 0
`)

// Reserve reserves the lease for this owner for d: while the reservation lasts no other
// owner acquires it, and its holder's next renewal releases it instead (an Elector then
// steps down, as when it loses the lease), so this owner acquires it within a third of
// the holder's time to live. An operator's command uses it to take a chain over from a
// running relayer; Unreserve ends it once the lease is acquired.
func (r *Redis) Reserve(ctx context.Context, name string, d time.Duration) error {
	if err := r.c.Set(ctx, r.keys(name)[2], r.owner, d).Err(); err != nil {
		return fmt.Errorf("reserve lease %q: %w", name, err)
	}
	return nil
}

// Unreserve ends this owner's reservation of the lease, if it has one.
func (r *Redis) Unreserve(ctx context.Context, name string) error {
	if err := unreserveScript.Run(ctx, r.c, r.keys(name)[2:], r.owner).Err(); err != nil {
		return fmt.Errorf("unreserve lease %q: %w", name, err)
	}
	return nil
}

// Holder implements Lease.
func (r *Redis) Holder(ctx context.Context, name string) (string, uint64, error) {
	s, err := r.c.Get(ctx, r.keys(name)[0]).Result()
	if errors.Is(err, redis.Nil) {
		return "", 0, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("read lease %q holder: %w", name, err)
	}
	tok, owner, ok := strings.Cut(s, " ")
	token, err := strconv.ParseUint(tok, 10, 64)
	if !ok || err != nil {
		return "", 0, fmt.Errorf("read lease %q holder: malformed value %q", name, s)
	}
	return owner, token, nil
}
