package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Evm;
import org.parkchain.evm.Fork;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

class TransactionProcessorTest {
    private static final Address ALICE = Address.fromLong(0xa11ce);
    private static final Address BOB = Address.fromLong(0xb0b);
    private static final Address COINBASE = Address.fromLong(0xc0ffee);
    private static final UInt256 BASE_FEE = UInt256.of(7);
    private static final BlockEnvironment BLOCK = new BlockEnvironment(
            COINBASE, 1, 1000, 30_000_000, BASE_FEE, Hash.ZERO, 0, UInt256.ONE, n -> Hash.ZERO);

    private final TransactionProcessor processor = new TransactionProcessor(new Evm(Fork.CANCUN, NativeContracts.NONE));
    private final WorldState state = new WorldState(new InMemoryNodeStore());

    private static ExecutableTransaction transfer(long nonce, UInt256 value, UInt256 maxFee, UInt256 maxTip) {
        return new ExecutableTransaction(ALICE, nonce, 21_000, Optional.of(BOB), value, new byte[0], maxFee, maxTip,
                List.of(), false, UInt256.ZERO, List.of(), Optional.empty(), 21_000);
    }

    @Test
    void transferPaysBaseFeeToNobodyAndTheTipToTheCoinbase() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[0], Map.of());
        TransactionResult result = processor.process(state, BLOCK, transfer(0, UInt256.of(5), UInt256.of(10), UInt256.of(2)));

        assertThat(result).isInstanceOf(TransactionResult.Executed.class);
        assertThat(((TransactionResult.Executed) result).gasUsed()).isEqualTo(21_000);
        // Effective price is min(10, 7 + 2) = 9: the sender pays 9 a unit, the coinbase receives the tip of 2.
        assertThat(state.balance(ALICE)).isEqualTo(UInt256.of(1_000_000_000 - 5 - 21_000 * 9));
        assertThat(state.balance(BOB)).isEqualTo(UInt256.of(5));
        assertThat(state.balance(COINBASE)).isEqualTo(UInt256.of(21_000 * 2));
        assertThat(state.nonce(ALICE)).isEqualTo(1);
    }

    @Test
    void rejectedTransactionsChangeNothing() {
        state.allocate(ALICE, 3, UInt256.of(100_000), new byte[0], Map.of());
        Hash before = state.commit();

        assertThat(processor.process(state, BLOCK, transfer(2, UInt256.ONE, UInt256.of(7), UInt256.ZERO)))
                .isEqualTo(new TransactionResult.Rejected(TransactionResult.InvalidTransaction.NONCE_MISMATCH, "nonce 2, account has 3"));
        assertThat(rejection(transfer(3, UInt256.ONE, UInt256.of(6), UInt256.ZERO)))
                .isEqualTo(TransactionResult.InvalidTransaction.INSUFFICIENT_MAX_FEE_PER_GAS);
        assertThat(rejection(transfer(3, UInt256.of(100_000), UInt256.of(7), UInt256.ZERO)))
                .isEqualTo(TransactionResult.InvalidTransaction.INSUFFICIENT_ACCOUNT_FUNDS);
        assertThat(rejection(transfer(3, UInt256.ONE, UInt256.of(8), UInt256.of(9))))
                .isEqualTo(TransactionResult.InvalidTransaction.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS);
        assertThat(state.commit()).isEqualTo(before);
    }

    @Test
    void senderWithCodeIsRejected() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[] {0x00}, Map.of());
        assertThat(rejection(transfer(0, UInt256.ONE, UInt256.of(7), UInt256.ZERO)))
                .isEqualTo(TransactionResult.InvalidTransaction.SENDER_NOT_EOA);
    }

    private TransactionResult.InvalidTransaction rejection(ExecutableTransaction tx) {
        return ((TransactionResult.Rejected) processor.process(state, BLOCK, tx)).reason();
    }

    @Test
    void blobBaseFeeFollowsTheEip4844Exponential() {
        assertThat(BlobGas.baseFee(0)).isEqualTo(UInt256.ONE);
        // e^(excess / 3338477) reaches 2 at excess = 3338477 * ln 2, which the integer series puts at 2314058.
        assertThat(BlobGas.baseFee(2_314_057)).isEqualTo(UInt256.ONE);
        assertThat(BlobGas.baseFee(2_314_058)).isEqualTo(UInt256.of(2));
        assertThat(BlobGas.baseFee(10_000_000)).isEqualTo(UInt256.of(19));
    }
}
