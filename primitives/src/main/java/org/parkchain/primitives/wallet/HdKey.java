package org.parkchain.primitives.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.Secp256k1;

/**
 * A BIP-32 extended private key: a secp256k1 key, its 32-byte chain code, and where it sits in the tree.
 * Derivation is CKDpriv; public-only derivation is not needed by the node and not offered.
 */
public final class HdKey {
    private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey key;
    private final byte[] chainCode;
    private final int depth;
    private final int childNumber;

    private HdKey(PrivateKey key, byte[] chainCode, int depth, int childNumber) {
        this.key = key;
        this.chainCode = chainCode;
        this.depth = depth;
        this.childNumber = childNumber;
    }

    /**
     * The master key of a seed (BIP-32 allows 16 to 64 bytes; BIP-39 seeds are 64): I = HMAC-SHA512("Bitcoin seed",
     * seed), key = I[0..32), chain code = I[32..64).
     */
    public static HdKey master(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("a BIP-32 seed is 16 to 64 bytes, got " + seed.length);
        }
        byte[] i = hmacSha512(MASTER_HMAC_KEY, seed);
        byte[] il = Arrays.copyOfRange(i, 0, 32);
        UInt256 k = UInt256.fromBytes(il);
        if (k.isZero() || k.compareTo(Secp256k1.N) >= 0) {
            // Probability below 2^-127; BIP-32 declares such a seed unusable.
            throw new IllegalArgumentException("this seed gives an invalid BIP-32 master key; use another seed");
        }
        return new HdKey(PrivateKey.of(il), Arrays.copyOfRange(i, 32, 64), 0, 0);
    }

    /** The key at {@code path} below this one (normally below the master key). */
    public HdKey derive(DerivationPath path) {
        HdKey node = this;
        for (int child : path.childNumbers()) {
            node = node.child(child);
        }
        return node;
    }

    /**
     * CKDpriv: I = HMAC-SHA512(chain code, 0x00 ‖ k ‖ ser32(i)) for a hardened child, HMAC-SHA512(chain code,
     * serP(K) ‖ ser32(i)) for a normal one; child key = I[0..32) + k mod n, child chain code = I[32..64).
     */
    public HdKey child(int childNumber) {
        if (depth == 255) {
            throw new IllegalStateException("BIP-32 trees are at most 255 levels deep");
        }
        byte[] data = new byte[37];
        if (DerivationPath.isHardened(childNumber)) {
            byte[] k = key.toArray();
            System.arraycopy(k, 0, data, 1, 32); // data[0] stays 0x00
            Arrays.fill(k, (byte) 0);
        } else {
            System.arraycopy(key.publicKey().toCompressed(), 0, data, 0, 33);
        }
        data[33] = (byte) (childNumber >>> 24);
        data[34] = (byte) (childNumber >>> 16);
        data[35] = (byte) (childNumber >>> 8);
        data[36] = (byte) childNumber;
        byte[] i = hmacSha512(chainCode, data);
        Arrays.fill(data, (byte) 0);
        UInt256 il = UInt256.fromBytes(i, 0, 32);
        UInt256 childKey = il.addmod(UInt256.fromBytes(key.toArray()), Secp256k1.N);
        if (il.compareTo(Secp256k1.N) >= 0 || childKey.isZero()) {
            // Probability below 2^-127. BIP-32 says to skip to the next index; a path names exact indices, so refuse.
            throw new IllegalStateException("child " + childNumber + " is an invalid BIP-32 key; use the next index");
        }
        return new HdKey(PrivateKey.of(childKey.toBytes32()), Arrays.copyOfRange(i, 32, 64), depth + 1, childNumber);
    }

    public PrivateKey privateKey() {
        return key;
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    /** 0 for the master key. */
    public int depth() {
        return depth;
    }

    /** The index this key has under its parent ({@link DerivationPath#HARDENED} set if hardened); 0 for the master. */
    public int childNumber() {
        return childNumber;
    }

    @Override
    public String toString() {
        return "HdKey[depth " + depth + ", " + key + "]";
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }
}
