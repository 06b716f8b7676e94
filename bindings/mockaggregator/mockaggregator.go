// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package mockaggregator

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

// MockAggregatorMetaData contains all meta data concerning the MockAggregator contract.
var MockAggregatorMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"decimals_\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"description_\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"initialAnswer\",\"type\":\"int256\",\"internalType\":\"int256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"decimals\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"description\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoundData\",\"inputs\":[{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latestRound\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latestRoundData\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setAnswer\",\"inputs\":[{\"name\":\"answer\",\"type\":\"int256\",\"internalType\":\"int256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setRoundData\",\"inputs\":[{\"name\":\"roundId\",\"type\":\"uint80\",\"internalType\":\"uint80\"},{\"name\":\"answer\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"startedAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"updatedAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"answeredInRound\",\"type\":\"uint80\",\"internalType\":\"uint80\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"version\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"pure\"},{\"type\":\"event\",\"name\":\"AnswerUpdated\",\"inputs\":[{\"name\":\"current\",\"type\":\"int256\",\"indexed\":true,\"internalType\":\"int256\"},{\"name\":\"roundId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"updatedAt\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"NoDataPresent\",\"inputs\":[]}]",
	ID:  "MockAggregator",
	Bin: "0x60a060405234801561000f575f5ffd5b506040516109a13803806109a183398101604081905261002e91610155565b60ff83166080525f61004083826102ad565b5080156100505761005081610058565b505050610398565b600180545f91610071916001600160501b031690610367565b90506100808183428083610084565b5050565b6040805160808101825285815260208082018681528284018681526001600160501b03808716606086019081528b82165f818152600296879052889020965187559351600180880191909155925194860194909455925160039094018054949093166001600160501b031994851617909255815490921682179055905185907f0559884fd3a460db3073b7fc896cc77986f16e378210ded43186175bf646fc5f906101329086815260200190565b60405180910390a35050505050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f60608486031215610167575f5ffd5b835160ff81168114610177575f5ffd5b60208501519093506001600160401b03811115610192575f5ffd5b8401601f810186136101a2575f5ffd5b80516001600160401b038111156101bb576101bb610141565b604051601f8201601f19908116603f011681016001600160401b03811182821017156101e9576101e9610141565b604052818152828201602001881015610200575f5ffd5b8160208401602083015e5f91810160200191909152604095909501519396949550929392505050565b600181811c9082168061023d57607f821691505b60208210810361025b57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156102a857805f5260205f20601f840160051c810160208510156102865750805b601f840160051c820191505b818110156102a5575f8155600101610292565b50505b505050565b81516001600160401b038111156102c6576102c6610141565b6102da816102d48454610229565b84610261565b6020601f82116001811461030c575f83156102f55750848201515b5f19600385901b1c1916600184901b1784556102a5565b5f84815260208120601f198516915b8281101561033b578785015182556020948501946001909201910161031b565b508482101561035857868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b6001600160501b03818116838216019081111561039257634e487b7160e01b5f52601160045260245ffd5b92915050565b6080516105f26103af5f395f60a301526105f25ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c80637284e416116100585780637284e4161461011c57806399213cd8146101315780639a6fc8f514610144578063feaf968c1461018e575f5ffd5b80631c12940a14610089578063313ce5671461009e57806354fd4d50146100dc578063668a0f02146100eb575b5f5ffd5b61009c61009736600461047e565b610196565b005b6100c57f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff90911681526020015b60405180910390f35b604051600481526020016100d3565b6001546101019069ffffffffffffffffffff1681565b60405169ffffffffffffffffffff90911681526020016100d3565b6101246101aa565b6040516100d391906104ca565b61009c61013f36600461051d565b610235565b610157610152366004610534565b610264565b6040805169ffffffffffffffffffff968716815260208101959095528401929092526060830152909116608082015260a0016100d3565b6101576102f5565b6101a38585858585610388565b5050505050565b5f80546101b690610554565b80601f01602080910402602001604051908101604052809291908181526020018280546101e290610554565b801561022d5780601f106102045761010080835404028352916020019161022d565b820191905f5260205f20905b81548152906001019060200180831161021057829003601f168201915b505050505081565b600180545f916102519169ffffffffffffffffffff16906105a5565b90506102608183424285610388565b5050565b69ffffffffffffffffffff81165f908152600260208190526040822090810154829182918291829182036102c4576040517fbb25870000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8054600182015460028301546003909301549899919890975091955069ffffffffffffffffffff9091169350915050565b6001545f90819081908190819069ffffffffffffffffffff16808203610347576040517fbb25870000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b69ffffffffffffffffffff8181165f9081526002602081905260409091208054600182015492820154600390920154949a9099509197509550911692509050565b60408051608081018252858152602080820186815282840186815269ffffffffffffffffffff808716606086019081528b82165f818152600296879052889020965187559351600180880191909155925194860194909455925160039094018054949093167fffffffffffffffffffffffffffffffffffffffffffff0000000000000000000094851617909255815490921682179055905185907f0559884fd3a460db3073b7fc896cc77986f16e378210ded43186175bf646fc5f906104519086815260200190565b60405180910390a35050505050565b803569ffffffffffffffffffff81168114610479575f5ffd5b919050565b5f5f5f5f5f60a08688031215610492575f5ffd5b61049b86610460565b94506020860135935060408601359250606086013591506104be60808701610460565b90509295509295909350565b602081525f82518060208401528060208501604085015e5f6040828501015260407fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505092915050565b5f6020828403121561052d575f5ffd5b5035919050565b5f60208284031215610544575f5ffd5b61054d82610460565b9392505050565b600181811c9082168061056857607f821691505b60208210810361059f577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b69ffffffffffffffffffff81811683821601908111156105ec577f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b9291505056",
}

// MockAggregator is an auto generated Go binding around an Ethereum contract.
type MockAggregator struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MockAggregator) GetABI() abi.ABI {
	return c.abi
}

// NewMockAggregator creates a new instance of MockAggregator.
func NewMockAggregator() *MockAggregator {
	parsed, err := MockAggregatorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MockAggregator{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MockAggregator) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint8 decimals_, string description_, int256 initialAnswer) returns()
func (mockAggregator *MockAggregator) PackConstructor(decimals_ uint8, description_ string, initialAnswer *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("", decimals_, description_, initialAnswer)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregator *MockAggregator) PackDecimals() []byte {
	enc, err := mockAggregator.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregator *MockAggregator) TryPackDecimals() ([]byte, error) {
	return mockAggregator.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregator *MockAggregator) UnpackDecimals(data []byte) (uint8, error) {
	out, err := mockAggregator.abi.Unpack("decimals", data)
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
func (mockAggregator *MockAggregator) PackDescription() []byte {
	enc, err := mockAggregator.abi.Pack("description")
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
func (mockAggregator *MockAggregator) TryPackDescription() ([]byte, error) {
	return mockAggregator.abi.Pack("description")
}

// UnpackDescription is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7284e416.
//
// Solidity: function description() view returns(string)
func (mockAggregator *MockAggregator) UnpackDescription(data []byte) (string, error) {
	out, err := mockAggregator.abi.Unpack("description", data)
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
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) PackGetRoundData(roundId *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("getRoundData", roundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) TryPackGetRoundData(roundId *big.Int) ([]byte, error) {
	return mockAggregator.abi.Pack("getRoundData", roundId)
}

// GetRoundDataOutput serves as a container for the return parameters of contract
// method GetRoundData.
type GetRoundDataOutput struct {
	Arg0 *big.Int
	Arg1 *big.Int
	Arg2 *big.Int
	Arg3 *big.Int
	Arg4 *big.Int
}

// UnpackGetRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) UnpackGetRoundData(data []byte) (GetRoundDataOutput, error) {
	out, err := mockAggregator.abi.Unpack("getRoundData", data)
	outstruct := new(GetRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Arg2 = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.Arg3 = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.Arg4 = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668a0f02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRound() view returns(uint80)
func (mockAggregator *MockAggregator) PackLatestRound() []byte {
	enc, err := mockAggregator.abi.Pack("latestRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668a0f02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRound() view returns(uint80)
func (mockAggregator *MockAggregator) TryPackLatestRound() ([]byte, error) {
	return mockAggregator.abi.Pack("latestRound")
}

// UnpackLatestRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x668a0f02.
//
// Solidity: function latestRound() view returns(uint80)
func (mockAggregator *MockAggregator) UnpackLatestRound(data []byte) (*big.Int, error) {
	out, err := mockAggregator.abi.Unpack("latestRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) PackLatestRoundData() []byte {
	enc, err := mockAggregator.abi.Pack("latestRoundData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) TryPackLatestRoundData() ([]byte, error) {
	return mockAggregator.abi.Pack("latestRoundData")
}

// LatestRoundDataOutput serves as a container for the return parameters of contract
// method LatestRoundData.
type LatestRoundDataOutput struct {
	Arg0 *big.Int
	Arg1 *big.Int
	Arg2 *big.Int
	Arg3 *big.Int
	Arg4 *big.Int
}

// UnpackLatestRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) UnpackLatestRoundData(data []byte) (LatestRoundDataOutput, error) {
	out, err := mockAggregator.abi.Unpack("latestRoundData", data)
	outstruct := new(LatestRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Arg2 = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.Arg3 = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.Arg4 = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSetAnswer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99213cd8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAnswer(int256 answer) returns()
func (mockAggregator *MockAggregator) PackSetAnswer(answer *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("setAnswer", answer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAnswer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99213cd8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAnswer(int256 answer) returns()
func (mockAggregator *MockAggregator) TryPackSetAnswer(answer *big.Int) ([]byte, error) {
	return mockAggregator.abi.Pack("setAnswer", answer)
}

// PackSetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c12940a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRoundData(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) returns()
func (mockAggregator *MockAggregator) PackSetRoundData(roundId *big.Int, answer *big.Int, startedAt *big.Int, updatedAt *big.Int, answeredInRound *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("setRoundData", roundId, answer, startedAt, updatedAt, answeredInRound)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c12940a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRoundData(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) returns()
func (mockAggregator *MockAggregator) TryPackSetRoundData(roundId *big.Int, answer *big.Int, startedAt *big.Int, updatedAt *big.Int, answeredInRound *big.Int) ([]byte, error) {
	return mockAggregator.abi.Pack("setRoundData", roundId, answer, startedAt, updatedAt, answeredInRound)
}

// PackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function version() pure returns(uint256)
func (mockAggregator *MockAggregator) PackVersion() []byte {
	enc, err := mockAggregator.abi.Pack("version")
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
func (mockAggregator *MockAggregator) TryPackVersion() ([]byte, error) {
	return mockAggregator.abi.Pack("version")
}

// UnpackVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54fd4d50.
//
// Solidity: function version() pure returns(uint256)
func (mockAggregator *MockAggregator) UnpackVersion(data []byte) (*big.Int, error) {
	out, err := mockAggregator.abi.Unpack("version", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// MockAggregatorAnswerUpdated represents a AnswerUpdated event raised by the MockAggregator contract.
type MockAggregatorAnswerUpdated struct {
	Current   *big.Int
	RoundId   *big.Int
	UpdatedAt *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const MockAggregatorAnswerUpdatedEventName = "AnswerUpdated"

// ContractEventName returns the user-defined event name.
func (MockAggregatorAnswerUpdated) ContractEventName() string {
	return MockAggregatorAnswerUpdatedEventName
}

// UnpackAnswerUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt)
func (mockAggregator *MockAggregator) UnpackAnswerUpdatedEvent(log *types.Log) (*MockAggregatorAnswerUpdated, error) {
	event := "AnswerUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mockAggregator.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MockAggregatorAnswerUpdated)
	if len(log.Data) > 0 {
		if err := mockAggregator.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mockAggregator.abi.Events[event].Inputs {
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
func (mockAggregator *MockAggregator) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], mockAggregator.abi.Errors["NoDataPresent"].ID.Bytes()[:4]) {
		return mockAggregator.UnpackNoDataPresentError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MockAggregatorNoDataPresent represents a NoDataPresent error raised by the MockAggregator contract.
type MockAggregatorNoDataPresent struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoDataPresent()
func MockAggregatorNoDataPresentErrorID() common.Hash {
	return common.HexToHash("0xbb258700699f4449978821f51700c766295ef133e7bb6177607142c8d88db786")
}

// UnpackNoDataPresentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoDataPresent()
func (mockAggregator *MockAggregator) UnpackNoDataPresentError(raw []byte) (*MockAggregatorNoDataPresent, error) {
	out := new(MockAggregatorNoDataPresent)
	if err := mockAggregator.abi.UnpackIntoInterface(out, "NoDataPresent", raw); err != nil {
		return nil, err
	}
	return out, nil
}
