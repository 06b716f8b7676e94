package allora

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv10"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv3"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv5"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv9"
)

// TestGRPCFixtureIntoGeneratedTypes decodes the real node's gRPC answer (grpcurl,
// protojson) into the generated emissions v5 types, rejecting any field they lack, and
// asserts every value.
func TestGRPCFixtureIntoGeneratedTypes(t *testing.T) {
	var got emissionsv5.GetLatestNetworkInferencesResponse
	if err := protojson.Unmarshal(readFixture(t, "grpcurl-latest-network-inferences.json"), &got); err != nil {
		t.Fatal(err)
	}
	wv := func(w, v string) *emissionsv3.WorkerAttributedValue {
		return &emissionsv3.WorkerAttributedValue{Worker: w, Value: v}
	}
	ww := func(w, v string) *emissionsv3.WithheldWorkerAttributedValue {
		return &emissionsv3.WithheldWorkerAttributedValue{Worker: w, Value: v}
	}
	const d3012 = "3012.000000000000000000000000000000"
	want := &emissionsv5.GetLatestNetworkInferencesResponse{
		NetworkInferences: &emissionsv3.ValueBundle{
			TopicId:             1,
			ReputerRequestNonce: &emissionsv3.ReputerRequestNonce{ReputerNonce: &emissionsv3.Nonce{BlockHeight: 158}},
			Reputer:             zeroReputer,
			CombinedValue:       d3012,
			InfererValues:       []*emissionsv3.WorkerAttributedValue{wv(workerA, "3002"), wv(workerB, "3022")},
			ForecasterValues:    []*emissionsv3.WorkerAttributedValue{wv(workerA, "3022"), wv(workerB, "3002")},
			NaiveValue:          d3012,
			OneOutInfererValues: []*emissionsv3.WithheldWorkerAttributedValue{
				ww(workerA, "3022.000000000000000000000000000000"), ww(workerB, "3002.000000000000000000000000000000")},
			OneOutForecasterValues: []*emissionsv3.WithheldWorkerAttributedValue{ww(workerA, d3012), ww(workerB, d3012)},
			OneInForecasterValues:  []*emissionsv3.WorkerAttributedValue{wv(workerA, d3012), wv(workerB, d3012)},
		},
		InfererWeights: []*emissionsv3.RegretInformedWeight{
			{Worker: workerA, Weight: "0.01184770900589874083749957838453314"},
			{Worker: workerB, Weight: "1.452653731278027540127187830650264"},
		},
		ForecasterWeights: []*emissionsv3.RegretInformedWeight{
			{Worker: workerA, Weight: "0.1023333633169607681207424098596995"},
			{Worker: workerB, Weight: "0.7178707286805543354392593492566555"},
		},
		InferenceBlockHeight:             96,
		LossBlockHeight:                  76,
		ConfidenceIntervalRawPercentiles: []string{"2.28", "15.87", "50", "84.13", "97.72"},
		ConfidenceIntervalValues: []string{
			"3001.9999999999999999999999999999996", "3001.99999999999999999999999999999948",
			"3016.2190462633029795829476809060851", "3021.999999999999999999999999999999",
			"3021.999999999999999999999999999999839",
		},
	}
	assertProtoEqual(t, want, &got)

	// The same answer in binary, as gRPC carries it, read by the gRPC client's decoder.
	bin, err := proto.Marshal(&got)
	if err != nil {
		t.Fatal(err)
	}
	w := wireFor("v5")
	m := w.newLatest()
	if err := proto.Unmarshal(bin, m); err != nil {
		t.Fatal(err)
	}
	inf, err := w.latest(m, 1)
	if err != nil {
		t.Fatal(err)
	}
	wantInf := oracle.Inference{TopicID: 1, BlockHeight: 96, LossBlockHeight: 76, Value: d3012}
	for i, p := range want.ConfidenceIntervalRawPercentiles {
		wantInf.ConfidenceIntervals = append(wantInf.ConfidenceIntervals,
			oracle.ConfidenceInterval{Percentile: p, Value: want.ConfidenceIntervalValues[i]})
	}
	assertEqual(t, "inference", inf, wantInf)
}

// The messages below are written field by field from the chain's field tables
// (facts/allora.md) with protowire, not with the generated code, so a wrong field
// number in a .proto file fails here.

// assertProtoEqual fails with both messages as protojson when they differ.
func assertProtoEqual(t *testing.T, want, got proto.Message) {
	t.Helper()
	if proto.Equal(want, got) {
		return
	}
	opts := protojson.MarshalOptions{Multiline: true}
	t.Errorf("decoded:\ngot  %s\nwant %s", opts.Format(got), opts.Format(want))
}

func appendString(b []byte, num protowire.Number, s string) []byte {
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendString(b, s)
}

func appendVarint(b []byte, num protowire.Number, v uint64) []byte {
	b = protowire.AppendTag(b, num, protowire.VarintType)
	return protowire.AppendVarint(b, v)
}

func appendMessage(b []byte, num protowire.Number, m []byte) []byte {
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, m)
}

// v9Table is an emissions v9 GetLatestNetworkInferencesResponse of topic 42 at height
// 8_123_456 with every ValueBundle field set.
func v9Table() []byte {
	worker := func(w, v string) []byte { return appendString(appendString(nil, 1, w), 2, v) }
	var bundle []byte
	bundle = appendVarint(bundle, 1, 42)                                                      // topic_id
	bundle = appendMessage(bundle, 2, appendMessage(nil, 1, appendVarint(nil, 1, 8_123_470))) // reputer_request_nonce.reputer_nonce.block_height
	bundle = appendString(bundle, 3, zeroReputer)                                             // reputer
	bundle = appendMessage(bundle, 4, []byte{0xde, 0xad})                                     // extra_data
	bundle = appendString(bundle, 5, "-0.0012345678901234567890123456789012")                 // combined_value
	bundle = appendMessage(bundle, 6, worker(workerA, "-0.0011"))                             // inferer_values
	bundle = appendMessage(bundle, 7, worker(workerB, "-0.0013"))                             // forecaster_values
	bundle = appendString(bundle, 8, "-0.0011")                                               // naive_value
	bundle = appendMessage(bundle, 9, worker(workerA, "-0.0013"))                             // one_out_inferer_values
	bundle = appendMessage(bundle, 10, worker(workerB, "-0.0011"))                            // one_out_forecaster_values
	bundle = appendMessage(bundle, 11, worker(workerB, "-0.0012"))                            // one_in_forecaster_values
	bundle = appendMessage(bundle, 12, appendMessage(appendString(nil, 1, workerB), 2,
		worker(workerA, "-0.0013"))) // one_out_inferer_forecaster_values
	var resp []byte
	resp = appendMessage(resp, 1, bundle)   // network_inferences
	resp = appendVarint(resp, 5, 8_123_456) // inference_block_height
	return resp
}

func TestDecodeV9FromFieldTable(t *testing.T) {
	var got emissionsv9.GetLatestNetworkInferencesResponse
	if err := proto.Unmarshal(v9Table(), &got); err != nil {
		t.Fatal(err)
	}
	if n := len(got.ProtoReflect().GetUnknown()) + len(got.GetNetworkInferences().ProtoReflect().GetUnknown()); n != 0 {
		t.Errorf("%d bytes of fields the generated types do not know", n)
	}
	wv := func(w, v string) *emissionsv3.WorkerAttributedValue {
		return &emissionsv3.WorkerAttributedValue{Worker: w, Value: v}
	}
	ww := func(w, v string) *emissionsv3.WithheldWorkerAttributedValue {
		return &emissionsv3.WithheldWorkerAttributedValue{Worker: w, Value: v}
	}
	want := &emissionsv9.GetLatestNetworkInferencesResponse{
		NetworkInferences: &emissionsv3.ValueBundle{
			TopicId:                42,
			ReputerRequestNonce:    &emissionsv3.ReputerRequestNonce{ReputerNonce: &emissionsv3.Nonce{BlockHeight: 8_123_470}},
			Reputer:                zeroReputer,
			ExtraData:              []byte{0xde, 0xad},
			CombinedValue:          "-0.0012345678901234567890123456789012",
			InfererValues:          []*emissionsv3.WorkerAttributedValue{wv(workerA, "-0.0011")},
			ForecasterValues:       []*emissionsv3.WorkerAttributedValue{wv(workerB, "-0.0013")},
			NaiveValue:             "-0.0011",
			OneOutInfererValues:    []*emissionsv3.WithheldWorkerAttributedValue{ww(workerA, "-0.0013")},
			OneOutForecasterValues: []*emissionsv3.WithheldWorkerAttributedValue{ww(workerB, "-0.0011")},
			OneInForecasterValues:  []*emissionsv3.WorkerAttributedValue{wv(workerB, "-0.0012")},
			OneOutInfererForecasterValues: []*emissionsv3.OneOutInfererForecasterValues{{
				Forecaster: workerB, OneOutInfererValues: []*emissionsv3.WithheldWorkerAttributedValue{ww(workerA, "-0.0013")},
			}},
		},
		InferenceBlockHeight: 8_123_456,
	}
	assertProtoEqual(t, want, &got)
	// Through the transport's decoder.
	inf, err := decodeLatest("v9", v9Table(), 42)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "inference", inf, oracle.Inference{TopicID: 42, BlockHeight: 8_123_456, Value: "-0.0012345678901234567890123456789012"})
}

// v10Table is an emissions v10 answer of a two-output topic 77 at height 5_000_100:
// labels "y" and "q90".
func v10Table(labels ...string) []byte {
	labelled := func(id uint64, name, v string) []byte {
		return appendString(appendString(appendVarint(nil, 1, id), 2, name), 3, v)
	}
	var bundle []byte
	bundle = appendVarint(bundle, 1, 77)        // topic_id
	bundle = appendVarint(bundle, 2, 5_000_090) // block_height (nonce)
	for i, name := range labels {
		bundle = appendMessage(bundle, 3, labelled(uint64(i), name, fmt.Sprintf("%d.5", 100+i))) // combined_value
	}
	bundle = appendMessage(bundle, 4, appendMessage(appendString(nil, 1, workerA), 2, labelled(0, "y", "99")))  // inferer_values
	bundle = appendMessage(bundle, 5, appendMessage(appendString(nil, 1, workerB), 2, labelled(0, "y", "101"))) // forecaster_values
	bundle = appendMessage(bundle, 6, labelled(0, "y", "99"))                                                   // naive_value
	bundle = appendMessage(bundle, 7, appendMessage(appendString(nil, 1, workerA), 2, labelled(0, "y", "101"))) // one_out_inferer_values
	bundle = appendMessage(bundle, 8, appendMessage(appendString(nil, 1, workerB), 2, labelled(0, "y", "99")))  // one_out_forecaster_values
	bundle = appendMessage(bundle, 9, appendMessage(appendString(nil, 1, workerB), 2, labelled(0, "y", "100"))) // one_in_forecaster_values
	bundle = appendMessage(bundle, 10, appendMessage(appendString(appendString(nil, 1, workerB), 2, workerA),
		3, labelled(0, "y", "101"))) // one_out_inferer_forecaster_values
	var resp []byte
	resp = appendMessage(resp, 1, bundle)
	resp = appendVarint(resp, 5, 5_000_100)
	return resp
}

func TestDecodeV10FromFieldTable(t *testing.T) {
	var got emissionsv10.GetLatestNetworkInferencesResponse
	if err := proto.Unmarshal(v10Table("y", "q90"), &got); err != nil {
		t.Fatal(err)
	}
	lv := func(id uint32, name, v string) *emissionsv10.LabeledValue {
		return &emissionsv10.LabeledValue{LabelId: id, LabelName: name, Value: v}
	}
	y := func(v string) []*emissionsv10.LabeledValue { return []*emissionsv10.LabeledValue{lv(0, "y", v)} }
	want := &emissionsv10.GetLatestNetworkInferencesResponse{
		NetworkInferences: &emissionsv10.NetworkInferenceBundle{
			TopicId:                       77,
			BlockHeight:                   5_000_090,
			CombinedValue:                 []*emissionsv10.LabeledValue{lv(0, "y", "100.5"), lv(1, "q90", "101.5")},
			InfererValues:                 []*emissionsv10.WorkerInference{{Worker: workerA, Values: y("99")}},
			ForecasterValues:              []*emissionsv10.WorkerInference{{Worker: workerB, Values: y("101")}},
			NaiveValue:                    y("99"),
			OneOutInfererValues:           []*emissionsv10.OneOutInfererValue{{WithheldInferer: workerA, CombinedInference: y("101")}},
			OneOutForecasterValues:        []*emissionsv10.OneOutForecasterValue{{WithheldForecaster: workerB, CombinedInference: y("99")}},
			OneInForecasterValues:         []*emissionsv10.OneInForecasterValue{{Forecaster: workerB, CombinedInference: y("100")}},
			OneOutInfererForecasterValues: []*emissionsv10.OneOutInfererForecasterValue{{Forecaster: workerB, WithheldInferer: workerA, CombinedInference: y("101")}},
		},
		InferenceBlockHeight: 5_000_100,
	}
	assertProtoEqual(t, want, &got)

	// The relayed value is the one labelled "y", whatever its position.
	for _, labels := range [][]string{{"y"}, {"y", "q90"}, {"q10", "y"}} {
		inf, err := decodeLatest("v10", v10Table(labels...), 77)
		if err != nil {
			t.Fatalf("labels %v: %v", labels, err)
		}
		wantValue := fmt.Sprintf("%d.5", 100+indexOfLabel(labels, "y"))
		assertEqual(t, fmt.Sprintf("labels %v", labels), inf, oracle.Inference{TopicID: 77, BlockHeight: 5_000_100, Value: wantValue})
	}
	// A multi-output topic without "y", or with it twice, is an error naming the block.
	for _, labels := range [][]string{{"q10", "q90"}, {}, {"y", "y"}} {
		_, err := decodeLatest("v10", v10Table(labels...), 77)
		if !errors.Is(err, ErrUnexpectedResponse) || !strings.Contains(err.Error(), "block 5000100") {
			t.Errorf("labels %v: %v, want ErrUnexpectedResponse naming block 5000100", labels, err)
		}
	}
}

func indexOfLabel(labels []string, name string) int {
	for i, l := range labels {
		if l == name {
			return i
		}
	}
	return -1
}

// decodeLatest is what the gRPC client does with an answer's bytes.
func decodeLatest(version string, data []byte, topicID uint64) (oracle.Inference, error) {
	w := wireFor(version)
	m := w.newLatest()
	if err := proto.Unmarshal(data, m); err != nil {
		return oracle.Inference{}, fmt.Errorf("%w: %v", ErrUnexpectedResponse, err)
	}
	return w.latest(m, topicID)
}

// fuzzDecode checks what every decoder of chain data promises: no panic, errors of the
// ErrUnexpectedResponse kind, and an inference that has a height and a value.
func fuzzDecode(t *testing.T, version string, data []byte) {
	w := wireFor(version)
	m := w.newLatest()
	if proto.Unmarshal(data, m) != nil {
		return
	}
	var topicID uint64
	switch r := m.(type) {
	case *emissionsv9.GetLatestNetworkInferencesResponse:
		topicID = r.GetNetworkInferences().GetTopicId()
	case *emissionsv10.GetLatestNetworkInferencesResponse:
		topicID = r.GetNetworkInferences().GetTopicId()
	}
	inf, err := w.latest(m, topicID)
	if err != nil {
		if !errors.Is(err, ErrUnexpectedResponse) {
			t.Fatalf("error of the wrong kind: %v", err)
		}
		return
	}
	if inf.BlockHeight == 0 || strings.TrimSpace(inf.Value) == "" || inf.TopicID != topicID {
		t.Fatalf("accepted an unusable inference %+v", inf)
	}
}

// The committed corpora in testdata/fuzz hold the field-table messages; refresh them
// with ALLORA_WRITE_FUZZ_SEEDS=1 go test -run TestWriteFuzzSeeds.
func FuzzDecodeV9(f *testing.F) {
	f.Add(v9Table())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, "v9", data) })
}

func FuzzDecodeV10(f *testing.F) {
	f.Add(v10Table("y"))
	f.Add(v10Table("q10", "q90"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, "v10", data) })
}

func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("ALLORA_WRITE_FUZZ_SEEDS") == "" {
		t.Skip("set ALLORA_WRITE_FUZZ_SEEDS=1 to rewrite the committed fuzz corpora")
	}
	seeds := map[string][]byte{
		"FuzzDecodeV9/field-table":           v9Table(),
		"FuzzDecodeV10/field-table-y-q90":    v10Table("y", "q90"),
		"FuzzDecodeV10/field-table-no-y":     v10Table("q10", "q90"),
		"FuzzDecodeV10/field-table-single-y": v10Table("y"),
	}
	for name, data := range seeds {
		path := filepath.Join("testdata", "fuzz", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
