package org.parkchain.chain.pool;

import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.tx.Transaction;

/** Temporary: replaced by chain's transaction policy interface once it lands. */
@FunctionalInterface
public interface AdmissionCheck {
    AdmissionCheck OPEN = (tx, sender, head) -> Optional.empty();

    /** Why {@code sender} may not send {@code tx} at {@code head}, or empty when it may. */
    Optional<String> refusal(Transaction tx, Address sender, PoolHead head);
}
