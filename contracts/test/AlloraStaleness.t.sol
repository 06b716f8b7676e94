// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {AlloraStaleness} from "../src/interfaces/AlloraStaleness.sol";
import {IAlloraOracle} from "../src/interfaces/IAlloraOracle.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {MockAlloraOracle} from "./MockAlloraOracle.sol";
import {vm} from "./Vm.sol";

/// The library's functions are internal; this contract calls them so a revert is observable.
contract StalenessReader {
    function oracleValue(IAlloraOracle oracle, uint64 topicId, uint256 maxAge) external view returns (int256 value) {
        (value,,,) = AlloraStaleness.latestNoOlderThan(oracle, topicId, maxAge);
    }

    function feedAnswer(AggregatorV3Interface feed, uint256 maxAge) external view returns (int256 answer) {
        (, answer,) = AlloraStaleness.latestNoOlderThan(feed, maxAge);
    }
}

contract AlloraStalenessTest {
    StalenessReader private reader = new StalenessReader();

    function test_OracleValueWithinMaxAge() public {
        MockAlloraOracle oracle = new MockAlloraOracle();
        vm.warp(10_000);
        oracle.set(42e18, 10_000 - 60);
        require(reader.oracleValue(IAlloraOracle(address(oracle)), 1, 60) == 42e18, "value at max age");
    }

    function test_OracleValueOlderThanMaxAgeReverts() public {
        MockAlloraOracle oracle = new MockAlloraOracle();
        vm.warp(10_000);
        oracle.set(42e18, 10_000 - 61);
        vm.expectRevert(abi.encodeWithSelector(AlloraStaleness.StaleValue.selector, 61, 60));
        reader.oracleValue(IAlloraOracle(address(oracle)), 1, 60);
    }

    function test_FeedAnswerWithinAndBeyondMaxAge() public {
        vm.warp(10_000);
        MockAggregator feed = new MockAggregator(8, "ETH / USD", 3000e8);
        feed.setRoundData(7, 3100e8, 9_000, 9_000, 7);
        require(reader.feedAnswer(feed, 1_000) == 3100e8, "answer at max age");
        vm.expectRevert(abi.encodeWithSelector(AlloraStaleness.StaleValue.selector, 1_000, 999));
        reader.feedAnswer(feed, 999);
    }
}
