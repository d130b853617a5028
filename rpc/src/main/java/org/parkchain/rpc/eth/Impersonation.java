package org.parkchain.rpc.eth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.primitives.Address;

/**
 * The accounts a development node sends transactions for without their keys (hardhat_impersonateAccount,
 * anvil_autoImpersonateAccount): {@link DevMethods} changes it, and eth_sendTransaction ({@link SendMethods}) asks it.
 * It is the node's memory only, as in Hardhat and Anvil: a restart forgets it (the transactions already sent keep their
 * sender, which their {@link org.parkchain.primitives.tx.ImpersonatedSender} signature carries). On a node that is not
 * a development chain nothing ever changes it, so it covers no account.
 */
public final class Impersonation {
    private final Set<Address> accounts = ConcurrentHashMap.newKeySet();
    private volatile boolean everyone;

    /** eth_sendTransaction from {@code account} is signed with an impersonation signature from now on. */
    void start(Address account) {
        accounts.add(account);
    }

    /** @return whether {@code account} was impersonated */
    boolean stop(Address account) {
        return accounts.remove(account);
    }

    /** Anvil's auto-impersonation: every account is covered while on. */
    void everyone(boolean on) {
        everyone = on;
    }

    /** The accounts impersonated one by one, in no order (eth_accounts lists them after the node's own, as Anvil). */
    java.util.List<Address> accounts() {
        return java.util.List.copyOf(accounts);
    }

    /** Whether eth_sendTransaction may send as {@code account} without its key. */
    public boolean covers(Address account) {
        return everyone || accounts.contains(account);
    }
}
