package org.parkchain.evm.precompile;

import java.math.BigInteger;
import java.util.Optional;

/**
 * 0x05: base^exp mod m on arbitrary-length big-endian numbers (EIP-198). Input: three 32-byte lengths, then base,
 * exponent and modulus; missing bytes read as zero. Two versions: {@link #EIP2565}'s price (Berlin to Prague), and
 * Osaka's, where EIP-7823 refuses any length above 1,024 bytes and EIP-7883 raises the price.
 */
final class ModExp implements Precompile {
    static final ModExp EIP2565 = new ModExp(false);
    static final ModExp OSAKA = new ModExp(true);

    /** Lengths beyond this cannot be paid for with any realistic gas, and must not be allocated. */
    private static final long MAX_LENGTH = 1 << 24;
    /** EIP-7823: the most bytes each of base, exponent and modulus may have. */
    private static final long OSAKA_MAX_LENGTH = 1024;

    private final boolean osaka;

    private ModExp(boolean osaka) {
        this.osaka = osaka;
    }

    private static BigInteger lengthAt(byte[] input, int offset) {
        return new BigInteger(1, Precompile.slice(input, offset, 32));
    }

    @Override
    public long gas(byte[] input) {
        BigInteger bl = lengthAt(input, 0), el = lengthAt(input, 32), ml = lengthAt(input, 64);
        BigInteger maxLen = bl.max(ml);
        // multiplication complexity: ceil(max(Lb, Lm) / 8)^2; EIP-7883: 16 up to 32 bytes, else twice that square
        BigInteger words = maxLen.add(BigInteger.valueOf(7)).shiftRight(3);
        BigInteger complexity = words.multiply(words);
        if (osaka) {
            complexity = maxLen.compareTo(BigInteger.valueOf(32)) <= 0 ? BigInteger.valueOf(16) : complexity.shiftLeft(1);
        }
        // iteration count from the exponent's length and its first (up to) 32 bytes
        BigInteger iterations;
        BigInteger expHead = BigInteger.ZERO;
        if (bl.bitLength() <= 31 && el.signum() > 0) {
            long headLen = Math.min(32, el.min(BigInteger.valueOf(32)).longValue());
            expHead = new BigInteger(1, Precompile.slice(input, 96 + bl.longValue(), (int) headLen));
        }
        if (el.compareTo(BigInteger.valueOf(32)) <= 0) {
            iterations = BigInteger.valueOf(expHead.signum() == 0 ? 0 : expHead.bitLength() - 1);
        } else {
            long highBit = expHead.signum() == 0 ? 0 : expHead.bitLength() - 1;
            // 8 iterations per exponent byte beyond the first 32; EIP-7883 doubles that to 16
            iterations = el.subtract(BigInteger.valueOf(32)).shiftLeft(osaka ? 4 : 3).add(BigInteger.valueOf(highBit));
        }
        iterations = iterations.max(BigInteger.ONE);
        BigInteger gas = osaka
                ? complexity.multiply(iterations).max(BigInteger.valueOf(500)) // EIP-7883: no division, at least 500
                : complexity.multiply(iterations).divide(BigInteger.valueOf(3)).max(BigInteger.valueOf(200));
        return gas.bitLength() > 62 ? Long.MAX_VALUE : gas.longValue();
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        BigInteger bl = lengthAt(input, 0), el = lengthAt(input, 32), ml = lengthAt(input, 64);
        if (osaka && (bl.compareTo(BigInteger.valueOf(OSAKA_MAX_LENGTH)) > 0 || el.compareTo(BigInteger.valueOf(OSAKA_MAX_LENGTH)) > 0
                || ml.compareTo(BigInteger.valueOf(OSAKA_MAX_LENGTH)) > 0)) {
            return Optional.empty(); // EIP-7823: the call fails, consuming its gas
        }
        // An empty modulus gives an empty result whatever the other lengths claim (EIP-2565 prices it at 200).
        if (ml.signum() == 0) return Optional.of(new byte[0]);
        // Any other oversized length was priced beyond all gas and never gets here; refuse to allocate it anyway.
        if (bl.longValue() > MAX_LENGTH || el.bitLength() > 31 || ml.longValue() > MAX_LENGTH
                || bl.bitLength() > 31 || ml.bitLength() > 31) {
            return Optional.empty();
        }
        int b = bl.intValue(), e = el.intValue(), m = ml.intValue();
        BigInteger base = new BigInteger(1, Precompile.slice(input, 96, b));
        BigInteger exponent = new BigInteger(1, Precompile.slice(input, 96L + b, e));
        BigInteger modulus = new BigInteger(1, Precompile.slice(input, 96L + b + e, m));
        byte[] out = new byte[m];
        if (modulus.signum() == 0) return Optional.of(out);
        byte[] r = base.modPow(exponent, modulus).toByteArray();
        int skip = r.length > m ? r.length - m : 0;
        System.arraycopy(r, skip, out, m - (r.length - skip), r.length - skip);
        return Optional.of(out);
    }
}
