package allora

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"google.golang.org/protobuf/proto"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv10"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv3"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv5"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv9"
)

// EmissionsVersions are the emissions API versions the gateway speaks, oldest first:
// v5 to v9 answer the latest network inferences with an emissions.v3.ValueBundle (v9
// on mainnet), v10 with a labelled NetworkInferenceBundle (testnet).
var EmissionsVersions = []string{"v5", "v6", "v7", "v8", "v9", "v10"}

// SingleOutputLabel is the label of the one value of a single-output topic from
// emissions v10 on, and the label the gateway relays of a multi-output topic.
const SingleOutputLabel = "y"

// validVersion reports whether v is one of EmissionsVersions.
func validVersion(v string) bool { return slices.Contains(EmissionsVersions, v) }

// versionNumber is 5 for "v5"; 0 for anything that is not a version.
func versionNumber(v string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(v, "v"))
	if err != nil || !strings.HasPrefix(v, "v") {
		return 0
	}
	return n
}

// emissionsWire is what differs between emissions API versions for the two queries the
// gateway makes: the gRPC service, the answer's message and how it becomes the domain
// type. The request of both queries is {uint64 topic_id = 1} in every version.
type emissionsWire struct {
	version      string
	newLatest    func() proto.Message
	latest       func(m proto.Message, topicID uint64) (oracle.Inference, error)
	newTopicResp func() proto.Message
	topic        func(m proto.Message, topicID uint64) (oracle.Topic, error)
}

// wireFor returns the wire description of a version in EmissionsVersions. v5 to v8
// share one message shape, so they share the emissionsv5 types: only the service name
// in the method path tells them apart on the wire.
func wireFor(version string) emissionsWire {
	w := emissionsWire{version: version}
	switch n := versionNumber(version); {
	case n >= 5 && n <= 8:
		w.newLatest = func() proto.Message { return new(emissionsv5.GetLatestNetworkInferencesResponse) }
		w.latest = func(m proto.Message, topicID uint64) (oracle.Inference, error) {
			return inferenceFromV5(m.(*emissionsv5.GetLatestNetworkInferencesResponse), topicID)
		}
		w.newTopicResp = func() proto.Message { return new(emissionsv5.GetTopicResponse) }
		w.topic = func(m proto.Message, topicID uint64) (oracle.Topic, error) {
			r := m.(*emissionsv5.GetTopicResponse)
			if r.GetTopic() == nil {
				return topicFromProto(nil, topicID)
			}
			return topicFromProto(r.GetTopic(), topicID)
		}
	case n == 9:
		w.newLatest = func() proto.Message { return new(emissionsv9.GetLatestNetworkInferencesResponse) }
		w.latest = func(m proto.Message, topicID uint64) (oracle.Inference, error) {
			return inferenceFromV9(m.(*emissionsv9.GetLatestNetworkInferencesResponse), topicID)
		}
		w.newTopicResp = func() proto.Message { return new(emissionsv9.GetTopicResponse) }
		w.topic = func(m proto.Message, topicID uint64) (oracle.Topic, error) {
			r := m.(*emissionsv9.GetTopicResponse)
			if r.GetTopic() == nil {
				return topicFromProto(nil, topicID)
			}
			return topicFromProto(r.GetTopic(), topicID)
		}
	case n == 10:
		w.newLatest = func() proto.Message { return new(emissionsv10.GetLatestNetworkInferencesResponse) }
		w.latest = func(m proto.Message, topicID uint64) (oracle.Inference, error) {
			return inferenceFromV10(m.(*emissionsv10.GetLatestNetworkInferencesResponse), topicID)
		}
		w.newTopicResp = func() proto.Message { return new(emissionsv10.GetTopicResponse) }
		w.topic = func(m proto.Message, topicID uint64) (oracle.Topic, error) {
			r := m.(*emissionsv10.GetTopicResponse)
			if r.GetTopic() == nil {
				return topicFromProto(nil, topicID)
			}
			return topicFromProto(r.GetTopic(), topicID)
		}
	default:
		panic(fmt.Sprintf("allora: no wire description of emissions version %q", version))
	}
	return w
}

// serviceName is the gRPC service of the emissions queries of a version.
func serviceName(version string) string { return "emissions." + version + ".QueryService" }

// topicIDRequest is the request of both queries, {uint64 topic_id = 1}, which every
// version shares.
func topicIDRequest(topicID uint64) proto.Message {
	return &emissionsv9.GetLatestNetworkInferencesRequest{TopicId: topicID}
}

// inferenceFromV5 reads an emissions v5 to v8 answer, which carries the confidence
// interval.
func inferenceFromV5(r *emissionsv5.GetLatestNetworkInferencesResponse, topicID uint64) (oracle.Inference, error) {
	return inferenceFromBundle(r.GetNetworkInferences(), r.GetInferenceBlockHeight(), r.GetLossBlockHeight(),
		r.GetConfidenceIntervalRawPercentiles(), r.GetConfidenceIntervalValues(), topicID)
}

// inferenceFromV9 reads an emissions v9 answer (mainnet), which no longer carries
// loss_block_height.
func inferenceFromV9(r *emissionsv9.GetLatestNetworkInferencesResponse, topicID uint64) (oracle.Inference, error) {
	return inferenceFromBundle(r.GetNetworkInferences(), r.GetInferenceBlockHeight(), 0, nil, nil, topicID)
}

// inferenceFromBundle checks a ValueBundle answer against the topic asked for and
// turns it into the domain type, without Timestamp. Values stay the chain's decimal
// strings: oracle.Scale validates them. lossHeight is 0 where the version lacks it.
func inferenceFromBundle(b *emissionsv3.ValueBundle, height, lossHeight int64, percentiles, values []string, topicID uint64) (oracle.Inference, error) {
	if b == nil {
		return oracle.Inference{}, fmt.Errorf("%w: no network_inferences", ErrUnexpectedResponse)
	}
	if b.GetTopicId() != topicID {
		return oracle.Inference{}, fmt.Errorf("%w: network_inferences.topic_id is %d, want %d",
			ErrUnexpectedResponse, b.GetTopicId(), topicID)
	}
	if height <= 0 {
		return oracle.Inference{}, fmt.Errorf("%w: inference_block_height is %d", ErrUnexpectedResponse, height)
	}
	if strings.TrimSpace(b.GetCombinedValue()) == "" {
		return oracle.Inference{}, fmt.Errorf("%w: block %d: empty combined_value", ErrUnexpectedResponse, height)
	}
	if lossHeight < 0 {
		return oracle.Inference{}, fmt.Errorf("%w: block %d: loss_block_height is %d", ErrUnexpectedResponse, height, lossHeight)
	}
	intervals, err := confidenceIntervals(percentiles, values)
	if err != nil {
		return oracle.Inference{}, fmt.Errorf("block %d: %w", height, err)
	}
	return oracle.Inference{
		TopicID:             topicID,
		BlockHeight:         uint64(height),
		LossBlockHeight:     uint64(lossHeight),
		Value:               b.GetCombinedValue(),
		ConfidenceIntervals: intervals,
	}, nil
}

func confidenceIntervals(percentiles, values []string) ([]oracle.ConfidenceInterval, error) {
	if len(percentiles) != len(values) {
		return nil, fmt.Errorf("%w: %d confidence interval percentiles but %d values",
			ErrUnexpectedResponse, len(percentiles), len(values))
	}
	if len(percentiles) == 0 {
		return nil, nil
	}
	out := make([]oracle.ConfidenceInterval, len(percentiles))
	for i := range percentiles {
		out[i] = oracle.ConfidenceInterval{Percentile: percentiles[i], Value: values[i]}
	}
	return out, nil
}

// inferenceFromV10 reads an emissions v10 answer (testnet): the network inference is
// the combined value labelled SingleOutputLabel. A multi-output topic without that
// label cannot be relayed as one number and is an error naming the labels it has.
func inferenceFromV10(r *emissionsv10.GetLatestNetworkInferencesResponse, topicID uint64) (oracle.Inference, error) {
	b := r.GetNetworkInferences()
	if b == nil {
		return oracle.Inference{}, fmt.Errorf("%w: no network_inferences", ErrUnexpectedResponse)
	}
	if b.GetTopicId() != topicID {
		return oracle.Inference{}, fmt.Errorf("%w: network_inferences.topic_id is %d, want %d",
			ErrUnexpectedResponse, b.GetTopicId(), topicID)
	}
	height := r.GetInferenceBlockHeight()
	if height <= 0 {
		return oracle.Inference{}, fmt.Errorf("%w: inference_block_height is %d", ErrUnexpectedResponse, height)
	}
	var (
		value  string
		found  int
		labels []string
	)
	for _, lv := range b.GetCombinedValue() {
		labels = append(labels, strconv.Quote(lv.GetLabelName()))
		if lv.GetLabelName() == SingleOutputLabel {
			value = lv.GetValue()
			found++
		}
	}
	switch {
	case found == 0:
		return oracle.Inference{}, fmt.Errorf("%w: block %d: no combined_value labelled %q (labels: [%s])",
			ErrUnexpectedResponse, height, SingleOutputLabel, strings.Join(labels, " "))
	case found > 1:
		return oracle.Inference{}, fmt.Errorf("%w: block %d: %d combined_values labelled %q",
			ErrUnexpectedResponse, height, found, SingleOutputLabel)
	case strings.TrimSpace(value) == "":
		return oracle.Inference{}, fmt.Errorf("%w: block %d: empty combined_value %q",
			ErrUnexpectedResponse, height, SingleOutputLabel)
	}
	return oracle.Inference{TopicID: topicID, BlockHeight: uint64(height), Value: value}, nil
}

// protoTopic is what the gateway reads of emissions.v3.Topic and emissions.v10.Topic.
type protoTopic interface {
	GetId() uint64
	GetMetadata() string
	GetEpochLastEnded() int64
	GetEpochLength() int64
	GetGroundTruthLag() int64
	GetAllowNegative() bool
	GetWorkerSubmissionWindow() int64
}

// topicFromProto checks a topic answer against the topic asked for. Nodes of the
// v0.5/v0.6 era answer an unknown topic with an empty topic (id 0) instead of an error;
// t is nil when the answer had no topic at all.
func topicFromProto(t protoTopic, topicID uint64) (oracle.Topic, error) {
	if t == nil || (t.GetId() == 0 && topicID != 0) {
		return oracle.Topic{}, fmt.Errorf("%w: node answered an empty topic", ErrTopicNotFound)
	}
	if t.GetId() != topicID {
		return oracle.Topic{}, fmt.Errorf("%w: topic.id is %d, want %d", ErrUnexpectedResponse, t.GetId(), topicID)
	}
	if t.GetEpochLength() <= 0 {
		return oracle.Topic{}, fmt.Errorf("%w: topic epoch_length is %d", ErrUnexpectedResponse, t.GetEpochLength())
	}
	return oracle.Topic{
		ID:                     topicID,
		Metadata:               t.GetMetadata(),
		EpochLength:            t.GetEpochLength(),
		GroundTruthLag:         t.GetGroundTruthLag(),
		WorkerSubmissionWindow: t.GetWorkerSubmissionWindow(),
		EpochLastEnded:         t.GetEpochLastEnded(),
		AllowNegative:          t.GetAllowNegative(),
	}, nil
}
