package org.parkchain.evm.precompile;

import java.util.Optional;
import org.parkchain.primitives.Address;

/** A fork's precompile set, indexed by the low byte of the address (0x01–0x0a in Cancun). */
public final class Precompiles {
    private final Precompile[] byIndex;

    private Precompiles(Precompile[] byIndex) {
        this.byIndex = byIndex;
    }

    /** Cancun: Byzantium's and Istanbul's set plus EIP-4844's point evaluation at 0x0a. */
    public static Precompiles cancun() {
        return new Precompiles(new Precompile[] {
            null,
            new EcRecover(),
            Hashes.SHA256,
            Hashes.RIPEMD160,
            Hashes.IDENTITY,
            new ModExp(),
            Bn254Precompiles.ADD,
            Bn254Precompiles.MUL,
            Bn254Precompiles.PAIRING,
            new Blake2f(),
            new PointEvaluation(),
        });
    }

    public Optional<Precompile> find(Address address) {
        int index = indexOf(address);
        return index > 0 ? Optional.of(byIndex[index]) : Optional.empty();
    }

    public boolean contains(Address address) {
        return indexOf(address) > 0;
    }

    /** The addresses of all precompiles, which EIP-2929 pre-warms at the start of every transaction. */
    public java.util.List<Address> addresses() {
        java.util.List<Address> out = new java.util.ArrayList<>();
        for (int i = 1; i < byIndex.length; i++) out.add(Address.fromLong(i));
        return out;
    }

    private int indexOf(Address address) {
        byte[] b = address.bytesUnsafe();
        int last = b[19] & 0xff;
        if (last == 0 || last >= byIndex.length) return -1;
        for (int i = 0; i < 19; i++) {
            if (b[i] != 0) return -1;
        }
        return last;
    }
}
