package org.parkchain.evm;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Everything the EVM may read or change outside its own frame: accounts, storage, and the per-transaction
 * substate (access lists, transient storage, refund counter, logs, self-destructs). It is the only way out of the
 * interpreter; the {@code state} module implements it on the Merkle Patricia Trie.
 *
 * <p>All changes are journaled: {@link #snapshot()} marks a point and {@link #revertToSnapshot(int)} undoes every
 * change made after it — including warm-address and warm-slot additions, transient storage, refunds and logs, as
 * EIP-2929 and EIP-1153 require when a call frame reverts.
 *
 * <p>Reading an account that does not exist yields zero balance, zero nonce, empty code; that is not an error.
 */
public interface WorldView {
    // --- accounts -------------------------------------------------------------------------------------------

    /** Whether the account is present in the state at all (even if empty in the EIP-161 sense). */
    boolean exists(Address address);

    /** EIP-161 empty: nonce 0, balance 0, no code. True for accounts that do not exist. */
    boolean isEmpty(Address address);

    UInt256 balance(Address address);

    /** Sets the balance, creating the account if it does not exist. */
    void setBalance(Address address, UInt256 balance);

    long nonce(Address address);

    void setNonce(Address address, long nonce);

    /** The code, empty when none; callers must not modify the array. */
    byte[] code(Address address);

    /** Keccak of the code ({@link Hash#EMPTY_KECCAK} when the account has none or does not exist). */
    Hash codeHash(Address address);

    void setCode(Address address, byte[] code);

    /**
     * Starts a fresh account at {@code address} for CREATE/CREATE2 or a value transfer to a new address: nonce 0,
     * no code, no storage; the balance already there (sent before the creation) is kept.
     */
    void createAccount(Address address);

    /** Whether the account has any non-zero storage slot (a CREATE collision check, EIP-7610). */
    boolean hasStorage(Address address);

    // --- storage --------------------------------------------------------------------------------------------

    /** The current value of a storage slot (zero when unset). */
    UInt256 storage(Address address, UInt256 key);

    /** The value the slot had at the start of the current transaction (EIP-2200's "original value"). */
    UInt256 committedStorage(Address address, UInt256 key);

    void setStorage(Address address, UInt256 key, UInt256 value);

    // --- per-transaction substate -----------------------------------------------------------------------------

    /** EIP-1153 transient storage: cleared at the end of every transaction. */
    UInt256 transientStorage(Address address, UInt256 key);

    void setTransientStorage(Address address, UInt256 key, UInt256 value);

    /** EIP-2929: marks the address warm; returns whether it was warm already. */
    boolean warmAddress(Address address);

    boolean isWarm(Address address);

    /** EIP-2929: marks the slot warm; returns whether it was warm already. */
    boolean warmSlot(Address address, UInt256 key);

    /** Adds to (or, with a negative {@code delta}, takes from) the refund counter. */
    void addRefund(long delta);

    long refund();

    void addLog(Log log);

    /**
     * Records a SELFDESTRUCT: the account is deleted at the end of the transaction if it was created in the same
     * transaction (EIP-6780); the EVM moves the balance itself.
     */
    void markSelfDestructed(Address address);

    /** Whether the account was created by CREATE/CREATE2 (or a creation transaction) in the current transaction. */
    boolean createdInThisTransaction(Address address);

    // --- journal --------------------------------------------------------------------------------------------

    /** Marks the current point of the journal; the returned id is valid until reverted past. */
    int snapshot();

    /** Undoes every change made since {@code snapshot} was taken. */
    void revertToSnapshot(int snapshot);
}
