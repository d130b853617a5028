package org.parkchain.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.parkchain.chain.Genesis;

/**
 * The issue's faults against one three-member cluster of real processes, in the ordinary build (about two
 * minutes): the leader SIGKILLed under load, the leader frozen with SIGSTOP for 10 s, and every member killed at
 * once; last, a follower whose execution disagrees (the test-only corruption hook) must report divergence and
 * stop ({@link PartitionTest} cuts the network, on a cluster of its own). Clients keep sending throughout and retry as a careful
 * wallet does; after each fault {@link ChainInvariants} checks that the members hold one chain and that every
 * receipt any client was given is held, identical, by every member. The cluster lives across the scenarios (a
 * member killed in one is restarted before the next), as a real network would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsTest {
    private static final Duration ELECTION = Duration.ofSeconds(5);
    private static final Duration CONVERGE = Duration.ofSeconds(60);

    private LocalCluster cluster;
    private long chainId;
    /** Every receipt given to any client in any scenario: all must hold to the end. */
    private final Map<String, com.fasterxml.jackson.databind.JsonNode> receiptsGiven = new ConcurrentHashMap<>();
    private int nextSender = 1;

    @BeforeAll
    void startCluster() {
        cluster = LocalCluster.start(LocalCluster.runDirectory("faults"), LocalCluster.Spec.of(3));
        cluster.awaitLeader(Duration.ofSeconds(60));
        chainId = Long.decode(cluster.rpc(cluster.ids().iterator().next()).call("eth_chainId").textValue());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void leaderKilledUnderLoadIsReplacedWithinFiveSecondsAndNothingAcknowledgedIsLost() {
        try (RetryingClients clients = clients(4)) {
            awaitMoreReceipts(clients, 25);
            String leader = cluster.awaitLeader(ELECTION);
            Set<String> survivors = others(leader);
            long headAtKill = maxHead(survivors);
            cluster.kill(leader);
            long killed = System.nanoTime();
            String next = cluster.awaitLeader(ELECTION, survivors);
            long electedMs = (System.nanoTime() - killed) / 1_000_000;
            assertThat(next).isNotEqualTo(leader);
            assertThat(electedMs).as("new leader within 5 s").isLessThan(5_000);
            long firstBlockMs = awaitHeadAbove(survivors, headAtKill, killed, Duration.ofSeconds(30));
            System.out.printf("leader %s killed: %s elected after %d ms, first new block after %d ms%n", leader, next,
                    electedMs, firstBlockMs);
            awaitMoreReceipts(clients, 25);
            cluster.restart(leader);
            finishAndCheck(clients);
        }
    }

    @Test
    @Order(2)
    void leaderFrozenForTenSecondsStepsDownWithoutForkingAndCatchesUp() {
        try (RetryingClients clients = clients(4)) {
            awaitMoreReceipts(clients, 20);
            String leader = cluster.awaitLeader(ELECTION);
            Set<String> others = others(leader);
            cluster.pause(leader);
            long pausedAt = System.nanoTime();
            String next = cluster.awaitLeader(ELECTION, others);
            assertThat(next).isNotEqualTo(leader);
            awaitMoreReceipts(clients, 20);
            LocalCluster.sleep(Math.max(0, 10_000 - (System.nanoTime() - pausedAt) / 1_000_000));
            cluster.resume(leader);
            // It wakes up believing it leads; the first heartbeat it sends or receives tells it the term moved on.
            assertThat(cluster.awaitLeader(Duration.ofSeconds(15))).isNotEqualTo(leader);
            awaitMoreReceipts(clients, 20);
            finishAndCheck(clients);
        }
    }

    @Test
    @Order(4)
    void allMembersKilledAndRestartedKeepChainAndState() {
        try (RetryingClients clients = clients(4)) {
            awaitMoreReceipts(clients, 30);
            finishAndCheck(clients);
        }
        String headBefore = cluster.rpc(cluster.awaitLeader(ELECTION)).call("eth_getBlockByNumber", "latest", false)
                .path("hash").asText();
        long numberBefore = cluster.head(cluster.ids().iterator().next());
        cluster.ids().forEach(cluster::kill);
        cluster.ids().parallelStream().forEach(cluster::restart);
        cluster.awaitLeader(Duration.ofSeconds(30));
        assertThat(cluster.rpc(cluster.ids().iterator().next())
                .call("eth_getBlockByNumber", "0x" + Long.toHexString(numberBefore), false).path("hash").asText())
                .isEqualTo(headBefore);
        try (RetryingClients clients = clients(2)) {
            awaitMoreReceipts(clients, 10);
            finishAndCheck(clients);
        }
    }

    /**
     * Last, since it leaves a member halted: the test-only hook corrupts one state write on a follower, restarted with
     * it a few blocks ahead. The leader does not re-execute the block it built, so with the hook a member never
     * leads (it hands the lead on, see RaftMember): the corrupted block always comes from a peer, whatever elections
     * a loaded machine holds meanwhile. It must stop before that block with "diverged at block N" in its status and a
     * 503 from {@code /health}; the other two go on with one chain.
     */
    @Test
    @Order(5)
    void aFollowerWhoseExecutionDisagreesReportsDivergenceAndStops() {
        String leader = cluster.awaitLeader(ELECTION);
        String follower = others(leader).iterator().next();
        cluster.kill(follower);
        long corruptAt = cluster.head(leader) + 15;
        cluster.restart(follower, "-D" + "parkchain.cluster.testOnly.corruptStateAtBlock" + "=" + corruptAt);
        try (RetryingClients clients = clients(3)) {
            while (cluster.head(leader) < corruptAt + 10) {
                awaitMoreReceipts(clients, 5);
            }
            RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(60));
            assertThat(outcome.lost()).isEmpty();
            receiptsGiven.putAll(clients.receiptsGiven());
        }
        String reason = "diverged at block " + corruptAt;
        com.fasterxml.jackson.databind.JsonNode status = cluster.status(follower);
        for (int i = 0; i < 100 && !status.path("diverged").asText("").contains(reason); i++) {
            LocalCluster.sleep(200);
            status = cluster.status(follower);
        }
        assertThat(status.path("diverged").asText("")).as("status of " + follower).contains(reason);
        assertThat(cluster.rpc(follower).get("/metrics").body()).as("blocks the hooked member built")
                .containsPattern("(?m)^parkchain_cluster_blocks_produced(\\{[^}]*\\})? 0(\\.0)?$");
        assertThat(status.path("head").path("number").asLong()).as("stopped before the block it disagrees with")
                .isEqualTo(corruptAt - 1);
        java.net.http.HttpResponse<String> health = cluster.rpc(follower).get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains(reason);

        Map<String, MemberRpc> healthy = new java.util.LinkedHashMap<>(cluster.rpcs());
        healthy.remove(follower);
        ChainInvariants.awaitSameHead(healthy, CONVERGE);
        ChainInvariants.assertHold(healthy, receiptsGiven);
        assertThat(cluster.head(follower)).as("it applies nothing after the divergence").isEqualTo(corruptAt - 1);
        Map<String, MemberRpc> upToIt = new java.util.LinkedHashMap<>();
        upToIt.put(leader, cluster.rpc(leader));
        upToIt.put(follower, cluster.rpc(follower));
        assertThat(ChainInvariants.violations(upToIt, Map.of())).as("blocks 0.." + (corruptAt - 1) + " are the same")
                .singleElement().asString().startsWith("heads differ");
    }

    private RetryingClients clients(int n) {
        List<org.parkchain.primitives.crypto.PrivateKey> keys = Genesis.devKeys().subList(nextSender, nextSender + n);
        nextSender = nextSender + n > 8 ? 1 : nextSender + n;
        return new RetryingClients(cluster::entryPoints, chainId, keys);
    }

    /** Stops the clients, requires that nothing they were acknowledged was lost, and checks the invariants. */
    private void finishAndCheck(RetryingClients clients) {
        RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(60));
        receiptsGiven.putAll(clients.receiptsGiven());
        System.out.printf("clients: %d acknowledged, %d receipts, %d resent after %s, p50 %d ms, p99 %d ms, %d errors%s%n",
                outcome.acknowledged(), outcome.receipts(), outcome.resends(), RetryingClients.RESEND_AFTER,
                outcome.percentileMs(0.5), outcome.percentileMs(0.99), outcome.errors().size(),
                outcome.errors().isEmpty() ? "" : " (first: " + outcome.errors().getFirst() + ")");
        List<String> problems = new java.util.ArrayList<>();
        outcome.lost().forEach(h -> problems.add("acknowledged, never got a receipt: " + h));
        try {
            ChainInvariants.awaitSameHead(cluster.rpcs(), CONVERGE);
        } catch (AssertionError e) {
            problems.add(e.getMessage());
        }
        problems.addAll(ChainInvariants.violations(cluster.rpcs(), receiptsGiven));
        assertThat(problems).as("after the fault (member logs in " + cluster.directory() + ")").isEmpty();
    }

    private void awaitMoreReceipts(RetryingClients clients, int more) {
        long target = clients.receiptCount() + more;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (clients.receiptCount() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("clients got " + clients.receiptCount() + " receipts, waited for " + target
                        + " within 60 s\n" + cluster.logs(40));
            }
            LocalCluster.sleep(20);
        }
    }

    private Set<String> others(String id) {
        Set<String> rest = new HashSet<>(cluster.voters());
        rest.remove(id);
        return rest;
    }

    private long maxHead(Set<String> among) {
        long max = -1;
        for (String id : among) {
            try {
                max = Math.max(max, cluster.head(id));
            } catch (MemberRpc.Unreachable e) {
                // down
            }
        }
        return max;
    }

    /** Polls every 10 ms until a member of {@code among} has a head above {@code head}; returns ms since {@code start}. */
    private long awaitHeadAbove(Set<String> among, long head, long start, Duration timeout) {
        while (maxHead(among) <= head) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("no block above #" + head + " on " + among + " within " + timeout);
            }
            LocalCluster.sleep(10);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
