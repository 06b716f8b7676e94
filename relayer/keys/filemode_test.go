package keys

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// kubeletTimestampDir is the name the kubelet's atomic writer gives a volume's current
// files; ..data points at it.
const kubeletTimestampDir = "..2026_12_02_06_01_02.123456789"

// writeKubeletVolume lays out files in dir as the kubelet does for a Secret or
// projected volume: each file in the timestamped directory with mode and owner
// uid:gid, ..data -> that directory, and each top-level entry a symlink to ..data/entry.
// A name with a slash is a projected item's nested path.
func writeKubeletVolume(t *testing.T, dir string, files map[string]string, mode os.FileMode, uid, gid int) {
	t.Helper()
	ts := filepath.Join(dir, kubeletTimestampDir)
	top := map[string]bool{}
	for name, content := range files {
		p := filepath.Join(ts, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, content, mode)
		if err := os.Lchown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
		entry, _, _ := strings.Cut(name, "/")
		top[entry] = true
	}
	if err := os.Chmod(ts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(kubeletTimestampDir, filepath.Join(dir, kubeletDataDir)); err != nil {
		t.Fatal(err)
	}
	for entry := range top {
		if err := os.Symlink(filepath.Join(kubeletDataDir, entry), filepath.Join(dir, entry)); err != nil {
			t.Fatal(err)
		}
	}
}

// keystoreJSON returns a V3 key file of a new key under passphrase, and the key's address.
func keystoreJSON(t *testing.T, passphrase string) (string, string) {
	t.Helper()
	path, priv := writeKeyFile(t, t.TempDir(), passphrase)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), crypto.PubkeyToAddress(priv.PublicKey).Hex()
}

func TestKeyFromKubernetesSecretVolume(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	const pass = "correct horse battery staple"
	keyJSON, addr := keystoreJSON(t, pass)
	// The kubelet writes as root; a test that cannot chown keeps its own uid, which the
	// rule does not look at, and uses its own gid, as fsGroup makes the pod's group the
	// file's. TestKeyFromSecretVolumeAsPodUser has the exact owner and group.
	uid, gid := os.Geteuid(), os.Getegid()

	cases := []struct {
		name    string
		layout  bool // the kubelet's ..data layout rather than plain files
		files   map[string]string
		key     string // file names under the volume
		pass    string
		mode    os.FileMode
		gid     int
		wantErr string // empty: the key loads
	}{
		{name: "secret volume, defaultMode 0400 with fsGroup", layout: true,
			files: map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"},
			key:   "submitter.json", pass: "submitter.pass", mode: 0o440, gid: gid},
		{name: "projected volume with nested items", layout: true,
			files: map[string]string{"keys/submitter.json": keyJSON, "keys/submitter.pass": pass + "\n"},
			key:   "keys/submitter.json", pass: "keys/submitter.pass", mode: 0o440, gid: gid},
		{name: "secret volume, defaultMode 0400 without fsGroup", layout: true,
			files: map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"},
			key:   "submitter.json", pass: "submitter.pass", mode: 0o400, gid: gid},
		{name: "secret volume readable by others", layout: true,
			files: map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"},
			key:   "submitter.json", pass: "submitter.pass", mode: 0o444, gid: gid,
			wantErr: "has mode 0444; run chmod 600"},
		{name: "secret volume writable by the group", layout: true,
			files: map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"},
			key:   "submitter.json", pass: "submitter.pass", mode: 0o460, gid: gid,
			wantErr: "has mode 0460; run chmod 600"},
		{name: "ordinary group-readable file", layout: false,
			files: map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"},
			key:   "submitter.json", pass: "submitter.pass", mode: 0o440, gid: gid,
			wantErr: "has mode 0440; run chmod 600"},
	}
	if uid == 0 {
		// Only root can give a file a group it is not in.
		cases = append(cases, struct {
			name    string
			layout  bool
			files   map[string]string
			key     string
			pass    string
			mode    os.FileMode
			gid     int
			wantErr string
		}{name: "secret volume of a group the process is not in", layout: true,
			files: map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"},
			key:   "submitter.json", pass: "submitter.pass", mode: 0o440, gid: 65533,
			wantErr: "has mode 0440 and group 65533, which this process"})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.layout {
				writeKubeletVolume(t, dir, tc.files, tc.mode, uid, tc.gid)
			} else {
				for name, content := range tc.files {
					writeFile(t, filepath.Join(dir, name), content, tc.mode)
				}
			}
			key, err := LoadKeyFile(filepath.Join(dir, tc.key), Passphrase{File: filepath.Join(dir, tc.pass)})
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := crypto.PubkeyToAddress(key.PublicKey).Hex(); got != addr {
					t.Fatalf("loaded %s, want %s", got, addr)
				}
				return
			}
			if !errors.Is(err, ErrPassphraseFileMode) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("got %v, want %v saying %q", err, ErrPassphraseFileMode, tc.wantErr)
			}
		})
	}
}

// A ..data symlink that leaves the volume's directory, or an entry pointing elsewhere
// than ..data/<entry>, is not the kubelet's layout.
func TestKeyFromLookalikeLayoutRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	const pass = "pw"
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "p"), pass, 0o440)

	dir := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, kubeletDataDir)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(kubeletDataDir, "p"), filepath.Join(dir, "p")); err != nil {
		t.Fatal(err)
	}
	if _, err := (Passphrase{File: filepath.Join(dir, "p")}).Read(nil); !errors.Is(err, ErrPassphraseFileMode) {
		t.Fatalf("..data pointing out of the volume: got %v, want %v", err, ErrPassphraseFileMode)
	}

	dir2 := t.TempDir()
	writeKubeletVolume(t, dir2, map[string]string{"p": pass}, 0o440, os.Geteuid(), os.Getegid())
	if err := os.Symlink(filepath.Join(outside, "p"), filepath.Join(dir2, "q")); err != nil {
		t.Fatal(err)
	}
	if _, err := (Passphrase{File: filepath.Join(dir2, "q")}).Read(nil); !errors.Is(err, ErrPassphraseFileMode) {
		t.Fatalf("an entry beside ..data that points elsewhere: got %v, want %v", err, ErrPassphraseFileMode)
	}
}
