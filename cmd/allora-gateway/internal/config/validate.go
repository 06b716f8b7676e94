package config

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// emissionsVersions are the emissions API versions the Allora source speaks.
var emissionsVersions = regexp.MustCompile(`^v([5-9]|10)$`)

// assetPattern and timeframePattern are what a prediction's asset and timeframe look
// like in the API's paths (/v1/predictions/ETH/5m).
var (
	assetPattern     = regexp.MustCompile(`^[A-Z0-9]{1,16}$`)
	timeframePattern = regexp.MustCompile(`^[1-9][0-9]{0,4}[smhd]$`)
)

// Validate checks the configuration and reports every problem at once, one per line of
// the error (errors.Join), each starting with the path of the key at fault:
//
//	chains[1] (sonic): chain_id must be set
//	allora.emissions_version "v4": want v5 to v10
//
// Messages never quote a Secret.
func (c Config) Validate() error {
	var v validator

	v.alloraEndpoints(c.Allora)
	if c.Allora.Websocket != "" && !isURL(c.Allora.Websocket.Reveal(), "http", "https", "ws", "wss") {
		v.add("allora.websocket: must be the node's CometBFT RPC as an http(s) or ws(s) URL, or empty to poll only")
	}
	if c.Allora.EmissionsVersion != "auto" && !emissionsVersions.MatchString(c.Allora.EmissionsVersion) {
		v.add("allora.emissions_version %q: want v5 to v10, or auto", c.Allora.EmissionsVersion)
	}
	v.positive("allora.request_timeout", c.Allora.RequestTimeout)

	if len(c.Topics) == 0 {
		v.add("topics: at least one topic")
	}
	seenTopic := map[uint64]int{}
	for i, id := range c.Topics {
		if id == 0 {
			v.add("topics[%d]: 0 is not a topic id (ids start at 1)", i)
			continue
		}
		if j, dup := seenTopic[id]; dup {
			v.add("topics[%d]: topic %d already listed at topics[%d]", i, id, j)
			continue
		}
		seenTopic[id] = i
	}

	if len(c.Chains) == 0 {
		v.add("chains: at least one chain")
	}
	seenName := map[string]int{}
	seenID := map[uint64]int{}
	for i, ch := range c.Chains {
		at := chainPath(c.Chains, i)
		if ch.Name == "" {
			v.add("%s: name must be set", at)
		} else if j, dup := seenName[envName(ch.Name)]; dup {
			// Names are compared as they appear in environment variable names, where
			// zksync-era and ZKSYNC_ERA are one.
			v.add("%s: name duplicates %s", at, chainPath(c.Chains, j))
		} else {
			seenName[envName(ch.Name)] = i
		}
		if ch.ChainID == 0 {
			v.add("%s: chain_id must be set", at)
		} else if j, dup := seenID[ch.ChainID]; dup {
			v.add("%s: chain_id %d duplicates %s", at, ch.ChainID, chainPath(c.Chains, j))
		} else {
			seenID[ch.ChainID] = i
		}
		v.chainRPCs(at, ch)
		if ch.MaxInFlight < 0 || ch.MaxInFlight > txmgr.MaxInFlightLimit {
			v.add("%s: max_in_flight must be 1 to %d (how many of the submitter's transactions wait for confirmation at once), got %d",
				at, txmgr.MaxInFlightLimit, ch.MaxInFlight)
		}
		if ch.Oracle == "" && ch.AddressesFile != "" {
			v.add("%s: oracle must be set, and addresses_file %s holds none (does it exist? allora-gateway deploy --chain %s writes it)",
				at, ch.AddressesFile, ch.Name)
		} else if ch.Oracle == "" {
			v.add("%s: oracle must be set (or addresses_file)", at)
		} else if problem := checkAddress(ch.Oracle); problem != "" {
			v.add("%s: oracle %q: %s", at, ch.Oracle, problem)
		}
	}

	v.presets(c)
	v.markets(c, seenTopic)

	v.positive("relayer.poll_interval", c.Relayer.PollInterval)
	v.positive("relayer.push_interval", c.Relayer.PushInterval)
	v.positive("relayer.submit_timeout", c.Relayer.SubmitTimeout)
	if c.Relayer.LeaseTTL.Duration < MinLeaseTTL {
		v.add("relayer.lease_ttl: must be at least %s (it is renewed every third of it, over the network), got %s", MinLeaseTTL, c.Relayer.LeaseTTL)
	}
	if d := c.Relayer.ShutdownTimeout.Duration; d <= 0 || d >= MaxShutdownTimeout {
		v.add("relayer.shutdown_timeout: must be greater than 0 and under %s (the process is forced to exit then), got %s", MaxShutdownTimeout, c.Relayer.ShutdownTimeout)
	}
	if c.Relayer.StallBlocks < 1 {
		v.add("relayer.stall_blocks: must be at least 1, got %d", c.Relayer.StallBlocks)
	}
	v.relayerPolicy(c.Relayer, seenTopic)

	v.key("signers.submitter", c.Signers.Submitter)
	if len(c.Signers.Oracle) == 0 && len(c.Signers.Cosigners) == 0 {
		v.add("signers.oracle: at least one key (or co-signers under signers.cosigners)")
	}
	if c.Signers.Keeper != (Key{}) {
		v.key("signers.keeper", c.Signers.Keeper)
	}
	v.record("signers.record", c.Signers.Record)
	if len(c.Signers.Oracle) > 0 && c.Signers.Oracle[0].IsKMS() && c.Signers.Record == "" {
		v.add("signers.record: must be set when signers.oracle[0] is a KMS key (it has no keystore directory to sit beside)")
	}
	seenKeystore := map[string]int{}
	seenKMS := map[KMSKey]int{}
	for i, k := range c.Signers.Oracle {
		at := fmt.Sprintf("signers.oracle[%d]", i)
		v.key(at, k)
		if k.IsKMS() {
			if j, dup := seenKMS[k.KMS]; dup && k.KMS.KeyID != "" {
				v.add("%s: kms key %s already used by signers.oracle[%d]; each signature must come from a different key", at, k.KMS.KeyID, j)
				continue
			}
			seenKMS[k.KMS] = i
			continue
		}
		if k.Keystore == "" {
			continue
		}
		if j, dup := seenKeystore[k.Keystore]; dup {
			v.add("%s: keystore %s already used by signers.oracle[%d]; each signature must come from a different key", at, k.Keystore, j)
			continue
		}
		seenKeystore[k.Keystore] = i
	}

	v.cosigners(c.Signers.Cosigners)

	seenPrediction := map[string]int{}
	for i, p := range c.Predictions {
		path := fmt.Sprintf("predictions[%d]", i)
		if !assetPattern.MatchString(p.Asset) {
			v.add("%s: asset %q: want an upper-case ticker such as ETH", path, p.Asset)
		}
		if !timeframePattern.MatchString(p.Timeframe) {
			v.add("%s: timeframe %q: want a count and a unit of s, m, h or d, such as 5m or 8h", path, p.Timeframe)
		}
		if _, ok := seenTopic[p.Topic]; !ok {
			v.add("%s: topic %d is not among topics", path, p.Topic)
		}
		key := p.Asset + "/" + p.Timeframe
		if j, dup := seenPrediction[key]; dup {
			v.add("%s: %s already maps to a topic at predictions[%d]", path, key, j)
		}
		seenPrediction[key] = i
	}
	if c.Redis.URL != "" {
		if err := store.CheckURL(c.Redis.URL.Reveal()); err != nil {
			v.add("redis.url: must be a redis://, rediss:// or unix:// URL, or a Sentinel URL " +
				"(redis://[user:password@]sentinel1:26379?master_name=NAME&addr=sentinel2:26379)")
		}
	}
	if c.Redis.MinReplicas < 0 {
		v.add("redis.min_replicas: must be 0 (do not wait) or more, got %d", c.Redis.MinReplicas)
	}
	if d := c.Redis.ReplicaTimeout.Duration; c.Redis.MinReplicas > 0 && (d <= 0 || d >= MaxReplicaTimeout || d >= c.Relayer.LeaseTTL.Duration/3) {
		v.add("redis.replica_timeout: must be positive, under %s (the client's read timeout) and under a third of relayer.lease_ttl, got %s", MaxReplicaTimeout, c.Redis.ReplicaTimeout)
	}
	if c.Redis.URL != "" && c.Redis.Prefix == "" {
		v.add("redis.prefix: must be set when redis.url is (it keeps this gateway's keys apart)")
	}
	if c.API.Listen != "" {
		_, port, err := net.SplitHostPort(c.API.Listen)
		if err == nil {
			_, err = strconv.ParseUint(port, 10, 16)
		}
		if err != nil {
			v.add("api.listen %q: want host:port such as 127.0.0.1:8080, or empty to disable the API", c.API.Listen)
		}
	}
	v.apiEdge(c.API)

	v.log(c.Log)
	return v.err()
}

// apiEdge checks what the API's edge is set to: the metrics listener, the rate limits,
// the source of the API keys and the trusted proxies.
func (v *validator) apiEdge(a API) {
	if a.MetricsListen != "" {
		_, port, err := net.SplitHostPort(a.MetricsListen)
		if err == nil {
			_, err = strconv.ParseUint(port, 10, 16)
		}
		if err != nil {
			v.add("api.metrics_listen %q: want host:port such as 127.0.0.1:9090, or empty to serve /metrics on api.listen", a.MetricsListen)
		} else if a.MetricsListen == a.Listen {
			v.add("api.metrics_listen %q: must differ from api.listen (leave it empty to serve /metrics there)", a.MetricsListen)
		}
	}
	for _, rl := range []struct {
		path string
		r    RateLimit
	}{{"api.rate_limit", a.RateLimit}, {"api.key_rate_limit", a.KeyRateLimit}} {
		switch {
		case math.IsNaN(rl.r.Rate) || math.IsInf(rl.r.Rate, 0) || rl.r.Rate < 0:
			v.add("%s.rate: must be a number of requests per second, 0 or more (0 turns it off), got %v", rl.path, rl.r.Rate)
		case rl.r.Rate > 0 && rl.r.Burst < 1:
			v.add("%s.burst: must be at least 1 when %s.rate is set, got %d", rl.path, rl.path, rl.r.Burst)
		}
	}
	if a.KeyRateLimit.Rate > 0 && a.RateLimit.Rate == 0 {
		v.add("api.key_rate_limit: set, but api.rate_limit.rate is 0, which turns rate limiting off for everyone")
	}
	if a.KeysFile != "" && a.KeysEnv != "" {
		v.add("api: set at most one of keys_file and keys_env")
	}
	if (a.KeysFile != "" || a.KeysEnv != "") && a.RateLimit.Rate == 0 {
		v.add("api: keys_file or keys_env is set, but api.rate_limit.rate is 0: API keys only choose a rate limit")
	}
	for i, cidr := range a.TrustedProxies {
		if _, err := netip.ParsePrefix(cidr); err != nil {
			v.add("api.trusted_proxies[%d] %q: want a CIDR such as 10.0.0.0/8 or 2001:db8::/32 (a single address is 192.0.2.1/32)", i, cidr)
		}
	}
	if a.CacheRefresh.Duration < 0 {
		v.add("api.cache_refresh %s: must be 0 (read the store on every request) or more, such as 5s", a.CacheRefresh)
	}
	if a.StreamLog < 0 || a.StreamLog > maxStreamLog {
		v.add("api.stream_log %d: must be from 1 to %d events (0: the default, 4096)", a.StreamLog, maxStreamLog)
	}
	if a.MaxStreams < 0 || a.MaxStreamsPerClient < 0 {
		v.add("api.max_streams %d, api.max_streams_per_client %d: must be 0 (no cap) or more", a.MaxStreams, a.MaxStreamsPerClient)
	}
	if a.MaxStreams > 0 && a.MaxStreamsPerClient > a.MaxStreams {
		v.add("api.max_streams_per_client %d: above api.max_streams %d, which then caps every client", a.MaxStreamsPerClient, a.MaxStreams)
	}
}

// maxStreamLog bounds api.stream_log: each event kept costs its frame, a few hundred
// bytes.
const maxStreamLog = 1 << 20

func (v *validator) log(l Log) {
	switch l.Level {
	case "debug", "info", "warn", "error":
	default:
		v.add("log.level %q: want debug, info, warn or error", l.Level)
	}
	switch l.Format {
	case "text", "json":
	default:
		v.add("log.format %q: want text or json", l.Format)
	}
}

// ValidateCosign checks what the cosign command reads (allora, cosign and log) and
// reports every problem at once, as Validate does.
func (c Config) ValidateCosign() error {
	var v validator
	v.alloraEndpoints(c.Allora)
	if c.Allora.EmissionsVersion != "auto" && !emissionsVersions.MatchString(c.Allora.EmissionsVersion) {
		v.add("allora.emissions_version %q: want v5 to v10, or auto", c.Allora.EmissionsVersion)
	}
	v.positive("allora.request_timeout", c.Allora.RequestTimeout)
	cs := c.Cosign
	if _, port, err := net.SplitHostPort(cs.Listen); err != nil || port == "" {
		v.add("cosign.listen %q: want host:port such as 127.0.0.1:9400", cs.Listen)
	}
	v.key("cosign.key", cs.Key)
	if len(cs.Oracles) == 0 {
		v.add("cosign.oracles: at least one oracle to sign for (chain_id and oracle address)")
	}
	seenOracle := map[string]int{}
	for i, o := range cs.Oracles {
		at := fmt.Sprintf("cosign.oracles[%d]", i)
		if o.ChainID == 0 {
			v.add("%s: chain_id must be set", at)
		}
		if problem := checkAddress(o.Oracle); problem != "" {
			v.add("%s: oracle %q: %s", at, o.Oracle, problem)
			continue
		}
		key := fmt.Sprintf("%d/%s", o.ChainID, common.HexToAddress(o.Oracle))
		if j, dup := seenOracle[key]; dup {
			v.add("%s: duplicates cosign.oracles[%d]", at, j)
		}
		seenOracle[key] = i
	}
	if len(cs.Clients) == 0 {
		v.add("cosign.clients: at least one relayer allowed to ask (name and secret_file or secret_env)")
	}
	seenClient := map[string]int{}
	for i, cl := range cs.Clients {
		at := fmt.Sprintf("cosign.clients[%d]", i)
		if cl.Name == "" {
			v.add("%s: name must be set (the key id the relayer sends)", at)
		} else if j, dup := seenClient[cl.Name]; dup {
			v.add("%s: name %q duplicates cosign.clients[%d]", at, cl.Name, j)
		} else {
			seenClient[cl.Name] = i
		}
		if (cl.SecretFile == "") == (cl.SecretEnv == "") {
			v.add("%s: set exactly one of secret_file and secret_env", at)
		}
	}
	if cs.MaxBatch <= 0 {
		v.add("cosign.max_batch: must be greater than 0, got %d", cs.MaxBatch)
	}
	v.positive("cosign.replay_window", cs.ReplayWindow)
	v.record("cosign.record", cs.Record)
	if cs.Key.IsKMS() && cs.Record == "" {
		v.add("cosign.record: must be set when cosign.key is a KMS key (it has no keystore directory to sit beside)")
	}
	v.log(c.Log)
	return v.err()
}

// record checks a slashing-protection record's path, when one is set: a file, not a
// directory.
func (v *validator) record(at, path string) {
	if path == "" {
		return
	}
	if strings.HasSuffix(path, "/") {
		v.add("%s %q: want a file path such as /var/lib/allora-gateway/keys/oracle-1.record.db", at, path)
		return
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		v.add("%s %q is a directory: want a file path inside it", at, path)
	}
}

// relayerPolicy checks deviation, heartbeat, the per-topic overrides and the paid
// request settings.
func (v *validator) relayerPolicy(r Relayer, topics map[uint64]int) {
	if _, err := oracle.ParseDeviation(r.Deviation); err != nil {
		v.add("relayer.deviation: %v", err)
	}
	if r.Heartbeat.Duration < 0 {
		v.add("relayer.heartbeat: must be 0s (no heartbeat) or more, got %s", r.Heartbeat)
	}
	seen := map[uint64]int{}
	for i, tp := range r.TopicPolicies {
		at := fmt.Sprintf("relayer.topic_policies[%d]", i)
		if _, ok := topics[tp.Topic]; !ok {
			v.add("%s: topic %d is not among topics", at, tp.Topic)
		}
		if j, dup := seen[tp.Topic]; dup {
			v.add("%s: topic %d already has a policy at relayer.topic_policies[%d]", at, tp.Topic, j)
		}
		seen[tp.Topic] = i
		if tp.Deviation == "" && tp.Heartbeat.Duration == 0 {
			v.add("%s: set deviation or heartbeat (or remove the entry)", at)
		}
		if tp.Deviation != "" {
			if _, err := oracle.ParseDeviation(tp.Deviation); err != nil {
				v.add("%s: deviation: %v", at, err)
			}
		}
		if tp.Heartbeat.Duration < 0 {
			v.add("%s: heartbeat must be more than 0s, got %s", at, tp.Heartbeat)
		}
	}
	if r.PaidRequests.Serve {
		v.positive("relayer.paid_requests.poll_interval", r.PaidRequests.PollInterval)
	}
}

// cosigners checks signers.cosigners: each named once, an http(s) URL, a distinct
// address, a key id, exactly one secret source.
func (v *validator) cosigners(cs []Cosigner) {
	seenName := map[string]int{}
	seenAddr := map[common.Address]int{}
	for i, c := range cs {
		at := fmt.Sprintf("signers.cosigners[%d]", i)
		if c.Name != "" {
			at += " (" + c.Name + ")"
		}
		if c.Name == "" {
			v.add("%s: name must be set", at)
		} else if j, dup := seenName[envName(c.Name)]; dup {
			v.add("%s: name duplicates signers.cosigners[%d]", at, j)
		} else {
			seenName[envName(c.Name)] = i
		}
		if !isURL(c.URL.Reveal(), "http", "https") {
			v.add("%s: url must be the co-signer's http(s) URL", at)
		}
		if problem := checkAddress(c.Address); problem != "" {
			v.add("%s: address %q: %s", at, c.Address, problem)
		} else if j, dup := seenAddr[common.HexToAddress(c.Address)]; dup {
			v.add("%s: address duplicates signers.cosigners[%d]; each signature must come from a different key", at, j)
		} else {
			seenAddr[common.HexToAddress(c.Address)] = i
		}
		if c.KeyID == "" {
			v.add("%s: key_id must be set (this relayer's name in the co-signer's cosign.clients)", at)
		}
		if (c.SecretFile == "") == (c.SecretEnv == "") {
			v.add("%s: set exactly one of secret_file and secret_env", at)
		}
		if c.Timeout.Duration < 0 {
			v.add("%s: timeout must not be negative, got %s", at, c.Timeout)
		}
	}
}

// validator collects problems in the order found.
type validator struct{ errs []error }

func (v *validator) add(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (v *validator) err() error { return errors.Join(v.errs...) }

// Bounds of the relayer's lease and shutdown settings.
const (
	// MinLeaseTTL leaves a renewal, made every third of the TTL, time for a round trip
	// to Redis and a pause of the process.
	MinLeaseTTL = 3 * time.Second
	// MaxReplicaTimeout keeps a WAIT for replicas under the Redis client's read timeout.
	MaxReplicaTimeout = 3 * time.Second
	// MaxShutdownTimeout is the command's grace after the first interrupt, at which
	// it dumps its goroutines and exits.
	MaxShutdownTimeout = 15 * time.Second
)

func (v *validator) positive(path string, d Duration) {
	if d.Duration <= 0 {
		v.add("%s: must be greater than 0, got %s", path, d)
	}
}

func (v *validator) key(path string, k Key) {
	if k.IsKMS() {
		if k.Keystore != "" || k.PassphraseFile != "" || k.PassphraseEnv != "" {
			v.add("%s: set either kms or keystore with its passphrase, not both", path)
		}
		if k.KMS.KeyID == "" {
			v.add("%s.kms.key_id: must be set (the key's id, ARN or alias/NAME)", path)
		}
		if k.KMS.Region != "" && !kmsRegion.MatchString(k.KMS.Region) {
			v.add("%s.kms.region: %q is not an AWS region name (such as eu-west-1)", path, k.KMS.Region)
		}
		if k.KMS.Endpoint != "" && !isURL(k.KMS.Endpoint, "http", "https") {
			v.add("%s.kms.endpoint: must be an http(s) URL", path)
		}
		return
	}
	if k.Keystore == "" {
		v.add("%s: keystore must be set (the path of a V3 key file), or kms", path)
	}
	if (k.PassphraseFile == "") == (k.PassphraseEnv == "") {
		v.add("%s: set exactly one of passphrase_file and passphrase_env", path)
	}
}

// kmsRegion is the form of an AWS region name: eu-west-1, us-gov-west-1, cn-north-1.
var kmsRegion = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d+$`)

// alloraEndpoints checks allora.endpoint and allora.endpoints together: at least one
// node, each a REST URL or gRPC address, none listed twice. Messages name the key, never
// the value, which may carry a token.
func (v *validator) alloraEndpoints(a Allora) {
	if a.Endpoint == "" && len(a.Endpoints) == 0 {
		v.add("allora.endpoint: must be set (or list the nodes under allora.endpoints)")
		return
	}
	seen := map[string]string{}
	check := func(path string, e Secret) {
		switch {
		case e == "":
			v.add("%s: must be set", path)
			return
		case !isURL(e.Reveal(), "http", "https", "grpc", "grpcs"):
			v.add("%s: must be an http(s) URL (REST) or a grpc:// or grpcs:// address (gRPC)", path)
			return
		}
		key := endpointKey(e.Reveal())
		if first, dup := seen[key]; dup {
			v.add("%s: duplicates %s", path, first)
			return
		}
		seen[key] = path
	}
	if a.Endpoint != "" {
		check("allora.endpoint", a.Endpoint)
	}
	for i, e := range a.Endpoints {
		check(fmt.Sprintf("allora.endpoints[%d]", i), e)
	}
}

// chainRPCs checks a chain's rpc and rpcs together: at least one endpoint, each an
// http(s) or ws(s) URL, none listed twice. Messages name the key, never the value,
// which may carry a token.
func (v *validator) chainRPCs(at string, ch Chain) {
	if ch.RPC == "" && len(ch.RPCs) == 0 {
		v.add("%s: rpc must be set (or list the endpoints under rpcs)", at)
		return
	}
	seen := map[string]string{}
	check := func(path string, e Secret) {
		switch {
		case e == "":
			v.add("%s: %s must be set", at, path)
			return
		case !isURL(e.Reveal(), "http", "https", "ws", "wss"):
			v.add("%s: %s must be an http(s) or ws(s) URL", at, path)
			return
		}
		key := endpointKey(e.Reveal())
		if first, dup := seen[key]; dup {
			v.add("%s: %s duplicates %s", at, path, first)
			return
		}
		seen[key] = path
	}
	if ch.RPC != "" {
		check("rpc", ch.RPC)
	}
	for i, e := range ch.RPCs {
		check(fmt.Sprintf("rpcs[%d]", i), e)
	}
}

// endpointKey is what two spellings of one endpoint have in common: the URL with its
// scheme and host in lower case and no trailing slash.
func endpointKey(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u.String()
}

// chainPath names chains[i] in messages, with its name when it has one.
func chainPath(chains []Chain, i int) string {
	if chains[i].Name == "" {
		return fmt.Sprintf("chains[%d]", i)
	}
	return fmt.Sprintf("chains[%d] (%s)", i, chains[i].Name)
}

// isURL reports whether s is an absolute URL with a host and one of schemes.
func isURL(s string, schemes ...string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	for _, scheme := range schemes {
		if strings.EqualFold(u.Scheme, scheme) {
			return true
		}
	}
	return false
}

// checkAddress returns what is wrong with s as a contract address, or "".
func checkAddress(s string) string {
	if !strings.HasPrefix(s, "0x") || !common.IsHexAddress(s) {
		return "not an address (want 0x and 40 hex digits)"
	}
	addr := common.HexToAddress(s)
	if addr == (common.Address{}) {
		return "the zero address"
	}
	// An address in mixed case carries an EIP-55 checksum; one that does not match
	// means a mistyped or corrupted address. All-lower or all-upper carries none.
	digits := s[2:]
	if digits != strings.ToLower(digits) && digits != strings.ToUpper(digits) && s != addr.Hex() {
		return "bad EIP-55 checksum (mistyped? mixed case must match the checksum exactly)"
	}
	return ""
}
