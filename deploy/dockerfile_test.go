// Package deploy holds what operators deploy the gateway with: the example relayer
// config, a systemd unit and the Dockerfile. Its test builds the image's binary without
// a Docker engine.
package deploy

import (
	"bufio"
	"context"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDockerfileBuildStageBuildsAStaticBinary runs the Dockerfile's go build line, as
// the build stage would, and checks that the result is a static binary that runs.
func TestDockerfileBuildStageBuildsAStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole binary")
	}
	line := buildLine(t)
	out := filepath.Join(t.TempDir(), "allora-gateway")
	// The stage writes to /out; here the binary goes to a temporary folder instead.
	line = strings.Replace(line, "-o /out/allora-gateway", "-o "+out, 1)
	if !strings.Contains(line, "-o "+out) {
		t.Fatalf("the build line does not write -o /out/allora-gateway: %s", line)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", line)
	cmd.Dir = ".." // the build context is the repository
	// The stage's build arguments, as a release passes them.
	const version, revision = "v0.0.0-dockerfile-test", "0123456789abcdef0123456789abcdef01234567"
	cmd.Env = append(os.Environ(), "VERSION="+version, "REVISION="+revision)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", line, err, b)
	}

	f, err := elf.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Fatal("the binary asks for a dynamic loader; the distroless static image has none")
		}
	}
	want := "allora-gateway " + version + " (revision " + revision + ","
	for _, args := range [][]string{{"--version"}, {"version"}} {
		if v, err := exec.CommandContext(ctx, out, args...).CombinedOutput(); err != nil || !strings.HasPrefix(string(v), want) {
			t.Fatalf("%s %s: %v: %q, want it to start with %q", out, args[0], err, v, want)
		}
	}
}

// buildLine returns the command of the build stage's RUN line that builds the binary.
func buildLine(t *testing.T) string {
	t.Helper()
	f, err := os.Open("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if cmd, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "RUN "); ok && strings.Contains(cmd, "go build") {
			return cmd
		}
	}
	t.Fatal("deploy/Dockerfile has no RUN line with go build")
	return ""
}
