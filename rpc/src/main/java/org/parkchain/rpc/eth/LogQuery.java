package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.LogFilter;
import org.parkchain.rpc.RpcEncoding;

/**
 * The filter object of eth_getLogs and eth_newFilter: either one block by hash (EIP-234) or a range from
 * {@code fromBlock} to {@code toBlock} (both default to latest), plus the address and topic criteria.
 */
public record LogQuery(Optional<Hash> blockHash, BlockSelector fromBlock, BlockSelector toBlock, LogFilter criteria) {
    private static final Set<String> FIELDS = Set.of("blockHash", "fromBlock", "toBlock", "address", "topics");

    public LogQuery {
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(fromBlock, "fromBlock");
        Objects.requireNonNull(toBlock, "toBlock");
        Objects.requireNonNull(criteria, "criteria");
    }

    /**
     * Parses the filter object as geth does: {@code blockHash} excludes {@code fromBlock}/{@code toBlock}; range
     * ends are tags or numbers (not EIP-1898 objects); unknown members are refused so a misspelt
     * {@code fromblock} does not silently mean "latest".
     */
    public static LogQuery fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected a filter object, got " + describe(node));
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidEncodingException("unknown filter field '" + name + "'");
            }
        });
        LogFilter criteria = LogFilter.fromJson(node);
        JsonNode hash = node.path("blockHash");
        JsonNode from = node.path("fromBlock");
        JsonNode to = node.path("toBlock");
        if (present(hash)) {
            if (present(from) || present(to)) {
                throw new InvalidEncodingException("cannot specify both blockHash and fromBlock/toBlock, choose one or the other");
            }
            return new LogQuery(Optional.of(field("blockHash", hash, RpcEncoding::decodeHash)),
                    BlockSelector.Tag.LATEST, BlockSelector.Tag.LATEST, criteria);
        }
        return new LogQuery(Optional.empty(), rangeEnd("fromBlock", from), rangeEnd("toBlock", to), criteria);
    }

    private static BlockSelector rangeEnd(String name, JsonNode node) {
        if (!present(node)) {
            return BlockSelector.Tag.LATEST;
        }
        if (!node.isTextual()) {
            throw new InvalidEncodingException(name + ": expected a block number or tag, got " + describe(node));
        }
        return field(name, node, RpcEncoding::decodeBlockSelector);
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static <T> T field(String name, JsonNode node, java.util.function.Function<JsonNode, T> decoder) {
        try {
            return decoder.apply(node);
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(name + ": " + e.getMessage());
        }
    }

    private static String describe(JsonNode node) {
        return node.isTextual() ? "a string" : node.getNodeType().name().toLowerCase();
    }
}
