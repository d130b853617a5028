// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import "./TestToken.sol";

/// The load generator's token: the tested ERC-20 with its constructor arguments fixed, so a tool without an ABI
/// encoder for strings deploys it with the bare bytecode. The deployer receives the whole supply.
contract LoadToken is TestToken {
    constructor() TestToken("Load Token", "LOAD", 10 ** 30) {}
}
