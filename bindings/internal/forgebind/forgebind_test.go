package forgebind

import (
	"errors"
	"strings"
	"testing"
)

func TestParseArtifact(t *testing.T) {
	const abiJSON = `[{"type":"function","name":"f","inputs":[],"outputs":[],"stateMutability":"view"}]`
	tests := []struct {
		name     string
		artifact string
		want     Artifact
		wantErr  error  // checked with errors.Is when set
		errText  string // substring of the error when set
	}{
		{
			name:     "abi compacted, bytecode kept",
			artifact: "{\n  \"abi\": [\n    {\"type\": \"function\", \"name\": \"f\", \"inputs\": [], \"outputs\": [], \"stateMutability\": \"view\"}\n  ],\n  \"bytecode\": {\"object\": \"0x6080\"}\n}",
			want:     Artifact{ABI: abiJSON, Bytecode: "0x6080"},
		},
		{
			name:     "unlinked library",
			artifact: `{"abi":[],"bytecode":{"object":"0x73__$1234567890abcdef1234567890abcdef12$__6080"}}`,
			wantErr:  ErrUnlinked,
		},
		{name: "no abi", artifact: `{"bytecode":{"object":"0x"}}`, errText: "no abi"},
		{name: "not json", artifact: `{`, errText: "decode forge artifact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArtifact([]byte(tt.artifact))
			switch {
			case tt.wantErr != nil || tt.errText != "":
				if err == nil {
					t.Fatalf("ParseArtifact = %+v, want an error", got)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("error = %v, want it to mention %q", err, tt.errText)
				}
			case err != nil:
				t.Fatalf("ParseArtifact: %v", err)
			case got != tt.want:
				t.Errorf("ParseArtifact = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestGenerateEmbedsABIAndBytecode(t *testing.T) {
	a := Artifact{
		ABI:      `[{"type":"function","name":"answer","inputs":[],"outputs":[{"name":"","type":"uint256","internalType":"uint256"}],"stateMutability":"pure"}]`,
		Bytecode: "0x6080",
	}
	code, err := Generate(a, "answer", "Answer")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"package answer", "type Answer struct", `Bin: "0x6080"`, "func (answer *Answer) PackAnswer() []byte"} {
		if !strings.Contains(code, want) {
			t.Errorf("generated binding lacks %q", want)
		}
	}
}
