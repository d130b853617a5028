package org.parkchain.evm;

/** Everything shared by the frames of one top-level message: the EVM, the world, block and transaction, and the tracer if any. */
final class Execution {
    final Evm evm;
    final Fork fork;
    final GasSchedule gas;
    final WorldView world;
    final BlockContext block;
    final TxContext tx;
    /** Null when nothing watches: the fast loop runs and the hooks cost one null check per frame, call or log. */
    final Tracer tracer;

    Execution(Evm evm, WorldView world, BlockContext block, TxContext tx, Tracer tracer) {
        this.evm = evm;
        this.fork = evm.fork();
        this.gas = fork.gas();
        this.world = world;
        this.block = block;
        this.tx = tx;
        this.tracer = tracer;
    }
}
