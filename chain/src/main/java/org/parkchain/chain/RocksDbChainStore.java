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
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
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

    private RocksDbChainStore(Path directory) throws RocksDBException {
        this.directory = directory;
        // RocksDB's own info logs rotate; keeping a few is enough to diagnose a problem.
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true).setKeepLogFileNum(5);
        blockCache = new LRUCache(128L << 20);
        familyOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(blockCache));
        // Trie nodes are looked up by hash, mostly for keys that exist: a bloom filter spares the misses a disk read.
        nodeFilter = new BloomFilter(10, false);
        nodeOptions = new ColumnFamilyOptions().setTableFormatConfig(new BlockBasedTableConfig()
                .setBlockCache(blockCache).setFilterPolicy(nodeFilter));
        syncWrite = new WriteOptions().setSync(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (String name : FAMILIES) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.US_ASCII),
                    name.equals("trie_nodes") ? nodeOptions : familyOptions));
        }
        db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        headers = handles.get(1);
        bodies = handles.get(2);
        receipts = handles.get(3);
        trieNodes = handles.get(4);
        canonical = handles.get(5);
        transactions = handles.get(6);
        meta = handles.get(7);
        aux = handles.get(8);
    }

    /**
     * Opens (creating if needed) the store in {@code directory}.
     *
     * @throws StoreException when the folder cannot be created or RocksDB refuses it (for instance because another
     *     process holds its lock)
     */
    public static RocksDbChainStore open(Path directory) {
        try {
            Files.createDirectories(directory);
            return new RocksDbChainStore(directory);
        } catch (java.io.IOException | RocksDBException e) {
            throw new StoreException("cannot open the chain database in " + directory + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
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
        try (org.rocksdb.RocksIterator it = db.newIterator(aux)) {
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
                throw new StoreException("reading " + directory + " failed: " + e.getMessage(), e);
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
            throw new StoreException("writing a block to " + directory + " failed: " + e.getMessage(), e);
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
        familyOptions.close();
        nodeOptions.close();
        dbOptions.close();
        nodeFilter.close();
        blockCache.close();
    }

    private Optional<byte[]> get(ColumnFamilyHandle family, byte[] key) {
        try {
            return Optional.ofNullable(db.get(family, key));
        } catch (RocksDBException e) {
            throw new StoreException("reading " + directory + " failed: " + e.getMessage(), e);
        }
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
