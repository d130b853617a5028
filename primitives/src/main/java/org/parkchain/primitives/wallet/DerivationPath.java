package org.parkchain.primitives.wallet;

import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-32 path from the master key, such as {@code m/44'/60'/0'/0/0}: each element is a child number, with
 * {@link #HARDENED} set for hardened children (written with a trailing {@code '}, {@code h} or {@code H}).
 */
public record DerivationPath(List<Integer> childNumbers) {
    public static final int HARDENED = 0x8000_0000;
    private static final long HARDENED_LIMIT = 1L << 31;

    public DerivationPath {
        childNumbers = List.copyOf(childNumbers);
    }

    /** BIP-44's Ethereum path {@code m/44'/60'/0'/0/index}, the one MetaMask, Hardhat and Anvil use. */
    public static DerivationPath ethereum(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("account index must be in 0..2^31-1, got " + index);
        }
        return new DerivationPath(List.of(44 | HARDENED, 60 | HARDENED, HARDENED, 0, index));
    }

    /** @throws InvalidDerivationPathException unless {@code path} is {@code m} followed by {@code /index['|h|H]}s */
    public static DerivationPath parse(String path) {
        if (path == null || !(path.equals("m") || path.startsWith("m/"))) {
            throw new InvalidDerivationPathException("a derivation path starts with \"m\", got " + quote(path));
        }
        List<Integer> children = new ArrayList<>();
        if (path.length() > 1) {
            for (String element : path.substring(2).split("/", -1)) {
                children.add(parseElement(element, path));
            }
        }
        return new DerivationPath(children);
    }

    private static int parseElement(String element, String path) {
        boolean hardened = element.endsWith("'") || element.endsWith("h") || element.endsWith("H");
        String digits = hardened ? element.substring(0, element.length() - 1) : element;
        // Digits only: Integer.parseInt would also take a sign, and leading zeros would give one child two spellings.
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new InvalidDerivationPathException(
                    "path element " + quote(element) + " of " + quote(path) + " is not an index such as 0, 44' or 7h");
        }
        long index = Long.parseLong(digits);
        if (index >= HARDENED_LIMIT) {
            throw new InvalidDerivationPathException("path element " + quote(element) + " of " + quote(path)
                    + " is out of range: an index is below 2^31 (hardening adds 2^31)");
        }
        return hardened ? (int) index | HARDENED : (int) index;
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    public static boolean isHardened(int childNumber) {
        return (childNumber & HARDENED) != 0;
    }

    /** The path in BIP-32 notation with {@code '} for hardened children. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("m");
        for (int child : childNumbers) {
            out.append('/').append(child & ~HARDENED);
            if (isHardened(child)) {
                out.append('\'');
            }
        }
        return out.toString();
    }
}
