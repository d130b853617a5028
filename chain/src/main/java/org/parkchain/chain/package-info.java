/**
 * Blocks and their execution. So far: the Cancun {@link org.parkchain.chain.TransactionProcessor}, which applies one
 * {@link org.parkchain.chain.ExecutableTransaction} to a {@link org.parkchain.state.WorldState} in a
 * {@link org.parkchain.chain.BlockEnvironment} and reports a {@link org.parkchain.chain.TransactionResult}.
 */
package org.parkchain.chain;
