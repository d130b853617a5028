package org.parkchain.explorer.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.parkchain.primitives.Address;

/**
 * The explorer's key layout in the chain store's auxiliary entries. Every key starts with {@code idx/} (the
 * cluster owns {@code raft/}) and a short family name; numbers are big-endian so that the store's unsigned byte
 * order is numeric order, and inverted ({@code ~n}) where a listing wants the newest first.
 *
 * <pre>
 * idx/meta                                  version (1 byte), last indexed block (8)
 * idx/b/  ~block                            BlockSummary
 * idx/t/  ~block ~txIndex                   IndexedTx          (every transaction, newest first)
 * idx/a/  address ~block ~txIndex           IndexedTx          (from, to, created contract, token transfer party)
 * idx/tt/ token ~block ~logIndex            IndexedTransfer    (a token's transfers)
 * idx/at/ address ~block ~logIndex          IndexedTransfer    (an address's token transfers)
 * idx/h/  token holder                      balance (32)       (holders by address)
 * idx/ho/ holder token                      balance (32)       (an address's holdings)
 * idx/hn/ token                             holder count (8)
 * idx/tk/ token                             first block (8)    (every ERC-20 that emitted a Transfer)
 * idx/e/  kind 0x00 ~block ~logIndex        ParkEvent          (park events by kind, e.g. LevyPaid)
 * idx/ea/ address ~block ~logIndex          ParkEvent          (park events naming an address: a resident's history)
 * idx/ek/ kind 0x00 topic1 ~block ~logIndex ParkEvent          (by kind and first indexed value: an offering's subscriptions)
 * idx/kn/ kind 0x00 topic1                  count (8)          (events of that kind and first indexed value: a market's trades)
 * idx/lm/ resident asset yyyymm(4)          LevyMonth
 * idx/m/  minute(8)                         transactions and blocks in that UTC minute (8 + 8)
 * </pre>
 */
public final class IndexKeys {
    /** 2: counts by kind and first indexed value ({@code idx/kn/}); an index of another version is rebuilt. */
    public static final byte VERSION = 2;
    static final byte[] META = ascii("idx/meta");
    public static final byte[] BLOCKS = ascii("idx/b/");
    public static final byte[] TXS = ascii("idx/t/");
    public static final byte[] ADDRESS_TXS = ascii("idx/a/");
    public static final byte[] TOKEN_TRANSFERS = ascii("idx/tt/");
    public static final byte[] ADDRESS_TRANSFERS = ascii("idx/at/");
    public static final byte[] HOLDERS = ascii("idx/h/");
    public static final byte[] HOLDINGS = ascii("idx/ho/");
    public static final byte[] HOLDER_COUNT = ascii("idx/hn/");
    public static final byte[] TOKENS = ascii("idx/tk/");
    public static final byte[] EVENTS = ascii("idx/e/");
    public static final byte[] ADDRESS_EVENTS = ascii("idx/ea/");
    public static final byte[] EVENTS_BY_SUBJECT = ascii("idx/ek/");
    public static final byte[] SUBJECT_COUNTS = ascii("idx/kn/");
    public static final byte[] LEVY_MONTHS = ascii("idx/lm/");
    public static final byte[] MINUTES = ascii("idx/m/");

    private IndexKeys() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Concatenates key parts: byte arrays, addresses, and longs (8 bytes) / ints (4 bytes) big-endian. */
    public static byte[] key(Object... parts) {
        int size = 0;
        for (Object p : parts) {
            size += switch (p) {
                case byte[] b -> b.length;
                case Address a -> Address.SIZE;
                case Long l -> 8;
                case Integer i -> 4;
                default -> throw new IllegalArgumentException("not a key part: " + p);
            };
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (Object p : parts) {
            switch (p) {
                case byte[] b -> out.put(b);
                case Address a -> out.put(a.bytesUnsafe());
                case Long l -> out.putLong(l);
                case Integer i -> out.putInt(i);
                default -> throw new IllegalArgumentException("not a key part: " + p);
            }
        }
        return out.array();
    }

    /** The key of an event kind's listing: {@code idx/e/KIND\0}. */
    public static byte[] eventKind(String kind) {
        return key(EVENTS, ascii(kind), new byte[] {0});
    }

    /** The key of an event kind's listing for one first indexed value: {@code idx/ek/KIND\0TOPIC1}. */
    public static byte[] eventSubject(String kind, org.parkchain.primitives.Hash topic1) {
        return key(EVENTS_BY_SUBJECT, ascii(kind), new byte[] {0}, topic1.toArray());
    }

    /** The key of the count of an event kind's entries for one first indexed value: {@code idx/kn/KIND\0TOPIC1}. */
    public static byte[] subjectCount(String kind, org.parkchain.primitives.Hash topic1) {
        return key(SUBJECT_COUNTS, ascii(kind), new byte[] {0}, topic1.toArray());
    }

    /** Newest first: a larger number sorts first when inverted. */
    static long newest(long n) {
        return ~n;
    }

    static int newest(int n) {
        return ~n;
    }

    static long longAt(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 8).getLong();
    }
}
