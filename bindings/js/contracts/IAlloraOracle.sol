// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUpdateVerifier} from "./IUpdateVerifier.sol";

/// @title IAlloraOracle
/// @author allora-gateway
/// @notice What a consumer, a submitter of pull updates and an off-chain client use of the
/// AlloraOracle: its types, events, errors and external functions. It imports nothing but
/// the verifier interface, so a consumer compiles against it without OpenZeppelin.
interface IAlloraOracle {
    /// @notice One topic's entry in a batch, as signed. The EIP-712 type keeps the full
    /// uint64/int256 widths so wallets and the Go signer hash plain ABI words; the oracle
    /// stores the value as int160 and the heights and time as uint32 (see `UpdateOutOfRange`).
    /// `blockHeight` and `lossBlockHeight` are the inference's version: the Allora node
    /// revises the value of one `blockHeight` when a reputer window closes and its loss block
    /// height moves forward.
    /// @dev The field order is the EIP-712 type's (`UPDATE_TYPEHASH`) and the calldata layout
    /// `_applyBatch` reads, so it is not rearranged for storage packing: an Update is never stored.
    // solhint-disable-next-line gas-struct-packing
    struct Update {
        uint64 topicId;
        int256 value;
        uint64 blockHeight;
        uint64 lossBlockHeight;
        uint64 timestamp;
    }

    /// @notice One ECDSA signature in the compact EIP-2098 form: `vs` is s with the recovery
    /// bit (v - 27) in its top bit.
    struct Signature {
        bytes32 r;
        bytes32 vs;
    }

    /// @notice What the oracle holds for one topic. A topic never set reads as all zeros.
    struct TopicState {
        int256 value;
        uint64 blockHeight;
        uint64 timestamp;
        uint64 lossBlockHeight;
    }

    /// @notice Why a signed update was not applied.
    enum SkipReason {
        /// The update's version (block height, then loss block height) is not above the stored one.
        NotNewer,
        /// The update's timestamp is more than `maxAge` before the block time.
        TooOld,
        /// The update's timestamp is more than `maxFutureSkew` after the block time.
        TooFarInFuture,
        /// The topic has a verifier and the update came through `updateBatch`, without a proof.
        ProofRequired,
        /// The topic's verifier rejected the proof (returned false, reverted or answered garbage).
        ProofRejected
    }

    /// @notice A topic's stored value was replaced by a signed update. `state` is the word
    /// the oracle now stores for the topic, one word so the event stays cheap:
    /// bits 0-159 the value (int160, two's complement, 18 decimals), bits 160-191 the
    /// timestamp, bits 192-223 the Allora loss block height, bits 224-255 the Allora block
    /// height. `decodeState` unpacks it.
    /// @param topicId The Allora topic.
    /// @param state The packed word now stored.
    event TopicUpdated(uint64 indexed topicId, uint256 state);

    /// @notice A signed update was not applied; the stored heights are the topic's current version.
    /// @param topicId The Allora topic.
    /// @param blockHeight Allora block height of the skipped update.
    /// @param lossBlockHeight Allora loss block height of the skipped update.
    /// @param storedBlockHeight Allora block height the oracle holds for the topic.
    /// @param storedLossBlockHeight Allora loss block height the oracle holds for the topic.
    /// @param reason Why the update was skipped.
    event UpdateSkipped(
        uint64 indexed topicId,
        uint64 blockHeight,
        uint64 lossBlockHeight,
        uint64 storedBlockHeight,
        uint64 storedLossBlockHeight,
        SkipReason reason
    );

    /// @notice The signer set and threshold were replaced.
    /// @param signers The new signers, ascending.
    /// @param threshold Signatures a batch now needs.
    event SignersUpdated(address[] signers, uint8 threshold);

    /// @notice The time bounds updates are checked against were changed.
    /// @param maxAge Seconds an update's timestamp may lie before the block time.
    /// @param maxFutureSkew Seconds an update's timestamp may lie after the block time.
    event TimeBoundsUpdated(uint64 maxAge, uint64 maxFutureSkew);

    /// @notice Updates were paused by `account`.
    /// @param account The owner that paused.
    event Paused(address account);

    /// @notice Updates were resumed by `account`.
    /// @param account The owner that resumed.
    event Unpaused(address account);

    /// @notice Someone paid `amount` (possibly zero) for a fresh update of a topic.
    /// @param topicId The Allora topic.
    /// @param requester Who asked.
    /// @param amount Wei paid.
    event UpdateRequested(uint64 indexed topicId, address indexed requester, uint256 amount);

    /// @notice The address fees are withdrawn to changed.
    /// @param previousTreasury The former address.
    /// @param newTreasury The new address.
    event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury);

    /// @notice The collected fees were sent to the treasury.
    /// @param treasury Where they went.
    /// @param amount Wei sent.
    event FeesWithdrawn(address indexed treasury, uint256 amount);

    /// @notice A topic's verifier was set; the zero address removes it.
    /// @param topicId The Allora topic.
    /// @param verifier The verifier, or the zero address.
    event VerifierUpdated(uint64 indexed topicId, address verifier);

    /// @notice A topic's round history was switched on or off.
    /// @param topicId The Allora topic.
    /// @param enabled Whether rounds are now recorded.
    event HistoryUpdated(uint64 indexed topicId, bool enabled);

    /// @notice A batch carried no update.
    error EmptyBatch();

    /// @notice A batch carried fewer signatures than the threshold.
    error ThresholdNotMet(uint256 provided, uint8 threshold);

    /// @notice Signatures must be ordered by recovered signer, strictly ascending; `signer`
    /// came after `previous`. Equal addresses mean one signer was counted twice.
    error SignaturesNotAscending(address previous, address signer);

    /// @notice A signature recovered to an address that is not a registered signer.
    error UnknownSigner(address signer);

    /// @notice A signature's s is in the upper half of the curve order: the malleable twin
    /// of a valid signature, never accepted.
    error SignatureMalleable(bytes32 s);

    /// @notice A signature recovers to no address (r or s out of range).
    error InvalidSignature(uint256 index);

    /// @notice Update `index` of the batch does not fit the topic's slot: its value is
    /// outside int160, or a height or its timestamp outside uint32.
    error UpdateOutOfRange(uint256 index, uint64 topicId, int256 value, uint64 blockHeight, uint64 lossBlockHeight);

    /// @notice `updateBatchWithProofs` needs exactly one proof per update.
    error ProofCountMismatch(uint256 updates, uint256 proofs);

    /// @notice `latest` was asked for a topic that was never set.
    error NoData(uint64 topicId);

    /// @notice `getRound` was asked for a round the oracle does not keep.
    error RoundNotAvailable(uint64 topicId, uint80 roundId);

    /// @notice A signer set must hold between 1 and `MAX_SIGNERS` addresses.
    error InvalidSignerCount(uint256 count);

    /// @notice The zero address cannot be a signer.
    error ZeroAddressSigner();

    /// @notice A signer set must be sorted strictly ascending; `signer` came after `previous`.
    error SignersNotAscending(address previous, address signer);

    /// @notice The threshold must be between 1 and the number of signers.
    error InvalidThreshold(uint8 threshold, uint256 signerCount);

    /// @notice Both time bounds must be non-zero and fit uint32.
    error InvalidTimeBounds(uint64 maxAge, uint64 maxFutureSkew);

    /// @notice The oracle is paused.
    error EnforcedPause();

    /// @notice The oracle is not paused.
    error ExpectedPause();

    /// @notice The owner cannot renounce: the oracle would lose signer rotation for good.
    error RenounceOwnershipDisabled();

    /// @notice The treasury cannot be the zero address.
    error ZeroAddressTreasury();

    /// @notice Fees cannot be withdrawn before a treasury is set.
    error TreasuryNotSet();

    /// @notice `requestUpdate` for a topic the oracle has never held: no relayer serves it,
    /// so the payment is refused rather than kept.
    /// @param topicId The topic.
    error UnknownTopic(uint64 topicId);

    /// @notice Too little gas left to give a topic's verifier its full stipend; send the
    /// batch with more gas.
    /// @param topicId The topic whose verifier was to be called.
    /// @param gasLeft Gas left before the call.
    /// @param needed Gas the call needs at least.
    error InsufficientGasForVerifier(uint64 topicId, uint256 gasLeft, uint256 needed);

    /// @notice There are no fees to withdraw.
    error NoFees();

    /// @notice The treasury refused the fees.
    error FeeTransferFailed(address treasury, uint256 amount);

    /// @notice EIP-712 type hash of `Update`.
    /// @return The constant.
    function UPDATE_TYPEHASH() external view returns (bytes32); // solhint-disable-line func-name-mixedcase

    /// @notice EIP-712 type hash of `Batch`, the signed message: the update list of one call.
    /// @return The constant.
    function BATCH_TYPEHASH() external view returns (bytes32); // solhint-disable-line func-name-mixedcase

    /// @notice Most signers the set may hold.
    /// @return The constant.
    function MAX_SIGNERS() external view returns (uint256); // solhint-disable-line func-name-mixedcase

    /// @notice Rounds a topic with history keeps for `getRound`.
    /// @return The constant.
    function HISTORY_SIZE() external view returns (uint256); // solhint-disable-line func-name-mixedcase

    /// @notice Gas a topic's verifier is given for one `verify` call.
    /// @return The constant.
    function VERIFIER_GAS() external view returns (uint256); // solhint-disable-line func-name-mixedcase

    /// @notice Applies a batch of signed updates.
    /// @dev Reverts unless the oracle is not paused, the batch is not empty, and there are
    /// at least `threshold` signatures, each a low-s EIP-2098 signature of
    /// `hashBatch(updates)` by a registered signer, ordered by signer address strictly
    /// ascending, and unless every update fits the slot (`UpdateOutOfRange`). Updates whose version is not newer than the stored one, out of
    /// the time bounds, or for a topic with a verifier are skipped with `UpdateSkipped`.
    /// @param updates The signed updates, applied in order.
    /// @param signatures One signature of the batch digest per signer.
    /// @return applied Number of updates stored.
    function updateBatch(Update[] calldata updates, Signature[] calldata signatures) external returns (uint256 applied);

    /// @notice Applies a batch of signed updates, with a proof per update for the topics
    /// that have a verifier.
    /// @dev As `updateBatch`; in addition, an update of a topic with a verifier is applied
    /// only if `verifier.verify(topicId, value, blockHeight, timestamp, proofs[i])` returns
    /// true (the verifier's interface is unchanged: the proof speaks for the inference
    /// height's value, and the signatures for its version), and skipped with `ProofRejected` otherwise. Proofs of topics without a
    /// verifier are ignored (pass empty bytes). Proofs are not signed: a verifier checks
    /// them on its own terms.
    /// @param updates The signed updates, applied in order.
    /// @param signatures One signature of the batch digest per signer.
    /// @param proofs One proof per update, in the same order.
    /// @return applied Number of updates stored.
    function updateBatchWithProofs(Update[] calldata updates, Signature[] calldata signatures, bytes[] calldata proofs) external returns (uint256 applied);

    /// @notice Asks the gateway for a fresh update of a topic, paying what you want
    /// (zero included). Relayers serve requests in order of payment.
    /// @param topicId The Allora topic.
    function requestUpdate(uint64 topicId) external payable;

    /// @notice The EIP-712 digest signers sign for a batch: `_hashTypedDataV4` of the
    /// `Batch` struct hash, as `eth_signTypedData_v4` computes it.
    /// @param updates The batch's updates.
    /// @return The digest.
    function hashBatch(Update[] calldata updates) external view returns (bytes32);

    /// @notice The EIP-712 domain separator: name "AlloraOracle", version "1", this chain's
    /// id and this contract's address.
    /// @return The domain separator.
    /// @dev Upper case as EIP-2612 and the tools that read EIP-712 domains expect it.
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice The latest stored inference of a topic. Reverts `NoData` if never set.
    /// @param topicId The Allora topic.
    /// @return value The value, fixed point with `decimals` decimals.
    /// @return decimals Always 18.
    /// @return timestamp Unix time of the Allora block that produced the inference.
    /// @return blockHeight Allora block height of the inference.
    function latest(uint64 topicId) external view returns (int256 value, uint8 decimals, uint64 timestamp, uint64 blockHeight);

    /// @notice The version of a topic's stored inference: its Allora block height and loss
    /// block height, both zero if never set. A revision of the same block height shows as a
    /// higher loss block height.
    /// @param topicId The Allora topic.
    /// @return blockHeight Allora block height of the inference.
    /// @return lossBlockHeight Allora loss block height of the inference.
    function latestVersion(uint64 topicId) external view returns (uint64 blockHeight, uint64 lossBlockHeight);

    /// @notice Unpacks the `state` word of a `TopicUpdated` event.
    /// @param state The word.
    /// @return value The value, 18 decimals.
    /// @return timestamp Unix time of the inference.
    /// @return blockHeight Allora block height of the inference.
    /// @return lossBlockHeight Allora loss block height of the inference.
    function decodeState(uint256 state) external pure returns (int256 value, uint64 timestamp, uint64 blockHeight, uint64 lossBlockHeight);

    /// @notice The stored state of several topics; all zeros for a topic never set.
    /// @param topicIds The Allora topics.
    /// @return states One state per topic id, in the same order.
    function topicStates(uint64[] calldata topicIds) external view returns (TopicState[] memory states);

    /// @notice The latest round of a topic, for AggregatorV3 feeds. Round ids are
    /// `phase << 64 | n`, as Chainlink's proxies number theirs. A topic starts in phase 0
    /// and every `setHistory` switch starts the next phase, so ids only increase. While
    /// history is on (odd phases) n counts the recorded rounds: every stored update,
    /// revisions included, is the next id, and `getRound(topicId, latest - k)` answers for
    /// each of the last `HISTORY_SIZE` rounds of the phase. While history is off (even
    /// phases) n is the Allora block height: only the latest round is kept, and a revision
    /// of the same height keeps its id with the revised answer.
    /// Reverts `NoData` if never set.
    /// @param topicId The Allora topic.
    /// @return roundId The round id.
    /// @return value The value, 18 decimals.
    /// @return timestamp Unix time of the inference.
    /// @return blockHeight Allora block height of the inference.
    function latestRound(uint64 topicId) external view returns (uint80 roundId, int256 value, uint64 timestamp, uint64 blockHeight);

    /// @notice A past or the latest round of a topic (ids as `latestRound` gives them).
    /// The latest round is always available; while history is on, so are the phase's
    /// last `HISTORY_SIZE` rounds. Any other id, rounds of earlier phases included,
    /// reverts `RoundNotAvailable`.
    /// @param topicId The Allora topic.
    /// @param roundId A round id.
    /// @return value The value, 18 decimals.
    /// @return timestamp Unix time of the inference.
    /// @return blockHeight Allora block height of the inference.
    function getRound(uint64 topicId, uint80 roundId) external view returns (int256 value, uint64 timestamp, uint64 blockHeight);

    /// @notice The registered signers, ascending.
    /// @return The signer addresses.
    function signers() external view returns (address[] memory);

    /// @notice Number of signatures a batch needs.
    /// @return The threshold.
    function threshold() external view returns (uint8);

    /// @notice Whether an address is a registered signer.
    /// @param account The address.
    /// @return True if registered.
    function isSigner(address account) external view returns (bool);

    /// @notice Oldest accepted update, in seconds before the block time.
    /// @return The maximum age.
    function maxAge() external view returns (uint64);

    /// @notice Furthest accepted update, in seconds after the block time.
    /// @return The maximum future skew.
    function maxFutureSkew() external view returns (uint64);

    /// @notice Whether updates are paused.
    /// @return True if paused.
    function paused() external view returns (bool);

    /// @notice Where `withdrawFees` sends the collected fees; zero until set.
    /// @return The treasury address.
    function treasury() external view returns (address);

    /// @notice The verifier a topic's updates must pass; zero if none.
    /// @param topicId The Allora topic.
    /// @return The verifier.
    function verifierOf(uint64 topicId) external view returns (IUpdateVerifier);

    /// @notice Whether a topic records its rounds for `getRound`.
    /// @param topicId The Allora topic.
    /// @return True if history is on.
    function historyEnabled(uint64 topicId) external view returns (bool);
}
