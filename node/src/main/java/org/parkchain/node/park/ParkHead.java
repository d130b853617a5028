package org.parkchain.node.park;

import java.util.HashMap;
import java.util.Map;
import org.parkchain.chain.BlockHeader;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.SystemAddresses;
import org.parkchain.regime.SystemContracts;
import org.parkchain.state.WorldState;

/**
 * The head block's state as the park's views read it, for one request: view calls into the system contracts and
 * park tokens, and resident names (cached, since a table names the same residents row after row). Each view family
 * extends it with the reads of its own contract.
 */
class ParkHead {
    private static final long VIEW_GAS = 50_000_000L;
    private static final String RESIDENT = "((uint8,uint256,string,bytes32,bytes32,uint64,uint64))";

    private final SystemContracts contracts;
    final BlockHeader header;
    final WorldState state;
    private final Map<Address, String> names = new HashMap<>();

    ParkHead(SystemContracts contracts, BlockHeader header, WorldState state) {
        this.contracts = contracts;
        this.header = header;
        this.state = state;
    }

    /** The head as the view calls see it (the system contracts read its number and timestamp). */
    private BlockContext block() {
        return new BlockContext(header.coinbase(), header.number(), header.timestamp(), header.gasLimit(), header.mixHash(),
                header.baseFeePerGas(), UInt256.ZERO, UInt256.ZERO, n -> Hash.ZERO);
    }

    long number() {
        return header.number();
    }

    /** Runs the view function {@code signature} of {@code to} and decodes its {@code outputs}. */
    Tuple call(Address to, String outputs, String signature, Object... args) {
        ExecutionResult result = contracts.call(state, Address.ZERO, to, UInt256.ZERO, ParkAbi.call(signature, args),
                VIEW_GAS, true, block());
        if (!result.isSuccess()) {
            throw new IllegalStateException(signature + " at " + to + " failed: " + result.failureMessage());
        }
        return ParkAbi.decode(outputs, result.output());
    }

    /** The name of the resident {@code account} acts for, or "" when it acts for none. */
    String residentName(Address account) {
        return names.computeIfAbsent(account, a -> {
            Address primary = call(SystemAddresses.REGISTRY, "(address)", "residentOf(address)", a).address(0);
            return primary.equals(Address.ZERO) ? ""
                    : call(SystemAddresses.REGISTRY, RESIDENT, "getResident(address)", primary).tuple(0).string(2);
        });
    }
}
