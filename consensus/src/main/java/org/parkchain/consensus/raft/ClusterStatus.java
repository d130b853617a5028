package org.parkchain.consensus.raft;

import java.util.List;

/**
 * One member's view of the cluster, as {@code parkchain_clusterStatus} and {@code /health} show it.
 *
 * @param role LEADER, FOLLOWER, CANDIDATE or LISTENER (Ratis' role of this member now)
 * @param leader the leader's id, or null while none is known
 * @param commitIndex the last log index known committed
 * @param appliedIndex the last log index applied here
 * @param lag {@code commitIndex - appliedIndex}: committed entries this member has yet to apply
 * @param members the current configuration: voters and listeners, with the rpc URL where the cluster file names it
 * @param head this member's head block
 * @param diverged null while this member applies blocks; otherwise why it stopped ("diverged at block N: …")
 */
public record ClusterStatus(String self, String role, long term, String leader, long commitIndex, long appliedIndex,
                            long lag, List<Member> members, Head head, String diverged) {
    public ClusterStatus {
        members = List.copyOf(members);
    }

    /** @param rpc the member's JSON-RPC URL, or null when this member's cluster file does not name it */
    public record Member(String id, String raft, String rpc, String role) {}

    public record Head(long number, String hash, String stateRoot) {}
}
