// Package dashboard is the gateway's web page: the topics with their predictions
// against the realised price, each chain's freshness, the markets and their rounds, and
// the accuracy of the relayed predictions, kept current from /v1/stream.
//
// The page is plain HTML, CSS and JavaScript embedded in the binary, with no build step
// and nothing loaded from elsewhere, so that it works wherever the API answers, devnet
// included, and its Content-Security-Policy can allow the page's own origin only.
package dashboard

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// AssetPrefix is the path the page's scripts, styles and icon are served under.
const AssetPrefix = "/dashboard/"

// ContentSecurityPolicy lets the page load scripts, styles, images and data from its
// own origin only: no inline script or style, no other origin, no framing.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

//go:embed static
var static embed.FS

// indexFile is the page served at "/"; every other file is an asset.
const indexFile = "index.html"

// file is one embedded file as it is answered.
type file struct {
	body        []byte
	etag        string
	contentType string
}

// files holds every embedded file by name, read once: the set is fixed at build time.
var files = mustLoad()

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".svg":  "image/svg+xml",
}

func mustLoad() map[string]file {
	out := make(map[string]file)
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		ct, ok := contentTypes[path.Ext(p)]
		if !ok {
			return fmt.Errorf("dashboard file %s: no content type for its extension", p)
		}
		sum := sha256.Sum256(body)
		out[strings.TrimPrefix(p, "static/")] = file{body: body, etag: `"` + hex.EncodeToString(sum[:16]) + `"`, contentType: ct}
		return nil
	})
	if err != nil {
		// The files are embedded: a failure here is a build defect, seen by any test.
		panic(err)
	}
	return out
}

// Files lists the names of the files served under AssetPrefix.
func Files() []string {
	var names []string
	for name := range files {
		if name != indexFile {
			names = append(names, name)
		}
	}
	return names
}

// Handler serves the page at "/" and its files under AssetPrefix; notFound answers
// any other path, and names under AssetPrefix that are not the page's.
func Handler(notFound http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := indexFile
		if r.URL.Path != "/" {
			rest, ok := strings.CutPrefix(r.URL.Path, AssetPrefix)
			if !ok || rest == indexFile || strings.Contains(rest, "/") {
				notFound.ServeHTTP(w, r)
				return
			}
			name = rest
		}
		f, ok := files[name]
		if !ok {
			notFound.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// Revalidate every time: the files change with the binary, and a 304 is cheap.
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", f.etag)
		if etagMatches(r.Header.Get("If-None-Match"), f.etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		h.Set("Content-Type", f.contentType)
		h.Set("Content-Length", fmt.Sprint(len(f.body)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = w.Write(f.body)
		}
	})
}

// etagMatches reports whether an If-None-Match header names etag (or is "*").
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}
