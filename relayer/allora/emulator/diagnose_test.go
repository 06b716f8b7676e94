package emulator_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// A v7 node asked for emissions v9 answers 501 (REST) or Unimplemented (gRPC); the
// gateway says so, and which version the node does serve, instead of "unreachable".
func TestNotImplementedNamesTheVersionServed(t *testing.T) {
	cfg := testConfig()
	cfg.EmissionsVersion = "v7"
	emu, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	emu.Advance(20)
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	target := serveGRPC(t, emu)
	ctx := context.Background()

	rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion("v9"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rest.LatestInference(ctx, 14)
	err = allora.ExplainNotImplemented(ctx, err, allora.TransportREST, srv.URL, "v9")
	const wantREST = "node answers 501 for emissions v9; it serves v7; set `emissions_version: auto`"
	if !errors.Is(err, allora.ErrNotImplemented) || !strings.Contains(err.Error(), wantREST) {
		t.Errorf("REST: %v, want it to say %q", err, wantREST)
	}

	g := newGRPC(t, target, allora.WithEmissionsVersion("v9"))
	_, err = g.LatestInference(ctx, 14)
	err = allora.ExplainNotImplemented(ctx, err, allora.TransportGRPC, target, "v9")
	const wantGRPC = "node answers Unimplemented for emissions v9; it serves v7; set `emissions_version: auto`"
	if !errors.Is(err, allora.ErrNotImplemented) || !strings.Contains(err.Error(), wantGRPC) {
		t.Errorf("gRPC: %v, want it to say %q", err, wantGRPC)
	}

	// Other failures pass through untouched.
	other := errors.New("connection refused")
	if got := allora.ExplainNotImplemented(ctx, other, allora.TransportREST, srv.URL, "v9"); got != other {
		t.Errorf("other error became %v", got)
	}
}
