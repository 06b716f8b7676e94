// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {PredictionMarket} from "../src/PredictionMarket.sol";
import {IPredictionMarket} from "../src/interfaces/IPredictionMarket.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {IAlloraOracleReader} from "../src/interfaces/IAlloraOracleReader.sol";
import {PredictionMarketFixture, _priceRoundAt} from "./PredictionMarket.t.sol";
import {vm} from "./Vm.sol";

/// A feed, or an oracle, that spends all the gas it is given.
contract GasGuzzler {
    function decimals() external pure returns (uint8) {
        return 8;
    }

    fallback() external {
        while (true) {}
    }
}

/// What whoever executes a round, or submits signed updates around it, could try in order
/// to decide bets already placed; each test shows the outcome does not move.
contract PredictionMarketAttacksTest is PredictionMarketFixture {
    function setUp() public {
        _setUpFixture();
    }

    /// Round 2 open with the AI's prediction of $3010 recorded at its start, bets on both
    /// sides; round 1 locked at $3000.
    function _openRoundTwo() internal {
        _startWith(3010 * Q);
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _bet(alice, 2, true, 1 ether);
        _bet(bob, 2, false, 1 ether);
    }

    function _status(uint256 epoch) internal view returns (uint256) {
        return uint256(market.rounds(epoch).status);
    }

    function test_Attack_ExecutorTiming_LockPriceIsTheRoundInForceAtLockTime() public {
        _openRoundTwo();
        uint256 lock = market.rounds(2).lockTimestamp;
        vm.warp(lock);
        feed.setAnswer(3000 * P); // in force at the lock time
        uint80 inForce = feed.latestRound();
        vm.warp(lock + 10);
        feed.setAnswer(3100 * P); // a move within the buffer

        uint256 snapshot = vm.snapshotState();
        market.executeRound(inForce); // on time would have read the same round
        IPredictionMarket.Round memory early = market.rounds(2);
        vm.revertToState(snapshot);

        vm.warp(lock + BUFFER);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.PriceRoundNotInForce.selector, inForce + 1, lock));
        market.executeRound(inForce + 1); // the price the executor would rather have
        market.executeRound(inForce);
        IPredictionMarket.Round memory late = market.rounds(2);
        vm.assertEq(int256(late.lockPrice), 3000 * P, "lock price as of the lock time");
        vm.assertEq(int256(late.lockPrice), int256(early.lockPrice), "same lock price however late");
        vm.assertEq(uint256(late.aiCall), uint256(early.aiCall), "same call");
        vm.assertEq(uint256(late.closeTimestamp), uint256(early.closeTimestamp), "same close time");
        vm.assertEq(uint256(market.rounds(3).lockTimestamp), late.closeTimestamp, "next round on the schedule");
        vm.assertEq(uint256(market.rounds(3).startTimestamp), lock, "next round's reference is this lock time");
    }

    function test_Attack_PullUpdateJustBeforeLock_PredictionUnchanged() public {
        _openRoundTwo();
        IPredictionMarket.Round memory open = market.rounds(2);
        vm.assertEq(int256(open.aiPrediction), 3010 * Q, "prediction recorded at the start");
        vm.assertEq(uint256(open.predictionTimestamp), open.startTimestamp, "in force at the start");

        uint256 lock = open.lockTimestamp;
        vm.warp(lock - 1);
        oracle.set(2900 * Q, uint64(block.timestamp)); // a newer signed update, DOWN
        oracle.set(2900 * Q, uint64(open.startTimestamp)); // one dated at the start, pushed late
        vm.warp(lock);
        feed.setAnswer(3000 * P);
        market.executeRound(_hint());

        IPredictionMarket.Round memory r = market.rounds(2);
        vm.assertEq(int256(r.aiPrediction), 3010 * Q, "prediction as recorded at the start");
        vm.assertEq(uint256(r.aiCall), uint256(IPredictionMarket.AICall.Up), "call unchanged");
        vm.assertEq(uint256(r.status), uint256(IPredictionMarket.Status.Locked), "locked");
    }

    function test_Attack_ClosePriceChosenWithinBuffer_Refused() public {
        _openRoundTwo();
        uint256 close = market.rounds(1).closeTimestamp;
        vm.assertEq(close, market.rounds(2).lockTimestamp, "round 1 closes when round 2 locks");
        vm.warp(close);
        feed.setAnswer(3005 * P); // up from $3000: the AI's UP call was right
        uint80 inForce = feed.latestRound();
        vm.warp(close + BUFFER / 2);
        feed.setAnswer(2990 * P); // down: what a bettor against the AI would pick
        vm.warp(close + BUFFER);

        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.PriceRoundNotInForce.selector, inForce + 1, close));
        market.executeRound(inForce + 1);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.PriceRoundNotInForce.selector, inForce - 1, close));
        market.executeRound(inForce - 1); // an older round, followed by one before the close
        market.executeRound(inForce);
        vm.assertEq(int256(market.rounds(1).closePrice), 3005 * P, "close price as of the close time");
        vm.assertEq(_status(1), uint256(IPredictionMarket.Status.AIRight), "AI right");
    }

    function test_Attack_VoidByFrontRunning_PredictionAgeJudgedAtStart() public {
        // The prediction is fresh at round 2's start and older than maxPredictionAge by its
        // lock: executing before the relayer's next push voided such a round.
        _startWith(3010 * Q);
        _warpToLock();
        feed.setAnswer(3000 * P);
        oracle.set(3010 * Q, uint64(block.timestamp - MAX_PREDICTION_AGE + 1));
        market.genesisLock(_hint());
        _bet(alice, 2, true, 1 ether);
        _bet(bob, 2, false, 1 ether);
        _warpToLock();
        feed.setAnswer(3000 * P);
        vm.assertGt(block.timestamp - market.rounds(2).predictionTimestamp, MAX_PREDICTION_AGE, "stale by lock");
        market.executeRound(_hint());
        vm.assertEq(_status(2), uint256(IPredictionMarket.Status.Locked), "decided, not voided");
    }

    function test_PredictionIsTheOneInForceAtStart_WalkingBack() public {
        uint256 start = block.timestamp;
        oracle.set(3020 * Q, uint64(start - 5)); // in force at the start
        oracle.set(2980 * Q, uint64(start + 3)); // stamped ahead, within the oracle's skew
        market.genesisStart();
        IPredictionMarket.Round memory r = market.rounds(1);
        vm.assertEq(int256(r.aiPrediction), 3020 * Q, "the latest at or before the start");
        vm.assertEq(uint256(r.predictionTimestamp), start - 5, "its timestamp");
    }

    function test_PredictionBeyondLookback_IsNone() public {
        uint256 start = block.timestamp;
        oracle.set(3020 * Q, uint64(start - 5));
        for (uint256 i = 0; i <= market.MAX_PREDICTION_LOOKBACK(); ++i) {
            oracle.set(2980 * Q, uint64(start + 1 + i));
        }
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NoPrediction.selector, 1));
        market.genesisStart(); // none found
    }

    function test_Error_PriceRoundNotInForce_UpdatedAfterOrUnknown() public {
        _startWith(3010 * Q);
        uint256 lock = market.rounds(1).lockTimestamp;
        vm.warp(lock + 1);
        feed.setAnswer(3000 * P); // updated after the lock time: the only candidate is round 1
        uint80 latestId = feed.latestRound();
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.PriceRoundNotInForce.selector, latestId, lock));
        market.genesisLock(latestId);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.PriceRoundNotInForce.selector, latestId + 5, lock));
        market.genesisLock(latestId + 5);
        market.genesisLock(_priceRoundAt(feed, lock)); // round 1, updated at deployment
        vm.assertEq(int256(market.rounds(1).lockPrice), 0, "round 1 too old at the lock time");
        _assertVoidReason(1, IPredictionMarket.VoidReason.InvalidLockPrice);
    }

    function test_MissedRounds_NeedNoPriceRound() public {
        _openRoundTwo();
        vm.warp(market.rounds(2).lockTimestamp + BUFFER + 1);
        market.executeRound(type(uint80).max); // no price is read: both rounds are past their buffer
        _assertVoidReason(1, IPredictionMarket.VoidReason.CloseMissed);
        _assertVoidReason(2, IPredictionMarket.VoidReason.LockMissed);
    }

    function test_Error_InsufficientGas_FeedOutOfGasDoesNotVoid() public {
        GasGuzzler guzzler = new GasGuzzler();
        market = new PredictionMarket(
            oracle,
            TOPIC,
            AggregatorV3Interface(address(guzzler)),
            IERC20(address(0)),
            INTERVAL,
            BUFFER,
            FEE_BPS,
            MIN_BET,
            MAX_PRICE_AGE,
            MAX_PREDICTION_AGE,
            owner,
            treasury
        );
        market.genesisStart();
        _warpToLock();
        vm.expectRevert(IPredictionMarket.InsufficientGas.selector);
        market.genesisLock{gas: 1_000_000}(1);
    }

    function test_Error_InsufficientGas_OracleOutOfGasDoesNotDropThePrediction() public {
        GasGuzzler guzzler = new GasGuzzler();
        market = new PredictionMarket(
            IAlloraOracleReader(address(guzzler)),
            TOPIC,
            feed,
            IERC20(address(0)),
            INTERVAL,
            BUFFER,
            FEE_BPS,
            MIN_BET,
            MAX_PRICE_AGE,
            MAX_PREDICTION_AGE,
            owner,
            treasury
        );
        vm.expectRevert(IPredictionMarket.InsufficientGas.selector);
        market.genesisStart{gas: 1_000_000}();
    }

    function _assertVoidReason(uint256 epoch, IPredictionMarket.VoidReason reason) internal view {
        IPredictionMarket.Round memory r = market.rounds(epoch);
        vm.assertEq(uint256(r.status), uint256(IPredictionMarket.Status.Void), "status Void");
        vm.assertEq(uint256(r.voidReason), uint256(reason), "void reason");
    }
}
