// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAlloraFeed} from "./interfaces/IAlloraFeed.sol";
import {IAlloraOracle} from "./interfaces/IAlloraOracle.sol";

/// @title AlloraFeed
/// @author allora-gateway
/// @notice One Allora topic of an AlloraOracle as a Chainlink AggregatorV3 feed, so any
/// protocol built for Chainlink reads Allora predictions unchanged. It stores nothing but
/// its oracle, topic and description: every answer is read from the oracle.
/// @dev Round ids are the oracle's (`AlloraOracle.latestRound`): `phase << 64 | n`,
/// strictly increasing; while the topic's history is on they go up by one per stored
/// round, so `getRoundData(latestRound - k)` answers for each of the last `HISTORY_SIZE`
/// rounds. `startedAt` and `updatedAt` are both the inference's time, but never later
/// than the block's (an inference may be stamped up to the oracle's `maxFutureSkew`
/// ahead), so `block.timestamp - updatedAt` never underflows; `answeredInRound` is the
/// round id itself. The latest round is always available; a round not kept makes
/// `getRoundData` revert with the oracle's `RoundNotAvailable`, and both reads revert
/// with `NoData` until the topic's first update.
contract AlloraFeed is IAlloraFeed {
    /// @notice The oracle the feed reads.
    /// @dev camelCase, not SNAKE_CASE: the getter `oracle()` is part of the feed's ABI.
    IAlloraOracle public immutable oracle; // solhint-disable-line immutable-vars-naming

    /// @notice The Allora topic the feed reads.
    /// @dev camelCase, not SNAKE_CASE: the getter `topicId()` is part of the feed's ABI.
    uint64 public immutable topicId; // solhint-disable-line immutable-vars-naming

    string private _description;

    /// @notice Creates the feed of one topic.
    /// @param oracle_ The oracle.
    /// @param topicId_ The Allora topic.
    /// @param description_ The topic's metadata, such as "ETH/USD 5m prediction (Allora topic 13)".
    constructor(IAlloraOracle oracle_, uint64 topicId_, string memory description_) {
        oracle = oracle_;
        topicId = topicId_;
        _description = description_;
    }

    /// @notice Decimals of every answer: the oracle's 18.
    /// @return 18.
    function decimals() external pure returns (uint8) {
        return 18;
    }

    /// @notice The topic's metadata, given at deployment.
    /// @return The description.
    function description() external view returns (string memory) {
        return _description;
    }

    /// @notice Version of this feed's interface.
    /// @return 1.
    function version() external pure returns (uint256) {
        return 1;
    }

    /// @notice A round of the topic; see the contract's notes on which rounds are kept.
    /// @param roundId The round id.
    /// @return roundId_ The round id.
    /// @return answer The value, 18 decimals.
    /// @return startedAt The inference's time, at most the block's.
    /// @return updatedAt The inference's time, at most the block's.
    /// @return answeredInRound The round id.
    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        (int256 value, uint64 timestamp,) = oracle.getRound(topicId, roundId);
        uint256 at = _notAfterNow(timestamp);
        return (roundId, value, at, at, roundId);
    }

    /// @notice The topic's latest round.
    /// @return roundId The round id.
    /// @return answer The value, 18 decimals.
    /// @return startedAt The inference's time, at most the block's.
    /// @return updatedAt The inference's time, at most the block's.
    /// @return answeredInRound The round id.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        uint64 timestamp;
        (roundId, answer, timestamp,) = oracle.latestRound(topicId);
        uint256 at = _notAfterNow(timestamp);
        return (roundId, answer, at, at, roundId);
    }

    function _notAfterNow(uint64 timestamp) private view returns (uint256) {
        return timestamp > block.timestamp ? block.timestamp : timestamp;
    }
}
