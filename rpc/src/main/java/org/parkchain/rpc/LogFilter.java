package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

/**
 * The address and topic criteria of a logs subscription (and of eth_getLogs filters): a log matches when its
 * address is one of {@code addresses} (any if empty) and, for each position i, topic i is one of
 * {@code topics.get(i)} (any if that set is empty), the log having at least as many topics as there are positions.
 */
public record LogFilter(Set<Address> addresses, List<Set<Hash>> topics) {
    /** A log has at most four topics (LOG0..LOG4), so more positions can never match. */
    public static final int MAX_TOPIC_POSITIONS = 4;

    public static final LogFilter ANY = new LogFilter(Set.of(), List.of());

    public LogFilter {
        addresses = Set.copyOf(addresses);
        topics = topics.stream().map(Set::copyOf).toList();
        if (topics.size() > MAX_TOPIC_POSITIONS) {
            throw new IllegalArgumentException("at most " + MAX_TOPIC_POSITIONS + " topic positions");
        }
    }

    public boolean matches(Address address, List<Hash> logTopics) {
        if (!addresses.isEmpty() && !addresses.contains(address)) {
            return false;
        }
        // As geth: a filter with more positions than the log has topics never matches, even if they are wildcards.
        if (topics.size() > logTopics.size()) {
            return false;
        }
        for (int i = 0; i < topics.size(); i++) {
            Set<Hash> wanted = topics.get(i);
            if (!wanted.isEmpty() && !wanted.contains(logTopics.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code {"address": a | [a...], "topics": [null | t | [t...] ...]}}.
     *
     * @throws InvalidEncodingException naming the field that is wrong
     */
    public static LogFilter fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected a filter object, got " + RpcEncoding.describe(node));
        }
        Set<Address> addresses = Set.of();
        JsonNode address = node.path("address");
        if (address.isArray()) {
            List<Address> list = new ArrayList<>();
            for (int i = 0; i < address.size(); i++) {
                list.add(decode("address[" + i + "]", address.get(i), RpcEncoding::decodeAddress));
            }
            addresses = Set.copyOf(list);
        } else if (!address.isMissingNode() && !address.isNull()) {
            addresses = Set.of(decode("address", address, RpcEncoding::decodeAddress));
        }
        List<Set<Hash>> topics = new ArrayList<>();
        JsonNode topicsNode = node.path("topics");
        if (!topicsNode.isMissingNode() && !topicsNode.isNull()) {
            if (!topicsNode.isArray()) {
                throw new InvalidEncodingException("topics: expected an array, got " + RpcEncoding.describe(topicsNode));
            }
            if (topicsNode.size() > MAX_TOPIC_POSITIONS) {
                throw new InvalidEncodingException("topics: at most " + MAX_TOPIC_POSITIONS + " positions, got "
                        + topicsNode.size());
            }
            for (int i = 0; i < topicsNode.size(); i++) {
                JsonNode position = topicsNode.get(i);
                if (position.isNull()) {
                    topics.add(Set.of());
                } else if (position.isArray()) {
                    List<Hash> alternatives = new ArrayList<>();
                    for (int j = 0; j < position.size(); j++) {
                        alternatives.add(decode("topics[" + i + "][" + j + "]", position.get(j), RpcEncoding::decodeHash));
                    }
                    topics.add(Set.copyOf(alternatives));
                } else {
                    topics.add(Set.of(decode("topics[" + i + "]", position, RpcEncoding::decodeHash)));
                }
            }
        }
        return new LogFilter(addresses, topics);
    }

    private static <T> T decode(String where, JsonNode node, java.util.function.Function<JsonNode, T> decoder) {
        try {
            return decoder.apply(node);
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(where + ": " + e.getMessage());
        }
    }
}
