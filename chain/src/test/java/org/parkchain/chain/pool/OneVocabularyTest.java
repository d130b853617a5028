package org.parkchain.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.parkchain.chain.pool.Signer.gwei;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.WorldState;

/**
 * One list of reasons for refusing a transaction, with geth's text, used alike by the pool and by execution: the same
 * transaction is refused by both for the same reason, and every message begins with that reason's geth text.
 */
class OneVocabularyTest {
    private static final UInt256 RICH = gwei(1_000_000_000L);
    private final Signer alice = Signer.of(1);
    private final Signer pauper = Signer.of(9);
    private final TestHead head = new TestHead(0, 30_000_000, gwei(1)).fund(alice.address, RICH).nonce(alice.address, 5);
    private final TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, Signer.CHAIN_ID, head, TransactionAdmission.OPEN);
    private final TransactionProcessor processor = new TransactionProcessor(NativeContracts.NONE);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void everyReasonHasItsOwnGethTextWhichLeadsEveryMessage() {
        Set<String> texts = new HashSet<>();
        for (InvalidTransaction reason : InvalidTransaction.values()) {
            assertThat(reason.text()).as(reason.name()).isNotBlank().isEqualTo(reason.text().strip());
            assertThat(texts.add(reason.text())).as("text of %s is unique", reason).isTrue();
            assertThat(reason.message("detail")).isEqualTo(reason.text() + ": detail");
            assertThat(reason.message(reason.text() + ": detail")).isEqualTo(reason.text() + ": detail");
            assertThat(reason.message("")).isEqualTo(reason.text());
        }
        // geth's words, on which ethers.js and web3j users match
        assertThat(InvalidTransaction.NONCE_TOO_LOW.text()).isEqualTo("nonce too low");
        assertThat(InvalidTransaction.NONCE_TOO_HIGH.text()).isEqualTo("nonce too high");
        assertThat(InvalidTransaction.INSUFFICIENT_FUNDS.text()).isEqualTo("insufficient funds for gas * price + value");
        assertThat(InvalidTransaction.INTRINSIC_GAS_TOO_LOW.text()).isEqualTo("intrinsic gas too low");
        assertThat(InvalidTransaction.FEE_CAP_TOO_LOW.text()).isEqualTo("max fee per gas less than block base fee");
        assertThat(InvalidTransaction.GAS_LIMIT_EXCEEDED.text()).isEqualTo("exceeds block gas limit");
        assertThat(InvalidTransaction.TYPE_NOT_SUPPORTED.text()).isEqualTo("transaction type not supported");
        assertThat(InvalidTransaction.INVALID_SENDER.text()).isEqualTo("invalid sender");
        assertThat(InvalidTransaction.REPLACEMENT_UNDERPRICED.text()).isEqualTo("replacement transaction underpriced");
        assertThat(InvalidTransaction.POOL_FULL.text()).isEqualTo("txpool is full");
    }

    @Test
    void poolAndExecutionRefuseTheSameTransactionForTheSameReason() {
        byte[] calldata = new byte[1_000];
        Arrays.fill(calldata, (byte) 7);
        assertSameRefusal(alice.dynamic(5, gwei(10), gwei(1)).chainId(1).sign(alice.key), InvalidTransaction.INVALID_CHAIN_ID);
        assertSameRefusal(alice.transfer(5, gwei(1), gwei(2)), InvalidTransaction.TIP_ABOVE_FEE_CAP);
        assertSameRefusal(alice.dynamic(5, gwei(10), gwei(1)).gasLimit(20_999).sign(alice.key),
                InvalidTransaction.INTRINSIC_GAS_TOO_LOW);
        // Prague: 1,000 non-zero bytes cost 37,000 intrinsic gas but a 61,000 calldata floor (EIP-7623)
        assertSameRefusal(alice.dynamic(5, gwei(10), gwei(1)).gasLimit(50_000).data(calldata).sign(alice.key),
                InvalidTransaction.FLOOR_GAS_TOO_LOW);
        assertSameRefusal(Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Signer.CHAIN_ID).nonce(5)
                .maxFeePerGas(gwei(10)).maxPriorityFeePerGas(gwei(1)).gasLimit(10_000_000).data(new byte[49_153])
                .sign(alice.key), InvalidTransaction.INITCODE_TOO_LARGE);
        assertSameRefusal(alice.transfer(4), InvalidTransaction.NONCE_TOO_LOW);
        assertSameRefusal(alice.transfer(5, gwei(1).sub(UInt256.ONE), UInt256.ZERO), InvalidTransaction.FEE_CAP_TOO_LOW);
        assertSameRefusal(pauper.transfer(0), InvalidTransaction.INSUFFICIENT_FUNDS);
    }

    private void assertSameRefusal(Transaction tx, InvalidTransaction expected) {
        TransactionRejectedException atTheDoor =
                catchThrowableOfType(TransactionRejectedException.class, () -> pool.submit(tx.encode()));
        assertThat(atTheDoor).as("the pool refuses for %s", expected).isNotNull();
        assertThat(atTheDoor.reason()).isEqualTo(expected);
        assertThat(atTheDoor.getMessage()).startsWith(expected.text());

        TransactionResult executed = processor.process((WorldState) head.state(), head.nextBlock(), ExecutableTransaction.of(tx));
        assertThat(executed).isInstanceOfSatisfying(TransactionResult.Rejected.class,
                r -> assertThat(r.reason()).as("execution refuses for %s", expected).isEqualTo(expected));
    }
}
