package cli

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/keys"
)

// newRoundKeeper connects to every market of every chain (those the chain's addresses
// file lists, and those the config gives by address) and returns a keeper of them,
// sending from signers.keeper or else the submitter key, and a function closing its
// connections. With no market anywhere it returns a nil keeper.
func newRoundKeeper(ctx context.Context, cfg config.Config, submitter *ecdsa.PrivateKey, log *slog.Logger) (*keeper.Keeper, func(), error) {
	key := submitter
	if cfg.Signers.Keeper.Keystore != "" {
		k, err := keys.LoadKeyFile(cfg.Signers.Keeper.Keystore, passphrase(cfg.Signers.Keeper))
		if err != nil {
			return nil, nil, fmt.Errorf("signers.keeper: %w", err)
		}
		key = k
	}
	var (
		markets []keeper.Market
		closers []func()
		poll    = time.Second
	)
	closeAll := func() {
		for _, c := range closers {
			c()
		}
	}
	for i, ch := range cfg.Chains {
		found, err := chainMarkets(ch)
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("chains[%d] (%s): %w", i, ch.Name, err)
		}
		if len(found) == 0 {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, connectTimeout)
		client, err := ethclient.DialContext(cctx, ch.RPC.Reveal())
		if err != nil {
			cancel()
			closeAll()
			return nil, nil, fmt.Errorf("chains[%d] (%s): keeper: dial rpc: %w", i, ch.Name, err)
		}
		closers = append(closers, client.Close)
		for _, info := range found {
			info.ChainID, info.ChainName = ch.ChainID, ch.Name
			m, err := evm.NewMarket(cctx, info, client, key)
			if err != nil {
				cancel()
				closeAll()
				return nil, nil, fmt.Errorf("chains[%d] (%s): market %q at %s (is it a PredictionMarket? deploy writes the addresses): %w",
					i, ch.Name, info.Name, info.Address.Hex(), err)
			}
			markets = append(markets, m)
			log.Info("keeping market rounds", "chain", ch.Name, "market", info.Name, "address", info.Address.Hex(),
				"keeper", m.From().Hex())
		}
		cancel()
		if ch.BlockTime.Duration > 0 {
			// A round is executed within a block of its lock time on the fastest chain.
			poll = min(poll, max(ch.BlockTime.Duration, 100*time.Millisecond))
		}
	}
	if len(markets) == 0 {
		log.Info("no prediction markets configured or deployed: round keeper off")
		return nil, closeAll, nil
	}
	k, err := keeper.New(keeper.Config{PollInterval: poll, SubmitTimeout: cfg.Relayer.SubmitTimeout.Duration}, markets,
		keeper.WithLogger(log.With("component", "keeper")))
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return k, closeAll, nil
}

// chainMarkets lists the markets of a chain: those its addresses file records, then
// those the config gives by address, each once, named as the config names it.
func chainMarkets(ch config.Chain) ([]keeper.MarketInfo, error) {
	var out []keeper.MarketInfo
	seen := map[common.Address]bool{}
	add := func(name string, a common.Address) {
		if !seen[a] {
			seen[a] = true
			out = append(out, keeper.MarketInfo{Name: name, Address: a})
		}
	}
	if ch.AddressesFile != "" {
		d, err := config.ReadDeployment(ch.AddressesFile)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("addresses_file: %w", err)
		default:
			names := make([]string, 0, len(d.Markets))
			for name := range d.Markets {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				add(name, common.HexToAddress(d.Markets[name]))
			}
		}
	}
	for _, m := range ch.Markets {
		if m.Address != "" {
			add(m.Name, common.HexToAddress(m.Address))
		}
	}
	return out, nil
}
