// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAlloraOracle} from "@allora-gateway/sdk/contracts/IAlloraOracle.sol";
import {AlloraStaleness} from "@allora-gateway/sdk/contracts/AlloraStaleness.sol";

/// A consumer that submits a signed update and reads the topic in the same transaction, so
/// it never acts on a value older than the update it was given.
contract PullConsumer {
    IAlloraOracle public immutable oracle;
    uint256 public constant MAX_AGE = 15 minutes;

    /// The value read after the update.
    event Read(uint64 indexed topicId, int256 value, uint64 timestamp);

    constructor(IAlloraOracle oracle_) {
        oracle = oracle_;
    }

    /// Applies the update (an older one than the oracle holds is skipped, not reverted) and
    /// returns the topic's latest value, reverting StaleValue when it is older than MAX_AGE.
    function pullThenRead(IAlloraOracle.Update[] calldata updates, IAlloraOracle.Signature[] calldata signatures)
        external
        returns (int256 value, uint64 timestamp)
    {
        oracle.updateBatch(updates, signatures);
        (value,, timestamp,) = AlloraStaleness.latestNoOlderThan(oracle, updates[0].topicId, MAX_AGE);
        emit Read(updates[0].topicId, value, timestamp);
    }
}
