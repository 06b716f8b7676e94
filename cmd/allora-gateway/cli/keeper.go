package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// priceRecordInterval is how often the relayer records each market's price feed as the
// realised price its asset's predictions are judged by.
const priceRecordInterval = 15 * time.Second

// newRoundKeeper keeps every market of every chain (those the chain's addresses file
// lists, and those the config gives by address) through the relayer's own owner of
// the chain: chains[i] is cfg.Chains[i]'s, so the keeper fails over between the
// chain's endpoints as the relayer does. It sends from signers.keeper, through that
// key's transaction manager on the chain; with no key of its own (or the submitter's
// key) it sends from submitter through the submitter's manager, taking turns with the
// oracle's batches at the next nonce. It acts on a chain only while turn says this
// replica holds the chain's lease. It returns the keeper, a recorder that writes the
// rounds and prices to st for the API. With no market anywhere it returns a nil keeper
// and recorder.
func newRoundKeeper(ctx context.Context, cfg config.Config, chains []*evm.Chain, submitter oracle.Signer, st store.Store,
	turn func(chainID uint64) bool, log *slog.Logger) (*keeper.Keeper, *evm.RoundRecorder, error) {
	key := submitter
	if cfg.Signers.Keeper != (config.Key{}) {
		k, err := openSigner(ctx, cfg.Signers.Keeper)
		if err != nil {
			return nil, nil, fmt.Errorf("signers.keeper: %w", err)
		}
		key = k
	}
	sharesKey := key.Address() == submitter.Address()
	assets := map[uint64]string{}
	for _, p := range cfg.Predictions {
		if _, ok := assets[p.Topic]; !ok {
			assets[p.Topic] = p.Asset
		}
	}
	assetOf := func(topic uint64) string {
		if a, ok := assets[topic]; ok {
			return a
		}
		return fmt.Sprintf("topic-%d", topic) // no predictions entry names it
	}
	rec := evm.NewRoundRecorder(st, priceRecordInterval, log.With("component", "roundrecorder"))
	var (
		markets []keeper.Market
		poll    = time.Second
	)
	for i, ch := range cfg.Chains {
		found, err := chainMarkets(ch)
		if err != nil {
			return nil, nil, fmt.Errorf("chains[%d] (%s): %w", i, ch.Name, err)
		}
		if len(found) == 0 {
			continue
		}
		if sharesKey {
			log.Info("the round keeper sends from the submitter's key, through its transaction manager",
				"chain", ch.Name, "address", key.Address().Hex())
		}
		cctx, cancel := context.WithTimeout(ctx, connectTimeout)
		for _, info := range found {
			m, err := chains[i].Market(cctx, info, key)
			if err != nil {
				cancel()
				return nil, nil, fmt.Errorf("chains[%d] (%s): market %q at %s (is it a PredictionMarket? deploy writes the addresses): %w",
					i, ch.Name, info.Name, info.Address.Hex(), err)
			}
			if err := rec.Add(cctx, m, assetOf); err != nil {
				cancel()
				return nil, nil, fmt.Errorf("chains[%d] (%s): %w", i, ch.Name, err)
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
	rec.WatchEvery(poll)
	if len(markets) == 0 {
		log.Info("no prediction markets configured or deployed: round keeper off")
		return nil, nil, nil
	}
	k, err := keeper.New(keeper.Config{PollInterval: poll, SubmitTimeout: cfg.Relayer.SubmitTimeout.Duration}, markets,
		keeper.WithLogger(log.With("component", "keeper")), keeper.WithEvents(rec.Observe), keeper.WithTurn(turn))
	if err != nil {
		return nil, nil, err
	}
	return k, rec, nil
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
