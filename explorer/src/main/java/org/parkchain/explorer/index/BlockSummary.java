package org.parkchain.explorer.index;

import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/** What a listing of blocks shows, without decoding the block. */
public record BlockSummary(long number, Hash hash, long timestamp, int transactions, long gasUsed, long gasLimit) {
    byte[] encode() {
        return new RlpWriter().startList().writeLong(number).writeHash(hash).writeLong(timestamp)
                .writeLong(transactions).writeLong(gasUsed).writeLong(gasLimit).endList().toByteArray();
    }

    static BlockSummary decode(byte[] bytes) {
        RlpReader r = RlpReader.of(bytes).readList();
        return new BlockSummary(r.readLong(), r.readHash(), r.readLong(), (int) r.readLong(), r.readLong(), r.readLong());
    }
}
