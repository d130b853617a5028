package org.parkchain.primitives.abi;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiType.TupleType;
import org.parkchain.primitives.abi.Tuple.Path;

/**
 * The one ABI codec of the project (Solidity ABI specification, "Formal Specification of the Encoding").
 *
 * <p>Encoding writes a sequence's heads in place and appends each dynamic value's tail, patching its offset into the
 * head. Decoding follows solc's ABI decoder (v2) check for check: every head present; an offset above 2^64-1 or one
 * whose length word is not inside the data refused; a length above 2^64-1 or whose bytes (for arrays, whose heads)
 * run past the end refused; address, bool, uintN, intN and bytesN words with bits outside their type refused. Like
 * solc it measures every offset against the end of the whole data and ignores bytes after the last value.
 *
 * <p>Offsets may point anywhere, so two values can share a tail and a small input can describe a large value. To keep
 * memory linear in the input, decoding may produce at most {@value #EXPANSION} value words per input word.
 */
final class AbiCodec {
    static final int EXPANSION = 8;

    private AbiCodec() {}

    // --- encoding -------------------------------------------------------------------------------------------------

    static byte[] encode(Tuple tuple) {
        Out out = new Out();
        sequence(tuple.type().components(), tuple.values(), out);
        return out.toArray();
    }

    /** Heads of all values at the current end of {@code out}, then the tails of the dynamic ones. */
    private static void sequence(List<AbiType> types, List<?> values, Out out) {
        int start = out.length;
        long headSize = 0;
        for (AbiType t : types) {
            headSize += t.headSize();
        }
        int head = out.reserve(headSize);
        for (int i = 0; i < types.size(); i++) {
            AbiType t = types.get(i);
            if (t.isDynamic()) {
                out.putWord(head, UInt256.of(out.length - start).toBytes32());
                tail(t, values.get(i), out);
            } else {
                inPlace(t, values.get(i), out, head);
            }
            head += (int) t.headSize();
        }
    }

    /** A static value written at {@code at}, inside space already reserved. */
    private static void inPlace(AbiType type, Object value, Out out, int at) {
        switch (type) {
            case AbiType.UInt t -> out.putWord(at, ((UInt256) value).toBytes32());
            case AbiType.Int t -> out.putWord(at, signedWord((BigInteger) value));
            case AbiType.AddressType t -> out.putWord(at, ((Address) value).toWord());
            case AbiType.Bool t -> out.buf[at + 31] = (byte) ((Boolean) value ? 1 : 0);
            case AbiType.FixedBytes t -> System.arraycopy((byte[]) value, 0, out.buf, at, t.length());
            case AbiType.FixedArray t -> {
                List<?> list = (List<?>) value;
                int size = (int) t.element().headSize();
                for (int i = 0; i < list.size(); i++) {
                    inPlace(t.element(), list.get(i), out, at + i * size);
                }
            }
            case TupleType t -> {
                List<Object> members = ((Tuple) value).values();
                for (int i = 0; i < members.size(); i++) {
                    inPlace(t.get(i), members.get(i), out, at);
                    at += (int) t.get(i).headSize();
                }
            }
            case AbiType.Bytes t -> throw new IllegalStateException("bytes is dynamic");
            case AbiType.Str t -> throw new IllegalStateException("string is dynamic");
            case AbiType.DynamicArray t -> throw new IllegalStateException("T[] is dynamic");
        }
    }

    /** A dynamic value appended at the end of {@code out}. */
    private static void tail(AbiType type, Object value, Out out) {
        switch (type) {
            case AbiType.Bytes t -> lengthPrefixed((byte[]) value, out);
            case AbiType.Str t -> lengthPrefixed(((String) value).getBytes(StandardCharsets.UTF_8), out);
            case AbiType.DynamicArray t -> {
                List<?> list = (List<?>) value;
                out.putWord(out.reserve(32), UInt256.of(list.size()).toBytes32());
                sequence(java.util.Collections.nCopies(list.size(), t.element()), list, out);
            }
            case AbiType.FixedArray t -> sequence(java.util.Collections.nCopies(t.length(), t.element()), (List<?>) value, out);
            case TupleType t -> sequence(t.components(), ((Tuple) value).values(), out);
            default -> throw new IllegalStateException(type.canonical() + " is static");
        }
    }

    private static void lengthPrefixed(byte[] data, Out out) {
        out.putWord(out.reserve(32), UInt256.of(data.length).toBytes32());
        int at = out.reserve(((long) data.length + 31) / 32 * 32);
        System.arraycopy(data, 0, out.buf, at, data.length);
    }

    private static byte[] signedWord(BigInteger v) {
        byte[] twos = v.toByteArray(); // minimal two's complement, at most 32 bytes for an int256
        byte[] word = new byte[32];
        Arrays.fill(word, 0, 32 - twos.length, (byte) (v.signum() < 0 ? 0xff : 0));
        System.arraycopy(twos, 0, word, 32 - twos.length, twos.length);
        return word;
    }

    /** A growable buffer; space handed out by {@link #reserve} is zero until written. */
    private static final class Out {
        byte[] buf = new byte[256];
        int length;

        int reserve(long bytes) {
            long end = length + bytes;
            if (end > Integer.MAX_VALUE - 8) {
                throw new AbiEncodingException("the encoding would exceed 2 GiB");
            }
            if (end > buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * buf.length)));
            }
            int at = length;
            length = (int) end;
            return at;
        }

        void putWord(int at, byte[] word) {
            System.arraycopy(word, 0, buf, at, 32);
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, length);
        }
    }

    // --- decoding -------------------------------------------------------------------------------------------------

    /**
     * Decodes {@code type}'s components from {@code data} with heads starting at {@code start}. {@code noun} names the
     * data in messages ("call data", "data").
     */
    static Tuple decode(TupleType type, byte[] data, int start, String noun) {
        Decoder d = new Decoder(data, noun);
        return new Tuple(type, d.sequence(type.components(), start, null));
    }

    private static final class Decoder {
        private final byte[] data;
        private final int end;
        private final String noun;
        private long budget;

        Decoder(byte[] data, String noun) {
            this.data = data;
            this.end = data.length;
            this.noun = noun;
            this.budget = (long) EXPANSION * (data.length / 32) + 64;
        }

        /** Values of {@code types}, heads from {@code start}; offsets in the heads count from {@code start}. */
        List<Object> sequence(List<AbiType> types, int start, Path parent) {
            return sequence(types.size(), types::get, start, parent, false);
        }

        List<Object> sequence(int count, java.util.function.IntFunction<AbiType> typeAt, int start, Path parent,
                boolean elements) {
            List<Object> values = new ArrayList<>(count);
            long head = start;
            for (int i = 0; i < count; i++) {
                AbiType t = typeAt.apply(i);
                Path path = elements ? Path.element(parent, i) : Path.member(parent, i);
                if (head + t.headSize() > end) {
                    throw fail(path, "is missing");
                }
                if (t.isDynamic()) {
                    if (!fitsUnsigned64(data, (int) head) || Long.compareUnsigned(wordLow64(data, (int) head), end) > 0) {
                        throw fail(path, "has an offset outside the " + noun);
                    }
                    values.add(dynamic(t, start + wordLow64(data, (int) head), path));
                } else {
                    values.add(staticValue(t, (int) head, path));
                }
                head += t.headSize();
            }
            return List.copyOf(values);
        }

        private Object dynamic(AbiType type, long at, Path path) {
            charge(path, 1);
            // solc: the first word at the offset (a length, or the first head) must lie inside the data.
            if (at + 32 > end) {
                throw fail(path, "has an offset outside the " + noun);
            }
            int pos = (int) at;
            return switch (type) {
                case AbiType.Bytes t -> lengthPrefixed(pos, path);
                case AbiType.Str t -> {
                    try {
                        yield Tuple.utf8(lengthPrefixed(pos, path));
                    } catch (CharacterCodingException e) {
                        throw fail(path, "is not valid UTF-8");
                    }
                }
                case AbiType.DynamicArray t -> {
                    long length = length(pos, path);
                    if (length > (end - pos - 32) / t.element().headSize()) {
                        throw fail(path, "has a length beyond the " + noun);
                    }
                    yield sequence((int) length, i -> t.element(), pos + 32, path, true);
                }
                case AbiType.FixedArray t -> {
                    if (pos + t.length() * 32L > end) {
                        throw fail(path, "has an offset outside the " + noun);
                    }
                    yield sequence(t.length(), i -> t.element(), pos, path, true);
                }
                case TupleType t -> {
                    long heads = 0;
                    for (AbiType c : t.components()) {
                        heads += c.headSize();
                    }
                    if (pos + heads > end) {
                        throw fail(path, "has an offset outside the " + noun);
                    }
                    yield new Tuple(t, sequence(t.components(), pos, path));
                }
                default -> throw new IllegalStateException(type.canonical() + " is static");
            };
        }

        private byte[] lengthPrefixed(int pos, Path path) {
            long length = length(pos, path);
            if (length > end - pos - 32) {
                throw fail(path, "has a length beyond the " + noun);
            }
            charge(path, (length + 31) / 32);
            return Arrays.copyOfRange(data, pos + 32, pos + 32 + (int) length);
        }

        /** The length word at {@code pos}; solc refuses lengths above 2^64-1 (as larger than any memory). */
        private long length(int pos, Path path) {
            if (!fitsUnsigned64(data, pos) || wordLow64(data, pos) < 0) {
                throw fail(path, "has a length beyond the " + noun);
            }
            return wordLow64(data, pos);
        }

        private Object staticValue(AbiType type, int pos, Path path) {
            return switch (type) {
                case AbiType.UInt t -> {
                    charge(path, 1);
                    if (!zeros(pos, 32 - t.bits() / 8)) {
                        throw fail(path, "does not fit " + t.canonical());
                    }
                    yield UInt256.fromBytes(data, pos, 32);
                }
                case AbiType.Int t -> {
                    charge(path, 1);
                    int signAt = pos + 32 - t.bits() / 8;
                    byte extension = (byte) (data[signAt] < 0 ? 0xff : 0);
                    for (int i = pos; i < signAt; i++) {
                        if (data[i] != extension) {
                            throw fail(path, "does not fit " + t.canonical());
                        }
                    }
                    yield new BigInteger(Arrays.copyOfRange(data, pos, pos + 32));
                }
                case AbiType.AddressType t -> {
                    charge(path, 1);
                    if (!zeros(pos, 12)) {
                        throw fail(path, "is not an address");
                    }
                    yield Address.fromWord(Arrays.copyOfRange(data, pos, pos + 32));
                }
                case AbiType.Bool t -> {
                    charge(path, 1);
                    if (!zeros(pos, 31) || (data[pos + 31] & 0xff) > 1) {
                        throw fail(path, "is not a bool");
                    }
                    yield data[pos + 31] == 1;
                }
                case AbiType.FixedBytes t -> {
                    charge(path, 1);
                    if (!zeros(pos + t.length(), 32 - t.length())) {
                        throw fail(path, "is not a " + t.canonical());
                    }
                    yield Arrays.copyOfRange(data, pos, pos + t.length());
                }
                case AbiType.FixedArray t -> sequence(t.length(), i -> t.element(), pos, path, true);
                case TupleType t -> new Tuple(t, sequence(t.components(), pos, path));
                default -> throw new IllegalStateException(type.canonical() + " is dynamic");
            };
        }

        private boolean zeros(int from, int count) {
            for (int i = from; i < from + count; i++) {
                if (data[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private void charge(Path path, long words) {
            budget -= words;
            if (budget < 0) {
                throw fail(path, "makes the " + noun + " decode to more than " + EXPANSION
                        + " times its size (its offsets overlap)");
            }
        }

        private AbiDecodingException fail(Path path, String what) {
            return new AbiDecodingException(path + " " + what);
        }
    }

    /** Whether the 32-byte word at {@code pos} is below 2^64. */
    private static boolean fitsUnsigned64(byte[] data, int pos) {
        for (int i = pos; i < pos + 24; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long wordLow64(byte[] data, int pos) {
        long v = 0;
        for (int i = pos + 24; i < pos + 32; i++) {
            v = v << 8 | (data[i] & 0xff);
        }
        return v;
    }
}
