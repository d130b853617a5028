package org.parkchain.primitives.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkchain.primitives.Hex;

class MnemonicTest {
    /** BIP-39's reference vectors (trezor/python-mnemonic vectors.json, English, passphrase "TREZOR"). */
    static Stream<Arguments> trezorVectors() {
        return Stream.of(
                Arguments.of("00000000000000000000000000000000",
                        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04"),
                Arguments.of("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
                        "legal winner thank year wave sausage worth useful legal winner thank yellow",
                        "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607"),
                Arguments.of("80808080808080808080808080808080",
                        "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
                        "d71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8"),
                Arguments.of("ffffffffffffffffffffffffffffffff",
                        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
                        "ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069"),
                Arguments.of("000000000000000000000000000000000000000000000000",
                        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent",
                        "035895f2f481b1b0f01fcf8c289c794660b289981a78f8106447707fdd9666ca06da5a9a565181599b79f53b844d8a71dd9f439c52a3d7b3e8a79c906ac845fa"),
                Arguments.of("ffffffffffffffffffffffffffffffffffffffffffffffff",
                        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo when",
                        "0cd6e5d827bb62eb8fc1e262254223817fd068a74b5b449cc2f667c3f1f985a76379b43348d952e2265b4cd129090758b3e3c2c49103b5051aac2eaeb890a528"),
                Arguments.of("8080808080808080808080808080808080808080808080808080808080808080",
                        "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless",
                        "c0c519bd0e91a2ed54357d9d1ebef6f5af218a153624cf4f2da911a0ed8f7a09e2ef61af0aca007096df430022f7a2b6fb91661a9589097069720d015e4e982f"),
                Arguments.of("9e885d952ad362caeb4efe34a8e91bd2",
                        "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
                        "274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028"),
                Arguments.of("6610b25967cdcca9d59875f5cb50b0ea75433311869e930b",
                        "gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog",
                        "628c3827a8823298ee685db84f55caa34b5cc195a778e52d45f59bcf75aba68e4d7590e101dc414bc1bbd5737666fbbef35d1f1903953b66624f910feef245ac"),
                Arguments.of("68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
                        "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
                        "64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440"),
                Arguments.of("f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
                        "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
                        "01f5bced59dec48e362f2c45b5de68b9fd6c92c6634f44d6d40aab69056506f0e35524a518034ddc1192e1dacd32c1ed3eaa3c3b131c88ed8e7e54c49a5d0998"));
    }

    @ParameterizedTest
    @MethodSource("trezorVectors")
    void matchesBip39ReferenceVectors(String entropy, String phrase, String seed) {
        Mnemonic parsed = Mnemonic.parse(phrase);
        assertThat(parsed.phrase()).isEqualTo(phrase);
        assertThat(Mnemonic.fromEntropy(Hex.decode(entropy))).isEqualTo(parsed);
        assertThat(Hex.encodeNoPrefix(parsed.toSeed("TREZOR"))).isEqualTo(seed);
    }

    @Test
    void canonicalisesWhiteSpaceAndCase() {
        Mnemonic m = Mnemonic.parse("  Test test\ttest test test test test test test  test test JUNK\n");
        assertThat(m.phrase()).isEqualTo("test test test test test test test test test test test junk");
    }

    @Test
    void refusesAWordOffTheList() {
        assertThatThrownBy(() -> Mnemonic.parse("test test test test test test test test test test tost junk"))
                .isInstanceOf(InvalidMnemonicException.class)
                .hasMessage("word 11 (\"tost\") is not in the BIP-39 English word list");
    }

    @Test
    void refusesABadChecksum() {
        assertThatThrownBy(() -> Mnemonic.parse("test test test test test test test test test test test test"))
                .isInstanceOf(InvalidMnemonicException.class)
                .hasMessageContaining("checksum does not match");
    }

    @Test
    void refusesAWrongWordCount() {
        assertThatThrownBy(() -> Mnemonic.parse("test test test test test test test test test test junk"))
                .isInstanceOf(InvalidMnemonicException.class)
                .hasMessage("a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has 11");
        assertThatThrownBy(() -> Mnemonic.parse(" "))
                .isInstanceOf(InvalidMnemonicException.class)
                .hasMessageEndingWith("this one has 0");
    }

    @Test
    void generatesValidMnemonics() {
        SecureRandom random = new SecureRandom();
        for (int words = 12; words <= 24; words += 3) {
            Mnemonic m = Mnemonic.generate(words, random);
            assertThat(m.words()).hasSize(words);
            assertThat(Mnemonic.parse(m.phrase())).isEqualTo(m);
        }
    }

    @Test
    void neverPrintsItsWords() {
        assertThat(Mnemonic.parse("test test test test test test test test test test test junk").toString())
                .isEqualTo("Mnemonic[12 words]");
    }
}
