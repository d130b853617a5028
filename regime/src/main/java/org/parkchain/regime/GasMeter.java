package org.parkchain.regime;

/** The gas of one native call, shared by the internal calls it makes (an offering minting through its token). */
final class GasMeter {
    private final long limit;
    private long used;

    GasMeter(long limit) {
        this.limit = Math.max(0, limit);
    }

    void charge(long amount) {
        if (amount > limit - used) {
            used = limit;
            throw new Halt(org.parkchain.evm.HaltReason.OUT_OF_GAS, "out of gas");
        }
        used += amount;
    }

    long used() {
        return used;
    }

    long limit() {
        return limit;
    }
}
