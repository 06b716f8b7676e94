package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/redisproc"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
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

func TestDialRedisThroughSentinel(t *testing.T) {
	ctx := context.Background()
	primary := redisproc.Start(t)
	replica := redisproc.StartReplica(t, primary)
	sentinel := redisproc.StartSentinel(t, "gw", primary, 1, time.Second, 3*time.Second)
	url := "redis://" + sentinel.Addr() + "?master_name=gw&addr=127.0.0.1:1"
	st, closeFn, err := store.DialRedis(ctx, url, "t:")
	if err != nil {
		t.Fatal(err)
	}
	defer closeFn()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 3, Metadata: "ETH 5min"}); err != nil {
		t.Fatal(err)
	}
	// The write went to the primary the sentinel names, and reached its replica.
	testsupport.WaitFor(t, 5*time.Second, "the topic on the replica", func() bool {
		topics, err := store.NewRedis(replica.Client(), "t:").Topics(ctx)
		return err == nil && len(topics) == 1
	})

	for _, bad := range []string{
		"redis://user:hunter2@" + sentinel.Addr() + "?master_name=",
		"redis://user:hunter2@" + sentinel.Addr() + "?master_name=gw&addr=nohostport",
		"redis://user:hunter2@" + sentinel.Addr() + "?master_name=gw&bogus=1",
	} {
		err := store.CheckURL(bad)
		if err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("CheckURL(%q) = %v, want an error that does not repeat the password", bad, err)
		}
	}
	_, _, err = store.DialRedis(ctx, "redis://127.0.0.1:1?master_name=gw", "t:")
	if err == nil || !strings.Contains(err.Error(), `sentinel primary "gw" via 127.0.0.1:1`) {
		t.Errorf("no sentinel listening: err = %v, want it to name the sentinels", err)
	}
}
