// Package lease lets several relayer replicas run while exactly one submits for each
// chain. A lease is a named, expiring claim held by one owner; every time it changes
// hands its fencing token grows, so a write carrying the token (see the store's
// FencedJournal) can be refused once a newer holder exists, even if the old one has
// not noticed yet. Redis holds the leases shared between processes; Memory holds them
// within one process. Elector keeps acquiring and renewing a lease and tells its
// owner when it leads.
package lease

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/google/uuid"
)

// ErrNotLeader is returned, wrapped with the lease's name, by Elector.Fence when the
// elector does not hold the lease with the given token.
var ErrNotLeader = errors.New("not the lease holder")

// Lease is a set of named leases as seen by one owner. Implementations bind the owner
// and the time to live when they are made.
type Lease interface {
	// Acquire claims the lease for this owner if nobody holds it, or extends it if this
	// owner holds it already, and returns its fencing token. ok is false when another
	// owner holds it.
	Acquire(ctx context.Context, name string) (token uint64, ok bool, err error)
	// Renew extends the lease for another time to live if this owner still holds it
	// with token, and reports whether it did.
	Renew(ctx context.Context, name string, token uint64) (bool, error)
	// Release gives the lease up if this owner holds it with token, so another can
	// take it at once; otherwise it does nothing.
	Release(ctx context.Context, name string, token uint64) error
	// Holder returns the lease's current owner and token, or "" and 0 when it is free.
	Holder(ctx context.Context, name string) (owner string, token uint64, err error)
}

// NewOwnerID returns an owner id unique to this process and call: the host name, the
// process id and a random part, so operators can tell from Holder which replica leads.
func NewOwnerID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
	}
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), uuid.NewString()[:8])
}
