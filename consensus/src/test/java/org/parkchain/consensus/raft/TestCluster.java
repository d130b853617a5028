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
    long snapshotEvery = 10_000;
    long keepLogEntries = 1_000;
    long logSegmentBytes = 1 << 20;
    SequencerConfig sequencing = SequencerConfig.instant(Address.fromLong(0xc0ffee));

    /** One member: its chain and pool, and the Raft member while it runs. */
    static final class Node {
        final Blockchain chain;
        final TransactionPool pool;
        final BlockExecutor executor;
        RaftMember member;
        ClusterSpec spec;
        ClusterTls tls;

        Node(Genesis genesis) {
            chain = Blockchain.open(new InMemoryChainStore(), genesis);
            pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain), TransactionAdmission.OPEN);
            executor = new BlockExecutor(chain.chainId(), chain.forks(), NativeContracts.NONE, TransactionAdmission.OPEN);
        }
    }

    /** Members not in the others' configuration yet (to be added with {@link ClusterAdmin}), by id. */
    private final Map<String, ClusterMember> joining = new TreeMap<>();

    TestCluster(Path dir, int voters) {
        this(dir, voters, 0);
    }

    TestCluster(Path dir, int voters, int listeners) {
        this.dir = dir;
        for (int i = 1; i <= voters; i++) {
            members.add(new ClusterMember("n" + i, "127.0.0.1:" + freePort(), URI.create("http://127.0.0.1:1/"),
                    ClusterMember.Role.VOTER));
        }
        for (int i = 1; i <= listeners; i++) {
            members.add(new ClusterMember("l" + i, "127.0.0.1:" + freePort(), URI.create("http://127.0.0.1:1/"),
                    ClusterMember.Role.LISTENER));
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
        List<ClusterMember> known = new ArrayList<>(members);
        if (joining.containsKey(id)) {
            known.add(joining.get(id));
        }
        ClusterMember self = known.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        DevCertificateAuthority.Issued issued = issuer.issue(id, self.host(), Duration.ofDays(30));
        Path cert = dir.resolve(id + ".pem");
        Path key = dir.resolve(id + ".key");
        DevCertificateAuthority.writeCertificate(issued.certificate(), cert);
        DevCertificateAuthority.writePrivateKey(issued.keys(), key);
        // The member trusts the CA that issued its own certificate (another CA's member trusts only that one).
        Path trusted = dir.resolve(id + "-ca.pem");
        DevCertificateAuthority.writeCertificate(issuer.certificate(), trusted);
        ClusterSpec spec = new ClusterSpec(id, known, new ClusterSpec.TlsFiles(trusted, cert, key),
                // The cluster's default timeouts: shorter ones flap when seven helpers' builds share two cores.
                ClusterSpec.DEFAULT_ELECTION_MIN, ClusterSpec.DEFAULT_ELECTION_MAX, snapshotEvery, keepLogEntries, logSegmentBytes);
        ClusterTls tls = ClusterTls.load(spec.tls());
        node.spec = spec;
        node.tls = tls;
        RaftMember.Settings settings = new RaftMember.Settings(spec, tls, dir.resolve("raft-" + id),
                sequencing, corruptAt);
        node.member = RaftMember.start(settings, node.chain, node.executor, node.pool);
        return node;
    }

    /** A member that only knows itself and the current members: it joins when an admin adds it. */
    ClusterMember joining(String id) {
        ClusterMember m = new ClusterMember(id, "127.0.0.1:" + freePort(), URI.create("http://127.0.0.1:1/"),
                ClusterMember.Role.LISTENER);
        joining.put(id, m);
        return m;
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
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
