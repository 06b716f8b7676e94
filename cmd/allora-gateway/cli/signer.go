package cli

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/ethereum/go-ethereum/common"
)

// openSigner is the signer of a configured key, whatever holds it: a keystore file,
// decrypted with its passphrase, or a KMS key, whose public key is read from KMS
// (within connectTimeout). Oracle batches, co-signatures and transactions are all
// signed through it.
func openSigner(ctx context.Context, k config.Key) (oracle.Signer, error) {
	if k.IsKMS() {
		cctx, cancel := context.WithTimeout(ctx, connectTimeout)
		defer cancel()
		return keys.NewKMSSigner(cctx, kmsKey(k))
	}
	return keys.NewKeystoreSigner(k.Keystore, passphrase(k))
}

func kmsKey(k config.Key) keys.KMSKey {
	return keys.KMSKey{KeyID: k.KMS.KeyID, Region: k.KMS.Region, Endpoint: k.KMS.Endpoint}
}

func passphrase(k config.Key) keys.Passphrase {
	return keys.Passphrase{File: k.PassphraseFile, Env: k.PassphraseEnv}
}

// describeKey names where a key is held for a listing or an error, never a secret:
// the keystore's path, or the KMS key's id and region.
func describeKey(k config.Key) string {
	if k.IsKMS() {
		if k.KMS.Region == "" {
			return k.KMS.KeyID
		}
		return fmt.Sprintf("%s (%s)", k.KMS.KeyID, k.KMS.Region)
	}
	return k.Keystore
}

// configKey is one key a config names, as keys list --config and status show it: its
// place in the config, its address, and where it is held. Nothing secret is in it.
type configKey struct {
	Role    string `json:"role"`    // signers.submitter, signers.oracle[0], cosign.key, ...
	Address string `json:"address"` // 0x address
	Kind    string `json:"kind"`    // keystore or kms
	Key     string `json:"key"`     // the keystore file, or the KMS key id and region
}

// keyAddress is the address of a configured key without decrypting anything: the
// address its keystore file states, or the one derived from the KMS key's public key
// (kms:GetPublicKey).
func keyAddress(ctx context.Context, k config.Key) (common.Address, error) {
	if !k.IsKMS() {
		return keyFileAddress(k.Keystore)
	}
	s, err := openSigner(ctx, k)
	if err != nil {
		return common.Address{}, err
	}
	return s.Address(), nil
}

// configKeys lists the keys cfg names, in config order: the submitter, the keeper
// when it has its own, each oracle key, and the co-signer's key when there is one.
func configKeys(ctx context.Context, cfg config.Config) ([]configKey, error) {
	type named struct {
		role string
		key  config.Key
	}
	var all []named
	if cfg.Signers.Submitter != (config.Key{}) {
		all = append(all, named{"signers.submitter", cfg.Signers.Submitter})
	}
	if cfg.Signers.Keeper != (config.Key{}) {
		all = append(all, named{"signers.keeper", cfg.Signers.Keeper})
	}
	for i, k := range cfg.Signers.Oracle {
		all = append(all, named{fmt.Sprintf("signers.oracle[%d]", i), k})
	}
	if cfg.Cosign.Key != (config.Key{}) {
		all = append(all, named{"cosign.key", cfg.Cosign.Key})
	}
	out := make([]configKey, 0, len(all))
	for _, n := range all {
		addr, err := keyAddress(ctx, n.key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n.role, err)
		}
		out = append(out, configKey{Role: n.role, Address: addr.Hex(), Kind: n.key.Kind(), Key: describeKey(n.key)})
	}
	return out, nil
}

// writeConfigKeys prints keys as a table.
func writeConfigKeys(w io.Writer, keys []configKey) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tADDRESS\tKIND\tHELD IN")
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", k.Role, k.Address, k.Kind, k.Key)
	}
	return tw.Flush()
}
