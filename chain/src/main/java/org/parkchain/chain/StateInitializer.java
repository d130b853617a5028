package org.parkchain.chain;

import org.parkchain.evm.WorldView;

/**
 * Extra state written into the genesis world after the {@code alloc} accounts, for state the chain does not know
 * how to describe itself: the park's system contracts and their storage come this way, from the regime's
 * {@code RegimeGenesis::install}, which the node composes with the genesis ({@link Genesis#withState}).
 * It must be deterministic: every node, and every reopening of the same store, must write the same state.
 */
@FunctionalInterface
public interface StateInitializer {
    void install(WorldView world);
}
