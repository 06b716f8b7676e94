package emulator_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// transport is one of the two clients of the same emulated node.
type transport struct {
	name   string
	client source
}

// bothTransports serves emu over REST and gRPC on loopback and returns a client of
// each, built with opts.
func bothTransports(t *testing.T, emu *emulator.Emulator, opts ...allora.Option) []transport {
	t.Helper()
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	rest, err := allora.NewREST(srv.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return []transport{{"REST", rest}, {"gRPC", newGRPC(t, serveGRPC(t, emu), opts...)}}
}

func newEmulator(t *testing.T) *emulator.Emulator {
	t.Helper()
	emu, err := emulator.New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	emu.Advance(40)
	return emu
}

func setFault(t *testing.T, emu *emulator.Emulator, f emulator.Fault) {
	t.Helper()
	if err := emu.SetFault(f); err != nil {
		t.Fatal(err)
	}
}

func TestFaultError(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	for _, tr := range bothTransports(t, emu) {
		t.Run(tr.name, func(t *testing.T) {
			defer emu.ClearFaults()
			checkUnavailable := func(what string, err error) {
				t.Helper()
				if tr.name == "gRPC" {
					if status.Code(err) != codes.Unavailable {
						t.Errorf("%s: %v, want gRPC Unavailable", what, err)
					}
					return
				}
				var re *allora.ResponseError
				if !errors.As(err, &re) || re.StatusCode != http.StatusInternalServerError ||
					!errors.Is(err, allora.ErrUnexpectedResponse) {
					t.Errorf("%s: %#v, want a ResponseError with HTTP 500", what, err)
				}
			}

			// One topic's queries fail; the other topics and the block queries answer.
			setFault(t, emu, emulator.Fault{Kind: emulator.FaultError, Topic: 14})
			_, err := tr.client.LatestInference(ctx, 14)
			checkUnavailable("topic 14 inference", err)
			_, err = tr.client.Topic(ctx, 14)
			checkUnavailable("topic 14 metadata", err)
			if _, err := tr.client.LatestInference(ctx, 13); err != nil {
				t.Errorf("topic 13 with a fault on topic 14 only: %v", err)
			}
			if _, err := tr.client.LatestHeight(ctx); err != nil {
				t.Errorf("latest height with a fault on topic 14 only: %v", err)
			}

			// A global fault fails everything.
			setFault(t, emu, emulator.Fault{Kind: emulator.FaultError})
			_, err = tr.client.LatestHeight(ctx)
			checkUnavailable("latest height", err)
			_, err = tr.client.LatestInference(ctx, 13)
			checkUnavailable("topic 13 inference", err)

			emu.ClearFaults()
			if _, err := tr.client.LatestInference(ctx, 14); err != nil {
				t.Errorf("after ClearFaults: %v", err)
			}
		})
	}
}

func TestFaultRateLimitSaysWhenToRetry(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	setFault(t, emu, emulator.Fault{Kind: emulator.FaultRateLimit, RetryAfter: 3 * time.Second})
	for _, tr := range bothTransports(t, emu) {
		t.Run(tr.name, func(t *testing.T) {
			for what, call := range map[string]func() error{
				"inference": func() error { _, err := tr.client.LatestInference(ctx, 14); return err },
				"height":    func() error { _, err := tr.client.LatestHeight(ctx); return err },
			} {
				err := call()
				var re *allora.ResponseError
				if !errors.As(err, &re) {
					t.Fatalf("%s: %v, want a ResponseError", what, err)
				}
				wantStatus, wantCode := http.StatusTooManyRequests, -1
				if tr.name == "gRPC" {
					wantStatus, wantCode = 0, int(codes.ResourceExhausted)
				}
				if re.StatusCode != wantStatus || re.GRPCCode != wantCode || re.RetryAfter != 3*time.Second {
					t.Errorf("%s: %+v, want status %d, gRPC code %d, retry after 3s", what, re, wantStatus, wantCode)
				}
			}
		})
	}
}

func TestFaultDelayMeetsTheClientDeadline(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	setFault(t, emu, emulator.Fault{Kind: emulator.FaultDelay, Topic: 14, Delay: time.Hour})
	for _, tr := range bothTransports(t, emu, allora.WithTimeout(50*time.Millisecond)) {
		t.Run(tr.name, func(t *testing.T) {
			_, err := tr.client.LatestInference(ctx, 14)
			if !errors.Is(err, context.DeadlineExceeded) && status.Code(err) != codes.DeadlineExceeded {
				t.Errorf("held answer: %v, want the client's deadline", err)
			}
			if _, err := tr.client.LatestInference(ctx, 13); err != nil {
				t.Errorf("topic 13 is not delayed: %v", err)
			}
		})
	}
}

func TestFaultNaNReachesTheClientAndScaleRejectsIt(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	setFault(t, emu, emulator.Fault{Kind: emulator.FaultNaN, Topic: 14})
	want, _ := emu.Latest(14)
	for _, tr := range bothTransports(t, emu) {
		t.Run(tr.name, func(t *testing.T) {
			inf, err := tr.client.LatestInference(ctx, 14)
			if err != nil {
				t.Fatal(err)
			}
			if inf.Value != "NaN" || inf.BlockHeight != want.BlockHeight {
				t.Fatalf("got %q at block %d, want NaN at block %d", inf.Value, inf.BlockHeight, want.BlockHeight)
			}
			_, err = oracle.NewUpdate(inf, false)
			if !errors.Is(err, oracle.ErrNaN) {
				t.Fatalf("NewUpdate of NaN: %v, want ErrNaN", err)
			}
			for _, name := range []string{"topic 14", fmt.Sprintf("block %d", want.BlockHeight)} {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("error %q does not name %s", err, name)
				}
			}
			if other, err := tr.client.LatestInference(ctx, 13); err != nil || other.Value == "NaN" {
				t.Errorf("topic 13: %q, %v; want its value untouched", other.Value, err)
			}
		})
	}
}

func TestFaultGapSkipsEpochs(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	clients := bothTransports(t, emu)
	before, _ := emu.Latest(14)
	const epoch = 5 // topic 14's epoch length
	setFault(t, emu, emulator.Fault{Kind: emulator.FaultGap, Topic: 14, Epochs: 2})
	other, _ := emu.Latest(13)
	emu.Advance(2 * epoch)
	for _, tr := range clients {
		inf, err := tr.client.LatestInference(ctx, 14)
		if err != nil || inf.BlockHeight != before.BlockHeight {
			t.Errorf("%s: during the gap, block %d (%v); want block %d kept", tr.name, inf.BlockHeight, err, before.BlockHeight)
		}
		if inf, _ := tr.client.LatestInference(ctx, 13); inf.BlockHeight <= other.BlockHeight {
			t.Errorf("%s: topic 13 stopped at block %d during topic 14's gap", tr.name, inf.BlockHeight)
		}
	}
	emu.Advance(epoch) // the gap has passed: the next window closes with an inference
	for _, tr := range clients {
		inf, err := tr.client.LatestInference(ctx, 14)
		if want := before.BlockHeight + 3*epoch; err != nil || inf.BlockHeight != want {
			t.Errorf("%s: after the gap, block %d (%v); want block %d", tr.name, inf.BlockHeight, err, want)
		}
	}
}

func TestFaultBackwardsServesAnOlderInference(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	latest, _ := emu.Latest(14)
	setFault(t, emu, emulator.Fault{Kind: emulator.FaultBackwards, Epochs: 2})
	for _, tr := range bothTransports(t, emu) {
		inf, err := tr.client.LatestInference(ctx, 14)
		if want := latest.BlockHeight - 2*5; err != nil || inf.BlockHeight != want {
			t.Errorf("%s: block %d (%v), want block %d, two epochs back", tr.name, inf.BlockHeight, err, want)
		}
	}
}

func TestFaultStaleNodeStopsAdvancing(t *testing.T) {
	ctx := context.Background()
	emu := newEmulator(t)
	clients := bothTransports(t, emu)
	height := emu.Height()
	latest, _ := emu.Latest(14)
	setFault(t, emu, emulator.Fault{Kind: emulator.FaultStale})
	emu.Advance(30)
	for _, tr := range clients {
		if h, err := tr.client.LatestHeight(ctx); err != nil || h != height {
			t.Errorf("%s: stale node at height %d (%v), want %d", tr.name, h, err, height)
		}
		if inf, err := tr.client.LatestInference(ctx, 14); err != nil || inf.BlockHeight != latest.BlockHeight {
			t.Errorf("%s: stale node serves block %d (%v), want %d", tr.name, inf.BlockHeight, err, latest.BlockHeight)
		}
	}
	emu.ClearFaults()
	now, _ := emu.Latest(14)
	for _, tr := range clients {
		if h, err := tr.client.LatestHeight(ctx); err != nil || h != height+30 {
			t.Errorf("%s: recovered node at height %d (%v), want %d", tr.name, h, err, height+30)
		}
		if inf, err := tr.client.LatestInference(ctx, 14); err != nil || inf.BlockHeight != now.BlockHeight {
			t.Errorf("%s: recovered node serves block %d (%v), want %d", tr.name, inf.BlockHeight, err, now.BlockHeight)
		}
	}
}

func TestSetFaultReportsEveryProblem(t *testing.T) {
	emu := newEmulator(t)
	err := emu.SetFault(emulator.Fault{Kind: emulator.FaultDelay, Topic: 999, Epochs: -1})
	for _, want := range []string{"delay 0s", "topic 999", "epochs -1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("SetFault: %v, want it to mention %q", err, want)
		}
	}
}
