package org.parkchain.explorer.index;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/** The levy one resident paid in one asset in one UTC month: sums of its {@code LevyPaid} events. */
public record LevyMonth(Address resident, Address asset, int year, int month, UInt256 revenue, UInt256 levy,
                        long payments) {
    /** "2026-Q4". */
    public String quarter() {
        return year + "-Q" + ((month - 1) / 3 + 1);
    }

    /** "2026-12". */
    public String yearMonth() {
        return String.format("%04d-%02d", year, month);
    }

    LevyMonth plus(UInt256 moreRevenue, UInt256 moreLevy) {
        return new LevyMonth(resident, asset, year, month, revenue.add(moreRevenue), levy.add(moreLevy), payments + 1);
    }

    byte[] encode() {
        return new RlpWriter().startList().writeUInt256(revenue).writeUInt256(levy).writeLong(payments).endList()
                .toByteArray();
    }

    static LevyMonth decode(Address resident, Address asset, int yearMonth, byte[] bytes) {
        RlpReader r = RlpReader.of(bytes).readList();
        return new LevyMonth(resident, asset, yearMonth / 100, yearMonth % 100, r.readUInt256(), r.readUInt256(),
                r.readLong());
    }
}
