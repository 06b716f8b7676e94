// Package prometheus holds what operators monitor the gateway with: the alerting rules
// (allora-gateway.rules.yaml, unit-tested by promtool against
// allora-gateway.rules.test.yaml) and a Grafana dashboard (allora-gateway.dashboard.json).
// Its test checks that every metric and label they read is one the binary exports, from
// the binary's own metric registrations, and that the Helm chart ships the same rules.
package prometheus

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	promclient "github.com/prometheus/client_golang/prometheus"
	"go.yaml.in/yaml/v3"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
	"github.com/allora-gateway/allora-gateway/relayer/signguard"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

const (
	rulesFile      = "allora-gateway.rules.yaml"
	chartRulesFile = "../helm/allora-gateway/files/allora-gateway.rules.yaml"
	dashboardFile  = "allora-gateway.dashboard.json"
)

// prometheusLabels are the labels Prometheus adds to every scraped series.
var prometheusLabels = []string{"job", "instance"}

// prometheusSeries are the series Prometheus writes itself for every target.
var prometheusSeries = map[string]metric{"up": {labels: set(prometheusLabels...)}}

// metric is one exported metric: its label names and whether it is a histogram (read as
// name_bucket, name_sum and name_count).
type metric struct {
	labels    map[string]bool
	histogram bool
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// recorder is a Registerer that remembers every descriptor registered through it, so
// that a vector with no samples yet is known too. It forwards to a real registry, which
// refuses duplicates as the binary's would.
type recorder struct {
	reg     *promclient.Registry
	metrics map[string]metric
}

var (
	descName   = regexp.MustCompile(`fqName: "([^"]+)"`)
	descLabels = regexp.MustCompile(`variableLabels: \{([^}]*)\}\}$`)
)

func (r *recorder) Register(c promclient.Collector) error {
	if err := r.reg.Register(c); err != nil {
		return err
	}
	_, histogram := c.(*promclient.HistogramVec)
	if _, ok := c.(promclient.Histogram); ok {
		histogram = true
	}
	ch := make(chan *promclient.Desc)
	go func() { c.Describe(ch); close(ch) }()
	for d := range ch {
		s := d.String()
		name, labels := descName.FindStringSubmatch(s), descLabels.FindStringSubmatch(s)
		if name == nil || labels == nil {
			return &describeError{s}
		}
		m := metric{labels: set(prometheusLabels...), histogram: histogram}
		for _, l := range strings.Split(labels[1], ",") {
			if l = strings.TrimSuffix(strings.TrimPrefix(l, "c("), ")"); l != "" {
				m.labels[l] = true
			}
		}
		r.metrics[name[1]] = m
	}
	return nil
}

type describeError struct{ desc string }

func (e *describeError) Error() string { return "cannot read the descriptor " + e.desc }

func (r *recorder) MustRegister(cs ...promclient.Collector) {
	for _, c := range cs {
		if err := r.Register(c); err != nil {
			panic(err)
		}
	}
}

func (r *recorder) Unregister(c promclient.Collector) bool { return r.reg.Unregister(c) }

// gathered adds what reg serves to metrics.
func gathered(t *testing.T, reg *promclient.Registry, metrics map[string]metric) {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	for _, f := range fams {
		m := metric{labels: set(prometheusLabels...), histogram: f.GetType().String() == "HISTOGRAM"}
		for _, s := range f.GetMetric() {
			for _, lp := range s.GetLabel() {
				m.labels[lp.GetName()] = true
			}
		}
		metrics[f.GetName()] = m
	}
}

// exported registers the metrics of the relayer, API and co-signer processes as the
// binary does, and returns every metric they export.
func exported(t *testing.T) map[string]metric {
	t.Helper()
	// The relayer process: one registry for the Allora source, the chains' endpoints,
	// the relayer's loops, and the API it serves.
	rec := &recorder{reg: promclient.NewRegistry(), metrics: map[string]metric{}}
	if _, err := allora.NewMetrics(rec); err != nil {
		t.Fatalf("allora metrics: %v", err)
	}
	if _, err := rpcpool.NewMetrics(rec); err != nil {
		t.Fatalf("rpcpool metrics: %v", err)
	}
	st := store.NewMemory()
	if _, err := relayer.NewMetrics(rec, st); err != nil {
		t.Fatalf("relayer metrics: %v", err)
	}
	if _, err := cosign.NewClientMetrics(rec); err != nil {
		t.Fatalf("co-signer client metrics: %v", err)
	}
	metrics := rec.metrics

	// The API registers on a *Registry it serves; its vectors appear with the first
	// request.
	apiReg := promclient.NewRegistry()
	apiSrv := httptest.NewServer(api.New(st, api.WithRegistry(apiReg)).Handler())
	defer apiSrv.Close()
	get(t, apiSrv.URL+"/healthz", http.StatusOK)
	gathered(t, apiReg, metrics)

	// A co-signer against an emulated Allora node; an unauthenticated request is
	// refused, which creates the refusal counter's series.
	emu, err := emulator.New(emulator.Config{
		Topics:    []emulator.TopicConfig{{ID: 13, EpochLength: 5, WorkerSubmissionWindow: 2, StartPrice: "3000"}},
		BlockTime: time.Second,
		Manual:    true,
	})
	if err != nil {
		t.Fatalf("emulator: %v", err)
	}
	node := httptest.NewServer(emu.Handler())
	defer node.Close()
	rest, err := allora.NewREST(node.URL, allora.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatalf("allora client: %v", err)
	}
	cosignReg := promclient.NewRegistry()
	record, err := signguard.Open(filepath.Join(t.TempDir(), "record.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = record.Close() })
	svc, err := cosign.New(cosign.Config{
		Record:   record,
		Signer:   oracle.NewKeySigner(key(t)),
		Source:   rest,
		Allowed:  []oracle.Chain{{ID: 56, Name: "bnb", Oracle: common.HexToAddress("0x00000000000000000000000000000000000a11ce")}},
		Clients:  map[string][]byte{"relayer-a": []byte("0123456789abcdef0123456789abcdef-relayer-a")},
		Registry: cosignReg,
	})
	if err != nil {
		t.Fatalf("cosign: %v", err)
	}
	cs := httptest.NewServer(svc.Handler())
	defer cs.Close()
	resp, err := http.Post(cs.URL+cosign.SignPath, "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatalf("sign request: %v", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode < 400 {
		t.Fatalf("an unauthenticated sign request answered %d", resp.StatusCode)
	}
	gathered(t, cosignReg, metrics)

	maps.Copy(metrics, prometheusSeries)
	return metrics
}

func key(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("deploy/prometheus metrics test key")))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func get(t *testing.T, url string, want int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != want {
		t.Fatalf("GET %s: %d, want %d", url, resp.StatusCode, want)
	}
}

// selectors are what one PromQL expression reads: metric names and label names.
type selectors struct {
	metrics []string
	labels  []string
}

var (
	promqlKeywords = set(
		// aggregations
		"sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group", "limitk", "limit_ratio",
		// binary operators and modifiers
		"and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
	)
	labelListKeywords = set("by", "without", "on", "ignoring", "group_left", "group_right")
	identifier        = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*`)
	matcherLabel      = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)`)
	stringLiteral     = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|` + "`[^`]*`")
)

// parse lists the metric and label names a PromQL expression reads: the identifiers
// that are not functions, aggregations, keywords, numbers or durations, and the labels of
// matchers and of by/on/without/ignoring/group_* lists.
func parse(expr string) selectors {
	var out selectors
	s := expr
	for len(s) > 0 {
		switch c := s[0]; {
		case c == '"' || c == '\'' || c == '`':
			loc := stringLiteral.FindStringIndex(s)
			if loc == nil {
				return out
			}
			s = s[loc[1]:]
		case c == '{':
			end := strings.IndexByte(s, '}')
			if end < 0 {
				return out
			}
			body := stringLiteral.ReplaceAllString(s[1:end], `""`)
			for _, m := range matcherLabel.FindAllStringSubmatch(body, -1) {
				if m[1] != "__name__" {
					out.labels = append(out.labels, m[1])
				}
			}
			s = s[end+1:]
		case c == '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return out
			}
			s = s[end+1:]
		case c == '$':
			s = s[1:]
			if id := identifier.FindString(s); id != "" {
				s = s[len(id):]
			}
		case c >= '0' && c <= '9' || c == '.':
			n := 1
			for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.' || s[n] == 'e' || s[n] == 'x' || s[n] >= 'a' && s[n] <= 'f' ||
				(s[n] == '+' || s[n] == '-') && s[n-1] == 'e') {
				n++
			}
			s = s[n:]
		default:
			id := identifier.FindString(s)
			if id == "" {
				s = s[1:]
				continue
			}
			s = s[len(id):]
			rest := strings.TrimLeft(s, " \t\n")
			switch {
			case labelListKeywords[id]:
				if strings.HasPrefix(rest, "(") {
					end := strings.IndexByte(rest, ')')
					for _, l := range strings.Split(rest[1:end], ",") {
						if l = strings.TrimSpace(l); l != "" {
							out.labels = append(out.labels, l)
						}
					}
					s = rest[end+1:]
				}
			case promqlKeywords[id]:
			case strings.HasPrefix(rest, "("):
				// a function
			default:
				out.metrics = append(out.metrics, id)
			}
		}
	}
	return out
}

// check fails for every metric of expr the binary does not export, and for every label
// that none of the expression's metrics carries.
func check(t *testing.T, where, expr string, exported map[string]metric) {
	t.Helper()
	sel := parse(expr)
	if len(sel.metrics) == 0 {
		t.Errorf("%s: reads no metric: %s", where, expr)
	}
	labels := map[string]bool{}
	for _, name := range sel.metrics {
		m, ok := exported[name]
		if !ok {
			for _, suffix := range []string{"_bucket", "_sum", "_count"} {
				if base, cut := strings.CutSuffix(name, suffix); cut && exported[base].histogram {
					m, ok = exported[base], true
					if suffix == "_bucket" {
						labels["le"] = true
					}
				}
			}
		}
		if !ok {
			t.Errorf("%s: %s is not a metric the binary exports", where, name)
			continue
		}
		maps.Copy(labels, m.labels)
	}
	for _, l := range sel.labels {
		if !labels[l] {
			t.Errorf("%s: label %q is on none of %v", where, l, sel.metrics)
		}
	}
}

// rules reads a rules file: each rule's name and expression.
func rules(t *testing.T, path string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]string{}
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			out[r.Alert] = r.Expr
		}
	}
	return out
}

func TestRulesReadOnlyExportedMetrics(t *testing.T) {
	exp := exported(t)
	rs := rules(t, rulesFile)
	if len(rs) < 15 {
		t.Fatalf("%s has %d alerts", rulesFile, len(rs))
	}
	for _, name := range slices.Sorted(maps.Keys(rs)) {
		check(t, name, rs[name], exp)
	}
}

func TestDashboardReadsOnlyExportedMetrics(t *testing.T) {
	exp := exported(t)
	raw, err := os.ReadFile(dashboardFile)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Templating struct {
			List []struct {
				Name       string `json:"name"`
				Definition string `json:"definition"`
			} `json:"list"`
		} `json:"templating"`
		Panels []struct {
			Title   string `json:"title"`
			Type    string `json:"type"`
			Targets []struct {
				RefID string `json:"refId"`
				Expr  string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("%s: %v", dashboardFile, err)
	}
	read := map[string]bool{}
	for _, p := range d.Panels {
		if p.Type == "row" {
			continue
		}
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
		for _, q := range p.Targets {
			check(t, p.Title+" "+q.RefID, q.Expr, exp)
			for _, m := range parse(q.Expr).metrics {
				read[strings.TrimSuffix(m, "_bucket")] = true
			}
		}
	}
	for _, v := range d.Templating.List {
		if e, ok := strings.CutPrefix(v.Definition, "label_values("); ok {
			metricName, label, _ := strings.Cut(strings.TrimSuffix(e, ")"), ",")
			check(t, "variable "+v.Name, metricName+` by (`+strings.TrimSpace(label)+`)`, exp)
		}
	}
	// Every metric the binary exports has a panel.
	for _, name := range slices.Sorted(maps.Keys(exp)) {
		if _, own := prometheusSeries[name]; !own && !read[name] {
			t.Errorf("no panel shows %s", name)
		}
	}
}

func TestChartShipsTheSameRules(t *testing.T) {
	want, err := os.ReadFile(rulesFile)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(chartRulesFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s: copy it (cp %s %s)", chartRulesFile, rulesFile, rulesFile, chartRulesFile)
	}
}

func TestParseFindsMetricsAndLabels(t *testing.T) {
	for _, tc := range []struct {
		expr            string
		metrics, labels []string
	}{
		{`max by (chain) (a_b{kind="x,y"}) > 3 * 300`, []string{"a_b"}, []string{"chain", "kind"}},
		{`up == 0 and on (job, instance) max_over_time(c[1d])`, []string{"up", "c"}, []string{"job", "instance"}},
		{`sum by (le) (rate(h_bucket{chain=~"$chain"}[$__rate_interval])) / 1e18`, []string{"h_bucket"}, []string{"le", "chain"}},
		{`time() - max by (chain) (t) > 0.05e18`, []string{"t"}, []string{"chain"}},
	} {
		got := parse(tc.expr)
		if !slices.Equal(got.metrics, tc.metrics) || !slices.Equal(got.labels, tc.labels) {
			t.Errorf("parse(%q) = %v %v, want %v %v", tc.expr, got.metrics, got.labels, tc.metrics, tc.labels)
		}
	}
}

// TestEveryAlertIsReproduced reads the promtool tests: each alert of the rules file must
// fire in at least one of them, and every alert they name must exist (a check that an
// alert does not fire passes vacuously for a name with no rule).
func TestEveryAlertIsReproduced(t *testing.T) {
	raw, err := os.ReadFile("allora-gateway.rules.test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		RuleFiles []string `yaml:"rule_files"`
		Tests     []struct {
			Name  string `yaml:"name"`
			Cases []struct {
				Alert     string `yaml:"alertname"`
				ExpAlerts []any  `yaml:"exp_alerts"`
			} `yaml:"alert_rule_test"`
		} `yaml:"tests"`
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.RuleFiles, []string{rulesFile}) {
		t.Errorf("the tests load %v, want [%s]", f.RuleFiles, rulesFile)
	}
	rs := rules(t, rulesFile)
	fired := map[string]bool{}
	for _, tc := range f.Tests {
		for _, c := range tc.Cases {
			if _, ok := rs[c.Alert]; !ok {
				t.Errorf("test %q checks %s, which no rule defines", tc.Name, c.Alert)
			}
			if len(c.ExpAlerts) > 0 {
				fired[c.Alert] = true
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(rs)) {
		if !fired[name] {
			t.Errorf("no promtool test reproduces %s", name)
		}
	}
}

// TestRunbookLinksExist checks that each rule's runbook annotation names a section of
// docs/operators.md.
func TestRunbookLinksExist(t *testing.T) {
	doc, err := os.ReadFile("../../docs/operators.md")
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	punct := regexp.MustCompile(`[^a-z0-9 -]`)
	for _, line := range strings.Split(string(doc), "\n") {
		if h, ok := strings.CutPrefix(line, "#"); ok {
			h = strings.TrimSpace(strings.TrimLeft(h, "#"))
			anchors[strings.ReplaceAll(punct.ReplaceAllString(strings.ToLower(h), ""), " ", "-")] = true
		}
	}
	raw, err := os.ReadFile(rulesFile)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Groups []struct {
			Rules []struct {
				Alert       string            `yaml:"alert"`
				Annotations map[string]string `yaml:"annotations"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	links := 0
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			link, ok := r.Annotations["runbook"]
			if !ok {
				continue
			}
			links++
			page, anchor, _ := strings.Cut(link, "#")
			if page != "docs/operators.md" || !anchors[anchor] {
				t.Errorf("%s: runbook %q is no section of docs/operators.md", r.Alert, link)
			}
		}
	}
	if links == 0 {
		t.Error("no rule links the runbook")
	}
}

// TestDashboardQueriesParse has promtool parse every query of the dashboard, written as
// recording rules with Grafana's variables filled in. make prometheus-rules sets PROMTOOL;
// without it and without promtool on PATH there is nothing to parse with.
func TestDashboardQueriesParse(t *testing.T) {
	promtool := os.Getenv("PROMTOOL")
	if promtool == "" {
		var err error
		if promtool, err = exec.LookPath("promtool"); err != nil {
			t.Skip("no promtool: make prometheus-rules installs it")
		}
	}
	raw, err := os.ReadFile(dashboardFile)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Panels []struct {
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	vars := strings.NewReplacer("$__rate_interval", "5m", "$chain", ".*")
	type rule struct {
		Record string `yaml:"record"`
		Expr   string `yaml:"expr"`
	}
	var rs []rule
	for _, p := range d.Panels {
		for _, q := range p.Targets {
			rs = append(rs, rule{Record: "dashboard:query", Expr: vars.Replace(q.Expr)})
		}
	}
	out, err := yaml.Marshal(map[string]any{"groups": []any{map[string]any{"name": "dashboard", "rules": rs}}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dashboard.rules.yaml")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(promtool, "check", "rules", path).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check rules on the dashboard's %d queries: %v\n%s", len(rs), err, res)
	}
	t.Logf("promtool parsed the dashboard's %d queries", len(rs))
}
