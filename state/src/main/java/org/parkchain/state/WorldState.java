package org.parkchain.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.parkchain.evm.Log;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.Rlp;
import org.parkchain.primitives.rlp.RlpReader;

/**
 * The world state during a block: accounts and storage read from the tries on first use and then kept in memory,
 * every change journaled so a call frame can be reverted, and nothing written to a trie until {@link #commit}. A
 * block therefore touches each trie path once and hashes once, however many transactions changed the same slots.
 *
 * <p>Between transactions the caller runs {@link #endTransaction()}, which applies EIP-6780 self-destructs and
 * EIP-161 deletion of touched empty accounts and clears the per-transaction substate (warm sets, transient storage,
 * refund, logs, original storage values, the journal). Not thread-safe: one block executes on one thread.
 */
public final class WorldState implements WorldView {
    private final NodeStore store;
    private final SecureTrie accountTrie;
    private final Map<Address, AccountObject> accounts = new HashMap<>();

    /** Undo actions, newest last; a snapshot id is a length of this list. */
    private final ArrayList<Runnable> journal = new ArrayList<>();

    // Per-transaction substate, cleared by endTransaction().
    private final Set<Address> warmAddresses = new HashSet<>();
    private final Set<Slot> warmSlots = new HashSet<>();
    private final Map<Slot, UInt256> transientStorage = new HashMap<>();
    private final Map<Slot, UInt256> originalStorage = new HashMap<>();
    private final List<Log> logs = new ArrayList<>();
    private final Set<Address> selfDestructed = new LinkedHashSet<>();
    private final Set<Address> created = new HashSet<>();
    private final Set<Address> touched = new LinkedHashSet<>();
    private long refund;

    private record Slot(Address address, UInt256 key) {}

    /** An empty state over {@code store}. */
    public WorldState(NodeStore store) {
        this(store, Hash.EMPTY_TRIE_ROOT);
    }

    /** The state with root {@code stateRoot} in {@code store}. */
    public WorldState(NodeStore store, Hash stateRoot) {
        this.store = store;
        this.accountTrie = new SecureTrie(store, stateRoot);
    }

    // --- accounts ---------------------------------------------------------------------------------------------

    @Override
    public boolean exists(Address address) {
        AccountObject a = find(address);
        return a.exists;
    }

    @Override
    public boolean isEmpty(Address address) {
        AccountObject a = find(address);
        return !a.exists || a.isEmpty();
    }

    @Override
    public UInt256 balance(Address address) {
        return find(address).balance;
    }

    @Override
    public void setBalance(Address address, UInt256 balance) {
        AccountObject a = touch(address);
        UInt256 previous = a.balance;
        a.balance = balance;
        journal.add(() -> a.balance = previous);
    }

    @Override
    public long nonce(Address address) {
        return find(address).nonce;
    }

    @Override
    public void setNonce(Address address, long nonce) {
        AccountObject a = touch(address);
        long previous = a.nonce;
        a.nonce = nonce;
        journal.add(() -> a.nonce = previous);
    }

    @Override
    public byte[] code(Address address) {
        AccountObject a = find(address);
        if (a.code == null) {
            a.code = a.codeHash.equals(Hash.EMPTY_KECCAK)
                    ? new byte[0]
                    : store.get(a.codeHash).orElseThrow(() ->
                            new MissingTrieNodeException("code " + a.codeHash + " of " + address + " is not in the store"));
        }
        return a.code;
    }

    @Override
    public Hash codeHash(Address address) {
        return find(address).codeHash;
    }

    @Override
    public void setCode(Address address, byte[] code) {
        AccountObject a = touch(address);
        byte[] previousCode = a.code;
        Hash previousHash = a.codeHash;
        boolean previousDirty = a.codeDirty;
        a.code = code.clone();
        a.codeHash = code.length == 0 ? Hash.EMPTY_KECCAK : Keccak.hash(code);
        a.codeDirty = true;
        journal.add(() -> {
            a.code = previousCode;
            a.codeHash = previousHash;
            a.codeDirty = previousDirty;
        });
    }

    @Override
    public void createAccount(Address address) {
        AccountObject a = touch(address);
        long previousNonce = a.nonce;
        byte[] previousCode = a.code;
        Hash previousCodeHash = a.codeHash;
        Map<UInt256, UInt256> previousStorage = a.storage;
        boolean previousCleared = a.storageCleared;
        a.nonce = 0;
        a.code = new byte[0];
        a.codeHash = Hash.EMPTY_KECCAK;
        a.storage = new HashMap<>();
        a.storageCleared = true;
        boolean added = created.add(address);
        journal.add(() -> {
            a.nonce = previousNonce;
            a.code = previousCode;
            a.codeHash = previousCodeHash;
            a.storage = previousStorage;
            a.storageCleared = previousCleared;
            if (added) {
                created.remove(address);
            }
        });
    }

    @Override
    public boolean hasStorage(Address address) {
        AccountObject a = find(address);
        for (UInt256 v : a.storage.values()) {
            if (!v.isZero()) {
                return true;
            }
        }
        // Slots of the committed trie overwritten with zero in this block would make this a false positive;
        // that needs a contract to zero its whole storage and be re-created at the same address in one block.
        return !a.storageCleared && !a.storageRoot.equals(Hash.EMPTY_TRIE_ROOT);
    }

    // --- storage ----------------------------------------------------------------------------------------------

    @Override
    public UInt256 storage(Address address, UInt256 key) {
        return find(address).storage(key);
    }

    @Override
    public UInt256 committedStorage(Address address, UInt256 key) {
        UInt256 original = originalStorage.get(new Slot(address, key));
        return original != null ? original : storage(address, key);
    }

    @Override
    public void setStorage(Address address, UInt256 key, UInt256 value) {
        AccountObject a = touch(address);
        UInt256 current = a.storage(key);
        // The first write in a transaction sees the value the slot had when the transaction began (EIP-2200).
        originalStorage.putIfAbsent(new Slot(address, key), current);
        Map<UInt256, UInt256> map = a.storage;
        UInt256 previous = map.put(key, value);
        journal.add(() -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
    }

    // --- per-transaction substate -----------------------------------------------------------------------------

    @Override
    public UInt256 transientStorage(Address address, UInt256 key) {
        return transientStorage.getOrDefault(new Slot(address, key), UInt256.ZERO);
    }

    @Override
    public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
        Slot slot = new Slot(address, key);
        UInt256 previous = transientStorage.put(slot, value);
        journal.add(() -> {
            if (previous == null) {
                transientStorage.remove(slot);
            } else {
                transientStorage.put(slot, previous);
            }
        });
    }

    /**
     * Told of every address and storage slot a transaction warms (EIP-2929), including in frames that revert: what
     * eth_createAccessList reports. Not part of the state; not journaled.
     */
    public interface AccessObserver {
        void address(Address address);

        void slot(Address address, UInt256 key);
    }

    /** Nothing observes accesses unless eth_createAccessList asks: the usual warm path pays one null check. */
    private AccessObserver accessObserver;

    /** Tells {@code observer} of every address and slot warmed from now on ({@code null} stops it). */
    public void observeAccesses(AccessObserver observer) {
        this.accessObserver = observer;
    }

    @Override
    public boolean warmAddress(Address address) {
        if (accessObserver != null) {
            accessObserver.address(address);
        }
        if (warmAddresses.add(address)) {
            journal.add(() -> warmAddresses.remove(address));
            return false;
        }
        return true;
    }

    @Override
    public boolean isWarm(Address address) {
        return warmAddresses.contains(address);
    }

    @Override
    public boolean warmSlot(Address address, UInt256 key) {
        if (accessObserver != null) {
            accessObserver.slot(address, key);
        }
        Slot slot = new Slot(address, key);
        if (warmSlots.add(slot)) {
            journal.add(() -> warmSlots.remove(slot));
            return false;
        }
        return true;
    }

    @Override
    public void addRefund(long delta) {
        long previous = refund;
        refund += delta;
        journal.add(() -> refund = previous);
    }

    @Override
    public long refund() {
        return refund;
    }

    @Override
    public void addLog(Log log) {
        logs.add(log);
        journal.add(() -> logs.remove(logs.size() - 1));
    }

    /** The logs of the current transaction so far, oldest first. */
    public List<Log> logs() {
        return List.copyOf(logs);
    }

    @Override
    public void markSelfDestructed(Address address) {
        if (selfDestructed.add(address)) {
            journal.add(() -> selfDestructed.remove(address));
        }
    }

    @Override
    public boolean createdInThisTransaction(Address address) {
        return created.contains(address);
    }

    // --- journal ----------------------------------------------------------------------------------------------

    @Override
    public int snapshot() {
        return journal.size();
    }

    @Override
    public void revertToSnapshot(int snapshot) {
        if (snapshot < 0 || snapshot > journal.size()) {
            throw new IllegalArgumentException("no snapshot " + snapshot + " (journal has " + journal.size() + " entries)");
        }
        for (int i = journal.size() - 1; i >= snapshot; i--) {
            journal.remove(i).run();
        }
    }

    // --- transaction and block boundaries ---------------------------------------------------------------------

    /**
     * Closes the current transaction: deletes accounts that self-destructed in the transaction that created them
     * (EIP-6780) and touched accounts left empty (EIP-161), then forgets the transaction's substate and journal.
     */
    public void endTransaction() {
        for (Address address : selfDestructed) {
            if (created.contains(address)) {
                find(address).delete();
            }
        }
        for (Address address : touched) {
            AccountObject a = find(address);
            if (a.exists && a.isEmpty()) {
                a.delete();
            }
        }
        journal.clear();
        warmAddresses.clear();
        warmSlots.clear();
        transientStorage.clear();
        originalStorage.clear();
        logs.clear();
        selfDestructed.clear();
        created.clear();
        touched.clear();
        refund = 0;
    }

    /**
     * Puts an account into the state as a genesis allocation or a test's pre-state: not journaled and not touched,
     * so an empty allocated account survives {@link #endTransaction()}.
     */
    public void allocate(Address address, long nonce, UInt256 balance, byte[] code, Map<UInt256, UInt256> storage) {
        AccountObject a = find(address);
        a.exists = true;
        a.dirty = true;
        a.nonce = nonce;
        a.balance = balance;
        a.code = code.clone();
        a.codeHash = code.length == 0 ? Hash.EMPTY_KECCAK : Keccak.hash(code);
        a.codeDirty = true;
        storage.forEach(a.storage::put);
    }

    /**
     * Writes every account changed since the last commit into the storage and account tries, adds the new nodes and
     * code to {@code batch} and returns the state root. The caller writes the batch with the rest of the block.
     */
    public Hash commit(WriteBatch batch) {
        if (!journal.isEmpty()) {
            // The journal's undo actions hold references to the maps a commit replaces.
            throw new IllegalStateException("commit between transactions: call endTransaction() first");
        }
        for (AccountObject a : accounts.values()) {
            if (!a.dirty) {
                continue;
            }
            if (!a.exists) {
                accountTrie.remove(a.address.bytesUnsafe());
                a.storageRoot = Hash.EMPTY_TRIE_ROOT;
                a.storageTrie = null;
                a.loadedStorage.clear();
                a.storage.clear();
                a.storageCleared = false;
                a.dirty = false;
                continue;
            }
            if (a.storageCleared || !a.storage.isEmpty()) {
                SecureTrie trie = a.storageCleared ? new SecureTrie(store) : a.storageTrie();
                if (a.storageCleared) {
                    a.loadedStorage.clear();
                }
                for (Map.Entry<UInt256, UInt256> e : a.storage.entrySet()) {
                    byte[] slotKey = e.getKey().toBytes32();
                    if (e.getValue().isZero()) {
                        trie.remove(slotKey);
                    } else {
                        trie.put(slotKey, Rlp.encodeUInt256(e.getValue()));
                    }
                    a.loadedStorage.put(e.getKey(), e.getValue());
                }
                a.storageRoot = trie.commit(batch);
                a.storageTrie = trie;
                a.storage = new HashMap<>();
                a.storageCleared = false;
            }
            if (a.codeDirty && a.code.length > 0) {
                batch.put(a.codeHash, a.code);
            }
            a.codeDirty = false;
            accountTrie.put(a.address.bytesUnsafe(), a.toAccount().toRlp());
            a.dirty = false;
        }
        return accountTrie.commit(batch);
    }

    /** {@link #commit(WriteBatch)} and writes the batch to the store at once. */
    public Hash commit() {
        WriteBatch batch = new WriteBatch();
        Hash root = commit(batch);
        store.write(batch);
        return root;
    }

    /**
     * EIP-1186 proofs for {@code address} and its storage slots {@code keys} against the last committed state root:
     * the account proof in the state trie and, per key, the proof in the account's storage trie. Call it after
     * {@link #commit}; uncommitted changes are not in the tries yet.
     */
    public StateProof proof(Address address, List<UInt256> keys) {
        List<byte[]> accountProof = accountTrie.proof(address.bytesUnsafe());
        AccountObject a = find(address);
        List<StateProof.StorageProof> storageProofs = new ArrayList<>();
        for (UInt256 key : keys) {
            List<byte[]> nodes = a.storageRoot.equals(Hash.EMPTY_TRIE_ROOT) ? List.of() : a.storageTrie().proof(key.toBytes32());
            storageProofs.add(new StateProof.StorageProof(key, a.committedValue(key), nodes));
        }
        Account committed = accountTrie.get(address.bytesUnsafe()).map(Account::fromRlp).orElse(Account.EMPTY);
        return new StateProof(address, committed, accountProof, storageProofs);
    }

    /**
     * The account's nonce, balance and code hash as they stand now, with the storage root of the last commit (storage
     * changes reach the root only at {@link #commit}); {@link Account#EMPTY} when the account does not exist.
     */
    public Account account(Address address) {
        AccountObject a = find(address);
        return a.exists ? a.toAccount() : Account.EMPTY;
    }

    /** Every account changed in memory, for dumps and debugging; committed-only accounts are not listed. */
    public void forEachCached(BiConsumer<Address, Account> action) {
        accounts.forEach((address, a) -> {
            if (a.exists) {
                action.accept(address, a.toAccount());
            }
        });
    }

    // --- internals --------------------------------------------------------------------------------------------

    private AccountObject find(Address address) {
        AccountObject a = accounts.get(address);
        if (a == null) {
            a = new AccountObject(address);
            byte[] rlp = accountTrie.get(address.bytesUnsafe()).orElse(null);
            if (rlp != null) {
                Account stored = Account.fromRlp(rlp);
                a.exists = true;
                a.nonce = stored.nonce();
                a.balance = stored.balance();
                a.storageRoot = stored.storageRoot();
                a.codeHash = stored.codeHash();
            }
            accounts.put(address, a);
        }
        return a;
    }

    /** The account about to change: created if absent, marked touched for EIP-161, both journaled. */
    private AccountObject touch(Address address) {
        AccountObject a = find(address);
        if (!a.exists) {
            a.exists = true;
            journal.add(() -> a.exists = false);
        }
        if (!a.dirty) {
            a.dirty = true;
            // Leaving dirty set on revert only costs a rewrite of an unchanged account at commit.
        }
        if (touched.add(address)) {
            journal.add(() -> touched.remove(address));
        }
        return a;
    }

    /** An account's in-memory state for the block. */
    private final class AccountObject {
        final Address address;
        boolean exists;
        boolean dirty;
        long nonce;
        UInt256 balance = UInt256.ZERO;
        Hash codeHash = Hash.EMPTY_KECCAK;
        /** The code, loaded on first use. */
        byte[] code;
        boolean codeDirty;
        /** The storage root in the committed trie (the base that {@link #storage} overrides). */
        Hash storageRoot = Hash.EMPTY_TRIE_ROOT;
        /** When set, the committed storage no longer counts: the account was re-created or deleted. */
        boolean storageCleared;
        /** Slots written since the last commit, by their current values (zero included). */
        Map<UInt256, UInt256> storage = new HashMap<>();
        /** Values read from the committed trie, so a slot is looked up in the trie once. */
        final Map<UInt256, UInt256> loadedStorage = new HashMap<>();
        SecureTrie storageTrie;

        AccountObject(Address address) {
            this.address = address;
        }

        boolean isEmpty() {
            return nonce == 0 && balance.isZero() && codeHash.equals(Hash.EMPTY_KECCAK);
        }

        UInt256 storage(UInt256 key) {
            UInt256 v = storage.get(key);
            if (v != null) {
                return v;
            }
            if (storageCleared || storageRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
                return UInt256.ZERO;
            }
            v = loadedStorage.get(key);
            if (v == null) {
                byte[] rlp = storageTrie().get(key.toBytes32()).orElse(null);
                v = rlp == null ? UInt256.ZERO : decodeSlotValue(rlp);
                loadedStorage.put(key, v);
            }
            return v;
        }

        /** The slot's value in the committed storage trie, ignoring uncommitted writes. */
        UInt256 committedValue(UInt256 key) {
            if (storageRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
                return UInt256.ZERO;
            }
            byte[] rlp = storageTrie().get(key.toBytes32()).orElse(null);
            return rlp == null ? UInt256.ZERO : decodeSlotValue(rlp);
        }

        SecureTrie storageTrie() {
            if (storageTrie == null) {
                storageTrie = new SecureTrie(store, storageRoot);
            }
            return storageTrie;
        }

        /** Deletion at the end of a transaction: not journaled, since the journal ends there too. */
        void delete() {
            exists = false;
            dirty = true;
            nonce = 0;
            balance = UInt256.ZERO;
            code = new byte[0];
            codeHash = Hash.EMPTY_KECCAK;
            codeDirty = false;
            storage = new HashMap<>();
            storageCleared = true;
        }

        Account toAccount() {
            return new Account(nonce, balance, storageRoot, codeHash);
        }
    }

    /** A storage trie holds RLP of the value's minimal big-endian bytes. */
    static UInt256 decodeSlotValue(byte[] rlp) {
        return RlpReader.of(rlp).readUInt256();
    }
}
