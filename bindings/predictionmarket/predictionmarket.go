// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package predictionmarket

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// Bet is an auto generated low-level Go binding around an user-defined struct.
type Bet struct {
	Amount   *big.Int
	Position uint8
	Claimed  bool
}

// Round is an auto generated low-level Go binding around an user-defined struct.
type Round struct {
	StartTimestamp      *big.Int
	LockTimestamp       *big.Int
	CloseTimestamp      *big.Int
	PredictionTimestamp *big.Int
	BufferSeconds       uint32
	FeeBps              uint16
	Status              uint8
	AiCall              uint8
	VoidReason          uint8
	WithAIAmount        *big.Int
	AgainstAIAmount     *big.Int
	LockPrice           *big.Int
	AiPrediction        *big.Int
	ClosePrice          *big.Int
}

// PredictionMarketMetaData contains all meta data concerning the PredictionMarket contract.
var PredictionMarketMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"oracle_\",\"type\":\"address\",\"internalType\":\"contractIAlloraOracleReader\"},{\"name\":\"topicId_\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"priceFeed_\",\"type\":\"address\",\"internalType\":\"contractAggregatorV3Interface\"},{\"name\":\"stakeToken_\",\"type\":\"address\",\"internalType\":\"contractIERC20\"},{\"name\":\"intervalSeconds_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"bufferSeconds_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"treasuryFeeBps_\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"minBetAmount_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxPriceAge_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxPredictionAge_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"owner_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"treasury_\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_BET_AMOUNT\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_INTERVAL_SECONDS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_PREDICTION_LOOKBACK\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_STALENESS_SECONDS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_TREASURY_FEE_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MIN_BUFFER_SECONDS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MIN_INTERVAL_SECONDS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"PREDICTION_DECIMALS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"acceptOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"betAgainstAI\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"payable\"},{\"type\":\"function\",\"name\":\"betWithAI\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"payable\"},{\"type\":\"function\",\"name\":\"bufferSeconds\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claim\",\"inputs\":[{\"name\":\"epochs\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimTreasury\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimable\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"currentEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"executeRound\",\"inputs\":[{\"name\":\"priceRoundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"genesisLock\",\"inputs\":[{\"name\":\"priceRoundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"genesisLocked\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"genesisStart\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"genesisStarted\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"intervalSeconds\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"ledger\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structBet\",\"components\":[{\"name\":\"amount\",\"type\":\"uint128\",\"internalType\":\"uint128\"},{\"name\":\"position\",\"type\":\"uint8\",\"internalType\":\"enumIPredictionMarket.Position\"},{\"name\":\"claimed\",\"type\":\"bool\",\"internalType\":\"bool\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxPredictionAge\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxPriceAge\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minBetAmount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"oracle\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAlloraOracleReader\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"owner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pause\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"paused\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"payout\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingOwner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"priceDecimals\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"priceFeed\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractAggregatorV3Interface\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"refundable\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"rounds\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structRound\",\"components\":[{\"name\":\"startTimestamp\",\"type\":\"uint40\",\"internalType\":\"uint40\"},{\"name\":\"lockTimestamp\",\"type\":\"uint40\",\"internalType\":\"uint40\"},{\"name\":\"closeTimestamp\",\"type\":\"uint40\",\"internalType\":\"uint40\"},{\"name\":\"predictionTimestamp\",\"type\":\"uint40\",\"internalType\":\"uint40\"},{\"name\":\"bufferSeconds\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIPredictionMarket.Status\"},{\"name\":\"aiCall\",\"type\":\"uint8\",\"internalType\":\"enumIPredictionMarket.AICall\"},{\"name\":\"voidReason\",\"type\":\"uint8\",\"internalType\":\"enumIPredictionMarket.VoidReason\"},{\"name\":\"withAIAmount\",\"type\":\"uint128\",\"internalType\":\"uint128\"},{\"name\":\"againstAIAmount\",\"type\":\"uint128\",\"internalType\":\"uint128\"},{\"name\":\"lockPrice\",\"type\":\"int128\",\"internalType\":\"int128\"},{\"name\":\"aiPrediction\",\"type\":\"int128\",\"internalType\":\"int128\"},{\"name\":\"closePrice\",\"type\":\"int128\",\"internalType\":\"int128\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setMaxAges\",\"inputs\":[{\"name\":\"maxPriceAge_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxPredictionAge_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setMinBetAmount\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setTiming\",\"inputs\":[{\"name\":\"intervalSeconds_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"bufferSeconds_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setTreasury\",\"inputs\":[{\"name\":\"treasury_\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setTreasuryFee\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"stakeToken\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"topicId\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"transferOwnership\",\"inputs\":[{\"name\":\"newOwner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"treasury\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"treasuryAmount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"treasuryFeeBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"unpause\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"BetPlaced\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"position\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIPredictionMarket.Position\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MaxAgesUpdated\",\"inputs\":[{\"name\":\"maxPriceAge\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"maxPredictionAge\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MinBetAmountUpdated\",\"inputs\":[{\"name\":\"minBetAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferStarted\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferred\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Paused\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Refunded\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoundEnded\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"priceRoundId\",\"type\":\"uint80\",\"indexed\":false,\"internalType\":\"uint80\"},{\"name\":\"closePrice\",\"type\":\"int256\",\"indexed\":false,\"internalType\":\"int256\"},{\"name\":\"status\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIPredictionMarket.Status\"},{\"name\":\"treasuryFee\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoundLocked\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"priceRoundId\",\"type\":\"uint80\",\"indexed\":false,\"internalType\":\"uint80\"},{\"name\":\"lockPrice\",\"type\":\"int256\",\"indexed\":false,\"internalType\":\"int256\"},{\"name\":\"aiPrediction\",\"type\":\"int256\",\"indexed\":false,\"internalType\":\"int256\"},{\"name\":\"aiCall\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIPredictionMarket.AICall\"},{\"name\":\"status\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIPredictionMarket.Status\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoundStarted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"startTimestamp\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"lockTimestamp\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"closeTimestamp\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"aiPrediction\",\"type\":\"int256\",\"indexed\":false,\"internalType\":\"int256\"},{\"name\":\"predictionTimestamp\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"predictionBlockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoundVoided\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIPredictionMarket.VoidReason\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TimingUpdated\",\"inputs\":[{\"name\":\"intervalSeconds\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"bufferSeconds\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TreasuryClaimed\",\"inputs\":[{\"name\":\"treasury\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TreasuryFeeUpdated\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TreasuryUpdated\",\"inputs\":[{\"name\":\"treasury\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Unpaused\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyBet\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"AlreadyClaimed\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"BetTooLarge\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxBetAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"BetTooSmall\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"minBetAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"FeeTooHigh\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxFeeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"GenesisAlreadyLocked\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"GenesisAlreadyStarted\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"GenesisNotLocked\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"GenesisNotStarted\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InsufficientGas\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidBuffer\",\"inputs\":[{\"name\":\"bufferSeconds\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"intervalSeconds\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidInterval\",\"inputs\":[{\"name\":\"intervalSeconds\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidMaxAge\",\"inputs\":[{\"name\":\"maxPriceAge\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxPredictionAge\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidMinBetAmount\",\"inputs\":[{\"name\":\"minBetAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MarketNotPaused\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"MarketPaused\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NativeTransferFailed\",\"inputs\":[{\"name\":\"to\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NoEpochs\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoPrediction\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NotAContract\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotClaimable\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NothingToClaim\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"OwnableInvalidOwner\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"OwnableUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"PriceRoundNotInForce\",\"inputs\":[{\"name\":\"priceRoundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RenounceOwnershipDisabled\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RoundNotBettable\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"RoundNotDue\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"lockTimestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TransferAmountMismatch\",\"inputs\":[{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"received\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"UnsupportedPriceDecimals\",\"inputs\":[{\"name\":\"decimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"WrongValue\",\"inputs\":[{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]}]",
	ID:  "PredictionMarket",
	Bin: "0x610120604052348015610010575f5ffd5b5060405161535f38038061535f83398101604081905261002f9161063a565b816001600160a01b03811661005e57604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61006781610217565b508b6001600160a01b03163b5f0361009d576040516322a2d07b60e21b81526001600160a01b038d166004820152602401610055565b896001600160a01b03163b5f036100d2576040516322a2d07b60e21b81526001600160a01b038b166004820152602401610055565b6001600160a01b038916158015906100f257506001600160a01b0389163b155b1561011b576040516322a2d07b60e21b81526001600160a01b038a166004820152602401610055565b5f8a6001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa158015610158573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061017c9190610719565b905060248160ff1611156101a8576040516369c9781d60e11b815260ff82166004820152602401610055565b6001600160a01b03808e166080526001600160401b038d1660a0528b811660c0528a1660e05260ff8116610100526101e08989610233565b6101e98761032e565b6101f2866103bf565b6101fc8585610447565b6102058261052e565b50505050505050505050505050610740565b600180546001600160a01b0319169055610230816105a3565b50565b603c63ffffffff83161080610250575062093a8063ffffffff8316115b1561027657604051637b5423a160e01b815263ffffffff83166004820152602401610055565b600563ffffffff8216108061029757508163ffffffff168163ffffffff1610155b156102c557604051639b79bad560e01b815263ffffffff808316600483015283166024820152604401610055565b6003805463ffffffff8481166001600160401b03199092168217640100000000918516918202179092556040805191825260208201929092527f8ecc4204bee801cb3921ee111d8465af293766b320f66e1d646d11feb855d67291015b60405180910390a15050565b6103e861ffff82161115610363576040516373ab893560e11b815261ffff821660048201526103e86024820152604401610055565b6003805461ffff60401b19166801000000000000000061ffff8416908102919091179091556040519081527f8fe7ee3ec4abeb19e5403b7e5218826b955963e74468456c40803b3cab99efd9906020015b60405180910390a150565b8015806103d257506001600160601b0381115b156103f357604051639291f27b60e01b815260048101829052602401610055565b60038054600160901b600160f01b031916600160901b6001600160601b038416021790556040518181527fc1d36d2328f906f4b042346e6a3a073bf22179c7aa2702bcb8d1b014c39231e3906020016103b4565b63ffffffff82161580610462575062093a8063ffffffff8316115b80610471575063ffffffff8116155b80610484575062093a8063ffffffff8216115b156104b25760405163f57f90bb60e01b815263ffffffff808416600483015282166024820152604401610055565b60038054600160501b600160901b0319166a010000000000000000000063ffffffff85811691820263ffffffff60701b191692909217600160701b928516928302179092556040805192835260208301919091527fdd5b0e752bfff9c5f6fd60f869074fefae17c660766f6f161b3bdbdb4033431a9101610322565b6001600160a01b0381166105555760405163d92e233d60e01b815260040160405180910390fd5b600480546001600160a01b0319166001600160a01b0383169081179091556040519081527f7dae230f18360d76a040c81f050aa14eb9d6dc7901b20fc5d855e2a20fe814d1906020016103b4565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6001600160a01b0381168114610230575f5ffd5b8051610611816105f2565b919050565b805163ffffffff81168114610611575f5ffd5b805161ffff81168114610611575f5ffd5b5f5f5f5f5f5f5f5f5f5f5f5f6101808d8f031215610656575f5ffd5b8c51610661816105f2565b60208e0151909c506001600160401b038116811461067d575f5ffd5b9a5061068b60408e01610606565b995061069960608e01610606565b98506106a760808e01610616565b97506106b560a08e01610616565b96506106c360c08e01610629565b60e08e015190965094506106da6101008e01610616565b93506106e96101208e01610616565b92506106f86101408e01610606565b91506107076101608e01610606565b90509295989b509295989b509295989b565b5f60208284031215610729575f5ffd5b815160ff81168114610739575f5ffd5b9392505050565b60805160a05160c05160e05161010051614baa6107b55f395f818161039d01526141d101525f818161054001528181611b16015261274e01525f81816106d701526134ff01525f8181610338015281816132310152613fd701525f81816107750152818161325b01526140130152614baa5ff3fe60806040526004361061030d575f3560e01c8063741bef1a1161019c578063bc572120116100e7578063e30c397811610092578063eaba23611161006d578063eaba236114610950578063f0f4426014610972578063f2fde38b14610991578063fa968eea146109b0575f5ffd5b8063e30c3978146108ee578063e57532c114610918578063e80cfa5e1461092c575f5ffd5b8063d4338069116100c2578063d4338069146108a6578063dd55a712146108ba578063e0314cbd1461085d575f5ffd5b8063bc5721201461085d578063be95e01a14610873578063d2f0ba2714610892575f5ffd5b80638456cb59116101475780638eb57e47116101225780638eb57e4714610800578063a0c7f71c1461081f578063a652db491461083e575f5ffd5b80638456cb59146107975780638c65c81f146107ab5780638da5cb5b146107d7575f5ffd5b80637bf41254116101775780637bf412541461072b5780637d1cd04f1461074a5780637dc0d1d014610764575f5ffd5b8063741bef1a146106c657806376671808146106f957806379ba509714610717575f5ffd5b80634feca06f1161025c5780636ba4c13811610207578063715018a6116101e2578063715018a6146106675780637285c58b1461067b5780637314b37e146106a7575f5ffd5b80636ba4c138146106165780636c188593146106355780636eb942c414610654575f5ffd5b80635c975abb116102375780635c975abb146105a457806361d027b3146105c257806366975ef9146105ee575f5ffd5b80634feca06f1461051f57806351ed6a30146105325780635c3ce49414610585575f5ffd5b80631f7838bd116102bc5780633b46cc9c116102975780633b46cc9c146104a15780633f4ba83a146104ca57806346856174146104de575f5ffd5b80631f7838bd14610422578063309167f51461044e578063368acb091461046f575f5ffd5b806305300b28116102ec57806305300b281461038c5780631584410a146103d157806318d74cb114610403575f5ffd5b80623bdc74146103115780630139b5f11461032757806303762bae14610378575b5f5ffd5b34801561031c575f5ffd5b506103256109e8565b005b348015610332575f5ffd5b5061035a7f000000000000000000000000000000000000000000000000000000000000000081565b60405167ffffffffffffffff90911681526020015b60405180910390f35b348015610383575f5ffd5b50610325610ada565b348015610397575f5ffd5b506103bf7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff909116815260200161036f565b3480156103dc575f5ffd5b506003546a0100000000000000000000900463ffffffff165b60405190815260200161036f565b34801561040e575f5ffd5b5061032561041d36600461432f565b610e71565b34801561042d575f5ffd5b506003546e010000000000000000000000000000900463ffffffff166103f5565b348015610459575f5ffd5b506103f56dffffffffffffffffffffffffffff81565b34801561047a575f5ffd5b506002546801000000000000000090046fffffffffffffffffffffffffffffffff166103f5565b3480156104ac575f5ffd5b506104b5603c81565b60405163ffffffff909116815260200161036f565b3480156104d5575f5ffd5b50610325610fcd565b3480156104e9575f5ffd5b506002547a010000000000000000000000000000000000000000000000000000900460ff165b604051901515815260200161036f565b61032561052d366004614351565b611076565b34801561053d575f5ffd5b507f00000000000000000000000000000000000000000000000000000000000000005b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200161036f565b348015610590575f5ffd5b5061032561059f366004614389565b611082565b3480156105af575f5ffd5b50600254600160c01b900460ff1661050f565b3480156105cd575f5ffd5b506004546105609073ffffffffffffffffffffffffffffffffffffffff1681565b3480156105f9575f5ffd5b506106036103e881565b60405161ffff909116815260200161036f565b348015610621575f5ffd5b506103256106303660046143ba565b6110d7565b348015610640575f5ffd5b5061032561064f36600461442b565b6112fa565b610325610662366004614351565b61130e565b348015610672575f5ffd5b50610325611319565b348015610686575f5ffd5b5061069a610695366004614465565b61134b565b60405161036f91906144c7565b3480156106b2575f5ffd5b506103256106c1366004614389565b611421565b3480156106d1575f5ffd5b506105607f000000000000000000000000000000000000000000000000000000000000000081565b348015610704575f5ffd5b5060025467ffffffffffffffff166103f5565b348015610722575f5ffd5b50610325611476565b348015610736575f5ffd5b5061050f610745366004614465565b6114ea565b348015610755575f5ffd5b5060035463ffffffff166103f5565b34801561076f575f5ffd5b506105607f000000000000000000000000000000000000000000000000000000000000000081565b3480156107a2575f5ffd5b50610325611547565b3480156107b6575f5ffd5b506107ca6107c536600461442b565b6115f1565b60405161036f9190614535565b3480156107e2575f5ffd5b505f5473ffffffffffffffffffffffffffffffffffffffff16610560565b34801561080b575f5ffd5b5061032561081a36600461432f565b61184f565b34801561082a575f5ffd5b5061050f610839366004614465565b61196c565b348015610849575f5ffd5b50610325610858366004614690565b6119c7565b348015610868575f5ffd5b506104b562093a8081565b34801561087e575f5ffd5b506103f561088d366004614465565b6119d8565b34801561089d575f5ffd5b506103f5600881565b3480156108b1575f5ffd5b506104b5600581565b3480156108c5575f5ffd5b50600254790100000000000000000000000000000000000000000000000000900460ff1661050f565b3480156108f9575f5ffd5b5060015473ffffffffffffffffffffffffffffffffffffffff16610560565b348015610923575f5ffd5b506103bf601281565b348015610937575f5ffd5b5060035468010000000000000000900461ffff166103f5565b34801561095b575f5ffd5b50600354640100000000900463ffffffff166103f5565b34801561097d575f5ffd5b5061032561098c3660046146b1565b611a1f565b34801561099c575f5ffd5b506103256109ab3660046146b1565b611a30565b3480156109bb575f5ffd5b50600354720100000000000000000000000000000000000090046bffffffffffffffffffffffff166103f5565b6109f0611adf565b6002546801000000000000000090046fffffffffffffffffffffffffffffffff165f819003610a4b576040517f969bf72800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600280547fffffffffffffffff00000000000000000000000000000000ffffffffffffffff16905560045460405182815273ffffffffffffffffffffffffffffffffffffffff9091169081907f0dafe5fda3d3c12f5534ba82c4393aaf90fe68d6198d310d71a7d9a6ea3cc1e09060200160405180910390a2610ace8183611b14565b5050610ad8611c31565b565b6040805160a08101825260025467ffffffffffffffff811682526fffffffffffffffffffffffffffffffff68010000000000000000820416602083015260ff600160c01b820481161580159484019490945279010000000000000000000000000000000000000000000000000082048116151560608401527a010000000000000000000000000000000000000000000000000000909104161515608082015290610bb0576040517f54882d1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b806060015115610bec576040517fc9abd6f600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001606082015280515f908290610c02906146f7565b67ffffffffffffffff16908190526040805160c08101825260035463ffffffff80821680845264010000000083048216602085015268010000000000000000830461ffff16948401949094526a01000000000000000000008204811660608401526e0100000000000000000000000000008204166080830152720100000000000000000000000000000000000090046bffffffffffffffffffffffff1660a0820152919250610cc090839083904290610cbb9082614723565b611c5b565b67ffffffffffffffff82165f908152600560205260408120546f01000000000000000000000000000000900464ffffffffff169003610d3c576040517f07c1c4c400000000000000000000000000000000000000000000000000000000815267ffffffffffffffff831660048201526024015b60405180910390fd5b505080516002805460208401516040850151606086015160809096015167ffffffffffffffff9095167fffffffffffffffff00000000000000000000000000000000000000000000000090931692909217680100000000000000006fffffffffffffffffffffffffffffffff90921691909102177fffffffffffff0000ffffffffffffffffffffffffffffffffffffffffffffffff16600160c01b911515919091027fffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffff161779010000000000000000000000000000000000000000000000000093151593909302929092177fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff167a01000000000000000000000000000000000000000000000000000091151591909102179055565b6040805160a08101825260025467ffffffffffffffff811682526fffffffffffffffffffffffffffffffff68010000000000000000820416602083015260ff600160c01b820481161580159484019490945279010000000000000000000000000000000000000000000000000082048116151560608401527a010000000000000000000000000000000000000000000000000000909104161515608082015290610f47576040517f54882d1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8060600151610f82576040517f025b3c6600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b806080015115610fbe576040517f37c8ea8100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610fc9815f84611e65565b5050565b610fd56122c6565b600254600160c01b900460ff16611018576040517fc801150e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600280547fffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffff1690556040513381527f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa906020015b60405180910390a1565b610fc982826001612318565b61108a6122c6565b600254600160c01b900460ff166110cd576040517fc801150e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610fc982826129b0565b6110df611adf565b5f819003611119576040517fa88e39ff00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f805b828110156112e6575f84848381811061113757611137614736565b602090810292909201355f8181526006845260408082203383529094529290922080549293509171010000000000000000000000000000000000900460ff161590506111b8576040517fa921454000000000000000000000000000000000000000000000000000000000815260048101839052336024820152604401610d33565b5f82815260056020526040812081906111d19084612af5565b91509150815f03611217576040517fdd23320800000000000000000000000000000000000000000000000000000000815260048101859052336024820152604401610d33565b82547fffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffffffff167101000000000000000000000000000000000017835561125b8287614723565b9550801561129f57604051828152849033907f2dc8e290002f06fc0085bbca9dfb8b415cf4d1178950c72ff9ee8f4d8878ee669060200160405180910390a36112d7565b604051828152849033907f987d620f307ff6b94d58743cb7a7509f24071586a77759b77c2d4e29f75a2f9a9060200160405180910390a35b5050505080600101905061111c565b506112f13382611b14565b50610fc9611c31565b6113026122c6565b61130b81612d83565b50565b610fc982825f612318565b6040517fffc0fd9300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604080516060810182525f80825260208201819052918101919091525f83815260066020908152604080832073ffffffffffffffffffffffffffffffffffffffff8616845282529182902082516060810190935280546fffffffffffffffffffffffffffffffff811684529091830190700100000000000000000000000000000000900460ff1660018111156113e3576113e3614486565b60018111156113f4576113f4614486565b8152905471010000000000000000000000000000000000900460ff16151560209091015290505b92915050565b6114296122c6565b600254600160c01b900460ff1661146c576040517fc801150e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610fc98282612e59565b600154339073ffffffffffffffffffffffffffffffffffffffff1681146114e1576040517f118cdaa700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82166004820152602401610d33565b61130b81612f91565b5f8281526005602090815260408083206006835281842073ffffffffffffffffffffffffffffffffffffffff8616855290925282208291829161152d9190612af5565b91509150815f1415801561153e5750805b95945050505050565b61154f6122c6565b600254600160c01b900460ff1615611593576040517f54882d1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600280547fffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffff16600160c01b1790556040513381527f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a2589060200161106c565b61165f604080516101c0810182525f80825260208201819052918101829052606081018290526080810182905260a081018290529060c082019081526020015f81526020015f81525f6020820181905260408201819052606082018190526080820181905260a09091015290565b5f8281526005602081815260409283902083516101c081018552815464ffffffffff80821683526501000000000082048116948301949094526a010000000000000000000081048416958201959095526f010000000000000000000000000000008504909216606083015274010000000000000000000000000000000000000000840463ffffffff166080830152600160c01b840461ffff1660a08301529092909160c08401917a010000000000000000000000000000000000000000000000000000900460ff169081111561173757611737614486565b600581111561174857611748614486565b815281546020909101907b01000000000000000000000000000000000000000000000000000000900460ff16600281111561178557611785614486565b600281111561179657611796614486565b815281546020909101907c0100000000000000000000000000000000000000000000000000000000900460ff1660088111156117d4576117d4614486565b60088111156117e5576117e5614486565b815260018201546fffffffffffffffffffffffffffffffff8082166020840152700100000000000000000000000000000000918290041660408301526002830154600f81810b6060850152919004810b608083015260039092015490910b60a09091015292915050565b6040805160a08101825260025467ffffffffffffffff811682526fffffffffffffffffffffffffffffffff68010000000000000000820416602083015260ff600160c01b820481161580159484019490945279010000000000000000000000000000000000000000000000000082048116151560608401527a010000000000000000000000000000000000000000000000000000909104161515608082015290611925576040517f54882d1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8060800151611960576040517fd1fcf4f300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610fc981600184611e65565b5f8281526005602090815260408083206006835281842073ffffffffffffffffffffffffffffffffffffffff861685529092528220829182916119af9190612af5565b91509150815f1415801561153e575015949350505050565b6119cf6122c6565b61130b81612fc2565b5f8281526005602090815260408083206006835281842073ffffffffffffffffffffffffffffffffffffffff861685529092528220611a179190612af5565b509392505050565b611a276122c6565b61130b8161307f565b611a386122c6565b6001805473ffffffffffffffffffffffffffffffffffffffff83167fffffffffffffffffffffffff00000000000000000000000000000000000000009091168117909155611a9a5f5473ffffffffffffffffffffffffffffffffffffffff1690565b73ffffffffffffffffffffffffffffffffffffffff167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e2270060405160405180910390a350565b611ae761313f565b610ad860017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90613198565b7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff8116611c0b575f8373ffffffffffffffffffffffffffffffffffffffff16836040515f6040518083038185875af1925050503d805f8114611ba6576040519150601f19603f3d011682016040523d82523d5f602084013e611bab565b606091505b5050905080611c05576040517fa5b05eec00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8516600482015260248101849052604401610d33565b50505050565b611c2c73ffffffffffffffffffffffffffffffffffffffff8216848461319f565b505050565b610ad85f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00611b0e565b5f8481526005602052604081208451909190611c7d9063ffffffff1684614723565b90505f5f5f5f611c91888a608001516131fa565b935093509350935087865f015f6101000a81548164ffffffffff021916908364ffffffffff16021790555086865f0160056101000a81548164ffffffffff021916908364ffffffffff16021790555084865f01600a6101000a81548164ffffffffff021916908364ffffffffff1602179055508860200151865f0160146101000a81548163ffffffff021916908363ffffffff1602179055508860400151865f0160186101000a81548161ffff021916908361ffff1602179055506001865f01601a6101000a81548160ff02191690836005811115611d7257611d72614486565b02179055508315611df357855464ffffffffff83166f01000000000000000000000000000000027fffffffffffffffffffffffff0000000000ffffffffffffffffffffffffffffff9091161786556002860180546fffffffffffffffffffffffffffffffff8086167001000000000000000000000000000000000291161790555b6040805189815260208101899052908101869052600f84900b606082015267ffffffffffffffff8084166080830152821660a08201528a907fb9565f7d7deb7200f0cfd5843e88d93609079e57e6dd4f10d240366bc926daa99060c0015b60405180910390a250505050505050505050565b825167ffffffffffffffff165f818152600560205260409020805465010000000000900464ffffffffff1642811115611ed4576040517f037c893a0000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610d33565b6040805160c08101825260035463ffffffff808216835264010000000082048116602084015268010000000000000000820461ffff16938301939093526a01000000000000000000008104831660608301526e010000000000000000000000000000810483166080830152720100000000000000000000000000000000000090046bffffffffffffffffffffffff1660a0820152835490915f91611f9291740100000000000000000000000000000000000000009091041684614723565b421190505f600581611fa5600189614763565b81526020019081526020015f2090505f888015611ff55750600282547a010000000000000000000000000000000000000000000000000000900460ff166005811115611ff357611ff3614486565b145b801561203f5750815461203b9074010000000000000000000000000000000000000000810463ffffffff16906a0100000000000000000000900464ffffffffff16614723565b4211155b90508880156120815750600282547a010000000000000000000000000000000000000000000000000000900460ff16600581111561207f5761207f614486565b145b801561208b575080155b156120a6576120a661209e600189614763565b83600861341b565b5f808415806120b25750825b156120cc576120c6878b88606001516134fb565b90925090505b82156120ea576120ea8c6120e160018c614763565b86858e86613957565b6120f5896001614723565b67ffffffffffffffff168c528415612142576121138989600761341b565b5f60808d015261213d6121278a6001614723565b875188904290610cbb9063ffffffff1682614723565b612187565b61214f8989848d85613af8565b600160808d0181905261218790612167908b90614723565b895488908a906a0100000000000000000000900464ffffffffff16611c5b565b505089516002805460208d015160408e015160608f01516080909f015167ffffffffffffffff9095167fffffffffffffffff00000000000000000000000000000000000000000000000090931692909217680100000000000000006fffffffffffffffffffffffffffffffff90921691909102177fffffffffffff0000ffffffffffffffffffffffffffffffffffffffffffffffff16600160c01b911515919091027fffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffff16177901000000000000000000000000000000000000000000000000009c15159c909c029b909b177fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff167a0100000000000000000000000000000000000000000000000000009115159190910217909955505050505050505050565b5f5473ffffffffffffffffffffffffffffffffffffffff163314610ad8576040517f118cdaa7000000000000000000000000000000000000000000000000000000008152336004820152602401610d33565b612320611adf565b600254600160c01b900460ff1615612364576040517f54882d1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f838152600560205260409020600181547a010000000000000000000000000000000000000000000000000000900460ff1660058111156123a7576123a7614486565b1415806123c55750805465010000000000900464ffffffffff164210155b156123ff576040517f9db91ebd00000000000000000000000000000000000000000000000000000000815260048101859052602401610d33565b80546f01000000000000000000000000000000900464ffffffffff165f03612456576040517f07c1c4c400000000000000000000000000000000000000000000000000000000815260048101859052602401610d33565b600354720100000000000000000000000000000000000090046bffffffffffffffffffffffff16808410156124c1576040517fac4d5cf80000000000000000000000000000000000000000000000000000000081526004810185905260248101829052604401610d33565b6dffffffffffffffffffffffffffff841115612520576040517f69da332c000000000000000000000000000000000000000000000000000000008152600481018590526dffffffffffffffffffffffffffff6024820152604401610d33565b5f858152600660209081526040808320338452909152902080546fffffffffffffffffffffffffffffffff161561258c576040517fd0512e6000000000000000000000000000000000000000000000000000000000815260048101879052336024820152604401610d33565b80546fffffffffffffffffffffffffffffffff86167fffffffffffffffffffffffffffffffff000000000000000000000000000000008216811783558691869184917fffffffffffffffffffffffffffffff0000000000000000000000000000000000161770010000000000000000000000000000000083600181111561261557612615614486565b02179055505f85600181111561262d5761262d614486565b03612695576001840180548291905f9061265a9084906fffffffffffffffffffffffffffffffff16614776565b92506101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff1602179055506126fb565b808460010160108282829054906101000a90046fffffffffffffffffffffffffffffffff166126c49190614776565b92506101000a8154816fffffffffffffffffffffffffffffffff02191690836fffffffffffffffffffffffffffffffff1602179055505b863373ffffffffffffffffffffffffffffffffffffffff167f1efa8a4db358fbd4b3e1004cca7c5a1bdc9de3512d3392d48a51d1961316f983878960405161274492919061479e565b60405180910390a37f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff81166127cf578634146127ca576040517f195a3ca100000000000000000000000000000000000000000000000000000000815234600482015260248101889052604401610d33565b6129a3565b341561280f576040517f195a3ca10000000000000000000000000000000000000000000000000000000081523460048201525f6024820152604401610d33565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f9073ffffffffffffffffffffffffffffffffffffffff8316906370a0823190602401602060405180830381865afa158015612879573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061289d91906147b9565b90506128c173ffffffffffffffffffffffffffffffffffffffff831633308b613e1a565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f90829073ffffffffffffffffffffffffffffffffffffffff8516906370a0823190602401602060405180830381865afa15801561292d573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061295191906147b9565b61295b9190614763565b90508881146129a0576040517fb6a9b654000000000000000000000000000000000000000000000000000000008152600481018a905260248101829052604401610d33565b50505b5050505050611c2c611c31565b603c63ffffffff831610806129cd575062093a8063ffffffff8316115b15612a0c576040517f7b5423a100000000000000000000000000000000000000000000000000000000815263ffffffff83166004820152602401610d33565b600563ffffffff82161080612a2d57508163ffffffff168163ffffffff1610155b15612a74576040517f9b79bad500000000000000000000000000000000000000000000000000000000815263ffffffff808316600483015283166024820152604401610d33565b6003805463ffffffff8481167fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000009092168217640100000000918516918202179092556040805191825260208201929092527f8ecc4204bee801cb3921ee111d8465af293766b320f66e1d646d11feb855d67291015b60405180910390a15050565b80546fffffffffffffffffffffffffffffffff165f811580612b2d5750825471010000000000000000000000000000000000900460ff165b15612b3c57505f905080612d7c565b83547a010000000000000000000000000000000000000000000000000000900460ff166003816005811115612b7357612b73614486565b1480612b9057506004816005811115612b8e57612b8e614486565b145b15612c8d575f6003826005811115612baa57612baa614486565b149050805f8654700100000000000000000000000000000000900460ff166001811115612bd957612bd9614486565b1414612bec575f5f935093505050612d7c565b60018601546fffffffffffffffffffffffffffffffff808216917001000000000000000000000000000000009004165f612c268284614723565b89549091505f9061271090612c4690600160c01b900461ffff16846147d0565b612c5091906147e7565b905084612c5d5782612c5f565b835b612c698284614763565b612c73908a6147d0565b612c7d91906147e7565b5f97509750505050505050612d7c565b6005816005811115612ca157612ca1614486565b1480612d0157506001816005811115612cbc57612cbc614486565b148015612d0157508454612cfe9074010000000000000000000000000000000000000000810463ffffffff169065010000000000900464ffffffffff16614723565b42115b80612d6557506002816005811115612d1b57612d1b614486565b148015612d6557508454612d629074010000000000000000000000000000000000000000810463ffffffff16906a0100000000000000000000900464ffffffffff16614723565b42115b15612d74575060019050612d7c565b5f5f92509250505b9250929050565b801580612d9b57506bffffffffffffffffffffffff81115b15612dd5576040517f9291f27b00000000000000000000000000000000000000000000000000000000815260048101829052602401610d33565b600380547fffff000000000000000000000000ffffffffffffffffffffffffffffffffffff1672010000000000000000000000000000000000006bffffffffffffffffffffffff8416021790556040518181527fc1d36d2328f906f4b042346e6a3a073bf22179c7aa2702bcb8d1b014c39231e3906020015b60405180910390a150565b63ffffffff82161580612e74575062093a8063ffffffff8316115b80612e83575063ffffffff8116155b80612e96575062093a8063ffffffff8216115b15612edd576040517ff57f90bb00000000000000000000000000000000000000000000000000000000815263ffffffff808416600483015282166024820152604401610d33565b600380547fffffffffffffffffffffffffffff0000000000000000ffffffffffffffffffff166a010000000000000000000063ffffffff8581169182027fffffffffffffffffffffffffffff00000000ffffffffffffffffffffffffffff16929092176e010000000000000000000000000000928516928302179092556040805192835260208301919091527fdd5b0e752bfff9c5f6fd60f869074fefae17c660766f6f161b3bdbdb4033431a9101612ae9565b600180547fffffffffffffffffffffffff000000000000000000000000000000000000000016905561130b81613e76565b6103e861ffff82161115613010576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff821660048201526103e86024820152604401610d33565b600380547fffffffffffffffffffffffffffffffffffffffffffff0000ffffffffffffffff166801000000000000000061ffff8416908102919091179091556040519081527f8fe7ee3ec4abeb19e5403b7e5218826b955963e74468456c40803b3cab99efd990602001612e4e565b73ffffffffffffffffffffffffffffffffffffffff81166130cc576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600480547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff83169081179091556040519081527f7dae230f18360d76a040c81f050aa14eb9d6dc7901b20fc5d855e2a20fe814d190602001612e4e565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15610ad8576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80825d5050565b6131ac8383836001613eea565b611c2c576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602401610d33565b5f5f5f5f5f5a6040517f54b4f71900000000000000000000000000000000000000000000000000000000815267ffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001660048201529091507f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906354b4f71990602401608060405180830381865afa9250505080156132f1575060408051601f3d9081017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01682019092526132ee91810190614836565b60015b61334b576133006040826147e7565b5a1015613339576040517f1c26714c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f5f945094509450945050613412565b8a8267ffffffffffffffff161115613376576133678b85613f72565b929b509094509250905061337b565b600198505b88158061339757506f7fffffffffffffffffffffffffffffff83135b806133c157507fffffffffffffffffffffffffffffffff8000000000000000000000000000000083125b806133e4575063ffffffff8a166133e267ffffffffffffffff84168d614763565b115b156133ff575f5f5f5f98509850985098505050505050613412565b6001985091965094509250613412915050565b92959194509250565b81547a0500000000000000000000000000000000000000000000000000007fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff821681178455829184917fffffff00ff00ffffffffffffffffffffffffffffffffffffffffffffffffffff909116177c01000000000000000000000000000000000000000000000000000000008360088111156134b9576134b9614486565b0217905550827f93cac7a75ebb30a5b939d8088b538b7a6e994ec44f550534f3075e8cbaef94d7826040516134ee9190614883565b60405180910390a2505050565b5f807f0000000000000000000000000000000000000000000000000000000000000000815a90508173ffffffffffffffffffffffffffffffffffffffff1663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa9250505080156135a7575060408051601f3d9081017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01682019092526135a491810190614891565b60015b6135fc576135b66040826147e7565b5a10156135ef576040517f1c26714c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f93509350505061394f565b8469ffffffffffffffffffff168b69ffffffffffffffffffff161461389b578469ffffffffffffffffffff168b69ffffffffffffffffffff161115613682576040517fa85919ee00000000000000000000000000000000000000000000000000000000815269ffffffffffffffffffff8c166004820152602481018d9052604401610d33565b8169ffffffffffffffffffff861661369b8d60016148e5565b69ffffffffffffffffffff161461375b5773ffffffffffffffffffffffffffffffffffffffff8816639a6fc8f56136d38e60016148e5565b6040517fffffffff0000000000000000000000000000000000000000000000000000000060e084901b16815269ffffffffffffffffffff909116600482015260240160a060405180830381865afa158015613730573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906137549190614891565b5093505050505b8c81116137a9576040517fa85919ee00000000000000000000000000000000000000000000000000000000815269ffffffffffffffffffff8d166004820152602481018e9052604401610d33565b6040517f9a6fc8f500000000000000000000000000000000000000000000000000000000815269ffffffffffffffffffff8d16600482015273ffffffffffffffffffffffffffffffffffffffff891690639a6fc8f59060240160a060405180830381865afa15801561381d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906138419190614891565b5091975090945050505f839003613899576040517fa85919ee00000000000000000000000000000000000000000000000000000000815269ffffffffffffffffffff8d166004820152602481018e9052604401610d33565b505b8b8211156138ea576040517fa85919ee00000000000000000000000000000000000000000000000000000000815269ffffffffffffffffffff8c166004820152602481018d9052604401610d33565b8115806138f75750600184125b8061391157506f7fffffffffffffffffffffffffffffff84135b8061392a575063ffffffff8a16613928838e614763565b115b15613941575f5f985098505050505050505061394f565b506001975091955050505050505b935093915050565b8261396d576139688585600661341b565b613af0565b6003840180547fffffffffffffffffffffffffffffffff00000000000000000000000000000000166fffffffffffffffffffffffffffffffff83161790556002840154600f90810b9082900b8190036139d2576139cc8686600161341b565b50613af0565b600f81810b9083900b135f600187547b01000000000000000000000000000000000000000000000000000000900460ff166002811115613a1457613a14614486565b1482151514613a24576004613a27565b60035b8754909150819088907fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff167a010000000000000000000000000000000000000000000000000000836005811115613a8057613a80614486565b02179055505f613a8f88614164565b9050808a602001818151613aa39190614776565b6fffffffffffffffffffffffffffffffff1690525060405189907f09857dee67a37f2189725047f0af1369fba8b3e1c3887c8cae64500a2887ba7f90611e51908990899087908790614907565b505050505050565b82613b4f57847f714a155c90f4fe4466fc4a4721f7927a9c0ee1b6282acabbbd3c3991fba68450835f5f5f6005604051613b36959493929190614940565b60405180910390a2613b4a8585600461341b565b613e13565b6002840180547fffffffffffffffffffffffffffffffff00000000000000000000000000000000166fffffffffffffffffffffffffffffffff831617905583546f01000000000000000000000000000000900464ffffffffff165f03613bfc57847f714a155c90f4fe4466fc4a4721f7927a9c0ee1b6282acabbbd3c3991fba6845083835f5f6005604051613be8959493929190614985565b60405180910390a2613b4a8585600561341b565b60028401547001000000000000000000000000000000009004600f0b5f613c2382846141c5565b8654909150819087907fffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffff167b01000000000000000000000000000000000000000000000000000000836002811115613c7d57613c7d614486565b02179055505f816002811115613c9557613c95614486565b03613cec57867f714a155c90f4fe4466fc4a4721f7927a9c0ee1b6282acabbbd3c3991fba68450858585856005604051613cd39594939291906149b6565b60405180910390a2613ce78787600261341b565b613e10565b60018601546fffffffffffffffffffffffffffffffff161580613d375750600186015470010000000000000000000000000000000090046fffffffffffffffffffffffffffffffff16155b15613d8957867f714a155c90f4fe4466fc4a4721f7927a9c0ee1b6282acabbbd3c3991fba68450858585856005604051613d759594939291906149b6565b60405180910390a2613ce78787600361341b565b85547fffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffff167a02000000000000000000000000000000000000000000000000000017865560405187907f714a155c90f4fe4466fc4a4721f7927a9c0ee1b6282acabbbd3c3991fba6845090613e079087908790879087906002906149b6565b60405180910390a25b50505b5050505050565b613e28848484846001614285565b611c05576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610d33565b5f805473ffffffffffffffffffffffffffffffffffffffff8381167fffffffffffffffffffffffff0000000000000000000000000000000000000000831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8616600452602485905291602083604481808b5af1925060015f51148316613f66578383151615613f5a573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f808080805b600881108015613f94575060018669ffffffffffffffffffff16115b1561415257613fa2866149e8565b95505f5a6040517f9860ca2700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016600482015269ffffffffffffffffffff891660248201529091507f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690639860ca2790604401606060405180830381865afa9250505080156140a9575060408051601f3d9081017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01682019092526140a691810190614a0c565b60015b614104576140b86040826147e7565b5a10156140f1576040517f1c26714c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f5f95509550955095505050613412565b61410f8b6001614723565b8267ffffffffffffffff16101561413e5767ffffffffffffffff82161515985091965094509250613412915050565b5050505061414b81614a45565b9050613f78565b505f9687965086955085945092505050565b805460018201545f9161271091600160c01b90910461ffff16906141b19070010000000000000000000000000000000081046fffffffffffffffffffffffffffffffff9081169116614723565b6141bb91906147d0565b61141b91906147e7565b5f600f83810b9083900b7f000000000000000000000000000000000000000000000000000000000000000060ff81166012111561422357614207816012614a5d565b61421290600a614b51565b61421c9083614b5f565b9150614252565b601260ff821611156142525761423a601282614a5d565b61424590600a614b51565b61424f9084614b5f565b92505b81831315614266576001935050505061141b565b8183121561427a576002935050505061141b565b505f95945050505050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8781166004528616602452604485905291602083606481808c5af1925060015f511483166143075783831516156142fb573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b69ffffffffffffffffffff8116811461130b575f5ffd5b5f6020828403121561433f575f5ffd5b813561434a81614318565b9392505050565b5f5f60408385031215614362575f5ffd5b50508035926020909101359150565b803563ffffffff81168114614384575f5ffd5b919050565b5f5f6040838503121561439a575f5ffd5b6143a383614371565b91506143b160208401614371565b90509250929050565b5f5f602083850312156143cb575f5ffd5b823567ffffffffffffffff8111156143e1575f5ffd5b8301601f810185136143f1575f5ffd5b803567ffffffffffffffff811115614407575f5ffd5b8560208260051b840101111561441b575f5ffd5b6020919091019590945092505050565b5f6020828403121561443b575f5ffd5b5035919050565b803573ffffffffffffffffffffffffffffffffffffffff81168114614384575f5ffd5b5f5f60408385031215614476575f5ffd5b823591506143b160208401614442565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b600281106144c3576144c3614486565b9052565b81516fffffffffffffffffffffffffffffffff16815260208083015160608301916144f4908401826144b3565b506040928301511515919092015290565b600681106144c3576144c3614486565b600381106144c3576144c3614486565b600981106144c3576144c3614486565b815164ffffffffff1681526101c08101602083015161455d602084018264ffffffffff169052565b506040830151614576604084018264ffffffffff169052565b50606083015161458f606084018264ffffffffff169052565b5060808301516145a7608084018263ffffffff169052565b5060a08301516145bd60a084018261ffff169052565b5060c08301516145d060c0840182614505565b5060e08301516145e360e0840182614515565b506101008301516145f8610100840182614525565b5061012083015161461e6101208401826fffffffffffffffffffffffffffffffff169052565b506101408301516146446101408401826fffffffffffffffffffffffffffffffff169052565b5061016083015161465b610160840182600f0b9052565b50610180830151614672610180840182600f0b9052565b506101a08301516146896101a0840182600f0b9052565b5092915050565b5f602082840312156146a0575f5ffd5b813561ffff8116811461434a575f5ffd5b5f602082840312156146c1575f5ffd5b61434a82614442565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b5f67ffffffffffffffff821667ffffffffffffffff810361471a5761471a6146ca565b60010192915050565b8082018082111561141b5761141b6146ca565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b8181038181111561141b5761141b6146ca565b6fffffffffffffffffffffffffffffffff818116838216019081111561141b5761141b6146ca565b604081016147ac82856144b3565b8260208301529392505050565b5f602082840312156147c9575f5ffd5b5051919050565b808202811582820484141761141b5761141b6146ca565b5f8261481a577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b805167ffffffffffffffff81168114614384575f5ffd5b5f5f5f5f60808587031215614849575f5ffd5b845161485481614318565b6020860151909450925061486a6040860161481f565b91506148786060860161481f565b905092959194509250565b6020810161141b8284614525565b5f5f5f5f5f60a086880312156148a5575f5ffd5b85516148b081614318565b60208701516040880151606089015160808a0151939850919650945092506148d781614318565b809150509295509295909350565b69ffffffffffffffffffff818116838216019081111561141b5761141b6146ca565b69ffffffffffffffffffff85168152600f84900b6020820152608081016149316040830185614505565b82606083015295945050505050565b69ffffffffffffffffffff86168152602081018590526040810184905260a0810161496e6060830185614515565b61497b6080830184614505565b9695505050505050565b69ffffffffffffffffffff86168152600f85900b60208201526040810184905260a0810161496e6060830185614515565b69ffffffffffffffffffff86168152600f85810b602083015284900b604082015260a0810161496e6060830185614515565b5f69ffffffffffffffffffff821680614a0357614a036146ca565b5f190192915050565b5f5f5f60608486031215614a1e575f5ffd5b83519250614a2e6020850161481f565b9150614a3c6040850161481f565b90509250925092565b5f5f198203614a5657614a566146ca565b5060010190565b60ff828116828216039081111561141b5761141b6146ca565b6001815b600184111561394f57808504811115614a9557614a956146ca565b6001841615614aa357908102905b60019390931c928002614a7a565b5f82614abf5750600161141b565b81614acb57505f61141b565b8160018114614ae15760028114614aeb57614b07565b600191505061141b565b60ff841115614afc57614afc6146ca565b50506001821b61141b565b5060208310610133831016604e8410600b8410161715614b2a575081810a61141b565b614b365f198484614a76565b805f1904821115614b4957614b496146ca565b029392505050565b5f61434a60ff841683614ab1565b8082025f82127f800000000000000000000000000000000000000000000000000000000000000084141615614b9657614b966146ca565b818105831482151761141b5761141b6146ca56",
}

// PredictionMarket is an auto generated Go binding around an Ethereum contract.
type PredictionMarket struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PredictionMarket) GetABI() abi.ABI {
	return c.abi
}

// NewPredictionMarket creates a new instance of PredictionMarket.
func NewPredictionMarket() *PredictionMarket {
	parsed, err := PredictionMarketMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PredictionMarket{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PredictionMarket) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address oracle_, uint64 topicId_, address priceFeed_, address stakeToken_, uint32 intervalSeconds_, uint32 bufferSeconds_, uint16 treasuryFeeBps_, uint256 minBetAmount_, uint32 maxPriceAge_, uint32 maxPredictionAge_, address owner_, address treasury_) returns()
func (predictionMarket *PredictionMarket) PackConstructor(oracle_ common.Address, topicId_ uint64, priceFeed_ common.Address, stakeToken_ common.Address, intervalSeconds_ uint32, bufferSeconds_ uint32, treasuryFeeBps_ uint16, minBetAmount_ *big.Int, maxPriceAge_ uint32, maxPredictionAge_ uint32, owner_ common.Address, treasury_ common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("", oracle_, topicId_, priceFeed_, stakeToken_, intervalSeconds_, bufferSeconds_, treasuryFeeBps_, minBetAmount_, maxPriceAge_, maxPredictionAge_, owner_, treasury_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXBETAMOUNT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x309167f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_BET_AMOUNT() view returns(uint256)
func (predictionMarket *PredictionMarket) PackMAXBETAMOUNT() []byte {
	enc, err := predictionMarket.abi.Pack("MAX_BET_AMOUNT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXBETAMOUNT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x309167f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_BET_AMOUNT() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackMAXBETAMOUNT() ([]byte, error) {
	return predictionMarket.abi.Pack("MAX_BET_AMOUNT")
}

// UnpackMAXBETAMOUNT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x309167f5.
//
// Solidity: function MAX_BET_AMOUNT() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackMAXBETAMOUNT(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("MAX_BET_AMOUNT", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXINTERVALSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc572120.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_INTERVAL_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) PackMAXINTERVALSECONDS() []byte {
	enc, err := predictionMarket.abi.Pack("MAX_INTERVAL_SECONDS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXINTERVALSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc572120.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_INTERVAL_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) TryPackMAXINTERVALSECONDS() ([]byte, error) {
	return predictionMarket.abi.Pack("MAX_INTERVAL_SECONDS")
}

// UnpackMAXINTERVALSECONDS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbc572120.
//
// Solidity: function MAX_INTERVAL_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) UnpackMAXINTERVALSECONDS(data []byte) (uint32, error) {
	out, err := predictionMarket.abi.Unpack("MAX_INTERVAL_SECONDS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMAXPREDICTIONLOOKBACK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd2f0ba27.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PREDICTION_LOOKBACK() view returns(uint256)
func (predictionMarket *PredictionMarket) PackMAXPREDICTIONLOOKBACK() []byte {
	enc, err := predictionMarket.abi.Pack("MAX_PREDICTION_LOOKBACK")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPREDICTIONLOOKBACK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd2f0ba27.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PREDICTION_LOOKBACK() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackMAXPREDICTIONLOOKBACK() ([]byte, error) {
	return predictionMarket.abi.Pack("MAX_PREDICTION_LOOKBACK")
}

// UnpackMAXPREDICTIONLOOKBACK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd2f0ba27.
//
// Solidity: function MAX_PREDICTION_LOOKBACK() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackMAXPREDICTIONLOOKBACK(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("MAX_PREDICTION_LOOKBACK", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSTALENESSSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0314cbd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_STALENESS_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) PackMAXSTALENESSSECONDS() []byte {
	enc, err := predictionMarket.abi.Pack("MAX_STALENESS_SECONDS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSTALENESSSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0314cbd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_STALENESS_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) TryPackMAXSTALENESSSECONDS() ([]byte, error) {
	return predictionMarket.abi.Pack("MAX_STALENESS_SECONDS")
}

// UnpackMAXSTALENESSSECONDS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe0314cbd.
//
// Solidity: function MAX_STALENESS_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) UnpackMAXSTALENESSSECONDS(data []byte) (uint32, error) {
	out, err := predictionMarket.abi.Unpack("MAX_STALENESS_SECONDS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMAXTREASURYFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66975ef9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_TREASURY_FEE_BPS() view returns(uint16)
func (predictionMarket *PredictionMarket) PackMAXTREASURYFEEBPS() []byte {
	enc, err := predictionMarket.abi.Pack("MAX_TREASURY_FEE_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXTREASURYFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66975ef9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_TREASURY_FEE_BPS() view returns(uint16)
func (predictionMarket *PredictionMarket) TryPackMAXTREASURYFEEBPS() ([]byte, error) {
	return predictionMarket.abi.Pack("MAX_TREASURY_FEE_BPS")
}

// UnpackMAXTREASURYFEEBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x66975ef9.
//
// Solidity: function MAX_TREASURY_FEE_BPS() view returns(uint16)
func (predictionMarket *PredictionMarket) UnpackMAXTREASURYFEEBPS(data []byte) (uint16, error) {
	out, err := predictionMarket.abi.Unpack("MAX_TREASURY_FEE_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackMINBUFFERSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4338069.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_BUFFER_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) PackMINBUFFERSECONDS() []byte {
	enc, err := predictionMarket.abi.Pack("MIN_BUFFER_SECONDS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINBUFFERSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4338069.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_BUFFER_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) TryPackMINBUFFERSECONDS() ([]byte, error) {
	return predictionMarket.abi.Pack("MIN_BUFFER_SECONDS")
}

// UnpackMINBUFFERSECONDS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd4338069.
//
// Solidity: function MIN_BUFFER_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) UnpackMINBUFFERSECONDS(data []byte) (uint32, error) {
	out, err := predictionMarket.abi.Unpack("MIN_BUFFER_SECONDS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMININTERVALSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b46cc9c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_INTERVAL_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) PackMININTERVALSECONDS() []byte {
	enc, err := predictionMarket.abi.Pack("MIN_INTERVAL_SECONDS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMININTERVALSECONDS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b46cc9c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_INTERVAL_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) TryPackMININTERVALSECONDS() ([]byte, error) {
	return predictionMarket.abi.Pack("MIN_INTERVAL_SECONDS")
}

// UnpackMININTERVALSECONDS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3b46cc9c.
//
// Solidity: function MIN_INTERVAL_SECONDS() view returns(uint32)
func (predictionMarket *PredictionMarket) UnpackMININTERVALSECONDS(data []byte) (uint32, error) {
	out, err := predictionMarket.abi.Unpack("MIN_INTERVAL_SECONDS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackPREDICTIONDECIMALS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe57532c1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PREDICTION_DECIMALS() view returns(uint8)
func (predictionMarket *PredictionMarket) PackPREDICTIONDECIMALS() []byte {
	enc, err := predictionMarket.abi.Pack("PREDICTION_DECIMALS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPREDICTIONDECIMALS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe57532c1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PREDICTION_DECIMALS() view returns(uint8)
func (predictionMarket *PredictionMarket) TryPackPREDICTIONDECIMALS() ([]byte, error) {
	return predictionMarket.abi.Pack("PREDICTION_DECIMALS")
}

// UnpackPREDICTIONDECIMALS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe57532c1.
//
// Solidity: function PREDICTION_DECIMALS() view returns(uint8)
func (predictionMarket *PredictionMarket) UnpackPREDICTIONDECIMALS(data []byte) (uint8, error) {
	out, err := predictionMarket.abi.Unpack("PREDICTION_DECIMALS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (predictionMarket *PredictionMarket) PackAcceptOwnership() []byte {
	enc, err := predictionMarket.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (predictionMarket *PredictionMarket) TryPackAcceptOwnership() ([]byte, error) {
	return predictionMarket.abi.Pack("acceptOwnership")
}

// PackBetAgainstAI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4feca06f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function betAgainstAI(uint256 epoch, uint256 amount) payable returns()
func (predictionMarket *PredictionMarket) PackBetAgainstAI(epoch *big.Int, amount *big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("betAgainstAI", epoch, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBetAgainstAI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4feca06f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function betAgainstAI(uint256 epoch, uint256 amount) payable returns()
func (predictionMarket *PredictionMarket) TryPackBetAgainstAI(epoch *big.Int, amount *big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("betAgainstAI", epoch, amount)
}

// PackBetWithAI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6eb942c4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function betWithAI(uint256 epoch, uint256 amount) payable returns()
func (predictionMarket *PredictionMarket) PackBetWithAI(epoch *big.Int, amount *big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("betWithAI", epoch, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBetWithAI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6eb942c4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function betWithAI(uint256 epoch, uint256 amount) payable returns()
func (predictionMarket *PredictionMarket) TryPackBetWithAI(epoch *big.Int, amount *big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("betWithAI", epoch, amount)
}

// PackBufferSeconds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeaba2361.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bufferSeconds() view returns(uint256)
func (predictionMarket *PredictionMarket) PackBufferSeconds() []byte {
	enc, err := predictionMarket.abi.Pack("bufferSeconds")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBufferSeconds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeaba2361.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bufferSeconds() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackBufferSeconds() ([]byte, error) {
	return predictionMarket.abi.Pack("bufferSeconds")
}

// UnpackBufferSeconds is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeaba2361.
//
// Solidity: function bufferSeconds() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackBufferSeconds(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("bufferSeconds", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ba4c138.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim(uint256[] epochs) returns()
func (predictionMarket *PredictionMarket) PackClaim(epochs []*big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("claim", epochs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ba4c138.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim(uint256[] epochs) returns()
func (predictionMarket *PredictionMarket) TryPackClaim(epochs []*big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("claim", epochs)
}

// PackClaimTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x003bdc74.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimTreasury() returns()
func (predictionMarket *PredictionMarket) PackClaimTreasury() []byte {
	enc, err := predictionMarket.abi.Pack("claimTreasury")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x003bdc74.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimTreasury() returns()
func (predictionMarket *PredictionMarket) TryPackClaimTreasury() ([]byte, error) {
	return predictionMarket.abi.Pack("claimTreasury")
}

// PackClaimable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0c7f71c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimable(uint256 epoch, address account) view returns(bool)
func (predictionMarket *PredictionMarket) PackClaimable(epoch *big.Int, account common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("claimable", epoch, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0c7f71c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimable(uint256 epoch, address account) view returns(bool)
func (predictionMarket *PredictionMarket) TryPackClaimable(epoch *big.Int, account common.Address) ([]byte, error) {
	return predictionMarket.abi.Pack("claimable", epoch, account)
}

// UnpackClaimable is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa0c7f71c.
//
// Solidity: function claimable(uint256 epoch, address account) view returns(bool)
func (predictionMarket *PredictionMarket) UnpackClaimable(data []byte) (bool, error) {
	out, err := predictionMarket.abi.Unpack("claimable", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackCurrentEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x76671808.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentEpoch() view returns(uint256)
func (predictionMarket *PredictionMarket) PackCurrentEpoch() []byte {
	enc, err := predictionMarket.abi.Pack("currentEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x76671808.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentEpoch() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackCurrentEpoch() ([]byte, error) {
	return predictionMarket.abi.Pack("currentEpoch")
}

// UnpackCurrentEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x76671808.
//
// Solidity: function currentEpoch() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackCurrentEpoch(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("currentEpoch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackExecuteRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8eb57e47.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function executeRound(uint80 priceRoundId) returns()
func (predictionMarket *PredictionMarket) PackExecuteRound(priceRoundId *big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("executeRound", priceRoundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecuteRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8eb57e47.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function executeRound(uint80 priceRoundId) returns()
func (predictionMarket *PredictionMarket) TryPackExecuteRound(priceRoundId *big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("executeRound", priceRoundId)
}

// PackGenesisLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18d74cb1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function genesisLock(uint80 priceRoundId) returns()
func (predictionMarket *PredictionMarket) PackGenesisLock(priceRoundId *big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("genesisLock", priceRoundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenesisLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18d74cb1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function genesisLock(uint80 priceRoundId) returns()
func (predictionMarket *PredictionMarket) TryPackGenesisLock(priceRoundId *big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("genesisLock", priceRoundId)
}

// PackGenesisLocked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46856174.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function genesisLocked() view returns(bool)
func (predictionMarket *PredictionMarket) PackGenesisLocked() []byte {
	enc, err := predictionMarket.abi.Pack("genesisLocked")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenesisLocked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46856174.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function genesisLocked() view returns(bool)
func (predictionMarket *PredictionMarket) TryPackGenesisLocked() ([]byte, error) {
	return predictionMarket.abi.Pack("genesisLocked")
}

// UnpackGenesisLocked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x46856174.
//
// Solidity: function genesisLocked() view returns(bool)
func (predictionMarket *PredictionMarket) UnpackGenesisLocked(data []byte) (bool, error) {
	out, err := predictionMarket.abi.Unpack("genesisLocked", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackGenesisStart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x03762bae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function genesisStart() returns()
func (predictionMarket *PredictionMarket) PackGenesisStart() []byte {
	enc, err := predictionMarket.abi.Pack("genesisStart")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenesisStart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x03762bae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function genesisStart() returns()
func (predictionMarket *PredictionMarket) TryPackGenesisStart() ([]byte, error) {
	return predictionMarket.abi.Pack("genesisStart")
}

// PackGenesisStarted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd55a712.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function genesisStarted() view returns(bool)
func (predictionMarket *PredictionMarket) PackGenesisStarted() []byte {
	enc, err := predictionMarket.abi.Pack("genesisStarted")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenesisStarted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd55a712.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function genesisStarted() view returns(bool)
func (predictionMarket *PredictionMarket) TryPackGenesisStarted() ([]byte, error) {
	return predictionMarket.abi.Pack("genesisStarted")
}

// UnpackGenesisStarted is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd55a712.
//
// Solidity: function genesisStarted() view returns(bool)
func (predictionMarket *PredictionMarket) UnpackGenesisStarted(data []byte) (bool, error) {
	out, err := predictionMarket.abi.Unpack("genesisStarted", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIntervalSeconds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d1cd04f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function intervalSeconds() view returns(uint256)
func (predictionMarket *PredictionMarket) PackIntervalSeconds() []byte {
	enc, err := predictionMarket.abi.Pack("intervalSeconds")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIntervalSeconds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d1cd04f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function intervalSeconds() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackIntervalSeconds() ([]byte, error) {
	return predictionMarket.abi.Pack("intervalSeconds")
}

// UnpackIntervalSeconds is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7d1cd04f.
//
// Solidity: function intervalSeconds() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackIntervalSeconds(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("intervalSeconds", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLedger is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7285c58b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ledger(uint256 epoch, address account) view returns((uint128,uint8,bool))
func (predictionMarket *PredictionMarket) PackLedger(epoch *big.Int, account common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("ledger", epoch, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLedger is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7285c58b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ledger(uint256 epoch, address account) view returns((uint128,uint8,bool))
func (predictionMarket *PredictionMarket) TryPackLedger(epoch *big.Int, account common.Address) ([]byte, error) {
	return predictionMarket.abi.Pack("ledger", epoch, account)
}

// UnpackLedger is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7285c58b.
//
// Solidity: function ledger(uint256 epoch, address account) view returns((uint128,uint8,bool))
func (predictionMarket *PredictionMarket) UnpackLedger(data []byte) (Bet, error) {
	out, err := predictionMarket.abi.Unpack("ledger", data)
	if err != nil {
		return *new(Bet), err
	}
	out0 := *abi.ConvertType(out[0], new(Bet)).(*Bet)
	return out0, nil
}

// PackMaxPredictionAge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f7838bd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxPredictionAge() view returns(uint256)
func (predictionMarket *PredictionMarket) PackMaxPredictionAge() []byte {
	enc, err := predictionMarket.abi.Pack("maxPredictionAge")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxPredictionAge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f7838bd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxPredictionAge() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackMaxPredictionAge() ([]byte, error) {
	return predictionMarket.abi.Pack("maxPredictionAge")
}

// UnpackMaxPredictionAge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1f7838bd.
//
// Solidity: function maxPredictionAge() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackMaxPredictionAge(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("maxPredictionAge", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMaxPriceAge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1584410a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxPriceAge() view returns(uint256)
func (predictionMarket *PredictionMarket) PackMaxPriceAge() []byte {
	enc, err := predictionMarket.abi.Pack("maxPriceAge")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxPriceAge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1584410a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxPriceAge() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackMaxPriceAge() ([]byte, error) {
	return predictionMarket.abi.Pack("maxPriceAge")
}

// UnpackMaxPriceAge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1584410a.
//
// Solidity: function maxPriceAge() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackMaxPriceAge(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("maxPriceAge", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMinBetAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfa968eea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minBetAmount() view returns(uint256)
func (predictionMarket *PredictionMarket) PackMinBetAmount() []byte {
	enc, err := predictionMarket.abi.Pack("minBetAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinBetAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfa968eea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minBetAmount() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackMinBetAmount() ([]byte, error) {
	return predictionMarket.abi.Pack("minBetAmount")
}

// UnpackMinBetAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfa968eea.
//
// Solidity: function minBetAmount() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackMinBetAmount(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("minBetAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function oracle() view returns(address)
func (predictionMarket *PredictionMarket) PackOracle() []byte {
	enc, err := predictionMarket.abi.Pack("oracle")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function oracle() view returns(address)
func (predictionMarket *PredictionMarket) TryPackOracle() ([]byte, error) {
	return predictionMarket.abi.Pack("oracle")
}

// UnpackOracle is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7dc0d1d0.
//
// Solidity: function oracle() view returns(address)
func (predictionMarket *PredictionMarket) UnpackOracle(data []byte) (common.Address, error) {
	out, err := predictionMarket.abi.Unpack("oracle", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (predictionMarket *PredictionMarket) PackOwner() []byte {
	enc, err := predictionMarket.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (predictionMarket *PredictionMarket) TryPackOwner() ([]byte, error) {
	return predictionMarket.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (predictionMarket *PredictionMarket) UnpackOwner(data []byte) (common.Address, error) {
	out, err := predictionMarket.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (predictionMarket *PredictionMarket) PackPause() []byte {
	enc, err := predictionMarket.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (predictionMarket *PredictionMarket) TryPackPause() ([]byte, error) {
	return predictionMarket.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (predictionMarket *PredictionMarket) PackPaused() []byte {
	enc, err := predictionMarket.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (predictionMarket *PredictionMarket) TryPackPaused() ([]byte, error) {
	return predictionMarket.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (predictionMarket *PredictionMarket) UnpackPaused(data []byte) (bool, error) {
	out, err := predictionMarket.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPayout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe95e01a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function payout(uint256 epoch, address account) view returns(uint256 amount)
func (predictionMarket *PredictionMarket) PackPayout(epoch *big.Int, account common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("payout", epoch, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPayout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe95e01a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function payout(uint256 epoch, address account) view returns(uint256 amount)
func (predictionMarket *PredictionMarket) TryPackPayout(epoch *big.Int, account common.Address) ([]byte, error) {
	return predictionMarket.abi.Pack("payout", epoch, account)
}

// UnpackPayout is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbe95e01a.
//
// Solidity: function payout(uint256 epoch, address account) view returns(uint256 amount)
func (predictionMarket *PredictionMarket) UnpackPayout(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("payout", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (predictionMarket *PredictionMarket) PackPendingOwner() []byte {
	enc, err := predictionMarket.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (predictionMarket *PredictionMarket) TryPackPendingOwner() ([]byte, error) {
	return predictionMarket.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (predictionMarket *PredictionMarket) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := predictionMarket.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPriceDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05300b28.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function priceDecimals() view returns(uint8)
func (predictionMarket *PredictionMarket) PackPriceDecimals() []byte {
	enc, err := predictionMarket.abi.Pack("priceDecimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPriceDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05300b28.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function priceDecimals() view returns(uint8)
func (predictionMarket *PredictionMarket) TryPackPriceDecimals() ([]byte, error) {
	return predictionMarket.abi.Pack("priceDecimals")
}

// UnpackPriceDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x05300b28.
//
// Solidity: function priceDecimals() view returns(uint8)
func (predictionMarket *PredictionMarket) UnpackPriceDecimals(data []byte) (uint8, error) {
	out, err := predictionMarket.abi.Unpack("priceDecimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPriceFeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x741bef1a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function priceFeed() view returns(address)
func (predictionMarket *PredictionMarket) PackPriceFeed() []byte {
	enc, err := predictionMarket.abi.Pack("priceFeed")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPriceFeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x741bef1a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function priceFeed() view returns(address)
func (predictionMarket *PredictionMarket) TryPackPriceFeed() ([]byte, error) {
	return predictionMarket.abi.Pack("priceFeed")
}

// UnpackPriceFeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x741bef1a.
//
// Solidity: function priceFeed() view returns(address)
func (predictionMarket *PredictionMarket) UnpackPriceFeed(data []byte) (common.Address, error) {
	out, err := predictionMarket.abi.Unpack("priceFeed", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRefundable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7bf41254.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refundable(uint256 epoch, address account) view returns(bool)
func (predictionMarket *PredictionMarket) PackRefundable(epoch *big.Int, account common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("refundable", epoch, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefundable is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7bf41254.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refundable(uint256 epoch, address account) view returns(bool)
func (predictionMarket *PredictionMarket) TryPackRefundable(epoch *big.Int, account common.Address) ([]byte, error) {
	return predictionMarket.abi.Pack("refundable", epoch, account)
}

// UnpackRefundable is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7bf41254.
//
// Solidity: function refundable(uint256 epoch, address account) view returns(bool)
func (predictionMarket *PredictionMarket) UnpackRefundable(data []byte) (bool, error) {
	out, err := predictionMarket.abi.Unpack("refundable", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() pure returns()
func (predictionMarket *PredictionMarket) PackRenounceOwnership() []byte {
	enc, err := predictionMarket.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() pure returns()
func (predictionMarket *PredictionMarket) TryPackRenounceOwnership() ([]byte, error) {
	return predictionMarket.abi.Pack("renounceOwnership")
}

// PackRounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c65c81f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rounds(uint256 epoch) view returns((uint40,uint40,uint40,uint40,uint32,uint16,uint8,uint8,uint8,uint128,uint128,int128,int128,int128))
func (predictionMarket *PredictionMarket) PackRounds(epoch *big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("rounds", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c65c81f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rounds(uint256 epoch) view returns((uint40,uint40,uint40,uint40,uint32,uint16,uint8,uint8,uint8,uint128,uint128,int128,int128,int128))
func (predictionMarket *PredictionMarket) TryPackRounds(epoch *big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("rounds", epoch)
}

// UnpackRounds is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8c65c81f.
//
// Solidity: function rounds(uint256 epoch) view returns((uint40,uint40,uint40,uint40,uint32,uint16,uint8,uint8,uint8,uint128,uint128,int128,int128,int128))
func (predictionMarket *PredictionMarket) UnpackRounds(data []byte) (Round, error) {
	out, err := predictionMarket.abi.Unpack("rounds", data)
	if err != nil {
		return *new(Round), err
	}
	out0 := *abi.ConvertType(out[0], new(Round)).(*Round)
	return out0, nil
}

// PackSetMaxAges is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7314b37e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMaxAges(uint32 maxPriceAge_, uint32 maxPredictionAge_) returns()
func (predictionMarket *PredictionMarket) PackSetMaxAges(maxPriceAge uint32, maxPredictionAge uint32) []byte {
	enc, err := predictionMarket.abi.Pack("setMaxAges", maxPriceAge, maxPredictionAge)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMaxAges is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7314b37e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMaxAges(uint32 maxPriceAge_, uint32 maxPredictionAge_) returns()
func (predictionMarket *PredictionMarket) TryPackSetMaxAges(maxPriceAge uint32, maxPredictionAge uint32) ([]byte, error) {
	return predictionMarket.abi.Pack("setMaxAges", maxPriceAge, maxPredictionAge)
}

// PackSetMinBetAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c188593.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMinBetAmount(uint256 amount) returns()
func (predictionMarket *PredictionMarket) PackSetMinBetAmount(amount *big.Int) []byte {
	enc, err := predictionMarket.abi.Pack("setMinBetAmount", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMinBetAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c188593.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMinBetAmount(uint256 amount) returns()
func (predictionMarket *PredictionMarket) TryPackSetMinBetAmount(amount *big.Int) ([]byte, error) {
	return predictionMarket.abi.Pack("setMinBetAmount", amount)
}

// PackSetTiming is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c3ce494.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTiming(uint32 intervalSeconds_, uint32 bufferSeconds_) returns()
func (predictionMarket *PredictionMarket) PackSetTiming(intervalSeconds uint32, bufferSeconds uint32) []byte {
	enc, err := predictionMarket.abi.Pack("setTiming", intervalSeconds, bufferSeconds)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTiming is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c3ce494.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTiming(uint32 intervalSeconds_, uint32 bufferSeconds_) returns()
func (predictionMarket *PredictionMarket) TryPackSetTiming(intervalSeconds uint32, bufferSeconds uint32) ([]byte, error) {
	return predictionMarket.abi.Pack("setTiming", intervalSeconds, bufferSeconds)
}

// PackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTreasury(address treasury_) returns()
func (predictionMarket *PredictionMarket) PackSetTreasury(treasury common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("setTreasury", treasury)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTreasury(address treasury_) returns()
func (predictionMarket *PredictionMarket) TryPackSetTreasury(treasury common.Address) ([]byte, error) {
	return predictionMarket.abi.Pack("setTreasury", treasury)
}

// PackSetTreasuryFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa652db49.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTreasuryFee(uint16 feeBps) returns()
func (predictionMarket *PredictionMarket) PackSetTreasuryFee(feeBps uint16) []byte {
	enc, err := predictionMarket.abi.Pack("setTreasuryFee", feeBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTreasuryFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa652db49.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTreasuryFee(uint16 feeBps) returns()
func (predictionMarket *PredictionMarket) TryPackSetTreasuryFee(feeBps uint16) ([]byte, error) {
	return predictionMarket.abi.Pack("setTreasuryFee", feeBps)
}

// PackStakeToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51ed6a30.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stakeToken() view returns(address)
func (predictionMarket *PredictionMarket) PackStakeToken() []byte {
	enc, err := predictionMarket.abi.Pack("stakeToken")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStakeToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51ed6a30.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stakeToken() view returns(address)
func (predictionMarket *PredictionMarket) TryPackStakeToken() ([]byte, error) {
	return predictionMarket.abi.Pack("stakeToken")
}

// UnpackStakeToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x51ed6a30.
//
// Solidity: function stakeToken() view returns(address)
func (predictionMarket *PredictionMarket) UnpackStakeToken(data []byte) (common.Address, error) {
	out, err := predictionMarket.abi.Unpack("stakeToken", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTopicId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0139b5f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function topicId() view returns(uint64)
func (predictionMarket *PredictionMarket) PackTopicId() []byte {
	enc, err := predictionMarket.abi.Pack("topicId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTopicId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0139b5f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function topicId() view returns(uint64)
func (predictionMarket *PredictionMarket) TryPackTopicId() ([]byte, error) {
	return predictionMarket.abi.Pack("topicId")
}

// UnpackTopicId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0139b5f1.
//
// Solidity: function topicId() view returns(uint64)
func (predictionMarket *PredictionMarket) UnpackTopicId(data []byte) (uint64, error) {
	out, err := predictionMarket.abi.Unpack("topicId", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (predictionMarket *PredictionMarket) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := predictionMarket.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (predictionMarket *PredictionMarket) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return predictionMarket.abi.Pack("transferOwnership", newOwner)
}

// PackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasury() view returns(address)
func (predictionMarket *PredictionMarket) PackTreasury() []byte {
	enc, err := predictionMarket.abi.Pack("treasury")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasury() view returns(address)
func (predictionMarket *PredictionMarket) TryPackTreasury() ([]byte, error) {
	return predictionMarket.abi.Pack("treasury")
}

// UnpackTreasury is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (predictionMarket *PredictionMarket) UnpackTreasury(data []byte) (common.Address, error) {
	out, err := predictionMarket.abi.Unpack("treasury", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTreasuryAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x368acb09.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasuryAmount() view returns(uint256)
func (predictionMarket *PredictionMarket) PackTreasuryAmount() []byte {
	enc, err := predictionMarket.abi.Pack("treasuryAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasuryAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x368acb09.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasuryAmount() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackTreasuryAmount() ([]byte, error) {
	return predictionMarket.abi.Pack("treasuryAmount")
}

// UnpackTreasuryAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x368acb09.
//
// Solidity: function treasuryAmount() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackTreasuryAmount(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("treasuryAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTreasuryFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe80cfa5e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasuryFeeBps() view returns(uint256)
func (predictionMarket *PredictionMarket) PackTreasuryFeeBps() []byte {
	enc, err := predictionMarket.abi.Pack("treasuryFeeBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasuryFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe80cfa5e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasuryFeeBps() view returns(uint256)
func (predictionMarket *PredictionMarket) TryPackTreasuryFeeBps() ([]byte, error) {
	return predictionMarket.abi.Pack("treasuryFeeBps")
}

// UnpackTreasuryFeeBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe80cfa5e.
//
// Solidity: function treasuryFeeBps() view returns(uint256)
func (predictionMarket *PredictionMarket) UnpackTreasuryFeeBps(data []byte) (*big.Int, error) {
	out, err := predictionMarket.abi.Unpack("treasuryFeeBps", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (predictionMarket *PredictionMarket) PackUnpause() []byte {
	enc, err := predictionMarket.abi.Pack("unpause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpause() returns()
func (predictionMarket *PredictionMarket) TryPackUnpause() ([]byte, error) {
	return predictionMarket.abi.Pack("unpause")
}

// PredictionMarketBetPlaced represents a BetPlaced event raised by the PredictionMarket contract.
type PredictionMarketBetPlaced struct {
	Account  common.Address
	Epoch    *big.Int
	Position uint8
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const PredictionMarketBetPlacedEventName = "BetPlaced"

// ContractEventName returns the user-defined event name.
func (PredictionMarketBetPlaced) ContractEventName() string {
	return PredictionMarketBetPlacedEventName
}

// UnpackBetPlacedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BetPlaced(address indexed account, uint256 indexed epoch, uint8 position, uint256 amount)
func (predictionMarket *PredictionMarket) UnpackBetPlacedEvent(log *types.Log) (*PredictionMarketBetPlaced, error) {
	event := "BetPlaced"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketBetPlaced)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketClaimed represents a Claimed event raised by the PredictionMarket contract.
type PredictionMarketClaimed struct {
	Account common.Address
	Epoch   *big.Int
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PredictionMarketClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (PredictionMarketClaimed) ContractEventName() string {
	return PredictionMarketClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(address indexed account, uint256 indexed epoch, uint256 amount)
func (predictionMarket *PredictionMarket) UnpackClaimedEvent(log *types.Log) (*PredictionMarketClaimed, error) {
	event := "Claimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketClaimed)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketMaxAgesUpdated represents a MaxAgesUpdated event raised by the PredictionMarket contract.
type PredictionMarketMaxAgesUpdated struct {
	MaxPriceAge      uint32
	MaxPredictionAge uint32
	Raw              *types.Log // Blockchain specific contextual infos
}

const PredictionMarketMaxAgesUpdatedEventName = "MaxAgesUpdated"

// ContractEventName returns the user-defined event name.
func (PredictionMarketMaxAgesUpdated) ContractEventName() string {
	return PredictionMarketMaxAgesUpdatedEventName
}

// UnpackMaxAgesUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MaxAgesUpdated(uint32 maxPriceAge, uint32 maxPredictionAge)
func (predictionMarket *PredictionMarket) UnpackMaxAgesUpdatedEvent(log *types.Log) (*PredictionMarketMaxAgesUpdated, error) {
	event := "MaxAgesUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketMaxAgesUpdated)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketMinBetAmountUpdated represents a MinBetAmountUpdated event raised by the PredictionMarket contract.
type PredictionMarketMinBetAmountUpdated struct {
	MinBetAmount *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const PredictionMarketMinBetAmountUpdatedEventName = "MinBetAmountUpdated"

// ContractEventName returns the user-defined event name.
func (PredictionMarketMinBetAmountUpdated) ContractEventName() string {
	return PredictionMarketMinBetAmountUpdatedEventName
}

// UnpackMinBetAmountUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MinBetAmountUpdated(uint256 minBetAmount)
func (predictionMarket *PredictionMarket) UnpackMinBetAmountUpdatedEvent(log *types.Log) (*PredictionMarketMinBetAmountUpdated, error) {
	event := "MinBetAmountUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketMinBetAmountUpdated)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the PredictionMarket contract.
type PredictionMarketOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const PredictionMarketOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (PredictionMarketOwnershipTransferStarted) ContractEventName() string {
	return PredictionMarketOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (predictionMarket *PredictionMarket) UnpackOwnershipTransferStartedEvent(log *types.Log) (*PredictionMarketOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketOwnershipTransferred represents a OwnershipTransferred event raised by the PredictionMarket contract.
type PredictionMarketOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const PredictionMarketOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (PredictionMarketOwnershipTransferred) ContractEventName() string {
	return PredictionMarketOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (predictionMarket *PredictionMarket) UnpackOwnershipTransferredEvent(log *types.Log) (*PredictionMarketOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketPaused represents a Paused event raised by the PredictionMarket contract.
type PredictionMarketPaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PredictionMarketPausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (PredictionMarketPaused) ContractEventName() string {
	return PredictionMarketPausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(address account)
func (predictionMarket *PredictionMarket) UnpackPausedEvent(log *types.Log) (*PredictionMarketPaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketPaused)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketRefunded represents a Refunded event raised by the PredictionMarket contract.
type PredictionMarketRefunded struct {
	Account common.Address
	Epoch   *big.Int
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PredictionMarketRefundedEventName = "Refunded"

// ContractEventName returns the user-defined event name.
func (PredictionMarketRefunded) ContractEventName() string {
	return PredictionMarketRefundedEventName
}

// UnpackRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Refunded(address indexed account, uint256 indexed epoch, uint256 amount)
func (predictionMarket *PredictionMarket) UnpackRefundedEvent(log *types.Log) (*PredictionMarketRefunded, error) {
	event := "Refunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketRefunded)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketRoundEnded represents a RoundEnded event raised by the PredictionMarket contract.
type PredictionMarketRoundEnded struct {
	Epoch        *big.Int
	PriceRoundId *big.Int
	ClosePrice   *big.Int
	Status       uint8
	TreasuryFee  *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const PredictionMarketRoundEndedEventName = "RoundEnded"

// ContractEventName returns the user-defined event name.
func (PredictionMarketRoundEnded) ContractEventName() string {
	return PredictionMarketRoundEndedEventName
}

// UnpackRoundEndedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundEnded(uint256 indexed epoch, uint80 priceRoundId, int256 closePrice, uint8 status, uint256 treasuryFee)
func (predictionMarket *PredictionMarket) UnpackRoundEndedEvent(log *types.Log) (*PredictionMarketRoundEnded, error) {
	event := "RoundEnded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketRoundEnded)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketRoundLocked represents a RoundLocked event raised by the PredictionMarket contract.
type PredictionMarketRoundLocked struct {
	Epoch        *big.Int
	PriceRoundId *big.Int
	LockPrice    *big.Int
	AiPrediction *big.Int
	AiCall       uint8
	Status       uint8
	Raw          *types.Log // Blockchain specific contextual infos
}

const PredictionMarketRoundLockedEventName = "RoundLocked"

// ContractEventName returns the user-defined event name.
func (PredictionMarketRoundLocked) ContractEventName() string {
	return PredictionMarketRoundLockedEventName
}

// UnpackRoundLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundLocked(uint256 indexed epoch, uint80 priceRoundId, int256 lockPrice, int256 aiPrediction, uint8 aiCall, uint8 status)
func (predictionMarket *PredictionMarket) UnpackRoundLockedEvent(log *types.Log) (*PredictionMarketRoundLocked, error) {
	event := "RoundLocked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketRoundLocked)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketRoundStarted represents a RoundStarted event raised by the PredictionMarket contract.
type PredictionMarketRoundStarted struct {
	Epoch                 *big.Int
	StartTimestamp        *big.Int
	LockTimestamp         *big.Int
	CloseTimestamp        *big.Int
	AiPrediction          *big.Int
	PredictionTimestamp   *big.Int
	PredictionBlockHeight uint64
	Raw                   *types.Log // Blockchain specific contextual infos
}

const PredictionMarketRoundStartedEventName = "RoundStarted"

// ContractEventName returns the user-defined event name.
func (PredictionMarketRoundStarted) ContractEventName() string {
	return PredictionMarketRoundStartedEventName
}

// UnpackRoundStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundStarted(uint256 indexed epoch, uint256 startTimestamp, uint256 lockTimestamp, uint256 closeTimestamp, int256 aiPrediction, uint256 predictionTimestamp, uint64 predictionBlockHeight)
func (predictionMarket *PredictionMarket) UnpackRoundStartedEvent(log *types.Log) (*PredictionMarketRoundStarted, error) {
	event := "RoundStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketRoundStarted)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketRoundVoided represents a RoundVoided event raised by the PredictionMarket contract.
type PredictionMarketRoundVoided struct {
	Epoch  *big.Int
	Reason uint8
	Raw    *types.Log // Blockchain specific contextual infos
}

const PredictionMarketRoundVoidedEventName = "RoundVoided"

// ContractEventName returns the user-defined event name.
func (PredictionMarketRoundVoided) ContractEventName() string {
	return PredictionMarketRoundVoidedEventName
}

// UnpackRoundVoidedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundVoided(uint256 indexed epoch, uint8 reason)
func (predictionMarket *PredictionMarket) UnpackRoundVoidedEvent(log *types.Log) (*PredictionMarketRoundVoided, error) {
	event := "RoundVoided"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketRoundVoided)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketTimingUpdated represents a TimingUpdated event raised by the PredictionMarket contract.
type PredictionMarketTimingUpdated struct {
	IntervalSeconds uint32
	BufferSeconds   uint32
	Raw             *types.Log // Blockchain specific contextual infos
}

const PredictionMarketTimingUpdatedEventName = "TimingUpdated"

// ContractEventName returns the user-defined event name.
func (PredictionMarketTimingUpdated) ContractEventName() string {
	return PredictionMarketTimingUpdatedEventName
}

// UnpackTimingUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TimingUpdated(uint32 intervalSeconds, uint32 bufferSeconds)
func (predictionMarket *PredictionMarket) UnpackTimingUpdatedEvent(log *types.Log) (*PredictionMarketTimingUpdated, error) {
	event := "TimingUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketTimingUpdated)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketTreasuryClaimed represents a TreasuryClaimed event raised by the PredictionMarket contract.
type PredictionMarketTreasuryClaimed struct {
	Treasury common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const PredictionMarketTreasuryClaimedEventName = "TreasuryClaimed"

// ContractEventName returns the user-defined event name.
func (PredictionMarketTreasuryClaimed) ContractEventName() string {
	return PredictionMarketTreasuryClaimedEventName
}

// UnpackTreasuryClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryClaimed(address indexed treasury, uint256 amount)
func (predictionMarket *PredictionMarket) UnpackTreasuryClaimedEvent(log *types.Log) (*PredictionMarketTreasuryClaimed, error) {
	event := "TreasuryClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketTreasuryClaimed)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketTreasuryFeeUpdated represents a TreasuryFeeUpdated event raised by the PredictionMarket contract.
type PredictionMarketTreasuryFeeUpdated struct {
	FeeBps uint16
	Raw    *types.Log // Blockchain specific contextual infos
}

const PredictionMarketTreasuryFeeUpdatedEventName = "TreasuryFeeUpdated"

// ContractEventName returns the user-defined event name.
func (PredictionMarketTreasuryFeeUpdated) ContractEventName() string {
	return PredictionMarketTreasuryFeeUpdatedEventName
}

// UnpackTreasuryFeeUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryFeeUpdated(uint16 feeBps)
func (predictionMarket *PredictionMarket) UnpackTreasuryFeeUpdatedEvent(log *types.Log) (*PredictionMarketTreasuryFeeUpdated, error) {
	event := "TreasuryFeeUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketTreasuryFeeUpdated)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketTreasuryUpdated represents a TreasuryUpdated event raised by the PredictionMarket contract.
type PredictionMarketTreasuryUpdated struct {
	Treasury common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const PredictionMarketTreasuryUpdatedEventName = "TreasuryUpdated"

// ContractEventName returns the user-defined event name.
func (PredictionMarketTreasuryUpdated) ContractEventName() string {
	return PredictionMarketTreasuryUpdatedEventName
}

// UnpackTreasuryUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryUpdated(address treasury)
func (predictionMarket *PredictionMarket) UnpackTreasuryUpdatedEvent(log *types.Log) (*PredictionMarketTreasuryUpdated, error) {
	event := "TreasuryUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketTreasuryUpdated)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PredictionMarketUnpaused represents a Unpaused event raised by the PredictionMarket contract.
type PredictionMarketUnpaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PredictionMarketUnpausedEventName = "Unpaused"

// ContractEventName returns the user-defined event name.
func (PredictionMarketUnpaused) ContractEventName() string {
	return PredictionMarketUnpausedEventName
}

// UnpackUnpausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpaused(address account)
func (predictionMarket *PredictionMarket) UnpackUnpausedEvent(log *types.Log) (*PredictionMarketUnpaused, error) {
	event := "Unpaused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != predictionMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PredictionMarketUnpaused)
	if len(log.Data) > 0 {
		if err := predictionMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range predictionMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (predictionMarket *PredictionMarket) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["AlreadyBet"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackAlreadyBetError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["BetTooLarge"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackBetTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["BetTooSmall"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackBetTooSmallError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["FeeTooHigh"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackFeeTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["GenesisAlreadyLocked"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackGenesisAlreadyLockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["GenesisAlreadyStarted"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackGenesisAlreadyStartedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["GenesisNotLocked"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackGenesisNotLockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["GenesisNotStarted"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackGenesisNotStartedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["InsufficientGas"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackInsufficientGasError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["InvalidBuffer"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackInvalidBufferError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["InvalidInterval"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackInvalidIntervalError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["InvalidMaxAge"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackInvalidMaxAgeError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["InvalidMinBetAmount"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackInvalidMinBetAmountError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["MarketNotPaused"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackMarketNotPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["MarketPaused"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackMarketPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["NativeTransferFailed"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackNativeTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["NoEpochs"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackNoEpochsError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["NoPrediction"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackNoPredictionError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["NotAContract"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackNotAContractError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["NotClaimable"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackNotClaimableError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["NothingToClaim"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackNothingToClaimError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["PriceRoundNotInForce"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackPriceRoundNotInForceError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["RenounceOwnershipDisabled"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackRenounceOwnershipDisabledError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["RoundNotBettable"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackRoundNotBettableError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["RoundNotDue"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackRoundNotDueError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["TransferAmountMismatch"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackTransferAmountMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["UnsupportedPriceDecimals"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackUnsupportedPriceDecimalsError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["WrongValue"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackWrongValueError(raw[4:])
	}
	if bytes.Equal(raw[:4], predictionMarket.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return predictionMarket.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PredictionMarketAlreadyBet represents a AlreadyBet error raised by the PredictionMarket contract.
type PredictionMarketAlreadyBet struct {
	Epoch   *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyBet(uint256 epoch, address account)
func PredictionMarketAlreadyBetErrorID() common.Hash {
	return common.HexToHash("0xd0512e60887fc7a7179ee4e53b44ebea5aa77c5e78de8ca4100e9bad2488a0d9")
}

// UnpackAlreadyBetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyBet(uint256 epoch, address account)
func (predictionMarket *PredictionMarket) UnpackAlreadyBetError(raw []byte) (*PredictionMarketAlreadyBet, error) {
	out := new(PredictionMarketAlreadyBet)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "AlreadyBet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketAlreadyClaimed represents a AlreadyClaimed error raised by the PredictionMarket contract.
type PredictionMarketAlreadyClaimed struct {
	Epoch   *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint256 epoch, address account)
func PredictionMarketAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xa9214540dbdab41c9e79b3f2188acea45d13e6ac15f24990e9f6ddf7cc0e4180")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint256 epoch, address account)
func (predictionMarket *PredictionMarket) UnpackAlreadyClaimedError(raw []byte) (*PredictionMarketAlreadyClaimed, error) {
	out := new(PredictionMarketAlreadyClaimed)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketBetTooLarge represents a BetTooLarge error raised by the PredictionMarket contract.
type PredictionMarketBetTooLarge struct {
	Amount       *big.Int
	MaxBetAmount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BetTooLarge(uint256 amount, uint256 maxBetAmount)
func PredictionMarketBetTooLargeErrorID() common.Hash {
	return common.HexToHash("0x69da332c3967ecf7e931fb35666b48cc660372f49c3736407ca6c50bf937810e")
}

// UnpackBetTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BetTooLarge(uint256 amount, uint256 maxBetAmount)
func (predictionMarket *PredictionMarket) UnpackBetTooLargeError(raw []byte) (*PredictionMarketBetTooLarge, error) {
	out := new(PredictionMarketBetTooLarge)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "BetTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketBetTooSmall represents a BetTooSmall error raised by the PredictionMarket contract.
type PredictionMarketBetTooSmall struct {
	Amount       *big.Int
	MinBetAmount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BetTooSmall(uint256 amount, uint256 minBetAmount)
func PredictionMarketBetTooSmallErrorID() common.Hash {
	return common.HexToHash("0xac4d5cf846813471d72e6292e602c4ba48652f752293278bb0615668ebf20443")
}

// UnpackBetTooSmallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BetTooSmall(uint256 amount, uint256 minBetAmount)
func (predictionMarket *PredictionMarket) UnpackBetTooSmallError(raw []byte) (*PredictionMarketBetTooSmall, error) {
	out := new(PredictionMarketBetTooSmall)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "BetTooSmall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketFeeTooHigh represents a FeeTooHigh error raised by the PredictionMarket contract.
type PredictionMarketFeeTooHigh struct {
	FeeBps    *big.Int
	MaxFeeBps *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps)
func PredictionMarketFeeTooHighErrorID() common.Hash {
	return common.HexToHash("0xe757126a89ba5140023477c243d17c34ca7467d317e5523eafa819ff2931905a")
}

// UnpackFeeTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps)
func (predictionMarket *PredictionMarket) UnpackFeeTooHighError(raw []byte) (*PredictionMarketFeeTooHigh, error) {
	out := new(PredictionMarketFeeTooHigh)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "FeeTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketGenesisAlreadyLocked represents a GenesisAlreadyLocked error raised by the PredictionMarket contract.
type PredictionMarketGenesisAlreadyLocked struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GenesisAlreadyLocked()
func PredictionMarketGenesisAlreadyLockedErrorID() common.Hash {
	return common.HexToHash("0x37c8ea81d2fea9e7440d84995a16d74a88b3dac5fe5c9782de5df7ccc7d06c3e")
}

// UnpackGenesisAlreadyLockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GenesisAlreadyLocked()
func (predictionMarket *PredictionMarket) UnpackGenesisAlreadyLockedError(raw []byte) (*PredictionMarketGenesisAlreadyLocked, error) {
	out := new(PredictionMarketGenesisAlreadyLocked)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "GenesisAlreadyLocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketGenesisAlreadyStarted represents a GenesisAlreadyStarted error raised by the PredictionMarket contract.
type PredictionMarketGenesisAlreadyStarted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GenesisAlreadyStarted()
func PredictionMarketGenesisAlreadyStartedErrorID() common.Hash {
	return common.HexToHash("0xc9abd6f67b8bc2e1e28cca119e4f03a061a8460578b62f402e2f1e0ef23f2427")
}

// UnpackGenesisAlreadyStartedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GenesisAlreadyStarted()
func (predictionMarket *PredictionMarket) UnpackGenesisAlreadyStartedError(raw []byte) (*PredictionMarketGenesisAlreadyStarted, error) {
	out := new(PredictionMarketGenesisAlreadyStarted)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "GenesisAlreadyStarted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketGenesisNotLocked represents a GenesisNotLocked error raised by the PredictionMarket contract.
type PredictionMarketGenesisNotLocked struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GenesisNotLocked()
func PredictionMarketGenesisNotLockedErrorID() common.Hash {
	return common.HexToHash("0xd1fcf4f37f6b4a6b94ab697f0369a4004dd7130f689d3f52069ed6febab0c158")
}

// UnpackGenesisNotLockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GenesisNotLocked()
func (predictionMarket *PredictionMarket) UnpackGenesisNotLockedError(raw []byte) (*PredictionMarketGenesisNotLocked, error) {
	out := new(PredictionMarketGenesisNotLocked)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "GenesisNotLocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketGenesisNotStarted represents a GenesisNotStarted error raised by the PredictionMarket contract.
type PredictionMarketGenesisNotStarted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GenesisNotStarted()
func PredictionMarketGenesisNotStartedErrorID() common.Hash {
	return common.HexToHash("0x025b3c66b2d0cefd697969176901cb84af57ab8433786a79a27728db8132df2a")
}

// UnpackGenesisNotStartedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GenesisNotStarted()
func (predictionMarket *PredictionMarket) UnpackGenesisNotStartedError(raw []byte) (*PredictionMarketGenesisNotStarted, error) {
	out := new(PredictionMarketGenesisNotStarted)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "GenesisNotStarted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketInsufficientGas represents a InsufficientGas error raised by the PredictionMarket contract.
type PredictionMarketInsufficientGas struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientGas()
func PredictionMarketInsufficientGasErrorID() common.Hash {
	return common.HexToHash("0x1c26714c035362f785e44b6773a87881da86705e5698c55bb550907617bb1353")
}

// UnpackInsufficientGasError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientGas()
func (predictionMarket *PredictionMarket) UnpackInsufficientGasError(raw []byte) (*PredictionMarketInsufficientGas, error) {
	out := new(PredictionMarketInsufficientGas)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "InsufficientGas", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketInvalidBuffer represents a InvalidBuffer error raised by the PredictionMarket contract.
type PredictionMarketInvalidBuffer struct {
	BufferSeconds   *big.Int
	IntervalSeconds *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidBuffer(uint256 bufferSeconds, uint256 intervalSeconds)
func PredictionMarketInvalidBufferErrorID() common.Hash {
	return common.HexToHash("0x9b79bad53adc6981a1f79d6807784f89b41e21518635e44b0bf4b8c23aaf9b3d")
}

// UnpackInvalidBufferError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidBuffer(uint256 bufferSeconds, uint256 intervalSeconds)
func (predictionMarket *PredictionMarket) UnpackInvalidBufferError(raw []byte) (*PredictionMarketInvalidBuffer, error) {
	out := new(PredictionMarketInvalidBuffer)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "InvalidBuffer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketInvalidInterval represents a InvalidInterval error raised by the PredictionMarket contract.
type PredictionMarketInvalidInterval struct {
	IntervalSeconds *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidInterval(uint256 intervalSeconds)
func PredictionMarketInvalidIntervalErrorID() common.Hash {
	return common.HexToHash("0x7b5423a1d2bc8a5ee6c8c4664ea669e295419f285b4313abeffd608040e1fb07")
}

// UnpackInvalidIntervalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidInterval(uint256 intervalSeconds)
func (predictionMarket *PredictionMarket) UnpackInvalidIntervalError(raw []byte) (*PredictionMarketInvalidInterval, error) {
	out := new(PredictionMarketInvalidInterval)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "InvalidInterval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketInvalidMaxAge represents a InvalidMaxAge error raised by the PredictionMarket contract.
type PredictionMarketInvalidMaxAge struct {
	MaxPriceAge      *big.Int
	MaxPredictionAge *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMaxAge(uint256 maxPriceAge, uint256 maxPredictionAge)
func PredictionMarketInvalidMaxAgeErrorID() common.Hash {
	return common.HexToHash("0xf57f90bbd13eb267d47d976193dac65ea31f21d20c707ea245583f618989de0e")
}

// UnpackInvalidMaxAgeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMaxAge(uint256 maxPriceAge, uint256 maxPredictionAge)
func (predictionMarket *PredictionMarket) UnpackInvalidMaxAgeError(raw []byte) (*PredictionMarketInvalidMaxAge, error) {
	out := new(PredictionMarketInvalidMaxAge)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "InvalidMaxAge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketInvalidMinBetAmount represents a InvalidMinBetAmount error raised by the PredictionMarket contract.
type PredictionMarketInvalidMinBetAmount struct {
	MinBetAmount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMinBetAmount(uint256 minBetAmount)
func PredictionMarketInvalidMinBetAmountErrorID() common.Hash {
	return common.HexToHash("0x9291f27b672a57636ba5f37b92cc12aad1c28aefb7d0e03a8dd2dcbc8f63cdf5")
}

// UnpackInvalidMinBetAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMinBetAmount(uint256 minBetAmount)
func (predictionMarket *PredictionMarket) UnpackInvalidMinBetAmountError(raw []byte) (*PredictionMarketInvalidMinBetAmount, error) {
	out := new(PredictionMarketInvalidMinBetAmount)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "InvalidMinBetAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketMarketNotPaused represents a MarketNotPaused error raised by the PredictionMarket contract.
type PredictionMarketMarketNotPaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MarketNotPaused()
func PredictionMarketMarketNotPausedErrorID() common.Hash {
	return common.HexToHash("0xc801150eb80f8c66e0f76f613e84a13f90a1e626a422e91eadff33eab76469c9")
}

// UnpackMarketNotPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MarketNotPaused()
func (predictionMarket *PredictionMarket) UnpackMarketNotPausedError(raw []byte) (*PredictionMarketMarketNotPaused, error) {
	out := new(PredictionMarketMarketNotPaused)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "MarketNotPaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketMarketPaused represents a MarketPaused error raised by the PredictionMarket contract.
type PredictionMarketMarketPaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MarketPaused()
func PredictionMarketMarketPausedErrorID() common.Hash {
	return common.HexToHash("0x54882d18a6359e96e87b8aaeffe9f2fa9548a1dc5b62f8d0010e5554e6c7771d")
}

// UnpackMarketPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MarketPaused()
func (predictionMarket *PredictionMarket) UnpackMarketPausedError(raw []byte) (*PredictionMarketMarketPaused, error) {
	out := new(PredictionMarketMarketPaused)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "MarketPaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketNativeTransferFailed represents a NativeTransferFailed error raised by the PredictionMarket contract.
type PredictionMarketNativeTransferFailed struct {
	To     common.Address
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NativeTransferFailed(address to, uint256 amount)
func PredictionMarketNativeTransferFailedErrorID() common.Hash {
	return common.HexToHash("0xa5b05eec8040da65485bf3ab248b47c42271aa50a9234ed8f116e568dc285cc6")
}

// UnpackNativeTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NativeTransferFailed(address to, uint256 amount)
func (predictionMarket *PredictionMarket) UnpackNativeTransferFailedError(raw []byte) (*PredictionMarketNativeTransferFailed, error) {
	out := new(PredictionMarketNativeTransferFailed)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "NativeTransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketNoEpochs represents a NoEpochs error raised by the PredictionMarket contract.
type PredictionMarketNoEpochs struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoEpochs()
func PredictionMarketNoEpochsErrorID() common.Hash {
	return common.HexToHash("0xa88e39ff50a5af9bcc00ea1c30891c1665676b05f2732b3a30183f189f514b76")
}

// UnpackNoEpochsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoEpochs()
func (predictionMarket *PredictionMarket) UnpackNoEpochsError(raw []byte) (*PredictionMarketNoEpochs, error) {
	out := new(PredictionMarketNoEpochs)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "NoEpochs", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketNoPrediction represents a NoPrediction error raised by the PredictionMarket contract.
type PredictionMarketNoPrediction struct {
	Epoch *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPrediction(uint256 epoch)
func PredictionMarketNoPredictionErrorID() common.Hash {
	return common.HexToHash("0x07c1c4c4e3c7ae70bbdc8eb302c2f71d9d3f4c6b5f243fa27d65b595f970e59f")
}

// UnpackNoPredictionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPrediction(uint256 epoch)
func (predictionMarket *PredictionMarket) UnpackNoPredictionError(raw []byte) (*PredictionMarketNoPrediction, error) {
	out := new(PredictionMarketNoPrediction)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "NoPrediction", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketNotAContract represents a NotAContract error raised by the PredictionMarket contract.
type PredictionMarketNotAContract struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAContract(address account)
func PredictionMarketNotAContractErrorID() common.Hash {
	return common.HexToHash("0x8a8b41ec6b8382733436ac0321a506b0d1e41dc29c8650d1fd1ff17e726ab809")
}

// UnpackNotAContractError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAContract(address account)
func (predictionMarket *PredictionMarket) UnpackNotAContractError(raw []byte) (*PredictionMarketNotAContract, error) {
	out := new(PredictionMarketNotAContract)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "NotAContract", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketNotClaimable represents a NotClaimable error raised by the PredictionMarket contract.
type PredictionMarketNotClaimable struct {
	Epoch   *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotClaimable(uint256 epoch, address account)
func PredictionMarketNotClaimableErrorID() common.Hash {
	return common.HexToHash("0xdd233208408028c221629cb8bcbe52618b585c1901f30f49ce59873feb7f0d22")
}

// UnpackNotClaimableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotClaimable(uint256 epoch, address account)
func (predictionMarket *PredictionMarket) UnpackNotClaimableError(raw []byte) (*PredictionMarketNotClaimable, error) {
	out := new(PredictionMarketNotClaimable)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "NotClaimable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketNothingToClaim represents a NothingToClaim error raised by the PredictionMarket contract.
type PredictionMarketNothingToClaim struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToClaim()
func PredictionMarketNothingToClaimErrorID() common.Hash {
	return common.HexToHash("0x969bf7288f744225521096ebffff657851af77dd4c63700d76b8d1cf6481d1f1")
}

// UnpackNothingToClaimError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToClaim()
func (predictionMarket *PredictionMarket) UnpackNothingToClaimError(raw []byte) (*PredictionMarketNothingToClaim, error) {
	out := new(PredictionMarketNothingToClaim)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "NothingToClaim", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the PredictionMarket contract.
type PredictionMarketOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func PredictionMarketOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (predictionMarket *PredictionMarket) UnpackOwnableInvalidOwnerError(raw []byte) (*PredictionMarketOwnableInvalidOwner, error) {
	out := new(PredictionMarketOwnableInvalidOwner)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the PredictionMarket contract.
type PredictionMarketOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func PredictionMarketOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (predictionMarket *PredictionMarket) UnpackOwnableUnauthorizedAccountError(raw []byte) (*PredictionMarketOwnableUnauthorizedAccount, error) {
	out := new(PredictionMarketOwnableUnauthorizedAccount)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketPriceRoundNotInForce represents a PriceRoundNotInForce error raised by the PredictionMarket contract.
type PredictionMarketPriceRoundNotInForce struct {
	PriceRoundId *big.Int
	Timestamp    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PriceRoundNotInForce(uint80 priceRoundId, uint256 timestamp)
func PredictionMarketPriceRoundNotInForceErrorID() common.Hash {
	return common.HexToHash("0xa85919ee660a1421c999aa3660c485f420c92fa319dbd793f53e3ab0e2b747b7")
}

// UnpackPriceRoundNotInForceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PriceRoundNotInForce(uint80 priceRoundId, uint256 timestamp)
func (predictionMarket *PredictionMarket) UnpackPriceRoundNotInForceError(raw []byte) (*PredictionMarketPriceRoundNotInForce, error) {
	out := new(PredictionMarketPriceRoundNotInForce)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "PriceRoundNotInForce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the PredictionMarket contract.
type PredictionMarketReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func PredictionMarketReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (predictionMarket *PredictionMarket) UnpackReentrancyGuardReentrantCallError(raw []byte) (*PredictionMarketReentrancyGuardReentrantCall, error) {
	out := new(PredictionMarketReentrancyGuardReentrantCall)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketRenounceOwnershipDisabled represents a RenounceOwnershipDisabled error raised by the PredictionMarket contract.
type PredictionMarketRenounceOwnershipDisabled struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RenounceOwnershipDisabled()
func PredictionMarketRenounceOwnershipDisabledErrorID() common.Hash {
	return common.HexToHash("0xffc0fd9327ceec71a819020aff5a151b73272fa985d1c880da9e4753688140f8")
}

// UnpackRenounceOwnershipDisabledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RenounceOwnershipDisabled()
func (predictionMarket *PredictionMarket) UnpackRenounceOwnershipDisabledError(raw []byte) (*PredictionMarketRenounceOwnershipDisabled, error) {
	out := new(PredictionMarketRenounceOwnershipDisabled)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "RenounceOwnershipDisabled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketRoundNotBettable represents a RoundNotBettable error raised by the PredictionMarket contract.
type PredictionMarketRoundNotBettable struct {
	Epoch *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotBettable(uint256 epoch)
func PredictionMarketRoundNotBettableErrorID() common.Hash {
	return common.HexToHash("0x9db91ebdadc61d76c97848fcc28508f46bedadf9205429097782c268bb57e419")
}

// UnpackRoundNotBettableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotBettable(uint256 epoch)
func (predictionMarket *PredictionMarket) UnpackRoundNotBettableError(raw []byte) (*PredictionMarketRoundNotBettable, error) {
	out := new(PredictionMarketRoundNotBettable)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "RoundNotBettable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketRoundNotDue represents a RoundNotDue error raised by the PredictionMarket contract.
type PredictionMarketRoundNotDue struct {
	Epoch         *big.Int
	LockTimestamp *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotDue(uint256 epoch, uint256 lockTimestamp)
func PredictionMarketRoundNotDueErrorID() common.Hash {
	return common.HexToHash("0x037c893aaae0a6f032a02367d39d99faa6c728e5b6f76f105ff0f0d35cc9005f")
}

// UnpackRoundNotDueError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotDue(uint256 epoch, uint256 lockTimestamp)
func (predictionMarket *PredictionMarket) UnpackRoundNotDueError(raw []byte) (*PredictionMarketRoundNotDue, error) {
	out := new(PredictionMarketRoundNotDue)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "RoundNotDue", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the PredictionMarket contract.
type PredictionMarketSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func PredictionMarketSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (predictionMarket *PredictionMarket) UnpackSafeERC20FailedOperationError(raw []byte) (*PredictionMarketSafeERC20FailedOperation, error) {
	out := new(PredictionMarketSafeERC20FailedOperation)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketTransferAmountMismatch represents a TransferAmountMismatch error raised by the PredictionMarket contract.
type PredictionMarketTransferAmountMismatch struct {
	Expected *big.Int
	Received *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferAmountMismatch(uint256 expected, uint256 received)
func PredictionMarketTransferAmountMismatchErrorID() common.Hash {
	return common.HexToHash("0xb6a9b654dee4927456f6162146bc13897422fded910bff5982bab9b0139eaa6c")
}

// UnpackTransferAmountMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferAmountMismatch(uint256 expected, uint256 received)
func (predictionMarket *PredictionMarket) UnpackTransferAmountMismatchError(raw []byte) (*PredictionMarketTransferAmountMismatch, error) {
	out := new(PredictionMarketTransferAmountMismatch)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "TransferAmountMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketUnsupportedPriceDecimals represents a UnsupportedPriceDecimals error raised by the PredictionMarket contract.
type PredictionMarketUnsupportedPriceDecimals struct {
	Decimals uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnsupportedPriceDecimals(uint8 decimals)
func PredictionMarketUnsupportedPriceDecimalsErrorID() common.Hash {
	return common.HexToHash("0xd392f03aac136407b79432c1e4ebd8c30189faeb9dc2a5bbc1b5ec2c1e36c7ed")
}

// UnpackUnsupportedPriceDecimalsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnsupportedPriceDecimals(uint8 decimals)
func (predictionMarket *PredictionMarket) UnpackUnsupportedPriceDecimalsError(raw []byte) (*PredictionMarketUnsupportedPriceDecimals, error) {
	out := new(PredictionMarketUnsupportedPriceDecimals)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "UnsupportedPriceDecimals", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketWrongValue represents a WrongValue error raised by the PredictionMarket contract.
type PredictionMarketWrongValue struct {
	Value    *big.Int
	Expected *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongValue(uint256 value, uint256 expected)
func PredictionMarketWrongValueErrorID() common.Hash {
	return common.HexToHash("0x195a3ca12ac3744ef64727effb118b3b203c382e49c7a7d24d450eae5e3b889a")
}

// UnpackWrongValueError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongValue(uint256 value, uint256 expected)
func (predictionMarket *PredictionMarket) UnpackWrongValueError(raw []byte) (*PredictionMarketWrongValue, error) {
	out := new(PredictionMarketWrongValue)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "WrongValue", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PredictionMarketZeroAddress represents a ZeroAddress error raised by the PredictionMarket contract.
type PredictionMarketZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func PredictionMarketZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (predictionMarket *PredictionMarket) UnpackZeroAddressError(raw []byte) (*PredictionMarketZeroAddress, error) {
	out := new(PredictionMarketZeroAddress)
	if err := predictionMarket.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
