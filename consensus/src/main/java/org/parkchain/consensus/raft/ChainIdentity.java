package org.parkchain.consensus.raft;

import org.parkchain.primitives.Hash;

/**
 * Which chain a member serves: its chain id and genesis block hash. Every block entry in the log carries the
 * producer's, so a member started from another genesis or chain id refuses the log instead of forking silently.
 * (The genesis hash alone does not cover the chain id.)
 */
public record ChainIdentity(long chainId, Hash genesisHash) {
    @Override
    public String toString() {
        return "genesis " + genesisHash + " (chain id " + chainId + ")";
    }
}
