package org.parkchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

class DevChainTest {
    private static final long START = 1_800_000_000L;
    private static final Address SOMEONE = Address.fromLong(0xbeef);
    private final PrivateKey dev0 = Genesis.devKeys().get(0);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicLong wallMillis = new AtomicLong(START * 1000);
    private Blockchain chain;
    private TransactionPool pool;
    private DevChain dev;

    private DevChain devChain(boolean automine) {
        chain = Blockchain.open(new InMemoryChainStore(), Genesis.dev());
        open.add(chain);
        pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain), TransactionAdmission.OPEN);
        open.add(pool);
        BlockExecutor executor = new BlockExecutor(chain.chainId(), NativeContracts.NONE, TransactionAdmission.OPEN);
        DevClock clock = new DevClock(wallMillis::get);
        SequencerConfig config = SequencerConfig.instant(Address.ZERO);
        SoloSequencer sequencer = new SoloSequencer(chain, executor, pool, config, clock);
        if (automine) {
            sequencer.start();
        }
        open.add(sequencer);
        dev = new DevChain(chain, executor, pool, sequencer, config, clock);
        return dev;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Transaction transfer(long nonce) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID).nonce(nonce)
                .maxFeePerGas(UInt256.of(10_000_000_000L)).maxPriorityFeePerGas(UInt256.of(1)).gasLimit(21_000)
                .to(SOMEONE).value(UInt256.ONE).sign(dev0);
    }

    @Test
    void minesEmptyBlocksAtTheTimesAsked() {
        devChain(false);
        assertThat(dev.mine().header().timestamp()).isEqualTo(START);
        assertThat(dev.mineAt(START + 100).header().timestamp()).isEqualTo(START + 100);
        // Later blocks keep the offset: the clock now reads START + 100 plus the wall time passed.
        wallMillis.addAndGet(5_000);
        assertThat(dev.mine().header().timestamp()).isEqualTo(START + 105);
        assertThatThrownBy(() -> dev.mineAt(START + 105))
                .hasMessage("Timestamp " + (START + 105) + " is lower than or equal to previous block's timestamp " + (START + 105));
        List<Block> blocks = dev.mine(3, 60);
        assertThat(blocks).extracting(b -> b.header().timestamp()).containsExactly(START + 106, START + 166, START + 226);
        assertThat(chain.head().number()).isEqualTo(6);
    }

    @Test
    void increaseTimeMovesTheNextBlocksTimestamp() {
        devChain(false);
        assertThat(dev.increaseTime(3600)).isEqualTo(3600);
        assertThat(dev.increaseTime(60)).isEqualTo(3660);
        assertThat(dev.mine().header().timestamp()).isEqualTo(START + 3660);
        assertThatThrownBy(() -> dev.increaseTime(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateEditsAreCommittedAsABlockWithoutTransactions() {
        devChain(true);
        Block block = dev.edit(state -> {
            state.setBalance(SOMEONE, UInt256.of(12345));
            state.setCode(SOMEONE, new byte[] {0x60, 0x00});
            state.setStorage(SOMEONE, UInt256.ONE, UInt256.of(7));
            state.setNonce(dev0.address(), 5);
        }, Set.of(SOMEONE, dev0.address()));
        assertThat(block.transactions()).isEmpty();
        assertThat(chain.head().hash()).isEqualTo(block.hash());
        var state = chain.state(chain.head());
        assertThat(state.balance(SOMEONE)).isEqualTo(UInt256.of(12345));
        assertThat(state.code(SOMEONE)).containsExactly(0x60, 0x00);
        assertThat(state.storage(SOMEONE, UInt256.ONE)).isEqualTo(UInt256.of(7));
        // The pool sees the new nonce: a transaction with the old next nonce is now too low.
        assertThat(pool.pendingNonce(dev0.address())).isEqualTo(5);
    }

    @Test
    void revertRewindsTheChainTheClockAndThePoolAndForgetsLaterSnapshots() {
        devChain(false);
        dev.mine();
        long first = dev.snapshot();
        var headAtSnapshot = chain.head();
        dev.increaseTime(1000);
        pool.submit(transfer(0));
        Block withTransfer = dev.mine();
        assertThat(withTransfer.transactions()).hasSize(1);
        long second = dev.snapshot();
        pool.submit(transfer(1));
        dev.edit(state -> state.setBalance(SOMEONE, UInt256.of(99)), Set.of(SOMEONE));

        assertThat(dev.revert(first)).isTrue();
        assertThat(chain.head()).isEqualTo(headAtSnapshot);
        assertThat(chain.block(withTransfer.hash())).isEmpty();
        assertThat(chain.transaction(withTransfer.transactions().getFirst().hash())).isEmpty();
        assertThat(chain.state(chain.head()).balance(SOMEONE)).isEqualTo(UInt256.ZERO);
        assertThat(pool.size()).isZero();
        assertThat(pool.pendingNonce(dev0.address())).isZero();
        assertThat(dev.mine().header().timestamp()).isEqualTo(START + 1); // the clock's 1000 s are undone
        assertThat(dev.revert(second)).isFalse();
        assertThat(dev.revert(first)).isFalse();
    }

    @Test
    void withoutAutomineTransactionsWaitForMine() throws Exception {
        devChain(true);
        assertThat(dev.automine()).isTrue();
        dev.setAutomine(false);
        assertThat(dev.automine()).isFalse();
        pool.submit(transfer(0));
        Thread.sleep(200);
        assertThat(chain.head().number()).isZero();
        assertThat(dev.mine().transactions()).hasSize(1);
        dev.setAutomine(true);
        pool.submit(transfer(1));
        long deadline = System.currentTimeMillis() + 5000;
        while (chain.head().number() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(chain.head().number()).isEqualTo(2);
    }
}
