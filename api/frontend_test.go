package api_test

import (
	"context"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

var (
	marketBNB = common.HexToAddress("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9")
	marketZK  = common.HexToAddress("0x0165878A594ca255338adfa4d48449f69242Eb8F")
)

// frontendAssets maps ETH 5m to topic 1 (with inferences, prices and markets) and
// BTC 8h to topic 14 (known, no inference yet).
var frontendAssets = []oracle.AssetTopic{
	{Asset: "ETH", Timeframe: "5m", TopicID: 1},
	{Asset: "BTC", Timeframe: "8h", TopicID: 14},
	{Asset: "SOL", Timeframe: "5m", TopicID: 21},
}

// seedMarkets records what a keeper and a price feed would have: ETH prices around
// topic 1's inferences, a market on BNB with a round of each status, and a market on
// ZKsync with a round the AI got wrong.
func seedMarkets(t testing.TB, st store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, p := range []struct {
		at    time.Duration
		value string
	}{
		{-2*time.Minute - 5*time.Second, "2992.4"}, // 5s before block 44's inference
		{-time.Minute, "3000.5"},                   // at block 56's
		{0, "3005.1"},                              // at block 68's
		{3*time.Minute + 10*time.Second, "3008"},   // 10s after block 44's target
		{4*time.Minute + 45*time.Second, "3009.9"}, // 45s after block 56's target: too far
		{5 * time.Minute, "3011.75"},               // at block 68's target; the latest
	} {
		if err := st.RecordPrice(ctx, store.Price{Asset: "ETH", Value: p.value, At: blockTime.Add(p.at), Source: "ETH / USD mock feed on bnb"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []store.Market{
		{ChainID: 56, Address: marketBNB, Name: "ETH 5m", TopicID: 1, Asset: "ETH", IntervalSeconds: 60, CurrentEpoch: 4},
		{ChainID: 324, Address: marketZK, Name: "ETH 5m", TopicID: 1, Asset: "ETH", IntervalSeconds: 60, CurrentEpoch: 8, Paused: true},
	} {
		if err := st.PutMarket(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	start := blockTime.Add(-3 * time.Minute)
	rd := func(epoch uint64, status store.RoundStatus, lock, pred, dir, closed, outcome string) store.Round {
		s := start.Add(time.Duration(epoch) * time.Minute)
		return store.Round{Epoch: epoch, Status: status, StartTime: s, LockTime: s.Add(time.Minute), CloseTime: s.Add(2 * time.Minute),
			LockPrice: lock, AIPrediction: pred, AIDirection: dir, ClosePrice: closed, Outcome: outcome,
			WithAIPool: big.NewInt(1e15), AgainstAIPool: new(big.Int).Mul(big.NewInt(3e15), big.NewInt(1e6))}
	}
	for _, r := range []struct {
		chain  uint64
		market common.Address
		round  store.Round
	}{
		{56, marketBNB, rd(1, store.RoundClosed, "3000.5", "3012.5", "up", "3005.1", "ai_right")},
		{56, marketBNB, rd(2, store.RoundVoid, "3005.1", "3001.25", "down", "3005.1", "tie")},
		{56, marketBNB, rd(3, store.RoundLocked, "3005.1", "3012.5", "up", "", "")},
		{56, marketBNB, rd(4, store.RoundOpen, "", "", "", "", "")},
		{324, marketZK, rd(7, store.RoundClosed, "3011.75", "3001.25", "down", "3012", "ai_wrong")},
	} {
		if _, err := st.PutRound(ctx, r.chain, r.market, r.round); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	round1 = `{"epoch":1,"status":"closed","start_time":"2026-11-24T19:58:00Z","lock_time":"2026-11-24T19:59:00Z","close_time":"2026-11-24T20:00:00Z",
		"lock_price":"3000.5","close_price":"3005.1","ai_prediction":"3012.5","ai_direction":"up",
		"with_ai_pool":"1000000000000000","against_ai_pool":"3000000000000000000000","outcome":"ai_right"}`
	round2 = `{"epoch":2,"status":"void","start_time":"2026-11-24T19:59:00Z","lock_time":"2026-11-24T20:00:00Z","close_time":"2026-11-24T20:01:00Z",
		"lock_price":"3005.1","close_price":"3005.1","ai_prediction":"3001.25","ai_direction":"down",
		"with_ai_pool":"1000000000000000","against_ai_pool":"3000000000000000000000","outcome":"tie"}`
	round3 = `{"epoch":3,"status":"locked","start_time":"2026-11-24T20:00:00Z","lock_time":"2026-11-24T20:01:00Z","close_time":"2026-11-24T20:02:00Z",
		"lock_price":"3005.1","close_price":null,"ai_prediction":"3012.5","ai_direction":"up",
		"with_ai_pool":"1000000000000000","against_ai_pool":"3000000000000000000000","outcome":null}`
	round4 = `{"epoch":4,"status":"open","start_time":"2026-11-24T20:01:00Z","lock_time":"2026-11-24T20:02:00Z","close_time":"2026-11-24T20:03:00Z",
		"lock_price":null,"close_price":null,"ai_prediction":null,"ai_direction":null,
		"with_ai_pool":"1000000000000000","against_ai_pool":"3000000000000000000000","outcome":null}`
	round7 = `{"epoch":7,"status":"closed","start_time":"2026-11-24T20:04:00Z","lock_time":"2026-11-24T20:05:00Z","close_time":"2026-11-24T20:06:00Z",
		"lock_price":"3011.75","close_price":"3012","ai_prediction":"3001.25","ai_direction":"down",
		"with_ai_pool":"1000000000000000","against_ai_pool":"3000000000000000000000","outcome":"ai_wrong"}`
	accuracyMethod = "A round of a market on this topic counts when its AI prediction, lock price and close price " +
		"are recorded; it is a hit when the AI's direction (prediction against lock price) equals the realised " +
		"direction (close price against lock price); rounds where either direction is flat are ties, counted apart " +
		"and left out of the rate; the interval is the Wilson score interval at 95% (z = 1.959963984540054), " +
		"computed in 256-bit floating point and rounded to 4 decimal places."
)

const ethPrediction = `{"asset":"ETH","timeframe":"5m","topic_id":1,"predicted_price":"3012.5",
	"current_price":"3011.75","current_price_as_of":"2026-11-24T20:05:00Z","price_source":"ETH / USD mock feed on bnb",
	"direction":"up","change":"0.75","change_percent":"0.02",
	"confidence_band":{"lower":"3001.2","upper":"3023.8","lower_percentile":"15.87","upper_percentile":"84.13"},
	"block_height":68,"predicted_at":"2026-11-24T20:00:00Z","target_time":"2026-11-24T20:05:00Z"}`

// frontendCases are the frontend view's routes over seededStore with frontendAssets.
var frontendCases = []endpointCase{
	{"prediction", "GET", "/v1/predictions/ETH/5m", 200, jsonType, ethPrediction},
	{"prediction asset in lower case", "GET", "/v1/predictions/eth/5m", 200, jsonType, ethPrediction},
	{"prediction no inference yet", "GET", "/v1/predictions/btc/8h", 404, problemType,
		problemJSON(404, "topic 14 (BTC 8h) has no inference yet", "/v1/predictions/btc/8h")},
	{"prediction no price recorded", "GET", "/v1/predictions/SOL/5m", 200, jsonType, `{"asset":"SOL","timeframe":"5m","topic_id":21,
		"predicted_price":"-5.25","current_price":null,"current_price_as_of":null,"price_source":null,"direction":null,
		"change":null,"change_percent":null,"confidence_band":null,"block_height":70,
		"predicted_at":"2026-11-24T20:00:00Z","target_time":"2026-11-24T20:05:00Z"}`},
	{"prediction unmapped timeframe", "GET", "/v1/predictions/ETH/7m", 404, problemType,
		problemJSON(404, "no topic predicts ETH over 7m on this gateway; it serves BTC 8h, ETH 5m, SOL 5m", "/v1/predictions/ETH/7m")},
	{"prediction unmapped asset", "GET", "/v1/predictions/DOGE/5m", 404, problemType,
		problemJSON(404, "no topic predicts DOGE over 5m on this gateway; it serves BTC 8h, ETH 5m, SOL 5m", "/v1/predictions/DOGE/5m")},
	{"prediction asset not a ticker", "GET", "/v1/predictions/ETH-USD/5m", 400, problemType,
		problemJSON(400, `asset "ETH-USD" is not a ticker: letters and digits only, such as ETH`, "/v1/predictions/ETH-USD/5m")},
	{"prediction asset too long", "GET", "/v1/predictions/" + strings.Repeat("E", 17) + "/5m", 400, problemType,
		problemJSON(400, `asset "`+strings.Repeat("E", 17)+`" is longer than 16 characters; write a ticker such as ETH`, "/v1/predictions/"+strings.Repeat("E", 17)+"/5m")},
	{"prediction timeframe without unit", "GET", "/v1/predictions/ETH/5", 400, problemType,
		problemJSON(400, `timeframe "5" does not end in a unit: s, m, h or d (lower case), such as 5m or 8h`, "/v1/predictions/ETH/5")},
	{"prediction timeframe upper-case unit", "GET", "/v1/predictions/ETH/5M", 400, problemType,
		problemJSON(400, `timeframe "5M" does not end in a unit: s, m, h or d (lower case), such as 5m or 8h`, "/v1/predictions/ETH/5M")},
	{"prediction timeframe zero", "GET", "/v1/predictions/ETH/0m", 400, problemType,
		problemJSON(400, `timeframe "0m" is not a count from 1 to 99999 and a unit, such as 5m or 8h`, "/v1/predictions/ETH/0m")},

	{"series", "GET", "/v1/predictions/ETH/5m/series", 200, jsonType, `{"asset":"ETH","timeframe":"5m","topic_id":1,"points":[
		{"predicted_at":"2026-11-24T20:00:00Z","target_time":"2026-11-24T20:05:00Z","block_height":68,"predicted_price":"3012.5","price_at_prediction":"3005.1","realised_price":"3011.75"},
		{"predicted_at":"2026-11-24T19:59:00Z","target_time":"2026-11-24T20:04:00Z","block_height":56,"predicted_price":"3001.25","price_at_prediction":"3000.5","realised_price":null},
		{"predicted_at":"2026-11-24T19:58:00Z","target_time":"2026-11-24T20:03:00Z","block_height":44,"predicted_price":"2990","price_at_prediction":"2992.4","realised_price":"3008"}]}`},
	{"series limited", "GET", "/v1/predictions/ETH/5m/series?limit=1", 200, jsonType, `{"asset":"ETH","timeframe":"5m","topic_id":1,"points":[
		{"predicted_at":"2026-11-24T20:00:00Z","target_time":"2026-11-24T20:05:00Z","block_height":68,"predicted_price":"3012.5","price_at_prediction":"3005.1","realised_price":"3011.75"}]}`},
	{"series of a topic without inferences", "GET", "/v1/predictions/BTC/8h/series", 200, jsonType,
		`{"asset":"BTC","timeframe":"8h","topic_id":14,"points":[]}`},
	{"series limit too large", "GET", "/v1/predictions/ETH/5m/series?limit=1001", 400, problemType,
		problemJSON(400, "limit 1001 is out of range; it must be from 1 to 1000", "/v1/predictions/ETH/5m/series")},
	{"series limit not a number", "GET", "/v1/predictions/ETH/5m/series?limit=all", 400, problemType,
		problemJSON(400, `limit "all" is not a decimal integer from 1 to 1000`, "/v1/predictions/ETH/5m/series")},

	{"markets", "GET", "/v1/markets/56", 200, jsonType, `{"chain_id":56,"markets":[{"market_id":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
		"chain_id":56,"name":"ETH 5m","topic_id":1,"asset":"ETH","interval_seconds":60,"current_epoch":4,"paused":false,
		"rounds":[` + round4 + `,` + round3 + `,` + round2 + `,` + round1 + `]}]}`},
	{"markets paused", "GET", "/v1/markets/324", 200, jsonType, `{"chain_id":324,"markets":[{"market_id":"0x0165878A594ca255338adfa4d48449f69242Eb8F",
		"chain_id":324,"name":"ETH 5m","topic_id":1,"asset":"ETH","interval_seconds":60,"current_epoch":8,"paused":true,
		"rounds":[` + round7 + `]}]}`},
	{"markets of a chain without any", "GET", "/v1/markets/146", 200, jsonType, `{"chain_id":146,"markets":[]}`},
	{"markets of an unknown chain", "GET", "/v1/markets/1", 404, problemType,
		problemJSON(404, "chain 1 is not known to this gateway; it knows 56, 146, 324", "/v1/markets/1")},
	{"markets chain not a number", "GET", "/v1/markets/bnb", 400, problemType,
		problemJSON(400, `chain id "bnb" is not a decimal integer`, "/v1/markets/bnb")},
	{"markets chain negative", "GET", "/v1/markets/-56", 400, problemType,
		problemJSON(400, `chain id "-56" is negative; chain ids are unsigned integers`, "/v1/markets/-56")},

	{"round", "GET", "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/1", 200, jsonType, round1},
	{"round by lower-case address", "GET", "/v1/markets/56/0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9/rounds/2", 200, jsonType, round2},
	{"round current", "GET", "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/current", 200, jsonType, round4},
	{"round not recorded", "GET", "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/5", 404, problemType,
		problemJSON(404, "market 0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9 has no round 5 recorded (it is in the future, or older than the rounds kept)",
			"/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/5")},
	{"round of a market on another chain", "GET", "/v1/markets/146/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/1", 404, problemType,
		problemJSON(404, "chain 146 has no market 0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9 known to this gateway; /v1/markets/146 lists them",
			"/v1/markets/146/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/1")},
	{"round epoch zero", "GET", "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/0", 400, problemType,
		problemJSON(400, `epoch 0 is never a round; rounds start at 1 (or ask for "current")`, "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/0")},
	{"round epoch word", "GET", "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/latest", 400, problemType,
		problemJSON(400, `epoch "latest" is not a decimal integer`, "/v1/markets/56/0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/latest")},
	{"round market not an address", "GET", "/v1/markets/56/0xCf7Ed3/rounds/1", 400, problemType,
		problemJSON(400, `market id "0xCf7Ed3" is not an address: write 0x and 40 hex digits`, "/v1/markets/56/0xCf7Ed3/rounds/1")},
	{"round market bad checksum", "GET", "/v1/markets/56/0xcF7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/1", 400, problemType,
		problemJSON(400, `market id "0xcF7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" has a wrong EIP-55 checksum: a mistyped address; write it in lower case if you are sure of it`,
			"/v1/markets/56/0xcF7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9/rounds/1")},

	{"accuracy", "GET", "/v1/topics/1/accuracy", 200, jsonType, `{"topic_id":1,"rounds":2,"hits":1,"ties":1,"hit_rate":"0.5",
		"confidence_level":"0.95","wilson_lower":"0.0945","wilson_upper":"0.9055",
		"since":"2026-11-24T19:59:00Z","until":"2026-11-24T20:05:00Z","method":"` + accuracyMethod + `"}`},
	{"accuracy on one chain", "GET", "/v1/topics/1/accuracy?chain=56", 200, jsonType, `{"topic_id":1,"chain_id":56,"rounds":1,"hits":1,"ties":1,"hit_rate":"1",
		"confidence_level":"0.95","wilson_lower":"0.2065","wilson_upper":"1",
		"since":"2026-11-24T19:59:00Z","until":"2026-11-24T20:00:00Z","method":"` + accuracyMethod + `"}`},
	{"accuracy without rounds", "GET", "/v1/topics/3/accuracy", 200, jsonType, `{"topic_id":3,"rounds":0,"hits":0,"ties":0,"hit_rate":null,
		"confidence_level":"0.95","wilson_lower":null,"wilson_upper":null,"since":null,"until":null,"method":"` + accuracyMethod + `"}`},
	{"accuracy of an unknown topic", "GET", "/v1/topics/42/accuracy", 404, problemType,
		problemJSON(404, "topic 42 is not known", "/v1/topics/42/accuracy")},
	{"accuracy on an unknown chain", "GET", "/v1/topics/1/accuracy?chain=1", 404, problemType,
		problemJSON(404, "chain 1 is not known to this gateway; it knows 56, 146, 324", "/v1/topics/1/accuracy")},
	{"accuracy chain not a number", "GET", "/v1/topics/1/accuracy?chain=bnb", 400, problemType,
		problemJSON(400, `chain id "bnb" is not a decimal integer`, "/v1/topics/1/accuracy")},

	{"update without signers", "GET", "/v1/topics/1/update?chain=56", 503, problemType,
		problemJSON(503, "this gateway process has no signers, so it cannot sign updates; ask a gateway run with signer keys", "/v1/topics/1/update")},
	{"update without chain", "GET", "/v1/topics/1/update", 400, problemType,
		problemJSON(400, "chain is missing: say which chain to sign for, such as ?chain=56", "/v1/topics/1/update")},
}

func TestFrontendEndpoints(t *testing.T) {
	for _, kind := range storeKinds {
		t.Run(kind.name, func(t *testing.T) {
			h := api.New(kind.make(t), api.WithAssetTopics(frontendAssets)).Handler()
			for _, tc := range frontendCases {
				t.Run(tc.name, func(t *testing.T) {
					res := do(t, h, tc.method, tc.path)
					assertJSON(t, res, tc.status, tc.contentType, tc.body)
					if tc.status == http.StatusOK && (res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") != "public, max-age=1") {
						t.Errorf("ETag %q, Cache-Control %q: want a tag and public, max-age=1", res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
					}
				})
			}
		})
	}
}
