package keys

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
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

// kubeletHelperEnv makes the test binary, re-run as the pod's user, load the key and
// print its address instead of running tests.
const kubeletHelperEnv = "ALLORA_GATEWAY_KEYS_TEST_LOAD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(kubeletHelperEnv); spec != "" {
		keyPath, passPath, _ := strings.Cut(spec, string(os.PathListSeparator))
		key, err := LoadKeyFile(keyPath, Passphrase{File: passPath})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Print(crypto.PubkeyToAddress(key.PublicKey).Hex())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestKeyFromSecretVolumeAsPodUser reproduces a pod exactly: files 0440 root:65532 in
// the ..data layout, read by a process running as the chart's user 65532 with 65532 as
// its group (runAsGroup) or only as a supplementary group (fsGroup).
func TestKeyFromSecretVolumeAsPodUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown files to root:65532 and run a process as 65532")
	}
	const pass = "correct horse battery staple"
	keyJSON, addr := keystoreJSON(t, pass)
	base := t.TempDir()
	// The pod's user must reach the volume and run the test binary.
	for d := base; d != filepath.Dir(d) && d != os.TempDir(); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(base, "keys.test")
	copyExecutable(t, bin)
	vol := filepath.Join(base, "keys")
	if err := os.Mkdir(vol, 0o755); err != nil {
		t.Fatal(err)
	}
	writeKubeletVolume(t, vol, map[string]string{"submitter.json": keyJSON, "submitter.pass": pass + "\n"}, 0o440, 0, 65532)

	for _, cred := range []*syscall.Credential{
		{Uid: 65532, Gid: 65532},
		{Uid: 65532, Gid: 1000, Groups: []uint32{65532}},
	} {
		t.Run(fmt.Sprintf("uid %d gid %d groups %v", cred.Uid, cred.Gid, cred.Groups), func(t *testing.T) {
			cmd := exec.Command(bin)
			cmd.Env = append(os.Environ(), kubeletHelperEnv+"="+filepath.Join(vol, "submitter.json")+string(os.PathListSeparator)+filepath.Join(vol, "submitter.pass"))
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
			out, err := cmd.Output()
			if err != nil {
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					t.Fatalf("%v: %s", err, ee.Stderr)
				}
				t.Fatal(err)
			}
			if string(out) != addr {
				t.Fatalf("loaded %q, want %s", out, addr)
			}
		})
	}
}

func copyExecutable(t *testing.T, dst string) {
	t.Helper()
	src, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
