package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.invalidParams;
import static org.parkchain.rpc.eth.EthErrors.serverError;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.LogFilter;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/** Logs and polling filters: eth_getLogs, eth_new*Filter, eth_getFilterChanges/Logs, eth_uninstallFilter. */
public final class FilterMethods implements MethodGroup {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final EthBackend backend;
    private final EthApiConfig config;
    private final Filters filters;

    /** @param filters the polling filters, fed with new blocks and pool arrivals by the caller */
    public FilterMethods(EthBackend backend, EthApiConfig config, Filters filters) {
        this.backend = backend;
        this.config = config;
        this.filters = filters;
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_getLogs", 1, p -> logs(p.required(0, LogQuery::fromJson)));
        m.register("eth_newFilter", 1, p -> {
            LogQuery query = p.required(0, LogQuery::fromJson);
            long head = backend.head().header().number();
            long from = Filters.rangeBound(query.fromBlock(), 0, head + 1);
            long to = Filters.rangeBound(query.toBlock(), 0, Long.MAX_VALUE);
            return filters.newLogFilter(query, from, to);
        });
        m.register("eth_newBlockFilter", 0, p -> filters.newBlockFilter());
        m.register("eth_newPendingTransactionFilter", 1, p -> filters.newPendingTransactionFilter());
        m.register("eth_getFilterChanges", 1, p -> {
            ArrayNode list = F.arrayNode();
            filters.changes(p.required(0, RpcParams.STRING)).forEach(list::add);
            return list;
        });
        m.register("eth_getFilterLogs", 1, p -> logs(filters.logQuery(p.required(0, RpcParams.STRING))));
        m.register("eth_uninstallFilter", 1, p -> filters.uninstall(p.required(0, RpcParams.STRING)));
    }

    private ArrayNode logs(LogQuery query) {
        List<EthBackend.ChainBlock> blocks = new ArrayList<>();
        if (query.blockHash().isPresent()) {
            blocks.add(backend.block(query.blockHash().get()).orElseThrow(() -> serverError("unknown block")));
        } else {
            long head = backend.head().header().number();
            long from = resolveRangeEnd(query.fromBlock(), head);
            long to = resolveRangeEnd(query.toBlock(), head);
            if (from > to && !(query.toBlock() instanceof BlockSelector.Tag)) {
                throw serverError("invalid block range params");
            }
            to = Math.min(to, head);
            if (from <= to && to - from + 1 > config.maxLogsBlockRange()) {
                throw new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED, "exceed maximum block range: "
                        + config.maxLogsBlockRange()).toException();
            }
            for (long n = from; n <= to; n++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw serverError("eth_getLogs interrupted");
                }
                Optional<BlockHeader> header = backend.header(n);
                if (header.isPresent() && mayContain(header.get(), query.criteria())) {
                    backend.block(header.get().hash()).ifPresent(blocks::add);
                }
            }
        }
        ArrayNode out = F.arrayNode();
        for (EthBackend.ChainBlock b : blocks) {
            for (TransactionReceipt r : backend.receipts(b.hash())) {
                for (TransactionReceipt.LogEntry entry : r.logs()) {
                    if (query.criteria().matches(entry.log().address(), entry.log().topics())) {
                        out.add(EthJson.log(entry, false));
                        if (out.size() > config.maxLogsResults()) {
                            throw new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED, "query returned more than "
                                    + config.maxLogsResults() + " results").toException();
                        }
                    }
                }
            }
        }
        return out;
    }

    private static long resolveRangeEnd(BlockSelector selector, long head) {
        return switch (selector) {
            case BlockSelector.ByNumber n -> n.number();
            case BlockSelector.Tag t when t == BlockSelector.Tag.EARLIEST -> 0;
            case BlockSelector.Tag t -> head;
            case BlockSelector.ByHash h -> throw invalidParams("a log range end is a block number or tag");
        };
    }

    /** The header's bloom rules the block out unless every criterion may be met. */
    private static boolean mayContain(BlockHeader header, LogFilter filter) {
        if (header.logsBloom().isEmpty()) {
            return false; // no logs at all
        }
        if (!filter.addresses().isEmpty()
                && filter.addresses().stream().noneMatch(a -> header.logsBloom().mayContain(a.toArray()))) {
            return false;
        }
        for (Set<Hash> position : filter.topics()) {
            if (!position.isEmpty() && position.stream().noneMatch(t -> header.logsBloom().mayContain(t.toArray()))) {
                return false;
            }
        }
        return true;
    }
}
