package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
)

// nativeDecimals are the decimals of BNB, S and ETH, the chains' native coins.
const nativeDecimals = 18

// marketWant is a configured market as the chain should hold it.
type marketWant struct {
	name   string
	params evm.MarketParams
}

// planMarkets turns the chain's configured markets into constructor arguments. An
// ERC-20 stake token's decimals are read from the chain, to scale min_bet.
func planMarkets(ctx context.Context, client evm.Backend, ch config.Chain, oracleAddr, owner common.Address) ([]marketWant, error) {
	var out []marketWant
	for i, m := range ch.Markets {
		if m.Address != "" {
			continue // deployed elsewhere: the keeper executes it, deploy leaves it be
		}
		at := fmt.Sprintf("chains[%s].markets[%d] (%s)", ch.Name, i, m.Name)
		feed, err := ch.PriceFeedAddress(m)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		decimals := uint8(nativeDecimals)
		token := common.Address{}
		if m.StakeToken != "" {
			token = common.HexToAddress(m.StakeToken)
			if decimals, err = erc20Decimals(ctx, client, token); err != nil {
				return nil, fmt.Errorf("%s: stake_token %s: %w", at, token.Hex(), err)
			}
		}
		minBet, err := config.TokenAmount(m.MinBet, decimals)
		if err != nil {
			return nil, fmt.Errorf("%s: min_bet: %w", at, err)
		}
		treasury := owner
		if m.Treasury != "" {
			treasury = common.HexToAddress(m.Treasury)
		}
		out = append(out, marketWant{name: m.Name, params: evm.MarketParams{
			Oracle: oracleAddr, TopicID: m.Topic, PriceFeed: common.HexToAddress(feed), StakeToken: token,
			Interval: m.Interval.Duration, Buffer: m.Buffer.Duration, FeeBps: m.FeeBps, MinBet: minBet,
			MaxPriceAge: m.MaxPriceAge.Duration, MaxPredictionAge: m.MaxPredictionAge.Duration,
			Owner: owner, Treasury: treasury,
		}})
	}
	return out, nil
}

// erc20Decimals calls decimals() on an ERC-20 token.
func erc20Decimals(ctx context.Context, client evm.Backend, token common.Address) (uint8, error) {
	code, err := client.CodeAt(ctx, token, nil)
	if err != nil {
		return 0, fmt.Errorf("read its code: %w", err)
	}
	if len(code) == 0 {
		return 0, errors.New("no contract at that address on this chain")
	}
	out, err := client.CallContract(ctx, ethereum.CallMsg{To: &token, Data: common.FromHex("0x313ce567")}, nil)
	if err != nil {
		return 0, fmt.Errorf("call decimals(): %w", err)
	}
	if len(out) != 32 || new(big.Int).SetBytes(out).Cmp(big.NewInt(255)) > 0 {
		return 0, fmt.Errorf("decimals() answered %x, not an ERC-20's decimals", out)
	}
	return out[31], nil
}

// deployMarkets keeps each configured market the addresses file names and the chain
// holds as configured, deploys the others, and records both in d. It returns how many
// it deployed.
func deployMarkets(ctx context.Context, ch *evm.Chain, key oracle.Signer, wants []marketWant, prev config.Deployment,
	d *config.Deployment, out io.Writer,
) (deployed int, err error) {
	var missing []marketWant
	for _, w := range wants {
		if prevAddr, ok := prev.Markets[w.name]; ok {
			a := common.HexToAddress(prevAddr)
			if why := checkMarket(ctx, ch.Backend(), a, w.params); why != "" {
				fmt.Fprintf(out, "PredictionMarket %q at %s not kept: %s\n", w.name, a.Hex(), why)
			} else {
				d.Markets[w.name], d.Txs.Markets[w.name] = a.Hex(), prev.Txs.Markets[w.name]
				fmt.Fprintf(out, "PredictionMarket %q found at %s: kept\n", w.name, a.Hex())
				continue
			}
		}
		missing = append(missing, w)
	}
	if len(missing) == 0 {
		return 0, nil
	}
	params := make([]evm.MarketParams, len(missing))
	for i, m := range missing {
		params[i] = m.params
		stake := "native coin"
		if m.params.StakeToken != (common.Address{}) {
			stake = "ERC-20 " + m.params.StakeToken.Hex()
		}
		fmt.Fprintf(out, "deploying PredictionMarket %q (topic %d, price feed %s, interval %s, buffer %s, fee %d bps, min bet %s base units of the %s) …\n",
			m.name, m.params.TopicID, m.params.PriceFeed.Hex(), m.params.Interval, m.params.Buffer, m.params.FeeBps, m.params.MinBet, stake)
	}
	addrs, receipts, err := ch.DeployMarkets(ctx, key, params)
	if err != nil {
		return 0, err
	}
	for i, m := range missing {
		d.Markets[m.name], d.Txs.Markets[m.name] = addrs[i].Hex(), receipts[i].TxHash.Hex()
		fmt.Fprintf(out, "PredictionMarket %q: tx %s mined in block %d: %s\n", m.name, receipts[i].TxHash.Hex(), receipts[i].BlockNumber, addrs[i].Hex())
	}
	return len(missing), nil
}

// checkMarket returns why the contract at a is not the market p describes, or "".
// Every setting is compared, those its owner may change included: a market whose fee
// or timing was changed is not the one the config describes.
func checkMarket(ctx context.Context, client evm.Backend, a common.Address, p evm.MarketParams) string {
	code, err := client.CodeAt(ctx, a, nil)
	if err != nil {
		return fmt.Sprintf("read its code: %v", err)
	}
	if len(code) == 0 {
		return "no code at that address on this chain"
	}
	c := predictionmarket.NewPredictionMarket()
	inst := c.Instance(client, a)
	opts := &bind.CallOpts{Context: ctx}
	addrs := []struct {
		name   string
		data   []byte
		unpack func([]byte) (common.Address, error)
		want   common.Address
	}{
		{"oracle", c.PackOracle(), c.UnpackOracle, p.Oracle},
		{"priceFeed", c.PackPriceFeed(), c.UnpackPriceFeed, p.PriceFeed},
		{"stakeToken", c.PackStakeToken(), c.UnpackStakeToken, p.StakeToken},
	}
	for _, f := range addrs {
		got, err := bind.Call(inst, opts, f.data, f.unpack)
		if err != nil {
			return fmt.Sprintf("call %s(): %v", f.name, err)
		}
		if got != f.want {
			return fmt.Sprintf("its %s is %s, want %s", f.name, got.Hex(), f.want.Hex())
		}
	}
	topic, err := bind.Call(inst, opts, c.PackTopicId(), c.UnpackTopicId)
	if err != nil {
		return fmt.Sprintf("call topicId(): %v", err)
	}
	if topic != p.TopicID {
		return fmt.Sprintf("it is a market on topic %d, want %d", topic, p.TopicID)
	}
	secs := func(d time.Duration) *big.Int { return big.NewInt(int64(d / time.Second)) }
	nums := []struct {
		name   string
		data   []byte
		unpack func([]byte) (*big.Int, error)
		want   *big.Int
	}{
		{"intervalSeconds", c.PackIntervalSeconds(), c.UnpackIntervalSeconds, secs(p.Interval)},
		{"bufferSeconds", c.PackBufferSeconds(), c.UnpackBufferSeconds, secs(p.Buffer)},
		{"treasuryFeeBps", c.PackTreasuryFeeBps(), c.UnpackTreasuryFeeBps, big.NewInt(int64(p.FeeBps))},
		{"minBetAmount", c.PackMinBetAmount(), c.UnpackMinBetAmount, p.MinBet},
		{"maxPriceAge", c.PackMaxPriceAge(), c.UnpackMaxPriceAge, secs(p.MaxPriceAge)},
		{"maxPredictionAge", c.PackMaxPredictionAge(), c.UnpackMaxPredictionAge, secs(p.MaxPredictionAge)},
	}
	for _, f := range nums {
		got, err := bind.Call(inst, opts, f.data, f.unpack)
		if err != nil {
			return fmt.Sprintf("call %s(): %v", f.name, err)
		}
		if got.Cmp(f.want) != 0 {
			return fmt.Sprintf("its %s is %s, want %s", f.name, got, f.want)
		}
	}
	return ""
}
