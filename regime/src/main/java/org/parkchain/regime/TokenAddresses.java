package org.parkchain.regime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.evm.ContractAddress;
import org.parkchain.primitives.Address;

/**
 * The addresses the token factory gives (or will give) its tokens: CREATE-style from 0x…1001 and nonces 1, 2, ….
 * The EVM asks for a native contract by address alone, before it has looked at the state; this table answers
 * "could this be a park token?" without the state, and the call itself then checks the state for whether it is one.
 * It always covers well beyond the factory's current nonce, growing as tokens are created.
 */
final class TokenAddresses {
    /** How far beyond the factory's nonce the table reaches: more tokens than one block can create. */
    static final long MARGIN = 4096;

    private final Map<Address, Long> nonces = new ConcurrentHashMap<>();
    private volatile long coveredUpTo;

    TokenAddresses() {
        coverUpTo(MARGIN);
    }

    boolean mayBeToken(Address address) {
        return nonces.containsKey(address);
    }

    /** Makes sure every address the factory gives at nonces up to {@code factoryNonce + MARGIN} is known. */
    void coverBeyond(long factoryNonce) {
        if (factoryNonce + MARGIN / 2 > coveredUpTo) {
            coverUpTo(factoryNonce + MARGIN);
        }
    }

    private synchronized void coverUpTo(long last) {
        for (long nonce = coveredUpTo + 1; nonce <= last; nonce++) {
            nonces.put(ContractAddress.forCreate(SystemAddresses.TOKEN_FACTORY, nonce), nonce);
        }
        coveredUpTo = Math.max(coveredUpTo, last);
    }
}
