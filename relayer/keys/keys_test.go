package keys

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// writeKeyFile encrypts a new key with passphrase into dir and returns the file's path
// and the key.
func writeKeyFile(t *testing.T, dir, passphrase string) (string, *ecdsa.PrivateKey) {
	t.Helper()
	priv, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	k := &keystore.Key{Address: crypto.PubkeyToAddress(priv.PublicKey), PrivateKey: priv}
	data, err := keystore.EncryptKey(k, passphrase, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "key-"+k.Address.Hex()+".json")
	writeFile(t, path, string(data), 0o600)
	return path, priv
}

func writeFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode passes through the umask; set it exactly.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func noEnv(string) (string, bool) { return "", false }

func TestLoadKeyFile(t *testing.T) {
	dir := t.TempDir()
	const pass = "correct horse battery staple"
	keyPath, priv := writeKeyFile(t, dir, pass)
	want := crypto.PubkeyToAddress(priv.PublicKey)

	goodFile := filepath.Join(dir, "pass")
	writeFile(t, goodFile, pass+"\n", 0o600)
	wrongFile := filepath.Join(dir, "wrong-pass")
	writeFile(t, wrongFile, "tr0ub4dor&3\n", 0o600)
	t.Setenv("TEST_KEYS_PASSPHRASE", pass)
	t.Setenv("TEST_KEYS_WRONG", "tr0ub4dor&3")

	garbage := filepath.Join(dir, "garbage.json")
	writeFile(t, garbage, "\x00\x01 not json at all", 0o600)
	otherJSON := filepath.Join(dir, "genesis.json")
	writeFile(t, otherJSON, `{"config":{"chainId":56},"alloc":{}}`, 0o600)
	versionOne := filepath.Join(dir, "v1.json")
	writeFile(t, versionOne, `{"address":"`+strings.ToLower(want.Hex()[2:])+`","crypto":{},"id":"x","version":"1"}`, 0o600)

	// A V3 file whose stated address was edited to another account's.
	edited := filepath.Join(dir, "edited.json")
	data, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	other := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	writeFile(t, edited, strings.Replace(string(data), strings.ToLower(want.Hex()[2:]), strings.ToLower(other.Hex()[2:]), 1), 0o600)

	tests := []struct {
		name    string
		path    string
		pass    Passphrase
		wantErr error
		wantMsg []string
	}{
		{name: "passphrase file", path: keyPath, pass: Passphrase{File: goodFile}},
		{name: "passphrase env", path: keyPath, pass: Passphrase{Env: "TEST_KEYS_PASSPHRASE"}},
		{
			name: "wrong passphrase file", path: keyPath, pass: Passphrase{File: wrongFile},
			wantErr: ErrWrongPassphrase, wantMsg: []string{"wrong passphrase for key file " + keyPath},
		},
		{
			name: "wrong passphrase env", path: keyPath, pass: Passphrase{Env: "TEST_KEYS_WRONG"},
			wantErr: ErrWrongPassphrase, wantMsg: []string{"wrong passphrase for key file " + keyPath},
		},
		{
			name: "env not set", path: keyPath, pass: Passphrase{Env: "TEST_KEYS_UNSET_VARIABLE"},
			wantErr: ErrNoPassphrase, wantMsg: []string{keyPath, "TEST_KEYS_UNSET_VARIABLE is not set"},
		},
		{
			name: "garbage", path: garbage, pass: Passphrase{File: goodFile},
			wantErr: ErrNotKeyFile, wantMsg: []string{garbage + " is not a keystore V3 key file"},
		},
		{
			name: "other JSON", path: otherJSON, pass: Passphrase{File: goodFile},
			wantErr: ErrNotKeyFile, wantMsg: []string{otherJSON + " is not a keystore V3 key file", "version is missing, want 3"},
		},
		{
			name: "version 1", path: versionOne, pass: Passphrase{File: goodFile},
			wantErr: ErrNotKeyFile, wantMsg: []string{versionOne + " is not a keystore V3 key file", `version is "1", want 3`},
		},
		{
			name: "stated address edited", path: edited, pass: Passphrase{File: goodFile},
			wantMsg: []string{"key file " + edited + " states address", "holds the key of " + want.Hex()},
		},
		{
			name: "missing key file", path: filepath.Join(dir, "absent.json"), pass: Passphrase{File: goodFile},
			wantErr: fs.ErrNotExist, wantMsg: []string{"read key file", "absent.json"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, err := LoadKeyFile(tt.path, tt.pass)
			if tt.wantErr == nil && tt.wantMsg == nil {
				if err != nil {
					t.Fatalf("LoadKeyFile: %v", err)
				}
				if got := crypto.PubkeyToAddress(key.PublicKey); got != want {
					t.Fatalf("key address = %s, want %s", got, want)
				}
				return
			}
			if err == nil {
				t.Fatalf("LoadKeyFile succeeded, want an error")
			}
			if key != nil {
				t.Errorf("LoadKeyFile returned a key with its error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q is not %v", err, tt.wantErr)
			}
			for _, m := range tt.wantMsg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not say %q", err, m)
				}
			}
			if strings.Contains(err.Error(), pass) {
				t.Errorf("error %q reveals the passphrase", err)
			}
		})
	}
}

func TestLoadKeyFilePermissivePassphraseFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits on Windows")
	}
	dir := t.TempDir()
	keyPath, _ := writeKeyFile(t, dir, "pw")
	passFile := filepath.Join(dir, "pass")
	writeFile(t, passFile, "pw\n", 0o644)
	_, err := LoadKeyFile(keyPath, Passphrase{File: passFile})
	if !errors.Is(err, ErrPassphraseFileMode) {
		t.Fatalf("error %v is not ErrPassphraseFileMode", err)
	}
	if want := "chmod 600 " + passFile; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

func TestPassphraseRead(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		writeFile(t, p, content, mode)
		return p
	}
	env := func(vars map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	}
	tests := []struct {
		name    string
		p       Passphrase
		env     func(string) (string, bool)
		want    string
		wantErr error
		wantMsg string
	}{
		{name: "file with newline", p: Passphrase{File: file("nl", "s3cret\n", 0o600)}, want: "s3cret"},
		{name: "file with CRLF", p: Passphrase{File: file("crlf", "s3cret\r\n", 0o600)}, want: "s3cret"},
		{name: "file without newline", p: Passphrase{File: file("plain", "s3cret", 0o400)}, want: "s3cret"},
		{name: "spaces kept", p: Passphrase{File: file("spaces", " s3 cret \n", 0o600)}, want: " s3 cret "},
		{name: "env", p: Passphrase{Env: "PW"}, env: env(map[string]string{"PW": "from env\n"}), want: "from env\n"},
		{name: "group readable", p: Passphrase{File: file("g", "x", 0o640)}, wantErr: ErrPassphraseFileMode, wantMsg: "mode 0640; run chmod 600"},
		{name: "world readable", p: Passphrase{File: file("o", "x", 0o604)}, wantErr: ErrPassphraseFileMode, wantMsg: "mode 0604; run chmod 600"},
		{name: "group writable", p: Passphrase{File: file("gw", "x", 0o620)}, wantErr: ErrPassphraseFileMode, wantMsg: "chmod 600"},
		{name: "empty file", p: Passphrase{File: file("empty", "\n", 0o600)}, wantErr: ErrNoPassphrase, wantMsg: "is empty"},
		{name: "missing file", p: Passphrase{File: filepath.Join(dir, "absent")}, wantErr: fs.ErrNotExist, wantMsg: "read passphrase file"},
		{name: "directory", p: Passphrase{File: dir}, wantMsg: "not a regular file"},
		{name: "env unset", p: Passphrase{Env: "PW"}, env: noEnv, wantErr: ErrNoPassphrase, wantMsg: "environment variable PW is not set"},
		{name: "env empty", p: Passphrase{Env: "PW"}, env: env(map[string]string{"PW": ""}), wantErr: ErrNoPassphrase, wantMsg: "environment variable PW is empty"},
		{name: "both", p: Passphrase{File: "f", Env: "PW"}, wantMsg: "set only one"},
		{name: "neither", p: Passphrase{}, wantErr: ErrNoPassphrase, wantMsg: "give a passphrase file or an environment variable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && tt.wantErr == ErrPassphraseFileMode {
				t.Skip("no Unix permission bits on Windows")
			}
			got, err := tt.p.Read(tt.env)
			if tt.wantErr == nil && tt.wantMsg == "" {
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				if got != tt.want {
					t.Fatalf("Read = %q, want %q", got, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Read = %q, want an error", got)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q is not %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not say %q", err, tt.wantMsg)
			}
		})
	}
}

func TestNewKeystoreSigner(t *testing.T) {
	dir := t.TempDir()
	keyPath, priv := writeKeyFile(t, dir, "pw")
	passFile := filepath.Join(dir, "pass")
	writeFile(t, passFile, "pw\n", 0o600)

	s, err := NewKeystoreSigner(keyPath, Passphrase{File: passFile})
	if err != nil {
		t.Fatal(err)
	}
	want := crypto.PubkeyToAddress(priv.PublicKey)
	if s.Address() != want {
		t.Fatalf("Address = %s, want %s", s.Address(), want)
	}
	digest := crypto.Keccak256Hash([]byte("allora-gateway keys test"))
	sig, err := s.Sign(context.Background(), digest)
	if err != nil {
		t.Fatal(err)
	}
	got, err := oracle.RecoverSigner(digest, sig)
	if err != nil {
		t.Fatalf("RecoverSigner: %v", err)
	}
	if got != want {
		t.Fatalf("signature recovers to %s, want %s", got, want)
	}

	if _, err := NewKeystoreSigner(keyPath, Passphrase{Env: "PW_UNSET_FOR_TEST"}); !errors.Is(err, ErrNoPassphrase) {
		t.Fatalf("NewKeystoreSigner without passphrase: error %v is not ErrNoPassphrase", err)
	}
}
