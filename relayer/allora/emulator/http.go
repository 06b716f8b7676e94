package emulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/p2p"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
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
	channels, _ := hex.DecodeString("40202122233038606100")
	status := &ctypes.ResultStatus{
		NodeInfo: p2p.DefaultNodeInfo{
			ProtocolVersion: p2p.NewProtocolVersion(8, 11, 0),
			DefaultNodeID:   p2p.ID(hex.EncodeToString(e.hash("node", 0)[:20])),
			ListenAddr:      "tcp://127.0.0.1:26656",
			Network:         e.cfg.ChainID,
			Version:         "0.38.12",
			Channels:        channels,
			Moniker:         "emulator",
			Other:           p2p.DefaultNodeInfoOther{TxIndex: "on", RPCAddress: "tcp://127.0.0.1:26657"},
		},
		SyncInfo: ctypes.SyncInfo{
			LatestBlockHash:     e.hash("block", latest),
			LatestAppHash:       e.hash("app", latest),
			LatestBlockHeight:   int64(latest),
			LatestBlockTime:     latestTime,
			EarliestBlockHash:   e.hash("block", lowest),
			EarliestAppHash:     e.hash("app", lowest),
			EarliestBlockHeight: int64(lowest),
			EarliestBlockTime:   lowestTime,
		},
		ValidatorInfo: ctypes.ValidatorInfo{
			Address:     e.hash("validator", 0)[:20],
			PubKey:      ed25519.PubKey(e.hash("validator key", 0)),
			VotingPower: 10,
		},
	}
	// CometBFT's own types and encoding, as the websocket answers.
	body, err := json.Marshal(rpctypes.NewRPCSuccessResponse(rpctypes.JSONRPCIntID(-1), status))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(body)
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
