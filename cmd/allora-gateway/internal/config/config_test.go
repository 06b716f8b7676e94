package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// env returns a lookupEnv over vars.
func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

var noEnv = env(nil)

// writeConfig writes content to a file in a new temporary directory and returns its path.
func writeConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "relayer.yaml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// minimal is a complete, valid file that sets no key with a default.
const minimal = `
allora:
  endpoint: https://allora-api.mainnet.allora.network/?key=TOKEN-allora
topics: [1, 7]
chains:
  - name: bnb
    chain_id: 56
    rpc: https://bsc.example/rpc/TOKEN-bnb
    oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
  - name: zksync-era
    chain_id: 324
    rpc: wss://zksync.example/ws/TOKEN-zksync
    oracle: 0xe7f1725e7734ce288f8367e1bb143e90bb3f0512 # unquoted, as people write it
signers:
  submitter: {keystore: /keys/submitter.json, passphrase_file: /keys/submitter.pass}
  oracle:
    - {keystore: /keys/oracle-0.json, passphrase_env: ORACLE_0_PASS}
    - {keystore: /keys/oracle-1.json, passphrase_file: /keys/oracle-1.pass}
`

func TestLoadDefaults(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	want := Config{
		Allora: Allora{
			Endpoint:         "https://allora-api.mainnet.allora.network/?key=TOKEN-allora",
			EmissionsVersion: "v9",
			RequestTimeout:   Duration{5 * time.Second},
		},
		Topics: []uint64{1, 7},
		Chains: []Chain{
			{Name: "bnb", ChainID: 56, RPC: "https://bsc.example/rpc/TOKEN-bnb", Oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"},
			{Name: "zksync-era", ChainID: 324, RPC: "wss://zksync.example/ws/TOKEN-zksync", Oracle: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"},
		},
		Relayer: Relayer{
			PollInterval:    Duration{5 * time.Second},
			PushInterval:    Duration{30 * time.Second},
			SubmitTimeout:   Duration{2 * time.Minute},
			LeaseTTL:        Duration{15 * time.Second},
			ShutdownTimeout: Duration{10 * time.Second},
			StallBlocks:     30,
			Deviation:       "0",
			Heartbeat:       Duration{time.Hour},
			PaidRequests:    PaidRequests{Serve: true, LookbackBlocks: 5000, PollInterval: Duration{2 * time.Second}},
		},
		Signers: Signers{
			Submitter: Key{Keystore: "/keys/submitter.json", PassphraseFile: "/keys/submitter.pass"},
			Oracle: []Key{
				{Keystore: "/keys/oracle-0.json", PassphraseEnv: "ORACLE_0_PASS"},
				{Keystore: "/keys/oracle-1.json", PassphraseFile: "/keys/oracle-1.pass"},
			},
		},
		Redis: Redis{Prefix: "allora-gateway", ReplicaTimeout: Duration{time.Second}},
		API: API{Listen: "127.0.0.1:8080", RateLimit: RateLimit{Rate: 50, Burst: 100}, CacheRefresh: Duration{5 * time.Second},
			StreamLog: 4096, MaxStreams: 10_000, MaxStreamsPerClient: 16},
		Log:    Log{Level: "info", Format: "text"},
		Cosign: Cosign{Listen: "127.0.0.1:9400", MaxBatch: 256, ReplayWindow: Duration{30 * time.Second}},
	}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Load =\n%#v\nwant\n%#v", c, want)
	}
	if got := c.Chains[0].OracleAddress().Hex(); got != "0x5FbDB2315678afecb367f032d93F642f64180aa3" {
		t.Errorf("OracleAddress = %s", got)
	}
}

func TestLoadFileOverridesDefaults(t *testing.T) {
	file := strings.Replace(minimal, `allora:
  endpoint: https://allora-api.mainnet.allora.network/?key=TOKEN-allora
`, `allora:
  endpoint: http://127.0.0.1:1317
  emissions_version: v5
  request_timeout: 750ms
`, 1)
	c, err := Load(writeConfig(t, file+`
relayer:
  poll_interval: 1m30s
api:
  listen: ""
log:
  format: json
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if c.Allora.EmissionsVersion != "v5" || c.Allora.RequestTimeout.Duration != 750*time.Millisecond {
		t.Errorf("allora = %+v", c.Allora)
	}
	if c.Relayer.PollInterval.Duration != 90*time.Second {
		t.Errorf("poll_interval = %s, want 1m30s", c.Relayer.PollInterval)
	}
	// Keys the file leaves out keep their defaults.
	if c.Relayer.PushInterval.Duration != 30*time.Second || c.Log.Level != "info" {
		t.Errorf("defaults lost: push_interval %s, log.level %q", c.Relayer.PushInterval, c.Log.Level)
	}
	if c.API.Listen != "" {
		t.Errorf("api.listen = %q, want the explicit empty string (API disabled)", c.API.Listen)
	}
	if c.Log.Format != "json" {
		t.Errorf("log.format = %q", c.Log.Format)
	}
}

func TestLoadNoFile(t *testing.T) {
	c, err := Load("", env(map[string]string{"ALLORA_GATEWAY_LOG_LEVEL": "debug"}))
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Log.Level = "debug"
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Load(\"\") = %+v, want %+v", c, want)
	}
}

func TestLoadEmptyFile(t *testing.T) {
	c, err := Load(writeConfig(t, "# nothing yet\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Fatalf("Load(empty) = %+v, want the defaults", c)
	}
}

func TestLoadEnvOverrides(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		check func(t *testing.T, c Config)
	}{
		{
			name: "secret string",
			env:  map[string]string{"ALLORA_GATEWAY_ALLORA_ENDPOINT": "https://node.example/?apikey=ENV"},
			check: func(t *testing.T, c Config) {
				if c.Allora.Endpoint.Reveal() != "https://node.example/?apikey=ENV" {
					t.Errorf("endpoint = %q", c.Allora.Endpoint.Reveal())
				}
			},
		},
		{
			name: "plain string",
			env:  map[string]string{"ALLORA_GATEWAY_ALLORA_EMISSIONS_VERSION": "v8", "ALLORA_GATEWAY_LOG_LEVEL": "warn", "ALLORA_GATEWAY_LOG_FORMAT": "text"},
			check: func(t *testing.T, c Config) {
				if c.Allora.EmissionsVersion != "v8" || c.Log.Level != "warn" || c.Log.Format != "text" {
					t.Errorf("got %q %q %q", c.Allora.EmissionsVersion, c.Log.Level, c.Log.Format)
				}
			},
		},
		{
			name: "duration",
			env:  map[string]string{"ALLORA_GATEWAY_RELAYER_POLL_INTERVAL": "2s", "ALLORA_GATEWAY_RELAYER_SUBMIT_TIMEOUT": "5m", "ALLORA_GATEWAY_ALLORA_REQUEST_TIMEOUT": "1500ms"},
			check: func(t *testing.T, c Config) {
				if c.Relayer.PollInterval.Duration != 2*time.Second || c.Relayer.SubmitTimeout.Duration != 5*time.Minute || c.Allora.RequestTimeout.Duration != 1500*time.Millisecond {
					t.Errorf("got %s %s %s", c.Relayer.PollInterval, c.Relayer.SubmitTimeout, c.Allora.RequestTimeout)
				}
			},
		},
		{
			name: "list",
			env:  map[string]string{"ALLORA_GATEWAY_TOPICS": "3, 9,12"},
			check: func(t *testing.T, c Config) {
				if !slices.Equal(c.Topics, []uint64{3, 9, 12}) {
					t.Errorf("topics = %v", c.Topics)
				}
			},
		},
		{
			name: "list of secrets",
			env: map[string]string{
				"ALLORA_GATEWAY_ALLORA_ENDPOINTS": "grpcs://grpc.example:443, https://rest.example/?key=ENV",
				"ALLORA_GATEWAY_ALLORA_WEBSOCKET": "wss://rpc.example/websocket",
			},
			check: func(t *testing.T, c Config) {
				want := []Secret{"grpcs://grpc.example:443", "https://rest.example/?key=ENV"}
				if !slices.Equal(c.Allora.Endpoints, want) || c.Allora.Websocket.Reveal() != "wss://rpc.example/websocket" {
					t.Errorf("endpoints = %q, websocket = %q", c.Allora.Endpoints, c.Allora.Websocket.Reveal())
				}
			},
		},
		{
			name: "empty list",
			env:  map[string]string{"ALLORA_GATEWAY_TOPICS": ""},
			check: func(t *testing.T, c Config) {
				if len(c.Topics) != 0 {
					t.Errorf("topics = %v, want none", c.Topics)
				}
			},
		},
		{
			name: "empty string disables",
			env:  map[string]string{"ALLORA_GATEWAY_API_LISTEN": ""},
			check: func(t *testing.T, c Config) {
				if c.API.Listen != "" {
					t.Errorf("api.listen = %q", c.API.Listen)
				}
			},
		},
		{
			name: "chain by name",
			env: map[string]string{
				"ALLORA_GATEWAY_CHAINS_BNB_RPC":             "https://bsc.example/ENV",
				"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_ORACLE":   "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
				"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_CHAIN_ID": "300",
				"ALLORA_GATEWAY_CHAINS_SONIC_RPC":           "https://sonic.example", // no such chain: adds nothing
				"ALLORA_GATEWAY_CHAINS_BNB_NAME":            "renamed",               // the name is the address, not a setting
			},
			check: func(t *testing.T, c Config) {
				if len(c.Chains) != 2 {
					t.Fatalf("chains = %d, want 2", len(c.Chains))
				}
				if c.Chains[0].Name != "bnb" || c.Chains[0].RPC.Reveal() != "https://bsc.example/ENV" {
					t.Errorf("bnb = %+v (rpc %q)", c.Chains[0], c.Chains[0].RPC.Reveal())
				}
				if c.Chains[1].Oracle != "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" || c.Chains[1].ChainID != 300 {
					t.Errorf("zksync-era = %+v", c.Chains[1])
				}
			},
		},
		{
			name: "keys",
			env: map[string]string{
				"ALLORA_GATEWAY_SIGNERS_SUBMITTER_PASSPHRASE_FILE": "/run/credentials/submitter",
				"ALLORA_GATEWAY_SIGNERS_SUBMITTER_KEYSTORE":        "/k/s.json",
				"ALLORA_GATEWAY_SIGNERS_ORACLE_1_PASSPHRASE_ENV":   "OTHER",
				"ALLORA_GATEWAY_SIGNERS_ORACLE_1_PASSPHRASE_FILE":  "",
			},
			check: func(t *testing.T, c Config) {
				if want := (Key{Keystore: "/k/s.json", PassphraseFile: "/run/credentials/submitter"}); c.Signers.Submitter != want {
					t.Errorf("submitter = %+v, want %+v", c.Signers.Submitter, want)
				}
				if want := (Key{Keystore: "/keys/oracle-1.json", PassphraseEnv: "OTHER"}); c.Signers.Oracle[1] != want {
					t.Errorf("oracle[1] = %+v, want %+v", c.Signers.Oracle[1], want)
				}
				if err := c.Validate(); err != nil {
					t.Errorf("Validate: %v", err)
				}
			},
		},
	}
	path := writeConfig(t, minimal)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(path, env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want []string // each must appear in the error
	}{
		{
			name: "unknown key",
			file: "allora:\n  endpoint: https://a.example\n  endpiont: https://b.example\n",
			want: []string{"relayer.yaml: line 3: field endpiont not found in type config.Allora"},
		},
		{
			name: "unknown top-level key",
			file: "topics: [1]\n\nsigner:\n  keystore: /k\n",
			want: []string{"line 3: field signer not found in type config.Config"},
		},
		{
			name: "unknown key in a list element",
			file: "chains:\n  - name: bnb\n    rpc_urls: [https://a.example]\n",
			want: []string{"line 3: field rpc_urls not found in type config.Chain"},
		},
		{
			name: "malformed duration",
			file: "relayer:\n  poll_interval: 5 seconds\n",
			want: []string{`line 2: invalid duration "5 seconds": want a number with a unit, such as 5s, 2m or 1h30m`},
		},
		{
			name: "duration without unit",
			file: "relayer:\n  push_interval: 30\n",
			want: []string{`line 2: invalid duration "30"`},
		},
		{
			name: "duration not a scalar",
			file: "allora:\n  request_timeout: [5s]\n",
			want: []string{"line 2: want a duration such as 5s"},
		},
		{
			name: "every error at once",
			file: "relayer:\n  poll_interval: soon\n  submit_timeout: later\nchains:\n  - chain_id: fifty-six\napi:\n  port: 8080\n",
			want: []string{
				`relayer.yaml: line 2: invalid duration "soon"`,
				`relayer.yaml: line 3: invalid duration "later"`,
				"relayer.yaml: line 5: cannot unmarshal !!str `fifty-six` into uint64",
				"relayer.yaml: line 7: field port not found in type config.API",
			},
		},
		{
			name: "syntax error",
			file: "allora:\n  endpoint: [unclosed\n",
			want: []string{"relayer.yaml: yaml: line"},
		},
		{
			name: "two documents",
			file: "topics: [1]\n---\ntopics: [2]\n",
			want: []string{"line 2: a second YAML document"},
		},
		{
			name: "malformed env duration",
			file: minimal,
			env:  map[string]string{"ALLORA_GATEWAY_RELAYER_PUSH_INTERVAL": "30"},
			want: []string{`environment: ALLORA_GATEWAY_RELAYER_PUSH_INTERVAL: invalid duration "30"`},
		},
		{
			name: "malformed env list",
			file: minimal,
			env:  map[string]string{"ALLORA_GATEWAY_TOPICS": "1,two", "ALLORA_GATEWAY_CHAINS_BNB_CHAIN_ID": "-56"},
			want: []string{
				`ALLORA_GATEWAY_TOPICS: item 2: "two" is not an unsigned integer of 64 bits`,
				`ALLORA_GATEWAY_CHAINS_BNB_CHAIN_ID: "-56" is not an unsigned integer of 64 bits`,
			},
		},
		{
			name: "env list with an empty item",
			file: minimal,
			env:  map[string]string{"ALLORA_GATEWAY_TOPICS": "1,,2"},
			want: []string{"ALLORA_GATEWAY_TOPICS: item 2 of the comma-separated list is empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.file)
			_, err := Load(path, env(tt.env))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not say %q", err, w)
				}
			}
		})
	}

	_, err := Load(filepath.Join(t.TempDir(), "absent.yaml"), noEnv)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing file: error %v is not fs.ErrNotExist", err)
	}
}

// TestEnvNames checks that every key of the config has its variable, so that a field
// added to Config without a type the environment walk handles fails here.
func TestEnvNames(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := applyEnv(&c, noEnv); err != nil {
		t.Fatalf("walking the config: %v", err)
	}
	got := EnvNames(c)
	want := []string{
		"ALLORA_GATEWAY_ALLORA_PRESET",
		"ALLORA_GATEWAY_ALLORA_ENDPOINT",
		"ALLORA_GATEWAY_ALLORA_ENDPOINTS",
		"ALLORA_GATEWAY_ALLORA_WEBSOCKET",
		"ALLORA_GATEWAY_ALLORA_EMISSIONS_VERSION",
		"ALLORA_GATEWAY_ALLORA_REQUEST_TIMEOUT",
		"ALLORA_GATEWAY_TOPICS",
		"ALLORA_GATEWAY_CHAINS_BNB_CHAIN_ID",
		"ALLORA_GATEWAY_CHAINS_BNB_RPC",
		"ALLORA_GATEWAY_CHAINS_BNB_RPCS",
		"ALLORA_GATEWAY_CHAINS_BNB_ORACLE",
		"ALLORA_GATEWAY_CHAINS_BNB_ADDRESSES_FILE",
		"ALLORA_GATEWAY_CHAINS_BNB_PRESET",
		"ALLORA_GATEWAY_CHAINS_BNB_FEE_MODE",
		"ALLORA_GATEWAY_CHAINS_BNB_CONFIRMATIONS",
		"ALLORA_GATEWAY_CHAINS_BNB_FINALITY",
		"ALLORA_GATEWAY_CHAINS_BNB_BLOCK_TIME",
		"ALLORA_GATEWAY_CHAINS_BNB_RESUBMIT_AFTER",
		"ALLORA_GATEWAY_CHAINS_BNB_MAX_GAS_PRICE_GWEI",
		"ALLORA_GATEWAY_CHAINS_BNB_MAX_BATCH_GAS",
		"ALLORA_GATEWAY_CHAINS_BNB_MIN_BALANCE",
		"ALLORA_GATEWAY_CHAINS_BNB_EXPLORER",
		"ALLORA_GATEWAY_CHAINS_BNB_MAX_IN_FLIGHT",
		"ALLORA_GATEWAY_CHAINS_BNB_TREASURY",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_CHAIN_ID",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_RPC",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_RPCS",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_ORACLE",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_ADDRESSES_FILE",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_PRESET",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_FEE_MODE",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_CONFIRMATIONS",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_FINALITY",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_BLOCK_TIME",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_RESUBMIT_AFTER",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_MAX_GAS_PRICE_GWEI",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_MAX_BATCH_GAS",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_MIN_BALANCE",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_EXPLORER",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_MAX_IN_FLIGHT",
		"ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_TREASURY",
		"ALLORA_GATEWAY_RELAYER_POLL_INTERVAL",
		"ALLORA_GATEWAY_RELAYER_PUSH_INTERVAL",
		"ALLORA_GATEWAY_RELAYER_SUBMIT_TIMEOUT",
		"ALLORA_GATEWAY_RELAYER_LEASE_TTL",
		"ALLORA_GATEWAY_RELAYER_SHUTDOWN_TIMEOUT",
		"ALLORA_GATEWAY_RELAYER_STALL_BLOCKS",
		"ALLORA_GATEWAY_RELAYER_DEVIATION",
		"ALLORA_GATEWAY_RELAYER_HEARTBEAT",
		"ALLORA_GATEWAY_RELAYER_MAX_BATCH_GAS",
		"ALLORA_GATEWAY_RELAYER_PAID_REQUESTS_SERVE",
		"ALLORA_GATEWAY_RELAYER_PAID_REQUESTS_LOOKBACK_BLOCKS",
		"ALLORA_GATEWAY_RELAYER_PAID_REQUESTS_POLL_INTERVAL",
		"ALLORA_GATEWAY_SIGNERS_SUBMITTER_KEYSTORE",
		"ALLORA_GATEWAY_SIGNERS_SUBMITTER_PASSPHRASE_FILE",
		"ALLORA_GATEWAY_SIGNERS_SUBMITTER_PASSPHRASE_ENV",
		"ALLORA_GATEWAY_SIGNERS_SUBMITTER_KMS_KEY_ID",
		"ALLORA_GATEWAY_SIGNERS_SUBMITTER_KMS_REGION",
		"ALLORA_GATEWAY_SIGNERS_SUBMITTER_KMS_ENDPOINT",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_0_KEYSTORE",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_0_PASSPHRASE_FILE",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_0_PASSPHRASE_ENV",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_0_KMS_KEY_ID",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_0_KMS_REGION",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_0_KMS_ENDPOINT",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_1_KEYSTORE",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_1_PASSPHRASE_FILE",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_1_PASSPHRASE_ENV",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_1_KMS_KEY_ID",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_1_KMS_REGION",
		"ALLORA_GATEWAY_SIGNERS_ORACLE_1_KMS_ENDPOINT",
		"ALLORA_GATEWAY_SIGNERS_KEEPER_KEYSTORE",
		"ALLORA_GATEWAY_SIGNERS_KEEPER_PASSPHRASE_FILE",
		"ALLORA_GATEWAY_SIGNERS_KEEPER_PASSPHRASE_ENV",
		"ALLORA_GATEWAY_SIGNERS_KEEPER_KMS_KEY_ID",
		"ALLORA_GATEWAY_SIGNERS_KEEPER_KMS_REGION",
		"ALLORA_GATEWAY_SIGNERS_KEEPER_KMS_ENDPOINT",
		"ALLORA_GATEWAY_SIGNERS_RECORD",
		"ALLORA_GATEWAY_REDIS_URL",
		"ALLORA_GATEWAY_REDIS_PREFIX",
		"ALLORA_GATEWAY_REDIS_MIN_REPLICAS",
		"ALLORA_GATEWAY_REDIS_REPLICA_TIMEOUT",
		"ALLORA_GATEWAY_API_LISTEN",
		"ALLORA_GATEWAY_API_METRICS_LISTEN",
		"ALLORA_GATEWAY_API_CORS_ORIGINS",
		"ALLORA_GATEWAY_API_RATE_LIMIT_RATE",
		"ALLORA_GATEWAY_API_RATE_LIMIT_BURST",
		"ALLORA_GATEWAY_API_KEY_RATE_LIMIT_RATE",
		"ALLORA_GATEWAY_API_KEY_RATE_LIMIT_BURST",
		"ALLORA_GATEWAY_API_KEYS_FILE",
		"ALLORA_GATEWAY_API_KEYS_ENV",
		"ALLORA_GATEWAY_API_TRUSTED_PROXIES",
		"ALLORA_GATEWAY_API_CACHE_REFRESH",
		"ALLORA_GATEWAY_API_STREAM_LOG",
		"ALLORA_GATEWAY_API_MAX_STREAMS",
		"ALLORA_GATEWAY_API_MAX_STREAMS_PER_CLIENT",
		"ALLORA_GATEWAY_LOG_LEVEL",
		"ALLORA_GATEWAY_LOG_FORMAT",
		"ALLORA_GATEWAY_COSIGN_LISTEN",
		"ALLORA_GATEWAY_COSIGN_KEY_KEYSTORE",
		"ALLORA_GATEWAY_COSIGN_KEY_PASSPHRASE_FILE",
		"ALLORA_GATEWAY_COSIGN_KEY_PASSPHRASE_ENV",
		"ALLORA_GATEWAY_COSIGN_KEY_KMS_KEY_ID",
		"ALLORA_GATEWAY_COSIGN_KEY_KMS_REGION",
		"ALLORA_GATEWAY_COSIGN_KEY_KMS_ENDPOINT",
		"ALLORA_GATEWAY_COSIGN_MAX_BATCH",
		"ALLORA_GATEWAY_COSIGN_REPLAY_WINDOW",
		"ALLORA_GATEWAY_COSIGN_RECORD",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("EnvNames =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRedacted(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Redacted()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if strings.Contains(s, "TOKEN") {
		t.Fatalf("Redacted reveals a secret:\n%s", s)
	}
	for _, want := range []string{
		// Only the credentials of a URL are hidden: its host says which node it is.
		"endpoint: https://allora-api.mainnet.allora.network/?key=xxxxx",
		"rpc: https://bsc.example/rpc/xxxxx",
		"rpc: wss://zksync.example/ws/xxxxx",
		"oracle: 0x5FbDB2315678afecb367f032d93F642f64180aa3",
		"emissions_version: v9",
		"poll_interval: 5s",
		"submit_timeout: 2m0s",
		"keystore: /keys/oracle-1.json",
		"passphrase_env: ORACLE_0_PASS",
		"listen: 127.0.0.1:8080",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("Redacted does not hold %q:\n%s", want, s)
		}
	}

	// What Redacted prints loads back to the same config, secrets aside.
	back, err := Load(writeConfig(t, s), noEnv)
	if err != nil {
		t.Fatalf("Load(Redacted()): %v", err)
	}
	c.Allora.Endpoint = Secret(RedactURL(c.Allora.Endpoint.Reveal()))
	for i := range c.Chains {
		c.Chains[i].RPC = Secret(RedactURL(c.Chains[i].RPC.Reveal()))
	}
	if !reflect.DeepEqual(back, c) {
		t.Fatalf("Load(Redacted()) =\n%+v\nwant\n%+v", back, c)
	}
}

func TestRedisSettings(t *testing.T) {
	c := Default()
	if c.Redis.URL != "" || c.Redis.Prefix != "allora-gateway" {
		t.Fatalf("default redis = %+v, want no URL (memory) and prefix allora-gateway", c.Redis)
	}
	if got := fmt.Sprint(c.Redis.URL); got != "" {
		t.Errorf("an unset secret prints as %q, want empty", got)
	}
	c.Redis.URL = "http://user:hunter2@redis.example:6379"
	c.Redis.Prefix = ""
	err := c.Validate()
	for _, want := range []string{"redis.url: must be a redis://", "redis.prefix: must be set"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate = %v, want it to report %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "hunter2") {
		t.Errorf("Validate quoted the redis password: %v", err)
	}
	c.Redis.URL = "rediss://default:hunter2@redis.example:6380/0"
	c.Redis.Prefix = "gw"
	if err := c.Validate(); err != nil && strings.Contains(err.Error(), "redis") {
		t.Errorf("a rediss:// URL is refused: %v", err)
	}
}

func TestPredictionsMapAssetsToTopics(t *testing.T) {
	c := Default()
	c.Allora.Endpoint = "http://127.0.0.1:1317"
	c.Topics = []uint64{1, 2}
	c.Chains = []Chain{{Name: "bnb", ChainID: 56, RPC: "http://127.0.0.1:8545", Oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}}
	c.Signers = Signers{Submitter: Key{Keystore: "/k/s.json", PassphraseEnv: "S"}, Oracle: []Key{{Keystore: "/k/o.json", PassphraseEnv: "O"}}}
	c.Predictions = []Prediction{{Asset: "ETH", Timeframe: "5m", Topic: 1}, {Asset: "BTC", Timeframe: "8h", Topic: 2}}
	if err := c.Validate(); err != nil {
		t.Fatalf("a valid mapping: %v", err)
	}
	if got := c.AssetTopics(); len(got) != 2 || got[1].Asset != "BTC" || got[1].Timeframe != "8h" || got[1].TopicID != 2 {
		t.Errorf("AssetTopics = %+v", got)
	}
	c.Predictions = []Prediction{
		{Asset: "eth", Timeframe: "5m", Topic: 1},
		{Asset: "ETH", Timeframe: "five", Topic: 1},
		{Asset: "SOL", Timeframe: "1h", Topic: 9},
		{Asset: "BTC", Timeframe: "8h", Topic: 2},
		{Asset: "BTC", Timeframe: "8h", Topic: 1},
	}
	err := c.Validate()
	for _, want := range []string{
		`predictions[0]: asset "eth"`,
		`predictions[1]: timeframe "five"`,
		"predictions[2]: topic 9 is not among topics",
		"predictions[4]: BTC/8h already maps to a topic at predictions[3]",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate = %v, want it to report %q", err, want)
		}
	}
}
