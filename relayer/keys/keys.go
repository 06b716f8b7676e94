// Package keys loads the relayer's private keys from go-ethereum keystore files
// (encrypted V3 JSON, as written by geth account new, clef or allora-gateway keys) and
// turns them into oracle signers, and signs with AWS KMS secp256k1 keys (KMSSigner),
// whose private half never leaves KMS. A passphrase comes from a file or an environment
// variable, never from a flag or the config file, so that it stays out of shell
// history, process listings and configs that get shared.
package keys

import (
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Errors of LoadKeyFile and Passphrase.Read.
var (
	// ErrWrongPassphrase means a key file did not decrypt with the passphrase given.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrNotKeyFile means a file is not an encrypted keystore V3 key file, or one this
	// build cannot decrypt (unknown cipher or key derivation).
	ErrNotKeyFile = errors.New("not a keystore V3 key file")
	// ErrPassphraseFileMode means a passphrase file can be read or written by users other
	// than its owner.
	ErrPassphraseFileMode = errors.New("passphrase file is accessible by group or others")
	// ErrNoPassphrase means no passphrase source was given, its environment variable is
	// not set, or the passphrase it holds is empty.
	ErrNoPassphrase = errors.New("no passphrase")
)

// maxKeyFileSize bounds what LoadKeyFile reads: a V3 key file is well under 1 KiB, so
// anything near this size is not one (a wrong path to a log or a database).
const maxKeyFileSize = 64 << 10

// maxPassphraseFileSize bounds what Passphrase.Read reads from a file.
const maxPassphraseFileSize = 4 << 10

// Passphrase says where the passphrase of a key file comes from: a file (File) or an
// environment variable (Env, the variable's name). Exactly one of them is set.
type Passphrase struct {
	// File is the path of a file holding the passphrase. Trailing newlines are not part
	// of it. The file must not be accessible by group or others (chmod 600), except a
	// file of a Kubernetes Secret or projected volume that only the pod's group can read
	// (see checkSecretFileMode).
	File string
	// Env is the name of an environment variable holding the passphrase.
	Env string
}

// Read returns the passphrase. lookupEnv looks up environment variables (os.LookupEnv
// when nil). An empty passphrase is refused as a likely mistake (an empty file, a
// variable set to nothing) rather than tried against the key.
func (p Passphrase) Read(lookupEnv func(string) (string, bool)) (string, error) {
	switch {
	case p.File != "" && p.Env != "":
		return "", fmt.Errorf("passphrase: both file %s and environment variable %s given; set only one", p.File, p.Env)
	case p.File != "":
		return readPassphraseFile(p.File)
	case p.Env != "":
		if lookupEnv == nil {
			lookupEnv = os.LookupEnv
		}
		v, ok := lookupEnv(p.Env)
		if !ok {
			return "", fmt.Errorf("%w: environment variable %s is not set", ErrNoPassphrase, p.Env)
		}
		if v == "" {
			return "", fmt.Errorf("%w: environment variable %s is empty", ErrNoPassphrase, p.Env)
		}
		return v, nil
	default:
		return "", fmt.Errorf("%w: give a passphrase file or an environment variable", ErrNoPassphrase)
	}
}

func readPassphraseFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read passphrase file: %w", err)
	}
	defer f.Close()
	// Stat the open file rather than the path, so that the file checked is the file read.
	info, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("read passphrase file: %w", err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("read passphrase file %s: not a regular file", path)
	}
	if err := checkSecretFileMode(path, info); err != nil {
		return "", err
	}
	b, err := io.ReadAll(io.LimitReader(f, maxPassphraseFileSize+1))
	if err != nil {
		return "", fmt.Errorf("read passphrase file %s: %w", path, err)
	}
	if len(b) > maxPassphraseFileSize {
		return "", fmt.Errorf("read passphrase file %s: larger than %d bytes, not a passphrase", path, maxPassphraseFileSize)
	}
	pass := strings.TrimRight(string(b), "\r\n")
	if pass == "" {
		return "", fmt.Errorf("%w: passphrase file %s is empty", ErrNoPassphrase, path)
	}
	return pass, nil
}

// keyFileHeader is the part of a V3 key file checked before decrypting, so that a file
// of another kind gets a clear error rather than a JSON or cipher one.
type keyFileHeader struct {
	Address string          `json:"address"`
	Crypto  json.RawMessage `json:"crypto"`
	Version json.RawMessage `json:"version"`
}

// LoadKeyFile decrypts the encrypted V3 JSON key file at path with the passphrase p
// gives and returns its private key. It fails with ErrNotKeyFile when the file is not
// such a key file, ErrWrongPassphrase when the passphrase does not decrypt it, and with
// Passphrase.Read's errors.
func LoadKeyFile(path string, p Passphrase) (*ecdsa.PrivateKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read key file %s: %w", path, err)
	}
	if len(data) > maxKeyFileSize {
		return nil, fmt.Errorf("%s is %w: larger than %d bytes", path, ErrNotKeyFile, maxKeyFileSize)
	}
	var h keyFileHeader
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, fmt.Errorf("%s is %w: %v", path, ErrNotKeyFile, err)
	}
	if string(h.Version) != "3" {
		return nil, fmt.Errorf("%s is %w: version is %s, want 3", path, ErrNotKeyFile, describeVersion(h.Version))
	}
	if len(h.Crypto) == 0 || string(h.Crypto) == "null" {
		return nil, fmt.Errorf("%s is %w: no crypto section", path, ErrNotKeyFile)
	}

	pass, err := p.Read(nil)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	key, err := keystore.DecryptKey(data, pass)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("%w for key file %s: check the passphrase file or variable given for it", ErrWrongPassphrase, path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s is %w: %v", path, ErrNotKeyFile, err)
	}
	// The address stored beside the ciphertext is not authenticated by the MAC; a file
	// whose stated address differs from its key has been edited or mixed up, and an
	// operator who picked it by that address would sign as someone else.
	if h.Address != "" {
		stated := common.HexToAddress(h.Address)
		if !common.IsHexAddress(h.Address) || stated != key.Address {
			return nil, fmt.Errorf("key file %s states address %s but holds the key of %s", path, h.Address, key.Address)
		}
	}
	return key.PrivateKey, nil
}

func describeVersion(v json.RawMessage) string {
	if len(v) == 0 {
		return "missing"
	}
	return string(v)
}

// NewKeystoreSigner returns an oracle signer holding the key decrypted from the V3 key
// file at path, as LoadKeyFile does.
func NewKeystoreSigner(path string, p Passphrase) (*oracle.KeySigner, error) {
	key, err := LoadKeyFile(path, p)
	if err != nil {
		return nil, err
	}
	return oracle.NewKeySigner(key), nil
}
