package org.parkchain.explorer.index;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/**
 * A log of one of the park's contracts (a system contract or a park token) as it was emitted, with its event's
 * name ({@code kind}); decoded for display by {@link org.parkchain.explorer.abi.ParkAbiCatalog}.
 */
public record ParkEvent(String kind, Address contract, List<Hash> topics, byte[] data, Hash transactionHash,
                        long blockNumber, long logIndex, long timestamp) {
    public ParkEvent {
        topics = List.copyOf(topics);
    }

    byte[] encode() {
        RlpWriter w = new RlpWriter().startList().writeBytes(kind.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .writeAddress(contract).startList();
        topics.forEach(w::writeHash);
        return w.endList().writeBytes(data).writeHash(transactionHash).writeLong(blockNumber).writeLong(logIndex)
                .writeLong(timestamp).endList().toByteArray();
    }

    static ParkEvent decode(byte[] bytes) {
        RlpReader r = RlpReader.of(bytes).readList();
        String kind = new String(r.readBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        Address contract = r.readAddress();
        List<Hash> topics = new ArrayList<>();
        RlpReader t = r.readList();
        while (t.hasNext()) {
            topics.add(t.readHash());
        }
        return new ParkEvent(kind, contract, topics, r.readBytes(), r.readHash(), r.readLong(), r.readLong(),
                r.readLong());
    }
}
