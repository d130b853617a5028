package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.serverError;

import java.util.Optional;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.FeeMarket;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.RpcParams;
import org.parkchain.state.WorldState;

/** Turns a block argument ("latest", a number, a hash) into a block, a header or the state there. */
final class BlockLookup {
    private final EthBackend backend;

    BlockLookup(EthBackend backend) {
        this.backend = backend;
    }

    EthBackend backend() {
        return backend;
    }

    /** The optional block argument at {@code index}, "latest" when absent. */
    static BlockSelector blockParam(RpcParams p, int index) {
        // geth requires the block argument of state methods; tools always send it, and "latest" is the safe default.
        return p.optional(index, RpcParams.BLOCK).orElse(BlockSelector.Tag.LATEST);
    }

    /** The block a selector names, or empty when there is none (for methods that answer null). */
    Optional<EthBackend.ChainBlock> findBlock(BlockSelector selector) {
        return switch (selector) {
            case BlockSelector.Tag t when t == BlockSelector.Tag.EARLIEST -> backend.block(0);
            case BlockSelector.Tag t -> Optional.of(backend.head());
            case BlockSelector.ByNumber n -> backend.block(n.number());
            case BlockSelector.ByHash h -> backend.block(h.hash()).filter(b -> !h.requireCanonical()
                    || backend.block(b.header().number()).map(c -> c.hash().equals(b.hash())).orElse(false));
        };
    }

    /** The header a state method runs at; a block that does not exist is geth's "header not found". */
    BlockHeader header(BlockSelector selector) {
        return findBlock(selector).map(EthBackend.ChainBlock::header).orElseThrow(() -> serverError(
                selector instanceof BlockSelector.ByHash ? "header for hash not found" : "header not found"));
    }

    WorldState stateAt(BlockSelector selector) {
        return backend.state(header(selector));
    }

    UInt256 nextBaseFee() {
        return FeeMarket.nextBaseFee(backend.head().header());
    }
}
