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

// TopicState is an auto generated low-level Go binding around an user-defined struct.
type TopicState struct {
	Value       *big.Int
	BlockHeight uint64
	Timestamp   uint64
}

// Update is an auto generated low-level Go binding around an user-defined struct.
type Update struct {
	TopicId     uint64
	Value       *big.Int
	BlockHeight uint64
	Timestamp   uint64
}

// AlloraOracleMetaData contains all meta data concerning the AlloraOracle contract.
var AlloraOracleMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"initialOwner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"initialSigners\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"initialThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"initialMaxAge\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"initialMaxFutureSkew\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"BATCH_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DOMAIN_SEPARATOR\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_SIGNERS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"UPDATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"acceptOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashBatch\",\"inputs\":[{\"name\":\"updates\",\"type\":\"tuple[]\",\"internalType\":\"structUpdate[]\",\"components\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isSigner\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"latest\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"decimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxAge\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxFutureSkew\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"owner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingOwner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setSigners\",\"inputs\":[{\"name\":\"newSigners\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"newThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setTimeBounds\",\"inputs\":[{\"name\":\"newMaxAge\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"newMaxFutureSkew\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"signers\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"threshold\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"topicStates\",\"inputs\":[{\"name\":\"topicIds\",\"type\":\"uint64[]\",\"internalType\":\"uint64[]\"}],\"outputs\":[{\"name\":\"states\",\"type\":\"tuple[]\",\"internalType\":\"structTopicState[]\",\"components\":[{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"transferOwnership\",\"inputs\":[{\"name\":\"newOwner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"updateBatch\",\"inputs\":[{\"name\":\"updates\",\"type\":\"tuple[]\",\"internalType\":\"structUpdate[]\",\"components\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"signatures\",\"type\":\"bytes[]\",\"internalType\":\"bytes[]\"}],\"outputs\":[{\"name\":\"applied\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferStarted\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferred\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"SignersUpdated\",\"inputs\":[{\"name\":\"signers\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TimeBoundsUpdated\",\"inputs\":[{\"name\":\"maxAge\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"maxFutureSkew\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"TopicUpdated\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int256\",\"indexed\":false,\"internalType\":\"int256\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"UpdateSkipped\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"blockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"storedBlockHeight\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumSkipReason\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"ECDSAInvalidSignature\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ECDSAInvalidSignatureLength\",\"inputs\":[{\"name\":\"length\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ECDSAInvalidSignatureS\",\"inputs\":[{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"EmptyBatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignerCount\",\"inputs\":[{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidThreshold\",\"inputs\":[{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"signerCount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidTimeBounds\",\"inputs\":[{\"name\":\"maxAge\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxFutureSkew\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"NoData\",\"inputs\":[{\"name\":\"topicId\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"OwnableInvalidOwner\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"OwnableUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SignaturesNotAscending\",\"inputs\":[{\"name\":\"previous\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SignersNotAscending\",\"inputs\":[{\"name\":\"previous\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"ThresholdNotMet\",\"inputs\":[{\"name\":\"provided\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"UnknownSigner\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ZeroAddressSigner\",\"inputs\":[]}]",
	ID:  "AlloraOracle",
	Bin: "0x610160604052348015610010575f5ffd5b506040516129a23803806129a283398101604081905261002f91610660565b846040518060400160405280600c81526020016b416c6c6f72614f7261636c6560a01b815250604051806040016040528060018152602001603160f81b81525061007e8261017660201b60201c565b6101205261008b81610176565b61014052815160208084019190912060e052815190820120610100524660a05261011760e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b03811661014e57604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b610157816101b3565b5061016284846101cf565b61016c8282610471565b505050505061085a565b5f5f829050601f815111156101a0578260405163305a27a960e01b8152600401610145919061076d565b80516101ab826107a2565b179392505050565b600380546001600160a01b03191690556101cc81610543565b50565b81518015806101de5750602081115b156101ff5760405163245012b760e21b815260048101829052602401610145565b60ff821615806102115750808260ff16115b1561023b576040516319355c0560e21b815260ff8316600482015260248101829052604401610145565b5f6001600160a01b0316835f81518110610257576102576107c8565b60200260200101516001600160a01b0316036102865760405163ec67b1b960e01b815260040160405180910390fd5b60015b8181101561035c578361029d6001836107dc565b815181106102ad576102ad6107c8565b60200260200101516001600160a01b03168482815181106102d0576102d06107c8565b60200260200101516001600160a01b03161161035457836102f26001836107dc565b81518110610302576103026107c8565b602002602001015184828151811061031c5761031c6107c8565b60200260200101516040516311641feb60e21b81526004016101459291906001600160a01b0392831681529116602082015260400190565b600101610289565b5060055f5b81548110156103b25760065f83838154811061037f5761037f6107c8565b5f9182526020808320909101546001600160a01b031683528201929092526040019020805460ff19169055600101610361565b505f5b8281101561040d57600160065f8784815181106103d4576103d46107c8565b6020908102919091018101516001600160a01b031682528101919091526040015f20805460ff19169115159190911790556001016103b5565b508351610421906005906020870190610594565b506007805460ff191660ff85161790556040517fba48f7451a1bddc716ecd599483478b64fb19be03be6b59f118b2caa95f50413906104639086908690610801565b60405180910390a150505050565b6001600160401b038216158061048e57506001600160401b038116155b156104bf57604051630be63fc560e11b81526001600160401b03808416600483015282166024820152604401610145565b60078054610100600160881b0319166101006001600160401b03858116918202600160481b600160881b031916929092176901000000000000000000928516928302179092556040805192835260208301919091527f3e51757f1aca408f7eea86b935ff3645b4c9fc36c35fbad01a1dbec4aea9cb30910160405180910390a15050565b600280546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b828054828255905f5260205f209081019282156105e7579160200282015b828111156105e757825182546001600160a01b0319166001600160a01b039091161782556020909201916001909101906105b2565b506105f39291506105f7565b5090565b5b808211156105f3575f81556001016105f8565b80516001600160a01b0381168114610621575f5ffd5b919050565b634e487b7160e01b5f52604160045260245ffd5b805160ff81168114610621575f5ffd5b80516001600160401b0381168114610621575f5ffd5b5f5f5f5f5f60a08688031215610674575f5ffd5b61067d8661060b565b60208701519095506001600160401b03811115610698575f5ffd5b8601601f810188136106a8575f5ffd5b80516001600160401b038111156106c1576106c1610626565b604051600582901b90603f8201601f191681016001600160401b03811182821017156106ef576106ef610626565b60405291825260208184018101929081018b84111561070c575f5ffd5b6020850194505b83851015610732576107248561060b565b815260209485019401610713565b509650610745925050506040870161063a565b92506107536060870161064a565b91506107616080870161064a565b90509295509295909350565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156107c2575f198160200360031b1b821691505b50919050565b634e487b7160e01b5f52603260045260245ffd5b818103818111156107fb57634e487b7160e01b5f52601160045260245ffd5b92915050565b604080825283519082018190525f9060208501906060840190835b818110156108435783516001600160a01b031683526020938401939092019160010161081c565b5050809250505060ff831660208301529392505050565b60805160a05160c05160e0516101005161012051610140516120f76108ab5f395f61128101525f61125601525f61100e01525f610fe601525f610f4101525f610f6b01525f610f9501526120f75ff3fe608060405234801561000f575f5ffd5b506004361061016e575f3560e01c806383ee249d116100d2578063b0d665f711610088578063daf3f08b11610063578063daf3f08b146103aa578063e30c3978146103bd578063f2fde38b146103db575f5ffd5b8063b0d665f714610317578063b7848f321461035c578063d3fdd87d14610383575f5ffd5b80638da5cb5b116100b85780638da5cb5b146102a65780639c0c37e7146102e5578063a6e5406a146102f8575f5ffd5b806383ee249d1461026b57806384b0196e1461028b575f5ffd5b806359ecd65711610127578063715018a61161010d578063715018a61461021357806379ba50971461021b5780637df73e2714610223575f5ffd5b806359ecd657146101df578063687043c5146101e7575f5ffd5b806342cde4e81161015757806342cde4e8146101a257806346f0975a146101b75780634b4827ea146101cc575f5ffd5b80630296aa2a146101725780633644e51514610187575b5f5ffd5b610185610180366004611ab9565b6103ee565b005b61018f610404565b6040519081526020015b60405180910390f35b60075460405160ff9091168152602001610199565b6101bf610412565b6040516101999190611b3a565b61018f6101da366004611b94565b61047f565b61018f602081565b600754610100900467ffffffffffffffff165b60405167ffffffffffffffff9091168152602001610199565b610185610493565b6101856104a6565b61025b610231366004611bd3565b73ffffffffffffffffffffffffffffffffffffffff165f9081526006602052604090205460ff1690565b6040519015158152602001610199565b61027e610279366004611c4e565b610522565b6040516101999190611c81565b610293610656565b6040516101999796959493929190611d34565b60025473ffffffffffffffffffffffffffffffffffffffff165b60405173ffffffffffffffffffffffffffffffffffffffff9091168152602001610199565b61018f6102f3366004611df3565b6106b4565b6007546901000000000000000000900467ffffffffffffffff166101fa565b61032a610325366004611e5f565b610c26565b6040805194855260ff909316602085015267ffffffffffffffff91821692840192909252166060820152608001610199565b61018f7ff968adafab9bb1f884ffb95c9c4217953965c250b75e22db9e65f86fc2c4e9fb81565b61018f7f7987b0857c3931f4722a83d23ee7a7d7ca020a4c5e7964026ac2b2d8dc89762a81565b6101856103b8366004611e78565b610cc0565b60035473ffffffffffffffffffffffffffffffffffffffff166102c0565b6101856103e9366004611bd3565b610d0a565b6103f6610dba565b6104008282610e0d565b5050565b5f61040d610f28565b905090565b6060600580548060200260200160405190810160405280929190818152602001828054801561047557602002820191905f5260205f20905b815473ffffffffffffffffffffffffffffffffffffffff16815260019091019060200180831161044a575b5050505050905090565b5f61048a838361105e565b90505b92915050565b61049b610dba565b6104a45f61121e565b565b600354339073ffffffffffffffffffffffffffffffffffffffff168114610516576040517f118cdaa700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff821660048201526024015b60405180910390fd5b61051f8161121e565b50565b60608167ffffffffffffffff81111561053d5761053d611ed0565b6040519080825280602002602001820160405280156105a557816020015b604080516060810182525f80825260208083018290529282015282527fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff90920191018161055b5790505b5090505f5b8281101561064f5760045f8585848181106105c7576105c7611efd565b90506020020160208101906105dc9190611e5f565b67ffffffffffffffff908116825260208083019390935260409182015f2082516060810184528154815260019091015480831694820194909452680100000000000000009093041690820152825183908390811061063c5761063c611efd565b60209081029190910101526001016105aa565b5092915050565b5f6060805f5f5f606061066761124f565b61066f61127a565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b5f8381036106ee576040517fc2e5347d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60075460ff168083101561073a576040517f378b08050000000000000000000000000000000000000000000000000000000081526004810184905260ff8216602482015260440161050d565b5f610745878761105e565b90505f805b85811015610887575f6107808489898581811061076957610769611efd565b905060200281019061077b9190611f2a565b6112a5565b90508273ffffffffffffffffffffffffffffffffffffffff168173ffffffffffffffffffffffffffffffffffffffff1611610807576040517f32e2739f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff80851660048301528216602482015260440161050d565b73ffffffffffffffffffffffffffffffffffffffff81165f9081526006602052604090205460ff1661087d576040517fd7e8a2c200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8216600482015260240161050d565b915060010161074a565b506007545f90610100900467ffffffffffffffff1642116108a8575f6108c4565b6007546108c490610100900467ffffffffffffffff1642611fb8565b6007549091505f906108ed906901000000000000000000900467ffffffffffffffff1642611fcb565b90505f5b89811015610c1857368b8b8381811061090c5761090c611efd565b6080029190910191505f90506004816109286020850185611e5f565b67ffffffffffffffff9081168252602082019290925260409081015f2060018101549093509091169081906109639060608601908601611e5f565b67ffffffffffffffff16116109d85761097f6020840184611e5f565b67ffffffffffffffff167fae16c20a7d3528be619e5147f7a221cb8d6c52e008af59ff04a5fcbc634b51886109ba6060860160408701611e5f565b835f6040516109cb9392919061200b565b60405180910390a2610c0a565b856109e96080850160608601611e5f565b67ffffffffffffffff161015610a5357610a066020840184611e5f565b67ffffffffffffffff167fae16c20a7d3528be619e5147f7a221cb8d6c52e008af59ff04a5fcbc634b5188610a416060860160408701611e5f565b8360016040516109cb9392919061200b565b84610a646080850160608601611e5f565b67ffffffffffffffff161115610ace57610a816020840184611e5f565b67ffffffffffffffff167fae16c20a7d3528be619e5147f7a221cb8d6c52e008af59ff04a5fcbc634b5188610abc6060860160408701611e5f565b8360026040516109cb9392919061200b565b60208301358255610ae56060840160408501611e5f565b6001830180547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff92909216919091179055610b306080840160608501611e5f565b60018301805467ffffffffffffffff9290921668010000000000000000027fffffffffffffffffffffffffffffffff0000000000000000ffffffffffffffff909216919091179055610b856020840184611e5f565b67ffffffffffffffff167f6fdd964b17a15d6eec2e9fdf39f0a214c0ba37db7ed9074beb15130843531ba66020850135610bc56060870160408801611e5f565b610bd56080880160608901611e5f565b6040805193845267ffffffffffffffff928316602085015291169082015260600160405180910390a2610c078a612067565b99505b5050508060010190506108f1565b505050505050949350505050565b67ffffffffffffffff8082165f9081526004602052604081206001810154919283928392911690818303610c92576040517fa88074c200000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8716600482015260240161050d565b80546001909101549096601296506801000000000000000090910467ffffffffffffffff1694509092509050565b610cc8610dba565b610d058383808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152508592506112cf915050565b505050565b610d12610dba565b6003805473ffffffffffffffffffffffffffffffffffffffff83167fffffffffffffffffffffffff00000000000000000000000000000000000000009091168117909155610d7560025473ffffffffffffffffffffffffffffffffffffffff1690565b73ffffffffffffffffffffffffffffffffffffffff167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e2270060405160405180910390a350565b60025473ffffffffffffffffffffffffffffffffffffffff1633146104a4576040517f118cdaa700000000000000000000000000000000000000000000000000000000815233600482015260240161050d565b67ffffffffffffffff82161580610e2c575067ffffffffffffffff8116155b15610e77576040517f17cc7f8a00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff80841660048301528216602482015260440161050d565b600780547fffffffffffffffffffffffffffffff00000000000000000000000000000000ff1661010067ffffffffffffffff8581169182027fffffffffffffffffffffffffffffff0000000000000000ffffffffffffffffff16929092176901000000000000000000928516928302179092556040805192835260208301919091527f3e51757f1aca408f7eea86b935ff3645b4c9fc36c35fbad01a1dbec4aea9cb30910160405180910390a15050565b5f3073ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016148015610f8d57507f000000000000000000000000000000000000000000000000000000000000000046145b15610fb757507f000000000000000000000000000000000000000000000000000000000000000090565b61040d604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f808267ffffffffffffffff81111561107957611079611ed0565b6040519080825280602002602001820160405280156110a2578160200160208202803683370190505b5090505f5b8381101561119057368585838181106110c2576110c2611efd565b6080029190910191507f7987b0857c3931f4722a83d23ee7a7d7ca020a4c5e7964026ac2b2d8dc89762a90506110fb6020830183611e5f565b60208301356111106060850160408601611e5f565b6111206080860160608701611e5f565b60408051602081019690965267ffffffffffffffff948516908601526060850192909252821660808401521660a082015260c0016040516020818303038152906040528051906020012083838151811061117c5761117c611efd565b6020908102919091010152506001016110a7565b505f7ff968adafab9bb1f884ffb95c9c4217953965c250b75e22db9e65f86fc2c4e9fb826040516020016111c4919061209e565b604051602081830303815290604052805190602001206040516020016111f4929190918252602082015260400190565b6040516020818303038152906040528051906020012090506112158161168a565b95945050505050565b600380547fffffffffffffffffffffffff000000000000000000000000000000000000000016905561051f816116d1565b606061040d7f0000000000000000000000000000000000000000000000000000000000000000611747565b606061040d7f0000000000000000000000000000000000000000000000000000000000000000611747565b5f5f5f5f6112b4878787611784565b9250925092506112c482826117cb565b509095945050505050565b81518015806112de5750602081115b15611318576040517f91404adc0000000000000000000000000000000000000000000000000000000081526004810182905260240161050d565b60ff8216158061132a5750808260ff16115b1561136d576040517f64d5701400000000000000000000000000000000000000000000000000000000815260ff831660048201526024810182905260440161050d565b5f73ffffffffffffffffffffffffffffffffffffffff16835f8151811061139657611396611efd565b602002602001015173ffffffffffffffffffffffffffffffffffffffff16036113eb576040517fec67b1b900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60015b818110156115015783611402600183611fb8565b8151811061141257611412611efd565b602002602001015173ffffffffffffffffffffffffffffffffffffffff1684828151811061144257611442611efd565b602002602001015173ffffffffffffffffffffffffffffffffffffffff16116114f95783611471600183611fb8565b8151811061148157611481611efd565b602002602001015184828151811061149b5761149b611efd565b60200260200101516040517f45907fac00000000000000000000000000000000000000000000000000000000815260040161050d92919073ffffffffffffffffffffffffffffffffffffffff92831681529116602082015260400190565b6001016113ee565b5060055f5b81548110156115825760065f83838154811061152457611524611efd565b5f91825260208083209091015473ffffffffffffffffffffffffffffffffffffffff168352820192909252604001902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00169055600101611506565b505f5b8281101561160857600160065f8784815181106115a4576115a4611efd565b60209081029190910181015173ffffffffffffffffffffffffffffffffffffffff1682528101919091526040015f2080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016911515919091179055600101611585565b50835161161c906005906020870190611a01565b50600780547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660ff85161790556040517fba48f7451a1bddc716ecd599483478b64fb19be03be6b59f118b2caa95f504139061167c90869086906120d3565b60405180910390a150505050565b5f61048d611696610f28565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b6002805473ffffffffffffffffffffffffffffffffffffffff8381167fffffffffffffffffffffffff0000000000000000000000000000000000000000831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b60605f611753836118ce565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f808060418490036117b8578435602086013560408701355f1a6117aa8982858561190e565b9550955095505050506117c2565b505f915060029050825b93509350939050565b5f8260038111156117de576117de611fde565b036117e7575050565b60018260038111156117fb576117fb611fde565b03611832576040517ff645eedf00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600282600381111561184657611846611fde565b03611880576040517ffce698f70000000000000000000000000000000000000000000000000000000081526004810182905260240161050d565b600382600381111561189457611894611fde565b03610400576040517fd78bce0c0000000000000000000000000000000000000000000000000000000081526004810182905260240161050d565b5f60ff8216601f81111561048d576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561194757505f915060039050826119f7565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015611998573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff81166119ee57505f9250600191508290506119f7565b92505f91508190505b9450945094915050565b828054828255905f5260205f20908101928215611a79579160200282015b82811115611a7957825182547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff909116178255602090920191600190910190611a1f565b50611a85929150611a89565b5090565b5b80821115611a85575f8155600101611a8a565b803567ffffffffffffffff81168114611ab4575f5ffd5b919050565b5f5f60408385031215611aca575f5ffd5b611ad383611a9d565b9150611ae160208401611a9d565b90509250929050565b5f8151808452602084019350602083015f5b82811015611b3057815173ffffffffffffffffffffffffffffffffffffffff16865260209586019590910190600101611afc565b5093949350505050565b602081525f61048a6020830184611aea565b5f5f83601f840112611b5c575f5ffd5b50813567ffffffffffffffff811115611b73575f5ffd5b6020830191508360208260071b8501011115611b8d575f5ffd5b9250929050565b5f5f60208385031215611ba5575f5ffd5b823567ffffffffffffffff811115611bbb575f5ffd5b611bc785828601611b4c565b90969095509350505050565b5f60208284031215611be3575f5ffd5b813573ffffffffffffffffffffffffffffffffffffffff81168114611c06575f5ffd5b9392505050565b5f5f83601f840112611c1d575f5ffd5b50813567ffffffffffffffff811115611c34575f5ffd5b6020830191508360208260051b8501011115611b8d575f5ffd5b5f5f60208385031215611c5f575f5ffd5b823567ffffffffffffffff811115611c75575f5ffd5b611bc785828601611c0d565b602080825282518282018190525f918401906040840190835b818110156112c45783518051845267ffffffffffffffff602082015116602085015267ffffffffffffffff604082015116604085015250606083019250602084019350600181019050611c9a565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f611d6e60e0830189611ce8565b8281036040840152611d808189611ce8565b6060840188905273ffffffffffffffffffffffffffffffffffffffff8716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b81811015611de2578351835260209384019390920191600101611dc4565b50909b9a5050505050505050505050565b5f5f5f5f60408587031215611e06575f5ffd5b843567ffffffffffffffff811115611e1c575f5ffd5b611e2887828801611b4c565b909550935050602085013567ffffffffffffffff811115611e47575f5ffd5b611e5387828801611c0d565b95989497509550505050565b5f60208284031215611e6f575f5ffd5b61048a82611a9d565b5f5f5f60408486031215611e8a575f5ffd5b833567ffffffffffffffff811115611ea0575f5ffd5b611eac86828701611c0d565b909450925050602084013560ff81168114611ec5575f5ffd5b809150509250925092565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112611f5d575f5ffd5b83018035915067ffffffffffffffff821115611f77575f5ffd5b602001915036819003821315611b8d575f5ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561048d5761048d611f8b565b8082018082111561048d5761048d611f8b565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b67ffffffffffffffff8481168252831660208201526060810160038310612059577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b826040830152949350505050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff820361209757612097611f8b565b5060010190565b81515f90829060208501835b828110156120c85781518452602093840193909101906001016120aa565b509195945050505050565b604081525f6120e56040830185611aea565b905060ff83166020830152939250505056",
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

// PackHashBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b4827ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashBatch((uint64,int256,uint64,uint64)[] updates) view returns(bytes32)
func (alloraOracle *AlloraOracle) PackHashBatch(updates []Update) []byte {
	enc, err := alloraOracle.abi.Pack("hashBatch", updates)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b4827ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashBatch((uint64,int256,uint64,uint64)[] updates) view returns(bytes32)
func (alloraOracle *AlloraOracle) TryPackHashBatch(updates []Update) ([]byte, error) {
	return alloraOracle.abi.Pack("hashBatch", updates)
}

// UnpackHashBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4b4827ea.
//
// Solidity: function hashBatch((uint64,int256,uint64,uint64)[] updates) view returns(bytes32)
func (alloraOracle *AlloraOracle) UnpackHashBatch(data []byte) ([32]byte, error) {
	out, err := alloraOracle.abi.Unpack("hashBatch", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
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
// Solidity: function renounceOwnership() returns()
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
// Solidity: function renounceOwnership() returns()
func (alloraOracle *AlloraOracle) TryPackRenounceOwnership() ([]byte, error) {
	return alloraOracle.abi.Pack("renounceOwnership")
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
// Solidity: function topicStates(uint64[] topicIds) view returns((int256,uint64,uint64)[] states)
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
// Solidity: function topicStates(uint64[] topicIds) view returns((int256,uint64,uint64)[] states)
func (alloraOracle *AlloraOracle) TryPackTopicStates(topicIds []uint64) ([]byte, error) {
	return alloraOracle.abi.Pack("topicStates", topicIds)
}

// UnpackTopicStates is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x83ee249d.
//
// Solidity: function topicStates(uint64[] topicIds) view returns((int256,uint64,uint64)[] states)
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

// PackUpdateBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c0c37e7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateBatch((uint64,int256,uint64,uint64)[] updates, bytes[] signatures) returns(uint256 applied)
func (alloraOracle *AlloraOracle) PackUpdateBatch(updates []Update, signatures [][]byte) []byte {
	enc, err := alloraOracle.abi.Pack("updateBatch", updates, signatures)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c0c37e7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateBatch((uint64,int256,uint64,uint64)[] updates, bytes[] signatures) returns(uint256 applied)
func (alloraOracle *AlloraOracle) TryPackUpdateBatch(updates []Update, signatures [][]byte) ([]byte, error) {
	return alloraOracle.abi.Pack("updateBatch", updates, signatures)
}

// UnpackUpdateBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9c0c37e7.
//
// Solidity: function updateBatch((uint64,int256,uint64,uint64)[] updates, bytes[] signatures) returns(uint256 applied)
func (alloraOracle *AlloraOracle) UnpackUpdateBatch(data []byte) (*big.Int, error) {
	out, err := alloraOracle.abi.Unpack("updateBatch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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
	TopicId     uint64
	Value       *big.Int
	BlockHeight uint64
	Timestamp   uint64
	Raw         *types.Log // Blockchain specific contextual infos
}

const AlloraOracleTopicUpdatedEventName = "TopicUpdated"

// ContractEventName returns the user-defined event name.
func (AlloraOracleTopicUpdated) ContractEventName() string {
	return AlloraOracleTopicUpdatedEventName
}

// UnpackTopicUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TopicUpdated(uint64 indexed topicId, int256 value, uint64 blockHeight, uint64 timestamp)
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

// AlloraOracleUpdateSkipped represents a UpdateSkipped event raised by the AlloraOracle contract.
type AlloraOracleUpdateSkipped struct {
	TopicId           uint64
	BlockHeight       uint64
	StoredBlockHeight uint64
	Reason            uint8
	Raw               *types.Log // Blockchain specific contextual infos
}

const AlloraOracleUpdateSkippedEventName = "UpdateSkipped"

// ContractEventName returns the user-defined event name.
func (AlloraOracleUpdateSkipped) ContractEventName() string {
	return AlloraOracleUpdateSkippedEventName
}

// UnpackUpdateSkippedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UpdateSkipped(uint64 indexed topicId, uint64 blockHeight, uint64 storedBlockHeight, uint8 reason)
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

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (alloraOracle *AlloraOracle) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ECDSAInvalidSignature"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackECDSAInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ECDSAInvalidSignatureLength"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackECDSAInvalidSignatureLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ECDSAInvalidSignatureS"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackECDSAInvalidSignatureSError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["EmptyBatch"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackEmptyBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackInvalidShortStringError(raw[4:])
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
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackOwnableUnauthorizedAccountError(raw[4:])
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
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["UnknownSigner"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackUnknownSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloraOracle.abi.Errors["ZeroAddressSigner"].ID.Bytes()[:4]) {
		return alloraOracle.UnpackZeroAddressSignerError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AlloraOracleECDSAInvalidSignature represents a ECDSAInvalidSignature error raised by the AlloraOracle contract.
type AlloraOracleECDSAInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignature()
func AlloraOracleECDSAInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xf645eedf0193584640b6b90cb9477e4c95b98636c148a891d4c0a146dc46e75a")
}

// UnpackECDSAInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignature()
func (alloraOracle *AlloraOracle) UnpackECDSAInvalidSignatureError(raw []byte) (*AlloraOracleECDSAInvalidSignature, error) {
	out := new(AlloraOracleECDSAInvalidSignature)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ECDSAInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleECDSAInvalidSignatureLength represents a ECDSAInvalidSignatureLength error raised by the AlloraOracle contract.
type AlloraOracleECDSAInvalidSignatureLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func AlloraOracleECDSAInvalidSignatureLengthErrorID() common.Hash {
	return common.HexToHash("0xfce698f7e8e5342cd615f641317bc45fe7e1e4a8b0a14dd1383ff8dc9c41917f")
}

// UnpackECDSAInvalidSignatureLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func (alloraOracle *AlloraOracle) UnpackECDSAInvalidSignatureLengthError(raw []byte) (*AlloraOracleECDSAInvalidSignatureLength, error) {
	out := new(AlloraOracleECDSAInvalidSignatureLength)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloraOracleECDSAInvalidSignatureS represents a ECDSAInvalidSignatureS error raised by the AlloraOracle contract.
type AlloraOracleECDSAInvalidSignatureS struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func AlloraOracleECDSAInvalidSignatureSErrorID() common.Hash {
	return common.HexToHash("0xd78bce0cccb935155ed6428d1c13e50b7f3550fd2b66b9fe266006fea4a5e1eb")
}

// UnpackECDSAInvalidSignatureSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func (alloraOracle *AlloraOracle) UnpackECDSAInvalidSignatureSError(raw []byte) (*AlloraOracleECDSAInvalidSignatureS, error) {
	out := new(AlloraOracleECDSAInvalidSignatureS)
	if err := alloraOracle.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureS", raw); err != nil {
		return nil, err
	}
	return out, nil
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
