package emulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/gogoproto/jsonpb"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/go-chi/chi/v5"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// gRPC status codes, which grpc-gateway writes in its error bodies.
const (
	codeUnknown         = 2
	codeInvalidArgument = 3
	codeNotFound        = 5
	codeUnimplemented   = 12
	codeInternal        = 13
)

// zeroReputer is the placeholder reputer address the chain puts in network inference
// bundles: twenty zero bytes.
var zeroReputer = mustBech32(make([]byte, 20))

func (e *Emulator) routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/emissions/{version}/latest_network_inferences/{topic_id}", e.serveLatestInferences)
	r.Get("/emissions/{version}/topics/{topic_id}", e.serveTopic)
	r.Get("/emissions/{version}/params", e.serveParams)
	r.Get("/cosmos/base/tendermint/v1beta1/blocks/latest", e.serveLatestBlock)
	r.Get("/cosmos/base/tendermint/v1beta1/blocks/{height}", e.serveBlock)
	r.Get("/status", e.serveStatus)
	r.Get("/websocket", e.serveWebsocket)
	// grpc-gateway, as cosmos-sdk sets it up, answers a path no service serves with
	// 501 Unimplemented.
	r.NotFound(notImplemented)
	r.MethodNotAllowed(notImplemented)
	return r
}

func notImplemented(w http.ResponseWriter, _ *http.Request) {
	writeGatewayError(w, http.StatusNotImplemented, codeUnimplemented, "Not Implemented")
}

// writeGatewayError writes a google.rpc.Status the way grpc-gateway does.
func writeGatewayError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, struct {
		Code    int        `json:"code"`
		Message string     `json:"message"`
		Details []struct{} `json:"details"`
	}{code, message, []struct{}{}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// emissionsTopic checks the version and topic id of an emissions query and returns the
// topic id, or answers the error and returns false.
func (e *Emulator) emissionsTopic(w http.ResponseWriter, r *http.Request) (uint64, bool) {
	if chi.URLParam(r, "version") != e.cfg.EmissionsVersion {
		notImplemented(w, r)
		return 0, false
	}
	raw := chi.URLParam(r, "topic_id")
	id, err := strconv.ParseUint(raw, 10, 64)
	if err != nil {
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument,
			fmt.Sprintf("type mismatch, parameter: topic_id, error: %v", err))
		return 0, false
	}
	if !e.injectHTTP(w, r, id) {
		return 0, false
	}
	return id, true
}

func (e *Emulator) serveLatestInferences(w http.ResponseWriter, r *http.Request) {
	id, ok := e.emissionsTopic(w, r)
	if !ok {
		return
	}
	at, atErr := queryHeight(r)
	if atErr != nil {
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument, atErr.Error())
		return
	}
	e.mu.RLock()
	ts := e.byID[id]
	height := e.height
	var (
		latest *published
		pruned bool
	)
	switch {
	case ts == nil:
	case at != 0 && at < height:
		// As a node answers a query as of a past height: from that block's state,
		// before any later revision.
		latest, pruned = ts.answerAt(at)
	default:
		latest = e.servedLatest(ts)
	}
	e.mu.RUnlock()
	switch {
	case at > height:
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument,
			"cannot query with height in the future; please provide a valid height: invalid request")
	case ts == nil:
		writeGatewayError(w, http.StatusNotFound, codeNotFound, fmt.Sprintf("topic %d not found", id))
	case pruned:
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument,
			fmt.Sprintf("failed to load state at height %d; version does not exist (latest height: %d): invalid request", at, height))
	case latest == nil:
		// The chain's error is sdkerrors.ErrInvalidRequest wrapped, which reaches
		// the gateway as gRPC Unknown: HTTP 500.
		writeGatewayError(w, http.StatusInternalServerError, codeUnknown,
			fmt.Sprintf("no inferences found for topic %d: invalid request", id))
	default:
		writeProto(w, latestInferencesProto(e.cfg.EmissionsVersion, latest.bundle))
	}
}

// writeProto answers m as cosmos-sdk's REST gateway writes a query's answer: every
// field, proto field names, 64-bit integers as strings, no spaces. The gateway's
// gogoproto marshaler writes an unset bytes field (a bundle's extra_data) as null
// where protojson writes "".
func writeProto(w http.ResponseWriter, m proto.Message) {
	body, err := protojson.MarshalOptions{UseProtoNames: true, EmitUnpopulated: true}.Marshal(m)
	var compact bytes.Buffer
	if err == nil {
		err = json.Compact(&compact, body)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	body = bytes.ReplaceAll(compact.Bytes(), []byte(`"extra_data":""`), []byte(`"extra_data":null`))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// queryHeight is the height a query asks to be answered as of (the
// x-cosmos-block-height header), 0 for the latest.
func queryHeight(r *http.Request) (uint64, error) {
	raw := r.Header.Get("x-cosmos-block-height")
	if raw == "" {
		return 0, nil
	}
	h, err := strconv.ParseUint(raw, 10, 63)
	if err != nil {
		return 0, fmt.Errorf("invalid height %q: %v", raw, err)
	}
	return h, nil
}

// serveParams answers the module's params query, which every emissions version serves
// and clients probe to learn the version. The gateway reads nothing of the params, so
// only a few of the chain's are given.
func (e *Emulator) serveParams(w http.ResponseWriter, r *http.Request) {
	if chi.URLParam(r, "version") != e.cfg.EmissionsVersion {
		notImplemented(w, r)
		return
	}
	if !e.injectHTTP(w, r, 0) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]map[string]string{"params": {
		"version":                   "v0.6.0",
		"max_serialized_msg_length": "1000000",
		"min_topic_weight":          "100",
	}})
}

func (e *Emulator) serveTopic(w http.ResponseWriter, r *http.Request) {
	id, ok := e.emissionsTopic(w, r)
	if !ok {
		return
	}
	e.mu.RLock()
	ts := e.byID[id]
	var body proto.Message
	if ts != nil {
		body = e.topicResponse(ts)
	}
	e.mu.RUnlock()
	if body == nil {
		writeGatewayError(w, http.StatusNotFound, codeNotFound, fmt.Sprintf("topic %d not found", id))
		return
	}
	writeProto(w, body)
}

func (e *Emulator) serveLatestBlock(w http.ResponseWriter, r *http.Request) {
	if !e.injectHTTP(w, r, 0) {
		return
	}
	e.mu.RLock()
	h := e.servedHeight()
	t, _ := e.blockTime(h)
	e.mu.RUnlock()
	id, block, sdk := e.blockProto(h, t)
	//lint:ignore SA1019 nodes still fill the deprecated block beside sdk_block for older clients; the emulator answers as they do
	writeGogo(w, &cmtservice.GetLatestBlockResponse{BlockId: id, Block: block, SdkBlock: sdk})
}

func (e *Emulator) serveBlock(w http.ResponseWriter, r *http.Request) {
	raw := chi.URLParam(r, "height")
	h, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument,
			fmt.Sprintf("type mismatch, parameter: height, error: %v", err))
		return
	}
	if !e.injectHTTP(w, r, 0) {
		return
	}
	e.mu.RLock()
	latest, lowest := e.servedHeight(), e.lowestBlock()
	var t time.Time
	found := false
	if h > 0 {
		t, found = e.blockTime(uint64(h))
	}
	e.mu.RUnlock()
	switch {
	case h <= 0:
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument, "height must be greater than 0")
	case uint64(h) > latest:
		writeGatewayError(w, http.StatusBadRequest, codeInvalidArgument, "requested block height is bigger then the chain length")
	case !found:
		writeGatewayError(w, http.StatusInternalServerError, codeUnknown,
			fmt.Sprintf("height %d is not available, lowest height is %d", h, lowest))
	default:
		id, block, sdk := e.blockProto(uint64(h), t)
		//lint:ignore SA1019 nodes still fill the deprecated block beside sdk_block for older clients; the emulator answers as they do
		writeGogo(w, &cmtservice.GetBlockByHeightResponse{BlockId: id, Block: block, SdkBlock: sdk})
	}
}

func (e *Emulator) serveStatus(w http.ResponseWriter, r *http.Request) {
	if !e.injectHTTP(w, r, 0) {
		return
	}
	e.mu.RLock()
	latest, lowest := e.servedHeight(), e.lowestBlock()
	latestTime, _ := e.blockTime(latest)
	lowestTime, _ := e.blockTime(lowest)
	e.mu.RUnlock()
	validator := e.hash("validator", 0)
	pub := e.hash("validator key", 0)
	var s statusJSON
	s.JSONRPC = "2.0"
	s.ID = -1
	ni := &s.Result.NodeInfo
	ni.ProtocolVersion.P2P, ni.ProtocolVersion.Block, ni.ProtocolVersion.App = "8", "11", "0"
	ni.ID = hex.EncodeToString(e.hash("node", 0)[:20])
	ni.ListenAddr = "tcp://127.0.0.1:26656"
	ni.Network = e.cfg.ChainID
	ni.Version = "0.38.12"
	ni.Channels = "40202122233038606100"
	ni.Moniker = "emulator"
	ni.Other.TxIndex, ni.Other.RPCAddress = "on", "tcp://127.0.0.1:26657"
	si := &s.Result.SyncInfo
	si.LatestBlockHash = strings.ToUpper(hex.EncodeToString(e.hash("block", latest)))
	si.LatestAppHash = strings.ToUpper(hex.EncodeToString(e.hash("app", latest)))
	si.LatestBlockHeight = formatHeight(latest)
	si.LatestBlockTime = latestTime.Format(time.RFC3339Nano)
	si.EarliestBlockHash = strings.ToUpper(hex.EncodeToString(e.hash("block", lowest)))
	si.EarliestAppHash = strings.ToUpper(hex.EncodeToString(e.hash("app", lowest)))
	si.EarliestBlockHeight = formatHeight(lowest)
	si.EarliestBlockTime = lowestTime.Format(time.RFC3339Nano)
	vi := &s.Result.ValidatorInfo
	vi.Address = strings.ToUpper(hex.EncodeToString(validator[:20]))
	vi.PubKey.Type = "tendermint/PubKeyEd25519"
	vi.PubKey.Value = base64.StdEncoding.EncodeToString(pub)
	vi.VotingPower = "10"
	writeJSON(w, http.StatusOK, s)
}

// hash derives a stable 32-byte value (block hashes, keys) from the seed.
func (e *Emulator) hash(kind string, n uint64) []byte {
	h := sha256.New()
	h.Write([]byte(e.cfg.ChainID))
	h.Write([]byte(kind))
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(e.cfg.Seed))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], n)
	h.Write(buf[:])
	return h.Sum(nil)
}

// writeGogo answers a cosmos-sdk message (a gogoproto type, as the block queries'
// are) with the marshaler and options cosmos-sdk's REST gateway uses.
func writeGogo(w http.ResponseWriter, m gogoproto.Message) {
	var body bytes.Buffer
	if err := (&jsonpb.Marshaler{OrigName: true, EmitDefaults: true}).Marshal(&body, m); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(body.Bytes())
}

type statusJSON struct {
	JSONRPC string `json:"jsonrpc"`
	ID      int    `json:"id"`
	Result  struct {
		NodeInfo struct {
			ProtocolVersion struct {
				P2P   string `json:"p2p"`
				Block string `json:"block"`
				App   string `json:"app"`
			} `json:"protocol_version"`
			ID         string `json:"id"`
			ListenAddr string `json:"listen_addr"`
			Network    string `json:"network"`
			Version    string `json:"version"`
			Channels   string `json:"channels"`
			Moniker    string `json:"moniker"`
			Other      struct {
				TxIndex    string `json:"tx_index"`
				RPCAddress string `json:"rpc_address"`
			} `json:"other"`
		} `json:"node_info"`
		SyncInfo struct {
			LatestBlockHash     string `json:"latest_block_hash"`
			LatestAppHash       string `json:"latest_app_hash"`
			LatestBlockHeight   string `json:"latest_block_height"`
			LatestBlockTime     string `json:"latest_block_time"`
			EarliestBlockHash   string `json:"earliest_block_hash"`
			EarliestAppHash     string `json:"earliest_app_hash"`
			EarliestBlockHeight string `json:"earliest_block_height"`
			EarliestBlockTime   string `json:"earliest_block_time"`
			CatchingUp          bool   `json:"catching_up"`
		} `json:"sync_info"`
		ValidatorInfo struct {
			Address string `json:"address"`
			PubKey  struct {
				Type  string `json:"type"`
				Value string `json:"value"`
			} `json:"pub_key"`
			VotingPower string `json:"voting_power"`
		} `json:"validator_info"`
	} `json:"result"`
}
