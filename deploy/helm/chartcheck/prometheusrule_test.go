package chartcheck

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/lint"
	"helm.sh/helm/v3/pkg/lint/support"
	"sigs.k8s.io/yaml"
)

const (
	prometheusRuleTemplate = "allora-gateway/templates/prometheusrule.yaml"
	// rulesFile is the rules file deploy/prometheus tests with promtool.
	rulesFile = "../../prometheus/allora-gateway.rules.yaml"
)

// prometheusRule is the part of the Prometheus Operator's PrometheusRule the chart sets.
type prometheusRule struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name   string            `json:"name"`
		Labels map[string]string `json:"labels"`
	} `json:"metadata"`
	Spec map[string]any `json:"spec"`
}

func TestPrometheusRuleIsOffByDefault(t *testing.T) {
	out, err := render(t, "")
	if err != nil {
		t.Fatal(err)
	}
	if doc := strings.TrimSpace(out[prometheusRuleTemplate]); doc != "" {
		t.Errorf("the default values render a PrometheusRule, which fails where its CRD is not installed:\n%s", doc)
	}
}

func TestPrometheusRuleShipsTheRulesFile(t *testing.T) {
	const values = "testdata/prometheusrule.yaml"
	out, err := render(t, values)
	if err != nil {
		t.Fatal(err)
	}
	var got prometheusRule
	if err := yaml.UnmarshalStrict([]byte(out[prometheusRuleTemplate]), &got); err != nil {
		t.Fatalf("%s: %v\n%s", prometheusRuleTemplate, err, out[prometheusRuleTemplate])
	}
	if got.APIVersion != "monitoring.coreos.com/v1" || got.Kind != "PrometheusRule" || got.Metadata.Name != "gw-allora-gateway" {
		t.Errorf("rendered %s %s %q, want monitoring.coreos.com/v1 PrometheusRule gw-allora-gateway", got.APIVersion, got.Kind, got.Metadata.Name)
	}
	if got.Metadata.Labels["release"] != "kube-prometheus-stack" || got.Metadata.Labels["app.kubernetes.io/instance"] != "gw" {
		t.Errorf("labels %v: want the chart's labels and prometheusRule.labels", got.Metadata.Labels)
	}
	raw, err := os.ReadFile(rulesFile)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := yaml.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", rulesFile, err)
	}
	if !reflect.DeepEqual(got.Spec, want) {
		t.Errorf("the PrometheusRule's spec is not %s (copy it to deploy/helm/allora-gateway/files/)", rulesFile)
	}
	groups, _ := got.Spec["groups"].([]any)
	if len(groups) == 0 {
		t.Fatalf("the PrometheusRule has no groups")
	}
	rules, _ := groups[0].(map[string]any)["rules"].([]any)
	first, _ := rules[0].(map[string]any)
	if summary := first["annotations"].(map[string]any)["summary"].(string); !strings.Contains(summary, "{{ $labels.chain }}") {
		t.Errorf("the first rule's summary %q lost Prometheus's {{ $labels.chain }} to Helm's templating", summary)
	}

	vals, err := chartutil.ReadValuesFile(values)
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range lint.All(chartDir, vals.AsMap(), "oracle", true).Messages {
		if msg.Severity >= support.WarningSev {
			t.Errorf("helm lint (values %q): %s", values, msg)
		}
	}
}
