// SPDX-License-Identifier: MIT
pragma solidity ^0.8.31;

/// Uses Osaka's CLZ (EIP-7939) from inline assembly: compiles only for evmVersion osaka, solc's default since 0.8.31.
contract Bits {
    function leadingZeros(uint256 x) external pure returns (uint256 n) {
        assembly {
            n := clz(x)
        }
    }
}

/// The code an EIP-7702 delegation points an account at: it runs in the delegating account's own context.
contract SmartWallet {
    event Pinged(address indexed caller, address indexed self, uint256 count);

    uint256 public count;

    function ping() external returns (address) {
        count += 1;
        emit Pinged(msg.sender, address(this), count);
        return address(this);
    }
}

/// Checks a secp256r1 signature through the P256VERIFY precompile at 0x100 (EIP-7951).
contract P256Check {
    function verify(bytes32 hash, bytes32 r, bytes32 s, bytes32 x, bytes32 y) external view returns (bool) {
        (bool ok, bytes memory out) = address(0x100).staticcall(abi.encode(hash, r, s, x, y));
        return ok && out.length == 32 && abi.decode(out, (uint256)) == 1;
    }
}
