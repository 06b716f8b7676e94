package api

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ReadinessCheck reports whether something the process serves from is ready: nil when
// it is, otherwise an error whose message /readyz shows as the problem's detail, so it
// must say what is wrong in words fit for whoever can reach /readyz (a chain's name
// and its last block, say) and carry no secret.
type ReadinessCheck func(ctx context.Context) error

type readinessCheck struct {
	name  string
	check ReadinessCheck
}

// WithReadinessCheck adds check to what /readyz requires beside the store answering;
// name prefixes its detail. The relayer adds one that fails while a chain's head
// stands still, so a load balancer or Kubernetes sees a relayer that stopped moving.
func WithReadinessCheck(name string, check ReadinessCheck) Option {
	return func(s *Server) { s.readiness = append(s.readiness, readinessCheck{name: name, check: check}) }
}

// checkReadiness runs every readiness check and returns an error naming each that
// failed, with a public detail, or nil.
func (s *Server) checkReadiness(ctx context.Context) error {
	var (
		details []string
		errs    []error
	)
	for _, c := range s.readiness {
		if err := c.check(ctx); err != nil {
			details = append(details, c.name+": "+err.Error())
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return withDetail(fmt.Errorf("readiness: %w: %w", errNotReady, errors.Join(errs...)), "%s", strings.Join(details, "; "))
}
