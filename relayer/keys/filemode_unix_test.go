//go:build unix

package keys

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

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
