package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/gateway"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora"
	"github.com/allora-gateway/allora-gateway/relayer/cosign"
	"github.com/allora-gateway/allora-gateway/relayer/evm/rpcpool"
)

// ErrUnreachable means the status command could not read everything it was asked to:
// a chain or Allora did not answer, or answered wrongly.
var ErrUnreachable = errors.New("not every endpoint could be read")

func newStatusCmd(stdout io.Writer) *cobra.Command {
	var (
		path    string
		asJSON  bool
		timeout time.Duration
	)
	cmd := &cobra.Command{
		Use:   "status --config FILE",
		Short: "Show what each chain's oracle holds versus what Allora has",
		Long: `status reads, for every configured chain and topic, the Allora block height of the
inference the AlloraOracle holds and the height of Allora's latest inference of the
topic, and shows the lag between them in Allora blocks, with the time of the stored
inference and its age. Per chain it shows the submitter's balance (in the chain's
native token, 18 decimals), its pending transactions (pending nonce minus latest
nonce), the oracle's signature threshold, and SIGNERS REGISTERED "x of y": y signers
are registered on the oracle, x of them usable by this relayer (its own oracle keys,
and its co-signers that answer their /healthz as the configured address). With x below
the threshold no batch can be pushed. Each co-signer is listed with whether it answers;
and for each prediction market the round keeper
executes (from the chain's addresses_file or markets), its open round and how long
until that round may be locked.

It only reads: it decrypts no key and needs no passphrase, taking each key's address
from the address its keystore file states, or for a KMS key from its public key
(kms:GetPublicKey). It takes the relayer's config file, with
the same ALLORA_GATEWAY_* overrides.

A chain, Allora endpoint or co-signer that cannot be read is shown as unreachable, and
the exit code is then 1; it is 0 when everything was read.`,
		Example: `  allora-gateway status --config /etc/allora-gateway/relayer.yaml
  allora-gateway status --config relayer.yaml --json | jq '.chains[] | {name, balance}'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("config %s:\n%w", path, err)
			}
			report, err := gatherStatus(cmd.Context(), cfg, timeout, time.Now())
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(report); err != nil {
					return err
				}
			} else if err := report.writeTable(stdout); err != nil {
				return err
			}
			if n := report.failures(); n > 0 {
				return fmt.Errorf("%w: %d of %d failed; see above", ErrUnreachable, n, len(report.Chains)+len(report.Cosigners)+1)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&path, "config", "c", "", "path of the YAML config file (required)")
	f.BoolVar(&asJSON, "json", false, "print the status as JSON")
	f.DurationVar(&timeout, "timeout", 15*time.Second, "how long to wait for each chain and for Allora")
	_ = cmd.MarkFlagRequired("config")
	return cmd
}

// statusReport is what the status command prints, as a table or as JSON.
type statusReport struct {
	Allora    alloraStatus     `json:"allora"`
	Chains    []chainStatus    `json:"chains"`
	Cosigners []cosignerStatus `json:"cosigners,omitempty"`
	// Keys are the relayer's keys: where each is held (a keystore file or KMS) and its
	// address.
	Keys []configKey `json:"keys"`
	Time time.Time   `json:"time"`
}

// cosignerStatus is one configured co-signer, as its health endpoint answers.
type cosignerStatus struct {
	Name      string `json:"name"`
	Address   string `json:"address"`
	Reachable bool   `json:"reachable"`
	Error     string `json:"error,omitempty"`
}

type alloraStatus struct {
	Reachable bool   `json:"reachable"`
	Height    uint64 `json:"height,omitempty"`
	Error     string `json:"error,omitempty"`
}

type chainStatus struct {
	Name    string `json:"name"`
	ChainID uint64 `json:"chain_id"`
	Oracle  string `json:"oracle"`
	// Reachable is false when the chain's RPC did not answer at all; Error says why,
	// and also carries a failure of a later read (a wrong chain id, no oracle there).
	Reachable bool   `json:"reachable"`
	Error     string `json:"error,omitempty"`
	Submitter string `json:"submitter"`
	// BalanceWei is the submitter's balance in the smallest unit, Balance the same in
	// whole tokens (18 decimals), exact.
	BalanceWei string  `json:"balance_wei,omitempty"`
	Balance    string  `json:"balance,omitempty"`
	PendingTxs *uint64 `json:"pending_txs,omitempty"`
	Threshold  *uint8  `json:"threshold,omitempty"`
	// SignersConfigured counts the relayer's oracle keys and co-signers;
	// SignersRegistered how many of them the oracle registers.
	SignersConfigured int  `json:"signers_configured"`
	SignersRegistered *int `json:"signers_registered,omitempty"`
	// SignersOnOracle counts the oracle's registered signers, SignersUsable those of
	// them the relayer can have sign: its own keys and the co-signers that answer.
	SignersOnOracle *int          `json:"signers_on_oracle,omitempty"`
	SignersUsable   *int          `json:"signers_usable,omitempty"`
	Topics          []topicStatus `json:"topics,omitempty"`
	// Markets are the chain's prediction markets, as the round keeper finds them.
	Markets []marketStatus `json:"markets,omitempty"`

	registered []signerAt // the relayer's signers the oracle registers
}

type topicStatus struct {
	TopicID uint64 `json:"topic_id"`
	// ChainHeight is the Allora block height of the inference the oracle holds; 0
	// when it holds none.
	ChainHeight uint64 `json:"chain_height"`
	// AlloraHeight is the height of Allora's latest inference of the topic; absent
	// when Allora could not be read or has no inference of the topic yet.
	AlloraHeight *uint64 `json:"allora_height,omitempty"`
	// Lag is AlloraHeight minus ChainHeight, in Allora blocks, 0 when the oracle holds
	// that inference or a newer one (oracle.TopicLag).
	Lag *int64 `json:"lag,omitempty"`
	// LastUpdate is the time of the stored inference; absent when none is stored.
	LastUpdate *time.Time `json:"last_update,omitempty"`
	AgeSeconds *int64     `json:"age_seconds,omitempty"`

	held oracle.ChainTopic // what the oracle holds, as read
}

// setLag fills in the topic's lag behind latest, Allora's latest inference of it (nil
// when unknown), at now, as the relayer's metrics and the API compute it
// (oracle.TopicLag).
func (t *topicStatus) setLag(latest *oracle.Inference, now time.Time) {
	var height uint64
	if latest != nil {
		height = latest.BlockHeight
	}
	lag := oracle.TopicLag(height, t.held, now)
	if lag.Held {
		age := int64(lag.Age / time.Second)
		t.AgeSeconds = &age
	}
	if latest != nil {
		blocks := int64(lag.Blocks)
		t.AlloraHeight, t.Lag = &height, &blocks
	}
}

func (r *statusReport) failures() int {
	n := 0
	if !r.Allora.Reachable || r.Allora.Error != "" {
		n++
	}
	for _, c := range r.Chains {
		if c.Error != "" {
			n++
		}
	}
	for _, c := range r.Cosigners {
		if !c.Reachable {
			n++
		}
	}
	return n
}

// gatherStatus reads Allora and every chain at once. A failure to read one is
// recorded in the report, not returned: only a local problem (a key file without an
// address) is an error.
func gatherStatus(ctx context.Context, cfg config.Config, timeout time.Duration, now time.Time) (*statusReport, error) {
	// The relayer's keys only: a co-signer's own key is not the relayer's to show.
	cfg.Cosign.Key = config.Key{}
	keys, err := configKeys(ctx, cfg)
	if err != nil {
		return nil, err
	}
	var (
		submitter common.Address
		signers   []signerAt
	)
	for _, k := range keys {
		switch {
		case k.Role == "signers.submitter":
			submitter = common.HexToAddress(k.Address)
		case strings.HasPrefix(k.Role, "signers.oracle["):
			signers = append(signers, signerAt{address: common.HexToAddress(k.Address), cosigner: -1})
		}
	}
	for i, c := range cfg.Signers.Cosigners {
		signers = append(signers, signerAt{address: common.HexToAddress(c.Address), cosigner: i})
	}

	report := &statusReport{
		Time: now.UTC(), Chains: make([]chainStatus, len(cfg.Chains)),
		Cosigners: make([]cosignerStatus, len(cfg.Signers.Cosigners)), Keys: keys,
	}
	var latest []*oracle.Inference // by index in cfg.Topics; nil when unknown
	var g errgroup.Group
	g.Go(func() error {
		report.Allora, latest = readAllora(ctx, cfg, timeout)
		return nil
	})
	for i, c := range cfg.Chains {
		g.Go(func() error {
			report.Chains[i] = readChain(ctx, c, cfg.Topics, submitter, signers, timeout)
			return nil
		})
	}
	for i, c := range cfg.Signers.Cosigners {
		g.Go(func() error {
			report.Cosigners[i] = readCosigner(ctx, c, timeout)
			return nil
		})
	}
	_ = g.Wait()

	for i := range report.Chains {
		c := &report.Chains[i]
		if c.SignersRegistered == nil {
			continue // the chain could not be read
		}
		usable := 0
		for _, s := range c.registered {
			if s.cosigner < 0 || report.Cosigners[s.cosigner].Reachable {
				usable++
			}
		}
		c.SignersUsable = &usable
	}

	for i := range report.Chains {
		for j := range report.Chains[i].Topics {
			report.Chains[i].Topics[j].setLag(latest[j], now)
		}
	}
	return report, nil
}

// readAllora reads Allora's latest block height and each topic's latest inference
// through the pool of every configured endpoint, as the relayer would.
func readAllora(ctx context.Context, cfg config.Config, timeout time.Duration) (alloraStatus, []*oracle.Inference) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	latest := make([]*oracle.Inference, len(cfg.Topics))
	fail := func(err error) (alloraStatus, []*oracle.Inference) {
		return alloraStatus{Error: redact(err, cfg.Allora.AllEndpoints()...)}, latest
	}
	// Pool metrics go to a registry of their own, which nobody reads: status is not a
	// daemon.
	pool, closePool, err := openAllora(ctx, cfg.Allora, prometheus.NewRegistry(), slog.New(slog.DiscardHandler))
	if err != nil {
		return fail(err)
	}
	defer closePool()
	height, err := pool.LatestHeight(ctx)
	if err != nil {
		return fail(err)
	}
	for i, id := range cfg.Topics {
		inf, err := pool.LatestInference(ctx, id)
		if errors.Is(err, allora.ErrNoInference) {
			continue // the topic has not produced one yet: nothing to lag behind
		}
		if errors.Is(err, allora.ErrNotImplemented) {
			// The node answered, just not for this emissions version: say which one
			// it serves rather than calling it unreachable.
			st, _ := fail(explainVersion(ctx, cfg.Allora, err))
			st.Reachable, st.Height = true, height
			return st, latest
		}
		if err != nil {
			return fail(err)
		}
		latest[i] = &inf
	}
	return alloraStatus{Reachable: true, Height: height}, latest
}

// explainVersion names the emissions version the first endpoint serves when it
// answered 501 (or Unimplemented) for the configured one.
func explainVersion(ctx context.Context, c config.Allora, err error) error {
	endpoints := c.AllEndpoints()
	if len(endpoints) == 0 {
		return err
	}
	endpoint := endpoints[0].Reveal()
	t := allora.TransportREST
	if u, perr := url.Parse(endpoint); perr == nil && (u.Scheme == "grpc" || u.Scheme == "grpcs") {
		t = allora.TransportGRPC
	}
	return allora.ExplainNotImplemented(ctx, err, t, endpoint, c.EmissionsVersion)
}

// signerAt is one of the relayer's signers: a local key (cosigner -1) or the
// co-signer at that index of signers.cosigners.
type signerAt struct {
	address  common.Address
	cosigner int
}

// readCosigner asks a co-signer's health endpoint whether it runs as its configured
// address; it needs no secret.
func readCosigner(ctx context.Context, c config.Cosigner, timeout time.Duration) cosignerStatus {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	st := cosignerStatus{Name: c.Name, Address: common.HexToAddress(c.Address).Hex()}
	if err := cosign.CheckHealth(ctx, http.DefaultClient, c.URL.Reveal(), common.HexToAddress(c.Address)); err != nil {
		st.Error = redact(err, c.URL)
		return st
	}
	st.Reachable = true
	return st
}

// readChain reads what the chain's oracle holds of every topic, its signer set, and
// the submitter's balance and nonces.
func readChain(ctx context.Context, c config.Chain, topics []uint64, submitter common.Address, signers []signerAt, timeout time.Duration) chainStatus {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	st := chainStatus{
		Name: c.Name, ChainID: c.ChainID, Oracle: c.OracleAddress().Hex(),
		Submitter: submitter.Hex(), SignersConfigured: len(signers),
	}
	fail := func(err error) chainStatus {
		st.Error = redact(err, c.AllRPCs()...)
		return st
	}
	// Every endpoint of the chain is asked, as the relayer would: the status holds
	// as long as one answers. A wrong chain id is an answer, and is reported as an
	// error of a reachable chain.
	ch, err := gateway.OpenChain(ctx, c, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		st.Reachable = errors.Is(err, rpcpool.ErrWrongChain)
		return fail(fmt.Errorf("dial rpc: %w", err))
	}
	defer ch.Close()
	reader, err := ch.Reader(ctx)
	if err != nil {
		return fail(err)
	}
	st.Reachable = true
	states, err := reader.TopicStates(ctx, topics)
	if err != nil {
		return fail(fmt.Errorf("read the oracle at %s (is it an AlloraOracle?): %w", c.Oracle, err))
	}
	registered, threshold, err := reader.SignerSet(ctx)
	if err != nil {
		return fail(fmt.Errorf("read the oracle's signer set: %w", err))
	}
	wallet, err := ch.Wallet(ctx, submitter)
	if err != nil {
		return fail(fmt.Errorf("read the submitter's wallet: %w", err))
	}
	balance, latestNonce, pendingNonce := wallet.Balance, wallet.Nonce, wallet.Pending

	known := make(map[common.Address]bool, len(registered))
	for _, a := range registered {
		known[a] = true
	}
	// A signer configured twice (a key and a co-signer of one address) signs once.
	seen := make(map[common.Address]bool, len(signers))
	for _, s := range signers {
		if known[s.address] && !seen[s.address] {
			seen[s.address] = true
			st.registered = append(st.registered, s)
		}
	}
	usable, onOracle := len(st.registered), len(known)
	// A node may answer the pending nonce from a pool it has not caught up with; a
	// pending nonce below the mined one means nothing is pending.
	pending := pendingNonce - min(pendingNonce, latestNonce)
	st.BalanceWei, st.Balance = balance.String(), formatEther(balance)
	st.PendingTxs, st.Threshold, st.SignersRegistered, st.SignersOnOracle = &pending, &threshold, &usable, &onOracle
	for _, s := range states {
		ts := topicStatus{TopicID: s.TopicID, ChainHeight: s.BlockHeight, held: s}
		if s.BlockHeight != 0 {
			t := time.Unix(int64(s.Timestamp), 0).UTC()
			ts.LastUpdate = &t
		}
		st.Topics = append(st.Topics, ts)
	}
	st.Markets = readMarkets(ctx, ch.Backend(), c)
	return st
}

// redact returns err's text with every secret in it (an RPC URL that may carry an API
// token, which HTTP errors quote) replaced by xxxxx.
func redact(err error, secrets ...config.Secret) string {
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s.Reveal(), "xxxxx")
		}
	}
	return msg
}

var weiPerEther = big.NewInt(1_000_000_000_000_000_000)

// formatEther writes wei as whole tokens of 18 decimals, exactly: 1234.5 for
// 1234500000000000000000, 0.000000000000000001 for 1 wei, with no trailing zeros.
func formatEther(wei *big.Int) string {
	q, r := new(big.Int).QuoRem(new(big.Int).Abs(wei), weiPerEther, new(big.Int))
	s := q.String()
	if r.Sign() != 0 {
		frac := fmt.Sprintf("%018s", r.String())
		s += "." + strings.TrimRight(frac, "0")
	}
	if wei.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// writeTable prints the report as two tables, topics then chains, and the errors.
func (r *statusReport) writeTable(w io.Writer) error {
	switch {
	case r.Allora.Reachable && r.Allora.Error != "":
		fmt.Fprintf(w, "Allora: block %d, but %s\n\n", r.Allora.Height, r.Allora.Error)
	case r.Allora.Reachable:
		fmt.Fprintf(w, "Allora: block %d\n\n", r.Allora.Height)
	default:
		fmt.Fprintf(w, "Allora: unreachable\n\n")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHAIN\tTOPIC\tON-CHAIN HEIGHT\tALLORA HEIGHT\tLAG\tLAST UPDATE\tAGE")
	for _, c := range r.Chains {
		if c.Error != "" {
			fmt.Fprintf(tw, "%s\t-\t%s\t-\t-\t-\t-\n", c.Name, chainState(c))
			continue
		}
		for _, t := range c.Topics {
			onChain, last, age := "none", "never", "-"
			if t.ChainHeight != 0 {
				onChain = strconv.FormatUint(t.ChainHeight, 10)
				last = t.LastUpdate.Format(time.RFC3339)
				age = (time.Duration(*t.AgeSeconds) * time.Second).String()
			}
			alloraHeight, lag := "-", "-"
			switch {
			case !r.Allora.Reachable:
				alloraHeight = "unreachable"
			case t.AlloraHeight == nil:
				alloraHeight = "no inference yet"
			default:
				alloraHeight = strconv.FormatUint(*t.AlloraHeight, 10)
				lag = strconv.FormatInt(*t.Lag, 10)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", c.Name, t.TopicID, onChain, alloraHeight, lag, last, age)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHAIN\tCHAIN ID\tSUBMITTER\tBALANCE\tPENDING TXS\tTHRESHOLD\tSIGNERS REGISTERED")
	for _, c := range r.Chains {
		if c.Error != "" {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t-\t-\t-\n", c.Name, c.ChainID, c.Submitter, chainState(c))
			continue
		}
		below := ""
		if *c.SignersUsable < int(*c.Threshold) {
			below = "  below threshold: cannot push"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%d\t%d of %d%s\n", c.Name, c.ChainID, c.Submitter, c.Balance,
			*c.PendingTxs, *c.Threshold, *c.SignersUsable, *c.SignersOnOracle, below)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Cosigners) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CO-SIGNER\tADDRESS\tSTATE")
		for _, c := range r.Cosigners {
			state := "answers"
			if !c.Reachable {
				state = "unreachable"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Name, c.Address, state)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Keys) > 0 {
		fmt.Fprintln(w)
		if err := writeConfigKeys(w, r.Keys); err != nil {
			return err
		}
	}
	if err := writeMarkets(w, r.Chains); err != nil {
		return err
	}
	if r.failures() > 0 {
		fmt.Fprintln(w)
		switch {
		case !r.Allora.Reachable:
			fmt.Fprintf(w, "allora: unreachable: %s\n", r.Allora.Error)
		case r.Allora.Error != "":
			fmt.Fprintf(w, "allora: %s\n", r.Allora.Error)
		}
		for _, c := range r.Chains {
			if c.Error != "" {
				fmt.Fprintf(w, "%s: %s: %s\n", c.Name, chainState(c), c.Error)
			}
		}
		for _, c := range r.Cosigners {
			if !c.Reachable {
				fmt.Fprintf(w, "co-signer %s: unreachable: %s\n", c.Name, c.Error)
			}
		}
	}
	return nil
}

func chainState(c chainStatus) string {
	if !c.Reachable {
		return "unreachable"
	}
	return "error"
}
