package org.parkchain.evm.precompile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.precompile.bls.Bls12381Precompiles;
import org.parkchain.primitives.Address;

/**
 * A fork's precompile set. Precompiles live at small addresses (0x01–0x11 through Prague, 0x100 from Osaka), so the
 * set is an array indexed by the address's last two bytes; every other address is answered by one zero check.
 */
public final class Precompiles {
    /** Addresses up to this one may hold a precompile (EIP-7951 put P256VERIFY at 0x100). */
    private static final int HIGHEST = 0x100;

    private final Precompile[] byIndex;
    /** The names EIP-7910's {@code eth_config} gives them, in address order. */
    private final java.util.SortedMap<Integer, String> names;

    private Precompiles(Precompile[] byIndex, java.util.SortedMap<Integer, String> names) {
        this.byIndex = byIndex;
        this.names = names;
    }

    /** Cancun: Byzantium's and Istanbul's set plus EIP-4844's point evaluation at 0x0a. */
    public static Precompiles cancun() {
        return new Precompiles(new Precompile[0], new java.util.TreeMap<>())
                .with(0x01, "ECREC", new EcRecover())
                .with(0x02, "SHA256", Hashes.SHA256)
                .with(0x03, "RIPEMD160", Hashes.RIPEMD160)
                .with(0x04, "ID", Hashes.IDENTITY)
                .with(0x05, "MODEXP", ModExp.EIP2565)
                .with(0x06, "BN254_ADD", Bn254Precompiles.ADD)
                .with(0x07, "BN254_MUL", Bn254Precompiles.MUL)
                .with(0x08, "BN254_PAIRING", Bn254Precompiles.PAIRING)
                .with(0x09, "BLAKE2F", new Blake2f())
                .with(0x0a, "KZG_POINT_EVALUATION", new PointEvaluation());
    }

    /** Prague: Cancun plus EIP-2537's seven BLS12-381 operations at 0x0b–0x11. */
    public static Precompiles prague() {
        Precompiles p = cancun();
        for (Bls12381Precompiles bls : Bls12381Precompiles.values()) p = p.with(bls.address(), "BLS12_" + bls.name(), bls);
        return p;
    }

    /** Osaka: Prague with EIP-7823's input bounds and EIP-7883's price for MODEXP, plus EIP-7951's P256VERIFY. */
    public static Precompiles osaka() {
        return prague()
                .with(0x05, "MODEXP", ModExp.OSAKA)
                .with(0x100, "P256VERIFY", new P256Verify());
    }

    /** This set with {@code precompile}, called {@code name}, at {@code address} (added, or replacing the one there). */
    public Precompiles with(int address, String name, Precompile precompile) {
        if (address <= 0 || address > HIGHEST) {
            throw new IllegalArgumentException("a precompile address is 0x01..0x" + Integer.toHexString(HIGHEST));
        }
        Precompile[] copy = Arrays.copyOf(byIndex, Math.max(byIndex.length, address + 1));
        copy[address] = precompile;
        java.util.SortedMap<Integer, String> named = new java.util.TreeMap<>(names);
        named.put(address, name);
        return new Precompiles(copy, java.util.Collections.unmodifiableSortedMap(named));
    }

    /** Each precompile's name (EIP-7910's: "ECREC", "MODEXP", "P256VERIFY", …) and address, in address order. */
    public java.util.Map<String, Address> byName() {
        java.util.Map<String, Address> out = new java.util.LinkedHashMap<>();
        names.forEach((address, name) -> out.put(name, Address.fromLong(address)));
        return out;
    }

    public Optional<Precompile> find(Address address) {
        int index = indexOf(address);
        return index > 0 ? Optional.of(byIndex[index]) : Optional.empty();
    }

    public boolean contains(Address address) {
        return indexOf(address) > 0;
    }

    /** The addresses of all precompiles, which EIP-2929 pre-warms at the start of every transaction. */
    public List<Address> addresses() {
        List<Address> out = new ArrayList<>();
        for (int i = 1; i < byIndex.length; i++) {
            if (byIndex[i] != null) out.add(Address.fromLong(i));
        }
        return out;
    }

    private int indexOf(Address address) {
        byte[] b = address.bytesUnsafe();
        int index = (b[18] & 0xff) << 8 | (b[19] & 0xff);
        if (index == 0 || index >= byIndex.length || byIndex[index] == null) return -1;
        for (int i = 0; i < 18; i++) {
            if (b[i] != 0) return -1;
        }
        return index;
    }
}
