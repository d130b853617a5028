package org.parkchain.primitives.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.rlp.RlpWriter;

/** EIP-7702 type-4 transactions: signing, the wire format, authority recovery and the stateless checks. */
class SetCodeTransactionTest {
    private static final PrivateKey SENDER = PrivateKey.fromHex("0x" + "11".repeat(32));
    private static final PrivateKey AUTHORITY = PrivateKey.fromHex("0x" + "22".repeat(32));
    private static final Address DELEGATE = Address.fromLong(0xde1e);
    private static final UInt256 GWEI = UInt256.of(1_000_000_000L);

    private static Transaction.Builder setCode(List<Authorization> auths) {
        return Transaction.builder(TransactionType.SET_CODE).chainId(31337).nonce(3).maxFeePerGas(GWEI.mul(UInt256.of(2)))
                .maxPriorityFeePerGas(GWEI).gasLimit(100_000).to(Address.fromLong(0xbeef)).value(UInt256.ONE)
                .data(new byte[] {1, 0, 2}).authorizationList(auths);
    }

    @Test
    void signsEncodesAndDecodesWithItsAuthorizations() {
        Authorization auth = Authorization.sign(AUTHORITY, UInt256.of(31337), DELEGATE, 7);
        Transaction tx = setCode(List.of(auth)).sign(SENDER);
        byte[] wire = tx.encode();
        assertThat(wire[0]).isEqualTo((byte) 4);

        Transaction decoded = Transaction.decode(wire);
        assertThat(decoded.type()).isEqualTo(TransactionType.SET_CODE);
        assertThat(decoded.sender()).isEqualTo(SENDER.address());
        assertThat(decoded.hash()).isEqualTo(tx.hash());
        assertThat(decoded.authorizationList()).containsExactly(auth);
        assertThat(decoded.authorizationList().get(0).authority()).contains(AUTHORITY.address());
        assertThat(decoded.maxPriorityFeePerGas()).isEqualTo(GWEI);
    }

    @Test
    void aTamperedOrHighSAuthorizationRecoversNoAuthority() {
        Authorization auth = Authorization.sign(AUTHORITY, UInt256.ZERO, DELEGATE, 0);
        Authorization otherNonce = new Authorization(auth.chainId(), auth.address(), 1, auth.yParity(), auth.r(), auth.s());
        assertThat(otherNonce.authority()).isNotEqualTo(java.util.Optional.of(AUTHORITY.address()));
        UInt256 highS = org.parkchain.primitives.crypto.Secp256k1.N.sub(auth.s());
        assertThat(new Authorization(auth.chainId(), auth.address(), 0, 1 - auth.yParity(), auth.r(), highS).authority()).isEmpty();
        assertThat(new Authorization(auth.chainId(), auth.address(), 0, 2, auth.r(), auth.s()).authority()).isEmpty();
    }

    @Test
    void intrinsicGasChargesEachAuthorizationAndTheFloorApplies() {
        Authorization auth = Authorization.sign(AUTHORITY, UInt256.of(31337), DELEGATE, 7);
        Transaction tx = setCode(List.of(auth, auth)).sign(SENDER);
        assertThat(tx.intrinsicGas(IntrinsicGas.PRAGUE)).isEqualTo(21_000 + 2 * 16 + 4 + 2 * 25_000);
        // EIP-7623: 1 zero byte and 2 others are 9 tokens, 90 gas above the base
        assertThat(IntrinsicGas.PRAGUE.floor(new byte[] {1, 0, 2})).isEqualTo(21_090);
        assertThat(IntrinsicGas.CANCUN.floor(new byte[] {1, 0, 2})).isZero();
        tx.validate(31337, IntrinsicGas.PRAGUE);
    }

    @Test
    void theFloorCanBeWhatTheGasLimitFailsToCover() {
        byte[] data = new byte[1000];
        java.util.Arrays.fill(data, (byte) 1);
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(1).maxFeePerGas(GWEI)
                .gasLimit(21_000 + 16 * 1000).to(DELEGATE).data(data).sign(SENDER);
        tx.validate(1, IntrinsicGas.CANCUN);
        assertThatThrownBy(() -> tx.validate(1, IntrinsicGas.PRAGUE)).isInstanceOf(InvalidTransactionException.class)
                .hasMessageContaining("calldata floor 61000 (EIP-7623)");
    }

    @Test
    void refusesAnEmptyAuthorizationListAndAContractCreation() {
        Transaction empty = setCode(List.of()).sign(SENDER);
        assertThatThrownBy(() -> empty.validate(31337, IntrinsicGas.PRAGUE))
                .isInstanceOfSatisfying(InvalidTransactionException.class, e -> assertThat(e.reason()).isEqualTo(InvalidTransaction.EMPTY_AUTHORIZATION_LIST));
        assertThatThrownBy(() -> setCode(List.of()).to(null).sign(SENDER)).isInstanceOf(IllegalStateException.class);

        // the same fields with an empty destination on the wire
        RlpWriter w = new RlpWriter();
        w.writeRaw(new byte[] {4});
        w.startList().writeLong(1).writeLong(0).writeLong(1).writeLong(1).writeLong(21_000).writeBytes(new byte[0])
                .writeLong(0).writeBytes(new byte[0]).startList().endList().startList().endList()
                .writeLong(0).writeLong(1).writeLong(1).endList();
        assertThatThrownBy(() -> Transaction.decode(w.toByteArray()))
                .isInstanceOfSatisfying(InvalidTransactionException.class, e -> assertThat(e.reason()).isEqualTo(InvalidTransaction.MALFORMED))
                .hasMessageContaining("cannot create a contract");
    }

    @Test
    void refusesAnAuthorizationWithTheWrongShape() {
        RlpWriter w = new RlpWriter();
        w.writeRaw(new byte[] {4});
        w.startList().writeLong(1).writeLong(0).writeLong(1).writeLong(1).writeLong(50_000).writeAddress(DELEGATE)
                .writeLong(0).writeBytes(new byte[0]).startList().endList()
                .startList().startList().writeLong(1).writeAddress(DELEGATE).writeLong(0).endList().endList()
                .writeLong(0).writeLong(1).writeLong(1).endList();
        assertThatThrownBy(() -> Transaction.decode(w.toByteArray())).hasMessageContaining("authorizationList")
                .hasMessageContaining("[chainId, address, nonce, yParity, r, s]");
    }
}
