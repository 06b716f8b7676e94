// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {IAlloraOracle} from "./IAlloraOracle.sol";

/// @title AlloraStaleness
/// @author allora-gateway
/// @notice Reads that revert when the stored value is older than the caller accepts, so a
/// consumer never acts on a stale inference by forgetting to compare timestamps.
library AlloraStaleness {
    /// @notice The newest value is `age` seconds old, more than the `maxAge` accepted.
    /// @param age Seconds since the value's timestamp.
    /// @param maxAge Seconds the caller accepts.
    error StaleValue(uint256 age, uint256 maxAge);

    /// @notice The latest inference of a topic, reverting `StaleValue` when it is more than
    /// `maxAge` seconds old (and the oracle's `NoData` when the topic was never set).
    /// @param oracle The oracle.
    /// @param topicId The Allora topic.
    /// @param maxAge Oldest accepted value, in seconds before the block time.
    /// @return value The value, fixed point with `decimals` decimals.
    /// @return decimals Decimals of `value`.
    /// @return timestamp Unix time of the inference.
    /// @return blockHeight Allora block height of the inference.
    function latestNoOlderThan(IAlloraOracle oracle, uint64 topicId, uint256 maxAge)
        internal
        view
        returns (int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight)
    {
        (value, decimals, timestamp, blockHeight) = oracle.latest(topicId);
        _check(timestamp, maxAge);
    }

    /// @notice The latest answer of an AggregatorV3 feed (an AlloraFeed or any other),
    /// reverting `StaleValue` when it was updated more than `maxAge` seconds ago.
    /// @param feed The feed.
    /// @param maxAge Oldest accepted answer, in seconds before the block time.
    /// @return roundId The round.
    /// @return answer The answer, with `feed.decimals()` decimals.
    /// @return updatedAt When the answer was last updated.
    function latestNoOlderThan(AggregatorV3Interface feed, uint256 maxAge)
        internal
        view
        returns (uint80 roundId, int256 answer, uint256 updatedAt)
    {
        (roundId, answer,, updatedAt,) = feed.latestRoundData();
        _check(updatedAt, maxAge);
    }

    function _check(uint256 at, uint256 maxAge) private view {
        uint256 age = block.timestamp > at ? block.timestamp - at : 0;
        if (age > maxAge) revert StaleValue(age, maxAge);
    }
}
