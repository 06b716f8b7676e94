// Package marketsim runs a PredictionMarket on an in-process chain (go-ethereum's
// simulated backend) the way a real deployment runs: an AlloraOracle fed by signed
// batches, a MockAggregator price feed and a native-stake market, with block time moved
// to each round's lock. The binding tests and the gas measurements both drive it, so they
// measure the same thing they test.
package marketsim

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/bindings/mockaggregator"
	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/oracle"
)

// The market's parameters. The feed speaks 8 decimals like Chainlink's USD feeds; the
// oracle 18.
const (
	TopicID          = 13
	IntervalSeconds  = 300
	BufferSeconds    = 60
	TreasuryFeeBps   = 300
	MaxPriceAge      = 600
	MaxPredictionAge = 3600
	FeedDecimals     = 8

	oracleMaxAge        = 3600
	oracleMaxFutureSkew = 300
)

var (
	// Ether is 10^18 wei.
	Ether = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	// MinBet is the market's smallest bet, 0.001 of the native coin.
	MinBet = new(big.Int).Div(Ether, big.NewInt(1000))
	// feedUnit is one dollar in feed units.
	feedUnit = big.NewInt(100_000_000)
)

// ErrReverted means a transaction was mined but failed.
var ErrReverted = errors.New("transaction reverted")

// Chain is an AlloraOracle, a MockAggregator and a PredictionMarket deployed on a
// simulated chain, with funded accounts.
type Chain struct {
	Backend *simulated.Backend
	Client  simulated.Client
	ChainID *big.Int

	// Owner deployed everything and owns the oracle and the market.
	Owner *bind.TransactOpts
	// Bettors are funded accounts for bets; Keeper executes rounds.
	Bettors []*bind.TransactOpts
	Keeper  *bind.TransactOpts
	// Treasury receives the market's fees.
	Treasury common.Address

	Oracle       *alloraoracle.AlloraOracle
	OracleAddr   common.Address
	Feed         *mockaggregator.MockAggregator
	FeedAddr     common.Address
	Market       *predictionmarket.PredictionMarket
	MarketAddr   common.Address
	oracleC      *bind.BoundContract
	feedC        *bind.BoundContract
	marketC      *bind.BoundContract
	oracleKey    oracle.Signer
	alloraHeight uint64
	ctx          context.Context
}

// Key derives a fixed private key from a name, so runs reproduce.
func Key(name string) *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("marketsim key: " + name)))
	if err != nil {
		panic(err)
	}
	return key
}

// Deploy starts a simulated chain with nBettors funded bettors and deploys the oracle
// (one signer, threshold one), the feed at $3000 and the market. The chain is closed
// when ctx's caller closes Backend.
func Deploy(ctx context.Context, nBettors int) (*Chain, error) {
	ownerKey, keeperKey, signerKey := Key("owner"), Key("keeper"), Key("oracle signer")
	funds := new(big.Int).Mul(big.NewInt(1_000_000), Ether)
	alloc := types.GenesisAlloc{
		crypto.PubkeyToAddress(ownerKey.PublicKey):  {Balance: funds},
		crypto.PubkeyToAddress(keeperKey.PublicKey): {Balance: funds},
	}
	bettorKeys := make([]*ecdsa.PrivateKey, nBettors)
	for i := range bettorKeys {
		bettorKeys[i] = Key(fmt.Sprintf("bettor %d", i))
		alloc[crypto.PubkeyToAddress(bettorKeys[i].PublicKey)] = types.Account{Balance: funds}
	}
	backend := simulated.NewBackend(alloc, withDeployedForks)
	c := &Chain{Backend: backend, Client: backend.Client(), ctx: ctx, Treasury: common.HexToAddress("0x7EA5")}
	fail := func(err error) (*Chain, error) {
		_ = backend.Close()
		return nil, err
	}
	id, err := c.Client.ChainID(ctx)
	if err != nil {
		return fail(fmt.Errorf("read chain id: %w", err))
	}
	c.ChainID = id
	opts := func(k *ecdsa.PrivateKey) *bind.TransactOpts {
		o := bind.NewKeyedTransactor(k, id)
		o.Context = ctx
		return o
	}
	c.Owner, c.Keeper = opts(ownerKey), opts(keeperKey)
	for _, k := range bettorKeys {
		c.Bettors = append(c.Bettors, opts(k))
	}
	c.oracleKey = oracle.NewKeySigner(signerKey)

	c.Oracle = alloraoracle.NewAlloraOracle()
	c.OracleAddr, err = c.deploy(alloraoracle.AlloraOracleMetaData.Bin, c.Oracle.PackConstructor(
		c.Owner.From, []common.Address{c.oracleKey.Address()}, 1, oracleMaxAge, oracleMaxFutureSkew))
	if err != nil {
		return fail(fmt.Errorf("deploy AlloraOracle: %w", err))
	}
	c.Feed = mockaggregator.NewMockAggregator()
	c.FeedAddr, err = c.deploy(mockaggregator.MockAggregatorMetaData.Bin,
		c.Feed.PackConstructor(FeedDecimals, "ETH / USD", Dollars(3000)))
	if err != nil {
		return fail(fmt.Errorf("deploy MockAggregator: %w", err))
	}
	c.Market = predictionmarket.NewPredictionMarket()
	c.MarketAddr, err = c.deploy(predictionmarket.PredictionMarketMetaData.Bin, c.Market.PackConstructor(
		c.OracleAddr, TopicID, c.FeedAddr, common.Address{}, IntervalSeconds, BufferSeconds, TreasuryFeeBps,
		MinBet, MaxPriceAge, MaxPredictionAge, c.Owner.From, c.Treasury))
	if err != nil {
		return fail(fmt.Errorf("deploy PredictionMarket: %w", err))
	}
	c.oracleC = c.Oracle.Instance(c.Client, c.OracleAddr)
	c.feedC = c.Feed.Instance(c.Client, c.FeedAddr)
	c.marketC = c.Market.Instance(c.Client, c.MarketAddr)
	return c, nil
}

// withDeployedForks runs the simulated chain under the rules the target chains run
// (Cancun to Osaka, which price storage alike). go-ethereum's simulated backend enables
// every fork it knows by default, Amsterdam and Bogota included, whose state-gas metering
// (EIP-8037/8038) charges several times more for new storage slots: gas measured there
// would not be what users pay.
func withDeployedForks(_ *node.Config, ec *ethconfig.Config) {
	cfg := *ec.Genesis.Config
	cfg.AmsterdamTime = nil
	cfg.BogotaTime = nil
	ec.Genesis.Config = &cfg
}

func (c *Chain) deploy(bin string, input []byte) (common.Address, error) {
	addr, tx, err := bind.DeployContract(c.Owner, common.FromHex(bin), c.Client, input)
	if err != nil {
		return common.Address{}, err
	}
	c.Backend.Commit()
	if _, err := bind.WaitDeployed(c.ctx, c.Client, tx.Hash()); err != nil {
		return common.Address{}, err
	}
	return addr, nil
}

// Dollars is a price of whole dollars in feed units.
func Dollars(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), feedUnit) }

// OracleDollars is a price of whole dollars in the oracle's 18 decimals.
func OracleDollars(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), Ether) }

// MarketContract is the market bound to the chain, for bind.Call with the binding's
// Pack and Unpack methods.
func (c *Chain) MarketContract() *bind.BoundContract { return c.marketC }

// send transacts data to contract from `from` with value (nil for none), mines it and
// returns the receipt. A call the contract rejects fails at gas estimation with its
// revert data in the error; a mined failure returns ErrReverted.
func (c *Chain) send(from *bind.TransactOpts, contract *bind.BoundContract, data []byte, value *big.Int) (*types.Receipt, error) {
	opts := *from
	opts.Value = value
	tx, err := bind.Transact(contract, &opts, data)
	if err != nil {
		return nil, err
	}
	c.Backend.Commit()
	receipt, err := bind.WaitMined(c.ctx, c.Client, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("wait for transaction %s: %w", tx.Hash(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("%w: %s", ErrReverted, tx.Hash())
	}
	return receipt, nil
}

// Now is the time of the latest block.
func (c *Chain) Now() (uint64, error) {
	head, err := c.Client.HeaderByNumber(c.ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("read latest header: %w", err)
	}
	return head.Time, nil
}

// AdvanceTo makes the next mined block carry time ts (or later, if the chain is already
// past it): the simulated chain stamps a block one second after its parent when the wall
// clock is behind, so an empty block is sealed at ts-1.
func (c *Chain) AdvanceTo(ts uint64) error {
	now, err := c.Now()
	if err != nil {
		return err
	}
	if now+1 >= ts {
		return nil
	}
	// The transaction pool drops a mined transaction from its pending set on a goroutine
	// of its own after the block; until it has, AdjustTime refuses ("non-empty block").
	var adjustErr error
	for range 200 {
		if adjustErr = c.Backend.AdjustTime(time.Duration(ts-1-now) * time.Second); adjustErr == nil {
			return nil
		}
		select {
		case <-c.ctx.Done():
			return c.ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
	return fmt.Errorf("adjust simulated time: %w", adjustErr)
}

// SetPrice writes a new feed round with answer, stamped with the block time.
func (c *Chain) SetPrice(answer *big.Int) (*types.Receipt, error) {
	r, err := c.send(c.Owner, c.feedC, c.Feed.PackSetAnswer(answer), nil)
	if err != nil {
		return nil, fmt.Errorf("set feed answer: %w", err)
	}
	return r, nil
}

// PublishPrediction pushes value as the topic's next inference through a signed batch,
// stamped with the latest block time and the next Allora block height.
func (c *Chain) PublishPrediction(value *big.Int) (*types.Receipt, error) {
	now, err := c.Now()
	if err != nil {
		return nil, err
	}
	c.alloraHeight++
	u := oracle.Update{TopicID: TopicID, Value: value, BlockHeight: c.alloraHeight, Timestamp: now}
	sigs, err := oracle.SignBatch(c.ctx, oracle.NewDomain(c.ChainID, c.OracleAddr), []oracle.Update{u}, []oracle.Signer{c.oracleKey})
	if err != nil {
		return nil, fmt.Errorf("sign prediction batch: %w", err)
	}
	compact, err := alloraoracle.CompactSignatures(sigs)
	if err != nil {
		return nil, err
	}
	batch := []alloraoracle.Update{{
		TopicId: u.TopicID, Value: u.Value, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, Timestamp: u.Timestamp,
	}}
	r, err := c.send(c.Keeper, c.oracleC, c.Oracle.PackUpdateBatch(batch, compact), nil)
	if err != nil {
		return nil, fmt.Errorf("submit prediction batch: %w", err)
	}
	return r, nil
}

// Bet bets amount of the native coin from `from` in round epoch, with or against the AI.
func (c *Chain) Bet(from *bind.TransactOpts, epoch uint64, withAI bool, amount *big.Int) (*types.Receipt, error) {
	e := new(big.Int).SetUint64(epoch)
	data := c.Market.PackBetAgainstAI(e, amount)
	if withAI {
		data = c.Market.PackBetWithAI(e, amount)
	}
	r, err := c.send(from, c.marketC, data, amount)
	if err != nil {
		return nil, fmt.Errorf("bet in round %d: %w", epoch, err)
	}
	return r, nil
}

// Claim claims the given rounds for `from`.
func (c *Chain) Claim(from *bind.TransactOpts, epochs ...uint64) (*types.Receipt, error) {
	list := make([]*big.Int, len(epochs))
	for i, e := range epochs {
		list[i] = new(big.Int).SetUint64(e)
	}
	r, err := c.send(from, c.marketC, c.Market.PackClaim(list), nil)
	if err != nil {
		return nil, fmt.Errorf("claim rounds %v: %w", epochs, err)
	}
	return r, nil
}

// GenesisStart opens the first round; it takes bets once a prediction was published
// (PublishPrediction) before it.
func (c *Chain) GenesisStart() (*types.Receipt, error) {
	r, err := c.send(c.Keeper, c.marketC, c.Market.PackGenesisStart(), nil)
	if err != nil {
		return nil, fmt.Errorf("genesisStart: %w", err)
	}
	return r, nil
}

// NextRound moves time to the current round's lock, publishes price and prediction just
// before it, and runs genesisLock or executeRound, whichever is due: the price locks the
// current round (and closes the previous one), the prediction is the one in force when
// the next round starts, at this lock time. It returns the execution's receipt.
func (c *Chain) NextRound(price, prediction *big.Int) (*types.Receipt, error) {
	current, err := c.CurrentEpoch()
	if err != nil {
		return nil, err
	}
	round, err := c.Round(current)
	if err != nil {
		return nil, err
	}
	// Price and prediction land just before the lock and the execution one second after
	// it: gas estimation runs against the latest block's time, which must have reached
	// the lock.
	if err := c.AdvanceTo(round.LockTimestamp.Uint64() - 2); err != nil {
		return nil, err
	}
	if _, err := c.SetPrice(price); err != nil {
		return nil, err
	}
	if _, err := c.PublishPrediction(prediction); err != nil {
		return nil, err
	}
	if err := c.AdvanceTo(round.LockTimestamp.Uint64() + 1); err != nil {
		return nil, err
	}
	locked, err := bind.Call(c.marketC, c.callOpts(), c.Market.PackGenesisLocked(), c.Market.UnpackGenesisLocked)
	if err != nil {
		return nil, fmt.Errorf("read genesisLocked: %w", err)
	}
	// The price set above is the feed's latest round, the one in force at the lock time.
	priceRound, err := bind.Call(c.feedC, c.callOpts(), c.Feed.PackLatestRound(), c.Feed.UnpackLatestRound)
	if err != nil {
		return nil, fmt.Errorf("read the feed's latest round: %w", err)
	}
	data, name := c.Market.PackExecuteRound(priceRound), "executeRound"
	if !locked {
		data, name = c.Market.PackGenesisLock(priceRound), "genesisLock"
	}
	r, err := c.send(c.Keeper, c.marketC, data, nil)
	if err != nil {
		return nil, fmt.Errorf("%s of round %d: %w", name, current, err)
	}
	return r, nil
}

func (c *Chain) callOpts() *bind.CallOpts { return &bind.CallOpts{Context: c.ctx} }

// CurrentEpoch is the market's current round.
func (c *Chain) CurrentEpoch() (uint64, error) {
	e, err := bind.Call(c.marketC, c.callOpts(), c.Market.PackCurrentEpoch(), c.Market.UnpackCurrentEpoch)
	if err != nil {
		return 0, fmt.Errorf("read currentEpoch: %w", err)
	}
	return e.Uint64(), nil
}

// Round reads round epoch.
func (c *Chain) Round(epoch uint64) (predictionmarket.Round, error) {
	r, err := bind.Call(c.marketC, c.callOpts(), c.Market.PackRounds(new(big.Int).SetUint64(epoch)), c.Market.UnpackRounds)
	if err != nil {
		return r, fmt.Errorf("read round %d: %w", epoch, err)
	}
	return r, nil
}

// Payout is what claiming round epoch would pay account now.
func (c *Chain) Payout(epoch uint64, account common.Address) (*big.Int, error) {
	p, err := bind.Call(c.marketC, c.callOpts(), c.Market.PackPayout(new(big.Int).SetUint64(epoch), account), c.Market.UnpackPayout)
	if err != nil {
		return nil, fmt.Errorf("read payout of round %d: %w", epoch, err)
	}
	return p, nil
}
