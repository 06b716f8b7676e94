package devnet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/redis/go-redis/v9"
	"github.com/shopspring/decimal"
	"go.uber.org/goleak"

	"github.com/allora-gateway/allora-gateway/bindings/allorafeed"
	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/devnet"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/keeper"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

type chainsResponse struct {
	Chains []struct {
		ChainID uint64 `json:"chain_id"`
		Name    string `json:"name"`
		Oracle  string `json:"oracle"`
		Topics  []struct {
			TopicID     uint64 `json:"topic_id"`
			BlockHeight uint64 `json:"block_height"`
			LagBlocks   uint64 `json:"lag_blocks"`
			LastPush    string `json:"last_push"`
		} `json:"topics"`
	} `json:"chains"`
}

type inferenceResponse struct {
	TopicID     uint64 `json:"topic_id"`
	Value       string `json:"value"`
	ValueScaled string `json:"value_scaled"`
	Decimals    int    `json:"decimals"`
	BlockHeight uint64 `json:"block_height"`
	LossHeight  uint64 `json:"loss_block_height"`
	Timestamp   string `json:"timestamp"`
}

// syncBuffer is an io.Writer the devnet prints to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestDevnetEndToEnd runs devnet's parts in process — the Allora emulator, three chains
// serving JSON-RPC, the relayer, the keeper and the API — and checks what a user would:
// every topic reaches every chain, latest(topicId) read over each chain's JSON-RPC
// endpoint agrees with the API's /v1/topics/{id}/inference and with the topic's
// AlloraFeed, and every chain's market runs its rounds to decisions.
func TestDevnetEndToEnd(t *testing.T) {
	defer goleak.VerifyNone(t,
		// go-ethereum keeps a package-level sender cache and leaves a leveldb drain
		// goroutine behind after its node closes; neither is ours to stop.
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
		// A package of cosmos-sdk's client stack (grpc-web, reached through baseapp)
		// starts a timer goroutine in its init that lives as long as the process.
		goleak.IgnoreTopFunction("github.com/desertbit/timer.timerRoutine"),
	)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	chains := devnet.DefaultChains()
	for i := range chains {
		chains[i].Port = -1 // free ports: the test must not collide with a running devnet
	}
	var out syncBuffer
	addresses := t.TempDir()
	d, err := devnet.Start(ctx, devnet.Config{
		APIPort:      -1,
		AlloraPort:   -1,
		Chains:       chains,
		AddressesDir: addresses,
		CORSOrigins:  []string{"http://localhost:5173"},
		// Fast blocks: each block is a second of chain time, so the market's 60-second
		// rounds take nine seconds, and the keeper has 4.5 s to lock or close one.
		BlockTime:       150 * time.Millisecond,
		AlloraBlockTime: 250 * time.Millisecond,
		PollInterval:    100 * time.Millisecond,
		Out:             &out,
	})
	if err != nil {
		t.Fatalf("start devnet: %v", err)
	}
	defer func() {
		cancel()
		if err := d.Wait(); err != nil {
			t.Errorf("devnet stopped with: %v", err)
		}
		if t.Failed() {
			t.Logf("devnet printed:\n%s", out.String())
		}
	}()

	topics := devnet.DefaultTopics()
	if len(topics) < 4 {
		t.Fatalf("devnet runs %d topics, want at least 4", len(topics))
	}
	wantChains := map[uint64]string{56: "bnb", 324: "zksync", 146: "sonic"}

	// Every topic's block height becomes non-zero on all three chains.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var resp chainsResponse
		getJSON(t, d.APIURL+"/v1/chains", &resp)
		if allPushed(resp, wantChains, len(topics)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 60s not every topic is on every chain: %+v", resp)
		}
		time.Sleep(200 * time.Millisecond)
	}

	// The API says which asset and timeframe each topic predicts.
	var listed struct {
		Topics []struct {
			TopicID   uint64 `json:"topic_id"`
			Asset     string `json:"asset"`
			Timeframe string `json:"timeframe"`
		} `json:"topics"`
	}
	getJSON(t, d.APIURL+"/v1/topics", &listed)
	if len(listed.Topics) != len(topics) || listed.Topics[0].Asset != "ETH" || listed.Topics[0].Timeframe != "5m" ||
		listed.Topics[3].Asset != "BTC" || listed.Topics[3].Timeframe != "8h" {
		t.Errorf("/v1/topics = %+v, want ETH 5m first and BTC 8h last", listed)
	}

	// latest(topicId) over JSON-RPC holds an inference the API serves: the API's latest,
	// or, while the chain trails the API by a push or two, the entry of the chain's height
	// in the API's history, exactly (value, scaled value, time).
	contract := alloraoracle.NewAlloraOracle()
	for _, c := range d.Chains {
		if wantChains[c.ID] != c.Name {
			t.Errorf("chain %d is named %q, want %q", c.ID, c.Name, wantChains[c.ID])
		}
		client, err := ethclient.DialContext(ctx, c.URL)
		if err != nil {
			t.Fatal(err)
		}
		id, err := client.ChainID(ctx)
		if err != nil || id.Uint64() != c.ID {
			t.Fatalf("eth_chainId at %s = %v, %v; want %d", c.URL, id, err, c.ID)
		}
		instance := contract.Instance(client, c.Oracle)
		for _, topic := range topics {
			testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("%s topic %d: latest() holds what the API serves", c.Name, topic.ID), func() (bool, string) {
				onChain, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, contract.PackLatest(topic.ID), contract.UnpackLatest)
				if err != nil {
					t.Fatalf("%s: latest(%d): %v", c.Name, topic.ID, err)
				}
				if onChain.BlockHeight == 0 {
					return false, "nothing on chain yet"
				}
				var history struct {
					Inferences []inferenceResponse `json:"inferences"`
				}
				getJSON(t, fmt.Sprintf("%s/v1/topics/%d/history?limit=500", d.APIURL, topic.ID), &history)
				var latest inferenceResponse
				getJSON(t, fmt.Sprintf("%s/v1/topics/%d/inference", d.APIURL, topic.ID), &latest)
				for _, api := range append([]inferenceResponse{latest}, history.Inferences...) {
					if api.BlockHeight != onChain.BlockHeight {
						continue
					}
					ts, err := time.Parse(time.RFC3339Nano, api.Timestamp)
					if err != nil {
						t.Fatalf("API timestamp %q: %v", api.Timestamp, err)
					}
					scaled, err := oracle.Scale(api.Value, false)
					if err != nil {
						t.Fatalf("API value %q does not scale: %v", api.Value, err)
					}
					if api.ValueScaled != scaled.String() || api.Decimals != 18 || api.TopicID != topic.ID {
						t.Fatalf("API inference of topic %d is inconsistent: %+v (value scales to %s)", topic.ID, api, scaled)
					}
					if onChain.Value.String() == api.ValueScaled && onChain.Timestamp == uint64(ts.Unix()) && onChain.Decimals == 18 {
						return true, ""
					}
				}
				return false, fmt.Sprintf("chain value %s height %d time %d; API latest value_scaled %s height %d, %d history entries",
					onChain.Value, onChain.BlockHeight, onChain.Timestamp, latest.ValueScaled, latest.BlockHeight, len(history.Inferences))
			})
		}
		client.Close()
	}

	// The chains keep moving: later inferences of the 5-minute topics land too.
	first := d.Emulator.Height()
	want := first + 15
	for d.Emulator.Height() < want {
		if time.Now().After(deadline.Add(30 * time.Second)) {
			t.Fatal("the Allora emulator stopped producing blocks")
		}
		time.Sleep(100 * time.Millisecond)
	}
	inf, ok := d.Emulator.Latest(topics[0].ID)
	if !ok {
		t.Fatal("emulator has no inference for the first topic")
	}
	for _, c := range d.Chains {
		deadline := time.Now().Add(20 * time.Second)
		for {
			states, err := c.Writer().TopicStates(ctx, []uint64{topics[0].ID})
			if err != nil {
				t.Fatal(err)
			}
			if states[0].BlockHeight >= inf.BlockHeight {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: topic %d still at block %d, Allora produced block %d", c.Name, topics[0].ID, states[0].BlockHeight, inf.BlockHeight)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	checkRevisions(ctx, t, d, topics[0].ID)
	checkAddresses(ctx, t, d, addresses)

	for _, c := range d.Chains {
		client, err := ethclient.DialContext(ctx, c.URL)
		if err != nil {
			t.Fatal(err)
		}
		checkFeeds(ctx, t, c, client, topics)
		checkMarket(ctx, t, d.APIURL, c, client)
		client.Close()
	}
	printed := out.String()
	for _, want := range []string{"feed     bnb     topic 1 ", "market   bnb     ETH 5m 0x", "round    bnb     ETH 5m executeRound: epoch "} {
		if !strings.Contains(printed, want) {
			t.Errorf("devnet did not print %q", want)
		}
	}
}

// checkAddresses checks that each chain's addresses file, written as deploy writes
// one, and /v1/chains name the contracts the chain holds: the oracle, a feed per topic
// reading that oracle, and the market; and that a local frontend's origin may call the
// API.
func checkAddresses(ctx context.Context, t *testing.T, d *devnet.Devnet, dir string) {
	t.Helper()
	type listed struct {
		Oracle string `json:"oracle"`
		Feeds  []struct {
			TopicID uint64 `json:"topic_id"`
			Address string `json:"address"`
		} `json:"feeds"`
		Markets []struct {
			MarketID string `json:"market_id"`
			Name     string `json:"name"`
			TopicID  uint64 `json:"topic_id"`
		} `json:"markets"`
	}
	feedContract := allorafeed.NewAlloraFeed()
	for _, c := range d.Chains {
		dep, err := config.ReadDeployment(filepath.Join(dir, c.Name+".json"))
		if err != nil {
			t.Fatalf("%s: addresses file: %v", c.Name, err)
		}
		if dep.ChainID != c.ID || dep.Name != c.Name || dep.Block == 0 || dep.Txs.Oracle == "" {
			t.Errorf("%s: addresses file %+v, want chain %d, the oracle's block and transaction", c.Name, dep, c.ID)
		}
		var api listed
		testsupport.WaitForSeen(t, 10*time.Second, c.Name+": /v1/chains lists the market", func() (bool, string) {
			var resp struct {
				Chains []struct {
					ChainID uint64 `json:"chain_id"`
					listed
				} `json:"chains"`
			}
			getJSON(t, d.APIURL+"/v1/chains", &resp)
			for _, ch := range resp.Chains {
				if ch.ChainID == c.ID {
					api = ch.listed
				}
			}
			return len(api.Markets) == 1, fmt.Sprintf("%+v", api)
		})
		client, err := ethclient.DialContext(ctx, c.URL)
		if err != nil {
			t.Fatal(err)
		}
		if dep.Oracle != c.Oracle.Hex() || api.Oracle != dep.Oracle {
			t.Errorf("%s: oracle %s in the file, %s in /v1/chains; the chain's is %s", c.Name, dep.Oracle, api.Oracle, c.Oracle.Hex())
		}
		if len(dep.Feeds) != len(c.Feeds) || len(api.Feeds) != len(c.Feeds) {
			t.Errorf("%s: %d feeds in the file, %d in /v1/chains, want %d", c.Name, len(dep.Feeds), len(api.Feeds), len(c.Feeds))
		}
		for _, f := range api.Feeds {
			addr := common.HexToAddress(f.Address)
			if f.Address != addr.Hex() || dep.Feeds[strconv.FormatUint(f.TopicID, 10)] != f.Address {
				t.Errorf("%s: feed of topic %d is %s in /v1/chains, %s in the file", c.Name, f.TopicID, f.Address, dep.Feeds[strconv.FormatUint(f.TopicID, 10)])
			}
			// The chain agrees: the feed reads this topic of this oracle.
			instance := feedContract.Instance(client, addr)
			topic, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, feedContract.PackTopicId(), feedContract.UnpackTopicId)
			if err != nil || topic != f.TopicID {
				t.Errorf("%s: feed %s topicId() = %d, %v; want %d", c.Name, f.Address, topic, err, f.TopicID)
			}
			o, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, feedContract.PackOracle(), feedContract.UnpackOracle)
			if err != nil || o != c.Oracle {
				t.Errorf("%s: feed %s oracle() = %s, %v; want %s", c.Name, f.Address, o.Hex(), err, c.Oracle.Hex())
			}
		}
		m := api.Markets[0]
		if m.MarketID != c.Market.Hex() || dep.Markets[m.Name] != m.MarketID || m.TopicID != devnet.MarketTopic {
			t.Errorf("%s: market %+v in /v1/chains, %v in the file; the chain's is %s", c.Name, m, dep.Markets, c.Market.Hex())
		}
		market, err := evm.NewMarket(ctx, keeper.MarketInfo{ChainID: c.ID, ChainName: c.Name, Address: c.Market}, client, devchain.DevKey(9))
		if err != nil {
			t.Errorf("%s: the file's market %s is not a market on the chain: %v", c.Name, m.MarketID, err)
		} else if _, err := market.State(ctx); err != nil {
			t.Errorf("%s: market %s state: %v", c.Name, m.MarketID, err)
		}
		client.Close()
	}
	req, err := http.NewRequest(http.MethodGet, d.APIURL+"/v1/chains", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", "http://localhost:5173")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Access-Control-Allow-Origin"); got != "http://localhost:5173" {
		t.Errorf("a local frontend's request: Access-Control-Allow-Origin %q, want its origin", got)
	}
}

// checkRevisions checks that the emulator's revisions reach every chain, as a real
// node's do: a chain's oracle is seen holding a height and then the same height with a
// newer loss height, and the API then answers the version the chain holds.
func checkRevisions(ctx context.Context, t *testing.T, d *devnet.Devnet, topic uint64) {
	t.Helper()
	for _, c := range d.Chains {
		// A revision is on the oracle when its pushes stored one height of the topic twice,
		// the second time with a later loss height.
		var first, revised oracle.Update
		testsupport.WaitForSeen(t, 60*time.Second, fmt.Sprintf("a revision of topic %d stored on %s", topic, c.Name), func() (bool, string) {
			pushes, err := d.Store.Pushes(ctx, c.ID, 1000)
			if err != nil {
				return false, err.Error()
			}
			seen := map[uint64]oracle.Update{}          // the first stored, by height
			for _, p := range slices.Backward(pushes) { // oldest first
				for _, u := range p.Updates {
					if u.TopicID != topic {
						continue
					}
					if f, ok := seen[u.BlockHeight]; !ok {
						seen[u.BlockHeight] = u
					} else if u.LossBlockHeight > f.LossBlockHeight {
						first, revised = f, u
						return true, ""
					}
				}
			}
			return false, fmt.Sprintf("%d pushes, heights stored once each: %d", len(pushes), len(seen))
		})
		t.Logf("%s: topic %d height %d revised on the oracle to loss height %d (first %d)", c.Name, topic,
			revised.BlockHeight, revised.LossBlockHeight, first.LossBlockHeight)
	}
	// The API serves the (height, loss height) a chain holds: as its latest, or, while
	// the chain trails the API by a push or two, as the entry of that height in its
	// history. A revised entry replaces the height's first, so the two agree once the
	// chain holds the revision the API last read of that height.
	testsupport.WaitForSeen(t, 30*time.Second, fmt.Sprintf("the API serves the version of topic %d %s holds", topic, d.Chains[0].Name), func() (bool, string) {
		states, err := d.Chains[0].Writer().TopicStates(ctx, []uint64{topic})
		if err != nil {
			t.Fatal(err)
		}
		held := states[0]
		var latest inferenceResponse
		getJSON(t, fmt.Sprintf("%s/v1/topics/%d/inference", d.APIURL, topic), &latest)
		var history struct {
			Inferences []inferenceResponse `json:"inferences"`
		}
		getJSON(t, fmt.Sprintf("%s/v1/topics/%d/history?limit=100", d.APIURL, topic), &history)
		for _, api := range append([]inferenceResponse{latest}, history.Inferences...) {
			if api.BlockHeight == held.BlockHeight {
				return api.LossHeight == held.LossBlockHeight && api.LossHeight != 0,
					fmt.Sprintf("API (%d, %d) at the chain's height, latest (%d, %d); %s (%d, %d)", api.BlockHeight, api.LossHeight,
						latest.BlockHeight, latest.LossHeight, d.Chains[0].Name, held.BlockHeight, held.LossBlockHeight)
			}
		}
		return false, fmt.Sprintf("API latest (%d, %d), %d history entries, none of %s's height (%d, %d)", latest.BlockHeight, latest.LossHeight,
			len(history.Inferences), d.Chains[0].Name, held.BlockHeight, held.LossBlockHeight)
	})
}

// checkFeeds checks that every topic's AlloraFeed answers latestRoundData with what
// latest(topicId) holds, and that its round id moves up with the next push.
func checkFeeds(ctx context.Context, t *testing.T, c *devnet.Chain, client *ethclient.Client, topics []emulator.TopicConfig) {
	t.Helper()
	if len(c.Feeds) != len(topics) {
		t.Fatalf("%s: %d feeds, want one per topic (%d)", c.Name, len(c.Feeds), len(topics))
	}
	for _, topic := range topics {
		feed, ok := c.Feeds[topic.ID]
		if !ok {
			t.Fatalf("%s: no feed for topic %d", c.Name, topic.ID)
		}
		// Pushes keep coming: compare reads until a pair falls between two pushes.
		var first evm.FeedRound
		var height uint64
		agreed := false
		for try := 0; try < 50 && !agreed; try++ {
			latest, err := c.Writer().Latest(ctx, topic.ID)
			if err != nil {
				t.Fatal(err)
			}
			if first, err = evm.LatestRoundData(ctx, client, feed); err != nil {
				t.Fatalf("%s: latestRoundData of the topic %d feed: %v", c.Name, topic.ID, err)
			}
			height = latest.BlockHeight
			agreed = first.Answer.Cmp(latest.Value) == 0 && first.UpdatedAt == latest.Timestamp && first.RoundID.Sign() > 0
			if !agreed {
				time.Sleep(50 * time.Millisecond)
			}
		}
		if !agreed {
			t.Errorf("%s topic %d: the feed's latestRoundData never agreed with latest(): %+v", c.Name, topic.ID, first)
			continue
		}
		if topic.ID != devnet.MarketTopic {
			continue
		}
		// After the next push the feed answers a newer round.
		deadline := time.Now().Add(20 * time.Second)
		for {
			latest, err := c.Writer().Latest(ctx, topic.ID)
			if err != nil {
				t.Fatal(err)
			}
			if latest.BlockHeight > height {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: topic %d not pushed again within 20s", c.Name, topic.ID)
			}
			time.Sleep(100 * time.Millisecond)
		}
		second, err := evm.LatestRoundData(ctx, client, feed)
		if err != nil {
			t.Fatal(err)
		}
		if second.RoundID.Cmp(first.RoundID) <= 0 {
			t.Errorf("%s topic %d: round id %s after a push, was %s; want it to increase", c.Name, topic.ID, second.RoundID, first.RoundID)
		}
		// Devnet keeps history on: a Chainlink consumer walks back one round.
		prevID := new(big.Int).Sub(second.RoundID, big.NewInt(1))
		prev, err := evm.RoundData(ctx, client, feed, prevID)
		if err != nil {
			t.Errorf("%s topic %d: getRoundData(latestRound - 1): %v", c.Name, topic.ID, err)
		} else if prev.RoundID.Cmp(prevID) != 0 || prev.UpdatedAt > second.UpdatedAt {
			t.Errorf("%s topic %d: round before %s is %+v", c.Name, topic.ID, second.RoundID, prev)
		}
	}
}

// checkMarket waits until the chain's market has run past round 3, then checks a
// decided round: its lock and close prices, the AI's call and the outcome agree.
func checkMarket(ctx context.Context, t *testing.T, apiURL string, c *devnet.Chain, client *ethclient.Client) {
	t.Helper()
	m, err := evm.NewMarket(ctx, keeper.MarketInfo{ChainID: c.ID, ChainName: c.Name, Address: c.Market}, client, devchain.DevKey(9))
	if err != nil {
		t.Fatal(err)
	}
	// Past round 3, and on until a round before the current two was decided: a keeper
	// starved of CPU may let a round's buffer pass, and that round is refunded (void).
	var s keeper.State
	testsupport.WaitForSeen(t, 150*time.Second, c.Name+" market past round 3 with a decided round behind it", func() (bool, string) {
		if s, err = m.State(ctx); err != nil {
			t.Fatal(err)
		}
		if s.Epoch <= 3 {
			return false, fmt.Sprintf("at round %d", s.Epoch)
		}
		for epoch := uint64(1); epoch+1 < s.Epoch; epoch++ {
			r, err := m.Round(ctx, epoch)
			if err != nil {
				t.Fatal(err)
			}
			if st := keeper.Status(r.Status); st == keeper.StatusAIRight || st == keeper.StatusAIWrong {
				return true, ""
			}
		}
		return false, fmt.Sprintf("at round %d, every earlier round void", s.Epoch)
	})
	t.Logf("%s: round %d at block %d", c.Name, s.Epoch, s.BlockNumber)
	unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(18-m.PriceDecimals())), nil)
	decided := 0
	for epoch := uint64(1); epoch+1 < s.Epoch; epoch++ {
		r, err := m.Round(ctx, epoch)
		if err != nil {
			t.Fatal(err)
		}
		status := keeper.Status(r.Status)
		if status != keeper.StatusAIRight && status != keeper.StatusAIWrong {
			t.Logf("%s round %d: %s (%s)", c.Name, epoch, status, keeper.VoidReason(r.VoidReason))
			continue
		}
		decided++
		call := keeper.AICall(r.AiCall)
		if r.LockPrice.Sign() <= 0 || r.ClosePrice.Sign() <= 0 || r.AiPrediction.Sign() <= 0 || (call != keeper.Up && call != keeper.Down) {
			t.Errorf("%s round %d decided without prices or a call: %+v", c.Name, epoch, r)
			continue
		}
		lockIn18 := new(big.Int).Mul(r.LockPrice, unit)
		if wantUp := r.AiPrediction.Cmp(lockIn18) > 0; wantUp != (call == keeper.Up) {
			t.Errorf("%s round %d: prediction %s against lock price %s, call %s", c.Name, epoch, r.AiPrediction, r.LockPrice, call)
		}
		if right := (r.ClosePrice.Cmp(r.LockPrice) > 0) == (call == keeper.Up); right != (status == keeper.StatusAIRight) {
			t.Errorf("%s round %d: locked at %s, closed at %s, AI said %s, outcome %s", c.Name, epoch, r.LockPrice, r.ClosePrice, call, status)
		}
		checkAPIRound(t, apiURL, c, epoch, status, decimal.NewFromBigInt(r.LockPrice, -int32(m.PriceDecimals())).String())
	}
	if decided == 0 {
		t.Errorf("%s: no round among the first %d was decided", c.Name, s.Epoch-2)
	}
}

// checkAPIRound checks that the API shows a decided round as the chain holds it: the
// devnet's recorder writes it soon after the keeper's call.
func checkAPIRound(t *testing.T, apiURL string, c *devnet.Chain, epoch uint64, status keeper.Status, lockPrice string) {
	t.Helper()
	want := map[keeper.Status]string{keeper.StatusAIRight: "ai_right", keeper.StatusAIWrong: "ai_wrong"}[status]
	url := fmt.Sprintf("%s/v1/markets/%d/%s/rounds/%d", apiURL, c.ID, c.Market.Hex(), epoch)
	var got struct {
		Status    string `json:"status"`
		Outcome   string `json:"outcome"`
		LockPrice string `json:"lock_price"`
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		res, err := http.Get(url)
		if err == nil {
			if res.StatusCode == http.StatusOK {
				err = json.NewDecoder(res.Body).Decode(&got)
			}
			res.Body.Close()
		}
		if err == nil && got.Outcome == want {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("GET %s: %+v (%v), want closed with outcome %s", url, got, err, want)
			return
		}
	}
	if got.Status != "closed" || got.LockPrice != lockPrice {
		t.Errorf("GET %s: %+v, want closed, locked at %s", url, got, lockPrice)
	}
}

func allPushed(resp chainsResponse, want map[uint64]string, topics int) bool {
	if len(resp.Chains) != len(want) {
		return false
	}
	for _, c := range resp.Chains {
		if want[c.ChainID] != c.Name || len(c.Topics) != topics {
			return false
		}
		for _, tp := range c.Topics {
			if tp.BlockHeight == 0 || tp.LastPush == "" {
				return false
			}
		}
	}
	return true
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var body bytes.Buffer
		_, _ = body.ReadFrom(resp.Body)
		t.Fatalf("GET %s: %s: %s", url, resp.Status, body.String())
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: decode: %v", url, err)
	}
}

// With --redis, devnet keeps its state in Redis: the API answers from it and a second
// reader of the same keys sees the pushes.
func TestDevnetKeepsStateInRedis(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	prefix := fmt.Sprintf("allora-gateway-test-devnet-%d", time.Now().UnixNano())
	chains := devnet.DefaultChains()[:1]
	chains[0].Port = -1
	d, err := devnet.Start(ctx, devnet.Config{
		APIPort: -1, AlloraPort: -1, Chains: chains,
		BlockTime: 250 * time.Millisecond, AlloraBlockTime: 250 * time.Millisecond, PollInterval: 100 * time.Millisecond,
		RedisURL: "redis://127.0.0.1:6379/0", RedisPrefix: prefix,
	})
	if err != nil {
		t.Fatalf("start devnet with redis: %v", err)
	}
	defer func() {
		cancel()
		if err := d.Wait(); err != nil {
			t.Errorf("devnet stopped with: %v", err)
		}
		// Leave nothing behind in the shared Redis.
		rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
		defer rc.Close()
		iter := rc.Scan(context.Background(), 0, prefix+"*", 100).Iterator()
		for iter.Next(context.Background()) {
			rc.Del(context.Background(), iter.Val())
		}
	}()

	reader, closeReader, err := store.DialRedis(ctx, "redis://127.0.0.1:6379/0", prefix)
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	deadline := time.Now().Add(60 * time.Second)
	for {
		pushes, err := reader.Pushes(ctx, 56, 10)
		if err != nil {
			t.Fatal(err)
		}
		var resp chainsResponse
		getJSON(t, d.APIURL+"/v1/chains", &resp)
		if len(pushes) > 0 && len(resp.Chains) == 1 && resp.Chains[0].Topics[0].BlockHeight > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no push reached Redis within 60s: pushes %v, chains %+v", pushes, resp)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
