package org.parkchain.evm;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parkchain.evm.precompile.Precompiles;
import org.parkchain.primitives.tx.IntrinsicGas;
import org.parkchain.primitives.tx.TransactionType;

/**
 * A hard fork as one specification: everything that differs between forks, read by the EVM, the transaction
 * processor, the block executor, the pool and JSON-RPC from here and nowhere else. Each fork is the previous one plus
 * its EIPs' changes, written as one small file ({@link Cancun}, {@link Prague}, {@link Osaka}) in the manner of
 * geth's jump tables.
 *
 * @param instructions the opcodes, their static gas and stack needs
 * @param gas dynamic gas prices and the code, init-code, call-depth and refund limits
 * @param precompiles the precompiled contracts and their addresses
 * @param intrinsicGas what a transaction pays before execution, and the EIP-7623 floor
 * @param transactionTypes the envelope types a block may carry
 * @param maxTransactionGas EIP-7825's cap on one transaction's gas limit ({@link Long#MAX_VALUE}: none)
 * @param blobs EIP-4844/7691 blob parameters (a Parkchain block carries no blobs, so these only price BLOBBASEFEE)
 * @param historyStorage whether each block starts with the EIP-2935 system call that stores the parent's hash
 * @param requestsHash whether headers carry EIP-7685's requests hash
 * @param maxBlockSize EIP-7934's cap on a block's RLP size in bytes ({@link Long#MAX_VALUE}: none)
 */
public record Fork(
        String name,
        InstructionTable instructions,
        GasSchedule gas,
        Precompiles precompiles,
        IntrinsicGas intrinsicGas,
        Set<TransactionType> transactionTypes,
        long maxTransactionGas,
        BlobSchedule blobs,
        boolean historyStorage,
        boolean requestsHash,
        long maxBlockSize) {

    public static final Fork CANCUN = Cancun.spec();
    public static final Fork PRAGUE = Prague.spec(CANCUN);
    public static final Fork OSAKA = Osaka.spec(PRAGUE);
    /** Oldest first. */
    public static final List<Fork> ALL = List.of(CANCUN, PRAGUE, OSAKA);

    public Fork {
        transactionTypes = Set.copyOf(transactionTypes);
    }

    /** EIP-4844/7691 blob parameters: blobs per block targeted and allowed, and the base fee's update fraction. */
    public record BlobSchedule(int target, int max, long updateFraction) {}

    /** Whether EIP-7702 delegations exist: type-4 transactions and the {@code 0xef0100‖address} designator. */
    public boolean delegations() {
        return transactionTypes.contains(TransactionType.SET_CODE);
    }

    /** The fork with this name, case-insensitively ("Cancun", "Prague", "Osaka": the Ethereum tests' spelling). */
    public static Optional<Fork> byName(String name) {
        return ALL.stream().filter(f -> f.name.equalsIgnoreCase(name)).findFirst();
    }

    /** The start of the next fork's specification: this one with a new name, changed through the builder. */
    Builder next(String name) {
        return new Builder(this, name);
    }

    /** Changes one fork makes to its predecessor; each setter names the EIP in the fork's own file. */
    static final class Builder {
        private String name;
        private InstructionTable instructions;
        private GasSchedule gas;
        private Precompiles precompiles;
        private IntrinsicGas intrinsicGas;
        private final Set<TransactionType> transactionTypes;
        private long maxTransactionGas;
        private BlobSchedule blobs;
        private boolean historyStorage;
        private boolean requestsHash;
        private long maxBlockSize;

        Builder(Fork base, String name) {
            this.name = name;
            instructions = base.instructions;
            gas = base.gas;
            precompiles = base.precompiles;
            intrinsicGas = base.intrinsicGas;
            transactionTypes = EnumSet.copyOf(base.transactionTypes);
            maxTransactionGas = base.maxTransactionGas;
            blobs = base.blobs;
            historyStorage = base.historyStorage;
            requestsHash = base.requestsHash;
            maxBlockSize = base.maxBlockSize;
        }

        Builder(String name, InstructionTable instructions, GasSchedule gas, Precompiles precompiles,
                IntrinsicGas intrinsicGas, Set<TransactionType> types, BlobSchedule blobs) {
            this.name = name;
            this.instructions = instructions;
            this.gas = gas;
            this.precompiles = precompiles;
            this.intrinsicGas = intrinsicGas;
            this.transactionTypes = EnumSet.copyOf(types);
            this.maxTransactionGas = Long.MAX_VALUE;
            this.blobs = blobs;
            this.maxBlockSize = Long.MAX_VALUE;
        }

        Builder instructions(InstructionTable t) { instructions = t; return this; }
        Builder gas(GasSchedule g) { gas = g; return this; }
        Builder precompiles(Precompiles p) { precompiles = p; return this; }
        Builder intrinsicGas(IntrinsicGas g) { intrinsicGas = g; return this; }
        Builder transactionType(TransactionType t) { transactionTypes.add(t); return this; }
        Builder maxTransactionGas(long cap) { maxTransactionGas = cap; return this; }
        Builder blobs(BlobSchedule b) { blobs = b; return this; }
        Builder historyStorage() { historyStorage = true; return this; }
        Builder requestsHash() { requestsHash = true; return this; }
        Builder maxBlockSize(long bytes) { maxBlockSize = bytes; return this; }

        Fork build() {
            return new Fork(name, instructions, gas, precompiles, intrinsicGas, transactionTypes, maxTransactionGas,
                    blobs, historyStorage, requestsHash, maxBlockSize);
        }
    }
}
