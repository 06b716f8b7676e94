package rpcpool_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// endpointProxy is an RPC endpoint in front of a real node, as a provider's load
// balancer would be, that a test can take down, make lag, make fail with an HTTP
// status, or make hang up after passing a transaction on. It counts the JSON-RPC
// methods it receives.
type endpointProxy struct {
	srv *httptest.Server

	mu           sync.Mutex
	target       string
	methods      map[string]int
	frozenHead   string        // when set, eth_blockNumber answers this: a node stuck behind
	status       int           // when set, every request is answered with this HTTP status
	hangUpOnSend bool          // pass eth_sendRawTransaction on, then drop the connection unanswered
	delay        time.Duration // added before every answer: a slower endpoint
}

func newProxy(t *testing.T, target string) *endpointProxy {
	t.Helper()
	p := &endpointProxy{target: target, methods: map[string]int{}}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *endpointProxy) URL() string { return p.srv.URL }

// kill takes the endpoint away: open connections are cut and new ones refused.
func (p *endpointProxy) kill() {
	p.srv.CloseClientConnections()
	p.srv.Close()
}

func (p *endpointProxy) count(method string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.methods[method]
}

func (p *endpointProxy) set(fn func(p *endpointProxy)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fn(p)
}

func (p *endpointProxy) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var req struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
	}
	_ = json.Unmarshal(body, &req) // a batch has no single method; it is passed on
	p.mu.Lock()
	p.methods[req.Method]++
	target, frozen, status, delay := p.target, p.frozenHead, p.status, p.delay
	hangUp := p.hangUpOnSend && req.Method == "eth_sendRawTransaction"
	if hangUp {
		p.hangUpOnSend = false
	}
	p.mu.Unlock()

	time.Sleep(delay)
	if status != 0 {
		http.Error(w, http.StatusText(status), status)
		return
	}
	if frozen != "" && req.Method == "eth_blockNumber" {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"result":"` + frozen + `"}`))
		return
	}
	resp, err := http.Post(target, "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if hangUp {
		// The node took the transaction; the endpoint dies before answering.
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}
