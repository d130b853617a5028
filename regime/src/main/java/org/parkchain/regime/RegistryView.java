package org.parkchain.regime;

import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * The park's rules as they read the registry's state: who is on the board, blocked, a resident's account, a
 * verified client. Pure reads through a {@link SlotReader}, so the same rules serve the registry itself (reads
 * charged as SLOADs), the other system contracts (charged as rule reads) and the permission policy (free reads of
 * a state the pool looks at).
 */
public final class RegistryView {
    /** Reads one storage slot of the registry at 0x…1000. */
    @FunctionalInterface
    public interface SlotReader {
        UInt256 read(UInt256 slot);
    }

    private final SlotReader reader;

    public RegistryView(SlotReader reader) {
        this.reader = reader;
    }

    /** A free, read-only view of the registry in {@code world} (for the permission policy and tools). */
    public static RegistryView of(WorldView world) {
        return new RegistryView(slot -> world.storage(SystemAddresses.REGISTRY, slot));
    }

    private Address address(UInt256 slot) {
        return Address.fromWord(reader.read(slot).toBytes32());
    }

    public boolean isBoardMember(Address account) {
        return !reader.read(Slots.mapping(RegistryLayout.BOARD_INDEX, account)).isZero();
    }

    public long threshold() {
        return reader.read(RegistryLayout.THRESHOLD).u0;
    }

    public boolean isBlocked(Address account) {
        return !reader.read(Slots.mapping(RegistryLayout.BLOCKED, account)).isZero();
    }

    /** The primary account of the resident {@code account} acts for, or {@link Address#ZERO}. */
    public Address residentOf(Address account) {
        return address(Slots.mapping(RegistryLayout.RESIDENT_OF, account));
    }

    public ResidentStatus status(Address primary) {
        return ResidentStatus.of(reader.read(RegistryLayout.resident(primary, RegistryLayout.R_STATUS)).u0);
    }

    public long roles(Address primary) {
        return reader.read(RegistryLayout.resident(primary, RegistryLayout.R_ROLES)).u0;
    }

    /** The active resident {@code account} acts for, or {@link Address#ZERO} when none or not active. */
    public Address activeResidentOf(Address account) {
        Address primary = residentOf(account);
        if (primary.equals(Address.ZERO) || status(primary) != ResidentStatus.RESIDENT) {
            return Address.ZERO;
        }
        return primary;
    }

    /** Whether {@code account} acts for an active resident having every bit of {@code role} (0 is no role). */
    public boolean hasRole(Address account, long role) {
        Address primary = activeResidentOf(account);
        return role != 0 && !primary.equals(Address.ZERO) && (roles(primary) & role) == role;
    }

    /** Whether {@code account} acts for an active resident having at least one bit of {@code roles}. */
    public boolean hasAnyRole(Address account, long roles) {
        Address primary = activeResidentOf(account);
        return !primary.equals(Address.ZERO) && (roles(primary) & roles) != 0;
    }

    public ClientCategory clientCategory(Address account) {
        return ClientCategory.of(reader.read(RegistryLayout.client(account, RegistryLayout.C_CATEGORY)).u0);
    }

    /** The resident (primary account) that identified client {@code account}, or {@link Address#ZERO}. */
    public Address clientVerifiedBy(Address account) {
        return address(RegistryLayout.client(account, RegistryLayout.C_VERIFIED_BY));
    }

    /** A client whose identification has not expired at {@code now} (unix seconds). */
    public boolean isCurrentClient(Address account, long now) {
        if (clientCategory(account) == ClientCategory.NONE) {
            return false;
        }
        long expiresAt = reader.read(RegistryLayout.client(account, RegistryLayout.C_EXPIRES_AT)).u0;
        return expiresAt == 0 || Long.compareUnsigned(now, expiresAt) < 0;
    }

    /**
     * IParkRegistry.isVerified: board members, accounts of active residents, clients whose identification has not
     * expired; never a blocked address. Ordered so the common case (an investor) reads the fewest slots.
     */
    public boolean isVerified(Address account, long now) {
        if (isBlocked(account)) {
            return false;
        }
        return isBoardMember(account) || isCurrentClient(account, now)
                || !activeResidentOf(account).equals(Address.ZERO);
    }

    public Address treasury() {
        return address(RegistryLayout.TREASURY);
    }

    public long levyRateBps() {
        return reader.read(RegistryLayout.LEVY_RATE_BPS).u0;
    }
}
