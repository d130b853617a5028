package org.parkchain.primitives.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;

/** Random transactions of every type round-trip and recover their signer; damaged encodings fail only as refusals. */
class TransactionPropertyTest {
    private static final PrivateKey KEY = PrivateKey.fromHex("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

    @Provide
    Arbitrary<Transaction> transactions() {
        Arbitrary<TransactionType> types = Arbitraries.of(TransactionType.LEGACY, TransactionType.ACCESS_LIST, TransactionType.DYNAMIC_FEE);
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<UInt256> amounts = Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO,
                java.math.BigInteger.ONE.shiftLeft(256).subtract(java.math.BigInteger.ONE)).map(UInt256::of);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
        Arbitrary<Address> to = Arbitraries.longs().between(0, 1_000_000).map(Address::fromLong).injectNull(0.2);
        Arbitrary<List<AccessListEntry>> accessLists = Arbitraries.integers().between(0, 3).map(n -> {
            List<AccessListEntry> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(new AccessListEntry(Address.fromLong(i + 1), i == 0 ? List.of() : List.of(Hash.ZERO, Hash.EMPTY_KECCAK)));
            }
            return list;
        });
        Arbitrary<Long> chainIds = Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.2);
        return Combinators.combine(types, longs, amounts, amounts, data, to, accessLists, chainIds).as(
                (type, nonce, fee, value, bytes, recipient, accessList, chainId) -> {
                    Transaction.Builder b = Transaction.builder(type).nonce(nonce).gasLimit(nonce >>> 7).to(recipient)
                            .value(value).data(bytes);
                    if (type == TransactionType.DYNAMIC_FEE) {
                        b.maxFeePerGas(fee).maxPriorityFeePerGas(fee.shr(1));
                    } else {
                        b.gasPrice(fee);
                    }
                    if (type != TransactionType.LEGACY) {
                        b.accessList(accessList).chainId(chainId == null ? 1 : chainId);
                    } else if (chainId != null) {
                        b.chainId(chainId);
                    }
                    return b.sign(KEY);
                });
    }

    @Property(tries = 200)
    void decodingAnEncodedTransactionGivesItBackWithItsSigner(@ForAll("transactions") Transaction tx) {
        Transaction decoded = Transaction.decode(tx.encode(), Integer.MAX_VALUE);
        assertThat(decoded).isEqualTo(tx);
        assertThat(decoded.hash()).isEqualTo(tx.hash());
        assertThat(decoded.sender()).isEqualTo(KEY.address());
        assertThat(decoded.chainId()).isEqualTo(tx.chainId());
        assertThat(decoded.accessList()).isEqualTo(tx.accessList());
        assertThat(decoded.intrinsicGas(IntrinsicGas.CANCUN)).isEqualTo(tx.intrinsicGas(IntrinsicGas.CANCUN));
        assertThat(decoded.signingHash()).isEqualTo(tx.signingHash());
    }

    /** The node must never fail on a raw transaction with anything but a refusal it can report. */
    @Property(tries = 2000)
    void damagedEncodingsAreRefusedOrDecodedNeverThrowOtherwise(@ForAll("transactions") Transaction tx,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte replacement, @ForAll @IntRange(min = 0, max = 2) int how) {
        byte[] encoded = tx.encode();
        int at = where % encoded.length;
        byte[] damaged = switch (how) {
            case 0 -> {
                byte[] d = encoded.clone();
                d[at] = replacement;
                yield d;
            }
            case 1 -> java.util.Arrays.copyOf(encoded, at);
            default -> {
                byte[] d = new byte[encoded.length + 1];
                System.arraycopy(encoded, 0, d, 0, at);
                d[at] = replacement;
                System.arraycopy(encoded, at, d, at + 1, encoded.length - at);
                yield d;
            }
        };
        try {
            Transaction decoded = Transaction.decode(damaged, Integer.MAX_VALUE);
            try {
                decoded.sender();
            } catch (InvalidTransactionException refused) {
                assertThat(refused.reason()).isEqualTo(InvalidTransaction.INVALID_SENDER);
            }
            // Only canonical encodings are accepted: the fields re-encode to exactly the bytes that were decoded.
            assertThat(decoded.toBuilder().withSignature(decoded.signature()).encode()).isEqualTo(damaged);
        } catch (InvalidTransactionException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
