package org.parkchain.regime;

import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * A contract implemented in Java: the node runs it instead of bytecode when a call reaches its address.
 *
 * <p>The caller of this method behaves as the EVM's CALL does: it has already moved {@code value} from
 * {@code caller} to {@code self}, and it reverts its own frame when the result is not a success. The contract
 * itself also leaves the world untouched on a revert or a halt.
 */
public interface NativeContract {
    CallResult call(WorldView world, Address caller, Address self, UInt256 value, byte[] input, long gas,
                    boolean isStatic, BlockInfo block);
}
