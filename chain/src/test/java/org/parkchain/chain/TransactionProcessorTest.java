package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Fork;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

class TransactionProcessorTest {
    private static final Address ALICE = Address.fromLong(0xa11ce);
    private static final Address BOB = Address.fromLong(0xb0b);
    private static final Address COINBASE = Address.fromLong(0xc0ffee);
    private static final UInt256 BASE_FEE = UInt256.of(7);
    private static final BlockEnvironment BLOCK = new BlockEnvironment(Fork.CANCUN,
            COINBASE, 1, 1000, 30_000_000, BASE_FEE, Hash.ZERO, 0, UInt256.ONE, n -> Hash.ZERO);

    private final TransactionProcessor processor = new TransactionProcessor(NativeContracts.NONE);
    private final WorldState state = new WorldState(new InMemoryNodeStore());

    private static ExecutableTransaction transfer(long nonce, UInt256 value, UInt256 maxFee, UInt256 maxTip) {
        return new ExecutableTransaction(TransactionType.DYNAMIC_FEE, ALICE, nonce, 21_000, Optional.of(BOB), value,
                new byte[0], maxFee, maxTip, List.of(), List.of(), UInt256.ZERO, List.of(), Optional.empty());
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
                .isEqualTo(new TransactionResult.Rejected(InvalidTransaction.NONCE_TOO_LOW, "nonce 2, account has 3"));
        assertThat(rejection(transfer(3, UInt256.ONE, UInt256.of(6), UInt256.ZERO)))
                .isEqualTo(InvalidTransaction.FEE_CAP_TOO_LOW);
        assertThat(rejection(transfer(3, UInt256.of(100_000), UInt256.of(7), UInt256.ZERO)))
                .isEqualTo(InvalidTransaction.INSUFFICIENT_FUNDS);
        assertThat(rejection(transfer(3, UInt256.ONE, UInt256.of(8), UInt256.of(9))))
                .isEqualTo(InvalidTransaction.TIP_ABOVE_FEE_CAP);
        assertThat(state.commit()).isEqualTo(before);
    }

    @Test
    void transactionMustFitInTheGasLeftInTheBlock() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[0], Map.of());
        var result = processor.process(state, BLOCK, transfer(0, UInt256.ONE, UInt256.of(7), UInt256.ZERO), 20_999);
        assertThat(((TransactionResult.Rejected) result).reason()).isEqualTo(InvalidTransaction.BLOCK_GAS_EXHAUSTED);
    }

    @Test
    void senderWithCodeIsRejected() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[] {0x00}, Map.of());
        assertThat(rejection(transfer(0, UInt256.ONE, UInt256.of(7), UInt256.ZERO)))
                .isEqualTo(InvalidTransaction.SENDER_NOT_EOA);
    }

    private InvalidTransaction rejection(ExecutableTransaction tx) {
        return ((TransactionResult.Rejected) processor.process(state, BLOCK, tx)).reason();
    }

    private static ExecutableTransaction call(Optional<Address> to, byte[] data, long gasLimit) {
        return new ExecutableTransaction(TransactionType.DYNAMIC_FEE, ALICE, 0, gasLimit, to, UInt256.ZERO, data,
                UInt256.of(10), UInt256.of(1), List.of(), List.of(), UInt256.ZERO, List.of(), Optional.empty());
    }

    @Test
    void creationDeploysTheReturnedCodeAtTheSendersNonceAddress() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[0], Map.of());
        // Init code: MSTORE8(0, 0x00); RETURN(0, 1) -- deploys the one-byte code 0x00 (STOP).
        byte[] init = {0x60, 0x00, 0x60, 0x00, 0x53, 0x60, 0x01, 0x60, 0x00, (byte) 0xf3};
        long intrinsic = 21_000 + 32_000 + 2 + 4 * 4 + 16 * 6; // creation, one init-code word, 4 zero and 6 other bytes
        var result = (TransactionResult.Executed) processor.process(state, BLOCK, call(Optional.empty(), init, 100_000));

        Address created = ContractAddress.forCreate(ALICE, 0);
        assertThat(result.success()).isTrue();
        assertThat(result.contractAddress()).contains(created);
        assertThat(state.code(created)).containsExactly(0x00);
        assertThat(state.nonce(created)).isEqualTo(1);
        assertThat(state.nonce(ALICE)).isEqualTo(1);
    }

    @Test
    void failedExecutionStillChargesAllGasAndKeepsTheNonceIncrement() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[0], Map.of());
        state.allocate(BOB, 0, UInt256.ZERO, new byte[] {(byte) 0xfe}, Map.of()); // INVALID
        var result = (TransactionResult.Executed) processor.process(state, BLOCK, call(Optional.of(BOB), new byte[0], 50_000));

        assertThat(result.success()).isFalse();
        assertThat(result.gasUsed()).isEqualTo(50_000);
        assertThat(state.nonce(ALICE)).isEqualTo(1);
        assertThat(state.balance(ALICE)).isEqualTo(UInt256.of(1_000_000_000 - 50_000L * 8)); // min(10, 7 + 1) = 8
        assertThat(state.balance(COINBASE)).isEqualTo(UInt256.of(50_000));
    }

    @Test
    void clearingASlotIsRefundedUpToAFifthOfTheGasUsed() {
        state.allocate(ALICE, 0, UInt256.of(1_000_000_000), new byte[0], Map.of());
        // SSTORE(0, 0) over an original 1: 3 + 3 + 5,000 gas (cold slot), refund 4,800 (EIP-3529).
        state.allocate(BOB, 0, UInt256.ZERO, new byte[] {0x60, 0x00, 0x60, 0x00, 0x55, 0x00}, Map.of(UInt256.ZERO, UInt256.ONE));
        var result = (TransactionResult.Executed) processor.process(state, BLOCK, call(Optional.of(BOB), new byte[0], 100_000));

        assertThat(result.success()).isTrue();
        assertThat(result.gasUsed()).isEqualTo(26_006 - 4_800);
        assertThat(state.storage(BOB, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void blobBaseFeeFollowsTheEip4844Exponential() {
        assertThat(BlobGas.baseFee(0, Fork.CANCUN.blobs().updateFraction())).isEqualTo(UInt256.ONE);
        // e^(excess / 3338477) reaches 2 at excess = 3338477 * ln 2, which the integer series puts at 2314058.
        assertThat(BlobGas.baseFee(2_314_057, Fork.CANCUN.blobs().updateFraction())).isEqualTo(UInt256.ONE);
        assertThat(BlobGas.baseFee(2_314_058, Fork.CANCUN.blobs().updateFraction())).isEqualTo(UInt256.of(2));
        assertThat(BlobGas.baseFee(10_000_000, Fork.CANCUN.blobs().updateFraction())).isEqualTo(UInt256.of(19));
    }
}
