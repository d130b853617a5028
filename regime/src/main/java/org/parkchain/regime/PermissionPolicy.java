package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.abi.AbiFunction;

/**
 * Who may send which transaction, decided from the registry's state alone (a pure function, used by the pool at
 * admission and again by block execution).
 *
 * <ul>
 *   <li>{@link Mode#VERIFIED}: only verified accounts (IParkRegistry.isVerified) may send transactions, except that
 *       anyone may call {@code applyForResidency} on the registry; only board members and active residents'
 *       accounts may deploy contracts; blocked addresses can neither send nor receive value.
 *   <li>{@link Mode#OPEN}: anyone may transact; the park-token rules and board-only functions still hold, because
 *       the system contracts enforce them themselves.
 * </ul>
 */
public final class PermissionPolicy {
    /** The {@code --permissioning} setting. */
    public enum Mode {
        OPEN, VERIFIED;

        /** Parses the command-line spelling, {@code open} or {@code verified}. */
        public static Mode parse(String text) {
            return switch (text) {
                case "open" -> OPEN;
                case "verified" -> VERIFIED;
                default -> throw new IllegalArgumentException("permissioning must be open or verified, got '" + text + "'");
            };
        }
    }

    private static final int APPLY_FOR_RESIDENCY = SystemContract.selector("applyForResidency(string,bytes32,bytes32)");
    /** What board members send to decide: the policy never stands between the board and its proposals. */
    private static final java.util.Set<Integer> BOARD_DECISIONS = java.util.Set.of(
            SystemContract.selector("propose(address,bytes)"), SystemContract.selector("approve(uint256)"));

    private final Mode mode;

    public PermissionPolicy(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Decides whether {@code tx} may be sent, reading the registry through {@code registry} at a block whose
     * timestamp is {@code now} (client identifications expire).
     */
    public Permission check(RegistryView registry, TransactionIntent tx, long now) {
        if (mode == Mode.OPEN) {
            return Permission.ALLOWED;
        }
        Address sender = tx.sender();
        if (isBoardDecision(registry, tx)) {
            // Otherwise a board that blocked (or let lapse) one of its members could lock itself out, the proposal to
            // undo it included; the registry itself checks that the sender is a member and the call is well formed.
            return Permission.ALLOWED;
        }
        if (registry.isBlocked(sender)) {
            return refuse("sender " + sender + " is blocked");
        }
        if (!tx.value().isZero() && tx.to().isPresent() && registry.isBlocked(tx.to().get())) {
            return refuse("recipient " + tx.to().get() + " is blocked and cannot receive value");
        }
        if (isApplicationForResidency(tx)) {
            return Permission.ALLOWED;
        }
        if (!registry.isVerified(sender, now)) {
            return refuse("sender " + sender + " is not verified; only verified accounts may transact"
                    + " (anyone may call applyForResidency)");
        }
        if (tx.isCreation() && !mayDeploy(registry, sender)) {
            return refuse("only board members and active residents' accounts may deploy contracts");
        }
        return Permission.ALLOWED;
    }

    /** Whether {@code account} may deploy contracts under verified permissioning: a board member or an active resident's. */
    public static boolean mayDeploy(RegistryView registry, Address account) {
        return registry.isBoardMember(account) || !registry.activeResidentOf(account).equals(Address.ZERO);
    }

    /** A board member's proposal or approval (which executes a proposal at the threshold), without value. */
    private static boolean isBoardDecision(RegistryView registry, TransactionIntent tx) {
        byte[] data = tx.data();
        return tx.to().filter(SystemAddresses.REGISTRY::equals).isPresent() && tx.value().isZero()
                && data.length >= 4 && BOARD_DECISIONS.contains(AbiFunction.selectorOf(data))
                && registry.isBoardMember(tx.sender());
    }

    private static boolean isApplicationForResidency(TransactionIntent tx) {
        byte[] data = tx.data();
        return tx.to().filter(SystemAddresses.REGISTRY::equals).isPresent()
                && data.length >= 4
                && AbiFunction.selectorOf(data) == APPLY_FOR_RESIDENCY;
    }

    private static Permission refuse(String reason) {
        return new Permission.Refused("permissioning: " + reason);
    }
}
