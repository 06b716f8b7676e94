// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {PredictionMarket} from "../src/PredictionMarket.sol";
import {IPredictionMarket} from "../src/interfaces/IPredictionMarket.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {MockAlloraOracle} from "./MockAlloraOracle.sol";
import {_priceRoundAt} from "./PredictionMarket.t.sol";
import {vm} from "./Vm.sol";

/// Drives a native-stake market through random sequences: bets by several actors, round
/// execution on time and late, idle time, claims (including ones that must fail), treasury
/// sweeps and the owner's levers. It records what it paid out, so the invariants can check
/// the market against an independent account of who is owed what.
contract PredictionMarketHandler {
    PredictionMarket public immutable market;
    MockAggregator public immutable feed;
    MockAlloraOracle public immutable oracle;
    address public immutable owner;

    address[] internal _actors;

    /// claims[epoch][actor]: successful claims of that pair; never above 1.
    mapping(uint256 => mapping(address => uint256)) public claims;
    /// Set when a claim succeeded twice for one pair, or a claim the market's own view
    /// said was not due succeeded, or a claim paid other than the view said.
    bool public claimAnomaly;
    uint256 public claimCount;
    uint256 public winClaims;
    uint256 public executions;
    uint256 public lateExecutions;

    constructor(PredictionMarket market_, MockAggregator feed_, MockAlloraOracle oracle_, address owner_) {
        market = market_;
        feed = feed_;
        oracle = oracle_;
        owner = owner_;
        for (uint256 i = 0; i < 4; ++i) {
            _actors.push(address(uint160(0xBE7000 + i)));
        }
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    /// Bets in the open round for one to four actors, each on a side and with an amount
    /// drawn from the seeds; actors who already bet in the round are skipped.
    function bet(uint256 actorSeed, uint256 sideSeed, uint256 amountSeed) external {
        uint256 epoch = market.currentEpoch();
        if (epoch == 0 || market.paused()) return;
        IPredictionMarket.Round memory r = market.rounds(epoch);
        if (r.status != IPredictionMarket.Status.Open || block.timestamp >= r.lockTimestamp) return;
        if (r.predictionTimestamp == 0) return; // a round without prediction takes no bets
        uint256 count = 1 + actorSeed % _actors.length;
        for (uint256 i = 0; i < count; ++i) {
            address actor = _actors[(actorSeed / _actors.length + i) % _actors.length];
            if (market.ledger(epoch, actor).amount != 0) continue;
            uint256 amount = market.minBetAmount() + uint256(keccak256(abi.encode(amountSeed, i))) % 10 ether;
            vm.deal(actor, actor.balance + amount);
            vm.prank(actor);
            if ((sideSeed >> i) & 1 == 0) {
                market.betWithAI{value: amount}(epoch, amount);
            } else {
                market.betAgainstAI{value: amount}(epoch, amount);
            }
        }
    }

    /// Moves time to the current round's lock (on time, or late in one call of eight),
    /// publishes a price and a prediction near the last price (ties and no-calls included)
    /// and executes.
    function advance(uint256 seed) external {
        if (market.paused()) return;
        if (!market.genesisStarted()) {
            market.genesisStart();
            return;
        }
        // The fuzzer favours edge values; hashing spreads them evenly over the cases.
        uint256 h = uint256(keccak256(abi.encode(seed)));
        IPredictionMarket.Round memory r = market.rounds(market.currentEpoch());
        uint256 target = h % 8 == 0
            ? uint256(r.lockTimestamp) + r.bufferSeconds + 1 + (h >> 8) % 600
            : uint256(r.lockTimestamp) + (h >> 8) % (uint256(r.bufferSeconds) + 1);
        // The price and the prediction are published at the lock time, the execution
        // comes at the target time: the round is priced as of its lock time either way.
        if (r.lockTimestamp > block.timestamp) vm.warp(r.lockTimestamp);

        (, int256 last,,,) = feed.latestRoundData();
        int256 price = last + int256((h >> 32) % 5) - 2; // -2 .. +2, 0 included
        if (price <= 0) price = 1;
        feed.setAnswer(price);
        // The oracle speaks 18 decimals, the feed 8: 1e10 oracle units per feed unit.
        int256 prediction = (price + int256((h >> 64) % 3) - 1) * 1e10;
        oracle.set(prediction, uint64(block.timestamp));
        if (target > block.timestamp) vm.warp(target);

        if (block.timestamp > uint256(r.lockTimestamp) + r.bufferSeconds) ++lateExecutions;
        ++executions;
        if (market.genesisLocked()) {
            market.executeRound(_priceRoundAt(feed, r.lockTimestamp));
        } else {
            market.genesisLock(_priceRoundAt(feed, r.lockTimestamp));
        }
    }

    /// Lets time pass without anyone executing: mostly a little, and in one call of eight
    /// long enough for rounds to expire.
    function idle(uint256 seed) external {
        uint256 h = uint256(keccak256(abi.encode(seed)));
        vm.warp(block.timestamp + (h % 8 == 0 ? (h >> 8) % 900 : (h >> 8) % 60));
    }

    /// Claims for one actor: in three calls of four a pair the market says is due (if any,
    /// searched from the seeds over the last rounds), otherwise any pair, which must fail
    /// unless it is due.
    function claim(uint256 actorSeed, uint256 epochSeed) external {
        uint256 current = market.currentEpoch();
        if (current == 0) return;
        address actor = _actors[actorSeed % _actors.length];
        uint256 epoch = 1 + epochSeed % current;
        if (epochSeed % 4 != 0) {
            (bool found, address a, uint256 e) = _findDue(actorSeed, current);
            if (found) (actor, epoch) = (a, e);
        }
        uint256 due = market.payout(epoch, actor);
        bool win = market.claimable(epoch, actor);
        uint256[] memory epochs = new uint256[](1);
        epochs[0] = epoch;
        uint256 before = actor.balance;
        vm.prank(actor);
        try market.claim(epochs) {
            if (due == 0 || actor.balance - before != due) claimAnomaly = true;
            if (++claims[epoch][actor] > 1) claimAnomaly = true;
            ++claimCount;
            if (win) ++winClaims;
        } catch {
            if (due != 0) claimAnomaly = true;
        }
    }

    function _findDue(uint256 seed, uint256 current) private view returns (bool, address, uint256) {
        uint256 oldest = current > 8 ? current - 8 : 1;
        for (uint256 e = current; e >= oldest; --e) {
            for (uint256 i = 0; i < _actors.length; ++i) {
                address a = _actors[(seed % _actors.length + i) % _actors.length];
                if (market.payout(e, a) != 0) return (true, a, e);
            }
        }
        return (false, address(0), 0);
    }

    function claimTreasury() external {
        if (market.treasuryAmount() == 0) return;
        market.claimTreasury();
    }

    /// Unpauses, or pauses in one call of eight, so that the market runs most of the time.
    function togglePause(uint256 seed) external {
        bool paused = market.paused();
        if (!paused && uint256(keccak256(abi.encode(seed))) % 8 != 0) return;
        vm.prank(owner);
        if (paused) {
            market.unpause();
        } else {
            market.pause();
        }
    }

    function setFee(uint16 feeBps) external {
        vm.prank(owner);
        market.setTreasuryFee(uint16(feeBps % 1001));
    }

    function setTiming(uint32 intervalSeed, uint32 bufferSeed) external {
        if (!market.paused()) return;
        uint32 interval = 60 + intervalSeed % 600;
        uint32 buffer = 5 + bufferSeed % (interval - 5);
        vm.prank(owner);
        market.setTiming(interval, buffer);
    }
}

contract PredictionMarketInvariantTest {
    uint256 internal constant NOW = 1_750_000_000;

    address internal owner = address(0x0A11CE);
    address internal treasury = address(0x7EA5);

    MockAggregator internal feed;
    MockAlloraOracle internal oracle;
    PredictionMarket internal market;
    PredictionMarketHandler internal handler;

    function setUp() public {
        vm.warp(NOW);
        feed = new MockAggregator(8, "ETH / USD", 3000e8);
        oracle = new MockAlloraOracle();
        oracle.set(3000e18, uint64(NOW));
        market =
            new PredictionMarket(oracle, 13, feed, IERC20(address(0)), 300, 30, 300, 1e15, 3600, 3600, owner, treasury);
        handler = new PredictionMarketHandler(market, feed, oracle, owner);
    }

    /// Read by forge: only the handler is called during invariant runs.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// What was staked equals what can still be claimed, plus the treasury's fees, plus the
    /// rounding dust of decided rounds, to the unit: nothing is lost, nothing is created.
    /// Also: the treasury got exactly the fees of decided rounds, no more.
    /// forge-config: default.invariant.runs = 32
    /// forge-config: default.invariant.depth = 200
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_BalanceEqualsEntitlementsPlusTreasury() public view {
        address[] memory actors = handler.actors();
        uint256 owed;
        uint256 dust;
        uint256 fees;
        uint256 current = market.currentEpoch();
        for (uint256 epoch = 1; epoch <= current; ++epoch) {
            (uint256 o, uint256 d, uint256 f) = _account(epoch, actors);
            owed += o;
            dust += d;
            fees += f;
        }
        vm.assertEq(address(market).balance, owed + market.treasuryAmount() + dust, "balance == owed + treasury + dust");
        vm.assertEq(treasury.balance + market.treasuryAmount(), fees, "treasury got exactly the fees");
    }

    /// One round as an outsider reckons it: what its bettors are still owed, the rounding
    /// dust it left, and its fee.
    function _account(uint256 epoch, address[] memory actors)
        internal
        view
        returns (uint256 owed, uint256 dust, uint256 fee)
    {
        IPredictionMarket.Round memory r = market.rounds(epoch);
        bool decided = r.status == IPredictionMarket.Status.AIRight || r.status == IPredictionMarket.Status.AIWrong;
        if (!decided) {
            // Open, Locked or Void: every unclaimed stake is still owed to its bettor.
            for (uint256 i = 0; i < actors.length; ++i) {
                IPredictionMarket.Bet memory b = market.ledger(epoch, actors[i]);
                if (!b.claimed) owed += b.amount;
            }
            return (owed, 0, 0);
        }
        uint256 pool = uint256(r.withAIAmount) + r.againstAIAmount;
        fee = pool * r.feeBps / 10_000;
        IPredictionMarket.Position winner = r.status == IPredictionMarket.Status.AIRight
            ? IPredictionMarket.Position.WithAI
            : IPredictionMarket.Position.AgainstAI;
        uint256 winPool = winner == IPredictionMarket.Position.WithAI ? r.withAIAmount : r.againstAIAmount;
        uint256 shared;
        for (uint256 i = 0; i < actors.length; ++i) {
            IPredictionMarket.Bet memory b = market.ledger(epoch, actors[i]);
            if (b.amount == 0 || b.position != winner) continue;
            uint256 share = uint256(b.amount) * (pool - fee) / winPool;
            shared += share;
            if (!b.claimed) owed += share;
        }
        dust = pool - fee - shared;
    }

    /// No (epoch, bettor) pair is paid twice, and every claim paid what the view promised.
    /// forge-config: default.invariant.runs = 32
    /// forge-config: default.invariant.depth = 200
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_NoDoubleClaims() public view {
        vm.assertFalse(handler.claimAnomaly(), "claim anomaly");
    }

    /// The owner pauses, sets fees and timing, and still never receives a stake.
    /// forge-config: default.invariant.runs = 32
    /// forge-config: default.invariant.depth = 200
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_OwnerNeverGainsStakes() public view {
        vm.assertEq(owner.balance, 0, "owner balance");
    }

    /// A fixed sequence through the handler that decides rounds, claims wins and refunds
    /// and voids late rounds, then checks the invariants: they are not vacuous.
    function test_HandlerSequence_ReachesEveryPath() public {
        handler.advance(1); // genesisStart
        for (uint256 i = 0; i < 40; ++i) {
            handler.bet(i * 7 + 3, i, i);
            handler.advance(i * 31 + 5);
            handler.claim(i, i + 1);
            handler.claim(i + 1, i + 2);
            if (i % 10 == 9) handler.claimTreasury();
        }
        uint256 decided;
        uint256 voided;
        for (uint256 e = 1; e <= market.currentEpoch(); ++e) {
            IPredictionMarket.Status status = market.rounds(e).status;
            if (status == IPredictionMarket.Status.AIRight || status == IPredictionMarket.Status.AIWrong) ++decided;
            if (status == IPredictionMarket.Status.Void) ++voided;
        }
        vm.assertGe(decided, 3, "rounds decided");
        vm.assertGe(voided, 3, "rounds voided");
        vm.assertGe(handler.winClaims(), 3, "wins claimed");
        vm.assertGe(handler.claimCount() - handler.winClaims(), 3, "refunds claimed");
        vm.assertGe(handler.lateExecutions(), 1, "late executions");
        vm.assertGe(treasury.balance, 1, "treasury paid");
        invariant_BalanceEqualsEntitlementsPlusTreasury();
        invariant_NoDoubleClaims();
        invariant_OwnerNeverGainsStakes();
    }
}
