package org.parkchain.evm;

/** Everything shared by the frames of one top-level message: the EVM, the world, block and transaction. */
final class Execution {
    final Evm evm;
    final Fork fork;
    final GasSchedule gas;
    final WorldView world;
    final BlockContext block;
    final TxContext tx;

    Execution(Evm evm, WorldView world, BlockContext block, TxContext tx) {
        this.evm = evm;
        this.fork = evm.fork();
        this.gas = fork.gas();
        this.world = world;
        this.block = block;
        this.tx = tx;
    }
}
