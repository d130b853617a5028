package org.parkchain.state;

import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/**
 * An account as the state trie stores it: RLP of [nonce, balance, storageRoot, codeHash]. The nonce is an unsigned
 * 64-bit number (EIP-2681) held in a {@code long}.
 */
public record Account(long nonce, UInt256 balance, Hash storageRoot, Hash codeHash) {
    public static final Account EMPTY = new Account(0, UInt256.ZERO, Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_KECCAK);

    /** EIP-161 empty: no nonce, no balance, no code (storage does not count). */
    public boolean isEmpty() {
        return nonce == 0 && balance.isZero() && codeHash.equals(Hash.EMPTY_KECCAK);
    }

    public byte[] toRlp() {
        return new RlpWriter(80).startList().writeLong(nonce).writeUInt256(balance).writeHash(storageRoot).writeHash(codeHash)
                .endList().toByteArray();
    }

    /**
     * Decodes {@link #toRlp()}'s form, strictly: canonical RLP, exactly four items, a nonce of at most 8 bytes.
     *
     * @throws org.parkchain.primitives.rlp.RlpException when the bytes are not an account
     */
    public static Account fromRlp(byte[] rlp) {
        RlpReader items = RlpReader.of(rlp).readList();
        if (items.remainingItems() != 4) {
            throw new org.parkchain.primitives.rlp.RlpException(
                    "an account is a list of 4 items, got " + items.remainingItems());
        }
        return new Account(items.readUnsignedLong(), items.readUInt256(), items.readHash(), items.readHash());
    }
}
