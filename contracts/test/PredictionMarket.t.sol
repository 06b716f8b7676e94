// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {PredictionMarket} from "../src/PredictionMarket.sol";
import {IPredictionMarket} from "../src/interfaces/IPredictionMarket.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {IAlloraOracleReader} from "../src/interfaces/IAlloraOracleReader.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {MockAlloraOracle} from "./MockAlloraOracle.sol";
import {ReentrantClaimer, RejectingBettor} from "./PredictionMarketAttackers.sol";
import {FeeOnTransferToken, TestToken} from "./TestTokens.sol";
import {vm} from "./Vm.sol";

/// The feed's round in force at `t`: the latest updated at or before it, walking back;
/// the latest round when none is.
function _priceRoundAt(MockAggregator feed, uint256 t) view returns (uint80 id) {
    id = feed.latestRound();
    while (id > 1) {
        (,,, uint256 updatedAt,) = feed.getRoundData(id);
        if (updatedAt <= t) break;
        --id;
    }
}

/// Shared deployment and round helpers for the market's tests.
abstract contract PredictionMarketFixture {
    uint256 internal constant NOW = 1_750_000_000;
    uint32 internal constant INTERVAL = 300;
    uint32 internal constant BUFFER = 30;
    uint16 internal constant FEE_BPS = 300;
    uint256 internal constant MIN_BET = 1e15;
    uint32 internal constant MAX_PRICE_AGE = 120;
    uint32 internal constant MAX_PREDICTION_AGE = 600;
    uint64 internal constant TOPIC = 13;

    // The feed has 8 decimals and the oracle 18, as Chainlink's ETH/USD and Allora's topics.
    int256 internal constant P = 1e8; // one dollar in feed units
    int256 internal constant Q = 1e18; // one dollar in oracle units

    address internal owner = address(0x0A11CE);
    address internal treasury = address(0x7EA5);
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);
    address internal carol = address(0xCA201);
    address internal stranger = address(0x0BAD);

    MockAggregator internal feed;
    MockAlloraOracle internal oracle;
    PredictionMarket internal market;

    function _deployMarket(IERC20 token) internal returns (PredictionMarket) {
        return new PredictionMarket(
            oracle,
            TOPIC,
            feed,
            token,
            INTERVAL,
            BUFFER,
            FEE_BPS,
            MIN_BET,
            MAX_PRICE_AGE,
            MAX_PREDICTION_AGE,
            owner,
            treasury
        );
    }

    function _setUpFixture() internal {
        vm.warp(NOW);
        feed = new MockAggregator(8, "ETH / USD", 3000 * P);
        oracle = new MockAlloraOracle();
        // Rounds opened without a prediction of their own are called UP against $3000.
        oracle.set(3010 * Q, uint64(NOW));
        market = _deployMarket(IERC20(address(0)));
    }

    function _bet(address who, uint256 epoch, bool withAI, uint256 amount) internal {
        vm.deal(who, who.balance + amount);
        vm.prank(who);
        if (withAI) {
            market.betWithAI{value: amount}(epoch, amount);
        } else {
            market.betAgainstAI{value: amount}(epoch, amount);
        }
    }

    /// A fresh price and prediction, both stamped now.
    function _data(int256 price, int256 prediction) internal {
        feed.setAnswer(price);
        oracle.set(prediction, uint64(block.timestamp));
    }

    /// The feed's round in force at the current round's lock time, as the keeper finds it.
    function _hint() internal view returns (uint80) {
        return _priceRoundAt(feed, market.rounds(market.currentEpoch()).lockTimestamp);
    }

    function _warpToLock() internal {
        vm.warp(market.rounds(market.currentEpoch()).lockTimestamp);
    }

    /// genesisStart, then genesisLock at the lock time with `price` and `prediction`.
    /// Publishes `prediction` now and opens the first round with it.
    function _startWith(int256 prediction) internal {
        oracle.set(prediction, uint64(block.timestamp));
        market.genesisStart();
    }

    function _genesis(int256 price, int256 prediction) internal {
        market.genesisStart();
        _warpToLock();
        _data(price, prediction);
        market.genesisLock(_hint());
    }

    function _execute(int256 price, int256 prediction) internal {
        _warpToLock();
        _data(price, prediction);
        market.executeRound(_hint());
    }

    function _epochs(uint256 epoch) internal pure returns (uint256[] memory list) {
        list = new uint256[](1);
        list[0] = epoch;
    }

    function _claim(address who, uint256 epoch) internal returns (uint256 paid) {
        uint256 before = who.balance;
        vm.prank(who);
        market.claim(_epochs(epoch));
        paid = who.balance - before;
    }
}

contract PredictionMarketTest is PredictionMarketFixture {
    function setUp() public {
        _setUpFixture();
    }

    // ---------------------------------------------------------------- deployment

    function test_Constructor_SetsState() public view {
        vm.assertEq(address(market.oracle()), address(oracle), "oracle");
        vm.assertEq(uint256(market.topicId()), TOPIC, "topicId");
        vm.assertEq(address(market.priceFeed()), address(feed), "priceFeed");
        vm.assertEq(address(market.stakeToken()), address(0), "stakeToken");
        vm.assertEq(uint256(market.priceDecimals()), 8, "priceDecimals");
        vm.assertEq(market.intervalSeconds(), INTERVAL, "interval");
        vm.assertEq(market.bufferSeconds(), BUFFER, "buffer");
        vm.assertEq(market.treasuryFeeBps(), FEE_BPS, "fee");
        vm.assertEq(market.minBetAmount(), MIN_BET, "minBet");
        vm.assertEq(market.maxPriceAge(), MAX_PRICE_AGE, "maxPriceAge");
        vm.assertEq(market.maxPredictionAge(), MAX_PREDICTION_AGE, "maxPredictionAge");
        vm.assertEq(market.owner(), owner, "owner");
        vm.assertEq(market.treasury(), treasury, "treasury");
        vm.assertEq(market.currentEpoch(), 0, "epoch");
        vm.assertFalse(market.paused(), "paused");
        vm.assertFalse(market.genesisStarted(), "genesisStarted");
    }

    function test_RenounceOwnership_Disabled() public {
        vm.expectRevert(IPredictionMarket.RenounceOwnershipDisabled.selector);
        vm.prank(owner);
        market.renounceOwnership();
        vm.assertEq(market.owner(), owner, "owner kept");
    }

    function test_Error_ZeroAddress() public {
        vm.expectRevert(IPredictionMarket.ZeroAddress.selector);
        new PredictionMarket(
            oracle, TOPIC, feed, IERC20(address(0)), INTERVAL, BUFFER, FEE_BPS, MIN_BET, 60, 60, owner, address(0)
        );
        vm.prank(owner);
        vm.expectRevert(IPredictionMarket.ZeroAddress.selector);
        market.setTreasury(address(0));
    }

    function test_Error_NotAContract() public {
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotAContract.selector, stranger));
        new PredictionMarket(
            IAlloraOracleReader(stranger),
            TOPIC,
            feed,
            IERC20(address(0)),
            INTERVAL,
            BUFFER,
            0,
            1,
            60,
            60,
            owner,
            treasury
        );
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotAContract.selector, stranger));
        new PredictionMarket(
            oracle,
            TOPIC,
            AggregatorV3Interface(stranger),
            IERC20(address(0)),
            INTERVAL,
            BUFFER,
            0,
            1,
            60,
            60,
            owner,
            treasury
        );
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotAContract.selector, stranger));
        new PredictionMarket(oracle, TOPIC, feed, IERC20(stranger), INTERVAL, BUFFER, 0, 1, 60, 60, owner, treasury);
    }

    function test_Error_UnsupportedPriceDecimals() public {
        MockAggregator wide = new MockAggregator(37, "wide", 1);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.UnsupportedPriceDecimals.selector, uint8(37)));
        new PredictionMarket(oracle, TOPIC, wide, IERC20(address(0)), INTERVAL, BUFFER, 0, 1, 60, 60, owner, treasury);
    }

    function test_Error_FeeTooHigh() public {
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.FeeTooHigh.selector, 1001, 1000));
        new PredictionMarket(
            oracle, TOPIC, feed, IERC20(address(0)), INTERVAL, BUFFER, 1001, 1, 60, 60, owner, treasury
        );
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.FeeTooHigh.selector, 1001, 1000));
        market.setTreasuryFee(1001);
        vm.prank(owner);
        market.setTreasuryFee(1000); // the cap itself is allowed
        vm.assertEq(market.treasuryFeeBps(), 1000, "fee at cap");
    }

    function test_Error_InvalidInterval() public {
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidInterval.selector, 59));
        new PredictionMarket(oracle, TOPIC, feed, IERC20(address(0)), 59, 5, 0, 1, 60, 60, owner, treasury);
        vm.startPrank(owner);
        market.pause();
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidInterval.selector, 7 days + 1));
        market.setTiming(7 days + 1, 30);
        vm.stopPrank();
    }

    function test_Error_InvalidBuffer() public {
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidBuffer.selector, 300, 300));
        new PredictionMarket(oracle, TOPIC, feed, IERC20(address(0)), 300, 300, 0, 1, 60, 60, owner, treasury);
        vm.startPrank(owner);
        market.pause();
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidBuffer.selector, 4, 300));
        market.setTiming(300, 4);
        vm.stopPrank();
    }

    function test_Error_InvalidMinBetAmount() public {
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidMinBetAmount.selector, 0));
        new PredictionMarket(oracle, TOPIC, feed, IERC20(address(0)), INTERVAL, BUFFER, 0, 0, 60, 60, owner, treasury);
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidMinBetAmount.selector, tooBig));
        market.setMinBetAmount(tooBig);
    }

    function test_Error_InvalidMaxAge() public {
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidMaxAge.selector, 0, 60));
        new PredictionMarket(oracle, TOPIC, feed, IERC20(address(0)), INTERVAL, BUFFER, 0, 1, 0, 60, owner, treasury);
        vm.startPrank(owner);
        market.pause();
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.InvalidMaxAge.selector, 60, 7 days + 1));
        market.setMaxAges(60, 7 days + 1);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- lifecycle errors

    function test_Error_GenesisAlreadyStarted() public {
        market.genesisStart();
        vm.expectRevert(IPredictionMarket.GenesisAlreadyStarted.selector);
        market.genesisStart();
    }

    function test_Error_GenesisNotStarted() public {
        vm.expectRevert(IPredictionMarket.GenesisNotStarted.selector);
        market.genesisLock(0);
    }

    function test_Error_GenesisAlreadyLocked() public {
        _genesis(3000 * P, 3010 * Q);
        vm.expectRevert(IPredictionMarket.GenesisAlreadyLocked.selector);
        market.genesisLock(0);
    }

    function test_Error_GenesisNotLocked() public {
        vm.expectRevert(IPredictionMarket.GenesisNotLocked.selector);
        market.executeRound(0);
        market.genesisStart();
        vm.expectRevert(IPredictionMarket.GenesisNotLocked.selector);
        market.executeRound(0);
    }

    function test_Error_RoundNotDue() public {
        market.genesisStart();
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.RoundNotDue.selector, 1, NOW + INTERVAL));
        market.genesisLock(0);
        vm.warp(NOW + INTERVAL);
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        vm.warp(NOW + 2 * INTERVAL - 1);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.RoundNotDue.selector, 2, NOW + 2 * INTERVAL));
        market.executeRound(0);
    }

    function test_Error_MarketPaused() public {
        vm.prank(owner);
        market.pause();
        vm.expectRevert(IPredictionMarket.MarketPaused.selector);
        market.genesisStart();
        vm.expectRevert(IPredictionMarket.MarketPaused.selector);
        market.genesisLock(0);
        vm.expectRevert(IPredictionMarket.MarketPaused.selector);
        market.executeRound(0);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(IPredictionMarket.MarketPaused.selector);
        market.betWithAI{value: 1 ether}(1, 1 ether);
        vm.prank(owner);
        vm.expectRevert(IPredictionMarket.MarketPaused.selector);
        market.pause();
    }

    function test_Error_MarketNotPaused() public {
        vm.startPrank(owner);
        vm.expectRevert(IPredictionMarket.MarketNotPaused.selector);
        market.unpause();
        vm.expectRevert(IPredictionMarket.MarketNotPaused.selector);
        market.setTiming(600, 60);
        vm.expectRevert(IPredictionMarket.MarketNotPaused.selector);
        market.setMaxAges(60, 60);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- bet errors

    function test_Error_RoundNotBettable() public {
        vm.deal(alice, 10 ether);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.RoundNotBettable.selector, 1));
        market.betWithAI{value: 1 ether}(1, 1 ether); // not started
        vm.stopPrank();

        market.genesisStart();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.RoundNotBettable.selector, 2));
        market.betWithAI{value: 1 ether}(2, 1 ether); // a future round

        vm.warp(NOW + INTERVAL); // lock time reached, not yet locked
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.RoundNotBettable.selector, 1));
        market.betAgainstAI{value: 1 ether}(1, 1 ether);

        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.RoundNotBettable.selector, 1));
        market.betAgainstAI{value: 1 ether}(1, 1 ether); // locked
    }

    function test_Error_BetTooSmall() public {
        market.genesisStart();
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.BetTooSmall.selector, MIN_BET - 1, MIN_BET));
        market.betWithAI{value: MIN_BET - 1}(1, MIN_BET - 1);
    }

    function test_Error_BetTooLarge() public {
        market.genesisStart();
        uint256 amount = market.MAX_BET_AMOUNT() + 1;
        vm.deal(alice, amount);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.BetTooLarge.selector, amount, amount - 1));
        market.betWithAI{value: amount}(1, amount);
    }

    function test_Error_AlreadyBet_OneBetPerAddressPerRound() public {
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        vm.deal(alice, 2 ether);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.AlreadyBet.selector, 1, alice));
        market.betWithAI{value: 1 ether}(1, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.AlreadyBet.selector, 1, alice));
        market.betAgainstAI{value: 1 ether}(1, 1 ether);
        vm.stopPrank();

        // The next round takes a new bet from the same address.
        vm.warp(NOW + INTERVAL);
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _bet(alice, 2, false, 1 ether);
        vm.assertEq(uint256(market.ledger(2, alice).amount), 1 ether, "second round bet");
    }

    function test_Error_WrongValue() public {
        market.genesisStart();
        vm.deal(alice, 2 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.WrongValue.selector, 1 ether, 2 ether));
        market.betWithAI{value: 1 ether}(1, 2 ether);

        TestToken token = new TestToken();
        PredictionMarket tokenMarket = _deployMarket(IERC20(address(token)));
        tokenMarket.genesisStart();
        token.mint(alice, 1 ether);
        vm.startPrank(alice);
        token.approve(address(tokenMarket), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.WrongValue.selector, 1, 0));
        tokenMarket.betWithAI{value: 1}(1, 1 ether);
        vm.stopPrank();
    }

    function test_Error_TransferAmountMismatch_FeeOnTransferRejected() public {
        FeeOnTransferToken token = new FeeOnTransferToken();
        PredictionMarket tokenMarket = _deployMarket(IERC20(address(token)));
        tokenMarket.genesisStart();
        token.mint(alice, 1 ether);
        vm.startPrank(alice);
        token.approve(address(tokenMarket), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.TransferAmountMismatch.selector, 1 ether, 0.99 ether));
        tokenMarket.betWithAI(1, 1 ether);
        vm.stopPrank();
        vm.assertEq(token.balanceOf(alice), 1 ether, "stake stays with the bettor");
    }

    // ---------------------------------------------------------------- claim errors

    function test_Error_NoEpochs() public {
        vm.prank(alice);
        vm.expectRevert(IPredictionMarket.NoEpochs.selector);
        market.claim(new uint256[](0));
    }

    function test_Error_NotClaimable() public {
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        // Undecided: open.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotClaimable.selector, 1, alice));
        market.claim(_epochs(1));
        vm.warp(NOW + INTERVAL);
        _data(3000 * P, 3010 * Q); // AI calls UP
        market.genesisLock(_hint());
        // Undecided: locked.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotClaimable.selector, 1, alice));
        market.claim(_epochs(1));
        _execute(3005 * P, 3000 * Q); // went up: the AI was right
        // Lost, and never bet.
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotClaimable.selector, 1, bob));
        market.claim(_epochs(1));
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NotClaimable.selector, 1, carol));
        market.claim(_epochs(1));
    }

    function test_Error_AlreadyClaimed() public {
        _decidedRound(3010 * Q, 3005 * P); // AI up, went up: alice (with AI) wins
        _claim(alice, 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.AlreadyClaimed.selector, 1, alice));
        market.claim(_epochs(1));
        // The same epoch twice in one call: see test_ClaimSeveralRoundsInOneCall.
    }

    function test_Error_NothingToClaim() public {
        vm.expectRevert(IPredictionMarket.NothingToClaim.selector);
        market.claimTreasury();
    }

    function test_Error_NativeTransferFailed() public {
        RejectingBettor bettor = new RejectingBettor(market);
        market.genesisStart();
        vm.deal(address(this), 1 ether);
        bettor.bet{value: 1 ether}(1, true);
        _bet(bob, 1, false, 1 ether);
        vm.warp(NOW + INTERVAL);
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _execute(3005 * P, 3000 * Q);
        vm.expectRevert(
            abi.encodeWithSelector(IPredictionMarket.NativeTransferFailed.selector, address(bettor), 1.94 ether)
        );
        bettor.claim(1);
        vm.assertTrue(market.claimable(1, address(bettor)), "still claimable after the failed transfer");
    }

    function test_Error_OwnableUnauthorizedAccount_OnEveryLever() public {
        bytes memory denied = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger);
        vm.startPrank(stranger);
        vm.expectRevert(denied);
        market.pause();
        vm.expectRevert(denied);
        market.unpause();
        vm.expectRevert(denied);
        market.setTreasuryFee(0);
        vm.expectRevert(denied);
        market.setMinBetAmount(1);
        vm.expectRevert(denied);
        market.setTiming(600, 60);
        vm.expectRevert(denied);
        market.setMaxAges(60, 60);
        vm.expectRevert(denied);
        market.setTreasury(stranger);
        vm.stopPrank();
    }

    function test_MockAggregator_NoDataPresent() public {
        MockAggregator empty = new MockAggregator(8, "empty", 0);
        vm.expectRevert(MockAggregator.NoDataPresent.selector);
        empty.latestRoundData();
        vm.expectRevert(MockAggregator.NoDataPresent.selector);
        empty.getRoundData(1);
        empty.setAnswer(5);
        (uint80 id, int256 answer,, uint256 updatedAt,) = empty.getRoundData(1);
        vm.assertEq(uint256(id), 1, "round id");
        vm.assertEq(answer, 5, "answer");
        vm.assertEq(updatedAt, block.timestamp, "updatedAt");
    }

    // ---------------------------------------------------------------- outcomes

    /// Round 1: alice 1 ether with the AI, bob 1 ether against, carol 2 ether with the AI;
    /// opened with `prediction`, locked at 3000, closed at `closePrice`.
    function _decidedRound(int256 prediction, int256 closePrice) internal {
        _startWith(prediction);
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        _bet(carol, 1, true, 2 ether);
        _warpToLock();
        _data(3000 * P, 3000 * Q);
        market.genesisLock(_hint());
        _execute(closePrice, 3000 * Q);
    }

    function test_AIRight_WithAIBettorsSharePoolMinusFee() public {
        _decidedRound(3010 * Q, 3005 * P); // AI calls up; price went up
        IPredictionMarket.Round memory r = market.rounds(1);
        vm.assertEq(uint256(r.status), uint256(IPredictionMarket.Status.AIRight), "status");
        vm.assertEq(uint256(r.aiCall), uint256(IPredictionMarket.AICall.Up), "call");
        vm.assertEq(int256(r.lockPrice), 3000 * P, "lock price");
        vm.assertEq(int256(r.closePrice), 3005 * P, "close price");
        vm.assertEq(int256(r.aiPrediction), 3010 * Q, "prediction");
        // Pool 4 ether, fee 3% = 0.12, 3.88 shared by 3 ether with the AI.
        vm.assertEq(market.treasuryAmount(), 0.12 ether, "treasury");
        vm.assertTrue(market.claimable(1, alice), "alice claimable");
        vm.assertFalse(market.claimable(1, bob), "bob lost");
        vm.assertFalse(market.refundable(1, alice), "not a refund");
        uint256 a = _claim(alice, 1);
        uint256 c = _claim(carol, 1);
        vm.assertEq(a, uint256(3.88 ether) / 3, "alice payout");
        vm.assertEq(c, uint256(3.88 ether) * 2 / 3, "carol payout");
        vm.assertEq(address(market).balance, 4 ether - a - c, "balance holds the fee and the dust");
        vm.assertLe(address(market).balance - 0.12 ether, 2, "dust below one unit per winner");

        market.claimTreasury();
        vm.assertEq(treasury.balance, 0.12 ether, "treasury paid");
        vm.assertEq(market.treasuryAmount(), 0, "treasury emptied");
    }

    function test_AIWrong_AgainstAIBettorsWin() public {
        _decidedRound(2990 * Q, 3005 * P); // AI calls down; price went up
        vm.assertEq(uint256(market.rounds(1).status), uint256(IPredictionMarket.Status.AIWrong), "status");
        vm.assertEq(uint256(market.rounds(1).aiCall), uint256(IPredictionMarket.AICall.Down), "call");
        vm.assertEq(_claim(bob, 1), 3.88 ether, "bob takes the pool minus the fee");
        vm.assertFalse(market.claimable(1, alice), "alice lost");
        vm.assertEq(market.payout(1, alice), 0, "no payout for a loser");
    }

    function test_AIRight_WhenPriceFalls() public {
        _decidedRound(2990 * Q, 2995 * P); // AI calls down; price went down
        vm.assertEq(uint256(market.rounds(1).status), uint256(IPredictionMarket.Status.AIRight), "status");
    }

    function test_Tie_RefundsEveryoneWithoutFee() public {
        _decidedRound(3010 * Q, 3000 * P);
        _assertVoid(1, IPredictionMarket.VoidReason.Tie);
        vm.assertEq(market.treasuryAmount(), 0, "no fee on a tie");
        vm.assertTrue(market.refundable(1, bob), "bob refundable");
        vm.assertFalse(market.claimable(1, bob), "not a win");
        vm.assertEq(_claim(alice, 1), 1 ether, "alice refund");
        vm.assertEq(_claim(bob, 1), 1 ether, "bob refund");
        vm.assertEq(_claim(carol, 1), 2 ether, "carol refund");
        vm.assertEq(address(market).balance, 0, "nothing left");
    }

    function test_NoAICall_Refunds() public {
        // 3000 * Q at 18 decimals equals 3000 * P at 8: no call.
        _startWith(3000 * Q);
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        _warpToLock();
        _data(3000 * P, 3000 * Q);
        market.genesisLock(_hint());
        _assertVoid(1, IPredictionMarket.VoidReason.NoAICall);
        vm.assertEq(_claim(alice, 1), 1 ether, "refund right after lock");
    }

    function test_PredictionComparedAtFinerDecimals() public {
        // 3000.000000001 in 18 decimals is above 3000.00000000 in 8: an UP call.
        _startWith(3000 * Q + 1e9);
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        _warpToLock();
        _data(3000 * P, 3000 * Q + 1e9);
        market.genesisLock(_hint());
        vm.assertEq(uint256(market.rounds(1).aiCall), uint256(IPredictionMarket.AICall.Up), "up by 1e-9");
    }

    function test_OneSidedPool_Refunds() public {
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        _bet(carol, 1, true, 2 ether);
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _assertVoid(1, IPredictionMarket.VoidReason.OneSidedPool);
        vm.assertEq(_claim(carol, 1), 2 ether, "carol refund");
    }

    function test_InvalidLockPrice_Cancels() public {
        // Stale: updated longer than maxPriceAge ago.
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        feed.setAnswer(3000 * P);
        _warpToLock();
        oracle.set(3010 * Q, uint64(block.timestamp));
        vm.warp(block.timestamp + 1);
        market.genesisLock(_hint());
        _assertVoid(1, IPredictionMarket.VoidReason.InvalidLockPrice);
        vm.assertEq(_claim(bob, 1), 1 ether, "refund");

        // Non-positive answer.
        _warpToLock();
        _data(0, 3010 * Q);
        market.executeRound(_hint());
        _assertVoid(2, IPredictionMarket.VoidReason.InvalidLockPrice);

        // No update time.
        _warpToLock();
        feed.setRoundData(99, 3000 * P, block.timestamp, 0, 99);
        market.executeRound(99);
        _assertVoid(3, IPredictionMarket.VoidReason.InvalidLockPrice);

        // A feed that reverts: latest round 0 makes the mock revert NoDataPresent.
        _warpToLock();
        feed.setRoundData(0, 3000 * P, block.timestamp, block.timestamp, 0);
        market.executeRound(0);
        _assertVoid(4, IPredictionMarket.VoidReason.InvalidLockPrice);
        vm.assertTrue(market.genesisLocked(), "a voided lock does not stop the chain");
    }

    function test_InvalidPrediction_NoBetsThenVoid() public {
        oracle.setReverts(true); // as the oracle does for a topic never set
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NoPrediction.selector, 1));
        market.genesisStart();
        oracle.setReverts(false);
        market.genesisStart();

        _warpToLock();
        feed.setAnswer(3000 * P);
        // Round 2 starts at this lock time; its prediction is older than maxPredictionAge then.
        oracle.set(3010 * Q, uint64(block.timestamp - MAX_PREDICTION_AGE - 1));
        market.genesisLock(_hint());
        vm.assertEq(uint256(market.rounds(2).predictionTimestamp), 0, "stale prediction not recorded");
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.NoPrediction.selector, 2));
        market.betWithAI{value: 1 ether}(2, 1 ether);

        _execute(3000 * P, 3010 * Q);
        _assertVoid(2, IPredictionMarket.VoidReason.InvalidPrediction);
        vm.assertEq(int256(market.rounds(3).aiPrediction), 3010 * Q, "a fresh one is recorded");
    }

    function test_InvalidClosePrice_Cancels() public {
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _warpToLock();
        feed.setAnswer(-1);
        oracle.set(3010 * Q, uint64(block.timestamp));
        market.executeRound(_hint());
        _assertVoid(1, IPredictionMarket.VoidReason.InvalidClosePrice);
        vm.assertEq(_claim(alice, 1), 1 ether, "refund");
        vm.assertEq(market.treasuryAmount(), 0, "no fee");
    }

    function _assertVoid(uint256 epoch, IPredictionMarket.VoidReason reason) internal view {
        IPredictionMarket.Round memory r = market.rounds(epoch);
        vm.assertEq(uint256(r.status), uint256(IPredictionMarket.Status.Void), "status Void");
        vm.assertEq(uint256(r.voidReason), uint256(reason), "void reason");
    }

    // ---------------------------------------------------------------- buffers, pause, permissionless

    function test_BufferExpiry_OpenAndLockedRoundsRefundable() public {
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _bet(carol, 2, true, 1 ether);
        _bet(bob, 2, false, 1 ether);

        uint256 lock2 = market.rounds(2).lockTimestamp;
        vm.warp(lock2 + BUFFER);
        vm.assertFalse(market.refundable(2, carol), "still within the buffer");
        vm.assertFalse(market.refundable(1, alice), "round 1 still closable");
        vm.warp(lock2 + BUFFER + 1);
        vm.assertTrue(market.refundable(2, carol), "open round past its buffer");
        vm.assertTrue(market.refundable(1, alice), "locked round past its close buffer");
        vm.assertEq(_claim(carol, 2), 1 ether, "carol refund before anyone voids");
        vm.assertEq(_claim(alice, 1), 1 ether, "alice refund before anyone voids");

        // A late executeRound voids the missed rounds and restarts instead of settling them.
        _data(3010 * P, 3020 * Q);
        vm.prank(stranger);
        market.executeRound(_hint());
        _assertVoid(1, IPredictionMarket.VoidReason.CloseMissed);
        _assertVoid(2, IPredictionMarket.VoidReason.LockMissed);
        vm.assertEq(market.currentEpoch(), 3, "round 3 open");
        vm.assertFalse(market.genesisLocked(), "chain restarts with genesisLock");
        vm.assertEq(_claim(bob, 1) + _claim(bob, 2), 2 ether, "bob refunds after the void");

        // And the chain runs on.
        _warpToLock();
        _data(3010 * P, 3020 * Q);
        market.genesisLock(_hint());
        _execute(3020 * P, 3020 * Q);
        vm.assertEq(market.currentEpoch(), 5, "running again");
        vm.assertEq(address(market).balance, 0, "every stake returned");
    }

    function test_Pause_ClaimsAndRefundsStillWork() public {
        _decidedRound(3010 * Q, 3005 * P); // round 1 decided; round 2 locked, round 3 open
        _bet(alice, 3, true, 1 ether);
        vm.prank(owner);
        market.pause();
        // A win is claimed while paused.
        vm.assertGe(_claim(alice, 1), 1 ether, "claim while paused");
        // The open round cannot be locked while paused; it becomes refundable after its buffer.
        vm.assertFalse(market.refundable(3, alice), "not yet");
        vm.warp(market.rounds(3).lockTimestamp + BUFFER + 1);
        vm.assertTrue(market.refundable(3, alice), "stranded by the pause");
        vm.assertEq(_claim(alice, 3), 1 ether, "refund while paused");
        // The owner's paused-only levers.
        vm.startPrank(owner);
        market.setTiming(600, 60);
        market.setMaxAges(300, 900);
        market.unpause();
        vm.stopPrank();
        vm.assertEq(market.intervalSeconds(), 600, "interval");
        vm.assertEq(market.maxPredictionAge(), 900, "maxPredictionAge");
        // After the pause the next execution restarts the chain with the new timing.
        _data(3005 * P, 3010 * Q);
        market.executeRound(_hint());
        IPredictionMarket.Round memory r = market.rounds(4);
        vm.assertEq(uint256(r.lockTimestamp) - r.startTimestamp, 600, "new interval applies to new rounds");
        vm.assertEq(uint256(r.bufferSeconds), 60, "new buffer applies to new rounds");
    }

    function test_PermissionlessExecution() public {
        vm.startPrank(stranger);
        market.genesisStart();
        vm.warp(NOW + INTERVAL);
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        vm.warp(NOW + 2 * INTERVAL);
        _data(3001 * P, 3010 * Q);
        market.executeRound(_hint());
        vm.stopPrank();
        vm.assertEq(market.currentEpoch(), 3, "strangers move the rounds");
    }

    function test_FeeChange_AppliesToRoundsStartedLater() public {
        market.genesisStart();
        _bet(alice, 1, true, 1 ether);
        _bet(bob, 1, false, 1 ether);
        vm.prank(owner);
        market.setTreasuryFee(1000);
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        vm.assertEq(uint256(market.rounds(1).feeBps), FEE_BPS, "round 1 keeps its fee");
        vm.assertEq(uint256(market.rounds(2).feeBps), 1000, "round 2 has the new fee");
        _execute(3005 * P, 3000 * Q);
        vm.assertEq(market.treasuryAmount(), 0.06 ether, "3% of 2 ether");
    }

    function test_ReentrantClaimIsBlocked() public {
        ReentrantClaimer attacker = new ReentrantClaimer(market);
        market.genesisStart();
        vm.deal(address(this), 1 ether);
        attacker.bet{value: 1 ether}(1, true);
        _bet(bob, 1, false, 1 ether);
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _execute(3005 * P, 3000 * Q);

        attacker.claim();
        vm.assertTrue(attacker.reentered(), "the hook ran");
        vm.assertEq(
            keccak256(attacker.innerRevert()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)),
            "the inner claim hit the reentrancy guard"
        );
        vm.assertEq(attacker.received(), 1.94 ether, "paid once");
        vm.assertEq(address(market).balance, 0.06 ether, "only the fee is left");
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.AlreadyClaimed.selector, 1, address(attacker)));
        attacker.claim();
    }

    function test_ClaimSeveralRoundsInOneCall() public {
        _decidedRound(3010 * Q, 3005 * P); // round 1: alice wins
        // Round 2 was opened at genesisLock and locked by the execution that closed round 1,
        // with no bets; round 3 is open.
        _bet(alice, 3, true, 1 ether);
        _bet(bob, 3, false, 1 ether);
        _execute(3000 * P, 3005 * Q); // lock round 3 at its prediction: no call -> void
        uint256[] memory both = new uint256[](2);
        both[0] = 1;
        both[1] = 3;
        uint256 before = alice.balance;
        vm.prank(alice);
        market.claim(both);
        vm.assertEq(alice.balance - before, uint256(3.88 ether) / 3 + 1 ether, "win and refund together");

        // The same epoch twice in one call reverts as a second claim.
        uint256[] memory twice = new uint256[](2);
        twice[0] = 3;
        twice[1] = 3;
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IPredictionMarket.AlreadyClaimed.selector, 3, bob));
        market.claim(twice);
    }

    // ---------------------------------------------------------------- ERC-20 stakes

    function test_ERC20Stakes_FullRound() public {
        TestToken token = new TestToken();
        market = _deployMarket(IERC20(address(token)));
        market.genesisStart();
        address[3] memory who = [alice, bob, carol];
        uint256[3] memory amounts = [uint256(1 ether), 1 ether, 2 ether];
        bool[3] memory withAI = [true, false, true];
        for (uint256 i = 0; i < 3; ++i) {
            token.mint(who[i], amounts[i]);
            vm.startPrank(who[i]);
            token.approve(address(market), amounts[i]);
            if (withAI[i]) market.betWithAI(1, amounts[i]);
            else market.betAgainstAI(1, amounts[i]);
            vm.stopPrank();
        }
        vm.assertEq(token.balanceOf(address(market)), 4 ether, "stakes held");
        _warpToLock();
        _data(3000 * P, 3010 * Q);
        market.genesisLock(_hint());
        _execute(3005 * P, 3000 * Q);

        vm.prank(carol);
        market.claim(_epochs(1));
        vm.assertEq(token.balanceOf(carol), uint256(3.88 ether) * 2 / 3, "carol paid in tokens");
        market.claimTreasury();
        vm.assertEq(token.balanceOf(treasury), 0.12 ether, "treasury paid in tokens");
    }

    // ---------------------------------------------------------------- fuzz

    /// Whatever the stakes, sides, fee and outcome: once everyone has claimed, payouts plus
    /// the treasury fee equal the pool up to rounding dust, which stays in the contract and
    /// is under one unit per winning bet.
    function testFuzz_PayoutsAddUpToPool(uint256 seed, uint16 feeBps, int256 closeMove, bool aiUp) public {
        feeBps = uint16(feeBps % 1001);
        vm.prank(owner);
        market.setTreasuryFee(feeBps);
        market.genesisStart();

        uint256 bettors = 2 + seed % 7;
        address[] memory who = new address[](bettors);
        uint256 pool;
        for (uint256 i = 0; i < bettors; ++i) {
            who[i] = address(uint160(0x1000 + i));
            uint256 amount = MIN_BET + uint256(keccak256(abi.encode(seed, i))) % 1000 ether;
            // At least one bet on each side.
            bool withAI = i == 0 ? true : i == 1 ? false : uint256(keccak256(abi.encode(seed, i, "side"))) % 2 == 0;
            _bet(who[i], 1, withAI, amount);
            pool += amount;
        }
        _warpToLock();
        _data(3000 * P, aiUp ? 3001 * Q : 2999 * Q);
        market.genesisLock(_hint());
        closeMove = closeMove % (100 * P);
        _execute(3000 * P + closeMove, 3000 * Q);

        IPredictionMarket.Round memory r = market.rounds(1);
        uint256 paid;
        uint256 winners;
        for (uint256 i = 0; i < bettors; ++i) {
            if (market.payout(1, who[i]) == 0) continue;
            ++winners;
            paid += _claim(who[i], 1);
        }
        uint256 fee = market.treasuryAmount();
        if (r.status == IPredictionMarket.Status.Void) {
            vm.assertEq(paid, pool, "void: every stake back");
            vm.assertEq(fee, 0, "void: no fee");
        } else {
            vm.assertEq(fee, pool * feeBps / 10_000, "fee");
        }
        uint256 dust = pool - paid - fee;
        vm.assertEq(address(market).balance, fee + dust, "balance is the fee plus the dust");
        vm.assertLt(dust, winners + 1, "dust under one unit per winner");
    }
}
