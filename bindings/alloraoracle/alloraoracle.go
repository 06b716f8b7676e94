// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package alloraoracle

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

// Signature is an auto generated low-level Go binding around an user-defined struct.
type Signature struct {
	R  [32]byte
	Vs [32]byte
}

// TopicState is an auto generated low-level Go binding around an user-defined struct.
type TopicState struct {
	Value           *big.Int
	BlockHeight     uint64
	Timestamp       uint64
	LossBlockHeight uint64
}

// Update is an auto generated low-level Go binding around an user-defined struct.
type Update struct {
	TopicId         uint64
	Value           *big.Int
	BlockHeight     uint64
	LossBlockHeight uint64
	Timestamp       uint64
}

// AlloraOracleMetaData contains all meta data concerning the AlloraOracle contract.
var AlloraOracleMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"initialOwner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"initialSigners\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"initialThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"initialMaxAge\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"initialMaxFutureSkew\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"BATCH_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DOMAIN_SEPARATOR\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"HISTORY_SIZE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_SIGNERS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"UPDATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"VERIFIER_GAS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"acceptOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"decodeState\",\"inputs\":[{\"name\":\"state\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRound\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"outputs\":[{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashBatch\",\"inputs\":[{\"name\":\"updates\",\"type\":\"tuple[]\",\"internalType\":\"structUpdate[]\",\"components\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"historyEnabled\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isSigner\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latest\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"decimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latestRound\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latestVersion\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxAge\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxFutureSkew\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"owner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pause\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"paused\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingOwner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"requestUpdate\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"payable\"},{\"type\":\"function\",\"name\":\"setHistory\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"enabled\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setSigners\",\"inputs\":[{\"name\":\"newSigners\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"newThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setTimeBounds\",\"inputs\":[{\"name\":\"newMaxAge\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"newMaxFutureSkew\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setTreasury\",\"inputs\":[{\"name\":\"newTreasury\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setVerifier\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"verifier\",\"type\":\"address\",\"internalType\":\"contractIUpdateVerifier\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"signers\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"threshold\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"topicStates\",\"inputs\":[{\"name\":\"topicIds\",\"type\":\"uint64[]\",\"internalType\":\"uint64[]\"}],\"outputs\":[{\"name\":\"states\",\"type\":\"tuple[]\",\"internalType\":\"structTopicState[]\",\"components\":[{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"transferOwnership\",\"inputs\":[{\"name\":\"newOwner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"treasury\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"unpause\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"updateBatch\",\"inputs\":[{\"name\":\"updates\",\"type\":\"tuple[]\",\"internalType\":\"structUpdate[]\",\"components\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"signatures\",\"type\":\"tuple[]\",\"internalType\":\"structSignature[]\",\"components\":[{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"vs\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"outputs\":[{\"name\":\"applied\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"updateBatchWithProofs\",\"inputs\":[{\"name\":\"updates\",\"type\":\"tuple[]\",\"internalType\":\"structUpdate[]\",\"components\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"signatures\",\"type\":\"tuple[]\",\"internalType\":\"structSignature[]\",\"components\":[{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"vs\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"name\":\"proofs\",\"type\":\"bytes[]\",\"internalType\":\"bytes[]\"}],\"outputs\":[{\"name\":\"applied\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"verifierOf\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIUpdateVerifier\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"withdrawFees\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"FeesWithdrawn\",\"inputs\":[{\"name\":\"treasury\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"HistoryUpdated\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"enabled\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferStarted\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferred\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Paused\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"SignersUpdated\",\"inputs\":[{\"name\":\"signers\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TimeBoundsUpdated\",\"inputs\":[{\"name\":\"maxAge\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"maxFutureSkew\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TopicUpdated\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"state\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TreasuryUpdated\",\"inputs\":[{\"name\":\"previousTreasury\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newTreasury\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Unpaused\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"UpdateRequested\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"requester\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"UpdateSkipped\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"storedBlockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"storedLossBlockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIAlloraOracle.SkipReason\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"VerifierUpdated\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"verifier\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"EmptyBatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"EnforcedPause\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ExpectedPause\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"FeeTransferFailed\",\"inputs\":[{\"name\":\"treasury\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InsufficientGasForVerifier\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"gasLeft\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"needed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignature\",\"inputs\":[{\"name\":\"index\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidSignerCount\",\"inputs\":[{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidThreshold\",\"inputs\":[{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"signerCount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidTimeBounds\",\"inputs\":[{\"name\":\"maxAge\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxFutureSkew\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"NoData\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"NoFees\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"OwnableInvalidOwner\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"OwnableUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ProofCountMismatch\",\"inputs\":[{\"name\":\"updates\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proofs\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RenounceOwnershipDisabled\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RoundNotAvailable\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"}]},{\"type\":\"error\",\"name\":\"SignatureMalleable\",\"inputs\":[{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"SignaturesNotAscending\",\"inputs\":[{\"name\":\"previous\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SignersNotAscending\",\"inputs\":[{\"name\":\"previous\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"ThresholdNotMet\",\"inputs\":[{\"name\":\"provided\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"TreasuryNotSet\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"UnknownSigner\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownTopic\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"UpdateOutOfRange\",\"inputs\":[{\"name\":\"index\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lossBlockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"ZeroAddressSigner\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroAddressTreasury\",\"inputs\":[]}]",
	ID:  "AlloraOracle",
	Bin: "0x610160604052348015610010575f5ffd5b5060405161434838038061434883398101604081905261002f916106cb565b846040518060400160405280600c81526020016b416c6c6f72614f7261636c6560a01b815250604051806040016040528060018152602001603160f81b81525061007e8261017660201b60201c565b6101205261008b81610176565b61014052815160208084019190912060e052815190820120610100524660a05261011760e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b03811661014e57604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b610157816101b3565b5061016284846101cf565b61016c82826104ad565b50505050506108c5565b5f5f829050601f815111156101a0578260405163305a27a960e01b815260040161014591906107d8565b80516101ab8261080d565b179392505050565b600380546001600160a01b03191690556101cc816105ae565b50565b81518015806101de5750602081115b156101ff5760405163245012b760e21b815260048101829052602401610145565b60ff821615806102115750808260ff16115b1561023b576040516319355c0560e21b815260ff8316600482015260248101829052604401610145565b5f6001600160a01b0316835f8151811061025757610257610833565b60200260200101516001600160a01b0316036102865760405163ec67b1b960e01b815260040160405180910390fd5b60015b8181101561035e578381815181106102a3576102a3610833565b60200260200101516001600160a01b0316846001836102c29190610847565b815181106102d2576102d2610833565b60200260200101516001600160a01b03161061035657836102f4600183610847565b8151811061030457610304610833565b602002602001015184828151811061031e5761031e610833565b60200260200101516040516311641feb60e21b81526004016101459291906001600160a01b0392831681529116602082015260400190565b600101610289565b5060065f5b81548110156103b45760075f83838154811061038157610381610833565b5f9182526020808320909101546001600160a01b031683528201929092526040019020805460ff19169055600101610363565b505f5b8281101561040f57600160075f8784815181106103d6576103d6610833565b6020908102919091018101516001600160a01b031682528101919091526040015f20805460ff19169115159190911790556001016103b7565b5083516104239060069060208701906105ff565b50835f8151811061043657610436610833565b6020908102919091010151600580546001600160a01b039092166001600160a81b031990921691909117600160a01b60ff8616021790556040517fba48f7451a1bddc716ecd599483478b64fb19be03be6b59f118b2caa95f504139061049f908690869061086c565b60405180910390a150505050565b6001600160401b03821615806104ca57506001600160401b038116155b806104e1575063ffffffff6001600160401b038316115b806104f8575063ffffffff6001600160401b038216115b1561052957604051630be63fc560e11b81526001600160401b03808416600483015282166024820152604401610145565b6005805463ffffffff838116600160d01b0263ffffffff60d01b19918616600160b01b0291909116600160b01b600160f01b031990921691909117179055604080516001600160401b038085168252831660208201527f3e51757f1aca408f7eea86b935ff3645b4c9fc36c35fbad01a1dbec4aea9cb30910160405180910390a15050565b600280546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b828054828255905f5260205f20908101928215610652579160200282015b8281111561065257825182546001600160a01b0319166001600160a01b0390911617825560209092019160019091019061061d565b5061065e929150610662565b5090565b5b8082111561065e575f8155600101610663565b80516001600160a01b038116811461068c575f5ffd5b919050565b634e487b7160e01b5f52604160045260245ffd5b805160ff8116811461068c575f5ffd5b80516001600160401b038116811461068c575f5ffd5b5f5f5f5f5f60a086880312156106df575f5ffd5b6106e886610676565b60208701519095506001600160401b03811115610703575f5ffd5b8601601f81018813610713575f5ffd5b80516001600160401b0381111561072c5761072c610691565b604051600582901b90603f8201601f191681016001600160401b038111828210171561075a5761075a610691565b60405291825260208184018101929081018b841115610777575f5ffd5b6020850194505b8385101561079d5761078f85610676565b81526020948501940161077e565b5096506107b092505050604087016106a5565b92506107be606087016106b5565b91506107cc608087016106b5565b90509295509295909350565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b8051602080830151919081101561082d575f198160200360031b1b821691505b50919050565b634e487b7160e01b5f52603260045260245ffd5b8181038181111561086657634e487b7160e01b5f52601160045260245ffd5b92915050565b604080825283519082018190525f9060208501906060840190835b818110156108ae5783516001600160a01b0316835260209384019390920191600101610887565b5050809250505060ff831660208301529392505050565b60805160a05160c05160e051610100516101205161014051613a326109165f395f611e0001525f611dd501525f611ca701525f611c7f01525f611bda01525f611c0401525f611c2e0152613a325ff3fe608060405260043610610291575f3560e01c806383ee249d11610165578063aa908d8d116100c6578063daf3f08b1161007c578063f0f4426011610062578063f0f4426014610938578063f2fde38b14610957578063f5a4e53414610976575f5ffd5b8063daf3f08b146108ef578063e30c39781461090e575f5ffd5b8063b13d3d32116100ac578063b13d3d321461086a578063b7848f3214610889578063d3fdd87d146108bc575f5ffd5b8063aa908d8d146107d0578063b0d665f714610819575f5ffd5b80638f7aa6791161011b5780639c8413c5116101015780639c8413c51461072e578063a2a1226b1461074d578063a6e5406a14610798575f5ffd5b80638f7aa679146106ca5780639860ca27146106e9575f5ffd5b806384b0196e1161014b57806384b0196e1461065a5780638c27f953146106815780638da5cb5b146106a0575f5ffd5b806383ee249d1461061a5780638456cb5914610646575f5ffd5b806359ecd6571161020f578063658f1c2b116101c5578063715018a6116101ab578063715018a6146105ae57806379ba5097146105c25780637df73e27146105d6575f5ffd5b8063658f1c2b1461054f578063687043c514610565575f5ffd5b80635ed93b17116101f55780635ed93b17146104e557806361d027b314610504578063652c462e14610495575f5ffd5b806359ecd657146104955780635c975abb146104a9575f5ffd5b806342cde4e81161026457806346f0975a1161024a57806346f0975a14610404578063476343ee1461042557806354b4f71914610439575f5ffd5b806342cde4e8146103595780634537a22e14610395575f5ffd5b80630296aa2a14610295578063323f00c7146102b65780633644e515146103235780633f4ba83a14610345575b5f5ffd5b3480156102a0575f5ffd5b506102b46102af36600461312b565b610989565b005b3480156102c1575f5ffd5b506102fd6102d036600461315c565b67ffffffffffffffff165f9081526004602052604090205460e081901c9160c09190911c63ffffffff1690565b6040805167ffffffffffffffff9384168152929091166020830152015b60405180910390f35b34801561032e575f5ffd5b5061033761099f565b60405190815260200161031a565b348015610350575f5ffd5b506102b46109ad565b348015610364575f5ffd5b5060055474010000000000000000000000000000000000000000900460ff1660405160ff909116815260200161031a565b3480156103a0575f5ffd5b506103d46103af36600461317c565b601381900b9163ffffffff60a083901c81169260e081901c9260c09190911c90911690565b6040805194855267ffffffffffffffff93841660208601529183169184019190915216606082015260800161031a565b34801561040f575f5ffd5b50610418610a68565b60405161031a91906131e3565b348015610430575f5ffd5b506102b4610ad5565b348015610444575f5ffd5b5061045861045336600461315c565b610c87565b6040805169ffffffffffffffffffff9095168552602085019390935267ffffffffffffffff9182169284019290925216606082015260800161031a565b3480156104a0575f5ffd5b50610337602081565b3480156104b4575f5ffd5b506005547501000000000000000000000000000000000000000000900460ff165b604051901515815260200161031a565b3480156104f0575f5ffd5b506103376104ff36600461323d565b610d5b565b34801561050f575f5ffd5b50600d5473ffffffffffffffffffffffffffffffffffffffff165b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200161031a565b34801561055a575f5ffd5b50610337620493e081565b348015610570575f5ffd5b50600554760100000000000000000000000000000000000000000000900463ffffffff165b60405167ffffffffffffffff909116815260200161031a565b3480156105b9575f5ffd5b506102b4610f30565b3480156105cd575f5ffd5b506102b4610f62565b3480156105e1575f5ffd5b506104d56105f036600461329d565b73ffffffffffffffffffffffffffffffffffffffff165f9081526007602052604090205460ff1690565b348015610625575f5ffd5b506106396106343660046132f9565b610fd9565b60405161031a919061332c565b348015610651575f5ffd5b506102b4611120565b348015610665575f5ffd5b5061066e6111ee565b60405161031a97969594939291906133fe565b34801561068c575f5ffd5b506102b461069b3660046134bd565b61124c565b3480156106ab575f5ffd5b5060025473ffffffffffffffffffffffffffffffffffffffff1661052a565b3480156106d5575f5ffd5b506103376106e4366004613537565b61133b565b3480156106f4575f5ffd5b506107086107033660046135d6565b6113ba565b6040805193845267ffffffffffffffff928316602085015291169082015260600161031a565b348015610739575f5ffd5b506102b461074836600461360e565b6115a7565b348015610758575f5ffd5b5061052a61076736600461315c565b67ffffffffffffffff165f9081526009602052604090205473ffffffffffffffffffffffffffffffffffffffff1690565b3480156107a3575f5ffd5b506005547a010000000000000000000000000000000000000000000000000000900463ffffffff16610595565b3480156107db575f5ffd5b506104d56107ea36600461315c565b600781901c6701ffffffffffffff165f90815260086020526040902054600260019290921b60fe161c16151590565b348015610824575f5ffd5b5061083861083336600461315c565b611671565b6040805194855260ff909316602085015267ffffffffffffffff9182169284019290925216606082015260800161031a565b348015610875575f5ffd5b50610337610884366004613638565b6116f0565b348015610894575f5ffd5b506103377f1752b7e04aab29440d0a8797146e3ae8bec43be51c10ffd4b6b095489d27ffb181565b3480156108c7575f5ffd5b506103377f0fc8227524a294000f64316f02323e8b0516d0927d7d5d67df038d0aec73648681565b3480156108fa575f5ffd5b506102b46109093660046136a4565b611724565b348015610919575f5ffd5b5060035473ffffffffffffffffffffffffffffffffffffffff1661052a565b348015610943575f5ffd5b506102b461095236600461329d565b61176e565b348015610962575f5ffd5b506102b461097136600461329d565b611850565b6102b461098436600461315c565b611900565b6109916119f7565b61099b8282611a4a565b5050565b5f6109a8611bc1565b905090565b6109b56119f7565b6005547501000000000000000000000000000000000000000000900460ff16610a0a576040517f8dfc202b00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600580547fffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffff1690556040513381527f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa906020015b60405180910390a1565b60606006805480602002602001604051908101604052809291908181526020018280548015610acb57602002820191905f5260205f20905b815473ffffffffffffffffffffffffffffffffffffffff168152600190910190602001808311610aa0575b5050505050905090565b610add6119f7565b610ae5611cf7565b600d5473ffffffffffffffffffffffffffffffffffffffff1680610b35576040517fb2c4cce900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b475f819003610b70576040517f7f7d9be000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8173ffffffffffffffffffffffffffffffffffffffff167fc0819c13be868895eb93e40eaceb96de976442fa1d404e5c55f14bb65a8c489a82604051610bb891815260200190565b60405180910390a25f8273ffffffffffffffffffffffffffffffffffffffff16826040515f6040518083038185875af1925050503d805f8114610c16576040519150601f19603f3d011682016040523d82523d5f602084013e610c1b565b606091505b5050905080610c7a576040517f6e74fa8600000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602481018390526044015b60405180910390fd5b505050610c85611d2c565b565b67ffffffffffffffff81165f90815260046020526040812054601381900b9063ffffffff60a082901c169060e01c808403610cfa576040517fa88074c200000000000000000000000000000000000000000000000000000000815267ffffffffffffffff86166004820152602401610c71565b67ffffffffffffffff85165f908152600b60205260409081902054901c600180821614610d31578167ffffffffffffffff16610d4b565b67ffffffffffffffff86165f908152600a60205260409020545b604082901b179450509193509193565b5f808267ffffffffffffffff811115610d7657610d766136fc565b604051908082528060200260200182016040528015610d9f578160200160208202803683370190505b5090505f5b83811015610ea55736858583818110610dbf57610dbf613729565b60a0029190910191507f0fc8227524a294000f64316f02323e8b0516d0927d7d5d67df038d0aec7364869050610df8602083018361315c565b6020830135610e0d606085016040860161315c565b610e1d608086016060870161315c565b610e2d60a087016080880161315c565b60408051602081019790975267ffffffffffffffff9586169087015260608601939093529083166080850152821660a08401521660c082015260e00160405160208183030381529060405280519060200120838381518110610e9157610e91613729565b602090810291909101015250600101610da4565b50610f267f1752b7e04aab29440d0a8797146e3ae8bec43be51c10ffd4b6b095489d27ffb182604051602001610edb9190613756565b60405160208183030381529060405280519060200120604051602001610f0b929190918252602082015260400190565b60405160208183030381529060405280519060200120611d56565b9150505b92915050565b6040517fffc0fd9300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600354339073ffffffffffffffffffffffffffffffffffffffff168114610fcd576040517f118cdaa700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82166004820152602401610c71565b610fd681611d9d565b50565b60608167ffffffffffffffff811115610ff457610ff46136fc565b60405190808252806020026020018201604052801561106357816020015b604080516080810182525f8082526020808301829052928201819052606082015282527fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff9092019101816110125790505b5090505f5b82811015611119575f82828151811061108357611083613729565b602002602001015190505f60045f8787868181106110a3576110a3613729565b90506020020160208101906110b8919061315c565b67ffffffffffffffff16815260208101919091526040015f20549050601381900b60a082901c63ffffffff1660e083901c67ffffffffffffffff9081166020860152166040840152825260c01c63ffffffff16606090910152600101611068565b5092915050565b6111286119f7565b6005547501000000000000000000000000000000000000000000900460ff161561117e576040517fd93c066500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600580547fffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffff1675010000000000000000000000000000000000000000001790556040513381527f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a25890602001610a5e565b5f6060805f5f5f60606111ff611dce565b611207611df9565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b6112546119f7565b6701ffffffffffffff600783901c165f9081526008602052604090205460fe600184901b161c600290811615159061128e90849084611e24565b811515811515146112f05767ffffffffffffffff83165f908152600a6020908152604080832054600b90925291829020549091906112cf90821c60016137b8565b67ffffffffffffffff86165f908152600b60205260409020911b9190911790555b8267ffffffffffffffff167f72f14b131e8cd3716e8830d02b6b6e09d506e7bf6e4506a381f1cf967ee108ee8360405161132e911515815260200190565b60405180910390a2505050565b5f81861461137f576040517fc38e852a0000000000000000000000000000000000000000000000000000000081526004810187905260248101839052604401610c71565b5f611397888886866113928a6001611f4e565b612145565b90925090506113af6113a882611d56565b8787612358565b509695505050505050565b67ffffffffffffffff8281165f908152600b602052604080822054919283928392909182821c919087169087901c61ffff1682900361155057816001165f036114595767ffffffffffffffff88165f90815260046020526040902054601381900b965063ffffffff60a082901c16955060e01c9350831580159061144757508367ffffffffffffffff1681145b15611454575050506115a0565b611550565b67ffffffffffffffff88165f908152600a60205260409020548082036114ba5767ffffffffffffffff89165f90815260046020526040902054601381900b975063ffffffff60a082901c16965060e01c945084156114ba57505050506115a0565b8367ffffffffffffffff16821180156114d257508082105b80156114e7575060206114e583836137cb565b105b1561154e5767ffffffffffffffff89165f908152600c6020908152604090912061153f91611515908561380b565b6020811061152557611525613729565b0154601381900b9163ffffffff60a083901c169160e01c90565b965096509650505050506115a0565b505b6040517f6a655dab00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8916600482015269ffffffffffffffffffff88166024820152604401610c71565b9250925092565b6115af6119f7565b67ffffffffffffffff82165f90815260096020526040902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff83169081179091556116189083906001901515611e24565b60405173ffffffffffffffffffffffffffffffffffffffff8216815267ffffffffffffffff8316907fb78ea0eaf11776732556ef6189312ceb60eab6b3177526b3a12d966e37be81629060200160405180910390a25050565b67ffffffffffffffff81165f90815260046020526040812054601381900b919063ffffffff60a082901c169060e01c8083036116e5576040517fa88074c200000000000000000000000000000000000000000000000000000000815267ffffffffffffffff86166004820152602401610c71565b601292509193509193565b5f8061170386868380611392885f611f4e565b909250905061171b61171482611d56565b8585612358565b50949350505050565b61172c6119f7565b6117698383808060200260200160405190810160405280939291908181526020018383602002808284375f92019190915250859250612596915050565b505050565b6117766119f7565b73ffffffffffffffffffffffffffffffffffffffff81166117c3576040517fac00892600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600d5460405173ffffffffffffffffffffffffffffffffffffffff8084169216907f4ab5be82436d353e61ca18726e984e561f5c1cc7c6d38b29d2553c790434705a905f90a3600d80547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff92909216919091179055565b6118586119f7565b6003805473ffffffffffffffffffffffffffffffffffffffff83167fffffffffffffffffffffffff000000000000000000000000000000000000000090911681179091556118bb60025473ffffffffffffffffffffffffffffffffffffffff1690565b73ffffffffffffffffffffffffffffffffffffffff167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e2270060405160405180910390a350565b6005547501000000000000000000000000000000000000000000900460ff1615611956576040517fd93c066500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff81165f9081526004602052604081205490036119b3576040517ff8b0d37900000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610c71565b604051348152339067ffffffffffffffff8316907f17adab4e5a862d5f235d913acf2524ee881c6f981b5f8d130ee99d69f50f15d79060200160405180910390a350565b60025473ffffffffffffffffffffffffffffffffffffffff163314610c85576040517f118cdaa7000000000000000000000000000000000000000000000000000000008152336004820152602401610c71565b67ffffffffffffffff82161580611a69575067ffffffffffffffff8116155b80611a81575063ffffffff67ffffffffffffffff8316115b80611a99575063ffffffff67ffffffffffffffff8216115b15611ae4576040517f17cc7f8a00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff808416600483015282166024820152604401610c71565b6005805463ffffffff8381167a010000000000000000000000000000000000000000000000000000027fffff00000000ffffffffffffffffffffffffffffffffffffffffffffffffffff91861676010000000000000000000000000000000000000000000002919091167fffff0000000000000000ffffffffffffffffffffffffffffffffffffffffffff909216919091171790556040805167ffffffffffffffff8085168252831660208201527f3e51757f1aca408f7eea86b935ff3645b4c9fc36c35fbad01a1dbec4aea9cb30910160405180910390a15050565b5f3073ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016148015611c2657507f000000000000000000000000000000000000000000000000000000000000000046145b15611c5057507f000000000000000000000000000000000000000000000000000000000000000090565b6109a8604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b611cff6129a5565b610c8560017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b906129fe565b610c855f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00611d26565b5f610f2a611d62611bc1565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b600380547fffffffffffffffffffffffff0000000000000000000000000000000000000000169055610fd681612a05565b60606109a87f0000000000000000000000000000000000000000000000000000000000000000612a7b565b60606109a87f0000000000000000000000000000000000000000000000000000000000000000612a7b565b6701ffffffffffffff600784901c165f8181526008602052604081205460fe600187901b1691600382841c169085611e5f5786198216611e63565b8682175b9050818103611e76575050505050505050565b5f8581526008602052604081206003861b19851683871b179055829003611eec5760058054601e90611ecd907e01000000000000000000000000000000000000000000000000000000000000900461ffff1661381e565b91906101000a81548161ffff021916908361ffff160217905550611f44565b805f03611f445760058054601e90611f29907e01000000000000000000000000000000000000000000000000000000000000900461ffff1661383e565b91906101000a81548161ffff021916908361ffff1602179055505b5050505050505050565b6040805160c08101825260055473ffffffffffffffffffffffffffffffffffffffff8116825260ff7401000000000000000000000000000000000000000082048116602084015275010000000000000000000000000000000000000000008204161580159383019390935263ffffffff7601000000000000000000000000000000000000000000008204811660608401527a010000000000000000000000000000000000000000000000000000820416608083015261ffff7e010000000000000000000000000000000000000000000000000000000000009091041660a08201525f91612067576040517fd93c066500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b806020015160ff168410156120ba5760208101516040517f378b08050000000000000000000000000000000000000000000000000000000081526004810186905260ff9091166024820152604401610c71565b5f816060015163ffffffff1642116120d2575f6120e7565b60608201516120e79063ffffffff16426137cb565b90505f826080015163ffffffff164261210091906137b8565b90505f8561210e575f612111565b60025b8460a0015161ffff165f03612126575f612129565b60015b17905080604083901b608085901b171794505050505092915050565b5f80858103612180576040517fc2e5347d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040805160c0600589901b8201019091527f0fc8227524a294000f64316f02323e8b0516d0927d7d5d67df038d0aec73648681527f2719b12890243d20bf1b0e530566dd95ba36e72d683638bfd4771f51096221125f5b88811015612313575f5f60a08084028d0160208701376060850151608086015160a0870151602088015160401c1561220d575f5ffd5b60c088208660051b60c08a01015260208801515f52600460205260405f209450604088015160fe9450808160130b1415828486171760201c176122df575f9450828460201b175f8511875460c01c821116156122dd5760ff955067ffffffffffffffff8d60401c1683111561228157600295505b8c60801c83101561229157600195505b60018d161560ff871416156122dd5773ffffffffffffffffffffffffffffffffffffffff82168360a01b178160c01b17808855805f525060208a01518960205fa260018c019b5060fd95505b505b5050505060fd8114612309576122fc8c8c8c8c8c88888c89612ab8565b61230690886137b8565b96505b50506001016121d7565b507f1752b7e04aab29440d0a8797146e3ae8bec43be51c10ffd4b6b095489d27ffb18252600588901b60c0830120602083015260408220925050509550959350505050565b6005546040518481525f91829182918291829173ffffffffffffffffffffffffffffffffffffffff16905b87861015612465578560061b890160208101357f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff811694507f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08511156123ee57600198505050612465565b601b8160ff1c0160208401525080356040830152508260608201525f5f5260205f60808360015afa505f519350836124295760029650612465565b8484116124395760039650612465565b81841461245757600760205260405f20546124575760049650612465565b839450600186019550612383565b50855f0361247857505050505050505050565b856001036124b5576040517faddf706200000000000000000000000000000000000000000000000000000000815260048101839052602401610c71565b856002036124f2576040517f52bf984800000000000000000000000000000000000000000000000000000000815260048101869052602401610c71565b8560030361254c576040517f32e2739f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808616600483015284166024820152604401610c71565b6040517fd7e8a2c200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602401610c71565b81518015806125a55750602081115b156125df576040517f91404adc00000000000000000000000000000000000000000000000000000000815260048101829052602401610c71565b60ff821615806125f15750808260ff16115b15612634576040517f64d5701400000000000000000000000000000000000000000000000000000000815260ff8316600482015260248101829052604401610c71565b5f73ffffffffffffffffffffffffffffffffffffffff16835f8151811061265d5761265d613729565b602002602001015173ffffffffffffffffffffffffffffffffffffffff16036126b2576040517fec67b1b900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60015b818110156127ca578381815181106126cf576126cf613729565b602002602001015173ffffffffffffffffffffffffffffffffffffffff16846001836126fb91906137cb565b8151811061270b5761270b613729565b602002602001015173ffffffffffffffffffffffffffffffffffffffff16106127c2578361273a6001836137cb565b8151811061274a5761274a613729565b602002602001015184828151811061276457612764613729565b60200260200101516040517f45907fac000000000000000000000000000000000000000000000000000000008152600401610c7192919073ffffffffffffffffffffffffffffffffffffffff92831681529116602082015260400190565b6001016126b5565b5060065f5b815481101561284b5760075f8383815481106127ed576127ed613729565b5f91825260208083209091015473ffffffffffffffffffffffffffffffffffffffff168352820192909252604001902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001690556001016127cf565b505f5b828110156128d157600160075f87848151811061286d5761286d613729565b60209081029190910181015173ffffffffffffffffffffffffffffffffffffffff1682528101919091526040015f2080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001691151591909117905560010161284e565b5083516128e5906006906020870190613073565b50835f815181106128f8576128f8613729565b60209081029190910101516005805473ffffffffffffffffffffffffffffffffffffffff9092167fffffffffffffffffffffff000000000000000000000000000000000000000000909216919091177401000000000000000000000000000000000000000060ff8616021790556040517fba48f7451a1bddc716ecd599483478b64fb19be03be6b59f118b2caa95f50413906129979086908690613879565b60405180910390a150505050565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15610c85576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80825d5050565b6002805473ffffffffffffffffffffffffffffffffffffffff8381167fffffffffffffffffffffffff0000000000000000000000000000000000000000831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b60605f612a8783612be9565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f60ff8203612ae857612ae58a8a87818110612ad657612ad6613729565b905060a00201878a8a89612c29565b91505b60ff8203612b0257612afa8484612d81565b506001612bdc565b60fe8203612bb757368a8a87818110612b1d57612b1d613729565b60a002919091019150869050612b36602083018361315c565b6020830135612b4b606085016040860161315c565b612b5b608086016060870161315c565b6040517f26bfafd7000000000000000000000000000000000000000000000000000000008152600481019590955267ffffffffffffffff938416602486015260448501929092528216606484015216608482015260a401610c71565b612bd98a8a87818110612bcc57612bcc613729565b905060a002018584612df7565b505f5b9998505050505050505050565b5f60ff8216601f811115610f2a576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f80808080612c3b60208b018b61315c565b60208b0135612c5060608d0160408e0161315c565b612c6060a08e0160808f0161315c565b600784901c6701ffffffffffffff165f90815260086020526040812054949850929650909450925090600186901b60fe161c60031690506001811615612cf45760028a165f03612cb95760035b95505050505050612d78565b612ce9858585858d8d8d818110612cd257612cd2613729565b9050602002810190612ce491906138ca565b612e92565b612cf4576004612cad565b6002811615612d6e57612d6e85612d69868667ffffffffffffffff168f6060016020810190612d23919061315c565b67ffffffffffffffff168767ffffffffffffffff1660e083901b60c083901b1760a082901b1773ffffffffffffffffffffffffffffffffffffffff851617949350505050565b613003565b60ff955050505050505b95945050505050565b5f7f2719b12890243d20bf1b0e530566dd95ba36e72d683638bfd4771f51096221129050608082015160c01b606083015160e01b1760a083015160a01b8117905073ffffffffffffffffffffffffffffffffffffffff60408401511681179050808455805f525060208201518160205fa2505050565b8154612e06602085018561315c565b67ffffffffffffffff167ff93f3396940a04c2e98c9c1f3d4a2086f2a78ab6d47da436c212988969750419612e41606087016040880161315c565b612e51608088016060890161315c565b60e085901c60c086901c63ffffffff16876004811115612e7357612e7361389d565b604051612e8495949392919061392b565b60405180910390a250505050565b5f80611388612ea5603f620493e0613999565b612eb290620493e06137b8565b612ebc91906137b8565b9050805a1015612f1357875a6040517f0e7265fa00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff9092166004830152602482015260448101829052606401610c71565b67ffffffffffffffff88165f9081526009602052604080822054905173ffffffffffffffffffffffffffffffffffffffff9091169190612f61908b908b908b908b908b908b906024016139ac565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152919052602080820180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff167f1633884f00000000000000000000000000000000000000000000000000000000178152825192935090915f9185620493e0fa60015f511460203d141681169450505050509695505050505050565b67ffffffffffffffff82165f908152600a60205260408120546130279060016137b8565b67ffffffffffffffff84165f908152600a60209081526040808320849055600c825290912091925083919061305c908461380b565b6020811061306c5761306c613729565b0155505050565b828054828255905f5260205f209081019282156130eb579160200282015b828111156130eb57825182547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff909116178255602090920191600190910190613091565b506130f79291506130fb565b5090565b5b808211156130f7575f81556001016130fc565b803567ffffffffffffffff81168114613126575f5ffd5b919050565b5f5f6040838503121561313c575f5ffd5b6131458361310f565b91506131536020840161310f565b90509250929050565b5f6020828403121561316c575f5ffd5b6131758261310f565b9392505050565b5f6020828403121561318c575f5ffd5b5035919050565b5f8151808452602084019350602083015f5b828110156131d957815173ffffffffffffffffffffffffffffffffffffffff168652602095860195909101906001016131a5565b5093949350505050565b602081525f6131756020830184613193565b5f5f83601f840112613205575f5ffd5b50813567ffffffffffffffff81111561321c575f5ffd5b60208301915083602060a083028501011115613236575f5ffd5b9250929050565b5f5f6020838503121561324e575f5ffd5b823567ffffffffffffffff811115613264575f5ffd5b613270858286016131f5565b90969095509350505050565b73ffffffffffffffffffffffffffffffffffffffff81168114610fd6575f5ffd5b5f602082840312156132ad575f5ffd5b81356131758161327c565b5f5f83601f8401126132c8575f5ffd5b50813567ffffffffffffffff8111156132df575f5ffd5b6020830191508360208260051b8501011115613236575f5ffd5b5f5f6020838503121561330a575f5ffd5b823567ffffffffffffffff811115613320575f5ffd5b613270858286016132b8565b602080825282518282018190525f918401906040840190835b818110156133a75783518051845267ffffffffffffffff602082015116602085015267ffffffffffffffff604082015116604085015267ffffffffffffffff606082015116606085015250608083019250602084019350600181019050613345565b509095945050505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61343860e08301896133b2565b828103604084015261344a81896133b2565b6060840188905273ffffffffffffffffffffffffffffffffffffffff8716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156134ac57835183526020938401939092019160010161348e565b50909b9a5050505050505050505050565b5f5f604083850312156134ce575f5ffd5b6134d78361310f565b9150602083013580151581146134eb575f5ffd5b809150509250929050565b5f5f83601f840112613506575f5ffd5b50813567ffffffffffffffff81111561351d575f5ffd5b6020830191508360208260061b8501011115613236575f5ffd5b5f5f5f5f5f5f6060878903121561354c575f5ffd5b863567ffffffffffffffff811115613562575f5ffd5b61356e89828a016131f5565b909750955050602087013567ffffffffffffffff81111561358d575f5ffd5b61359989828a016134f6565b909550935050604087013567ffffffffffffffff8111156135b8575f5ffd5b6135c489828a016132b8565b979a9699509497509295939492505050565b5f5f604083850312156135e7575f5ffd5b6135f08361310f565b9150602083013569ffffffffffffffffffff811681146134eb575f5ffd5b5f5f6040838503121561361f575f5ffd5b6136288361310f565b915060208301356134eb8161327c565b5f5f5f5f6040858703121561364b575f5ffd5b843567ffffffffffffffff811115613661575f5ffd5b61366d878288016131f5565b909550935050602085013567ffffffffffffffff81111561368c575f5ffd5b613698878288016134f6565b95989497509550505050565b5f5f5f604084860312156136b6575f5ffd5b833567ffffffffffffffff8111156136cc575f5ffd5b6136d8868287016132b8565b909450925050602084013560ff811681146136f1575f5ffd5b809150509250925092565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b81515f90829060208501835b82811015613780578151845260209384019390910190600101613762565b509195945050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b80820180821115610f2a57610f2a61378b565b81810381811115610f2a57610f2a61378b565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f82613819576138196137de565b500690565b5f61ffff821661ffff81036138355761383561378b565b60010192915050565b5f61ffff8216806138515761385161378b565b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0192915050565b604081525f61388b6040830185613193565b905060ff831660208301529392505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe18436030181126138fd575f5ffd5b83018035915067ffffffffffffffff821115613917575f5ffd5b602001915036819003821315613236575f5ffd5b67ffffffffffffffff8681168252858116602083015284811660408301528316606082015260a0810160058310613989577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b8260808301529695505050505050565b5f826139a7576139a76137de565b500490565b67ffffffffffffffff8716815285602082015267ffffffffffffffff8516604082015267ffffffffffffffff8416606082015260a060808201528160a0820152818360c08301375f81830160c090810191909152601f9092017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01601019594505050505056",
}

// AlloraOracle is an auto generated Go binding around an Ethereum contract.
type AlloraOracle struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AlloraOracle) GetABI() abi.ABI {
	return c.abi
}

// NewAlloraOracle creates a new instance of AlloraOracle.
func NewAlloraOracle() *AlloraOracle {
	parsed, err := AlloraOracleMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AlloraOracle{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AlloraOracle) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address initialOwner, address[] initialSigners, uint8 initialThreshold, uint64 initialMaxAge, uint64 initialMaxFutureSkew) returns()
func (alloraOracle *AlloraOracle) PackConstructor(initialOwner common.Address, initialSigners []common.Address, initialThreshold uint8, initialMaxAge uint64, initialMaxFutureSkew uint64) []byte {
	enc, err := alloraOracle.abi.Pack("", initialOwner, initialSigners, initialThreshold, initialMaxAge, initialMaxFutureSkew)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBATCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7848f32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (alloraOracle *AlloraOracle) PackBATCHTYPEHASH() []byte {
	enc, err := alloraOracle.abi.Pack("BATCH_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBATCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7848f32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (alloraOracle *AlloraOracle) TryPackBATCHTYPEHASH() ([]byte, error) {
	return alloraOracle.abi.Pack("BATCH_TYPEHASH")
}

// UnpackBATCHTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb7848f32.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (alloraOracle *AlloraOracle) UnpackBATCHTYPEHASH(data []byte) ([32]byte, error) {
	out, err := alloraOracle.abi.Unpack("BATCH_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (alloraOracle *AlloraOracle) PackDOMAINSEPARATOR() []byte {
	enc, err := alloraOracle.abi.Pack("DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (alloraOracle *AlloraOracle) TryPackDOMAINSEPARATOR() ([]byte, error) {
	return alloraOracle.abi.Pack("DOMAIN_SEPARATOR")
}

// UnpackDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (alloraOracle *AlloraOracle) UnpackDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := alloraOracle.abi.Unpack("DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackHISTORYSIZE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x652c462e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function HISTORY_SIZE() view returns(uint256)
func (alloraOracle *AlloraOracle) PackHISTORYSIZE() []byte {
	enc, err := alloraOracle.abi.Pack("HISTORY_SIZE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHISTORYSIZE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x652c462e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function HISTORY_SIZE() view returns(uint256)
func (alloraOracle *AlloraOracle) TryPackHISTORYSIZE() ([]byte, error) {
	return alloraOracle.abi.Pack("HISTORY_SIZE")
}

// UnpackHISTORYSIZE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x652c462e.
//
// Solidity: function HISTORY_SIZE() view returns(uint256)
func (alloraOracle *AlloraOracle) UnpackHISTORYSIZE(data []byte) (*big.Int, error) {
	out, err := alloraOracle.abi.Unpack("HISTORY_SIZE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSIGNERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59ecd657.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SIGNERS() view returns(uint256)
func (alloraOracle *AlloraOracle) PackMAXSIGNERS() []byte {
	enc, err := alloraOracle.abi.Pack("MAX_SIGNERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSIGNERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59ecd657.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SIGNERS() view returns(uint256)
func (alloraOracle *AlloraOracle) TryPackMAXSIGNERS() ([]byte, error) {
	return alloraOracle.abi.Pack("MAX_SIGNERS")
}

// UnpackMAXSIGNERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x59ecd657.
//
// Solidity: function MAX_SIGNERS() view returns(uint256)
func (alloraOracle *AlloraOracle) UnpackMAXSIGNERS(data []byte) (*big.Int, error) {
	out, err := alloraOracle.abi.Unpack("MAX_SIGNERS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUPDATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd3fdd87d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function UPDATE_TYPEHASH() view returns(bytes32)
func (alloraOracle *AlloraOracle) PackUPDATETYPEHASH() []byte {
	enc, err := alloraOracle.abi.Pack("UPDATE_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUPDATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd3fdd87d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function UPDATE_TYPEHASH() view returns(bytes32)
func (alloraOracle *AlloraOracle) TryPackUPDATETYPEHASH() ([]byte, error) {
	return alloraOracle.abi.Pack("UPDATE_TYPEHASH")
}

// UnpackUPDATETYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd3fdd87d.
//
// Solidity: function UPDATE_TYPEHASH() view returns(bytes32)
func (alloraOracle *AlloraOracle) UnpackUPDATETYPEHASH(data []byte) ([32]byte, error) {
	out, err := alloraOracle.abi.Unpack("UPDATE_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVERIFIERGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x658f1c2b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VERIFIER_GAS() view returns(uint256)
func (alloraOracle *AlloraOracle) PackVERIFIERGAS() []byte {
	enc, err := alloraOracle.abi.Pack("VERIFIER_GAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVERIFIERGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x658f1c2b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VERIFIER_GAS() view returns(uint256)
func (alloraOracle *AlloraOracle) TryPackVERIFIERGAS() ([]byte, error) {
	return alloraOracle.abi.Pack("VERIFIER_GAS")
}

// UnpackVERIFIERGAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x658f1c2b.
//
// Solidity: function VERIFIER_GAS() view returns(uint256)
func (alloraOracle *AlloraOracle) UnpackVERIFIERGAS(data []byte) (*big.Int, error) {
	out, err := alloraOracle.abi.Unpack("VERIFIER_GAS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (alloraOracle *AlloraOracle) PackAcceptOwnership() []byte {
	enc, err := alloraOracle.abi.Pack("acceptOwnership")
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
func (alloraOracle *AlloraOracle) TryPackAcceptOwnership() ([]byte, error) {
	return alloraOracle.abi.Pack("acceptOwnership")
}

// PackDecodeState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4537a22e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decodeState(uint256 state) pure returns(int256 value, uint64 timestamp, uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) PackDecodeState(state *big.Int) []byte {
	enc, err := alloraOracle.abi.Pack("decodeState", state)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecodeState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4537a22e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decodeState(uint256 state) pure returns(int256 value, uint64 timestamp, uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) TryPackDecodeState(state *big.Int) ([]byte, error) {
	return alloraOracle.abi.Pack("decodeState", state)
}

// DecodeStateOutput serves as a container for the return parameters of contract
// method DecodeState.
type DecodeStateOutput struct {
	Value           *big.Int
	Timestamp       uint64
	BlockHeight     uint64
	LossBlockHeight uint64
}

// UnpackDecodeState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4537a22e.
//
// Solidity: function decodeState(uint256 state) pure returns(int256 value, uint64 timestamp, uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) UnpackDecodeState(data []byte) (DecodeStateOutput, error) {
	out, err := alloraOracle.abi.Unpack("decodeState", data)
	outstruct := new(DecodeStateOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Value = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Timestamp = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.BlockHeight = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.LossBlockHeight = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (alloraOracle *AlloraOracle) PackEip712Domain() []byte {
	enc, err := alloraOracle.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (alloraOracle *AlloraOracle) TryPackEip712Domain() ([]byte, error) {
	return alloraOracle.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (alloraOracle *AlloraOracle) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := alloraOracle.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackGetRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9860ca27.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRound(uint64 topicId, uint80 roundId) view returns(int256 value, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) PackGetRound(topicId uint64, roundId *big.Int) []byte {
	enc, err := alloraOracle.abi.Pack("getRound", topicId, roundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9860ca27.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRound(uint64 topicId, uint80 roundId) view returns(int256 value, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) TryPackGetRound(topicId uint64, roundId *big.Int) ([]byte, error) {
	return alloraOracle.abi.Pack("getRound", topicId, roundId)
}

// GetRoundOutput serves as a container for the return parameters of contract
// method GetRound.
type GetRoundOutput struct {
	Value       *big.Int
	Timestamp   uint64
	BlockHeight uint64
}

// UnpackGetRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9860ca27.
//
// Solidity: function getRound(uint64 topicId, uint80 roundId) view returns(int256 value, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) UnpackGetRound(data []byte) (GetRoundOutput, error) {
	out, err := alloraOracle.abi.Unpack("getRound", data)
	outstruct := new(GetRoundOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Value = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Timestamp = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.BlockHeight = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackHashBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ed93b17.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashBatch((uint64,int256,uint64,uint64,uint64)[] updates) view returns(bytes32)
func (alloraOracle *AlloraOracle) PackHashBatch(updates []Update) []byte {
	enc, err := alloraOracle.abi.Pack("hashBatch", updates)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ed93b17.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashBatch((uint64,int256,uint64,uint64,uint64)[] updates) view returns(bytes32)
func (alloraOracle *AlloraOracle) TryPackHashBatch(updates []Update) ([]byte, error) {
	return alloraOracle.abi.Pack("hashBatch", updates)
}

// UnpackHashBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5ed93b17.
//
// Solidity: function hashBatch((uint64,int256,uint64,uint64,uint64)[] updates) view returns(bytes32)
func (alloraOracle *AlloraOracle) UnpackHashBatch(data []byte) ([32]byte, error) {
	out, err := alloraOracle.abi.Unpack("hashBatch", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackHistoryEnabled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaa908d8d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function historyEnabled(uint64 topicId) view returns(bool)
func (alloraOracle *AlloraOracle) PackHistoryEnabled(topicId uint64) []byte {
	enc, err := alloraOracle.abi.Pack("historyEnabled", topicId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHistoryEnabled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaa908d8d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function historyEnabled(uint64 topicId) view returns(bool)
func (alloraOracle *AlloraOracle) TryPackHistoryEnabled(topicId uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("historyEnabled", topicId)
}

// UnpackHistoryEnabled is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaa908d8d.
//
// Solidity: function historyEnabled(uint64 topicId) view returns(bool)
func (alloraOracle *AlloraOracle) UnpackHistoryEnabled(data []byte) (bool, error) {
	out, err := alloraOracle.abi.Unpack("historyEnabled", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7df73e27.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isSigner(address account) view returns(bool)
func (alloraOracle *AlloraOracle) PackIsSigner(account common.Address) []byte {
	enc, err := alloraOracle.abi.Pack("isSigner", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7df73e27.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isSigner(address account) view returns(bool)
func (alloraOracle *AlloraOracle) TryPackIsSigner(account common.Address) ([]byte, error) {
	return alloraOracle.abi.Pack("isSigner", account)
}

// UnpackIsSigner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7df73e27.
//
// Solidity: function isSigner(address account) view returns(bool)
func (alloraOracle *AlloraOracle) UnpackIsSigner(data []byte) (bool, error) {
	out, err := alloraOracle.abi.Unpack("isSigner", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLatest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb0d665f7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latest(uint64 topicId) view returns(int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) PackLatest(topicId uint64) []byte {
	enc, err := alloraOracle.abi.Pack("latest", topicId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb0d665f7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latest(uint64 topicId) view returns(int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) TryPackLatest(topicId uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("latest", topicId)
}

// LatestOutput serves as a container for the return parameters of contract
// method Latest.
type LatestOutput struct {
	Value       *big.Int
	Decimals    uint8
	Timestamp   uint64
	BlockHeight uint64
}

// UnpackLatest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb0d665f7.
//
// Solidity: function latest(uint64 topicId) view returns(int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) UnpackLatest(data []byte) (LatestOutput, error) {
	out, err := alloraOracle.abi.Unpack("latest", data)
	outstruct := new(LatestOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Value = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Decimals = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.Timestamp = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.BlockHeight = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54b4f719.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRound(uint64 topicId) view returns(uint80 roundId, int256 value, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) PackLatestRound(topicId uint64) []byte {
	enc, err := alloraOracle.abi.Pack("latestRound", topicId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54b4f719.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRound(uint64 topicId) view returns(uint80 roundId, int256 value, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) TryPackLatestRound(topicId uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("latestRound", topicId)
}

// LatestRoundOutput serves as a container for the return parameters of contract
// method LatestRound.
type LatestRoundOutput struct {
	RoundId     *big.Int
	Value       *big.Int
	Timestamp   uint64
	BlockHeight uint64
}

// UnpackLatestRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54b4f719.
//
// Solidity: function latestRound(uint64 topicId) view returns(uint80 roundId, int256 value, uint64 timestamp, uint64 blockHeight)
func (alloraOracle *AlloraOracle) UnpackLatestRound(data []byte) (LatestRoundOutput, error) {
	out, err := alloraOracle.abi.Unpack("latestRound", data)
	outstruct := new(LatestRoundOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.RoundId = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Value = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Timestamp = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.BlockHeight = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackLatestVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x323f00c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestVersion(uint64 topicId) view returns(uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) PackLatestVersion(topicId uint64) []byte {
	enc, err := alloraOracle.abi.Pack("latestVersion", topicId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x323f00c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestVersion(uint64 topicId) view returns(uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) TryPackLatestVersion(topicId uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("latestVersion", topicId)
}

// LatestVersionOutput serves as a container for the return parameters of contract
// method LatestVersion.
type LatestVersionOutput struct {
	BlockHeight     uint64
	LossBlockHeight uint64
}

// UnpackLatestVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x323f00c7.
//
// Solidity: function latestVersion(uint64 topicId) view returns(uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) UnpackLatestVersion(data []byte) (LatestVersionOutput, error) {
	out, err := alloraOracle.abi.Unpack("latestVersion", data)
	outstruct := new(LatestVersionOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.BlockHeight = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.LossBlockHeight = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackMaxAge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x687043c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxAge() view returns(uint64)
func (alloraOracle *AlloraOracle) PackMaxAge() []byte {
	enc, err := alloraOracle.abi.Pack("maxAge")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxAge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x687043c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxAge() view returns(uint64)
func (alloraOracle *AlloraOracle) TryPackMaxAge() ([]byte, error) {
	return alloraOracle.abi.Pack("maxAge")
}

// UnpackMaxAge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x687043c5.
//
// Solidity: function maxAge() view returns(uint64)
func (alloraOracle *AlloraOracle) UnpackMaxAge(data []byte) (uint64, error) {
	out, err := alloraOracle.abi.Unpack("maxAge", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackMaxFutureSkew is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6e5406a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxFutureSkew() view returns(uint64)
func (alloraOracle *AlloraOracle) PackMaxFutureSkew() []byte {
	enc, err := alloraOracle.abi.Pack("maxFutureSkew")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxFutureSkew is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6e5406a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxFutureSkew() view returns(uint64)
func (alloraOracle *AlloraOracle) TryPackMaxFutureSkew() ([]byte, error) {
	return alloraOracle.abi.Pack("maxFutureSkew")
}

// UnpackMaxFutureSkew is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa6e5406a.
//
// Solidity: function maxFutureSkew() view returns(uint64)
func (alloraOracle *AlloraOracle) UnpackMaxFutureSkew(data []byte) (uint64, error) {
	out, err := alloraOracle.abi.Unpack("maxFutureSkew", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (alloraOracle *AlloraOracle) PackOwner() []byte {
	enc, err := alloraOracle.abi.Pack("owner")
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
func (alloraOracle *AlloraOracle) TryPackOwner() ([]byte, error) {
	return alloraOracle.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (alloraOracle *AlloraOracle) UnpackOwner(data []byte) (common.Address, error) {
	out, err := alloraOracle.abi.Unpack("owner", data)
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
func (alloraOracle *AlloraOracle) PackPause() []byte {
	enc, err := alloraOracle.abi.Pack("pause")
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
func (alloraOracle *AlloraOracle) TryPackPause() ([]byte, error) {
	return alloraOracle.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (alloraOracle *AlloraOracle) PackPaused() []byte {
	enc, err := alloraOracle.abi.Pack("paused")
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
func (alloraOracle *AlloraOracle) TryPackPaused() ([]byte, error) {
	return alloraOracle.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (alloraOracle *AlloraOracle) UnpackPaused(data []byte) (bool, error) {
	out, err := alloraOracle.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (alloraOracle *AlloraOracle) PackPendingOwner() []byte {
	enc, err := alloraOracle.abi.Pack("pendingOwner")
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
func (alloraOracle *AlloraOracle) TryPackPendingOwner() ([]byte, error) {
	return alloraOracle.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (alloraOracle *AlloraOracle) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := alloraOracle.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() pure returns()
func (alloraOracle *AlloraOracle) PackRenounceOwnership() []byte {
	enc, err := alloraOracle.abi.Pack("renounceOwnership")
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
func (alloraOracle *AlloraOracle) TryPackRenounceOwnership() ([]byte, error) {
	return alloraOracle.abi.Pack("renounceOwnership")
}

// PackRequestUpdate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5a4e534.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestUpdate(uint64 topicId) payable returns()
func (alloraOracle *AlloraOracle) PackRequestUpdate(topicId uint64) []byte {
	enc, err := alloraOracle.abi.Pack("requestUpdate", topicId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestUpdate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5a4e534.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestUpdate(uint64 topicId) payable returns()
func (alloraOracle *AlloraOracle) TryPackRequestUpdate(topicId uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("requestUpdate", topicId)
}

// PackSetHistory is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c27f953.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setHistory(uint64 topicId, bool enabled) returns()
func (alloraOracle *AlloraOracle) PackSetHistory(topicId uint64, enabled bool) []byte {
	enc, err := alloraOracle.abi.Pack("setHistory", topicId, enabled)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetHistory is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c27f953.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setHistory(uint64 topicId, bool enabled) returns()
func (alloraOracle *AlloraOracle) TryPackSetHistory(topicId uint64, enabled bool) ([]byte, error) {
	return alloraOracle.abi.Pack("setHistory", topicId, enabled)
}

// PackSetSigners is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdaf3f08b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setSigners(address[] newSigners, uint8 newThreshold) returns()
func (alloraOracle *AlloraOracle) PackSetSigners(newSigners []common.Address, newThreshold uint8) []byte {
	enc, err := alloraOracle.abi.Pack("setSigners", newSigners, newThreshold)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetSigners is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdaf3f08b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setSigners(address[] newSigners, uint8 newThreshold) returns()
func (alloraOracle *AlloraOracle) TryPackSetSigners(newSigners []common.Address, newThreshold uint8) ([]byte, error) {
	return alloraOracle.abi.Pack("setSigners", newSigners, newThreshold)
}

// PackSetTimeBounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0296aa2a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTimeBounds(uint64 newMaxAge, uint64 newMaxFutureSkew) returns()
func (alloraOracle *AlloraOracle) PackSetTimeBounds(newMaxAge uint64, newMaxFutureSkew uint64) []byte {
	enc, err := alloraOracle.abi.Pack("setTimeBounds", newMaxAge, newMaxFutureSkew)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTimeBounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0296aa2a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTimeBounds(uint64 newMaxAge, uint64 newMaxFutureSkew) returns()
func (alloraOracle *AlloraOracle) TryPackSetTimeBounds(newMaxAge uint64, newMaxFutureSkew uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("setTimeBounds", newMaxAge, newMaxFutureSkew)
}

// PackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTreasury(address newTreasury) returns()
func (alloraOracle *AlloraOracle) PackSetTreasury(newTreasury common.Address) []byte {
	enc, err := alloraOracle.abi.Pack("setTreasury", newTreasury)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTreasury(address newTreasury) returns()
func (alloraOracle *AlloraOracle) TryPackSetTreasury(newTreasury common.Address) ([]byte, error) {
	return alloraOracle.abi.Pack("setTreasury", newTreasury)
}

// PackSetVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c8413c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setVerifier(uint64 topicId, address verifier) returns()
func (alloraOracle *AlloraOracle) PackSetVerifier(topicId uint64, verifier common.Address) []byte {
	enc, err := alloraOracle.abi.Pack("setVerifier", topicId, verifier)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c8413c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setVerifier(uint64 topicId, address verifier) returns()
func (alloraOracle *AlloraOracle) TryPackSetVerifier(topicId uint64, verifier common.Address) ([]byte, error) {
	return alloraOracle.abi.Pack("setVerifier", topicId, verifier)
}

// PackSigners is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46f0975a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signers() view returns(address[])
func (alloraOracle *AlloraOracle) PackSigners() []byte {
	enc, err := alloraOracle.abi.Pack("signers")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSigners is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46f0975a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signers() view returns(address[])
func (alloraOracle *AlloraOracle) TryPackSigners() ([]byte, error) {
	return alloraOracle.abi.Pack("signers")
}

// UnpackSigners is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x46f0975a.
//
// Solidity: function signers() view returns(address[])
func (alloraOracle *AlloraOracle) UnpackSigners(data []byte) ([]common.Address, error) {
	out, err := alloraOracle.abi.Unpack("signers", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42cde4e8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function threshold() view returns(uint8)
func (alloraOracle *AlloraOracle) PackThreshold() []byte {
	enc, err := alloraOracle.abi.Pack("threshold")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42cde4e8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function threshold() view returns(uint8)
func (alloraOracle *AlloraOracle) TryPackThreshold() ([]byte, error) {
	return alloraOracle.abi.Pack("threshold")
}

// UnpackThreshold is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42cde4e8.
//
// Solidity: function threshold() view returns(uint8)
func (alloraOracle *AlloraOracle) UnpackThreshold(data []byte) (uint8, error) {
	out, err := alloraOracle.abi.Unpack("threshold", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackTopicStates is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83ee249d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function topicStates(uint64[] topicIds) view returns((int256,uint64,uint64,uint64)[] states)
func (alloraOracle *AlloraOracle) PackTopicStates(topicIds []uint64) []byte {
	enc, err := alloraOracle.abi.Pack("topicStates", topicIds)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTopicStates is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83ee249d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function topicStates(uint64[] topicIds) view returns((int256,uint64,uint64,uint64)[] states)
func (alloraOracle *AlloraOracle) TryPackTopicStates(topicIds []uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("topicStates", topicIds)
}

// UnpackTopicStates is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x83ee249d.
//
// Solidity: function topicStates(uint64[] topicIds) view returns((int256,uint64,uint64,uint64)[] states)
func (alloraOracle *AlloraOracle) UnpackTopicStates(data []byte) ([]TopicState, error) {
	out, err := alloraOracle.abi.Unpack("topicStates", data)
	if err != nil {
		return *new([]TopicState), err
	}
	out0 := *abi.ConvertType(out[0], new([]TopicState)).(*[]TopicState)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (alloraOracle *AlloraOracle) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := alloraOracle.abi.Pack("transferOwnership", newOwner)
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
func (alloraOracle *AlloraOracle) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return alloraOracle.abi.Pack("transferOwnership", newOwner)
}

// PackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasury() view returns(address)
func (alloraOracle *AlloraOracle) PackTreasury() []byte {
	enc, err := alloraOracle.abi.Pack("treasury")
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
func (alloraOracle *AlloraOracle) TryPackTreasury() ([]byte, error) {
	return alloraOracle.abi.Pack("treasury")
}

// UnpackTreasury is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (alloraOracle *AlloraOracle) UnpackTreasury(data []byte) (common.Address, error) {
	out, err := alloraOracle.abi.Unpack("treasury", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (alloraOracle *AlloraOracle) PackUnpause() []byte {
	enc, err := alloraOracle.abi.Pack("unpause")
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
func (alloraOracle *AlloraOracle) TryPackUnpause() ([]byte, error) {
	return alloraOracle.abi.Pack("unpause")
}

// PackUpdateBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb13d3d32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateBatch((uint64,int256,uint64,uint64,uint64)[] updates, (bytes32,bytes32)[] signatures) returns(uint256 applied)
func (alloraOracle *AlloraOracle) PackUpdateBatch(updates []Update, signatures []Signature) []byte {
	enc, err := alloraOracle.abi.Pack("updateBatch", updates, signatures)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb13d3d32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateBatch((uint64,int256,uint64,uint64,uint64)[] updates, (bytes32,bytes32)[] signatures) returns(uint256 applied)
func (alloraOracle *AlloraOracle) TryPackUpdateBatch(updates []Update, signatures []Signature) ([]byte, error) {
	return alloraOracle.abi.Pack("updateBatch", updates, signatures)
}

// UnpackUpdateBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb13d3d32.
//
// Solidity: function updateBatch((uint64,int256,uint64,uint64,uint64)[] updates, (bytes32,bytes32)[] signatures) returns(uint256 applied)
func (alloraOracle *AlloraOracle) UnpackUpdateBatch(data []byte) (*big.Int, error) {
	out, err := alloraOracle.abi.Unpack("updateBatch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUpdateBatchWithProofs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f7aa679.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateBatchWithProofs((uint64,int256,uint64,uint64,uint64)[] updates, (bytes32,bytes32)[] signatures, bytes[] proofs) returns(uint256 applied)
func (alloraOracle *AlloraOracle) PackUpdateBatchWithProofs(updates []Update, signatures []Signature, proofs [][]byte) []byte {
	enc, err := alloraOracle.abi.Pack("updateBatchWithProofs", updates, signatures, proofs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateBatchWithProofs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f7aa679.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateBatchWithProofs((uint64,int256,uint64,uint64,uint64)[] updates, (bytes32,bytes32)[] signatures, bytes[] proofs) returns(uint256 applied)
func (alloraOracle *AlloraOracle) TryPackUpdateBatchWithProofs(updates []Update, signatures []Signature, proofs [][]byte) ([]byte, error) {
	return alloraOracle.abi.Pack("updateBatchWithProofs", updates, signatures, proofs)
}

// UnpackUpdateBatchWithProofs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f7aa679.
//
// Solidity: function updateBatchWithProofs((uint64,int256,uint64,uint64,uint64)[] updates, (bytes32,bytes32)[] signatures, bytes[] proofs) returns(uint256 applied)
func (alloraOracle *AlloraOracle) UnpackUpdateBatchWithProofs(data []byte) (*big.Int, error) {
	out, err := alloraOracle.abi.Unpack("updateBatchWithProofs", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackVerifierOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2a1226b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifierOf(uint64 topicId) view returns(address)
func (alloraOracle *AlloraOracle) PackVerifierOf(topicId uint64) []byte {
	enc, err := alloraOracle.abi.Pack("verifierOf", topicId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifierOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2a1226b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifierOf(uint64 topicId) view returns(address)
func (alloraOracle *AlloraOracle) TryPackVerifierOf(topicId uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("verifierOf", topicId)
}

// UnpackVerifierOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2a1226b.
//
// Solidity: function verifierOf(uint64 topicId) view returns(address)
func (alloraOracle *AlloraOracle) UnpackVerifierOf(data []byte) (common.Address, error) {
	out, err := alloraOracle.abi.Unpack("verifierOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackWithdrawFees is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x476343ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawFees() returns()
func (alloraOracle *AlloraOracle) PackWithdrawFees() []byte {
	enc, err := alloraOracle.abi.Pack("withdrawFees")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawFees is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x476343ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawFees() returns()
func (alloraOracle *AlloraOracle) TryPackWithdrawFees() ([]byte, error) {
	return alloraOracle.abi.Pack("withdrawFees")
}

// AlloraOracleEIP712DomainChanged represents a EIP712DomainChanged event raised by the AlloraOracle contract.
type AlloraOracleEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const AlloraOracleEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (AlloraOracleEIP712DomainChanged) ContractEventName() string {
	return AlloraOracleEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (alloraOracle *AlloraOracle) UnpackEIP712DomainChangedEvent(log *types.Log) (*AlloraOracleEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleFeesWithdrawn represents a FeesWithdrawn event raised by the AlloraOracle contract.
type AlloraOracleFeesWithdrawn struct {
	Treasury common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const AlloraOracleFeesWithdrawnEventName = "FeesWithdrawn"

// ContractEventName returns the user-defined event name.
func (AlloraOracleFeesWithdrawn) ContractEventName() string {
	return AlloraOracleFeesWithdrawnEventName
}

// UnpackFeesWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeesWithdrawn(address indexed treasury, uint256 amount)
func (alloraOracle *AlloraOracle) UnpackFeesWithdrawnEvent(log *types.Log) (*AlloraOracleFeesWithdrawn, error) {
	event := "FeesWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleFeesWithdrawn)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleHistoryUpdated represents a HistoryUpdated event raised by the AlloraOracle contract.
type AlloraOracleHistoryUpdated struct {
	TopicId uint64
	Enabled bool
	Raw     *types.Log // Blockchain specific contextual infos
}

const AlloraOracleHistoryUpdatedEventName = "HistoryUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleHistoryUpdated) ContractEventName() string {
	return AlloraOracleHistoryUpdatedEventName
}

// UnpackHistoryUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event HistoryUpdated(uint64 indexed topicId, bool enabled)
func (alloraOracle *AlloraOracle) UnpackHistoryUpdatedEvent(log *types.Log) (*AlloraOracleHistoryUpdated, error) {
	event := "HistoryUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleHistoryUpdated)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the AlloraOracle contract.
type AlloraOracleOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const AlloraOracleOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (AlloraOracleOwnershipTransferStarted) ContractEventName() string {
	return AlloraOracleOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (alloraOracle *AlloraOracle) UnpackOwnershipTransferStartedEvent(log *types.Log) (*AlloraOracleOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleOwnershipTransferred represents a OwnershipTransferred event raised by the AlloraOracle contract.
type AlloraOracleOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const AlloraOracleOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (AlloraOracleOwnershipTransferred) ContractEventName() string {
	return AlloraOracleOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (alloraOracle *AlloraOracle) UnpackOwnershipTransferredEvent(log *types.Log) (*AlloraOracleOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOraclePaused represents a Paused event raised by the AlloraOracle contract.
type AlloraOraclePaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const AlloraOraclePausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (AlloraOraclePaused) ContractEventName() string {
	return AlloraOraclePausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(address account)
func (alloraOracle *AlloraOracle) UnpackPausedEvent(log *types.Log) (*AlloraOraclePaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOraclePaused)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleSignersUpdated represents a SignersUpdated event raised by the AlloraOracle contract.
type AlloraOracleSignersUpdated struct {
	Signers   []common.Address
	Threshold uint8
	Raw       *types.Log // Blockchain specific contextual infos
}

const AlloraOracleSignersUpdatedEventName = "SignersUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleSignersUpdated) ContractEventName() string {
	return AlloraOracleSignersUpdatedEventName
}

// UnpackSignersUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SignersUpdated(address[] signers, uint8 threshold)
func (alloraOracle *AlloraOracle) UnpackSignersUpdatedEvent(log *types.Log) (*AlloraOracleSignersUpdated, error) {
	event := "SignersUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleSignersUpdated)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleTimeBoundsUpdated represents a TimeBoundsUpdated event raised by the AlloraOracle contract.
type AlloraOracleTimeBoundsUpdated struct {
	MaxAge        uint64
	MaxFutureSkew uint64
	Raw           *types.Log // Blockchain specific contextual infos
}

const AlloraOracleTimeBoundsUpdatedEventName = "TimeBoundsUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleTimeBoundsUpdated) ContractEventName() string {
	return AlloraOracleTimeBoundsUpdatedEventName
}

// UnpackTimeBoundsUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TimeBoundsUpdated(uint64 maxAge, uint64 maxFutureSkew)
func (alloraOracle *AlloraOracle) UnpackTimeBoundsUpdatedEvent(log *types.Log) (*AlloraOracleTimeBoundsUpdated, error) {
	event := "TimeBoundsUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleTimeBoundsUpdated)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleTopicUpdated represents a TopicUpdated event raised by the AlloraOracle contract.
type AlloraOracleTopicUpdated struct {
	TopicId uint64
	State   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const AlloraOracleTopicUpdatedEventName = "TopicUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleTopicUpdated) ContractEventName() string {
	return AlloraOracleTopicUpdatedEventName
}

// UnpackTopicUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TopicUpdated(uint64 indexed topicId, uint256 state)
func (alloraOracle *AlloraOracle) UnpackTopicUpdatedEvent(log *types.Log) (*AlloraOracleTopicUpdated, error) {
	event := "TopicUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleTopicUpdated)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleTreasuryUpdated represents a TreasuryUpdated event raised by the AlloraOracle contract.
type AlloraOracleTreasuryUpdated struct {
	PreviousTreasury common.Address
	NewTreasury      common.Address
	Raw              *types.Log // Blockchain specific contextual infos
}

const AlloraOracleTreasuryUpdatedEventName = "TreasuryUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleTreasuryUpdated) ContractEventName() string {
	return AlloraOracleTreasuryUpdatedEventName
}

// UnpackTreasuryUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury)
func (alloraOracle *AlloraOracle) UnpackTreasuryUpdatedEvent(log *types.Log) (*AlloraOracleTreasuryUpdated, error) {
	event := "TreasuryUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleTreasuryUpdated)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleUnpaused represents a Unpaused event raised by the AlloraOracle contract.
type AlloraOracleUnpaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const AlloraOracleUnpausedEventName = "Unpaused"

// ContractEventName returns the user-defined event name.
func (AlloraOracleUnpaused) ContractEventName() string {
	return AlloraOracleUnpausedEventName
}

// UnpackUnpausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpaused(address account)
func (alloraOracle *AlloraOracle) UnpackUnpausedEvent(log *types.Log) (*AlloraOracleUnpaused, error) {
	event := "Unpaused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleUnpaused)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleUpdateRequested represents a UpdateRequested event raised by the AlloraOracle contract.
type AlloraOracleUpdateRequested struct {
	TopicId   uint64
	Requester common.Address
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const AlloraOracleUpdateRequestedEventName = "UpdateRequested"

// ContractEventName returns the user-defined event name.
func (AlloraOracleUpdateRequested) ContractEventName() string {
	return AlloraOracleUpdateRequestedEventName
}

// UnpackUpdateRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UpdateRequested(uint64 indexed topicId, address indexed requester, uint256 amount)
func (alloraOracle *AlloraOracle) UnpackUpdateRequestedEvent(log *types.Log) (*AlloraOracleUpdateRequested, error) {
	event := "UpdateRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleUpdateRequested)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleUpdateSkipped represents a UpdateSkipped event raised by the AlloraOracle contract.
type AlloraOracleUpdateSkipped struct {
	TopicId               uint64
	BlockHeight           uint64
	LossBlockHeight       uint64
	StoredBlockHeight     uint64
	StoredLossBlockHeight uint64
	Reason                uint8
	Raw                   *types.Log // Blockchain specific contextual infos
}

const AlloraOracleUpdateSkippedEventName = "UpdateSkipped"

// ContractEventName returns the user-defined event name.
func (AlloraOracleUpdateSkipped) ContractEventName() string {
	return AlloraOracleUpdateSkippedEventName
}

// UnpackUpdateSkippedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UpdateSkipped(uint64 indexed topicId, uint64 blockHeight, uint64 lossBlockHeight, uint64 storedBlockHeight, uint64 storedLossBlockHeight, uint8 reason)
func (alloraOracle *AlloraOracle) UnpackUpdateSkippedEvent(log *types.Log) (*AlloraOracleUpdateSkipped, error) {
	event := "UpdateSkipped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleUpdateSkipped)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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

// AlloraOracleVerifierUpdated represents a VerifierUpdated event raised by the AlloraOracle contract.
type AlloraOracleVerifierUpdated struct {
	TopicId  uint64
	Verifier common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const AlloraOracleVerifierUpdatedEventName = "VerifierUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleVerifierUpdated) ContractEventName() string {
	return AlloraOracleVerifierUpdatedEventName
}

// UnpackVerifierUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VerifierUpdated(uint64 indexed topicId, address verifier)
func (alloraOracle *AlloraOracle) UnpackVerifierUpdatedEvent(log *types.Log) (*AlloraOracleVerifierUpdated, error) {
	event := "VerifierUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloraOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloraOracleVerifierUpdated)
	if len(log.Data) > 0 {
		if err := alloraOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloraOracle.abi.Events[event].Inputs {
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
func (alloraOracle *AlloraOracle) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["EmptyBatch"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackEmptyBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["EnforcedPause"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackEnforcedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ExpectedPause"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackExpectedPauseError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["FeeTransferFailed"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackFeeTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InsufficientGasForVerifier"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInsufficientGasForVerifierError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InvalidSignerCount"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInvalidSignerCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InvalidThreshold"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInvalidThresholdError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InvalidTimeBounds"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInvalidTimeBoundsError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["NoData"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackNoDataError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["NoFees"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackNoFeesError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ProofCountMismatch"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackProofCountMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["RenounceOwnershipDisabled"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackRenounceOwnershipDisabledError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["RoundNotAvailable"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackRoundNotAvailableError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["SignatureMalleable"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackSignatureMalleableError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["SignaturesNotAscending"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackSignaturesNotAscendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["SignersNotAscending"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackSignersNotAscendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ThresholdNotMet"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackThresholdNotMetError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["TreasuryNotSet"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackTreasuryNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["UnknownSigner"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackUnknownSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["UnknownTopic"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackUnknownTopicError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["UpdateOutOfRange"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackUpdateOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ZeroAddressSigner"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackZeroAddressSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ZeroAddressTreasury"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackZeroAddressTreasuryError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AlloraOracleEmptyBatch represents a EmptyBatch error raised by the AlloraOracle contract.
type AlloraOracleEmptyBatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyBatch()
func AlloraOracleEmptyBatchErrorID() common.Hash {
	return common.HexToHash("0xc2e5347df6cf8d1bf68f8a9651642312bd381b900d857d97cd665976180d6ae0")
}

// UnpackEmptyBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyBatch()
func (alloraOracle *AlloraOracle) UnpackEmptyBatchError(raw []byte) (*AlloraOracleEmptyBatch, error) {
	out := new(AlloraOracleEmptyBatch)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "EmptyBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleEnforcedPause represents a EnforcedPause error raised by the AlloraOracle contract.
type AlloraOracleEnforcedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EnforcedPause()
func AlloraOracleEnforcedPauseErrorID() common.Hash {
	return common.HexToHash("0xd93c0665d6c96d04a8f174024fc4ddd66c250604aff22bbec808de86dd3637e3")
}

// UnpackEnforcedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EnforcedPause()
func (alloraOracle *AlloraOracle) UnpackEnforcedPauseError(raw []byte) (*AlloraOracleEnforcedPause, error) {
	out := new(AlloraOracleEnforcedPause)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "EnforcedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleExpectedPause represents a ExpectedPause error raised by the AlloraOracle contract.
type AlloraOracleExpectedPause struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpectedPause()
func AlloraOracleExpectedPauseErrorID() common.Hash {
	return common.HexToHash("0x8dfc202bcfe9a735b559bee70674422512bc5c30f687046ae8778315fb81da44")
}

// UnpackExpectedPauseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpectedPause()
func (alloraOracle *AlloraOracle) UnpackExpectedPauseError(raw []byte) (*AlloraOracleExpectedPause, error) {
	out := new(AlloraOracleExpectedPause)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ExpectedPause", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleFeeTransferFailed represents a FeeTransferFailed error raised by the AlloraOracle contract.
type AlloraOracleFeeTransferFailed struct {
	Treasury common.Address
	Amount   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeeTransferFailed(address treasury, uint256 amount)
func AlloraOracleFeeTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x6e74fa861ad217d22e4999b25c034134da9a28b748aef4bdd47e440dfbab6059")
}

// UnpackFeeTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeeTransferFailed(address treasury, uint256 amount)
func (alloraOracle *AlloraOracle) UnpackFeeTransferFailedError(raw []byte) (*AlloraOracleFeeTransferFailed, error) {
	out := new(AlloraOracleFeeTransferFailed)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "FeeTransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleInsufficientGasForVerifier represents a InsufficientGasForVerifier error raised by the AlloraOracle contract.
type AlloraOracleInsufficientGasForVerifier struct {
	TopicId uint64
	GasLeft *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientGasForVerifier(uint64 topicId, uint256 gasLeft, uint256 needed)
func AlloraOracleInsufficientGasForVerifierErrorID() common.Hash {
	return common.HexToHash("0x0e7265fa6573b3cd229cce2b2a5454eaeacf524984d05dff3e81be2796ead7fa")
}

// UnpackInsufficientGasForVerifierError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientGasForVerifier(uint64 topicId, uint256 gasLeft, uint256 needed)
func (alloraOracle *AlloraOracle) UnpackInsufficientGasForVerifierError(raw []byte) (*AlloraOracleInsufficientGasForVerifier, error) {
	out := new(AlloraOracleInsufficientGasForVerifier)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "InsufficientGasForVerifier", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleInvalidShortString represents a InvalidShortString error raised by the AlloraOracle contract.
type AlloraOracleInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func AlloraOracleInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (alloraOracle *AlloraOracle) UnpackInvalidShortStringError(raw []byte) (*AlloraOracleInvalidShortString, error) {
	out := new(AlloraOracleInvalidShortString)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleInvalidSignature represents a InvalidSignature error raised by the AlloraOracle contract.
type AlloraOracleInvalidSignature struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(uint256 index)
func AlloraOracleInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x52bf9848f4f569cd5e845a26f8524878f8ac004dcaace7433d78683624c84a76")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(uint256 index)
func (alloraOracle *AlloraOracle) UnpackInvalidSignatureError(raw []byte) (*AlloraOracleInvalidSignature, error) {
	out := new(AlloraOracleInvalidSignature)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleInvalidSignerCount represents a InvalidSignerCount error raised by the AlloraOracle contract.
type AlloraOracleInvalidSignerCount struct {
	Count *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignerCount(uint256 count)
func AlloraOracleInvalidSignerCountErrorID() common.Hash {
	return common.HexToHash("0x91404adc345ba8fa44c7fd9e034452c926f304fa5137c3fac781f9e7c0a75081")
}

// UnpackInvalidSignerCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignerCount(uint256 count)
func (alloraOracle *AlloraOracle) UnpackInvalidSignerCountError(raw []byte) (*AlloraOracleInvalidSignerCount, error) {
	out := new(AlloraOracleInvalidSignerCount)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "InvalidSignerCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleInvalidThreshold represents a InvalidThreshold error raised by the AlloraOracle contract.
type AlloraOracleInvalidThreshold struct {
	Threshold   uint8
	SignerCount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidThreshold(uint8 threshold, uint256 signerCount)
func AlloraOracleInvalidThresholdErrorID() common.Hash {
	return common.HexToHash("0x64d57014bbd5e82994b8dcd868cf098a4766a4ee4ea5a6bd6185458ed71cf7eb")
}

// UnpackInvalidThresholdError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidThreshold(uint8 threshold, uint256 signerCount)
func (alloraOracle *AlloraOracle) UnpackInvalidThresholdError(raw []byte) (*AlloraOracleInvalidThreshold, error) {
	out := new(AlloraOracleInvalidThreshold)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "InvalidThreshold", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleInvalidTimeBounds represents a InvalidTimeBounds error raised by the AlloraOracle contract.
type AlloraOracleInvalidTimeBounds struct {
	MaxAge        uint64
	MaxFutureSkew uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidTimeBounds(uint64 maxAge, uint64 maxFutureSkew)
func AlloraOracleInvalidTimeBoundsErrorID() common.Hash {
	return common.HexToHash("0x17cc7f8af86b1e68f8a9be60c0db3d573a97552d9bb9b1c31fe10da8e5805c0f")
}

// UnpackInvalidTimeBoundsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidTimeBounds(uint64 maxAge, uint64 maxFutureSkew)
func (alloraOracle *AlloraOracle) UnpackInvalidTimeBoundsError(raw []byte) (*AlloraOracleInvalidTimeBounds, error) {
	out := new(AlloraOracleInvalidTimeBounds)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "InvalidTimeBounds", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleNoData represents a NoData error raised by the AlloraOracle contract.
type AlloraOracleNoData struct {
	TopicId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoData(uint64 topicId)
func AlloraOracleNoDataErrorID() common.Hash {
	return common.HexToHash("0xa88074c2a2d2138f15e68c9b764580b07653d52ae87f39077b1e6ef835a69e75")
}

// UnpackNoDataError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoData(uint64 topicId)
func (alloraOracle *AlloraOracle) UnpackNoDataError(raw []byte) (*AlloraOracleNoData, error) {
	out := new(AlloraOracleNoData)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "NoData", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleNoFees represents a NoFees error raised by the AlloraOracle contract.
type AlloraOracleNoFees struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoFees()
func AlloraOracleNoFeesErrorID() common.Hash {
	return common.HexToHash("0x7f7d9be0039ff9d871d28cd8d8ed8d32d7bc56c3ec20ec4461d0ef46a833f981")
}

// UnpackNoFeesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoFees()
func (alloraOracle *AlloraOracle) UnpackNoFeesError(raw []byte) (*AlloraOracleNoFees, error) {
	out := new(AlloraOracleNoFees)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "NoFees", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the AlloraOracle contract.
type AlloraOracleOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func AlloraOracleOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (alloraOracle *AlloraOracle) UnpackOwnableInvalidOwnerError(raw []byte) (*AlloraOracleOwnableInvalidOwner, error) {
	out := new(AlloraOracleOwnableInvalidOwner)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the AlloraOracle contract.
type AlloraOracleOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func AlloraOracleOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (alloraOracle *AlloraOracle) UnpackOwnableUnauthorizedAccountError(raw []byte) (*AlloraOracleOwnableUnauthorizedAccount, error) {
	out := new(AlloraOracleOwnableUnauthorizedAccount)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleProofCountMismatch represents a ProofCountMismatch error raised by the AlloraOracle contract.
type AlloraOracleProofCountMismatch struct {
	Updates *big.Int
	Proofs  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofCountMismatch(uint256 updates, uint256 proofs)
func AlloraOracleProofCountMismatchErrorID() common.Hash {
	return common.HexToHash("0xc38e852a9aeaf567c79f2fe08c3e92a5cbb69404ac36cff701e714a9e13c378a")
}

// UnpackProofCountMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofCountMismatch(uint256 updates, uint256 proofs)
func (alloraOracle *AlloraOracle) UnpackProofCountMismatchError(raw []byte) (*AlloraOracleProofCountMismatch, error) {
	out := new(AlloraOracleProofCountMismatch)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ProofCountMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the AlloraOracle contract.
type AlloraOracleReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func AlloraOracleReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (alloraOracle *AlloraOracle) UnpackReentrancyGuardReentrantCallError(raw []byte) (*AlloraOracleReentrancyGuardReentrantCall, error) {
	out := new(AlloraOracleReentrancyGuardReentrantCall)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleRenounceOwnershipDisabled represents a RenounceOwnershipDisabled error raised by the AlloraOracle contract.
type AlloraOracleRenounceOwnershipDisabled struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RenounceOwnershipDisabled()
func AlloraOracleRenounceOwnershipDisabledErrorID() common.Hash {
	return common.HexToHash("0xffc0fd9327ceec71a819020aff5a151b73272fa985d1c880da9e4753688140f8")
}

// UnpackRenounceOwnershipDisabledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RenounceOwnershipDisabled()
func (alloraOracle *AlloraOracle) UnpackRenounceOwnershipDisabledError(raw []byte) (*AlloraOracleRenounceOwnershipDisabled, error) {
	out := new(AlloraOracleRenounceOwnershipDisabled)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "RenounceOwnershipDisabled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleRoundNotAvailable represents a RoundNotAvailable error raised by the AlloraOracle contract.
type AlloraOracleRoundNotAvailable struct {
	TopicId uint64
	RoundId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotAvailable(uint64 topicId, uint80 roundId)
func AlloraOracleRoundNotAvailableErrorID() common.Hash {
	return common.HexToHash("0x6a655dab8734700c73cae2f435595e10224ab6e3ab0d921bdad0ca10091a9df1")
}

// UnpackRoundNotAvailableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotAvailable(uint64 topicId, uint80 roundId)
func (alloraOracle *AlloraOracle) UnpackRoundNotAvailableError(raw []byte) (*AlloraOracleRoundNotAvailable, error) {
	out := new(AlloraOracleRoundNotAvailable)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "RoundNotAvailable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleSignatureMalleable represents a SignatureMalleable error raised by the AlloraOracle contract.
type AlloraOracleSignatureMalleable struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureMalleable(bytes32 s)
func AlloraOracleSignatureMalleableErrorID() common.Hash {
	return common.HexToHash("0xaddf7062fe3935a5bf6b4a26ddbdab1bd6145e1f9342d33697262a21545c8f05")
}

// UnpackSignatureMalleableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureMalleable(bytes32 s)
func (alloraOracle *AlloraOracle) UnpackSignatureMalleableError(raw []byte) (*AlloraOracleSignatureMalleable, error) {
	out := new(AlloraOracleSignatureMalleable)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "SignatureMalleable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleSignaturesNotAscending represents a SignaturesNotAscending error raised by the AlloraOracle contract.
type AlloraOracleSignaturesNotAscending struct {
	Previous common.Address
	Signer   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignaturesNotAscending(address previous, address signer)
func AlloraOracleSignaturesNotAscendingErrorID() common.Hash {
	return common.HexToHash("0x32e2739fa809aad1cfb097a99af412e4107bf672dd48d2c0571cf7d1596f04bc")
}

// UnpackSignaturesNotAscendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignaturesNotAscending(address previous, address signer)
func (alloraOracle *AlloraOracle) UnpackSignaturesNotAscendingError(raw []byte) (*AlloraOracleSignaturesNotAscending, error) {
	out := new(AlloraOracleSignaturesNotAscending)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "SignaturesNotAscending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleSignersNotAscending represents a SignersNotAscending error raised by the AlloraOracle contract.
type AlloraOracleSignersNotAscending struct {
	Previous common.Address
	Signer   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignersNotAscending(address previous, address signer)
func AlloraOracleSignersNotAscendingErrorID() common.Hash {
	return common.HexToHash("0x45907fac58b68b2554fd0b2841a93fad341642915e8ae6c36b5deb29171a6eec")
}

// UnpackSignersNotAscendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignersNotAscending(address previous, address signer)
func (alloraOracle *AlloraOracle) UnpackSignersNotAscendingError(raw []byte) (*AlloraOracleSignersNotAscending, error) {
	out := new(AlloraOracleSignersNotAscending)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "SignersNotAscending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleStringTooLong represents a StringTooLong error raised by the AlloraOracle contract.
type AlloraOracleStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func AlloraOracleStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (alloraOracle *AlloraOracle) UnpackStringTooLongError(raw []byte) (*AlloraOracleStringTooLong, error) {
	out := new(AlloraOracleStringTooLong)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleThresholdNotMet represents a ThresholdNotMet error raised by the AlloraOracle contract.
type AlloraOracleThresholdNotMet struct {
	Provided  *big.Int
	Threshold uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ThresholdNotMet(uint256 provided, uint8 threshold)
func AlloraOracleThresholdNotMetErrorID() common.Hash {
	return common.HexToHash("0x378b08055b22f8a9bcfad796afe9d8866bb940d5b0d029135670447be7b9f9f6")
}

// UnpackThresholdNotMetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ThresholdNotMet(uint256 provided, uint8 threshold)
func (alloraOracle *AlloraOracle) UnpackThresholdNotMetError(raw []byte) (*AlloraOracleThresholdNotMet, error) {
	out := new(AlloraOracleThresholdNotMet)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ThresholdNotMet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleTreasuryNotSet represents a TreasuryNotSet error raised by the AlloraOracle contract.
type AlloraOracleTreasuryNotSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TreasuryNotSet()
func AlloraOracleTreasuryNotSetErrorID() common.Hash {
	return common.HexToHash("0xb2c4cce9226751b8b7a292a49eadd92e5c473998bb9af18651fe42fd6f63b72d")
}

// UnpackTreasuryNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TreasuryNotSet()
func (alloraOracle *AlloraOracle) UnpackTreasuryNotSetError(raw []byte) (*AlloraOracleTreasuryNotSet, error) {
	out := new(AlloraOracleTreasuryNotSet)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "TreasuryNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleUnknownSigner represents a UnknownSigner error raised by the AlloraOracle contract.
type AlloraOracleUnknownSigner struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownSigner(address signer)
func AlloraOracleUnknownSignerErrorID() common.Hash {
	return common.HexToHash("0xd7e8a2c26fd6e574581d4dadb54adcae8e49f64b22b2d5386731d559357f82c3")
}

// UnpackUnknownSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownSigner(address signer)
func (alloraOracle *AlloraOracle) UnpackUnknownSignerError(raw []byte) (*AlloraOracleUnknownSigner, error) {
	out := new(AlloraOracleUnknownSigner)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "UnknownSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleUnknownTopic represents a UnknownTopic error raised by the AlloraOracle contract.
type AlloraOracleUnknownTopic struct {
	TopicId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownTopic(uint64 topicId)
func AlloraOracleUnknownTopicErrorID() common.Hash {
	return common.HexToHash("0xf8b0d37972a99a7c443069398ad183daa593fa127923419786634797f1400b98")
}

// UnpackUnknownTopicError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownTopic(uint64 topicId)
func (alloraOracle *AlloraOracle) UnpackUnknownTopicError(raw []byte) (*AlloraOracleUnknownTopic, error) {
	out := new(AlloraOracleUnknownTopic)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "UnknownTopic", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleUpdateOutOfRange represents a UpdateOutOfRange error raised by the AlloraOracle contract.
type AlloraOracleUpdateOutOfRange struct {
	Index           *big.Int
	TopicId         uint64
	Value           *big.Int
	BlockHeight     uint64
	LossBlockHeight uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UpdateOutOfRange(uint256 index, uint64 topicId, int256 value, uint64 blockHeight, uint64 lossBlockHeight)
func AlloraOracleUpdateOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x26bfafd717ed2cd0bf44adfaaac1f51557daa6277de8447dfe620facf51da583")
}

// UnpackUpdateOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UpdateOutOfRange(uint256 index, uint64 topicId, int256 value, uint64 blockHeight, uint64 lossBlockHeight)
func (alloraOracle *AlloraOracle) UnpackUpdateOutOfRangeError(raw []byte) (*AlloraOracleUpdateOutOfRange, error) {
	out := new(AlloraOracleUpdateOutOfRange)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "UpdateOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleZeroAddressSigner represents a ZeroAddressSigner error raised by the AlloraOracle contract.
type AlloraOracleZeroAddressSigner struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddressSigner()
func AlloraOracleZeroAddressSignerErrorID() common.Hash {
	return common.HexToHash("0xec67b1b9206c133b346bc6086f9ac247211ded8c97f01aa2d6cfd08b1c567ab2")
}

// UnpackZeroAddressSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddressSigner()
func (alloraOracle *AlloraOracle) UnpackZeroAddressSignerError(raw []byte) (*AlloraOracleZeroAddressSigner, error) {
	out := new(AlloraOracleZeroAddressSigner)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ZeroAddressSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleZeroAddressTreasury represents a ZeroAddressTreasury error raised by the AlloraOracle contract.
type AlloraOracleZeroAddressTreasury struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddressTreasury()
func AlloraOracleZeroAddressTreasuryErrorID() common.Hash {
	return common.HexToHash("0xac008926fd598b376ea2388bd13dd58dd601aee6a41b5788cdab4d1c103bbed1")
}

// UnpackZeroAddressTreasuryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddressTreasury()
func (alloraOracle *AlloraOracle) UnpackZeroAddressTreasuryError(raw []byte) (*AlloraOracleZeroAddressTreasury, error) {
	out := new(AlloraOracleZeroAddressTreasury)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ZeroAddressTreasury", raw); err != nil {
		return nil, err
	}
	return out, nil
}
