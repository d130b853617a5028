package org.parkchain.primitives.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiType.TupleType;

/** Random types and values (from a seed jqwik chooses and shrinks): encoding round-trips, and garbage only fails cleanly. */
class AbiPropertyTest {
    @Property(tries = 400)
    void decodeInvertsEncode(@ForAll long seed) {
        Random random = new Random(seed);
        TupleType type = randomTuple(random, 0);
        Tuple value = Tuple.of(type, randomValues(type, random));
        byte[] encoded = value.encode();
        assertThat(type.decode(encoded)).isEqualTo(value);
        assertThat(AbiType.parse(type.canonical())).isEqualTo(type);
    }

    @Property(tries = 400)
    void corruptedEncodingsDecodeOrFailWithAReason(@ForAll long seed) {
        Random random = new Random(seed);
        TupleType type = randomTuple(random, 0);
        byte[] encoded = Tuple.of(type, randomValues(type, random)).encode();
        for (int round = 0; round < 20 && encoded.length > 0; round++) {
            byte[] bad = encoded.clone();
            switch (random.nextInt(3)) {
                case 0 -> bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                default -> bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
            }
            try {
                Tuple decoded = type.decode(bad);
                assertThat(decoded.type()).isEqualTo(type);
                assertThat(type.decode(decoded.encode())).isEqualTo(decoded);
            } catch (AbiDecodingException expected) {
                assertThat(expected.getMessage()).startsWith("argument ");
            }
        }
    }

    private static TupleType randomTuple(Random random, int depth) {
        int n = 1 + random.nextInt(depth == 0 ? 5 : 3);
        List<AbiType> components = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            components.add(randomType(random, depth + 1));
        }
        return new TupleType(components);
    }

    private static AbiType randomType(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 7 : 10);
        return switch (kind) {
            case 0 -> new AbiType.UInt(8 * (1 + random.nextInt(32)));
            case 1 -> new AbiType.Int(8 * (1 + random.nextInt(32)));
            case 2 -> AbiType.AddressType.INSTANCE;
            case 3 -> AbiType.Bool.INSTANCE;
            case 4 -> new AbiType.FixedBytes(1 + random.nextInt(32));
            case 5 -> AbiType.Bytes.INSTANCE;
            case 6 -> AbiType.Str.INSTANCE;
            case 7 -> new AbiType.FixedArray(randomType(random, depth + 1), 1 + random.nextInt(3));
            case 8 -> new AbiType.DynamicArray(randomType(random, depth + 1));
            default -> randomTuple(random, depth + 1);
        };
    }

    private static List<Object> randomValues(TupleType type, Random random) {
        List<Object> values = new ArrayList<>();
        for (AbiType t : type.components()) {
            values.add(randomValue(t, random));
        }
        return values;
    }

    private static Object randomValue(AbiType type, Random random) {
        return switch (type) {
            case AbiType.UInt t -> UInt256.of(new BigInteger(random.nextInt(t.bits() + 1), random));
            case AbiType.Int t -> {
                BigInteger magnitude = new BigInteger(random.nextInt(t.bits()), random);
                yield random.nextBoolean() ? magnitude : magnitude.negate().subtract(BigInteger.ONE);
            }
            case AbiType.AddressType t -> {
                byte[] b = new byte[20];
                random.nextBytes(b);
                yield Address.of(b);
            }
            case AbiType.Bool t -> random.nextBoolean();
            case AbiType.FixedBytes t -> {
                byte[] b = new byte[t.length()];
                random.nextBytes(b);
                yield b;
            }
            case AbiType.Bytes t -> {
                byte[] b = new byte[random.nextInt(70)];
                random.nextBytes(b);
                yield b;
            }
            case AbiType.Str t -> {
                StringBuilder s = new StringBuilder();
                int n = random.nextInt(20);
                for (int i = 0; i < n; i++) {
                    s.appendCodePoint(random.nextInt(4) == 0 ? 0x1F300 + random.nextInt(100) : 0x20 + random.nextInt(0x5000));
                }
                yield s.toString(); // below the surrogate range, or whole supplementary code points
            }
            case AbiType.FixedArray t -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < t.length(); i++) {
                    list.add(randomValue(t.element(), random));
                }
                yield list;
            }
            case AbiType.DynamicArray t -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(t.element(), random));
                }
                yield list;
            }
            case TupleType t -> randomValues(t, random);
        };
    }
}
