package org.parkchain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * The journaled world state against a naive one that snapshots by copying everything: after any mix of changes,
 * snapshots and reverts, both must read the same, and the committed root must equal that of a state built directly
 * from the naive one's accounts.
 */
class WorldStateJournalPropertyTest {
    private static final List<Address> ADDRESSES = List.of(Address.fromLong(1), Address.fromLong(2), Address.fromLong(3));

    record Op(int kind, int address, int key, long value) {}

    /** The naive model: plain maps, copied whole at each snapshot. */
    static final class Naive {
        Map<Address, long[]> accounts = new HashMap<>(); // {nonce, balance}
        Map<Address, Map<Long, Long>> storage = new HashMap<>();
        Map<String, Long> transientStorage = new HashMap<>();
        Set<Address> warm = new HashSet<>();
        Set<Address> touched = new HashSet<>();
        long refund;
        int logs;

        Naive copy() {
            Naive n = new Naive();
            accounts.forEach((a, v) -> n.accounts.put(a, v.clone()));
            storage.forEach((a, m) -> n.storage.put(a, new HashMap<>(m)));
            n.transientStorage = new HashMap<>(transientStorage);
            n.warm = new HashSet<>(warm);
            n.touched = new HashSet<>(touched);
            n.refund = refund;
            n.logs = logs;
            return n;
        }

        long[] account(Address a) {
            touched.add(a);
            return accounts.computeIfAbsent(a, k -> new long[2]);
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 3), Arbitraries.longs().between(0, 3))
                .as(Op::new);
        return op.list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void journaledStateBehavesLikeCopyingSnapshots(@ForAll("operations") List<Op> ops) {
        WorldState state = new WorldState(new InMemoryNodeStore());
        Naive naive = new Naive();
        Deque<Naive> naiveSnapshots = new ArrayDeque<>();
        Deque<Integer> snapshots = new ArrayDeque<>();
        for (Op op : ops) {
            Address a = ADDRESSES.get(op.address());
            UInt256 key = UInt256.of(op.key());
            switch (op.kind()) {
                case 0 -> { state.setBalance(a, UInt256.of(op.value())); naive.account(a)[1] = op.value(); }
                case 1 -> { state.setNonce(a, op.value()); naive.account(a)[0] = op.value(); }
                case 2 -> {
                    state.setStorage(a, key, UInt256.of(op.value()));
                    naive.account(a);
                    naive.storage.computeIfAbsent(a, k -> new HashMap<>()).put((long) op.key(), op.value());
                }
                case 3 -> {
                    state.setTransientStorage(a, key, UInt256.of(op.value()));
                    naive.transientStorage.put(a + "/" + op.key(), op.value());
                }
                case 4 -> { state.warmAddress(a); naive.warm.add(a); }
                case 5 -> { state.addRefund(op.value()); naive.refund += op.value(); }
                case 6 -> { state.addLog(new Log(a, List.of(), new byte[0])); naive.logs++; }
                case 7 -> { snapshots.push(state.snapshot()); naiveSnapshots.push(naive.copy()); }
                default -> {
                    if (!snapshots.isEmpty()) {
                        state.revertToSnapshot(snapshots.pop());
                        naive = naiveSnapshots.pop();
                    }
                }
            }
        }
        for (Address a : ADDRESSES) {
            long[] account = naive.accounts.get(a);
            assertThat(state.exists(a)).isEqualTo(account != null);
            assertThat(state.nonce(a)).isEqualTo(account == null ? 0 : account[0]);
            assertThat(state.balance(a)).isEqualTo(UInt256.of(account == null ? 0 : account[1]));
            assertThat(state.isWarm(a)).isEqualTo(naive.warm.contains(a));
            for (int k = 0; k < 4; k++) {
                long expected = naive.storage.getOrDefault(a, Map.of()).getOrDefault((long) k, 0L);
                assertThat(state.storage(a, UInt256.of(k))).isEqualTo(UInt256.of(expected));
                assertThat(state.transientStorage(a, UInt256.of(k)))
                        .isEqualTo(UInt256.of(naive.transientStorage.getOrDefault(a + "/" + k, 0L)));
            }
        }
        assertThat(state.refund()).isEqualTo(naive.refund);
        assertThat(state.logs()).hasSize(naive.logs);

        // EIP-161 at the end of the transaction: touched accounts without nonce and balance go, storage or not.
        state.endTransaction();
        WorldState direct = new WorldState(new InMemoryNodeStore());
        for (Map.Entry<Address, long[]> e : naive.accounts.entrySet()) {
            long[] v = e.getValue();
            if (v[0] == 0 && v[1] == 0 && naive.touched.contains(e.getKey())) {
                continue;
            }
            Map<UInt256, UInt256> slots = new HashMap<>();
            naive.storage.getOrDefault(e.getKey(), Map.of()).forEach((k, val) -> slots.put(UInt256.of(k), UInt256.of(val)));
            direct.allocate(e.getKey(), v[0], UInt256.of(v[1]), new byte[0], slots);
        }
        assertThat(state.commit()).isEqualTo(direct.commit());
        assertThat(new ArrayList<>(state.logs())).isEmpty();
    }
}
