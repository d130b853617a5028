package org.parkchain.regime;

import java.util.Optional;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.HaltReason;
import org.parkchain.evm.Message;
import org.parkchain.evm.MessageRules;
import org.parkchain.evm.NativeContract;
import org.parkchain.evm.NativeContracts;
import org.parkchain.evm.TxContext;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/**
 * The park's native contracts as the chain sees them: which addresses run Java instead of bytecode (the registry,
 * the token factory, the offerings, the exchange and every park token), and the call that runs them. Give it to the EVM as its
 * {@link NativeContracts}: {@code new Evm(fork, systemContracts)}. Stateless apart from a table of
 * derivable token addresses: all state is in the world passed to each call, so one instance serves every block.
 */
public final class SystemContracts implements NativeContracts, MessageRules {
    /** The reason the marker code reverts with, were it ever run as bytecode. */
    public static final String MARKER_REASON = "park: native system contract";

    /**
     * What {@code eth_getCode} shows at a system contract or park token. Tools that look for code see a contract; the
     * chain runs Java there and never this code, but a copy of it (a Hardhat fork of a Parkchain chain, a contract
     * cloned elsewhere) explains itself: it reverts with {@code Error("park: native system contract")}. It is
     * {@code PUSH1 0x64 PUSH1 0x0a PUSH0 CODECOPY PUSH1 0x64 PUSH0 REVERT} (10 bytes: copy the 100 bytes after
     * it to memory and revert with them), followed by the ABI encoding of the error.
     */
    public static final byte[] MARKER_CODE = markerCode();

    private static byte[] markerCode() {
        byte[] error = SystemContract.errorData(MARKER_REASON);
        byte[] prefix = Hex.decode("0x6064600a5f3960645ffd");
        if (error.length != 0x64 || prefix.length != 0x0a) {
            throw new AssertionError("the marker code's lengths are written into it"); // 4 + 3 words; 10 bytes
        }
        byte[] code = new byte[prefix.length + error.length];
        System.arraycopy(prefix, 0, code, 0, prefix.length);
        System.arraycopy(error, 0, code, prefix.length, error.length);
        return code;
    }

    private final ParkRegistry registry = new ParkRegistry();
    private final TokenFactory factory = new TokenFactory();
    private final ParkToken token = new ParkToken();
    private final Offerings offerings = new Offerings(token);
    private final Exchange exchange = new Exchange(token);
    private final TokenAddresses tokenAddresses = new TokenAddresses();
    private final NativeContract evmEntry = this::callFromEvm;
    private final PermissionPolicy.Mode permissioning;

    /** The park's contracts with the rules of {@code open} permissioning: nothing beyond the contracts' own checks. */
    public SystemContracts() {
        this(PermissionPolicy.Mode.OPEN);
    }

    /**
     * The park's contracts; with {@link PermissionPolicy.Mode#VERIFIED} they also bring the permission rules that
     * hold at every call depth (see {@link #refusal}).
     */
    public SystemContracts(PermissionPolicy.Mode permissioning) {
        this.permissioning = permissioning;
    }

    /**
     * Verified permissioning at every depth, not only for the transaction: no message may move native coin to a
     * blocked address (a CALL or CALLCODE with value, a CREATE/CREATE2 endowment), and no contract may be created,
     * at any depth, in a transaction whose origin may not deploy (board members and active residents' accounts).
     */
    @Override
    public Optional<byte[]> refusal(WorldView world, Address origin, Message message, UInt256 valueMoved) {
        if (permissioning != PermissionPolicy.Mode.VERIFIED) {
            return Optional.empty();
        }
        RegistryView registry = RegistryView.of(world);
        if (!valueMoved.isZero() && registry.isBlocked(message.recipient())) {
            return Optional.of(SystemContract.errorData("permissioning: recipient " + message.recipient()
                    + " is blocked and cannot receive value"));
        }
        if (message.isCreate() && !PermissionPolicy.mayDeploy(registry, origin)) {
            return Optional.of(SystemContract.errorData("permissioning: only board members and active residents' "
                    + "accounts may deploy contracts, at any depth (transaction origin " + origin + ")"));
        }
        return Optional.empty();
    }

    /** SELFDESTRUCT may not hand a balance to a blocked address under verified permissioning. */
    @Override
    public boolean allowsPayout(WorldView world, Address origin, Address beneficiary, UInt256 balance) {
        return permissioning != PermissionPolicy.Mode.VERIFIED || !RegistryView.of(world).isBlocked(beneficiary);
    }

    /**
     * The EVM's hook: the native contract that may be at {@code address}. For an address the factory can give a
     * token but has not (yet, in the state the call runs on), the call behaves as one to an account without code.
     */
    @Override
    public Optional<NativeContract> find(Address address) {
        if (isFixed(address) || tokenAddresses.mayBeToken(address)) {
            return Optional.of(evmEntry);
        }
        return Optional.empty();
    }

    /** The native contract at {@code address} in {@code world}, if there is one. */
    public Optional<NativeContract> at(WorldView world, Address address) {
        return resolve(world, address).map(contract -> evmEntry);
    }

    /** Whether {@code address} is a system contract or a park token in {@code world}. */
    public boolean isSystemContract(WorldView world, Address address) {
        return resolve(world, address).isPresent();
    }

    /**
     * Makes sure {@link #find} knows every park token of {@code world}; call it with the head state at start-up
     * (tokens created later are learnt as they are created).
     */
    public void recogniseTokens(WorldView world) {
        tokenAddresses.coverBeyond(world.nonce(SystemAddresses.TOKEN_FACTORY));
    }

    private static boolean isFixed(Address address) {
        return address.equals(SystemAddresses.REGISTRY) || address.equals(SystemAddresses.TOKEN_FACTORY)
                || address.equals(SystemAddresses.OFFERINGS) || address.equals(SystemAddresses.EXCHANGE);
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
        if (address.equals(SystemAddresses.EXCHANGE)) {
            return Optional.of(exchange);
        }
        return TokenFactory.isToken(world, address) ? Optional.of(token) : Optional.empty();
    }

    private ExecutionResult callFromEvm(Message m, WorldView world, BlockContext block, TxContext tx) {
        if (!m.codeAddress().equals(m.recipient())) {
            // DELEGATECALL/CALLCODE would run the park's rules on another contract's storage.
            byte[] data = SystemContract.errorData("regime: a system contract cannot be run by DELEGATECALL or CALLCODE");
            return ExecutionResult.revert(m.gas(), data);
        }
        if (!isSystemContract(world, m.recipient())) {
            return ExecutionResult.success(m.gas(), new byte[0]);
        }
        return call(world, m.sender(), m.recipient(), m.value(), m.data(), m.gas(), m.isStatic(), block);
    }

    /**
     * Runs a call to the system contract at {@code self}, as the EVM runs a CALL (or STATICCALL when
     * {@code isStatic}) to a contract: {@code value} has already been moved to {@code self} by the caller.
     * Never throws for any input: bad call data, a refusal of the park's rules or a missing contract come back as
     * a revert with {@code Error(string)} data (the unused gas left); running out of gas or writing in a static call
     * as a halt, which uses all gas. On either, every change the call made is undone. Of the block the contracts
     * read only its number and timestamp.
     */
    public ExecutionResult call(WorldView world, Address caller, Address self, UInt256 value, byte[] input, long gas,
                                boolean isStatic, BlockContext block) {
        GasMeter meter = new GasMeter(gas);
        int snapshot = world.snapshot();
        try {
            Frame frame = new Frame(world, caller, self, value, isStatic, block, meter, this);
            byte[] output = dispatch(frame, input);
            tokenAddresses.coverBeyond(world.nonce(SystemAddresses.TOKEN_FACTORY));
            return ExecutionResult.success(meter.limit() - meter.used(), output);
        } catch (Revert r) {
            world.revertToSnapshot(snapshot);
            return ExecutionResult.revert(meter.limit() - meter.used(), SystemContract.errorData(r.reason()));
        } catch (Halt h) {
            world.revertToSnapshot(snapshot);
            return ExecutionResult.halt(h.reason);
        } catch (RuntimeException bug) {
            // A defect must not take the node down or leave half a change behind; it fails the call like a halt,
            // with a detail that makes the defect visible in traces and tests.
            world.revertToSnapshot(snapshot);
            return ExecutionResult.halt(HaltReason.NATIVE_CONTRACT_FAILURE, "internal error in system contract: " + bug);
        }
    }

    /** Runs {@code input} against the contract at {@code frame.self}; internal calls come through here too. */
    byte[] dispatch(Frame frame, byte[] input) {
        SystemContract contract = resolve(frame.world, frame.self)
                .orElseThrow(() -> new Revert("regime: no system contract or park token at " + frame.self));
        return contract.dispatch(frame, input);
    }
}
