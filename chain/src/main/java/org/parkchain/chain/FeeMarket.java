package org.parkchain.chain;

import java.math.BigInteger;
import org.parkchain.primitives.UInt256;

/**
 * EIP-1559's base fee and the Yellow Paper's gas limit bounds. Parkchain starts post-London at genesis, so the base
 * fee of block 0 is the genesis file's {@code baseFeePerGas} and every later one follows from its parent.
 */
public final class FeeMarket {
    /** A block may use up to twice its gas target (the gas limit is {@code ELASTICITY} times the target). */
    public static final long ELASTICITY_MULTIPLIER = 2;
    /** The base fee moves by at most 1/8 per block. */
    public static final long BASE_FEE_CHANGE_DENOMINATOR = 8;
    /** A child's gas limit differs from its parent's by less than parent/1024. */
    public static final long GAS_LIMIT_BOUND_DIVISOR = 1024;
    /** The smallest gas limit a block may have. */
    public static final long MIN_GAS_LIMIT = 5000;

    private FeeMarket() {}

    /** The base fee of the block after {@code parent}. */
    public static UInt256 nextBaseFee(BlockHeader parent) {
        return nextBaseFee(parent.gasLimit(), parent.gasUsed(), parent.baseFeePerGas());
    }

    /** EIP-1559: the base fee rises when the parent used more than its target, falls when it used less. */
    public static UInt256 nextBaseFee(long parentGasLimit, long parentGasUsed, UInt256 parentBaseFee) {
        long target = parentGasLimit / ELASTICITY_MULTIPLIER;
        if (target == 0 || parentGasUsed == target) {
            return parentBaseFee;
        }
        BigInteger base = parentBaseFee.toBigInteger();
        BigInteger denominator = BigInteger.valueOf(target).multiply(BigInteger.valueOf(BASE_FEE_CHANGE_DENOMINATOR));
        if (parentGasUsed > target) {
            BigInteger delta = base.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(denominator).max(BigInteger.ONE);
            BigInteger next = base.add(delta);
            return next.bitLength() > 256 ? UInt256.MAX : UInt256.of(next);
        }
        BigInteger delta = base.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(denominator);
        return UInt256.of(base.subtract(delta).max(BigInteger.ZERO));
    }

    /** Whether a block with gas limit {@code gasLimit} may follow one with {@code parentGasLimit}. */
    public static boolean isValidGasLimit(long parentGasLimit, long gasLimit) {
        long bound = parentGasLimit / GAS_LIMIT_BOUND_DIVISOR;
        return gasLimit >= MIN_GAS_LIMIT && Math.abs(gasLimit - parentGasLimit) < bound;
    }
}
