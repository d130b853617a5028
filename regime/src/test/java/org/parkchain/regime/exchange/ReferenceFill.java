package org.parkchain.regime.exchange;

import org.parkchain.primitives.Address;

/** One trade as the reference and the tests compare it: order ids, parties, price, amount and both fees. */
public record ReferenceFill(long maker, long taker, Address buyer, Address seller, long price, long amount, long makerFee,
                            long takerFee) {}
