package config

import (
	"errors"
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		// Nothing secret: shown as is.
		{"http://127.0.0.1:8545", "http://127.0.0.1:8545"},
		{"ws://127.0.0.1:8546/", "ws://127.0.0.1:8546/"},
		{"https://bsc-dataseed.bnbchain.org", "https://bsc-dataseed.bnbchain.org"},
		{"https://api.avax.network/ext/bc/C/rpc", "https://api.avax.network/ext/bc/C/rpc"},
		{"grpcs://allora-grpc.mainnet.allora.network:443", "grpcs://allora-grpc.mainnet.allora.network:443"},
		{"wss://allora-rpc.mainnet.allora.network/websocket", "wss://allora-rpc.mainnet.allora.network/websocket"},
		{"unix:///run/redis/redis.sock", "unix:///run/redis/redis.sock"},
		// Keys in path segments, as providers put them.
		{"https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161", "https://mainnet.infura.io/v3/xxxxx"},
		{"wss://eth-mainnet.g.alchemy.com/v2/Xy_zAbc-9QrsTuv", "wss://eth-mainnet.g.alchemy.com/v2/xxxxx"},
		{"https://rpc.ankr.com/bsc/0123456789abcdef0123456789abcdef", "https://rpc.ankr.com/bsc/xxxxx"},
		{"https://frosty-pond.bsc.quiknode.pro/4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6/", "https://frosty-pond.bsc.quiknode.pro/xxxxx/"},
		{"https://bsc-mainnet.blastapi.io/0a1b2c3d-4e5f-6789-abcd-ef0123456789", "https://bsc-mainnet.blastapi.io/xxxxx"},
		{"https://node.example/abcdefghijklmnopqrstuvwxyz", "https://node.example/xxxxx"},
		// Userinfo: the password, or a user name standing alone (a key given as the user).
		{"redis://:hunter2@redis.example:6379/0", "redis://:xxxxx@redis.example:6379/0"},
		{"rediss://default:hunter2@redis.example:6380", "rediss://default:xxxxx@redis.example:6380"},
		{"https://apikey123@node.example/rpc", "https://xxxxx@node.example/rpc"},
		// Query values, and a fragment.
		{"https://node.example/?apikey=TOPSECRET&chain=bsc", "https://node.example/?apikey=xxxxx&chain=xxxxx"},
		{"https://node.example/rpc?TOPSECRET", "https://node.example/rpc?xxxxx"},
		{"https://node.example/rpc#frag", "https://node.example/rpc#xxxxx"},
		// Not a URL: hidden whole.
		{"TOPSECRET-token", "xxxxx"},
		{"node.example:8545", "xxxxx"},
		{"http://[::1:8545", "xxxxx"},
	}
	for _, tt := range tests {
		if got := RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactURLsIn(t *testing.T) {
	u := "https://bsc.example/v3/9aa3d95b3bc440fa88ea12eaa4456161?token=TOPSECRET"
	msg := `Post "` + u + `": dial tcp: connection refused; provider says: invalid project id 9aa3d95b3bc440fa88ea12eaa4456161 (TOPSECRET)`
	got := RedactURLsIn(msg, u, "")
	if strings.Contains(got, "9aa3d95b") || strings.Contains(got, "TOPSECRET") {
		t.Errorf("RedactURLsIn left a secret: %s", got)
	}
	if !strings.Contains(got, `Post "https://bsc.example/v3/xxxxx?token=xxxxx": dial tcp`) {
		t.Errorf("RedactURLsIn = %s, want the URL shown redacted", got)
	}
	// A short part is no secret and is left alone elsewhere in the message.
	if got := RedactURLsIn("db 0 of 10", "redis://redis.example:6379/0?db=0"); got != "db 0 of 10" {
		t.Errorf("RedactURLsIn garbled a message: %q", got)
	}
}

func TestUnknownEnv(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	c.Signers.Submitter.PassphraseEnv = "ALLORA_GATEWAY_SUBMITTER_PASSPHRASE"
	got := UnknownEnv(c, []string{
		"PATH=/usr/bin",
		"ALLORA_GATEWAY_CHAINS_BNB_RPC=https://bsc.example/KEY",     // known
		"ALLORA_GATEWAY_CHAINS_BNBB_RPC=https://bsc.example/KEY",    // typo of a chain's name
		"ALLORA_GATEWAY_ALORA_ENDPOINT=https://allora.example/KEY",  // typo of a key
		"ALLORA_GATEWAY_CHAINS_POLYGON_RPC=https://polygon.example", // a chain the file does not list
		"ALLORA_GATEWAY_SUBMITTER_PASSPHRASE=hunter2",               // named by the config
		"ALLORA_GATEWAY_LOG_LEVEL=debug",                            // known
		"ALLORA_GATEWAY_FROBNICATE=1",                               // nothing close
		"ALLORA_GATEWAY_FROBNICATE=2",                               // reported once
	})
	want := []string{
		"ALLORA_GATEWAY_ALORA_ENDPOINT is set but is not a variable of this config, so it is ignored (did you mean ALLORA_GATEWAY_ALLORA_ENDPOINT?)",
		"ALLORA_GATEWAY_CHAINS_BNBB_RPC is set but is not a variable of this config, so it is ignored (did you mean ALLORA_GATEWAY_CHAINS_BNB_RPC?)",
		"ALLORA_GATEWAY_CHAINS_POLYGON_RPC is set but is not a variable of this config, so it is ignored; chains are addressed by their name",
		"ALLORA_GATEWAY_FROBNICATE is set but is not a variable of this config, so it is ignored",
	}
	if len(got) != len(want) {
		t.Fatalf("UnknownEnv = %q, want %d messages", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("message %d = %q, want it to start with %q", i, got[i], want[i])
		}
		if strings.Contains(got[i], "KEY") || strings.Contains(got[i], "hunter2") {
			t.Errorf("message %d shows a value: %q", i, got[i])
		}
	}
	if strings.Contains(got[3], "did you mean") {
		t.Errorf("a suggestion for a name close to nothing: %q", got[3])
	}
}

// TestLoadReadsPastTypeErrors checks that a value of the wrong type does not hide the
// rest of the file: Load returns the error with its line and the config with every
// other key, so that Validate reports the problems beside it.
func TestLoadReadsPastTypeErrors(t *testing.T) {
	path := writeConfig(t, minimal+"relayer:\n  poll_interval: soon\n  deviation: lots\napi:\n  listen: nowhere\n  port: 8080\n")
	c, err := Load(path, env(map[string]string{"ALLORA_GATEWAY_RELAYER_STALL_BLOCKS": "many"}))
	if err == nil || errors.Is(err, ErrUnreadable) {
		t.Fatalf("Load error = %v, want type errors", err)
	}
	for _, w := range []string{`line 20: invalid duration "soon"`, "line 24: field port not found", "ALLORA_GATEWAY_RELAYER_STALL_BLOCKS"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Load error does not say %q:\n%v", w, err)
		}
	}
	if len(c.Chains) != 2 || c.Chains[1].Name != "zksync-era" || c.API.Listen != "nowhere" || c.Relayer.Deviation != "lots" {
		t.Fatalf("Load did not read the rest of the file: %+v", c)
	}
	verr := c.Validate()
	for _, w := range []string{"relayer.deviation", `api.listen "nowhere"`} {
		if verr == nil || !strings.Contains(verr.Error(), w) {
			t.Errorf("Validate after a type error does not say %q: %v", w, verr)
		}
	}

	// A file that is not YAML has nothing to read past.
	if _, err := Load(writeConfig(t, "allora:\n  endpoint: [unclosed\n"), noEnv); !errors.Is(err, ErrUnreadable) {
		t.Errorf("Load of a syntax error: %v, want ErrUnreadable", err)
	}
}
