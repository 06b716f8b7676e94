// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";

/// @title MockAggregator
/// @author allora-gateway
/// @notice A settable AggregatorV3 price feed for devnet and tests: each `setAnswer`
/// opens a new round stamped with the block time; `setRoundData` writes any round as
/// given, so stale, zero or negative answers can be produced on purpose. Anyone may set
/// it: never deploy it where a real feed is expected.
contract MockAggregator is AggregatorV3Interface {
    struct RoundData {
        int256 answer;
        uint256 startedAt;
        uint256 updatedAt;
        uint80 answeredInRound;
    }

    /// @notice Decimals of the answers.
    /// @dev camelCase, not SNAKE_CASE: `decimals()` is the AggregatorV3 getter.
    uint8 public immutable override decimals; // solhint-disable-line immutable-vars-naming
    /// @notice What the feed prices, such as "ETH / USD".
    string public override description;

    /// @notice The latest round id; 0 before the first answer.
    uint80 public latestRound;

    mapping(uint80 roundId => RoundData) private _rounds;

    /// @notice A round was written; Chainlink's aggregators emit the same event.
    /// @param current The answer.
    /// @param roundId The round.
    /// @param updatedAt When the answer was updated.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    /// @notice `getRoundData` was asked for a round never written, or `latestRoundData`
    /// before the first answer.
    error NoDataPresent();

    /// @notice Creates the feed, optionally with a first answer.
    /// @param decimals_ Decimals of the answers.
    /// @param description_ What the feed prices.
    /// @param initialAnswer First answer, written as round 1 at deployment; 0 writes none.
    constructor(uint8 decimals_, string memory description_, int256 initialAnswer) {
        decimals = decimals_;
        description = description_;
        if (initialAnswer != 0) setAnswer(initialAnswer);
    }

    /// @notice Opens the next round with `answer`, started and updated now.
    /// @param answer The price.
    function setAnswer(int256 answer) public {
        uint80 roundId = latestRound + 1;
        _write(roundId, answer, block.timestamp, block.timestamp, roundId);
    }

    /// @notice Writes a round exactly as given and makes it the latest.
    /// @param roundId The round.
    /// @param answer The price.
    /// @param startedAt When the round started.
    /// @param updatedAt When the answer was last updated.
    /// @param answeredInRound The round the answer was computed in.
    function setRoundData(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
        external
    {
        _write(roundId, answer, startedAt, updatedAt, answeredInRound);
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure override returns (uint256) {
        return 4;
    }

    /// @inheritdoc AggregatorV3Interface
    function getRoundData(uint80 roundId) external view override returns (uint80, int256, uint256, uint256, uint80) {
        RoundData storage r = _rounds[roundId];
        if (r.updatedAt == 0) revert NoDataPresent();
        return (roundId, r.answer, r.startedAt, r.updatedAt, r.answeredInRound);
    }

    /// @inheritdoc AggregatorV3Interface
    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        uint80 roundId = latestRound;
        if (roundId == 0) revert NoDataPresent();
        RoundData storage r = _rounds[roundId];
        return (roundId, r.answer, r.startedAt, r.updatedAt, r.answeredInRound);
    }

    function _write(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
        private
    {
        _rounds[roundId] = RoundData(answer, startedAt, updatedAt, answeredInRound);
        latestRound = roundId;
        emit AnswerUpdated(answer, roundId, updatedAt);
    }
}
