package org.parkchain.chain.pool;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.FeeMarket;
import org.parkchain.evm.Fork;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.Account;

/**
 * The pool's view of a {@link Blockchain} block: accounts are read from its committed state (each read on a fresh
 * {@code WorldState}, which is cheap and makes concurrent reads safe) and kept, since a block's state never changes.
 */
public final class ChainPoolHead implements PoolHead {
    private final Blockchain chain;
    private final BlockHeader header;
    private final UInt256 baseFee;
    /** The head's hash, computed once: admission asks for the next block's environment on every transaction. */
    private final Hash hash;
    private final ConcurrentHashMap<Address, Account> accounts = new ConcurrentHashMap<>();

    public ChainPoolHead(Blockchain chain, BlockHeader header) {
        this.chain = chain;
        this.header = header;
        this.baseFee = FeeMarket.nextBaseFee(header);
        this.hash = header.hash();
    }

    /**
     * The view of {@code header} with {@code addresses}' accounts taken from {@code postState}, the state that built the
     * block (the producer's, in memory): the pool re-reads every sender of a new block, and reading them from the
     * store instead walks the trie once per sender.
     */
    public static ChainPoolHead withAccounts(Blockchain chain, BlockHeader header, Collection<Address> addresses,
            Function<Address, Account> postState) {
        ChainPoolHead head = new ChainPoolHead(chain, header);
        for (Address a : addresses) {
            head.accounts.put(a, postState.apply(a));
        }
        return head;
    }

    /** The view of the chain's current head. */
    public static ChainPoolHead of(Blockchain chain) {
        return new ChainPoolHead(chain, chain.head());
    }

    public BlockHeader header() {
        return header;
    }

    @Override
    public long number() {
        return header.number();
    }

    @Override
    public long gasLimit() {
        return header.gasLimit();
    }

    @Override
    public UInt256 baseFee() {
        return baseFee;
    }

    @Override
    public long nonce(Address account) {
        return account(account).nonce();
    }

    @Override
    public UInt256 balance(Address account) {
        return account(account).balance();
    }

    private Account account(Address address) {
        return accounts.computeIfAbsent(address, a -> chain.state(header).account(a));
    }

    @Override
    public WorldView state() {
        return chain.state(header);
    }

    @Override
    public Fork fork() {
        return chain.forks().forkAt(nextTimestamp());
    }

    @Override
    public BlockEnvironment nextBlock() {
        long timestamp = nextTimestamp();
        return new BlockEnvironment(chain.forks().forkAt(timestamp), Address.ZERO, header.number() + 1, timestamp,
                header.gasLimit(), baseFee, hash, 0, UInt256.of(chain.chainId()), chain.blockHashes());
    }

    /** The next block's timestamp as admission sees it: now, or the head's plus one. */
    private long nextTimestamp() {
        return Math.max(System.currentTimeMillis() / 1000, header.timestamp() + 1);
    }
}
