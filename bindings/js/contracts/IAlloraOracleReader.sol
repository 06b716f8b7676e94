// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IAlloraOracleReader
/// @author allora-gateway
/// @notice The one read a consumer needs from the AlloraOracle: the latest verified
/// inference of a topic. Declared on its own so that consumers keep compiling while the
/// oracle's implementation changes.
interface IAlloraOracleReader {
    /// @notice The latest stored inference of a topic; reverts if the topic was never set.
    /// @param topicId The Allora topic.
    /// @return value The value, fixed point with `decimals` decimals; may be negative.
    /// @return decimals Decimals of `value`.
    /// @return timestamp Unix time the inference was produced.
    /// @return blockHeight Allora block height of the inference.
    function latest(uint64 topicId)
        external
        view
        returns (int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight);
}
