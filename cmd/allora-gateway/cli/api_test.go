package cli_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestAPICommandServesWhatARelayerWrote writes a topic, an inference and a price into
// Redis as a relayer and a keeper would, runs `allora-gateway api` on a config that
// names that Redis, and reads the inference and the prediction back over HTTP.
func TestAPICommandServesWhatARelayerWrote(t *testing.T) {
	ctx := context.Background()
	prefix := fmt.Sprintf("allora-gateway-clitest-api-%d-%d", os.Getpid(), time.Now().UnixNano())
	st, closeRedis, err := store.DialRedis(ctx, "redis://127.0.0.1:6379/0", prefix)
	if err != nil {
		t.Fatalf("the api command's test needs Redis on 127.0.0.1:6379: %v", err)
	}
	t.Cleanup(func() {
		rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
		defer rc.Close()
		iter := rc.Scan(ctx, 0, prefix+"*", 200).Iterator()
		for iter.Next(ctx) {
			rc.Del(ctx, iter.Val())
		}
		_ = closeRedis()
	})
	at := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	if err := st.PutTopic(ctx, oracle.Topic{ID: 7, Metadata: "ETH 5min Price Prediction", EpochLength: 12}); err != nil {
		t.Fatal(err)
	}
	inf, err := oracle.NewScaledInference(oracle.Inference{TopicID: 7, BlockHeight: 1234, Value: "3012.5", Timestamp: at}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutInference(ctx, inf); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordPrice(ctx, store.Price{Asset: "ETH", Value: "3000", At: at, Source: "test feed"}); err != nil {
		t.Fatal(err)
	}

	addr := testsupport.FreeAddr(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "api.yaml")
	cfg := fmt.Sprintf("redis:\n  url: redis://127.0.0.1:6379/0\n  prefix: %s\napi:\n  listen: %s\npredictions:\n  - {asset: ETH, timeframe: 5m, topic: 7}\n", prefix, addr)
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	api := start(t, ctx, "api", "--config", path)

	client := &http.Client{Timeout: 5 * time.Second}
	get := func(p string) (int, string) {
		res, err := client.Get("http://" + addr + p)
		if err != nil {
			return 0, err.Error()
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	var status int
	var body string
	api.waitFor(30*time.Second, "the inference served", func() (bool, string) {
		status, body = get("/v1/topics/7/inference")
		return status == 200, fmt.Sprintf("%d %s", status, body)
	})
	if !strings.Contains(body, `"value":"3012.5"`) || !strings.Contains(body, `"block_height":1234`) {
		t.Fatalf("inference: %d %s", status, body)
	}
	if status, body = get("/v1/predictions/ETH/5m"); status != 200 || !strings.Contains(body, `"current_price":"3000"`) ||
		!strings.Contains(body, `"change":"12.5"`) || !strings.Contains(body, `"direction":"up"`) {
		t.Errorf("prediction: %d %s", status, body)
	}
	// The API alone holds no keys: pull mode says so.
	if status, body = get("/v1/topics/7/update?chain=56"); status != 503 || !strings.Contains(body, "has no signers") {
		t.Errorf("update: %d %s, want 503 saying there are no signers", status, body)
	}
	api.stop()
	if !strings.Contains(api.stdout.String(), "api      http://"+addr) {
		t.Errorf("stdout %q does not say where it serves", api.stdout.String())
	}
}

func TestAPICommandSaysWhatIsMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.WriteFile(path, []byte("api:\n  listen: \"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lockedBuffer
	code := cli.Run(context.Background(), []string{"api", "--config", path}, &stdout, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "redis.url is empty") || !strings.Contains(stderr.String(), "api.listen is empty") {
		t.Errorf("exit %d, stderr %q: want both problems named", code, stderr.String())
	}
}
