package org.parkchain.chain;

import org.parkchain.evm.BlockContext;
import org.parkchain.evm.Evm;
import org.parkchain.evm.Message;
import org.parkchain.evm.TxContext;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.WorldState;

/**
 * EIP-2935: from Prague on, every block starts with a system call that stores its parent's hash in a ring of 8,191
 * slots of the history contract, where any contract can read it (BLOCKHASH still answers the last 256 itself). The
 * contract's code and address are the EIP's. A genesis already in Prague holds it (as geth's dev genesis does); a
 * chain that reaches Prague later gets it at its first Prague block, installed just before the first system call
 * (Ethereum deployed it with an ordinary transaction; a park network upgrading at an agreed time has no one to send
 * it, and installing it at the fork keeps the genesis block, and so the chain's identity, unchanged).
 */
public final class HistoryStorage {
    /** Where the EIP deploys the contract. */
    public static final Address ADDRESS = Address.of(Hex.decode("0x0000f90827f1c53a10cb7a02335b175320002935"));
    /** The caller of system calls (EIP-4788, EIP-2935): an address nobody holds a key for. */
    public static final Address SYSTEM_ADDRESS = Address.of(Hex.decode("0xfffffffffffffffffffffffffffffffffffffffe"));
    /** The contract's runtime code, from the EIP: the system address writes, anyone else reads by block number. */
    public static final byte[] CODE = Hex.decode("0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35"
            + "600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500");
    /** The gas a system call may use; it is not charged to the block. */
    private static final long SYSTEM_CALL_GAS = 30_000_000;

    private HistoryStorage() {}

    /**
     * Stores {@code parentHash} through the system call (installing the contract first if the chain has none yet),
     * then ends it as a transaction ends (EIP-161 cleanup).
     */
    static void storeParentHash(Evm evm, WorldState state, BlockContext block, Hash parentHash) {
        if (state.code(ADDRESS).length == 0) {
            state.setNonce(ADDRESS, 1);
            state.setCode(ADDRESS, CODE);
        }
        state.warmAddress(ADDRESS);
        evm.execute(Message.call(SYSTEM_ADDRESS, ADDRESS, UInt256.ZERO, parentHash.toArray(), SYSTEM_CALL_GAS), state,
                block, new TxContext(SYSTEM_ADDRESS, UInt256.ZERO));
        state.endTransaction();
    }
}
