package relayer

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// taggedWriter is a chain writer whose tagged block reads answer what the test says.
type taggedWriter struct {
	ChainWriter
	final ChainHead
	err   error
	asked []string
}

func (w *taggedWriter) TaggedHead(_ context.Context, tag string) (ChainHead, error) {
	w.asked = append(w.asked, tag)
	return w.final, w.err
}

// logLines records the messages logged.
type logLines struct {
	mu   sync.Mutex
	msgs []string
}

func (l *logLines) Enabled(context.Context, slog.Level) bool { return true }
func (l *logLines) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logLines) WithGroup(string) slog.Handler            { return l }
func (l *logLines) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, r.Message)
	return nil
}

// TestFinalFollowerTagDepthAndFallback checks each way a final block is found: a depth
// under the head (never below block 0, asking nothing of the endpoint), the tag the
// endpoint serves, and head − confirmations while it does not, logged once when it
// stops serving the tag and once when it serves it again.
func TestFinalFollowerTagDepthAndFallback(t *testing.T) {
	ctx := context.Background()
	lines := &logLines{}
	log := slog.New(lines)

	w := &taggedWriter{final: ChainHead{Number: 95}}
	depth := finalFollower{finality: Finality{Depth: 10}}
	if got := depth.final(ctx, w, ChainHead{Number: 100}, log); got != 90 {
		t.Errorf("depth 10 at head 100: final %d, want 90", got)
	}
	if got := depth.final(ctx, w, ChainHead{Number: 3}, log); got != 0 {
		t.Errorf("depth 10 at head 3: final %d, want 0", got)
	}
	if len(w.asked) != 0 {
		t.Errorf("a depth asked the endpoint for tags %v", w.asked)
	}

	tagged := finalFollower{finality: Finality{Tag: "safe", Depth: 10}}
	steps := []struct {
		name string
		err  error
		want uint64
	}{
		{"served", nil, 95},
		{"not served", errors.New("unsupported block tag safe"), 90},
		{"still not served", errors.New("unsupported block tag safe"), 90},
		{"served again", nil, 95},
	}
	for _, s := range steps {
		w.err = s.err
		if got := tagged.final(ctx, w, ChainHead{Number: 100}, log); got != s.want {
			t.Errorf("%s: final %d, want %d", s.name, got, s.want)
		}
	}
	if strings.Join(w.asked, ",") != "safe,safe,safe,safe" {
		t.Errorf("tags asked: %v, want safe at every read", w.asked)
	}
	want := []string{
		"the chain's endpoint does not serve the block tag; following the final block at head − confirmations until it does",
		"the chain's endpoint serves the block tag again; following it",
	}
	if strings.Join(lines.msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("logged %q, want %q", lines.msgs, want)
	}

	// A writer that reads no tags is followed at its depth, said once.
	lines.msgs = nil
	var plain struct{ ChainWriter }
	noTags := finalFollower{finality: Finality{Tag: "finalized", Depth: 2}}
	for range 3 {
		if got := noTags.final(ctx, plain, ChainHead{Number: 100}, log); got != 98 {
			t.Errorf("a writer without tags, depth 2 at head 100: final %d, want 98", got)
		}
	}
	if len(lines.msgs) != 1 {
		t.Errorf("a writer without tags logged %q, want one warning", lines.msgs)
	}
}
