package org.parkchain.chain;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;
import org.parkchain.primitives.tx.TransactionType;

/**
 * A transaction's consensus receipt (EIP-658 status form): what the receipts root commits to. Its EIP-2718 encoding
 * is {@code RLP([status, cumulativeGasUsed, bloom, logs])}, preceded by the type byte for a typed transaction.
 * Derived fields that JSON-RPC shows (transaction hash, gas used by this transaction, log indexes, effective gas
 * price, contract address) are not part of it; {@link TransactionReceipt} adds them.
 *
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 */
public record Receipt(TransactionType type, boolean success, long cumulativeGasUsed, Bloom bloom, List<Log> logs) {
    public Receipt {
        logs = List.copyOf(logs);
        if (cumulativeGasUsed < 0) {
            throw new IllegalArgumentException("cumulative gas used is negative: " + cumulativeGasUsed);
        }
    }

    /** A receipt whose bloom is computed from its logs. */
    public static Receipt of(TransactionType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
        return new Receipt(type, success, cumulativeGasUsed, Bloom.ofLogs(logs), logs);
    }

    /** The EIP-2718 encoding: the receipts trie's value and what the store keeps. */
    public byte[] encode() {
        RlpWriter w = new RlpWriter(320 + logs.size() * 128);
        w.startList();
        w.writeLong(success ? 1 : 0);
        w.writeLong(cumulativeGasUsed);
        w.writeBytes(bloom.bytesUnsafe());
        w.startList();
        for (Log log : logs) {
            w.startList();
            w.writeAddress(log.address());
            w.startList();
            for (Hash topic : log.topics()) {
                w.writeHash(topic);
            }
            w.endList();
            w.writeBytes(log.data());
            w.endList();
        }
        w.endList();
        w.endList();
        byte[] rlp = w.toByteArray();
        if (type == TransactionType.LEGACY) {
            return rlp;
        }
        byte[] out = new byte[rlp.length + 1];
        out[0] = (byte) type.id();
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }

    /** Decodes an EIP-2718 receipt encoding; throws {@link RlpException} on anything malformed. */
    public static Receipt decode(byte[] encoding) {
        if (encoding.length == 0) {
            throw new RlpException("empty receipt encoding");
        }
        int first = encoding[0] & 0xff;
        TransactionType type;
        int offset;
        if (first >= 0xc0) {
            type = TransactionType.LEGACY;
            offset = 0;
        } else {
            type = switch (first) {
                case 1 -> TransactionType.ACCESS_LIST;
                case 2 -> TransactionType.DYNAMIC_FEE;
                case 3 -> TransactionType.BLOB;
                case 4 -> TransactionType.SET_CODE;
                default -> throw new RlpException("unknown receipt type " + first);
            };
            offset = 1;
        }
        RlpReader r = RlpReader.of(encoding, offset, encoding.length - offset).readList();
        long status = r.readLong();
        if (status > 1) {
            throw new RlpException("receipt status must be 0 or 1, got " + status);
        }
        long cumulative = r.readLong();
        byte[] bloomBytes = r.readBytes();
        if (bloomBytes.length != Bloom.SIZE) {
            throw new RlpException("receipt bloom is " + bloomBytes.length + " bytes, expected " + Bloom.SIZE);
        }
        RlpReader logsReader = r.readList();
        List<Log> logs = new ArrayList<>();
        while (logsReader.hasNext()) {
            RlpReader l = logsReader.readList();
            Address address = l.readAddress();
            RlpReader topicsReader = l.readList();
            List<Hash> topics = new ArrayList<>();
            while (topicsReader.hasNext()) {
                topics.add(topicsReader.readHash());
            }
            if (topics.size() > 4) {
                throw new RlpException("a log has at most 4 topics, got " + topics.size());
            }
            byte[] data = l.readBytes();
            l.requireEnd("log");
            logs.add(new Log(address, topics, data));
        }
        r.requireEnd("receipt");
        return new Receipt(type, status == 1, cumulative, Bloom.of(bloomBytes), logs);
    }

    /** Equal when the encodings are: logs carry byte arrays, which a record would compare by identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt r && java.util.Arrays.equals(encode(), r.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }
}
