package org.parkchain.consensus.raft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.chain.pool.TransactionRejectedException;
import org.parkchain.consensus.BlockProposer;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.InvalidTransaction;

/**
 * This node as a member of the park's network: a Ratis server (mutual TLS, the cluster file's peers) whose state
 * machine is the chain, the block producer that runs while this member leads, and the forwarding of transactions
 * sent to a follower. {@link #start} returns once the Raft server listens; peers that cannot be reached yet are
 * retried by Ratis and reported in {@link #health()}, not fatal.
 */
public final class RaftMember implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RaftMember.class.getName());
    /**
     * The Raft group of the versions before the group was derived from the chain identity: a Raft log found under
     * this name is moved to the chain's group when the member starts.
     */
    static final RaftGroupId LEGACY_GROUP = RaftGroupId.valueOf(UUID.nameUUIDFromBytes(
            "parkchain: the park's network".getBytes(StandardCharsets.UTF_8)));
    /** The minimum commit index of a stale read that any member answers, even one that has committed nothing. */
    private static final long ANY_INDEX = -1;
    private static final Duration PEER_QUERY_TIMEOUT = Duration.ofSeconds(3);
    /** How often a follower checks that its head block is the leader's block at that height ({@link LeaderAgreement}). */
    private static final Duration AGREEMENT_CHECK_INTERVAL = Duration.ofSeconds(5);
    /** System property naming a block at which this member's state is corrupted: TEST ONLY (see {@link BlockApplier}). */
    public static final String CORRUPT_STATE_PROPERTY = "parkchain.cluster.testOnly.corruptStateAtBlock";

    /**
     * @param raftDir where the Raft log and metadata live (beside the chain database)
     * @param corruptStateAtBlock TEST ONLY: see {@link BlockApplier}; empty in production
     */
    public record Settings(ClusterSpec spec, ClusterTls tls, Path raftDir, SequencerConfig sequencing,
                           OptionalLong corruptStateAtBlock) {
        /** The settings with the test hook read from the {@value #CORRUPT_STATE_PROPERTY} system property, if set. */
        public static Settings of(ClusterSpec spec, ClusterTls tls, Path raftDir, SequencerConfig sequencing) {
            String hook = System.getProperty(CORRUPT_STATE_PROPERTY);
            return new Settings(spec, tls, raftDir, sequencing,
                    hook == null || hook.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(hook.trim())));
        }
    }

    private final Settings settings;
    private final Blockchain chain;
    private final TransactionPool pool;
    private final BlockApplier applier;
    private final RaftBlockProducer producer;
    private final TransactionForwarder forwarder;
    private final FollowerCopies followerCopies;
    private final HeldCopies heldCopies = new HeldCopies();
    private final RaftPeerId selfId;
    private final ClientId producerClientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicLong blocksFetched = new AtomicLong();
    private final RaftGroupId group;
    private final PeerChains peerChains;
    private final long startedNanos = System.nanoTime();
    private volatile long leaderLastKnownNanos = System.nanoTime();
    private volatile String refused;
    private RaftServer server;
    private RaftClient client;
    /** For copies to followers: no retries, short timeout, so one unreachable follower does not hold up the others. */
    private RaftClient copiesClient;
    private Thread monitorThread;
    private Thread agreementThread;
    private volatile boolean closed;

    private RaftMember(Settings settings, Blockchain chain, BlockExecutor executor, TransactionPool pool) {
        this.settings = settings;
        this.chain = chain;
        this.pool = pool;
        this.selfId = RaftPeerId.valueOf(settings.spec().self());
        ChainIdentity identity = new ChainIdentity(chain.chainId(), chain.genesisHeader().hash());
        this.group = groupOf(identity);
        this.peerChains = new PeerChains(identity, settings.spec().members().stream().map(ClusterMember::id)
                .filter(id -> !id.equals(settings.spec().self())).toList());
        this.applier = new BlockApplier(chain, executor, pool, identity, settings.corruptStateAtBlock());
        BlockProposer proposer = new BlockProposer(chain, executor, pool, settings.sequencing(), System::currentTimeMillis);
        this.producer = new RaftBlockProducer(chain, pool, applier, proposer, settings.sequencing(), this::submitEntry,
                System::currentTimeMillis);
        this.forwarder = new TransactionForwarder(this::forwardToLeader, pool::contains);
        this.followerCopies = new FollowerCopies(this::otherMembers, this::sendCopies);
        chain.addListener(block -> {
            List<Hash> mined = block.block().transactions().stream().map(Transaction::hash).toList();
            forwarder.mined(mined);
            heldCopies.mined(mined);
        });
    }

    /**
     * The park's Raft group on the chain {@code identity}. Ratis serves a request, a vote or an entry only for the
     * groups a server hosts, so a member started from another genesis or chain id is in another group: it can neither
     * vote nor stand for election among the park's members, nor send them entries, whatever it does before its peers'
     * identities are checked.
     */
    static RaftGroupId groupOf(ChainIdentity identity) {
        return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("parkchain: the park's network; chain id " + identity.chainId()
                + ", genesis " + identity.genesisHash()).getBytes(StandardCharsets.UTF_8)));
    }

    /** This member's Raft group (see {@link #groupOf}). */
    RaftGroupId group() {
        return group;
    }

    /**
     * A member ready to start: the chain, pool and forwarding are wired, nothing listens yet. The node registers its
     * chain listeners in between, so that no applied block escapes them.
     */
    public static RaftMember prepare(Settings settings, Blockchain chain, BlockExecutor executor, TransactionPool pool) {
        return new RaftMember(settings, chain, executor, pool);
    }

    /** {@link #prepare} and {@link #start()} in one. */
    public static RaftMember start(Settings settings, Blockchain chain, BlockExecutor executor, TransactionPool pool) {
        RaftMember member = prepare(settings, chain, executor, pool);
        member.start();
        return member;
    }

    /**
     * Starts this member's Raft server and client.
     *
     * @throws IllegalStateException when the Raft port cannot be bound or the Raft storage cannot be used
     */
    public void start() {
        try {
            startRaft();
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot start the Raft server of " + settings.spec().self() + " on "
                    + settings.spec().selfMember().raft() + ": " + e.getMessage(), e);
        }
    }

    private void startRaft() throws IOException {
        ClusterSpec spec = settings.spec();
        ClusterMember self = spec.selfMember();
        Files.createDirectories(settings.raftDir());
        adoptRaftDirectory();
        RaftProperties properties = serverProperties(spec, settings.raftDir());
        Parameters parameters = tlsParameters(settings.tls().grpcConfig());
        RaftGroup raftGroup = RaftGroup.valueOf(group, peers(spec));
        ChainStateMachine stateMachine = new ChainStateMachine(applier, new Events());
        boolean existing = Files.isDirectory(settings.raftDir().resolve(group.getUuid().toString()));
        server = RaftServer.newBuilder()
                .setServerId(selfId)
                .setGroup(raftGroup)
                .setStateMachine(stateMachine)
                .setProperties(properties)
                .setParameters(parameters)
                .setOption(existing ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT)
                .build();
        server.start();

        RaftProperties clientProperties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(clientProperties, millis(PEER_QUERY_TIMEOUT));
        client = RaftClient.newBuilder()
                .setRaftGroup(raftGroup)
                .setProperties(clientProperties)
                .setParameters(parameters)
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3, TimeDuration.valueOf(300, TimeUnit.MILLISECONDS)))
                .build();
        copiesClient = RaftClient.newBuilder()
                .setRaftGroup(raftGroup)
                .setProperties(copiesProperties())
                .setParameters(parameters)
                .setRetryPolicy(RetryPolicies.noRetry())
                .build();
        monitorThread = new Thread(this::monitor, "raft-monitor");
        monitorThread.setDaemon(true);
        monitorThread.start();
        agreementThread = new Thread(this::checkAgreement, "raft-agreement");
        agreementThread.setDaemon(true);
        agreementThread.start();
        LOG.log(System.Logger.Level.INFO, () -> "Raft member " + spec.self() + " listening on " + self.raft()
                + " (mutual TLS), " + spec.members().size() + " members, applied up to log index "
                + applier.durablePosition().index());
    }

    /**
     * The Ratis server settings of a member: the cluster file's timeouts and log sizes, our own snapshot handling, a
     * deposed leader's wait before standing again shortened to one election timeout, and composed follower appends
     * turned off.
     *
     * <p>Why composed appends are off ({@code raft.server.log.append-entries.compose.enabled}, on by default in Ratis
     * 3.3.0): with it a follower chains each AppendEntries' log write behind the previous one, asynchronously, and
     * (1) a request whose first index is already being written is acknowledged once the chain is done, even when it
     * carries more entries than the write in progress, so the leader counts this follower for entries it never
     * wrote and may commit them without a real majority; after a partition heals, that old leader has applied a block
     * the majority does not have and can never rejoin; (2) one failed write (a truncation racing another log write:
     * "SegmentedRaftLog: Already running a method") fails every later write on that follower for good, so it stays
     * behind forever. Both were seen in {@code PartitionTest}; {@code AppendEntriesComposeHazardTest} shows them on
     * Ratis' own class. Without composing, a follower writes each request's entries before answering it, as Raft
     * requires, and a failed write fails that one request, which the leader retries.
     */
    static RaftProperties serverProperties(ClusterSpec spec, Path raftDir) {
        ClusterMember self = spec.selfMember();
        RaftProperties properties = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(properties, List.of(raftDir.toFile()));
        GrpcConfigKeys.Server.setHost(properties, self.host());
        GrpcConfigKeys.Server.setPort(properties, self.port());
        RaftServerConfigKeys.Rpc.setTimeoutMin(properties, millis(spec.electionMin()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(properties, millis(spec.electionMax()));
        RaftServerConfigKeys.Rpc.setRequestTimeout(properties, millis(spec.electionMax().multipliedBy(2)));
        RaftServerConfigKeys.Log.setAppendEntriesComposeEnabled(properties, false);
        // A leader that lost its majority's heartbeats does not stand again for this long (Ratis: 10 s). After a
        // spurious step-down (a new leader whose first appends are slow on a loaded machine) it may be the only member
        // with the whole log, so nobody else can win: the cluster would stay leaderless that long. One election
        // timeout is enough; pre-vote already keeps a member that was cut off from disturbing a working leader.
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(properties, millis(spec.electionMax()));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, spec.snapshotEvery());
        // The log goes up to the snapshot (the chain database) less keepLogEntries, even when a member is down: a
        // member further behind catches up from a peer's blocks instead of holding the whole log on every disk.
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
        RaftServerConfigKeys.Log.setPurgePreservationLogNum(properties, spec.keepLogEntries());
        RaftServerConfigKeys.Log.setPurgeGap(properties, (int) Math.max(1, Math.min(spec.keepLogEntries(), 1024)));
        RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(spec.logSegmentBytes()));
        // Ratis does not ship snapshot files: a member behind the purged log is notified and fetches blocks itself.
        RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(properties, false);
        return properties;
    }

    /**
     * Ratis serves every group directory it finds under its storage directory, so the Raft directory must hold this
     * chain's group only: a log of the versions before the group named the chain is renamed to it, and a log of
     * another chain's group (the data directory was used with another genesis or chain id) is refused.
     */
    private void adoptRaftDirectory() throws IOException {
        Path own = settings.raftDir().resolve(group.getUuid().toString());
        Path legacy = settings.raftDir().resolve(LEGACY_GROUP.getUuid().toString());
        if (Files.isDirectory(legacy) && !Files.exists(own)) {
            Files.move(legacy, own);
            LOG.log(System.Logger.Level.INFO, () -> "moved the Raft log " + legacy + " to " + own
                    + " (the Raft group now names the chain: " + applier.identity() + ")");
        }
        try (var entries = Files.list(settings.raftDir())) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && !p.equals(own) && isUuid(name)) {
                    throw new IllegalStateException("the Raft directory " + settings.raftDir() + " holds the log of "
                            + "another Raft group (" + name + "), not this chain's (" + group.getUuid() + ", "
                            + applier.identity() + "): this data directory was used with another genesis or chain id");
                }
            }
        }
    }

    private static boolean isUuid(String name) {
        try {
            UUID.fromString(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Parameters tlsParameters(GrpcTlsConfig tls) {
        Parameters parameters = new Parameters();
        GrpcConfigKeys.TLS.setConf(parameters, tls);
        GrpcConfigKeys.Server.setTlsConf(parameters, tls);
        GrpcConfigKeys.Client.setTlsConf(parameters, tls);
        GrpcConfigKeys.Admin.setTlsConf(parameters, tls);
        return parameters;
    }

    static List<RaftPeer> peers(ClusterSpec spec) {
        List<RaftPeer> peers = new ArrayList<>();
        for (ClusterMember m : spec.members()) {
            peers.add(peer(m));
        }
        return peers;
    }

    static RaftPeer peer(ClusterMember m) {
        return RaftPeer.newBuilder().setId(m.id()).setAddress(m.raft())
                .setStartupRole(m.role() == ClusterMember.Role.LISTENER ? RaftPeerRole.LISTENER : RaftPeerRole.FOLLOWER)
                .build();
    }

    /** A client's properties for one-shot calls to one peer: a short timeout (no retries are configured with it). */
    private static RaftProperties copiesProperties() {
        RaftProperties properties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(properties, TimeDuration.valueOf(1, TimeUnit.SECONDS));
        return properties;
    }

    private static TimeDuration millis(Duration d) {
        return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- transactions ----

    /**
     * Admits a raw transaction to this member's pool and, on a follower, forwards it to the leader (the copy stays
     * here for a failover). The hash comes back as on a single node.
     *
     * @throws TransactionRejectedException when this member's pool, or the leader's, refuses it
     */
    public Hash submit(byte[] raw) {
        Hash hash = pool.submit(raw);
        afterAdmission(hash, raw);
        return hash;
    }

    /** As {@link #submit(byte[])} for a transaction signed by this node (eth_sendTransaction with a dev key). */
    public Hash submit(Transaction tx) {
        Hash hash = pool.submit(tx);
        afterAdmission(hash, tx.encode());
        return hash;
    }

    private void afterAdmission(Hash hash, byte[] raw) {
        if (isLeader()) {
            forwarder.keep(hash, raw);
            followerCopies.copy(raw);
            return;
        }
        if (info().map(DivisionInfo::getLeaderId).isEmpty()) {
            forwarder.later(hash, raw); // no leader now: the copy is sent as soon as one is elected
            return;
        }
        Optional<ClusterMessages.TransactionAnswer> refusal = forwarder.forward(hash, raw);
        if (refusal.isPresent()) {
            pool.remove(List.of(hash));
            throw refusal.get().toException();
        }
    }

    private List<ClusterMessages.TransactionAnswer> forwardToLeader(List<byte[]> raws) throws Exception {
        if (isLeader()) {
            // Leadership came here meanwhile: they are in our own pool already.
            return raws.stream().map(r -> ClusterMessages.TransactionAnswer.accepted(Hash.ZERO)).toList();
        }
        // The blocking API: the ordered asynchronous one closes its window for good after one failed request.
        RaftClientReply reply = client.io().sendReadOnly(message(ClusterMessages.transactionsQuery(raws)));
        if (!reply.isSuccess()) {
            throw reply.getException();
        }
        return ClusterMessages.decodeAnswers(reply.getMessage().getContent().toByteArray());
    }

    /** A follower's forwarded batch, admitted as one (senders recovered in parallel, in the batch's order). */
    private List<ClusterMessages.TransactionAnswer> admitForwarded(List<byte[]> raws) {
        List<ClusterMessages.TransactionAnswer> answers = new ArrayList<>(raws.size());
        List<TransactionPool.Submission> outcomes;
        try {
            outcomes = pool.submitAll(raws);
        } catch (RuntimeException e) {
            TransactionRejectedException refusal = new TransactionRejectedException(InvalidTransaction.MALFORMED, e.getMessage());
            return raws.stream().map(r -> ClusterMessages.TransactionAnswer.refused(refusal)).toList();
        }
        for (int i = 0; i < raws.size(); i++) {
            switch (outcomes.get(i)) {
                case TransactionPool.Submission.Accepted a -> answers.add(ClusterMessages.TransactionAnswer.accepted(a.hash()));
                case TransactionPool.Submission.Rejected r -> {
                    // A forward delivered twice (a retry after a lost answer) may find its transaction mined already.
                    Hash hash = org.parkchain.primitives.Keccak.hash(raws.get(i));
                    answers.add(chain.transaction(hash).isPresent() ? ClusterMessages.TransactionAnswer.accepted(hash)
                            : ClusterMessages.TransactionAnswer.refused(r.error()));
                }
            }
        }
        return answers;
    }

    /**
     * The leader changed: the copies held for this moment are admitted to this member's pool, and, when another
     * member leads, this member's unmined transactions (its clients', and those copies) go to it.
     */
    private void afterLeaderChange(RaftPeerId leader) {
        for (byte[] raw : heldCopies.release()) {
            try {
                forwarder.keep(pool.submit(raw), raw);
            } catch (RuntimeException e) {
                // already here, already mined, or no longer valid on this member's state
            }
        }
        if (!leader.equals(selfId)) {
            forwarder.leaderChanged();
        }
    }

    private List<String> otherMembers() {
        List<String> ids = new ArrayList<>();
        try {
            RaftServer.Division division = server.getDivision(group);
            for (RaftPeer p : division.getRaftConf().getAllPeers()) {
                if (!p.getId().equals(selfId)) {
                    ids.add(p.getId().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not running: nobody to copy to
        }
        return ids;
    }

    private void sendCopies(String follower, List<byte[]> raws) {
        try {
            RaftClientReply reply = copiesClient.io().sendStaleRead(message(ClusterMessages.copiesQuery(raws)), ANY_INDEX,
                    RaftPeerId.valueOf(follower));
            if (!reply.isSuccess()) {
                throw new IllegalStateException(String.valueOf(reply.getException()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ---- entries ----

    private CompletableFuture<String> submitEntry(byte[] entry) {
        RaftClientRequest request = RaftClientRequest.newBuilder()
                .setClientId(producerClientId)
                .setServerId(selfId)
                .setGroupId(group)
                .setCallId(callIds.incrementAndGet())
                .setMessage(message(entry))
                .setType(RaftClientRequest.writeRequestType())
                .build();
        try {
            return server.submitClientRequestAsync(request).thenApply(reply -> {
                if (!reply.isSuccess()) {
                    throw new IllegalStateException(String.valueOf(reply.getException()));
                }
                return reply.getMessage().getContent().toStringUtf8();
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Message message(byte[] bytes) {
        return Message.valueOf(ByteString.copyFrom(bytes));
    }

    // ---- catching up past the purged log ----

    private TermIndex catchUp(RaftPeerId leader, TermIndex firstAvailable) {
        long fetched = 0;
        while (!closed) {
            long from = chain.head().number() + 1;
            ClusterMessages.BlocksAnswer answer;
            try {
                RaftClientReply reply = client.io().sendStaleRead(
                        message(ClusterMessages.blocksQuery(from, ClusterMessages.MAX_BLOCKS_PER_ANSWER)), 0, leader);
                if (!reply.isSuccess()) {
                    throw reply.getException();
                }
                answer = ClusterMessages.BlocksAnswer.decode(reply.getMessage().getContent().toByteArray());
            } catch (IOException e) {
                throw new IllegalStateException("cannot fetch blocks from " + leader + ": " + e.getMessage(), e);
            }
            if (!answer.identity().equals(applier.identity())) {
                refuse("peer " + leader + " serves " + answer.identity() + ", but this member was started with "
                        + applier.identity() + " (another genesis file or chain id?)");
                throw new IllegalStateException(refused);
            }
            for (ClusterMessages.PositionedBlock b : answer.blocks()) {
                BlockApplier.Outcome outcome = applier.applyFetched(b);
                if (!(outcome instanceof BlockApplier.Outcome.Appended)) {
                    throw new IllegalStateException("block " + b.block().number() + " from " + leader + ": "
                            + ChainStateMachine.describe(outcome));
                }
                fetched++;
                blocksFetched.incrementAndGet();
            }
            if (answer.blocks().isEmpty() || chain.head().number() >= answer.headNumber()) {
                break;
            }
        }
        BlockApplier.Position p = applier.durablePosition();
        BlockHeader head = chain.head();
        long count = fetched;
        LOG.log(System.Logger.Level.INFO, () -> "caught up from " + leader + ": " + count + " blocks re-executed, head "
                + head.number() + " state root " + head.stateRoot() + " checked; at log index " + p.index());
        return TermIndex.valueOf(p.term(), p.index());
    }

    // ---- peers ----

    /**
     * Watches this member while it runs: notes when a leader was last known (every 250 ms, so {@code /health} can tell
     * an election in progress from a lost quorum), and asks every peer which chain it serves until each has answered.
     */
    private void monitor() {
        long nextPeerCheck = 0;
        while (!closed) {
            if (info().map(DivisionInfo::getLeaderId).isPresent()) {
                leaderLastKnownNanos = System.nanoTime();
            }
            if (refused == null && applier.halted().isPresent()) {
                stepOutHalted(applier.halted().get());
            }
            if (!peerChains.unanswered().isEmpty() && System.nanoTime() >= nextPeerCheck) {
                checkPeers();
                nextPeerCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Asks the peers that have not answered yet which chain they serve. A peer on another chain cannot take part in
     * this member's Raft group anyway; when such peers are a majority of the voters, this member is the stranger and
     * refuses to take part, naming both chains; otherwise it reports the stranger and goes on.
     */
    private void checkPeers() {
        for (String id : peerChains.unanswered()) {
            Optional<ChainIdentity> identity;
            try {
                identity = identityOf(id);
            } catch (Exception e) {
                continue; // not reachable yet: Ratis retries the connection, we ask again shortly
            }
            if (identity.isEmpty() || !peerChains.answered(id, identity.get())) {
                continue;
            }
            LOG.log(System.Logger.Level.ERROR, "member " + id + " serves " + identity.get() + ", not this member's "
                    + applier.identity() + ": Raft refuses its votes and entries (another Raft group); give it this "
                    + "chain's genesis file and chain id, or remove it from the cluster files");
        }
        if (!peerChains.onOtherChains().isEmpty() && peerChains.outvoted(voters())) {
            refuse("refusing to take part: most voters serve another chain (" + peerChains.describe()
                    + "); another genesis file or chain id?");
        }
    }

    /**
     * While this member follows, every {@link #AGREEMENT_CHECK_INTERVAL} it asks the leader which block it holds at
     * this member's head height; a different one halts block application here, loudly ({@link LeaderAgreement}).
     */
    private void checkAgreement() {
        while (!closed) {
            try {
                Thread.sleep(AGREEMENT_CHECK_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Optional<RaftPeerId> leader = info().map(DivisionInfo::getLeaderId);
            if (leader.isEmpty() || leader.get().equals(selfId) || applier.halted().isPresent()) {
                continue;
            }
            BlockHeader head = chain.head();
            BlockApplier.Position applied = applier.durablePosition();
            ClusterMessages.CanonicalAnswer answer;
            try {
                RaftClientReply reply = client.io().sendStaleRead(message(ClusterMessages.canonicalQuery(head.number())),
                        0, leader.get());
                if (!reply.isSuccess()) {
                    continue;
                }
                answer = ClusterMessages.CanonicalAnswer.decode(reply.getMessage().getContent().toByteArray());
            } catch (Exception e) {
                continue; // the leader is unreachable or changing: asked again at the next interval
            }
            LeaderAgreement.divergence(leader.get().toString(), head, applied, answer).ifPresent(applier::halt);
        }
    }

    /**
     * The chain peer {@code id} serves: asked in this member's group, or, when the peer does not host it (a member
     * started on another chain is in another group), in the group it hosts.
     *
     * @throws IOException when the peer does not answer
     */
    private Optional<ChainIdentity> identityOf(String id) throws IOException {
        RaftPeerId peer = RaftPeerId.valueOf(id);
        // A stale read needs the peer's commit index at or above the minimum: -1 lets a peer answer before anything
        // is committed there (a stranger never commits anything).
        try {
            RaftClientReply reply = client.io().sendStaleRead(message(ClusterMessages.identityQuery()), ANY_INDEX, peer);
            if (reply.isSuccess()) {
                return Optional.of(ClusterMessages.IdentityAnswer.decode(reply.getMessage().getContent().toByteArray()).identity());
            }
        } catch (IOException e) {
            // unreachable, or not in this group: the group list tells which
        }
        List<RaftGroupId> hosted = client.getGroupManagementApi(peer).list().getGroupIds();
        Optional<RaftPeer> address = settings.spec().member(id).map(RaftMember::peer);
        if (hosted.contains(group) || address.isEmpty()) {
            return Optional.empty(); // in this group after all (it was starting): asked again shortly
        }
        for (RaftGroupId other : hosted) {
            try (RaftClient there = RaftClient.newBuilder()
                    .setRaftGroup(RaftGroup.valueOf(other, address.get()))
                    .setProperties(copiesProperties())
                    .setParameters(tlsParameters(settings.tls().grpcConfig()))
                    .setRetryPolicy(RetryPolicies.noRetry())
                    .build()) {
                RaftClientReply reply = there.io().sendStaleRead(message(ClusterMessages.identityQuery()), ANY_INDEX, peer);
                if (reply.isSuccess()) {
                    return Optional.of(ClusterMessages.IdentityAnswer.decode(reply.getMessage().getContent().toByteArray()).identity());
                }
            }
        }
        return Optional.empty();
    }

    /** The voters of this member's Raft configuration, by id. */
    private List<String> voters() {
        try {
            return server.getDivision(group).getRaftConf().getCurrentPeers(RaftPeerRole.FOLLOWER).stream()
                    .map(p -> p.getId().toString()).toList();
        } catch (IOException | RuntimeException e) {
            return settings.spec().members().stream().filter(m -> m.role() == ClusterMember.Role.VOTER)
                    .map(ClusterMember::id).toList();
        }
    }

    /** This member serves another chain than most voters: it stops taking part (no votes, no blocks) and says why. */
    private void refuse(String reason) {
        if (refused != null) {
            return;
        }
        applier.halt(reason);
        leaveRaft(reason);
    }

    /**
     * This member halted (its blocks disagree with the cluster's, or one could not be applied): it stops taking part
     * in Raft. Otherwise a halted member could still be elected leader (it keeps acknowledging entries, so its log is
     * as long as anyone's), and as leader it builds no block: the whole cluster would stall until the lead moved on.
     * Leaving, it counts as one member down; the others keep their quorum and go on.
     */
    private void stepOutHalted(String reason) {
        leaveRaft(reason + "; this member left the Raft group (no votes, no blocks) until it is re-synced: see "
                + "docs/cluster.md, \"A member that diverged\"");
    }

    /** Stops this member's block production and closes its Raft server, once; reads keep answering from its store. */
    private synchronized void leaveRaft(String reason) {
        if (refused != null) {
            return;
        }
        refused = reason;
        LOG.log(System.Logger.Level.ERROR, reason);
        producer.stop();
        Thread stopper = new Thread(() -> {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the Raft server: " + e);
            }
        }, "raft-leave");
        stopper.setDaemon(true);
        stopper.start();
    }

    // ---- status ----

    public boolean isLeader() {
        return info().map(DivisionInfo::isLeader).orElse(false);
    }

    private Optional<DivisionInfo> info() {
        try {
            return server == null ? Optional.empty() : Optional.of(server.getDivision(group).getInfo());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why this member stopped applying blocks or was refused, if it did. */
    public Optional<String> halted() {
        return applier.halted();
    }

    /** Blocks this member fetched from a peer and re-executed because they were behind the peer's purged log. */
    public long blocksFetched() {
        return blocksFetched.get();
    }

    /** Blocks this member produced while leading. */
    public long blocksProduced() {
        return producer.blocksProduced();
    }

    public ClusterStatus status() {
        ClusterSpec spec = settings.spec();
        BlockHeader head = chain.head();
        ClusterStatus.Head headView = new ClusterStatus.Head(head.number(), head.hash().toString(), head.stateRoot().toString());
        String diverged = applier.halted().orElse(null);
        RaftServer.Division division;
        try {
            if (refused != null) {
                throw new IllegalStateException(refused); // it left Raft: whatever Ratis still holds is not a role
            }
            division = server.getDivision(group);
        } catch (IOException | RuntimeException e) {
            List<ClusterStatus.Member> members = spec.members().stream()
                    .map(m -> new ClusterStatus.Member(m.id(), m.raft(), m.rpc().toString(), m.role().label())).toList();
            return new ClusterStatus(spec.self(), "STOPPED", 0, null, -1, -1, 0, members, headView, diverged);
        }
        DivisionInfo info = division.getInfo();
        RaftPeerId leader = info.getLeaderId();
        if (leader != null) {
            leaderLastKnownNanos = System.nanoTime();
        }
        long commit = division.getRaftLog().getLastCommittedIndex();
        long applied = info.getLastAppliedIndex();
        List<ClusterStatus.Member> members = new ArrayList<>();
        addMembers(members, division.getRaftConf().getCurrentPeers(RaftPeerRole.FOLLOWER), "voter", spec);
        addMembers(members, division.getRaftConf().getCurrentPeers(RaftPeerRole.LISTENER), "listener", spec);
        return new ClusterStatus(spec.self(), info.getCurrentRole().name(), info.getCurrentTerm(),
                leader == null ? null : leader.toString(), commit, applied, Math.max(0, commit - applied), members,
                headView, diverged);
    }

    private static void addMembers(List<ClusterStatus.Member> out, Collection<RaftPeer> peers, String role, ClusterSpec spec) {
        for (RaftPeer p : peers) {
            String id = p.getId().toString();
            String rpc = spec.member(id).map(m -> m.rpc().toString()).orElse(null);
            out.add(new ClusterStatus.Member(id, p.getAddress(), rpc, role));
        }
    }

    /** What {@code /health}'s "cluster" check reports. */
    public record Health(boolean healthy, String detail, Map<String, Object> facts) {}

    /**
     * Unhealthy when application stopped (divergence, another chain) or when no leader has been known for longer
     * than the longest election timeout; the facts name the role, term, indexes, lag, peers not reached yet and the
     * certificate's expiry.
     */
    public Health health() {
        ClusterStatus s = status();
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("role", s.role());
        facts.put("term", s.term());
        facts.put("leader", s.leader() == null ? "none" : s.leader());
        facts.put("commitIndex", s.commitIndex());
        facts.put("appliedIndex", s.appliedIndex());
        facts.put("lag", s.lag());
        facts.put("unreachedPeers", peerChains.unanswered());
        Map<String, String> strangers = new java.util.TreeMap<>();
        peerChains.onOtherChains().forEach((id, c) -> strangers.put(id, c.toString()));
        facts.put("peersOnOtherChains", strangers);
        facts.put("certificateExpires", settings.tls().certificateExpiry().toString());
        facts.put("forwardsWaiting", forwarder.waiting());
        if (s.diverged() != null) {
            return new Health(false, s.diverged(), facts);
        }
        long noLeaderMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - leaderLastKnownNanos);
        if (s.leader() == null && noLeaderMs > settings.spec().electionMax().toMillis()) {
            return new Health(false, "no leader known for " + noLeaderMs + " ms (quorum lost or peers unreachable: "
                    + (peerChains.unanswered().isEmpty() ? "all peers answered once" : "not reached yet " + peerChains.unanswered()) + ")", facts);
        }
        Duration left = Duration.between(java.time.Instant.now(), settings.tls().certificateExpiry());
        if (left.toDays() < 14) {
            return new Health(false, "this member's certificate expires in " + left.toHours() + " h ("
                    + settings.tls().certificateExpiry() + "): renew it", facts);
        }
        return new Health(true, "ok", facts);
    }

    /** Milliseconds since this member started (for metrics). */
    public long uptimeMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.stop();
        forwarder.close();
        followerCopies.close();
        if (monitorThread != null) {
            monitorThread.interrupt();
        }
        if (agreementThread != null) {
            agreementThread.interrupt();
        }
        try {
            if (copiesClient != null) {
                copiesClient.close();
            }
            if (client != null) {
                client.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the Raft client: " + e);
        }
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the Raft server: " + e);
        }
    }

    /**
     * TEST ONLY, with the state-corruption hook: this member never builds a block (the block builder would not replay
     * its own block, so the corrupted write would go unnoticed); leading, it hands the lead to another voter, so the
     * corrupted block always comes from a peer and is re-executed here.
     */
    private void handOverLead() {
        Thread t = new Thread(() -> {
            while (!closed && isLeader()) {
                for (String id : voters()) {
                    if (closed || !isLeader()) {
                        return;
                    }
                    if (id.equals(selfId.toString())) {
                        continue;
                    }
                    try {
                        RaftClientReply reply = client.admin().transferLeadership(RaftPeerId.valueOf(id), 3_000);
                        LOG.log(System.Logger.Level.WARNING, "TEST HOOK: leadership handed to " + id + ": " + reply.isSuccess());
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "TEST HOOK: handing leadership to " + id + ": " + e);
                    }
                }
            }
        }, "raft-test-hand-over");
        t.setDaemon(true);
        t.start();
    }

    /** Ratis' events, handed to the parts of this member. */
    private final class Events implements ChainStateMachine.Callbacks {
        @Override
        public void leaderReady() {
            leaderLastKnownNanos = System.nanoTime();
            if (settings.corruptStateAtBlock().isPresent()) {
                handOverLead();
            } else if (refused == null) {
                producer.start();
            }
        }

        @Override
        public void notLeader() {
            // Not on Ratis' thread: stopping joins the producer thread, which may be inside a Ratis call.
            Thread t = new Thread(producer::stop, "raft-step-down");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void leaderChanged(RaftPeerId leader) {
            leaderLastKnownNanos = System.nanoTime();
            if (leader != null) {
                // Not on Ratis' thread: admitting the held copies takes a while.
                Thread t = new Thread(() -> afterLeaderChange(leader), "raft-leader-changed");
                t.setDaemon(true);
                t.start();
            }
        }

        @Override
        public List<ClusterMessages.TransactionAnswer> forwarded(List<byte[]> raws) {
            return admitForwarded(raws);
        }

        @Override
        public void copies(List<byte[]> raws) {
            heldCopies.hold(raws);
        }

        @Override
        public TermIndex catchUp(RaftPeerId leader, TermIndex firstAvailable) {
            return RaftMember.this.catchUp(leader, firstAvailable);
        }
    }
}
