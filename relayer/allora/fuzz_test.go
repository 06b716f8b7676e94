package allora

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv5"
)

// The committed corpus in testdata/fuzz holds the fixtures of a real node; the seeds
// here are the edges around them.
func FuzzDecodeLatestInferences(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"network_inferences":null}`,
		`{"network_inferences":{"topic_id":"1","combined_value":"NaN"},"inference_block_height":"1"}`,
		`{"networkInferences":{"topicId":1,"combinedValue":"-0.5"},"inferenceBlockHeight":7,` +
			`"confidenceIntervalRawPercentiles":["50"],"confidenceIntervalValues":[]}`,
		`{"network_inferences":{"topic_id":"18446744073709551616"}}`,
		`{"network_inferences":{"extra_data":"not base64!"}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r emissionsv5.GetLatestNetworkInferencesResponse
		if err := decodeREST(data, &r); err != nil {
			if !errors.Is(err, ErrUnexpectedResponse) {
				t.Fatalf("decode error of the wrong kind: %v", err)
			}
			return
		}
		topicID := r.GetNetworkInferences().GetTopicId()
		inf, err := decodeLatestInferencesREST("v5", data, topicID)
		if err != nil {
			if !errors.Is(err, ErrUnexpectedResponse) {
				t.Fatalf("validation error of the wrong kind: %v", err)
			}
			return
		}
		if inf.TopicID != topicID || inf.BlockHeight == 0 || inf.Value == "" ||
			len(inf.ConfidenceIntervals) != len(r.GetConfidenceIntervalValues()) {
			t.Fatalf("accepted an invalid inference %+v", inf)
		}
	})
}

func FuzzParseWorkerWindowClosed(f *testing.F) {
	f.Add(`"1"`, `"68"`, `{"block_height":"28"}`)
	f.Add(`1`, `68`, `"28"`)
	f.Add(`"0"`, `""`, `{}`)
	f.Fuzz(func(t *testing.T, topic, height, nonce string) {
		ev := Event{Type: EventTypeWorkerLastCommitSet, Attributes: []EventAttribute{
			{Key: "topic_id", Value: topic}, {Key: "block_height", Value: height}, {Key: "nonce", Value: nonce},
		}}
		got, err := ParseWorkerWindowClosed(ev, 0)
		if err != nil {
			if !errors.Is(err, ErrUnexpectedResponse) {
				t.Fatalf("error of the wrong kind: %v", err)
			}
			return
		}
		if got.TopicID == 0 || got.BlockHeight == 0 || got.InferenceBlockHeight == 0 {
			t.Fatalf("accepted zeros: %+v", got)
		}
	})
}

func FuzzClassifyErrorResponse(f *testing.F) {
	f.Add(500, []byte(`{"code":2,"message":"no inferences found for topic 1","details":[]}`))
	f.Add(404, []byte(`{"code":5,"message":"topic 1 not found","details":[]}`))
	f.Add(502, []byte("<html>bad gateway</html>"))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := classifyErrorResponse(status, body, subjectTopic)
		if e.kind == nil || !utf8.ValidString(e.Message) || utf8.RuneCountInString(e.Message) > maxErrorMessageRunes+1 {
			t.Fatalf("bad error %#v", e)
		}
		_ = e.Error()
	})
}

func FuzzDecodeWebsocketMessage(f *testing.F) {
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"result":{}}`))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"Internal error","data":"subscription was cancelled"}}`))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"result":{"query":"q","data":{"type":"tendermint/event/NewBlockEvents",` +
		`"value":{"height":"68","events":[{"type":"emissions.v4.EventWorkerLastCommitSet","attributes":[` +
		`{"key":"block_height","value":"\"68\"","index":true},{"key":"nonce","value":"{\"block_height\":\"66\"}","index":true},` +
		`{"key":"topic_id","value":"\"1\"","index":true},{"key":"mode","value":"EndBlock","index":true}]}],"num_txs":"0"}},"events":{}}}`))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := decodeWebsocketMessage(msg)
		if err != nil {
			if !errors.Is(err, ErrUnexpectedResponse) || len(m.windows) > 0 || m.confirmed {
				t.Fatalf("error %v with windows %v, confirmed %v", err, m.windows, m.confirmed)
			}
			return
		}
		for _, w := range m.windows {
			if w.TopicID == 0 || w.BlockHeight == 0 || w.InferenceBlockHeight == 0 {
				t.Fatalf("accepted zeros: %+v", w)
			}
		}
	})
}
