package org.parkchain.explorer;

import java.util.List;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.explorer.api.ChainData;
import org.parkchain.explorer.api.ExplorerApi;
import org.parkchain.explorer.api.ParkApi;
import org.parkchain.explorer.api.ParkData;
import org.parkchain.explorer.index.ChainIndex;
import org.parkchain.explorer.web.Site;
import org.parkchain.rpc.ReadApi;

/**
 * The explorer as the node wires it: the index attached to the chain, and the resources it serves on the RPC port —
 * pages at {@code /}, the data API at {@code /api/}, and {@code /api/park/} (the node's park views, passed in as
 * {@code parkViews}, with the explorer's additions beside them).
 */
public final class Explorer implements AutoCloseable {
    private final ChainIndex index;
    private final List<ReadApi> readApis;

    private Explorer(ChainIndex index, List<ReadApi> readApis) {
        this.index = index;
        this.readApis = readApis;
    }

    /**
     * Attaches the index to {@code chain} (rebuilding it in the background when missing or behind) and builds the
     * resources. Call before the chain grows further: blocks appended earlier are caught up by the rebuild.
     *
     * @param processor the node's transaction processor, for view calls as eth_call runs them
     * @param executor the node's block executor, to replay a transaction for its internal calls
     * @param parkViews the node's park views, given the index (they find the registry's events in it)
     */
    public static Explorer attach(Blockchain chain, TransactionProcessor processor, BlockExecutor executor,
                                  java.util.function.Function<ChainIndex, ReadApi> parkViews) {
        ChainIndex index = ChainIndex.attach(chain);
        ChainData data = new ChainData(chain, index, processor, executor);
        ParkData park = new ParkData(data);
        ParkApi parkApi = new ParkApi(park, parkViews.apply(index));
        return new Explorer(index, List.of(new Site(index, data, park, parkApi), new ExplorerApi(data), parkApi));
    }

    /** What the RPC server serves for the explorer (replacing the bare park views). */
    public List<ReadApi> readApis() {
        return readApis;
    }

    public ChainIndex index() {
        return index;
    }

    @Override
    public void close() {
        index.close();
    }
}
