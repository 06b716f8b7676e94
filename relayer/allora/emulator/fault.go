package emulator

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

// FaultKind is a way the emulated node misbehaves, as real Allora endpoints do.
type FaultKind int

const (
	// FaultError answers every query with HTTP 500 over REST and gRPC Unavailable.
	FaultError FaultKind = iota + 1
	// FaultDelay holds every answer for Fault.Delay before giving it (or until the
	// caller gives up).
	FaultDelay
	// FaultRateLimit answers HTTP 429 with a Retry-After header over REST and
	// ResourceExhausted with a google.rpc.RetryInfo detail over gRPC, as a public
	// endpoint's rate limiter does.
	FaultRateLimit
	// FaultNaN serves the latest network inference with combined_value "NaN", a value
	// the chain's Dec can hold.
	FaultNaN
	// FaultGap makes the next Fault.Epochs worker windows close without a network
	// inference (no worker submitted), so the latest inference stays where it was and
	// no window-close event is emitted for them. It changes the chain, not what is
	// served: it clears itself once the epochs have passed, and ClearFaults ends it.
	FaultGap
	// FaultBackwards serves the inference Fault.Epochs windows older than the latest,
	// as a load-balanced endpoint whose nodes are out of step does.
	FaultBackwards
	// FaultStale freezes what the node serves where it is when the fault is set: its
	// latest block height, block queries above it and (of every topic, or of
	// Fault.Topic alone) the latest inference, as a node that stopped syncing does.
	// The chain goes on underneath, so ClearFaults catches up at once. A stale node
	// emits no websocket events.
	FaultStale
)

var faultNames = map[FaultKind]string{
	FaultError: "error", FaultDelay: "delay", FaultRateLimit: "rate limit", FaultNaN: "NaN",
	FaultGap: "gap", FaultBackwards: "backwards", FaultStale: "stale",
}

func (k FaultKind) String() string {
	if s, ok := faultNames[k]; ok {
		return s
	}
	return "FaultKind(" + strconv.Itoa(int(k)) + ")"
}

// Fault is a misbehaviour the emulator is told to show, on REST, gRPC and the
// websocket alike.
type Fault struct {
	Kind FaultKind
	// Topic limits the fault to one topic's emissions queries; 0 applies it to every
	// topic and, for FaultError, FaultDelay, FaultRateLimit and FaultStale, to the
	// block and status queries as well.
	Topic uint64
	// Delay is how long FaultDelay holds each answer.
	Delay time.Duration
	// RetryAfter is what FaultRateLimit tells the client to wait (default 1s); REST's
	// Retry-After header carries it in whole seconds, rounded up.
	RetryAfter time.Duration
	// Epochs is how many windows FaultGap skips and how many inferences back
	// FaultBackwards serves (default 1). FaultBackwards serves the oldest the node
	// remembers (the last 8) when asked for more.
	Epochs int
}

// historyLen is how many past inferences each topic keeps for FaultBackwards.
const historyLen = 8

// faultKey identifies a set fault: one per kind and topic.
type faultKey struct {
	kind  FaultKind
	topic uint64
}

// faultState is the emulator's misbehaviour. Guarded by Emulator.mu.
type faultState struct {
	set map[faultKey]Fault
	// staleHeight is the height a stale node (FaultStale, topic 0) stays at.
	staleHeight uint64
	// staleLatest holds, per topic, the inference a stale node or topic stays at
	// (nil when it had none yet).
	staleLatest map[uint64]*published
}

// SetFault makes the emulator misbehave as f says until ClearFaults, replacing any
// fault of the same kind and topic. Faults of different kinds combine.
func (e *Emulator) SetFault(f Fault) error {
	var problems []error
	if _, ok := faultNames[f.Kind]; !ok {
		problems = append(problems, fmt.Errorf("unknown fault kind %d", f.Kind))
	}
	if f.Delay < 0 || (f.Kind == FaultDelay && f.Delay == 0) {
		problems = append(problems, fmt.Errorf("delay %v: must be positive for a delay fault", f.Delay))
	}
	if f.RetryAfter < 0 {
		problems = append(problems, fmt.Errorf("retry after %v: must not be negative", f.RetryAfter))
	}
	if f.Epochs < 0 {
		problems = append(problems, fmt.Errorf("epochs %d: must not be negative", f.Epochs))
	}
	if f.RetryAfter == 0 {
		f.RetryAfter = time.Second
	}
	if f.Epochs == 0 {
		f.Epochs = 1
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if f.Topic != 0 && e.byID[f.Topic] == nil {
		problems = append(problems, fmt.Errorf("topic %d: the chain has no such topic", f.Topic))
	}
	if len(problems) > 0 {
		return fmt.Errorf("emulator: set %v fault: %w", f.Kind, errors.Join(problems...))
	}
	switch f.Kind {
	case FaultGap:
		for _, ts := range e.topics {
			if f.Topic == 0 || ts.cfg.ID == f.Topic {
				ts.gapLeft = f.Epochs
			}
		}
		return nil
	case FaultStale:
		if e.faults.staleLatest == nil {
			e.faults.staleLatest = make(map[uint64]*published)
		}
		if f.Topic == 0 {
			e.faults.staleHeight = e.height
		}
		for _, ts := range e.topics {
			if f.Topic == 0 || ts.cfg.ID == f.Topic {
				if _, frozen := e.faults.staleLatest[ts.cfg.ID]; !frozen {
					e.faults.staleLatest[ts.cfg.ID] = ts.latest
				}
			}
		}
	}
	if e.faults.set == nil {
		e.faults.set = make(map[faultKey]Fault)
	}
	e.faults.set[faultKey{f.Kind, f.Topic}] = f
	return nil
}

// ClearFaults ends every fault: the emulator answers as a healthy node again, at the
// chain's current height.
func (e *Emulator) ClearFaults() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults = faultState{}
	for _, ts := range e.topics {
		ts.gapLeft = 0
	}
}

// fault returns the fault of kind that applies to topic (a topic's own first, then
// the global one). e.mu is held.
func (e *Emulator) fault(kind FaultKind, topic uint64) (Fault, bool) {
	if topic != 0 {
		if f, ok := e.faults.set[faultKey{kind, topic}]; ok {
			return f, true
		}
	}
	f, ok := e.faults.set[faultKey{kind, 0}]
	return f, ok
}

// servedHeight is the latest height the node admits to. e.mu is held.
func (e *Emulator) servedHeight() uint64 {
	if _, stale := e.faults.set[faultKey{FaultStale, 0}]; stale {
		return e.faults.staleHeight
	}
	return e.height
}

// servedLatest is the latest inference the node answers for ts, after the stale,
// backwards and NaN faults. e.mu is held.
func (e *Emulator) servedLatest(ts *topicState) *published {
	id := ts.cfg.ID
	latest := ts.latest
	if frozen, ok := e.faults.staleLatest[id]; ok {
		latest = frozen
	}
	if f, ok := e.fault(FaultBackwards, id); ok && latest != nil {
		// Step back from the inference served, through the topic's history.
		i := len(ts.history) - 1
		for i > 0 && ts.history[i] != latest {
			i--
		}
		latest = ts.history[max(i-f.Epochs, 0)]
	}
	if _, ok := e.fault(FaultNaN, id); ok && latest != nil {
		nan := *latest
		nan.bundle.combined = "NaN"
		nan.inference.Value = "NaN"
		latest = &nan
	}
	return latest
}

// requestFault says how the node misbehaves on one query about topic (0 for a block or
// status query): how long to hold the answer, and the failure to answer instead of it.
func (e *Emulator) requestFault(topic uint64) (delay time.Duration, fail *Fault) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if f, ok := e.fault(FaultDelay, topic); ok {
		delay = f.Delay
	}
	for _, kind := range []FaultKind{FaultRateLimit, FaultError} {
		if f, ok := e.fault(kind, topic); ok {
			return delay, &f
		}
	}
	return delay, nil
}

// sleep waits d or until ctx ends, and reports whether the wait completed.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// injectHTTP applies the request faults to a REST query about topic. It reports false
// when it has answered (or the client left) and the handler must not.
func (e *Emulator) injectHTTP(w http.ResponseWriter, r *http.Request, topic uint64) bool {
	delay, fail := e.requestFault(topic)
	if !sleep(r.Context(), delay) {
		return false
	}
	if fail == nil {
		return true
	}
	switch fail.Kind {
	case FaultRateLimit:
		secs := int64(math.Ceil(fail.RetryAfter.Seconds()))
		w.Header().Set("Retry-After", strconv.FormatInt(max(secs, 1), 10))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write([]byte("Too Many Requests\n"))
	default:
		writeGatewayError(w, http.StatusInternalServerError, codeInternal, "emulated fault: internal error")
	}
	return false
}

// injectGRPC applies the request faults to a gRPC query about topic, returning the
// status to fail it with.
func (e *Emulator) injectGRPC(ctx context.Context, topic uint64) error {
	delay, fail := e.requestFault(topic)
	if !sleep(ctx, delay) {
		return status.FromContextError(ctx.Err()).Err()
	}
	if fail == nil {
		return nil
	}
	if fail.Kind == FaultRateLimit {
		st := status.New(codes.ResourceExhausted, "emulated fault: rate limited")
		if d, err := st.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(fail.RetryAfter)}); err == nil {
			st = d
		}
		return st.Err()
	}
	return status.Error(codes.Unavailable, "emulated fault: node unavailable")
}
