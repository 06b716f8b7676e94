package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/bindings/allorafeed"
	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/gateway"
	"github.com/allora-gateway/allora-gateway/deploy/presets"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
)

// metadataTimeout bounds asking Allora for the topics' metadata, which only names the
// feeds: an Allora node that does not answer does not stop a deployment.
const metadataTimeout = 10 * time.Second

type deployFlags struct {
	config        string
	chain         string
	signers       []string
	threshold     uint8
	owner         string
	addresses     string
	feeds         bool
	maxAge        time.Duration
	maxFutureSkew time.Duration
}

func newDeployCmd(g *globalFlags, stdout, stderr io.Writer) *cobra.Command {
	var f deployFlags
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy the AlloraOracle, a feed per topic and the configured markets to a chain, and write their addresses",
		Long: `deploy puts the contracts on one chain of the config: an AlloraOracle owned by the
submitter key (or --owner), whose signers are the addresses given with --signer or else
those of the config's signers.oracle keystore files (read from the files, which are
not decrypted), with a threshold of --threshold or else a majority of them; unless
--feeds=false, one AlloraFeed (Chainlink AggregatorV3) per configured topic, described
by the topic's Allora metadata when an Allora node answers ("Allora topic N" when none
does); and a PredictionMarket for each of the chain's markets (topic, price feed,
interval, buffer, fee, minimum bet, native or ERC-20 stake). It sends from
signers.submitter (a keystore or a KMS key) through the chain's transaction manager,
which sees each one confirmed to the chain's depth (its preset's, or the chain's
confirmations key), and writes the addresses to --addresses,
or else the chain's addresses_file, or else deployments/<chain>.json beside the config.
A relayer config whose chain sets addresses_file (and no oracle) reads the oracle from
it, and the relayer's round keeper executes the markets it lists.

It is safe to run again: what the addresses file names and the chain holds as expected
(code at the address, the same signers and threshold; a feed of the same oracle and
topic; a market with every setting as configured) is kept, only what is missing or
different is deployed, and it says which. Nothing is sent when everything is found.

ZKsync Era: the contracts are plain EVM bytecode (solc, not zksolc), which ZKsync Era
runs through the EraVM's EVM interpreter. They behave the same, but gas there is EraVM
gas and the interpreter takes 150-400% more of it than the same calls take on an EVM
chain, for the deployments and for every later push and round: budget the submitter's
balance (and the zksync-era preset's max_batch_gas) accordingly. Access lists are not
supported, and a DELEGATECALL between EVM and EraVM contracts reverts (these contracts
make none).`,
		Example: `  # everything the config lists for chain bnb (preset: bsc), addresses in deployments/bnb.json
  allora-gateway deploy --config relayer.yaml --chain bnb

  # your own signer set, 2 of 3
  allora-gateway deploy --config relayer.yaml --chain sonic --signer 0xA… --signer 0xB… --signer 0xC… --threshold 2

  # the oracle and markets only, addresses as YAML
  allora-gateway deploy --config relayer.yaml --chain zksync-era --addresses deployments/zksync.yaml --feeds=false

  # a chain's markets, in the config:
  #   chains:
  #     - name: bnb
  #       preset: bsc
  #       rpc: https://bsc-dataseed.bnbchain.org
  #       addresses_file: deployments/bnb.json
  #       markets:
  #         - {name: ETH 5m, topic: 1, price_feed: "0x…", interval: 5m, buffer: 30s, fee_bps: 300, min_bet: "0.001"}`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(f.config, os.LookupEnv)
			if err != nil {
				return err
			}
			logger, err := g.logger(stderr)
			if err != nil {
				return err
			}
			return runDeploy(cmd.Context(), cfg, f, stdout, logger)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "path of the YAML config file (required)")
	fl.StringVar(&f.chain, "chain", "", "name of the chain in the config to deploy to (required)")
	fl.StringArrayVar(&f.signers, "signer", nil, "0x address of an oracle signer, repeated for each; default: the addresses of signers.oracle's keystore files")
	fl.Uint8Var(&f.threshold, "threshold", 0, "signatures each batch needs; default: a majority of the signers")
	fl.StringVar(&f.owner, "owner", "", "0x address of the oracle's owner; default: the submitter")
	fl.StringVar(&f.addresses, "addresses", "", "addresses file to read and write (.json, or .yaml/.yml); default: the chain's addresses_file, else deployments/<chain>.json beside the config")
	fl.BoolVar(&f.feeds, "feeds", true, "deploy an AlloraFeed per configured topic")
	fl.DurationVar(&f.maxAge, "max-age", time.Hour, "oldest inference the oracle accepts")
	fl.DurationVar(&f.maxFutureSkew, "max-future-skew", 5*time.Minute, "how far in the future an inference's time may be")
	_ = cmd.MarkFlagRequired("config")
	_ = cmd.MarkFlagRequired("chain")
	return cmd
}

// deployPlan is what deploy works out before it sends anything.
type deployPlan struct {
	chain     config.Chain
	owner     common.Address
	signers   []common.Address // ascending
	threshold uint8
	path      string // the addresses file
}

func planDeploy(cfg config.Config, f deployFlags, submitter common.Address) (deployPlan, error) {
	var p deployPlan
	i := slices.IndexFunc(cfg.Chains, func(c config.Chain) bool { return c.Name == f.chain })
	if i < 0 {
		var names []string
		for _, c := range cfg.Chains {
			names = append(names, c.Name)
		}
		return p, fmt.Errorf("--chain %q is not in the config (chains: %v)", f.chain, names)
	}
	p.chain = cfg.Chains[i]
	if p.chain.ChainID == 0 || len(p.chain.AllRPCs()) == 0 {
		return p, fmt.Errorf("chains[%d] (%s): chain_id and rpc (or rpcs) must be set", i, p.chain.Name)
	}

	p.owner = submitter
	if f.owner != "" {
		if !common.IsHexAddress(f.owner) {
			return p, fmt.Errorf("--owner %q: not an address", f.owner)
		}
		p.owner = common.HexToAddress(f.owner)
	}

	seen := map[common.Address]bool{}
	add := func(a common.Address, from string) error {
		if a == (common.Address{}) {
			return fmt.Errorf("%s: the zero address cannot sign", from)
		}
		if seen[a] {
			return fmt.Errorf("%s: signer %s listed twice", from, a.Hex())
		}
		seen[a] = true
		p.signers = append(p.signers, a)
		return nil
	}
	if len(f.signers) > 0 {
		for _, s := range f.signers {
			if !common.IsHexAddress(s) {
				return p, fmt.Errorf("--signer %q: not an address", s)
			}
			if err := add(common.HexToAddress(s), "--signer"); err != nil {
				return p, err
			}
		}
	} else {
		if len(cfg.Signers.Oracle) == 0 {
			return p, errors.New("no signers: give --signer for each, or list keystores under signers.oracle")
		}
		for j, k := range cfg.Signers.Oracle {
			at := fmt.Sprintf("signers.oracle[%d]", j)
			a, err := keystoreAddress(k.Keystore)
			if err != nil {
				return p, fmt.Errorf("%s: %w", at, err)
			}
			if err := add(a, at); err != nil {
				return p, err
			}
		}
	}
	slices.SortFunc(p.signers, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	p.threshold = f.threshold
	if p.threshold == 0 {
		p.threshold = uint8(len(p.signers)/2 + 1)
	}
	if int(p.threshold) > len(p.signers) {
		return p, fmt.Errorf("--threshold %d: only %d signers", p.threshold, len(p.signers))
	}

	switch {
	case f.addresses != "":
		p.path = f.addresses
	case p.chain.AddressesFile != "": // resolved against the config's directory by Load
		p.path = p.chain.AddressesFile
	default:
		p.path = filepath.Join(filepath.Dir(f.config), "deployments", p.chain.Name+".json")
	}
	return p, nil
}

// keystoreAddress reads the address a V3 keystore file records, without decrypting it.
func keystoreAddress(path string) (common.Address, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return common.Address{}, err
	}
	var k struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(data, &k); err != nil {
		return common.Address{}, fmt.Errorf("%s: not a keystore file: %w", path, err)
	}
	if !common.IsHexAddress(k.Address) {
		return common.Address{}, fmt.Errorf("%s: no address in the keystore file (give the signers with --signer)", path)
	}
	return common.HexToAddress(k.Address), nil
}

func runDeploy(ctx context.Context, cfg config.Config, f deployFlags, out io.Writer, log *slog.Logger) error {
	if cfg.Signers.Submitter.Keystore == "" && !cfg.Signers.Submitter.IsKMS() {
		return errors.New("signers.submitter: set a keystore or a KMS key: it sends the deployments")
	}
	key, err := openSigner(ctx, cfg.Signers.Submitter)
	if err != nil {
		return fmt.Errorf("signers.submitter: %w", err)
	}
	from := key.Address()
	p, err := planDeploy(cfg, f, from)
	if err != nil {
		return err
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"--max-age", f.maxAge}, {"--max-future-skew", f.maxFutureSkew}} {
		if d.v <= 0 || d.v%time.Second != 0 {
			return fmt.Errorf("%s %s: want a positive whole number of seconds", d.name, d.v)
		}
	}

	cctx, cancel := context.WithTimeout(ctx, connectTimeout)
	// Every endpoint of the chain, each checked to serve its chain id: a deployment
	// goes on through another when one fails.
	ch, err := gateway.OpenChain(cctx, p.chain, nil, log)
	cancel()
	if err != nil {
		return fmt.Errorf("chain %s: dial rpc: %w", p.chain.Name, err)
	}
	defer ch.Close()
	client := ch.Backend()
	_, known := presets.ForChainID(p.chain.ChainID)
	known = known || p.chain.Preset != "" || p.chain.Confirmations.Set

	fmt.Fprintf(out, "chain %s (%d), submitter %s\n", p.chain.Name, p.chain.ChainID, from.Hex())
	if p.chain.ChainID == 324 || p.chain.ChainID == 300 {
		fmt.Fprintln(out, "note: on ZKsync Era this EVM bytecode runs through the EraVM's EVM interpreter: gas is EraVM gas, 150-400% more than on an EVM chain (the contracts are not zksolc-compiled)")
	}
	if !known {
		fmt.Fprintf(out, "chain id %d has no preset: not waiting for confirmations beyond the receipt\n", p.chain.ChainID)
	}

	prev, err := config.ReadDeployment(p.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(out, "no addresses file at %s: deploying everything\n", p.path)
	case err != nil:
		return fmt.Errorf("addresses file: %w (move it away to deploy afresh)", err)
	case prev.ChainID != p.chain.ChainID:
		return fmt.Errorf("addresses file %s is for chain id %d, not %s's %d", p.path, prev.ChainID, p.chain.Name, p.chain.ChainID)
	}

	d := config.Deployment{ChainID: p.chain.ChainID, Name: p.chain.Name, Feeds: map[string]string{}, Markets: map[string]string{},
		Txs: config.DeploymentTxs{Feeds: map[string]string{}, Markets: map[string]string{}}}

	// The oracle.
	oracleAddr, oracleDeployed := common.Address{}, false
	if prev.Oracle != "" {
		a := common.HexToAddress(prev.Oracle)
		if why := checkOracle(ctx, client, a, p); why != "" {
			fmt.Fprintf(out, "AlloraOracle %s from %s not kept: %s\n", a.Hex(), p.path, why)
		} else {
			oracleAddr = a
			d.Oracle, d.Block, d.Txs.Oracle = a.Hex(), prev.Block, prev.Txs.Oracle
			fmt.Fprintf(out, "AlloraOracle found at %s (%d signers, threshold %d): kept\n", a.Hex(), len(p.signers), p.threshold)
		}
	}
	if oracleAddr == (common.Address{}) {
		fmt.Fprintf(out, "deploying AlloraOracle (owner %s, %d signers, threshold %d) … ", p.owner.Hex(), len(p.signers), p.threshold)
		a, r, err := ch.DeployOracle(ctx, key, evm.DeployParams{
			Owner: p.owner, Signers: p.signers, Threshold: p.threshold,
			MaxAge: uint64(f.maxAge / time.Second), MaxFutureSkew: uint64(f.maxFutureSkew / time.Second),
		})
		if err != nil {
			fmt.Fprintln(out, "failed")
			return err
		}
		fmt.Fprintf(out, "tx %s mined in block %d: %s\n", r.TxHash.Hex(), r.BlockNumber, a.Hex())
		oracleAddr, oracleDeployed = a, true
		d.Oracle, d.Block, d.Txs.Oracle = a.Hex(), r.BlockNumber.Uint64(), r.TxHash.Hex()
		// Recorded at once, so that if a feed fails the next run keeps this oracle.
		if err := config.WriteDeployment(p.path, d); err != nil {
			return fmt.Errorf("write the addresses file (the oracle is deployed at %s): %w", a.Hex(), err)
		}
	}

	// Where the oracle's fees go.
	if p.chain.Treasury != "" {
		if err := settleTreasury(ctx, ch, key, from, oracleAddr, common.HexToAddress(p.chain.Treasury), out); err != nil {
			return err
		}
	}

	// The feeds.
	var missing []evm.FeedParams
	if f.feeds {
		for _, topic := range cfg.Topics {
			t := strconv.FormatUint(topic, 10)
			if prevAddr, ok := prev.Feeds[t]; ok {
				a := common.HexToAddress(prevAddr)
				if why := checkFeed(ctx, client, a, oracleAddr, topic); why != "" {
					fmt.Fprintf(out, "AlloraFeed of topic %d at %s not kept: %s\n", topic, a.Hex(), why)
				} else {
					d.Feeds[t], d.Txs.Feeds[t] = a.Hex(), prev.Txs.Feeds[t]
					fmt.Fprintf(out, "AlloraFeed of topic %d found at %s: kept\n", topic, a.Hex())
					continue
				}
			}
			missing = append(missing, evm.FeedParams{Oracle: oracleAddr, TopicID: topic})
		}
	}
	if len(missing) > 0 {
		describeFeeds(ctx, cfg, missing, out, log)
		for _, m := range missing {
			fmt.Fprintf(out, "deploying AlloraFeed of topic %d (%q) …\n", m.TopicID, m.Description)
		}
		addrs, receipts, err := ch.DeployFeeds(ctx, key, missing)
		if err != nil {
			return err
		}
		for i, m := range missing {
			t := strconv.FormatUint(m.TopicID, 10)
			d.Feeds[t], d.Txs.Feeds[t] = addrs[i].Hex(), receipts[i].TxHash.Hex()
			fmt.Fprintf(out, "AlloraFeed of topic %d: tx %s mined in block %d: %s\n", m.TopicID, receipts[i].TxHash.Hex(), receipts[i].BlockNumber, addrs[i].Hex())
		}
	}
	if !f.feeds && !oracleDeployed {
		// Feeds not asked for this time: those recorded still read the same oracle.
		d.Feeds, d.Txs.Feeds = prev.Feeds, prev.Txs.Feeds
	}
	if len(d.Feeds) == 0 {
		d.Feeds, d.Txs.Feeds = nil, nil
	}

	// The markets, which read the oracle and each its price feed.
	wants, err := planMarkets(ctx, client, p.chain, oracleAddr, p.owner)
	if err != nil {
		return err
	}
	marketsDeployed, err := deployMarkets(ctx, ch, key, wants, prev, &d, out)
	if err != nil {
		// What was deployed before stays recorded, so the next run keeps it.
		if werr := config.WriteDeployment(p.path, d); werr != nil {
			err = errors.Join(err, fmt.Errorf("write the addresses file: %w", werr))
		}
		return err
	}
	if len(d.Markets) == 0 {
		d.Markets, d.Txs.Markets = nil, nil
	}

	if err := config.WriteDeployment(p.path, d); err != nil {
		return fmt.Errorf("write the addresses file (the contracts are deployed: oracle %s): %w", d.Oracle, err)
	}
	deployed := len(missing) + marketsDeployed
	if oracleDeployed {
		deployed++
	}
	fmt.Fprintf(out, "%s: %d contracts found, %d deployed; addresses in %s\n", p.chain.Name, 1+len(d.Feeds)+len(d.Markets)-deployed, deployed, p.path)
	if base := explorerBase(p.chain); base != "" {
		fmt.Fprintf(out, "oracle on the explorer: %s/address/%s\n", base, d.Oracle)
	}
	return nil
}

// explorerBase is the block explorer to link deployed contracts to, or "" when a link
// would lead nowhere: the chain id is not a public chain of the presets with an
// explorer (a local or unknown chain), or every RPC endpoint is on this machine or a
// private network (a development node or a fork that carries a public chain's id,
// whose contracts the public explorer does not know). The URL is the chain's
// explorer, the preset's unless the config overrides it.
func explorerBase(c config.Chain) string {
	public := false
	for _, p := range presets.Chains() {
		if p.ChainID == c.ChainID && p.Explorer != "" {
			public = true
		}
	}
	if !public || c.Explorer == "" {
		return ""
	}
	for _, rpc := range c.AllRPCs() {
		if !localEndpoint(rpc.Reveal()) {
			return strings.TrimRight(c.Explorer, "/")
		}
	}
	return ""
}

// localEndpoint reports whether an RPC URL's host is this machine or a private
// network address.
func localEndpoint(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if host == "" && u.Scheme == "unix" || strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()
}

// checkOracle returns why the contract at a is not the oracle the plan wants, or "".
func checkOracle(ctx context.Context, client evm.Backend, a common.Address, p deployPlan) string {
	code, err := client.CodeAt(ctx, a, nil)
	if err != nil {
		return fmt.Sprintf("read its code: %v", err)
	}
	if len(code) == 0 {
		return "no code at that address on this chain"
	}
	c := alloraoracle.NewAlloraOracle()
	inst := c.Instance(client, a)
	opts := &bind.CallOpts{Context: ctx}
	signers, err := bind.Call(inst, opts, c.PackSigners(), c.UnpackSigners)
	if err != nil {
		return fmt.Sprintf("call signers(): %v", err)
	}
	threshold, err := bind.Call(inst, opts, c.PackThreshold(), c.UnpackThreshold)
	if err != nil {
		return fmt.Sprintf("call threshold(): %v", err)
	}
	slices.SortFunc(signers, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	if !slices.Equal(signers, p.signers) {
		return fmt.Sprintf("its signers are %v, want %v", signers, p.signers)
	}
	if threshold != p.threshold {
		return fmt.Sprintf("its threshold is %d, want %d", threshold, p.threshold)
	}
	return ""
}

// checkFeed returns why the contract at a is not the feed of topic on oracle, or "".
func checkFeed(ctx context.Context, client evm.Backend, a, oracle common.Address, topic uint64) string {
	code, err := client.CodeAt(ctx, a, nil)
	if err != nil {
		return fmt.Sprintf("read its code: %v", err)
	}
	if len(code) == 0 {
		return "no code at that address on this chain"
	}
	c := allorafeed.NewAlloraFeed()
	inst := c.Instance(client, a)
	opts := &bind.CallOpts{Context: ctx}
	o, err := bind.Call(inst, opts, c.PackOracle(), c.UnpackOracle)
	if err != nil {
		return fmt.Sprintf("call oracle(): %v", err)
	}
	if o != oracle {
		return fmt.Sprintf("it reads oracle %s, not %s", o.Hex(), oracle.Hex())
	}
	id, err := bind.Call(inst, opts, c.PackTopicId(), c.UnpackTopicId)
	if err != nil {
		return fmt.Sprintf("call topicId(): %v", err)
	}
	if id != topic {
		return fmt.Sprintf("it is the feed of topic %d", id)
	}
	return ""
}

// describeFeeds sets each feed's description from its topic's Allora metadata, or to
// "Allora topic N" when Allora does not say.
func describeFeeds(ctx context.Context, cfg config.Config, feeds []evm.FeedParams, out io.Writer, log *slog.Logger) {
	for i := range feeds {
		feeds[i].Description = fmt.Sprintf("Allora topic %d", feeds[i].TopicID)
	}
	if len(cfg.Allora.AllEndpoints()) == 0 {
		fmt.Fprintln(out, "no Allora endpoint in the config: feeds described by topic id")
		return
	}
	mctx, cancel := context.WithTimeout(ctx, metadataTimeout)
	defer cancel()
	pool, closePool, err := openAllora(mctx, cfg.Allora, prometheus.NewRegistry(), log)
	if err != nil {
		fmt.Fprintf(out, "Allora not reachable (%v): feeds described by topic id\n", err)
		return
	}
	defer closePool()
	for i := range feeds {
		t, err := pool.Topic(mctx, feeds[i].TopicID)
		if err != nil {
			fmt.Fprintf(out, "topic %d metadata not read (%v): described by id\n", feeds[i].TopicID, err)
			continue
		}
		if t.Metadata != "" {
			feeds[i].Description = t.Metadata
		}
	}
}

// settleTreasury makes the oracle's treasury the configured one: kept when it already
// is, set when the deploying key owns the oracle, and otherwise named for its owner to
// set, since only the owner may.
func settleTreasury(ctx context.Context, ch *evm.Chain, key oracle.Signer, from, oracleAddr, want common.Address, out io.Writer) error {
	have, owner, err := ch.OracleTreasury(ctx, oracleAddr)
	if err != nil {
		return err
	}
	switch {
	case have == want:
		fmt.Fprintf(out, "treasury %s: kept\n", want.Hex())
	case owner != from:
		fmt.Fprintf(out, "treasury: the oracle's owner %s must call setTreasury(%s) on %s; this key (%s) is not the owner, so fees stay held until then\n",
			owner.Hex(), want.Hex(), oracleAddr.Hex(), from.Hex())
	default:
		fmt.Fprintf(out, "setting the treasury to %s … ", want.Hex())
		r, err := ch.SetTreasury(ctx, key, oracleAddr, want)
		if err != nil {
			fmt.Fprintln(out, "failed")
			return fmt.Errorf("set the oracle's treasury: %w", err)
		}
		fmt.Fprintf(out, "tx %s mined in block %d\n", r.TxHash.Hex(), r.BlockNumber)
	}
	return nil
}
