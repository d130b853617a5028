// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import "./IExchange.sol";

/// A Solidity contract that trades on the park's exchange for its users: it places coin-paid buy orders with the
/// coin a user sends and cancels them only for the user who placed them. The exchange sees the contract as the
/// trader, so the park's rules apply to the contract's own address (it must be an identified client, not blocked).
/// What a cancelled or partly unused order returns is credited to the contract's balance without running its code;
/// the contract books it to the user, who withdraws it.
contract ParkTrader {
    IExchange public constant EXCHANGE = IExchange(address(0x1003));

    mapping(uint256 => address) public userOf;
    mapping(address => uint256) public owed;

    error NotYourOrder(uint256 orderId, address caller);

    function buy(uint256 marketId, uint256 price, uint256 amount, IExchange.TimeInForce tif)
        external payable returns (uint256 orderId)
    {
        uint256 before = address(this).balance - msg.value;
        orderId = EXCHANGE.placeOrder{value: msg.value}(marketId, IExchange.Side.Buy, price, amount, tif);
        userOf[orderId] = msg.sender;
        // The excess over the lock came back at once, and so did what an immediately closed order did not use.
        owed[msg.sender] += address(this).balance - before;
    }

    function cancel(uint256 orderId) external {
        if (userOf[orderId] != msg.sender) revert NotYourOrder(orderId, msg.sender);
        uint256 before = address(this).balance;
        EXCHANGE.cancelOrder(orderId);
        owed[msg.sender] += address(this).balance - before;
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "ParkTrader: withdraw failed");
    }

    /// Refuses plain coin: the exchange's payouts arrive without running code, nobody else should send any.
    receive() external payable {
        revert("ParkTrader: no plain transfers");
    }
}
