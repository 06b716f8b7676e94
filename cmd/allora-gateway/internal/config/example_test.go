package config

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExample(t *testing.T) {
	c, err := Load(writeConfig(t, string(Example())), noEnv)
	if err != nil {
		t.Fatalf("Load(example): %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("example does not validate:\n%v", err)
	}
	if c.Allora.EmissionsVersion != "v9" || !strings.Contains(c.Allora.Endpoint.Reveal(), "allora-api.mainnet.allora.network") {
		t.Errorf("allora = %+v (endpoint %q), want mainnet, v9", c.Allora, c.Allora.Endpoint.Reveal())
	}
	ids := map[string]uint64{}
	for _, ch := range c.Chains {
		ids[ch.Name] = ch.ChainID
	}
	if want := map[string]uint64{"bnb": 56, "sonic": 146, "zksync-era": 324}; !reflect.DeepEqual(ids, want) {
		t.Errorf("chains = %v, want %v", ids, want)
	}
	for _, k := range append(c.Signers.Oracle, c.Signers.Submitter) {
		if !strings.HasPrefix(k.Keystore, "/var/lib/allora-gateway/keys/") {
			t.Errorf("keystore %s is not under /var/lib/allora-gateway/keys", k.Keystore)
		}
	}
	// Each placeholder address is marked as one right above it.
	lines := strings.Split(string(Example()), "\n")
	for i, l := range lines {
		if strings.Contains(l, "oracle: \"0x") && !strings.Contains(lines[i-2]+lines[i-1], "PLACEHOLDER") &&
			!strings.Contains(lines[i-3]+lines[i-2], "PLACEHOLDER") {
			t.Errorf("line %d: %s is not marked as a placeholder", i+1, strings.TrimSpace(l))
		}
	}

	// The effective config the config command prints loads back to itself.
	y, err := c.Redacted()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load(writeConfig(t, string(y)), noEnv)
	if err != nil {
		t.Fatalf("Load(Redacted()): %v\n%s", err, y)
	}
	shown := func(s Secret) Secret { return Secret(RedactURL(s.Reveal())) }
	c.Allora.Endpoint = shown(c.Allora.Endpoint)
	c.Allora.Websocket = shown(c.Allora.Websocket)
	for i := range c.Allora.Endpoints {
		c.Allora.Endpoints[i] = shown(c.Allora.Endpoints[i])
	}
	for i := range c.Chains {
		c.Chains[i].RPC = shown(c.Chains[i].RPC)
		for j := range c.Chains[i].RPCs {
			c.Chains[i].RPCs[j] = shown(c.Chains[i].RPCs[j])
		}
	}
	for i := range c.Signers.Cosigners {
		c.Signers.Cosigners[i].URL = shown(c.Signers.Cosigners[i].URL)
	}
	if !reflect.DeepEqual(back, c) {
		t.Fatalf("Load(Redacted()) =\n%+v\nwant\n%+v", back, c)
	}

	// Example hands out a copy: a caller writing into it does not change the next one.
	b := Example()
	b[0] = '!'
	if Example()[0] == '!' {
		t.Error("Example returns the embedded bytes themselves")
	}
}

// The example operators copy from deploy/ is the one `allora-gateway config example`
// prints and the tests validate.
func TestDeployExampleIsTheEmbeddedExample(t *testing.T) {
	deployed, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "deploy", "relayer.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(deployed, Example()) {
		t.Error("deploy/relayer.example.yaml differs from cmd/allora-gateway/internal/config/example.yaml: copy the latter over the former")
	}
}
