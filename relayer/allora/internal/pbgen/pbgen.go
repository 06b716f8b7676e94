// Package pbgen turns the gateway's .proto files into Go code exactly as protoc with
// protoc-gen-go would, without protoc: bufbuild/protocompile parses and links the
// files, and protoc-gen-go's own generator writes the code. The Go module proxy is the
// only toolchain the project needs, and the generator's version is the one go.mod pins.
package pbgen

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bufbuild/protocompile"
	"google.golang.org/protobuf/cmd/protoc-gen-go/internal_gengo"
	"google.golang.org/protobuf/compiler/protogen"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/pluginpb"
)

// Module is the Go module the generated packages belong to; output paths are relative
// to its root.
const Module = "github.com/allora-gateway/allora-gateway"

// ProtoFiles lists the .proto files below protoDir, as import paths ("emissions/v9/query.proto"),
// sorted.
func ProtoFiles(protoDir string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(protoDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".proto") {
			return nil
		}
		rel, err := filepath.Rel(protoDir, path)
		if err != nil {
			return err
		}
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list .proto files in %s: %w", protoDir, err)
	}
	slices.Sort(names)
	return names, nil
}

// Generate compiles every .proto file below protoDir and returns the generated Go
// files, keyed by their path relative to the module root
// ("relayer/allora/emissionspb/emissionsv9/query.pb.go").
func Generate(ctx context.Context, protoDir string) (map[string][]byte, error) {
	names, err := ProtoFiles(protoDir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no .proto files in %s", protoDir)
	}
	compiler := protocompile.Compiler{
		Resolver: protocompile.WithStandardImports(&protocompile.SourceResolver{
			ImportPaths: []string{protoDir},
		}),
		// Comments in the .proto files become doc comments in the Go code, as with protoc.
		SourceInfoMode: protocompile.SourceInfoStandard,
	}
	files, err := compiler.Compile(ctx, names...)
	if err != nil {
		return nil, fmt.Errorf("compile .proto files: %w", err)
	}

	// protoc hands a plugin every file it needs, dependencies before dependants.
	req := &pluginpb.CodeGeneratorRequest{
		FileToGenerate: names,
		Parameter:      strPtr("module=" + Module),
	}
	seen := make(map[string]bool)
	var add func(fd protoreflect.FileDescriptor)
	add = func(fd protoreflect.FileDescriptor) {
		if seen[fd.Path()] {
			return
		}
		seen[fd.Path()] = true
		imports := fd.Imports()
		for i := range imports.Len() {
			add(imports.Get(i).FileDescriptor)
		}
		req.ProtoFile = append(req.ProtoFile, protodesc.ToFileDescriptorProto(fd))
	}
	for _, f := range files {
		add(f)
	}

	plugin, err := protogen.Options{}.New(req)
	if err != nil {
		return nil, fmt.Errorf("protoc-gen-go: %w", err)
	}
	for _, f := range plugin.Files {
		if f.Generate {
			internal_gengo.GenerateFile(plugin, f)
		}
	}
	plugin.SupportedFeatures = internal_gengo.SupportedFeatures
	plugin.SupportedEditionsMinimum = internal_gengo.SupportedEditionsMinimum
	plugin.SupportedEditionsMaximum = internal_gengo.SupportedEditionsMaximum
	resp := plugin.Response()
	if resp.Error != nil {
		return nil, fmt.Errorf("protoc-gen-go: %s", resp.GetError())
	}
	out := make(map[string][]byte, len(resp.File))
	for _, f := range resp.File {
		out[f.GetName()] = []byte(f.GetContent())
	}
	return out, nil
}

func strPtr(s string) *string { return &s }
