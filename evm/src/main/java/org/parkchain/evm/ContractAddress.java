package org.parkchain.evm;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.RlpWriter;

/** Where CREATE and CREATE2 put a new contract. */
public final class ContractAddress {
    private ContractAddress() {}

    /** CREATE: the low 20 bytes of keccak(rlp([sender, nonce])), the nonce before the creator's increment. */
    public static Address forCreate(Address sender, long nonce) {
        byte[] rlp = new RlpWriter(32).startList().writeAddress(sender).writeLong(nonce).endList().toByteArray();
        return Address.fromWord(Keccak.keccak256(rlp));
    }

    /** EIP-1014: the low 20 bytes of keccak(0xff ++ sender ++ salt ++ keccak(init code)). */
    public static Address forCreate2(Address sender, UInt256 salt, byte[] initCodeHash) {
        byte[] buf = new byte[1 + 20 + 32 + 32];
        buf[0] = (byte) 0xff;
        System.arraycopy(sender.bytesUnsafe(), 0, buf, 1, 20);
        System.arraycopy(salt.toBytes32(), 0, buf, 21, 32);
        System.arraycopy(initCodeHash, 0, buf, 53, 32);
        return Address.fromWord(Keccak.keccak256(buf));
    }
}
