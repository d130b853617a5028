package org.parkchain.evm;

import java.util.EnumSet;
import org.parkchain.evm.precompile.Precompiles;
import org.parkchain.primitives.tx.IntrinsicGas;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Cancun, the base every later fork changes: Shanghai's instructions plus EIP-1153 (TLOAD, TSTORE), EIP-5656
 * (MCOPY), EIP-4844 (BLOBHASH, the point evaluation precompile, blob parameters 3/6) and EIP-7516 (BLOBBASEFEE).
 * Type-3 transactions are part of the fork but Parkchain's decoder refuses them (it carries no blobs).
 */
final class Cancun {
    private Cancun() {}

    static Fork spec() {
        return new Fork.Builder("Cancun", InstructionTable.cancun(), GasSchedule.CANCUN, Precompiles.cancun(),
                IntrinsicGas.CANCUN,
                EnumSet.of(TransactionType.LEGACY, TransactionType.ACCESS_LIST, TransactionType.DYNAMIC_FEE, TransactionType.BLOB),
                new Fork.BlobSchedule(3, 6, 3_338_477))
                .build();
    }
}
