package org.parkchain.explorer.index;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/** An ERC-20 {@code Transfer} log (a mint is from the zero address, a burn to it). */
public record IndexedTransfer(Address token, Address from, Address to, UInt256 value, Hash transactionHash,
                              long blockNumber, long logIndex, long timestamp) {
    byte[] encode() {
        return new RlpWriter().startList().writeAddress(token).writeAddress(from).writeAddress(to).writeUInt256(value)
                .writeHash(transactionHash).writeLong(blockNumber).writeLong(logIndex).writeLong(timestamp).endList()
                .toByteArray();
    }

    static IndexedTransfer decode(byte[] bytes) {
        RlpReader r = RlpReader.of(bytes).readList();
        return new IndexedTransfer(r.readAddress(), r.readAddress(), r.readAddress(), r.readUInt256(), r.readHash(),
                r.readLong(), r.readLong(), r.readLong());
    }
}
