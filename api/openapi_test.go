package api_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"
	"github.com/pb33f/libopenapi-validator/schema_validation"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
)

// openAPI is the served document, parsed once for every test that checks answers
// against it.
var openAPI = sync.OnceValues(func() (*openAPIChecker, error) {
	doc, err := libopenapi.NewDocument(api.OpenAPIDocument())
	if err != nil {
		return nil, err
	}
	model, err := doc.BuildV3Model()
	if err != nil {
		return nil, err
	}
	valid, errs := validator.NewValidator(doc, config.WithFormatAssertions())
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	problem, ok := model.Model.Components.Schemas.Get("Problem")
	if !ok {
		return nil, errors.New("no Problem schema in components")
	}
	return &openAPIChecker{
		model:   &model.Model,
		valid:   valid,
		problem: problem.Schema(),
		schemas: schema_validation.NewSchemaValidator(config.WithFormatAssertions()),
	}, nil
})

type openAPIChecker struct {
	model   *v3.Document
	valid   validator.Validator
	problem *base.Schema
	schemas schema_validation.SchemaValidator
	mu      sync.Mutex // the validators are not documented as safe for concurrent use
}

func checker(t testing.TB) *openAPIChecker {
	t.Helper()
	c, err := openAPI()
	if err != nil {
		t.Fatalf("parse openapi.yaml: %v", err)
	}
	return c
}

// check validates one real answer (status, headers, content type and body) against the
// document. An answer for a path or method the document does not describe (an unknown
// route, a method not allowed) must be a problem+json error and is checked against the
// Problem schema.
func (c *openAPIChecker) check(t testing.TB, req *http.Request, res *http.Response, body []byte) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	res.Body = io.NopCloser(bytes.NewReader(body))
	ok, errs := c.valid.ValidateHttpResponse(req, res)
	if ok {
		return
	}
	if len(errs) > 0 && (errs[0].IsPathMissingError() || errs[0].IsOperationMissingError()) {
		if res.StatusCode < 400 || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s %s: answered %d %q for a route the document does not describe; want a problem",
				req.Method, req.URL, res.StatusCode, res.Header.Get("Content-Type"))
			return
		}
		ok, errs = c.schemas.ValidateSchemaBytes(c.problem, body)
		if ok {
			return
		}
	}
	for _, e := range errs {
		t.Errorf("%s %s answered %d: does not match openapi.yaml: %s (%s)", req.Method, req.URL, res.StatusCode, e.Message, e.Reason)
		for _, f := range e.SchemaValidationErrors {
			t.Errorf("    at %s: %s", f.FieldPath, f.Reason)
		}
	}
	if len(errs) == 0 {
		t.Errorf("%s %s answered %d: does not match openapi.yaml", req.Method, req.URL, res.StatusCode)
	}
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	c := checker(t)
	if ok, errs := c.valid.ValidateDocument(); !ok {
		for _, e := range errs {
			t.Errorf("openapi.yaml: %s: %s", e.Message, e.Reason)
			for _, f := range e.SchemaValidationErrors {
				t.Errorf("    at %s: %s", f.FieldPath, f.Reason)
			}
		}
	}
	if c.model.Version != "3.1.0" {
		t.Errorf("openapi %s, want 3.1.0", c.model.Version)
	}
}

// TestOpenAPIDescribesEveryRoute checks that the router and the document name the same
// GET routes.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	c := checker(t)
	routes, ok := api.New(seededStore(t)).Handler().(chi.Routes)
	if !ok {
		t.Fatal("the handler is not a chi router")
	}
	var routed []string
	err := chi.Walk(routes, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if method == http.MethodGet {
			routed = append(routed, route)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for path, item := range c.model.Paths.PathItems.FromOldest() {
		if item.Get != nil {
			documented = append(documented, path)
		}
	}
	slices.Sort(routed)
	slices.Sort(documented)
	if !slices.Equal(routed, documented) {
		t.Errorf("routes %v\ndocumented %v", routed, documented)
	}
}

// TestResponsesMatchOpenAPI sends every request of the endpoint tests, and the edge
// cases (304, 413, 414, 431, 429), through the real handler over the seeded store and
// validates each answer against the document.
func TestResponsesMatchOpenAPI(t *testing.T) {
	for _, kind := range storeKinds {
		t.Run(kind.name, func(t *testing.T) { testResponsesMatchOpenAPI(t, kind.make(t)) })
	}
}

func testResponsesMatchOpenAPI(t *testing.T, st api.Reader) {
	c := checker(t)
	h := api.New(st, api.WithVersion("v0.3.1"), api.WithRateLimit(0, 0)).Handler()
	var reqs []apiRequest
	for _, tc := range endpointCases {
		reqs = append(reqs, apiRequest{method: tc.method, path: tc.path})
	}
	reqs = append(reqs, openAPIExtraRequests...)
	for _, rq := range reqs {
		checkRequest(t, c, h, rq)
	}

	// Topics mapped to assets carry asset and timeframe.
	mapped := api.New(seededStore(t), api.WithRateLimit(0, 0),
		api.WithAssetTopics([]oracle.AssetTopic{{Asset: "ETH", Timeframe: "5m", TopicID: 1}})).Handler()
	checkRequest(t, c, mapped, apiRequest{method: "GET", path: "/v1/topics"})

	// The frontend view's routes, and their 304s.
	frontend := api.New(st, api.WithRateLimit(0, 0), api.WithAssetTopics(frontendAssets)).Handler()
	for _, tc := range frontendCases {
		checkRequest(t, c, frontend, apiRequest{method: tc.method, path: tc.path})
		if tc.status == 200 {
			checkRequest(t, c, frontend, apiRequest{method: tc.method, path: tc.path, header: http.Header{"If-None-Match": {"*"}}})
		}
	}

	// Every route over its rate limit.
	limited := api.New(seededStore(t), api.WithRateLimit(1, 1)).Handler()
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/openapi.yaml", "/v1/topics", "/v1/topics/1/inference", "/v1/topics/1/history", "/v1/chains",
		"/v1/topics/1/update?chain=56", "/v1/topics/1/accuracy", "/v1/predictions/ETH/5m", "/v1/predictions/ETH/5m/series",
		"/v1/markets/56", "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/current", "/v1/nope"} {
		for range 2 {
			checkRequest(t, c, limited, apiRequest{method: "GET", path: path})
		}
	}
}

func checkRequest(t *testing.T, c *openAPIChecker, h http.Handler, rq apiRequest) {
	t.Helper()
	req := httptest.NewRequest(rq.method, rq.path, rq.body)
	for k, v := range rq.header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	c.check(t, req, res, body)
}

type apiRequest struct {
	method, path string
	header       http.Header
	body         io.Reader
}

// openAPIExtraRequests are answers the endpoint table does not hold.
var openAPIExtraRequests = []apiRequest{
	{method: "GET", path: "/openapi.yaml"},
	{method: "GET", path: "/readyz"},
	{method: "GET", path: "/metrics"},
	{method: "GET", path: "/healthz", header: http.Header{"If-None-Match": {"*"}}},
	{method: "GET", path: "/openapi.yaml", header: http.Header{"If-None-Match": {"*"}}},
	{method: "GET", path: "/v1/topics", header: http.Header{"If-None-Match": {"*"}}},
	{method: "GET", path: "/v1/topics/1/inference", header: http.Header{"If-None-Match": {"*"}}},
	{method: "GET", path: "/v1/chains", header: http.Header{"If-None-Match": {"*"}}},
	{method: "GET", path: "/v1/topics/1/history?limit=1", header: http.Header{"If-None-Match": {"*"}}},
	{method: "GET", path: "/v1/topics/1/inference?pad=" + strings.Repeat("a", api.MaxURLBytes)},
	{method: "GET", path: "/v1/topics", header: http.Header{"X-Padding": {strings.Repeat("b", api.MaxHeaderBytes)}}},
	{method: "GET", path: "/v1/chains", body: strings.NewReader(strings.Repeat("c", 2*api.MaxBodyBytes))},
}

// TestOpenAPIServed checks that /openapi.yaml serves the embedded document as YAML.
func TestOpenAPIServed(t *testing.T) {
	h := api.New(seededStore(t)).Handler()
	res := do(t, h, "GET", "/openapi.yaml")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/yaml" {
		t.Errorf("answered %d %q, want 200 application/yaml", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if !bytes.Equal(body, api.OpenAPIDocument()) || !strings.HasPrefix(string(body), "openapi: 3.1.0\n") {
		t.Errorf("served document differs from the embedded one")
	}
}
