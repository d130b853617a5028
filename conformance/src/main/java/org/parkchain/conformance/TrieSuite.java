package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.MerklePatriciaTrie;

/**
 * ethereum/tests TrieTests: a sequence of inserts (a {@code null} value deletes) and the expected root. Files named
 * {@code *secureTrie*}/{@code *securetrie*} hash every key first; the {@code anyorder} files give the entries as an
 * object whose order must not matter, so they are also run in reverse; {@code trietestnextprev} checks the keys
 * before and after a probe in key order.
 */
public final class TrieSuite implements ConformanceSuite {
    @Override
    public String name() {
        return "trie";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        boolean secure = file.getFileName().toString().toLowerCase().contains("securetrie");
        CaseFile.forEachCase(file, report, test -> test.has("tests") ? runNextPrev(test) : runRoot(test, secure));
    }

    private static String runRoot(JsonNode test, boolean secure) {
        List<byte[][]> entries = new ArrayList<>();
        JsonNode in = test.get("in");
        boolean anyOrder = in.isObject();
        if (anyOrder) {
            in.fields().forEachRemaining(e -> entries.add(new byte[][] {bytes(e.getKey(), secure), value(e.getValue())}));
        } else {
            for (JsonNode pair : in) {
                entries.add(new byte[][] {bytes(pair.get(0).asText(), secure), value(pair.get(1))});
            }
        }
        Hash expected = Hash.fromHex(test.get("root").asText());
        Hash actual = rootOf(entries);
        if (!actual.equals(expected)) {
            return "root " + actual + ", expected " + expected;
        }
        if (anyOrder) {
            List<byte[][]> reversed = new ArrayList<>(entries);
            Collections.reverse(reversed);
            Hash reversedRoot = rootOf(reversed);
            if (!reversedRoot.equals(expected)) {
                return "root in reverse insertion order " + reversedRoot + ", expected " + expected;
            }
        }
        return null;
    }

    private static Hash rootOf(List<byte[][]> entries) {
        MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
        for (byte[][] entry : entries) {
            if (entry[1] == null) {
                trie.remove(entry[0]);
            } else {
                trie.put(entry[0], entry[1]);
            }
        }
        return trie.rootHash();
    }

    /** Inserts every key (with itself as value), then asks for the neighbours of each probe in key order. */
    private static String runNextPrev(JsonNode test) {
        MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
        for (JsonNode key : test.get("in")) {
            byte[] k = bytes(key.asText(), false);
            trie.put(k, k);
        }
        List<byte[]> keys = new ArrayList<>();
        trie.forEach((k, v) -> keys.add(k));
        for (JsonNode probe : test.get("tests")) {
            byte[] key = bytes(probe.get(0).asText(), false);
            String prev = "";
            String next = "";
            for (byte[] k : keys) {
                int c = Arrays.compareUnsigned(k, key);
                if (c < 0) {
                    prev = new String(k, StandardCharsets.UTF_8);
                } else if (c > 0 && next.isEmpty()) {
                    next = new String(k, StandardCharsets.UTF_8);
                }
            }
            if (!prev.equals(probe.get(1).asText()) || !next.equals(probe.get(2).asText())) {
                return "around '" + probe.get(0).asText() + "' found prev '" + prev + "', next '" + next
                        + "', expected '" + probe.get(1).asText() + "', '" + probe.get(2).asText() + "'";
            }
        }
        return null;
    }

    /** Test strings starting with {@code 0x} are hex; anything else stands for its UTF-8 bytes. */
    private static byte[] bytes(String s, boolean hashed) {
        byte[] raw = s.startsWith("0x") ? Hex.decode(s) : s.getBytes(StandardCharsets.UTF_8);
        return hashed ? Keccak.keccak256(raw) : raw;
    }

    private static byte[] value(JsonNode v) {
        return v == null || v.isNull() ? null : bytes(v.asText(), false);
    }
}
