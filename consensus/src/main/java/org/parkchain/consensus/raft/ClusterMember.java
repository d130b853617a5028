package org.parkchain.consensus.raft;

import java.net.URI;
import java.util.Objects;

/**
 * One member of the park's network as the cluster file names it.
 *
 * @param id the member's Raft id (letters, digits, '-' and '_')
 * @param raft where its Raft server listens, {@code host:port} (mutual TLS)
 * @param rpc its JSON-RPC endpoint, for operators and {@code parkchain cluster status}
 * @param role whether it votes, or only follows the log as a verified copy (a listener: a resident, the regulator)
 */
public record ClusterMember(String id, String raft, URI rpc, Role role) {
    public enum Role {
        VOTER, LISTENER;

        public String label() {
            return name().toLowerCase();
        }
    }

    public ClusterMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raft, "raft");
        Objects.requireNonNull(rpc, "rpc");
        Objects.requireNonNull(role, "role");
    }

    /** The host part of {@link #raft()}. */
    public String host() {
        return raft.substring(0, raft.lastIndexOf(':'));
    }

    /** The port part of {@link #raft()}. */
    public int port() {
        return Integer.parseInt(raft.substring(raft.lastIndexOf(':') + 1));
    }
}
