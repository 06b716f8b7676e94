// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAlloraOracleReader} from "../src/interfaces/IAlloraOracleReader.sol";

/// @notice An IAlloraOracleReader whose answer the test sets directly, including a revert
/// like the real oracle's for a topic never set.
contract MockAlloraOracle is IAlloraOracleReader {
    error NoData(uint64 topicId);

    int256 public value;
    uint8 public decimals = 18;
    uint64 public timestamp;
    uint64 public blockHeight;
    bool public reverts;

    function set(int256 value_, uint64 timestamp_) external {
        value = value_;
        timestamp = timestamp_;
        blockHeight += 1;
    }

    function setDecimals(uint8 decimals_) external {
        decimals = decimals_;
    }

    function setReverts(bool reverts_) external {
        reverts = reverts_;
    }

    function latest(uint64 topicId) external view returns (int256, uint8, uint64, uint64) {
        if (reverts || blockHeight == 0) revert NoData(topicId);
        return (value, decimals, timestamp, blockHeight);
    }
}
