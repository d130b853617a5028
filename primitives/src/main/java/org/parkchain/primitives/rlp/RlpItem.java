package org.parkchain.primitives.rlp;

import java.util.Arrays;
import java.util.List;
import org.parkchain.primitives.Hex;

/** A decoded RLP value: a byte string or a list of values. */
public sealed interface RlpItem {
    /** A byte string. */
    record Bytes(byte[] value) implements RlpItem {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return Hex.encode(value);
        }
    }

    /** A list of items. */
    record Items(List<RlpItem> items) implements RlpItem {
        public Items {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }
}
