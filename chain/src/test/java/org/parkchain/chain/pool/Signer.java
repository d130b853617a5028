package org.parkchain.chain.pool;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/** Deterministic keys and small builders of signed transactions for the pool's tests. */
final class Signer {
    static final long CHAIN_ID = 375;
    static final UInt256 GWEI = UInt256.of(1_000_000_000L);
    static final Address RECIPIENT = Address.fromLong(0xbeef);

    final PrivateKey key;
    final Address address;

    private Signer(PrivateKey key) {
        this.key = key;
        this.address = key.address();
    }

    static Signer of(int i) {
        byte[] k = new byte[32];
        k[0] = 0x11;
        k[28] = (byte) (i >>> 24);
        k[29] = (byte) (i >>> 16);
        k[30] = (byte) (i >>> 8);
        k[31] = (byte) i;
        return new Signer(PrivateKey.of(k));
    }

    static UInt256 gwei(long n) {
        return GWEI.mul(UInt256.of(n));
    }

    /** An EIP-1559 transfer of 1 wei with 21,000 gas, fee cap 10 gwei and tip 1 gwei. */
    Transaction transfer(long nonce) {
        return dynamic(nonce, gwei(10), gwei(1)).sign(key);
    }

    byte[] raw(long nonce) {
        return transfer(nonce).encode();
    }

    Transaction transfer(long nonce, UInt256 maxFee, UInt256 tip) {
        return dynamic(nonce, maxFee, tip).sign(key);
    }

    Transaction.Builder dynamic(long nonce, UInt256 maxFee, UInt256 tip) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE)
                .chainId(CHAIN_ID)
                .nonce(nonce)
                .maxFeePerGas(maxFee)
                .maxPriorityFeePerGas(tip)
                .gasLimit(21_000)
                .to(RECIPIENT)
                .value(UInt256.ONE);
    }

    Transaction.Builder legacy(long nonce, UInt256 gasPrice) {
        return Transaction.builder(TransactionType.LEGACY)
                .nonce(nonce)
                .gasPrice(gasPrice)
                .gasLimit(21_000)
                .to(RECIPIENT)
                .value(UInt256.ONE);
    }
}
