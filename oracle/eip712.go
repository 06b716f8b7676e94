package oracle

import (
	"encoding/binary"
	"encoding/json"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// The EIP-712 types the AlloraOracle contract verifies. They are part of the contract's
// interface: changing a name, a field or its order changes every digest.
const (
	// DomainName is the EIP-712 domain name of the AlloraOracle contract.
	DomainName = "AlloraOracle"
	// DomainVersion is the EIP-712 domain version of the AlloraOracle contract.
	DomainVersion = "1"

	// DomainType is the encoded type of the EIP-712 domain.
	DomainType = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	// UpdateType is the encoded type of one topic's update.
	UpdateType = "Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"
	// BatchType is the encoded type of a batch of updates, the struct the signers sign:
	// the primary type followed by the referenced Update type, as EIP-712 requires.
	BatchType = "Batch(Update[] updates)" + UpdateType
)

// The type hashes, keccak256 of the encoded types, as the contract declares them.
// They are variables only because Go has no array constants. This package hashes with
// private copies, so assigning to them changes no digest.
var (
	// DomainTypeHash is keccak256(DomainType).
	DomainTypeHash = crypto.Keccak256Hash([]byte(DomainType))
	// UpdateTypeHash is keccak256(UpdateType), the contract's UPDATE_TYPEHASH.
	UpdateTypeHash = crypto.Keccak256Hash([]byte(UpdateType))
	// BatchTypeHash is keccak256(BatchType), the contract's BATCH_TYPEHASH.
	BatchTypeHash = crypto.Keccak256Hash([]byte(BatchType))
)

// Private copies of the type hashes, so that no caller can alter what is signed.
var (
	domainTypeHash = crypto.Keccak256Hash([]byte(DomainType))
	updateTypeHash = crypto.Keccak256Hash([]byte(UpdateType))
	batchTypeHash  = crypto.Keccak256Hash([]byte(BatchType))
)

// Domain is the EIP-712 domain of one AlloraOracle deployment. Its separator binds a
// signature to one contract on one chain, so a batch signed for BNB Smart Chain cannot be
// replayed on Sonic.
type Domain struct {
	Name              string
	Version           string
	ChainID           *big.Int // EIP-155 chain id; nil is encoded as 0
	VerifyingContract common.Address
}

// NewDomain returns the domain of the AlloraOracle at verifyingContract on the chain
// chainID, with DomainName and DomainVersion. It copies chainID.
func NewDomain(chainID *big.Int, verifyingContract common.Address) Domain {
	var id *big.Int
	if chainID != nil {
		id = new(big.Int).Set(chainID)
	}
	return Domain{
		Name:              DomainName,
		Version:           DomainVersion,
		ChainID:           id,
		VerifyingContract: verifyingContract,
	}
}

// Separator returns the EIP-712 domain separator, hashStruct(EIP712Domain), as the
// contract computes it.
func (d Domain) Separator() common.Hash {
	var buf [5 * 32]byte
	copy(buf[0:32], domainTypeHash[:])
	nameHash := crypto.Keccak256Hash([]byte(d.Name))
	copy(buf[32:64], nameHash[:])
	versionHash := crypto.Keccak256Hash([]byte(d.Version))
	copy(buf[64:96], versionHash[:])
	putWord256(buf[96:128], d.ChainID)
	copy(buf[128+12:160], d.VerifyingContract[:])
	return crypto.Keccak256Hash(buf[:])
}

// UpdateHash returns hashStruct(Update) of one update: keccak256 of UpdateTypeHash and
// the five fields, each as a 32-byte word, the value in two's complement. The value
// must be non-nil and in the int256 range; a nil value is hashed as 0 and a value out
// of range as its residue modulo 2^256. SignBatch refuses both.
func UpdateHash(u Update) common.Hash {
	var buf [updateEncodedLen]byte
	encodeUpdate(buf[:], u)
	return crypto.Keccak256Hash(buf[:])
}

// updateEncodedLen is the length of encodeData(Update): the type hash and five words.
const updateEncodedLen = 6 * 32

// encodeUpdate writes encodeData(Update) of u into dst, which is updateEncodedLen long.
func encodeUpdate(dst []byte, u Update) {
	copy(dst[0:32], updateTypeHash[:])
	clear(dst[32 : 64-8])
	binary.BigEndian.PutUint64(dst[64-8:64], u.TopicID)
	putWord256(dst[64:96], u.Value)
	clear(dst[96 : 128-8])
	binary.BigEndian.PutUint64(dst[128-8:128], u.BlockHeight)
	clear(dst[128 : 160-8])
	binary.BigEndian.PutUint64(dst[160-8:160], u.LossBlockHeight)
	clear(dst[160 : 192-8])
	binary.BigEndian.PutUint64(dst[192-8:192], u.Timestamp)
}

// BatchHash returns hashStruct(Batch): keccak256(BatchTypeHash ‖ keccak256(UpdateHash of
// each update, in order)). Order matters: the same updates in another order give another
// hash.
func BatchHash(updates []Update) common.Hash {
	// One scratch buffer and two hash states for the whole batch, rather than
	// allocations per update: this is the signing hot path.
	scratch := make([]byte, updateEncodedLen+32)
	enc, sum := scratch[:updateEncodedLen], scratch[updateEncodedLen:]
	array, item := crypto.NewKeccakState(), crypto.NewKeccakState()
	for _, u := range updates {
		encodeUpdate(enc, u)
		item.Reset()
		item.Write(enc)
		item.Read(sum)
		array.Write(sum)
	}
	copy(enc[0:32], batchTypeHash[:])
	array.Read(enc[32:64])
	return crypto.Keccak256Hash(enc[:64])
}

// BatchDigest returns the EIP-712 digest the signers sign and the contract recovers
// signers from: keccak256(0x19 0x01 ‖ d.Separator() ‖ BatchHash(updates)), the same
// digest a wallet's eth_signTypedData_v4 signs for TypedData(d, updates).
//
// A batch to submit must hold at least one update, and SignBatch enforces it. The digest
// of an empty batch is still well defined (its array hash is keccak256 of nothing) so
// that verifying code never has to special-case it.
func BatchDigest(d Domain, updates []Update) common.Hash {
	sep := d.Separator()
	batch := BatchHash(updates)
	var buf [2 + 2*32]byte
	buf[0], buf[1] = 0x19, 0x01
	copy(buf[2:34], sep[:])
	copy(buf[34:66], batch[:])
	return crypto.Keccak256Hash(buf[:])
}

// TypedData returns the batch as EIP-712 typed data, whose JSON a wallet's
// eth_signTypedData_v4 accepts and signs to the digest BatchDigest returns. Integers in
// the message are decimal strings, because JSON numbers lose precision above 2^53.
func TypedData(d Domain, updates []Update) apitypes.TypedData {
	chainID := new(big.Int)
	if d.ChainID != nil {
		chainID.Set(d.ChainID)
	}
	items := make([]any, len(updates))
	for i, u := range updates {
		value := "0"
		if u.Value != nil {
			value = u.Value.String()
		}
		items[i] = map[string]any{
			"topicId":         strconv.FormatUint(u.TopicID, 10),
			"value":           value,
			"blockHeight":     strconv.FormatUint(u.BlockHeight, 10),
			"lossBlockHeight": strconv.FormatUint(u.LossBlockHeight, 10),
			"timestamp":       strconv.FormatUint(u.Timestamp, 10),
		}
	}
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {
				{Name: "name", Type: "string"},
				{Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"},
				{Name: "verifyingContract", Type: "address"},
			},
			"Batch": {
				{Name: "updates", Type: "Update[]"},
			},
			"Update": {
				{Name: "topicId", Type: "uint64"},
				{Name: "value", Type: "int256"},
				{Name: "blockHeight", Type: "uint64"},
				{Name: "lossBlockHeight", Type: "uint64"},
				{Name: "timestamp", Type: "uint64"},
			},
		},
		PrimaryType: "Batch",
		Domain: apitypes.TypedDataDomain{
			Name:              d.Name,
			Version:           d.Version,
			ChainId:           (*math.HexOrDecimal256)(chainID),
			VerifyingContract: d.VerifyingContract.Hex(),
		},
		Message: apitypes.TypedDataMessage{
			"updates": items,
		},
	}
}

// TypedDataJSON returns TypedData(d, updates) as the JSON to hand to a wallet's
// eth_signTypedData_v4 or to any EIP-712 library. It differs from json.Marshal of the
// apitypes value in two ways that strict decoders (ethers, alloy) require: the domain has
// no "salt" key (apitypes writes an empty string, which is not a bytes32), and chainId
// is a JSON number rather than a hex string.
func TypedDataJSON(d Domain, updates []Update) []byte {
	td := TypedData(d, updates)
	out, err := json.Marshal(struct {
		Types       apitypes.Types            `json:"types"`
		PrimaryType string                    `json:"primaryType"`
		Domain      walletDomain              `json:"domain"`
		Message     apitypes.TypedDataMessage `json:"message"`
	}{
		Types:       td.Types,
		PrimaryType: td.PrimaryType,
		Domain: walletDomain{
			Name:              td.Domain.Name,
			Version:           td.Domain.Version,
			ChainID:           (*big.Int)(td.Domain.ChainId),
			VerifyingContract: td.Domain.VerifyingContract,
		},
		Message: td.Message,
	})
	if err != nil {
		// Only strings, slices and maps of them are marshalled; this cannot fail.
		panic("oracle: marshal typed data: " + err.Error())
	}
	return out
}

// walletDomain is the EIP-712 domain as wallets read it.
type walletDomain struct {
	Name              string   `json:"name"`
	Version           string   `json:"version"`
	ChainID           *big.Int `json:"chainId"`
	VerifyingContract string   `json:"verifyingContract"`
}

// putWord256 writes v into the 32-byte dst as a two's-complement word, the ABI encoding
// of int256 and uint256 alike, without allocating. Bits above 256 are dropped, so a value
// out of range is written as its residue modulo 2^256; nil is written as 0.
func putWord256(dst []byte, v *big.Int) {
	clear(dst[:32])
	if v == nil {
		return
	}
	pos := 32
	for _, w := range v.Bits() { // magnitude, least significant word first
		for j := 0; j < bits.UintSize/8 && pos > 0; j++ {
			pos--
			dst[pos] = byte(w)
			w >>= 8
		}
		if pos == 0 {
			break
		}
	}
	if v.Sign() < 0 {
		// Two's complement of the magnitude: invert and add one.
		carry := true
		for i := 31; i >= 0; i-- {
			dst[i] = ^dst[i]
			if carry {
				dst[i]++
				carry = dst[i] == 0
			}
		}
	}
}
