package org.parkchain.chain.pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Hash;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** A head with accounts set by the test; {@link #next} makes the head that follows a block. */
final class TestHead implements PoolHead {
    final ConcurrentHashMap<Address, Long> nonces = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Address, UInt256> balances = new ConcurrentHashMap<>();
    private final long number;
    private final long gasLimit;
    private final UInt256 baseFee;
    /** The next block's fork; Prague unless a test wants another (Osaka's gas cap would hide the block gas limit). */
    org.parkchain.evm.Fork fork = org.parkchain.evm.Fork.PRAGUE;

    TestHead(long number, long gasLimit, UInt256 baseFee) {
        this.number = number;
        this.gasLimit = gasLimit;
        this.baseFee = baseFee;
    }

    TestHead fund(Address account, UInt256 balance) {
        balances.put(account, balance);
        return this;
    }

    TestHead nonce(Address account, long nonce) {
        nonces.put(account, nonce);
        return this;
    }

    /** The next head, with the same accounts (to be changed by the test) and {@code baseFee}. */
    TestHead next(UInt256 baseFee) {
        TestHead h = new TestHead(number + 1, gasLimit, baseFee);
        h.fork = fork;
        h.nonces.putAll(nonces);
        h.balances.putAll(balances);
        return h;
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public long gasLimit() {
        return gasLimit;
    }

    @Override
    public UInt256 baseFee() {
        return baseFee;
    }

    @Override
    public long nonce(Address account) {
        return nonces.getOrDefault(account, 0L);
    }

    @Override
    public UInt256 balance(Address account) {
        return balances.getOrDefault(account, UInt256.ZERO);
    }

    @Override
    public WorldView state() {
        WorldState state = new WorldState(new InMemoryNodeStore());
        balances.forEach((a, b) -> state.allocate(a, nonce(a), b, new byte[0], Map.of()));
        return state;
    }

    @Override
    public BlockEnvironment nextBlock() {
        return new BlockEnvironment(fork, Address.ZERO, number + 1, 1_700_000_000L + number + 1, gasLimit, baseFee, Hash.ZERO, 0,
                UInt256.of(Signer.CHAIN_ID), n -> Hash.ZERO);
    }
}
