package cli

import (
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
)

// maxPrivateKeyFileSize bounds what keys import reads: a hex key is 66 bytes with its
// prefix, so a larger file is the wrong file.
const maxPrivateKeyFileSize = 4 << 10

func newKeysCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Create, import and list go-ethereum keystore keys",
		Long: `keys manages the encrypted keystore files (go-ethereum keystore V3 JSON, as geth,
clef and cast read them) that the relayer's config names under signers: the submitter
key that pays for transactions and the oracle keys that sign batches.

A passphrase comes from a file that only its owner can read (chmod 600) or from an
environment variable, never from a flag value, so it stays out of shell history and
process listings.`,
		Example: `  allora-gateway keys new --keystore ./keys --passphrase-file ./signer.pass
  allora-gateway keys import --keystore ./keys --private-key-file ./hot.key --passphrase-env SIGNER_PASSPHRASE
  allora-gateway keys list --keystore ./keys`,
	}
	cmd.AddCommand(newKeysNewCmd(stdout), newKeysImportCmd(stdout), newKeysListCmd(stdout), newKeysRecordCmd(stdout))
	return cmd
}

// passphraseFlags are the flags that say where a new key's passphrase comes from.
type passphraseFlags struct {
	file, env string
	light     bool
}

func (p *passphraseFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&p.file, "passphrase-file", "", "file holding the passphrase (chmod 600; trailing newlines are not part of it)")
	f.StringVar(&p.env, "passphrase-env", "", "name of the environment variable holding the passphrase")
	f.BoolVar(&p.light, "light", false, "encrypt with light scrypt parameters: fast, and weak; for tests and development keys only")
	cmd.MarkFlagsMutuallyExclusive("passphrase-file", "passphrase-env")
	cmd.MarkFlagsOneRequired("passphrase-file", "passphrase-env")
}

func (p *passphraseFlags) read() (string, error) {
	pass, err := keys.Passphrase{File: p.file, Env: p.env}.Read(nil)
	if err != nil {
		return "", err
	}
	return pass, nil
}

func (p *passphraseFlags) scrypt() (n, par int) {
	if p.light {
		return keystore.LightScryptN, keystore.LightScryptP
	}
	return keystore.StandardScryptN, keystore.StandardScryptP
}

func newKeysNewCmd(stdout io.Writer) *cobra.Command {
	var (
		dir  string
		pass passphraseFlags
	)
	cmd := &cobra.Command{
		Use:   "new --keystore DIR (--passphrase-file FILE | --passphrase-env VAR)",
		Short: "Create a new key, encrypted in a keystore file",
		Long: `new creates a random key and writes it, encrypted with the passphrase (scrypt, as geth
does), to a new file in the keystore directory, which is created (mode 700) if it does
not exist. It prints the key's address and the file's path: put the path under
signers.submitter.keystore or signers.oracle in the config, and register the address
as an oracle signer or fund it as the submitter.`,
		Example: `  umask 077; printf '%s' 'a long passphrase' > signer.pass
  allora-gateway keys new --keystore ./keys --passphrase-file ./signer.pass
  SIGNER_PASSPHRASE='a long passphrase' allora-gateway keys new --keystore ./keys --passphrase-env SIGNER_PASSPHRASE`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			passphrase, err := pass.read()
			if err != nil {
				return err
			}
			key, err := crypto.GenerateKey()
			if err != nil {
				return fmt.Errorf("generate key: %w", err)
			}
			path, addr, err := storeKey(dir, key, passphrase, &pass)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "address %s\nfile    %s\n", addr.Hex(), path)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "keystore", "", "directory of keystore files (required)")
	_ = cmd.MarkFlagRequired("keystore")
	pass.register(cmd)
	return cmd
}

func newKeysImportCmd(stdout io.Writer) *cobra.Command {
	var (
		dir     string
		keyFile string
		pass    passphraseFlags
	)
	cmd := &cobra.Command{
		Use:   "import --keystore DIR --private-key-file FILE (--passphrase-file FILE | --passphrase-env VAR)",
		Short: "Encrypt an existing private key into a keystore file",
		Long: `import reads a private key written as hex (with or without 0x; a trailing newline is
fine) from a file that only its owner can read, and writes it, encrypted with the
passphrase, to a new file in the keystore directory. A key whose address already has a
file there is refused. Delete the plain-text key file once the keystore file is backed up.`,
		Example: `  allora-gateway keys import --keystore ./keys --private-key-file ./hot.key --passphrase-file ./signer.pass
  allora-gateway keys import --keystore ./keys --private-key-file ./hot.key --passphrase-env SIGNER_PASSPHRASE`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			key, err := readPrivateKeyFile(keyFile)
			if err != nil {
				return err
			}
			addr := crypto.PubkeyToAddress(key.PublicKey)
			existing, err := listKeyFiles(dir)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			for _, k := range existing {
				if k.Address == addr {
					return fmt.Errorf("the key of %s is already in %s (%s); nothing imported", addr.Hex(), dir, k.Path)
				}
			}
			passphrase, err := pass.read()
			if err != nil {
				return err
			}
			path, _, err := storeKey(dir, key, passphrase, &pass)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "address %s\nfile    %s\n", addr.Hex(), path)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "keystore", "", "directory of keystore files (required)")
	f.StringVar(&keyFile, "private-key-file", "", "file holding the private key in hex (chmod 600; required)")
	_ = cmd.MarkFlagRequired("keystore")
	_ = cmd.MarkFlagRequired("private-key-file")
	pass.register(cmd)
	return cmd
}

func newKeysListCmd(stdout io.Writer) *cobra.Command {
	var dir, path string
	cmd := &cobra.Command{
		Use:   "list (--keystore DIR | --config FILE)",
		Short: "List the keys of a keystore directory, or those a config names, by address",
		Long: `list --keystore prints the address and file of every keystore file in the directory,
sorted by address. It reads the address each file states and decrypts nothing, so it
needs no passphrase; the relayer checks that the stated address matches the key when it
loads it.

list --config prints every key the config names (signers.submitter, signers.keeper,
signers.oracle, cosign.key): its address, its kind (keystore or kms) and where it is
held, the keystore file or the KMS key id and region. A KMS key's address is derived
from its public key, read from KMS (kms:GetPublicKey) with the AWS credentials of the
environment; nothing secret is printed.`,
		Example: `  allora-gateway keys list --keystore ./keys
  allora-gateway keys list --config relayer.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (dir == "") == (path == "") {
				return errors.New("give exactly one of --keystore and --config")
			}
			if path != "" {
				cfg, err := config.Load(path, os.LookupEnv)
				if err != nil {
					return err
				}
				found, err := configKeys(cmd.Context(), cfg)
				if err != nil {
					return err
				}
				if len(found) == 0 {
					fmt.Fprintf(stdout, "no keys in %s\n", path)
					return nil
				}
				return writeConfigKeys(stdout, found)
			}
			found, err := listKeyFiles(dir)
			if errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(stdout, "no keys: %s does not exist (create one with allora-gateway keys new --keystore %s)\n", dir, dir)
				return nil
			}
			if err != nil {
				return err
			}
			if len(found) == 0 {
				fmt.Fprintf(stdout, "no keys in %s (create one with allora-gateway keys new --keystore %s)\n", dir, dir)
				return nil
			}
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ADDRESS\tFILE")
			for _, k := range found {
				fmt.Fprintf(tw, "%s\t%s\n", k.Address.Hex(), k.Path)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&dir, "keystore", "", "directory of keystore files")
	cmd.Flags().StringVarP(&path, "config", "c", "", "a relayer or co-signer config file")
	return cmd
}

// storeKey encrypts key with passphrase into a new file of dir, named as geth names
// them (UTC--<time>--<address>) so geth and clef find it too.
func storeKey(dir string, key *ecdsa.PrivateKey, passphrase string, p *passphraseFlags) (string, common.Address, error) {
	id, err := uuid.NewRandom()
	if err != nil {
		return "", common.Address{}, fmt.Errorf("key id: %w", err)
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	n, par := p.scrypt()
	data, err := keystore.EncryptKey(&keystore.Key{Id: id, Address: addr, PrivateKey: key}, passphrase, n, par)
	if err != nil {
		return "", common.Address{}, fmt.Errorf("encrypt key: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", common.Address{}, fmt.Errorf("create keystore directory: %w", err)
	}
	name := fmt.Sprintf("UTC--%s--%s", time.Now().UTC().Format("2006-01-02T15-04-05.000000000Z"), hex.EncodeToString(addr[:]))
	path := filepath.Join(dir, name)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", common.Address{}, fmt.Errorf("write key file: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return "", common.Address{}, fmt.Errorf("write key file %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", common.Address{}, fmt.Errorf("write key file %s: %w", path, err)
	}
	return path, addr, nil
}

// readPrivateKeyFile reads a hex private key from a file that group and others cannot
// access: a key in plain text readable by other users is as good as theirs.
func readPrivateKeyFile(path string) (*ecdsa.PrivateKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read private key file: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read private key file: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read private key file %s: not a regular file", path)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("private key file %s has mode %04o and is readable by others: run chmod 600 %s (and consider the key exposed if others could read it)",
			path, perm, path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxPrivateKeyFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read private key file %s: %w", path, err)
	}
	if len(b) > maxPrivateKeyFileSize {
		return nil, fmt.Errorf("private key file %s is larger than %d bytes: not a hex private key", path, maxPrivateKeyFileSize)
	}
	text := strings.TrimSpace(string(b))
	text = strings.TrimPrefix(strings.TrimPrefix(text, "0x"), "0X")
	key, err := crypto.HexToECDSA(text)
	if err != nil {
		// The error of HexToECDSA may quote the input; never echo a key.
		return nil, fmt.Errorf("private key file %s does not hold a private key as 64 hex digits", path)
	}
	return key, nil
}

// keyFile is one keystore file of a directory, by the address it states.
type keyFile struct {
	Address common.Address
	Path    string
}

// listKeyFiles returns the keystore V3 files of dir sorted by address, reading only
// the address each states. Files that are not key files are passed over, as geth does
// (editor backups, dot files, notes).
func listKeyFiles(dir string) ([]keyFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read keystore directory: %w", err)
	}
	var out []keyFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			continue
		}
		path := filepath.Join(dir, name)
		addr, err := keyFileAddress(path)
		if err != nil {
			continue
		}
		out = append(out, keyFile{Address: addr, Path: path})
	}
	slices.SortFunc(out, func(a, b keyFile) int { return a.Address.Cmp(b.Address) })
	return out, nil
}

// keyFileAddress returns the address a keystore V3 file states, without decrypting it.
func keyFileAddress(path string) (common.Address, error) {
	f, err := os.Open(path)
	if err != nil {
		return common.Address{}, fmt.Errorf("read key file: %w", err)
	}
	defer f.Close()
	var h struct {
		Address string          `json:"address"`
		Crypto  json.RawMessage `json:"crypto"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.NewDecoder(io.LimitReader(f, 64<<10)).Decode(&h); err != nil {
		return common.Address{}, fmt.Errorf("%s is %w: %v", path, keys.ErrNotKeyFile, err)
	}
	if string(h.Version) != "3" || len(h.Crypto) == 0 {
		return common.Address{}, fmt.Errorf("%s is %w", path, keys.ErrNotKeyFile)
	}
	if !common.IsHexAddress(h.Address) {
		return common.Address{}, fmt.Errorf("key file %s states no address (%q); status needs it to read the account without decrypting", path, h.Address)
	}
	return common.HexToAddress(h.Address), nil
}
