package emulator_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
)

// serveGRPC serves the emulator's gRPC API on a loopback port until the test ends and
// returns its address.
func serveGRPC(t *testing.T, emu *emulator.Emulator, opts ...grpc.ServerOption) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := emu.NewGRPCServer(opts...)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Serve(ln)
	}()
	t.Cleanup(func() {
		s.Stop()
		<-done
	})
	return ln.Addr().String()
}

func newGRPC(t *testing.T, target string, opts ...allora.Option) *allora.GRPC {
	t.Helper()
	c, err := allora.NewGRPC(target, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// source is what both clients offer.
type source interface {
	LatestInference(ctx context.Context, topicID uint64) (oracle.Inference, error)
	Topic(ctx context.Context, topicID uint64) (oracle.Topic, error)
	LatestHeight(ctx context.Context) (uint64, error)
}

// TestEveryVersionOverBothTransports runs the emulator at each emissions version and
// reads every topic through the gRPC and the REST client: both must give exactly what
// the chain holds, and Detect must find the version on both transports.
func TestEveryVersionOverBothTransports(t *testing.T) {
	ctx := context.Background()
	for _, version := range allora.EmissionsVersions {
		t.Run(version, func(t *testing.T) {
			cfg := testConfig()
			cfg.EmissionsVersion = version
			emu, err := emulator.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			emu.Advance(40)
			grpcAddr := serveGRPC(t, emu)
			srv := httptest.NewServer(emu.Handler())
			t.Cleanup(srv.Close)
			rest, err := allora.NewREST(srv.URL, allora.WithEmissionsVersion(version))
			if err != nil {
				t.Fatal(err)
			}
			clients := map[string]source{
				"grpc": newGRPC(t, "grpc://"+grpcAddr, allora.WithEmissionsVersion(version)),
				"rest": rest,
			}
			for name, c := range clients {
				for _, want := range emu.Topics() {
					got, err := c.Topic(ctx, want.ID)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if got != want {
						t.Errorf("%s: topic %d = %+v, want %+v", name, want.ID, got, want)
					}
					inf, err := c.LatestInference(ctx, want.ID)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					wantInf, _ := emu.Latest(want.ID)
					if version == "v9" || version == "v10" {
						// The chain reserved the confidence interval from v9 on.
						wantInf.ConfidenceIntervals = nil
					}
					if !reflect.DeepEqual(inf, wantInf) {
						t.Errorf("%s: topic %d latest inference\n got %+v\nwant %+v", name, want.ID, inf, wantInf)
					}
				}
				h, err := c.LatestHeight(ctx)
				if err != nil || h != emu.Height() {
					t.Errorf("%s: latest height = %d, %v; want %d", name, h, err, emu.Height())
				}
			}

			if v, err := allora.Detect(ctx, allora.TransportGRPC, grpcAddr); err != nil || v != version {
				t.Errorf("detect over gRPC = %q, %v; want %q", v, err, version)
			}
			if v, err := allora.Detect(ctx, allora.TransportREST, srv.URL); err != nil || v != version {
				t.Errorf("detect over REST = %q, %v; want %q", v, err, version)
			}
		})
	}
}

func TestGRPCErrors(t *testing.T) {
	ctx := context.Background()
	emu, err := emulator.New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	addr := serveGRPC(t, emu)
	c := newGRPC(t, addr)

	// Before any worker window has closed.
	_, err = c.LatestInference(ctx, 14)
	if !errors.Is(err, allora.ErrNoInference) || !errors.Is(err, oracle.ErrNoInference) {
		t.Errorf("before the first window: %v, want ErrNoInference", err)
	}
	var re *allora.ResponseError
	if !errors.As(err, &re) || re.GRPCCode != int(codes.Unknown) || re.StatusCode != 0 {
		t.Errorf("before the first window: %#v, want a ResponseError with gRPC code Unknown", err)
	}
	emu.Advance(40)
	if _, err := c.LatestInference(ctx, 999); !errors.Is(err, allora.ErrTopicNotFound) {
		t.Errorf("unknown topic: %v, want ErrTopicNotFound", err)
	}
	if _, err := c.Topic(ctx, 999); !errors.Is(err, allora.ErrTopicNotFound) {
		t.Errorf("unknown topic: %v, want ErrTopicNotFound", err)
	}
	// The error names the topic.
	if _, err := c.Topic(ctx, 999); err == nil || !contains(err.Error(), "topic 999") {
		t.Errorf("error %v does not name the topic", err)
	}

	// A version the node does not serve.
	v9 := newGRPC(t, addr, allora.WithEmissionsVersion("v9"))
	if _, err := v9.LatestInference(ctx, 14); !errors.Is(err, allora.ErrNotImplemented) {
		t.Errorf("v9 client on a v5 node: %v, want ErrNotImplemented", err)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestGRPCRequestDeadline(t *testing.T) {
	emu, err := emulator.New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	emu.Advance(40)
	slow := grpc.UnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		select {
		case <-time.After(2 * time.Second):
			return h(ctx, req)
		case <-ctx.Done():
			// Never answer a call whose deadline has passed: the test is about the
			// client giving up, not about who wins the race at 100ms.
			return nil, status.FromContextError(ctx.Err()).Err()
		}
	})
	c := newGRPC(t, serveGRPC(t, emu, slow), allora.WithTimeout(100*time.Millisecond))
	began := time.Now()
	_, err = c.LatestInference(context.Background(), 14)
	if err == nil || !contains(err.Error(), "DeadlineExceeded") {
		t.Errorf("slow node: %v, want a deadline error", err)
	}
	if d := time.Since(began); d > time.Second {
		t.Errorf("slow node: gave up after %v, want about 100ms", d)
	}
}

// TestGRPCOverTLS serves the emulator with a self-signed certificate and reads it with
// a client that trusts that certificate through grpcs://.
func TestGRPCOverTLS(t *testing.T) {
	cert, pool := selfSigned(t)
	emu, err := emulator.New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	emu.Advance(40)
	addr := serveGRPC(t, emu, grpc.Creds(credentials.NewServerTLSFromCert(&cert)))
	c := newGRPC(t, "grpcs://"+addr, allora.WithTLSConfig(&tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}))
	inf, err := c.LatestInference(context.Background(), 13)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := emu.Latest(13); !reflect.DeepEqual(inf, want) {
		t.Errorf("over TLS: %+v, want %+v", inf, want)
	}
	// A plaintext client of a TLS node fails instead of reading anything.
	plain := newGRPC(t, addr, allora.WithTimeout(time.Second))
	if _, err := plain.LatestInference(context.Background(), 13); err == nil {
		t.Error("plaintext client of a TLS node: no error")
	}
	if v, err := allora.DetectGRPC(context.Background(), "grpc+tls://"+addr,
		allora.WithTLSConfig(&tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12})); err != nil || v != "v5" {
		t.Errorf("detect over TLS = %q, %v; want v5", v, err)
	}
}

func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "allora-emulator"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

func TestNewGRPCReportsEveryProblem(t *testing.T) {
	_, err := allora.NewGRPC("ftp://node?key=secret", allora.WithEmissionsVersion("v4"), allora.WithTimeout(0))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"scheme", `"v4"`, "timeout"} {
		if !contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if contains(err.Error(), "secret") {
		t.Errorf("error %q repeats the target's key", err)
	}
}
