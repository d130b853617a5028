package org.parkchain.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.Genesis;

/**
 * The checker and the retrying clients on their own, against single {@code --dev} nodes: a checker that cannot
 * fail proves nothing, so two nodes that each mined a different block 1 must be reported as a fork at block 1,
 * with the receipts one gave missing on the other, while a node compared with itself passes.
 */
class ChainInvariantsTest {
    @Test
    void reportsTwoChainsThatPartAtBlockOneAndPassesOneChain(@TempDir Path dir) {
        try (MemberProcess a = MemberProcess.start("a", List.of("--dev", "--rpc-port", "0"), dir.resolve("a.log"));
             MemberProcess b = MemberProcess.start("b", List.of("--dev", "--rpc-port", "0"), dir.resolve("b.log"))) {
            RetryingClients onA = new RetryingClients(() -> List.of(a.rpc()), Genesis.DEV_CHAIN_ID,
                    Genesis.devKeys().subList(1, 3));
            RetryingClients onB = new RetryingClients(() -> List.of(b.rpc()), Genesis.DEV_CHAIN_ID,
                    Genesis.devKeys().subList(3, 4));
            awaitReceipts(onA, 5);
            awaitReceipts(onB, 1);
            RetryingClients.Outcome outcomeA = onA.finish(Duration.ofSeconds(20));
            onB.finish(Duration.ofSeconds(20));
            assertThat(outcomeA.lost()).isEmpty();
            assertThat(outcomeA.errors()).isEmpty();

            Map<String, MemberRpc> same = new LinkedHashMap<>();
            same.put("a", a.rpc());
            same.put("a-again", new MemberRpc(a.url()));
            ChainInvariants.assertHold(same, onA.receiptsGiven());

            Map<String, MemberRpc> forked = new LinkedHashMap<>();
            forked.put("a", a.rpc());
            forked.put("b", b.rpc());
            List<String> found = ChainInvariants.violations(forked, onA.receiptsGiven());
            assertThat(found).anySatisfy(v -> assertThat(v).startsWith("block 1 hash:"))
                    .anySatisfy(v -> assertThat(v).startsWith("block 1 stateRoot:"))
                    .anySatisfy(v -> assertThat(v).contains("missing on b"));
            assertThat(found).noneMatch(v -> v.startsWith("block 0 ")); // the same genesis
            assertThatThrownBy(() -> ChainInvariants.assertHold(forked, onA.receiptsGiven()))
                    .hasMessageContaining("invariant violation");
        }
    }

    private static void awaitReceipts(RetryingClients clients, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (clients.receiptCount() < n) {
            assertThat(System.nanoTime()).as("receipts within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
