package org.parkchain.regime.exchange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.parkchain.primitives.UInt256;

/**
 * A book in memory: a sorted map of price levels per side, each level a queue of order ids linked through the
 * orders' nodes, so taking an order out of the middle of a queue (a cancel) is O(1) and finding the next level
 * O(log levels). What the benchmark and the property tests run the engine on.
 */
public final class MemoryBook implements Book {
    private static final class Node {
        Order order;
        long previous;
        long next;

        Node(Order order) {
            this.order = order;
        }
    }

    private static final class Level {
        long first;
        long last;
    }

    private final Map<Long, Node> nodes = new HashMap<>();
    private final TreeMap<UInt256, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<UInt256, Level> asks = new TreeMap<>();

    private TreeMap<UInt256, Level> levels(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** Records a new order (not resting yet). */
    public void add(Order order) {
        if (nodes.putIfAbsent(order.id(), new Node(order)) != null) {
            throw new IllegalArgumentException("order " + order.id() + " exists");
        }
    }

    /** Drops the record of an order that never rested: one the engine refused, which the caller takes back. */
    public void forget(long id) {
        Node node = nodes.get(id);
        if (node != null && node.next == 0 && node.previous == 0 && levels(node.order.side()).get(node.order.price()) instanceof Level l
                && l.first == id) {
            throw new IllegalStateException("order " + id + " rests");
        }
        nodes.remove(id);
    }

    @Override
    public Order order(long id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        return node.order;
    }

    @Override
    public void put(Order order) {
        nodes.get(order.id()).order = order;
    }

    @Override
    public long first(Side side) {
        var best = levels(side).firstEntry();
        return best == null ? 0 : best.getValue().first;
    }

    @Override
    public long next(Side side, long id) {
        Node node = nodes.get(id);
        if (node.next != 0) {
            return node.next;
        }
        var worse = levels(side).higherEntry(node.order.price());
        return worse == null ? 0 : worse.getValue().first;
    }

    @Override
    public void rest(Order order) {
        Node node = nodes.get(order.id());
        node.order = order;
        Level level = levels(order.side()).computeIfAbsent(order.price(), p -> new Level());
        if (level.last == 0) {
            level.first = order.id();
        } else {
            nodes.get(level.last).next = order.id();
            node.previous = level.last;
        }
        level.last = order.id();
    }

    @Override
    public void remove(Order order) {
        Node node = nodes.get(order.id());
        TreeMap<UInt256, Level> levels = levels(order.side());
        Level level = levels.get(order.price());
        if (node.previous == 0) {
            level.first = node.next;
        } else {
            nodes.get(node.previous).next = node.next;
        }
        if (node.next == 0) {
            level.last = node.previous;
        } else {
            nodes.get(node.next).previous = node.previous;
        }
        node.previous = 0;
        node.next = 0;
        if (level.first == 0) {
            levels.remove(order.price());
        }
    }
}
