// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";
import {IAlloraOracleReader} from "./interfaces/IAlloraOracleReader.sol";
import {IPredictionMarket} from "./interfaces/IPredictionMarket.sol";

/// @title PredictionMarket
/// @notice Rounds in the style of PancakeSwap Prediction, decided by an Allora prediction.
/// Every `intervalSeconds` a round opens for bets. When it opens, the contract records the
/// Allora topic's predicted price, so bettors see the AI's prediction before they bet;
/// when it locks, the contract records the lock price from the price feed, and the
/// prediction calls the move UP (above the lock price) or DOWN (below). Bettors back the AI
/// (`betWithAI`) or bet against it (`betAgainstAI`). One interval later the round closes at
/// the feed's price: if the realised move matches the AI's call, those who backed the AI
/// share the pool, otherwise those who bet against it do, in proportion to their stakes and
/// minus the treasury fee the round started with.
///
/// Nobody who executes a round chooses its prediction or its prices. A round's times are
/// fixed when it opens: its start (the reference time of its prediction), lock and close.
/// Rounds follow each other on that schedule (a round opens at its predecessor's lock time,
/// locks at its predecessor's close time) however late within the buffer they are
/// executed. The prediction is the oracle's round in force at the start: the latest one
/// whose timestamp is at or before it, found in the oracle's round history, and no older
/// than `maxPredictionAge` at that time; it is recorded with the round, and a round
/// without one takes no bets. The lock and close prices are the feed's rounds in force at
/// the lock and close times: the caller names the round (`priceRoundId`), and the market
/// checks that it was updated at or before that time and that the feed's next round, if
/// any, was updated after it; another round id reverts with `PriceRoundNotInForce`.
///
/// Rounds that cannot be decided fairly are voided and every bettor gets their whole stake
/// back, with no fee: a tie (close == lock), no call (prediction == lock price), a round
/// where one side has no bets, a missing or stale price or prediction, and a round nobody
/// executed in time (within `bufferSeconds` of its lock or close time). A round that was
/// due but not executed within its buffer is refundable from then on even before anyone
/// marks it void.
///
/// Execution is permissionless: anyone may call `genesisStart`, `genesisLock` and
/// `executeRound` once they are due. `executeRound` locks the current round, closes the
/// previous one and opens the next, as PancakePredictionV3 does. If it comes too late to
/// lock the current round, it voids the missed rounds and opens a new one, and the chain of
/// rounds restarts with `genesisLock`, so the market never needs the owner to recover.
///
/// Trust: the owner can pause betting and execution, change the fee (at most 10%, for
/// rounds that start afterwards), the minimum bet, the treasury address, and, while paused,
/// the interval, buffer and staleness bounds (within fixed limits, for rounds that start
/// afterwards where per-round values are kept). No function moves bettors' stakes anywhere
/// but back to the bettors: stakes leave the contract only through `claim`, to the bettor,
/// and fees only through `claimTreasury`, to the treasury address. Claims and refunds keep
/// working while paused, and rounds stranded by a pause become refundable once their
/// buffer passes.
///
/// Stakes are the native coin (`stakeToken == address(0)`) or one ERC-20 token. Tokens that
/// deliver less than the amount sent (fee on transfer) are rejected at bet time; rebasing
/// tokens are not supported.
///
/// Rounding: a winner receives `stake * (pool - fee) / winningPool`, rounded down. What the
/// rounding leaves, less than one base unit per winning bet, stays in the contract.
/// @author allora-gateway
contract PredictionMarket is IPredictionMarket, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev The state every lifecycle call touches, in one slot.
    struct State {
        uint64 currentEpoch;
        uint128 treasuryAmount;
        bool paused;
        bool genesisStarted;
        bool genesisLocked;
    }

    /// @dev The owner's parameters, in one slot.
    struct Config {
        uint32 intervalSeconds;
        uint32 bufferSeconds;
        uint16 treasuryFeeBps;
        uint32 maxPriceAge;
        uint32 maxPredictionAge;
        uint96 minBetAmount;
    }

    /// @notice Highest treasury fee: 10%.
    uint16 public constant MAX_TREASURY_FEE_BPS = 1000;
    /// @notice Shortest round interval.
    uint32 public constant MIN_INTERVAL_SECONDS = 60;
    /// @notice Longest round interval.
    uint32 public constant MAX_INTERVAL_SECONDS = 7 days;
    /// @notice Shortest buffer; the buffer must also be shorter than the interval.
    uint32 public constant MIN_BUFFER_SECONDS = 5;
    /// @notice Longest accepted staleness bound of the price and the prediction.
    uint32 public constant MAX_STALENESS_SECONDS = 7 days;
    /// @notice Largest single bet, so that pools cannot overflow their 128 bits.
    uint256 public constant MAX_BET_AMOUNT = type(uint112).max;
    /// @notice Decimals of the oracle's predictions (the AlloraOracle's).
    uint8 public constant PREDICTION_DECIMALS = 18;
    /// @notice Most oracle rounds the market walks back from the latest to find the one in
    /// force at a round's start; an older one counts as none.
    uint256 public constant MAX_PREDICTION_LOOKBACK = 8;

    // Gas a failed feed or oracle read must leave, as a share of what it was given (1/64,
    // EIP-150): less means it ran out of gas, and the caller's gas limit, not the feed or
    // the oracle, failed it.
    uint256 private constant OUT_OF_GAS_SHARE = 64;

    /// @notice Where the AI's prediction comes from.
    /// @dev camelCase, not SNAKE_CASE: the getter `oracle()` is part of the market's ABI.
    IAlloraOracleReader public immutable oracle; // solhint-disable-line immutable-vars-naming
    /// @notice The Allora topic whose prediction decides the rounds.
    /// @dev camelCase, not SNAKE_CASE: the getter `topicId()` is part of the market's ABI.
    uint64 public immutable topicId; // solhint-disable-line immutable-vars-naming
    /// @notice Where lock and close prices come from.
    /// @dev camelCase, not SNAKE_CASE: the getter `priceFeed()` is part of the market's ABI.
    AggregatorV3Interface public immutable priceFeed; // solhint-disable-line immutable-vars-naming
    IERC20 private immutable _stakeToken; // solhint-disable-line immutable-vars-naming
    /// @notice Decimals of the price feed, read once at deployment.
    /// @dev camelCase, not SNAKE_CASE: the getter `priceDecimals()` is part of the market's ABI.
    uint8 public immutable priceDecimals; // solhint-disable-line immutable-vars-naming

    State private _state;
    Config private _config;
    /// @notice Receives the treasury fees.
    address public treasury;

    mapping(uint256 epoch => Round) private _rounds;
    mapping(uint256 epoch => mapping(address account => Bet)) private _ledger;

    /// @notice Creates the market; the first round opens with `genesisStart`.
    /// @param oracle_ The AlloraOracle (or anything with its `latestRound` and `getRound`
    /// reads); its topic should keep history, so that the round in force at a round's start
    /// can be read after a newer one arrived.
    /// @param topicId_ The Allora topic whose prediction decides the rounds.
    /// @param priceFeed_ The price feed of the same asset.
    /// @param stakeToken_ The ERC-20 token bets are made in; address(0) for the native coin.
    /// @param intervalSeconds_ Length of a round's betting and of its running phase.
    /// @param bufferSeconds_ How late a round may be locked or closed; then it is voided.
    /// @param treasuryFeeBps_ Fee of the pool of decided rounds, in basis points, at most 1000.
    /// @param minBetAmount_ Smallest bet.
    /// @param maxPriceAge_ Oldest feed answer (updatedAt) accepted, in seconds.
    /// @param maxPredictionAge_ Oldest Allora prediction accepted, in seconds.
    /// @param owner_ Holds the bounded admin levers.
    /// @param treasury_ Receives the fees.
    constructor(
        IAlloraOracleReader oracle_,
        uint64 topicId_,
        AggregatorV3Interface priceFeed_,
        IERC20 stakeToken_,
        uint32 intervalSeconds_,
        uint32 bufferSeconds_,
        uint16 treasuryFeeBps_,
        uint256 minBetAmount_,
        uint32 maxPriceAge_,
        uint32 maxPredictionAge_,
        address owner_,
        address treasury_
    ) Ownable(owner_) {
        if (address(oracle_).code.length == 0) revert NotAContract(address(oracle_));
        if (address(priceFeed_).code.length == 0) revert NotAContract(address(priceFeed_));
        if (address(stakeToken_) != address(0) && address(stakeToken_).code.length == 0) {
            revert NotAContract(address(stakeToken_));
        }
        uint8 feedDecimals = priceFeed_.decimals();
        if (feedDecimals > 36) revert UnsupportedPriceDecimals(feedDecimals);
        oracle = oracle_;
        topicId = topicId_;
        priceFeed = priceFeed_;
        _stakeToken = stakeToken_;
        priceDecimals = feedDecimals;
        _setTiming(intervalSeconds_, bufferSeconds_);
        _setTreasuryFee(treasuryFeeBps_);
        _setMinBetAmount(minBetAmount_);
        _setMaxAges(maxPriceAge_, maxPredictionAge_);
        _setTreasury(treasury_);
    }

    // ------------------------------------------------------------------ round lifecycle

    /// @notice Opens the first round, with the prediction in force now. Anyone may call it
    /// once, when the oracle holds a prediction of the topic no older than
    /// `maxPredictionAge`; before, it reverts with `NoPrediction`.
    function genesisStart() external {
        State memory s = _state;
        if (s.paused) revert MarketPaused();
        if (s.genesisStarted) revert GenesisAlreadyStarted();
        s.genesisStarted = true;
        uint64 epoch = ++s.currentEpoch;
        Config memory c = _config;
        _start(epoch, c, block.timestamp, block.timestamp + c.intervalSeconds);
        if (_rounds[epoch].predictionTimestamp == 0) revert NoPrediction(epoch);
        _state = s;
    }

    /// @notice Locks the first round and opens the second. Anyone may call it from the
    /// first round's lock time. Called later than its buffer, it voids the round and opens
    /// a new one instead, and `genesisLock` is due again at that round's lock time.
    /// @param priceRoundId The price feed's round in force at the round's lock time; any
    /// value when the buffer has passed.
    function genesisLock(uint80 priceRoundId) external {
        State memory s = _state;
        if (s.paused) revert MarketPaused();
        if (!s.genesisStarted) revert GenesisNotStarted();
        if (s.genesisLocked) revert GenesisAlreadyLocked();
        _advance(s, false, priceRoundId);
    }

    /// @notice Locks the current round, closes the previous one and opens the next.
    /// Anyone may call it from the current round's lock time. Called later than the current
    /// round's buffer, it voids the rounds it can no longer lock or close, opens a new one,
    /// and the market continues with `genesisLock`.
    /// @param priceRoundId The price feed's round in force at the current round's lock
    /// time, which is also the previous round's close time; any value when the buffer has
    /// passed.
    function executeRound(uint80 priceRoundId) external {
        State memory s = _state;
        if (s.paused) revert MarketPaused();
        if (!s.genesisLocked) revert GenesisNotLocked();
        _advance(s, true, priceRoundId);
    }

    function _advance(State memory s, bool closePrevious, uint80 priceRoundId) private {
        uint256 epoch = s.currentEpoch;
        Round storage current = _rounds[epoch];
        uint256 lockTimestamp = current.lockTimestamp;
        if (block.timestamp < lockTimestamp) revert RoundNotDue(epoch, lockTimestamp);
        Config memory c = _config;
        bool lockMissed = block.timestamp > lockTimestamp + current.bufferSeconds;

        // The previous round closes at this round's lock time (it locked at this round's
        // start, and this round locks one interval later), so one feed round prices both.
        Round storage previous = _rounds[epoch - 1];
        bool closing = closePrevious && previous.status == Status.Locked
            && !(block.timestamp > uint256(previous.closeTimestamp) + previous.bufferSeconds);
        if (closePrevious && previous.status == Status.Locked && !closing) {
            _void(epoch - 1, previous, VoidReason.CloseMissed);
        }
        (bool priceOk, int128 price) = (false, 0);
        if (!lockMissed || closing) (priceOk, price) = _priceAt(lockTimestamp, priceRoundId, c.maxPriceAge);
        if (closing) _close(s, epoch - 1, previous, priceOk, priceRoundId, price);
        // forge-lint: disable-next-line(unsafe-typecast) one round per interval of 60 s or more
        s.currentEpoch = uint64(epoch + 1);
        if (lockMissed) {
            _void(epoch, current, VoidReason.LockMissed);
            s.genesisLocked = false;
            _start(epoch + 1, c, block.timestamp, block.timestamp + c.intervalSeconds);
        } else {
            _lock(epoch, current, priceOk, priceRoundId, price);
            s.genesisLocked = true;
            _start(epoch + 1, c, lockTimestamp, current.closeTimestamp);
        }
        _state = s;
    }

    /// @dev Opens round `epoch` on its schedule and records the prediction in force at its
    /// start.
    function _start(uint256 epoch, Config memory c, uint256 startTimestamp, uint256 lockTimestamp) private {
        Round storage r = _rounds[epoch];
        uint256 closeTimestamp = lockTimestamp + c.intervalSeconds;
        (bool ok, int128 prediction, uint64 predictionTimestamp, uint64 predictionHeight) =
            _predictionAt(startTimestamp, c.maxPredictionAge);
        // 40-bit timestamps last until the year 36812.
        // forge-lint: disable-next-line(unsafe-typecast) see above
        r.startTimestamp = uint40(startTimestamp);
        // forge-lint: disable-next-line(unsafe-typecast) see above
        r.lockTimestamp = uint40(lockTimestamp);
        // forge-lint: disable-next-line(unsafe-typecast) see above
        r.closeTimestamp = uint40(closeTimestamp);
        r.bufferSeconds = c.bufferSeconds;
        r.feeBps = c.treasuryFeeBps;
        r.status = Status.Open;
        if (ok) {
            // forge-lint: disable-next-line(unsafe-typecast) at or before the start, itself 40 bits
            r.predictionTimestamp = uint40(predictionTimestamp);
            r.aiPrediction = prediction;
        }
        emit RoundStarted(
            epoch, startTimestamp, lockTimestamp, closeTimestamp, prediction, predictionTimestamp, predictionHeight
        );
    }

    function _lock(uint256 epoch, Round storage r, bool priceOk, uint80 priceRoundId, int128 price) private {
        if (!priceOk) {
            emit RoundLocked(epoch, priceRoundId, 0, 0, AICall.None, Status.Void);
            _void(epoch, r, VoidReason.InvalidLockPrice);
            return;
        }
        r.lockPrice = price;
        if (r.predictionTimestamp == 0) {
            emit RoundLocked(epoch, priceRoundId, price, 0, AICall.None, Status.Void);
            _void(epoch, r, VoidReason.InvalidPrediction);
            return;
        }
        int128 prediction = r.aiPrediction;
        AICall call = _call(prediction, price);
        r.aiCall = call;
        if (call == AICall.None) {
            emit RoundLocked(epoch, priceRoundId, price, prediction, call, Status.Void);
            _void(epoch, r, VoidReason.NoAICall);
        } else if (r.withAIAmount == 0 || r.againstAIAmount == 0) {
            emit RoundLocked(epoch, priceRoundId, price, prediction, call, Status.Void);
            _void(epoch, r, VoidReason.OneSidedPool);
        } else {
            r.status = Status.Locked;
            emit RoundLocked(epoch, priceRoundId, price, prediction, call, Status.Locked);
        }
    }

    function _close(State memory s, uint256 epoch, Round storage r, bool priceOk, uint80 priceRoundId, int128 price)
        private
    {
        if (!priceOk) {
            _void(epoch, r, VoidReason.InvalidClosePrice);
            return;
        }
        r.closePrice = price;
        int128 lockPrice = r.lockPrice;
        if (price == lockPrice) {
            _void(epoch, r, VoidReason.Tie);
            return;
        }
        bool wentUp = price > lockPrice;
        Status outcome = (wentUp == (r.aiCall == AICall.Up)) ? Status.AIRight : Status.AIWrong;
        r.status = outcome;
        uint256 fee = _fee(r);
        // forge-lint: disable-next-line(unsafe-typecast) fee <= 10% of two 128-bit pools
        s.treasuryAmount += uint128(fee);
        emit RoundEnded(epoch, priceRoundId, price, outcome, fee);
    }

    function _void(uint256 epoch, Round storage r, VoidReason reason) private {
        r.status = Status.Void;
        r.voidReason = reason;
        emit RoundVoided(epoch, reason);
    }

    /// @dev The feed's round `roundId`, checked to be the one in force at `timestamp` (not
    /// later than the block's): updated at or before it, and the latest round or followed
    /// by one updated after it; any other round reverts with `PriceRoundNotInForce`. ok is
    /// false, and the round is voided, when the feed's latest round cannot be read or has
    /// no update time, or the round in force is not positive, does not fit 128 bits, or was
    /// more than maxAge seconds old at `timestamp`.
    function _priceAt(uint256 timestamp, uint80 roundId, uint32 maxAge) private view returns (bool ok, int128 price) {
        AggregatorV3Interface feed = priceFeed;
        uint256 gasBefore = gasleft();
        try feed.latestRoundData() returns (uint80 latestId, int256 answer, uint256, uint256 updatedAt, uint80) {
            if (roundId != latestId) {
                if (roundId > latestId) revert PriceRoundNotInForce(roundId, timestamp);
                uint256 nextUpdatedAt = updatedAt;
                if (roundId + 1 != latestId) (,,, nextUpdatedAt,) = feed.getRoundData(roundId + 1);
                if (!(nextUpdatedAt > timestamp)) revert PriceRoundNotInForce(roundId, timestamp);
                (, answer,, updatedAt,) = feed.getRoundData(roundId);
                if (updatedAt == 0) revert PriceRoundNotInForce(roundId, timestamp);
            }
            if (updatedAt > timestamp) revert PriceRoundNotInForce(roundId, timestamp);
            // A latest round never updated is a feed failure, as a revert is.
            if (updatedAt == 0 || answer < 1 || answer > type(int128).max || timestamp - updatedAt > maxAge) {
                return (false, 0);
            }
            // forge-lint: disable-next-line(unsafe-typecast) range checked above
            return (true, int128(answer));
        } catch {
            if (gasleft() < gasBefore / OUT_OF_GAS_SHARE) revert InsufficientGas();
            return (false, 0);
        }
    }

    /// @dev The topic's oracle round in force at `timestamp`: the latest whose timestamp is
    /// at or before it, walking back at most MAX_PREDICTION_LOOKBACK rounds from the
    /// latest. ok is false when the oracle reverts (a topic never set, a round not kept),
    /// no such round is found, its value does not fit 128 bits, or it was more than maxAge
    /// seconds old at `timestamp`.
    function _predictionAt(uint256 timestamp, uint32 maxAge)
        private
        view
        returns (bool ok, int128 value, uint64 predictionTimestamp, uint64 blockHeight)
    {
        uint256 gasBefore = gasleft();
        try oracle.latestRound(topicId) returns (uint80 roundId, int256 v, uint64 ts, uint64 height) {
            if (ts > timestamp) (ok, v, ts, height) = _predictionBefore(timestamp, roundId);
            else ok = true;
            if (!ok || v > type(int128).max || v < type(int128).min || timestamp - ts > maxAge) {
                return (false, 0, 0, 0);
            }
            // forge-lint: disable-next-line(unsafe-typecast) range checked above
            return (true, int128(v), ts, height);
        } catch {
            if (gasleft() < gasBefore / OUT_OF_GAS_SHARE) revert InsufficientGas();
            return (false, 0, 0, 0);
        }
    }

    /// @dev Walks back from oracle round `roundId` to the first stamped at or before
    /// `timestamp`, at most MAX_PREDICTION_LOOKBACK rounds; ok is false when none is found
    /// or a round is not kept.
    function _predictionBefore(uint256 timestamp, uint80 roundId)
        private
        view
        returns (bool ok, int256 value, uint64 ts, uint64 blockHeight)
    {
        for (uint256 i = 0; i < MAX_PREDICTION_LOOKBACK && roundId > 1; ++i) {
            --roundId;
            uint256 gasBefore = gasleft();
            try oracle.getRound(topicId, roundId) returns (int256 v, uint64 t, uint64 height) {
                if (t < timestamp + 1) return (t != 0, v, t, height);
            } catch {
                if (gasleft() < gasBefore / OUT_OF_GAS_SHARE) revert InsufficientGas();
                return (false, 0, 0, 0);
            }
        }
        return (false, 0, 0, 0);
    }

    /// @dev Compares the prediction with the lock price at the finer of their decimals.
    /// Both fit 128 bits and the scale is at most 10^36, so the products fit int256.
    function _call(int128 prediction, int128 lockPrice) private view returns (AICall) {
        int256 p = prediction;
        int256 lock = lockPrice;
        uint8 feedDecimals = priceDecimals;
        if (PREDICTION_DECIMALS > feedDecimals) {
            lock *= int256(10 ** (PREDICTION_DECIMALS - feedDecimals));
        } else if (feedDecimals > PREDICTION_DECIMALS) {
            p *= int256(10 ** (feedDecimals - PREDICTION_DECIMALS));
        }
        if (p > lock) return AICall.Up;
        if (p < lock) return AICall.Down;
        return AICall.None;
    }

    // ------------------------------------------------------------------ bets

    /// @notice Bets that the AI's call in round `epoch` will be right.
    /// @param epoch The open round (`currentEpoch`).
    /// @param amount The stake; for native stakes msg.value must equal it, for ERC-20 stakes
    /// msg.value must be zero and the market must be approved for `amount`.
    function betWithAI(uint256 epoch, uint256 amount) external payable {
        _bet(epoch, amount, Position.WithAI);
    }

    /// @notice Bets that the AI's call in round `epoch` will be wrong.
    /// @param epoch The open round (`currentEpoch`).
    /// @param amount The stake; as for `betWithAI`.
    function betAgainstAI(uint256 epoch, uint256 amount) external payable {
        _bet(epoch, amount, Position.AgainstAI);
    }

    function _bet(uint256 epoch, uint256 amount, Position position) private nonReentrant {
        if (_state.paused) revert MarketPaused();
        Round storage r = _rounds[epoch];
        if (r.status != Status.Open || !(block.timestamp < r.lockTimestamp)) revert RoundNotBettable(epoch);
        if (r.predictionTimestamp == 0) revert NoPrediction(epoch);
        uint256 minBet = _config.minBetAmount;
        if (amount < minBet) revert BetTooSmall(amount, minBet);
        if (amount > MAX_BET_AMOUNT) revert BetTooLarge(amount, MAX_BET_AMOUNT);
        Bet storage b = _ledger[epoch][msg.sender];
        if (b.amount != 0) revert AlreadyBet(epoch, msg.sender);

        // forge-lint: disable-next-line(unsafe-typecast) amount <= MAX_BET_AMOUNT, checked above
        uint128 stake = uint128(amount);
        b.amount = stake;
        b.position = position;
        if (position == Position.WithAI) {
            r.withAIAmount += stake;
        } else {
            r.againstAIAmount += stake;
        }
        emit BetPlaced(msg.sender, epoch, position, amount);

        IERC20 token = _stakeToken;
        if (address(token) == address(0)) {
            if (msg.value != amount) revert WrongValue(msg.value, amount);
        } else {
            if (msg.value != 0) revert WrongValue(msg.value, 0);
            uint256 before = token.balanceOf(address(this));
            token.safeTransferFrom(msg.sender, address(this), amount);
            uint256 received = token.balanceOf(address(this)) - before;
            if (received != amount) revert TransferAmountMismatch(amount, received);
        }
    }

    // ------------------------------------------------------------------ claims

    /// @notice Pays out the caller's winnings and refunds in the given rounds, in one
    /// transfer. Reverts if any round has nothing for the caller or was already claimed.
    /// Works while paused.
    /// @param epochs The rounds; each at most once.
    function claim(uint256[] calldata epochs) external nonReentrant {
        if (epochs.length == 0) revert NoEpochs();
        uint256 total;
        for (uint256 i = 0; i < epochs.length; ++i) {
            uint256 epoch = epochs[i];
            Bet storage b = _ledger[epoch][msg.sender];
            if (b.claimed) revert AlreadyClaimed(epoch, msg.sender);
            (uint256 amount, bool refund) = _entitlement(_rounds[epoch], b);
            if (amount == 0) revert NotClaimable(epoch, msg.sender);
            b.claimed = true;
            total += amount;
            if (refund) {
                emit Refunded(msg.sender, epoch, amount);
            } else {
                emit Claimed(msg.sender, epoch, amount);
            }
        }
        _send(msg.sender, total);
    }

    /// @notice Sends the accrued fees to the treasury address. Anyone may call it: the fees
    /// can only go to `treasury`.
    function claimTreasury() external nonReentrant {
        uint256 amount = _state.treasuryAmount;
        if (amount == 0) revert NothingToClaim();
        _state.treasuryAmount = 0;
        address to = treasury;
        emit TreasuryClaimed(to, amount);
        _send(to, amount);
    }

    /// @dev What the bet is owed now: the payout of a winning bet, or the stake of a bet in a
    /// void round or in a round whose buffer passed without it being locked or closed.
    /// Zero for no bet, a losing bet, a claimed bet or an undecided round.
    function _entitlement(Round storage r, Bet storage b) private view returns (uint256 amount, bool refund) {
        amount = b.amount;
        if (amount == 0 || b.claimed) return (0, false);
        Status status = r.status;
        if (status == Status.AIRight || status == Status.AIWrong) {
            bool withAIWon = status == Status.AIRight;
            if ((b.position == Position.WithAI) != withAIWon) return (0, false);
            uint256 withAI = r.withAIAmount;
            uint256 againstAI = r.againstAIAmount;
            uint256 pool = withAI + againstAI;
            uint256 fee = pool * r.feeBps / 10_000;
            return (amount * (pool - fee) / (withAIWon ? withAI : againstAI), false);
        }
        if (
            status == Status.Void
                || (status == Status.Open && block.timestamp > uint256(r.lockTimestamp) + r.bufferSeconds)
                || (status == Status.Locked && block.timestamp > uint256(r.closeTimestamp) + r.bufferSeconds)
        ) {
            return (amount, true);
        }
        return (0, false);
    }

    function _fee(Round storage r) private view returns (uint256) {
        return (uint256(r.withAIAmount) + r.againstAIAmount) * r.feeBps / 10_000;
    }

    function _send(address to, uint256 amount) private {
        IERC20 token = _stakeToken;
        if (address(token) == address(0)) {
            (bool ok,) = to.call{value: amount}("");
            if (!ok) revert NativeTransferFailed(to, amount);
        } else {
            token.safeTransfer(to, amount);
        }
    }

    // ------------------------------------------------------------------ owner levers

    /// @notice Stops bets and round execution. Claims and refunds keep working; rounds that
    /// cannot be executed become refundable once their buffer passes. Only the owner.
    function pause() external onlyOwner {
        if (_state.paused) revert MarketPaused();
        _state.paused = true;
        emit Paused(msg.sender);
    }

    /// @notice Resumes bets and execution. If rounds were missed meanwhile, the next
    /// `executeRound` or `genesisLock` voids them and restarts the chain. Only the owner.
    function unpause() external onlyOwner {
        if (!_state.paused) revert MarketNotPaused();
        _state.paused = false;
        emit Unpaused(msg.sender);
    }

    /// @notice Disabled: a market without owner could never be unpaused, nor its
    /// treasury or timing changed again. Hand it over with `transferOwnership` instead.
    function renounceOwnership() public pure override {
        revert RenounceOwnershipDisabled();
    }

    /// @notice Sets the treasury fee of rounds that start from now on. Only the owner.
    /// @param feeBps Basis points, at most MAX_TREASURY_FEE_BPS (10%).
    function setTreasuryFee(uint16 feeBps) external onlyOwner {
        _setTreasuryFee(feeBps);
    }

    /// @notice Sets the smallest bet. Only the owner.
    /// @param amount Non-zero, at most 2^96 - 1.
    function setMinBetAmount(uint256 amount) external onlyOwner {
        _setMinBetAmount(amount);
    }

    /// @notice Sets the interval and buffer of rounds that start from now on. Only the
    /// owner, only while paused.
    /// @param intervalSeconds_ Within [MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS].
    /// @param bufferSeconds_ At least MIN_BUFFER_SECONDS and shorter than the interval.
    function setTiming(uint32 intervalSeconds_, uint32 bufferSeconds_) external onlyOwner {
        if (!_state.paused) revert MarketNotPaused();
        _setTiming(intervalSeconds_, bufferSeconds_);
    }

    /// @notice Sets how old the feed's answer and the AI's prediction may be. Only the
    /// owner, only while paused.
    /// @param maxPriceAge_ Seconds, 1 to MAX_STALENESS_SECONDS.
    /// @param maxPredictionAge_ Seconds, 1 to MAX_STALENESS_SECONDS.
    function setMaxAges(uint32 maxPriceAge_, uint32 maxPredictionAge_) external onlyOwner {
        if (!_state.paused) revert MarketNotPaused();
        _setMaxAges(maxPriceAge_, maxPredictionAge_);
    }

    /// @notice Sets where treasury fees go. Only the owner.
    /// @param treasury_ Non-zero.
    function setTreasury(address treasury_) external onlyOwner {
        _setTreasury(treasury_);
    }

    function _setTreasuryFee(uint16 feeBps) private {
        if (feeBps > MAX_TREASURY_FEE_BPS) revert FeeTooHigh(feeBps, MAX_TREASURY_FEE_BPS);
        _config.treasuryFeeBps = feeBps;
        emit TreasuryFeeUpdated(feeBps);
    }

    function _setMinBetAmount(uint256 amount) private {
        if (amount == 0 || amount > type(uint96).max) revert InvalidMinBetAmount(amount);
        // forge-lint: disable-next-line(unsafe-typecast) range checked above
        _config.minBetAmount = uint96(amount);
        emit MinBetAmountUpdated(amount);
    }

    function _setTiming(uint32 intervalSeconds_, uint32 bufferSeconds_) private {
        if (intervalSeconds_ < MIN_INTERVAL_SECONDS || intervalSeconds_ > MAX_INTERVAL_SECONDS) {
            revert InvalidInterval(intervalSeconds_);
        }
        if (bufferSeconds_ < MIN_BUFFER_SECONDS || !(bufferSeconds_ < intervalSeconds_)) {
            revert InvalidBuffer(bufferSeconds_, intervalSeconds_);
        }
        _config.intervalSeconds = intervalSeconds_;
        _config.bufferSeconds = bufferSeconds_;
        emit TimingUpdated(intervalSeconds_, bufferSeconds_);
    }

    function _setMaxAges(uint32 maxPriceAge_, uint32 maxPredictionAge_) private {
        if (
            maxPriceAge_ == 0 || maxPriceAge_ > MAX_STALENESS_SECONDS || maxPredictionAge_ == 0
                || maxPredictionAge_ > MAX_STALENESS_SECONDS
        ) {
            revert InvalidMaxAge(maxPriceAge_, maxPredictionAge_);
        }
        _config.maxPriceAge = maxPriceAge_;
        _config.maxPredictionAge = maxPredictionAge_;
        emit MaxAgesUpdated(maxPriceAge_, maxPredictionAge_);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert ZeroAddress();
        treasury = treasury_;
        emit TreasuryUpdated(treasury_);
    }

    // ------------------------------------------------------------------ views

    /// @notice A round; all zeros for a round never started.
    /// @param epoch The round.
    /// @return The round.
    function rounds(uint256 epoch) external view returns (Round memory) {
        return _rounds[epoch];
    }

    /// @notice An address's bet in a round; zero amount for none.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return The bet.
    function ledger(uint256 epoch, address account) external view returns (Bet memory) {
        return _ledger[epoch][account];
    }

    /// @notice What `claim([epoch])` would pay the account now: a win or a refund, or zero.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return amount The amount.
    function payout(uint256 epoch, address account) external view returns (uint256 amount) {
        (amount,) = _entitlement(_rounds[epoch], _ledger[epoch][account]);
    }

    /// @notice Whether the account won round `epoch` and has not claimed yet.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return True if there are winnings to claim.
    function claimable(uint256 epoch, address account) external view returns (bool) {
        (uint256 amount, bool refund) = _entitlement(_rounds[epoch], _ledger[epoch][account]);
        return amount != 0 && !refund;
    }

    /// @notice Whether the account can take its stake back from round `epoch`: the round was
    /// voided, or its buffer passed before it was locked or closed.
    /// @param epoch The round.
    /// @param account The bettor.
    /// @return True if there is a stake to refund.
    function refundable(uint256 epoch, address account) external view returns (bool) {
        (uint256 amount, bool refund) = _entitlement(_rounds[epoch], _ledger[epoch][account]);
        return amount != 0 && refund;
    }

    /// @notice The round open for bets, or the latest started.
    /// @return The epoch; 0 before genesis.
    function currentEpoch() external view returns (uint256) {
        return _state.currentEpoch;
    }

    /// @notice Fees of decided rounds not yet sent to the treasury.
    /// @return The amount.
    function treasuryAmount() external view returns (uint256) {
        return _state.treasuryAmount;
    }

    /// @notice Whether bets and execution are paused.
    /// @return True if paused.
    function paused() external view returns (bool) {
        return _state.paused;
    }

    /// @notice Whether `genesisStart` was called.
    /// @return True once started.
    function genesisStarted() external view returns (bool) {
        return _state.genesisStarted;
    }

    /// @notice Whether the chain of rounds is running (`executeRound` is the next call), as
    /// opposed to waiting for `genesisLock`.
    /// @return True if locked.
    function genesisLocked() external view returns (bool) {
        return _state.genesisLocked;
    }

    /// @notice The round interval for rounds that start from now on.
    /// @return Seconds.
    function intervalSeconds() external view returns (uint256) {
        return _config.intervalSeconds;
    }

    /// @notice The buffer for rounds that start from now on.
    /// @return Seconds.
    function bufferSeconds() external view returns (uint256) {
        return _config.bufferSeconds;
    }

    /// @notice The treasury fee for rounds that start from now on.
    /// @return Basis points.
    function treasuryFeeBps() external view returns (uint256) {
        return _config.treasuryFeeBps;
    }

    /// @notice The smallest bet.
    /// @return The amount.
    function minBetAmount() external view returns (uint256) {
        return _config.minBetAmount;
    }

    /// @notice Oldest feed answer accepted.
    /// @return Seconds.
    function maxPriceAge() external view returns (uint256) {
        return _config.maxPriceAge;
    }

    /// @notice Oldest Allora prediction accepted.
    /// @return Seconds.
    function maxPredictionAge() external view returns (uint256) {
        return _config.maxPredictionAge;
    }

    /// @notice The staked ERC-20 token; address(0) for the native coin.
    /// @return The token.
    function stakeToken() external view returns (address) {
        return address(_stakeToken);
    }
}
