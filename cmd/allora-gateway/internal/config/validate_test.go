package config

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestValidateReportsEveryProblem(t *testing.T) {
	c, err := Load("testdata/broken.yaml", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Validate()
	if err == nil {
		t.Fatal("Validate passed a broken config")
	}
	want := []string{
		"allora.endpoint: must be an http(s) URL",
		`allora.emissions_version "v4": want v5 to v10`,
		"allora.request_timeout: must be greater than 0, got 0s",
		"topics[1]: 0 is not a topic id (ids start at 1)",
		"topics[2]: topic 7 already listed at topics[0]",
		"chains[0] (bnb): rpc must be an http(s) or ws(s) URL",
		`chains[0] (bnb): oracle "0x12": not an address (want 0x and 40 hex digits)`,
		"chains[1] (sonic): chain_id must be set",
		`chains[1] (sonic): finality "latest": want finalized, safe or depth`,
		"chains[1] (sonic): max_in_flight must be 1 to 16 (how many of the submitter's transactions wait for confirmation at once), got 17",
		`chains[1] (sonic): oracle "0x5fbdb2315678afecb367f032d93f642f64180aA3": bad EIP-55 checksum`,
		"chains[2] (BNB): name duplicates chains[0] (bnb)",
		"chains[2] (BNB): chain_id 56 duplicates chains[0] (bnb)",
		"chains[2] (BNB): rpc must be set",
		`chains[2] (BNB): oracle "0x0000000000000000000000000000000000000000": the zero address`,
		"chains[3]: name must be set",
		"chains[3]: rpc must be an http(s) or ws(s) URL",
		`chains[3]: oracle "5FbDB2315678afecb367f032d93F642f64180aa3": not an address`,
		"relayer.poll_interval: must be greater than 0, got -5s",
		"relayer.push_interval: must be greater than 0, got 0s",
		"signers.submitter: keystore must be set",
		"signers.submitter: set exactly one of passphrase_file and passphrase_env",
		"signers.oracle[0]: set exactly one of passphrase_file and passphrase_env",
		"signers.oracle[1]: keystore /keys/oracle-0.json already used by signers.oracle[0]",
		`api.listen "8080": want host:port such as 127.0.0.1:8080, or empty to disable the API`,
		`log.level "verbose": want debug, info, warn or error`,
		`log.format "logfmt": want text or json`,
	}
	lines := strings.Split(err.Error(), "\n")
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q", w)
		}
	}
	if len(lines) != len(want) {
		t.Errorf("Validate reports %d problems, want %d:\n%v", len(lines), len(want), err)
	}
	if strings.Contains(err.Error(), "SECRET") {
		t.Errorf("Validate reveals a secret:\n%v", err)
	}
}

func TestValidateEmpty(t *testing.T) {
	err := Default().Validate()
	if err == nil {
		t.Fatal("Validate passed the bare defaults")
	}
	for _, w := range []string{
		"allora.endpoint: must be set",
		"topics: at least one topic",
		"chains: at least one chain",
		"signers.submitter: keystore must be set",
		"signers.oracle: at least one key",
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q:\n%v", w, err)
		}
	}
}

func TestValidateAlloraEndpoints(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	c.Allora.Endpoints = []Secret{
		"grpcs://allora-grpc.example:443/?token=SECRET-1",
		"",
		"ftp://allora.example/SECRET-2",
		"https://ALLORA-API.mainnet.allora.network/?key=TOKEN-allora",
		"grpcs://allora-grpc.example:443/?token=SECRET-1",
	}
	c.Allora.Websocket = "tcp://rpc.example:26657/SECRET-3"
	err = c.Validate()
	if err == nil {
		t.Fatal("Validate passed bad endpoints")
	}
	want := []string{
		"allora.endpoints[1]: must be set",
		"allora.endpoints[2]: must be an http(s) URL (REST) or a grpc:// or grpcs:// address (gRPC)",
		"allora.endpoints[3]: duplicates allora.endpoint",
		"allora.endpoints[4]: duplicates allora.endpoints[0]",
		"allora.websocket: must be the node's CometBFT RPC as an http(s) or ws(s) URL",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q:\n%v", w, err)
		}
	}
	if n := len(strings.Split(err.Error(), "\n")); n != len(want) {
		t.Errorf("Validate reports %d problems, want %d:\n%v", n, len(want), err)
	}
	if strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "TOKEN") {
		t.Errorf("Validate reveals a secret:\n%v", err)
	}

	// endpoints alone is enough; endpoint comes first when both are set.
	c.Allora.Endpoint = ""
	c.Allora.Endpoints = []Secret{"grpc://127.0.0.1:9090", "http://127.0.0.1:1317"}
	c.Allora.Websocket = "ws://127.0.0.1:26657/websocket"
	if err := c.Validate(); err != nil {
		t.Fatalf("endpoints without endpoint: %v", err)
	}
	c.Allora.Endpoint = "https://allora-api.example"
	if got := c.Allora.AllEndpoints(); len(got) != 3 || got[0] != "https://allora-api.example" || got[2] != "http://127.0.0.1:1317" {
		t.Errorf("AllEndpoints = %q", got)
	}
	c.Allora.Endpoint, c.Allora.Endpoints = "", nil
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "allora.endpoint: must be set") {
		t.Errorf("no endpoint at all: Validate = %v", err)
	}
}

func TestCheckAddress(t *testing.T) {
	tests := []struct {
		addr string
		want string // "" for valid
	}{
		{"0x5FbDB2315678afecb367f032d93F642f64180aa3", ""}, // EIP-55
		{"0x5fbdb2315678afecb367f032d93f642f64180aa3", ""}, // all lower: no checksum
		{"0x5FBDB2315678AFECB367F032D93F642F64180AA3", ""}, // all upper: no checksum
		{"0x0000000000000000000000000000000000000038", ""},
		{"0x5FbDB2315678afecb367f032d93F642f64180aA3", "bad EIP-55 checksum"},
		{"0x5FbDB2315678afecb367f032d93F642f64180a", "not an address"},
		{"0x5FbDB2315678afecb367f032d93F642f64180aa3aa", "not an address"},
		{"0xZZbDB2315678afecb367f032d93F642f64180aa3", "not an address"},
		{"5FbDB2315678afecb367f032d93F642f64180aa3", "not an address"},
		{"0X5FbDB2315678afecb367f032d93F642f64180aa3", "not an address"},
		{"0x0000000000000000000000000000000000000000", "the zero address"},
	}
	for _, tt := range tests {
		got := checkAddress(tt.addr)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("checkAddress(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestValidateListen(t *testing.T) {
	for listen, ok := range map[string]bool{
		"":                true,
		"127.0.0.1:8080":  true,
		":8080":           true,
		"[::1]:8080":      true,
		"localhost:0":     true,
		"8080":            false,
		"127.0.0.1":       false,
		"127.0.0.1:http":  false,
		"127.0.0.1:70000": false,
	} {
		c, err := Load(writeConfig(t, minimal), noEnv)
		if err != nil {
			t.Fatal(err)
		}
		c.API.Listen = listen
		if err := c.Validate(); (err == nil) != ok {
			t.Errorf("api.listen %q: Validate = %v, want ok %v", listen, err, ok)
		}
	}
}

// TestValidateAPIEdge reports every problem of the API's edge settings at once, and
// passes a complete one.
func TestValidateAPIEdge(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	c.API = API{
		Listen:         "127.0.0.1:8080",
		MetricsListen:  "127.0.0.1:8080",
		RateLimit:      RateLimit{Rate: -1},
		KeyRateLimit:   RateLimit{Rate: 5, Burst: 0},
		KeysFile:       "/run/api-keys",
		KeysEnv:        "API_KEYS",
		TrustedProxies: []string{"10.0.0.0/8", "10.0.0.1", "proxy.local/24"},
	}
	err = c.Validate()
	if err == nil {
		t.Fatal("Validate passed a broken api section")
	}
	want := []string{
		`api.metrics_listen "127.0.0.1:8080": must differ from api.listen`,
		"api.rate_limit.rate: must be a number of requests per second, 0 or more (0 turns it off), got -1",
		"api.key_rate_limit.burst: must be at least 1 when api.key_rate_limit.rate is set, got 0",
		"api: set at most one of keys_file and keys_env",
		`api.trusted_proxies[1] "10.0.0.1": want a CIDR`,
		`api.trusted_proxies[2] "proxy.local/24": want a CIDR`,
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q:\n%v", w, err)
		}
	}
	if n := len(strings.Split(err.Error(), "\n")); n != len(want) {
		t.Errorf("Validate reports %d problems, want %d:\n%v", n, len(want), err)
	}

	c.API = API{Listen: "0.0.0.0:8080", MetricsListen: "127.0.0.1:9090", RateLimit: RateLimit{Rate: 0.5, Burst: 1},
		KeyRateLimit: RateLimit{Rate: 100, Burst: 200}, KeysEnv: "API_KEYS", TrustedProxies: []string{"10.0.0.0/8", "2001:db8::/32"}}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate refused a complete api section: %v", err)
	}
}

func TestValidateAPIStreamsAndCache(t *testing.T) {
	c, err := Load(writeConfig(t, minimal), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if c.API.CacheRefresh.Duration != 5*time.Second || c.API.StreamLog != 4096 || c.API.MaxStreams != 10_000 || c.API.MaxStreamsPerClient != 16 {
		t.Errorf("defaults: cache_refresh %s, stream_log %d, max_streams %d, max_streams_per_client %d",
			c.API.CacheRefresh, c.API.StreamLog, c.API.MaxStreams, c.API.MaxStreamsPerClient)
	}
	c.API.CacheRefresh = Duration{-time.Second}
	c.API.StreamLog = 1<<20 + 1
	c.API.MaxStreams, c.API.MaxStreamsPerClient = 10, 11
	err = c.Validate()
	if err == nil {
		t.Fatal("Validate passed a broken cache and stream section")
	}
	want := []string{
		"api.cache_refresh -1s: must be 0",
		"api.stream_log 1048577: must be from 1 to 1048576 events",
		"api.max_streams_per_client 11: above api.max_streams 10",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q:\n%v", w, err)
		}
	}
	if n := len(strings.Split(err.Error(), "\n")); n != len(want) {
		t.Errorf("Validate reports %d problems, want %d:\n%v", n, len(want), err)
	}
	c.API.MaxStreams = -1
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "must be 0 (no cap) or more") {
		t.Errorf("Validate of a negative max_streams: %v", err)
	}
}

// TestAPIEdgeFromEnvironment sets every edge setting from the environment, the rate as
// a fraction.
func TestAPIEdgeFromEnvironment(t *testing.T) {
	env := map[string]string{
		"ALLORA_GATEWAY_API_RATE_LIMIT_RATE":      "0.5",
		"ALLORA_GATEWAY_API_RATE_LIMIT_BURST":     "3",
		"ALLORA_GATEWAY_API_TRUSTED_PROXIES":      "10.0.0.0/8, 192.168.0.0/16",
		"ALLORA_GATEWAY_API_KEYS_ENV":             "API_KEYS",
		"ALLORA_GATEWAY_API_METRICS_LISTEN":       "127.0.0.1:9090",
		"ALLORA_GATEWAY_API_KEY_RATE_LIMIT_RATE":  "fast",
		"ALLORA_GATEWAY_API_KEY_RATE_LIMIT_BURST": "9",
	}
	c, err := Load(writeConfig(t, minimal), func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err == nil || !strings.Contains(err.Error(), `ALLORA_GATEWAY_API_KEY_RATE_LIMIT_RATE: "fast" is not a number`) {
		t.Errorf("Load = %v, want the malformed rate named", err)
	}
	want := API{Listen: "127.0.0.1:8080", MetricsListen: "127.0.0.1:9090", RateLimit: RateLimit{Rate: 0.5, Burst: 3},
		KeyRateLimit: RateLimit{Burst: 9}, KeysEnv: "API_KEYS", TrustedProxies: []string{"10.0.0.0/8", "192.168.0.0/16"},
		CacheRefresh: Duration{5 * time.Second}, StreamLog: 4096, MaxStreams: 10_000, MaxStreamsPerClient: 16}
	if !reflect.DeepEqual(c.API, want) {
		t.Errorf("api = %+v, want %+v", c.API, want)
	}
}

func TestValidateReportsLeaseAndShutdownBounds(t *testing.T) {
	c := Default()
	c.Relayer.LeaseTTL = Duration{time.Second}
	c.Relayer.ShutdownTimeout = Duration{20 * time.Second}
	c.Relayer.StallBlocks = 0
	err := c.Validate()
	for _, want := range []string{
		"relayer.lease_ttl: must be at least 3s (it is renewed every third of it, over the network), got 1s",
		"relayer.shutdown_timeout: must be greater than 0 and under 15s (the process is forced to exit then), got 20s",
		"relayer.stall_blocks: must be at least 1, got 0",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v\nwant it to report %q", err, want)
		}
	}
}

func TestValidateReportsEveryRelayerPolicyProblem(t *testing.T) {
	c, err := Load(writeConfig(t, minimal+`relayer:
  deviation: 5 percent
  heartbeat: -1m
  topic_policies:
    - {topic: 1, deviation: "-1%"}
    - {topic: 9, heartbeat: 1m}
    - {topic: 1, heartbeat: 2m}
    - {topic: 7}
  paid_requests: {serve: true, poll_interval: 0s}
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Validate()
	if err == nil {
		t.Fatal("Validate passed bad relayer policies")
	}
	want := []string{
		`relayer.deviation: invalid deviation "5 percent"`,
		"relayer.heartbeat: must be 0s (no heartbeat) or more, got -1m0s",
		`relayer.topic_policies[0]: deviation: invalid deviation "-1%": a deviation cannot be negative`,
		"relayer.topic_policies[1]: topic 9 is not among topics",
		"relayer.topic_policies[2]: topic 1 already has a policy at relayer.topic_policies[0]",
		"relayer.topic_policies[3]: set deviation or heartbeat (or remove the entry)",
		"relayer.paid_requests.poll_interval: must be greater than 0, got 0s",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not say %q", w)
		}
	}
	if n := len(strings.Split(err.Error(), "\n")); n != len(want) {
		t.Errorf("Validate reports %d problems, want %d:\n%v", n, len(want), err)
	}
}

func TestRelayerPoliciesApplyTopicOverrides(t *testing.T) {
	c, err := Load(writeConfig(t, minimal+`relayer:
  deviation: 50bps
  heartbeat: 1h
  topic_policies:
    - {topic: 7, deviation: 0.1%}
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	ps := c.Relayer.Policies()
	if got := ps.For(1); got.Deviation.String() != "0.5%" || got.Heartbeat != time.Hour {
		t.Errorf("topic 1 policy = %s every %s, want 0.5%% every 1h", got.Deviation, got.Heartbeat)
	}
	if got := ps.For(7); got.Deviation.String() != "0.1%" || got.Heartbeat != time.Hour {
		t.Errorf("topic 7 policy = %s every %s, want 0.1%% every 1h (the heartbeat kept)", got.Deviation, got.Heartbeat)
	}
}

func TestValidateRedisURLsAndReplicas(t *testing.T) {
	for _, u := range []string{
		"redis://127.0.0.1:6379/0",
		"rediss://user:pw@redis.example:6380",
		"unix:///run/redis.sock",
		"redis://user:pw@sentinel1:26379?master_name=mymaster&addr=sentinel2:26379&addr=sentinel3:26379",
	} {
		c := Default()
		c.Redis.URL = Secret(u)
		c.Redis.MinReplicas = 1
		if err := c.Validate(); err != nil && strings.Contains(err.Error(), "redis") {
			t.Errorf("redis.url %s: %v", u, err)
		}
	}
	for _, u := range []string{
		"http://user:hunter2@redis.example",
		"redis://user:hunter2@sentinel1:26379?master_name=mymaster&addr=sentinel2",
		"redis://user:hunter2@sentinel1:26379?master_name=",
	} {
		c := Default()
		c.Redis.URL = Secret(u)
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), "redis.url: must be a redis://") || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("redis.url %s: Validate() = %v, want it refused without the password", u, err)
		}
	}
	c := Default()
	c.Redis.MinReplicas = -1
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "redis.min_replicas: must be 0 (do not wait) or more, got -1") {
		t.Errorf("Validate() = %v, want it to refuse min_replicas -1", err)
	}
	c = Default()
	c.Redis.MinReplicas = 1
	c.Redis.ReplicaTimeout = Duration{6 * time.Second}
	err = c.Validate()
	if err == nil || !strings.Contains(err.Error(), "redis.replica_timeout: must be positive, under 3s") {
		t.Errorf("Validate() = %v, want it to refuse a 6s replica timeout", err)
	}
}
