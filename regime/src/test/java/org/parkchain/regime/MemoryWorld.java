package org.parkchain.regime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.parkchain.evm.Log;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

/**
 * A journaled in-memory world for the regime's tests, until the state module's WorldState is on this branch:
 * every change records how to undo itself, so snapshots revert exactly.
 */
final class MemoryWorld implements WorldView {
    private record Account(UInt256 balance, long nonce, byte[] code) {
        static final Account EMPTY = new Account(UInt256.ZERO, 0, new byte[0]);
    }

    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();
    private final Map<Address, Map<UInt256, UInt256>> committed = new HashMap<>();
    private final Map<Address, Map<UInt256, UInt256>> transients = new HashMap<>();
    private final Set<Address> warmAddresses = new HashSet<>();
    private final Set<List<Object>> warmSlots = new HashSet<>();
    private final Set<Address> created = new HashSet<>();
    private final List<Log> logs = new ArrayList<>();
    private long refund;
    private final Deque<Runnable> journal = new ArrayDeque<>();

    /** Ends a transaction: today's values become the "original" ones, the per-transaction substate is cleared. */
    void commitTransaction() {
        committed.clear();
        storage.forEach((a, m) -> committed.put(a, new HashMap<>(m)));
        transients.clear();
        warmAddresses.clear();
        warmSlots.clear();
        created.clear();
        logs.clear();
        refund = 0;
        journal.clear();
    }

    List<Log> logs() {
        return List.copyOf(logs);
    }

    /** Everything that would go into the state root: accounts and non-zero storage, in a comparable form. */
    Map<String, String> fingerprint() {
        Map<String, String> out = new TreeMap<>();
        accounts.forEach((a, acc) -> {
            if (!acc.balance().isZero() || acc.nonce() != 0 || acc.code().length != 0) {
                out.put(a.toHex(), acc.balance() + "/" + acc.nonce() + "/" + Keccak.hash(acc.code()));
            }
        });
        storage.forEach((a, m) -> m.forEach((k, v) -> {
            if (!v.isZero()) {
                out.put(a.toHex() + ":" + k.toHexQuantity(), v.toHexQuantity());
            }
        }));
        return out;
    }

    private Account account(Address a) {
        return accounts.getOrDefault(a, Account.EMPTY);
    }

    private void putAccount(Address a, Account next) {
        Account prev = accounts.get(a);
        journal.push(() -> {
            if (prev == null) {
                accounts.remove(a);
            } else {
                accounts.put(a, prev);
            }
        });
        accounts.put(a, next);
    }

    @Override
    public boolean exists(Address address) {
        return accounts.containsKey(address);
    }

    @Override
    public boolean isEmpty(Address address) {
        Account a = account(address);
        return a.balance().isZero() && a.nonce() == 0 && a.code().length == 0;
    }

    @Override
    public UInt256 balance(Address address) {
        return account(address).balance();
    }

    @Override
    public void setBalance(Address address, UInt256 balance) {
        Account a = account(address);
        putAccount(address, new Account(balance, a.nonce(), a.code()));
    }

    @Override
    public long nonce(Address address) {
        return account(address).nonce();
    }

    @Override
    public void setNonce(Address address, long nonce) {
        Account a = account(address);
        putAccount(address, new Account(a.balance(), nonce, a.code()));
    }

    @Override
    public byte[] code(Address address) {
        return account(address).code();
    }

    @Override
    public Hash codeHash(Address address) {
        return Keccak.hash(code(address));
    }

    @Override
    public void setCode(Address address, byte[] code) {
        Account a = account(address);
        putAccount(address, new Account(a.balance(), a.nonce(), code.clone()));
    }

    @Override
    public void createAccount(Address address) {
        putAccount(address, new Account(balance(address), 0, new byte[0]));
        Map<UInt256, UInt256> prev = storage.remove(address);
        journal.push(() -> {
            if (prev != null) {
                storage.put(address, prev);
            }
        });
        if (created.add(address)) {
            journal.push(() -> created.remove(address));
        }
    }

    @Override
    public boolean hasStorage(Address address) {
        return storage.getOrDefault(address, Map.of()).values().stream().anyMatch(v -> !v.isZero());
    }

    @Override
    public UInt256 storage(Address address, UInt256 key) {
        return storage.getOrDefault(address, Map.of()).getOrDefault(key, UInt256.ZERO);
    }

    @Override
    public UInt256 committedStorage(Address address, UInt256 key) {
        return committed.getOrDefault(address, Map.of()).getOrDefault(key, UInt256.ZERO);
    }

    @Override
    public void setStorage(Address address, UInt256 key, UInt256 value) {
        Map<UInt256, UInt256> slots = storage.computeIfAbsent(address, x -> new HashMap<>());
        UInt256 prev = slots.get(key);
        journal.push(() -> {
            if (prev == null) {
                slots.remove(key);
            } else {
                slots.put(key, prev);
            }
        });
        slots.put(key, value);
    }

    @Override
    public UInt256 transientStorage(Address address, UInt256 key) {
        return transients.getOrDefault(address, Map.of()).getOrDefault(key, UInt256.ZERO);
    }

    @Override
    public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
        Map<UInt256, UInt256> slots = transients.computeIfAbsent(address, x -> new HashMap<>());
        UInt256 prev = slots.put(key, value);
        journal.push(() -> slots.put(key, Objects.requireNonNullElse(prev, UInt256.ZERO)));
    }

    @Override
    public boolean warmAddress(Address address) {
        boolean added = warmAddresses.add(address);
        if (added) {
            journal.push(() -> warmAddresses.remove(address));
        }
        return !added;
    }

    @Override
    public boolean isWarm(Address address) {
        return warmAddresses.contains(address);
    }

    @Override
    public boolean warmSlot(Address address, UInt256 key) {
        List<Object> id = List.of(address, key);
        boolean added = warmSlots.add(id);
        if (added) {
            journal.push(() -> warmSlots.remove(id));
        }
        return !added;
    }

    @Override
    public void addRefund(long delta) {
        refund += delta;
        journal.push(() -> refund -= delta);
    }

    @Override
    public long refund() {
        return refund;
    }

    @Override
    public void addLog(Log log) {
        logs.add(log);
        journal.push(() -> logs.remove(logs.size() - 1));
    }

    @Override
    public void markSelfDestructed(Address address) {
        throw new UnsupportedOperationException("no self-destructs in the regime's tests");
    }

    @Override
    public boolean createdInThisTransaction(Address address) {
        return created.contains(address);
    }

    @Override
    public int snapshot() {
        return journal.size();
    }

    @Override
    public void revertToSnapshot(int snapshot) {
        while (journal.size() > snapshot) {
            journal.pop().run();
        }
    }
}
