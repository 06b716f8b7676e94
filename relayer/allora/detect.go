package allora

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	reflectionv1 "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
)

// ErrNoKnownVersion means the node serves none of the emissions API versions the
// gateway speaks (EmissionsVersions).
var ErrNoKnownVersion = errors.New("allora: node serves no emissions API version the gateway speaks")

// Transport names how the gateway talks to a node.
type Transport string

const (
	TransportREST Transport = "rest" // the REST API (gRPC-gateway), port 1317
	TransportGRPC Transport = "grpc" // gRPC, port 9090 or TLS 443
)

// Detect asks the node at endpoint which emissions API version it serves and returns
// the highest one the gateway speaks: over gRPC from server reflection's service list,
// over REST by probing each version's params query from the newest down. Options are
// those of NewREST and NewGRPC (HTTP client, TLS, timeout for each probe).
func Detect(ctx context.Context, t Transport, endpoint string, opts ...Option) (string, error) {
	switch t {
	case TransportREST:
		return DetectREST(ctx, endpoint, opts...)
	case TransportGRPC:
		return DetectGRPC(ctx, endpoint, opts...)
	default:
		return "", fmt.Errorf("allora: detect emissions version: transport %q: want %q or %q", t, TransportREST, TransportGRPC)
	}
}

// DetectGRPC lists the services of the node at target through server reflection (v1,
// else v1alpha; allorad enables it) and returns the highest version whose
// emissions.vN.QueryService is among them.
func DetectGRPC(ctx context.Context, target string, opts ...Option) (string, error) {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	addr, useTLS, err := parseGRPCTarget(target)
	if err != nil {
		return "", fmt.Errorf("allora: detect emissions version: %w", err)
	}
	conn, _, err := dialGRPC(addr, useTLS, &o)
	if err != nil {
		return "", fmt.Errorf("allora: detect emissions version: %w", err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	services, err := listServicesV1(ctx, conn)
	if status.Code(err) == codes.Unimplemented {
		services, err = listServicesV1alpha(ctx, conn)
	}
	if err != nil {
		return "", fmt.Errorf("allora: detect emissions version: server reflection: %w", err)
	}
	for _, v := range slices.Backward(EmissionsVersions) {
		if slices.Contains(services, serviceName(v)) {
			return v, nil
		}
	}
	return "", fmt.Errorf("%w: gRPC services %s", ErrNoKnownVersion, strings.Join(emissionsServices(services), ", "))
}

// emissionsServices keeps the emissions services of a list, for an error that names
// what the node does serve.
func emissionsServices(services []string) []string {
	var out []string
	for _, s := range services {
		if strings.HasPrefix(s, "emissions.") {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return []string{"(no emissions service)"}
	}
	return out
}

func listServicesV1(ctx context.Context, conn *grpc.ClientConn) ([]string, error) {
	stream, err := reflectionv1.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
	if err != nil {
		return nil, err
	}
	defer stream.CloseSend()
	req := &reflectionv1.ServerReflectionRequest{
		MessageRequest: &reflectionv1.ServerReflectionRequest_ListServices{ListServices: "*"},
	}
	if err := stream.Send(req); err != nil {
		return nil, recvErr(stream.RecvMsg(new(reflectionv1.ServerReflectionResponse)), err)
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

// recvErr prefers the stream's status (why the server ended it) to Send's io.EOF.
func recvErr(recv, send error) error {
	if recv != nil && !errors.Is(recv, io.EOF) {
		return recv
	}
	return send
}

// DetectREST probes GET /emissions/vN/params from the newest version down and returns
// the first that the node answers with 2xx. A version the node lacks answers 501
// (cosmos-sdk's gateway) or 404 (a proxy); any other answer stops the probe with an
// error, since it says nothing about the version.
func DetectREST(ctx context.Context, baseURL string, opts ...Option) (string, error) {
	c, err := NewREST(baseURL, opts...)
	if err != nil {
		return "", fmt.Errorf("allora: detect emissions version: %w", err)
	}
	for _, v := range slices.Backward(EmissionsVersions) {
		_, err := c.get(ctx, "/emissions/"+v+"/params", subjectBlock)
		if err == nil {
			return v, nil
		}
		var re *ResponseError
		if errors.As(err, &re) && (re.StatusCode == http.StatusNotFound || re.StatusCode == http.StatusNotImplemented) {
			continue
		}
		return "", fmt.Errorf("allora: detect emissions version: %w", err)
	}
	return "", fmt.Errorf("%w: every /emissions/vN/params answered 404 or 501", ErrNoKnownVersion)
}

// ExplainNotImplemented turns err, when it is ErrNotImplemented from a node asked for
// emissions version configured, into an error naming the real cause and the fix: it
// probes which version the node serves ("node answers 501 for emissions v9; it serves
// v7; set `emissions_version: auto`"). Any other err is returned as it is.
func ExplainNotImplemented(ctx context.Context, err error, t Transport, endpoint, configured string, opts ...Option) error {
	if !errors.Is(err, ErrNotImplemented) {
		return err
	}
	answer := "501"
	if t == TransportGRPC {
		answer = "Unimplemented"
	}
	served, derr := Detect(ctx, t, endpoint, opts...)
	if derr != nil {
		return fmt.Errorf("node answers %s for emissions %s, and no version it serves was found (%v): %w", answer, configured, derr, err)
	}
	return fmt.Errorf("node answers %s for emissions %s; it serves %s; set `emissions_version: auto` (or %s): %w",
		answer, configured, served, served, err)
}
