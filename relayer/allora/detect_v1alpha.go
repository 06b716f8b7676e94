package allora

// Nodes built on grpc-go before 1.57 serve only the v1alpha reflection service, which
// later grpc-go marks deprecated; detection falls back to it when v1 is not served.
//lint:file-ignore SA1019 the deprecated v1alpha reflection API is the fallback for nodes that serve nothing newer

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	reflectionv1alpha "google.golang.org/grpc/reflection/grpc_reflection_v1alpha"
	"google.golang.org/grpc/status"
)

func listServicesV1alpha(ctx context.Context, conn *grpc.ClientConn) ([]string, error) {
	stream, err := reflectionv1alpha.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
	if err != nil {
		return nil, err
	}
	defer stream.CloseSend()
	req := &reflectionv1alpha.ServerReflectionRequest{
		MessageRequest: &reflectionv1alpha.ServerReflectionRequest_ListServices{ListServices: "*"},
	}
	if err := stream.Send(req); err != nil {
		return nil, recvErr(stream.RecvMsg(new(reflectionv1alpha.ServerReflectionResponse)), err)
	}
	resp, err := stream.Recv()
	if err != nil {
		return nil, err
	}
	if e := resp.GetErrorResponse(); e != nil {
		return nil, status.Error(codes.Code(e.GetErrorCode()), e.GetErrorMessage())
	}
	var names []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	return names, nil
}
