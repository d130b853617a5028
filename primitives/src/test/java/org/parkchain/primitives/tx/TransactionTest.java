package org.parkchain.primitives.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.Secp256k1;
import org.parkchain.primitives.rlp.RlpWriter;

class TransactionTest {
    private static final PrivateKey EIP155_KEY = PrivateKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
    private static final PrivateKey KEY = PrivateKey.fromHex("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    private static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");
    private static final UInt256 GWEI = UInt256.of(1_000_000_000L);

    // ------------------------------------------------------------------------------------------- EIP-155 example

    private static Transaction.Builder eip155Example() {
        return Transaction.builder(TransactionType.LEGACY).chainId(1).nonce(9).gasPrice(UInt256.of(20_000_000_000L))
                .gasLimit(21_000).to(TO).value(UInt256.parse("1000000000000000000"));
    }

    @Test
    void signsTheEip155ExampleExactlyAsTheEipText() {
        Transaction.Builder b = eip155Example();
        assertThat(b.signingHash()).isEqualTo(Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));

        Transaction tx = b.sign(EIP155_KEY);

        assertThat(Hex.encode(tx.encode())).isEqualTo("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3"
                + "a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800"
                + "ccf555c9f3dc64214b297fb1966a3b6d83");
        assertThat(tx.v()).isEqualTo(UInt256.of(37));
        assertThat(tx.signature().r()).isEqualTo(UInt256.parse("18515461264373351373200002665853028612451056578545711640558177340181847433846"));
        assertThat(tx.signature().s()).isEqualTo(UInt256.parse("46948507304638947509940763649030358759909902576025900602547168820602576006531"));
        assertThat(tx.chainId()).contains(UInt256.ONE);
    }

    @Test
    void decodesTheEip155ExampleAndRecoversItsSender() {
        Transaction signed = eip155Example().sign(EIP155_KEY);
        Transaction decoded = Transaction.decode(signed.encode());

        assertThat(decoded.sender()).isEqualTo(EIP155_KEY.address());
        assertThat(decoded.hash()).isEqualTo(signed.hash());
        assertThat(decoded.nonce()).isEqualTo(9);
        assertThat(decoded.gasPrice()).isEqualTo(UInt256.of(20_000_000_000L));
        assertThat(decoded.to()).contains(TO);
        assertThat(decoded.intrinsicGas(IntrinsicGas.CANCUN)).isEqualTo(21_000);
        assertThat(decoded).isEqualTo(signed);
    }

    // ------------------------------------------------------------------------------------------------ round trips

    @Test
    void legacyWithoutChainIdRoundTripsWithV27Or28() {
        Transaction tx = Transaction.builder(TransactionType.LEGACY).nonce(0).gasPrice(GWEI).gasLimit(50_000).to(TO)
                .data(Hex.decode("0x00ff00")).sign(KEY);
        Transaction decoded = Transaction.decode(tx.encode());

        assertThat(decoded.chainId()).isEmpty();
        assertThat(decoded.isReplayProtected()).isFalse();
        assertThat(decoded.v().toLong()).isIn(27L, 28L);
        assertThat(decoded.sender()).isEqualTo(KEY.address());
        assertThat(decoded.hash()).isEqualTo(tx.hash());
        assertThat(decoded.intrinsicGas(IntrinsicGas.CANCUN)).isEqualTo(21_000 + 4 + 16 + 4);
    }

    @Test
    void accessListTransactionRoundTrips() {
        List<AccessListEntry> accessList = List.of(
                new AccessListEntry(TO, List.of(Hash.ZERO, Hash.EMPTY_KECCAK)),
                new AccessListEntry(KEY.address(), List.of()));
        Transaction tx = Transaction.builder(TransactionType.ACCESS_LIST).chainId(375).nonce(7).gasPrice(GWEI)
                .gasLimit(100_000).to(TO).value(UInt256.of(5)).data(new byte[] {1, 2, 3}).accessList(accessList).sign(KEY);
        byte[] encoded = tx.encode();
        Transaction decoded = Transaction.decode(encoded);

        assertThat(encoded[0]).isEqualTo((byte) 1);
        assertThat(decoded.type()).isEqualTo(TransactionType.ACCESS_LIST);
        assertThat(decoded.accessList()).isEqualTo(accessList);
        assertThat(decoded.chainId()).contains(UInt256.of(375));
        assertThat(decoded.sender()).isEqualTo(KEY.address());
        assertThat(decoded.encode()).isEqualTo(encoded);
        assertThat(decoded.intrinsicGas(IntrinsicGas.CANCUN)).isEqualTo(21_000 + 3 * 16 + 2 * 2_400 + 2 * 1_900);
    }

    @Test
    void dynamicFeeContractCreationRoundTrips() {
        byte[] initCode = new byte[70];
        initCode[0] = 0x60;
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(375).nonce(-1L >>> 1)
                .maxPriorityFeePerGas(GWEI).maxFeePerGas(GWEI.add(GWEI)).gasLimit(1_000_000).data(initCode).sign(KEY);
        Transaction decoded = Transaction.decode(tx.encode());

        assertThat(decoded.type()).isEqualTo(TransactionType.DYNAMIC_FEE);
        assertThat(decoded.isContractCreation()).isTrue();
        assertThat(decoded.to()).isEmpty();
        assertThat(decoded.maxPriorityFeePerGas()).isEqualTo(GWEI);
        assertThat(decoded.maxFeePerGas()).isEqualTo(GWEI.add(GWEI));
        assertThat(decoded.nonce()).isEqualTo(Long.MAX_VALUE);
        assertThat(decoded.sender()).isEqualTo(KEY.address());
        // 69 zero bytes, one non-zero, creation, 3 words of init code.
        assertThat(decoded.intrinsicGas(IntrinsicGas.CANCUN)).isEqualTo(21_000 + 69 * 4 + 16 + 32_000 + 3 * 2);
        assertThat(decoded.effectiveGasPrice(UInt256.of(500_000_000L))).isEqualTo(UInt256.of(1_500_000_000L));
        assertThat(decoded.effectiveGasPrice(GWEI.add(UInt256.of(1)))).isEqualTo(GWEI.add(GWEI));
    }

    @Test
    void signatureMadeElsewhereGivesTheSameTransaction() {
        Transaction.Builder b = eip155Example();
        Transaction signed = b.sign(EIP155_KEY);
        Transaction assembled = b.withSignature(EIP155_KEY.sign(b.signingHash()));
        assertThat(assembled.encode()).isEqualTo(signed.encode());
        assertThat(assembled.sender()).isEqualTo(EIP155_KEY.address());
    }

    @Test
    void senderIsRecoveredOnceAndTheSameForConcurrentCallers() throws Exception {
        Transaction tx = Transaction.decode(eip155Example().sign(EIP155_KEY).encode());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentHashMap<Address, Boolean> seen = new ConcurrentHashMap<>();
        for (int i = 0; i < 16; i++) {
            pool.submit(() -> {
                start.await();
                seen.put(tx.sender(), true);
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.keySet()).containsExactly(EIP155_KEY.address());
        assertThat(tx.sender()).isSameAs(tx.sender());
    }

    @Test
    void blockBodyItemsWrapTypedEnvelopesAndRoundTrip() {
        Transaction legacy = eip155Example().sign(EIP155_KEY);
        Transaction typed = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(1).gasLimit(21_000).to(TO).sign(KEY);
        RlpWriter w = new RlpWriter().startList();
        legacy.writeBlockBodyItem(w);
        typed.writeBlockBodyItem(w);
        byte[] body = w.endList().toByteArray();

        org.parkchain.primitives.rlp.RlpReader list = org.parkchain.primitives.rlp.RlpReader.of(body).readList();
        assertThat(list.nextIsList()).isTrue();
        assertThat(Transaction.readBlockBodyItem(list, Transaction.MAX_ENCODED_SIZE)).isEqualTo(legacy);
        assertThat(list.nextIsList()).isFalse();
        assertThat(Transaction.readBlockBodyItem(list, Transaction.MAX_ENCODED_SIZE)).isEqualTo(typed);
        assertThat(list.hasNext()).isFalse();

        byte[] wrappedLegacy = new RlpWriter().startList().writeBytes(legacy.encode()).endList().toByteArray();
        assertRefused(() -> Transaction.readBlockBodyItem(
                org.parkchain.primitives.rlp.RlpReader.of(wrappedLegacy).readList(), Transaction.MAX_ENCODED_SIZE),
                InvalidTransaction.MALFORMED, "not wrapped in a byte string");
    }

    // -------------------------------------------------------------------------------------------------- refusals

    private static void assertRefused(ThrowingCallable call, InvalidTransaction reason, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((InvalidTransactionException) e).reason())
                .isEqualTo(reason);
    }

    /** A legacy list with the EIP-155 example's fields, where {@code fields} replaces writing of the default ones. */
    private static byte[] legacyList(java.util.function.Consumer<RlpWriter> fields) {
        RlpWriter w = new RlpWriter();
        w.startList();
        fields.accept(w);
        w.endList();
        return w.toByteArray();
    }

    private static void exampleFieldsWithoutSignature(RlpWriter w) {
        w.writeLong(9).writeLong(20_000_000_000L).writeLong(21_000).writeAddress(TO).writeUInt256(UInt256.parse("1000000000000000000"))
                .writeBytes(new byte[0]);
    }

    @Test
    void refusesEmptyInput() {
        assertRefused(() -> Transaction.decode(new byte[0]), InvalidTransaction.MALFORMED, "transaction is empty");
    }

    @Test
    void refusesAnEncodingAboveTheSizeLimit() {
        byte[] encoded = eip155Example().sign(EIP155_KEY).encode();
        assertRefused(() -> Transaction.decode(encoded, encoded.length - 1), InvalidTransaction.OVERSIZED,
                "transaction is 110 bytes, above the limit of 109");
        byte[] huge = Transaction.builder(TransactionType.LEGACY).gasLimit(10_000_000).to(TO)
                .data(new byte[Transaction.MAX_ENCODED_SIZE]).sign(KEY).encode();
        assertRefused(() -> Transaction.decode(huge), InvalidTransaction.OVERSIZED, "above the limit of 131072");
        assertThat(Transaction.decode(huge, huge.length).dataSize()).isEqualTo(Transaction.MAX_ENCODED_SIZE);
    }

    @Test
    void refusesTruncatedAndTrailingBytes() {
        byte[] encoded = eip155Example().sign(EIP155_KEY).encode();
        assertRefused(() -> Transaction.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)), InvalidTransaction.MALFORMED,
                "truncated RLP at offset 0");
        assertRefused(() -> Transaction.decode(java.util.Arrays.copyOf(encoded, encoded.length + 1)), InvalidTransaction.MALFORMED,
                "1 trailing bytes");
        byte[] typed = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(1).gasLimit(21_000).to(TO).sign(KEY).encode();
        assertRefused(() -> Transaction.decode(new byte[] {2}), InvalidTransaction.MALFORMED, "type byte is not followed by an RLP list");
        assertRefused(() -> Transaction.decode(java.util.Arrays.copyOf(typed, typed.length - 2)), InvalidTransaction.MALFORMED,
                "malformed EIP-1559 transaction: truncated RLP");
    }

    @Test
    void refusesWrongFieldCounts() {
        byte[] eight = legacyList(w -> {
            exampleFieldsWithoutSignature(w);
            w.writeLong(37).writeLong(1);
        });
        assertRefused(() -> Transaction.decode(eight), InvalidTransaction.MALFORMED,
                "malformed legacy transaction: 8 fields, expected 9 (nonce, gasPrice, gasLimit, to, value, data, v, r, s)");
        RlpWriter w = new RlpWriter();
        w.writeRaw(new byte[] {2}).startList();
        for (int i = 0; i < 13; i++) w.writeLong(1);
        w.endList();
        assertRefused(() -> Transaction.decode(w.toByteArray()), InvalidTransaction.MALFORMED,
                "malformed EIP-1559 transaction: 13 fields, expected 12");
    }

    @Test
    void refusesNonCanonicalIntegersNamingTheField() {
        byte[] leadingZeroNonce = legacyList(w -> {
            w.writeBytes(new byte[] {0, 9});
            w.writeLong(20_000_000_000L).writeLong(21_000).writeAddress(TO).writeLong(1).writeBytes(new byte[0]);
            w.writeLong(37).writeLong(1).writeLong(1);
        });
        assertRefused(() -> Transaction.decode(leadingZeroNonce), InvalidTransaction.MALFORMED,
                "malformed legacy transaction: nonce: non-canonical integer at offset 1: leading zero byte");
        byte[] wrappedSingleByte = Hex.decode("0xca" + "8109" + "01" + "01" + "80" + "01" + "80" + "25" + "01" + "01");
        assertRefused(() -> Transaction.decode(wrappedSingleByte), InvalidTransaction.MALFORMED,
                "nonce: non-canonical RLP at offset 1: single byte 0x9 below 0x80 must not be wrapped");
    }

    @Test
    void refusesFieldsOfTheWrongShape() {
        byte[] shortTo = legacyList(w -> {
            w.writeLong(9).writeLong(1).writeLong(21_000).writeBytes(new byte[19]).writeLong(1).writeBytes(new byte[0]);
            w.writeLong(37).writeLong(1).writeLong(1);
        });
        assertRefused(() -> Transaction.decode(shortTo), InvalidTransaction.MALFORMED, "to: at offset 6 must be empty (contract creation) or 20 bytes, got 19");
        byte[] listData = legacyList(w -> {
            w.writeLong(9).writeLong(1).writeLong(21_000).writeAddress(TO).writeLong(1).startList().endList();
            w.writeLong(37).writeLong(1).writeLong(1);
        });
        assertRefused(() -> Transaction.decode(listData), InvalidTransaction.MALFORMED, "data: expected a byte string");
        byte[] wideNonce = legacyList(w -> {
            w.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0});
            w.writeLong(1).writeLong(21_000).writeAddress(TO).writeLong(1).writeBytes(new byte[0]);
            w.writeLong(37).writeLong(1).writeLong(1);
        });
        assertRefused(() -> Transaction.decode(wideNonce), InvalidTransaction.MALFORMED, "nonce: a 64-bit integer at offset 1 is 9 bytes, more than 8");
        assertRefused(() -> Transaction.decode(Hex.decode("0x8180")), InvalidTransaction.MALFORMED, "found an RLP string (first byte 0x81)");
    }

    @Test
    void refusesLegacyVOutOfRange() {
        byte[] v26 = legacyList(w -> {
            exampleFieldsWithoutSignature(w);
            w.writeLong(26).writeLong(1).writeLong(1);
        });
        assertRefused(() -> Transaction.decode(v26), InvalidTransaction.INVALID_SENDER,
                "legacy transaction v must be 27, 28 or chainId * 2 + 35 or 36 (EIP-155), got 26");
    }

    @Test
    void refusesTypedYParityOutOfRange() {
        Transaction tx = Transaction.builder(TransactionType.ACCESS_LIST).chainId(1).gasLimit(21_000).to(TO).sign(KEY);
        RlpWriter w = new RlpWriter();
        w.writeRaw(new byte[] {1}).startList().writeLong(1).writeLong(0).writeLong(0).writeLong(21_000).writeAddress(TO)
                .writeLong(0).writeBytes(new byte[0]).startList().endList()
                .writeLong(2).writeUInt256(tx.signature().r()).writeUInt256(tx.signature().s()).endList();
        assertRefused(() -> Transaction.decode(w.toByteArray()), InvalidTransaction.INVALID_SENDER,
                "EIP-2930 transaction yParity must be 0 or 1, got 2");
    }

    @Test
    void refusesHighSAndOutOfRangeRAndS() {
        Transaction tx = eip155Example().sign(EIP155_KEY);
        UInt256 highS = Secp256k1.N.sub(tx.signature().s());
        long flippedV = 37 + 36 - tx.v().toLong();
        byte[] flipped = legacyList(w -> {
            exampleFieldsWithoutSignature(w);
            w.writeLong(flippedV).writeUInt256(tx.signature().r()).writeUInt256(highS);
        });
        assertRefused(() -> Transaction.decode(flipped), InvalidTransaction.INVALID_SENDER, "signature s is above n/2; EIP-2");
        byte[] zeroR = legacyList(w -> {
            exampleFieldsWithoutSignature(w);
            w.writeLong(37).writeLong(0).writeUInt256(tx.signature().s());
        });
        assertRefused(() -> Transaction.decode(zeroR), InvalidTransaction.INVALID_SENDER, "signature r must be in 1..n-1");
        byte[] sIsN = legacyList(w -> {
            exampleFieldsWithoutSignature(w);
            w.writeLong(37).writeUInt256(tx.signature().r()).writeUInt256(Secp256k1.N);
        });
        assertRefused(() -> Transaction.decode(sIsN), InvalidTransaction.INVALID_SENDER, "signature s must be in 1..n-1");
    }

    @Test
    void refusesBlobTransactionsWithAClearReason() {
        RlpWriter w = new RlpWriter();
        w.writeRaw(new byte[] {3}).startList();
        w.writeLong(1).writeLong(0).writeLong(1).writeLong(1).writeLong(21_000).writeAddress(TO).writeLong(0)
                .writeBytes(new byte[0]).startList().endList().writeLong(1).startList().writeHash(Hash.ZERO).endList()
                .writeLong(0).writeLong(1).writeLong(1);
        w.endList();
        assertRefused(() -> Transaction.decode(w.toByteArray()), InvalidTransaction.TYPE_NOT_SUPPORTED,
                "blob transactions (EIP-4844) are not supported: Parkchain carries no blobs");
        assertRefused(() -> Transaction.decode(Hex.decode("0x03c101")), InvalidTransaction.MALFORMED,
                "malformed EIP-4844 transaction: 1 fields, expected 14");
        assertThatThrownBy(() -> Transaction.builder(TransactionType.BLOB)).hasMessage(Transaction.BLOB_NOT_SUPPORTED);
    }

    @Test
    void refusesUnknownTypes() {
        assertRefused(() -> Transaction.decode(Hex.decode("0x05c0")), InvalidTransaction.TYPE_NOT_SUPPORTED,
                "transaction type 0x05 is not supported");
        assertRefused(() -> Transaction.decode(Hex.decode("0x00c0")), InvalidTransaction.TYPE_NOT_SUPPORTED,
                "transaction type 0x00 is not supported");
    }

    @Test
    void refusesASignatureThatRecoversToNoKey() {
        // r = 5 is below n but no curve point has x = 5 with this parity for most messages; search for one that fails.
        Transaction.Builder b = eip155Example();
        for (long r = 1; r < 100; r++) {
            Transaction tx = b.withSignature(new org.parkchain.primitives.crypto.Signature(0, UInt256.of(r), UInt256.ONE));
            boolean recovers = Secp256k1.recoverPublicKey(tx.signingHash().bytesUnsafe(), tx.signature()).isPresent();
            if (!recovers) {
                assertRefused(tx::sender, InvalidTransaction.INVALID_SENDER, "does not recover to a public key");
                return;
            }
        }
        throw new AssertionError("no unrecoverable r below 100");
    }

    // ---------------------------------------------------------------------------------------- stateless validation

    @Test
    void validationRefusesAnotherChainsTransaction() {
        Transaction tx = eip155Example().sign(EIP155_KEY);
        tx.validate(1, IntrinsicGas.CANCUN);
        assertRefused(() -> tx.validate(375, IntrinsicGas.CANCUN), InvalidTransaction.INVALID_CHAIN_ID, "signed for chain id 1, this chain's id is 375");
        Transaction unprotected = eip155Example().chainId(UInt256.ZERO).sign(KEY);
        assertRefused(() -> unprotected.validate(1, IntrinsicGas.CANCUN), InvalidTransaction.INVALID_CHAIN_ID, "chain id 0");
    }

    @Test
    void validationRefusesBrokenStatelessRules() {
        Transaction.Builder ok = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(1).gasLimit(21_000).to(TO)
                .maxFeePerGas(GWEI).maxPriorityFeePerGas(GWEI);
        ok.sign(KEY).validate(1, IntrinsicGas.CANCUN);

        assertRefused(() -> ok.copy().nonce(-1L).sign(KEY).validate(1, IntrinsicGas.CANCUN), InvalidTransaction.NONCE_MAX, "EIP-2681");
        assertRefused(() -> ok.copy().maxPriorityFeePerGas(GWEI.add(UInt256.ONE)).sign(KEY).validate(1, IntrinsicGas.CANCUN),
                InvalidTransaction.TIP_ABOVE_FEE_CAP, "maxPriorityFeePerGas 1000000001 is above maxFeePerGas 1000000000");
        assertRefused(() -> ok.copy().gasLimit(20_999).sign(KEY).validate(1, IntrinsicGas.CANCUN), InvalidTransaction.INTRINSIC_GAS_TOO_LOW,
                "gasLimit 20999 is below the intrinsic gas 21000");
        assertRefused(() -> ok.copy().maxFeePerGas(UInt256.MAX.shr(1)).maxPriorityFeePerGas(UInt256.ONE)
                .gasLimit(4).sign(KEY).validate(1, IntrinsicGas.CANCUN), InvalidTransaction.FEE_OVERFLOW, "exceeds 256 bits");
        assertRefused(() -> ok.copy().to(null).gasLimit(10_000_000).data(new byte[Transaction.MAX_INIT_CODE_SIZE + 1])
                .sign(KEY).validate(1, IntrinsicGas.CANCUN), InvalidTransaction.INITCODE_TOO_LARGE, "init code is 49153 bytes, above the limit of 49152");
        ok.copy().to(null).gasLimit(10_000_000).data(new byte[Transaction.MAX_INIT_CODE_SIZE]).sign(KEY).validate(1, IntrinsicGas.CANCUN);
    }
}
