package org.parkchain.regime.exchange;

/**
 * The engine's refusal of an order ("fill-or-kill not filled"), worded for a person; the system contract puts its
 * prefix before it. Thrown before the engine changes anything it cannot take back by discarding the call.
 */
public final class OrderRefused extends RuntimeException {
    public OrderRefused(String reason) {
        super(reason, null, false, false);
    }
}
