package org.parkchain.primitives.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.crypto.PrivateKey;

class KeyFileTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PrivateKey KEY =
            PrivateKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static KeyFile lightScrypt(String password) {
        return KeyFile.encrypt(KEY, password, Kdf.Scrypt.light(salt()), RANDOM);
    }

    private static byte[] salt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return salt;
    }

    @Test
    void roundTripsWithScrypt() {
        String json = lightScrypt("correct horse").toJson();
        assertThat(json).contains("\"kdf\":\"scrypt\"", "\"n\":4096", "\"r\":8", "\"p\":6", "\"version\":3",
                "\"address\":\"f39fd6e51aad88f6f4ce6ab8827279cfffb92266\"");
        assertThat(KeyFile.decrypt(json, "correct horse")).isEqualTo(KEY);
    }

    @Test
    void roundTripsWithPbkdf2() {
        KeyFile file = KeyFile.encrypt(KEY, "pässwörd", new Kdf.Pbkdf2(1024, salt()), RANDOM);
        KeyFile read = KeyFile.parse(file.toJson());
        assertThat(read.kdf()).isEqualTo(file.kdf());
        assertThat(read.id()).isEqualTo(file.id());
        assertThat(read.id().version()).isEqualTo(4);
        assertThat(read.decrypt("pässwörd")).isEqualTo(KEY);
    }

    @Test
    void readsAKeyFileFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("key.json");
        java.nio.file.Files.writeString(file, KeyFile.encrypt(KEY, "pw", new Kdf.Pbkdf2(16, salt()), RANDOM).toJson());
        assertThat(KeyFile.read(file).decrypt("pw")).isEqualTo(KEY);
        assertThatThrownBy(() -> KeyFile.read(dir.resolve("missing.json")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot read key file");
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        String json = lightScrypt("right").toJson();
        assertThatThrownBy(() -> KeyFile.decrypt(json, "wrong"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("wrong password for the key file of 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266:"
                        + " the MAC derived from it does not match the file's");
    }

    @Test
    void refusesATamperedCiphertext() {
        KeyFile file = KeyFile.encrypt(KEY, "pw", new Kdf.Pbkdf2(16, salt()), RANDOM);
        String json = file.toJson();
        String ciphertext = json.replaceAll(".*\"ciphertext\":\"([0-9a-f]+)\".*", "$1");
        String flipped = (ciphertext.charAt(0) == '0' ? "1" : "0") + ciphertext.substring(1);
        assertThatThrownBy(() -> KeyFile.decrypt(json.replace(ciphertext, flipped), "pw"))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void refusesAnAddressThatIsNotTheKeys() {
        String json = KeyFile.encrypt(KEY, "pw", new Kdf.Pbkdf2(16, salt()), RANDOM).toJson()
                .replace("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThatThrownBy(() -> KeyFile.decrypt(json, "pw"))
                .isInstanceOf(MalformedKeyFileException.class)
                .hasMessageContaining("is not the address of the key it holds, 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    }

    @Test
    void readsTheCapitalisedCryptoSectionMyEtherWalletWrote() {
        String json = KeyFile.encrypt(KEY, "pw", new Kdf.Pbkdf2(16, salt()), RANDOM).toJson()
                .replace("\"crypto\"", "\"Crypto\"");
        assertThat(KeyFile.decrypt(json, "pw")).isEqualTo(KEY);
    }

    @Test
    void refusesMalformedFilesPrecisely() {
        String good = KeyFile.encrypt(KEY, "pw", new Kdf.Pbkdf2(16, salt()), RANDOM).toJson();
        assertMalformed("{", "key file is not valid JSON");
        assertMalformed("[]", "key file is not a JSON object");
        assertMalformed(good + " {}", "key file is not valid JSON");
        assertMalformed(good.replace("\"version\":3", "\"version\":1"), "key file version is 1; only version 3");
        assertMalformed(good.replace("\"version\":3", "\"version\":\"3\""), "key file version is \"3\"");
        assertMalformed(good.replace(",\"version\":3", ""), "key file has no \"version\"");
        assertMalformed(replaceField(good, "id", "\"1-2-3-4-5\""), "id \"1-2-3-4-5\" is not a UUID");
        assertMalformed(good.replace("aes-128-ctr", "aes-128-cbc"), "unsupported cipher \"aes-128-cbc\"");
        assertMalformed(good.replace("\"kdf\":\"pbkdf2\"", "\"kdf\":\"argon2\""), "unsupported kdf \"argon2\"");
        assertMalformed(good.replace("hmac-sha256", "hmac-sha512"), "unsupported pbkdf2 prf \"hmac-sha512\"");
        assertMalformed(good.replace("\"dklen\":32", "\"dklen\":16"), "crypto.kdfparams.dklen is 16");
        assertMalformed(good.replace("\"c\":16", "\"c\":16.5"), "crypto.kdfparams.c is not an integer: 16.5");
        assertMalformed(good.replace("\"c\":16", "\"c\":0"), "crypto.kdfparams.c is 0; it must be at least 1");
        assertMalformed(good.replace("\"c\":16,", ""), "key file has no crypto.kdfparams.c");
        assertMalformed(replaceField(good, "iv", "\"00ff\""), "crypto.cipherparams.iv is 2 bytes; it must be 16");
        assertMalformed(replaceField(good, "mac", "\"zz\""), "crypto.mac is not hex: invalid hex character 'z'");
        assertMalformed(replaceField(good, "ciphertext", "7"), "crypto.ciphertext is not a hex string");
        assertMalformed(replaceField(good, "address", "\"0x1234\""), "address is 2 bytes; an address is 20");
        assertMalformed(good.replace("\"crypto\":{", "\"crypto\":{\"cipher\":\"aes-128-ctr\","),
                "key file is not valid JSON: Duplicate field 'cipher'");
        assertMalformed("{\"version\":3," + "\"x\":\"" + "a".repeat(KeyFile.MAX_JSON_CHARS) + "\"}",
                "characters long; a key file has at most 65536");
    }

    @Test
    void refusesCostlyKdfParametersBeforeDerivingAnything() {
        String scrypt = lightScrypt("pw").toJson();
        // 2^22 · 8 · 128 bytes = 4 GiB: refused at parse, nothing allocated.
        assertThatThrownBy(() -> KeyFile.parse(scrypt.replace("\"n\":4096", "\"n\":4194304")))
                .isInstanceOf(KdfLimitExceededException.class)
                .hasMessage("scrypt n=4194304, r=8 needs 4294967296 bytes of memory; the limit is 268435456");
        assertThatThrownBy(() -> KeyFile.parse(scrypt.replace("\"p\":6", "\"p\":100000")))
                .isInstanceOf(KdfLimitExceededException.class)
                .hasMessageContaining("costs n·r·p = 3276800000");
        assertThatThrownBy(() -> KeyFile.parse(scrypt.replace("\"n\":4096", "\"n\":99999999999999999999999")))
                .isInstanceOf(KdfLimitExceededException.class);
        assertThatThrownBy(() -> KeyFile.parse(scrypt.replace("\"n\":4096", "\"n\":4095")))
                .isInstanceOf(MalformedKeyFileException.class)
                .hasMessageContaining("scrypt's n is a power of 2 above 1");
        String pbkdf2 = KeyFile.encrypt(KEY, "pw", new Kdf.Pbkdf2(16, salt()), RANDOM).toJson();
        assertThatThrownBy(() -> KeyFile.parse(pbkdf2.replace("\"c\":16", "\"c\":2000000000")))
                .isInstanceOf(KdfLimitExceededException.class)
                .hasMessage("pbkdf2 c=2000000000 iterations; the limit is 8388608");
        KeyFile.Limits tight = new KeyFile.Limits(1 << 20, 1 << 20, 8);
        assertThatThrownBy(() -> KeyFile.parse(scrypt, tight)).isInstanceOf(KdfLimitExceededException.class);
    }

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> KeyFile.decrypt(json, "pw"))
                .isInstanceOf(MalformedKeyFileException.class)
                .hasMessageContaining(message);
    }

    /** Replaces the value of a string field such as "iv":"…" by {@code value} (raw JSON). */
    private static String replaceField(String json, String field, String value) {
        UnaryOperator<String> op = s -> s.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":" + value);
        return op.apply(json);
    }
}
