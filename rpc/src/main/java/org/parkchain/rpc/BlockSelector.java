package org.parkchain.rpc;

import java.util.Objects;
import org.parkchain.primitives.Hash;

/** Which block a call is about: the {@code block} parameter of eth_getBalance, eth_call and friends. */
public sealed interface BlockSelector {

    /** The named blocks. In a single-sequencer chain safe and finalized are the head, but the chain decides. */
    enum Tag implements BlockSelector {
        LATEST("latest"),
        EARLIEST("earliest"),
        PENDING("pending"),
        SAFE("safe"),
        FINALIZED("finalized");

        private final String jsonName;

        Tag(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    record ByNumber(long number) implements BlockSelector {
        public ByNumber {
            if (number < 0) {
                throw new IllegalArgumentException("block number must be non-negative, got " + number);
            }
        }
    }

    /** EIP-1898: with {@code requireCanonical} the block must also be on the canonical chain. */
    record ByHash(Hash hash, boolean requireCanonical) implements BlockSelector {
        public ByHash {
            Objects.requireNonNull(hash, "hash");
        }
    }
}
