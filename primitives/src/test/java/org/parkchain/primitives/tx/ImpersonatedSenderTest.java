package org.parkchain.primitives.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.Secp256k1;

class ImpersonatedSenderTest {
    private static final Address BOARD = Address.fromHex("0x1234567890abcdef1234567890abcdef12345678");

    private static Transaction.Builder transfer() {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(31337).nonce(3)
                .maxFeePerGas(UInt256.of(2_000_000_000L)).maxPriorityFeePerGas(UInt256.of(1_000_000_000L))
                .gasLimit(21_000).to(Address.fromLong(0xca401)).value(UInt256.of(5));
    }

    @Test
    void theSenderTravelsInTheEncodingAndSurvivesDecoding() {
        Transaction tx = transfer().impersonate(BOARD);
        Transaction decoded = Transaction.decode(tx.encode());
        assertThat(decoded.isImpersonated()).isTrue();
        assertThat(decoded.sender()).isEqualTo(BOARD);
        assertThat(decoded.hash()).isEqualTo(tx.hash());
        assertThat(decoded.signature().s()).isEqualTo(ImpersonatedSender.MARK);
        // Within EIP-2's range, so strict decoding, block bodies and every tool read it as any other transaction.
        assertThat(decoded.signature().hasValidRange()).isTrue();
        assertThat(decoded.signature().isLowS()).isTrue();
        assertThat(ImpersonatedSender.MARK.compareTo(Secp256k1.HALF_N)).isNegative();
    }

    @Test
    void twoSendersOfTheSameFieldsGiveTwoTransactions() {
        Transaction a = transfer().impersonate(BOARD);
        Transaction b = transfer().impersonate(Address.fromLong(1));
        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(Transaction.decode(b.encode()).sender()).isEqualTo(Address.fromLong(1));
    }

    @Test
    void theZeroAddressAndLegacyTransactionsToo() {
        Transaction zero = transfer().impersonate(Address.ZERO);
        assertThat(Transaction.decode(zero.encode()).sender()).isEqualTo(Address.ZERO);
        Transaction legacy = Transaction.builder(TransactionType.LEGACY).chainId(31337).gasPrice(UInt256.ONE)
                .gasLimit(21_000).to(BOARD).impersonate(Address.fromLong(0xfee));
        Transaction decoded = Transaction.decode(legacy.encode());
        assertThat(decoded.isImpersonated()).isTrue();
        assertThat(decoded.sender()).isEqualTo(Address.fromLong(0xfee));
    }

    @Test
    void aSignedTransactionIsNotImpersonated() {
        PrivateKey key = PrivateKey.of(UInt256.of(0x5eed).toBytes32());
        Transaction signed = Transaction.decode(transfer().sign(key).encode());
        assertThat(signed.isImpersonated()).isFalse();
        assertThat(signed.sender()).isEqualTo(key.address());
    }
}
