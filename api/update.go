package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// errNoSigners means the process was given no signers, so it cannot answer pull mode.
var errNoSigners = errors.New("no signers")

// UpdateSigner gets a batch signed for a chain's oracle the way the relayer gets its
// pushes signed: by the oracle's threshold of its registered signers, local keys and
// co-signers alike, each through its slashing protection, the signatures ordered as the
// contract wants. The relayer implements it. An error wrapping
// oracle.ErrThresholdNotReached means too few signers answered.
type UpdateSigner interface {
	SignUpdates(ctx context.Context, chainID uint64, updates []oracle.Update) ([][]byte, error)
}

// WithUpdateSigning lets /v1/topics/{topicId}/update answer signed updates: signer signs
// each on demand, for each chain with that chain's oracle domain (its chain id and
// oracle address). Without it the route answers 503.
func WithUpdateSigning(signer UpdateSigner, domains ...oracle.Domain) Option {
	return func(s *Server) {
		s.signer = signer
		s.domains = make(map[uint64]oracle.Domain, len(domains))
		for _, d := range domains {
			if d.ChainID != nil && d.ChainID.IsUint64() {
				s.domains[d.ChainID.Uint64()] = d
			}
		}
	}
}

type updateJSON struct {
	ChainID     uint64          `json:"chain_id"`
	TopicID     uint64          `json:"topic_id"`
	BlockHeight uint64          `json:"block_height"`
	To          string          `json:"to"`
	Update      updateFieldJSON `json:"update"`
	TypedData   json.RawMessage `json:"typed_data"`
	Digest      string          `json:"digest"`
	Signatures  []signatureJSON `json:"signatures"`
	Calldata    string          `json:"calldata"`
}

type updateFieldJSON struct {
	TopicID         uint64 `json:"topic_id"`
	Value           string `json:"value"`
	BlockHeight     uint64 `json:"block_height"`
	LossBlockHeight uint64 `json:"loss_block_height"`
	Timestamp       uint64 `json:"timestamp"`
}

type signatureJSON struct {
	Signer    string `json:"signer"`
	Signature string `json:"signature"` // r ‖ s ‖ v, 65 bytes
	R         string `json:"r"`         // EIP-2098 compact form, as updateBatch takes it
	VS        string `json:"vs"`
}

// updateCache keeps the latest signed payload of each chain and topic: signing costs a
// round trip to every signer, and every client asking between two inferences gets the
// same bytes.
type updateCache struct {
	mu      sync.Mutex
	entries map[[2]uint64]*updateEntry // by chain and topic
}

type updateEntry struct {
	height uint64
	body   []byte
	etag   []string
}

func (c *updateCache) get(chainID, topicID, height uint64) *updateEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.entries[[2]uint64{chainID, topicID}]; e != nil && e.height == height {
		return e
	}
	return nil
}

func (c *updateCache) put(chainID, topicID, height uint64, body []byte) *updateEntry {
	e := &updateEntry{height: height, body: body, etag: []string{strongETag(body)}}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[[2]uint64]*updateEntry)
	}
	if prev := c.entries[[2]uint64{chainID, topicID}]; prev == nil || prev.height <= height {
		c.entries[[2]uint64{chainID, topicID}] = e
	}
	return e
}

// parseChainQuery reads the required chain query parameter.
func parseChainQuery(q url.Values) (uint64, error) {
	vs, ok := q["chain"]
	if !ok {
		return 0, badQuery("chain is missing: say which chain to sign for, such as ?chain=56")
	}
	if len(vs) > 1 {
		return 0, badQuery("chain is given %d times; give it once", len(vs))
	}
	return parseUintID("chain id", "chain ids", vs[0])
}

// update answers pull mode: the latest inference of a topic as a signed one-update
// batch for a chain's oracle, with the calldata anyone can submit.
func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	topicID, err := topicIDParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	chainID, err := parseChainQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.signer == nil {
		s.fail(w, r, withDetail(fmt.Errorf("sign update: %w: %w", errNotReady, errNoSigners),
			"this gateway process has no signers, so it cannot sign updates; ask a gateway run with signer keys"))
		return
	}
	domain, ok := s.domains[chainID]
	if !ok {
		known := make([]string, 0, len(s.domains))
		for id := range s.domains {
			known = append(known, strconv.FormatUint(id, 10))
		}
		slices.Sort(known)
		s.fail(w, r, withDetail(fmt.Errorf("sign update for chain %d: %w", chainID, store.ErrNotFound),
			"chain %d is not one this gateway signs for; it signs for %s", chainID, orNone(known)))
		return
	}
	if _, err := s.topic(r, topicID); err != nil {
		s.fail(w, r, err)
		return
	}
	inf, err := s.st.LatestInference(ctx, topicID)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, withDetail(err, "topic %d has no inference yet", topicID))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if e := s.updates.get(chainID, topicID, inf.BlockHeight); e != nil {
		writeCacheable(w, r, jsonContentTypeHeader, e.body, e.etag, cacheShortHeader)
		return
	}
	u := inf.Update() // validated and scaled when it was stored
	batch := []oracle.Update{u}
	sigs, err := s.signer.SignUpdates(ctx, chainID, batch)
	if errors.Is(err, oracle.ErrThresholdNotReached) {
		s.fail(w, r, withDetail(fmt.Errorf("sign topic %d update at block %d for chain %d: %w: %w", topicID, inf.BlockHeight, chainID, errNotReady, err),
			"too few of the oracle's signers signed the update to reach its threshold; try again later (%v)", err))
		return
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("sign topic %d update at block %d for chain %d: %w", topicID, inf.BlockHeight, chainID, err))
		return
	}
	compact, err := alloraoracle.CompactSignatures(sigs)
	if err != nil {
		s.fail(w, r, fmt.Errorf("compact signatures: %w", err))
		return
	}
	calldata, err := alloraoracle.PackUpdateBatch(batch, sigs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	digest := oracle.BatchDigest(domain, batch)
	out := updateJSON{
		ChainID: chainID, TopicID: topicID, BlockHeight: inf.BlockHeight, To: domain.VerifyingContract.Hex(),
		Update: updateFieldJSON{
			TopicID: u.TopicID, Value: u.Value.String(), BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, Timestamp: u.Timestamp,
		},
		TypedData: oracle.TypedDataJSON(domain, batch), Digest: digest.Hex(),
		Signatures: make([]signatureJSON, len(sigs)), Calldata: hexutil.Encode(calldata),
	}
	for i, sig := range sigs {
		signer, err := oracle.RecoverSigner(digest, sig)
		if err != nil {
			s.fail(w, r, fmt.Errorf("recover signature %d: %w", i, err))
			return
		}
		out.Signatures[i] = signatureJSON{
			Signer: signer.Hex(), Signature: hexutil.Encode(sig),
			R: hexutil.Encode(compact[i].R[:]), VS: hexutil.Encode(compact[i].Vs[:]),
		}
	}
	body, err := json.Marshal(out)
	if err != nil {
		s.fail(w, r, fmt.Errorf("encode signed update: %w", err))
		return
	}
	e := s.updates.put(chainID, topicID, inf.BlockHeight, append(body, '\n'))
	writeCacheable(w, r, jsonContentTypeHeader, e.body, e.etag, cacheShortHeader)
}
