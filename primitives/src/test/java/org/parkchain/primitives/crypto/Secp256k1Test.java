package org.parkchain.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

class Secp256k1Test {
    // The key and signing hash of the worked example in EIP-155.
    static final PrivateKey EIP155_KEY = PrivateKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
    static final Hash EIP155_SIGNING_HASH = Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");

    @Test
    void derivesTheAddressOfAKnownKey() {
        assertThat(EIP155_KEY.address()).isEqualTo(Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
    }

    @Test
    void signsDeterministicallyAsInEip155() {
        Signature sig = EIP155_KEY.sign(EIP155_SIGNING_HASH);
        assertThat(sig.r()).isEqualTo(UInt256.of(new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846")));
        assertThat(sig.s()).isEqualTo(UInt256.of(new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531")));
        assertThat(sig.recId()).isEqualTo(0); // v = 37 = 1 * 2 + 35 + 0
        assertThat(EIP155_KEY.sign(EIP155_SIGNING_HASH)).isEqualTo(sig);
    }

    @Test
    void recoverAcceptsHighSAsEcrecoverDoes() {
        Signature sig = EIP155_KEY.sign(EIP155_SIGNING_HASH);
        UInt256 highS = Secp256k1.N.sub(sig.s());
        Signature flipped = new Signature(sig.recId() ^ 1, sig.r(), highS);
        assertThat(flipped.isLowS()).isFalse();
        assertThat(Secp256k1.recover(EIP155_SIGNING_HASH.toArray(), flipped.recId(), flipped.r().toBytes32(), highS.toBytes32()))
                .contains(EIP155_KEY.address());
    }

    @Test
    void recoverIsEmptyForInvalidInput() {
        byte[] hash = EIP155_SIGNING_HASH.toArray();
        byte[] one = UInt256.ONE.toBytes32();
        assertThat(Secp256k1.recover(hash, 0, new byte[32], one)).isEmpty();
        assertThat(Secp256k1.recover(hash, 0, one, new byte[32])).isEmpty();
        assertThat(Secp256k1.recover(hash, 0, Secp256k1.N.toBytes32(), one)).isEmpty();
        assertThat(Secp256k1.recover(hash, 0, one, Secp256k1.N.toBytes32())).isEmpty();
        assertThat(Secp256k1.recover(hash, 2, one, one)).isEmpty();
        assertThat(Secp256k1.recover(new byte[31], 0, one, one)).isEmpty();
        // r = 5 is the x-coordinate of no curve point (x^3 + 7 = 132 is not a square mod p).
        assertThat(Secp256k1.recover(hash, 0, UInt256.of(5).toBytes32(), one)).isEmpty();
    }

    @Test
    void rejectsOutOfRangePrivateKeys() {
        assertThatThrownBy(() -> PrivateKey.of(new byte[32])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a secp256k1 private key: must be 32 bytes in 1..n-1");
        assertThatThrownBy(() -> PrivateKey.of(Secp256k1.N.toBytes32())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivateKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(EIP155_KEY.toString()).doesNotContain("4646");
    }

    @Test
    void publicKeyMustLieOnTheCurve() {
        assertThat(PublicKey.of(EIP155_KEY.publicKey().toArray())).isEqualTo(EIP155_KEY.publicKey());
        assertThatThrownBy(() -> PublicKey.of(new byte[64])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a point on secp256k1");
    }

    @Property(tries = 50)
    void signThenRecoverGivesTheSigner(@ForAll @Size(32) byte[] seed, @ForAll byte[] message) {
        byte[] k = Keccak.keccak256(seed);
        PrivateKey key = PrivateKey.of(k);
        Hash hash = Keccak.hash(message);
        Signature sig = key.sign(hash);
        assertThat(sig.isLowS()).isTrue();
        assertThat(Secp256k1.recoverPublicKey(hash.toArray(), sig)).contains(key.publicKey());
        byte[] v65 = sig.toBytes65();
        assertThat(Hex.encode(v65).substring(2, 66)).isEqualTo(Hex.encodeNoPrefix(sig.r().toBytes32()));
    }
}
