package lease

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Table holds in-memory leases for the Memory leases of one process, which share it
// the way replicas share Redis.
type Table struct {
	mu     sync.Mutex
	now    func() time.Time
	held   map[string]heldLease
	tokens map[string]uint64
}

type heldLease struct {
	owner string
	token uint64
	until time.Time
}

// NewTable returns a table without leases.
func NewTable() *Table {
	return &Table{now: time.Now, held: make(map[string]heldLease), tokens: make(map[string]uint64)}
}

// holderLocked returns the live holder of name. t.mu must be held.
func (t *Table) holderLocked(name string) (heldLease, bool) {
	h, ok := t.held[name]
	if ok && !t.now().Before(h.until) {
		delete(t.held, name)
		return heldLease{}, false
	}
	return h, ok
}

// Memory is a Lease kept in a Table, for a single process without Redis (devnet) and
// for tests.
type Memory struct {
	t     *Table
	owner string
	ttl   time.Duration
}

var _ Lease = (*Memory)(nil)

// NewMemory returns the leases in t as seen by owner (NewOwnerID() when empty), each
// held for ttl after it is acquired or renewed.
func NewMemory(t *Table, owner string, ttl time.Duration) *Memory {
	if owner == "" {
		owner = NewOwnerID()
	}
	return &Memory{t: t, owner: owner, ttl: ttl}
}

// Owner returns the owner id this Memory acquires leases for.
func (m *Memory) Owner() string { return m.owner }

// Acquire implements Lease.
func (m *Memory) Acquire(ctx context.Context, name string) (uint64, bool, error) {
	if err := ctx.Err(); err != nil {
		return 0, false, fmt.Errorf("acquire lease %q: %w", name, err)
	}
	m.t.mu.Lock()
	defer m.t.mu.Unlock()
	h, ok := m.t.holderLocked(name)
	if ok && h.owner != m.owner {
		return 0, false, nil
	}
	if !ok {
		m.t.tokens[name]++
		h = heldLease{owner: m.owner, token: m.t.tokens[name]}
	}
	h.until = m.t.now().Add(m.ttl)
	m.t.held[name] = h
	return h.token, true, nil
}

// Renew implements Lease.
func (m *Memory) Renew(ctx context.Context, name string, token uint64) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("renew lease %q token %d: %w", name, token, err)
	}
	m.t.mu.Lock()
	defer m.t.mu.Unlock()
	h, ok := m.t.holderLocked(name)
	if !ok || h.owner != m.owner || h.token != token {
		return false, nil
	}
	h.until = m.t.now().Add(m.ttl)
	m.t.held[name] = h
	return true, nil
}

// Release implements Lease.
func (m *Memory) Release(ctx context.Context, name string, token uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("release lease %q token %d: %w", name, token, err)
	}
	m.t.mu.Lock()
	defer m.t.mu.Unlock()
	if h, ok := m.t.holderLocked(name); ok && h.owner == m.owner && h.token == token {
		delete(m.t.held, name)
	}
	return nil
}

// Holder implements Lease.
func (m *Memory) Holder(ctx context.Context, name string) (string, uint64, error) {
	if err := ctx.Err(); err != nil {
		return "", 0, fmt.Errorf("read lease %q holder: %w", name, err)
	}
	m.t.mu.Lock()
	defer m.t.mu.Unlock()
	h, ok := m.t.holderLocked(name)
	if !ok {
		return "", 0, nil
	}
	return h.owner, h.token, nil
}
