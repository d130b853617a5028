package org.parkchain.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parkchain.chain.Genesis;

/**
 * The long cluster runs, in {@code -Pcluster-faults} only: a follower away for more than 1,000 blocks catches up
 * from the log; with the log purged behind a snapshot, from the leader's blocks; killed in the middle of that, it
 * still recovers; and the failover time (leader SIGKILLed → first new block) over ten runs. Blocks come every
 * 20 ms (empty ones too) so that a thousand of them take seconds, with clients sending the whole time. Each run
 * appends its figures to {@code target/cluster-faults-results.txt}.
 */
@EnabledIfSystemProperty(named = "parkchain.cluster.long", matches = "true")
class ClusterLongFaultsTest {
    private static final List<String> FAST_BLOCKS = List.of("--block-time", "20");
    private static final Map<String, Object> SMALL_LOG = Map.of("everyEntries", 200, "keepLogEntries", 50, "logSegmentBytes", 16_384);
    private static final Map<String, Object> WHOLE_LOG = Map.of("everyEntries", 1_000_000, "keepLogEntries", 1_000_000);

    @Test
    void followerDownForOverAThousandBlocksCatchesUpFromTheLog() {
        LocalCluster.Spec spec = new LocalCluster.Spec(3, 0, FAST_BLOCKS, Map.of(), Map.of("snapshot", WHOLE_LOG));
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.runDirectory("long"), spec)) {
            Away away = followerAway(cluster, 1_100);
            String log = logSince(cluster, away.follower(), away.restartedAtLine());
            assertThat(log).as("caught up from the log, not from fetched blocks").doesNotContain("caught up from");
            record("follower away for " + away.blocks() + " blocks caught up from the log in " + away.catchUpMs() + " ms");
        }
    }

    @Test
    void followerBehindThePurgedLogCatchesUpFromTheLeadersBlocks() {
        LocalCluster.Spec spec = new LocalCluster.Spec(3, 0, FAST_BLOCKS, Map.of(), Map.of("snapshot", SMALL_LOG));
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.runDirectory("long"), spec)) {
            Away away = followerAway(cluster, 1_100);
            String log = logSince(cluster, away.follower(), away.restartedAtLine());
            assertThat(log).as("went past the purged log").contains("fetching the missing blocks from");
            record("follower away for " + away.blocks() + " blocks, log purged (snapshot every 200 entries, 50 kept): "
                    + "caught up from the leader's blocks in " + away.catchUpMs() + " ms");
        }
    }

    @Test
    void followerKilledInTheMiddleOfCatchingUpPastThePurgedLogStillRecovers() {
        LocalCluster.Spec spec = new LocalCluster.Spec(3, 0, FAST_BLOCKS, Map.of(), Map.of("snapshot", SMALL_LOG));
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.runDirectory("long"), spec)) {
            String leader = cluster.awaitLeader(Duration.ofSeconds(60));
            String follower = otherThan(cluster, leader).iterator().next();
            long chainId = chainId(cluster, leader);
            try (RetryingClients clients = new RetryingClients(cluster::entryPoints, chainId, Genesis.devKeys().subList(1, 4))) {
                cluster.kill(follower);
                long from = cluster.head(leader);
                awaitHead(cluster, leader, from + 2_500, Duration.ofMinutes(5));
                long target = cluster.head(leader);
                cluster.restart(follower);
                // Kill it once it has fetched some blocks and is still far from the head.
                long killedAt = -1;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (System.nanoTime() < deadline) {
                    long head = headOrMinus(cluster, follower);
                    if (head > from + 50) {
                        if (head < target - 200) {
                            cluster.kill(follower);
                            killedAt = head;
                        }
                        break;
                    }
                    LocalCluster.sleep(20);
                }
                assertThat(killedAt).as("killed in the middle of catching up (it was at block "
                        + headOrMinus(cluster, follower) + ", the leader at " + target + ")").isPositive();
                cluster.restart(follower);
                ChainInvariants.awaitBlock(cluster.rpc(follower), target, Duration.ofMinutes(3));
                RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(60));
                assertThat(outcome.lost()).isEmpty();
                ChainInvariants.assertHoldUpToLowestHead(cluster.rpcs(), clients.receiptsGiven());
                record("follower killed at block " + killedAt + " while catching up to " + target
                        + " past the purged log: recovered, caught up, every block and receipt equal on all members, " + clients.receiptCount() + " receipts intact");
            }
        }
    }

    @Test
    void failoverTimeOverTenRuns() {
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.runDirectory("long"), LocalCluster.Spec.of(3))) {
            String first = cluster.awaitLeader(Duration.ofSeconds(60));
            long chainId = chainId(cluster, first);
            List<Long> electedMs = new ArrayList<>();
            List<Long> firstBlockMs = new ArrayList<>();
            try (RetryingClients clients = new RetryingClients(cluster::entryPoints, chainId, Genesis.devKeys().subList(1, 5))) {
                for (int run = 0; run < 10; run++) {
                    String leader = cluster.awaitLeader(Duration.ofSeconds(30));
                    awaitReceipts(clients, clients.receiptCount() + 10);
                    Set<String> survivors = otherThan(cluster, leader);
                    long headAtKill = maxHead(cluster, survivors);
                    cluster.kill(leader);
                    long killed = System.nanoTime();
                    cluster.awaitLeader(Duration.ofSeconds(30), survivors);
                    electedMs.add((System.nanoTime() - killed) / 1_000_000);
                    while (maxHead(cluster, survivors) <= headAtKill) {
                        assertThat(System.nanoTime() - killed).as("a new block within 60 s")
                                .isLessThan(Duration.ofSeconds(60).toNanos());
                        LocalCluster.sleep(5);
                    }
                    firstBlockMs.add((System.nanoTime() - killed) / 1_000_000);
                    cluster.restart(leader);
                    ChainInvariants.awaitBlock(cluster.rpc(leader), maxHead(cluster, survivors), Duration.ofSeconds(60));
                }
                RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(60));
                assertThat(outcome.lost()).isEmpty();
                ChainInvariants.awaitSameHead(cluster.rpcs(), Duration.ofSeconds(60));
                ChainInvariants.assertHold(cluster.rpcs(), clients.receiptsGiven());
            }
            record("failover over 10 runs (leader SIGKILLed under load; election min/max 1000/2000 ms): "
                    + "new leader median " + median(electedMs) + " ms, max " + max(electedMs) + " ms; first new block median "
                    + median(firstBlockMs) + " ms, max " + max(firstBlockMs) + " ms; runs " + firstBlockMs);
        }
    }

    /** A follower killed, {@code blocks} made without it, then restarted; returns once all heads are equal. */
    private static Away followerAway(LocalCluster cluster, long blocks) {
        String leader = cluster.awaitLeader(Duration.ofSeconds(60));
        String follower = otherThan(cluster, leader).iterator().next();
        long chainId = chainId(cluster, leader);
        try (RetryingClients clients = new RetryingClients(cluster::entryPoints, chainId, Genesis.devKeys().subList(1, 4))) {
            cluster.kill(follower);
            long from = cluster.head(leader);
            awaitHead(cluster, leader, from + blocks, Duration.ofMinutes(5));
            int line = lines(cluster.member(follower).log());
            long target = cluster.head(leader);
            long restarted = System.nanoTime();
            cluster.restart(follower);
            ChainInvariants.awaitBlock(cluster.rpc(follower), target, Duration.ofMinutes(3));
            long catchUpMs = (System.nanoTime() - restarted) / 1_000_000;
            RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(60));
            assertThat(outcome.lost()).isEmpty();
            ChainInvariants.assertHoldUpToLowestHead(cluster.rpcs(), clients.receiptsGiven());
            return new Away(follower, target - from, line, catchUpMs);
        }
    }

    private record Away(String follower, long blocks, int restartedAtLine, long catchUpMs) {}

    private static Set<String> otherThan(LocalCluster cluster, String id) {
        Set<String> rest = new HashSet<>(cluster.voters());
        rest.remove(id);
        return rest;
    }

    private static long chainId(LocalCluster cluster, String id) {
        return Long.decode(cluster.rpc(id).call("eth_chainId").textValue());
    }

    private static long headOrMinus(LocalCluster cluster, String id) {
        try {
            return cluster.head(id);
        } catch (MemberRpc.Unreachable e) {
            return -1;
        }
    }

    private static long maxHead(LocalCluster cluster, Set<String> among) {
        return among.stream().mapToLong(id -> headOrMinus(cluster, id)).max().orElse(-1);
    }

    private static void awaitHead(LocalCluster cluster, String id, long head, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (headOrMinus(cluster, id) < head) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " did not reach block " + head + " within " + timeout + "\n" + cluster.logs(40));
            }
            LocalCluster.sleep(200);
        }
    }

    private static void awaitReceipts(RetryingClients clients, long n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (clients.receiptCount() < n) {
            assertThat(System.nanoTime()).as("receipts within 60 s").isLessThan(deadline);
            LocalCluster.sleep(20);
        }
    }

    private static String logSince(LocalCluster cluster, String id, int line) {
        try {
            List<String> all = Files.readAllLines(cluster.member(id).log());
            return String.join("\n", all.subList(Math.min(line, all.size()), all.size()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int lines(Path log) {
        try {
            return Files.readAllLines(log).size();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private static void record(String line) {
        String stamped = java.time.Instant.now() + " " + line + " (" + loadAverage() + ")";
        System.out.println("cluster-faults: " + stamped);
        try {
            Files.writeString(Path.of("target", "cluster-faults-results.txt"), stamped + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the figure is on standard output as well
        }
    }
}
