package chartcheck

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/lint"
	"helm.sh/helm/v3/pkg/lint/support"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	"sigs.k8s.io/yaml"
)

// chartDir is the chart under test.
const chartDir = "../allora-gateway"

var update = flag.Bool("update", os.Getenv("UPDATE_GOLDEN") != "", "rewrite the rendered golden manifests")

// manifests is one rendering, decoded: every object by kind and name.
type manifests struct {
	deployments  map[string]*appsv1.Deployment
	services     map[string]*corev1.Service
	configMaps   map[string]*corev1.ConfigMap
	hpas         map[string]*autoscalingv2.HorizontalPodAutoscaler
	pdbs         map[string]*policyv1.PodDisruptionBudget
	accounts     map[string]*corev1.ServiceAccount
	netpols      map[string]*networkingv1.NetworkPolicy
	claims       map[string]*corev1.PersistentVolumeClaim
	raw          string // every document, in a stable order, for the golden file
	objectsTotal int
}

// render renders the chart as `helm template gw <chart> -f valuesFile` would.
func render(t *testing.T, valuesFile string) (map[string]string, error) {
	t.Helper()
	ch, err := loader.Load(chartDir)
	if err != nil {
		t.Fatalf("load chart: %v", err)
	}
	vals := map[string]any{}
	if valuesFile != "" {
		v, err := chartutil.ReadValuesFile(valuesFile)
		if err != nil {
			t.Fatalf("read %s: %v", valuesFile, err)
		}
		vals = v.AsMap()
	}
	rv, err := chartutil.ToRenderValues(ch, vals, chartutil.ReleaseOptions{
		Name: "gw", Namespace: "oracle", Revision: 1, IsInstall: true,
	}, chartutil.DefaultCapabilities)
	if err != nil {
		return nil, fmt.Errorf("values: %w", err)
	}
	return engine.Render(ch, rv)
}

// decode checks every rendered document against the Kubernetes API type of its kind: a
// field the type does not have, or a value of the wrong type, fails.
func decode(t *testing.T, out map[string]string) manifests {
	t.Helper()
	m := manifests{
		deployments: map[string]*appsv1.Deployment{},
		services:    map[string]*corev1.Service{},
		configMaps:  map[string]*corev1.ConfigMap{},
		hpas:        map[string]*autoscalingv2.HorizontalPodAutoscaler{},
		pdbs:        map[string]*policyv1.PodDisruptionBudget{},
		accounts:    map[string]*corev1.ServiceAccount{},
		netpols:     map[string]*networkingv1.NetworkPolicy{},
		claims:      map[string]*corev1.PersistentVolumeClaim{},
	}
	files := make([]string, 0, len(out))
	for name := range out {
		files = append(files, name)
	}
	sort.Strings(files)
	var raw strings.Builder
	for _, file := range files {
		if strings.HasSuffix(file, "NOTES.txt") || strings.HasPrefix(filepath.Base(file), "_") {
			continue
		}
		for i, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(out[file], -1) {
			if strings.TrimSpace(doc) == "" {
				continue
			}
			where := fmt.Sprintf("%s document %d", file, i)
			var head struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
				Metadata   struct {
					Name string `json:"name"`
				} `json:"metadata"`
			}
			if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
				t.Fatalf("%s is not YAML: %v\n%s", where, err, doc)
			}
			var obj any
			switch head.APIVersion + "/" + head.Kind {
			case "apps/v1/Deployment":
				o := &appsv1.Deployment{}
				m.deployments[head.Metadata.Name], obj = o, o
			case "v1/Service":
				o := &corev1.Service{}
				m.services[head.Metadata.Name], obj = o, o
			case "v1/ConfigMap":
				o := &corev1.ConfigMap{}
				m.configMaps[head.Metadata.Name], obj = o, o
			case "v1/PersistentVolumeClaim":
				o := &corev1.PersistentVolumeClaim{}
				m.claims[head.Metadata.Name], obj = o, o
			case "v1/ServiceAccount":
				o := &corev1.ServiceAccount{}
				m.accounts[head.Metadata.Name], obj = o, o
			case "autoscaling/v2/HorizontalPodAutoscaler":
				o := &autoscalingv2.HorizontalPodAutoscaler{}
				m.hpas[head.Metadata.Name], obj = o, o
			case "policy/v1/PodDisruptionBudget":
				o := &policyv1.PodDisruptionBudget{}
				m.pdbs[head.Metadata.Name], obj = o, o
			case "networking.k8s.io/v1/NetworkPolicy":
				o := &networkingv1.NetworkPolicy{}
				m.netpols[head.Metadata.Name], obj = o, o
			default:
				t.Fatalf("%s: %s %s is a kind this check does not know; add its API type here", where, head.APIVersion, head.Kind)
			}
			if err := yaml.UnmarshalStrict([]byte(doc), obj); err != nil {
				t.Fatalf("%s (%s %s) does not match the Kubernetes API: %v", where, head.Kind, head.Metadata.Name, err)
			}
			for _, msg := range validation.IsDNS1123Subdomain(head.Metadata.Name) {
				t.Errorf("%s: name %q: %s", where, head.Metadata.Name, msg)
			}
			m.objectsTotal++
			fmt.Fprintf(&raw, "# Source: %s\n%s\n---\n", file, strings.TrimSpace(doc))
		}
	}
	m.raw = raw.String()
	return m
}

// checkRelations checks what the API types cannot: that selectors select, that what a pod
// mounts or probes exists, that every container runs as non-root on a read-only root.
func checkRelations(t *testing.T, m manifests) {
	t.Helper()
	for name, d := range m.deployments {
		pod := d.Spec.Template
		for k, v := range d.Spec.Selector.MatchLabels {
			if pod.Labels[k] != v {
				t.Errorf("deployment %s: selector %s=%s does not match its pod labels %v", name, k, v, pod.Labels)
			}
		}
		for k, v := range pod.Labels {
			for _, msg := range validation.IsValidLabelValue(v) {
				t.Errorf("deployment %s: label %s=%q: %s", name, k, v, msg)
			}
		}
		if sc := pod.Spec.SecurityContext; sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot {
			t.Errorf("deployment %s: pod does not require a non-root user", name)
		}
		if _, ok := m.accounts[pod.Spec.ServiceAccountName]; !ok {
			t.Errorf("deployment %s: service account %q is not rendered", name, pod.Spec.ServiceAccountName)
		}
		for _, vol := range pod.Spec.Volumes {
			if c := vol.PersistentVolumeClaim; c != nil {
				if _, ok := m.claims[c.ClaimName]; !ok {
					t.Errorf("deployment %s: volume %s mounts claim %q, which is not rendered", name, vol.Name, c.ClaimName)
				}
			}
			if vol.ConfigMap != nil {
				cm, ok := m.configMaps[vol.ConfigMap.Name]
				if !ok {
					t.Errorf("deployment %s: volume %s mounts config map %q, which is not rendered", name, vol.Name, vol.ConfigMap.Name)
					continue
				}
				for _, item := range vol.ConfigMap.Items {
					if _, ok := cm.Data[item.Key]; !ok {
						t.Errorf("deployment %s: config map %s has no key %q", name, cm.Name, item.Key)
					}
				}
			}
		}
		for _, vol := range pod.Spec.Volumes {
			if vol.Name != "keys" {
				continue
			}
			// The gateway accepts key files of a Secret or projected volume only in the
			// kubelet's layout with no bit for others: defaultMode must keep them 0400.
			var mode *int32
			switch {
			case vol.Secret != nil:
				mode = vol.Secret.DefaultMode
			case vol.Projected != nil:
				mode = vol.Projected.DefaultMode
				for _, src := range vol.Projected.Sources {
					if src.Secret == nil || src.Secret.Name == "" {
						t.Errorf("deployment %s: keys volume projects something other than a named Secret: %+v", name, src)
					}
				}
			default:
				t.Errorf("deployment %s: keys volume is neither a Secret nor a projected volume", name)
			}
			if mode == nil || *mode&0o077 != 0 {
				t.Errorf("deployment %s: keys volume's defaultMode must be 0400, got %v", name, mode)
			}
		}
		for _, tsc := range pod.Spec.TopologySpreadConstraints {
			if tsc.LabelSelector == nil || !selects(tsc.LabelSelector.MatchLabels, pod.Labels) || tsc.MaxSkew < 1 {
				t.Errorf("deployment %s: topology spread on %s does not count its own pods: %+v", name, tsc.TopologyKey, tsc)
			}
		}
		if a := pod.Spec.Affinity; a != nil && a.PodAntiAffinity != nil {
			for _, term := range a.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution {
				if term.PodAffinityTerm.LabelSelector == nil || !selects(term.PodAffinityTerm.LabelSelector.MatchLabels, pod.Labels) {
					t.Errorf("deployment %s: anti-affinity does not select its own pods", name)
				}
			}
		}
		for _, c := range pod.Spec.Containers {
			if !imageRef.MatchString(c.Image) {
				t.Errorf("deployment %s container %s: image %q is not repository:tag or repository:tag@sha256:<64 hex>", name, c.Name, c.Image)
			}
			sc := c.SecurityContext
			if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem ||
				sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
				t.Errorf("deployment %s container %s: root filesystem must be read-only and privilege escalation off", name, c.Name)
			}
			ports := map[string]bool{}
			for _, p := range c.Ports {
				ports[p.Name] = true
			}
			for what, probe := range map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe} {
				if probe == nil || probe.HTTPGet == nil {
					t.Errorf("deployment %s container %s: no HTTP %s probe", name, c.Name, what)
					continue
				}
				if !ports[probe.HTTPGet.Port.StrVal] {
					t.Errorf("deployment %s container %s: %s probe port %q is not a container port", name, c.Name, what, probe.HTTPGet.Port.StrVal)
				}
			}
			if len(c.Args) == 0 || !slices.Contains([]string{"relayer", "api", "cosign"}, c.Args[0]) {
				t.Errorf("deployment %s container %s: args %v do not start with a gateway subcommand", name, c.Name, c.Args)
			}
			for _, mount := range c.VolumeMounts {
				if !slices.ContainsFunc(pod.Spec.Volumes, func(v corev1.Volume) bool { return v.Name == mount.Name }) {
					t.Errorf("deployment %s container %s: mount %s has no volume", name, c.Name, mount.Name)
				}
			}
		}
	}
	for name, s := range m.services {
		if !slices.ContainsFunc(mapsValues(m.deployments), func(d *appsv1.Deployment) bool { return selects(s.Spec.Selector, d.Spec.Template.Labels) }) {
			t.Errorf("service %s selects no deployment's pods (selector %v)", name, s.Spec.Selector)
		}
	}
	for name, h := range m.hpas {
		d, ok := m.deployments[h.Spec.ScaleTargetRef.Name]
		if !ok || h.Spec.ScaleTargetRef.Kind != "Deployment" {
			t.Errorf("HPA %s scales %s %s, which is not rendered", name, h.Spec.ScaleTargetRef.Kind, h.Spec.ScaleTargetRef.Name)
			continue
		}
		if d.Spec.Replicas != nil {
			t.Errorf("HPA %s scales %s, whose replicas are also fixed: they would fight", name, d.Name)
		}
		if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 1 || *h.Spec.MinReplicas > h.Spec.MaxReplicas {
			t.Errorf("HPA %s: replicas %v..%d", name, h.Spec.MinReplicas, h.Spec.MaxReplicas)
		}
	}
	for name, p := range m.pdbs {
		if !slices.ContainsFunc(mapsValues(m.deployments), func(d *appsv1.Deployment) bool { return selects(p.Spec.Selector.MatchLabels, d.Spec.Template.Labels) }) {
			t.Errorf("PodDisruptionBudget %s selects no deployment's pods", name)
		}
	}
	for name, np := range m.netpols {
		var target *appsv1.Deployment
		for _, d := range m.deployments {
			if selects(np.Spec.PodSelector.MatchLabels, d.Spec.Template.Labels) {
				target = d
			}
		}
		if target == nil {
			t.Errorf("NetworkPolicy %s selects no deployment's pods", name)
			continue
		}
		ports := map[string]bool{}
		for _, c := range target.Spec.Template.Spec.Containers {
			for _, p := range c.Ports {
				ports[p.Name] = true
			}
		}
		if len(np.Spec.Ingress) == 0 {
			t.Errorf("NetworkPolicy %s admits nothing: the co-signer could not be reached", name)
		}
		for _, rule := range np.Spec.Ingress {
			for _, p := range rule.Ports {
				if p.Port == nil || !ports[p.Port.StrVal] {
					t.Errorf("NetworkPolicy %s: port %v is not a port of %s", name, p.Port, target.Name)
				}
			}
			if len(rule.From) == 0 {
				t.Errorf("NetworkPolicy %s: an ingress rule without from admits every pod", name)
			}
		}
	}
	for name, cm := range m.configMaps {
		for key, body := range cm.Data {
			var doc map[string]any
			if err := yaml.Unmarshal([]byte(body), &doc); err != nil {
				t.Errorf("config map %s key %s is not YAML: %v", name, key, err)
			}
		}
	}
}

// imageRef is an image reference the chart may render: repository:tag, optionally
// pinned with @sha256:<digest>.
var imageRef = regexp.MustCompile(`^[a-z0-9./_-]+(:[0-9]+)?[a-z0-9./_-]*:[A-Za-z0-9_.-]+(@sha256:[0-9a-f]{64})?$`)

func selects(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

func mapsValues[V any](m map[string]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func TestChartLints(t *testing.T) {
	for _, values := range []string{"", "testdata/cosigners.yaml"} {
		vals := map[string]any{}
		if values != "" {
			v, err := chartutil.ReadValuesFile(values)
			if err != nil {
				t.Fatal(err)
			}
			vals = v.AsMap()
		}
		linter := lint.All(chartDir, vals, "oracle", true)
		for _, msg := range linter.Messages {
			if msg.Severity >= support.WarningSev {
				t.Errorf("helm lint (values %q): %s", values, msg)
			}
		}
	}
}

func TestRenderedManifestsMatchKubernetesAPI(t *testing.T) {
	cases := []struct {
		values string
		golden string
		check  func(t *testing.T, m manifests)
	}{
		{
			values: "",
			golden: "testdata/default.golden.yaml",
			check: func(t *testing.T, m manifests) {
				relayer := m.deployments["gw-allora-gateway-relayer"]
				if relayer == nil || *relayer.Spec.Replicas != 2 {
					t.Fatalf("want a relayer deployment of 2 replicas, got %+v", relayer)
				}
				env := relayer.Spec.Template.Spec.Containers[0].Env
				if !slices.ContainsFunc(env, func(e corev1.EnvVar) bool {
					return e.Name == "ALLORA_GATEWAY_REDIS_URL" && e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil
				}) {
					t.Errorf("relayer does not read the Redis URL from a secret: %+v", env)
				}
				if _, ok := m.hpas["gw-allora-gateway-api"]; !ok {
					t.Errorf("no HPA for the API")
				}
				pod := relayer.Spec.Template.Spec
				if got := pod.Containers[0].Image; got != "ghcr.io/allora-gateway/allora-gateway:v0.1.0" {
					t.Errorf("relayer image %q, want the chart's appVersion as tag", got)
				}
				keys := keysVolume(t, relayer)
				if keys.Projected == nil || len(keys.Projected.Sources) != 2 ||
					keys.Projected.Sources[0].Secret.Name != "allora-gateway-keys" || keys.Projected.Sources[1].Secret.Name != "allora-gateway-passphrases" {
					t.Errorf("relayer keys volume: want the keystores' and the passphrases' Secrets projected together, got %+v", keys.VolumeSource)
				}
				if pod.TerminationGracePeriodSeconds == nil || *pod.TerminationGracePeriodSeconds != 20 {
					t.Errorf("relayer grace period %v, want 20s: shutdown_timeout is under 15s and the process exits by itself at 15s", pod.TerminationGracePeriodSeconds)
				}
				for _, name := range []string{"gw-allora-gateway-relayer", "gw-allora-gateway-api"} {
					d := m.deployments[name]
					spread := d.Spec.Template.Spec.TopologySpreadConstraints
					if !slices.ContainsFunc(spread, func(c corev1.TopologySpreadConstraint) bool { return c.TopologyKey == "kubernetes.io/hostname" }) {
						t.Errorf("%s: replicas are not spread across nodes: %+v", name, spread)
					}
					if a := d.Spec.Template.Spec.Affinity; a == nil || a.PodAntiAffinity == nil || len(a.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution) == 0 {
						t.Errorf("%s: no pod anti-affinity", name)
					}
					if _, ok := m.pdbs[name]; !ok {
						t.Errorf("%s: no PodDisruptionBudget", name)
					}
				}
				cfg := m.configMaps["gw-allora-gateway"].Data["relayer.yaml"]
				if !strings.Contains(cfg, "listen: 0.0.0.0:8080") || strings.Contains(cfg, "redis://") {
					t.Errorf("relayer.yaml must listen on the pod port and hold no Redis URL:\n%s", cfg)
				}
				// /metrics, wallet balances among them, is on a port of its own that no
				// Service exposes, and that is where Prometheus is told to scrape.
				if !strings.Contains(cfg, "metrics_listen: 0.0.0.0:9090") {
					t.Errorf("relayer.yaml does not serve /metrics apart:\n%s", cfg)
				}
				for _, name := range []string{"gw-allora-gateway-relayer", "gw-allora-gateway-api"} {
					if got := m.deployments[name].Spec.Template.Annotations["prometheus.io/port"]; got != "9090" {
						t.Errorf("%s: prometheus.io/port %q, want the metrics port 9090", name, got)
					}
				}
				for _, p := range m.services["gw-allora-gateway-api"].Spec.Ports {
					if p.TargetPort.String() == "metrics" || p.Port == 9090 {
						t.Errorf("the API's Service exposes the metrics port: %+v", p)
					}
				}
			},
		},
		{
			values: "testdata/cosigners.yaml",
			golden: "testdata/cosigners.golden.yaml",
			check: func(t *testing.T, m manifests) {
				for _, name := range []string{"gw-allora-gateway-cosign-a", "gw-allora-gateway-cosign-b"} {
					if m.deployments[name] == nil || m.services[name] == nil || m.configMaps[name] == nil {
						t.Errorf("co-signer %s: want a deployment, a service and a config map", name)
					}
				}
				if len(m.hpas) != 0 {
					t.Errorf("autoscaling off, yet %d HPAs", len(m.hpas))
				}
				if api := m.deployments["gw-allora-gateway-api"]; api == nil || api.Spec.Replicas == nil || *api.Spec.Replicas != 4 {
					t.Errorf("want 4 fixed API replicas")
				}
				const digest = "sha256:4f6b4c5ef2e1f0a3d7c9b8a6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6"
				for name, d := range m.deployments {
					if got, want := d.Spec.Template.Spec.Containers[0].Image, "ghcr.io/allora-gateway/allora-gateway:v0.2.0@"+digest; got != want {
						t.Errorf("%s: image %q, want %q", name, got, want)
					}
				}
				if k := keysVolume(t, m.deployments["gw-allora-gateway-cosign-a"]); k.Projected == nil || len(k.Projected.Sources) != 2 {
					t.Errorf("co-signer a names a passphrases Secret: want a projected keys volume, got %+v", k.VolumeSource)
				}
				if k := keysVolume(t, m.deployments["gw-allora-gateway-cosign-b"]); k.Secret == nil || k.Secret.SecretName != "cosigner-b-keys" {
					t.Errorf("co-signer b has one Secret: want it as the keys volume, got %+v", k.VolumeSource)
				}
				relayerPods := m.deployments["gw-allora-gateway-relayer"].Spec.Template.Labels
				for _, name := range []string{"gw-allora-gateway-cosign-a", "gw-allora-gateway-cosign-b"} {
					np := m.netpols[name]
					if np == nil {
						t.Errorf("co-signer %s: no NetworkPolicy", name)
						continue
					}
					if !selects(np.Spec.PodSelector.MatchLabels, m.deployments[name].Spec.Template.Labels) ||
						selects(np.Spec.PodSelector.MatchLabels, relayerPods) {
						t.Errorf("NetworkPolicy %s must select its co-signer's pods only: %v", name, np.Spec.PodSelector.MatchLabels)
					}
					from := np.Spec.Ingress[0].From
					if len(from) != 2 || from[0].PodSelector == nil || !selects(from[0].PodSelector.MatchLabels, relayerPods) ||
						from[1].NamespaceSelector == nil || from[1].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] != "monitoring" {
						t.Errorf("NetworkPolicy %s: want ingress from this release's relayers and the monitoring namespace, got %+v", name, from)
					}
				}
				apiCfg := m.configMaps["gw-allora-gateway"].Data["api.yaml"]
				for _, want := range []string{"keys_file: /api-keys/keys", "- 10.0.0.0/8", "burst: 400", "metrics_listen: 0.0.0.0:9090"} {
					if !strings.Contains(apiCfg, want) {
						t.Errorf("api.yaml lacks %q:\n%s", want, apiCfg)
					}
				}
				apiPod := m.deployments["gw-allora-gateway-api"].Spec.Template.Spec
				if !slices.ContainsFunc(apiPod.Volumes, func(v corev1.Volume) bool {
					return v.Secret != nil && v.Secret.SecretName == "allora-gateway-api-keys"
				}) {
					t.Errorf("the API pods do not mount the API keys' Secret: %+v", apiPod.Volumes)
				}
				if !strings.Contains(apiCfg, "https://beta.example") {
					t.Errorf("api.yaml lacks the CORS origins:\n%s", apiCfg)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(cmpOr(tc.values, "defaults"), func(t *testing.T) {
			out, err := render(t, tc.values)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			m := decode(t, out)
			checkRelations(t, m)
			tc.check(t, m)
			if *update {
				if err := os.WriteFile(tc.golden, []byte(m.raw), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(tc.golden)
			if err != nil {
				t.Fatalf("%v (run with UPDATE_GOLDEN=1 to write it)", err)
			}
			if !bytes.Equal(want, []byte(m.raw)) {
				t.Errorf("rendered manifests differ from %s; review the change and run with UPDATE_GOLDEN=1", tc.golden)
			}
			t.Logf("%d objects rendered and checked", m.objectsTotal)
		})
	}
}

func TestRenderRefusesMalformedImageDigest(t *testing.T) {
	_, err := render(t, "testdata/bad-digest.yaml")
	if err == nil || !strings.Contains(err.Error(), "image.digest") {
		t.Fatalf("want the chart to refuse a digest that is not sha256:<64 hex>, got %v", err)
	}
}

// keysVolume returns the volume d mounts at /keys.
func keysVolume(t *testing.T, d *appsv1.Deployment) corev1.Volume {
	t.Helper()
	if d == nil {
		t.Fatal("deployment not rendered")
	}
	for _, v := range d.Spec.Template.Spec.Volumes {
		if v.Name == "keys" {
			return v
		}
	}
	t.Fatalf("deployment %s has no keys volume", d.Name)
	return corev1.Volume{}
}

func TestRenderRefusesReplicasWithoutRedis(t *testing.T) {
	_, err := render(t, "testdata/no-redis.yaml")
	if err == nil || !strings.Contains(err.Error(), "needs Redis") {
		t.Fatalf("want the chart to refuse relayer replicas without Redis, got %v", err)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
