package org.parkchain.regime;

import java.util.LinkedHashSet;
import java.util.List;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * The regime's state at block 0: the first board, its threshold, the treasury and the levy rate. {@link #install}
 * writes it, with the marker code of the system contracts, into the genesis world state.
 */
public record RegimeGenesis(List<Address> board, int threshold, Address treasury, long levyRateBps) {
    public static final long DEFAULT_LEVY_BPS = 100;

    public RegimeGenesis {
        board = List.copyOf(board);
        if (board.isEmpty()) {
            throw new IllegalArgumentException("the regime needs at least one board member");
        }
        if (new LinkedHashSet<>(board).size() != board.size()) {
            throw new IllegalArgumentException("board members must be distinct");
        }
        for (Address member : board) {
            if (member.equals(Address.ZERO) || SystemAddresses.isReserved(member)) {
                throw new IllegalArgumentException("board member " + member + " is not a person's account");
            }
        }
        if (threshold < 1 || threshold > board.size()) {
            throw new IllegalArgumentException("threshold must be between 1 and " + board.size() + ", got " + threshold);
        }
        if (treasury.equals(Address.ZERO) || SystemAddresses.isReserved(treasury)) {
            throw new IllegalArgumentException("treasury must be an account, got " + treasury);
        }
        if (levyRateBps < 0 || levyRateBps > Levy.FULL_BPS) {
            throw new IllegalArgumentException("levy rate must be 0..10000 bps, got " + levyRateBps);
        }
    }

    /** The default levy of 1%. */
    public RegimeGenesis(List<Address> board, int threshold, Address treasury) {
        this(board, threshold, treasury, DEFAULT_LEVY_BPS);
    }

    /** Writes the regime's genesis state into {@code world}, which should be otherwise empty at these addresses. */
    public void install(WorldView world) {
        for (Address system : List.of(SystemAddresses.REGISTRY, SystemAddresses.TOKEN_FACTORY, SystemAddresses.OFFERINGS,
                SystemAddresses.EXCHANGE)) {
            world.createAccount(system);
            // Nonce 1, as EIP-161 gives a created contract; the factory's nonce counts the tokens it creates.
            world.setNonce(system, 1);
            world.setCode(system, SystemContracts.MARKER_CODE);
        }
        Address r = SystemAddresses.REGISTRY;
        world.setStorage(r, RegistryLayout.THRESHOLD, UInt256.of(threshold));
        world.setStorage(r, RegistryLayout.BOARD, UInt256.of(board.size()));
        UInt256 data = Slots.data(RegistryLayout.BOARD);
        for (int i = 0; i < board.size(); i++) {
            world.setStorage(r, Slots.field(data, i), UInt256.fromBytes(board.get(i).toWord()));
            world.setStorage(r, Slots.mapping(RegistryLayout.BOARD_INDEX, board.get(i)), UInt256.of(i + 1));
        }
        world.setStorage(r, RegistryLayout.TREASURY, UInt256.fromBytes(treasury.toWord()));
        world.setStorage(r, RegistryLayout.LEVY_RATE_BPS, UInt256.of(levyRateBps));
    }
}
