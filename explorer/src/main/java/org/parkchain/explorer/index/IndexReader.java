package org.parkchain.explorer.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainStore;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/**
 * Reads the explorer's index: every listing is one range read of the store in key order, a page at a time. A page's
 * {@code next} cursor is the hex of the last key's suffix after the listing's prefix; the next page starts just
 * after it.
 */
public final class IndexReader {
    private final Blockchain chain;
    /** Whether the chain was rewound under the index (a dev chain's evm_revert): rows are then checked against it. */
    private final java.util.function.BooleanSupplier rewound;

    IndexReader(Blockchain chain, java.util.function.BooleanSupplier rewound) {
        this.chain = chain;
        this.rewound = rewound;
    }

    /** After a rewind, rows of dropped blocks may remain in the index (entries are never deleted): skip them. */
    private boolean onChain(org.parkchain.primitives.Hash tx, long block) {
        return !rewound.getAsBoolean() || chain.transaction(tx).filter(t -> t.blockNumber() == block).isPresent();
    }

    private boolean onChain(BlockSummary b) {
        return !rewound.getAsBoolean() || chain.header(b.number()).filter(h -> h.hash().equals(b.hash())).isPresent();
    }

    /** A page of a listing and the cursor of the next one (empty on the last page). */
    public record Page<T>(List<T> items, Optional<String> next) {}

    /** A token balance from the index. */
    public record Balance(Address token, Address holder, UInt256 amount) {}

    public Page<BlockSummary> blocks(Optional<String> cursor, int limit) {
        return page(IndexKeys.BLOCKS, 8, cursor, limit, e -> BlockSummary.decode(e.value()), this::onChain);
    }

    /** Block {@code number}'s summary, if indexed. */
    public Optional<BlockSummary> block(long number) {
        return chain.aux(IndexKeys.key(IndexKeys.BLOCKS, IndexKeys.newest(number))).map(BlockSummary::decode);
    }

    public Page<IndexedTx> transactions(Optional<String> cursor, int limit) {
        return page(IndexKeys.TXS, 12, cursor, limit, e -> IndexedTx.decode(e.value()), t -> onChain(t.hash(), t.blockNumber()));
    }

    /** Block {@code number}'s transactions, last first (the listing of every transaction, cut to one block). */
    public Page<IndexedTx> transactionsOfBlock(long number, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.TXS, IndexKeys.newest(number)), 4, cursor, limit, e -> IndexedTx.decode(e.value()), t -> onChain(t.hash(), t.blockNumber()));
    }

    public Page<IndexedTx> transactionsOf(Address address, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.ADDRESS_TXS, address), 12, cursor, limit, e -> IndexedTx.decode(e.value()), t -> onChain(t.hash(), t.blockNumber()));
    }

    public Page<IndexedTransfer> transfersOfToken(Address token, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.TOKEN_TRANSFERS, token), 12, cursor, limit,
                e -> IndexedTransfer.decode(e.value()), t -> onChain(t.transactionHash(), t.blockNumber()));
    }

    public Page<IndexedTransfer> transfersOf(Address address, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.ADDRESS_TRANSFERS, address), 12, cursor, limit,
                e -> IndexedTransfer.decode(e.value()), t -> onChain(t.transactionHash(), t.blockNumber()));
    }

    /** A token's holders with a balance above zero, in address order. */
    public Page<Balance> holders(Address token, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.HOLDERS, token), 20, cursor, limit,
                e -> new Balance(token, Address.of(suffix(e, IndexKeys.HOLDERS.length + 20)), UInt256.fromBytes(e.value())),
                b -> !b.amount().isZero());
    }

    /** The tokens {@code holder} has a balance of, in token address order. */
    public Page<Balance> holdings(Address holder, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.HOLDINGS, holder), 20, cursor, limit,
                e -> new Balance(Address.of(suffix(e, IndexKeys.HOLDINGS.length + 20)), holder, UInt256.fromBytes(e.value())),
                b -> !b.amount().isZero());
    }

    public long holderCount(Address token) {
        return chain.aux(IndexKeys.key(IndexKeys.HOLDER_COUNT, token)).map(v -> IndexKeys.longAt(v, 0)).orElse(0L);
    }

    /** Every contract that emitted an ERC-20 Transfer, in address order. */
    public Page<Address> tokens(Optional<String> cursor, int limit) {
        return page(IndexKeys.TOKENS, 20, cursor, limit, e -> Address.of(suffix(e, IndexKeys.TOKENS.length)));
    }

    public boolean isToken(Address address) {
        return chain.aux(IndexKeys.key(IndexKeys.TOKENS, address)).isPresent();
    }

    /** The park's events of one kind (an event name such as "LevyPaid"), newest first. */
    public Page<ParkEvent> events(String kind, Optional<String> cursor, int limit) {
        return page(IndexKeys.eventKind(kind), 12, cursor, limit, e -> ParkEvent.decode(e.value()), x -> onChain(x.transactionHash(), x.blockNumber()));
    }

    /** The park's events of one kind whose first indexed value is {@code topic1} (an offering's subscriptions). */
    public Page<ParkEvent> events(String kind, org.parkchain.primitives.Hash topic1, Optional<String> cursor, int limit) {
        return page(IndexKeys.eventSubject(kind, topic1), 12, cursor, limit, e -> ParkEvent.decode(e.value()), x -> onChain(x.transactionHash(), x.blockNumber()));
    }

    /** How many events of one kind have {@code topic1} as their first indexed value (a market's trades). */
    public long eventCount(String kind, org.parkchain.primitives.Hash topic1) {
        return chain.aux(IndexKeys.subjectCount(kind, topic1)).map(v -> IndexKeys.longAt(v, 0)).orElse(0L);
    }

    /** The park's events naming {@code address} in an indexed parameter (a resident's history), newest first. */
    public Page<ParkEvent> eventsOf(Address address, Optional<String> cursor, int limit) {
        return page(IndexKeys.key(IndexKeys.ADDRESS_EVENTS, address), 12, cursor, limit, e -> ParkEvent.decode(e.value()), x -> onChain(x.transactionHash(), x.blockNumber()));
    }

    /** Every resident's levy per asset and month, in resident, asset and month order. */
    public Page<LevyMonth> levyMonths(Optional<String> cursor, int limit) {
        return page(IndexKeys.LEVY_MONTHS, 44, cursor, limit, e -> {
            byte[] k = e.key();
            int at = IndexKeys.LEVY_MONTHS.length;
            Address resident = Address.of(java.util.Arrays.copyOfRange(k, at, at + 20));
            Address asset = Address.of(java.util.Arrays.copyOfRange(k, at + 20, at + 40));
            int yearMonth = java.nio.ByteBuffer.wrap(k, at + 40, 4).getInt();
            return LevyMonth.decode(resident, asset, yearMonth, e.value());
        });
    }

    /** Transactions per UTC minute for the last {@code minutes} minutes up to {@code nowSeconds}, oldest first. */
    public List<long[]> minutes(long nowSeconds, int minutes) {
        long last = nowSeconds / 60;
        long first = last - minutes + 1;
        List<long[]> out = new ArrayList<>();
        List<ChainStore.AuxEntry> entries = chain.auxRange(IndexKeys.MINUTES, IndexKeys.key(IndexKeys.MINUTES, first),
                minutes);
        int i = 0;
        for (long m = first; m <= last; m++) {
            long txs = 0;
            long blocks = 0;
            if (i < entries.size() && IndexKeys.longAt(entries.get(i).key(), IndexKeys.MINUTES.length) == m) {
                txs = IndexKeys.longAt(entries.get(i).value(), 0);
                blocks = IndexKeys.longAt(entries.get(i).value(), 8);
                i++;
            }
            out.add(new long[] {m * 60, txs, blocks});
        }
        return out;
    }

    private static byte[] suffix(ChainStore.AuxEntry e, int from) {
        return java.util.Arrays.copyOfRange(e.key(), from, e.key().length);
    }

    private <T> Page<T> page(byte[] prefix, int suffixLength, Optional<String> cursor, int limit,
                             Function<ChainStore.AuxEntry, T> decode) {
        return page(prefix, suffixLength, cursor, limit, decode, item -> true);
    }

    /**
     * Up to {@code limit} items that {@code keep} accepts, from {@code cursor} on; reads on past refused entries (a
     * holder whose balance went back to zero: entries are overwritten, never deleted), a batch at a time.
     */
    private <T> Page<T> page(byte[] prefix, int suffixLength, Optional<String> cursor, int limit,
                             Function<ChainStore.AuxEntry, T> decode, java.util.function.Predicate<T> keep) {
        List<T> items = new ArrayList<>();
        byte[] from = from(prefix, suffixLength, cursor);
        byte[] lastKey = null;
        int batch = limit + 1;
        while (true) {
            List<ChainStore.AuxEntry> entries = chain.auxRange(prefix, from, batch);
            for (ChainStore.AuxEntry e : entries) {
                T item = decode.apply(e);
                if (!keep.test(item)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new Page<>(items, Optional.of(Hex.encodeNoPrefix(lastKey, prefix.length, suffixLength)));
                }
                items.add(item);
                lastKey = e.key();
            }
            if (entries.size() < batch) {
                return new Page<>(items, Optional.empty());
            }
            from = IndexKeys.key(entries.get(entries.size() - 1).key(), new byte[] {0});
        }
    }

    /** Where a page starts: the prefix, or just after the cursor's key. */
    private static byte[] from(byte[] prefix, int suffixLength, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return prefix;
        }
        byte[] suffix;
        try {
            suffix = Hex.decode(cursor.get());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor: not hex (" + e.getMessage() + ")");
        }
        if (suffix.length != suffixLength) {
            throw new IllegalArgumentException("cursor: want " + suffixLength + " bytes of hex, got " + suffix.length);
        }
        // Keys of one listing have one length, so the suffix followed by a zero byte is the next possible key.
        return IndexKeys.key(prefix, suffix, new byte[] {0});
    }
}
