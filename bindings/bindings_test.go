package bindings_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/bindings/internal/forgebind"
)

// TestBindingsMatchContracts rebuilds the contracts with forge into a temporary folder,
// regenerates every binding from those artifacts and fails when a checked-in binding
// differs: a contract changed without `contracts/tools/build-bindings.sh`, or a binding
// was edited by hand.
func TestBindingsMatchContracts(t *testing.T) {
	contracts, err := filepath.Abs(filepath.Join("..", "contracts"))
	if err != nil {
		t.Fatal(err)
	}
	forge := filepath.Join(contracts, "node_modules", ".bin", "forge")
	if _, err := os.Stat(forge); err != nil {
		t.Fatalf("forge is not installed (%v): run `npm ci` in contracts/ to install forge and solc", err)
	}

	tmp := t.TempDir()
	outDir := filepath.Join(tmp, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// Same build as build-bindings.sh, artifacts and cache kept out of the work tree.
	// forge must run in contracts/: foundry.toml names the compiler by a relative path.
	cmd := exec.CommandContext(ctx, forge, "build", "--out", outDir, "--cache-path", filepath.Join(tmp, "cache"))
	cmd.Dir = contracts
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("forge build in contracts/: %v\n%s", err, out)
	}

	for _, c := range forgebind.Contracts {
		t.Run(c.Type, func(t *testing.T) {
			a, err := forgebind.ReadArtifact(c.ArtifactPath(outDir))
			if err != nil {
				t.Fatal(err)
			}
			want, err := forgebind.Generate(a, c.Package, c.Type)
			if err != nil {
				t.Fatal(err)
			}
			checkedIn, err := os.ReadFile(c.BindingPath())
			if err != nil {
				t.Fatalf("read checked-in binding: %v (run contracts/tools/build-bindings.sh)", err)
			}
			if got := string(checkedIn); got != want {
				t.Errorf("bindings/%s is not what contracts/src/%s generates: run contracts/tools/build-bindings.sh (make contracts) and commit the result.\n"+
					"--- checked in\n+++ regenerated\n%s",
					c.BindingPath(), c.Source, lineDiff(got, want, 40))
			}
		})
	}
}

// lineDiff returns the changed lines between a and b, each hunk with a line of context,
// at most maxLines lines of it. Generated bindings are a few thousand lines, so a plain
// longest-common-subsequence table is small enough.
func lineDiff(a, b string, maxLines int) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// lcs[i][j] = length of the longest common subsequence of x[i:] and y[j:].
	lcs := make([][]int32, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}

	type line struct {
		op   byte // ' ', '-', '+'
		text string
		at   int // 1-based line in a (for ' ' and '-') or b (for '+')
	}
	var ops []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			ops = append(ops, line{' ', x[i], i + 1})
			i++
			j++
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, line{'-', x[i], i + 1})
			i++
		default:
			ops = append(ops, line{'+', y[j], j + 1})
			j++
		}
	}

	var sb strings.Builder
	printed := 0
	for k, op := range ops {
		nearChange := op.op != ' ' ||
			(k > 0 && ops[k-1].op != ' ') || (k+1 < len(ops) && ops[k+1].op != ' ')
		if !nearChange {
			continue
		}
		if printed == maxLines {
			sb.WriteString("... (more differences)\n")
			break
		}
		text := op.text
		if len(text) > 160 {
			text = text[:160] + "…"
		}
		fmt.Fprintf(&sb, "%c %5d  %s\n", op.op, op.at, text)
		printed++
	}
	return sb.String()
}

func TestLineDiff(t *testing.T) {
	a := "package p\n\ntype Update struct {\n\tTopicID uint64\n}\n"
	b := "package p\n\ntype Update struct {\n\tTopicId uint64\n\tValue   *big.Int\n}\n"
	want := "" +
		"      3  type Update struct {\n" +
		"-     4  \tTopicID uint64\n" +
		"+     4  \tTopicId uint64\n" +
		"+     5  \tValue   *big.Int\n" +
		"      5  }\n"
	if got := lineDiff(a, b, 40); got != want {
		t.Errorf("lineDiff =\n%s\nwant\n%s", got, want)
	}
	if got := lineDiff(a, a, 40); got != "" {
		t.Errorf("lineDiff of equal texts = %q, want empty", got)
	}
	if got := lineDiff(a, b, 2); !strings.HasSuffix(got, "... (more differences)\n") {
		t.Errorf("lineDiff with a 2-line limit = %q, want it cut", got)
	}
}
