package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// preflightTimeout bounds each network check of config validate: a node that takes
// longer is reported as not answering, so that a check never hangs a start.
const preflightTimeout = 5 * time.Second

// preflight holds what config validate found beyond Validate: problems (a start would
// fail) and warnings (it would start, but something is off), in the order found.
type preflight struct {
	problems []string
	warnings []string

	// What was opened or reached, for the summary line.
	keysOpened   int
	kmsKeys      int // of keysOpened, those read from KMS
	endpointsOK  int
	endpointsAll int
}

func (p *preflight) problem(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

func (p *preflight) warn(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

// checkKeyMaterial opens every key the relayer opens at start, with the passphrase the
// config names and through the same loader (so with its file-mode rules, Kubernetes
// Secret volumes included), reads each co-signer's shared secret, and reports each
// failure with the key's path in the config and the file or variable at fault. A key
// whose passphrase cannot be read still has its keystore file checked, so that both
// are reported in one run. A KMS key is read from KMS (its public key, as the relayer
// reads it at start) unless offline.
func (p *preflight) checkKeyMaterial(ctx context.Context, cfg config.Config, offline bool) {
	type opened struct {
		at   string
		addr common.Address
	}
	var oracleKeys []opened
	p.checkKey(ctx, "signers.submitter", cfg.Signers.Submitter, offline)
	if cfg.Signers.Keeper != (config.Key{}) {
		p.checkKey(ctx, "signers.keeper", cfg.Signers.Keeper, offline)
	}
	for i, k := range cfg.Signers.Oracle {
		at := fmt.Sprintf("signers.oracle[%d]", i)
		addr, ok := p.checkKey(ctx, at, k, offline)
		if !ok {
			continue
		}
		for _, o := range oracleKeys {
			if o.addr == addr {
				p.problem("%s: %s %s holds the key of %s, as %s does; each signature must come from a different key",
					at, k.Kind(), describeKey(k), addr.Hex(), o.at)
			}
		}
		oracleKeys = append(oracleKeys, opened{at, addr})
	}
	for i, cs := range cfg.Signers.Cosigners {
		at := fmt.Sprintf("signers.cosigners[%d] (%s)", i, cs.Name)
		for _, o := range oracleKeys {
			if common.IsHexAddress(cs.Address) && common.HexToAddress(cs.Address) == o.addr {
				p.problem("%s: address %s is also the key of %s; each signature must come from a different key", at, o.addr.Hex(), o.at)
			}
		}
		if (cs.SecretFile == "") == (cs.SecretEnv == "") {
			continue // Validate reports it
		}
		if _, err := readSecret(cs.SecretFile, cs.SecretEnv); err != nil {
			p.problem("%s: %v", at, err)
		}
	}
}

// checkKey opens one key as the relayer would and returns its address. A key the
// config leaves without a keystore, or with both or neither passphrase source, is
// Validate's to report; its keystore file is still checked.
func (p *preflight) checkKey(ctx context.Context, at string, k config.Key, offline bool) (common.Address, bool) {
	if k.IsKMS() {
		if offline || k.KMS.KeyID == "" {
			return common.Address{}, false
		}
		s, err := openSigner(ctx, k)
		if err != nil {
			p.problem("%s: %v", at, err)
			return common.Address{}, false
		}
		p.keysOpened++
		p.kmsKeys++
		return s.Address(), true
	}
	if k.Keystore == "" {
		return common.Address{}, false
	}
	p.checkKeystoreMode(at, k.Keystore)
	source := keys.Passphrase{File: k.PassphraseFile, Env: k.PassphraseEnv}
	passOK := false
	if (k.PassphraseFile == "") != (k.PassphraseEnv == "") {
		if _, err := source.Read(nil); err != nil {
			p.problem("%s: passphrase: %v", at, err)
		} else {
			passOK = true
		}
	}
	if !passOK {
		// The loader checks the file is a keystore V3 key file before it asks for the
		// passphrase: with none, it stops there.
		if _, err := keys.LoadKeyFile(k.Keystore, keys.Passphrase{}); err != nil && !errors.Is(err, keys.ErrNoPassphrase) {
			p.problem("%s: %v", at, err)
		}
		return common.Address{}, false
	}
	key, err := keys.LoadKeyFile(k.Keystore, source)
	if err != nil {
		p.problem("%s: %v", at, err)
		return common.Address{}, false
	}
	p.keysOpened++
	return crypto.PubkeyToAddress(key.PublicKey), true
}

// checkKeystoreMode warns about a keystore file others may read or anyone but its
// owner may write: it is encrypted, so the relayer uses it, but its passphrase is then
// all that guards the key.
func (p *preflight) checkKeystoreMode(at, path string) {
	if runtime.GOOS == "windows" {
		return
	}
	info, err := os.Stat(path)
	if err != nil {
		return // the loader reports it
	}
	if perm := info.Mode().Perm(); perm&0o026 != 0 {
		p.warn("%s: keystore %s has mode %04o: others may read or write it; run chmod 600 %s", at, path, perm, path)
	}
}

// checkNetwork asks every node a start needs, each with a short timeout, all at once:
// each chain endpoint for its chain id (and one of them for the oracle's code), each
// Allora node for its latest block (and its emissions version with auto), and Redis for
// a PING. Failures name the endpoint by its key and as config print shows it, never
// with its credentials.
func (p *preflight) checkNetwork(ctx context.Context, cfg config.Config) {
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		results = map[string][]string{}
		order   []string
	)
	// Each check reports under its own name, and the problems print in config order
	// whatever order the checks finish in.
	run := func(name string, check func(ctx context.Context) []string) {
		order = append(order, name)
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(ctx, preflightTimeout)
			defer cancel()
			found := check(cctx)
			mu.Lock()
			results[name] = found
			mu.Unlock()
		}()
	}
	for i, ch := range cfg.Chains {
		at := fmt.Sprintf("chains[%d] (%s)", i, ch.Name)
		if ch.Name == "" {
			at = fmt.Sprintf("chains[%d]", i)
		}
		for j, u := range ch.AllRPCs() {
			p.endpointsAll++
			name := fmt.Sprintf("%s rpc-%d", at, j)
			run(name, func(ctx context.Context) []string {
				return checkChainEndpoint(ctx, at, j, ch, u.Reveal())
			})
		}
	}
	for i, e := range cfg.Allora.AllEndpoints() {
		p.endpointsAll++
		name := fmt.Sprintf("allora endpoint-%d", i)
		run(name, func(ctx context.Context) []string {
			return checkAlloraNode(ctx, i, e.Reveal(), cfg.Allora)
		})
	}
	if cfg.Redis.URL != "" {
		p.endpointsAll++
		run("redis", func(ctx context.Context) []string {
			return checkRedis(ctx, cfg.Redis.URL.Reveal(), cfg.Redis.MinReplicas)
		})
	}
	wg.Wait()
	for _, name := range order {
		if len(results[name]) == 0 {
			p.endpointsOK++
		}
		p.problems = append(p.problems, results[name]...)
	}
}

// checkChainEndpoint asks one JSON-RPC endpoint of chain ch its chain id and, being
// the first endpoint, whether the oracle has code there.
func checkChainEndpoint(ctx context.Context, at string, i int, ch config.Chain, rawURL string) []string {
	where := fmt.Sprintf("%s: rpc-%d (%s)", at, i, config.RedactURL(rawURL))
	fail := func(what string, err error) []string {
		return []string{fmt.Sprintf("%s: %s: %s", where, what, config.RedactURLsIn(err.Error(), rawURL))}
	}
	client, err := rpc.DialContext(ctx, rawURL)
	if err != nil {
		return fail("does not answer", err)
	}
	defer client.Close()
	var id hexutil.Big
	if err := client.CallContext(ctx, &id, "eth_chainId"); err != nil {
		return fail("eth_chainId", err)
	}
	if got := id.ToInt(); !got.IsUint64() || got.Uint64() != ch.ChainID {
		return []string{fmt.Sprintf("%s: serves chain id %s, not the configured %d", where, got, ch.ChainID)}
	}
	if i != 0 || ch.Oracle == "" || !common.IsHexAddress(ch.Oracle) {
		return nil
	}
	var code hexutil.Bytes
	if err := client.CallContext(ctx, &code, "eth_getCode", common.HexToAddress(ch.Oracle), "latest"); err != nil {
		return fail("eth_getCode of the oracle", err)
	}
	if len(code) == 0 {
		return []string{fmt.Sprintf("%s: no contract at oracle %s on chain %d (another chain's address? allora-gateway deploy --chain %s deploys one)",
			where, ch.Oracle, ch.ChainID, ch.Name)}
	}
	return nil
}

// checkAlloraNode asks Allora node i for its latest block, over REST or gRPC by its
// scheme as the relayer does, and with emissions_version auto for its version.
func checkAlloraNode(ctx context.Context, i int, rawURL string, cfg config.Allora) []string {
	path := "allora.endpoint"
	if cfg.Endpoint == "" || i > 0 {
		path = fmt.Sprintf("allora.endpoints[%d]", i-boolInt(cfg.Endpoint != ""))
	}
	where := fmt.Sprintf("%s: endpoint-%d (%s)", path, i, config.RedactURL(rawURL))
	fail := func(what string, err error) []string {
		return []string{fmt.Sprintf("%s: %s: %s", where, what, config.RedactURLsIn(err.Error(), rawURL))}
	}
	transport := allora.TransportREST
	if u, err := url.Parse(rawURL); err == nil && (u.Scheme == "grpc" || u.Scheme == "grpcs") {
		transport = allora.TransportGRPC
	}
	timeout := allora.WithTimeout(preflightTimeout)
	version := cfg.EmissionsVersion
	if version == "auto" {
		v, err := allora.Detect(ctx, transport, rawURL, timeout)
		if err != nil {
			return fail("detect the emissions version", err)
		}
		version = v
	}
	opts := []allora.Option{timeout, allora.WithEmissionsVersion(version)}
	var node interface {
		LatestHeight(context.Context) (uint64, error)
	}
	if transport == allora.TransportGRPC {
		c, err := allora.NewGRPC(rawURL, opts...)
		if err != nil {
			return fail("does not answer", err)
		}
		defer c.Close()
		node = c
	} else {
		c, err := allora.NewREST(rawURL, opts...)
		if err != nil {
			return fail("does not answer", err)
		}
		node = c
	}
	if _, err := node.LatestHeight(ctx); err != nil {
		return fail("does not answer", err)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkRedis sends Redis a PING and, when minReplicas asks for replicas, checks the
// primary has that many.
func checkRedis(ctx context.Context, rawURL string, minReplicas int) []string {
	where := "redis.url (" + config.RedactURL(rawURL) + ")"
	rc, _, err := store.OpenClient(rawURL)
	if err != nil {
		return []string{where + ": " + err.Error()}
	}
	defer rc.Close()
	if err := rc.Ping(ctx).Err(); err != nil {
		return []string{where + ": does not answer: " + config.RedactURLsIn(err.Error(), rawURL)}
	}
	if minReplicas > 0 {
		info, err := rc.Info(ctx, "replication").Result()
		if err != nil {
			return []string{where + ": INFO replication: " + config.RedactURLsIn(err.Error(), rawURL)}
		}
		if n := connectedReplicas(info); n < minReplicas {
			return []string{fmt.Sprintf("%s: the primary has %d connected replicas, redis.min_replicas wants %d: "+
				"lease and journal writes would fail", where, n, minReplicas)}
		}
	}
	return nil
}

// connectedReplicas reads connected_slaves from INFO replication.
func connectedReplicas(info string) int {
	for line := range strings.Lines(info) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "connected_slaves:"); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

// summary is the line config validate prints for a config without problems.
func (p *preflight) summary(path string, cfg config.Config, offline bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is valid: %d topics, %d chains, %d oracle signers; %d keys opened", path,
		len(cfg.Topics), len(cfg.Chains), len(cfg.Signers.Oracle), p.keysOpened)
	if p.kmsKeys > 0 {
		fmt.Fprintf(&b, " (%d in KMS)", p.kmsKeys)
	}
	if offline {
		b.WriteString("; network not checked (--offline)")
	} else {
		b.WriteString("; " + strconv.Itoa(p.endpointsOK) + " of " + strconv.Itoa(p.endpointsAll) + " endpoints answered")
	}
	return b.String()
}
