package org.parkchain.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.rlp.Rlp;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.tx.InvalidTransactionException;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * What the edge of the node sees when input is bad: for each kind, the exception type a caller can map (to a
 * JSON-RPC error, a CLI message) and the exact message a user reads.
 */
class BadInputTest {
    private static final PrivateKey KEY = PrivateKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

    private static byte[] signedTransfer(int dataSize) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(375).nonce(1).gasLimit(10_000_000)
                .maxFeePerGas(UInt256.of(2)).maxPriorityFeePerGas(UInt256.ONE).to(Address.fromLong(0x1000))
                .data(new byte[dataSize]).sign(KEY).encode();
    }

    private static void assertRefused(ThrowingCallable call, InvalidTransaction reason, String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(InvalidTransactionException.class).hasMessage(message)
                .extracting(e -> ((InvalidTransactionException) e).reason()).isEqualTo(reason);
    }

    // ---------------------------------------------------------------------------------------------- malformed RLP

    @Test
    void malformedRlpLengthPrefixWithLeadingZero() {
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0xb90037" + "00".repeat(55))))
                .isExactlyInstanceOf(RlpException.class)
                .hasMessage("non-canonical RLP at offset 0: leading zero in length prefix");
    }

    @Test
    void malformedRlpLongFormForAShortString() {
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0xb80161")))
                .isExactlyInstanceOf(RlpException.class)
                .hasMessage("non-canonical RLP at offset 0: long form used for length 1 (below 56)");
    }

    @Test
    void malformedRlpListLongerThanItsParent() {
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0xc3c58080")))
                .isExactlyInstanceOf(RlpException.class)
                .hasMessage("truncated RLP at offset 1: item declares 5 bytes, 2 remain");
    }

    @Test
    void malformedRlpLengthBeyond32Bits() {
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0xbf0f000000000000021111")))
                .isExactlyInstanceOf(RlpException.class)
                .hasMessage("RLP length at offset 0 overflows: 1080863910568919042 bytes");
    }

    // -------------------------------------------------------------------------------------- truncated transactions

    @Test
    void truncatedTransactionIsMalformed() {
        byte[] encoded = signedTransfer(0);
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - 10);
        assertRefused(() -> Transaction.decode(truncated), InvalidTransaction.MALFORMED,
                "malformed EIP-1559 transaction: truncated RLP at offset 1: item declares " + (encoded.length - 3)
                        + " bytes, " + (encoded.length - 13) + " remain");
    }

    @Test
    void transactionCutBeforeItsSignatureHasTooFewFields() {
        // A well-formed list of the six unsigned fields: nonce, gasPrice, gasLimit 21000, to, value, data.
        byte[] sixFields = Hex.decode("0xdc" + "80" + "80" + "825208" + "94" + "00".repeat(19) + "01" + "80" + "80");
        assertRefused(() -> Transaction.decode(sixFields), InvalidTransaction.MALFORMED,
                "malformed legacy transaction: 6 fields, expected 9 (nonce, gasPrice, gasLimit, to, value, data, v, r, s)");
    }

    // ------------------------------------------------------------------------------------- oversized transactions

    @Test
    void oversizedTransactionIsRefusedBeforeDecoding() {
        byte[] big = signedTransfer(Transaction.MAX_ENCODED_SIZE);
        assertRefused(() -> Transaction.decode(big), InvalidTransaction.OVERSIZED,
                "transaction is " + big.length + " bytes, above the limit of 131072");
    }

    @Test
    void oversizedForAConfiguredLimit() {
        byte[] small = signedTransfer(100);
        assertRefused(() -> Transaction.decode(small, 64), InvalidTransaction.OVERSIZED,
                "transaction is " + small.length + " bytes, above the limit of 64");
        assertThat(Transaction.decode(small, small.length).sender()).isEqualTo(KEY.address());
    }

    // ---------------------------------------------------------------------------------------------------- bad hex

    @Test
    void hexWithAnOddNumberOfDigits() {
        assertThatThrownBy(() -> Hex.decode("0xabc"))
                .isExactlyInstanceOf(InvalidHexException.class)
                .hasMessage("hex string has an odd number of digits (3)");
    }

    @Test
    void hexWithANonHexCharacter() {
        assertThatThrownBy(() -> Hex.decode("0x12zz"))
                .isExactlyInstanceOf(InvalidHexException.class)
                .hasMessage("invalid hex character 'z' at position 4");
    }

    @Test
    void hexOfTheWrongSizeForAnAddressOrHash() {
        assertThatThrownBy(() -> Address.fromHex("0x1234"))
                .isExactlyInstanceOf(InvalidHexException.class)
                .hasMessage("an address is 20 bytes (40 hex digits), got 2 bytes");
        assertThatThrownBy(() -> Hash.fromHex("0x" + "00".repeat(31)))
                .isExactlyInstanceOf(InvalidHexException.class)
                .hasMessage("a hash is 32 bytes (64 hex digits), got 31 bytes");
    }

    @Test
    void missingHex() {
        assertThatThrownBy(() -> Hex.decode(null))
                .isExactlyInstanceOf(InvalidHexException.class)
                .hasMessage("hex string is missing");
    }
}
