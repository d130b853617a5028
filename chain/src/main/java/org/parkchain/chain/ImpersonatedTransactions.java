package org.parkchain.chain;

import java.util.Optional;
import org.parkchain.evm.WorldView;

/**
 * Where transactions whose sender is asserted rather than signed for ({@link ExecutableTransaction#senderAsserted()},
 * made by a development chain's hardhat_impersonateAccount) may exist: on a development chain only. Every other
 * chain wraps its admission with {@link #refused}, so its pool refuses such a transaction at the door and its
 * block import refuses a block that carries one, whoever produced it.
 */
public final class ImpersonatedTransactions {
    /** The refusal, which names the way to get one legitimately. */
    static final String REFUSAL = "impersonated sender %s: a transaction without its sender's signature is accepted "
            + "on a development chain only (parkchain node --dev)";

    private ImpersonatedTransactions() {}

    /** {@code admission}, refusing first every transaction whose sender is asserted. */
    public static TransactionAdmission refused(TransactionAdmission admission) {
        return new TransactionAdmission() {
            @Override
            public Optional<String> refusal(WorldView state, BlockEnvironment block, ExecutableTransaction tx) {
                if (tx.senderAsserted()) {
                    return Optional.of(REFUSAL.formatted(tx.sender()));
                }
                return admission.refusal(state, block, tx);
            }
        };
    }
}
