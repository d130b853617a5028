package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.RpcError;

/**
 * The polling filters of eth_newFilter, eth_newBlockFilter and eth_newPendingTransactionFilter. Each filter
 * collects what happened since it was last polled; eth_getFilterChanges hands that over and starts afresh. As in
 * geth, a filter nobody polls for {@link EthApiConfig#filterTimeout()} is removed. What filters hold is bounded
 * too: a filter that has collected more than {@link #MAX_PENDING_CHANGES} unpolled items, or whose new items would
 * take all filters together past {@link #MAX_HELD_CHANGES}, is removed (its client is told "filter not found" on
 * the next poll rather than silently missing events). So 10,000 filters on a chain of 10,000-log blocks cost a
 * bounded heap, whatever their clients do.
 */
public final class Filters {
    /** Unpolled items one filter may hold; a client that stops polling must not grow the heap without bound. */
    public static final int MAX_PENDING_CHANGES = 10_000;
    /** Unpolled items all filters together may hold. */
    public static final int MAX_HELD_CHANGES = 100_000;

    /** One log of a new block, with what a filter needs to match it and the JSON it is shown as. */
    public record ChainLog(Address address, List<Hash> topics, long blockNumber, JsonNode json) {}

    public enum Kind { LOGS, BLOCKS, PENDING_TRANSACTIONS }

    private static final class Filter {
        final Kind kind;
        final Optional<LogQuery> query;
        final long fromNumber;
        final long toNumber;
        List<JsonNode> changes = new ArrayList<>();
        volatile long lastPolledNanos;

        Filter(Kind kind, Optional<LogQuery> query, long fromNumber, long toNumber, long now) {
            this.kind = kind;
            this.query = query;
            this.fromNumber = fromNumber;
            this.toNumber = toNumber;
            this.lastPolledNanos = now;
        }
    }

    private final Map<String, Filter> filters = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long timeoutNanos;
    private final int maxFilters;
    private final LongSupplier nanoClock;
    private final int maxHeld;
    /** Items held by all filters, unpolled. */
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();

    public Filters(Duration timeout, int maxFilters) {
        this(timeout, maxFilters, System::nanoTime, MAX_HELD_CHANGES);
    }

    Filters(Duration timeout, int maxFilters, LongSupplier nanoClock) {
        this(timeout, maxFilters, nanoClock, MAX_HELD_CHANGES);
    }

    Filters(Duration timeout, int maxFilters, LongSupplier nanoClock, int maxHeld) {
        this.timeoutNanos = timeout.toNanos();
        this.maxFilters = maxFilters;
        this.nanoClock = nanoClock;
        this.maxHeld = maxHeld;
    }

    /**
     * A log filter. {@code fromNumber}/{@code toNumber} are the query's range resolved against the head (a
     * latest/pending end is {@link Long#MAX_VALUE}: it follows the chain); logs of later blocks outside the range
     * are not collected.
     */
    public String newLogFilter(LogQuery query, long fromNumber, long toNumber) {
        return install(new Filter(Kind.LOGS, Optional.of(query), fromNumber, toNumber, nanoClock.getAsLong()));
    }

    public String newBlockFilter() {
        return install(new Filter(Kind.BLOCKS, Optional.empty(), 0, Long.MAX_VALUE, nanoClock.getAsLong()));
    }

    public String newPendingTransactionFilter() {
        return install(new Filter(Kind.PENDING_TRANSACTIONS, Optional.empty(), 0, Long.MAX_VALUE, nanoClock.getAsLong()));
    }

    /** What the filter collected since the last poll, oldest first; resets its expiry. */
    public List<JsonNode> changes(String id) {
        Filter filter = live(id);
        synchronized (filter) {
            filter.lastPolledNanos = nanoClock.getAsLong();
            List<JsonNode> out = filter.changes;
            filter.changes = new ArrayList<>();
            held.addAndGet(-out.size());
            return out;
        }
    }

    /** The query of log filter {@code id} (for eth_getFilterLogs); resets its expiry. */
    public LogQuery logQuery(String id) {
        Filter filter = live(id);
        if (filter.kind != Kind.LOGS) {
            throw notFound();
        }
        filter.lastPolledNanos = nanoClock.getAsLong();
        return filter.query.orElseThrow();
    }

    public boolean uninstall(String id) {
        Filter removed = filters.remove(id);
        if (removed == null) {
            return false;
        }
        release(removed);
        return true;
    }

    /** Removes every filter (events were lost before they reached the filters). */
    public void clear() {
        for (String id : List.copyOf(filters.keySet())) {
            uninstall(id);
        }
    }

    /** Unpolled items all filters hold now. */
    public long held() {
        return held.get();
    }

    private void release(Filter filter) {
        synchronized (filter) {
            held.addAndGet(-filter.changes.size());
            filter.changes = new ArrayList<>();
        }
    }

    public int size() {
        return filters.size();
    }

    /** A block joined the chain: block filters get its hash, log filters the logs that match them. */
    public void onBlock(Hash blockHash, long blockNumber, List<ChainLog> logs) {
        expire();
        TextNode hash = TextNode.valueOf(blockHash.toHex());
        for (Iterator<Map.Entry<String, Filter>> it = filters.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Filter> entry = it.next();
            Filter filter = entry.getValue();
            if (filter.kind == Kind.BLOCKS) {
                add(it, filter, List.of(hash));
            } else if (filter.kind == Kind.LOGS && blockNumber >= filter.fromNumber && blockNumber <= filter.toNumber) {
                LogQuery q = filter.query.orElseThrow();
                if (q.blockHash().isPresent()) {
                    continue; // a filter on one past block never sees new ones
                }
                List<JsonNode> matching = new ArrayList<>();
                for (ChainLog log : logs) {
                    if (q.criteria().matches(log.address(), log.topics())) {
                        matching.add(log.json());
                    }
                }
                if (!matching.isEmpty()) {
                    add(it, filter, matching);
                }
            }
        }
    }

    /** A transaction entered the pool. */
    public void onPendingTransaction(Hash txHash) {
        TextNode hash = TextNode.valueOf(txHash.toHex());
        for (Iterator<Map.Entry<String, Filter>> it = filters.entrySet().iterator(); it.hasNext(); ) {
            Filter filter = it.next().getValue();
            if (filter.kind == Kind.PENDING_TRANSACTIONS) {
                add(it, filter, List.of(hash));
            }
        }
    }

    /** Removes the filters nobody polled within the timeout. */
    public void expire() {
        long now = nanoClock.getAsLong();
        filters.entrySet().removeIf(e -> {
            if (now - e.getValue().lastPolledNanos > timeoutNanos) {
                release(e.getValue());
                return true;
            }
            return false;
        });
    }

    private void add(Iterator<Map.Entry<String, Filter>> it, Filter filter, List<JsonNode> items) {
        synchronized (filter) {
            boolean overflow = filter.changes.size() + items.size() > MAX_PENDING_CHANGES;
            if (!overflow && held.addAndGet(items.size()) > maxHeld) {
                held.addAndGet(-items.size());
                overflow = true;
            }
            if (overflow) {
                it.remove();
                release(filter);
                return;
            }
            filter.changes.addAll(items);
        }
    }

    private String install(Filter filter) {
        expire();
        if (filters.size() >= maxFilters) {
            throw new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED,
                    "too many filters (" + maxFilters + "); uninstall unused ones or let them expire").toException();
        }
        String id;
        do {
            id = newId();
        } while (filters.putIfAbsent(id, filter) != null);
        return id;
    }

    private Filter live(String id) {
        Filter filter = filters.get(id);
        if (filter == null) {
            throw notFound();
        }
        if (nanoClock.getAsLong() - filter.lastPolledNanos > timeoutNanos) {
            if (filters.remove(id, filter)) {
                release(filter);
            }
            throw notFound();
        }
        return filter;
    }

    /** 128 random bits written as a quantity, as geth writes filter ids (web3j parses them as numbers). */
    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return org.parkchain.rpc.RpcEncoding.quantity(new java.math.BigInteger(1, b));
    }

    private static org.parkchain.rpc.RpcException notFound() {
        return RpcError.ServerError.of("filter not found").toException();
    }

    /** Resolves a range end for a filter: a tag follows the chain, a number is fixed. */
    static long rangeBound(BlockSelector selector, long earliest, long unbounded) {
        return switch (selector) {
            case BlockSelector.ByNumber n -> n.number();
            case BlockSelector.Tag t when t == BlockSelector.Tag.EARLIEST -> earliest;
            default -> unbounded;
        };
    }
}
