// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IAlloraOracleReader
/// @author allora-gateway
/// @notice The reads a consumer needs from the AlloraOracle: the latest verified inference
/// of a topic, and its rounds, to find the one in force at a given time. Declared on its
/// own so that consumers keep compiling while the oracle's implementation changes.
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

    /// @notice The latest stored inference of a topic with its round id; reverts if the
    /// topic was never set. While the topic keeps history, the round before is
    /// `roundId - 1`.
    /// @param topicId The Allora topic.
    /// @return roundId The round id.
    /// @return value The value, 18 decimals.
    /// @return timestamp Unix time the inference was produced.
    /// @return blockHeight Allora block height of the inference.
    function latestRound(uint64 topicId)
        external
        view
        returns (uint80 roundId, int256 value, uint64 timestamp, uint64 blockHeight);

    /// @notice A round of a topic; reverts for a round not kept.
    /// @param topicId The Allora topic.
    /// @param roundId The round id.
    /// @return value The value, 18 decimals.
    /// @return timestamp Unix time the inference was produced.
    /// @return blockHeight Allora block height of the inference.
    function getRound(uint64 topicId, uint80 roundId)
        external
        view
        returns (int256 value, uint64 timestamp, uint64 blockHeight);
}
