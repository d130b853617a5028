package org.parkchain.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parkchain.chain.Genesis;
import org.parkchain.consensus.raft.DevCertificateAuthority;

/**
 * Membership and certificates changed while clients keep sending, against real member processes: a listener
 * follows and is promoted, a member is removed and another added from an empty data directory, and one member's
 * certificate is replaced (a new one from the park CA is accepted; one from an unknown CA is refused by the others;
 * an expired one is refused at start). After each, {@link ChainInvariants} checks one chain and every receipt given.
 * In {@code -Pcluster-faults} only: each test starts its own cluster and runs for minutes on a loaded machine.
 */
@EnabledIfSystemProperty(named = "parkchain.cluster.long", matches = "true")
class ClusterMembershipFaultsTest {
    private static final Duration ELECTION = Duration.ofSeconds(15);
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @Test
    void aListenerFollowsAndIsPromotedAndMembersAreRemovedAndAddedUnderLoadLosingNothing() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.runDirectory("membership"),
                LocalCluster.Spec.of(3).withListeners(1))) {
            String leader = cluster.awaitLeader(Duration.ofSeconds(60));
            long chainId = Long.decode(cluster.rpc(leader).call("eth_chainId").textValue());
            try (RetryingClients clients = new RetryingClients(cluster::entryPoints, chainId, Genesis.devKeys().subList(1, 5))) {
                awaitReceipts(clients, 20);
                // The listener follows: it holds what the voters mined, but is not counted among them.
                ChainInvariants.awaitBlock(cluster.rpc("l1"), cluster.head(leader), CONVERGE);
                assertThat(cluster.status("l1").path("role").asText()).isEqualTo("LISTENER");
                assertThat(voters(cluster, leader)).containsExactlyInAnyOrder("n1", "n2", "n3");

                String promoted = cluster.operator("cluster", "add", "--cluster", cluster.clusterFile("n1").toString(),
                        "--id", "l1", "--raft", cluster.raftAddress("l1"), "--catch-up-timeout", "120");
                assertThat(promoted).contains("l1 caught up and is now a voter");
                assertThat(voters(cluster, leader)).containsExactlyInAnyOrder("n1", "n2", "n3", "l1");
                awaitReceipts(clients, 20);

                // A follower voter leaves under load, then comes back from an empty data directory as a new member.
                String leadingNow = cluster.awaitLeader(ELECTION, Set.of("n1", "n2", "n3", "l1"));
                String leaving = Stream.of("n1", "n2", "n3").filter(id -> !id.equals(leadingNow)).findFirst().orElseThrow();
                String removed = cluster.operator("cluster", "remove", "--cluster", cluster.clusterFile("l1").toString(),
                        "--id", leaving);
                assertThat(removed).contains(leaving + " removed from the cluster");
                cluster.kill(leaving);
                Set<String> staying = new TreeSet<>(Set.of("n1", "n2", "n3", "l1"));
                staying.remove(leaving);
                leader = cluster.awaitLeader(ELECTION, staying);
                assertThat(voters(cluster, leader)).containsExactlyInAnyOrderElementsOf(staying);
                awaitReceipts(clients, 20);

                // Back as a new member: an empty data directory, and a cluster file naming itself a listener (a member
                // that believes it votes stands for election before it is added, and the voters tell a candidate
                // outside their configuration to shut down).
                deleteRecursively(cluster.dataDirectory(leaving));
                joinAsListener(cluster.clusterFile(leaving), leaving);
                cluster.restart(leaving);
                String added = cluster.operator("cluster", "add", "--cluster", cluster.clusterFile(leader).toString(),
                        "--id", leaving, "--raft", cluster.raftAddress(leaving), "--catch-up-timeout", "120");
                assertThat(added).contains(leaving + " joined as a listener", leaving + " caught up and is now a voter");
                assertThat(voters(cluster, leader)).containsExactlyInAnyOrder("n1", "n2", "n3", "l1");
                awaitReceipts(clients, 20);

                RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(90));
                assertThat(outcome.lost()).as("acknowledged, never mined").isEmpty();
                ChainInvariants.awaitSameHead(cluster.rpcs(), CONVERGE);
                assertThat(ChainInvariants.violations(cluster.rpcs(), clients.receiptsGiven()))
                        .as("after the membership changes (member logs in " + cluster.directory() + ")").isEmpty();
                System.out.printf("membership under load: %d receipts, %d resent, p50 %d ms, p99 %d ms%n",
                        outcome.receipts(), outcome.resends(), outcome.percentileMs(0.5), outcome.percentileMs(0.99));
            }
        }
    }

    @Test
    void aRotatedCertificateIsAcceptedAndOnesFromAnUnknownCaOrExpiredAreRefused() {
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.runDirectory("certificates"), LocalCluster.Spec.of(3))) {
            String leader = cluster.awaitLeader(Duration.ofSeconds(60));
            long chainId = Long.decode(cluster.rpc(leader).call("eth_chainId").textValue());
            String member = cluster.voters().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
            Set<String> others = new TreeSet<>(cluster.voters());
            others.remove(member);
            try (RetryingClients clients = new RetryingClients(cluster::entryPoints, chainId, Genesis.devKeys().subList(1, 4))) {
                awaitReceipts(clients, 15);

                // Rotation: a new key and certificate from the park CA; restarted, the others accept it.
                String expiresBefore = certificateExpiry(cluster, member);
                cluster.kill(member);
                cluster.issueCertificate(member, Duration.ofDays(90), null);
                cluster.restart(member);
                ChainInvariants.awaitBlock(cluster.rpc(member), cluster.head(cluster.awaitLeader(ELECTION, others)) + 5, CONVERGE);
                assertThat(certificateExpiry(cluster, member)).as("the new certificate's expiry").isNotEqualTo(expiresBefore);

                // An unknown CA: it starts (its files agree with each other) but the others refuse its handshakes.
                cluster.kill(member);
                cluster.issueCertificate(member, Duration.ofDays(90), DevCertificateAuthority.create("a stranger's CA"));
                cluster.restart(member);
                long stuckAt = cluster.head(member);
                String lead = cluster.awaitLeader(ELECTION, others);
                long target = cluster.head(lead) + 10;
                awaitReceipts(clients, 10);
                ChainInvariants.awaitBlock(cluster.rpc(lead), target, CONVERGE);
                assertThat(cluster.head(member)).as("the member with an unknown CA's certificate applies nothing")
                        .isEqualTo(stuckAt);
                assertThat(cluster.status(member).path("role").asText()).isNotEqualTo("LEADER");
                assertThat(cluster.rpc(member).get("/health").statusCode()).isEqualTo(503);

                // Expired: refused at start, naming the certificate, before it could reach anyone.
                cluster.kill(member);
                cluster.issueCertificate(member, Duration.ofMinutes(-1), null);
                assertThatThrownBy(() -> cluster.restart(member)).hasMessageContaining("exited with status 2");
                assertThat(cluster.logs(5)).contains("not valid now");

                // Back to a good certificate: it catches up and the invariants hold on all three.
                cluster.issueCertificate(member, Duration.ofDays(90), null);
                cluster.restart(member);
                awaitReceipts(clients, 10);
                RetryingClients.Outcome outcome = clients.finish(Duration.ofSeconds(90));
                assertThat(outcome.lost()).as("acknowledged, never mined").isEmpty();
                ChainInvariants.awaitSameHead(cluster.rpcs(), CONVERGE);
                assertThat(ChainInvariants.violations(cluster.rpcs(), clients.receiptsGiven()))
                        .as("after the certificate changes (member logs in " + cluster.directory() + ")").isEmpty();
            }
        }
    }

    /** When member {@code id}'s certificate expires, as its {@code /health} says. */
    private static String certificateExpiry(LocalCluster cluster, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"certificateExpires\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(cluster.rpc(id).get("/health").body());
        assertThat(m.find()).as("certificateExpires in the /health of " + id).isTrue();
        return m.group(1);
    }

    /** The voters in {@code id}'s Raft configuration. */
    private static List<String> voters(LocalCluster cluster, String id) {
        List<String> voters = new ArrayList<>();
        for (JsonNode m : cluster.status(id).path("members")) {
            if (m.path("role").asText().equals("voter")) {
                voters.add(m.path("id").asText());
            }
        }
        return voters;
    }

    private static void awaitReceipts(RetryingClients clients, int more) {
        long target = clients.receiptCount() + more;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (clients.receiptCount() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("clients got " + clients.receiptCount() + " receipts, waited for " + target);
            }
            LocalCluster.sleep(20);
        }
    }

    private static void joinAsListener(Path clusterFile, String id) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) MemberRpc.JSON.readTree(clusterFile.toFile());
        for (JsonNode m : root.path("members")) {
            if (m.path("id").asText().equals(id)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) m).put("role", "listener");
            }
        }
        Files.writeString(clusterFile, MemberRpc.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
