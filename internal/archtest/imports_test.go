package archtest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// rules are the imports the layout forbids in non-test code, so that a port is
// declared where it is used and an adapter does not depend on its consumer.
var rules = []struct {
	from, to string // project-relative paths
	below    bool   // to covers the packages below it too
	why      string
}{
	{"relayer/evm/txmgr", "relayer/store", true, "txmgr owns the journal it needs (txmgr.Journal); the store implements it"},
	{"relayer", "relayer/evm/txmgr", true, "the relayer classifies send errors by oracle's sentinels and takes tx events as plain values"},
	{"relayer/evm", "relayer", false, "the chain adapter implements the relayer's ports without importing them; shared types live in oracle"},
}

// project is the module's packages, each with the project packages its non-test code
// imports, as go list reports them, by path relative to the module.
type project struct {
	root    string
	imports map[string][]string
}

func load(t *testing.T) project {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}\t{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	module, root, ok := strings.Cut(strings.TrimSpace(string(out)), "\t")
	if !ok {
		t.Fatalf("go list -m answered %q", out)
	}
	cmd := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}}\t{{join .Imports \" \"}}", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v: %s", err, stderr.String())
	}
	rel := func(p string) (string, bool) {
		if p == module {
			return ".", true
		}
		r, ok := strings.CutPrefix(p, module+"/")
		return r, ok
	}
	p := project{root: root, imports: map[string][]string{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		path, deps, _ := strings.Cut(sc.Text(), "\t")
		pkg, ok := rel(path)
		if !ok {
			t.Fatalf("go list ./... gave %s, outside module %s", path, module)
		}
		own := []string{}
		for _, d := range strings.Fields(deps) {
			if r, ok := rel(d); ok {
				own = append(own, r)
			}
		}
		p.imports[pkg] = own
	}
	if len(p.imports) == 0 {
		t.Fatal("go list ./... listed no package")
	}
	return p
}

func under(pkg, dir string) bool { return pkg == dir || strings.HasPrefix(pkg, dir+"/") }

// TestImportRules fails on every import a rule forbids, naming it.
func TestImportRules(t *testing.T) {
	p := load(t)
	for _, r := range rules {
		deps, ok := p.imports[r.from]
		if !ok {
			t.Errorf("rule on %s: no such package", r.from)
			continue
		}
		for _, d := range deps {
			if d == r.to || r.below && under(d, r.to) {
				t.Errorf("%s imports %s, which it must not: %s", r.from, d, r.why)
			}
		}
	}
	for pkg, why := range leaves {
		deps, ok := p.imports[pkg]
		if !ok {
			t.Errorf("leaf %s: no such package", pkg)
		}
		if len(deps) > 0 {
			t.Errorf("%s imports %s: %s", pkg, strings.Join(deps, ", "), why)
		}
	}
}

// leaves are the packages that import nothing else from the project, and why.
var leaves = map[string]string{
	"oracle":                         "the domain imports nothing else from the project",
	"internal/graceful":              "the shutdown rule is shared by three servers, and knows none of them",
	"relayer/internal/endpoint":      "endpoint health is shared by the Allora and the EVM pools, so it knows neither transport",
	"relayer/evm/internal/txpoolerr": "the one reader of send answers is shared by txmgr and rpcpool, which import no adapter of each other",
}

// row is one line of ARCHITECTURE.md's package table: a package, or with /... a
// package and those below it, and the project packages its column says they import.
type row struct {
	pattern string
	imports []string
}

var backticked = regexp.MustCompile("`([^`]+)`")

// table reads the package table: the first cell names the package, the third lists
// in backticks what it imports from the project (commentary in parentheses aside;
// "nothing" or "—" for none).
func table(t *testing.T, root string) []row {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "\n## Packages\n")
	if !ok {
		t.Fatal("ARCHITECTURE.md has no \"## Packages\" section")
	}
	var rows []row
	for _, line := range strings.Split(rest, "\n") {
		if strings.HasPrefix(line, "## ") {
			break
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if !strings.HasPrefix(line, "|") || len(cells) != 3 {
			continue
		}
		name := backticked.FindStringSubmatch(cells[0])
		if name == nil {
			continue // the header and its rule
		}
		col, _, _ := strings.Cut(cells[2], "(")
		r := row{pattern: name[1], imports: []string{}}
		for _, m := range backticked.FindAllStringSubmatch(col, -1) {
			r.imports = append(r.imports, m[1])
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		t.Fatal("ARCHITECTURE.md's package table has no row")
	}
	return rows
}

// TestArchitectureTableMatchesGoList checks that every package of the module has a
// row in ARCHITECTURE.md's table (its own, or a dir/... row) and that the row's
// "imports from the project" column is exactly what go list shows: for a dir/... row,
// what its packages import from outside it; a package of a dir/... row is named by it.
func TestArchitectureTableMatchesGoList(t *testing.T) {
	p := load(t)
	rows := table(t, p.root)
	owner := map[string]int{} // package → row
	for pkg := range p.imports {
		best := -1
		for i, r := range rows {
			if r.pattern == pkg {
				best = i
				break
			}
			if dir, ok := strings.CutSuffix(r.pattern, "/..."); ok && under(pkg, dir) &&
				(best < 0 || len(dir) > len(strings.TrimSuffix(rows[best].pattern, "/..."))) {
				best = i
			}
		}
		if best < 0 {
			t.Errorf("package %s has no row in ARCHITECTURE.md's package table", pkg)
			continue
		}
		owner[pkg] = best
	}
	for i, r := range rows {
		var got []string
		covers := false
		for pkg, deps := range p.imports {
			if o, ok := owner[pkg]; !ok || o != i {
				continue
			}
			covers = true
			for _, d := range deps {
				o, ok := owner[d]
				if ok && o == i {
					continue // within the row
				}
				if ok && strings.HasSuffix(rows[o].pattern, "/...") {
					d = rows[o].pattern // the table names a dir/... row's packages by it
				}
				if !slices.Contains(got, d) {
					got = append(got, d)
				}
			}
		}
		if !covers {
			// A row of something that is not Go (contracts, say) must at least exist.
			dir := strings.TrimSuffix(r.pattern, "/...")
			if _, err := os.Stat(filepath.Join(p.root, dir)); err != nil {
				t.Errorf("ARCHITECTURE.md's table lists %s, which does not exist", r.pattern)
			} else if len(r.imports) > 0 {
				t.Errorf("ARCHITECTURE.md's table says %s imports %s, but it holds no Go package", r.pattern, strings.Join(r.imports, ", "))
			}
			continue
		}
		slices.Sort(got)
		want := slices.Clone(r.imports)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("ARCHITECTURE.md's table says %s imports from the project [%s]; go list shows [%s]",
				r.pattern, strings.Join(want, " "), strings.Join(got, " "))
		}
	}
}
