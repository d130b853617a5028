package org.parkchain.evm;

/**
 * A contract implemented in Java instead of bytecode (the park's system contracts). A call to its address runs
 * {@link #call} with the value already transferred; it must charge gas itself (return less gas than it got) and
 * report a revert through {@link ExecutionResult#revert}, after which the EVM rolls back its changes.
 */
@FunctionalInterface
public interface NativeContract {
    ExecutionResult call(Message message, WorldView world, BlockContext block, TxContext tx);
}
