package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionResolvedFromBuildInfo(t *testing.T) {
	const rev = "0123456789abcdef0123456789abcdef01234567"
	vcs := func(modified string) *debug.BuildInfo {
		return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified},
		}}
	}
	cases := []struct {
		name              string
		version, revision string
		info              *debug.BuildInfo
		want              build
	}{
		{name: "set with -X", version: "v1.2.3", revision: "abc", info: vcs("false"),
			want: build{Version: "v1.2.3", Revision: "abc", GoVersion: "go1.26.8"}},
		{name: "-X version, VCS revision", version: "v1.2.3", info: vcs("false"),
			want: build{Version: "v1.2.3", Revision: rev, GoVersion: "go1.26.8"}},
		{name: "git checkout", version: "dev", info: vcs("false"),
			want: build{Version: "dev-0123456789ab", Revision: rev, GoVersion: "go1.26.8"}},
		{name: "git checkout with changes", version: "dev", info: vcs("true"),
			want: build{Version: "dev-0123456789ab+dirty", Revision: rev + "-dirty", GoVersion: "go1.26.8"}},
		{name: "-X revision only", version: "dev", revision: rev + "-dirty", info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: build{Version: "dev-0123456789ab+dirty", Revision: rev + "-dirty", GoVersion: runtime.Version()}},
		{name: "empty -X value", version: "", info: vcs("false"),
			want: build{Version: "dev-0123456789ab", Revision: rev, GoVersion: "go1.26.8"}},
		{name: "go install module@version", version: "dev",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}},
			want: build{Version: "v0.3.0", Revision: unknownRevision, GoVersion: "go1.26.8"}},
		{name: "nothing known", version: "dev",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			want: build{Version: "dev", Revision: unknownRevision, GoVersion: "go1.26.8"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := resolveBuild(tc.version, tc.revision, tc.info); got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
