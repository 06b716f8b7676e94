package signguard

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	bolt "go.etcd.io/bbolt"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// InterchangeVersion is the version of the interchange format Export writes and
// Import reads.
const InterchangeVersion = "1"

// Interchange is a record as JSON, for moving it between machines:
//
//	{"metadata": {"interchange_format_version": "1"},
//	 "data": [{"signer": "0x…", "chain_id": 56, "oracle": "0x…", "topic_id": 13,
//	           "block_height": 1200, "loss_block_height": 1190,
//	           "value": "84250500000000000000000", "update_hash": "0x…"}]}
//
// Each entry is the highest version a signer signed for an oracle's topic, and the
// update signed at it (its value, and oracle.UpdateHash of it).
type Interchange struct {
	Metadata InterchangeMetadata `json:"metadata"`
	Data     []InterchangeEntry  `json:"data"`
}

// InterchangeMetadata says what format the file is in.
type InterchangeMetadata struct {
	InterchangeFormatVersion string `json:"interchange_format_version"`
}

// InterchangeEntry is one entry of the record.
type InterchangeEntry struct {
	Signer          common.Address `json:"signer"`
	ChainID         uint64         `json:"chain_id"`
	Oracle          common.Address `json:"oracle"`
	TopicID         uint64         `json:"topic_id"`
	BlockHeight     uint64         `json:"block_height"`
	LossBlockHeight uint64         `json:"loss_block_height"`
	Value           string         `json:"value"`
	UpdateHash      common.Hash    `json:"update_hash"`
}

// ErrInterchange means an interchange file cannot be imported.
var ErrInterchange = errors.New("slashing protection: bad interchange file")

// Export writes the whole record to w as an Interchange, entries in key order.
func (r *Record) Export(w io.Writer) error {
	entries, err := r.Entries()
	if err != nil {
		return err
	}
	out := Interchange{Metadata: InterchangeMetadata{InterchangeFormatVersion: InterchangeVersion}, Data: entries}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("slashing protection: write the interchange: %w", err)
	}
	return nil
}

func entryOf(k Key, s Signed) InterchangeEntry {
	return InterchangeEntry{
		Signer: k.Signer, ChainID: k.ChainID, Oracle: k.Oracle, TopicID: k.TopicID,
		BlockHeight: s.Version.BlockHeight, LossBlockHeight: s.Version.LossBlockHeight,
		Value: s.Value, UpdateHash: s.UpdateHash,
	}
}

// ImportStats says what Import did.
type ImportStats struct {
	// Added are entries the record had no entry for; Raised, entries it held a lower
	// version of; Kept, entries it already held at the same or a higher version.
	Added, Raised, Kept int
	// Conflicts are entries at the version the record holds but for another update:
	// both were signed, so signing either again, or anything else at that version, is
	// refused either way. The record keeps its own.
	Conflicts int
}

// Import merges an Interchange read from rd into the record, keeping the higher
// version of each entry, in one transaction: a file with any bad entry changes
// nothing.
func (r *Record) Import(rd io.Reader) (ImportStats, error) {
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	var in Interchange
	if err := dec.Decode(&in); err != nil {
		return ImportStats{}, fmt.Errorf("%w: %w", ErrInterchange, err)
	}
	if in.Metadata.InterchangeFormatVersion != InterchangeVersion {
		return ImportStats{}, fmt.Errorf("%w: interchange_format_version %q, this version reads %q",
			ErrInterchange, in.Metadata.InterchangeFormatVersion, InterchangeVersion)
	}
	var errs []error
	for i, e := range in.Data {
		if e.BlockHeight == 0 {
			errs = append(errs, fmt.Errorf("data[%d]: block_height must be set", i))
		}
		if _, ok := new(big.Int).SetString(e.Value, 10); !ok {
			errs = append(errs, fmt.Errorf("data[%d]: value %q is not a decimal integer", i, e.Value))
		}
		if e.Signer == (common.Address{}) || e.Oracle == (common.Address{}) {
			errs = append(errs, fmt.Errorf("data[%d]: signer and oracle must be set", i))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return ImportStats{}, fmt.Errorf("%w:\n%w", ErrInterchange, err)
	}
	var st ImportStats
	err := r.db.Update(func(tx *bolt.Tx) error {
		st = ImportStats{}
		b := tx.Bucket(signedBucket)
		for _, e := range in.Data {
			k := Key{Signer: e.Signer, ChainID: e.ChainID, Oracle: e.Oracle, TopicID: e.TopicID}
			s := Signed{Version: oracle.Version{BlockHeight: e.BlockHeight, LossBlockHeight: e.LossBlockHeight},
				Value: e.Value, UpdateHash: e.UpdateHash}
			if prev := b.Get(k.bytes()); prev != nil {
				recorded, err := decodeSigned(prev)
				if err != nil {
					return fmt.Errorf("decode the entry of topic %d: %w", k.TopicID, err)
				}
				switch {
				case recorded.Version == s.Version && recorded.UpdateHash != s.UpdateHash:
					st.Conflicts++
					continue
				case !s.Version.Newer(recorded.Version):
					st.Kept++
					continue
				}
				st.Raised++
			} else {
				st.Added++
			}
			v, err := encodeSigned(s)
			if err != nil {
				return err
			}
			if err := b.Put(k.bytes(), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportStats{}, fmt.Errorf("slashing protection: import: %w", err)
	}
	return st, nil
}

// Entries returns every entry of the record, in key order.
func (r *Record) Entries() ([]InterchangeEntry, error) {
	out := []InterchangeEntry{}
	err := r.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(signedBucket).ForEach(func(kb, vb []byte) error {
			k, ok := keyFrom(kb)
			if !ok {
				return fmt.Errorf("an entry with a key of %d bytes", len(kb))
			}
			s, err := decodeSigned(vb)
			if err != nil {
				return fmt.Errorf("decode the entry of topic %d: %w", k.TopicID, err)
			}
			out = append(out, entryOf(k, s))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("slashing protection: read the record: %w", err)
	}
	return out, nil
}
