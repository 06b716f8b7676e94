// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAlloraOracleReader} from "../src/interfaces/IAlloraOracleReader.sol";

/// @notice An IAlloraOracleReader whose rounds the test sets directly: each `set` is a new
/// round, id one above the last, all kept; it reverts like the real oracle for a topic
/// never set or a round not kept.
contract MockAlloraOracle is IAlloraOracleReader {
    error NoData(uint64 topicId);
    error RoundNotAvailable(uint64 topicId, uint80 roundId);

    struct Round {
        int256 value;
        uint64 timestamp;
    }

    uint80 public latestId;
    bool public reverts;
    mapping(uint80 roundId => Round) private _rounds;

    function set(int256 value_, uint64 timestamp_) external {
        ++latestId;
        _rounds[latestId] = Round(value_, timestamp_);
    }

    function setReverts(bool reverts_) external {
        reverts = reverts_;
    }

    function latest(uint64 topicId) external view returns (int256, uint8, uint64, uint64) {
        if (reverts || latestId == 0) revert NoData(topicId);
        Round storage r = _rounds[latestId];
        return (r.value, 18, r.timestamp, uint64(latestId));
    }

    function latestRound(uint64 topicId) external view returns (uint80, int256, uint64, uint64) {
        if (reverts || latestId == 0) revert NoData(topicId);
        Round storage r = _rounds[latestId];
        return (latestId, r.value, r.timestamp, uint64(latestId));
    }

    function getRound(uint64 topicId, uint80 roundId) external view returns (int256, uint64, uint64) {
        if (reverts || roundId == 0 || roundId > latestId) revert RoundNotAvailable(topicId, roundId);
        Round storage r = _rounds[roundId];
        return (r.value, r.timestamp, uint64(roundId));
    }
}
