package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/relayer/keys"
)

func writeFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode is filtered by the umask; set it as the test means it.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

var newKeyOutput = regexp.MustCompile(`^address (0x[0-9a-fA-F]{40})\nfile    (\S+)\n$`)

// TestKeysNewImportList creates a key, imports another, lists both, and checks that
// each file decrypts, with the passphrase it was made with, to the address printed.
func TestKeysNewImportList(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "keystore")
	passFile := filepath.Join(base, "pass")
	writeFile(t, passFile, "correct horse\n", 0o600)

	code, out, errOut := run(t, "keys", "list", "--keystore", dir)
	if code != 0 || !strings.Contains(out, "no keys: "+dir+" does not exist") {
		t.Fatalf("list of a missing dir: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	code, out, errOut = run(t, "keys", "new", "--keystore", dir, "--passphrase-file", passFile, "--light")
	if code != 0 {
		t.Fatalf("keys new: exit %d, stderr %s", code, errOut)
	}
	m := newKeyOutput.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("keys new printed %q, want the address and the file", out)
	}
	newAddr, newPath := common.HexToAddress(m[1]), m[2]
	if filepath.Dir(newPath) != dir {
		t.Errorf("key file %s is not in %s", newPath, dir)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("keystore dir: %v, mode %v, want 0700", err, info.Mode().Perm())
	}
	if info, err := os.Stat(newPath); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, mode %v, want 0600", err, info.Mode().Perm())
	}
	key, err := keys.LoadKeyFile(newPath, keys.Passphrase{File: passFile})
	if err != nil {
		t.Fatalf("the new key file does not load: %v", err)
	}
	if got := crypto.PubkeyToAddress(key.PublicKey); got != newAddr {
		t.Errorf("the new key file holds %s, keys new printed %s", got, newAddr)
	}

	// A key written as people write them: 0x-prefixed with a trailing newline.
	imported, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	importedAddr := crypto.PubkeyToAddress(imported.PublicKey)
	keyFile := filepath.Join(base, "hot.key")
	writeFile(t, keyFile, "0x"+common.Bytes2Hex(crypto.FromECDSA(imported))+"\n", 0o600)
	t.Setenv("TEST_IMPORT_PASSPHRASE", "battery staple")
	code, out, errOut = run(t, "keys", "import", "--keystore", dir, "--private-key-file", keyFile,
		"--passphrase-env", "TEST_IMPORT_PASSPHRASE", "--light")
	if code != 0 {
		t.Fatalf("keys import: exit %d, stderr %s", code, errOut)
	}
	m = newKeyOutput.FindStringSubmatch(out)
	if m == nil || common.HexToAddress(m[1]) != importedAddr {
		t.Fatalf("keys import printed %q, want address %s and the file", out, importedAddr)
	}
	key, err = keys.LoadKeyFile(m[2], keys.Passphrase{Env: "TEST_IMPORT_PASSPHRASE"})
	if err != nil {
		t.Fatalf("the imported key file does not load: %v", err)
	}
	if !key.Equal(imported) {
		t.Error("the imported key file holds another key than the one imported")
	}

	// The same key again, even without the 0x: refused, and no file added.
	writeFile(t, keyFile, common.Bytes2Hex(crypto.FromECDSA(imported)), 0o600)
	code, _, errOut = run(t, "keys", "import", "--keystore", dir, "--private-key-file", keyFile,
		"--passphrase-env", "TEST_IMPORT_PASSPHRASE", "--light")
	if code == 0 || !strings.Contains(errOut, "already in "+dir) {
		t.Errorf("a duplicate import: exit %d, stderr %q, want a refusal naming %s", code, errOut, dir)
	}

	// A file that is not a key is passed over.
	writeFile(t, filepath.Join(dir, "notes.txt"), "backed up 2026-11-24", 0o600)
	code, out, errOut = run(t, "keys", "list", "--keystore", dir)
	if code != 0 {
		t.Fatalf("keys list: exit %d, stderr %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ADDRESS") || !strings.HasSuffix(lines[0], "FILE") {
		t.Fatalf("keys list printed %q, want a header and two keys", out)
	}
	first, second := newAddr, importedAddr
	if first.Cmp(second) > 0 {
		first, second = second, first
	}
	for i, want := range []common.Address{first, second} {
		fields := strings.Fields(lines[i+1])
		if len(fields) != 2 || fields[0] != want.Hex() || filepath.Dir(fields[1]) != dir {
			t.Errorf("keys list row %d = %q, want %s and its file", i+1, lines[i+1], want.Hex())
		}
	}

	empty := filepath.Join(base, "empty")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "keys", "list", "--keystore", empty); code != 0 || !strings.Contains(out, "no keys in "+empty) {
		t.Errorf("list of an empty dir: exit %d, stdout %q", code, out)
	}
}

// TestKeysRefuseSecretsOthersCanRead checks that a passphrase or a private key in a
// file group or others can read is refused with the fix, and nothing is written.
func TestKeysRefuseSecretsOthersCanRead(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "keystore")
	openPass := filepath.Join(base, "open.pass")
	writeFile(t, openPass, "correct horse", 0o644)
	closedPass := filepath.Join(base, "closed.pass")
	writeFile(t, closedPass, "correct horse", 0o600)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	openKey := filepath.Join(base, "open.key")
	writeFile(t, openKey, common.Bytes2Hex(crypto.FromECDSA(key)), 0o644)
	closedKey := filepath.Join(base, "closed.key")
	writeFile(t, closedKey, common.Bytes2Hex(crypto.FromECDSA(key)), 0o600)
	secret := common.Bytes2Hex(crypto.FromECDSA(key))

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"new with an open passphrase file", []string{"keys", "new", "--keystore", dir, "--passphrase-file", openPass, "--light"}, "chmod 600 " + openPass},
		{"import with an open passphrase file", []string{"keys", "import", "--keystore", dir, "--private-key-file", closedKey, "--passphrase-file", openPass, "--light"}, "chmod 600 " + openPass},
		{"import of an open key file", []string{"keys", "import", "--keystore", dir, "--private-key-file", openKey, "--passphrase-file", closedPass, "--light"}, "chmod 600 " + openKey},
		{"new without a passphrase", []string{"keys", "new", "--keystore", dir, "--light"}, "passphrase-file"},
		{"new with two passphrases", []string{"keys", "new", "--keystore", dir, "--passphrase-file", closedPass, "--passphrase-env", "X", "--light"}, "passphrase-env"},
	}
	for _, c := range cases {
		code, out, errOut := run(t, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr %q, want a refusal saying %q", c.name, code, errOut, c.want)
		}
		if strings.Contains(out+errOut, secret) {
			t.Errorf("%s: the output shows the private key", c.name)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a refused command created the keystore dir (stat: %v)", err)
	}

	badKey := filepath.Join(base, "bad.key")
	writeFile(t, badKey, "0xnot-a-key", 0o600)
	code, _, errOut := run(t, "keys", "import", "--keystore", dir, "--private-key-file", badKey, "--passphrase-file", closedPass, "--light")
	if code == 0 || !strings.Contains(errOut, "64 hex digits") || strings.Contains(errOut, "not-a-key") {
		t.Errorf("a malformed key file: exit %d, stderr %q, want a refusal that does not echo the file", code, errOut)
	}
}
