package org.parkchain.primitives.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Hex;

/**
 * BIP-39's English word list: 2048 words, index = the 11-bit value a word stands for.
 *
 * <p>The file is unpacked at build time from a Maven Central artifact (see primitives/pom.xml); it is the
 * english.txt of the BIP-39 repository, one word per line. Its SHA-256 is checked here because a wrong list would
 * silently derive wrong keys from correct phrases.
 */
final class EnglishWordList {
    static final int SIZE = 2048;

    private static final String RESOURCE = "en-mnemonic-word-list.txt";
    /** SHA-256 of BIP-39's wordlists/english.txt (2048 lines, each ending in a line feed). */
    private static final String SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

    private static final List<String> WORDS;
    private static final Map<String, Integer> INDEX;

    static {
        byte[] file = read();
        byte[] sha = Mnemonic.sha256(file);
        if (!Hex.encodeNoPrefix(sha).equals(SHA256)) {
            throw new IllegalStateException("the BIP-39 English word list resource " + RESOURCE
                    + " is not BIP-39's english.txt (SHA-256 " + Hex.encodeNoPrefix(sha) + ")");
        }
        String[] words = new String(file, StandardCharsets.US_ASCII).split("\n");
        if (words.length != SIZE) {
            throw new IllegalStateException("the BIP-39 English word list has " + words.length + " words, not 2048");
        }
        WORDS = List.of(words);
        Map<String, Integer> index = new HashMap<>(SIZE * 2);
        for (int i = 0; i < SIZE; i++) {
            index.put(words[i], i);
        }
        INDEX = Map.copyOf(index);
    }

    private EnglishWordList() {}

    static String word(int index) {
        return WORDS.get(index);
    }

    /** The word's 11-bit value, or -1 when it is not on the list. */
    static int indexOf(String word) {
        Integer i = INDEX.get(word);
        return i == null ? -1 : i;
    }

    private static byte[] read() {
        try (InputStream in = EnglishWordList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the BIP-39 English word list resource " + RESOURCE
                        + " is missing from the class path (it is unpacked by the primitives build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BIP-39 English word list", e);
        }
    }

}
