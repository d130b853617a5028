package org.parkchain.primitives.tx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.PublicKey;
import org.parkchain.primitives.crypto.Secp256k1;
import org.parkchain.primitives.crypto.Signature;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/**
 * A signed Ethereum transaction, immutable: legacy (with or without EIP-155 replay protection), EIP-2930 access
 * list (type 1), EIP-1559 dynamic fee (type 2) or EIP-7702 set code (type 4, whose authorizations each carry a
 * signature of their own: {@link Authorization}). {@link #decode(byte[])} reads the network encoding (the EIP-2718
 * envelope, as {@code eth_sendRawTransaction} receives it) strictly; {@link #builder(TransactionType)} makes and
 * signs new ones. EIP-4844 blob transactions are recognised and refused: Parkchain carries no blobs.
 *
 * <p>Fee fields follow EIP-1559's vocabulary for every type: a legacy or EIP-2930 transaction's gas price is both
 * its {@link #maxFeePerGas()} and its {@link #maxPriorityFeePerGas()}, so execution needs one code path.
 *
 * <p>The sender is recovered on first use of {@link #sender()} and kept; concurrent callers may both recover it
 * (the result is the same), none ever sees a half-made value. Decoding does not recover, so a pool can decode on
 * the request thread and recover in parallel.
 */
public final class Transaction implements TransactionFields {
    /**
     * The largest network encoding {@link #decode(byte[])} accepts: 128 KiB, as geth's pool, comfortably above the
     * largest legal contract creation (EIP-3860's 49,152 bytes of init code).
     */
    public static final int MAX_ENCODED_SIZE = 128 * 1024;
    /** EIP-3860: the most init code a contract-creating transaction may carry. */
    public static final int MAX_INIT_CODE_SIZE = 49_152;
    /** The refusal message for EIP-4844 transactions. */
    public static final String BLOB_NOT_SUPPORTED = "blob transactions (EIP-4844) are not supported: Parkchain carries no blobs";

    private static final UInt256 V_27 = UInt256.of(27);
    private static final UInt256 V_35 = UInt256.of(35);

    private final TransactionType type;
    private final UInt256 chainId; // null: a legacy transaction without EIP-155 replay protection
    private final long nonce;
    private final UInt256 maxPriorityFeePerGas;
    private final UInt256 maxFeePerGas;
    private final long gasLimit;
    private final Address to; // null: contract creation
    private final UInt256 value;
    private final byte[] data;
    private final List<AccessListEntry> accessList;
    private final List<Authorization> authorizationList;
    private final Signature signature;
    private final byte[] encoded;

    private volatile Hash hash;
    private volatile Address sender;

    private Transaction(Builder b, Signature signature, byte[] encoded) {
        this.type = b.type;
        this.chainId = b.chainId;
        this.nonce = b.nonce;
        this.maxPriorityFeePerGas = b.maxPriorityFeePerGas;
        this.maxFeePerGas = b.maxFeePerGas;
        this.gasLimit = b.gasLimit;
        this.to = b.to;
        this.value = b.value;
        this.data = b.data;
        this.accessList = b.accessList;
        this.authorizationList = b.authorizationList;
        this.signature = signature;
        this.encoded = encoded != null ? encoded : encodeFields(true);
    }

    // ---------------------------------------------------------------------------------------------------- decoding

    /** Decodes a network encoding of at most {@link #MAX_ENCODED_SIZE} bytes. */
    public static Transaction decode(byte[] bytes) {
        return decode(bytes, MAX_ENCODED_SIZE);
    }

    /**
     * Decodes the network encoding: an RLP list (legacy) or a type byte followed by an RLP list (EIP-2718). Only
     * canonical RLP with exactly the fields of the type is accepted; the signature must have 0 < r < n and
     * 0 < s <= n/2 (EIP-2). The sender is not recovered yet.
     *
     * @param maxSize the largest encoding accepted, in bytes
     * @throws InvalidTransactionException with {@link Reason#TOO_LARGE}, {@link Reason#MALFORMED},
     *     {@link Reason#TYPE_NOT_SUPPORTED} or {@link Reason#INVALID_SIGNATURE}
     */
    public static Transaction decode(byte[] bytes, int maxSize) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "transaction is empty (0 bytes)");
        }
        if (bytes.length > maxSize) {
            throw new InvalidTransactionException(InvalidTransaction.OVERSIZED,
                    "transaction is " + bytes.length + " bytes, above the limit of " + maxSize);
        }
        byte[] copy = bytes.clone(); // the caller may reuse its buffer; we keep the encoding
        int first = copy[0] & 0xff;
        if (first >= 0xc0) {
            return decodeLegacy(copy);
        }
        if (first >= 0x80) {
            throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "a transaction is an RLP list or a type byte "
                    + "below 0x80 followed by one; found an RLP string (first byte 0x" + Integer.toHexString(first) + ")");
        }
        return switch (first) {
            case 1 -> decodeTyped(copy, TransactionType.ACCESS_LIST);
            case 2 -> decodeTyped(copy, TransactionType.DYNAMIC_FEE);
            case 3 -> refuseBlob(copy);
            case 4 -> decodeTyped(copy, TransactionType.SET_CODE);
            default -> throw new InvalidTransactionException(InvalidTransaction.TYPE_NOT_SUPPORTED, "transaction type 0x"
                    + String.format("%02x", first) + " is not supported (legacy, 0x01 EIP-2930, 0x02 EIP-1559 and "
                    + "0x04 EIP-7702 are)");
        };
    }

    private static Transaction decodeLegacy(byte[] bytes) {
        Fields f = Fields.open(bytes, 0, TransactionType.LEGACY);
        f.requireCount(9, "nonce, gasPrice, gasLimit, to, value, data, v, r, s");
        Builder b = new Builder(TransactionType.LEGACY);
        b.nonce = f.u64("nonce");
        b.maxFeePerGas = b.maxPriorityFeePerGas = f.u256("gasPrice");
        b.gasLimit = f.u64("gasLimit");
        b.to = f.to();
        b.value = f.u256("value");
        b.data = f.bytes("data");
        UInt256 v = f.u256("v");
        UInt256 r = f.u256("r");
        UInt256 s = f.u256("s");
        f.end();
        int recId;
        if (v.equals(V_27) || v.equals(UInt256.of(28))) {
            recId = (int) (v.u0 - 27);
        } else if (v.compareTo(V_35) >= 0) {
            UInt256 offset = v.sub(V_35); // chainId * 2 + recId (EIP-155)
            recId = (int) (offset.u0 & 1);
            b.chainId = offset.shr(1);
        } else {
            throw new InvalidTransactionException(InvalidTransaction.INVALID_SENDER,
                    "legacy transaction v must be 27, 28 or chainId * 2 + 35 or 36 (EIP-155), got " + v.toBigInteger());
        }
        return new Transaction(b, signature(recId, r, s), bytes);
    }

    private static Transaction decodeTyped(byte[] bytes, TransactionType type) {
        Fields f = Fields.open(bytes, 1, type);
        boolean dynamicFee = type != TransactionType.ACCESS_LIST;
        boolean setCode = type == TransactionType.SET_CODE;
        if (setCode) {
            f.requireCount(13, "chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, destination, value, data, "
                    + "accessList, authorizationList, yParity, r, s");
        } else if (dynamicFee) {
            f.requireCount(12, "chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, "
                    + "accessList, yParity, r, s");
        } else {
            f.requireCount(11, "chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, yParity, r, s");
        }
        Builder b = new Builder(type);
        b.chainId = f.u256("chainId");
        b.nonce = f.u64("nonce");
        if (dynamicFee) {
            b.maxPriorityFeePerGas = f.u256("maxPriorityFeePerGas");
            b.maxFeePerGas = f.u256("maxFeePerGas");
        } else {
            b.maxFeePerGas = b.maxPriorityFeePerGas = f.u256("gasPrice");
        }
        b.gasLimit = f.u64("gasLimit");
        b.to = f.to();
        if (setCode && b.to == null) {
            throw new InvalidTransactionException(InvalidTransaction.MALFORMED,
                    "malformed EIP-7702 transaction: destination must be a 20-byte address (a set-code transaction cannot create a contract)");
        }
        b.value = f.u256("value");
        b.data = f.bytes("data");
        b.accessList = f.accessList();
        if (setCode) {
            b.authorizationList = f.authorizationList();
        }
        long yParity = f.u64("yParity");
        UInt256 r = f.u256("r");
        UInt256 s = f.u256("s");
        f.end();
        if (yParity != 0 && yParity != 1) {
            throw new InvalidTransactionException(InvalidTransaction.INVALID_SENDER,
                    describe(type) + " yParity must be 0 or 1, got " + Long.toUnsignedString(yParity));
        }
        return new Transaction(b, signature((int) yParity, r, s), bytes);
    }

    /** Checks that a type-3 envelope is well-formed RLP of the right shape, then refuses it. */
    private static Transaction refuseBlob(byte[] bytes) {
        Fields f = Fields.open(bytes, 1, TransactionType.BLOB);
        int count = f.count();
        // The pooled form wraps the 14-field body with blobs, commitments and proofs: [body, blobs, commitments, proofs].
        if (count != 14 && count != 4) {
            throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "malformed EIP-4844 transaction: " + count
                    + " fields, expected 14 (or 4 in the form wrapped with blobs)");
        }
        throw new InvalidTransactionException(InvalidTransaction.TYPE_NOT_SUPPORTED, BLOB_NOT_SUPPORTED);
    }

    /** EIP-2: 0 < r < n and 0 < s <= n/2. */
    private static Signature signature(int recId, UInt256 r, UInt256 s) {
        if (r.isZero() || r.compareTo(Secp256k1.N) >= 0) {
            throw new InvalidTransactionException(InvalidTransaction.INVALID_SENDER,
                    "signature r must be in 1..n-1 (n the secp256k1 group order), got 0x" + r.toBigInteger().toString(16));
        }
        if (s.isZero() || s.compareTo(Secp256k1.N) >= 0) {
            throw new InvalidTransactionException(InvalidTransaction.INVALID_SENDER,
                    "signature s must be in 1..n-1 (n the secp256k1 group order), got 0x" + s.toBigInteger().toString(16));
        }
        Signature sig = new Signature(recId, r, s);
        if (!sig.isLowS()) {
            throw new InvalidTransactionException(InvalidTransaction.INVALID_SENDER,
                    "signature s is above n/2; EIP-2 accepts only the low-s form");
        }
        return sig;
    }

    /** Reads the fields of one transaction list, naming the field in every error. */
    private static final class Fields {
        private final RlpReader list;
        private final TransactionType type;

        private Fields(RlpReader list, TransactionType type) {
            this.list = list;
            this.type = type;
        }

        static Fields open(byte[] bytes, int offset, TransactionType type) {
            if (bytes.length == offset) {
                throw new InvalidTransactionException(InvalidTransaction.MALFORMED,
                        "malformed " + describe(type) + ": the type byte is not followed by an RLP list");
            }
            try {
                RlpReader top = RlpReader.of(bytes, offset, bytes.length - offset);
                if (!top.nextIsList()) {
                    throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "malformed " + describe(type)
                            + ": the payload must be an RLP list, found a byte string");
                }
                return new Fields(top.readList(), type);
            } catch (RlpException e) {
                throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "malformed " + describe(type) + ": " + e.getMessage());
            }
        }

        private int expected;
        private String names;

        /** After the last field: nothing may follow (only reachable when {@link #requireCount} could not count). */
        void end() {
            if (list.hasNext()) {
                throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "malformed " + describe(type)
                        + ": more than " + expected + " fields (" + names + "), extra item at offset " + list.position());
            }
        }

        int count() {
            try {
                return list.remainingItems();
            } catch (RlpException e) {
                throw malformed("fields", e);
            }
        }

        /**
         * Refuses a list with the wrong number of fields, before reading any of them, so the message says what is
         * missing or extra. When an item's header is broken the count is skipped: reading the fields in order then
         * reports the error under the field's name, and {@link #end} catches what lies beyond the last field.
         */
        void requireCount(int expected, String names) {
            int count;
            try {
                count = list.remainingItems();
            } catch (RlpException e) {
                this.expected = expected;
                this.names = names;
                return;
            }
            if (count != expected) {
                throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "malformed " + describe(type) + ": " + count
                        + " fields, expected " + expected + " (" + names + ")");
            }
        }

        long u64(String name) {
            try {
                return list.readUnsignedLong();
            } catch (RlpException e) {
                throw malformed(name, e);
            }
        }

        UInt256 u256(String name) {
            try {
                return list.readUInt256();
            } catch (RlpException e) {
                throw malformed(name, e);
            }
        }

        byte[] bytes(String name) {
            try {
                return list.readBytes();
            } catch (RlpException e) {
                throw malformed(name, e);
            }
        }

        /** The recipient: an empty string for contract creation, else exactly 20 bytes. */
        Address to() {
            try {
                int at = list.position();
                byte[] raw = list.readBytes();
                if (raw.length == 0) {
                    return null;
                }
                if (raw.length != Address.SIZE) {
                    throw new RlpException("at offset " + at + " must be empty (contract creation) or 20 bytes, got "
                            + raw.length);
                }
                return Address.of(raw);
            } catch (RlpException e) {
                throw malformed("to", e);
            }
        }

        List<AccessListEntry> accessList() {
            try {
                RlpReader entries = list.readList();
                List<AccessListEntry> out = new ArrayList<>();
                while (entries.hasNext()) {
                    int at = entries.position();
                    RlpReader entry = entries.readList();
                    if (entry.remainingItems() != 2) {
                        throw new RlpException("entry at offset " + at + " must be [address, [storageKeys]], has "
                                + entry.remainingItems() + " items");
                    }
                    Address address = entry.readAddress();
                    RlpReader keys = entry.readList();
                    List<Hash> storageKeys = new ArrayList<>();
                    while (keys.hasNext()) {
                        storageKeys.add(keys.readHash());
                    }
                    out.add(new AccessListEntry(address, storageKeys));
                }
                return List.copyOf(out);
            } catch (RlpException e) {
                throw malformed("accessList", e);
            }
        }

        /** EIP-7702's list of [chainId, address, nonce, yParity, r, s]; yParity must fit a byte, as geth reads it. */
        List<Authorization> authorizationList() {
            try {
                RlpReader tuples = list.readList();
                List<Authorization> out = new ArrayList<>();
                while (tuples.hasNext()) {
                    int at = tuples.position();
                    RlpReader t = tuples.readList();
                    if (t.remainingItems() != 6) {
                        throw new RlpException("authorization at offset " + at
                                + " must be [chainId, address, nonce, yParity, r, s], has " + t.remainingItems() + " items");
                    }
                    UInt256 chainId = t.readUInt256();
                    Address address = t.readAddress();
                    long nonce = t.readUnsignedLong();
                    long yParity = t.readUnsignedLong();
                    if (Long.compareUnsigned(yParity, 255) > 0) {
                        throw new RlpException("authorization at offset " + at + ": yParity must fit a byte, got "
                                + Long.toUnsignedString(yParity));
                    }
                    out.add(new Authorization(chainId, address, nonce, (int) yParity, t.readUInt256(), t.readUInt256()));
                }
                return List.copyOf(out);
            } catch (RlpException e) {
                throw malformed("authorizationList", e);
            }
        }

        private InvalidTransactionException malformed(String field, RlpException e) {
            return new InvalidTransactionException(InvalidTransaction.MALFORMED,
                    "malformed " + describe(type) + ": " + field + ": " + e.getMessage());
        }
    }

    private static String describe(TransactionType type) {
        return switch (type) {
            case LEGACY -> "legacy transaction";
            case ACCESS_LIST -> "EIP-2930 transaction";
            case DYNAMIC_FEE -> "EIP-1559 transaction";
            case BLOB -> "EIP-4844 transaction";
            case SET_CODE -> "EIP-7702 transaction";
        };
    }

    // ---------------------------------------------------------------------------------------------------- encoding

    /** The network encoding (what {@link #decode(byte[])} reads and {@link #hash()} hashes); a copy. */
    public byte[] encode() {
        return encoded.clone();
    }

    /**
     * Writes this transaction as an item of a block body's transaction list: a legacy transaction as its RLP list, a
     * typed one as a byte string holding its envelope (EIP-2718). The transactions trie stores {@link #encode()}.
     */
    public void writeBlockBodyItem(RlpWriter out) {
        if (type == TransactionType.LEGACY) {
            out.writeRaw(encoded);
        } else {
            out.writeBytes(encoded);
        }
    }

    /**
     * Reads one item of a block body's transaction list, as {@link #writeBlockBodyItem} writes it, and decodes it
     * as {@link #decode(byte[], int)} does.
     *
     * @throws InvalidTransactionException when the item is not a transaction; a legacy transaction wrapped in a byte
     *     string is refused, as geth refuses it
     */
    public static Transaction readBlockBodyItem(RlpReader in, int maxSize) {
        try {
            if (in.nextIsList()) {
                return decode(in.readRaw().toArray(), maxSize);
            }
            byte[] envelope = in.readBytes();
            if (envelope.length > 0 && (envelope[0] & 0xff) >= 0xc0) {
                throw new InvalidTransactionException(InvalidTransaction.MALFORMED,
                        "a legacy transaction in a block body is an RLP list, not wrapped in a byte string");
            }
            return decode(envelope, maxSize);
        } catch (RlpException e) {
            throw new InvalidTransactionException(InvalidTransaction.MALFORMED, "malformed transaction in a block body: " + e.getMessage());
        }
    }

    /** The size of the network encoding in bytes. */
    public int encodedSize() {
        return encoded.length;
    }

    /** The transaction hash: Keccak-256 of the network encoding. */
    public Hash hash() {
        Hash h = hash;
        if (h == null) {
            h = Keccak.hash(encoded);
            hash = h;
        }
        return h;
    }

    /** The hash the sender signed (for legacy with EIP-155: the fields plus chainId, 0, 0). */
    public Hash signingHash() {
        return Keccak.hash(encodeFields(false));
    }

    /** The fields with or without the signature, in the network layout (type byte first for typed transactions). */
    private byte[] encodeFields(boolean withSignature) {
        return encodeFields(type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
                accessList, authorizationList, withSignature ? signature : null);
    }

    private static byte[] encodeFields(TransactionType type, UInt256 chainId, long nonce, UInt256 tip, UInt256 maxFee,
            long gasLimit, Address to, UInt256 value, byte[] data, List<AccessListEntry> accessList,
            List<Authorization> authorizationList, Signature sig) {
        RlpWriter w = new RlpWriter(160 + data.length + accessList.size() * 64 + authorizationList.size() * 120);
        if (type != TransactionType.LEGACY) {
            w.writeRaw(new byte[] {(byte) type.id()});
        }
        w.startList();
        if (type != TransactionType.LEGACY) {
            w.writeUInt256(chainId);
        }
        w.writeLong(nonce);
        if (type == TransactionType.DYNAMIC_FEE || type == TransactionType.SET_CODE) {
            w.writeUInt256(tip);
        }
        w.writeUInt256(maxFee);
        w.writeLong(gasLimit);
        if (to == null) {
            w.writeBytes(new byte[0]);
        } else {
            w.writeAddress(to);
        }
        w.writeUInt256(value);
        w.writeBytes(data);
        if (type != TransactionType.LEGACY) {
            w.startList();
            for (AccessListEntry e : accessList) {
                w.startList().writeAddress(e.address()).startList();
                for (Hash k : e.storageKeys()) {
                    w.writeHash(k);
                }
                w.endList().endList();
            }
            w.endList();
        }
        if (type == TransactionType.SET_CODE) {
            w.startList();
            for (Authorization a : authorizationList) {
                a.writeTo(w);
            }
            w.endList();
        }
        if (sig != null) {
            if (type == TransactionType.LEGACY) {
                w.writeUInt256(legacyV(chainId, sig.recId()));
            } else {
                w.writeLong(sig.recId());
            }
            w.writeUInt256(sig.r());
            w.writeUInt256(sig.s());
        } else if (type == TransactionType.LEGACY && chainId != null) {
            w.writeUInt256(chainId).writeLong(0).writeLong(0); // EIP-155 signing payload
        }
        w.endList();
        return w.toByteArray();
    }

    private static UInt256 legacyV(UInt256 chainId, int recId) {
        return chainId == null ? UInt256.of(27 + recId) : chainId.shl(1).add(UInt256.of(35 + recId));
    }

    // ----------------------------------------------------------------------------------------------------- sender

    /**
     * Whether the sender is asserted by an {@link ImpersonatedSender} signature rather than proven by a real one: only
     * a development chain admits such a transaction.
     */
    public boolean isImpersonated() {
        return ImpersonatedSender.of(signature).isPresent();
    }

    /**
     * The address that signed this transaction, recovered from the signature on first call and kept; for an
     * {@link #isImpersonated() impersonated} transaction, the address its signature asserts.
     *
     * @throws InvalidTransactionException ({@link Reason#INVALID_SIGNATURE}) when the signature recovers to no key
     */
    public Address sender() {
        Address s = sender;
        if (s == null) {
            Optional<Address> asserted = ImpersonatedSender.of(signature);
            if (asserted.isPresent()) {
                sender = asserted.get();
                return sender;
            }
            PublicKey key = Secp256k1.recoverPublicKey(signingHash().bytesUnsafe(), signature)
                    .orElseThrow(() -> new InvalidTransactionException(InvalidTransaction.INVALID_SENDER,
                            "the signature does not recover to a public key"));
            s = key.address();
            sender = s;
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------- validation

    /**
     * The checks that need no state ({@link StatelessRules}) for a chain with id {@code chainId} under a fork's
     * intrinsic-gas prices and EIP-3860's init-code limit, and a signature that recovers.
     *
     * @throws InvalidTransactionException naming the first rule broken
     */
    public void validate(long chainId, IntrinsicGas prices) {
        Optional<StatelessRules.Refusal> refusal = StatelessRules.check(this, UInt256.of(chainId), prices, MAX_INIT_CODE_SIZE);
        if (refusal.isPresent()) {
            throw refusal.get().toException();
        }
        sender();
    }

    // -------------------------------------------------------------------------------------------------- accessors

    public TransactionType type() {
        return type;
    }

    /** The chain id signed over; empty only for a legacy transaction without EIP-155 replay protection. */
    public Optional<UInt256> chainId() {
        return Optional.ofNullable(chainId);
    }

    /** Whether the signature commits to a chain id (EIP-155 or any typed transaction). */
    public boolean isReplayProtected() {
        return chainId != null;
    }

    /** The nonce, an unsigned 64-bit value (compare with {@link Long#compareUnsigned}). */
    public long nonce() {
        return nonce;
    }

    /** The gas price of a legacy or EIP-2930 transaction; for EIP-1559 its fee cap. */
    public UInt256 gasPrice() {
        return maxFeePerGas;
    }

    /** EIP-1559's fee cap; a legacy or EIP-2930 transaction's gas price. */
    public UInt256 maxFeePerGas() {
        return maxFeePerGas;
    }

    /** EIP-1559's tip cap; a legacy or EIP-2930 transaction's gas price. */
    public UInt256 maxPriorityFeePerGas() {
        return maxPriorityFeePerGas;
    }

    /**
     * The price per gas paid in a block with {@code baseFee}: min(fee cap, base fee + tip cap) (EIP-1559; for the
     * older types simply the gas price).
     *
     * @throws IllegalArgumentException when the fee cap is below the base fee (the transaction does not fit the block)
     */
    public UInt256 effectiveGasPrice(UInt256 baseFee) {
        if (maxFeePerGas.compareTo(baseFee) < 0) {
            throw new IllegalArgumentException("maxFeePerGas " + maxFeePerGas.toBigInteger() + " is below the base fee "
                    + baseFee.toBigInteger());
        }
        UInt256 headroom = maxFeePerGas.sub(baseFee);
        return baseFee.add(maxPriorityFeePerGas.compareTo(headroom) < 0 ? maxPriorityFeePerGas : headroom);
    }

    /** The gas limit, an unsigned 64-bit value. */
    public long gasLimit() {
        return gasLimit;
    }

    /** The recipient; empty for a contract creation. */
    public Optional<Address> to() {
        return Optional.ofNullable(to);
    }

    public boolean isContractCreation() {
        return to == null;
    }

    public UInt256 value() {
        return value;
    }

    /** The call data or init code; a copy. */
    public byte[] data() {
        return data.clone();
    }

    public int dataSize() {
        return data.length;
    }

    /** The EIP-2930 access list; empty for legacy transactions. */
    public List<AccessListEntry> accessList() {
        return accessList;
    }

    public Signature signature() {
        return signature;
    }

    /**
     * The v value on the wire: 27/28 or chainId * 2 + 35/36 for legacy, the y parity 0/1 for typed transactions
     * (what JSON-RPC reports as {@code v}).
     */
    public UInt256 v() {
        return type == TransactionType.LEGACY ? legacyV(chainId, signature.recId()) : UInt256.of(signature.recId());
    }

    /** The EIP-7702 authorizations; empty for every other type. */
    public List<Authorization> authorizationList() {
        return authorizationList;
    }

    /** The gas charged before execution under a fork's {@code prices}. */
    public long intrinsicGas(IntrinsicGas prices) {
        return prices.of(data, to == null, accessList, authorizationList.size());
    }

    /** A builder holding this transaction's fields, to make a changed copy (to be signed again). */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.chainId = chainId;
        b.nonce = nonce;
        b.maxPriorityFeePerGas = maxPriorityFeePerGas;
        b.maxFeePerGas = maxFeePerGas;
        b.gasLimit = gasLimit;
        b.to = to;
        b.value = value;
        b.data = data;
        b.accessList = accessList;
        b.authorizationList = authorizationList;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && Arrays.equals(encoded, t.encoded);
    }

    @Override
    public int hashCode() {
        return hash().hashCode();
    }

    @Override
    public String toString() {
        return "Transaction[" + type + " " + hash() + " nonce=" + Long.toUnsignedString(nonce)
                + (to == null ? " create" : " to=" + to) + "]";
    }

    // ---------------------------------------------------------------------------------------------------- building

    /** A builder for a new transaction of {@code type}; fields not set are zero, empty, or contract creation. */
    public static Builder builder(TransactionType type) {
        Objects.requireNonNull(type, "type");
        if (type == TransactionType.BLOB) {
            throw new IllegalArgumentException(BLOB_NOT_SUPPORTED);
        }
        return new Builder(type);
    }

    /**
     * The unsigned fields of a transaction. A typed transaction needs a chain id; a legacy one without a chain id is
     * signed without EIP-155 replay protection. Not thread-safe; {@link #sign} and {@link #withSignature} may be
     * called more than once.
     */
    public static final class Builder {
        private final TransactionType type;
        private UInt256 chainId;
        private long nonce;
        private UInt256 maxPriorityFeePerGas = UInt256.ZERO;
        private UInt256 maxFeePerGas = UInt256.ZERO;
        private long gasLimit;
        private Address to;
        private UInt256 value = UInt256.ZERO;
        private byte[] data = new byte[0];
        private List<AccessListEntry> accessList = List.of();
        private List<Authorization> authorizationList = List.of();

        private Builder(TransactionType type) {
            this.type = type;
        }

        /** An independent builder with the same fields, to vary one while keeping this one. */
        public Builder copy() {
            Builder b = new Builder(type);
            b.chainId = chainId;
            b.nonce = nonce;
            b.maxPriorityFeePerGas = maxPriorityFeePerGas;
            b.maxFeePerGas = maxFeePerGas;
            b.gasLimit = gasLimit;
            b.to = to;
            b.value = value;
            b.data = data;
            b.accessList = accessList;
            b.authorizationList = authorizationList;
            return b;
        }

        public Builder chainId(long chainId) {
            if (chainId < 0) {
                throw new IllegalArgumentException("chain id must not be negative, got " + chainId);
            }
            return chainId(UInt256.of(chainId));
        }

        public Builder chainId(UInt256 chainId) {
            // A legacy v = chainId * 2 + 36 must still fit in 256 bits.
            if (chainId.bitLength() > 250) {
                throw new IllegalArgumentException("chain id too large: " + chainId.toBigInteger());
            }
            this.chainId = chainId;
            return this;
        }

        /** The nonce, read as unsigned 64-bit. */
        public Builder nonce(long nonce) {
            this.nonce = nonce;
            return this;
        }

        /** The gas price of a legacy or EIP-2930 transaction. */
        public Builder gasPrice(UInt256 gasPrice) {
            if (type == TransactionType.DYNAMIC_FEE || type == TransactionType.SET_CODE) {
                throw new IllegalStateException("an " + describe(type) + " has maxFeePerGas and maxPriorityFeePerGas, not gasPrice");
            }
            this.maxFeePerGas = this.maxPriorityFeePerGas = Objects.requireNonNull(gasPrice);
            return this;
        }

        public Builder maxFeePerGas(UInt256 maxFeePerGas) {
            requireDynamicFee("maxFeePerGas");
            this.maxFeePerGas = Objects.requireNonNull(maxFeePerGas);
            return this;
        }

        public Builder maxPriorityFeePerGas(UInt256 maxPriorityFeePerGas) {
            requireDynamicFee("maxPriorityFeePerGas");
            this.maxPriorityFeePerGas = Objects.requireNonNull(maxPriorityFeePerGas);
            return this;
        }

        /** The gas limit, read as unsigned 64-bit. */
        public Builder gasLimit(long gasLimit) {
            this.gasLimit = gasLimit;
            return this;
        }

        /** The recipient; {@code null} or never set means contract creation. */
        public Builder to(Address to) {
            this.to = to;
            return this;
        }

        public Builder value(UInt256 value) {
            this.value = Objects.requireNonNull(value);
            return this;
        }

        public Builder data(byte[] data) {
            this.data = data.clone();
            return this;
        }

        public Builder accessList(List<AccessListEntry> accessList) {
            if (type == TransactionType.LEGACY && !accessList.isEmpty()) {
                throw new IllegalStateException("a legacy transaction has no access list");
            }
            this.accessList = List.copyOf(accessList);
            return this;
        }

        /** EIP-7702's signed authorizations (a set-code transaction only). */
        public Builder authorizationList(List<Authorization> authorizations) {
            if (type != TransactionType.SET_CODE && !authorizations.isEmpty()) {
                throw new IllegalStateException("only an EIP-7702 transaction carries authorizations; this is " + describe(type));
            }
            this.authorizationList = List.copyOf(authorizations);
            return this;
        }

        /** The hash to sign. */
        public Hash signingHash() {
            requireChainIdIfTyped();
            if (type == TransactionType.SET_CODE && to == null) {
                throw new IllegalStateException("an EIP-7702 transaction needs a destination: it cannot create a contract");
            }
            return Keccak.hash(encodeFields(type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
                    data, accessList, authorizationList, null));
        }

        /** Signs with {@code key} (RFC 6979, low s); the sender is known without recovery. */
        public Transaction sign(PrivateKey key) {
            Transaction tx = new Transaction(this, key.sign(signingHash()), null);
            tx.sender = key.address();
            return tx;
        }

        /**
         * The transaction sent as {@code sender} without its key, with an {@link ImpersonatedSender} signature (a
         * development chain's hardhat_impersonateAccount).
         */
        public Transaction impersonate(Address sender) {
            Transaction tx = withSignature(ImpersonatedSender.signature(sender));
            tx.sender = sender;
            return tx;
        }

        /**
         * The transaction with a signature made elsewhere (a hardware wallet, a keystore held by another process),
         * checked as decoding checks it.
         *
         * @throws InvalidTransactionException when r or s is out of range or s is high (EIP-2)
         */
        public Transaction withSignature(Signature sig) {
            requireChainIdIfTyped();
            if (type == TransactionType.SET_CODE && to == null) {
                throw new IllegalStateException("an EIP-7702 transaction needs a destination: it cannot create a contract");
            }
            return new Transaction(this, signature(sig.recId(), sig.r(), sig.s()), null);
        }

        private void requireDynamicFee(String field) {
            if (type != TransactionType.DYNAMIC_FEE && type != TransactionType.SET_CODE) {
                throw new IllegalStateException(field + " belongs to EIP-1559 transactions; " + type + " has gasPrice");
            }
        }

        private void requireChainIdIfTyped() {
            if (type != TransactionType.LEGACY && chainId == null) {
                throw new IllegalStateException("a typed transaction (" + type + ") needs a chain id");
            }
        }
    }
}
