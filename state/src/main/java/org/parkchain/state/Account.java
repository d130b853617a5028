package org.parkchain.state;

import java.util.List;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

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
        return TrieRlp.list(List.of(
                TrieRlp.string(UInt256.of(nonce).toMinimalBytes()),
                TrieRlp.string(balance.toMinimalBytes()),
                TrieRlp.string(storageRoot.bytesUnsafe()),
                TrieRlp.string(codeHash.bytesUnsafe())));
    }

    public static Account fromRlp(byte[] rlp) {
        List<TrieRlp.Item> items = TrieRlp.items(rlp);
        if (items.size() != 4) {
            throw new IllegalArgumentException("an account is a list of 4 items, got " + items.size());
        }
        byte[] nonce = items.get(0).string();
        if (nonce.length > 8) {
            throw new IllegalArgumentException("account nonce wider than 64 bits");
        }
        return new Account(
                UInt256.fromBytes(nonce).u0,
                UInt256.fromBytes(items.get(1).string()),
                Hash.wrap(items.get(2).string()),
                Hash.wrap(items.get(3).string()));
    }
}
