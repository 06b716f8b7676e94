package api

import (
	_ "embed"
	"net/http"
)

// openAPIDocument describes the API; a test sends every endpoint's real answers through
// a validator built from it, so that it stays true.
//
//go:embed openapi.yaml
var openAPIDocument []byte

// OpenAPIDocument returns the API's OpenAPI 3.1 document, as served at /openapi.yaml.
func OpenAPIDocument() []byte {
	return append([]byte(nil), openAPIDocument...)
}

// openAPIContentType is the media type RFC 9512 registers for YAML.
const openAPIContentType = "application/yaml"

var (
	openAPIETag         = []string{strongETag(openAPIDocument)}
	openAPIContentTypes = []string{openAPIContentType}
	cacheDocumentHeader = []string{cacheDocument}
)

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeCacheable(w, r, openAPIContentTypes, openAPIDocument, openAPIETag, cacheDocumentHeader)
}
