// Package config is the relayer's configuration: one typed struct with defaults, read
// from a YAML file and then overridden by ALLORA_GATEWAY_* environment variables (the
// command line applies its flags last, by setting fields). Validate reports every
// problem at once; values that may carry credentials (RPC and API URLs with tokens) are
// of type Secret and print as "xxxxx" wherever they are formatted, logged or dumped.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/ethereum/go-ethereum/common"
	"go.yaml.in/yaml/v3"
)

// Config is the relayer's whole configuration. Its yaml tags are both the file's keys
// and, upper-cased and joined by "_" under ALLORA_GATEWAY, the names of the
// environment variables that override them (see Load).
type Config struct {
	Allora Allora   `yaml:"allora"`
	Topics []uint64 `yaml:"topics"`
	// Predictions map assets and timeframes to topics for the API, such as ETH/5m to 1.
	Predictions []Prediction `yaml:"predictions,omitempty"`
	Chains      []Chain      `yaml:"chains"`
	Relayer     Relayer      `yaml:"relayer"`
	Signers     Signers      `yaml:"signers"`
	Redis       Redis        `yaml:"redis"`
	API         API          `yaml:"api"`
	Log         Log          `yaml:"log"`
	// Cosign configures `allora-gateway cosign`, the co-signer service; the relayer
	// ignores it. A co-signer's file needs only allora, cosign and log.
	Cosign Cosign `yaml:"cosign"`
}

// Allora is where the relayer reads inferences.
type Allora struct {
	// Preset names an Allora network (allora-mainnet, allora-testnet; see `allora-gateway
	// config presets`) whose public endpoints fill Endpoint and Endpoints when neither
	// is set, Websocket when empty, and whose emissions version replaces the default.
	Preset string `yaml:"preset,omitempty"`
	// Endpoint is an Allora node: its REST (gRPC-gateway) base URL, such as
	// https://allora-api.mainnet.allora.network, or its gRPC address as grpc://host:9090
	// (plain) or grpcs://host:443 (TLS). It may carry an API token.
	Endpoint Secret `yaml:"endpoint"`
	// Endpoints are more Allora nodes, of the same chain, after Endpoint: the relayer
	// reads from the healthiest and highest of them and moves on to the next when one
	// fails or lags. Each is a REST URL or a gRPC address as Endpoint is, and may carry
	// an API token. Endpoint may be left empty when Endpoints lists every node.
	Endpoints []Secret `yaml:"endpoints,omitempty"`
	// Websocket is the CometBFT RPC URL of an Allora node (https://host, or the
	// websocket itself as ws://host:26657/websocket), which reports each topic's worker
	// window as it closes, so the relayer reads the new inference at once. Empty: the
	// relayer polls only. It may carry an API token.
	Websocket Secret `yaml:"websocket"`
	// EmissionsVersion is the emissions module API version the node serves, v5 to v10,
	// or "auto" to ask the node (gRPC reflection, or probing REST paths) at start.
	EmissionsVersion string `yaml:"emissions_version"`
	// RequestTimeout bounds each request to the node.
	RequestTimeout Duration `yaml:"request_timeout"`
}

// AllEndpoints returns Endpoint, when set, followed by Endpoints: every node the
// relayer reads from, in order of preference while they are equally healthy.
func (a Allora) AllEndpoints() []Secret {
	var all []Secret
	if a.Endpoint != "" {
		all = append(all, a.Endpoint)
	}
	return append(all, a.Endpoints...)
}

// Prediction names the topic that predicts an asset over a timeframe.
type Prediction struct {
	// Asset is the ticker, in upper case, such as ETH.
	Asset string `yaml:"asset"`
	// Timeframe is a count and a unit (s, m, h or d), such as 5m or 8h.
	Timeframe string `yaml:"timeframe"`
	// Topic is the Allora topic id; it must be among topics.
	Topic uint64 `yaml:"topic"`
}

// AssetTopics returns the predictions as the domain's type.
func (c Config) AssetTopics() []oracle.AssetTopic {
	out := make([]oracle.AssetTopic, len(c.Predictions))
	for i, p := range c.Predictions {
		out[i] = oracle.AssetTopic{Asset: p.Asset, Timeframe: p.Timeframe, TopicID: p.Topic}
	}
	return out
}

// Chain is one EVM chain the relayer pushes to.
type Chain struct {
	// Name identifies the chain in logs, metrics and environment variable names.
	Name string `yaml:"name"`
	// ChainID is the EIP-155 chain id, which the EIP-712 domain binds signatures to.
	ChainID uint64 `yaml:"chain_id"`
	// RPC is the JSON-RPC URL (http, https, ws or wss) of a node of the chain. It may
	// carry an API token.
	RPC Secret `yaml:"rpc"`
	// RPCs are more JSON-RPC URLs of the same chain, after RPC: the relayer sends each
	// call to the healthiest endpoint at the highest block and moves on to the next
	// when one fails, rate limits or falls behind. Each may carry an API token. RPC may
	// be left empty when RPCs lists every endpoint.
	RPCs []Secret `yaml:"rpcs,omitempty"`
	// Oracle is the 0x address of the AlloraOracle contract on the chain. It may be
	// left empty when AddressesFile names the file deploy wrote for the chain.
	Oracle string `yaml:"oracle"`
	// AddressesFile is the addresses file `allora-gateway deploy` wrote for this chain
	// (JSON or YAML; a relative path is relative to the config file). When Oracle is
	// empty, Load takes the oracle's address from it.
	AddressesFile string `yaml:"addresses_file,omitempty"`
	// Feeds are the AlloraFeed addresses by topic id that the addresses file lists for
	// the chain's oracle, filled by Load; the API shows them in /v1/chains.
	Feeds map[uint64]common.Address `yaml:"-"`

	// Preset names the chain's preset (bsc, zksync-era, sonic, their testnets; see
	// `allora-gateway config presets`): it supplies chain_id and every key below that
	// the chain leaves unset. Without a preset, the transaction settings are the
	// built-in ones for a known chain id, or a development chain's.
	Preset string `yaml:"preset,omitempty"`
	// FeeMode is legacy or eip1559.
	FeeMode string `yaml:"fee_mode,omitempty"`
	// Confirmations is how many blocks must follow a transaction's block before it
	// counts as landed (and before deploy writes its addresses).
	Confirmations OptionalUint `yaml:"confirmations,omitempty"`
	// Finality is how the chain finalises a block, and so when a push counts as final
	// in /v1/chains and the metrics: finalized or safe (the JSON-RPC block tag, where
	// the chain's nodes serve it) or depth (Confirmations under the head). The preset
	// gives a default.
	Finality string `yaml:"finality,omitempty"`
	// BlockTime is the chain's usual time between blocks; the round keeper polls
	// markets at this pace.
	BlockTime Duration `yaml:"block_time,omitempty"`
	// ResubmitAfter is how long a transaction may stay unmined before it is replaced at
	// the same nonce with higher fees.
	ResubmitAfter Duration `yaml:"resubmit_after,omitempty"`
	// MaxGasPriceGwei caps the gas price (legacy) or fee cap (EIP-1559), in gwei, as a
	// decimal such as "10" or "0.5".
	MaxGasPriceGwei string `yaml:"max_gas_price_gwei,omitempty"`
	// MaxBatchGas is the most gas one oracle batch may use on this chain before it is
	// split.
	MaxBatchGas uint64 `yaml:"max_batch_gas,omitempty"`
	// MinBalance is the submitting wallet's balance, a decimal amount of the chain's
	// native coin such as "0.05", below which the relayer warns with the address and
	// the amount to send, and allora_gateway_chain_wallet_min_balance_wei lets an
	// alert fire. "0" turns the warning off. The preset gives a default.
	MinBalance string `yaml:"min_balance,omitempty"`
	// Explorer is the base URL of the chain's block explorer, for links in output.
	Explorer string `yaml:"explorer,omitempty"`
	// MaxInFlight is how many of the submitter's transactions may be sent and not yet
	// confirmed at once on this chain (1 to 16): the next batch is signed and sent
	// while the previous ones are still being mined and confirmed. 1 sends one batch
	// at a time. The preset gives a default.
	MaxInFlight int `yaml:"max_in_flight,omitempty"`
	// Treasury is the 0x address the oracle's fees (paid requestUpdate calls) go to
	// when its owner calls withdrawFees; deploy sets it on the chain's oracle.
	Treasury string `yaml:"treasury,omitempty"`
	// Markets are the PredictionMarkets deploy puts on this chain and the relayer's
	// round keeper executes.
	Markets []Market `yaml:"markets,omitempty"`
}

// AllRPCs returns RPC, when set, followed by RPCs: every endpoint of the chain, in
// order of preference while they are equally healthy. In logs and metrics they are
// named rpc-0, rpc-1, ... in this order.
func (c Chain) AllRPCs() []Secret {
	var all []Secret
	if c.RPC != "" {
		all = append(all, c.RPC)
	}
	return append(all, c.RPCs...)
}

// OracleAddress returns Oracle as an address. Call it on a validated config: an
// address that is not one reads as the zero address.
func (c Chain) OracleAddress() common.Address { return common.HexToAddress(c.Oracle) }

// Relayer sets the relayer's pace.
type Relayer struct {
	// PollInterval is how often Allora is asked for new inferences.
	PollInterval Duration `yaml:"poll_interval"`
	// PushInterval is how often the relayer considers pushing updates to each chain.
	PushInterval Duration `yaml:"push_interval"`
	// SubmitTimeout bounds sending one transaction until it is mined.
	SubmitTimeout Duration `yaml:"submit_timeout"`
	// LeaseTTL is how long a replica's lease on a chain lasts without renewal: with
	// several replicas sharing Redis, another takes a chain over within it when its
	// submitter dies. Renewed every third of it.
	LeaseTTL Duration `yaml:"lease_ttl"`
	// ShutdownTimeout is how long a stopping relayer waits for the batches in flight;
	// what is still in flight then stays journaled for the next start.
	ShutdownTimeout Duration `yaml:"shutdown_timeout"`
	// StallBlocks is how many of a chain's block times its head may stand still
	// before /readyz answers 503.
	StallBlocks int `yaml:"stall_blocks"`
	// Deviation is how far, relative to the value on a chain, Allora's newer
	// inference must move before it is pushed: a fraction (0.005), a percentage
	// (0.5%) or basis points (50bps). "0" pushes every newer inference.
	Deviation string `yaml:"deviation"`
	// Heartbeat pushes a newer inference, moved or not, once the value on a chain is
	// this old (by the time of its inference). 0s: no heartbeat.
	Heartbeat Duration `yaml:"heartbeat"`
	// MaxBatchGas caps the gas of one transaction: a batch that would need more is
	// split into several, each signed on its own. 0: no cap.
	MaxBatchGas uint64 `yaml:"max_batch_gas"`
	// TopicPolicies override deviation and heartbeat for single topics.
	TopicPolicies []TopicPolicy `yaml:"topic_policies,omitempty"`
	// PaidRequests says whether and how the oracles' paid update requests are served.
	PaidRequests PaidRequests `yaml:"paid_requests"`
}

// TopicPolicy overrides the relayer's deviation and heartbeat for one topic; a key
// left empty (or 0s) keeps the relayer's.
type TopicPolicy struct {
	Topic     uint64   `yaml:"topic"`
	Deviation string   `yaml:"deviation,omitempty"`
	Heartbeat Duration `yaml:"heartbeat,omitempty"`
}

// PaidRequests configures serving requestUpdate calls: anyone may pay an oracle for a
// fresh update of a topic, and the relayer pushes it at once, highest payment first.
type PaidRequests struct {
	// Serve turns watching the oracles' UpdateRequested events on.
	Serve bool `yaml:"serve"`
	// LookbackBlocks is how many blocks below a chain's head are searched for requests
	// when the relayer starts, so requests made while it was down are served.
	LookbackBlocks uint64 `yaml:"lookback_blocks"`
	// PollInterval is how often each chain is searched for new requests.
	PollInterval Duration `yaml:"poll_interval"`
}

// Policies returns the update policy of every topic. Call it on a validated config: a
// deviation that does not parse reads as 0.
func (r Relayer) Policies() oracle.Policies {
	dev, _ := oracle.ParseDeviation(r.Deviation)
	out := oracle.Policies{Default: oracle.Policy{Deviation: dev, Heartbeat: r.Heartbeat.Duration}}
	for _, tp := range r.TopicPolicies {
		p := out.Default
		if tp.Deviation != "" {
			p.Deviation, _ = oracle.ParseDeviation(tp.Deviation)
		}
		if tp.Heartbeat.Duration != 0 {
			p.Heartbeat = tp.Heartbeat.Duration
		}
		if out.Topics == nil {
			out.Topics = map[uint64]oracle.Policy{}
		}
		out.Topics[tp.Topic] = p
	}
	return out
}

// Signers are the keys the relayer uses.
type Signers struct {
	// Submitter sends the transactions and pays their gas.
	Submitter Key `yaml:"submitter"`
	// Oracle sign update batches; the oracle contract needs at least its threshold of
	// registered signers' signatures on each batch.
	Oracle []Key `yaml:"oracle"`
	// Keeper sends the round keeper's calls to the prediction markets; unset, the
	// submitter does. A key of its own keeps the keeper's transactions from taking
	// nonces the submitter's transaction manager expected.
	Keeper Key `yaml:"keeper,omitempty"`
	// Cosigners are co-signer services run by other operators (allora-gateway cosign):
	// each checks a batch against its own Allora node before it signs. The relayer asks
	// the local keys and every co-signer at once and pushes as soon as the oracle's
	// threshold of them have signed.
	Cosigners []Cosigner `yaml:"cosigners,omitempty"`
	// Record is the oracle keys' slashing-protection record, a bbolt file; empty, it
	// is beside the first oracle key's keystore (see RecordPath). It must be set when
	// the first oracle key is a KMS key.
	Record string `yaml:"record,omitempty"`
}

// RecordPath is where the oracle keys' slashing-protection record lives: Record, or
// beside the first oracle key's keystore, named after it (oracle-1.json:
// oracle-1.record.db), in a directory that is private and kept, backed up and moved
// with the key already. "" when there is no oracle key.
func (s Signers) RecordPath() string {
	if s.Record != "" || len(s.Oracle) == 0 || s.Oracle[0].IsKMS() {
		return s.Record
	}
	return besideKeystore(s.Oracle[0].Keystore)
}

// besideKeystore is the default record of a keystore file: its path with the
// extension replaced by .record.db, so that processes whose keys share a directory
// do not share a record (which its lock would refuse).
func besideKeystore(keystore string) string {
	return strings.TrimSuffix(keystore, filepath.Ext(keystore)) + ".record.db"
}

// Cosigner is a co-signer service the relayer asks to sign batches.
type Cosigner struct {
	// Name identifies the co-signer in logs and environment variable names.
	Name string `yaml:"name"`
	// URL is the co-signer's base URL (http or https); it may carry a token.
	URL Secret `yaml:"url"`
	// Address is the 0x address the co-signer signs as, registered on the oracles.
	Address string `yaml:"address"`
	// KeyID is the name this relayer is known by to the co-signer (its cosign.clients
	// entry).
	KeyID string `yaml:"key_id"`
	// SecretFile (mode 600) or SecretEnv, exactly one, holds the shared secret (at
	// least 32 bytes) requests are authenticated with.
	SecretFile string `yaml:"secret_file"`
	SecretEnv  string `yaml:"secret_env"`
	// Timeout bounds each request to the co-signer; the batch goes on with the others.
	Timeout Duration `yaml:"timeout"`
}

// Cosign configures the co-signer service.
type Cosign struct {
	// Listen is the host:port the service listens on.
	Listen string `yaml:"listen"`
	// Key is the co-signer's own signing key, registered on the oracles it signs for.
	Key Key `yaml:"key"`
	// Oracles are the only oracles it signs for.
	Oracles []CosignOracle `yaml:"oracles,omitempty"`
	// Clients are the relayers allowed to ask, each with its shared secret.
	Clients []CosignClient `yaml:"clients,omitempty"`
	// MaxBatch is the most updates a batch may hold.
	MaxBatch int `yaml:"max_batch"`
	// ReplayWindow is how far a request's time may be from this clock; a request
	// older than that, or seen before, is refused.
	ReplayWindow Duration `yaml:"replay_window"`
	// Record is the slashing-protection record, a bbolt file; empty, it is beside the
	// key's keystore (see RecordPath). It must be set when the key is a KMS key.
	Record string `yaml:"record,omitempty"`
}

// RecordPath is where the co-signer's slashing-protection record lives: Record, or
// beside its key's keystore, named after it (cosigner.json: cosigner.record.db).
func (c Cosign) RecordPath() string {
	if c.Record != "" || c.Key.IsKMS() {
		return c.Record
	}
	return besideKeystore(c.Key.Keystore)
}

// CosignOracle is an oracle a co-signer signs for.
type CosignOracle struct {
	ChainID uint64 `yaml:"chain_id"`
	Oracle  string `yaml:"oracle"`
}

// CosignClient is a relayer allowed to ask the co-signer, and where the secret it
// shares with it comes from: exactly one of a file (mode 600) or an environment variable.
type CosignClient struct {
	// Name is the key id the relayer sends (its signers.cosigners[].key_id).
	Name       string `yaml:"name"`
	SecretFile string `yaml:"secret_file"`
	SecretEnv  string `yaml:"secret_env"`
}

// Key is a signing key: either a go-ethereum keystore (V3 JSON) key file and where its
// passphrase comes from, exactly one of a file (mode 600) or an environment variable;
// or an AWS KMS key (KMS). The passphrase itself is never part of the config, nor are
// AWS credentials.
type Key struct {
	Keystore       string `yaml:"keystore"`
	PassphraseFile string `yaml:"passphrase_file"`
	PassphraseEnv  string `yaml:"passphrase_env"`
	// KMS is an AWS KMS key instead of a keystore file.
	KMS KMSKey `yaml:"kms,omitempty"`
}

// IsKMS reports whether the key is held by KMS rather than a keystore file.
func (k Key) IsKMS() bool { return k.KMS != (KMSKey{}) }

// Kind names where the key is held, for listings: "keystore" or "kms".
func (k Key) Kind() string {
	if k.IsKMS() {
		return "kms"
	}
	return "keystore"
}

// KMSKey is an AWS KMS asymmetric key of key spec ECC_SECG_P256K1 and usage
// SIGN_VERIFY, which signs in KMS (kms:Sign) and whose address is derived from its
// public key (kms:GetPublicKey). Credentials come from the AWS SDK's default chain (the
// AWS_* environment variables, the shared files, the pod's or instance's role).
type KMSKey struct {
	// KeyID is the key's id, ARN or alias (alias/NAME).
	KeyID string `yaml:"key_id"`
	// Region is the key's region; empty, the SDK's (AWS_REGION, the shared config).
	Region string `yaml:"region,omitempty"`
	// Endpoint replaces the region's KMS endpoint (an http or https URL), such as a
	// VPC endpoint; empty, the region's.
	Endpoint string `yaml:"endpoint,omitempty"`
}

// Redis is the shared store the relayer writes and API replicas read.
type Redis struct {
	// URL is the redis://, rediss:// (TLS) or unix:// URL of the store, or a Sentinel
	// URL (redis://[user:password@]sentinel1:26379?master_name=NAME&addr=sentinel2:26379)
	// naming a primary the sentinels fail over; it may carry a password. Empty keeps
	// state in this process's memory: one process, nothing shared.
	URL Secret `yaml:"url"`
	// Prefix starts every key, joined with a colon unless it ends with one, so several
	// gateways can share one Redis.
	Prefix string `yaml:"prefix"`
	// MinReplicas is how many replicas must have a lease acquisition or renewal, and
	// the journal entry a broadcast rests on, before it counts (Redis WAIT); 0 does not
	// wait. Replication is asynchronous: with a failover, 1 keeps a promoted replica
	// from missing the last lease or journal write.
	MinReplicas int `yaml:"min_replicas"`
	// ReplicaTimeout is how long such a write waits for its replicas before it fails.
	ReplicaTimeout Duration `yaml:"replica_timeout"`
}

// API configures the REST API the relayer serves.
type API struct {
	// Listen is the host:port to listen on; empty disables the API.
	Listen string `yaml:"listen"`
	// MetricsListen, when set, is the host:port /metrics is served on instead of Listen:
	// the relayer's metrics carry wallet balances, which the public listener need not show.
	MetricsListen string `yaml:"metrics_listen,omitempty"`
	// CORSOrigins are the browser origins (https://app.example) allowed to call the API
	// from another site; "*" allows any. Empty: none.
	CORSOrigins []string `yaml:"cors_origins,omitempty"`
	// RateLimit is each client's budget; /healthz, /readyz and /metrics are not counted.
	RateLimit RateLimit `yaml:"rate_limit"`
	// KeyRateLimit is each API key's budget; zero rate: as RateLimit.
	KeyRateLimit RateLimit `yaml:"key_rate_limit"`
	// KeysFile (mode 600, one key a line, # comments) or KeysEnv (the name of an
	// environment variable holding keys separated by commas or newlines), at most one,
	// hold the API keys whose holders (sending X-Api-Key) get KeyRateLimit each rather
	// than sharing their address's. The keys themselves are never in the config.
	KeysFile string `yaml:"keys_file,omitempty"`
	KeysEnv  string `yaml:"keys_env,omitempty"`
	// TrustedProxies are the CIDRs (10.0.0.0/8, 2001:db8::/32) of the load balancers
	// and ingresses in front of the API: only from these is X-Forwarded-For believed,
	// its rightmost address outside them taken as the client. Empty: the client is the
	// connecting address.
	TrustedProxies []string `yaml:"trusted_proxies,omitempty"`
	// CacheRefresh is how often each API process reads again, whole, what it serves
	// from memory (between times the store's events keep it current); twice this is
	// the most a served answer can lag the store. 0 reads the store on every request.
	CacheRefresh Duration `yaml:"cache_refresh"`
	// StreamLog is how many recent events /v1/stream keeps for its clients to read at
	// their own pace and to resume from; a client further behind is dropped. 0: 4096.
	StreamLog int `yaml:"stream_log"`
	// MaxStreams and MaxStreamsPerClient cap the /v1/stream connections open at once
	// in all (503 beyond) and from one client (429 beyond); 0 is no cap.
	MaxStreams          int `yaml:"max_streams"`
	MaxStreamsPerClient int `yaml:"max_streams_per_client"`
}

// RateLimit is a token bucket: Rate requests per second sustained, Burst at once.
// Rate 0 turns limiting off.
type RateLimit struct {
	Rate  float64 `yaml:"rate"`
	Burst int     `yaml:"burst"`
}

// Log configures logging.
type Log struct {
	// Level is debug, info, warn or error.
	Level string `yaml:"level"`
	// Format is text or json.
	Format string `yaml:"format"`
}

// Default returns the configuration before any file or environment variable is
// applied. It has no topics, chains or keys: those have no sensible default.
func Default() Config {
	return Config{
		Allora: Allora{
			EmissionsVersion: "v9",
			RequestTimeout:   Duration{5 * time.Second},
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
			PaidRequests: PaidRequests{
				Serve:          true,
				LookbackBlocks: 5000,
				PollInterval:   Duration{2 * time.Second},
			},
		},
		Redis: Redis{Prefix: "allora-gateway", ReplicaTimeout: Duration{time.Second}},
		API: API{
			Listen:              "127.0.0.1:8080",
			RateLimit:           RateLimit{Rate: 50, Burst: 100},
			CacheRefresh:        Duration{5 * time.Second},
			StreamLog:           4096,
			MaxStreams:          10_000,
			MaxStreamsPerClient: 16,
		},
		Log: Log{Level: "info", Format: "text"},
		Cosign: Cosign{
			Listen:       "127.0.0.1:9400",
			MaxBatch:     256,
			ReplayWindow: Duration{30 * time.Second},
		},
	}
}

// Load returns Default overlaid with the YAML file at path (skipped when path is empty)
// and then with the ALLORA_GATEWAY_* environment variables lookupEnv finds
// (os.LookupEnv when nil). It does not validate: call Validate, after applying flags.
//
// A key the file sets replaces the default, so an explicit empty value (api.listen: "")
// clears it. Keys the file does not know are errors naming the key and its line.
//
// Environment variables are named after the key's path: ALLORA_GATEWAY_ALLORA_ENDPOINT,
// ALLORA_GATEWAY_RELAYER_POLL_INTERVAL, ALLORA_GATEWAY_TOPICS (comma-separated ids),
// ALLORA_GATEWAY_ALLORA_ENDPOINTS (comma-separated URLs, replacing the file's list).
// A chain's first RPC endpoint is ALLORA_GATEWAY_CHAINS_<NAME>_RPC and its others
// ALLORA_GATEWAY_CHAINS_<NAME>_RPCS (comma-separated, replacing the file's rpcs).
// A chain is addressed by its name, upper-cased with every character other than a
// letter or digit replaced by "_" (ALLORA_GATEWAY_CHAINS_ZKSYNC_ERA_RPC for the chain
// named zksync-era), an oracle key by its index (ALLORA_GATEWAY_SIGNERS_ORACLE_0_KEYSTORE).
// The environment overrides chains and keys the file lists; it does not add them. A
// variable set to the empty string counts as set. A value that does not parse is an
// error naming the variable.
//
// Load reads as much as it can: a value of the wrong type in the file (with its line),
// an unknown key, a malformed variable or an addresses file that does not parse is an
// error, and the config is still returned with every other key, variable and preset
// applied, so that config validate can check the rest in the same run. Only a file
// that cannot be read or is not YAML at all returns the error alone, wrapping
// ErrUnreadable.
func Load(path string, lookupEnv func(string) (string, bool)) (Config, error) {
	if lookupEnv == nil {
		lookupEnv = os.LookupEnv
	}
	c := Default()
	var errs []error
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("%w: read config file: %w", ErrUnreadable, err)
		}
		if err := decode(data, &c, "config file "+path); err != nil {
			var te *typeErrors
			if !errors.As(err, &te) {
				return Config{}, fmt.Errorf("%w: %w", ErrUnreadable, err)
			}
			errs = append(errs, te.errs...)
		}
	}
	if err := applyEnv(&c, lookupEnv); err != nil {
		errs = append(errs, fmt.Errorf("environment: %w", err))
	}
	c.applyPresets()
	if err := c.applyAddressesFiles(filepath.Dir(path)); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}

// ErrUnreadable means the config file could not be read or is not a YAML document,
// so nothing in it could be checked.
var ErrUnreadable = errors.New("config file unreadable")

// typeErrors are the values of a YAML document that did not decode, each on its own
// line; the rest of the document did.
type typeErrors struct{ errs []error }

func (e *typeErrors) Error() string { return errors.Join(e.errs...).Error() }

func (e *typeErrors) Unwrap() []error { return e.errs }

// applyAddressesFiles resolves each chain's addresses_file against dir, the config
// file's directory, fills an empty oracle from it, and takes the feeds it lists when
// they read the chain's oracle. A file that does not exist yet
// is left for Validate to report (deploy loads the config before it writes the file);
// one that exists but does not parse, or was written for another chain id, is an error.
func (c *Config) applyAddressesFiles(dir string) error {
	var errs []error
	for i := range c.Chains {
		ch := &c.Chains[i]
		if ch.AddressesFile == "" {
			continue
		}
		if !filepath.IsAbs(ch.AddressesFile) {
			ch.AddressesFile = filepath.Join(dir, ch.AddressesFile)
		}
		d, err := ReadDeployment(ch.AddressesFile)
		if errors.Is(err, fs.ErrNotExist) || (err != nil && ch.Oracle != "") {
			continue // an oracle set in the config needs no file; its feeds are then unknown
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: addresses_file: %w", chainPath(c.Chains, i), err))
			continue
		}
		if ch.ChainID != 0 && d.ChainID != ch.ChainID {
			if ch.Oracle == "" {
				errs = append(errs, fmt.Errorf("%s: addresses_file %s is for chain id %d, not %d",
					chainPath(c.Chains, i), ch.AddressesFile, d.ChainID, ch.ChainID))
			}
			continue
		}
		if ch.Oracle == "" {
			ch.Oracle = d.Oracle
		}
		if !strings.EqualFold(ch.Oracle, d.Oracle) {
			continue // the file's feeds read another oracle
		}
		for topic, addr := range d.Feeds {
			id, err := strconv.ParseUint(topic, 10, 64)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: addresses_file %s: feed topic %q is not a topic id", chainPath(c.Chains, i), ch.AddressesFile, topic))
				continue
			}
			if ch.Feeds == nil {
				ch.Feeds = make(map[uint64]common.Address)
			}
			ch.Feeds[id] = common.HexToAddress(addr)
		}
	}
	return errors.Join(errs...)
}

// decode overlays the YAML document in data onto c, refusing unknown keys. Every type
// error in the document is reported, one per line of the returned error (a
// *typeErrors: c holds every other value), each line starting with name. An error of
// another type means the document is not YAML and nothing was decoded.
func decode(data []byte, c *Config, name string) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(c)
	if errors.Is(err, io.EOF) {
		return nil // an empty file: the defaults stand
	}
	var terrs []error
	var te *yaml.TypeError
	if errors.As(err, &te) {
		// The decoder went on past each of these: every other value is in c.
		for _, e := range te.Errors {
			terrs = append(terrs, fmt.Errorf("%s: %s", name, e))
		}
	} else if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		terrs = append(terrs, fmt.Errorf("%s: line %d: a second YAML document; a config file holds one", name, extra.Line))
	}
	if len(terrs) > 0 {
		return &typeErrors{errs: terrs}
	}
	return nil
}

// Redacted returns the effective configuration as YAML, every Secret written as
// "xxxxx": what the config command prints.
func (c Config) Redacted() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	return buf.Bytes(), nil
}
