package org.parkchain.chain;

import java.util.Optional;
import org.parkchain.evm.WorldView;

/**
 * Who may have a transaction included: a rule over the state the transaction would run on, checked by the block
 * builder before execution and again by the importer, so a block that breaks it is refused. The park's
 * {@code PermissionPolicy} is one (the node adapts it); {@link #OPEN} admits everything. Implementations must be
 * pure functions of their arguments (every node must decide alike) and must only read {@code state}.
 */
@FunctionalInterface
public interface TransactionAdmission {
    TransactionAdmission OPEN = (state, block, tx) -> Optional.empty();

    /** Why {@code tx} may not be included in {@code block} on {@code state}; empty when it may. */
    Optional<String> refusal(WorldView state, BlockEnvironment block, ExecutableTransaction tx);
}
