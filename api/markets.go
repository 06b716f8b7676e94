package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// marketRoundsShown is how many of its newest rounds each market lists.
const marketRoundsShown = 10

type marketsJSON struct {
	ChainID uint64       `json:"chain_id"`
	Markets []marketJSON `json:"markets"`
}

type marketJSON struct {
	MarketID        string        `json:"market_id"`
	ChainID         uint64        `json:"chain_id"`
	Name            string        `json:"name"`
	TopicID         uint64        `json:"topic_id"`
	Asset           string        `json:"asset"`
	IntervalSeconds uint64        `json:"interval_seconds"`
	CurrentEpoch    uint64        `json:"current_epoch"`
	Paused          bool          `json:"paused"`
	Rounds          []store.Round `json:"rounds"`
}

// chainIDParam parses {chainId} and checks that the gateway knows the chain.
func (s *Server) chainIDParam(r *http.Request) (uint64, error) {
	raw, err := pathParam(r, "chainId", "chain id")
	if err != nil {
		return 0, err
	}
	id, err := parseUintID("chain id", "chain ids", raw)
	if err != nil {
		return 0, err
	}
	if err := s.knownChain(r, id); err != nil {
		return 0, err
	}
	return id, nil
}

// knownChain returns nil when the store knows chain id, a not-found error naming the
// known chains when it does not.
func (s *Server) knownChain(r *http.Request, id uint64) error {
	chains, err := s.st.Chains(r.Context())
	if err != nil {
		return fmt.Errorf("list chains: %w", err)
	}
	known := make([]string, 0, len(chains))
	for _, c := range chains {
		if c.ID == id {
			return nil
		}
		known = append(known, fmt.Sprint(c.ID))
	}
	return withDetail(fmt.Errorf("chain %d: %w", id, store.ErrNotFound),
		"chain %d is not known to this gateway; it knows %s", id, orNone(known))
}

func orNone(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}

// parseMarketID accepts a market contract address: 0x and 40 hex digits, in lower
// case, upper case or with a valid EIP-55 checksum.
func parseMarketID(s string) (common.Address, error) {
	// An address is longer than other ids: quote all of it, so the mistake shows.
	q := quoteID(s)
	if len(s) <= 2*maxQuotedID {
		q = strconv.Quote(s)
	}
	bad := func(format string) (common.Address, error) {
		return common.Address{}, withDetail(fmt.Errorf("parse market id %s: %w", q, errBadRequest), format, q)
	}
	if !strings.HasPrefix(s, "0x") || len(s) != 42 || strings.Trim(s[2:], "0123456789abcdefABCDEF") != "" {
		return bad("market id %s is not an address: write 0x and 40 hex digits")
	}
	addr := common.HexToAddress(s)
	hex := s[2:]
	if hex != strings.ToLower(hex) && hex != strings.ToUpper(hex) && addr.Hex() != s {
		return bad("market id %s has a wrong EIP-55 checksum: a mistyped address; write it in lower case if you are sure of it")
	}
	return addr, nil
}

// parseEpoch accepts "current" or a round number from 1.
func parseEpoch(s string) (epoch uint64, current bool, err error) {
	if s == "current" {
		return 0, true, nil
	}
	epoch, err = parseUintID("epoch", "epochs", s)
	if err != nil {
		return 0, false, err
	}
	if epoch == 0 {
		return 0, false, withDetail(fmt.Errorf("parse epoch 0: %w", errBadRequest),
			`epoch 0 is never a round; rounds start at 1 (or ask for "current")`)
	}
	return epoch, false, nil
}

// markets answers a chain's markets, each with its newest rounds.
func (s *Server) markets(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	chainID, err := s.chainIDParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	all, err := s.st.Markets(ctx)
	if err != nil {
		s.fail(w, r, fmt.Errorf("list markets: %w", err))
		return
	}
	out := marketsJSON{ChainID: chainID, Markets: []marketJSON{}}
	for _, m := range all {
		if m.ChainID != chainID {
			continue
		}
		rounds, err := s.st.Rounds(ctx, m.ChainID, m.Address, marketRoundsShown, 0)
		if err != nil {
			s.fail(w, r, fmt.Errorf("market %s rounds: %w", m.Address, err))
			return
		}
		out.Markets = append(out.Markets, marketJSON{
			MarketID: m.Address.Hex(), ChainID: m.ChainID, Name: m.Name, TopicID: m.TopicID, Asset: m.Asset,
			IntervalSeconds: m.IntervalSeconds, CurrentEpoch: m.CurrentEpoch, Paused: m.Paused, Rounds: rounds,
		})
	}
	s.reply(w, r, out, cacheShort)
}

// round answers one round of a market, or its current one.
func (s *Server) round(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	chainID, err := s.chainIDParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rawMarket, err := pathParam(r, "marketId", "market id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	addr, err := parseMarketID(rawMarket)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rawEpoch, err := pathParam(r, "epoch", "epoch")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	epoch, current, err := parseEpoch(rawEpoch)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	all, err := s.st.Markets(ctx)
	if err != nil {
		s.fail(w, r, fmt.Errorf("list markets: %w", err))
		return
	}
	var market *store.Market
	for i := range all {
		if all[i].ChainID == chainID && all[i].Address == addr {
			market = &all[i]
		}
	}
	if market == nil {
		s.fail(w, r, withDetail(fmt.Errorf("market %s on chain %d: %w", addr, chainID, store.ErrNotFound),
			"chain %d has no market %s known to this gateway; /v1/markets/%d lists them", chainID, addr.Hex(), chainID))
		return
	}
	if current {
		if market.CurrentEpoch == 0 {
			s.fail(w, r, withDetail(fmt.Errorf("market %s current round: %w", addr, store.ErrNotFound),
				"market %s has not started its first round", addr.Hex()))
			return
		}
		epoch = market.CurrentEpoch
	}
	rd, err := s.st.Round(ctx, chainID, addr, epoch)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, withDetail(err, "market %s has no round %d recorded (it is in the future, or older than the rounds kept)", addr.Hex(), epoch))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.reply(w, r, rd, cacheShort)
}
