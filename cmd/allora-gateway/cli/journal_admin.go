package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/gateway"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
	"github.com/allora-gateway/allora-gateway/relayer/lease"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// ErrLeaseHeld is why journal cancel and replace refuse to act on a chain: a relayer
// holds the chain's lease and submits for it.
var ErrLeaseHeld = errors.New("a relayer holds the chain's lease")

// supersedeAction is what `journal cancel` and `journal replace` do at the nonce.
type supersedeAction struct {
	name  string // the subcommand
	what  string // what is sent, for messages
	run   func(m *txmgr.Manager, ctx context.Context, nonce uint64) (*txmgr.Result, error)
	short string
	long  string
}

var (
	cancelAction = supersedeAction{
		name: "cancel", what: "cancel",
		run:   (*txmgr.Manager).Cancel,
		short: "Free a stuck nonce with a 0-value transfer to the submitter itself at a raised fee",
		long: `journal cancel frees a stuck nonce of the relayer's submitter key on one chain: it
signs a transfer of 0 to the key's own address at that nonce, priced to replace the
journaled transaction there (every fee field raised by the chain's bump_percent, or to
the current quote if higher, as the relayer's own replacements are), puts it in the
journal in place of that transaction, broadcasts it and waits for it to be mined and
confirmed. The update the stuck transaction carried is not pushed; the relayer pushes
what is due again on its next round.

It also cancels a nonce the journal does not hold while the node's pool has a
transaction of the key at it (sent by hand, or by a relayer without Redis): that
transaction's price is unknown, so the cancel starts over the current quote and is
raised while the node calls it underpriced.`,
	}
	replaceAction = supersedeAction{
		name: "replace", what: "replacement",
		run:   (*txmgr.Manager).Replace,
		short: "Send the journaled transaction at a nonce again at a raised fee",
		long: `journal replace sends the journaled transaction at a nonce again, the same call, gas
and topics, at fees raised as journal cancel raises them, and waits for it to be mined
and confirmed. Use it when the update should still land: a relayer stopped with a
transaction in flight, or one that stopped raising it at the fee cap (pass a higher
--max-gas-price).`,
	}
)

// supersedeCommon is the part of the help both commands share: how they stay safe
// next to a running relayer.
const supersedeCommon = `

Running relayers are kept out while it works: with redis.url set it takes the chain's
lease (the one relayer replicas take turns on) with a fresh fencing token and keeps it
until it is done, so no replica sends for the chain meanwhile and a replica still
writing with an older token is refused by the store. If a relayer holds the lease, the
command refuses and names it: a running relayer replaces a stuck transaction by itself
up to the fee cap. To act anyway while it runs, pass --take-over: the command reserves
the lease, the relayer holding it steps down at its next renewal (within a third of
relayer.lease_ttl) and stops sending for the chain, the command takes the lease with a
newer token, and the relayer takes it back when the command is done. Stopping every
relayer replica serving the chain works too (a stopped relayer's lease expires within
relayer.lease_ttl).
When the command ends it releases the lease, and the relayer that takes it next reads
the journal first: it follows the cancel or replacement to confirmation if it is still
in flight, never sends the stuck transaction again, and carries on at the next nonce.
If --timeout ends the wait first, the transaction stays journaled for the relayer to
see through.

Without redis.url there is no lease and no shared journal: stop the relayer first.

Fees are capped as the relayer caps them (the chain's max_gas_price_gwei, or the
preset's fee limit multiple of the journaled transaction's fee); --max-gas-price replaces
both with one absolute cap, for a nonce stuck at the relayer's cap. The transaction is
signed with signers.submitter, the key the relayer sends with; journal lists the
nonces in flight.`

func newJournalSupersedeCmd(g *globalFlags, stdout, stderr io.Writer, a supersedeAction) *cobra.Command {
	var (
		path, chain, maxGasPrice string
		nonce                    uint64
		timeout                  time.Duration
		takeOver                 bool
	)
	cmd := &cobra.Command{
		Use:   a.name + " --config FILE --chain NAME --nonce N",
		Short: a.short,
		Long:  a.long + supersedeCommon,
		Example: fmt.Sprintf(`  allora-gateway journal --config /etc/allora-gateway/relayer.yaml --chain bnb
  allora-gateway journal %s --config /etc/allora-gateway/relayer.yaml --chain bnb --nonce 1284
  allora-gateway journal %s --config relayer.yaml --chain bnb --nonce 1284 --max-gas-price 20
  allora-gateway journal %s --config relayer.yaml --chain bnb --nonce 1284 --take-over`, a.name, a.name, a.name),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(path, os.LookupEnv)
			if err != nil {
				return err
			}
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("config %s:\n%w", path, err)
			}
			var c *config.Chain
			for i := range cfg.Chains {
				if cfg.Chains[i].Name == chain {
					c = &cfg.Chains[i]
				}
			}
			if c == nil {
				return fmt.Errorf("--chain %s: no chain of that name in %s", chain, path)
			}
			log, err := g.logger(stderr)
			if err != nil {
				return err
			}
			log = log.With("chain", c.Name)
			cc, err := gateway.ChainConfig(*c, nil, log)
			if err != nil {
				return err
			}
			if maxGasPrice != "" {
				wei, err := gweiToWei(maxGasPrice)
				if err != nil {
					return fmt.Errorf("--max-gas-price %q: %w", maxGasPrice, err)
				}
				cc.Tx.MaxGasPrice, cc.Tx.FeeLimitMultiplier = wei, 0
			}
			key, err := openSigner(cmd.Context(), cfg.Signers.Submitter)
			if err != nil {
				return fmt.Errorf("signers.submitter: %w", err)
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			return supersede(ctx, cfg, *c, cc, key, nonce, takeOver, a, log, stdout)
		},
	}
	f := cmd.Flags()
	f.StringVar(&path, "config", "", "relayer config file (YAML)")
	f.StringVar(&chain, "chain", "", "the chain (its name in the config)")
	f.Uint64Var(&nonce, "nonce", 0, "the submitter's nonce to act on (see journal)")
	f.StringVar(&maxGasPrice, "max-gas-price", "", "cap the fee at this many gwei instead of the chain's caps")
	f.DurationVar(&timeout, "timeout", 5*time.Minute, "stop waiting for the confirmation after this long (the transaction stays journaled)")
	f.BoolVar(&takeOver, "take-over", false, "take the chain's lease from a running relayer, which steps down until the command is done")
	for _, name := range []string{"config", "chain", "nonce"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}

// supersede runs a on chain c's nonce with the submitter's key: through the chain's
// lease and a fenced journal when the config has Redis, alone otherwise.
func supersede(ctx context.Context, cfg config.Config, c config.Chain, cc evm.ChainConfig, key oracle.Signer, nonce uint64,
	takeOver bool, a supersedeAction, log *slog.Logger, stdout io.Writer) error {
	ch, err := evm.OpenChain(ctx, cc)
	if err != nil {
		return fmt.Errorf("chain %s: %w", c.Name, err)
	}
	defer ch.Close()

	var journal store.Journal = store.NewMemory()
	work := ctx
	if cfg.Redis.URL == "" {
		log.Warn("redis.url is not set: no lease keeps a relayer out and no journal is shared; the relayer must be stopped")
	} else {
		st, closeStore, err := store.DialRedis(ctx, cfg.Redis.URL.Reveal(), cfg.Redis.Prefix, redisStoreOptions(cfg.Redis)...)
		if err != nil {
			return fmt.Errorf("redis: %w", err)
		}
		defer func() { _ = closeStore() }()
		rl, closeLease, err := redisLease(cfg.Redis, "journal-"+a.name+"/"+lease.NewOwnerID(), cfg.Relayer.LeaseTTL.Duration)
		if err != nil {
			return err
		}
		defer closeLease()
		held, err := holdLease(ctx, rl,
			c, cfg.Relayer.LeaseTTL.Duration, nonce, takeOver, log)
		if err != nil {
			return err
		}
		defer held.release()
		if err := st.JournalFence(ctx, c.ChainID, held.token); err != nil {
			return fmt.Errorf("chain %s: fence the journal with lease token %d: %w", c.Name, held.token, err)
		}
		journal = fencedWrites{st, held.token}
		work = held.ctx
	}
	m, err := ch.Transactions(key, txmgr.WithJournal(journal), txmgr.WithLogger(log))
	if err != nil {
		return err
	}
	res, err := a.run(m, work, nonce)
	if err != nil {
		if cause := context.Cause(work); errors.Is(cause, errLeaseLapsed) {
			err = cause
		}
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errLeaseLapsed) {
			return fmt.Errorf("chain %s nonce %d: the %s is journaled but not confirmed yet: %w; the relayer sees it through when it takes the chain's lease (journal lists it)",
				c.Name, nonce, a.what, err)
		}
		return fmt.Errorf("chain %s nonce %d: %w", c.Name, nonce, err)
	}
	if a.name == cancelAction.name && !isSelfTransfer(res.Tx, m.From()) {
		_, err = fmt.Fprintf(stdout, "nonce %d on %s: the journaled transaction %s was mined first, in block %s; nothing to cancel\n",
			nonce, c.Name, res.Tx.Hash().Hex(), res.Receipt.BlockNumber)
		return err
	}
	_, err = fmt.Fprintf(stdout, "nonce %d on %s: %s %s mined in block %s (attempt %d at the nonce); the key's next nonce is %d\n",
		nonce, c.Name, a.what, res.Tx.Hash().Hex(), res.Receipt.BlockNumber, res.Attempts, nonce+1)
	return err
}

func isSelfTransfer(tx *types.Transaction, from common.Address) bool {
	return tx.To() != nil && *tx.To() == from && tx.Value().Sign() == 0 && len(tx.Data()) == 0
}

// errLeaseLapsed ends the work when the chain's lease could not be renewed.
var errLeaseLapsed = errors.New("the chain's lease could not be renewed")

// heldLease is a chain's lease taken by this command: ctx ends if it lapses.
type heldLease struct {
	token   uint64
	ctx     context.Context
	release func()
}

// holdLease takes c's lease (with takeOver, from the relayer that holds it, which
// steps down), or refuses with who holds it, and keeps renewing it until release.
func holdLease(ctx context.Context, l *lease.Redis, c config.Chain, ttl time.Duration, nonce uint64, takeOver bool, log *slog.Logger) (*heldLease, error) {
	name := relayer.LeaseName(c.ChainID)
	token, ok, err := l.Acquire(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("chain %s: %w", c.Name, err)
	}
	if !ok && takeOver {
		token, ok, err = takeLeaseOver(ctx, l, name, ttl, log)
		if err != nil {
			return nil, fmt.Errorf("chain %s: %w", c.Name, err)
		}
	}
	if !ok {
		owner, held, err := l.Holder(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("chain %s: %w", c.Name, err)
		}
		return nil, fmt.Errorf("chain %s: %w (owner %s, token %d): it submits for the chain and replaces a stuck transaction by itself up to the fee cap; "+
			"to act on nonce %d anyway, run this again with --take-over (the relayer steps down until it is done), or stop every relayer replica serving %s (a stopped relayer's lease lapses within relayer.lease_ttl, %s)",
			c.Name, ErrLeaseHeld, owner, held, nonce, c.Name, ttl)
	}
	log.Info("holding the chain's lease: no relayer sends for the chain meanwhile", "owner", l.Owner(), "token", token)
	work, cancel := context.WithCancelCause(ctx)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		ticker := time.NewTicker(max(ttl/3, time.Millisecond))
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-work.Done():
				return
			case <-ticker.C:
			}
			rctx, rcancel := context.WithTimeout(work, max(ttl/3, time.Second))
			ok, err := l.Renew(rctx, name, token)
			rcancel()
			if err != nil || !ok {
				cancel(fmt.Errorf("%w (token %d, err %v)", errLeaseLapsed, token, err))
				return
			}
		}
	}()
	return &heldLease{token: token, ctx: work, release: func() {
		close(stop)
		<-stopped
		cancel(context.Canceled)
		rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer rcancel()
		if err := l.Release(rctx, name, token); err != nil {
			log.Warn("release the chain's lease; it lapses within relayer.lease_ttl", "err", err)
		}
	}}, nil
}

// takeLeaseOver reserves the lease and waits for its holder to step down, which a
// running relayer does at its next renewal (within ttl/3), and for this owner to
// acquire it: within two times to live, or ok is false. The reservation ends when
// it returns: the lease, once held, is this owner's until it releases it.
func takeLeaseOver(ctx context.Context, l *lease.Redis, name string, ttl time.Duration, log *slog.Logger) (token uint64, ok bool, err error) {
	wait := 2*ttl + time.Second
	if err := l.Reserve(ctx, name, wait+time.Second); err != nil {
		return 0, false, err
	}
	defer func() {
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if uerr := l.Unreserve(uctx, name); uerr != nil {
			log.Warn("end the lease reservation; it lapses by itself", "err", uerr)
		}
	}()
	owner, held, _ := l.Holder(ctx, name)
	log.Info("asked the relayer holding the chain's lease to step down; it does at its next renewal", "holder", owner, "token", held, "within", ttl/3)
	tick := time.NewTicker(max(ttl/20, 10*time.Millisecond))
	defer tick.Stop()
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for {
		select {
		case <-ctx.Done():
			return 0, false, ctx.Err()
		case <-deadline.C:
			return 0, false, nil
		case <-tick.C:
		}
		token, ok, err := l.Acquire(ctx, name)
		if err != nil || ok {
			return token, ok, err
		}
	}
}

// fencedWrites is a journal whose every write carries the command's lease token, so
// the store refuses it once a relayer has taken the chain with a newer one.
type fencedWrites struct {
	st    store.FencedJournal
	token uint64
}

func (j fencedWrites) JournalPut(ctx context.Context, e store.JournalEntry) error {
	return j.st.JournalPutFenced(ctx, j.token, e)
}

func (j fencedWrites) JournalPending(ctx context.Context, chainID uint64) ([]store.JournalEntry, error) {
	return j.st.JournalPending(ctx, chainID)
}

func (j fencedWrites) JournalDone(ctx context.Context, chainID, nonce uint64) error {
	return j.st.JournalDone(ctx, chainID, nonce)
}

// gweiToWei parses a decimal number of gwei into a whole number of wei.
func gweiToWei(s string) (*big.Int, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return nil, errors.New("want a number of gwei, such as 20 or 0.5")
	}
	wei := d.Shift(9)
	if !wei.IsInteger() || wei.Sign() <= 0 {
		return nil, errors.New("want a positive number of gwei with at most 9 decimals")
	}
	return wei.BigInt(), nil
}
