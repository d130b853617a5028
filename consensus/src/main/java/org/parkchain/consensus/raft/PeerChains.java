package org.parkchain.consensus.raft;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which chain each peer serves, as far as this member has heard. A peer on another chain cannot disturb this one
 * (its Raft group differs, see {@link RaftMember#groupOf}); what this class decides is who says so, and how loudly:
 * a member whose chain no longer has a majority of the voters ({@link #outvoted}) is the one that was started wrong,
 * and it refuses to take part; the others report the stranger and go on.
 */
final class PeerChains {
    private final ChainIdentity own;
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, ChainIdentity> others = new ConcurrentHashMap<>();

    PeerChains(ChainIdentity own, Collection<String> peers) {
        this.own = own;
        unanswered.addAll(peers);
    }

    /** Peers that have not told which chain they serve yet (not reachable so far). */
    List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    /**
     * Records {@code peer}'s answer.
     *
     * @return whether the peer serves another chain than this member
     */
    boolean answered(String peer, ChainIdentity identity) {
        unanswered.remove(peer);
        if (identity.equals(own)) {
            others.remove(peer);
            return false;
        }
        others.put(peer, identity);
        return true;
    }

    /** The peers known to serve another chain, with the chain each serves, by id. */
    Map<String, ChainIdentity> onOtherChains() {
        return new TreeMap<>(others);
    }

    /**
     * Whether so many of {@code voters} serve other chains that the voters of this member's chain can never form a
     * majority: then this member, not they, is the one on the wrong chain.
     */
    boolean outvoted(Collection<String> voters) {
        long strangers = voters.stream().filter(others::containsKey).count();
        return voters.size() - strangers < voters.size() / 2 + 1;
    }

    /** One line naming this member's chain and the peers' ones. */
    String describe() {
        StringBuilder b = new StringBuilder();
        onOtherChains().forEach((id, chain) -> b.append(b.isEmpty() ? "" : ", ").append(id).append(" serves ").append(chain));
        return b + "; this member was started with " + own;
    }
}
