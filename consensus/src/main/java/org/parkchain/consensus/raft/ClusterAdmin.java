package org.parkchain.consensus.raft;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.util.TimeDuration;

/**
 * Membership changes, one member at a time, through Ratis' joint consensus ({@code setConfiguration}), authenticated
 * with an operator's member certificate (mutual TLS, like all Raft traffic). A new member joins as a listener, and
 * is promoted to voter only once it has caught up; a change that would leave the voters without a reachable
 * majority is refused before anything is changed.
 */
public final class ClusterAdmin implements AutoCloseable {
    /** How long a membership change may wait for Ratis to stage it (a newcomer catching up). */
    private static final Duration SET_TIMEOUT = Duration.ofMinutes(5);
    private final ClusterSpec spec;
    private final RaftGroupId group;
    private final RaftClient client;

    private ClusterAdmin(ClusterSpec spec, RaftGroupId group, RaftClient client) {
        this.spec = spec;
        this.group = group;
        this.client = client;
    }

    /**
     * An admin client for the members of {@code spec}, speaking mutual TLS with {@code tls}, in the Raft group the
     * first member that answers hosts (the group names the chain, which the cluster file does not).
     *
     * @throws IllegalStateException when no member of the cluster file answers
     */
    public static ClusterAdmin connect(ClusterSpec spec, ClusterTls tls) {
        RaftGroupId group = discoverGroup(spec, tls);
        return new ClusterAdmin(spec, group, client(RaftGroup.valueOf(group, RaftMember.peers(spec)), tls,
                RetryPolicies.retryUpToMaximumCountWithFixedSleep(5, TimeDuration.valueOf(500, TimeUnit.MILLISECONDS))));
    }

    private static RaftClient client(RaftGroup group, ClusterTls tls, RetryPolicy retries) {
        RaftProperties properties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(properties, TimeDuration.valueOf(5, TimeUnit.SECONDS));
        return RaftClient.newBuilder()
                .setRaftGroup(group)
                .setProperties(properties)
                .setParameters(RaftMember.tlsParameters(tls.grpcConfig()))
                .setRetryPolicy(retries)
                .build();
    }

    /** The group most answering members host (a member started on another chain hosts another group). */
    private static RaftGroupId discoverGroup(ClusterSpec spec, ClusterTls tls) {
        IOException last = null;
        java.util.Map<RaftGroupId, Integer> hosts = new java.util.HashMap<>();
        try (RaftClient any = client(RaftGroup.valueOf(RaftGroupId.randomId(), RaftMember.peers(spec)), tls,
                RetryPolicies.noRetry())) {
            for (ClusterMember m : spec.members()) {
                try {
                    for (RaftGroupId g : any.getGroupManagementApi(RaftPeerId.valueOf(m.id())).list().getGroupIds()) {
                        hosts.merge(g, 1, Integer::sum);
                    }
                } catch (IOException e) {
                    last = e;
                }
            }
        } catch (IOException e) {
            last = e;
        }
        String why = last == null ? "" : ": " + last.getMessage();
        return hosts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no member of the cluster file answers" + why));
    }

    /** The configuration as the first member that answers sees it. */
    public record Configuration(List<RaftPeer> voters, List<RaftPeer> listeners, long commitIndex) {
        public Optional<RaftPeer> find(String id) {
            return java.util.stream.Stream.concat(voters.stream(), listeners.stream())
                    .filter(p -> p.getId().toString().equals(id)).findFirst();
        }
    }

    /**
     * The configuration as the leader sees it, or, when no member answers as leader, as the member with the highest
     * commit index does: a member that has just started (a newcomer, or one back from an empty data directory) still
     * holds the configuration of its own cluster file, which must not be taken for the cluster's.
     */
    public Configuration configuration() {
        Exception last = null; // a stopped member fails with IOException or gRPC's UNAVAILABLE (unchecked)
        Configuration found = null;
        boolean fromLeader = false;
        for (ClusterMember m : spec.members()) {
            try {
                GroupInfoReply info = client.getGroupManagementApi(RaftPeerId.valueOf(m.id())).info(group);
                if (info.getConf().isEmpty()) {
                    continue;
                }
                Configuration c = new Configuration(peers(info.getConf().get().getPeersList()),
                        peers(info.getConf().get().getListenersList()), commitIndex(info, m.id()));
                boolean leader = info.getRoleInfoProto().getRole() == RaftPeerRole.LEADER;
                if (leader) {
                    found = c;
                    fromLeader = true;
                    break;
                }
                if (found == null || c.commitIndex() > found.commitIndex()) {
                    found = c;
                }
            } catch (IOException | RuntimeException e) {
                last = e;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no member of the cluster file answers" + (last == null ? "" : ": " + last.getMessage()));
        }
        if (!fromLeader) {
            // Members added since the cluster file was written may lead: ask them too.
            for (RaftPeer p : concat(found)) {
                if (spec.member(p.getId().toString()).isEmpty()) {
                    client.getClientRpc().addRaftPeers(List.of(p));
                    try {
                        GroupInfoReply info = client.getGroupManagementApi(p.getId()).info(group);
                        if (info.getConf().isPresent() && info.getRoleInfoProto().getRole() == RaftPeerRole.LEADER) {
                            found = new Configuration(peers(info.getConf().get().getPeersList()),
                                    peers(info.getConf().get().getListenersList()), commitIndex(info, p.getId().toString()));
                            break;
                        }
                    } catch (IOException | RuntimeException e) {
                        // not reachable: keep what the others said
                    }
                }
            }
        }
        // Members added since the cluster file was written must be reachable too.
        client.getClientRpc().addRaftPeers(found.voters());
        client.getClientRpc().addRaftPeers(found.listeners());
        return found;
    }

    private static List<RaftPeer> concat(Configuration c) {
        List<RaftPeer> all = new ArrayList<>(c.voters());
        all.addAll(c.listeners());
        return all;
    }

    /** Whether {@code id} answers, and its commit index if it does. */
    public Optional<Long> commitIndexOf(String id, String raftAddress) {
        try {
            GroupInfoReply info = client.getGroupManagementApi(RaftPeerId.valueOf(id)).info(group);
            return Optional.of(commitIndex(info, id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Adds {@code member} as a non-voting listener. */
    public void addListener(ClusterMember member) throws IOException {
        Configuration c = configuration();
        if (c.find(member.id()).isPresent()) {
            throw new IllegalArgumentException("member " + member.id() + " is already in the cluster");
        }
        RaftPeer peer = RaftPeer.newBuilder().setId(member.id()).setAddress(member.raft())
                .setStartupRole(RaftPeerRole.LISTENER).build();
        // The client knows the cluster file's members; it must reach the newcomer too (to see it catch up).
        client.getClientRpc().addRaftPeers(List.of(peer));
        List<RaftPeer> listeners = new ArrayList<>(c.listeners());
        listeners.add(peer);
        set(c.voters(), listeners);
    }

    /**
     * Waits until listener {@code id} has committed what the cluster had committed when the wait began.
     *
     * @return whether it caught up within {@code timeout}
     */
    public boolean awaitCaughtUp(String id, Duration timeout) throws InterruptedException {
        long target = configuration().commitIndex();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> at = commitIndexOf(id, null);
            if (at.isPresent() && at.get() >= target) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Makes listener {@code id} a voter. */
    public void promote(String id) throws IOException {
        Configuration c = configuration();
        RaftPeer listener = c.listeners().stream().filter(p -> p.getId().toString().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " is not a listener of the cluster"));
        List<RaftPeer> voters = new ArrayList<>(c.voters());
        voters.add(RaftPeer.newBuilder(listener).setStartupRole(RaftPeerRole.FOLLOWER).build());
        List<RaftPeer> listeners = new ArrayList<>(c.listeners());
        listeners.remove(listener);
        requireQuorum(voters);
        set(voters, listeners);
    }

    /** Removes member {@code id}, voter or listener, unless the remaining voters would have no reachable majority. */
    public void remove(String id) throws IOException {
        Configuration c = configuration();
        if (c.find(id).isEmpty()) {
            throw new IllegalArgumentException("member " + id + " is not in the cluster");
        }
        List<RaftPeer> voters = new ArrayList<>(c.voters());
        voters.removeIf(p -> p.getId().toString().equals(id));
        List<RaftPeer> listeners = new ArrayList<>(c.listeners());
        listeners.removeIf(p -> p.getId().toString().equals(id));
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("refused: removing " + id + " would leave no voter");
        }
        requireQuorum(voters);
        set(voters, listeners);
    }

    /** Refuses a configuration whose voters could not elect a leader now. */
    private void requireQuorum(List<RaftPeer> voters) {
        List<String> answering = new ArrayList<>();
        for (RaftPeer p : voters) {
            if (commitIndexOf(p.getId().toString(), p.getAddress()).isPresent()) {
                answering.add(p.getId().toString());
            }
        }
        int majority = voters.size() / 2 + 1;
        if (answering.size() < majority) {
            throw new IllegalArgumentException("refused: the new configuration's " + voters.size() + " voters need "
                    + majority + " to agree, but only " + answering.size() + " answer " + answering
                    + " (the change would lose quorum)");
        }
    }

    /**
     * Sets the configuration, waiting as long as Ratis stages it: a member being added is "staged" until it has
     * caught up, and one far behind (fetching blocks past the purged log) takes longer than a request's timeout, after
     * which the retried request finds the reconfiguration still in progress. So a failed request is retried until the
     * cluster holds the configuration, or {@link #SET_TIMEOUT} passes.
     */
    private void set(List<RaftPeer> voters, List<RaftPeer> listeners) throws IOException {
        long deadline = System.nanoTime() + SET_TIMEOUT.toNanos();
        String last = "no answer";
        while (true) {
            try {
                RaftClientReply reply = client.admin().setConfiguration(voters, listeners);
                if (reply.isSuccess()) {
                    return;
                }
                last = String.valueOf(reply.getException());
            } catch (IOException e) {
                last = e.getMessage();
            }
            try {
                if (holds(configuration(), voters, listeners)) {
                    return; // applied after the request gave up waiting
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the cluster did not take the configuration within " + SET_TIMEOUT.toSeconds()
                        + " s: " + last);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while setting the configuration", e);
            }
        }
    }

    private static boolean holds(Configuration c, List<RaftPeer> voters, List<RaftPeer> listeners) {
        return ids(c.voters()).equals(ids(voters)) && ids(c.listeners()).equals(ids(listeners));
    }

    private static java.util.Set<String> ids(List<RaftPeer> peers) {
        return peers.stream().map(p -> p.getId().toString()).collect(java.util.stream.Collectors.toSet());
    }

    /** The commit index {@code id} reported about itself. */
    private static long commitIndex(GroupInfoReply info, String id) {
        return info.getCommitInfos().stream().filter(ci -> ci.getServer().getId().toStringUtf8().equals(id))
                .mapToLong(ci -> ci.getCommitIndex()).max().orElse(-1);
    }

    private static List<RaftPeer> peers(List<RaftPeerProto> protos) {
        List<RaftPeer> out = new ArrayList<>();
        for (RaftPeerProto p : protos) {
            out.add(RaftPeer.newBuilder().setId(p.getId()).setAddress(p.getAddress()).setStartupRole(p.getStartupRole()).build());
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
