package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"
)

// Revision is the VCS revision the binary was built from, set at build time with
// -ldflags "-X .../cli.Revision=<commit>" where the build has no .git (a Docker build
// context, a source tarball). Otherwise it comes from the build info Go embeds.
var Revision = ""

// unknownRevision is the revision of a binary built with neither -X nor VCS info.
const unknownRevision = "unknown"

// build is what the binary says it is: one answer for `version`, `--version`, the API's
// version and the allora_gateway_build_info metric.
type build struct {
	Version   string
	Revision  string
	GoVersion string
}

func init() {
	info, _ := debug.ReadBuildInfo()
	b := resolveBuild(Version, Revision, info)
	Version, Revision = b.Version, b.Revision
}

// resolveBuild settles the version and revision from what -ldflags -X set (version and
// revision; "" or "dev" when not set) and the build info Go embedded. The version is, in
// order: the -X value; the module's version when built with go install module@version;
// dev-<short revision> (and +dirty for uncommitted changes) when the revision is known
// from -X or VCS info; dev.
func resolveBuild(version, revision string, info *debug.BuildInfo) build {
	b := build{Version: version, Revision: revision, GoVersion: runtime.Version()}
	var vcsRev string
	var dirty bool
	if info != nil {
		if info.GoVersion != "" {
			b.GoVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				vcsRev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if b.Revision == "" {
		b.Revision = vcsRev
		if b.Revision != "" && dirty {
			b.Revision += "-dirty"
		}
	}
	if b.Version == "" || b.Version == "dev" {
		switch {
		case info != nil && info.Main.Version != "" && info.Main.Version != "(devel)":
			b.Version = info.Main.Version
		case b.Revision != "":
			rev, modified := strings.CutSuffix(b.Revision, "-dirty")
			b.Version = "dev-" + shortRevision(rev)
			if modified {
				b.Version += "+dirty"
			}
		default:
			b.Version = "dev"
		}
	}
	if b.Revision == "" {
		b.Revision = unknownRevision
	}
	return b
}

func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

func currentBuild() build {
	return build{Version: Version, Revision: Revision, GoVersion: runtime.Version()}
}

// String is the line `--version` and `version` print.
func (b build) String() string {
	return fmt.Sprintf("allora-gateway %s (revision %s, %s, %s/%s)", b.Version, b.Revision, b.GoVersion, runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, the VCS revision and the Go version of this binary",
		Long: `version prints what this binary is: its version (set at build time by the Makefile,
the Dockerfile or the release; dev-<revision> for a build from a git checkout), the
commit it was built from and the Go toolchain. The same values label the
allora_gateway_build_info metric of the relayer, api and cosign commands.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(stdout, currentBuild())
			return err
		},
	}
}

// registerBuildInfo adds allora_gateway_build_info{version,revision,go_version} 1 to reg,
// so that a dashboard or an alert can tell which build each process runs.
func registerBuildInfo(reg prometheus.Registerer) error {
	b := currentBuild()
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "allora_gateway_build_info",
		Help:        "Always 1; its labels say which build of allora-gateway this process runs.",
		ConstLabels: prometheus.Labels{"version": b.Version, "revision": b.Revision, "go_version": b.GoVersion},
	})
	g.Set(1)
	if err := reg.Register(g); err != nil {
		return fmt.Errorf("register build info metric: %w", err)
	}
	return nil
}

// versionTemplate is cobra's --version output.
func versionTemplate() string {
	return strings.ReplaceAll(currentBuild().String(), "{", "{{`{`}}") + "\n"
}
