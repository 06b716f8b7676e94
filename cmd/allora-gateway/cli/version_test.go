package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
)

// versionLine is what `version` and `--version` print.
var versionLine = regexp.MustCompile(`^allora-gateway (\S+) \(revision (\S+), (go\S+), \w+/\w+\)\n$`)

func TestVersionCommandAndFlagAgree(t *testing.T) {
	var cmd, flag bytes.Buffer
	if code := cli.Run(context.Background(), []string{"version"}, &cmd, io.Discard); code != 0 {
		t.Fatalf("version: exit %d", code)
	}
	if code := cli.Run(context.Background(), []string{"--version"}, &flag, io.Discard); code != 0 {
		t.Fatalf("--version: exit %d", code)
	}
	if cmd.String() != flag.String() {
		t.Errorf("version says %q, --version %q", cmd.String(), flag.String())
	}
	m := versionLine.FindStringSubmatch(cmd.String())
	if m == nil {
		t.Fatalf("version printed %q", cmd.String())
	}
	if m[1] != cli.Version || m[2] != cli.Revision || m[3] != runtime.Version() {
		t.Errorf("version printed %q; want version %s, revision %s, %s", cmd.String(), cli.Version, cli.Revision, runtime.Version())
	}
}

// TestVersionBuildInfoMetricOnAPI runs the api command and reads its /metrics.
func TestVersionBuildInfoMetricOnAPI(t *testing.T) {
	addr := testsupport.FreeAddr(t)
	path := filepath.Join(t.TempDir(), "api.yaml")
	prefix := fmt.Sprintf("allora-gateway-clitest-version-%d-%d", os.Getpid(), time.Now().UnixNano())
	cfg := fmt.Sprintf("redis:\n  url: redis://127.0.0.1:6379/0\n  prefix: %s\napi:\n  listen: %s\n", prefix, addr)
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	exit := make(chan int, 1)
	go func() { exit <- cli.Run(ctx, []string{"api", "--config", path}, io.Discard, &stderr) }()
	var metrics string
	testsupport.WaitFor(t, time.Minute, "the api serves /metrics", func() bool {
		select {
		case code := <-exit:
			t.Fatalf("api exited %d (it needs Redis on 127.0.0.1:6379):\n%s", code, stderr.String())
		default:
		}
		metrics = getBody("http://" + addr + "/metrics")
		return metrics != ""
	})
	checkBuildInfo(t, metrics)
	cancel()
	if code := <-exit; code != 0 {
		t.Fatalf("exit %d after stop:\n%s", code, stderr.String())
	}
}

// checkBuildInfo checks that metrics, a /metrics page, says which build runs.
func checkBuildInfo(t *testing.T, metrics string) {
	t.Helper()
	want := fmt.Sprintf(`allora_gateway_build_info{go_version=%q,revision=%q,version=%q} 1`, runtime.Version(), cli.Revision, cli.Version)
	if !strings.Contains(metrics, want) {
		t.Errorf("/metrics lacks %s:\n%s", want, metrics)
	}
}

func getBody(url string) string {
	res, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return ""
	}
	return string(b)
}
