package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.WorldState;

/** How the node composes the park with the chain: RegimeGenesis as a genesis initializer, the policy as admission. */
class ChainCompositionTest {
    private static final List<PrivateKey> DEV = Genesis.devKeys();

    private static Genesis parkDevGenesis() {
        RegimeGenesis regime = new RegimeGenesis(List.of(DEV.get(0).address()), 1, DEV.get(9).address());
        return Genesis.dev().withState(regime::install);
    }

    private static TransactionAdmission admission(PermissionPolicy policy) {
        return (state, block, tx) -> {
            TransactionIntent intent = new TransactionIntent(tx.sender(), tx.to(), tx.value(), tx.data());
            return switch (policy.check(RegistryView.of(state), intent, block.timestamp())) {
                case Permission.Refused r -> Optional.of(r.reason());
                default -> Optional.empty();
            };
        };
    }

    @Test
    void devGenesisWithTheRegimeHasTheBoardTreasuryAndSystemContracts() {
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), parkDevGenesis());
        WorldState state = chain.state(chain.head());
        RegistryView registry = RegistryView.of(state);
        assertThat(registry.isBoardMember(DEV.get(0).address())).isTrue();
        assertThat(registry.isBoardMember(DEV.get(1).address())).isFalse();
        assertThat(registry.threshold()).isEqualTo(1);
        assertThat(state.code(SystemAddresses.REGISTRY)).isEqualTo(SystemContracts.MARKER_CODE);
        assertThat(chain.head().stateRoot()).isNotEqualTo(Blockchain.open(new InMemoryChainStore(), Genesis.dev()).head().stateRoot());
    }

    @Test
    void verifiedPermissioningKeepsAnUnverifiedSenderOutOfTheBlock() {
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), parkDevGenesis());
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID).nonce(0)
                .maxFeePerGas(UInt256.of(3_000_000_000L)).maxPriorityFeePerGas(UInt256.ONE).gasLimit(21_000)
                .to(Address.fromLong(0xabc)).value(UInt256.ONE).sign(DEV.get(5));
        BlockExecutor.Proposal proposal = new BlockExecutor.Proposal(Address.ZERO, 1, new byte[0]);

        SystemContracts natives = new SystemContracts();
        BlockExecutor verified = new BlockExecutor(chain.chainId(), chain.forks(), natives,
                admission(new PermissionPolicy(PermissionPolicy.Mode.VERIFIED)));
        BlockExecutor.Built refused = verified.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(tx), proposal);
        assertThat(refused.block().block().transactions()).isEmpty();
        assertThat(refused.skipped()).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(BlockExecutor.SkipCause.NOT_ADMITTED);
            assertThat(s.detail()).contains("permissioning: sender " + DEV.get(5).address() + " is not verified");
        });

        BlockExecutor open = new BlockExecutor(chain.chainId(), chain.forks(), natives, admission(new PermissionPolicy(PermissionPolicy.Mode.OPEN)));
        BlockExecutor.Built included = open.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(tx), proposal);
        assertThat(included.block().block().transactions()).containsExactly(tx);
        chain.append(included.block());
        assertThat(chain.receipt(tx.hash())).hasValueSatisfying(r -> assertThat(r.success()).isTrue());
    }
}
