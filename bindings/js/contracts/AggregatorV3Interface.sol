// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title AggregatorV3Interface
/// @author allora-gateway
/// @notice Chainlink's price feed interface, declared here with the same ABI so that the
/// contracts read Chainlink feeds (and anything built to that shape) without the
/// Chainlink package. Named as Chainlink names it, without the I prefix, so code written
/// for Chainlink imports it unchanged.
interface AggregatorV3Interface { // solhint-disable-line interface-starts-with-i
    /// @notice Decimals of the answers.
    function decimals() external view returns (uint8);

    /// @notice What the feed prices, such as "ETH / USD".
    function description() external view returns (string memory);

    /// @notice Version of the aggregator.
    function version() external view returns (uint256);

    /// @notice Data of one past round.
    /// @param roundId The round.
    /// @return roundId The round.
    /// @return answer The price.
    /// @return startedAt When the round started.
    /// @return updatedAt When the answer was last updated.
    /// @return answeredInRound Deprecated; the round the answer was computed in.
    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    /// @notice Data of the latest round.
    /// @return roundId The round.
    /// @return answer The price.
    /// @return startedAt When the round started.
    /// @return updatedAt When the answer was last updated.
    /// @return answeredInRound Deprecated; the round the answer was computed in.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
