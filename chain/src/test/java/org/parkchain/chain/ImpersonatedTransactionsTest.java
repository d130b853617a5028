package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.chain.ChainFixture.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Transactions sent as an account without its key (a dev chain's impersonation): a development chain includes and
 * replays them with the asserted sender, a sender with code included; any other chain refuses them in blocks it
 * builds and in blocks it is given.
 */
class ImpersonatedTransactionsTest {
    private static final Address KEYLESS = Address.fromLong(0xb0a4d);
    private static final UInt256 ETHER = UInt256.of(1_000_000_000_000_000_000L);
    private static final Address CONTRACT = Address.fromLong(0xc0de02);

    private final Blockchain chain = Blockchain.open(new InMemoryChainStore(), genesis().withAlloc(Map.of(
            KEYLESS, new Genesis.GenesisAccount(ETHER, 0, new byte[0], Map.of()),
            // A contract with funds: Hardhat and Anvil let a test act as one (EIP-3607 guards keys, and there is none).
            CONTRACT, new Genesis.GenesisAccount(ETHER, 1, LOGGER_CODE, Map.of()))));

    private final BlockExecutor dev = executor();
    private final BlockExecutor strict = new BlockExecutor(Genesis.DEV_CHAIN_ID, Genesis.DEFAULT_FORKS,
            NativeContracts.NONE, ImpersonatedTransactions.refused(TransactionAdmission.OPEN));

    private static Transaction impersonatedTransfer(Address from, long nonce, long wei) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID).nonce(nonce)
                .maxFeePerGas(GWEI.mul(UInt256.of(3))).maxPriorityFeePerGas(GWEI).gasLimit(21_000).to(CAROL)
                .value(UInt256.of(wei)).impersonate(from);
    }

    @Test
    void aDevChainIncludesThemAndTheStoredBlockKeepsTheirSenders() {
        Transaction fromKeyless = impersonatedTransfer(KEYLESS, 0, 7);
        Transaction fromContract = impersonatedTransfer(CONTRACT, 1, 8);
        BlockExecutor.Built built = dev.build(chain.head(), chain.nodes(), chain.blockHashes(),
                List.of(fromKeyless, fromContract), proposal(1_000));
        assertThat(built.skipped()).isEmpty();
        assertThat(built.block().receipts()).allMatch(Receipt::success);

        // What the store keeps is the encoding: decoded again, each transaction names the same sender.
        Block decoded = Block.decode(built.block().block().encode());
        assertThat(decoded.transactions()).extracting(Transaction::sender).containsExactly(KEYLESS, CONTRACT);
        assertThat(decoded.transactions()).allMatch(Transaction::isImpersonated);
        assertThat(dev.replay(chain.head(), chain.nodes(), chain.blockHashes(), decoded).receipts())
                .isEqualTo(built.block().receipts());

        chain.append(built.block());
        assertThat(chain.state(chain.head()).balance(CAROL)).isEqualTo(UInt256.of(15));
        assertThat(chain.state(chain.head()).nonce(KEYLESS)).isEqualTo(1);
        assertThat(chain.state(chain.head()).nonce(CONTRACT)).isEqualTo(2);
    }

    @Test
    void anyOtherChainLeavesThemOutOfItsBlocksAndRefusesABlockThatCarriesOne() {
        Transaction impersonated = impersonatedTransfer(KEYLESS, 0, 7);
        Transaction signed = transfer(ALICE, 0, CAROL, 1);
        BlockExecutor.Built built = strict.build(chain.head(), chain.nodes(), chain.blockHashes(),
                List.of(impersonated, signed), proposal(1_000));
        assertThat(built.block().block().transactions()).containsExactly(signed);
        assertThat(built.skipped()).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(BlockExecutor.SkipCause.NOT_ADMITTED);
            assertThat(s.detail()).isEqualTo("impersonated sender " + KEYLESS
                    + ": a transaction without its sender's signature is accepted on a development chain only"
                    + " (parkchain node --dev)");
        });

        Block fromADevChain = dev.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(impersonated),
                proposal(1_000)).block().block();
        assertThatThrownBy(() -> strict.replay(chain.head(), chain.nodes(), chain.blockHashes(), fromADevChain))
                .isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("not admitted: impersonated sender " + KEYLESS);
    }
}
