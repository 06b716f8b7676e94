package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/gateway"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// journalEntry is one transaction the relayer's journal holds as in flight.
type journalEntry struct {
	Chain   string    `json:"chain"`
	ChainID uint64    `json:"chain_id"`
	From    string    `json:"from"`
	Nonce   uint64    `json:"nonce"`
	TxHash  string    `json:"tx_hash"`
	Attempt int       `json:"attempt"`
	SentAt  time.Time `json:"sent_at"`
	// GasPrice is the transaction's fee cap (EIP-1559) or gas price, in wei.
	GasPrice string   `json:"gas_price_wei"`
	Topics   []uint64 `json:"topics"`
	// State is what the chain says of the nonce: "pending" while the key's latest
	// nonce is at or below it, "mined" once a transaction took it (the relayer clears
	// the entry when it sees it through), "unknown" when the chain could not be read.
	State string `json:"state"`
}

func newJournalCmd(g *globalFlags, stdout, stderr io.Writer) *cobra.Command {
	var (
		path    string
		chain   string
		asJSON  bool
		timeout time.Duration
	)
	cmd := &cobra.Command{
		Use:   "journal --config FILE",
		Short: "List the transactions the relayer's journal holds in flight, per chain and key",
		Long: `journal lists what the relayer's journal in Redis holds: every transaction sent and
not yet seen confirmed, per chain, with its sending key, nonce, hash, attempt (1 for the
first transaction at the nonce, more for each replacement), when it was sent, its fee
and the topics it carries. For each it asks the chain whether the key's nonce has been
taken since ("mined") or not ("pending"): a pending entry older than a few
resubmit_after periods is a stuck nonce, which the relayer replaces at a raised fee by
itself while it runs and resumes on its next start; journal cancel and journal replace
act on one by hand.

It only reads, with the relayer running or stopped. The journal lives in Redis
(redis.url); without it the relayer journals in its own memory and there is nothing
another process can list.`,
		Example: `  allora-gateway journal --config /etc/allora-gateway/relayer.yaml
  allora-gateway journal --config relayer.yaml --chain bnb --json | jq '.[] | select(.state == "pending")'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("config %s:\n%w", path, err)
			}
			if cfg.Redis.URL == "" {
				return errors.New("redis.url is not set: the relayer journals in its own memory, which no other process can read; set redis.url to share the journal")
			}
			chains := cfg.Chains
			if chain != "" {
				chains = nil
				for _, c := range cfg.Chains {
					if c.Name == chain {
						chains = append(chains, c)
					}
				}
				if len(chains) == 0 {
					return fmt.Errorf("--chain %s: no chain of that name in %s", chain, path)
				}
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			entries, err := readJournal(ctx, cfg, chains)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(entries)
			}
			return writeJournal(stdout, entries, time.Now())
		},
	}
	f := cmd.Flags()
	f.StringVar(&path, "config", "", "relayer config file (YAML)")
	f.StringVar(&chain, "chain", "", "only this chain (its name in the config)")
	f.BoolVar(&asJSON, "json", false, "print JSON instead of a table")
	f.DurationVar(&timeout, "timeout", 30*time.Second, "give up reading after this long")
	_ = cmd.MarkFlagRequired("config")
	cmd.AddCommand(newJournalSupersedeCmd(g, stdout, stderr, cancelAction), newJournalSupersedeCmd(g, stdout, stderr, replaceAction))
	return cmd
}

func readJournal(ctx context.Context, cfg config.Config, chains []config.Chain) ([]journalEntry, error) {
	st, closeStore, err := store.DialRedis(ctx, cfg.Redis.URL.Reveal(), cfg.Redis.Prefix)
	if err != nil {
		return nil, fmt.Errorf("redis: %w", err)
	}
	defer func() { _ = closeStore() }()
	out := []journalEntry{}
	for _, c := range chains {
		pending, err := st.JournalPending(ctx, c.ChainID)
		if err != nil {
			return nil, fmt.Errorf("chain %s: read the journal: %w", c.Name, err)
		}
		if len(pending) == 0 {
			continue
		}
		nonces, closeChain := chainNonces(ctx, c)
		for _, e := range pending {
			je := journalEntry{Chain: c.Name, ChainID: c.ChainID, Nonce: e.Nonce, TxHash: e.TxHash.Hex(), Attempt: e.Attempt,
				SentAt: e.SentAt.UTC(), State: "unknown", Topics: []uint64{}}
			for _, u := range e.Updates {
				je.Topics = append(je.Topics, u.TopicID)
			}
			var tx types.Transaction
			if err := tx.UnmarshalBinary(e.RawTx); err == nil {
				if from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), &tx); err == nil {
					je.From = from.Hex()
					if n, ok := nonces(from.Hex()); ok {
						je.State = "pending"
						if n > e.Nonce {
							je.State = "mined"
						}
					}
				}
				je.GasPrice = tx.GasFeeCap().String()
			}
			out = append(out, je)
		}
		closeChain()
	}
	return out, nil
}

// chainNonces returns a function answering a key's latest nonce on chain c, read once
// per key (false when the chain cannot be read), and a function closing the
// connection.
func chainNonces(ctx context.Context, c config.Chain) (func(from string) (uint64, bool), func()) {
	ch, err := gateway.OpenChain(ctx, c, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		return func(string) (uint64, bool) { return 0, false }, func() {}
	}
	seen := map[string]uint64{}
	return func(from string) (uint64, bool) {
		if n, ok := seen[from]; ok {
			return n, true
		}
		n, err := ch.Backend().NonceAt(ctx, common.HexToAddress(from), nil)
		if err != nil {
			return 0, false
		}
		seen[from] = n
		return n, true
	}, ch.Close
}

func writeJournal(w io.Writer, entries []journalEntry, now time.Time) error {
	if len(entries) == 0 {
		_, err := fmt.Fprintln(w, "the journal holds no transaction in flight")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHAIN\tFROM\tNONCE\tATTEMPT\tSENT\tGAS PRICE (GWEI)\tTOPICS\tSTATE\tTX")
	for _, e := range entries {
		topics := make([]string, len(e.Topics))
		for i, t := range e.Topics {
			topics[i] = fmt.Sprint(t)
		}
		gwei := "?"
		if v, ok := new(big.Int).SetString(e.GasPrice, 10); ok {
			gwei = decimal.NewFromBigInt(v, -9).String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s ago\t%s\t%s\t%s\t%s\n", e.Chain, e.From, e.Nonce, e.Attempt,
			now.Sub(e.SentAt).Round(time.Second), gwei, strings.Join(topics, ","), e.State, e.TxHash)
	}
	return tw.Flush()
}
