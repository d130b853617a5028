package org.parkchain.primitives.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A BIP-39 mnemonic in the English word list: 12, 15, 18, 21 or 24 words encoding 128–256 bits of entropy plus a
 * checksum of ENT/32 bits (the first bits of SHA-256(entropy)).
 *
 * <p>Parsing is strict about content (every word on the list, checksum right) and lenient only about spelling that
 * cannot change meaning: surrounding and repeated white space and letter case. The phrase is kept in canonical form
 * (lower case, single spaces), and that form is what {@link #toSeed} stretches, as ethers.js does.
 */
public final class Mnemonic {
    private static final int PBKDF2_ROUNDS = 2048;

    private final List<String> words;

    private Mnemonic(List<String> words) {
        this.words = List.copyOf(words);
    }

    /**
     * @throws InvalidMnemonicException when the word count is not 12/15/18/21/24, a word is not on BIP-39's English
     *     list, or the checksum does not match
     */
    public static Mnemonic parse(String phrase) {
        if (phrase == null) {
            throw new InvalidMnemonicException("mnemonic phrase is missing");
        }
        String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip().toLowerCase(Locale.ROOT);
        String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
        int count = words.length;
        if (count < 12 || count > 24 || count % 3 != 0) {
            throw new InvalidMnemonicException(
                    "a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has " + count);
        }
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = EnglishWordList.indexOf(words[i]);
            if (indices[i] < 0) {
                throw new InvalidMnemonicException(
                        "word " + (i + 1) + " (\"" + words[i] + "\") is not in the BIP-39 English word list");
            }
        }
        // count words carry count*11 bits: ENT entropy bits then ENT/32 checksum bits, so ENT = count*11*32/33.
        int entropyBits = count * 11 * 32 / 33;
        int checksumBits = entropyBits / 32;
        byte[] bits = new byte[(count * 11 + 7) / 8];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < 11; b++) {
                if ((indices[i] & (1 << (10 - b))) != 0) {
                    int bit = i * 11 + b;
                    bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
                }
            }
        }
        byte[] entropy = Arrays.copyOf(bits, entropyBits / 8);
        int expected = (sha256(entropy)[0] & 0xff) >>> (8 - checksumBits);
        int actual = 0;
        for (int b = 0; b < checksumBits; b++) {
            int bit = entropyBits + b;
            actual = (actual << 1) | ((bits[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        if (expected != actual) {
            throw new InvalidMnemonicException("mnemonic checksum does not match: a word is wrong or out of order");
        }
        return new Mnemonic(Arrays.asList(words));
    }

    /** The mnemonic of 16, 20, 24, 28 or 32 bytes of entropy. */
    public static Mnemonic fromEntropy(byte[] entropy) {
        int n = entropy.length;
        if (n < 16 || n > 32 || n % 4 != 0) {
            throw new IllegalArgumentException("BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, got " + n);
        }
        int entropyBits = n * 8;
        int checksumBits = entropyBits / 32;
        byte[] bits = Arrays.copyOf(entropy, n + 1);
        bits[n] = sha256(entropy)[0]; // only its first checksumBits (4–8) bits are read
        int count = (entropyBits + checksumBits) / 11;
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                int bit = i * 11 + b;
                index = (index << 1) | ((bits[bit >>> 3] >>> (7 - (bit & 7))) & 1);
            }
            words.add(EnglishWordList.word(index));
        }
        return new Mnemonic(words);
    }

    /** A fresh mnemonic of {@code wordCount} (12, 15, 18, 21 or 24) words. */
    public static Mnemonic generate(int wordCount, SecureRandom random) {
        if (wordCount < 12 || wordCount > 24 || wordCount % 3 != 0) {
            throw new IllegalArgumentException("a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, not " + wordCount);
        }
        byte[] entropy = new byte[wordCount * 11 * 32 / 33 / 8];
        random.nextBytes(entropy);
        return fromEntropy(entropy);
    }

    public List<String> words() {
        return words;
    }

    /** The canonical phrase: lower-case words separated by single spaces. */
    public String phrase() {
        return String.join(" ", words);
    }

    /**
     * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 of the phrase, salt "mnemonic" + passphrase, 2048 rounds, both
     * NFKD-normalised and UTF-8 encoded.
     */
    public byte[] toSeed(String passphrase) {
        if (passphrase == null) {
            throw new IllegalArgumentException("passphrase is missing (use \"\" for none)");
        }
        byte[] password = Normalizer.normalize(phrase(), Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        byte[] salt = Normalizer.normalize("mnemonic" + passphrase, Normalizer.Form.NFKD)
                .getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        pbkdf2.init(password, salt, PBKDF2_ROUNDS);
        return ((KeyParameter) pbkdf2.generateDerivedParameters(512)).getKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic m && words.equals(m.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    /** Never the words themselves: a mnemonic is a secret and must stay out of logs. */
    @Override
    public String toString() {
        return "Mnemonic[" + words.size() + " words]";
    }

    static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
