package org.parkchain.consensus.raft;

import java.util.Optional;
import org.parkchain.chain.BlockHeader;
import org.parkchain.primitives.Hash;

/**
 * Whether a follower's chain is the leader's: its head block must be the leader's block at that height. The Raft log
 * guarantees it while Raft's own guarantees hold. When they did not — a member acknowledged log entries it never
 * wrote (Ratis' composed appends, now turned off, see {@code RaftMember.serverProperties}), so an old leader committed
 * and applied a block the majority does not have — that member can never rejoin: Ratis refuses the new leader's
 * entries at positions it has applied, and every block after them is a no-op on its fork. Without this check it
 * stays behind in silence, healthy by every other measure; with it, it halts and says so ({@code /health} 503,
 * {@code parkchain_cluster_diverged}), and the operator re-syncs it (docs/cluster.md, "A member that diverged").
 */
final class LeaderAgreement {
    private LeaderAgreement() {}

    /**
     * Why this member's chain is not the leader's, or empty when it is (or cannot be told yet: the leader has no block
     * at this member's head height, or this member has only genesis).
     *
     * @param leader the answer of the leader to {@link ClusterMessages#canonicalQuery} at {@code head}'s number
     */
    static Optional<String> divergence(String leaderId, BlockHeader head, BlockApplier.Position applied,
                                       ClusterMessages.CanonicalAnswer leader) {
        if (head.number() == 0 || leader.hash().equals(Hash.ZERO) || leader.hash().equals(head.hash())) {
            return Optional.empty();
        }
        return Optional.of("diverged from the cluster at block " + head.number() + ": this member applied "
                + head.hash() + " (Raft log index " + applied.index() + ", term " + applied.term() + "), the leader "
                + leaderId + " has " + leader.hash() + " at that height (its head is " + leader.headNumber()
                + "); this chain cannot rejoin: stop this member, move its data directory aside and start it again"
                + " to re-sync from the others");
    }
}
