// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUpdateVerifier} from "../src/interfaces/IUpdateVerifier.sol";

/// @notice A test verifier: accepts a proof equal to keccak256(topicId, value, blockHeight,
/// timestamp), reverts on the proof "revert", answers garbage on the proof "garbage",
/// burns all its gas on "burn", answers 64 KiB on "huge" and a true followed by more on "long".
contract MockUpdateVerifier is IUpdateVerifier {
    function verify(uint64 topicId, int256 value, uint64 blockHeight, uint64 timestamp, bytes calldata proof)
        external
        view
        returns (bool)
    {
        if (keccak256(proof) == keccak256("burn")) {
            uint256 x;
            while (gasleft() > 0) {
                x = uint256(keccak256(abi.encode(x)));
            }
        }
        if (keccak256(proof) == keccak256("huge")) {
            assembly {
                mstore(0, 1)
                return(0, 0x10000)
            }
        }
        if (keccak256(proof) == keccak256("long")) {
            assembly {
                mstore(0, 1)
                mstore(0x20, 1)
                return(0, 0x40)
            }
        }
        if (keccak256(proof) == keccak256("revert")) revert("verifier says no");
        if (keccak256(proof) == keccak256("garbage")) {
            assembly {
                mstore(0, 2)
                return(0, 0x20)
            }
        }
        return proof.length == 32 && bytes32(proof) == keccak256(abi.encode(topicId, value, blockHeight, timestamp));
    }
}
