// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {IAlloraOracleReader} from "./IAlloraOracleReader.sol";

/// @title IPredictionMarket
/// @author allora-gateway
/// @notice A PredictionMarket as a dApp uses it: its round and bet types, events, custom
/// errors, the bets and claims, the round lifecycle anyone may execute, and the reads.
/// Rounds open every `intervalSeconds`, take bets until their lock time, and close one
/// interval later; `betWithAI` backs the Allora prediction's call, `betAgainstAI` bets
/// against it, and `claim` pays out winnings and refunds of void rounds.
/// The owner's functions are left out.
interface IPredictionMarket {
    /// @notice The side of a bet.
    enum Position {
        WithAI,
        AgainstAI
    }

    /// @notice The AI's call at lock: whether its prediction lies above or below the lock price.
    enum AICall {
        None,
        Up,
        Down
    }

    /// @notice Where a round is in its life.
    enum Status {
        None, // never started
        Open, // started; takes bets until lockTimestamp
        Locked, // lock price and AI call recorded; closes at closeTimestamp
        AIRight, // closed, the AI's call was right: WithAI bettors win
        AIWrong, // closed, the AI's call was wrong: AgainstAI bettors win
        Void // every bettor is refunded; see VoidReason
    }

    /// @notice Why a round was voided.
    enum VoidReason {
        None,
        Tie, // close price equal to the lock price
        NoAICall, // the AI's prediction equal to the lock price
        OneSidedPool, // no bets on one side at lock
        InvalidLockPrice, // price feed failed, or its round at the lock time stale, non-positive or out of range
        InvalidPrediction, // no prediction in force at the round's start, or stale or out of range then
        InvalidClosePrice, // price feed failed, or its round at the close time stale, non-positive or out of range
        LockMissed, // not locked within bufferSeconds of lockTimestamp
        CloseMissed // not closed within bufferSeconds of closeTimestamp
    }

    /// @notice One round. Slot 0 is written when the round starts and updated at lock and
    /// close; slot 1 by bets; slot 2 when it starts (the prediction) and at lock; slot 3 at
    /// close.
    struct Round {
        uint40 startTimestamp; // when the round was due to open: the prediction's reference time
        uint40 lockTimestamp; // betting ends; the lock price is the feed's round in force then
        uint40 closeTimestamp; // the close price is the feed's round in force then
        uint40 predictionTimestamp; // the prediction's Allora timestamp; 0 when the round has none
        uint32 bufferSeconds; // this round's buffer, fixed when it starts
        uint16 feeBps; // this round's treasury fee, fixed when it starts
        Status status;
        AICall aiCall;
        VoidReason voidReason;
        uint128 withAIAmount;
        uint128 againstAIAmount;
        int128 lockPrice; // feed decimals
        int128 aiPrediction; // 18 decimals, recorded when the round starts
        int128 closePrice; // feed decimals
    }

    /// @notice One address's bet in one round.
    /// @dev Already one slot (128 + 8 + 8 bits); the linter does not size the enum.
    // solhint-disable-next-line gas-struct-packing
    struct Bet {
        uint128 amount;
        Position position;
        bool claimed;
    }

    /// @notice A round opened for bets, with the AI's prediction it will be decided on.
    /// @param epoch The round.
    /// @param startTimestamp When the round was due to open: the prediction's reference time.
    /// @param lockTimestamp When betting ends and the round locks.
    /// @param closeTimestamp When the round closes.
    /// @param aiPrediction The topic's prediction in force at `startTimestamp`, 18 decimals;
    /// 0 when there is none (the round takes no bets and is voided at lock).
    /// @param predictionTimestamp The prediction's Allora timestamp; 0 when there is none.
    /// @param predictionBlockHeight The prediction's Allora block height; 0 when there is none.
    event RoundStarted(
        uint256 indexed epoch,
        uint256 startTimestamp,
        uint256 lockTimestamp,
        uint256 closeTimestamp,
        int256 aiPrediction,
        uint256 predictionTimestamp,
        uint64 predictionBlockHeight
    );
    /// @notice A round locked with its lock price and the AI's call; `status` is Locked,
    /// or Void when the round cannot be decided (a RoundVoided event follows).
    /// @param epoch The round.
    /// @param priceRoundId The price feed round in force at the lock time.
    /// @param lockPrice The lock price, feed decimals; 0 if none was read.
    /// @param aiPrediction The prediction recorded when the round started, 18 decimals.
    /// @param aiCall The AI's call.
    /// @param status Locked or Void.
    event RoundLocked(
        uint256 indexed epoch, uint80 priceRoundId, int256 lockPrice, int256 aiPrediction, AICall aiCall, Status status
    );
    /// @notice A round closed with a winner; `treasuryFee` went to the treasury.
    /// @param epoch The round.
    /// @param priceRoundId The price feed round in force at the close time.
    /// @param closePrice The close price, feed decimals.
    /// @param status AIRight or AIWrong.
    /// @param treasuryFee The fee taken from the pool.
    event RoundEnded(uint256 indexed epoch, uint80 priceRoundId, int256 closePrice, Status status, uint256 treasuryFee);
    /// @notice A round was voided: every bettor may take their stake back.
    /// @param epoch The round.
    /// @param reason Why.
    event RoundVoided(uint256 indexed epoch, VoidReason reason);
    /// @notice A bet was placed.
    /// @param account The bettor.
    /// @param epoch The round.
    /// @param position The side.
    /// @param amount The stake.
    event BetPlaced(address indexed account, uint256 indexed epoch, Position position, uint256 amount);
    /// @notice A winner took their payout.
    /// @param account The winner.
    /// @param epoch The round.
    /// @param amount The payout.
    event Claimed(address indexed account, uint256 indexed epoch, uint256 amount);
    /// @notice A bettor took their stake back from a void or expired round.
    /// @param account The bettor.
    /// @param epoch The round.
    /// @param amount The stake returned.
    event Refunded(address indexed account, uint256 indexed epoch, uint256 amount);
    /// @notice Accrued fees were sent to the treasury.
    /// @param treasury Where they went.
    /// @param amount The fees sent.
    event TreasuryClaimed(address indexed treasury, uint256 amount);
    /// @notice The market was paused.
    /// @param account The owner that paused.
    event Paused(address account);
    /// @notice The market was unpaused.
    /// @param account The owner that unpaused.
    event Unpaused(address account);
    /// @notice The treasury fee for rounds that start from now on changed.
    /// @param feeBps The fee, in basis points.
    event TreasuryFeeUpdated(uint16 feeBps);
    /// @notice The minimum bet changed.
    /// @param minBetAmount The smallest bet.
    event MinBetAmountUpdated(uint256 minBetAmount);
    /// @notice The interval and buffer for rounds that start from now on changed.
    /// @param intervalSeconds Seconds from lock to close.
    /// @param bufferSeconds How late a lock or close may come.
    event TimingUpdated(uint32 intervalSeconds, uint32 bufferSeconds);
    /// @notice The staleness bounds of the price and the prediction changed.
    /// @param maxPriceAge Oldest feed answer accepted, in seconds.
    /// @param maxPredictionAge Oldest Allora prediction accepted, in seconds.
    event MaxAgesUpdated(uint32 maxPriceAge, uint32 maxPredictionAge);
    /// @notice The treasury address changed.
    /// @param treasury The new address.
    event TreasuryUpdated(address treasury);

    /// @notice An address argument was zero.
    error ZeroAddress();
    /// @notice The oracle, the feed or the stake token has no code.
    error NotAContract(address account);
    /// @notice The feed's decimals are above 36.
    error UnsupportedPriceDecimals(uint8 decimals);
    /// @notice The fee is above `MAX_TREASURY_FEE_BPS`.
    error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    /// @notice The interval is outside [MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS].
    error InvalidInterval(uint256 intervalSeconds);
    /// @notice The buffer is below MIN_BUFFER_SECONDS or not shorter than the interval.
    error InvalidBuffer(uint256 bufferSeconds, uint256 intervalSeconds);
    /// @notice The minimum bet is zero or does not fit 96 bits.
    error InvalidMinBetAmount(uint256 minBetAmount);
    /// @notice A staleness bound is zero or above MAX_STALENESS_SECONDS.
    error InvalidMaxAge(uint256 maxPriceAge, uint256 maxPredictionAge);
    /// @notice The call needs the market unpaused.
    error MarketPaused();
    /// @notice The call needs the market paused.
    error MarketNotPaused();
    /// @notice `genesisStart` was already called.
    error GenesisAlreadyStarted();
    /// @notice `genesisLock` needs `genesisStart` first.
    error GenesisNotStarted();
    /// @notice `genesisLock` was already called; use `executeRound`.
    error GenesisAlreadyLocked();
    /// @notice `executeRound` needs `genesisLock` first.
    error GenesisNotLocked();
    /// @notice The current round cannot be locked before its lock time.
    error RoundNotDue(uint256 epoch, uint256 lockTimestamp);
    /// @notice The round does not take bets: not open, or its lock time has come.
    error RoundNotBettable(uint256 epoch);
    /// @notice The round has no prediction to bet on (it is voided at lock), or, from
    /// `genesisStart`, the first round would have none.
    error NoPrediction(uint256 epoch);
    /// @notice `priceRoundId` is not the feed's round in force at `timestamp`: updated after
    /// it, not updated at all, or followed by a round updated at or before it.
    error PriceRoundNotInForce(uint80 priceRoundId, uint256 timestamp);
    /// @notice The call ran out of gas reading the feed or the oracle; send it with more.
    error InsufficientGas();
    /// @notice The bet is below the minimum.
    error BetTooSmall(uint256 amount, uint256 minBetAmount);
    /// @notice The bet is above MAX_BET_AMOUNT.
    error BetTooLarge(uint256 amount, uint256 maxBetAmount);
    /// @notice The address already bet in this round.
    error AlreadyBet(uint256 epoch, address account);
    /// @notice msg.value must equal the amount for native stakes and be zero for ERC-20 stakes.
    error WrongValue(uint256 value, uint256 expected);
    /// @notice The token delivered a different amount than transferred (fee on transfer).
    error TransferAmountMismatch(uint256 expected, uint256 received);
    /// @notice `claim` was given no epochs.
    error NoEpochs();
    /// @notice The address has nothing to claim or refund in this round (no bet, lost, or
    /// not decided yet).
    error NotClaimable(uint256 epoch, address account);
    /// @notice The address already claimed or was refunded in this round.
    error AlreadyClaimed(uint256 epoch, address account);
    /// @notice No treasury fees are waiting.
    error NothingToClaim();
    /// @notice Sending the native coin failed.
    error NativeTransferFailed(address to, uint256 amount);

    /// @notice The owner cannot renounce: a paused market would stay frozen for good.
    error RenounceOwnershipDisabled();

    // ------------------------------------------------------------------ rounds

    /// @notice Opens the first round; due once, when its prediction exists. Anyone may call it.
    function genesisStart() external;

    /// @notice Locks the first round at `priceRoundId`, the feed's round in force at its lock time,
    /// and opens the next. Anyone may call it once due.
    /// @param priceRoundId The feed's round in force at the lock time.
    function genesisLock(uint80 priceRoundId) external;

    /// @notice Locks the current round, closes the previous one and opens the next, all priced
    /// at `priceRoundId`, the feed's round in force at the current round's lock time. Anyone
    /// may call it once due.
    /// @param priceRoundId The feed's round in force at the lock time.
    function executeRound(uint80 priceRoundId) external;

    // ------------------------------------------------------------------ bets and claims

    /// @notice Bets that the AI's call in round `epoch` will be right.
    /// @param epoch The open round (`currentEpoch`).
    /// @param amount The stake; for native stakes msg.value must equal it, for ERC-20 stakes
    /// msg.value must be zero and the market must be approved for `amount`.
    function betWithAI(uint256 epoch, uint256 amount) external payable;

    /// @notice Bets that the AI's call in round `epoch` will be wrong.
    /// @param epoch The open round (`currentEpoch`).
    /// @param amount The stake; as for `betWithAI`.
    function betAgainstAI(uint256 epoch, uint256 amount) external payable;

    /// @notice Pays out the caller's winnings and refunds in the given rounds, in one
    /// transfer. Reverts if any round has nothing for the caller or was already claimed.
    /// Works while paused.
    /// @param epochs The rounds; each at most once.
    function claim(uint256[] calldata epochs) external;

    /// @notice Sends the accrued fees to the treasury address. Anyone may call it.
    function claimTreasury() external;

    // ------------------------------------------------------------------ views

    /// @notice A round; all zeros for a round never started.
    /// @param epoch The round.
    /// @return The round.
    function rounds(uint256 epoch) external view returns (Round memory);

    /// @notice An address's bet in a round; zero amount for none.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return The bet.
    function ledger(uint256 epoch, address account) external view returns (Bet memory);

    /// @notice What `claim([epoch])` would pay the account now: a win or a refund, or zero.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return amount The amount.
    function payout(uint256 epoch, address account) external view returns (uint256 amount);

    /// @notice Whether the account won round `epoch` and has not claimed yet.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return True if there are winnings to claim.
    function claimable(uint256 epoch, address account) external view returns (bool);

    /// @notice Whether the account can take its stake back from round `epoch`.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return True if there is a stake to refund.
    function refundable(uint256 epoch, address account) external view returns (bool);

    /// @notice The round open for bets, or the latest started.
    /// @return The epoch; 0 before genesis.
    function currentEpoch() external view returns (uint256);

    /// @notice Fees of decided rounds not yet sent to the treasury.
    /// @return The amount.
    function treasuryAmount() external view returns (uint256);

    /// @notice Whether bets and execution are paused.
    /// @return True if paused.
    function paused() external view returns (bool);

    /// @notice Whether `genesisStart` was called.
    /// @return True once started.
    function genesisStarted() external view returns (bool);

    /// @notice Whether the chain of rounds is running (`executeRound` is the next call).
    /// @return True if locked.
    function genesisLocked() external view returns (bool);

    /// @notice The round interval for rounds that start from now on.
    /// @return Seconds.
    function intervalSeconds() external view returns (uint256);

    /// @notice The buffer for rounds that start from now on.
    /// @return Seconds.
    function bufferSeconds() external view returns (uint256);

    /// @notice The treasury fee for rounds that start from now on.
    /// @return Basis points.
    function treasuryFeeBps() external view returns (uint256);

    /// @notice The smallest bet.
    /// @return The amount.
    function minBetAmount() external view returns (uint256);

    /// @notice Oldest feed answer accepted.
    /// @return Seconds.
    function maxPriceAge() external view returns (uint256);

    /// @notice Oldest Allora prediction accepted.
    /// @return Seconds.
    function maxPredictionAge() external view returns (uint256);

    /// @notice Largest single bet.
    /// @return The amount.
    function MAX_BET_AMOUNT() external view returns (uint256); // solhint-disable-line func-name-mixedcase

    /// @notice Decimals of the oracle's predictions.
    /// @return 18.
    function PREDICTION_DECIMALS() external view returns (uint8); // solhint-disable-line func-name-mixedcase

    /// @notice Where the AI's prediction comes from.
    /// @return The oracle.
    function oracle() external view returns (IAlloraOracleReader);

    /// @notice The Allora topic whose prediction decides the rounds.
    /// @return The topic.
    function topicId() external view returns (uint64);

    /// @notice Where lock and close prices come from.
    /// @return The feed.
    function priceFeed() external view returns (AggregatorV3Interface);

    /// @notice The staked ERC-20 token; address(0) for the native coin.
    /// @return The token.
    function stakeToken() external view returns (address);

    /// @notice Decimals of the price feed.
    /// @return The decimals.
    function priceDecimals() external view returns (uint8);

    /// @notice Receives the treasury fees.
    /// @return The address.
    function treasury() external view returns (address);
}
