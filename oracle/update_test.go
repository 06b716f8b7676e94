package oracle

import (
	"errors"
	"testing"
	"time"
)

func TestNewUpdate(t *testing.T) {
	at := time.Date(2025, 11, 24, 20, 16, 5, 900_000_000, time.UTC)
	u, err := NewUpdate(Inference{TopicID: 7, BlockHeight: 123, Value: "3012.5", Timestamp: at}, false)
	if err != nil {
		t.Fatal(err)
	}
	if u.TopicID != 7 || u.BlockHeight != 123 || u.Timestamp != uint64(at.Unix()) || u.Value.String() != "3012500000000000000000" {
		t.Errorf("NewUpdate = %+v", u)
	}

	neg, err := NewUpdate(Inference{TopicID: 3, BlockHeight: 9, Value: "-0.25", Timestamp: at}, true)
	if err != nil {
		t.Fatal(err)
	}
	if neg.Value.String() != "-250000000000000000" {
		t.Errorf("negative value = %s", neg.Value)
	}
}

func TestNewUpdateErrors(t *testing.T) {
	at := time.Unix(1_700_000_000, 0)
	tests := []struct {
		name string
		inf  Inference
		err  error
		msg  string
	}{
		{
			name: "bad value",
			inf:  Inference{TopicID: 7, BlockHeight: 123, Value: "NaN", Timestamp: at},
			err:  ErrNaN,
			msg:  `topic 7 at block 123: value: decimal is NaN: "NaN"`,
		},
		{
			name: "negative value",
			inf:  Inference{TopicID: 7, BlockHeight: 123, Value: "-1", Timestamp: at},
			err:  ErrNegative,
			msg:  `topic 7 at block 123: value: negative decimal not allowed for this topic: "-1"`,
		},
		{
			name: "no block height",
			inf:  Inference{TopicID: 7, Value: "1", Timestamp: at},
			err:  ErrNoBlockHeight,
			msg:  "topic 7 at block 0: inference has no block height",
		},
		{
			name: "zero time",
			inf:  Inference{TopicID: 7, BlockHeight: 123, Value: "1"},
			err:  ErrInvalidTimestamp,
		},
		{
			name: "epoch",
			inf:  Inference{TopicID: 7, BlockHeight: 123, Value: "1", Timestamp: time.Unix(0, 0)},
			err:  ErrInvalidTimestamp,
			msg:  "topic 7 at block 123: inference time is not after the Unix epoch: 1970-01-01T00:00:00Z",
		},
		{
			name: "before epoch",
			inf:  Inference{TopicID: 7, BlockHeight: 123, Value: "1", Timestamp: time.Unix(-5, 0)},
			err:  ErrInvalidTimestamp,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := NewUpdate(tt.inf, false)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("error = %q, want %q", err, tt.msg)
			}
			if u != (Update{}) {
				t.Errorf("update = %+v with an error, want zero", u)
			}
		})
	}
}

// TestScaledInferenceUpdate checks that the update made from a stored scaled inference
// is the one NewUpdate makes, that it does not share the scaled value, and that
// NewScaledInference refuses what NewUpdate refuses.
func TestScaledInferenceUpdate(t *testing.T) {
	inf := Inference{TopicID: 7, BlockHeight: 123, LossBlockHeight: 120, Value: "-3012.5", Timestamp: time.Unix(1_795_550_400, 900_000_000)}
	s, err := NewScaledInference(inf, true)
	if err != nil {
		t.Fatal(err)
	}
	want, err := NewUpdate(inf, true)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Update()
	if got.TopicID != want.TopicID || got.BlockHeight != want.BlockHeight || got.LossBlockHeight != want.LossBlockHeight ||
		got.Timestamp != want.Timestamp || got.Value.Cmp(want.Value) != 0 || s.Scaled.Cmp(want.Value) != 0 {
		t.Errorf("Update() = %+v, want %+v", got, want)
	}
	got.Value.SetInt64(1)
	if s.Scaled.Cmp(want.Value) != 0 {
		t.Errorf("Update() shares the scaled value: it is now %s", s.Scaled)
	}
	if _, err := NewScaledInference(inf, false); !errors.Is(err, ErrNegative) {
		t.Errorf("NewScaledInference of a negative value on a topic that forbids it: %v, want ErrNegative", err)
	}
}
