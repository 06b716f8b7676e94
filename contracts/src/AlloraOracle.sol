// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// @notice One topic's entry in a batch, as signed.
struct Update {
    uint64 topicId;
    int256 value;
    uint64 blockHeight;
    uint64 timestamp;
}

/// @notice What the oracle holds for one topic. `blockHeight` and `timestamp` share a
/// storage slot. A topic never set reads as all zeros.
struct TopicState {
    int256 value;
    uint64 blockHeight;
    uint64 timestamp;
}

/// @notice Why a signed update was not applied.
enum SkipReason {
    NotNewer,
    TooOld,
    TooFarInFuture
}

/// @title AlloraOracle
/// @notice Holds the latest verified Allora Network inference of each topic. Inferences
/// arrive in batches of EIP-712 signed updates; a batch is accepted only when at least
/// `threshold` of the registered signers signed it. Anyone holding such signatures may
/// submit them.
/// @dev A stored topic only moves forward: an update whose Allora block height is not newer
/// than the stored one, or whose timestamp falls outside the time bounds, is skipped with an
/// `UpdateSkipped` event rather than reverting the batch, so racing submitters of
/// overlapping batches never break each other. Values are int256 fixed point with 18
/// decimals and may be negative.
contract AlloraOracle is EIP712, Ownable2Step {
    /// @notice EIP-712 type hash of `Update`.
    bytes32 public constant UPDATE_TYPEHASH =
        keccak256("Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 timestamp)");

    /// @notice EIP-712 type hash of `Batch`, the signed message: the update list of one call.
    bytes32 public constant BATCH_TYPEHASH =
        keccak256("Batch(Update[] updates)Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 timestamp)");

    /// @notice Most signers the set may hold; bounds the work of replacing it.
    uint256 public constant MAX_SIGNERS = 32;

    uint8 private constant DECIMALS = 18;

    mapping(uint64 topicId => TopicState) private _topics;

    address[] private _signers;
    mapping(address account => bool) private _isSigner;

    // One slot, read once per batch.
    uint8 private _threshold;
    uint64 private _maxAge;
    uint64 private _maxFutureSkew;

    /// @notice A topic's stored value was replaced by a signed update.
    event TopicUpdated(uint64 indexed topicId, int256 value, uint64 blockHeight, uint64 timestamp);

    /// @notice A signed update was not applied; `storedBlockHeight` is the topic's current one.
    event UpdateSkipped(uint64 indexed topicId, uint64 blockHeight, uint64 storedBlockHeight, SkipReason reason);

    /// @notice The signer set and threshold were replaced.
    event SignersUpdated(address[] signers, uint8 threshold);

    /// @notice The time bounds updates are checked against were changed.
    event TimeBoundsUpdated(uint64 maxAge, uint64 maxFutureSkew);

    /// @notice A batch carried no update.
    error EmptyBatch();

    /// @notice A batch carried fewer signatures than the threshold.
    error ThresholdNotMet(uint256 provided, uint8 threshold);

    /// @notice Signatures must be ordered by recovered signer, strictly ascending; `signer`
    /// came after `previous`. Equal addresses mean one signer was counted twice.
    error SignaturesNotAscending(address previous, address signer);

    /// @notice A signature recovered to an address that is not a registered signer.
    error UnknownSigner(address signer);

    /// @notice `latest` was asked for a topic that was never set.
    error NoData(uint64 topicId);

    /// @notice A signer set must hold between 1 and `MAX_SIGNERS` addresses.
    error InvalidSignerCount(uint256 count);

    /// @notice The zero address cannot be a signer.
    error ZeroAddressSigner();

    /// @notice A signer set must be sorted strictly ascending; `signer` came after `previous`.
    error SignersNotAscending(address previous, address signer);

    /// @notice The threshold must be between 1 and the number of signers.
    error InvalidThreshold(uint8 threshold, uint256 signerCount);

    /// @notice Both time bounds must be non-zero.
    error InvalidTimeBounds(uint64 maxAge, uint64 maxFutureSkew);

    /// @notice Deploys the oracle with its owner, signer set and time bounds.
    /// @param initialOwner Account that manages signers and time bounds.
    /// @param initialSigners Signer addresses, strictly ascending, 1 to `MAX_SIGNERS` of them.
    /// @param initialThreshold Signatures a batch needs, 1 to `initialSigners.length`.
    /// @param initialMaxAge Oldest accepted update, in seconds before the block time.
    /// @param initialMaxFutureSkew Furthest accepted update, in seconds after the block time.
    constructor(
        address initialOwner,
        address[] memory initialSigners,
        uint8 initialThreshold,
        uint64 initialMaxAge,
        uint64 initialMaxFutureSkew
    ) EIP712("AlloraOracle", "1") Ownable(initialOwner) {
        _setSigners(initialSigners, initialThreshold);
        _setTimeBounds(initialMaxAge, initialMaxFutureSkew);
    }

    /// @notice Applies a batch of signed updates.
    /// @dev Reverts unless every signature is a valid 65-byte r||s||v signature (v 27 or 28,
    /// low s) of `hashBatch(updates)` by a registered signer, the signatures are ordered by
    /// signer address strictly ascending, and there are at least `threshold` of them. Updates
    /// that are not newer than the stored state or are out of the time bounds are skipped
    /// with `UpdateSkipped`.
    /// @param updates The signed updates, applied in order.
    /// @param signatures One signature of the batch digest per signer.
    /// @return applied Number of updates stored.
    function updateBatch(Update[] calldata updates, bytes[] calldata signatures) external returns (uint256 applied) {
        if (updates.length == 0) revert EmptyBatch();
        uint8 threshold_ = _threshold;
        if (signatures.length < threshold_) revert ThresholdNotMet(signatures.length, threshold_);

        bytes32 digest = _hashBatch(updates);
        address previous = address(0);
        for (uint256 i = 0; i < signatures.length; ++i) {
            address signer = ECDSA.recoverCalldata(digest, signatures[i]);
            if (signer <= previous) revert SignaturesNotAscending(previous, signer);
            if (!_isSigner[signer]) revert UnknownSigner(signer);
            previous = signer;
        }

        uint256 oldest = block.timestamp > _maxAge ? block.timestamp - _maxAge : 0;
        uint256 newest = block.timestamp + _maxFutureSkew;
        for (uint256 i = 0; i < updates.length; ++i) {
            Update calldata u = updates[i];
            TopicState storage stored = _topics[u.topicId];
            uint64 storedHeight = stored.blockHeight;
            if (u.blockHeight <= storedHeight) {
                emit UpdateSkipped(u.topicId, u.blockHeight, storedHeight, SkipReason.NotNewer);
            } else if (u.timestamp < oldest) {
                emit UpdateSkipped(u.topicId, u.blockHeight, storedHeight, SkipReason.TooOld);
            } else if (u.timestamp > newest) {
                emit UpdateSkipped(u.topicId, u.blockHeight, storedHeight, SkipReason.TooFarInFuture);
            } else {
                stored.value = u.value;
                stored.blockHeight = u.blockHeight;
                stored.timestamp = u.timestamp;
                emit TopicUpdated(u.topicId, u.value, u.blockHeight, u.timestamp);
                ++applied;
            }
        }
    }

    /// @notice The EIP-712 digest signers sign for a batch: `_hashTypedDataV4` of the
    /// `Batch` struct hash, as `eth_signTypedData_v4` computes it.
    /// @param updates The batch's updates.
    /// @return The digest.
    function hashBatch(Update[] calldata updates) external view returns (bytes32) {
        return _hashBatch(updates);
    }

    /// @notice The EIP-712 domain separator: name "AlloraOracle", version "1", this chain's
    /// id and this contract's address.
    /// @return The domain separator.
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice The latest stored inference of a topic. Reverts `NoData` if never set.
    /// @param topicId The Allora topic.
    /// @return value The value, fixed point with `decimals` decimals.
    /// @return decimals Always 18.
    /// @return timestamp Unix time of the Allora block that produced the inference.
    /// @return blockHeight Allora block height of the inference.
    function latest(uint64 topicId)
        external
        view
        returns (int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight)
    {
        TopicState storage stored = _topics[topicId];
        blockHeight = stored.blockHeight;
        if (blockHeight == 0) revert NoData(topicId);
        return (stored.value, DECIMALS, stored.timestamp, blockHeight);
    }

    /// @notice The stored state of several topics; all zeros for a topic never set.
    /// @param topicIds The Allora topics.
    /// @return states One state per topic id, in the same order.
    function topicStates(uint64[] calldata topicIds) external view returns (TopicState[] memory states) {
        states = new TopicState[](topicIds.length);
        for (uint256 i = 0; i < topicIds.length; ++i) {
            states[i] = _topics[topicIds[i]];
        }
    }

    /// @notice Replaces the whole signer set and the threshold. Only the owner.
    /// @param newSigners Signer addresses, strictly ascending, non-zero, 1 to `MAX_SIGNERS`.
    /// @param newThreshold Signatures a batch needs, 1 to `newSigners.length`.
    function setSigners(address[] calldata newSigners, uint8 newThreshold) external onlyOwner {
        _setSigners(newSigners, newThreshold);
    }

    /// @notice Sets how old and how far in the future an update's timestamp may be, relative
    /// to the block time. Only the owner.
    /// @param newMaxAge Oldest accepted update, in seconds before the block time; non-zero.
    /// @param newMaxFutureSkew Furthest accepted update, in seconds after the block time; non-zero.
    function setTimeBounds(uint64 newMaxAge, uint64 newMaxFutureSkew) external onlyOwner {
        _setTimeBounds(newMaxAge, newMaxFutureSkew);
    }

    /// @notice The registered signers, ascending.
    /// @return The signer addresses.
    function signers() external view returns (address[] memory) {
        return _signers;
    }

    /// @notice Number of signatures a batch needs.
    /// @return The threshold.
    function threshold() external view returns (uint8) {
        return _threshold;
    }

    /// @notice Whether an address is a registered signer.
    /// @param account The address.
    /// @return True if registered.
    function isSigner(address account) external view returns (bool) {
        return _isSigner[account];
    }

    /// @notice Oldest accepted update, in seconds before the block time.
    /// @return The maximum age.
    function maxAge() external view returns (uint64) {
        return _maxAge;
    }

    /// @notice Furthest accepted update, in seconds after the block time.
    /// @return The maximum future skew.
    function maxFutureSkew() external view returns (uint64) {
        return _maxFutureSkew;
    }

    function _hashBatch(Update[] calldata updates) private view returns (bytes32) {
        bytes32[] memory updateHashes = new bytes32[](updates.length);
        for (uint256 i = 0; i < updates.length; ++i) {
            Update calldata u = updates[i];
            updateHashes[i] = keccak256(abi.encode(UPDATE_TYPEHASH, u.topicId, u.value, u.blockHeight, u.timestamp));
        }
        bytes32 batchHash = keccak256(abi.encode(BATCH_TYPEHASH, keccak256(abi.encodePacked(updateHashes))));
        return _hashTypedDataV4(batchHash);
    }

    function _setSigners(address[] memory newSigners, uint8 newThreshold) private {
        uint256 count = newSigners.length;
        if (count == 0 || count > MAX_SIGNERS) revert InvalidSignerCount(count);
        if (newThreshold == 0 || newThreshold > count) revert InvalidThreshold(newThreshold, count);
        if (newSigners[0] == address(0)) revert ZeroAddressSigner();
        for (uint256 i = 1; i < count; ++i) {
            if (newSigners[i] <= newSigners[i - 1]) revert SignersNotAscending(newSigners[i - 1], newSigners[i]);
        }

        address[] storage old = _signers;
        for (uint256 i = 0; i < old.length; ++i) {
            delete _isSigner[old[i]];
        }
        for (uint256 i = 0; i < count; ++i) {
            _isSigner[newSigners[i]] = true;
        }
        _signers = newSigners;
        _threshold = newThreshold;
        emit SignersUpdated(newSigners, newThreshold);
    }

    function _setTimeBounds(uint64 newMaxAge, uint64 newMaxFutureSkew) private {
        if (newMaxAge == 0 || newMaxFutureSkew == 0) revert InvalidTimeBounds(newMaxAge, newMaxFutureSkew);
        _maxAge = newMaxAge;
        _maxFutureSkew = newMaxFutureSkew;
        emit TimeBoundsUpdated(newMaxAge, newMaxFutureSkew);
    }
}
