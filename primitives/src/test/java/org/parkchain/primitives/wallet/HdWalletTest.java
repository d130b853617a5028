package org.parkchain.primitives.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.crypto.PrivateKey;

class HdWalletTest {
    private static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";

    @Test
    void derivesHardhatAndAnvilDevAccounts() {
        List<PrivateKey> accounts = HdWallet.fromPhrase(TEST_MNEMONIC).accounts(10);
        assertThat(accounts.get(0).address()).isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertThat(accounts.get(0).address().toChecksumHex()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(Hex.encode(accounts.get(0).toArray()))
                .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        assertThat(accounts.get(1).address().toChecksumHex()).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(accounts.get(9).address().toChecksumHex()).isEqualTo("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
        assertThat(accounts.stream().map(PrivateKey::address).distinct()).hasSize(10);
    }

    @Test
    void accountIsTheKeyAtTheEthereumPath() {
        HdKey master = HdKey.master(Mnemonic.parse(TEST_MNEMONIC).toSeed(""));
        PrivateKey viaPath = master.derive(DerivationPath.parse("m/44'/60'/0'/0/9")).privateKey();
        assertThat(HdWallet.fromPhrase(TEST_MNEMONIC).account(9)).isEqualTo(viaPath);
        assertThat(DerivationPath.ethereum(9)).isEqualTo(DerivationPath.parse("m/44h/60H/0'/0/9"));
    }

    /** BIP-32 test vector 1; each expected extended key carries its own Base58Check checksum, so typos fail loudly. */
    @Test
    void matchesBip32TestVector1() {
        HdKey master = HdKey.master(Hex.decode("000102030405060708090a0b0c0d0e0f"));
        String[][] chain = {
            {"m", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"},
            {"m/0'", "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7"},
            {"m/0'/1", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"},
            {"m/0'/1/2'", "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM"},
            {"m/0'/1/2'/2", "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"},
            {"m/0'/1/2'/2/1000000000", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"},
        };
        for (String[] step : chain) {
            DerivationPath path = DerivationPath.parse(step[0]);
            HdKey key = master.derive(path);
            byte[] xprv = base58CheckDecode(step[1]);
            assertThat(xprv).as(step[0]).hasSize(78);
            assertThat(xprv[4] & 0xff).as(step[0] + " depth").isEqualTo(key.depth());
            assertThat(Hex.encode(Arrays.copyOfRange(xprv, 9, 13))).as(step[0] + " child number")
                    .isEqualTo(String.format("0x%08x", key.childNumber()));
            assertThat(Hex.encode(key.chainCode())).as(step[0] + " chain code")
                    .isEqualTo(Hex.encode(Arrays.copyOfRange(xprv, 13, 45)));
            assertThat(Hex.encode(key.privateKey().toArray())).as(step[0] + " key")
                    .isEqualTo(Hex.encode(Arrays.copyOfRange(xprv, 46, 78)));
            assertThat(path.toString()).isEqualTo(step[0]);
        }
    }

    @Test
    void refusesMalformedPaths() {
        for (String bad : new String[] {"", "44'/60'", "m/", "m//0", "m/-1", "m/+1", "m/01", "m/2147483648", "m/0x",
                "m/0''", "m/99999999999"}) {
            assertThatThrownBy(() -> DerivationPath.parse(bad)).as(bad)
                    .isInstanceOf(InvalidDerivationPathException.class);
        }
        assertThatThrownBy(() -> DerivationPath.parse("m/2147483648'"))
                .hasMessageContaining("out of range: an index is below 2^31");
        assertThat(DerivationPath.parse("m/2147483647'").childNumbers()).containsExactly(-1);
    }

    @Test
    void refusesSeedsOutsideBip32Range() {
        assertThatThrownBy(() -> HdKey.master(new byte[15])).hasMessage("a BIP-32 seed is 16 to 64 bytes, got 15");
        assertThatThrownBy(() -> HdKey.master(new byte[65])).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** Base58Check, only to read the vectors: payload ‖ first 4 bytes of SHA-256(SHA-256(payload)). */
    private static byte[] base58CheckDecode(String s) {
        BigInteger n = BigInteger.ZERO;
        for (char c : s.toCharArray()) {
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(BASE58.indexOf(c)));
        }
        byte[] raw = n.toByteArray();
        byte[] all = raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
        byte[] payload = Arrays.copyOf(all, all.length - 4);
        byte[] check = sha256(sha256(payload));
        assertThat(Arrays.copyOfRange(all, all.length - 4, all.length)).as("checksum of " + s)
                .isEqualTo(Arrays.copyOf(check, 4));
        return payload;
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
