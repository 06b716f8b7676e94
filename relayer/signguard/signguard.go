// Package signguard is a signer's slashing protection: a durable record of what each
// key signed per (chain, oracle, topic), consulted before every signature.
//
// The record keeps, per (signer, chain id, oracle, topic), the highest version signed
// (oracle.Version: Allora block height, then loss block height) and the update signed
// at it (its value and oracle.UpdateHash). Approve allows a batch only when, for every
// update in it, the version is above the one recorded (a new height, or a revision of
// the same height with a higher loss block height), or equal with the very same update
// (re-signing it gives the signature already given). It refuses a version below the
// recorded one and a different update at the recorded one: two signatures over two
// values of one version would let whoever holds both choose which lands.
//
// The record is a bbolt file. Approve writes the whole batch in one transaction and
// returns only once it is committed and synced to disk, so a signature given after
// Approve returns is remembered across a crash or a restart. bbolt is embedded (no
// server to run beside a co-signer), takes an exclusive file lock (two processes
// cannot use one record and diverge), and its commits are atomic. One record is for
// one machine: replicas of one key must not sign at all, as each would need the
// other's record first.
//
// Export and Import move a record between machines in a JSON interchange format (see
// Interchange), in the manner of EIP-3076.
package signguard

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// Reason is the oracle.RefusalError reason of a batch the record refuses.
const Reason = oracle.ReasonSlashingProtection

// Errors.
var (
	// ErrRefused is what a refusal wraps: signing the batch could give a second
	// signature for a version already signed, or go back below it.
	ErrRefused = errors.New("slashing protection: refused")
	// ErrLocked means another process holds the record.
	ErrLocked = errors.New("slashing protection: the record is in use by another process")
)

var signedBucket = []byte("signed")

// lockTimeout is how long Open waits for another process to release the file.
const lockTimeout = time.Second

// Record is a signer's slashing-protection record. It is safe for concurrent use.
type Record struct {
	db   *bolt.DB
	path string
}

// Open opens the record at path, creating it (and its directory, mode 0700) if it
// does not exist.
func Open(path string) (*Record, error) {
	if path == "" {
		return nil, errors.New("slashing protection: no record path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("slashing protection: create the record's directory: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("slashing protection: open the record %s: %w", path, err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(signedBucket)
		return err
	}); err != nil {
		return nil, errors.Join(fmt.Errorf("slashing protection: initialise the record %s: %w", path, err), db.Close())
	}
	return &Record{db: db, path: path}, nil
}

// Path is the record's file.
func (r *Record) Path() string { return r.path }

// Close releases the record.
func (r *Record) Close() error { return r.db.Close() }

// Key names what one entry of the record is about.
type Key struct {
	Signer  common.Address
	ChainID uint64
	Oracle  common.Address
	TopicID uint64
}

func (k Key) bytes() []byte {
	b := make([]byte, 0, 20+8+20+8)
	b = append(b, k.Signer.Bytes()...)
	b = binary.BigEndian.AppendUint64(b, k.ChainID)
	b = append(b, k.Oracle.Bytes()...)
	return binary.BigEndian.AppendUint64(b, k.TopicID)
}

func keyFrom(b []byte) (Key, bool) {
	if len(b) != 56 {
		return Key{}, false
	}
	return Key{
		Signer:  common.BytesToAddress(b[:20]),
		ChainID: binary.BigEndian.Uint64(b[20:28]),
		Oracle:  common.BytesToAddress(b[28:48]),
		TopicID: binary.BigEndian.Uint64(b[48:]),
	}, true
}

// Signed is the highest version signed for a Key and the update signed at it.
type Signed struct {
	Version oracle.Version
	// Value is the update's value, as a decimal string, for the operator to read.
	Value string
	// UpdateHash is oracle.UpdateHash of the update: what identifies it.
	UpdateHash common.Hash
}

type storedSigned struct {
	BlockHeight     uint64      `json:"block_height"`
	LossBlockHeight uint64      `json:"loss_block_height"`
	Value           string      `json:"value"`
	UpdateHash      common.Hash `json:"update_hash"`
}

func encodeSigned(s Signed) ([]byte, error) {
	return json.Marshal(storedSigned{s.Version.BlockHeight, s.Version.LossBlockHeight, s.Value, s.UpdateHash})
}

func decodeSigned(b []byte) (Signed, error) {
	var st storedSigned
	if err := json.Unmarshal(b, &st); err != nil {
		return Signed{}, err
	}
	return Signed{oracle.Version{BlockHeight: st.BlockHeight, LossBlockHeight: st.LossBlockHeight}, st.Value, st.UpdateHash}, nil
}

// Refusal is the record's refusal of one update of a batch.
type Refusal struct {
	Key      Key
	Proposed Signed
	Recorded Signed
}

func (e *Refusal) Error() string {
	if e.Recorded.Version == e.Proposed.Version {
		return fmt.Sprintf("%v: topic %d on chain %d oracle %s: block %d (loss block %d) already signed with value %s, proposed %s",
			ErrRefused, e.Key.TopicID, e.Key.ChainID, e.Key.Oracle.Hex(), e.Proposed.Version.BlockHeight,
			e.Proposed.Version.LossBlockHeight, e.Recorded.Value, e.Proposed.Value)
	}
	return fmt.Sprintf("%v: topic %d on chain %d oracle %s: proposed block %d (loss block %d), already signed block %d (loss block %d)",
		ErrRefused, e.Key.TopicID, e.Key.ChainID, e.Key.Oracle.Hex(), e.Proposed.Version.BlockHeight,
		e.Proposed.Version.LossBlockHeight, e.Recorded.Version.BlockHeight, e.Recorded.Version.LossBlockHeight)
}

func (e *Refusal) Unwrap() error { return ErrRefused }

// Get returns what the record holds for k.
func (r *Record) Get(k Key) (Signed, bool, error) {
	var s Signed
	var found bool
	err := r.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(signedBucket).Get(k.bytes())
		if b == nil {
			return nil
		}
		found = true
		var err error
		s, err = decodeSigned(b)
		return err
	})
	if err != nil {
		return Signed{}, false, fmt.Errorf("slashing protection: read the record: %w", err)
	}
	return s, found, nil
}

// Approve allows signer to sign updates for d's oracle, or returns a *Refusal for the
// first update, by position, it must not sign. When it allows, the batch is recorded
// and synced to disk before Approve returns; when it refuses, nothing is recorded.
func (r *Record) Approve(signer common.Address, d oracle.Domain, updates []oracle.Update) error {
	if d.ChainID == nil || !d.ChainID.IsUint64() {
		return errors.New("slashing protection: the domain has no chain id that fits 64 bits")
	}
	err := r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(signedBucket)
		for _, u := range updates {
			if u.Value == nil {
				return fmt.Errorf("slashing protection: topic %d: no value", u.TopicID)
			}
			k := Key{Signer: signer, ChainID: d.ChainID.Uint64(), Oracle: d.VerifyingContract, TopicID: u.TopicID}
			proposed := Signed{Version: u.Version(), Value: u.Value.String(), UpdateHash: oracle.UpdateHash(u)}
			if prev := b.Get(k.bytes()); prev != nil {
				recorded, err := decodeSigned(prev)
				if err != nil {
					return fmt.Errorf("slashing protection: decode the entry of topic %d: %w", u.TopicID, err)
				}
				if recorded.Version.Newer(proposed.Version) ||
					(recorded.Version == proposed.Version && recorded.UpdateHash != proposed.UpdateHash) {
					return &Refusal{Key: k, Proposed: proposed, Recorded: recorded}
				}
				if recorded.Version == proposed.Version {
					continue
				}
			}
			v, err := encodeSigned(proposed)
			if err != nil {
				return err
			}
			if err := b.Put(k.bytes(), v); err != nil {
				return err
			}
		}
		return nil
	})
	var ref *Refusal
	if err != nil && !errors.As(err, &ref) {
		return fmt.Errorf("slashing protection: record the batch: %w", err)
	}
	return err
}

// Guard returns s as a BatchSigner that signs only what the record approves for s's
// address. A refusal is an *oracle.RefusalError with Reason.
func Guard(s oracle.BatchSigner, r *Record) oracle.BatchSigner { return guarded{s, r} }

type guarded struct {
	s oracle.BatchSigner
	r *Record
}

func (g guarded) Address() common.Address { return g.s.Address() }

func (g guarded) SignBatch(ctx context.Context, d oracle.Domain, updates []oracle.Update) ([]byte, error) {
	if err := g.r.Approve(g.s.Address(), d, updates); err != nil {
		var ref *Refusal
		if errors.As(err, &ref) {
			return nil, &oracle.RefusalError{Reason: Reason, Detail: ref.Error()}
		}
		return nil, err
	}
	return g.s.SignBatch(ctx, d, updates)
}
