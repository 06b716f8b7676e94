package allora

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/gorilla/websocket"
)

// replayNode is a CometBFT websocket that answers a subscription with the frames a
// real node delivered (one JSON-RPC message a line), then stays open and silent as the
// node did. It records the query it was asked for.
func replayNode(t *testing.T, fixture string) (url string, queries <-chan string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	var frames [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			frames = append(frames, append([]byte(nil), line...))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 8)
	upgrader := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		var req struct {
			Method string `json:"method"`
			Params struct {
				Query string `json:"query"`
			} `json:"params"`
		}
		if err := conn.ReadJSON(&req); err != nil || req.Method != "subscribe" {
			return
		}
		got <- req.Params.Query
		for _, f := range frames {
			if err := conn.WriteMessage(websocket.TextMessage, f); err != nil {
				return
			}
		}
		for { // keep the connection, answering pings, until the client leaves
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL, got
}

// The websocket deliveries of real nodes, replayed frame by frame into the watcher:
// the query of the node's own version fires on v5 (whose events are named
// emissions.v4) and v7; the v4-named query the gateway used to send a v7 node gets
// only its acknowledgement.
func TestWatcherReplaysRealNodeDeliveries(t *testing.T) {
	tests := []struct {
		fixture, version string
		wantQuery        string
		want             []WorkerWindowClosed
	}{
		{
			fixture: "allora-v7/websocket-v7-query.jsonl", version: "v7",
			wantQuery: "tm.event='NewBlockEvents' AND emissions.v7.EventWorkerLastCommitSet.topic_id EXISTS",
			want: []WorkerWindowClosed{
				{TopicID: 1, BlockHeight: 1183, InferenceBlockHeight: 1168},
				{TopicID: 1, BlockHeight: 1203, InferenceBlockHeight: 1188},
			},
		},
		{
			fixture: "allora-v5/run2/websocket-gateway-query.jsonl", version: "v5",
			wantQuery: WorkerWindowQuery,
			want: []WorkerWindowClosed{
				{TopicID: 1, BlockHeight: 1263, InferenceBlockHeight: 1248},
				{TopicID: 1, BlockHeight: 1283, InferenceBlockHeight: 1268},
				{TopicID: 1, BlockHeight: 1303, InferenceBlockHeight: 1288},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			url, queries := replayNode(t, tt.fixture)
			w, err := NewWatcher(url, WatcherConfig{EmissionsVersion: tt.version})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			ch := testsupport.Flatten(w.Watch(ctx))
			defer func() {
				cancel()
				for range ch {
				}
			}()
			if q := <-queries; q != tt.wantQuery {
				t.Errorf("subscribed to %q, want %q", q, tt.wantQuery)
			}
			for i, want := range tt.want {
				select {
				case got := <-ch:
					if got != want {
						t.Errorf("window %d = %+v, want %+v", i, got, want)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("window %d not reported", i)
				}
			}
		})
	}
}

// The acknowledgement-only deliveries (a v5 query, or the v4-named query on a v7
// node) decode as a confirmed subscription with no window: the silent case.
func TestRealNodeSilentSubscriptionsOnlyAcknowledge(t *testing.T) {
	for _, f := range []string{"allora-v7/websocket-gateway-query.jsonl", "allora-v5/run2/websocket-v5-query.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
		if len(lines) != 1 || !json.Valid(lines[0]) {
			t.Fatalf("%s: %d lines, want the one acknowledgement", f, len(lines))
		}
		m, err := decodeWebsocketMessage(lines[0])
		if err != nil || !m.confirmed || len(m.windows) != 0 {
			t.Errorf("%s: windows %v confirmed %v err %v, want a bare confirmation", f, m.windows, m.confirmed, err)
		}
	}
}

func TestWindowCloseEventTypes(t *testing.T) {
	want := map[string]string{
		"v5":  "emissions.v4.EventWorkerLastCommitSet",
		"v6":  "emissions.v6.EventWorkerLastCommitSet",
		"v7":  "emissions.v7.EventWorkerLastCommitSet",
		"v8":  "emissions.v8.EventWorkerLastCommitSet",
		"v9":  "emissions.v9.EventWorkerLastCommit",
		"v10": "emissions.v10.EventNetworkInferenceBundle",
		"v4":  "",
	}
	for v, ev := range want {
		if got := WindowCloseEventType(v); got != ev {
			t.Errorf("WindowCloseEventType(%q) = %q, want %q", v, got, ev)
		}
	}
	if _, err := NewWatcher("http://127.0.0.1:1", WatcherConfig{EmissionsVersion: "v4"}); err == nil {
		t.Error("NewWatcher accepted emissions version v4")
	}
	// v9's event has no block_height: the block carrying it stands in.
	v9 := Event{Type: "emissions.v9.EventWorkerLastCommit", Attributes: []EventAttribute{
		{Key: "topic_id", Value: `"7"`}, {Key: "nonce", Value: `{"block_height":"100"}`},
	}}
	got, err := ParseWorkerWindowClosed(v9, 105)
	if err != nil || got != (WorkerWindowClosed{TopicID: 7, BlockHeight: 105, InferenceBlockHeight: 100}) {
		t.Errorf("v9 event: %+v, %v", got, err)
	}
	if _, err := ParseWorkerWindowClosed(v9, 0); err == nil {
		t.Error("v9 event without a block height accepted")
	}
}

// On shutdown the watcher sends the node a close frame before it hangs up.
func TestWatcherSendsACloseFrameOnShutdown(t *testing.T) {
	closes := make(chan int, 1)
	subscribed := make(chan struct{})
	upgrader := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		conn.ReadMessage() // the subscription
		conn.WriteMessage(websocket.TextMessage, []byte(`{"jsonrpc":"2.0","id":1,"result":{}}`))
		close(subscribed)
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				var ce *websocket.CloseError
				if errors.As(err, &ce) {
					closes <- ce.Code
				} else {
					closes <- -1
				}
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	w, err := NewWatcher(srv.URL, WatcherConfig{EmissionsVersion: "v7"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := w.Watch(ctx)
	<-subscribed
	cancel()
	for range ch {
	}
	select {
	case code := <-closes:
		if code != websocket.CloseNormalClosure {
			t.Errorf("node saw close code %d, want %d (a close frame)", code, websocket.CloseNormalClosure)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the node never saw the connection end")
	}
}
