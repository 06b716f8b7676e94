package deploy

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

const unitFile = "allora-gateway-relayer.service"

// maxShutdown is how long the relayer may take to stop: relayer.shutdown_timeout is
// validated under 15s (config.MaxShutdownTimeout), and the command exits by itself 15s
// after SIGTERM (the cli's shutdown grace).
const maxShutdown = 15 * time.Second

// serviceDirectives returns the [Service] section's directives, each with every value
// it is given (SystemCallFilter, for one, is given several times).
func serviceDirectives(t *testing.T) map[string][]string {
	t.Helper()
	f, err := os.Open(unitFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = line
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: %q is not a directive", unitFile, line)
		}
		if section == "[Service]" {
			out[k] = append(out[k], v)
		}
	}
	return out
}

// TestUnitStopTimeoutCoversShutdown checks that systemd does not SIGKILL a relayer still
// inside its shutdown, and that the chart gives a pod the same time.
func TestUnitStopTimeoutCoversShutdown(t *testing.T) {
	d := serviceDirectives(t)
	if got := d["KillSignal"]; !slices.Equal(got, []string{"SIGTERM"}) {
		t.Errorf("KillSignal=%v, want SIGTERM, the signal the relayer stops on", got)
	}
	if len(d["TimeoutStopSec"]) != 1 {
		t.Fatalf("TimeoutStopSec=%v, want one value", d["TimeoutStopSec"])
	}
	stop, err := time.ParseDuration(d["TimeoutStopSec"][0])
	if err != nil {
		t.Fatalf("TimeoutStopSec=%s: %v", d["TimeoutStopSec"][0], err)
	}
	if stop <= maxShutdown || stop > maxShutdown+15*time.Second {
		t.Errorf("TimeoutStopSec=%s: want a little more than the %s the relayer can take to stop", stop, maxShutdown)
	}

	b, err := os.ReadFile(filepath.Join("helm", "allora-gateway", "values.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var values struct {
		Relayer struct {
			TerminationGracePeriodSeconds int `yaml:"terminationGracePeriodSeconds"`
		} `yaml:"relayer"`
	}
	if err := yaml.Unmarshal(b, &values); err != nil {
		t.Fatal(err)
	}
	if grace := time.Duration(values.Relayer.TerminationGracePeriodSeconds) * time.Second; grace != stop {
		t.Errorf("the chart's relayer.terminationGracePeriodSeconds is %s, the unit's TimeoutStopSec %s: they stop the same process", grace, stop)
	}
}

// TestUnitIsSandboxed checks the hardening that takes `systemd-analyze security` to 1.2,
// and, where systemd-analyze runs, the score itself.
func TestUnitIsSandboxed(t *testing.T) {
	d := serviceDirectives(t)
	want := map[string]string{
		"NoNewPrivileges":         "true",
		"CapabilityBoundingSet":   "",
		"AmbientCapabilities":     "",
		"PrivateUsers":            "true",
		"ProtectSystem":           "strict",
		"ProtectHome":             "true",
		"PrivateTmp":              "true",
		"PrivateMounts":           "true",
		"PrivateDevices":          "true",
		"DevicePolicy":            "closed",
		"ProtectKernelTunables":   "true",
		"ProtectKernelModules":    "true",
		"ProtectKernelLogs":       "true",
		"ProtectControlGroups":    "true",
		"ProtectClock":            "true",
		"ProtectHostname":         "true",
		"ProtectProc":             "invisible",
		"ProcSubset":              "pid",
		"RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX",
		"RestrictNamespaces":      "true",
		"RestrictRealtime":        "true",
		"RestrictSUIDSGID":        "true",
		"RemoveIPC":               "true",
		"LockPersonality":         "true",
		"MemoryDenyWriteExecute":  "true",
		"SystemCallArchitectures": "native",
		"SystemCallErrorNumber":   "EPERM",
		"UMask":                   "0077",
	}
	for k, v := range want {
		if got := d[k]; !slices.Contains(got, v) {
			t.Errorf("%s: %s=%v, want %q", unitFile, k, got, v)
		}
	}
	if got := d["SystemCallFilter"]; !slices.Contains(got, "@system-service") || !slices.Contains(got, "~@privileged") {
		t.Errorf("SystemCallFilter=%v, want @system-service without @privileged", got)
	}
	if got := d["User"]; len(got) != 1 || got[0] == "root" {
		t.Errorf("User=%v, want the service's own user", got)
	}

	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze not installed; the score is not measured")
		return
	}
	abs, err := filepath.Abs(unitFile)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "security", "--offline=true", abs).CombinedOutput()
	m := regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		// systemd before 250 has no --offline; it needs the unit installed.
		t.Logf("systemd-analyze security --offline gives no score (%v): %s", err, out)
		return
	}
	score, _ := strconv.ParseFloat(string(m[1]), 64)
	if score > 3.0 {
		t.Errorf("systemd-analyze security rates the unit %.1f, want at most 3.0:\n%s", score, out)
	}
	t.Logf("systemd-analyze security: %.1f", score)
}
