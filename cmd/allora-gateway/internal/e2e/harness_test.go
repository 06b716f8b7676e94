package e2e

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
	"go.yaml.in/yaml/v3"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/anviltest"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// binary is the allora-gateway binary TestMain builds once for every scenario (or
// E2E_BINARY).
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run()) // every scenario skips itself
	}
	// E2E_BINARY runs the suite against a binary built elsewhere, such as a release.
	if bin := os.Getenv("E2E_BINARY"); bin != "" {
		binary = bin
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "allora-gateway-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "allora-gateway")
	// Built as a release is (make build, the Dockerfile): static and with trimmed paths,
	// which also shares its compiled packages with those builds.
	build := exec.Command("go", "build", "-trimpath", "-o", binary, "github.com/allora-gateway/allora-gateway/cmd/allora-gateway")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "build the allora-gateway binary: %v\n", err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// Timing of the emulated Allora chain: one-second blocks, and epochs long enough for
// the slowest chain preset (Sonic waits ten one-second confirmations before the next
// batch) to push every epoch of every topic.
const alloraBlockTime = time.Second

// defaultTopics are four topics whose windows close at different blocks, so the
// relayer batches some together and not others.
func defaultTopics() []emulator.TopicConfig {
	return []emulator.TopicConfig{
		{ID: 1, Metadata: "ETH 5min Prediction", EpochLength: 30, WorkerSubmissionWindow: 3, StartPrice: "3012.5"},
		{ID: 2, Metadata: "BTC 5min Prediction", EpochLength: 30, WorkerSubmissionWindow: 7, StartPrice: "97000.25"},
		{ID: 3, Metadata: "ETH 8h Prediction", EpochLength: 40, WorkerSubmissionWindow: 5, StartPrice: "2999"},
		{ID: 4, Metadata: "ETH 5min log-return", EpochLength: 36, WorkerSubmissionWindow: 4, AllowNegative: true},
	}
}

// chainSpecs are the three chains of issue 5, named as an operator would.
var chainSpecs = []struct {
	Name string
	ID   uint64
}{{"bnb", 56}, {"zksync-era", 324}, {"sonic", 146}}

// Options change a harness.
type Options struct {
	// Topics of the emulated Allora chain; defaultTopics when nil.
	Topics []emulator.TopicConfig
	// RedisAppendOnly makes Redis durable across its own restarts.
	RedisAppendOnly bool
	// DeployFlags are added to every `allora-gateway deploy` (--signer, --threshold).
	DeployFlags []string
	// EmissionsVersion the emulated Allora chain speaks, with its event names;
	// emulator.NodeEmissionsVersion (v7, as the real node the emulator is checked
	// against) when empty. The chain revises every inference height as real nodes do.
	EmissionsVersion string
	// AlignEpochs opens every topic's first epoch in the same Allora block, so topics
	// of one epoch length and window close their windows together (see
	// emulator.Config.AlignEpochs).
	AlignEpochs bool
}

// Chain is one anvil node with the oracle deployed.
type Chain struct {
	Name   string
	ID     uint64
	Node   *anviltest.Node
	Oracle common.Address
	reader *evm.Reader
}

// Harness is one scenario's world: Allora, three chains, Redis, keys and the
// processes of the binary it started.
type Harness struct {
	t      testing.TB
	Dir    string
	Emu    *emulator.Emulator
	Allora string // the emulator's URL
	Chains []*Chain
	Redis  *RedisServer
	Prefix string // of every Redis key this harness's relayers write

	Submitter     common.Address
	submitterKey  string // keystore file
	submitterPass string // passphrase file
	signerKeys    []keyFile
	topics        []emulator.TopicConfig
	version       string // emissions version of every emulated Allora chain
	alignEpochs   bool

	// closedAt is when the harness made each Allora block: the moment the chain
	// answers what that block's windows and reputer windows closed.
	closedMu sync.Mutex
	closedAt map[uint64]time.Time

	paused atomic.Bool

	// alloras are the emulated Allora chains the harness makes blocks on, the
	// harness's own first, all in step (see AddAllora).
	allorasMu   sync.Mutex
	alloras     []*emulator.Emulator
	alloraStart time.Time
	ctx         context.Context // ends with the test
	wg          *sync.WaitGroup

	mu    sync.Mutex
	procs []*Process
}

type keyFile struct{ keystore, pass string }

// newHarness starts everything a scenario needs except the relayer: the emulator
// (making a block every second), three anvil nodes with one-second blocks, Redis,
// keystore keys, and the oracle on each chain deployed by the binary's deploy command.
func newHarness(t testing.TB, opts Options) *Harness {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end scenario: runs anvil, redis-server and the binary for minutes; run without -short (make e2e)")
	}
	h := &Harness{t: t, Dir: t.TempDir(), topics: opts.Topics, version: opts.EmissionsVersion, alignEpochs: opts.AlignEpochs, closedAt: map[uint64]time.Time{}}
	if h.topics == nil {
		h.topics = defaultTopics()
	}
	if h.version == "" {
		h.version = emulator.NodeEmissionsVersion
	}
	var suffix [4]byte
	_, _ = rand.Read(suffix[:])
	h.Prefix = "e2e-" + strings.ReplaceAll(t.Name(), "/", "-") + "-" + hex.EncodeToString(suffix[:])

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { cancel(); wg.Wait() })
	t.Cleanup(h.dumpOnFailure)

	h.ctx, h.wg = ctx, &wg
	// Every emulated chain starts at the same time, so that equal topics give equal
	// inferences, timestamps included.
	h.alloraStart = time.Now().UTC().Truncate(time.Second)
	h.Emu, h.Allora = h.AddAllora(h.topics)
	// The harness makes Allora's blocks itself so a scenario can pause the chain and
	// compare a final state that no longer moves.
	wg.Go(func() {
		tick := time.NewTicker(alloraBlockTime)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if !h.paused.Load() {
					h.allorasMu.Lock()
					for _, e := range h.alloras {
						e.Advance(1)
					}
					height, at := h.alloras[0].Height(), time.Now()
					h.allorasMu.Unlock()
					h.closedMu.Lock()
					h.closedAt[height] = at
					h.closedMu.Unlock()
				}
			}
		}
	})

	h.Redis = startRedis(t, h.Dir, opts.RedisAppendOnly)
	h.writeKeys()

	for _, spec := range chainSpecs {
		node := anviltest.Start(t, spec.ID, "--block-time", "1")
		h.Chains = append(h.Chains, &Chain{Name: spec.Name, ID: spec.ID, Node: node})
	}
	h.deploy(opts.DeployFlags)
	return h
}

// AddAllora starts another emulated Allora chain, served on its own port until the
// test ends, with topics, the harness's seed and start time, at the height of the
// harness's, and making its blocks in step with it: an independent node of the same
// network for a co-signer. Topics equal to the harness's give the same inferences;
// a topic with another start price gives other values at the same heights and times,
// as a node fed wrong data would.
func (h *Harness) AddAllora(topics []emulator.TopicConfig) (*emulator.Emulator, string) {
	t := h.t
	t.Helper()
	emu, err := emulator.New(emulator.Config{Topics: topics, BlockTime: alloraBlockTime, Manual: true, Seed: 5,
		StartTime: h.alloraStart, EmissionsVersion: h.version, AlignEpochs: h.alignEpochs})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.wg.Go(func() { _ = emu.Serve(h.ctx, ln) })
	h.allorasMu.Lock()
	defer h.allorasMu.Unlock()
	if len(h.alloras) > 0 {
		if behind := h.alloras[0].Height() - emu.Height(); behind > 0 {
			emu.Advance(int(behind))
		}
	}
	h.alloras = append(h.alloras, emu)
	return emu, "http://" + ln.Addr().String()
}

func (h *Harness) writeKeys() {
	t := h.t
	write := func(name string, key *ecdsa.PrivateKey) keyFile {
		k := &keystore.Key{Id: uuid.New(), Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}
		pass := "passphrase of " + name
		data, err := keystore.EncryptKey(k, pass, keystore.LightScryptN, keystore.LightScryptP)
		if err != nil {
			t.Fatal(err)
		}
		f := keyFile{keystore: filepath.Join(h.Dir, name+".json"), pass: filepath.Join(h.Dir, name+".pass")}
		if err := os.WriteFile(f.keystore, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.pass, []byte(pass+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	// The anvil development accounts, which anvil funds: the first pays, the next
	// three sign.
	sub := write("submitter", devchain.DevKey(0))
	h.submitterKey, h.submitterPass = sub.keystore, sub.pass
	h.Submitter = crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey)
	for i := 1; i <= 3; i++ {
		h.signerKeys = append(h.signerKeys, write(fmt.Sprintf("signer-%d", i), devchain.DevKey(i)))
	}
}

// deploy runs `allora-gateway deploy` for each chain, in parallel, from the config
// every relayer of the harness starts from, with flags added.
func (h *Harness) deploy(flags []string) {
	t := h.t
	path := h.WriteConfig("deploy", nil)
	var wg sync.WaitGroup
	procs := make([]*Process, len(h.Chains))
	for i, c := range h.Chains {
		args := append([]string{"deploy", "--config", path, "--chain", c.Name, "--feeds=false"}, flags...)
		procs[i] = h.Start("deploy-"+c.Name, args...)
		wg.Go(func() {
			select {
			case <-procs[i].exited:
			case <-time.After(90 * time.Second):
				procs[i].Kill9()
			}
		})
	}
	wg.Wait()
	for i, c := range h.Chains {
		if _, err := procs[i].Exited(); err != nil {
			t.Fatalf("deploy to %s: %v\n%s", c.Name, err, procs[i].Tail(30))
		}
		d, err := config.ReadDeployment(h.addressesFile(c))
		if err != nil || !common.IsHexAddress(d.Oracle) {
			t.Fatalf("deploy to %s wrote no usable addresses file (%v): %+v\n%s", c.Name, err, d, procs[i].Tail(30))
		}
		c.Oracle = common.HexToAddress(d.Oracle)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		r, err := evm.NewReader(ctx, oracle.Chain{ID: c.ID, Name: c.Name, Oracle: c.Oracle}, c.Node.Client)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		c.reader = r
	}
}

// ProxyChain puts a killable proxy in front of c's anvil: give its URL to a relayer
// as one of the chain's endpoints, and Kill it to take that endpoint away while the
// node keeps running for the others.
func (h *Harness) ProxyChain(c *Chain) *testsupport.Proxy {
	h.t.Helper()
	return testsupport.NewProxy(h.t, strings.TrimPrefix(c.Node.URL, "http://"))
}

func (h *Harness) addressesFile(c *Chain) string {
	return filepath.Join(h.Dir, "deployments", c.Name+".json")
}

// RelayerConfig is the YAML config file a harness writes for a process of the
// binary. Extra holds keys the typed fields do not name (a later feature's section),
// written inline at the top level.
type RelayerConfig struct {
	Allora  map[string]any   `yaml:"allora"`
	Topics  []uint64         `yaml:"topics"`
	Chains  []map[string]any `yaml:"chains"`
	Relayer map[string]any   `yaml:"relayer"`
	Signers map[string]any   `yaml:"signers"`
	Redis   map[string]any   `yaml:"redis"`
	API     map[string]any   `yaml:"api"`
	Log     map[string]any   `yaml:"log"`
	Extra   map[string]any   `yaml:",inline"`
}

// Config is the harness's relayer config: every topic, the three chains (rpc
// straight to each anvil, oracle from the addresses file deploy wrote), the three
// signer keys, Redis with the harness's prefix, no API.
func (h *Harness) Config() *RelayerConfig {
	cfg := &RelayerConfig{
		Allora: map[string]any{"endpoint": h.Allora, "websocket": h.Allora, "emissions_version": h.version, "request_timeout": "3s"},
		Relayer: map[string]any{
			"poll_interval": "2s", "push_interval": "2s", "submit_timeout": "60s",
		},
		Signers: map[string]any{"submitter": map[string]any{"keystore": h.submitterKey, "passphrase_file": h.submitterPass}},
		Redis:   map[string]any{"url": h.Redis.URL(), "prefix": h.Prefix},
		API:     map[string]any{"listen": ""},
		Log:     map[string]any{"level": "info", "format": "text"},
		Extra:   map[string]any{},
	}
	for _, tc := range h.topics {
		cfg.Topics = append(cfg.Topics, tc.ID)
	}
	var oracleKeys []map[string]any
	for _, k := range h.signerKeys {
		oracleKeys = append(oracleKeys, map[string]any{"keystore": k.keystore, "passphrase_file": k.pass})
	}
	cfg.Signers["oracle"] = oracleKeys
	for _, c := range h.Chains {
		cfg.Chains = append(cfg.Chains, map[string]any{
			"name": c.Name, "chain_id": c.ID, "rpc": c.Node.URL, "addresses_file": h.addressesFile(c),
		})
	}
	return cfg
}

// WriteConfig writes the harness's config, changed by edit when not nil, as
// name.yaml and returns its path.
func (h *Harness) WriteConfig(name string, edit func(*RelayerConfig)) string {
	cfg := h.Config()
	if edit != nil {
		edit(cfg)
	}
	data, err := yaml.Marshal(cfg)
	if err != nil {
		h.t.Fatal(err)
	}
	path := filepath.Join(h.Dir, name+".yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		h.t.Fatal(err)
	}
	return path
}

// Start runs the binary with args as a process named name, its output in
// name.log, killed when the test ends.
func (h *Harness) Start(name string, args ...string) *Process {
	h.t.Helper()
	p := startProcess(h.t, name, filepath.Join(h.Dir, name+".log"), binary, nil, args...)
	h.mu.Lock()
	h.procs = append(h.procs, p)
	h.mu.Unlock()
	h.t.Cleanup(p.Kill9)
	return p
}

// StartRelayer runs `allora-gateway relayer --config path` as a process named name.
func (h *Harness) StartRelayer(name, path string) *Process {
	h.t.Helper()
	return h.Start(name, "relayer", "--config", path)
}

// dumpOnFailure prints the end of every process's log when the test failed.
func (h *Harness) dumpOnFailure() {
	if !h.t.Failed() {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	seen := map[string]bool{}
	for _, p := range h.procs {
		if seen[p.LogPath] {
			continue
		}
		seen[p.LogPath] = true
		h.t.Logf("--- last lines of %s (%s):\n%s", p.Name, p.LogPath, p.Tail(60))
	}
}

// PauseAllora stops Allora's blocks for the rest of the test, so no new inference
// appears.
func (h *Harness) PauseAllora() { h.paused.Store(true) }

// AlloraLatest is the block height of topic's latest inference on Allora, 0 before
// its first window closes.
func (h *Harness) AlloraLatest(topic uint64) uint64 {
	return h.AlloraVersion(topic).BlockHeight
}

// AlloraVersion is the version (block height, loss block height) of topic's latest
// inference on Allora: a revision moves the loss height of the same block height.
func (h *Harness) AlloraVersion(topic uint64) oracle.Version {
	inf, ok := h.Emu.Latest(topic)
	if !ok {
		return oracle.Version{}
	}
	return inf.Version()
}

// ClosedAt is when the harness made Allora block height (false if it has not yet).
func (h *Harness) ClosedAt(height uint64) (time.Time, bool) {
	h.closedMu.Lock()
	defer h.closedMu.Unlock()
	t, ok := h.closedAt[height]
	return t, ok
}

// Epoch is topic's epoch length in Allora blocks.
func (h *Harness) Epoch(topic uint64) uint64 {
	for _, tc := range h.topics {
		if tc.ID == topic {
			return uint64(tc.EpochLength)
		}
	}
	h.t.Fatalf("no topic %d", topic)
	return 0
}

// TopicIDs are the harness's topics.
func (h *Harness) TopicIDs() []uint64 {
	var ids []uint64
	for _, tc := range h.topics {
		ids = append(ids, tc.ID)
	}
	return ids
}

// Versions reads the version of every topic on c's oracle (zero: never set), as a
// protocol calling topicStates would.
func (h *Harness) Versions(c *Chain) (map[uint64]oracle.Version, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	states, err := c.reader.TopicStates(ctx, h.TopicIDs())
	if err != nil {
		return nil, err
	}
	out := make(map[uint64]oracle.Version, len(states))
	for _, s := range states {
		out[s.TopicID] = oracle.Version{BlockHeight: s.BlockHeight, LossBlockHeight: s.LossBlockHeight}
	}
	return out, nil
}

// Heights reads latest block height of every topic on c's oracle (0: never set),
// as a protocol calling topicStates would.
func (h *Harness) Heights(c *Chain) (map[uint64]uint64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	states, err := c.reader.TopicStates(ctx, h.TopicIDs())
	if err != nil {
		return nil, err
	}
	out := make(map[uint64]uint64, len(states))
	for _, s := range states {
		out[s.TopicID] = s.BlockHeight
	}
	return out, nil
}

// Latest reads latest(topic) on c's oracle.
func (h *Harness) Latest(c *Chain, topic uint64) (alloraoracle.LatestOutput, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.reader.Latest(ctx, topic)
}

// Applied is one TopicUpdated event of an oracle: an update it stored.
type Applied struct {
	Topic       uint64
	Height      uint64 // the Allora block height of the inference
	Loss        uint64 // its loss block height: with Height, the version
	Block       uint64 // the chain's block
	TxHash      common.Hash
	TxIndex     uint
	LogIndex    uint
	BlockHash   common.Hash
	StoredValue *big.Int
}

var oracleABI = alloraoracle.NewAlloraOracle()

// AppliedUpdates scans c's canonical chain for every update its oracle stored, in
// chain order.
func (h *Harness) AppliedUpdates(c *Chain) ([]Applied, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	logs, err := c.Node.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{c.Oracle}})
	if err != nil {
		return nil, fmt.Errorf("chain %s: filter logs: %w", c.Name, err)
	}
	var out []Applied
	for i := range logs {
		l := &logs[i]
		ev, err := oracleABI.UnpackTopicUpdatedEvent(l)
		if err != nil {
			continue
		}
		value, _, height, loss := alloraoracle.DecodeState(ev.State)
		out = append(out, Applied{Topic: ev.TopicId, Height: height, Loss: loss, Block: l.BlockNumber, TxHash: l.TxHash,
			TxIndex: l.TxIndex, LogIndex: l.Index, BlockHash: l.BlockHash, StoredValue: value})
	}
	return out, nil
}

// Nonces are the submitter's nonce at the latest block and with the pool counted.
func (h *Harness) Nonces(c *Chain) (latest, pending uint64, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if latest, err = c.Node.Client.NonceAt(ctx, h.Submitter, nil); err != nil {
		return 0, 0, err
	}
	pending, err = c.Node.Client.PendingNonceAt(ctx, h.Submitter)
	return latest, pending, err
}

// SubmitterPool is the submitter's transactions waiting in c's pool.
func (h *Harness) SubmitterPool(c *Chain) []anviltest.PoolTx {
	var out []anviltest.PoolTx
	for _, tx := range c.Node.Pool(h.t) {
		if tx.From == h.Submitter {
			out = append(out, tx)
		}
	}
	return out
}

// WaitAllCaughtUp waits until every chain holds every topic at Allora's latest
// version (read again each time): its latest height, revised or not.
func (h *Harness) WaitAllCaughtUp(timeout time.Duration) {
	h.t.Helper()
	testsupport.WaitForSeen(h.t, timeout, "every chain holding every topic at Allora's latest inference", func() (bool, string) {
		var behind []string
		for _, c := range h.Chains {
			got, err := h.Versions(c)
			if err != nil {
				behind = append(behind, fmt.Sprintf("%s: %v", c.Name, err))
				continue
			}
			for _, id := range h.TopicIDs() {
				if want := h.AlloraVersion(id); want.BlockHeight == 0 || got[id] != want {
					behind = append(behind, fmt.Sprintf("%s topic %d at %+v, Allora %+v", c.Name, id, got[id], want))
				}
			}
		}
		return len(behind) == 0, strings.Join(behind, "; ")
	})
}

// CheckEndState pauses Allora and checks what every scenario must leave behind:
// every chain holds every topic at Allora's latest inference (no update lost); the
// submitter's pending nonce equals its mined nonce and the pool holds nothing of it
// (no nonce gap left stuck); and on every chain each topic's applied versions
// (height, loss height) strictly increase (no older value ever overwrote a newer one).
func (h *Harness) CheckEndState(catchUp time.Duration) {
	h.t.Helper()
	h.PauseAllora()
	h.WaitAllCaughtUp(catchUp)
	for _, c := range h.Chains {
		testsupport.WaitForSeen(h.t, 30*time.Second, c.Name+": pending nonce == mined nonce and no transaction of the submitter in the pool", func() (bool, string) {
			latest, pending, err := h.Nonces(c)
			if err != nil {
				return false, err.Error()
			}
			pool := h.SubmitterPool(c)
			return latest == pending && len(pool) == 0, fmt.Sprintf("mined nonce %d, pending nonce %d, %d in the pool", latest, pending, len(pool))
		})
		h.CheckMonotonic(c)
	}
}

// CheckMonotonic fails the test if any topic's applied versions on c do not strictly
// increase, (height, loss height) in that order, so a revision of the same height with
// a newer loss height is newer, and returns how many updates were applied.
func (h *Harness) CheckMonotonic(c *Chain) int {
	h.t.Helper()
	applied, err := h.AppliedUpdates(c)
	if err != nil {
		h.t.Fatal(err)
	}
	last := map[uint64]Applied{}
	for _, a := range applied {
		if prev, ok := last[a.Topic]; ok && !a.Version().Newer(prev.Version()) {
			h.t.Errorf("%s topic %d: version %+v applied in block %d (tx %s) after %+v in block %d: an older value overwrote a newer one",
				c.Name, a.Topic, a.Version(), a.Block, a.TxHash, prev.Version(), prev.Block)
		}
		last[a.Topic] = a
	}
	return len(applied)
}

// Version is the applied update's (height, loss height).
func (a Applied) Version() oracle.Version {
	return oracle.Version{BlockHeight: a.Height, LossBlockHeight: a.Loss}
}

// Revisions counts, per topic, the updates applied on c that revised a height already
// applied (same height, newer loss height).
func (h *Harness) Revisions(c *Chain) map[uint64]int {
	h.t.Helper()
	applied, err := h.AppliedUpdates(c)
	if err != nil {
		h.t.Fatal(err)
	}
	out := map[uint64]int{}
	last := map[uint64]Applied{}
	for _, a := range applied {
		if prev, ok := last[a.Topic]; ok && a.Height == prev.Height && a.Loss > prev.Loss {
			out[a.Topic]++
		}
		last[a.Topic] = a
	}
	return out
}

// CheckRevisionsLanded checks, once CheckEndState has caught every chain up, that the
// emulated node's revisions reached the chains: on every chain some height was applied
// twice, the second time with a newer loss height, and each topic's latestVersion is
// Allora's latest (height, loss height), its value the node's last for that height.
func (h *Harness) CheckRevisionsLanded() {
	h.t.Helper()
	for _, c := range h.Chains {
		revised := h.Revisions(c)
		total := 0
		for _, n := range revised {
			total += n
		}
		if total == 0 {
			h.t.Errorf("%s: no revision of a height was applied (per topic: %v)", c.Name, revised)
		}
		for _, id := range h.TopicIDs() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			got, err := bind.Call(oracleABI.Instance(c.Node.Client, c.Oracle), &bind.CallOpts{Context: ctx}, oracleABI.PackLatestVersion(id), oracleABI.UnpackLatestVersion)
			cancel()
			if err != nil {
				h.t.Fatalf("%s latestVersion(%d): %v", c.Name, id, err)
			}
			inf, _ := h.Emu.Latest(id)
			if got.BlockHeight != inf.BlockHeight || got.LossBlockHeight != inf.LossBlockHeight {
				h.t.Errorf("%s topic %d: latestVersion (%d, %d), Allora's latest (%d, %d)", c.Name, id,
					got.BlockHeight, got.LossBlockHeight, inf.BlockHeight, inf.LossBlockHeight)
			}
			want, err := oracle.Scale(inf.Value, true)
			if err != nil {
				h.t.Fatal(err)
			}
			latest, err := h.Latest(c, id)
			if err != nil {
				h.t.Fatal(err)
			}
			if latest.Value.Cmp(want) != 0 {
				h.t.Errorf("%s topic %d: value %s, Allora's last for height %d is %s", c.Name, id, latest.Value, inf.BlockHeight, want)
			}
		}
		h.t.Logf("%s: revisions applied per topic %v; every topic at Allora's latest version", c.Name, revised)
	}
}
