package oracle

import (
	"testing"
	"time"
)

func TestVersionNewer(t *testing.T) {
	tests := []struct {
		v, w Version
		want bool
	}{
		{Version{468, 448}, Version{468, 428}, true}, // the node revised the value of 468
		{Version{468, 428}, Version{468, 448}, false},
		{Version{468, 448}, Version{468, 448}, false}, // the same version is not newer
		{Version{488, 448}, Version{468, 448}, true},
		{Version{488, 0}, Version{468, 999}, true}, // a higher inference height wins whatever the loss height
		{Version{468, 999}, Version{488, 0}, false},
		{Version{1, 0}, Version{}, true}, // anything set is newer than a topic never set
	}
	for _, tt := range tests {
		if got := tt.v.Newer(tt.w); got != tt.want {
			t.Errorf("%+v.Newer(%+v) = %v, want %v", tt.v, tt.w, got, tt.want)
		}
	}
}

func TestNewUpdateKeepsTheVersion(t *testing.T) {
	inf := Inference{TopicID: 1, BlockHeight: 468, LossBlockHeight: 448, Value: "2998.576007275995009110159727320166",
		Timestamp: mustTime(t, "2026-12-01T10:00:00Z")}
	u, err := NewUpdate(inf, false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Version() != inf.Version() || u.Version() != (Version{468, 448}) {
		t.Fatalf("update version %+v, inference %+v", u.Version(), inf.Version())
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	ts, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}
