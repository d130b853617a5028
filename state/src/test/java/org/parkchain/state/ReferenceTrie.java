package org.parkchain.state;

import org.parkchain.primitives.rlp.Rlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;

/**
 * The trie root straight from the Yellow Paper's definition (appendix D, the function c(I, i)): no nodes kept, no
 * caching, the whole structure recomputed from the sorted key set. Slow and obviously right; the fast trie is
 * tested against it.
 */
final class ReferenceTrie {
    private final TreeMap<String, byte[]> entries = new TreeMap<>();

    void put(byte[] key, byte[] value) {
        if (value.length == 0) {
            entries.remove(nibbleString(key));
        } else {
            entries.put(nibbleString(key), value.clone());
        }
    }

    void remove(byte[] key) {
        entries.remove(nibbleString(key));
    }

    byte[] get(byte[] key) {
        return entries.get(nibbleString(key));
    }

    Hash rootHash() {
        if (entries.isEmpty()) {
            return Hash.EMPTY_TRIE_ROOT;
        }
        return Keccak.hash(node(new ArrayList<>(entries.entrySet()), 0));
    }

    /** c(I, i): the encoded node for the entries {@code group}, whose keys all agree on their first {@code i} nibbles. */
    private static byte[] node(List<Map.Entry<String, byte[]>> group, int i) {
        if (group.size() == 1) {
            String key = group.get(0).getKey();
            return Rlp.encodeList(List.of(
                    Rlp.encodeBytes(Nibbles.hexPrefix(nibbles(key.substring(i)), true)), Rlp.encodeBytes(group.get(0).getValue())));
        }
        int common = commonLength(group, i);
        if (common > i) {
            String prefix = group.get(0).getKey().substring(i, common);
            return Rlp.encodeList(List.of(
                    Rlp.encodeBytes(Nibbles.hexPrefix(nibbles(prefix), false)), reference(node(group, common))));
        }
        List<byte[]> items = new ArrayList<>();
        byte[] value = new byte[0];
        for (int n = 0; n < 16; n++) {
            List<Map.Entry<String, byte[]>> sub = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : group) {
                if (e.getKey().length() > i && Character.digit(e.getKey().charAt(i), 16) == n) {
                    sub.add(e);
                }
            }
            items.add(sub.isEmpty() ? Rlp.encodeBytes(new byte[0]) : reference(node(sub, i + 1)));
        }
        for (Map.Entry<String, byte[]> e : group) {
            if (e.getKey().length() == i) {
                value = e.getValue();
            }
        }
        items.add(Rlp.encodeBytes(value));
        return Rlp.encodeList(items);
    }

    private static byte[] reference(byte[] encoded) {
        return encoded.length < 32 ? encoded : Rlp.encodeBytes(Keccak.keccak256(encoded));
    }

    private static int commonLength(List<Map.Entry<String, byte[]>> group, int from) {
        String first = group.get(0).getKey();
        int end = first.length();
        for (Map.Entry<String, byte[]> e : group) {
            String k = e.getKey();
            int j = from;
            while (j < end && j < k.length() && k.charAt(j) == first.charAt(j)) {
                j++;
            }
            end = j;
        }
        return end;
    }

    private static String nibbleString(byte[] key) {
        StringBuilder sb = new StringBuilder();
        for (byte b : key) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] nibbles(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Character.digit(s.charAt(i), 16);
        }
        return out;
    }

    @Override
    public String toString() {
        return entries.keySet() + " " + Arrays.toString(entries.values().stream().map(v -> v.length).toArray());
    }
}
