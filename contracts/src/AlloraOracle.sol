// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IAlloraOracle} from "./interfaces/IAlloraOracle.sol";
import {IUpdateVerifier} from "./interfaces/IUpdateVerifier.sol";

/// @title AlloraOracle
/// @author allora-gateway
/// @notice Holds the latest verified Allora Network inference of each topic. Inferences
/// arrive in batches of EIP-712 signed updates; a batch is accepted only when at least
/// `threshold` of the registered signers signed it. Anyone holding such signatures may
/// submit them.
/// @dev Built for the cheapest update a chain can do:
/// - A topic is one storage slot: int160 value, uint32 timestamp, uint32 loss block height,
///   uint32 block height. An 18-decimal int160 holds magnitudes up to 7.3e29; uint32
///   heights last 680 years at Allora's 5 s blocks; uint32 timestamps last until 2106. The
///   two heights sit in the top 64 bits, block height above loss block height, so the
///   version order is one comparison of the top 64 bits. An update that does not fit
///   reverts the batch with `UpdateOutOfRange`: the gateway's signers never sign one (the
///   Go scaler refuses such a value), so only a hand-made batch meets it, and its
///   submitter is told which update is wrong.
/// - Signer threshold, time bounds, the pause flag and a count of topics with extras
///   (verifier or history) share one slot, read once per batch. When no topic has extras
///   the per-topic work is one SLOAD and one SSTORE of the topic's slot and one event.
/// - Signatures are 64-byte EIP-2098 (r, vs) pairs, checked once per batch after the
///   updates are applied: a bad signature reverts the whole call, so nothing of an
///   unauthorised batch survives, and the batch's calldata is read once.
/// A stored topic only moves forward on the version (block height, loss block height),
/// compared in that order: a higher block height is newer; at the same block height, a
/// higher loss block height is newer, so the node's revised value replaces the first one.
/// An update whose version is not newer than the stored one, or whose timestamp falls
/// outside the time bounds, is skipped with an `UpdateSkipped` event rather than reverting
/// the batch, so racing submitters of overlapping batches never break each other.
contract AlloraOracle is IAlloraOracle, EIP712, Ownable2Step, ReentrancyGuardTransient {
    /// @notice EIP-712 type hash of `Update`.
    /// @dev The string is the EIP-712 type, hashed at compile time: its length costs no gas.
    bytes32 public constant UPDATE_TYPEHASH =
        keccak256("Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"); // solhint-disable-line gas-small-strings

    /// @notice EIP-712 type hash of `Batch`, the signed message: the update list of one call.
    /// @dev As `UPDATE_TYPEHASH`: an EIP-712 type, hashed at compile time.
    bytes32 public constant BATCH_TYPEHASH =
        // solhint-disable-next-line gas-small-strings
        keccak256(
            "Batch(Update[] updates)Update(uint64 topicId,int256 value,uint64 blockHeight,uint64 lossBlockHeight,uint64 timestamp)"
        );

    /// @notice Most signers the set may hold; bounds the work of replacing it.
    uint256 public constant MAX_SIGNERS = 32;

    /// @notice Rounds a topic with history keeps for `getRound`. 32 rounds span 2 h 40 min
    /// of a 5-minute topic and 10 days of an 8-hour one, enough for a consumer walking back
    /// to the round in force at a recent time; older rounds answer `RoundNotAvailable`.
    uint256 public constant HISTORY_SIZE = 32;

    /// @notice Gas a topic's verifier is given for one `verify` call, enough for a Groth16
    /// proof on BN254 (about 230k) with room to spare. A verifier that needs more rejects
    /// every proof; a batch sent with too little gas to give it this reverts with
    /// `InsufficientGasForVerifier` instead of skipping a valid update.
    uint256 public constant VERIFIER_GAS = 300_000;

    // Gas spent around the verifier's call (encoding the call, the call itself, reading
    // its answer), on top of the stipend.
    uint256 private constant VERIFIER_CALL_OVERHEAD = 5_000;

    uint8 private constant DECIMALS = 18;

    // Half the secp256k1 group order: a signature's s must not exceed it (EIP-2).
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    // Feature bits of a topic, two per topic, 128 topics per word of `_featureWords`.
    uint256 private constant FEATURE_VERIFIER = 1;
    uint256 private constant FEATURE_HISTORY = 2;

    // Flags of one `_applyBatch` call, and the marker of an update to apply.
    uint256 private constant FLAG_FEATURED = 1;
    uint256 private constant FLAG_WITH_PROOFS = 2;
    uint256 private constant APPLY = 0xff;
    uint256 private constant OUT_OF_RANGE = 0xfe;
    uint256 private constant STORED = 0xfd;
    uint256 private constant VALUE_MASK = 0x00ffffffffffffffffffffffffffffffffffffffff;

    /// @dev Everything `updateBatch` needs besides the topics, in one slot. The lowest
    /// registered signer is kept here as well as in `_isSigner`, so a batch it signs, and
    /// every batch of a one-signer oracle, checks that signature without another SLOAD.
    struct Config {
        address primarySigner;
        uint8 threshold;
        bool paused;
        uint32 maxAge;
        uint32 maxFutureSkew;
        // Topics with a verifier or history (at most 65,535); while zero the feature
        // words are never read.
        uint16 featuredTopics;
    }

    // topicId => int160 value (bits 0-159) | uint32 timestamp (160-191)
    //            | uint32 loss height (192-223) | uint32 height (224-255).
    mapping(uint64 topicId => uint256 packed) private _topics;

    Config private _config;

    address[] private _signers;
    mapping(address account => bool) private _isSigner;

    mapping(uint256 wordIndex => uint256 bits) private _featureWords;
    mapping(uint64 topicId => IUpdateVerifier) private _verifiers;
    // Rounds recorded for a topic while its history was on; the high part of its round ids.
    mapping(uint64 topicId => uint256) private _roundCount;
    // A topic's round-id phase (bits 64 and up; odd while history is on, bumped by every
    // switch) and the round count when its current phase began (bits 0-63).
    mapping(uint64 topicId => uint256) private _phases;
    mapping(uint64 topicId => uint256[HISTORY_SIZE]) private _rounds;

    address private _treasury;

    /// @notice Deploys the oracle with its owner, signer set and time bounds.
    /// @param initialOwner Account that manages signers, time bounds, pause, verifiers and fees.
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

    // ------------------------------------------------------------------ updates

    /// @inheritdoc IAlloraOracle
    function updateBatch(Update[] calldata updates, Signature[] calldata signatures)
        external
        returns (uint256 applied)
    {
        bytes32 batchHash;
        (applied, batchHash) = _applyBatch(updates, _emptyProofs(), _batchContext(signatures.length, false));
        _verifySignatures(_hashTypedDataV4(batchHash), signatures);
    }

    /// @inheritdoc IAlloraOracle
    function updateBatchWithProofs(
        Update[] calldata updates,
        Signature[] calldata signatures,
        bytes[] calldata proofs
    ) external returns (uint256 applied) {
        if (proofs.length != updates.length) revert ProofCountMismatch(updates.length, proofs.length);
        bytes32 batchHash;
        (applied, batchHash) = _applyBatch(updates, proofs, _batchContext(signatures.length, true));
        _verifySignatures(_hashTypedDataV4(batchHash), signatures);
    }

    /// @inheritdoc IAlloraOracle
    function requestUpdate(uint64 topicId) external payable {
        if (_config.paused) revert EnforcedPause();
        if (_topics[topicId] == 0) revert UnknownTopic(topicId);
        emit UpdateRequested(topicId, msg.sender, msg.value);
    }

    // ------------------------------------------------------------------ reads

    /// @inheritdoc IAlloraOracle
    function hashBatch(Update[] calldata updates) external view returns (bytes32) {
        bytes32[] memory updateHashes = new bytes32[](updates.length);
        for (uint256 i = 0; i < updates.length; ++i) {
            Update calldata u = updates[i];
            updateHashes[i] = keccak256(
                abi.encode(UPDATE_TYPEHASH, u.topicId, u.value, u.blockHeight, u.lossBlockHeight, u.timestamp)
            );
        }
        return _hashTypedDataV4(keccak256(abi.encode(BATCH_TYPEHASH, keccak256(abi.encodePacked(updateHashes)))));
    }

    /// @inheritdoc IAlloraOracle
    function DOMAIN_SEPARATOR() external view returns (bytes32) { // solhint-disable-line func-name-mixedcase
        return _domainSeparatorV4();
    }

    /// @inheritdoc IAlloraOracle
    function latest(uint64 topicId)
        external
        view
        returns (int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight)
    {
        (value, timestamp, blockHeight) = _unpack(_topics[topicId]);
        if (blockHeight == 0) revert NoData(topicId);
        decimals = DECIMALS;
    }

    /// @inheritdoc IAlloraOracle
    function latestVersion(uint64 topicId) external view returns (uint64 blockHeight, uint64 lossBlockHeight) {
        uint256 packed = _topics[topicId];
        blockHeight = uint64(packed >> 224);
        lossBlockHeight = uint64(uint32(packed >> 192));
    }

    /// @inheritdoc IAlloraOracle
    function decodeState(uint256 state)
        external
        pure
        returns (int256 value, uint64 timestamp, uint64 blockHeight, uint64 lossBlockHeight)
    {
        (value, timestamp, blockHeight) = _unpack(state);
        lossBlockHeight = uint64(uint32(state >> 192));
    }

    /// @inheritdoc IAlloraOracle
    function topicStates(uint64[] calldata topicIds) external view returns (TopicState[] memory states) {
        states = new TopicState[](topicIds.length);
        for (uint256 i = 0; i < topicIds.length; ++i) {
            TopicState memory s = states[i];
            uint256 packed = _topics[topicIds[i]];
            (s.value, s.timestamp, s.blockHeight) = _unpack(packed);
            s.lossBlockHeight = uint64(uint32(packed >> 192));
        }
    }

    /// @inheritdoc IAlloraOracle
    function latestRound(uint64 topicId)
        external
        view
        returns (uint80 roundId, int256 value, uint64 timestamp, uint64 blockHeight)
    {
        (value, timestamp, blockHeight) = _unpack(_topics[topicId]);
        if (blockHeight == 0) revert NoData(topicId);
        uint256 phase = _phases[topicId] >> 64;
        roundId = uint80((phase << 64) | (phase & 1 == 1 ? _roundCount[topicId] : blockHeight));
    }

    /// @inheritdoc IAlloraOracle
    function getRound(uint64 topicId, uint80 roundId)
        external
        view
        returns (int256 value, uint64 timestamp, uint64 blockHeight)
    {
        uint256 phases = _phases[topicId];
        uint256 phase = phases >> 64;
        uint256 n = uint64(roundId);
        if (roundId >> 64 == phase) {
            if (phase & 1 == 0) {
                (value, timestamp, blockHeight) = _unpack(_topics[topicId]);
                if (blockHeight != 0 && n == blockHeight) return (value, timestamp, blockHeight);
            } else {
                uint256 count = _roundCount[topicId];
                if (n == count) {
                    // The latest, also when nothing was recorded since the phase began.
                    (value, timestamp, blockHeight) = _unpack(_topics[topicId]);
                    if (blockHeight != 0) return (value, timestamp, blockHeight);
                }
                // Rounds of this phase: after the count it began at, within the ring.
                if (n > uint64(phases) && n < count && count - n < HISTORY_SIZE) {
                    return _unpack(_rounds[topicId][n % HISTORY_SIZE]);
                }
            }
        }
        revert RoundNotAvailable(topicId, roundId);
    }

    /// @inheritdoc IAlloraOracle
    function signers() external view returns (address[] memory) {
        return _signers;
    }

    /// @inheritdoc IAlloraOracle
    function threshold() external view returns (uint8) {
        return _config.threshold;
    }

    /// @inheritdoc IAlloraOracle
    function isSigner(address account) external view returns (bool) {
        return _isSigner[account];
    }

    /// @inheritdoc IAlloraOracle
    function maxAge() external view returns (uint64) {
        return _config.maxAge;
    }

    /// @inheritdoc IAlloraOracle
    function maxFutureSkew() external view returns (uint64) {
        return _config.maxFutureSkew;
    }

    /// @inheritdoc IAlloraOracle
    function paused() external view returns (bool) {
        return _config.paused;
    }

    /// @inheritdoc IAlloraOracle
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IAlloraOracle
    function verifierOf(uint64 topicId) external view returns (IUpdateVerifier) {
        return _verifiers[topicId];
    }

    /// @inheritdoc IAlloraOracle
    function historyEnabled(uint64 topicId) external view returns (bool) {
        return _features(topicId) & FEATURE_HISTORY != 0;
    }

    // ------------------------------------------------------------------ owner

    /// @notice Replaces the whole signer set and the threshold at once. Only the owner.
    /// @dev Rotation without downtime: the new set applies from the next transaction, so
    /// a batch already signed by a removed signer, still in flight, reverts with
    /// `UnknownSigner`; the relayer then re-signs with the current set and resubmits.
    /// @param newSigners Signer addresses, strictly ascending, non-zero, 1 to `MAX_SIGNERS`.
    /// @param newThreshold Signatures a batch needs, 1 to `newSigners.length`.
    function setSigners(address[] calldata newSigners, uint8 newThreshold) external onlyOwner {
        _setSigners(newSigners, newThreshold);
    }

    /// @notice Sets how old and how far in the future an update's timestamp may be, relative
    /// to the block time. Only the owner.
    /// @param newMaxAge Oldest accepted update, in seconds before the block time; 1 to 2^32-1.
    /// @param newMaxFutureSkew Furthest accepted update, in seconds after the block time; 1 to 2^32-1.
    function setTimeBounds(uint64 newMaxAge, uint64 newMaxFutureSkew) external onlyOwner {
        _setTimeBounds(newMaxAge, newMaxFutureSkew);
    }

    /// @notice Stops updates; reads and ownership keep working. Only the owner.
    function pause() external onlyOwner {
        if (_config.paused) revert EnforcedPause();
        _config.paused = true;
        emit Paused(msg.sender);
    }

    /// @notice Resumes updates. Only the owner.
    function unpause() external onlyOwner {
        if (!_config.paused) revert ExpectedPause();
        _config.paused = false;
        emit Unpaused(msg.sender);
    }

    /// @notice Disabled: an oracle without owner could never rotate its signers again.
    function renounceOwnership() public pure override {
        revert RenounceOwnershipDisabled();
    }

    /// @notice Sets where `withdrawFees` sends the fees. Only the owner.
    /// @param newTreasury The treasury; non-zero.
    function setTreasury(address newTreasury) external onlyOwner {
        if (newTreasury == address(0)) revert ZeroAddressTreasury();
        emit TreasuryUpdated(_treasury, newTreasury);
        _treasury = newTreasury;
    }

    /// @notice Sends every fee collected by `requestUpdate` to the treasury. Only the owner.
    function withdrawFees() external onlyOwner nonReentrant {
        address to = _treasury;
        if (to == address(0)) revert TreasuryNotSet();
        uint256 amount = address(this).balance;
        if (amount == 0) revert NoFees();
        emit FeesWithdrawn(to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert FeeTransferFailed(to, amount);
    }

    /// @notice Requires a topic's updates to pass `verifier`, or removes the requirement
    /// with the zero address. Only the owner.
    /// @param topicId The Allora topic.
    /// @param verifier The verifier, or zero.
    function setVerifier(uint64 topicId, IUpdateVerifier verifier) external onlyOwner {
        _verifiers[topicId] = verifier;
        _setFeature(topicId, FEATURE_VERIFIER, address(verifier) != address(0));
        emit VerifierUpdated(topicId, address(verifier));
    }

    /// @notice Switches a topic's round history on or off. Only the owner.
    /// @dev History costs each update of the topic two more storage writes (the round
    /// count and a ring entry), which is why it is off by default.
    /// @param topicId The Allora topic.
    /// @param enabled True to record rounds.
    function setHistory(uint64 topicId, bool enabled) external onlyOwner {
        bool was = _features(topicId) & FEATURE_HISTORY != 0;
        _setFeature(topicId, FEATURE_HISTORY, enabled);
        if (was != enabled) {
            // A new phase of round ids, beginning at the current count.
            _phases[topicId] = (((_phases[topicId] >> 64) + 1) << 64) | _roundCount[topicId];
        }
        emit HistoryUpdated(topicId, enabled);
    }

    // ------------------------------------------------------------------ internals

    function _emptyProofs() private pure returns (bytes[] calldata proofs) {
        assembly ("memory-safe") {
            proofs.offset := 0
            proofs.length := 0
        }
    }

    /// @dev Checks the batch may proceed (not paused, enough signatures) and returns its
    /// context word: the oldest (bits 128-191) and newest (bits 64-127) accepted
    /// timestamps, and the FLAG_ bits (bits 0-63).
    function _batchContext(uint256 signatureCount, bool withProofs) private view returns (uint256) {
        Config memory c = _config;
        if (c.paused) revert EnforcedPause();
        if (signatureCount < c.threshold) revert ThresholdNotMet(signatureCount, c.threshold);
        uint256 oldest = block.timestamp > c.maxAge ? block.timestamp - c.maxAge : 0;
        uint256 newest = block.timestamp + c.maxFutureSkew;
        uint256 flags = (c.featuredTopics != 0 ? FLAG_FEATURED : 0) | (withProofs ? FLAG_WITH_PROOFS : 0);
        return (oldest << 128) | (newest << 64) | flags;
    }

    /// @dev Hashes and applies the updates in one pass over the calldata and returns the
    /// EIP-712 struct hash of the batch. The caller checks the signatures afterwards; a
    /// failure reverts everything done here. The per-update work stays in this one loop:
    /// moving it into functions would add jumps to every update of every batch.
    function _applyBatch(Update[] calldata updates, bytes[] calldata proofs, uint256 ctx)
        private
        returns (uint256 applied, bytes32 batchHash)
    {
        if (updates.length == 0) revert EmptyBatch();
        uint256 buf = _allocHashBuffer(updates.length);

        bytes32 updatedEvent = TopicUpdated.selector;
        for (uint256 i = 0; i < updates.length; ++i) {
            uint256 slot;
            uint256 reason;
            // Hash the update, decide, and store it here for a topic without extras;
            // buf keeps the update's five words for `_applyOther`.
            assembly ("memory-safe") {
                calldatacopy(add(buf, 0x20), add(updates.offset, mul(i, 0xa0)), 0xa0)
                let height := mload(add(buf, 0x60))
                let loss := mload(add(buf, 0x80))
                let ts := mload(add(buf, 0xa0))
                // A clean uint64 topic id, as the ABI decoder would insist (the rest below).
                if shr(64, mload(add(buf, 0x20))) { revert(0, 0) }
                mstore(add(add(buf, 0xc0), shl(5, i)), keccak256(buf, 0xc0))
                mstore(0, mload(add(buf, 0x20)))
                mstore(0x20, _topics.slot)
                slot := keccak256(0, 0x40)
                // Not an int160, or a height or the time wider than 32 bits: the update
                // cannot be stored, nor its version compared, and the batch reverts below.
                let value := mload(add(buf, 0x40))
                reason := OUT_OF_RANGE
                if iszero(or(shr(32, or(or(height, loss), ts)), iszero(eq(signextend(19, value), value)))) {
                    reason := 0 // SkipReason.NotNewer
                    // Versions compare as height << 32 | loss; height 0 (unset) is never newer.
                    let version := or(shl(32, height), loss)
                    if and(gt(version, shr(192, sload(slot))), gt(height, 0)) {
                        reason := APPLY
                        if gt(ts, and(shr(64, ctx), 0xffffffffffffffff)) { reason := 2 } // TooFarInFuture
                        if lt(ts, shr(128, ctx)) { reason := 1 } // TooOld
                        if and(eq(reason, APPLY), iszero(and(ctx, FLAG_FEATURED))) {
                            let packed := or(shl(192, version), or(shl(160, ts), and(value, VALUE_MASK)))
                            sstore(slot, packed)
                            mstore(0, packed)
                            log2(0, 0x20, updatedEvent, mload(add(buf, 0x20)))
                            applied := add(applied, 1)
                            reason := STORED
                        }
                    }
                }
            }
            if (reason != STORED) applied += _applyOther(updates, proofs, ctx, i, slot, buf, reason);
        }
        batchHash = _hashBatch(buf, updates.length);
    }

    /// @dev Update `i` of `_applyBatch` when it was not stored on the fast path: a topic
    /// with extras (`reason` APPLY), a skip, or an update out of range. Returns 1 if it
    /// was stored.
    function _applyOther(
        Update[] calldata updates,
        bytes[] calldata proofs,
        uint256 ctx,
        uint256 i,
        uint256 slot,
        uint256 buf,
        uint256 reason
    ) private returns (uint256) {
        if (reason == APPLY) reason = _checkFeatures(updates[i], ctx, proofs, i);
        if (reason == APPLY) {
            _store(slot, buf);
            return 1;
        }
        if (reason == OUT_OF_RANGE) {
            Update calldata u = updates[i];
            revert UpdateOutOfRange(i, u.topicId, u.value, u.blockHeight, u.lossBlockHeight);
        }
        _emitSkipped(updates[i], slot, reason);
        return 0;
    }

    /// @dev Stores the update `_applyBatch` left in buf's words 1-5 into `slot`, with its
    /// event: the path of a topic with extras, once its features allowed it.
    function _store(uint256 slot, uint256 buf) private {
        bytes32 updatedEvent = TopicUpdated.selector;
        assembly ("memory-safe") {
            let packed := or(shl(224, mload(add(buf, 0x60))), shl(192, mload(add(buf, 0x80))))
            packed := or(packed, shl(160, mload(add(buf, 0xa0))))
            packed := or(packed, and(mload(add(buf, 0x40)), VALUE_MASK))
            sstore(slot, packed)
            mstore(0, packed)
            log2(0, 0x20, updatedEvent, mload(add(buf, 0x20)))
        }
    }

    /// @dev Allocates the memory `_applyBatch` hashes in: a 6-word buffer for
    /// encodeData(Update), its first word set to UPDATE_TYPEHASH, then one struct hash per
    /// update.
    function _allocHashBuffer(uint256 count) private pure returns (uint256 buf) {
        bytes32 typeHash = UPDATE_TYPEHASH;
        assembly ("memory-safe") {
            buf := mload(0x40)
            mstore(0x40, add(buf, add(0xc0, shl(5, count))))
            mstore(buf, typeHash)
        }
    }

    /// @dev The EIP-712 struct hash of the batch from the `count` update hashes that
    /// `_applyBatch` left after the buffer's first six words.
    function _hashBatch(uint256 buf, uint256 count) private pure returns (bytes32 batchHash) {
        bytes32 batchTypeHash = BATCH_TYPEHASH;
        assembly ("memory-safe") {
            mstore(buf, batchTypeHash)
            mstore(add(buf, 0x20), keccak256(add(buf, 0xc0), shl(5, count)))
            batchHash := keccak256(buf, 0x40)
        }
    }

    function _emitSkipped(Update calldata u, uint256 slot, uint256 reason) private {
        uint256 stored;
        assembly ("memory-safe") {
            stored := sload(slot)
        }
        emit UpdateSkipped(
            u.topicId, u.blockHeight, u.lossBlockHeight, uint64(stored >> 224), uint64(uint32(stored >> 192)), SkipReason(reason)
        );
    }

    /// @dev Recovers every signature's signer and checks them against the set: low s,
    /// strictly ascending (so no signer counts twice), registered. The count was checked
    /// against the threshold before the updates were applied.
    function _verifySignatures(bytes32 digest, Signature[] calldata signatures) private view {
        // The loop runs in assembly; a failure leaves it with a code and the values its
        // error reports, and is raised below.
        uint256 failure;
        uint256 index;
        address previous;
        address signer;
        bytes32 s;
        address primary = _config.primarySigner;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, digest)
            for {} lt(index, signatures.length) { index := add(index, 1) } {
                let q := add(signatures.offset, shl(6, index))
                let vs := calldataload(add(q, 0x20))
                s := and(vs, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff)
                if gt(s, HALF_ORDER) {
                    failure := 1
                    break
                }
                mstore(add(m, 0x20), add(shr(255, vs), 27))
                mstore(add(m, 0x40), calldataload(q))
                mstore(add(m, 0x60), s)
                mstore(0, 0)
                pop(staticcall(gas(), 1, m, 0x80, 0, 0x20))
                signer := mload(0)
                if iszero(signer) {
                    failure := 2
                    break
                }
                if iszero(gt(signer, previous)) {
                    failure := 3
                    break
                }
                if iszero(eq(signer, primary)) {
                    mstore(0x20, _isSigner.slot)
                    if iszero(sload(keccak256(0, 0x40))) {
                        failure := 4
                        break
                    }
                }
                previous := signer
            }
        }
        if (failure == 0) return;
        if (failure == 1) revert SignatureMalleable(s);
        if (failure == 2) revert InvalidSignature(index);
        if (failure == 3) revert SignaturesNotAscending(previous, signer);
        revert UnknownSigner(signer);
    }

    /// @dev The verifier and history of a featured topic, for the update at calldata
    /// position `p` that passed every other check: returns APPLY or a skip reason, and
    /// records the round when the update is to be applied and the topic keeps history.
    function _checkFeatures(Update calldata u, uint256 ctx, bytes[] calldata proofs, uint256 i)
        private
        returns (uint256)
    {
        (uint64 topicId, int256 value, uint64 height, uint64 ts) = (u.topicId, u.value, u.blockHeight, u.timestamp);
        uint256 features = _features(topicId);
        if (features & FEATURE_VERIFIER != 0) {
            if (ctx & FLAG_WITH_PROOFS == 0) return uint256(SkipReason.ProofRequired);
            if (!_verify(topicId, value, height, ts, proofs[i])) return uint256(SkipReason.ProofRejected);
        }
        if (features & FEATURE_HISTORY != 0) _recordRound(topicId, _pack(value, height, u.lossBlockHeight, ts));
        return APPLY;
    }

    /// @dev Calls a topic's verifier with `VERIFIER_GAS` and copies at most 32 bytes of its
    /// answer: a verifier can neither take the batch's gas nor make the oracle pay to copy
    /// a large answer. True only for an answer of exactly 32 bytes equal to 1.
    function _verify(uint64 topicId, int256 value, uint64 height, uint64 ts, bytes calldata proof)
        private
        view
        returns (bool accepted)
    {
        // A call gets at most 63/64 of the gas left (EIP-150); below this the stipend would
        // be cut short and a valid proof could be made to fail by the submitter's gas limit.
        uint256 needed = VERIFIER_GAS + VERIFIER_GAS / 63 + VERIFIER_CALL_OVERHEAD;
        if (gasleft() < needed) revert InsufficientGasForVerifier(topicId, gasleft(), needed);
        address target = address(_verifiers[topicId]);
        bytes memory data = abi.encodeCall(IUpdateVerifier.verify, (topicId, value, height, ts, proof));
        assembly ("memory-safe") {
            let ok := staticcall(VERIFIER_GAS, target, add(data, 0x20), mload(data), 0x00, 0x20)
            accepted := and(ok, and(eq(returndatasize(), 0x20), eq(mload(0x00), 1)))
        }
    }

    function _pack(int256 value, uint256 height, uint256 loss, uint256 ts) private pure returns (uint256) {
        return (height << 224) | (loss << 192) | (ts << 160) | (uint256(value) & type(uint160).max);
    }

    function _recordRound(uint64 topicId, uint256 packed) private {
        uint256 seq = _roundCount[topicId] + 1;
        _roundCount[topicId] = seq;
        _rounds[topicId][seq % HISTORY_SIZE] = packed;
    }

    function _features(uint64 topicId) private view returns (uint256) {
        return (_featureWords[topicId >> 7] >> ((topicId & 127) << 1)) & 3;
    }

    function _setFeature(uint64 topicId, uint256 feature, bool on) private {
        uint256 index = topicId >> 7;
        uint256 shift = (uint256(topicId) & 127) << 1;
        uint256 word = _featureWords[index];
        uint256 before = (word >> shift) & 3;
        uint256 next = on ? before | feature : before & ~feature;
        if (next == before) return;
        _featureWords[index] = (word & ~(uint256(3) << shift)) | (next << shift);
        if (before == 0) ++_config.featuredTopics;
        else if (next == 0) --_config.featuredTopics;
    }

    function _unpack(uint256 packed) private pure returns (int256 value, uint64 timestamp, uint64 blockHeight) {
        value = int160(uint160(packed));
        timestamp = uint64(uint32(packed >> 160));
        blockHeight = uint64(packed >> 224);
    }

    function _setSigners(address[] memory newSigners, uint8 newThreshold) private {
        uint256 count = newSigners.length;
        if (count == 0 || count > MAX_SIGNERS) revert InvalidSignerCount(count);
        if (newThreshold == 0 || newThreshold > count) revert InvalidThreshold(newThreshold, count);
        if (newSigners[0] == address(0)) revert ZeroAddressSigner();
        for (uint256 i = 1; i < count; ++i) {
            if (!(newSigners[i - 1] < newSigners[i])) revert SignersNotAscending(newSigners[i - 1], newSigners[i]);
        }

        address[] storage old = _signers;
        for (uint256 i = 0; i < old.length; ++i) {
            delete _isSigner[old[i]];
        }
        for (uint256 i = 0; i < count; ++i) {
            _isSigner[newSigners[i]] = true;
        }
        _signers = newSigners;
        _config.primarySigner = newSigners[0];
        _config.threshold = newThreshold;
        emit SignersUpdated(newSigners, newThreshold);
    }

    function _setTimeBounds(uint64 newMaxAge, uint64 newMaxFutureSkew) private {
        if (
            newMaxAge == 0 || newMaxFutureSkew == 0 || newMaxAge > type(uint32).max
                || newMaxFutureSkew > type(uint32).max
        ) revert InvalidTimeBounds(newMaxAge, newMaxFutureSkew);
        _config.maxAge = uint32(newMaxAge);
        _config.maxFutureSkew = uint32(newMaxFutureSkew);
        emit TimeBoundsUpdated(newMaxAge, newMaxFutureSkew);
    }
}
