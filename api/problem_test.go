package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestFailNeverShowsDetailOn500 guards the rule that a 500 says only its generic
// detail, even when a handler attached a public one to an unexpected error.
func TestFailNeverShowsDetailOn500(t *testing.T) {
	s := New(nil)
	rec := httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest(http.MethodGet, "/v1/topics", nil),
		withDetail(errors.New("redis: READONLY You can't write against a read only replica"), "replica 10.0.7.3 is read-only"))
	var p problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusInternalServerError || p.Status != http.StatusInternalServerError || p.Detail != internalDetail {
		t.Errorf("answered %d %+v; want 500 with the generic detail", rec.Code, p)
	}
}
