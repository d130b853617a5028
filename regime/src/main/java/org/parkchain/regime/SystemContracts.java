package org.parkchain.regime;

import java.util.Optional;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/**
 * The park's native contracts as the chain sees them: which addresses run Java instead of bytecode (the registry,
 * the token factory, the offerings and every park token), and the call that runs them. Stateless: all state is
 * in the world passed to each call, so one instance serves every block and thread.
 */
public final class SystemContracts {
    /**
     * What {@code eth_getCode} shows at a system contract or park token: PUSH0 PUSH0 REVERT, then "park". Tools
     * that look for code see a contract; were it ever run as bytecode, it would revert at once.
     */
    public static final byte[] MARKER_CODE = Hex.decode("0x5f5ffd7061726b");

    private final ParkRegistry registry = new ParkRegistry();
    private final TokenFactory factory = new TokenFactory();
    private final ParkToken token = new ParkToken();
    private final Offerings offerings = new Offerings(token);

    /** The native contract at {@code address} in {@code world}, if there is one. */
    public Optional<NativeContract> at(WorldView world, Address address) {
        return resolve(world, address).map(contract -> this::call);
    }

    public boolean isSystemContract(WorldView world, Address address) {
        return resolve(world, address).isPresent();
    }

    private Optional<SystemContract> resolve(WorldView world, Address address) {
        if (address.equals(SystemAddresses.REGISTRY)) {
            return Optional.of(registry);
        }
        if (address.equals(SystemAddresses.TOKEN_FACTORY)) {
            return Optional.of(factory);
        }
        if (address.equals(SystemAddresses.OFFERINGS)) {
            return Optional.of(offerings);
        }
        return TokenFactory.isToken(world, address) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Runs a call to the system contract at {@code self}, as the EVM runs a CALL (or STATICCALL when
     * {@code isStatic}) to a contract: {@code value} has already been moved to {@code self} by the caller.
     * Never throws for any input: bad call data, a refusal of the park's rules or a missing contract come back as
     * {@link CallResult.Reverted} with {@code Error(string)} data; running out of gas or writing in a static call
     * as {@link CallResult.Halted}. On either, every change the call made is undone.
     */
    public CallResult call(WorldView world, Address caller, Address self, UInt256 value, byte[] input, long gas,
                           boolean isStatic, BlockInfo block) {
        GasMeter meter = new GasMeter(gas);
        int snapshot = world.snapshot();
        try {
            Frame frame = new Frame(world, caller, self, value, isStatic, block, meter, this);
            byte[] output = dispatch(frame, input);
            return new CallResult.Success(output, meter.used());
        } catch (Revert r) {
            world.revertToSnapshot(snapshot);
            return new CallResult.Reverted(r.reason(), SystemContract.errorData(r.reason()), meter.used());
        } catch (Halt h) {
            world.revertToSnapshot(snapshot);
            return new CallResult.Halted(h.getMessage(), meter.limit());
        } catch (RuntimeException bug) {
            // A defect must not take the node down or leave half a change behind; it fails the call like a halt,
            // with a reason that makes the defect visible in traces and tests.
            world.revertToSnapshot(snapshot);
            return new CallResult.Halted("internal error in system contract: " + bug, meter.limit());
        }
    }

    /** Runs {@code input} against the contract at {@code frame.self}; internal calls come through here too. */
    byte[] dispatch(Frame frame, byte[] input) {
        SystemContract contract = resolve(frame.world, frame.self)
                .orElseThrow(() -> new Revert("regime: no system contract or park token at " + frame.self));
        return contract.dispatch(frame, input);
    }
}
