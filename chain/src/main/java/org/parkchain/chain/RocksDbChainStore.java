package org.parkchain.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.primitives.Hash;
import org.parkchain.state.NodeStore;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link ChainStore} in RocksDB, one column family per kind of entry: {@code headers}, {@code bodies} and
 * {@code receipts} by block hash, {@code trie_nodes} (state trie nodes and code by hash), {@code canonical} (block
 * number, 8 bytes big-endian, to block hash), {@code transactions} (transaction hash to block hash and index) and
 * {@code meta} (the head pointer) and {@code aux} (entries kept beside the chain by the layers above it, see
 * {@link ChainStore.AuxEntry}). Each {@link #write} is one RocksDB write batch with {@code sync} set: after a
 * crash at any moment the database holds every block up to some head, each complete, and nothing of the next.
 *
 * <p>Thread-safe: RocksDB serves reads concurrently with the writer. {@link #close()} must not race other calls.
 */
public final class RocksDbChainStore implements ChainStore {
    static {
        RocksDB.loadLibrary();
    }

    private static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> FAMILIES =
            List.of("headers", "bodies", "receipts", "trie_nodes", "canonical", "transactions", "meta", "aux");

    private final Path directory;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    private final ColumnFamilyOptions nodeOptions;
    private final LRUCache blockCache;
    private final BloomFilter nodeFilter;
    private final WriteOptions syncWrite;
    /**
     * Every read checks the checksum of each block it loads from an SST file (RocksDB's default, stated here because
     * the node relies on it): a corrupted file gives an error, and {@code /health} 503, never wrong data.
     */
    private final ReadOptions verifiedRead;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final ColumnFamilyHandle headers;
    private final ColumnFamilyHandle bodies;
    private final ColumnFamilyHandle receipts;
    private final ColumnFamilyHandle trieNodes;
    private final ColumnFamilyHandle canonical;
    private final ColumnFamilyHandle transactions;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle aux;
    private final NodeStore nodes = new Nodes();
    private final boolean recoveredFromDamagedLog;
    private volatile String fault;

    private RocksDbChainStore(Path directory, boolean fresh, boolean readOnly) throws RocksDBException {
        this.directory = directory;
        // RocksDB's own info logs rotate; keeping a few is enough to diagnose a problem. A database is created only in
        // an empty folder: one whose CURRENT file is gone must be refused, not silently replaced by a new chain.
        dbOptions = new DBOptions().setCreateIfMissing(fresh).setCreateMissingColumnFamilies(true).setKeepLogFileNum(5)
                .setParanoidChecks(true).setWalRecoveryMode(WALRecoveryMode.AbsoluteConsistency);
        blockCache = new LRUCache(128L << 20);
        familyOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(blockCache));
        // Trie nodes are looked up by hash, mostly for keys that exist: a bloom filter spares the misses a disk read.
        nodeFilter = new BloomFilter(10, false);
        nodeOptions = new ColumnFamilyOptions().setTableFormatConfig(new BlockBasedTableConfig()
                .setBlockCache(blockCache).setFilterPolicy(nodeFilter));
        syncWrite = new WriteOptions().setSync(true);
        verifiedRead = new ReadOptions().setVerifyChecksums(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (String name : FAMILIES) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.US_ASCII),
                    name.equals("trie_nodes") ? nodeOptions : familyOptions));
        }
        RocksDB opened;
        boolean damagedLog = false;
        try {
            opened = readOnly ? RocksDB.openReadOnly(dbOptions, directory.toString(), descriptors, handles)
                    : RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            if (readOnly || !isCorruption(e)) {
                close(dbOptions, familyOptions, nodeOptions, nodeFilter, blockCache, syncWrite, verifiedRead);
                throw e;
            }
            // The log ends in a damaged or incomplete record: recover up to the last complete write, and say so
            // (recoveredFromDamagedLog) so the node reports the block it recovered to before it serves.
            handles.clear();
            dbOptions.setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery);
            opened = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
            damagedLog = true;
        }
        db = opened;
        recoveredFromDamagedLog = damagedLog;
        headers = handles.get(1);
        bodies = handles.get(2);
        receipts = handles.get(3);
        trieNodes = handles.get(4);
        canonical = handles.get(5);
        transactions = handles.get(6);
        meta = handles.get(7);
        aux = handles.get(8);
    }

    private static boolean isCorruption(RocksDBException e) {
        return e.getStatus() != null && e.getStatus().getCode() == Status.Code.Corruption;
    }

    private static void close(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // releasing native handles after a failed open; nothing to report beyond the open's own error
            }
        }
    }

    /**
     * Opens (creating if needed) the store in {@code directory}. A folder that holds files but no database
     * (RocksDB's CURRENT file is gone) is refused with a one-line error: it is a damaged chain, never a new one.
     *
     * @throws StoreException when the folder cannot be created, holds a damaged database, or RocksDB refuses it
     *     (for instance because another process holds its lock)
     */
    public static RocksDbChainStore open(Path directory) {
        return open(directory, false);
    }

    /** Opens an existing store without changing a byte of it (for {@code ./parkchain db check}). */
    public static RocksDbChainStore openReadOnly(Path directory) {
        return open(directory, true);
    }

    private static RocksDbChainStore open(Path directory, boolean readOnly) {
        try {
            boolean fresh = !readOnly && isEmptyFolder(directory);
            if (!fresh && !Files.isRegularFile(directory.resolve("CURRENT"))) {
                throw new StoreException("the chain database in " + directory + " is damaged: its CURRENT file is "
                        + "missing" + (Files.isDirectory(directory) ? " (the folder holds " + fileCount(directory)
                        + " files; nothing was changed)" : " (no such folder)"));
            }
            Files.createDirectories(directory);
            return new RocksDbChainStore(directory, fresh, readOnly);
        } catch (java.io.IOException | RocksDBException e) {
            throw new StoreException("cannot open the chain database in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyFolder(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return true;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static long fileCount(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * Whether the write-ahead log ended in a damaged or incomplete record when the store was opened: the store was
     * recovered to its last complete write, and anything written after it is gone.
     */
    public boolean recoveredFromDamagedLog() {
        return recoveredFromDamagedLog;
    }

    /** The first read or write error RocksDB reported since the store was opened, if any. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Reads every block of every SST file and checks its checksum (for {@code ./parkchain db check}): a flipped byte
     * anywhere in the stored data is found, even in entries no chain walk would read.
     *
     * @return the problem, naming the damaged file as RocksDB reports it, if any
     */
    public Optional<String> verifyFileChecksums() {
        try {
            db.verifyChecksum();
            return Optional.empty();
        } catch (RocksDBException e) {
            return Optional.of("a database file in " + directory + " is damaged: " + e.getMessage());
        }
    }

    @Override
    public Optional<Hash> head() {
        return get(meta, HEAD_KEY).map(RocksDbChainStore::hash);
    }

    @Override
    public Optional<byte[]> header(Hash blockHash) {
        return get(headers, blockHash.bytesUnsafe());
    }

    @Override
    public Optional<byte[]> body(Hash blockHash) {
        return get(bodies, blockHash.bytesUnsafe());
    }

    @Override
    public Optional<byte[]> receipts(Hash blockHash) {
        return get(receipts, blockHash.bytesUnsafe());
    }

    @Override
    public Optional<Hash> canonicalHash(long number) {
        return get(canonical, numberKey(number)).map(RocksDbChainStore::hash);
    }

    @Override
    public Optional<TransactionLocation> transactionLocation(Hash txHash) {
        return get(transactions, txHash.bytesUnsafe()).map(v -> {
            if (v.length != Hash.SIZE + 4) {
                throw new StoreException("transaction index entry of " + txHash + " is " + v.length + " bytes, expected 36");
            }
            ByteBuffer b = ByteBuffer.wrap(v);
            byte[] block = new byte[Hash.SIZE];
            b.get(block);
            return new TransactionLocation(Hash.wrap(block), b.getInt());
        });
    }

    @Override
    public NodeStore nodes() {
        return nodes;
    }

    @Override
    public void write(BlockWrite block) {
        try (WriteBatch batch = prepare(block)) {
            commit(batch);
        }
    }

    /** The RocksDB batch of one block, not yet written; package-private so a test can drop it to mimic a crash. */
    WriteBatch prepare(BlockWrite block) {
        WriteBatch batch = new WriteBatch();
        try {
            for (Map.Entry<Hash, byte[]> e : block.stateNodes().puts().entrySet()) {
                batch.put(trieNodes, e.getKey().bytesUnsafe(), e.getValue());
            }
            byte[] key = block.blockHash().bytesUnsafe();
            batch.put(headers, key, block.header());
            batch.put(bodies, key, block.body());
            batch.put(receipts, key, block.receipts());
            List<Hash> txs = block.transactionHashes();
            for (int i = 0; i < txs.size(); i++) {
                byte[] location = ByteBuffer.allocate(Hash.SIZE + 4).put(key).putInt(i).array();
                batch.put(transactions, txs.get(i).bytesUnsafe(), location);
            }
            batch.put(canonical, numberKey(block.number()), key);
            for (AuxEntry e : block.aux()) {
                batch.put(aux, e.key(), e.value());
            }
            batch.put(meta, HEAD_KEY, key);
            return batch;
        } catch (RocksDBException e) {
            batch.close();
            throw new StoreException("cannot prepare block " + block.number() + " for writing: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> aux(byte[] key) {
        return get(aux, key);
    }

    @Override
    public List<AuxEntry> auxRange(byte[] prefix, byte[] from, int limit) {
        List<AuxEntry> out = new ArrayList<>();
        try (org.rocksdb.RocksIterator it = db.newIterator(aux, verifiedRead)) {
            for (it.seek(from); it.isValid() && out.size() < limit; it.next()) {
                byte[] key = it.key();
                if (!InMemoryChainStore.startsWith(key, prefix)) {
                    break;
                }
                out.add(new AuxEntry(key, it.value()));
            }
            try {
                it.status();
            } catch (RocksDBException e) {
                throw faulted("reading " + directory + " failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public void writeAux(List<AuxEntry> entries) {
        try (WriteBatch batch = new WriteBatch()) {
            for (AuxEntry e : entries) {
                batch.put(aux, e.key(), e.value());
            }
            commit(batch);
        } catch (RocksDBException e) {
            throw new StoreException("writing auxiliary entries failed: " + e.getMessage(), e);
        }
    }

    void commit(WriteBatch batch) {
        try {
            db.write(syncWrite, batch);
        } catch (RocksDBException e) {
            throw faulted("writing a block to " + directory + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        handles.clear();
        db.close();
        syncWrite.close();
        verifiedRead.close();
        familyOptions.close();
        nodeOptions.close();
        dbOptions.close();
        nodeFilter.close();
        blockCache.close();
    }

    private Optional<byte[]> get(ColumnFamilyHandle family, byte[] key) {
        try {
            return Optional.ofNullable(db.get(family, verifiedRead, key));
        } catch (RocksDBException e) {
            throw faulted("reading " + directory + " failed: " + e.getMessage(), e);
        }
    }

    /** Remembers the first fault for {@code /health} and returns the exception to throw. */
    private StoreException faulted(String message, RocksDBException cause) {
        if (fault == null) {
            fault = message;
        }
        return new StoreException(message, cause);
    }

    private static byte[] numberKey(long number) {
        return ByteBuffer.allocate(8).putLong(number).array();
    }

    private static Hash hash(byte[] stored) {
        if (stored.length != Hash.SIZE) {
            throw new StoreException("stored hash is " + stored.length + " bytes, expected 32: the database is damaged");
        }
        return Hash.wrap(stored);
    }

    /** The trie-node family as the state sees it. */
    private final class Nodes implements NodeStore {
        @Override
        public Optional<byte[]> get(Hash hash) {
            return RocksDbChainStore.this.get(trieNodes, hash.bytesUnsafe());
        }

        /** Nodes written outside a block (not used by the chain itself): one synced batch of their own. */
        @Override
        public void write(org.parkchain.state.WriteBatch nodesBatch) {
            try (WriteBatch batch = new WriteBatch()) {
                for (Map.Entry<Hash, byte[]> e : nodesBatch.puts().entrySet()) {
                    batch.put(trieNodes, e.getKey().bytesUnsafe(), e.getValue());
                }
                commit(batch);
            } catch (RocksDBException e) {
                throw new StoreException("writing trie nodes failed: " + e.getMessage(), e);
            }
        }
    }
}
