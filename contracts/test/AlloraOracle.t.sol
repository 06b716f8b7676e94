// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {AlloraOracle} from "../src/AlloraOracle.sol";
import {IAlloraOracle} from "../src/interfaces/IAlloraOracle.sol";
import {AlloraFeed} from "../src/AlloraFeed.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {IUpdateVerifier} from "../src/interfaces/IUpdateVerifier.sol";
import {MockUpdateVerifier} from "./MockUpdateVerifier.sol";
import {Vm, vm} from "./Vm.sol";

/// A treasury that refuses payments.
contract RefusingTreasury {
    receive() external payable {
        revert("no thanks");
    }
}

/// A treasury that also owns the oracle and, when paid, calls withdrawFees again: the
/// second call must be refused by the reentrancy guard.
contract ReentrantTreasury {
    AlloraOracle public immutable oracle;
    bytes public innerRevert;
    bool private _entered;

    constructor(AlloraOracle oracle_) {
        oracle = oracle_;
    }

    function acceptOwnership() external {
        oracle.acceptOwnership();
    }

    function withdraw() external {
        oracle.withdrawFees();
    }

    receive() external payable {
        if (_entered) return;
        _entered = true;
        try oracle.withdrawFees() {
            innerRevert = "reentered";
        } catch (bytes memory reason) {
            innerRevert = reason;
        }
    }
}

contract AlloraOracleTest {
    uint64 internal constant MAX_AGE = 1 hours;
    uint64 internal constant MAX_FUTURE_SKEW = 5 minutes;
    uint256 internal constant NOW = 1_750_000_000;
    uint64 internal constant TOPIC_ETH = 13;
    uint64 internal constant TOPIC_BTC = 14;

    // secp256k1 group order: s' = N - s with v flipped is the same signature's malleable twin.
    uint256 internal constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    address internal owner = address(0x0A11CE);
    address internal stranger = address(0x0BAD);

    // Registered signer keys and addresses, both sorted by address ascending.
    uint256[] internal keys;
    address[] internal signerSet;
    uint256 internal outsiderKey = 0xD00D;

    AlloraOracle internal oracle;

    function setUp() public {
        vm.warp(NOW);
        uint256[3] memory raw = [uint256(0xA11CE5), 0xB0B5, 0xCA201];
        for (uint256 i = 0; i < raw.length; ++i) {
            keys.push(raw[i]);
        }
        // Insertion sort by address; three entries.
        for (uint256 i = 1; i < keys.length; ++i) {
            for (uint256 j = i; j > 0 && vm.addr(keys[j]) < vm.addr(keys[j - 1]); --j) {
                (keys[j], keys[j - 1]) = (keys[j - 1], keys[j]);
            }
        }
        for (uint256 i = 0; i < keys.length; ++i) {
            signerSet.push(vm.addr(keys[i]));
        }
        oracle = new AlloraOracle(owner, signerSet, 2, MAX_AGE, MAX_FUTURE_SKEW);
    }

    // ---------------------------------------------------------------- helpers

    function _update(uint64 topicId, int256 value, uint64 blockHeight, uint256 timestamp)
        internal
        pure
        returns (IAlloraOracle.Update memory)
    {
        return _updateV(topicId, value, blockHeight, 0, timestamp);
    }

    function _updateV(uint64 topicId, int256 value, uint64 blockHeight, uint64 lossBlockHeight, uint256 timestamp)
        internal
        pure
        returns (IAlloraOracle.Update memory)
    {
        return IAlloraOracle.Update({
            topicId: topicId,
            value: value,
            blockHeight: blockHeight,
            lossBlockHeight: lossBlockHeight,
            timestamp: uint64(timestamp)
        });
    }

    function _batch(IAlloraOracle.Update memory u) internal pure returns (IAlloraOracle.Update[] memory ups) {
        ups = new IAlloraOracle.Update[](1);
        ups[0] = u;
    }

    function _batch(IAlloraOracle.Update memory a, IAlloraOracle.Update memory b) internal pure returns (IAlloraOracle.Update[] memory ups) {
        ups = new IAlloraOracle.Update[](2);
        ups[0] = a;
        ups[1] = b;
    }

    /// An EIP-2098 compact signature: the recovery bit in the top bit of s.
    function _sign(uint256 key, bytes32 digest) internal pure returns (IAlloraOracle.Signature memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return _compact(v, r, s);
    }

    function _compact(uint8 v, bytes32 r, bytes32 s) internal pure returns (IAlloraOracle.Signature memory) {
        return IAlloraOracle.Signature({r: r, vs: bytes32(uint256(s) | (uint256(v - 27) << 255))});
    }

    /// Signatures of the first `count` registered signers, in the order the oracle wants.
    function _signBatch(AlloraOracle target, IAlloraOracle.Update[] memory ups, uint256 count)
        internal
        view
        returns (IAlloraOracle.Signature[] memory sigs)
    {
        bytes32 digest = target.hashBatch(ups);
        sigs = new IAlloraOracle.Signature[](count);
        for (uint256 i = 0; i < count; ++i) {
            sigs[i] = _sign(keys[i], digest);
        }
    }

    function _recover(bytes32 digest, IAlloraOracle.Signature memory sig) internal pure returns (address) {
        bytes32 s = bytes32(uint256(sig.vs) & ((uint256(1) << 255) - 1));
        uint8 v = uint8(27 + (uint256(sig.vs) >> 255));
        return ecrecover(digest, v, sig.r, s);
    }

    /// The digest written out from EIP-712 itself, independent of the contract's code.
    function _specDigest(address verifyingContract, uint256 chainId, IAlloraOracle.Update[] memory ups)
        internal
        pure
        returns (bytes32)
    {
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AlloraOracle"),
                keccak256("1"),
                chainId,
                verifyingContract
            )
        );
        bytes memory packed;
        for (uint256 i = 0; i < ups.length; ++i) {
            packed = abi.encodePacked(
                packed,
                keccak256(
                    abi.encode(
                        keccak256(
                            "Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"
                        ),
                        ups[i].topicId,
                        ups[i].value,
                        ups[i].blockHeight,
                        ups[i].lossBlockHeight,
                        ups[i].timestamp
                    )
                )
            );
        }
        bytes32 batchHash = keccak256(
            abi.encode(
                keccak256(
                    "Batch(Update[] updates)Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"
                ),
                keccak256(packed)
            )
        );
        return keccak256(abi.encodePacked(hex"1901", domainSeparator, batchHash));
    }

    /// The packed state word of a TopicUpdated event, written out from its documented layout.
    function _state(int256 value, uint256 height, uint256 timestamp) internal pure returns (uint256) {
        return _stateV(value, height, 0, timestamp);
    }

    function _stateV(int256 value, uint256 height, uint256 loss, uint256 timestamp) internal pure returns (uint256) {
        return (height << 224) | (loss << 192) | (timestamp << 160) | uint256(uint160(int160(value)));
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        return min + x % (max - min + 1);
    }

    function _sortedAddresses(uint256 count) internal pure returns (address[] memory list) {
        list = new address[](count);
        for (uint256 i = 0; i < count; ++i) {
            list[i] = address(uint160(0x1000 + i));
        }
    }

    // ---------------------------------------------------------------- construction and reads

    function test_Constructor_SetsState() public view {
        vm.assertEq(oracle.owner(), owner, "owner");
        vm.assertEq(oracle.signers(), signerSet, "signers");
        vm.assertEq(uint256(oracle.threshold()), 2, "threshold");
        vm.assertEq(uint256(oracle.maxAge()), MAX_AGE, "maxAge");
        vm.assertEq(uint256(oracle.maxFutureSkew()), MAX_FUTURE_SKEW, "maxFutureSkew");
        for (uint256 i = 0; i < signerSet.length; ++i) {
            vm.assertTrue(oracle.isSigner(signerSet[i]), "registered signer");
        }
        vm.assertFalse(oracle.isSigner(vm.addr(outsiderKey)), "outsider is not a signer");
        vm.assertFalse(oracle.isSigner(address(0)), "zero address is not a signer");
    }

    function test_TypeHashesAndDomainFollowEIP712() public view {
        vm.assertEq(
            oracle.UPDATE_TYPEHASH(),
            keccak256("Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"),
            "UPDATE_TYPEHASH"
        );
        vm.assertEq(
            oracle.BATCH_TYPEHASH(),
            keccak256(
                "Batch(Update[] updates)Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"
            ),
            "BATCH_TYPEHASH"
        );
        bytes32 want = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AlloraOracle"),
                keccak256("1"),
                block.chainid,
                address(oracle)
            )
        );
        vm.assertEq(oracle.DOMAIN_SEPARATOR(), want, "DOMAIN_SEPARATOR");
        (, string memory name, string memory version, uint256 chainId, address verifying,,) = oracle.eip712Domain();
        vm.assertEq(keccak256(bytes(name)), keccak256("AlloraOracle"), "eip712Domain name");
        vm.assertEq(keccak256(bytes(version)), keccak256("1"), "eip712Domain version");
        vm.assertEq(chainId, block.chainid, "eip712Domain chainId");
        vm.assertEq(verifying, address(oracle), "eip712Domain verifyingContract");
    }

    function test_HashBatch_MatchesSpec() public view {
        IAlloraOracle.Update[] memory ups = _batch(
            _update(TOPIC_ETH, -3_001_999_999_999_999_999_999, 4_512_345, NOW - 10),
            _update(TOPIC_BTC, type(int256).max, 1, NOW)
        );
        vm.assertEq(oracle.hashBatch(ups), _specDigest(address(oracle), block.chainid, ups), "digest");
    }

    function testFuzz_HashBatch_MatchesSpec(uint256 seed, uint256 length) public view {
        length = _bound(length, 1, 8);
        IAlloraOracle.Update[] memory ups = new IAlloraOracle.Update[](length);
        for (uint256 i = 0; i < length; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            ups[i] = IAlloraOracle.Update({
                topicId: uint64(r),
                value: int256(uint256(keccak256(abi.encode(r)))),
                blockHeight: uint64(r >> 64),
                lossBlockHeight: uint64(r >> 192),
                timestamp: uint64(r >> 128)
            });
        }
        vm.assertEq(oracle.hashBatch(ups), _specDigest(address(oracle), block.chainid, ups), "digest");
    }

    function test_Latest_RevertsNoDataForUnsetTopic() public {
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.NoData.selector, TOPIC_ETH));
        oracle.latest(TOPIC_ETH);
    }

    function test_TopicStates_ZerosForUnsetTopics() public view {
        uint64[] memory ids = new uint64[](2);
        ids[0] = TOPIC_ETH;
        ids[1] = type(uint64).max;
        IAlloraOracle.TopicState[] memory states = oracle.topicStates(ids);
        vm.assertEq(states.length, 2, "length");
        for (uint256 i = 0; i < states.length; ++i) {
            vm.assertEq(states[i].value, 0, "value");
            vm.assertEq(uint256(states[i].blockHeight), 0, "blockHeight");
            vm.assertEq(uint256(states[i].timestamp), 0, "timestamp");
            vm.assertEq(uint256(states[i].lossBlockHeight), 0, "lossBlockHeight");
        }
    }

    // ---------------------------------------------------------------- constructor reverts

    function test_Constructor_RevertsZeroOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new AlloraOracle(address(0), signerSet, 2, MAX_AGE, MAX_FUTURE_SKEW);
    }

    function test_Constructor_RevertsInvalidSigners() public {
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidSignerCount.selector, 0));
        new AlloraOracle(owner, new address[](0), 1, MAX_AGE, MAX_FUTURE_SKEW);

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidThreshold.selector, 4, 3));
        new AlloraOracle(owner, signerSet, 4, MAX_AGE, MAX_FUTURE_SKEW);

        address[] memory unsorted = new address[](2);
        (unsorted[0], unsorted[1]) = (signerSet[1], signerSet[0]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.SignersNotAscending.selector, signerSet[1], signerSet[0]));
        new AlloraOracle(owner, unsorted, 1, MAX_AGE, MAX_FUTURE_SKEW);
    }

    function test_Constructor_RevertsInvalidTimeBounds() public {
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidTimeBounds.selector, 0, MAX_FUTURE_SKEW));
        new AlloraOracle(owner, signerSet, 2, 0, MAX_FUTURE_SKEW);
    }

    // ---------------------------------------------------------------- updateBatch: applying

    function test_UpdateBatch_AppliesTwoOfThree() public {
        IAlloraOracle.Update[] memory ups = _batch(
            _update(TOPIC_ETH, 3_001_250_000_000_000_000_000, 4_512_345, NOW - 30),
            _update(TOPIC_BTC, -1, 4_512_346, NOW + 60)
        );
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);

        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_ETH, _state(3_001_250_000_000_000_000_000, 4_512_345, uint64(NOW - 30)));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_BTC, _state(-1, 4_512_346, uint64(NOW + 60)));
        vm.prank(stranger); // submission is permissionless
        uint256 applied = oracle.updateBatch(ups, sigs);
        vm.assertEq(applied, 2, "applied");

        (int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 3_001_250_000_000_000_000_000, "ETH value");
        vm.assertEq(uint256(decimals), 18, "decimals");
        vm.assertEq(uint256(timestamp), NOW - 30, "ETH timestamp");
        vm.assertEq(uint256(blockHeight), 4_512_345, "ETH blockHeight");

        uint64[] memory ids = new uint64[](3);
        (ids[0], ids[1], ids[2]) = (TOPIC_BTC, 999, TOPIC_ETH);
        IAlloraOracle.TopicState[] memory states = oracle.topicStates(ids);
        vm.assertEq(states[0].value, -1, "BTC value");
        vm.assertEq(uint256(states[0].blockHeight), 4_512_346, "BTC blockHeight");
        vm.assertEq(uint256(states[0].timestamp), NOW + 60, "BTC timestamp");
        vm.assertEq(uint256(states[1].blockHeight), 0, "unset topic");
        vm.assertEq(states[2].value, 3_001_250_000_000_000_000_000, "ETH value in topicStates");
    }

    function test_UpdateBatch_AllThreeSignersAndExtremeValues() public {
        IAlloraOracle.Update[] memory ups =
            _batch(_update(TOPIC_ETH, type(int160).min, 1, NOW), _update(TOPIC_BTC, type(int160).max, 2, NOW));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 3)), 2, "applied");
        (int256 minValue,,,) = oracle.latest(TOPIC_ETH);
        (int256 maxValue,,,) = oracle.latest(TOPIC_BTC);
        vm.assertEq(minValue, type(int160).min, "min int160");
        vm.assertEq(maxValue, type(int160).max, "max int160");
    }

    function test_UpdateBatch_OutOfRangeReverts() public {
        IAlloraOracle.Update[5] memory bad = [
            _update(TOPIC_ETH, int256(type(int160).max) + 1, 10, NOW),
            _update(TOPIC_ETH, int256(type(int160).min) - 1, 10, NOW),
            _update(TOPIC_ETH, 1, uint64(type(uint32).max) + 1, NOW),
            _updateV(TOPIC_ETH, 1, 10, uint64(type(uint32).max) + 1, NOW),
            _update(TOPIC_ETH, 1, 10, uint64(type(uint32).max) + 1)
        ];
        // The last case needs a block time near 2106 for its timestamp to be in bounds.
        for (uint256 i = 0; i < bad.length; ++i) {
            if (i == 4) vm.warp(uint256(type(uint32).max) + 1);
            // A good update first: the revert names the bad one's index and undoes both.
            IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_BTC, 1, 5, i == 4 ? type(uint32).max : NOW), bad[i]);
            IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAlloraOracle.UpdateOutOfRange.selector,
                    1,
                    TOPIC_ETH,
                    bad[i].value,
                    bad[i].blockHeight,
                    bad[i].lossBlockHeight
                )
            );
            oracle.updateBatch(ups, sigs);
        }
        uint64[] memory ids = new uint64[](1);
        ids[0] = TOPIC_BTC;
        vm.assertEq(uint256(oracle.topicStates(ids)[0].blockHeight), 0, "nothing of a reverted batch is stored");
    }

    function test_UpdateBatch_LargestFittingUpdateStored() public {
        uint64 maxU32 = type(uint32).max;
        IAlloraOracle.Update[] memory ups = _batch(_updateV(TOPIC_ETH, type(int160).min, maxU32, maxU32, NOW));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_ETH, _stateV(type(int160).min, maxU32, maxU32, NOW));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied");
        (uint64 height, uint64 loss) = oracle.latestVersion(TOPIC_ETH);
        vm.assertEq(uint256(height), maxU32, "blockHeight");
        vm.assertEq(uint256(loss), maxU32, "lossBlockHeight");
    }

    /// An update that does not fit reverts even where it would have been skipped: its
    /// version cannot be compared, and no honest signer signs it.
    function test_UpdateBatch_OutOfRangeNotNewerReverts() public {
        _push(TOPIC_ETH, 1, 10);
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, type(int256).max, 9, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        vm.expectRevert(
            abi.encodeWithSelector(IAlloraOracle.UpdateOutOfRange.selector, 0, TOPIC_ETH, type(int256).max, 9, 0)
        );
        oracle.updateBatch(ups, sigs);
    }

    // ---------------------------------------------------------------- revisions

    function test_UpdateBatch_RevisionWithNewerLossHeightReplaces() public {
        IAlloraOracle.Update[] memory first = _batch(_updateV(TOPIC_ETH, 2998_579082795415857115, 468, 428, NOW - 20));
        oracle.updateBatch(first, _signBatch(oracle, first, 2));
        IAlloraOracle.Update[] memory revised = _batch(_updateV(TOPIC_ETH, 2998_576007275995009110, 468, 448, NOW - 20));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_ETH, _stateV(2998_576007275995009110, 468, 448, NOW - 20));
        vm.assertEq(oracle.updateBatch(revised, _signBatch(oracle, revised, 2)), 1, "revision applied");
        (int256 value,, uint64 timestamp, uint64 blockHeight) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 2998_576007275995009110, "revised value");
        vm.assertEq(uint256(blockHeight), 468, "blockHeight");
        vm.assertEq(uint256(timestamp), NOW - 20, "timestamp");
        (uint64 h, uint64 loss) = oracle.latestVersion(TOPIC_ETH);
        vm.assertEq(uint256(h), 468, "latestVersion blockHeight");
        vm.assertEq(uint256(loss), 448, "latestVersion lossBlockHeight");
        uint64[] memory ids = new uint64[](1);
        ids[0] = TOPIC_ETH;
        vm.assertEq(uint256(oracle.topicStates(ids)[0].lossBlockHeight), 448, "topicStates lossBlockHeight");
        (int256 v,, uint64 bh, uint64 lh) = oracle.decodeState(_stateV(-5, 468, 448, NOW));
        vm.assertEq(v, -5, "decodeState value");
        vm.assertEq(uint256(bh), 468, "decodeState blockHeight");
        vm.assertEq(uint256(lh), 448, "decodeState lossBlockHeight");
    }

    function test_UpdateBatch_RevisionNotNewerSkipped() public {
        IAlloraOracle.Update[] memory stored = _batch(_updateV(TOPIC_ETH, 200, 468, 448, NOW));
        oracle.updateBatch(stored, _signBatch(oracle, stored, 2));

        // The first value of the same height (older loss height), the same version again,
        // and a newer loss height of an older inference height are all not newer.
        IAlloraOracle.Update[3] memory stale =
            [_updateV(TOPIC_ETH, 100, 468, 428, NOW), _updateV(TOPIC_ETH, 300, 468, 448, NOW), _updateV(TOPIC_ETH, 9, 467, 900, NOW)];
        for (uint256 i = 0; i < stale.length; ++i) {
            IAlloraOracle.Update[] memory ups = _batch(stale[i]);
            vm.expectEmit(address(oracle));
            emit IAlloraOracle.UpdateSkipped(
                TOPIC_ETH, stale[i].blockHeight, stale[i].lossBlockHeight, 468, 448, IAlloraOracle.SkipReason.NotNewer
            );
            vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 0, "not newer");
        }
        (int256 value,,,) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 200, "value kept");

        // A newer inference height wins whatever its loss height.
        IAlloraOracle.Update[] memory next = _batch(_updateV(TOPIC_ETH, 400, 488, 0, NOW));
        vm.assertEq(oracle.updateBatch(next, _signBatch(oracle, next, 2)), 1, "newer height applied");
        (uint64 h, uint64 loss) = oracle.latestVersion(TOPIC_ETH);
        vm.assertEq(uint256(h), 488, "blockHeight");
        vm.assertEq(uint256(loss), 0, "lossBlockHeight");
    }

    function test_UpdateBatch_FirstValueAndRevisionInOneBatch() public {
        IAlloraOracle.Update[] memory ups = _batch(_updateV(TOPIC_ETH, 1, 468, 428, NOW), _updateV(TOPIC_ETH, 2, 468, 448, NOW));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 2, "both applied, in order");
        (int256 value,,,) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 2, "revision stored");
    }

    function test_History_RevisionIsANewRound() public {
        AlloraFeed feed = new AlloraFeed(oracle, TOPIC_ETH, "ETH");
        vm.prank(owner);
        oracle.setHistory(TOPIC_ETH, true);
        IAlloraOracle.Update[] memory ups = _batch(_updateV(TOPIC_ETH, 1e18, 468, 428, NOW));
        oracle.updateBatch(ups, _signBatch(oracle, ups, 2));
        (uint80 first,,,,) = feed.latestRoundData();
        ups = _batch(_updateV(TOPIC_ETH, 2e18, 468, 448, NOW));
        oracle.updateBatch(ups, _signBatch(oracle, ups, 2));
        (uint80 second, int256 answer,,,) = feed.latestRoundData();
        vm.assertTrue(second > first, "the revision has its own round id");
        vm.assertEq(answer, 2e18, "latest answer is the revision");
        (, int256 before,,,) = feed.getRoundData(first);
        vm.assertEq(before, 1e18, "the first value stays readable as its round");
    }

    function test_UpdateBatch_NewerBlockHeightReplaces() public {
        IAlloraOracle.Update[] memory first = _batch(_update(TOPIC_ETH, 100, 10, NOW - 20));
        oracle.updateBatch(first, _signBatch(oracle, first, 2));
        IAlloraOracle.Update[] memory second = _batch(_update(TOPIC_ETH, 200, 11, NOW - 10));
        vm.assertEq(oracle.updateBatch(second, _signBatch(oracle, second, 2)), 1, "applied");
        (int256 value,, uint64 timestamp, uint64 blockHeight) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 200, "value");
        vm.assertEq(uint256(blockHeight), 11, "blockHeight");
        vm.assertEq(uint256(timestamp), NOW - 10, "timestamp");
    }

    // ---------------------------------------------------------------- updateBatch: skips

    function test_UpdateBatch_ReplaySkipsNotNewer() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 100, 10, NOW), _update(TOPIC_BTC, 200, 20, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        vm.assertEq(oracle.updateBatch(ups, sigs), 2, "first submission");

        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 10, 0, 10, 0, IAlloraOracle.SkipReason.NotNewer);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_BTC, 20, 0, 20, 0, IAlloraOracle.SkipReason.NotNewer);
        vm.assertEq(oracle.updateBatch(ups, sigs), 0, "replayed submission");
    }

    function test_UpdateBatch_OlderBlockHeightSkippedAndStateKept() public {
        IAlloraOracle.Update[] memory first = _batch(_update(TOPIC_ETH, 100, 10, NOW));
        oracle.updateBatch(first, _signBatch(oracle, first, 2));

        // One stale entry does not hold back the fresh one beside it.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 50, 9, NOW), _update(TOPIC_BTC, 7, 3, NOW));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 9, 0, 10, 0, IAlloraOracle.SkipReason.NotNewer);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_BTC, _state(7, 3, uint64(NOW)));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied");

        (int256 value,,, uint64 blockHeight) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 100, "value kept");
        vm.assertEq(uint256(blockHeight), 10, "blockHeight kept");
    }

    function test_UpdateBatch_BlockHeightZeroIsNeverNewer() public {
        // Whatever its loss height: height 0 is what an unset topic holds.
        IAlloraOracle.Update[] memory ups = _batch(_updateV(TOPIC_ETH, 1, 0, 7, NOW));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 0, 7, 0, 0, IAlloraOracle.SkipReason.NotNewer);
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 0, "applied");
    }

    function test_UpdateBatch_TooOldSkipped() public {
        IAlloraOracle.Update[] memory ups = _batch(
            _update(TOPIC_ETH, 1, 10, NOW - MAX_AGE - 1), // one second too old
            _update(TOPIC_BTC, 2, 10, NOW - MAX_AGE) // exactly at the bound: accepted
        );
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 10, 0, 0, 0, IAlloraOracle.SkipReason.TooOld);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_BTC, _state(2, 10, uint64(NOW - MAX_AGE)));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied");
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.NoData.selector, TOPIC_ETH));
        oracle.latest(TOPIC_ETH);
    }

    function test_UpdateBatch_TooFarInFutureSkipped() public {
        IAlloraOracle.Update[] memory ups = _batch(
            _update(TOPIC_ETH, 1, 10, NOW + MAX_FUTURE_SKEW + 1), // one second too far
            _update(TOPIC_BTC, 2, 10, NOW + MAX_FUTURE_SKEW) // exactly at the bound: accepted
        );
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 10, 0, 0, 0, IAlloraOracle.SkipReason.TooFarInFuture);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_BTC, _state(2, 10, uint64(NOW + MAX_FUTURE_SKEW)));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied");
    }

    function test_UpdateBatch_SameTopicTwiceInOneBatch() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW), _update(TOPIC_ETH, 2, 10, NOW));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TopicUpdated(TOPIC_ETH, _state(1, 10, uint64(NOW)));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 10, 0, 10, 0, IAlloraOracle.SkipReason.NotNewer);
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied");
    }

    struct RuleCase {
        int256 value;
        uint64 storedHeight;
        uint64 storedLoss;
        uint64 height;
        uint64 loss;
        uint64 timestamp;
        uint64 now_;
    }

    /// The update rules against a model, for any value, versions and times.
    function testFuzz_UpdateBatch_Rules(RuleCase memory c) public {
        // Up to a little past 2106, so timestamps that do not fit uint32 are exercised too.
        c.now_ = uint64(_bound(c.now_, 1, uint256(type(uint32).max) + 2 * MAX_FUTURE_SKEW));
        c.storedHeight = c.now_ > type(uint32).max ? 0 : uint64(_bound(c.storedHeight, 0, type(uint32).max));
        c.storedLoss = c.storedHeight == 0 ? 0 : uint64(_bound(c.storedLoss, 0, type(uint32).max));
        // Half the cases share the stored height, so the loss height decides.
        if (c.loss % 2 == 0 && c.storedHeight != 0) c.height = c.storedHeight;
        if (c.loss % 4 < 3) c.loss = uint64(_bound(c.loss, 0, uint256(type(uint32).max) + 1));
        vm.warp(c.now_);
        if (c.storedHeight != 0) {
            IAlloraOracle.Update[] memory first = _batch(_updateV(TOPIC_ETH, 42, c.storedHeight, c.storedLoss, c.now_));
            vm.assertEq(oracle.updateBatch(first, _signBatch(oracle, first, 2)), 1, "stored first");
        }
        IAlloraOracle.Update[] memory ups = _batch(_updateV(TOPIC_ETH, c.value, c.height, c.loss, c.timestamp));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        bool outOfRange = c.height > type(uint32).max || c.loss > type(uint32).max || c.timestamp > type(uint32).max
            || c.value > type(int160).max || c.value < type(int160).min;
        if (outOfRange) {
            vm.expectRevert(
                abi.encodeWithSelector(IAlloraOracle.UpdateOutOfRange.selector, 0, TOPIC_ETH, c.value, c.height, c.loss)
            );
            oracle.updateBatch(ups, sigs);
            return;
        }
        vm.recordLogs();
        uint256 applied = oracle.updateBatch(ups, sigs);
        _checkRule(c, applied, vm.getRecordedLogs());
    }

    function _checkRule(RuleCase memory c, uint256 applied, Vm.Log[] memory logs) internal view {
        vm.assertEq(logs.length, 1, "one event per update");
        vm.assertEq(uint256(logs[0].topics[1]), uint256(TOPIC_ETH), "event topic id");

        bool notNewer =
            c.height == 0 || !(c.height > c.storedHeight || (c.height == c.storedHeight && c.loss > c.storedLoss));
        bool tooOld = uint256(c.timestamp) + MAX_AGE < c.now_;
        bool tooFar = uint256(c.timestamp) > uint256(c.now_) + MAX_FUTURE_SKEW;
        if (notNewer || tooOld || tooFar) {
            IAlloraOracle.SkipReason want = notNewer ? IAlloraOracle.SkipReason.NotNewer : tooOld ? IAlloraOracle.SkipReason.TooOld : IAlloraOracle.SkipReason.TooFarInFuture;
            vm.assertEq(applied, 0, "skipped");
            vm.assertEq(logs[0].topics[0], IAlloraOracle.UpdateSkipped.selector, "UpdateSkipped");
            (uint64 height, uint64 skippedLoss, uint64 stored, uint64 storedLoss, IAlloraOracle.SkipReason reason) =
                abi.decode(logs[0].data, (uint64, uint64, uint64, uint64, IAlloraOracle.SkipReason));
            vm.assertEq(uint256(height), c.height, "skipped blockHeight");
            vm.assertEq(uint256(skippedLoss), c.loss, "skipped lossBlockHeight");
            vm.assertEq(uint256(stored), c.storedHeight, "storedBlockHeight");
            vm.assertEq(uint256(storedLoss), c.storedLoss, "storedLossBlockHeight");
            vm.assertEq(uint256(reason), uint256(want), "reason");
            return;
        }
        vm.assertEq(applied, 1, "applied");
        vm.assertEq(logs[0].topics[0], IAlloraOracle.TopicUpdated.selector, "TopicUpdated");
        (int256 value,, uint64 timestamp, uint64 blockHeight) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, c.value, "value");
        vm.assertEq(uint256(blockHeight), c.height, "blockHeight");
        vm.assertEq(uint256(timestamp), c.timestamp, "timestamp");
        (, uint64 loss) = oracle.latestVersion(TOPIC_ETH);
        vm.assertEq(uint256(loss), c.loss, "lossBlockHeight");
    }

    // ---------------------------------------------------------------- updateBatch: reverts

    function test_UpdateBatch_RevertsEmptyBatch() public {
        IAlloraOracle.Update[] memory ups = new IAlloraOracle.Update[](0);
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        vm.expectRevert(IAlloraOracle.EmptyBatch.selector);
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsBelowThreshold() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory one = _signBatch(oracle, ups, 1);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.ThresholdNotMet.selector, 1, 2));
        oracle.updateBatch(ups, one);

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.ThresholdNotMet.selector, 0, 2));
        oracle.updateBatch(ups, new IAlloraOracle.Signature[](0));
    }

    function test_UpdateBatch_RevertsDescendingSigners() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        (sigs[0], sigs[1]) = (sigs[1], sigs[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IAlloraOracle.SignaturesNotAscending.selector, signerSet[1], signerSet[0])
        );
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsSignerCountedTwice() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        sigs[1] = sigs[0];
        vm.expectRevert(
            abi.encodeWithSelector(IAlloraOracle.SignaturesNotAscending.selector, signerSet[0], signerSet[0])
        );
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsSameSignerWithMalleableTwin() public {
        // The high-s twin (r, n - s, !v) of a signature recovers to the same signer; it must
        // never count as a second signature. In EIP-2098 form it is either a high s that
        // fits 255 bits (refused as malleable) or does not fit and, masked, recovers to
        // another address that is no signer.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        bytes32 digest = oracle.hashBatch(ups);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(keys[0], digest);
        uint256 highS = SECP256K1_N - uint256(s);
        IAlloraOracle.Signature[] memory sigs = new IAlloraOracle.Signature[](2);
        sigs[0] = _compact(v, r, s);
        sigs[1] = IAlloraOracle.Signature({r: r, vs: bytes32(highS | (uint256(v == 27 ? 1 : 0) << 255))});
        if (highS < (uint256(1) << 255)) {
            vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.SignatureMalleable.selector, bytes32(highS)));
        } else {
            address twin = _recover(digest, sigs[1]);
            vm.assertTrue(twin != signerSet[0], "masked twin recovers another address");
            if (twin <= signerSet[0]) {
                vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.SignaturesNotAscending.selector, signerSet[0], twin));
            } else {
                vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, twin));
            }
        }
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsUnknownSigner() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        bytes32 digest = oracle.hashBatch(ups);
        address outsider = vm.addr(outsiderKey);
        IAlloraOracle.Signature[] memory sigs = new IAlloraOracle.Signature[](2);
        sigs[0] = _sign(outsiderKey, digest);
        sigs[1] = _sign(keys[2], digest);
        if (outsider > signerSet[2]) (sigs[0], sigs[1]) = (sigs[1], sigs[0]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, outsider));
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsUnrecoverableSignature() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        sigs[1].r = bytes32(0); // r = 0 is no point on the curve: ecrecover answers zero
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidSignature.selector, 1));
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsHighS() public {
        // Any s above n/2 is refused before recovery, whatever r is.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        bytes32 highS = bytes32(SECP256K1_N / 2 + 1);
        sigs[0].vs = highS;
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.SignatureMalleable.selector, highS));
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsSFlagFlipped() public {
        // Flipping the recovery bit recovers some other address, which is not a signer.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 1);
        sigs[0].vs = bytes32(uint256(sigs[0].vs) ^ (uint256(1) << 255));
        address recovered = _recover(oracle.hashBatch(ups), sigs[0]);
        vm.prank(owner);
        oracle.setSigners(signerSet, 1);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, recovered));
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsTamperedUpdate() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        ups[0].value = 2;
        address recovered = _recover(oracle.hashBatch(ups), sigs[0]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, recovered));
        oracle.updateBatch(ups, sigs);
    }

    function test_UpdateBatch_RevertsSignatureForOtherChain() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2); // signed for this chain id

        vm.chainId(56);
        bytes32 digest = oracle.hashBatch(ups);
        vm.assertEq(digest, _specDigest(address(oracle), 56, ups), "digest follows the chain id");
        address recovered = _recover(digest, sigs[0]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, recovered));
        oracle.updateBatch(ups, sigs);

        // Signed for chain 56, the same updates are accepted there.
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied on chain 56");
    }

    function test_UpdateBatch_RevertsSignatureForOtherOracle() public {
        AlloraOracle other = new AlloraOracle(owner, signerSet, 2, MAX_AGE, MAX_FUTURE_SKEW);
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(other, ups, 2);
        vm.assertEq(other.updateBatch(ups, sigs), 1, "accepted by the oracle it was signed for");

        address recovered = _recover(oracle.hashBatch(ups), sigs[0]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, recovered));
        oracle.updateBatch(ups, sigs);
    }

    // ---------------------------------------------------------------- setSigners

    function test_SetSigners_ReplacesWholeSet() public {
        address[] memory next = new address[](2);
        next[0] = signerSet[2];
        next[1] = vm.addr(outsiderKey);
        if (next[1] < next[0]) (next[0], next[1]) = (next[1], next[0]);

        vm.expectEmit(address(oracle));
        emit IAlloraOracle.SignersUpdated(next, 2);
        vm.prank(owner);
        oracle.setSigners(next, 2);

        vm.assertEq(oracle.signers(), next, "signers");
        vm.assertEq(uint256(oracle.threshold()), 2, "threshold");
        vm.assertFalse(oracle.isSigner(signerSet[0]), "old signer 0 removed");
        vm.assertFalse(oracle.isSigner(signerSet[1]), "old signer 1 removed");
        vm.assertTrue(oracle.isSigner(signerSet[2]), "kept signer");
        vm.assertTrue(oracle.isSigner(vm.addr(outsiderKey)), "new signer");

        // The removed signers' signatures no longer count.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory oldSigs = _signBatch(oracle, ups, 2);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownSigner.selector, signerSet[0]));
        oracle.updateBatch(ups, oldSigs);
    }

    function test_SetSigners_AcceptsMaxSigners() public {
        address[] memory list = _sortedAddresses(oracle.MAX_SIGNERS());
        vm.prank(owner);
        oracle.setSigners(list, 32);
        vm.assertEq(oracle.signers(), list, "signers");
    }

    function test_SetSigners_RevertsNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.setSigners(signerSet, 1);
    }

    function test_SetSigners_RevertsInvalidCount() public {
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidSignerCount.selector, 0));
        vm.prank(owner);
        oracle.setSigners(new address[](0), 1);

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidSignerCount.selector, 33));
        vm.prank(owner);
        oracle.setSigners(_sortedAddresses(33), 1);
    }

    function test_SetSigners_RevertsInvalidThreshold() public {
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidThreshold.selector, 0, 3));
        vm.prank(owner);
        oracle.setSigners(signerSet, 0);

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidThreshold.selector, 4, 3));
        vm.prank(owner);
        oracle.setSigners(signerSet, 4);
    }

    function test_SetSigners_RevertsZeroAddress() public {
        address[] memory list = new address[](2);
        list[1] = signerSet[0];
        vm.expectRevert(IAlloraOracle.ZeroAddressSigner.selector);
        vm.prank(owner);
        oracle.setSigners(list, 1);
    }

    function test_SetSigners_RevertsNotAscending() public {
        address[] memory list = new address[](3);
        (list[0], list[1], list[2]) = (signerSet[0], signerSet[2], signerSet[1]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.SignersNotAscending.selector, signerSet[2], signerSet[1]));
        vm.prank(owner);
        oracle.setSigners(list, 1);

        (list[0], list[1], list[2]) = (signerSet[0], signerSet[1], signerSet[1]);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.SignersNotAscending.selector, signerSet[1], signerSet[1]));
        vm.prank(owner);
        oracle.setSigners(list, 1);
    }

    // ---------------------------------------------------------------- setTimeBounds

    function test_SetTimeBounds_Updates() public {
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TimeBoundsUpdated(2 hours, 10 minutes);
        vm.prank(owner);
        oracle.setTimeBounds(2 hours, 10 minutes);
        vm.assertEq(uint256(oracle.maxAge()), 2 hours, "maxAge");
        vm.assertEq(uint256(oracle.maxFutureSkew()), 10 minutes, "maxFutureSkew");

        // The new bounds apply to the next batch.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW - 2 hours));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "accepted under the wider maxAge");
    }

    function test_SetTimeBounds_RevertsNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.setTimeBounds(1, 1);
    }

    function test_SetTimeBounds_RevertsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidTimeBounds.selector, 0, 1));
        vm.prank(owner);
        oracle.setTimeBounds(0, 1);

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.InvalidTimeBounds.selector, 1, 0));
        vm.prank(owner);
        oracle.setTimeBounds(1, 0);
    }

    // ---------------------------------------------------------------- ownership

    function test_Ownership_TwoStepTransfer() public {
        address next = address(0x0B0B);
        vm.prank(owner);
        oracle.transferOwnership(next);
        vm.assertEq(oracle.owner(), owner, "owner unchanged until accepted");
        vm.assertEq(oracle.pendingOwner(), next, "pending owner");

        // Pending is not owner yet.
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, next));
        vm.prank(next);
        oracle.setTimeBounds(1, 1);

        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.acceptOwnership();

        vm.prank(next);
        oracle.acceptOwnership();
        vm.assertEq(oracle.owner(), next, "new owner");

        vm.prank(next);
        oracle.setTimeBounds(1, 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, owner));
        vm.prank(owner);
        oracle.setTimeBounds(2, 2);
    }
    // ---------------------------------------------------------------- pause

    function test_Pause_StopsUpdatesNotReads() public {
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        oracle.updateBatch(ups, _signBatch(oracle, ups, 2));

        vm.expectEmit(address(oracle));
        emit IAlloraOracle.Paused(owner);
        vm.prank(owner);
        oracle.pause();
        vm.assertTrue(oracle.paused(), "paused");

        IAlloraOracle.Update[] memory next = _batch(_update(TOPIC_ETH, 2, 11, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, next, 2);
        vm.expectRevert(IAlloraOracle.EnforcedPause.selector);
        oracle.updateBatch(next, sigs);
        vm.expectRevert(IAlloraOracle.EnforcedPause.selector);
        oracle.requestUpdate(TOPIC_ETH);
        (int256 value,,,) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 1, "reads work while paused");

        vm.expectEmit(address(oracle));
        emit IAlloraOracle.Unpaused(owner);
        vm.prank(owner);
        oracle.unpause();
        vm.assertEq(oracle.updateBatch(next, sigs), 1, "applied after unpause");
    }

    // ---------------------------------------------------------------- requests and fees

    function test_RequestUpdate_AnyAmountAndWithdraw() public {
        _push(TOPIC_ETH, 1, 10);
        _push(TOPIC_BTC, 1, 10);
        vm.deal(stranger, 1 ether);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateRequested(TOPIC_ETH, stranger, 0);
        vm.prank(stranger);
        oracle.requestUpdate(TOPIC_ETH);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateRequested(TOPIC_BTC, stranger, 0.25 ether);
        vm.prank(stranger);
        oracle.requestUpdate{value: 0.25 ether}(TOPIC_BTC);
        vm.assertEq(address(oracle).balance, 0.25 ether, "fees held");

        address payable treasury = payable(address(0x7EA5));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.TreasuryUpdated(address(0), treasury);
        vm.prank(owner);
        oracle.setTreasury(treasury);
        vm.assertEq(oracle.treasury(), treasury, "treasury");

        vm.expectEmit(address(oracle));
        emit IAlloraOracle.FeesWithdrawn(treasury, 0.25 ether);
        vm.prank(owner);
        oracle.withdrawFees();
        vm.assertEq(treasury.balance, 0.25 ether, "treasury paid");
        vm.assertEq(address(oracle).balance, 0, "oracle emptied");
    }

    function test_RequestUpdate_RefusesATopicNeverHeld() public {
        vm.deal(stranger, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.UnknownTopic.selector, TOPIC_BTC));
        vm.prank(stranger);
        oracle.requestUpdate{value: 0.1 ether}(TOPIC_BTC);
        vm.assertEq(address(oracle).balance, 0, "no payment kept");
        vm.assertEq(stranger.balance, 1 ether, "payer keeps the payment");

        _push(TOPIC_BTC, 1, 10);
        vm.prank(stranger);
        oracle.requestUpdate{value: 0.1 ether}(TOPIC_BTC);
        vm.assertEq(address(oracle).balance, 0.1 ether, "held once the topic is");
    }

    function test_WithdrawFees_RefusesReentry() public {
        ReentrantTreasury treasury = new ReentrantTreasury(oracle);
        vm.startPrank(owner);
        oracle.setTreasury(address(treasury));
        oracle.transferOwnership(address(treasury));
        vm.stopPrank();
        treasury.acceptOwnership();
        _push(TOPIC_BTC, 1, 10);
        vm.deal(stranger, 1 ether);
        vm.prank(stranger);
        oracle.requestUpdate{value: 1 ether}(TOPIC_BTC);

        treasury.withdraw();
        vm.assertEq(
            keccak256(treasury.innerRevert()),
            keccak256(abi.encodeWithSignature("ReentrancyGuardReentrantCall()")),
            "the reentrant withdrawFees was refused by the guard"
        );
        vm.assertEq(address(treasury).balance, 1 ether, "the treasury was paid once");
        vm.assertEq(address(oracle).balance, 0, "the oracle holds nothing");
    }

    function test_WithdrawFees_OnlyOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.withdrawFees();
    }

    // ---------------------------------------------------------------- every custom error

    /// Each custom error not triggered by a dedicated test above, in one place.
    function test_EveryRemainingCustomError() public {
        vm.startPrank(owner);
        vm.expectRevert(IAlloraOracle.ExpectedPause.selector);
        oracle.unpause();
        oracle.pause();
        vm.expectRevert(IAlloraOracle.EnforcedPause.selector);
        oracle.pause();
        oracle.unpause();

        vm.expectRevert(IAlloraOracle.RenounceOwnershipDisabled.selector);
        oracle.renounceOwnership();

        vm.expectRevert(IAlloraOracle.ZeroAddressTreasury.selector);
        oracle.setTreasury(address(0));
        vm.expectRevert(IAlloraOracle.TreasuryNotSet.selector);
        oracle.withdrawFees();
        RefusingTreasury refusing = new RefusingTreasury();
        oracle.setTreasury(address(refusing));
        vm.expectRevert(IAlloraOracle.NoFees.selector);
        oracle.withdrawFees();
        vm.deal(address(oracle), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.FeeTransferFailed.selector, address(refusing), 1 ether));
        oracle.withdrawFees();

        vm.expectRevert(
            abi.encodeWithSelector(IAlloraOracle.InvalidTimeBounds.selector, uint64(type(uint32).max) + 1, 1)
        );
        oracle.setTimeBounds(uint64(type(uint32).max) + 1, 1);
        vm.stopPrank();

        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 2);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.ProofCountMismatch.selector, 1, 0));
        oracle.updateBatchWithProofs(ups, sigs, new bytes[](0));

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.RoundNotAvailable.selector, TOPIC_ETH, uint80(10)));
        oracle.getRound(TOPIC_ETH, 10);
    }

    // ---------------------------------------------------------------- verifier hook

    function _proof(IAlloraOracle.Update memory u) internal pure returns (bytes memory) {
        return abi.encode(keccak256(abi.encode(u.topicId, u.value, u.blockHeight, u.timestamp)));
    }

    function test_Verifier_RequiresProofForItsTopicOnly() public {
        MockUpdateVerifier verifier = new MockUpdateVerifier();
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.VerifierUpdated(TOPIC_ETH, address(verifier));
        vm.prank(owner);
        oracle.setVerifier(TOPIC_ETH, verifier);
        vm.assertEq(address(oracle.verifierOf(TOPIC_ETH)), address(verifier), "verifierOf");

        // Without proofs: the verified topic is skipped, the other applied.
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW), _update(TOPIC_BTC, 2, 10, NOW));
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 10, 0, 0, 0, IAlloraOracle.SkipReason.ProofRequired);
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "only BTC applied");

        // With proofs: a wrong proof, a reverting verifier and garbage are rejected.
        bytes[] memory proofs = new bytes[](2);
        string[3] memory bad = ["wrong", "revert", "garbage"];
        for (uint256 i = 0; i < bad.length; ++i) {
            IAlloraOracle.Update[] memory next = _batch(_update(TOPIC_ETH, 1, uint64(11 + i), NOW));
            bytes[] memory one = new bytes[](1);
            one[0] = bytes(bad[i]);
            vm.expectEmit(address(oracle));
            emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, uint64(11 + i), 0, 0, 0, IAlloraOracle.SkipReason.ProofRejected);
            vm.assertEq(oracle.updateBatchWithProofs(next, _signBatch(oracle, next, 2), one), 0, "rejected");
        }

        ups = _batch(_update(TOPIC_ETH, 5, 20, NOW), _update(TOPIC_BTC, 6, 20, NOW));
        proofs[0] = _proof(ups[0]);
        vm.assertEq(oracle.updateBatchWithProofs(ups, _signBatch(oracle, ups, 2), proofs), 2, "both applied");
        (int256 value,,,) = oracle.latest(TOPIC_ETH);
        vm.assertEq(value, 5, "verified value stored");

        // Removing the verifier lets plain batches through again.
        vm.prank(owner);
        oracle.setVerifier(TOPIC_ETH, IUpdateVerifier(address(0)));
        ups = _batch(_update(TOPIC_ETH, 7, 21, NOW));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "applied without verifier");
    }

    function _withProof(uint64 height, bytes memory proof)
        internal
        view
        returns (IAlloraOracle.Update[] memory ups, IAlloraOracle.Signature[] memory sigs, bytes[] memory proofs)
    {
        ups = _batch(_update(TOPIC_ETH, 1, height, NOW));
        sigs = _signBatch(oracle, ups, 2);
        proofs = new bytes[](1);
        proofs[0] = proof;
    }

    function test_Verifier_GetsABoundedStipend() public {
        MockUpdateVerifier verifier = new MockUpdateVerifier();
        vm.prank(owner);
        oracle.setVerifier(TOPIC_ETH, verifier);

        // A verifier that burns all it is given takes the stipend and no more: the batch
        // goes on, the update is skipped.
        (IAlloraOracle.Update[] memory ups, IAlloraOracle.Signature[] memory sigs, bytes[] memory proofs) = _withProof(11, "burn");
        uint256 before = gasleft();
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 11, 0, 0, 0, IAlloraOracle.SkipReason.ProofRejected);
        vm.assertEq(oracle.updateBatchWithProofs{gas: 5_000_000}(ups, sigs, proofs), 0, "burner rejected");
        uint256 used = before - gasleft();
        vm.assertLt(used, oracle.VERIFIER_GAS() + 100_000, "at most the stipend went to the verifier");
        vm.assertGt(used, oracle.VERIFIER_GAS(), "the verifier had its whole stipend");

        // A huge answer is not copied, and is not an answer.
        (ups, sigs, proofs) = _withProof(12, "huge");
        before = gasleft();
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 12, 0, 0, 0, IAlloraOracle.SkipReason.ProofRejected);
        vm.assertEq(oracle.updateBatchWithProofs(ups, sigs, proofs), 0, "huge answer rejected");
        vm.assertLt(before - gasleft(), 150_000, "the answer was not copied");

        // Neither is a true followed by more.
        (ups, sigs, proofs) = _withProof(13, "long");
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.UpdateSkipped(TOPIC_ETH, 13, 0, 0, 0, IAlloraOracle.SkipReason.ProofRejected);
        vm.assertEq(oracle.updateBatchWithProofs(ups, sigs, proofs), 0, "long answer rejected");

        // A valid proof still passes.
        (ups, sigs, proofs) = _withProof(14, "");
        proofs[0] = _proof(ups[0]);
        vm.assertEq(oracle.updateBatchWithProofs(ups, sigs, proofs), 1, "valid proof applied");
    }

    function test_Verifier_RevertsWhenTheBatchCannotPayTheStipend() public {
        MockUpdateVerifier verifier = new MockUpdateVerifier();
        vm.prank(owner);
        oracle.setVerifier(TOPIC_ETH, verifier);
        (IAlloraOracle.Update[] memory ups, IAlloraOracle.Signature[] memory sigs, bytes[] memory proofs) = _withProof(11, "");
        proofs[0] = _proof(ups[0]);
        // Enough for everything but the stipend: the submitter cannot make a valid proof
        // fail by starving the verifier; the batch reverts and nothing is stored.
        vm.expectPartialRevert(IAlloraOracle.InsufficientGasForVerifier.selector);
        oracle.updateBatchWithProofs{gas: 200_000}(ups, sigs, proofs);
        (uint64 height,) = oracle.latestVersion(TOPIC_ETH);
        vm.assertEq(height, 0, "nothing stored");
        vm.assertEq(oracle.updateBatchWithProofs{gas: 1_000_000}(ups, sigs, proofs), 1, "applied with enough gas");
    }

    // ---------------------------------------------------------------- feeds and history

    function _push(uint64 topicId, int256 value, uint64 height) internal {
        IAlloraOracle.Update[] memory ups = _batch(_update(topicId, value, height, NOW));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "pushed");
    }

    function test_Feed_LatestAndMetadata() public {
        AlloraFeed feed = new AlloraFeed(oracle, TOPIC_ETH, "ETH/USD 5m prediction (Allora topic 13)");
        vm.assertEq(uint256(feed.decimals()), 18, "decimals");
        vm.assertEq(feed.version(), 1, "version");
        vm.assertEq(keccak256(bytes(feed.description())), keccak256("ETH/USD 5m prediction (Allora topic 13)"), "description");

        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.NoData.selector, TOPIC_ETH));
        feed.latestRoundData();

        _push(TOPIC_ETH, -42e18, 100);
        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) =
            feed.latestRoundData();
        vm.assertEq(uint256(roundId), 100, "round id is the height while no history was recorded");
        vm.assertEq(answer, -42e18, "answer");
        vm.assertEq(startedAt, NOW, "startedAt");
        vm.assertEq(updatedAt, NOW, "updatedAt");
        vm.assertEq(uint256(answeredInRound), uint256(roundId), "answeredInRound");
        (uint80 again, int256 same,,,) = feed.getRoundData(roundId);
        vm.assertEq(uint256(again), uint256(roundId), "latest round by id");
        vm.assertEq(same, -42e18, "latest round answer");

        // Without history an older round is gone once a newer one lands.
        _push(TOPIC_ETH, 1, 101);
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.RoundNotAvailable.selector, TOPIC_ETH, uint80(100)));
        feed.getRoundData(100);
    }

    function test_History_KeepsLastRoundsAndIdsIncrease() public {
        AlloraFeed feed = new AlloraFeed(oracle, TOPIC_ETH, "ETH");
        _push(TOPIC_ETH, 1, 50);
        vm.expectEmit(address(oracle));
        emit IAlloraOracle.HistoryUpdated(TOPIC_ETH, true);
        vm.prank(owner);
        oracle.setHistory(TOPIC_ETH, true);
        vm.assertTrue(oracle.historyEnabled(TOPIC_ETH), "history on");

        uint256 n = oracle.HISTORY_SIZE() + 5;
        uint80[] memory ids = new uint80[](n);
        uint80 previous;
        {
            (previous,,,,) = feed.latestRoundData();
        }
        for (uint256 i = 0; i < n; ++i) {
            _push(TOPIC_ETH, int256(i) * 1e18, uint64(100 + 60 * i));
            (ids[i],,,,) = feed.latestRoundData();
            vm.assertTrue(ids[i] > previous, "round ids strictly increase");
            previous = ids[i];
        }
        // The last HISTORY_SIZE rounds answer; older ones do not.
        for (uint256 i = 0; i < n; ++i) {
            if (i + oracle.HISTORY_SIZE() < n) {
                vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.RoundNotAvailable.selector, TOPIC_ETH, ids[i]));
                feed.getRoundData(ids[i]);
            } else {
                (, int256 answer,,,) = feed.getRoundData(ids[i]);
                vm.assertEq(answer, int256(i) * 1e18, "past answer");
            }
        }
        // Ids go up by one per round; the one after the latest, or another phase's, is refused.
        for (uint256 i = 1; i < n; ++i) {
            vm.assertEq(uint256(ids[i]), uint256(ids[i - 1]) + 1, "consecutive ids");
        }
        uint80[2] memory forged = [ids[n - 1] + 1, ids[n - 1] ^ (uint80(1) << 65)];
        for (uint256 i = 0; i < forged.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.RoundNotAvailable.selector, TOPIC_ETH, forged[i]));
            feed.getRoundData(forged[i]);
        }

        // Switching history off starts a new phase: ids keep increasing, the latest round
        // answers, the rounds of the phase before are no longer kept.
        vm.prank(owner);
        oracle.setHistory(TOPIC_ETH, false);
        (uint80 last, int256 answerNow,,,) = feed.latestRoundData();
        vm.assertTrue(last > previous, "id increases when history goes off");
        vm.assertEq(answerNow, int256(n - 1) * 1e18, "latest answer unchanged");
        _push(TOPIC_ETH, 7, 100_000);
        (uint80 offId,,,,) = feed.latestRoundData();
        vm.assertTrue(offId > last, "id increases after history is off");
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.RoundNotAvailable.selector, TOPIC_ETH, ids[n - 1]));
        feed.getRoundData(ids[n - 1]);

        // And on again: a new phase whose first id is the latest round's.
        vm.prank(owner);
        oracle.setHistory(TOPIC_ETH, true);
        (uint80 onId, int256 kept,,,) = feed.latestRoundData();
        vm.assertTrue(onId > offId, "id increases when history comes back");
        vm.assertEq(kept, 7, "latest round answers at once");
        (, int256 byId,,,) = feed.getRoundData(onId);
        vm.assertEq(byId, 7, "latest round by id");
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.RoundNotAvailable.selector, TOPIC_ETH, onId - 1));
        feed.getRoundData(onId - 1);
        _push(TOPIC_ETH, 8, 100_001);
        (uint80 next,,,,) = feed.latestRoundData();
        vm.assertEq(uint256(next), uint256(onId) + 1, "next round is the next id");
    }

    function test_Feed_ChainlinkConsumerWalksBackRounds() public {
        AlloraFeed feed = new AlloraFeed(oracle, TOPIC_ETH, "ETH");
        vm.prank(owner);
        oracle.setHistory(TOPIC_ETH, true);
        uint256 n = oracle.HISTORY_SIZE();
        for (uint256 i = 0; i < n + 3; ++i) {
            vm.warp(NOW + 60 * i);
            _pushAt(TOPIC_ETH, int256(1e18 + i), uint64(1000 + 7 * i), 0, uint64(NOW + 60 * i));
        }
        RoundWalker walker = new RoundWalker();
        (uint256 walked, int256 oldest, uint256 oldestAt) = walker.walkBack(AggregatorV3Interface(address(feed)), n);
        vm.assertEq(walked, n, "every kept round answered, walking back by one");
        vm.assertEq(oldest, int256(1e18 + 3), "the oldest kept round's answer");
        vm.assertEq(oldestAt, NOW + 60 * 3, "its time");
        vm.assertEq(walker.stale(AggregatorV3Interface(address(feed)), 3600), false, "fresh");
    }

    function test_Feed_UpdatedAtNeverAfterTheBlock() public {
        AlloraFeed feed = new AlloraFeed(oracle, TOPIC_ETH, "ETH");
        vm.prank(owner);
        oracle.setHistory(TOPIC_ETH, true);
        // Stamped ahead of the block, within the oracle's future skew.
        _pushAt(TOPIC_ETH, 5, 10, 0, uint64(NOW + MAX_FUTURE_SKEW));
        (uint80 id,, uint256 startedAt, uint256 updatedAt,) = feed.latestRoundData();
        vm.assertEq(updatedAt, NOW, "updatedAt is the block's time, not later");
        vm.assertEq(startedAt, NOW, "startedAt too");
        (,,, uint256 pastUpdatedAt,) = feed.getRoundData(id);
        vm.assertEq(pastUpdatedAt, NOW, "and by id");
        RoundWalker walker = new RoundWalker();
        vm.assertEq(walker.stale(AggregatorV3Interface(address(feed)), 60), false, "the usual staleness check works");
        vm.warp(NOW + MAX_FUTURE_SKEW + 1);
        (,,, updatedAt,) = feed.latestRoundData();
        vm.assertEq(updatedAt, NOW + MAX_FUTURE_SKEW, "the inference's own time once it has passed");
    }

    // ---------------------------------------------------------------- fuzz: values and signatures

    /// Every int160 value and every 32-bit height, loss height and time round-trips through the slot.
    function testFuzz_Int160RoundTrip(int160 value, uint32 height, uint32 loss, uint32 offset) public {
        vm.assume(height != 0);
        uint64 ts = uint64(NOW - offset % MAX_AGE);
        _pushAt(TOPIC_ETH, value, height, loss, ts);
        (int256 got,, uint64 timestamp, uint64 blockHeight) = oracle.latest(TOPIC_ETH);
        vm.assertEq(got, int256(value), "value");
        vm.assertEq(uint256(timestamp), ts, "timestamp");
        vm.assertEq(uint256(blockHeight), height, "blockHeight");
        (, uint64 gotLoss) = oracle.latestVersion(TOPIC_ETH);
        vm.assertEq(uint256(gotLoss), loss, "lossBlockHeight");
    }

    function _pushAt(uint64 topicId, int256 value, uint64 height, uint64 loss, uint64 ts) internal {
        IAlloraOracle.Update[] memory ups = _batch(_updateV(topicId, value, height, loss, ts));
        vm.assertEq(oracle.updateBatch(ups, _signBatch(oracle, ups, 2)), 1, "pushed");
    }

    /// A random (r, vs) pair never passes for a registered signer.
    function testFuzz_RandomSignatureRejected(bytes32 r, bytes32 vs) public {
        vm.prank(owner);
        oracle.setSigners(signerSet, 1);
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = new IAlloraOracle.Signature[](1);
        sigs[0] = IAlloraOracle.Signature({r: r, vs: vs});
        try oracle.updateBatch(ups, sigs) {
            vm.assertTrue(false, "a random signature was accepted");
        } catch {}
        vm.expectRevert(abi.encodeWithSelector(IAlloraOracle.NoData.selector, TOPIC_ETH));
        oracle.latest(TOPIC_ETH);
    }

    /// A valid signature no longer verifies once any field of the signed update changes.
    function testFuzz_SignatureBoundToEveryField(uint8 field, uint64 delta) public {
        vm.assume(delta != 0);
        vm.prank(owner);
        oracle.setSigners(signerSet, 1);
        IAlloraOracle.Update[] memory ups = _batch(_update(TOPIC_ETH, 1e18, 10, NOW));
        IAlloraOracle.Signature[] memory sigs = _signBatch(oracle, ups, 1);
        field %= 5;
        if (field == 0) ups[0].topicId ^= delta;
        else if (field == 1) ups[0].value += int256(uint256(delta));
        else if (field == 2) ups[0].blockHeight += delta % 1000 + 1;
        else if (field == 3) ups[0].lossBlockHeight += delta % 1000 + 1;
        else ups[0].timestamp -= delta % 60 + 1;
        try oracle.updateBatch(ups, sigs) {
            vm.assertTrue(false, "a changed update kept its signature");
        } catch {}
    }
}

/// @notice A consumer written for Chainlink: it walks back from the latest round by one,
/// and checks staleness the usual way.
contract RoundWalker {
    function walkBack(AggregatorV3Interface feed, uint256 max)
        external
        view
        returns (uint256 walked, int256 oldest, uint256 oldestAt)
    {
        (uint80 id, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        (walked, oldest, oldestAt) = (1, answer, updatedAt);
        while (walked < max) {
            try feed.getRoundData(id - 1) returns (uint80 prev, int256 a, uint256, uint256 at, uint80) {
                if (prev != id - 1 || at > updatedAt) break;
                (id, oldest, oldestAt, updatedAt) = (prev, a, at, at);
                ++walked;
            } catch {
                break;
            }
        }
    }

    function stale(AggregatorV3Interface feed, uint256 maxAge) external view returns (bool) {
        (,,, uint256 updatedAt,) = feed.latestRoundData();
        return block.timestamp - updatedAt > maxAge;
    }
}
