// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AlloraOracle} from "../src/AlloraOracle.sol";
import {IAlloraOracle} from "../src/interfaces/IAlloraOracle.sol";
import {vm} from "./Vm.sol";

/// Submits validly signed batches of random updates, in random orders, versions and times,
/// to an oracle, and remembers the highest version (block height, loss block height) it
/// ever saw stored per topic, as the 64-bit number height << 32 | loss.
contract OracleHandler {
    uint256 internal constant KEY = 0xA11CE5;
    uint256 internal constant TOPICS = 4;

    AlloraOracle public immutable oracle;
    mapping(uint64 topicId => uint64) public highestSeen;
    mapping(uint64 topicId => int256) public valueOfHighest;
    bool public valueChangedWithoutNewerVersion;
    bool public decreased;
    uint256 public batches;

    constructor(AlloraOracle oracle_) {
        oracle = oracle_;
    }

    function submit(uint256 seed, uint8 size, uint32 timeJump) external {
        vm.warp(block.timestamp + (timeJump % 1 hours));
        uint256 n = 1 + size % 6;
        IAlloraOracle.Update[] memory ups = new IAlloraOracle.Update[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint64 topicId = uint64(r % TOPICS);
            // Versions around the stored one, older ones and revisions of the same height
            // (a loss height up or down) included; times around now.
            uint64 stored = highestSeen[topicId] >> 32;
            uint64 storedLoss = uint64(uint32(highestSeen[topicId]));
            uint64 height = uint64(stored + ((r >> 8) % 5)) - uint64(stored >= 2 ? 2 : stored);
            uint64 loss = uint64(storedLoss + ((r >> 40) % 5)) - uint64(storedLoss >= 2 ? 2 : storedLoss);
            uint64 ts = uint64(block.timestamp - ((r >> 16) % 2 hours) + ((r >> 32) % 10 minutes));
            ups[i] = IAlloraOracle.Update({
                topicId: topicId,
                value: int256(uint256(uint128(r >> 64))) - int256(uint256(uint128(r >> 65))),
                blockHeight: height,
                lossBlockHeight: loss,
                timestamp: ts
            });
        }
        bytes32 digest = oracle.hashBatch(ups);
        (uint8 v, bytes32 r_, bytes32 s) = vm.sign(KEY, digest);
        IAlloraOracle.Signature[] memory sigs = new IAlloraOracle.Signature[](1);
        sigs[0] = IAlloraOracle.Signature({r: r_, vs: bytes32(uint256(s) | (uint256(v - 27) << 255))});

        uint64[] memory ids = new uint64[](TOPICS);
        for (uint256 t = 0; t < TOPICS; ++t) {
            ids[t] = uint64(t);
        }
        oracle.updateBatch(ups, sigs);
        ++batches;
        for (uint256 t = 0; t < TOPICS; ++t) {
            IAlloraOracle.TopicState memory st = _state(ids, t);
            uint64 version = (st.blockHeight << 32) | st.lossBlockHeight;
            if (version < highestSeen[uint64(t)]) decreased = true;
            if (version == highestSeen[uint64(t)] && st.value != valueOfHighest[uint64(t)]) {
                valueChangedWithoutNewerVersion = true;
            }
            if (version > highestSeen[uint64(t)]) highestSeen[uint64(t)] = version;
            valueOfHighest[uint64(t)] = st.value;
        }
    }

    function _state(uint64[] memory ids, uint256 t) internal view returns (IAlloraOracle.TopicState memory) {
        return oracle.topicStates(ids)[t];
    }
}

contract AlloraOracleInvariantTest {
    AlloraOracle internal oracle;
    OracleHandler internal handler;

    function setUp() public {
        vm.warp(1_750_000_000);
        address[] memory signers = new address[](1);
        signers[0] = vm.addr(0xA11CE5);
        oracle = new AlloraOracle(address(this), signers, 1, 1 hours, 5 minutes);
        handler = new OracleHandler(oracle);
    }

    /// Only the handler is called by the invariant runner.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// A topic's stored version never decreases, and its value changes only with a newer
    /// version, whatever batches arrive in whatever order.
    function invariant_VersionNeverDecreases() public view {
        vm.assertFalse(handler.decreased(), "a stored version went down");
        vm.assertFalse(handler.valueChangedWithoutNewerVersion(), "the value changed at the same version");
        uint64[] memory ids = new uint64[](4);
        for (uint256 t = 0; t < 4; ++t) {
            ids[t] = uint64(t);
        }
        for (uint256 t = 0; t < 4; ++t) {
            IAlloraOracle.TopicState memory s = oracle.topicStates(ids)[t];
            vm.assertEq(
                (uint256(s.blockHeight) << 32) | s.lossBlockHeight,
                uint256(handler.highestSeen(uint64(t))),
                "stored version is the highest seen"
            );
        }
    }
}
