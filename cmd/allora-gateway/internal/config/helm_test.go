package config

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestHelmChartConfigsLoad reads the config files the Helm chart renders (its golden
// renderings, which the chart check keeps current) and loads each as the process it is
// mounted into would: a key the gateway does not know, or a value it refuses, fails here
// rather than in a crash-looping pod.
func TestHelmChartConfigsLoad(t *testing.T) {
	goldens, err := filepath.Glob("../../../../deploy/helm/chartcheck/testdata/*.golden.yaml")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no rendered chart under deploy/helm/chartcheck/testdata: %v", err)
	}
	// What the chart sets from Secrets and the environment.
	env := func(name string) (string, bool) {
		if name == "ALLORA_GATEWAY_REDIS_URL" {
			return "redis://redis.example:6379/0", true
		}
		return "", false
	}
	checked := 0
	for _, golden := range goldens {
		raw, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(raw), -1) {
			var cm struct {
				Kind     string                `yaml:"kind"`
				Metadata struct{ Name string } `yaml:"metadata"`
				Data     map[string]string     `yaml:"data"`
			}
			if err := yaml.Unmarshal([]byte(doc), &cm); err != nil || cm.Kind != "ConfigMap" {
				continue
			}
			for key, body := range cm.Data {
				where := filepath.Base(golden) + " " + cm.Metadata.Name + " " + key
				path := filepath.Join(t.TempDir(), key)
				if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
					t.Fatal(err)
				}
				c, err := Load(path, env)
				if err != nil {
					t.Errorf("%s does not load: %v", where, err)
					continue
				}
				switch {
				case key == "relayer.yaml":
					err = c.Validate()
				case key == "cosign.yaml":
					err = c.ValidateCosign()
				case key == "api.yaml":
					if c.Redis.URL == "" || c.API.Listen == "" {
						err = errWanted("redis.url and api.listen")
					}
				default:
					t.Errorf("%s: a config file this test does not know", where)
				}
				if err != nil {
					t.Errorf("%s: %v", where, err)
				}
				checked++
			}
		}
	}
	if checked < 3 {
		t.Fatalf("checked %d rendered config files, want the relayer's, the API's and a co-signer's", checked)
	}
}

type errWanted string

func (e errWanted) Error() string { return "want " + string(e) }
