package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const value = "https://node.example/?apikey=TOPSECRET"

func TestSecretFormatting(t *testing.T) {
	s := Secret(value)
	if s.Reveal() != value {
		t.Fatalf("Reveal = %q", s.Reveal())
	}
	tests := []struct {
		format string
		arg    any
		want   string
	}{
		{"%v", s, "xxxxx"},
		{"%s", s, "xxxxx"},
		{"%+v", s, "xxxxx"},
		{"%#v", s, `config.Secret("xxxxx")`},
		{"%q", s, `"xxxxx"`},
		{"%x", s, "xxxxx"},
		{"%d", s, "xxxxx"},
		{"%10s", s, "xxxxx"},
		{"%v", &s, "xxxxx"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(tt.format, tt.arg); got != tt.want {
			t.Errorf("Sprintf(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
	// Inside a struct, whatever other fields it grows, the secret prints redacted.
	for _, tt := range []struct {
		format string
		arg    any
		want   string
	}{
		{"%v", Chain{Name: "bnb", RPC: s}, "{bnb 0 xxxxx "},
		{"%+v", Chain{Name: "bnb", RPC: s}, "{Name:bnb ChainID:0 RPC:xxxxx "},
		{"%#v", Allora{Endpoint: s}, `Endpoint:config.Secret("xxxxx"), Endpoints:[]config.Secret(nil)`},
	} {
		got := fmt.Sprintf(tt.format, tt.arg)
		if !strings.Contains(got, tt.want) || strings.Contains(got, s.Reveal()) {
			t.Errorf("Sprintf(%q) = %q, want it to hold %q and not the secret", tt.format, got, tt.want)
		}
	}
	if got := fmt.Sprint(s); got != "xxxxx" {
		t.Errorf("Sprint = %q", got)
	}
	if got := s.String(); got != "xxxxx" {
		t.Errorf("String = %q", got)
	}
}

func TestSecretEncodings(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), env(map[string]string{"ALLORA_GATEWAY_ALLORA_ENDPOINT": value}))
	if err != nil {
		t.Fatal(err)
	}

	j, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(j), `"Endpoint":"xxxxx"`) {
		t.Errorf("JSON = %s", j)
	}

	var text, js bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&text, nil), slog.NewJSONHandler(&js, nil)} {
		l := slog.New(h)
		l.Info("start", "endpoint", c.Allora.Endpoint, "rpc", c.Chains[0].RPC)
		l.Info("config", "config", c, "chain", c.Chains[0])
		l.Info("group", slog.Group("allora", "endpoint", c.Allora.Endpoint))
	}
	if !strings.Contains(text.String(), "endpoint=xxxxx rpc=xxxxx") {
		t.Errorf("text log = %s", text.String())
	}
	if !strings.Contains(js.String(), `"endpoint":"xxxxx","rpc":"xxxxx"`) {
		t.Errorf("JSON log = %s", js.String())
	}

	y, err := c.Redacted()
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{
		"JSON":          string(j),
		"text log":      text.String(),
		"JSON log":      js.String(),
		"YAML":          string(y),
		"fmt %+v":       fmt.Sprintf("%+v", c),
		"fmt %#v":       fmt.Sprintf("%#v", c),
		"fmt %v of ptr": fmt.Sprintf("%v", &c),
	} {
		if strings.Contains(out, "TOPSECRET") || strings.Contains(out, "TOKEN") {
			t.Errorf("%s reveals a secret: %s", name, out)
		}
	}
}
