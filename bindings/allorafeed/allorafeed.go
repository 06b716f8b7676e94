// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package allorafeed

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

// AlloraFeedMetaData contains all meta data concerning the AlloraFeed contract.
var AlloraFeedMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"oracle_\",\"type\":\"address\",\"internalType\":\"contractIAlloraOracle\"},{\"name\":\"topicId_\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"description_\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"decimals\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"description\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoundData\",\"inputs\":[{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"outputs\":[{\"name\":\"roundId_\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"answer\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"startedAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"updatedAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"answeredInRound\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latestRoundData\",\"inputs\":[],\"outputs\":[{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"answer\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"startedAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"updatedAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"answeredInRound\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"oracle\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAlloraOracle\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"topicId\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"version\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"pure\"}]",
	ID:  "AlloraFeed",
	Bin: "0x60c060405234801561000f575f5ffd5b506040516108c23803806108c283398101604081905261002e91610070565b6001600160a01b0383166080526001600160401b03821660a0525f61005382826101e0565b5050505061029a565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f60608486031215610082575f5ffd5b83516001600160a01b0381168114610098575f5ffd5b60208501519093506001600160401b03811681146100b4575f5ffd5b60408501519092506001600160401b038111156100cf575f5ffd5b8401601f810186136100df575f5ffd5b80516001600160401b038111156100f8576100f861005c565b604051601f8201601f19908116603f011681016001600160401b03811182821017156101265761012661005c565b60405281815282820160200188101561013d575f5ffd5b8160208401602083015e5f602083830101528093505050509250925092565b600181811c9082168061017057607f821691505b60208210810361018e57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101db57805f5260205f20601f840160051c810160208510156101b95750805b601f840160051c820191505b818110156101d8575f81556001016101c5565b50505b505050565b81516001600160401b038111156101f9576101f961005c565b61020d81610207845461015c565b84610194565b6020601f82116001811461023f575f83156102285750848201515b5f19600385901b1c1916600184901b1784556101d8565b5f84815260208120601f198516915b8281101561026e578785015182556020948501946001909201910161024e565b508482101561028b57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b60805160a0516105ed6102d55f395f8181608301528181610254015261036d01525f818160fb015281816102b001526103b501526105ed5ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c80637284e416116100585780637284e416146100e15780637dc0d1d0146100f65780639a6fc8f514610142578063feaf968c1461018c575f5ffd5b80630139b5f11461007e578063313ce567146100c357806354fd4d50146100d2575b5f5ffd5b6100a57f000000000000000000000000000000000000000000000000000000000000000081565b60405167ffffffffffffffff90911681526020015b60405180910390f35b604051601281526020016100ba565b604051600181526020016100ba565b6100e9610194565b6040516100ba919061046b565b61011d7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016100ba565b6101556101503660046104d8565b610223565b6040805169ffffffffffffffffffff968716815260208101959095528401929092526060830152909116608082015260a0016100ba565b61015561033c565b60605f80546101a2906104fa565b80601f01602080910402602001604051908101604052809291908181526020018280546101ce906104fa565b80156102195780601f106101f057610100808354040283529160200191610219565b820191905f5260205f20905b8154815290600101906020018083116101fc57829003601f168201915b5050505050905090565b6040517f9860ca2700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016600482015269ffffffffffffffffffff821660248201525f9081908190819081908190819073ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001690639860ca2790604401606060405180830381865afa1580156102f5573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103199190610567565b50915091505f61032882610441565b989992989750879650899550919350505050565b6040517f54b4f71900000000000000000000000000000000000000000000000000000000815267ffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001660048201525f908190819081908190819073ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016906354b4f71990602401608060405180830381865afa1580156103fa573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061041e91906105a0565b50919750955090505f61043082610441565b945084935086925050509091929394565b5f428267ffffffffffffffff1611610463578167ffffffffffffffff16610465565b425b92915050565b602081525f82518060208401528060208501604085015e5f6040828501015260407fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505092915050565b69ffffffffffffffffffff811681146104d5575f5ffd5b50565b5f602082840312156104e8575f5ffd5b81356104f3816104be565b9392505050565b600181811c9082168061050e57607f821691505b602082108103610545577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b805167ffffffffffffffff81168114610562575f5ffd5b919050565b5f5f5f60608486031215610579575f5ffd5b835192506105896020850161054b565b91506105976040850161054b565b90509250925092565b5f5f5f5f608085870312156105b3575f5ffd5b84516105be816104be565b602086015190945092506105d46040860161054b565b91506105e26060860161054b565b90509295919450925056",
}

// AlloraFeed is an auto generated Go binding around an Ethereum contract.
type AlloraFeed struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AlloraFeed) GetABI() abi.ABI {
	return c.abi
}

// NewAlloraFeed creates a new instance of AlloraFeed.
func NewAlloraFeed() *AlloraFeed {
	parsed, err := AlloraFeedMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AlloraFeed{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AlloraFeed) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address oracle_, uint64 topicId_, string description_) returns()
func (alloraFeed *AlloraFeed) PackConstructor(oracle_ common.Address, topicId_ uint64, description_ string) []byte {
	enc, err := alloraFeed.abi.Pack("", oracle_, topicId_, description_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() pure returns(uint8)
func (alloraFeed *AlloraFeed) PackDecimals() []byte {
	enc, err := alloraFeed.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() pure returns(uint8)
func (alloraFeed *AlloraFeed) TryPackDecimals() ([]byte, error) {
	return alloraFeed.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() pure returns(uint8)
func (alloraFeed *AlloraFeed) UnpackDecimals(data []byte) (uint8, error) {
	out, err := alloraFeed.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackDescription is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7284e416.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function description() view returns(string)
func (alloraFeed *AlloraFeed) PackDescription() []byte {
	enc, err := alloraFeed.abi.Pack("description")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDescription is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7284e416.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function description() view returns(string)
func (alloraFeed *AlloraFeed) TryPackDescription() ([]byte, error) {
	return alloraFeed.abi.Pack("description")
}

// UnpackDescription is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7284e416.
//
// Solidity: function description() view returns(string)
func (alloraFeed *AlloraFeed) UnpackDescription(data []byte) (string, error) {
	out, err := alloraFeed.abi.Unpack("description", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (alloraFeed *AlloraFeed) PackGetRoundData(roundId *big.Int) []byte {
	enc, err := alloraFeed.abi.Pack("getRoundData", roundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (alloraFeed *AlloraFeed) TryPackGetRoundData(roundId *big.Int) ([]byte, error) {
	return alloraFeed.abi.Pack("getRoundData", roundId)
}

// GetRoundDataOutput serves as a container for the return parameters of contract
// method GetRoundData.
type GetRoundDataOutput struct {
	RoundId         *big.Int
	Answer          *big.Int
	StartedAt       *big.Int
	UpdatedAt       *big.Int
	AnsweredInRound *big.Int
}

// UnpackGetRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (alloraFeed *AlloraFeed) UnpackGetRoundData(data []byte) (GetRoundDataOutput, error) {
	out, err := alloraFeed.abi.Unpack("getRoundData", data)
	outstruct := new(GetRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.RoundId = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Answer = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.StartedAt = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.UpdatedAt = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.AnsweredInRound = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (alloraFeed *AlloraFeed) PackLatestRoundData() []byte {
	enc, err := alloraFeed.abi.Pack("latestRoundData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (alloraFeed *AlloraFeed) TryPackLatestRoundData() ([]byte, error) {
	return alloraFeed.abi.Pack("latestRoundData")
}

// LatestRoundDataOutput serves as a container for the return parameters of contract
// method LatestRoundData.
type LatestRoundDataOutput struct {
	RoundId         *big.Int
	Answer          *big.Int
	StartedAt       *big.Int
	UpdatedAt       *big.Int
	AnsweredInRound *big.Int
}

// UnpackLatestRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (alloraFeed *AlloraFeed) UnpackLatestRoundData(data []byte) (LatestRoundDataOutput, error) {
	out, err := alloraFeed.abi.Unpack("latestRoundData", data)
	outstruct := new(LatestRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.RoundId = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Answer = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.StartedAt = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.UpdatedAt = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.AnsweredInRound = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function oracle() view returns(address)
func (alloraFeed *AlloraFeed) PackOracle() []byte {
	enc, err := alloraFeed.abi.Pack("oracle")
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
func (alloraFeed *AlloraFeed) TryPackOracle() ([]byte, error) {
	return alloraFeed.abi.Pack("oracle")
}

// UnpackOracle is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7dc0d1d0.
//
// Solidity: function oracle() view returns(address)
func (alloraFeed *AlloraFeed) UnpackOracle(data []byte) (common.Address, error) {
	out, err := alloraFeed.abi.Unpack("oracle", data)
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
func (alloraFeed *AlloraFeed) PackTopicId() []byte {
	enc, err := alloraFeed.abi.Pack("topicId")
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
func (alloraFeed *AlloraFeed) TryPackTopicId() ([]byte, error) {
	return alloraFeed.abi.Pack("topicId")
}

// UnpackTopicId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0139b5f1.
//
// Solidity: function topicId() view returns(uint64)
func (alloraFeed *AlloraFeed) UnpackTopicId(data []byte) (uint64, error) {
	out, err := alloraFeed.abi.Unpack("topicId", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function version() pure returns(uint256)
func (alloraFeed *AlloraFeed) PackVersion() []byte {
	enc, err := alloraFeed.abi.Pack("version")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function version() pure returns(uint256)
func (alloraFeed *AlloraFeed) TryPackVersion() ([]byte, error) {
	return alloraFeed.abi.Pack("version")
}

// UnpackVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54fd4d50.
//
// Solidity: function version() pure returns(uint256)
func (alloraFeed *AlloraFeed) UnpackVersion(data []byte) (*big.Int, error) {
	out, err := alloraFeed.abi.Unpack("version", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}
