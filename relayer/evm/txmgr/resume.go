package txmgr

import (
	"context"
	"fmt"
)

// Resume sees every journaled transaction through now, as the first Send does, even
// if this manager has resumed before, and then reseeds the nonce from the endpoint.
// A replica that has just become the chain's submitter calls it: while it was not,
// another replica may have journaled and sent transactions this manager never saw,
// and moved the key's nonce on.
func (m *Manager) Resume(ctx context.Context) error {
	select {
	case m.sem <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("wait for the transaction in flight: %w", ctx.Err())
	}
	defer func() { <-m.sem }()
	m.mu.Lock()
	m.resumed, m.nonceKnown = false, false
	m.mu.Unlock()
	if err := m.resume(ctx); err != nil {
		return fmt.Errorf("see journaled transactions through: %w", err)
	}
	return nil
}
