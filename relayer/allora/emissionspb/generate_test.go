package emissionspb_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/allora/internal/pbgen"
)

// TestGeneratedCodeIsCurrent regenerates the Go code of every .proto file in memory and
// fails when a checked-in .pb.go file differs, is missing, or has no .proto file any
// more: a .proto file changed without go generate, or generated code was edited.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	want, err := pbgen.Generate(context.Background(), filepath.Join("..", "proto"))
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..", "..")
	const fix = "run `go generate ./relayer/allora/emissionspb` and commit the result"
	for name, content := range want {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v (%s)", name, err, fix)
			continue
		}
		if string(got) != string(content) {
			t.Errorf("%s is not what its .proto file generates: %s", name, fix)
		}
	}
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".pb.go") {
			return err
		}
		name := "relayer/allora/emissionspb/" + filepath.ToSlash(path)
		if _, ok := want[name]; !ok {
			t.Errorf("%s has no .proto file: delete it or %s", name, fix)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
