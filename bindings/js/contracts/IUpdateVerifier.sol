// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IUpdateVerifier
/// @author allora-gateway
/// @notice A proof check the AlloraOracle's owner may require for a topic (for example a
/// zkML proof that the inference came from the claimed models). For such a topic the oracle
/// stores an update only through `updateBatchWithProofs` and only if `verify` returns true.
interface IUpdateVerifier {
    /// @notice Whether `proof` proves the update.
    /// @dev Called with STATICCALL, before the batch's signatures are checked: an
    /// implementation must not rely on the oracle's state during the call.
    /// @param topicId The Allora topic.
    /// @param value The value, fixed point with 18 decimals.
    /// @param blockHeight Allora block height of the inference.
    /// @param timestamp Unix time of the inference.
    /// @param proof The proof submitted with the update.
    /// @return True to accept the update.
    function verify(uint64 topicId, int256 value, uint64 blockHeight, uint64 timestamp, bytes calldata proof)
        external
        view
        returns (bool);
}
