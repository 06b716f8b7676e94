// Package cosign is the co-signer of m-of-n signing: a service an independent operator
// runs with its own key and its own Allora node, and the client a relayer asks it with.
//
// The service signs a proposed batch only when every update in it is exactly what its
// own node gave for the proposed version (block height, loss block height): value
// scaled by oracle.NewUpdate and timestamp, for an oracle in its allow-list, from an
// authenticated relayer. It never signs two different values for one (chain, oracle,
// topic, version), nor a version below one it signed, across restarts and crashes:
// Config.Record, a signguard.Record, is committed to disk before a signature leaves.
//
// The node revises the value of one block height when a reputer window closes, so a
// relayer may propose a version its node no longer answers as latest. When the node's
// latest version is the proposed one the values are compared. When it is newer and
// Config.History is set, the co-signer finds the proposed version in the node's past
// answers: the version the node answers is monotonic in the Allora block height it is
// asked at, so a binary search over the heights from the proposal's to the node's
// latest (at most MaxLookups queries) finds the first answer at or past the proposed
// version. If that answer is the proposed version its value is compared; if the node
// went from below it to above it, the node never gave it and the batch is refused with
// "unknown_version". Without History, or when the proposal is further back than
// MaxLookups queries can search, a newer node refuses with "stale_proposal".
//
// Refusals are RFC 9457 problem+json with a machine-readable "reason": 409 when the
// batch disagrees with the node, 422 when the co-signer will not sign for that
// oracle or a batch of that shape, 401 when the request is not authentic or fresh.
//
// Log levels, for the co-signer's operator: Error means it could not sign or could not
// write its record; Warn means it refused a batch (the relayer or one of the two Allora
// nodes disagrees: compare them) or its Allora node failed; Info means it signed.
package cosign

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
)

// Source is the co-signer's own view of Allora.
type Source interface {
	LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error)
	Topic(ctx context.Context, topicID uint64) (oracle.Topic, error)
}

// HistorySource is the co-signer's node asked about the past: what it answered as a
// topic's latest inference as of an Allora block height (the x-cosmos-block-height
// header or gRPC metadata), and its latest block height.
type HistorySource interface {
	LatestInferenceAt(ctx context.Context, topicID, height uint64) (oracle.Inference, error)
	LatestBlockHeight(ctx context.Context) (uint64, error)
}

// MaxLookups bounds the at-height queries one proposed update may cost: 2^20 blocks,
// about 58 days at Allora's 5 s blocks, are searched in 20.
const MaxLookups = 20

// Defaults of Config.
const (
	DefaultMaxBatch       = 256
	DefaultMaxBodyBytes   = 1 << 20
	DefaultReplayWindow   = 30 * time.Second
	DefaultRequestTimeout = 10 * time.Second
)

// Reasons a batch is refused, as the problem's "reason".
const (
	ReasonMalformed         = "malformed_request"
	ReasonBodyTooLarge      = "body_too_large"
	ReasonDomainMismatch    = "domain_mismatch"
	ReasonOracleNotAllowed  = "oracle_not_allowed"
	ReasonEmptyBatch        = "empty_batch"
	ReasonBatchTooLarge     = "batch_too_large"
	ReasonDuplicateTopic    = "duplicate_topic"
	ReasonInvalidUpdate     = "invalid_update"
	ReasonStaleProposal     = "stale_proposal"
	ReasonNodeBehind        = "node_behind"
	ReasonNoInference       = "no_inference"
	ReasonValueMismatch     = "value_mismatch"
	ReasonTimestampMismatch = "timestamp_mismatch"
	// ReasonUnknownVersion: the node answered versions below and above the proposed
	// one but never the proposed one itself.
	ReasonUnknownVersion = "unknown_version"
	// ReasonSlashingProtection: the co-signer's record shows it signed another update
	// at the proposed version, or a higher version, for the oracle's topic.
	ReasonSlashingProtection = signguard.Reason
	ReasonSourceUnavailable  = "source_unavailable"
)

// Config configures a Service.
type Config struct {
	// Signer is the co-signer's own key.
	Signer oracle.Signer
	// Record is the co-signer's slashing-protection record; the caller opens and closes
	// it.
	Record *signguard.Record
	// Source is the co-signer's own Allora node (or pool of nodes).
	Source Source
	// History, when set, is the same node asked at past block heights, so a proposal
	// the node has revised since is checked against what it gave then. Nil: a node
	// that has moved past the proposal refuses it as stale.
	History HistorySource
	// Allowed are the oracles it signs for, by chain id and address.
	Allowed []oracle.Chain
	// Clients maps each relayer's key id to its shared secret (at least MinSecretLen
	// bytes).
	Clients map[string][]byte
	// MaxBatch is the most updates a batch may hold (default DefaultMaxBatch).
	MaxBatch int
	// MaxBodyBytes bounds a request body (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// ReplayWindow is how far a request's time may be from the co-signer's clock
	// (default DefaultReplayWindow).
	ReplayWindow time.Duration
	// RequestTimeout bounds the Allora queries for one batch (default
	// DefaultRequestTimeout).
	RequestTimeout time.Duration
	// Logger receives the service's logs; nil discards.
	Logger *slog.Logger
	// Registry receives the service's metrics; nil makes a private one, served at
	// /metrics either way.
	Registry *prometheus.Registry
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Errors of New.
var (
	ErrNoSigner  = errors.New("cosign: no signer key")
	ErrNoSource  = errors.New("cosign: no Allora source")
	ErrNoRecord  = errors.New("cosign: no slashing-protection record")
	ErrNoAllowed = errors.New("cosign: no allowed oracles")
	ErrNoClients = errors.New("cosign: no client secrets")
)

// Service is a co-signer.
type Service struct {
	cfg     Config
	allowed map[oracleKey]bool
	auth    *verifier
	metrics *metrics
	log     *slog.Logger
	handler http.Handler

	topics sync.Map // topic id → oracle.Topic, metadata once read
}

type oracleKey struct {
	chainID uint64
	oracle  common.Address
}

// New makes a co-signer from cfg.
func New(cfg Config) (*Service, error) {
	var errs []error
	if cfg.Signer == nil {
		errs = append(errs, ErrNoSigner)
	}
	if cfg.Source == nil {
		errs = append(errs, ErrNoSource)
	}
	if cfg.Record == nil {
		errs = append(errs, ErrNoRecord)
	}
	if len(cfg.Allowed) == 0 {
		errs = append(errs, ErrNoAllowed)
	}
	if len(cfg.Clients) == 0 {
		errs = append(errs, ErrNoClients)
	}
	for id, secret := range cfg.Clients {
		if len(secret) < MinSecretLen {
			errs = append(errs, fmt.Errorf("cosign: client %q: %w", id, ErrSecretTooShort))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = DefaultMaxBatch
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.ReplayWindow <= 0 {
		cfg.ReplayWindow = DefaultReplayWindow
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	m, err := newMetrics(cfg.Registry)
	if err != nil {
		return nil, err
	}
	s := &Service{
		cfg:     cfg,
		allowed: make(map[oracleKey]bool, len(cfg.Allowed)),
		auth:    &verifier{secrets: cfg.Clients, window: cfg.ReplayWindow, nonces: map[string]time.Time{}},
		metrics: m,
		log:     cfg.Logger,
	}
	for _, c := range cfg.Allowed {
		s.allowed[oracleKey{c.ID, c.Oracle}] = true
	}
	r := chi.NewRouter()
	r.Post(SignPath, s.serveSign)
	health, err := json.Marshal(HealthResponse{Status: "ok", Signer: cfg.Signer.Address().Hex()})
	if err != nil {
		return nil, fmt.Errorf("cosign: encode health answer: %w", err)
	}
	r.Get(HealthPath, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(health)
	})
	r.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{}))
	r.NotFound(func(w http.ResponseWriter, _ *http.Request) {
		writeProblem(w, http.StatusNotFound, "not_found", "no such endpoint; POST "+SignPath+" signs")
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		writeProblem(w, http.StatusMethodNotAllowed, "method_not_allowed", "method not allowed")
	})
	s.handler = r
	return s, nil
}

// Handler serves POST /v1/sign, GET /healthz and GET /metrics.
func (s *Service) Handler() http.Handler { return s.handler }

// refusal is a reasoned refusal with its HTTP status.
type refusal struct {
	status int
	reason string
	detail string
}

func (s *Service) serveSign(w http.ResponseWriter, r *http.Request) {
	start := s.cfg.Now()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.refuse(w, "", refusal{http.StatusRequestEntityTooLarge, ReasonBodyTooLarge,
			fmt.Sprintf("request body over %d bytes", s.cfg.MaxBodyBytes)})
		return
	case err != nil:
		s.refuse(w, "", refusal{http.StatusBadRequest, ReasonMalformed, "cannot read the request body"})
		return
	}
	client, reason := s.auth.verify(r, body, start)
	if reason != "" {
		s.refuse(w, client, refusal{http.StatusUnauthorized, reason, authDetail[reason]})
		return
	}
	d, updates, err := decodeSignRequest(body)
	if err != nil {
		s.refuse(w, client, refusal{http.StatusBadRequest, ReasonMalformed, err.Error()})
		return
	}
	if ref := s.checkShape(d, updates); ref != nil {
		s.refuse(w, client, *ref)
		return
	}
	if ref := s.checkAgainstNode(r.Context(), updates); ref != nil {
		if s.withdrawn(r, client) {
			return
		}
		s.refuse(w, client, *ref)
		return
	}
	if err := s.cfg.Record.Approve(s.cfg.Signer.Address(), d, updates); err != nil {
		var ref *signguard.Refusal
		if !errors.As(err, &ref) {
			s.log.Error("cannot write the slashing-protection record; check its disk", "record", s.cfg.Record.Path(), "err", err)
			writeProblem(w, http.StatusInternalServerError, "internal", "the co-signer could not record the batch")
			return
		}
		s.metrics.refused.WithLabelValues(ReasonSlashingProtection).Inc()
		s.log.Warn(oracle.SlashingProtectionRefusal,
			"client", client, "reason", ReasonSlashingProtection, "chain_id", ref.Key.ChainID, "oracle", ref.Key.Oracle.Hex(),
			"topic_id", ref.Key.TopicID, "detail", ref.Error(), "record", s.cfg.Record.Path())
		writeProblem(w, http.StatusConflict, ReasonSlashingProtection, ref.Error())
		return
	}
	digest := oracle.BatchDigest(d, updates)
	sig, err := s.cfg.Signer.Sign(r.Context(), digest)
	if err != nil {
		if s.withdrawn(r, client) {
			return
		}
		s.log.Error("cannot sign with the co-signer key", "err", err)
		writeProblem(w, http.StatusInternalServerError, "internal", "the co-signer could not sign")
		return
	}
	s.metrics.signed.Inc()
	s.metrics.signedUpdates.Add(float64(len(updates)))
	s.metrics.duration.Observe(s.cfg.Now().Sub(start).Seconds())
	s.log.Info("signed batch", "client", client, "chain_id", d.ChainID.Uint64(), "oracle", d.VerifyingContract.Hex(),
		"updates", len(updates), "digest", digest.Hex())
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(SignResponse{
		Signer:    s.cfg.Signer.Address().Hex(),
		Digest:    digest.Hex(),
		Signature: hexutil.Encode(sig),
	})
}

var authDetail = map[string]string{
	reasonMissingAuth:  "the request carries no authentication headers",
	reasonUnknownKey:   "the key id is not one of this co-signer's clients",
	reasonBadSignature: "the request's HMAC does not match its content under the client's secret",
	reasonExpired:      "the request's timestamp is outside the replay window (check both clocks)",
	reasonReplayed:     "the request's nonce was already used",
}

// checkShape refuses a batch the co-signer will not consider whatever the node says.
func (s *Service) checkShape(d oracle.Domain, updates []oracle.Update) *refusal {
	if d.Name != oracle.DomainName || d.Version != oracle.DomainVersion {
		return &refusal{http.StatusUnprocessableEntity, ReasonDomainMismatch,
			fmt.Sprintf("domain %q version %q, want %q version %q", d.Name, d.Version, oracle.DomainName, oracle.DomainVersion)}
	}
	if !s.allowed[oracleKey{d.ChainID.Uint64(), d.VerifyingContract}] {
		return &refusal{http.StatusUnprocessableEntity, ReasonOracleNotAllowed,
			fmt.Sprintf("oracle %s on chain %s is not in this co-signer's allow-list", d.VerifyingContract.Hex(), d.ChainID)}
	}
	if len(updates) == 0 {
		return &refusal{http.StatusUnprocessableEntity, ReasonEmptyBatch, "the batch has no updates"}
	}
	if len(updates) > s.cfg.MaxBatch {
		return &refusal{http.StatusUnprocessableEntity, ReasonBatchTooLarge,
			fmt.Sprintf("%d updates, at most %d", len(updates), s.cfg.MaxBatch)}
	}
	seen := make(map[uint64]bool, len(updates))
	for i, u := range updates {
		if seen[u.TopicID] {
			return &refusal{http.StatusUnprocessableEntity, ReasonDuplicateTopic, fmt.Sprintf("topic %d appears twice", u.TopicID)}
		}
		seen[u.TopicID] = true
		if u.BlockHeight == 0 || u.Timestamp == 0 {
			return &refusal{http.StatusUnprocessableEntity, ReasonInvalidUpdate,
				fmt.Sprintf("updates[%d] (topic %d): block height and timestamp must be set", i, u.TopicID)}
		}
	}
	if err := oracle.ValidateUpdates(updates); err != nil {
		return &refusal{http.StatusUnprocessableEntity, ReasonInvalidUpdate, err.Error()}
	}
	return nil
}

// checkAgainstNode asks the co-signer's node for each topic's latest inference, at
// most eight at once, and returns the refusal of the first update, by position, that
// is not exactly it, so the same batch is always refused for the same reason.
func (s *Service) checkAgainstNode(ctx context.Context, updates []oracle.Update) *refusal {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	refusals := make([]*refusal, len(updates))
	var g errgroup.Group
	g.SetLimit(8)
	for i, u := range updates {
		g.Go(func() error {
			refusals[i] = s.checkUpdate(ctx, u)
			return nil
		})
	}
	_ = g.Wait()
	for _, r := range refusals {
		if r != nil {
			return r
		}
	}
	return nil
}

func (s *Service) checkUpdate(ctx context.Context, u oracle.Update) *refusal {
	topic, err := s.topic(ctx, u.TopicID)
	if err != nil {
		return s.sourceFailed(u.TopicID, err)
	}
	inf, err := s.cfg.Source.LatestInference(ctx, u.TopicID)
	if errors.Is(err, oracle.ErrNoInference) {
		return &refusal{http.StatusConflict, ReasonNoInference,
			fmt.Sprintf("topic %d: this co-signer's Allora node has no inference for the topic", u.TopicID)}
	}
	if err != nil {
		return s.sourceFailed(u.TopicID, err)
	}
	switch {
	case inf.Version().Newer(u.Version()):
		var ref *refusal
		if inf, ref = s.lookUp(ctx, u, inf); ref != nil {
			return ref
		}
	case u.Version().Newer(inf.Version()):
		return &refusal{http.StatusConflict, ReasonNodeBehind,
			fmt.Sprintf("topic %d: proposed block %d (loss block %d), this co-signer's node has only block %d (loss block %d)",
				u.TopicID, u.BlockHeight, u.LossBlockHeight, inf.BlockHeight, inf.LossBlockHeight)}
	}
	mine, err := oracle.NewUpdate(inf, topic.AllowNegative)
	if err != nil {
		return &refusal{http.StatusConflict, ReasonValueMismatch,
			fmt.Sprintf("topic %d at block %d: this co-signer's node gives a value the oracle cannot hold: %v", u.TopicID, u.BlockHeight, err)}
	}
	if mine.Value.Cmp(u.Value) != 0 {
		return &refusal{http.StatusConflict, ReasonValueMismatch,
			fmt.Sprintf("topic %d at block %d: proposed %s, this co-signer's node gives %s (%s)", u.TopicID, u.BlockHeight, u.Value, mine.Value, inf.Value)}
	}
	if mine.Timestamp != u.Timestamp {
		return &refusal{http.StatusConflict, ReasonTimestampMismatch,
			fmt.Sprintf("topic %d at block %d: proposed timestamp %d, this co-signer's node gives %d", u.TopicID, u.BlockHeight, u.Timestamp, mine.Timestamp)}
	}
	return nil
}

// lookUp finds what the node answered for u's version, given that its latest answer,
// latest, is newer: the first answer, by Allora block height, at or past u's version.
func (s *Service) lookUp(ctx context.Context, u oracle.Update, latest oracle.Inference) (oracle.Inference, *refusal) {
	stale := &refusal{http.StatusConflict, ReasonStaleProposal,
		fmt.Sprintf("topic %d: proposed block %d (loss block %d), this co-signer's node already has block %d (loss block %d)",
			u.TopicID, u.BlockHeight, u.LossBlockHeight, latest.BlockHeight, latest.LossBlockHeight)}
	if s.cfg.History == nil {
		return oracle.Inference{}, stale
	}
	hi, err := s.cfg.History.LatestBlockHeight(ctx)
	if err != nil {
		return oracle.Inference{}, s.sourceFailed(u.TopicID, err)
	}
	// The node cannot have answered u's version before both of its heights.
	lo := max(u.BlockHeight, u.LossBlockHeight)
	if hi < lo || hi-lo >= 1<<MaxLookups {
		return oracle.Inference{}, stale
	}
	// Invariant: the answer at hi is at or past u's version (latest is, and hi is at
	// least the height latest was answered at); find the lowest such height in [lo, hi].
	found := latest
	for lo < hi {
		mid := lo + (hi-lo)/2
		inf, err := s.cfg.History.LatestInferenceAt(ctx, u.TopicID, mid)
		switch {
		case errors.Is(err, oracle.ErrNoInference):
			lo = mid + 1
			continue
		case err != nil:
			return oracle.Inference{}, s.sourceFailed(u.TopicID, err)
		}
		if u.Version().Newer(inf.Version()) {
			lo = mid + 1
		} else {
			hi, found = mid, inf
		}
	}
	if found.Version() != u.Version() {
		return oracle.Inference{}, &refusal{http.StatusConflict, ReasonUnknownVersion,
			fmt.Sprintf("topic %d: proposed block %d (loss block %d), this co-signer's node never answered that version: it went on to block %d (loss block %d)",
				u.TopicID, u.BlockHeight, u.LossBlockHeight, found.BlockHeight, found.LossBlockHeight)}
	}
	return found, nil
}

func (s *Service) sourceFailed(topic uint64, err error) *refusal {
	if errors.Is(err, context.Canceled) {
		// The relayer withdrew the request (it had its threshold): not the node's fault.
		return &refusal{http.StatusServiceUnavailable, ReasonSourceUnavailable, "request withdrawn"}
	}
	s.log.Warn("cannot read Allora to check a proposed batch; check this co-signer's Allora endpoint", "topic_id", topic, "err", err)
	return &refusal{http.StatusServiceUnavailable, ReasonSourceUnavailable,
		fmt.Sprintf("topic %d: this co-signer cannot read its Allora node now", topic)}
}

// topic returns a topic's metadata, read once: allow_negative, all the check needs,
// does not change.
func (s *Service) topic(ctx context.Context, id uint64) (oracle.Topic, error) {
	if t, ok := s.topics.Load(id); ok {
		return t.(oracle.Topic), nil
	}
	t, err := s.cfg.Source.Topic(ctx, id)
	if err != nil {
		return oracle.Topic{}, err
	}
	s.topics.Store(id, t)
	return t, nil
}

// withdrawn reports whether the relayer withdrew r before it was answered, as it does
// once the oracle's threshold of signatures is in: nothing failed and nothing was
// refused, so it is logged at Debug, not counted, and left unanswered.
func (s *Service) withdrawn(r *http.Request, client string) bool {
	if !errors.Is(r.Context().Err(), context.Canceled) {
		return false
	}
	s.log.Debug("request withdrawn by the relayer before it was answered (it had its threshold)", "client", client)
	return true
}

func (s *Service) refuse(w http.ResponseWriter, client string, ref refusal) {
	s.metrics.refused.WithLabelValues(ref.reason).Inc()
	s.log.Warn("refused to sign", "client", client, "reason", ref.reason, "detail", ref.detail, "status", ref.status)
	writeProblem(w, ref.status, ref.reason, ref.detail)
}

// Problem is the RFC 9457 body of an error answer.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Reason is the machine-readable cause, such as "value_mismatch".
	Reason string `json:"reason"`
}

func writeProblem(w http.ResponseWriter, status int, reason, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(Problem{
		Type:   "urn:allora-gateway:cosign:" + reason,
		Title:  http.StatusText(status),
		Status: status,
		Detail: detail,
		Reason: reason,
	})
}
