package cosign

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// SignPath is the co-signer's signing endpoint.
const SignPath = "/v1/sign"

// HealthPath is the co-signer's liveness endpoint: unauthenticated, it answers
// HealthResponse.
const HealthPath = "/healthz"

// HealthResponse is what HealthPath answers.
type HealthResponse struct {
	Status string `json:"status"`
	Signer string `json:"signer"`
}

// SignRequest is the body of POST /v1/sign: the batch a relayer proposes, for one
// oracle. Integers are decimal strings, since JSON numbers lose precision above 2^53
// and values are int256.
type SignRequest struct {
	Domain  DomainJSON   `json:"domain"`
	Updates []UpdateJSON `json:"updates"`
}

// DomainJSON is an EIP-712 domain of an AlloraOracle.
type DomainJSON struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           string `json:"chain_id"`
	VerifyingContract string `json:"verifying_contract"`
}

// UpdateJSON is one update of a batch.
type UpdateJSON struct {
	TopicID     string `json:"topic_id"`
	Value       string `json:"value"` // int256 scaled by 10^18
	BlockHeight string `json:"block_height"`
	// LossBlockHeight is absent from requests of relayers that predate loss heights,
	// and then 0.
	LossBlockHeight string `json:"loss_block_height,omitempty"`
	Timestamp       string `json:"timestamp"` // unix seconds
}

// SignResponse is the answer to a signed batch.
type SignResponse struct {
	Signer    string `json:"signer"`    // the co-signer's address
	Digest    string `json:"digest"`    // the EIP-712 digest it signed, 0x-hex
	Signature string `json:"signature"` // r ‖ s ‖ v, 0x-hex, 65 bytes
}

// NewSignRequest encodes a batch for the wire.
func NewSignRequest(d oracle.Domain, updates []oracle.Update) SignRequest {
	chainID := "0"
	if d.ChainID != nil {
		chainID = d.ChainID.String()
	}
	req := SignRequest{
		Domain: DomainJSON{Name: d.Name, Version: d.Version, ChainID: chainID, VerifyingContract: d.VerifyingContract.Hex()},
	}
	req.Updates = make([]UpdateJSON, len(updates))
	for i, u := range updates {
		value := ""
		if u.Value != nil {
			value = u.Value.String()
		}
		req.Updates[i] = UpdateJSON{
			TopicID:         strconv.FormatUint(u.TopicID, 10),
			Value:           value,
			BlockHeight:     strconv.FormatUint(u.BlockHeight, 10),
			LossBlockHeight: strconv.FormatUint(u.LossBlockHeight, 10),
			Timestamp:       strconv.FormatUint(u.Timestamp, 10),
		}
	}
	return req
}

// errMalformed is a request body that is not a SignRequest.
var errMalformed = errors.New("malformed request")

// decodeSignRequest reads exactly one SignRequest from body, refusing unknown fields,
// trailing data and integers that do not parse, and returns its domain and updates.
func decodeSignRequest(body []byte) (oracle.Domain, []oracle.Update, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req SignRequest
	if err := dec.Decode(&req); err != nil {
		return oracle.Domain{}, nil, fmt.Errorf("%w: %v", errMalformed, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return oracle.Domain{}, nil, fmt.Errorf("%w: data after the JSON object", errMalformed)
	}
	chainID, ok := new(big.Int).SetString(req.Domain.ChainID, 10)
	if !ok || chainID.Sign() <= 0 || !chainID.IsUint64() {
		return oracle.Domain{}, nil, fmt.Errorf("%w: domain.chain_id %q is not a chain id", errMalformed, req.Domain.ChainID)
	}
	if !common.IsHexAddress(req.Domain.VerifyingContract) {
		return oracle.Domain{}, nil, fmt.Errorf("%w: domain.verifying_contract %q is not an address", errMalformed, req.Domain.VerifyingContract)
	}
	d := oracle.Domain{
		Name:              req.Domain.Name,
		Version:           req.Domain.Version,
		ChainID:           chainID,
		VerifyingContract: common.HexToAddress(req.Domain.VerifyingContract),
	}
	updates := make([]oracle.Update, len(req.Updates))
	for i, u := range req.Updates {
		var err error
		if updates[i].TopicID, err = strconv.ParseUint(u.TopicID, 10, 64); err != nil {
			return oracle.Domain{}, nil, fmt.Errorf("%w: updates[%d].topic_id %q is not an unsigned integer", errMalformed, i, u.TopicID)
		}
		if updates[i].BlockHeight, err = strconv.ParseUint(u.BlockHeight, 10, 64); err != nil {
			return oracle.Domain{}, nil, fmt.Errorf("%w: updates[%d].block_height %q is not an unsigned integer", errMalformed, i, u.BlockHeight)
		}
		if u.LossBlockHeight != "" {
			if updates[i].LossBlockHeight, err = strconv.ParseUint(u.LossBlockHeight, 10, 64); err != nil {
				return oracle.Domain{}, nil, fmt.Errorf("%w: updates[%d].loss_block_height %q is not an unsigned integer", errMalformed, i, u.LossBlockHeight)
			}
		}
		if updates[i].Timestamp, err = strconv.ParseUint(u.Timestamp, 10, 64); err != nil {
			return oracle.Domain{}, nil, fmt.Errorf("%w: updates[%d].timestamp %q is not an unsigned integer", errMalformed, i, u.Timestamp)
		}
		// 78 digits and a sign bound an int256; refusing longer strings first keeps a
		// hostile body from making SetString parse a million digits.
		v, ok := new(big.Int), len(u.Value) <= 79
		if ok {
			_, ok = v.SetString(u.Value, 10)
		}
		if !ok {
			return oracle.Domain{}, nil, fmt.Errorf("%w: updates[%d].value is not a decimal integer", errMalformed, i)
		}
		updates[i].Value = v
	}
	return d, updates, nil
}
