// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {IAlloraOracle} from "./IAlloraOracle.sol";

/// @title IAlloraFeed
/// @author allora-gateway
/// @notice A Chainlink AggregatorV3 view of one AlloraOracle topic, with the oracle and
/// topic it reads.
interface IAlloraFeed is AggregatorV3Interface {
    /// @notice The oracle the feed reads.
    /// @return The oracle.
    function oracle() external view returns (IAlloraOracle);

    /// @notice The Allora topic the feed reads.
    /// @return The topic.
    function topicId() external view returns (uint64);
}
