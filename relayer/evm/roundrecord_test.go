package evm_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// apiRound is a round as /v1/markets and the stream answer it.
type apiRound struct {
	Epoch         uint64 `json:"epoch"`
	Status        string `json:"status"`
	WithAIPool    string `json:"with_ai_pool"`
	AgainstAIPool string `json:"against_ai_pool"`
}

// TestRoundRecorderFollowsBets places bets on a market of a real chain, sent by
// bettors the recorder knows nothing of, and checks that the API's open round follows
// rounds(epoch) on chain after each bet and that the stream tells of each bet with a
// round event naming the market as /v1/markets does.
func TestRoundRecorderFollowsBets(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, oracleAddr, signers := startChain(t, 56)
	deployer := devchain.DevKey(0)
	owner := crypto.PubkeyToAddress(deployer.PublicKey)
	priceFeed, err := evm.DeployMockAggregator(ctx, client, deployer, evm.MockAggregatorParams{
		Decimals: 8, Description: "ETH / USD", InitialAnswer: big.NewInt(3000_00000000),
	})
	if err != nil {
		t.Fatal(err)
	}
	marketAddr, err := evm.DeployMarket(ctx, client, deployer, evm.MarketParams{
		Oracle: oracleAddr, TopicID: 1, PriceFeed: priceFeed,
		Interval: 300 * time.Second, Buffer: 60 * time.Second, FeeBps: 300, MinBet: big.NewInt(1e15),
		MaxPriceAge: 300 * time.Second, MaxPredictionAge: time.Hour, Owner: owner, Treasury: owner,
	})
	if err != nil {
		t.Fatal(err)
	}
	info := keeper.MarketInfo{ChainID: 56, ChainName: "bnb", Address: marketAddr, Name: "ETH 5m"}
	m, err := evm.NewMarket(ctx, info, client, devchain.DevKey(4))
	if err != nil {
		t.Fatal(err)
	}
	// The first round opens once the oracle holds a prediction of the market's topic.
	w, err := evm.NewWriter(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}, client, devchain.DevKey(5))
	if err != nil {
		t.Fatal(err)
	}
	publishPrediction(t, ctx, w, signers, 1)
	if _, err := m.Execute(ctx, keeper.GenesisStart); err != nil {
		t.Fatalf("genesisStart: %v", err)
	}

	st := store.NewMemory()
	if err := st.PutChain(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}); err != nil {
		t.Fatal(err)
	}
	rec := evm.NewRoundRecorder(st, 0, slog.New(slog.DiscardHandler))
	rec.WatchEvery(50 * time.Millisecond)
	if err := rec.Add(ctx, m, func(uint64) string { return "ETH" }); err != nil {
		t.Fatal(err)
	}
	srv := api.New(st, api.WithRateLimit(0, 0))
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	defer srv.Close()

	stream := openStream(t, ts.URL)
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- rec.Run(runCtx) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("recorder: %v", err)
		}
	}()

	// The open round is recorded before any bet, both pools 0.
	ev := stream.nextRound(t)
	if ev.Market != marketAddr.Hex() || ev.Round.Epoch != 1 || ev.Round.Status != "open" || ev.Round.WithAIPool != "0" {
		t.Fatalf("first round event %+v, want round 1 of %s open with empty pools", ev, marketAddr.Hex())
	}

	bets := []struct {
		key    int
		withAI bool
		amount int64
	}{{6, true, 1e15}, {7, false, 3e15}, {8, true, 2e15}}
	for _, b := range bets {
		bettor, err := evm.NewMarket(ctx, info, client, devchain.DevKey(b.key))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bettor.Bet(ctx, 1, b.withAI, big.NewInt(b.amount)); err != nil {
			t.Fatalf("bet of key %d: %v", b.key, err)
		}
		onChain, err := m.Round(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := apiRound{Epoch: 1, Status: "open", WithAIPool: onChain.WithAIAmount.String(), AgainstAIPool: onChain.AgainstAIAmount.String()}
		// The stream tells of the bet: a round event with the pools the chain now holds.
		if ev := stream.nextRound(t); ev.Round != want || ev.Market != marketAddr.Hex() || ev.ChainID != 56 {
			t.Errorf("round event after the bet of key %d: %+v, want %+v of market %s", b.key, ev, want, marketAddr.Hex())
		}
		// /v1/markets/56 shows the open round's pools equal to rounds(1).
		testsupport.WaitForSeen(t, 10*time.Second, fmt.Sprintf("/v1/markets/56 shows %+v", want), func() (bool, string) {
			got, addr := marketsOpenRound(t, ts.URL)
			return got == want && addr == marketAddr.Hex(), fmt.Sprintf("%s %+v", addr, got)
		})
	}
	if got, _ := marketsOpenRound(t, ts.URL); got.WithAIPool != "3000000000000000" || got.AgainstAIPool != "3000000000000000" {
		t.Errorf("pools after the bets: %+v, want 3e15 on each side", got)
	}
}

// marketsOpenRound answers the newest round of the only market /v1/markets/56 lists,
// and the market's id.
func marketsOpenRound(t *testing.T, base string) (apiRound, string) {
	t.Helper()
	res, err := http.Get(base + "/v1/markets/56")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Markets []struct {
			MarketID string     `json:"market_id"`
			Rounds   []apiRound `json:"rounds"`
		} `json:"markets"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET /v1/markets/56: %d, %v", res.StatusCode, err)
	}
	if len(body.Markets) != 1 || len(body.Markets[0].Rounds) == 0 {
		return apiRound{}, ""
	}
	return body.Markets[0].Rounds[0], body.Markets[0].MarketID
}

type roundStream struct {
	r *bufio.Reader
}

type roundEvent struct {
	ChainID uint64   `json:"chain_id"`
	Market  string   `json:"market_id"`
	Round   apiRound `json:"round"`
}

func openStream(t *testing.T, base string) *roundStream {
	t.Helper()
	res, err := http.Get(base + "/v1/stream")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /v1/stream: %s", res.Status)
	}
	return &roundStream{r: bufio.NewReader(res.Body)}
}

// nextRound reads events until a round event and decodes it.
func (s *roundStream) nextRound(t *testing.T) roundEvent {
	t.Helper()
	kind := ""
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			t.Fatalf("read the stream: %v", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "event: "):
			kind = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && kind == store.EventRound:
			var ev roundEvent
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err != nil {
				t.Fatalf("round event %q: %v", line, err)
			}
			return ev
		case line == "":
			kind = ""
		}
	}
}
