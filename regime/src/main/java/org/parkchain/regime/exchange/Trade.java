package org.parkchain.regime.exchange;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * One match: {@code amount} base from the seller to the buyer at the maker's {@code price}; the buyer pays
 * {@code notional} plus its fee, the seller receives {@code notional} less its fee; both fees are the operator's.
 */
public record Trade(long makerOrderId, long takerOrderId, Side takerSide, Address buyer, Address seller, UInt256 price,
                    UInt256 amount, UInt256 notional, UInt256 makerFee, UInt256 takerFee) {
    public UInt256 buyerFee() {
        return takerSide == Side.BUY ? takerFee : makerFee;
    }

    public UInt256 sellerFee() {
        return takerSide == Side.SELL ? takerFee : makerFee;
    }

    /** What the seller receives. */
    public UInt256 proceeds() {
        return notional.sub(sellerFee());
    }

    public UInt256 fees() {
        return makerFee.add(takerFee);
    }
}
