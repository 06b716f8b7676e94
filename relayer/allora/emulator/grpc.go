package emulator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv10"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv3"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv5"

	// v6 to v8 share v5's message shapes on the wire; their packages are linked so
	// that server reflection can describe each version's service.
	_ "github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv6"
	_ "github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv7"
	_ "github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv8"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emissionspb/emissionsv9"
)

// NewGRPCServer returns a gRPC server answering as a node's port 9090 does for the
// configured emissions version: emissions.vN.QueryService (GetLatestNetworkInferences,
// GetTopic), cosmos.base.tendermint.v1beta1.Service (GetLatestBlock, GetBlockByHeight)
// and server reflection, which lists both. Serve it with ServeGRPC or on a listener of
// the caller's.
func (e *Emulator) NewGRPCServer(opts ...grpc.ServerOption) *grpc.Server {
	// cosmos-sdk's codec, as a node uses: the block messages are gogoproto types.
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	opts = append([]grpc.ServerOption{grpc.ForceServerCodec(cdc.GRPCCodec())}, opts...)
	s := grpc.NewServer(opts...)
	s.RegisterService(e.emissionsServiceDesc(), e)
	cmtservice.RegisterServiceServer(s, &blockService{e: e})
	reflection.Register(s)
	return s
}

// ServeGRPC answers gRPC on ln until ctx ends, then stops the server gracefully (5s at
// most) and returns nil. It does not make blocks: run Serve or Run beside it.
func (e *Emulator) ServeGRPC(ctx context.Context, ln net.Listener) error {
	s := e.NewGRPCServer()
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		select {
		case <-ctx.Done():
		case <-done:
			return
		}
		timer := time.AfterFunc(5*time.Second, s.Stop)
		defer timer.Stop()
		s.GracefulStop()
	}()
	err := s.Serve(ln)
	close(done)
	<-stopped
	if err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return fmt.Errorf("emulator: serve gRPC: %w", err)
	}
	return nil
}

func (e *Emulator) emissionsServiceDesc() *grpc.ServiceDesc {
	v := e.cfg.EmissionsVersion
	return &grpc.ServiceDesc{
		ServiceName: "emissions." + v + ".QueryService",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{
			{MethodName: "GetLatestNetworkInferences", Handler: unary(e.grpcLatestInferences)},
			{MethodName: "GetTopic", Handler: unary(e.grpcTopic)},
		},
		Metadata: "emissions/" + v + "/query.proto",
	}
}

// unary adapts a method taking the {uint64 topic_id = 1} request both emissions
// queries share to grpc's handler signature.
func unary(f func(ctx context.Context, topicID uint64) (proto.Message, error)) grpc.MethodHandler {
	return func(_ any, ctx context.Context, dec func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
		var req emissionsv9.GetLatestNetworkInferencesRequest
		if err := dec(&req); err != nil {
			return nil, err
		}
		if interceptor == nil {
			return f(ctx, req.GetTopicId())
		}
		info := &grpc.UnaryServerInfo{}
		return interceptor(ctx, &req, info, func(ctx context.Context, r any) (any, error) {
			return f(ctx, r.(*emissionsv9.GetLatestNetworkInferencesRequest).GetTopicId())
		})
	}
}

func (e *Emulator) grpcLatestInferences(ctx context.Context, topicID uint64) (proto.Message, error) {
	if err := e.injectGRPC(ctx, topicID); err != nil {
		return nil, err
	}
	e.mu.RLock()
	ts := e.byID[topicID]
	var latest *published
	if ts != nil {
		latest = e.servedLatest(ts)
	}
	e.mu.RUnlock()
	switch {
	case ts == nil:
		return nil, status.Errorf(codes.NotFound, "topic %d not found", topicID)
	case latest == nil:
		return nil, status.Errorf(codes.Unknown, "no inferences found for topic %d: invalid request", topicID)
	}
	return latestInferencesProto(e.cfg.EmissionsVersion, latest.bundle), nil
}

func (e *Emulator) grpcTopic(ctx context.Context, topicID uint64) (proto.Message, error) {
	if err := e.injectGRPC(ctx, topicID); err != nil {
		return nil, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	ts := e.byID[topicID]
	if ts == nil {
		return nil, status.Errorf(codes.NotFound, "topic %d not found", topicID)
	}
	return e.topicResponse(ts), nil
}

// topicResponse is the GetTopicResponse of the configured version. e.mu is held.
func (e *Emulator) topicResponse(ts *topicState) proto.Message {
	if e.cfg.EmissionsVersion == "v10" {
		return &emissionsv10.GetTopicResponse{Topic: topicV10(ts), Weight: "0", EffectiveRevenue: "0", TopicStake: "0"}
	}
	return &emissionsv5.GetTopicResponse{Topic: topicV3(ts), Weight: "0", EffectiveRevenue: "0"}
}

// latestInferencesProto is the GetLatestNetworkInferencesResponse of a version, which
// both the gRPC and the REST answer carry.
func latestInferencesProto(version string, b bundle) proto.Message {
	switch version {
	case "v10":
		return &emissionsv10.GetLatestNetworkInferencesResponse{
			NetworkInferences:    bundleV10(b),
			InferenceBlockHeight: int64(b.inferenceHeight),
		}
	case "v9":
		return &emissionsv9.GetLatestNetworkInferencesResponse{
			NetworkInferences:    bundleV3(b),
			InferenceBlockHeight: int64(b.inferenceHeight),
		}
	}
	r := &emissionsv5.GetLatestNetworkInferencesResponse{
		NetworkInferences:                bundleV3(b),
		InferenceBlockHeight:             int64(b.inferenceHeight),
		LossBlockHeight:                  int64(b.lossHeight),
		ConfidenceIntervalRawPercentiles: b.ciPercentiles,
		ConfidenceIntervalValues:         b.ciValue,
	}
	for _, wv := range b.infererWeights {
		r.InfererWeights = append(r.InfererWeights, &emissionsv3.RegretInformedWeight{Worker: wv.worker, Weight: wv.value})
	}
	for _, wv := range b.forecasterWeights {
		r.ForecasterWeights = append(r.ForecasterWeights, &emissionsv3.RegretInformedWeight{Worker: wv.worker, Weight: wv.value})
	}
	return r
}

func bundleV3(b bundle) *emissionsv3.ValueBundle {
	attributed := func(in []workerValue) []*emissionsv3.WorkerAttributedValue {
		out := make([]*emissionsv3.WorkerAttributedValue, len(in))
		for i, wv := range in {
			out[i] = &emissionsv3.WorkerAttributedValue{Worker: wv.worker, Value: wv.value}
		}
		return out
	}
	withheld := func(in []workerValue) []*emissionsv3.WithheldWorkerAttributedValue {
		out := make([]*emissionsv3.WithheldWorkerAttributedValue, len(in))
		for i, wv := range in {
			out[i] = &emissionsv3.WithheldWorkerAttributedValue{Worker: wv.worker, Value: wv.value}
		}
		return out
	}
	return &emissionsv3.ValueBundle{
		TopicId: b.topicID,
		ReputerRequestNonce: &emissionsv3.ReputerRequestNonce{
			ReputerNonce: &emissionsv3.Nonce{BlockHeight: int64(b.reputerNonce)},
		},
		Reputer:                zeroReputer,
		CombinedValue:          b.combined,
		InfererValues:          attributed(b.inferers),
		ForecasterValues:       attributed(b.forecasters),
		NaiveValue:             b.naive,
		OneOutInfererValues:    withheld(b.oneOutInferers),
		OneOutForecasterValues: withheld(b.oneOutForecasters),
		OneInForecasterValues:  attributed(b.oneInForecasters),
	}
}

// bundleV10 is the bundle in v10's labelled form: every topic of the emulator is
// single-output, label "y" with id 0.
func bundleV10(b bundle) *emissionsv10.NetworkInferenceBundle {
	y := func(v string) []*emissionsv10.LabeledValue {
		return []*emissionsv10.LabeledValue{{LabelId: 0, LabelName: "y", Value: v}}
	}
	out := &emissionsv10.NetworkInferenceBundle{
		TopicId:       b.topicID,
		BlockHeight:   int64(b.inferenceHeight),
		CombinedValue: y(b.combined),
		NaiveValue:    y(b.naive),
	}
	for _, wv := range b.inferers {
		out.InfererValues = append(out.InfererValues, &emissionsv10.WorkerInference{Worker: wv.worker, Values: y(wv.value)})
	}
	for _, wv := range b.forecasters {
		out.ForecasterValues = append(out.ForecasterValues, &emissionsv10.WorkerInference{Worker: wv.worker, Values: y(wv.value)})
	}
	for _, wv := range b.oneOutInferers {
		out.OneOutInfererValues = append(out.OneOutInfererValues,
			&emissionsv10.OneOutInfererValue{WithheldInferer: wv.worker, CombinedInference: y(wv.value)})
	}
	for _, wv := range b.oneOutForecasters {
		out.OneOutForecasterValues = append(out.OneOutForecasterValues,
			&emissionsv10.OneOutForecasterValue{WithheldForecaster: wv.worker, CombinedInference: y(wv.value)})
	}
	for _, wv := range b.oneInForecasters {
		out.OneInForecasterValues = append(out.OneInForecasterValues,
			&emissionsv10.OneInForecasterValue{Forecaster: wv.worker, CombinedInference: y(wv.value)})
	}
	return out
}

// topicV3 and topicV10 are the topic as GetTopic answers it. e.mu is held.
func topicV3(ts *topicState) *emissionsv3.Topic {
	return &emissionsv3.Topic{
		Id:                       ts.cfg.ID,
		Creator:                  ts.creator,
		Metadata:                 ts.cfg.Metadata,
		LossMethod:               "mse",
		EpochLastEnded:           int64(ts.epochLastEnded),
		EpochLength:              ts.cfg.EpochLength,
		GroundTruthLag:           ts.cfg.GroundTruthLag,
		PNorm:                    "3",
		AlphaRegret:              "0.1",
		AllowNegative:            ts.cfg.AllowNegative,
		Epsilon:                  "0.01",
		InitialRegret:            "0",
		WorkerSubmissionWindow:   ts.cfg.WorkerSubmissionWindow,
		MeritSortitionAlpha:      "0.1",
		ActiveInfererQuantile:    "0.25",
		ActiveForecasterQuantile: "0.25",
		ActiveReputerQuantile:    "0.25",
	}
}

func topicV10(ts *topicState) *emissionsv10.Topic {
	t := topicV3(ts)
	return &emissionsv10.Topic{
		Id: t.Id, Creator: t.Creator, Metadata: t.Metadata, LossMethod: t.LossMethod,
		EpochLastEnded: t.EpochLastEnded, EpochLength: t.EpochLength, GroundTruthLag: t.GroundTruthLag,
		PNorm: t.PNorm, AlphaRegret: t.AlphaRegret, AllowNegative: t.AllowNegative, Epsilon: t.Epsilon,
		InitialRegret: t.InitialRegret, WorkerSubmissionWindow: t.WorkerSubmissionWindow,
		MeritSortitionAlpha: t.MeritSortitionAlpha, ActiveInfererQuantile: t.ActiveInfererQuantile,
		ActiveForecasterQuantile: t.ActiveForecasterQuantile, ActiveReputerQuantile: t.ActiveReputerQuantile,
		CNorm:                  "0.75",
		TopicType:              emissionsv10.TopicType_TOPIC_TYPE_REGRESSION,
		OutputArity:            emissionsv10.TopicOutputArity_TOPIC_OUTPUT_ARITY_SINGLE,
		MaxLabelsPerSubmission: 1,
		LabelDefaultValue:      "0",
	}
}

// blockService is cosmos.base.tendermint.v1beta1.Service for the two block queries a
// client of the chain needs; the others answer Unimplemented.
type blockService struct {
	cmtservice.UnimplementedServiceServer
	e *Emulator
}

func (s *blockService) GetLatestBlock(ctx context.Context, _ *cmtservice.GetLatestBlockRequest) (*cmtservice.GetLatestBlockResponse, error) {
	if err := s.e.injectGRPC(ctx, 0); err != nil {
		return nil, err
	}
	s.e.mu.RLock()
	h := s.e.servedHeight()
	t, _ := s.e.blockTime(h)
	s.e.mu.RUnlock()
	id, block, sdk := s.e.blockProto(h, t)
	//lint:ignore SA1019 nodes still fill the deprecated block beside sdk_block for older clients; the emulator answers as they do
	return &cmtservice.GetLatestBlockResponse{BlockId: id, Block: block, SdkBlock: sdk}, nil
}

func (s *blockService) GetBlockByHeight(ctx context.Context, req *cmtservice.GetBlockByHeightRequest) (*cmtservice.GetBlockByHeightResponse, error) {
	if err := s.e.injectGRPC(ctx, 0); err != nil {
		return nil, err
	}
	h := req.GetHeight()
	s.e.mu.RLock()
	latest, lowest := s.e.servedHeight(), s.e.lowestBlock()
	var t time.Time
	found := false
	if h > 0 {
		t, found = s.e.blockTime(uint64(h))
	}
	s.e.mu.RUnlock()
	switch {
	case h <= 0:
		return nil, status.Error(codes.InvalidArgument, "height must be greater than 0")
	case uint64(h) > latest:
		return nil, status.Error(codes.InvalidArgument, "requested block height is bigger then the chain length")
	case !found:
		return nil, status.Errorf(codes.Unknown, "height %d is not available, lowest height is %d", h, lowest)
	}
	id, block, sdk := s.e.blockProto(uint64(h), t)
	//lint:ignore SA1019 nodes still fill the deprecated block beside sdk_block for older clients; the emulator answers as they do
	return &cmtservice.GetBlockByHeightResponse{BlockId: id, Block: block, SdkBlock: sdk}, nil
}

// blockProto is a block as the block queries of both gRPC and REST answer it: the
// header the gateway reads, no transactions.
func (e *Emulator) blockProto(height uint64, t time.Time) (*cmtproto.BlockID, *cmtproto.Block, *cmtservice.Block) {
	blockID := func(h uint64) cmtproto.BlockID {
		return cmtproto.BlockID{
			Hash:          e.hash("block", h),
			PartSetHeader: cmtproto.PartSetHeader{Total: 1, Hash: e.hash("parts", h)},
		}
	}
	var last cmtproto.BlockID
	if height > e.cfg.StartHeight {
		last = blockID(height - 1)
	}
	header := cmtproto.Header{
		ChainID:            e.cfg.ChainID,
		Height:             int64(height),
		Time:               t,
		LastBlockId:        last,
		LastCommitHash:     e.hash("last commit", height),
		DataHash:           e.hash("data", height),
		ValidatorsHash:     e.hash("validators", 0),
		NextValidatorsHash: e.hash("validators", 0),
		ConsensusHash:      e.hash("consensus", 0),
		AppHash:            e.hash("app", height),
		LastResultsHash:    e.hash("results", height),
		EvidenceHash:       e.hash("evidence", 0),
		ProposerAddress:    e.hash("validator", 0)[:20],
	}
	header.Version.Block = 11
	sdk := &cmtservice.Block{Header: cmtservice.Header{
		Version:            header.Version,
		ChainID:            header.ChainID,
		Height:             header.Height,
		Time:               header.Time,
		LastBlockId:        header.LastBlockId,
		LastCommitHash:     header.LastCommitHash,
		DataHash:           header.DataHash,
		ValidatorsHash:     header.ValidatorsHash,
		NextValidatorsHash: header.NextValidatorsHash,
		ConsensusHash:      header.ConsensusHash,
		AppHash:            header.AppHash,
		LastResultsHash:    header.LastResultsHash,
		EvidenceHash:       header.EvidenceHash,
		ProposerAddress:    e.consensusAddress,
	}}
	// The previous block's commit, without signatures: the gateway reads none.
	commit := &cmtproto.Commit{Height: int64(height) - 1, BlockID: last}
	sdk.LastCommit = commit
	id := blockID(height)
	return &id, &cmtproto.Block{Header: header, LastCommit: commit}, sdk
}
