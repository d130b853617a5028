package org.parkchain.explorer.index;

import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/**
 * A transaction as listings show it.
 *
 * @param method the called function's name when the explorer knows its selector ("transfer"), the bare selector
 *               ("0xa9059cbb") otherwise, "" for a plain transfer of coin, "create" for a deployment
 */
public record IndexedTx(Hash hash, long blockNumber, int index, long timestamp, Address from, Optional<Address> to,
                        Optional<Address> created, UInt256 value, boolean success, String method) {
    byte[] encode() {
        RlpWriter w = new RlpWriter().startList().writeHash(hash).writeLong(blockNumber).writeLong(index)
                .writeLong(timestamp).writeAddress(from);
        w.writeBytes(to.map(Address::toArray).orElse(new byte[0]));
        w.writeBytes(created.map(Address::toArray).orElse(new byte[0]));
        return w.writeUInt256(value).writeLong(success ? 1 : 0)
                .writeBytes(method.getBytes(java.nio.charset.StandardCharsets.UTF_8)).endList().toByteArray();
    }

    static IndexedTx decode(byte[] bytes) {
        RlpReader r = RlpReader.of(bytes).readList();
        Hash hash = r.readHash();
        long block = r.readLong();
        int index = (int) r.readLong();
        long timestamp = r.readLong();
        Address from = r.readAddress();
        Optional<Address> to = optionalAddress(r.readBytes());
        Optional<Address> created = optionalAddress(r.readBytes());
        return new IndexedTx(hash, block, index, timestamp, from, to, created, r.readUInt256(), r.readLong() == 1,
                new String(r.readBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Optional<Address> optionalAddress(byte[] b) {
        return b.length == 0 ? Optional.empty() : Optional.of(Address.of(b));
    }
}
