package api

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func isBadRequest(err error) bool {
	var pub *publicError
	return errors.Is(err, errBadRequest) && errors.As(err, &pub) && pub.detail != ""
}

// FuzzFrontendPath feeds arbitrary asset, timeframe, market id and epoch segments to
// their parsers: none panics, every refusal is a 400 with a detail, and what each
// accepts is what its grammar says.
func FuzzFrontendPath(f *testing.F) {
	for _, seed := range [][4]string{
		{"ETH", "5m", "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "1"},
		{"eth", "8h", "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9", "current"},
		{"", "", "", ""}, {"ETH-USD", "5M", "0xcF7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "0"},
		{strings.Repeat("A", 17), "0m", "0x123", "01"}, {"ÉTH", "99999d", "Cf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9ab", "18446744073709551616"},
		{"btc", "100000s", "0xZZ7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "-1"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	f.Fuzz(func(t *testing.T, asset, timeframe, market, epoch string) {
		if a, err := parseAsset(asset); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("asset %q: %v is not a bad request with a detail", asset, err)
			}
		} else if len(a) == 0 || len(a) > maxAssetLen || a != strings.ToUpper(asset) || strings.Trim(a, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Fatalf("asset %q accepted as %q", asset, a)
		}
		if d, err := parseTimeframe(timeframe); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("timeframe %q: %v is not a bad request with a detail", timeframe, err)
			}
		} else if d <= 0 || !strings.ContainsAny(timeframe[len(timeframe)-1:], "smhd") || timeframe[0] == '0' {
			t.Fatalf("timeframe %q accepted as %s", timeframe, d)
		}
		if a, err := parseMarketID(market); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("market %q: %v is not a bad request with a detail", market, err)
			}
		} else if !strings.EqualFold(a.Hex(), market) {
			t.Fatalf("market %q accepted as %s", market, a.Hex())
		}
		if e, current, err := parseEpoch(epoch); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("epoch %q: %v is not a bad request with a detail", epoch, err)
			}
		} else if current != (epoch == "current") || (!current && (e == 0 || strconv.FormatUint(e, 10) != epoch)) {
			t.Fatalf("epoch %q accepted as %d, current %v", epoch, e, current)
		}
	})
}

// FuzzFrontendQuery feeds arbitrary query strings to the series limit, the accuracy
// chain filter and the update's chain: same rules as the path.
func FuzzFrontendQuery(f *testing.F) {
	for _, seed := range []string{"", "limit=100", "limit=1001", "limit=0", "chain=56", "chain=", "chain=05", "chain=1&chain=2", "limit=%31"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		if n, err := parseSeriesLimit(q); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("query %q: %v", raw, err)
			}
		} else if n < 1 || n > MaxSeriesLimit || (q.Has("limit") && strconv.Itoa(n) != q.Get("limit")) {
			t.Fatalf("query %q: limit %d accepted", raw, n)
		}
		if id, ok, err := parseAccuracyChain(q); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("query %q: %v", raw, err)
			}
		} else if ok != q.Has("chain") || (ok && strconv.FormatUint(id, 10) != q.Get("chain")) {
			t.Fatalf("query %q: chain %d (%v) accepted", raw, id, ok)
		}
		if id, err := parseChainQuery(q); err != nil {
			if !isBadRequest(err) {
				t.Fatalf("query %q: %v", raw, err)
			}
		} else if strconv.FormatUint(id, 10) != q.Get("chain") {
			t.Fatalf("query %q: chain %d accepted", raw, id)
		}
	})
}
