package org.parkchain.primitives.tx;

/** The EIP-2718 envelope types. Legacy transactions have no type byte on the wire; 0 stands for them here. */
public enum TransactionType {
    LEGACY(0),
    ACCESS_LIST(1),
    DYNAMIC_FEE(2),
    /** EIP-4844: recognised so that it can be refused with a clear reason; Parkchain carries no blobs. */
    BLOB(3),
    /** EIP-7702 (Prague): a dynamic-fee call that also sets delegations through signed authorizations. */
    SET_CODE(4);

    private final int id;

    TransactionType(int id) {
        this.id = id;
    }

    /** The type byte of the envelope (0 for legacy). */
    public int id() {
        return id;
    }
}
