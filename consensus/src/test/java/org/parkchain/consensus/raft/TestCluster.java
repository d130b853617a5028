package org.parkchain.consensus.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/** Members of a small park network in this JVM: each its own chain, pool, Raft server and directory, mutual TLS. */
final class TestCluster implements AutoCloseable {
    static final UInt256 GWEI = UInt256.of(1_000_000_000L);
    private final Path dir;
    private final DevCertificateAuthority ca = DevCertificateAuthority.create("test park CA");
    private final List<ClusterMember> members = new ArrayList<>();
    final Map<String, Node> nodes = new TreeMap<>();

    /** One member: its chain and pool, and the Raft member while it runs. */
    static final class Node {
        final Blockchain chain;
        final TransactionPool pool;
        final BlockExecutor executor;
        RaftMember member;

        Node(Genesis genesis) {
            chain = Blockchain.open(new InMemoryChainStore(), genesis);
            pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain), TransactionAdmission.OPEN);
            executor = new BlockExecutor(chain.chainId(), NativeContracts.NONE, TransactionAdmission.OPEN);
        }
    }

    TestCluster(Path dir, int voters) {
        this.dir = dir;
        for (int i = 1; i <= voters; i++) {
            members.add(new ClusterMember("n" + i, "127.0.0.1:" + freePort(), URI.create("http://127.0.0.1:1/"),
                    ClusterMember.Role.VOTER));
        }
        DevCertificateAuthority.writeCertificate(ca.certificate(), dir.resolve("ca.pem"));
    }

    DevCertificateAuthority caForTests() {
        return ca;
    }

    List<ClusterMember> members() {
        return members;
    }

    /** Starts member {@code id} on the dev genesis. */
    Node start(String id) {
        return start(id, Genesis.dev(), ca, OptionalLong.empty());
    }

    Node start(String id, Genesis genesis, DevCertificateAuthority issuer, OptionalLong corruptAt) {
        Node node = nodes.computeIfAbsent(id, k -> new Node(genesis));
        ClusterMember self = members.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        DevCertificateAuthority.Issued issued = issuer.issue(id, self.host(), Duration.ofDays(30));
        Path cert = dir.resolve(id + ".pem");
        Path key = dir.resolve(id + ".key");
        DevCertificateAuthority.writeCertificate(issued.certificate(), cert);
        DevCertificateAuthority.writePrivateKey(issued.keys(), key);
        // The member trusts the CA that issued its own certificate (another CA's member trusts only that one).
        Path trusted = dir.resolve(id + "-ca.pem");
        DevCertificateAuthority.writeCertificate(issuer.certificate(), trusted);
        ClusterSpec spec = new ClusterSpec(id, members, new ClusterSpec.TlsFiles(trusted, cert, key),
                Duration.ofMillis(600), Duration.ofMillis(1200), 10_000, 1_000);
        ClusterTls tls = ClusterTls.load(spec.tls());
        RaftMember.Settings settings = new RaftMember.Settings(spec, tls, dir.resolve("raft-" + id),
                SequencerConfig.instant(Address.fromLong(0xc0ffee)), corruptAt);
        node.member = RaftMember.start(settings, node.chain, node.executor, node.pool);
        return node;
    }

    void startAll() {
        for (ClusterMember m : members) {
            start(m.id());
        }
    }

    Node node(String id) {
        return nodes.get(id);
    }

    /** The member that leads now, once one does. */
    String awaitLeader() throws InterruptedException {
        String[] leader = new String[1];
        await("a leader is elected", () -> {
            for (Map.Entry<String, Node> e : nodes.entrySet()) {
                if (e.getValue().member != null && e.getValue().member.isLeader()) {
                    leader[0] = e.getKey();
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    void stop(String id) {
        Node n = nodes.get(id);
        n.member.close();
        n.member = null;
    }

    static Transaction transfer(int account, long nonce) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE)
                .chainId(Genesis.DEV_CHAIN_ID)
                .nonce(nonce)
                .maxFeePerGas(GWEI.mul(UInt256.of(10)))
                .maxPriorityFeePerGas(GWEI)
                .gasLimit(21_000)
                .to(Address.fromLong(0xbeef))
                .value(UInt256.ONE)
                .sign(Genesis.devKeys().get(account));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Node n : nodes.values()) {
            if (n.member != null) {
                n.member.close();
            }
            n.pool.close();
            n.chain.close();
        }
    }
}
