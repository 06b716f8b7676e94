package api_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/allora-gateway/allora-gateway/api"
)

func TestReadyzFailsWhileACheckFails(t *testing.T) {
	var stalled atomic.Bool
	chains := func(context.Context) error {
		if stalled.Load() {
			return errors.New("chain bnb (56): no new block for 31s, more than 30 block times of 1s (last block 812)")
		}
		return nil
	}
	h := api.New(seededStore(t), api.WithVersion("v0.3.1"), api.WithReadinessCheck("relayer", chains)).Handler()
	assertJSON(t, do(t, h, "GET", "/readyz"), 200, jsonType, `{"status":"ok","version":"v0.3.1"}`)

	stalled.Store(true)
	assertJSON(t, do(t, h, "GET", "/readyz"), 503, problemType,
		problemJSON(503, "relayer: chain bnb (56): no new block for 31s, more than 30 block times of 1s (last block 812)", "/readyz"))
	assertJSON(t, do(t, h, "GET", "/healthz"), 200, jsonType, `{"status":"ok","version":"v0.3.1"}`)

	stalled.Store(false)
	assertJSON(t, do(t, h, "GET", "/readyz"), 200, jsonType, `{"status":"ok","version":"v0.3.1"}`)
}
