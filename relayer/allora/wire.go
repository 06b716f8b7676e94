package allora

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"google.golang.org/protobuf/encoding/protojson"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv10"
)

// The structs below mirror the JSON an Allora node answers. The REST gateway writes
// proto field names (snake_case); grpcurl and other protojson clients write the JSON
// names (camelCase). decodeJSON renames camelCase keys to snake_case first, so one set
// of structs reads both. Int64 and uint64 fields are JSON strings in both forms.

// latestInferencesResponse is emissions.v5…v9 GetLatestNetworkInferencesResponse. The
// fields after network_inferences and inference_block_height are reserved from v9 on
// and then simply absent.
type latestInferencesResponse struct {
	NetworkInferences                *valueBundle           `json:"network_inferences"`
	InfererWeights                   []regretInformedWeight `json:"inferer_weights"`
	ForecasterWeights                []regretInformedWeight `json:"forecaster_weights"`
	ForecastImpliedInferences        []workerValue          `json:"forecast_implied_inferences"`
	InferenceBlockHeight             jsonInt64              `json:"inference_block_height"`
	LossBlockHeight                  jsonInt64              `json:"loss_block_height"`
	ConfidenceIntervalRawPercentiles []string               `json:"confidence_interval_raw_percentiles"`
	ConfidenceIntervalValues         []string               `json:"confidence_interval_values"`
}

// valueBundle is emissions.v3.ValueBundle.
type valueBundle struct {
	TopicID                       jsonUint64                      `json:"topic_id"`
	ReputerRequestNonce           *reputerRequestNonce            `json:"reputer_request_nonce"`
	Reputer                       string                          `json:"reputer"`
	ExtraData                     []byte                          `json:"extra_data"`
	CombinedValue                 string                          `json:"combined_value"`
	InfererValues                 []workerValue                   `json:"inferer_values"`
	ForecasterValues              []workerValue                   `json:"forecaster_values"`
	NaiveValue                    string                          `json:"naive_value"`
	OneOutInfererValues           []workerValue                   `json:"one_out_inferer_values"`
	OneOutForecasterValues        []workerValue                   `json:"one_out_forecaster_values"`
	OneInForecasterValues         []workerValue                   `json:"one_in_forecaster_values"`
	OneOutInfererForecasterValues []oneOutInfererForecasterValues `json:"one_out_inferer_forecaster_values"`
}

type reputerRequestNonce struct {
	ReputerNonce *nonce `json:"reputer_nonce"`
}

type nonce struct {
	BlockHeight jsonInt64 `json:"block_height"`
}

// workerValue is WorkerAttributedValue and WithheldWorkerAttributedValue, which have
// the same shape.
type workerValue struct {
	Worker string `json:"worker"`
	Value  string `json:"value"`
}

type regretInformedWeight struct {
	Worker string `json:"worker"`
	Weight string `json:"weight"`
}

type oneOutInfererForecasterValues struct {
	Forecaster          string        `json:"forecaster"`
	OneOutInfererValues []workerValue `json:"one_out_inferer_values"`
}

// topicResponse is emissions.v5 QueryTopicResponse.
type topicResponse struct {
	Topic            *topicJSON `json:"topic"`
	Weight           string     `json:"weight"`
	EffectiveRevenue string     `json:"effective_revenue"`
}

type topicJSON struct {
	ID                       jsonUint64 `json:"id"`
	Creator                  string     `json:"creator"`
	Metadata                 string     `json:"metadata"`
	LossMethod               string     `json:"loss_method"`
	EpochLastEnded           jsonInt64  `json:"epoch_last_ended"`
	EpochLength              jsonInt64  `json:"epoch_length"`
	GroundTruthLag           jsonInt64  `json:"ground_truth_lag"`
	PNorm                    string     `json:"p_norm"`
	AlphaRegret              string     `json:"alpha_regret"`
	AllowNegative            bool       `json:"allow_negative"`
	Epsilon                  string     `json:"epsilon"`
	InitialRegret            string     `json:"initial_regret"`
	WorkerSubmissionWindow   jsonInt64  `json:"worker_submission_window"`
	MeritSortitionAlpha      string     `json:"merit_sortition_alpha"`
	ActiveInfererQuantile    string     `json:"active_inferer_quantile"`
	ActiveForecasterQuantile string     `json:"active_forecaster_quantile"`
	ActiveReputerQuantile    string     `json:"active_reputer_quantile"`
}

// blockResponse is cosmos.base.tendermint.v1beta1 GetBlockByHeightResponse and
// GetLatestBlockResponse, reduced to what the gateway reads. Nodes since cosmos-sdk
// v0.47 fill both block and sdk_block.
type blockResponse struct {
	Block    *blockJSON `json:"block"`
	SDKBlock *blockJSON `json:"sdk_block"`
}

type blockJSON struct {
	Header blockHeader `json:"header"`
}

type blockHeader struct {
	ChainID string    `json:"chain_id"`
	Height  jsonInt64 `json:"height"`
	Time    string    `json:"time"`
}

// cometStatusResponse is the JSON-RPC answer of CometBFT's /status, reduced to what the
// gateway reads.
type cometStatusResponse struct {
	Result struct {
		NodeInfo struct {
			Network string `json:"network"`
			Version string `json:"version"`
			Moniker string `json:"moniker"`
		} `json:"node_info"`
		SyncInfo struct {
			LatestBlockHeight jsonInt64 `json:"latest_block_height"`
			LatestBlockTime   string    `json:"latest_block_time"`
			CatchingUp        bool      `json:"catching_up"`
		} `json:"sync_info"`
	} `json:"result"`
}

// decodeLatestInferencesJSON reads a GetLatestNetworkInferencesResponse in either JSON
// form: the REST gateway's snake_case or protojson's camelCase (grpcurl).
func decodeLatestInferencesJSON(data []byte) (*latestInferencesResponse, error) {
	var r latestInferencesResponse
	if err := decodeJSON(data, &r, false); err != nil {
		return nil, err
	}
	return &r, nil
}

// inference checks the response against the topic asked for and turns it into the
// domain type, without Timestamp (that is the time of another block). Values stay the
// chain's decimal strings: oracle.Scale validates them.
func (r *latestInferencesResponse) inference(topicID uint64) (oracle.Inference, error) {
	b := r.NetworkInferences
	if b == nil {
		return oracle.Inference{}, fmt.Errorf("%w: no network_inferences", ErrUnexpectedResponse)
	}
	if uint64(b.TopicID) != topicID {
		return oracle.Inference{}, fmt.Errorf("%w: network_inferences.topic_id is %d, want %d",
			ErrUnexpectedResponse, uint64(b.TopicID), topicID)
	}
	if r.InferenceBlockHeight <= 0 {
		return oracle.Inference{}, fmt.Errorf("%w: inference_block_height is %d",
			ErrUnexpectedResponse, int64(r.InferenceBlockHeight))
	}
	if strings.TrimSpace(b.CombinedValue) == "" {
		return oracle.Inference{}, fmt.Errorf("%w: empty combined_value", ErrUnexpectedResponse)
	}
	if r.LossBlockHeight < 0 {
		return oracle.Inference{}, fmt.Errorf("%w: loss_block_height is %d",
			ErrUnexpectedResponse, int64(r.LossBlockHeight))
	}
	percentiles, values := r.ConfidenceIntervalRawPercentiles, r.ConfidenceIntervalValues
	if len(percentiles) != len(values) {
		return oracle.Inference{}, fmt.Errorf("%w: %d confidence interval percentiles but %d values",
			ErrUnexpectedResponse, len(percentiles), len(values))
	}
	var intervals []oracle.ConfidenceInterval
	if len(percentiles) > 0 {
		intervals = make([]oracle.ConfidenceInterval, len(percentiles))
		for i := range percentiles {
			intervals[i] = oracle.ConfidenceInterval{Percentile: percentiles[i], Value: values[i]}
		}
	}
	return oracle.Inference{
		TopicID:             topicID,
		BlockHeight:         uint64(r.InferenceBlockHeight),
		LossBlockHeight:     uint64(r.LossBlockHeight),
		Value:               b.CombinedValue,
		ConfidenceIntervals: intervals,
	}, nil
}

// decodeTopicJSON reads a QueryTopicResponse in either JSON form.
func decodeTopicJSON(data []byte) (*topicResponse, error) {
	var r topicResponse
	if err := decodeJSON(data, &r, false); err != nil {
		return nil, err
	}
	return &r, nil
}

// topic checks the response against the topic asked for. Nodes of the v0.5/v0.6 era
// answer an unknown topic with an empty topic (id 0) instead of an error.
func (r *topicResponse) topic(topicID uint64) (oracle.Topic, error) {
	t := r.Topic
	if t == nil || (t.ID == 0 && topicID != 0) {
		return oracle.Topic{}, fmt.Errorf("%w: node answered an empty topic", ErrTopicNotFound)
	}
	if uint64(t.ID) != topicID {
		return oracle.Topic{}, fmt.Errorf("%w: topic.id is %d, want %d", ErrUnexpectedResponse, uint64(t.ID), topicID)
	}
	if t.EpochLength <= 0 {
		return oracle.Topic{}, fmt.Errorf("%w: topic epoch_length is %d", ErrUnexpectedResponse, int64(t.EpochLength))
	}
	return oracle.Topic{
		ID:                     topicID,
		Metadata:               t.Metadata,
		EpochLength:            int64(t.EpochLength),
		GroundTruthLag:         int64(t.GroundTruthLag),
		WorkerSubmissionWindow: int64(t.WorkerSubmissionWindow),
		EpochLastEnded:         int64(t.EpochLastEnded),
		AllowNegative:          t.AllowNegative,
	}, nil
}

// decodeBlockJSON reads a GetBlockByHeightResponse or GetLatestBlockResponse and returns
// the header's height and time.
func decodeBlockJSON(data []byte) (height uint64, t time.Time, err error) {
	var r blockResponse
	if err := decodeJSON(data, &r, false); err != nil {
		return 0, time.Time{}, err
	}
	b := r.Block
	if b == nil {
		b = r.SDKBlock
	}
	if b == nil {
		return 0, time.Time{}, fmt.Errorf("%w: no block in answer", ErrUnexpectedResponse)
	}
	if b.Header.Height <= 0 {
		return 0, time.Time{}, fmt.Errorf("%w: block header height is %d", ErrUnexpectedResponse, int64(b.Header.Height))
	}
	t, err = parseChainTime(b.Header.Time)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("%w: block %d header time: %v", ErrUnexpectedResponse, int64(b.Header.Height), err)
	}
	return uint64(b.Header.Height), t, nil
}

// decodeCometStatus reads CometBFT's /status answer and returns the latest block's
// height and time.
func decodeCometStatus(data []byte) (height uint64, t time.Time, err error) {
	var r cometStatusResponse
	if err := decodeJSON(data, &r, false); err != nil {
		return 0, time.Time{}, err
	}
	si := r.Result.SyncInfo
	if si.LatestBlockHeight <= 0 {
		return 0, time.Time{}, fmt.Errorf("%w: latest_block_height is %d", ErrUnexpectedResponse, int64(si.LatestBlockHeight))
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

// decodeJSON decodes data into v after renaming every camelCase object key to
// snake_case. strict rejects keys v has no field for (tests use it to prove the structs
// mirror the fixtures completely).
func decodeJSON(data []byte, v any, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: decode JSON: data after the top-level value", ErrUnexpectedResponse)
	}
	if _, ok := tree.(map[string]any); !ok {
		return fmt.Errorf("%w: decode JSON: top-level value is not an object", ErrUnexpectedResponse)
	}
	normalized, err := json.Marshal(snakeKeys(tree))
	if err != nil {
		return fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	dec = json.NewDecoder(bytes.NewReader(normalized))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	return nil
}

func snakeKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[snakeCase(k)] = snakeKeys(e)
		}
		return out
	case []any:
		for i, e := range v {
			v[i] = snakeKeys(e)
		}
		return v
	default:
		return v
	}
}

// snakeCase turns a protojson field name into the proto field name: "topicId" →
// "topic_id". Names without capitals are returned unchanged.
func snakeCase(s string) string {
	if strings.IndexFunc(s, unicode.IsUpper) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// jsonUint64 is a uint64 that protojson carries as a string ("96"); a bare number is
// accepted too, as protojson parsers do.
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

// jsonInt64 is an int64 that protojson carries as a string ("-5"); a bare number is
// accepted too.
type jsonInt64 int64

func (i *jsonInt64) UnmarshalJSON(data []byte) error {
	s, err := integerText(data)
	if err != nil || s == "" {
		return err
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("int64 %q: %w", s, errors.Unwrap(err))
	}
	*i = jsonInt64(n)
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

// decodeLatestInferencesREST reads the REST answer of the latest network inferences of
// an emissions version: the ValueBundle family through the JSON structs above, v10's
// labelled bundle through protojson into the generated types (which reads both the
// gateway's snake_case and protojson's camelCase), then as gRPC answers are read.
func decodeLatestInferencesREST(version string, body []byte, topicID uint64) (oracle.Inference, error) {
	if versionNumber(version) < 10 {
		resp, err := decodeLatestInferencesJSON(body)
		if err != nil {
			return oracle.Inference{}, err
		}
		return resp.inference(topicID)
	}
	var resp emissionsv10.GetLatestNetworkInferencesResponse
	if err := (protojson.UnmarshalOptions{DiscardUnknown: true}).Unmarshal(body, &resp); err != nil {
		return oracle.Inference{}, fmt.Errorf("%w: decode JSON: %v", ErrUnexpectedResponse, err)
	}
	return inferenceFromV10(&resp, topicID)
}
