package allora

import (
	"errors"
	"strings"
	"testing"
)

// The attribute values below are JSON as cosmos-sdk's typed events write them (every
// field, defaults included, an unset message as null, keys sorted), in the shapes of the
// published v9 and v10 protos (EventNetworkInferences with EventValueBundle,
// EventNetworkInferenceBundle with DecArray values).

func v9Event(bundle, valueBundle string) Event {
	return Event{Type: EventTypeNetworkInferencesV9, Attributes: []EventAttribute{
		{Key: "block_height", Value: `"1088"`},
		{Key: "bundle", Value: bundle},
		{Key: "nonce", Value: `"1088"`},
		{Key: "topic_id", Value: `"1"`},
		{Key: "value_bundle", Value: valueBundle},
		{Key: "mode", Value: "EndBlock"},
	}}
}

const v9Bundle = `{"extra_data":null,"combined_value":"0.3500000000000000000000000000000000","naive_value":"0.4000000000000000000000000000000000",` +
	`"inferer_addresses":["allo17g00f8r9tgw2a4nregf33nl9jk38f6ghm00mfc"],"forecaster_addresses":[],` +
	`"inferer_values":["0.5000000000000000000000000000000000"],"forecaster_values":[],"one_out_inferer_values":[],` +
	`"one_out_forecaster_values":[],"one_in_forecaster_values":[],"one_out_inferer_forecaster_values":[]}`

func v10Event(labels, values, outlier string) Event {
	return Event{Type: EventTypeNetworkInferenceBundleV10, Attributes: []EventAttribute{
		{Key: "combined_value", Value: values},
		{Key: "forecaster_addresses", Value: `[]`},
		{Key: "inferer_addresses", Value: `["allo17g00f8r9tgw2a4nregf33nl9jk38f6ghm00mfc"]`},
		{Key: "inferer_values", Value: `[["3001.25"]]`},
		{Key: "label_names", Value: labels},
		{Key: "naive_value", Value: `["3001"]`},
		{Key: "nonce", Value: `"2041"`},
		{Key: "outlier_resistant", Value: outlier},
		{Key: "topic_id", Value: `"69"`},
		{Key: "mode", Value: "EndBlock"},
	}}
}

func TestParseEventInferenceV9(t *testing.T) {
	got, err := ParseEventInference(v9Event(v9Bundle, "null"))
	want := EventInference{TopicID: 1, InferenceBlockHeight: 1088, Value: "0.3500000000000000000000000000000000"}
	if err != nil || got != want {
		t.Fatalf("bundle: %+v, %v; want %+v", got, err, want)
	}
	// Builds that still fill the deprecated value_bundle (an emissions.v3.ValueBundle).
	legacy := `{"topic_id":"1","reputer_request_nonce":{"reputer_nonce":{"block_height":"1088"}},"reputer":"","extra_data":null,` +
		`"combined_value":"3001.9999999999999999999999999999993","inferer_values":[],"forecaster_values":[],"naive_value":"3001"}`
	got, err = ParseEventInference(v9Event("null", legacy))
	want.Value = "3001.9999999999999999999999999999993"
	if err != nil || got != want {
		t.Fatalf("value_bundle: %+v, %v; want %+v", got, err, want)
	}
	if inf := got.Inference(); inf.TopicID != 1 || inf.BlockHeight != 1088 || inf.Value != want.Value || inf.LossBlockHeight != 0 {
		t.Errorf("Inference() = %+v", inf)
	}
}

func TestParseEventInferenceV10(t *testing.T) {
	got, err := ParseEventInference(v10Event(`["y"]`, `["3001.2500000000000000000000000000000"]`, "false"))
	want := EventInference{TopicID: 69, InferenceBlockHeight: 2041, Value: "3001.2500000000000000000000000000000"}
	if err != nil || got != want {
		t.Fatalf("single label: %+v, %v; want %+v", got, err, want)
	}
	got, err = ParseEventInference(v10Event(`["low","y","high"]`, `["1","2.5","4"]`, "false"))
	if want.Value = "2.5"; err != nil || got != want {
		t.Fatalf("three labels: %+v, %v; want %+v", got, err, want)
	}
	got, err = ParseEventInference(v10Event(`[]`, `["7.25"]`, "false"))
	if want.Value = "7.25"; err != nil || got != want {
		t.Fatalf("unlabelled single value: %+v, %v; want %+v", got, err, want)
	}
	if _, err := ParseEventInference(v10Event(`["y"]`, `["1"]`, "true")); !errors.Is(err, errOutlierResistant) {
		t.Errorf("outlier-resistant bundle: %v, want it told apart", err)
	}
}

func TestParseEventInferenceRejectsMalformedValues(t *testing.T) {
	for name, tc := range map[string]struct {
		ev   Event
		want string
	}{
		"v9 bundle not JSON":         {v9Event(`{"combined_value":`, "null"), "attribute bundle"},
		"v9 combined_value a number": {v9Event(`{"combined_value":0.35}`, "null"), "attribute bundle"},
		"v9 no value at all":         {v9Event("null", "null"), "neither bundle nor value_bundle"},
		"v9 empty value":             {v9Event(`{"combined_value":""}`, "null"), "empty combined_value"},
		"v10 value not an array":     {v10Event(`["y"]`, `"3001"`, "false"), "attribute combined_value"},
		"v10 labels and values":      {v10Event(`["y","z"]`, `["1"]`, "false"), "2 label_names but 1 combined_values"},
		"v10 no y label":             {v10Event(`["low","high"]`, `["1","2"]`, "false"), `no combined_value labelled "y" (labels: ["low" "high"])`},
		"v10 two y labels":           {v10Event(`["y","y"]`, `["1","2"]`, "false"), `2 combined_values labelled "y"`},
		"v10 bad nonce":              {Event{Type: EventTypeNetworkInferenceBundleV10, Attributes: []EventAttribute{{Key: "topic_id", Value: `"1"`}, {Key: "nonce", Value: `"x"`}, {Key: "combined_value", Value: `["1"]`}}}, "attribute nonce"},
		"other event":                {Event{Type: "emissions.v7.EventWorkerLastCommitSet"}, "carries no network inference"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseEventInference(tc.ev)
			if !errors.Is(err, ErrUnexpectedResponse) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrUnexpectedResponse saying %q", err, tc.want)
			}
		})
	}
}

// A block's window-close event gets the value the block's inference event carries; a
// malformed value leaves the window alone (the inference is queried) and is reported.
func TestBlockWindowsAttachTheCarriedValue(t *testing.T) {
	lastCommit := Event{Type: "emissions.v9.EventWorkerLastCommit", Attributes: []EventAttribute{
		{Key: "nonce", Value: `{"block_height":"1088"}`}, {Key: "topic_id", Value: `"1"`}, {Key: "mode", Value: "EndBlock"},
	}}
	windows, problems := blockWindows([]Event{lastCommit, v9Event(v9Bundle, "null")}, 1103)
	if len(problems) != 0 || len(windows) != 1 || windows[0].Inference == nil ||
		windows[0].Inference.Value != "0.3500000000000000000000000000000000" || windows[0].InferenceBlockHeight != 1088 || windows[0].BlockHeight != 1103 {
		t.Fatalf("v9 block: %+v %v", windows, problems)
	}
	windows, problems = blockWindows([]Event{lastCommit, v9Event(`{"combined_value":`, "null")}, 1103)
	if len(problems) != 1 || len(windows) != 1 || windows[0].Inference != nil {
		t.Fatalf("v9 block with a malformed value: %+v %v, want the window without a value and one problem", windows, problems)
	}
	// v10: the bundle is the window close; the outlier-resistant one beside it is skipped.
	windows, problems = blockWindows([]Event{v10Event(`["y"]`, `["2"]`, "false"), v10Event(`["y"]`, `["9"]`, "true")}, 2046)
	if len(problems) != 0 || len(windows) != 1 || windows[0].Inference == nil || windows[0].Inference.Value != "2" ||
		windows[0].TopicID != 69 || windows[0].InferenceBlockHeight != 2041 || windows[0].BlockHeight != 2046 {
		t.Fatalf("v10 block: %+v %v", windows, problems)
	}
	// v7 events carry no value.
	v7 := Event{Type: "emissions.v7.EventWorkerLastCommitSet", Attributes: []EventAttribute{
		{Key: "block_height", Value: `"1103"`}, {Key: "nonce", Value: `{"block_height":"1088"}`}, {Key: "topic_id", Value: `"1"`},
	}}
	if windows, _ = blockWindows([]Event{v7}, 1103); len(windows) != 1 || windows[0].Inference != nil {
		t.Fatalf("v7 block: %+v", windows)
	}
}
