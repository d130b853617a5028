// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import "./IParkRegistry.sol";
import "./IParkToken.sol";
import "./IOfferings.sol";

/// An investment vehicle written in Solidity that uses the park's native system contracts like any other contracts:
/// it subscribes to an offering with coin, claims the tokens, holds and moves park tokens, and asks the registry
/// questions. Identified as a client in its own right (the registry's rules apply to its address), run by its owner.
contract ParkInvestor {
    IParkRegistry public constant REGISTRY = IParkRegistry(address(0x1000));
    IOfferings public constant OFFERINGS = IOfferings(address(0x1002));

    address public immutable owner;

    error NotOwner(address caller);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    function subscribe(uint256 offeringId, uint256 tokenAmount) external payable onlyOwner {
        OFFERINGS.subscribe{value: msg.value}(offeringId, tokenAmount);
    }

    function claim(uint256 offeringId) external onlyOwner {
        OFFERINGS.claim(offeringId);
    }

    function pay(IParkToken token, address to, uint256 amount) external onlyOwner {
        require(token.transfer(to, amount), "ParkInvestor: transfer returned false");
    }

    /// Tries a transfer and reports the park's refusal instead of reverting: the reason crosses the call boundary
    /// as Error(string), as it would from a Solidity token.
    function tryPay(IParkToken token, address to, uint256 amount) external onlyOwner returns (bool ok, string memory reason) {
        try token.transfer(to, amount) returns (bool done) {
            return (done, "");
        } catch Error(string memory why) {
            return (false, why);
        }
    }

    /// A board-only function called directly by a contract: the registry refuses it. Returns the refusal.
    function tryToBlock(address account) external returns (string memory reason) {
        try REGISTRY.blockAddress(account, keccak256("no authority")) {
            return "";
        } catch Error(string memory why) {
            return why;
        }
    }

    function holdings(IParkToken token) external view returns (uint256) {
        return token.balanceOf(address(this));
    }

    /// What the registry says about this contract and about the park.
    function standing() external view returns (bool verified, bool blocked, uint256 levyRateBps, address treasury) {
        return (REGISTRY.isVerified(address(this)), REGISTRY.isBlocked(address(this)), REGISTRY.levyRateBps(),
                REGISTRY.treasury());
    }

    receive() external payable {}
}
