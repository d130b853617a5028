/**
 * Ethereum's world state: the Merkle Patricia Trie ({@link org.parkchain.state.MerklePatriciaTrie}, and the keyed-by-
 * Keccak {@link org.parkchain.state.SecureTrie} the state uses), accounts ({@link org.parkchain.state.Account}), and
 * the journaled {@link org.parkchain.state.WorldState} the EVM sees through {@link org.parkchain.evm.WorldView}.
 *
 * <p>Storage is content-addressed: a {@link org.parkchain.state.NodeStore} maps the Keccak-256 of a trie node or of
 * contract code to its bytes, and a commit produces one {@link org.parkchain.state.WriteBatch} for the whole block,
 * which a disk backend writes atomically. {@link org.parkchain.state.InMemoryNodeStore} is the backend for tests,
 * conformance runs and nodes without a data folder.
 */
package org.parkchain.state;
