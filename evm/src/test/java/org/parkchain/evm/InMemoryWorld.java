package org.parkchain.evm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

/** A simple journaled WorldView for the EVM's own tests: every change pushes its undo onto a list. */
final class InMemoryWorld implements WorldView {
    static final class Account {
        UInt256 balance = UInt256.ZERO;
        long nonce;
        byte[] code = new byte[0];
        Map<UInt256, UInt256> storage = new HashMap<>();

        Account copy() {
            Account a = new Account();
            a.balance = balance;
            a.nonce = nonce;
            a.code = code;
            a.storage = new HashMap<>(storage);
            return a;
        }
    }

    private record Slot(Address address, UInt256 key) {}

    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Slot, UInt256> committed = new HashMap<>();
    private final Map<Slot, UInt256> transientStorage = new HashMap<>();
    private final Set<Address> warmAddresses = new HashSet<>();
    private final Set<Slot> warmSlots = new HashSet<>();
    private final Set<Address> created = new HashSet<>();
    final Set<Address> selfDestructed = new HashSet<>();
    final List<Log> logs = new ArrayList<>();
    private long refund;
    private final List<Runnable> journal = new ArrayList<>();

    // --- set-up helpers for tests ----------------------------------------------------------------------------

    InMemoryWorld withAccount(Address a, UInt256 balance, byte[] code) {
        Account acc = accounts.computeIfAbsent(a, k -> new Account());
        acc.balance = balance;
        acc.code = code;
        return this;
    }

    InMemoryWorld withStorage(Address a, UInt256 key, UInt256 value) {
        accounts.computeIfAbsent(a, k -> new Account()).storage.put(key, value);
        committed.put(new Slot(a, key), value);
        return this;
    }

    // --- WorldView ------------------------------------------------------------------------------------------

    private Account account(Address a) {
        Account acc = accounts.get(a);
        if (acc == null) {
            acc = new Account();
            accounts.put(a, acc);
            journal.add(() -> accounts.remove(a));
        }
        return acc;
    }

    private void record(Address a) {
        Account before = accounts.get(a);
        Account saved = before == null ? null : before.copy();
        journal.add(() -> {
            if (saved == null) accounts.remove(a);
            else accounts.put(a, saved);
        });
    }

    @Override
    public boolean exists(Address address) {
        return accounts.containsKey(address);
    }

    @Override
    public boolean isEmpty(Address address) {
        Account a = accounts.get(address);
        return a == null || (a.balance.isZero() && a.nonce == 0 && a.code.length == 0);
    }

    @Override
    public UInt256 balance(Address address) {
        Account a = accounts.get(address);
        return a == null ? UInt256.ZERO : a.balance;
    }

    @Override
    public void setBalance(Address address, UInt256 balance) {
        record(address);
        account(address).balance = balance;
    }

    @Override
    public long nonce(Address address) {
        Account a = accounts.get(address);
        return a == null ? 0 : a.nonce;
    }

    @Override
    public void setNonce(Address address, long nonce) {
        record(address);
        account(address).nonce = nonce;
    }

    @Override
    public byte[] code(Address address) {
        Account a = accounts.get(address);
        return a == null ? new byte[0] : a.code;
    }

    @Override
    public Hash codeHash(Address address) {
        return Keccak.hash(code(address));
    }

    @Override
    public void setCode(Address address, byte[] code) {
        record(address);
        account(address).code = code;
    }

    @Override
    public void createAccount(Address address) {
        record(address);
        UInt256 balance = balance(address);
        Account fresh = new Account();
        fresh.balance = balance;
        accounts.put(address, fresh);
        if (created.add(address)) journal.add(() -> created.remove(address));
    }

    @Override
    public boolean hasStorage(Address address) {
        Account a = accounts.get(address);
        return a != null && a.storage.values().stream().anyMatch(v -> !v.isZero());
    }

    @Override
    public UInt256 storage(Address address, UInt256 key) {
        Account a = accounts.get(address);
        return a == null ? UInt256.ZERO : a.storage.getOrDefault(key, UInt256.ZERO);
    }

    @Override
    public UInt256 committedStorage(Address address, UInt256 key) {
        return committed.getOrDefault(new Slot(address, key), UInt256.ZERO);
    }

    @Override
    public void setStorage(Address address, UInt256 key, UInt256 value) {
        record(address);
        account(address).storage.put(key, value);
    }

    @Override
    public UInt256 transientStorage(Address address, UInt256 key) {
        return transientStorage.getOrDefault(new Slot(address, key), UInt256.ZERO);
    }

    @Override
    public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
        Slot s = new Slot(address, key);
        UInt256 before = transientStorage.get(s);
        transientStorage.put(s, value);
        journal.add(() -> {
            if (before == null) transientStorage.remove(s);
            else transientStorage.put(s, before);
        });
    }

    @Override
    public boolean warmAddress(Address address) {
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
        Slot s = new Slot(address, key);
        if (warmSlots.add(s)) {
            journal.add(() -> warmSlots.remove(s));
            return false;
        }
        return true;
    }

    @Override
    public void addRefund(long delta) {
        refund += delta;
        journal.add(() -> refund -= delta);
    }

    @Override
    public long refund() {
        return refund;
    }

    @Override
    public void addLog(Log log) {
        logs.add(Objects.requireNonNull(log));
        journal.add(() -> logs.remove(logs.size() - 1));
    }

    @Override
    public void markSelfDestructed(Address address) {
        if (selfDestructed.add(address)) journal.add(() -> selfDestructed.remove(address));
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
        while (journal.size() > snapshot) journal.remove(journal.size() - 1).run();
    }
}
