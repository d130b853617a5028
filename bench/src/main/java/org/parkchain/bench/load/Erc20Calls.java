package org.parkchain.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

/**
 * Call data of the two ERC-20 functions the load generator calls. Both take only static words, so their ABI
 * encoding is the 4-byte selector followed by one 32-byte word per argument.
 */
final class Erc20Calls {
    private static final byte[] TRANSFER = selector("transfer(address,uint256)");
    private static final byte[] BALANCE_OF = selector("balanceOf(address)");

    private Erc20Calls() {}

    static byte[] transfer(Address to, UInt256 amount) {
        byte[] data = new byte[4 + 64];
        System.arraycopy(TRANSFER, 0, data, 0, 4);
        System.arraycopy(to.toWord(), 0, data, 4, 32);
        System.arraycopy(amount.toBytes32(), 0, data, 36, 32);
        return data;
    }

    static byte[] balanceOf(Address owner) {
        byte[] data = new byte[4 + 32];
        System.arraycopy(BALANCE_OF, 0, data, 0, 4);
        System.arraycopy(owner.toWord(), 0, data, 4, 32);
        return data;
    }

    private static byte[] selector(String signature) {
        return Arrays.copyOf(Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }
}
