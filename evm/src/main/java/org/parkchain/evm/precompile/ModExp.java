package org.parkchain.evm.precompile;

import java.math.BigInteger;
import java.util.Optional;

/**
 * 0x05: base^exp mod m on arbitrary-length big-endian numbers (EIP-198), priced by EIP-2565. Input: three 32-byte
 * lengths, then base, exponent and modulus; missing bytes read as zero.
 */
final class ModExp implements Precompile {
    /** Lengths beyond this cannot be paid for with any realistic gas, and must not be allocated. */
    private static final long MAX_LENGTH = 1 << 24;

    private static BigInteger lengthAt(byte[] input, int offset) {
        return new BigInteger(1, slice(input, offset, 32));
    }

    /** {@code length} bytes from {@code offset}, zero-padded past the end of the input. */
    static byte[] slice(byte[] input, long offset, int length) {
        byte[] out = new byte[length];
        if (offset < input.length) {
            System.arraycopy(input, (int) offset, out, 0, (int) Math.min(length, input.length - offset));
        }
        return out;
    }

    @Override
    public long gas(byte[] input) {
        BigInteger bl = lengthAt(input, 0), el = lengthAt(input, 32), ml = lengthAt(input, 64);
        BigInteger maxLen = bl.max(ml);
        // multiplication complexity: ceil(max(Lb, Lm) / 8)^2
        BigInteger words = maxLen.add(BigInteger.valueOf(7)).shiftRight(3);
        BigInteger complexity = words.multiply(words);
        // iteration count from the exponent's length and its first (up to) 32 bytes
        BigInteger iterations;
        BigInteger expHead = BigInteger.ZERO;
        if (bl.bitLength() <= 31 && el.signum() > 0) {
            long headLen = Math.min(32, el.min(BigInteger.valueOf(32)).longValue());
            expHead = new BigInteger(1, slice(input, 96 + bl.longValue(), (int) headLen));
        }
        if (el.compareTo(BigInteger.valueOf(32)) <= 0) {
            iterations = BigInteger.valueOf(expHead.signum() == 0 ? 0 : expHead.bitLength() - 1);
        } else {
            long highBit = expHead.signum() == 0 ? 0 : expHead.bitLength() - 1;
            iterations = el.subtract(BigInteger.valueOf(32)).shiftLeft(3).add(BigInteger.valueOf(highBit));
        }
        iterations = iterations.max(BigInteger.ONE);
        BigInteger gas = complexity.multiply(iterations).divide(BigInteger.valueOf(3)).max(BigInteger.valueOf(200));
        return gas.bitLength() > 62 ? Long.MAX_VALUE : gas.longValue();
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        BigInteger bl = lengthAt(input, 0), el = lengthAt(input, 32), ml = lengthAt(input, 64);
        // An empty modulus gives an empty result whatever the other lengths claim (EIP-2565 prices it at 200).
        if (ml.signum() == 0) return Optional.of(new byte[0]);
        // Any other oversized length was priced beyond all gas and never gets here; refuse to allocate it anyway.
        if (bl.longValue() > MAX_LENGTH || el.bitLength() > 31 || ml.longValue() > MAX_LENGTH
                || bl.bitLength() > 31 || ml.bitLength() > 31) {
            return Optional.empty();
        }
        int b = bl.intValue(), e = el.intValue(), m = ml.intValue();
        BigInteger base = new BigInteger(1, slice(input, 96, b));
        BigInteger exponent = new BigInteger(1, slice(input, 96L + b, e));
        BigInteger modulus = new BigInteger(1, slice(input, 96L + b + e, m));
        byte[] out = new byte[m];
        if (modulus.signum() == 0) return Optional.of(out);
        byte[] r = base.modPow(exponent, modulus).toByteArray();
        int skip = r.length > m ? r.length - m : 0;
        System.arraycopy(r, skip, out, m - (r.length - skip), r.length - skip);
        return Optional.of(out);
    }
}
