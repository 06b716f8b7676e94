// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PredictionMarket} from "../src/PredictionMarket.sol";

/// @notice A bettor whose receive hook calls claim again, to take its winnings twice.
/// The inner call's revert data is kept so the test can see what stopped it; the hook
/// itself accepts the payment so that only the guard decides the outcome.
contract ReentrantClaimer {
    PredictionMarket public immutable market;
    uint256 public epoch;
    bool public reentered;
    bytes public innerRevert;
    uint256 public received;

    constructor(PredictionMarket market_) {
        market = market_;
    }

    function bet(uint256 epoch_, bool withAI) external payable {
        epoch = epoch_;
        if (withAI) {
            market.betWithAI{value: msg.value}(epoch_, msg.value);
        } else {
            market.betAgainstAI{value: msg.value}(epoch_, msg.value);
        }
    }

    function claim() external {
        uint256[] memory epochs = new uint256[](1);
        epochs[0] = epoch;
        market.claim(epochs);
    }

    receive() external payable {
        received += msg.value;
        if (reentered) return;
        reentered = true;
        uint256[] memory epochs = new uint256[](1);
        epochs[0] = epoch;
        try market.claim(epochs) {}
        catch (bytes memory reason) {
            innerRevert = reason;
        }
    }
}

/// @notice A bettor that cannot receive the native coin.
contract RejectingBettor {
    PredictionMarket public immutable market;

    constructor(PredictionMarket market_) {
        market = market_;
    }

    function bet(uint256 epoch, bool withAI) external payable {
        if (withAI) {
            market.betWithAI{value: msg.value}(epoch, msg.value);
        } else {
            market.betAgainstAI{value: msg.value}(epoch, msg.value);
        }
    }

    function claim(uint256 epoch) external {
        uint256[] memory epochs = new uint256[](1);
        epochs[0] = epoch;
        market.claim(epochs);
    }
}
