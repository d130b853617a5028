package org.parkchain.explorer.index;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.parkchain.chain.Block;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.Receipt;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Log;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.SystemAddresses;

/**
 * The index entries of one block, computed from the block and its receipts and from entries already indexed (token
 * balances and counts carry over from block to block). Entries written earlier in the same unit of work (a rebuild
 * writes many blocks at once) are seen through {@link Pending}.
 */
final class BlockIndexing {
    private static final UInt256 NONE = UInt256.ZERO;

    /** A byte-array key with value equality. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }

    /** Entries computed but not yet in the store, seen by later reads of the same unit of work. */
    static final class Pending {
        private final Map<Key, byte[]> values = new LinkedHashMap<>();
        private final Function<byte[], Optional<byte[]>> store;

        Pending(Function<byte[], Optional<byte[]>> store) {
            this.store = store;
        }

        Optional<byte[]> get(byte[] key) {
            byte[] v = values.get(new Key(key));
            return v != null ? Optional.of(v) : store.apply(key);
        }

        void put(byte[] key, byte[] value) {
            values.put(new Key(key), value);
        }

        List<ChainStore.AuxEntry> drain() {
            List<ChainStore.AuxEntry> out = new ArrayList<>(values.size());
            values.forEach((k, v) -> out.add(new ChainStore.AuxEntry(k.bytes(), v)));
            values.clear();
            return out;
        }

        int size() {
            return values.size();
        }
    }

    private BlockIndexing() {}

    /**
     * Adds block {@code block}'s entries, and the index's new head, to {@code pending}. Reads the transactions and
     * receipts directly (senders are recovered once, at pool admission, and kept by the transaction), rather than
     * through JSON-RPC receipts, which would hash the header again for every transaction.
     */
    static void index(Block block, List<Receipt> receipts, Pending pending) {
        long number = block.number();
        long time = block.header().timestamp();
        Hash blockHash = block.hash();
        pending.put(IndexKeys.key(IndexKeys.BLOCKS, IndexKeys.newest(number)), new BlockSummary(number, blockHash,
                time, block.transactions().size(), block.header().gasUsed(), block.header().gasLimit()).encode());
        long logIndex = 0;
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction tx = block.transactions().get(i);
            Receipt receipt = receipts.get(i);
            Address from = tx.sender();
            Optional<Address> created = tx.isContractCreation()
                    ? Optional.of(ContractAddress.forCreate(from, tx.nonce())) : Optional.empty();
            IndexedTx itx = new IndexedTx(tx.hash(), number, i, time, from, tx.to(), created, tx.value(),
                    receipt.success(), tx.isContractCreation() ? "create" : ParkAbiCatalog.methodName(tx.data()));
            byte[] encoded = itx.encode();
            long blockKey = IndexKeys.newest(number);
            int txKey = IndexKeys.newest(i);
            pending.put(IndexKeys.key(IndexKeys.TXS, blockKey, txKey), encoded);
            Set<Address> parties = new LinkedHashSet<>();
            parties.add(from);
            tx.to().ifPresent(parties::add);
            created.ifPresent(parties::add);
            for (Log log : receipt.logs()) {
                long at = logIndex++;
                if (isErc20Transfer(log)) {
                    IndexedTransfer t = transfer(log, tx.hash(), number, at, time);
                    parties.add(t.from());
                    parties.add(t.to());
                    indexTransfer(t, pending);
                }
                indexParkEvent(log, tx.hash(), number, at, time, pending);
            }
            parties.remove(Address.ZERO);
            for (Address a : parties) {
                pending.put(IndexKeys.key(IndexKeys.ADDRESS_TXS, a, blockKey, txKey), encoded);
            }
        }
        long minute = time / 60;
        byte[] minuteKey = IndexKeys.key(IndexKeys.MINUTES, minute);
        long[] counts = pending.get(minuteKey).map(v -> new long[] {IndexKeys.longAt(v, 0), IndexKeys.longAt(v, 8)})
                .orElse(new long[2]);
        pending.put(minuteKey, IndexKeys.key(counts[0] + block.transactions().size(), counts[1] + 1));
        pending.put(IndexKeys.META, IndexKeys.key(new byte[] {IndexKeys.VERSION}, number));
    }

    private static boolean isErc20Transfer(Log log) {
        // ERC-721 shares the topic but indexes its token id as a fourth topic and has no data.
        return log.topics().size() == 3 && log.topics().get(0).equals(ParkAbiCatalog.TRANSFER)
                && log.data().length == 32;
    }

    private static IndexedTransfer transfer(Log log, Hash txHash, long block, long logIndex, long time) {
        return new IndexedTransfer(log.address(), Address.fromWord(log.topics().get(1).toArray()),
                Address.fromWord(log.topics().get(2).toArray()), UInt256.fromBytes(log.data()), txHash, block, logIndex,
                time);
    }

    private static void indexTransfer(IndexedTransfer t, Pending pending) {
        byte[] encoded = t.encode();
        long block = IndexKeys.newest(t.blockNumber());
        int logIndex = IndexKeys.newest((int) t.logIndex());
        pending.put(IndexKeys.key(IndexKeys.TOKEN_TRANSFERS, t.token(), block, logIndex), encoded);
        pending.put(IndexKeys.key(IndexKeys.ADDRESS_TRANSFERS, t.from(), block, logIndex), encoded);
        if (!t.to().equals(t.from())) {
            pending.put(IndexKeys.key(IndexKeys.ADDRESS_TRANSFERS, t.to(), block, logIndex), encoded);
        }
        byte[] tokenKey = IndexKeys.key(IndexKeys.TOKENS, t.token());
        if (pending.get(tokenKey).isEmpty()) {
            pending.put(tokenKey, IndexKeys.key(t.blockNumber()));
        }
        // Balances follow the events; a token that under-reports (or a holder that had coins before a genesis) is
        // clamped at zero rather than wrapping around.
        adjust(t.token(), t.from(), t.value(), false, pending);
        adjust(t.token(), t.to(), t.value(), true, pending);
    }

    private static void adjust(Address token, Address holder, UInt256 amount, boolean credit, Pending pending) {
        if (holder.equals(Address.ZERO)) {
            return;
        }
        byte[] key = IndexKeys.key(IndexKeys.HOLDERS, token, holder);
        UInt256 before = pending.get(key).map(UInt256::fromBytes).orElse(NONE);
        UInt256 after = credit ? before.add(amount) : before.compareTo(amount) >= 0 ? before.sub(amount) : NONE;
        byte[] value = after.toBytes32();
        pending.put(key, value);
        pending.put(IndexKeys.key(IndexKeys.HOLDINGS, holder, token), value);
        if (before.isZero() != after.isZero()) {
            byte[] countKey = IndexKeys.key(IndexKeys.HOLDER_COUNT, token);
            long count = pending.get(countKey).map(v -> IndexKeys.longAt(v, 0)).orElse(0L);
            pending.put(countKey, IndexKeys.key(count + (after.isZero() ? -1 : 1)));
        }
    }

    /** A log of a system contract, or a park token's own events beyond ERC-20's, by kind and by the addresses it names. */
    private static void indexParkEvent(Log log, Hash txHash, long blockNumber, long logIndexInBlock, long time,
                                       Pending pending) {
        if (log.topics().isEmpty()) {
            return;
        }
        Optional<String> name = ParkAbiCatalog.eventName(log.topics().get(0));
        boolean parkContract = SystemAddresses.isReserved(log.address());
        if (name.isEmpty() || !(parkContract || name.get().equals("Frozen") || name.get().equals("ForcedTransfer"))) {
            return;
        }
        ParkEvent event = new ParkEvent(name.get(), log.address(), log.topics(), log.data(), txHash, blockNumber,
                logIndexInBlock, time);
        byte[] encoded = event.encode();
        long block = IndexKeys.newest(blockNumber);
        int logIndex = IndexKeys.newest((int) logIndexInBlock);
        pending.put(IndexKeys.key(IndexKeys.eventKind(name.get()), block, logIndex), encoded);
        if (log.topics().size() > 1) {
            pending.put(IndexKeys.key(IndexKeys.eventSubject(name.get(), log.topics().get(1)), block, logIndex), encoded);
            byte[] countKey = IndexKeys.subjectCount(name.get(), log.topics().get(1));
            long count = pending.get(countKey).map(v -> IndexKeys.longAt(v, 0)).orElse(0L);
            pending.put(countKey, IndexKeys.key(count + 1));
        }
        for (Address a : new LinkedHashSet<>(ParkAbiCatalog.indexedAddresses(log.topics()))) {
            pending.put(IndexKeys.key(IndexKeys.ADDRESS_EVENTS, a, block, logIndex), encoded);
        }
        if (name.get().equals("LevyPaid") && log.address().equals(SystemAddresses.REGISTRY)) {
            Address resident = Address.fromWord(log.topics().get(1).toArray());
            Address asset = Address.fromWord(log.topics().get(2).toArray());
            ZonedDateTime when = Instant.ofEpochSecond(time).atZone(ZoneOffset.UTC);
            int yearMonth = when.getYear() * 100 + when.getMonthValue();
            byte[] key = IndexKeys.key(IndexKeys.LEVY_MONTHS, resident, asset, yearMonth);
            LevyMonth month = pending.get(key).map(v -> LevyMonth.decode(resident, asset, yearMonth, v))
                    .orElse(new LevyMonth(resident, asset, when.getYear(), when.getMonthValue(), NONE, NONE, 0));
            byte[] data = log.data();
            month = month.plus(UInt256.fromBytes(data, 0, 32), UInt256.fromBytes(data, 32, 32));
            pending.put(key, month.encode());
        }
    }
}
