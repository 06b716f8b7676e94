package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

func TestDialRedis(t *testing.T) {
	ctx := context.Background()
	prefix := redistest.Prefix(t)
	st, closeFn, err := store.DialRedis(ctx, "redis://"+redistest.Addr+"/0", prefix)
	if err != nil {
		t.Fatal(err)
	}
	defer redistest.Cleanup(t, prefix)
	defer closeFn()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 3, Metadata: "ETH 5min"}); err != nil {
		t.Fatal(err)
	}
	topics, err := st.Topics(ctx)
	if err != nil || len(topics) != 1 || topics[0].Metadata != "ETH 5min" {
		t.Fatalf("Topics = %+v, %v", topics, err)
	}

	_, _, err = store.DialRedis(ctx, "http://user:hunter2@example", prefix)
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("a bad URL: err = %v, want an error that does not repeat the password", err)
	}
	_, _, err = store.DialRedis(ctx, "redis://127.0.0.1:1", prefix)
	if err == nil || !strings.Contains(err.Error(), "does not answer") {
		t.Errorf("nothing listening: err = %v, want 'does not answer'", err)
	}
}
