// Package kmstest runs local-kms, an AWS KMS emulator, in another process for tests of
// KMS keys: the real AWS SDK talks to it over HTTP as it talks to KMS, and it signs with
// secp256k1 keys created through the SDK. The emulator is installed with go install at
// the version pinned here, into GOBIN (or GOPATH/bin), the first time a test needs it;
// later runs reuse it, and the module cache keeps its sources.
package kmstest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
)

// The emulator's module and the version tests run.
const (
	Module  = "github.com/nsmithuk/local-kms"
	Version = "v0.0.0-20260228092603-2a5e92d09ab6"
)

// Region is the region the emulator serves.
const Region = "eu-west-2"

// Env is what a process using the emulator needs in its environment: static
// credentials (the emulator checks none, the SDK wants some) and no instance metadata
// lookup, so nothing is asked of any address but the emulator's.
var Env = []string{
	"AWS_ACCESS_KEY_ID=kmstest",
	"AWS_SECRET_ACCESS_KEY=kmstest",
	"AWS_EC2_METADATA_DISABLED=true",
	"AWS_CONFIG_FILE=/dev/null",
	"AWS_SHARED_CREDENTIALS_FILE=/dev/null",
}

// Server is one local-kms process on a loopback port.
type Server struct {
	// Endpoint is the emulator's URL, the endpoint override of a KMS key.
	Endpoint string
	Client   *kms.Client

	pid    int
	exited <-chan struct{}
	out    *testsupport.LockedBuffer
}

var installMu sync.Mutex

// Binary is the path of local-kms at Version, installed with go install when missing
// or of another version.
func Binary(t testing.TB) string {
	t.Helper()
	installMu.Lock()
	defer installMu.Unlock()
	gobin, err := exec.Command("go", "env", "GOBIN").Output()
	if err != nil {
		t.Fatalf("go env GOBIN: %v", err)
	}
	dir := strings.TrimSpace(string(gobin))
	if dir == "" {
		gopath, err := exec.Command("go", "env", "GOPATH").Output()
		if err != nil {
			t.Fatalf("go env GOPATH: %v", err)
		}
		dir = filepath.Join(strings.SplitN(strings.TrimSpace(string(gopath)), string(os.PathListSeparator), 2)[0], "bin")
	}
	bin := filepath.Join(dir, "local-kms")
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err == nil &&
		strings.Contains(string(info), Module+"\t"+Version) {
		return bin
	}
	cmd := exec.Command("go", "install", Module+"@"+Version)
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("install the KMS emulator (go install %s@%s): %v\n%s", Module, Version, err, out)
	}
	return bin
}

// Start runs the emulator with its data in a temporary directory, sets Env in the
// test's environment (so the test may not be parallel) and stops the emulator when the
// test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	bin := Binary(t)
	for _, kv := range Env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	data := t.TempDir()
	port := testsupport.FreePort(t)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "PORT="+strconv.Itoa(port), "KMS_REGION="+Region,
		"KMS_DATA_PATH="+data, "KMS_SEED_PATH="+filepath.Join(data, "no-seed.yaml"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out := &testsupport.LockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the KMS emulator: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	s := &Server{Endpoint: "http://127.0.0.1:" + strconv.Itoa(port), pid: cmd.Process.Pid, exited: exited, out: out}
	t.Cleanup(s.Kill)
	s.Client = kms.New(kms.Options{
		Region:       Region,
		BaseEndpoint: aws.String(s.Endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("kmstest", "kmstest", ""),
	})
	testsupport.WaitForSeen(t, 30*time.Second, "the KMS emulator answers ListKeys", func() (bool, string) {
		select {
		case <-exited:
			t.Fatalf("the KMS emulator exited:\n%s", out.String())
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := s.Client.ListKeys(ctx, &kms.ListKeysInput{})
		return err == nil, fmt.Sprint(err)
	})
	return s
}

// Kill stops the emulator at once and waits for it.
func (s *Server) Kill() {
	_ = syscall.Kill(-s.pid, syscall.SIGKILL)
	<-s.exited
}

// Output is what the emulator printed.
func (s *Server) Output() string { return s.out.String() }

// CreateKey creates a secp256k1 signing key (ECC_SECG_P256K1, SIGN_VERIFY) and returns
// it as a KMS key of the config names it.
func (s *Server) CreateKey(t testing.TB) keys.KMSKey {
	t.Helper()
	return s.createKey(t, kmstypes.KeySpecEccSecgP256k1)
}

// CreateKeyOfSpec creates a signing key of another spec, such as ECC_NIST_P256, for
// tests of what a signer refuses.
func (s *Server) CreateKeyOfSpec(t testing.TB, spec kmstypes.KeySpec) keys.KMSKey {
	t.Helper()
	return s.createKey(t, spec)
}

func (s *Server) createKey(t testing.TB, spec kmstypes.KeySpec) keys.KMSKey {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := s.Client.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: spec, KeyUsage: kmstypes.KeyUsageTypeSignVerify})
	if err != nil {
		t.Fatalf("create a %s key in the KMS emulator: %v", spec, err)
	}
	return keys.KMSKey{KeyID: aws.ToString(out.KeyMetadata.KeyId), Region: Region, Endpoint: s.Endpoint}
}
