package allora

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/allora-gateway/allora-gateway/oracle"
)

// restJSON reads an emissions answer of the REST gateway into the generated types, as
// gRPC answers are read. protojson accepts the proto field names the gateway writes
// (snake_case) and the JSON names grpcurl writes (camelCase), 64-bit integers as strings
// or numbers; a field a newer node adds is skipped.
var restJSON = protojson.UnmarshalOptions{DiscardUnknown: true}

// decodeREST reads body into the message m.
func decodeREST(body []byte, m proto.Message) error {
	if err := restJSON.Unmarshal(body, m); err != nil {
		return fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	return nil
}

// decodeLatestInferencesREST reads the REST answer of the latest network inferences of
// an emissions version and checks it as the gRPC answer of that version is checked.
func decodeLatestInferencesREST(version string, body []byte, topicID uint64) (oracle.Inference, error) {
	w := wireFor(version)
	m := w.newLatest()
	if err := decodeREST(body, m); err != nil {
		return oracle.Inference{}, err
	}
	return w.latest(m, topicID)
}

// decodeTopicREST reads the REST answer of a topic query of an emissions version.
func decodeTopicREST(version string, body []byte, topicID uint64) (oracle.Topic, error) {
	w := wireFor(version)
	m := w.newTopicResp()
	if err := decodeREST(body, m); err != nil {
		return oracle.Topic{}, err
	}
	return w.topic(m, topicID)
}

// The two answers below are not emissions messages: the block query's messages are
// gogoproto types that protojson cannot read, and CometBFT's /status is JSON-RPC. They
// are read into the little the gateway uses.

// blockResponse is cosmos.base.tendermint.v1beta1 GetBlockByHeightResponse and
// GetLatestBlockResponse, reduced to the header's height and time. Nodes since
// cosmos-sdk v0.47 fill both block and sdk_block.
type blockResponse struct {
	Block    *blockJSON `json:"block"`
	SDKBlock *blockJSON `json:"sdk_block"`
}

type blockJSON struct {
	Header struct {
		Height jsonUint64 `json:"height"`
		Time   string     `json:"time"`
	} `json:"header"`
}

// cometStatusResponse is the JSON-RPC answer of CometBFT's /status, reduced to the
// latest block's height and time.
type cometStatusResponse struct {
	Result struct {
		SyncInfo struct {
			LatestBlockHeight jsonUint64 `json:"latest_block_height"`
			LatestBlockTime   string     `json:"latest_block_time"`
		} `json:"sync_info"`
	} `json:"result"`
}

// decodeBlockJSON reads a GetBlockByHeightResponse or GetLatestBlockResponse and returns
// the header's height and time.
func decodeBlockJSON(data []byte) (height uint64, t time.Time, err error) {
	var r blockResponse
	if err := json.Unmarshal(data, &r); err != nil {
		return 0, time.Time{}, fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	b := r.Block
	if b == nil {
		b = r.SDKBlock
	}
	if b == nil {
		return 0, time.Time{}, fmt.Errorf("%w: no block in answer", ErrUnexpectedResponse)
	}
	if b.Header.Height <= 0 {
		return 0, time.Time{}, fmt.Errorf("%w: block header height is %d", ErrUnexpectedResponse, uint64(b.Header.Height))
	}
	t, err = parseChainTime(b.Header.Time)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("%w: block %d header time: %v", ErrUnexpectedResponse, uint64(b.Header.Height), err)
	}
	return uint64(b.Header.Height), t, nil
}

// decodeCometStatus reads CometBFT's /status answer and returns the latest block's
// height and time.
func decodeCometStatus(data []byte) (height uint64, t time.Time, err error) {
	var r cometStatusResponse
	if err := json.Unmarshal(data, &r); err != nil {
		return 0, time.Time{}, fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	si := r.Result.SyncInfo
	if si.LatestBlockHeight <= 0 {
		return 0, time.Time{}, fmt.Errorf("%w: latest_block_height is %d", ErrUnexpectedResponse, uint64(si.LatestBlockHeight))
	}
	t, err = parseChainTime(si.LatestBlockTime)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("%w: latest_block_time: %v", ErrUnexpectedResponse, err)
	}
	return uint64(si.LatestBlockHeight), t, nil
}

// parseChainTime parses a block time as CometBFT and protojson write it: RFC 3339 with
// 0 to 9 fractional digits, in UTC.
func parseChainTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	if t.IsZero() || t.Unix() <= 0 {
		return time.Time{}, fmt.Errorf("time %q before 1970", s)
	}
	return t.UTC(), nil
}

// jsonUint64 is a uint64 that JSON carries as a string ("96"), as cosmos-sdk writes
// heights and typed-event attributes; a bare number is accepted too, as protojson
// parsers do.
type jsonUint64 uint64

func (u *jsonUint64) UnmarshalJSON(data []byte) error {
	s, err := integerText(data)
	if err != nil || s == "" {
		return err
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return fmt.Errorf("uint64 %q: %w", s, errors.Unwrap(err))
	}
	*u = jsonUint64(n)
	return nil
}

// integerText returns the digits of a JSON string or number; "" for null.
func integerText(data []byte) (string, error) {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		return "", nil
	}
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return "", err
		}
		if s == "" {
			return "", errors.New("empty string for an integer")
		}
		return s, nil
	}
	return string(data), nil
}
