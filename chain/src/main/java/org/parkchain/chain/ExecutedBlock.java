package org.parkchain.chain;

import java.util.List;
import org.parkchain.state.WriteBatch;

/**
 * A block with what executing it produced: one receipt per transaction and the new state's trie nodes and code,
 * ready for {@link Blockchain#append}.
 */
public record ExecutedBlock(Block block, List<Receipt> receipts, WriteBatch stateNodes) {
    public ExecutedBlock {
        receipts = List.copyOf(receipts);
        if (receipts.size() != block.transactions().size()) {
            throw new IllegalArgumentException(block.transactions().size() + " transactions but " + receipts.size() + " receipts");
        }
    }
}
