package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.RpcEncoding;

/**
 * eth_simulateV1's first argument, as the execution-apis specification and geth define it: the blocks to simulate
 * ({@code blockStateCalls}, each with optional {@code blockOverrides}, {@code stateOverrides} and {@code calls}) and
 * the switches {@code traceTransfers}, {@code validation} and {@code returnFullTransactions}. Every member is
 * validated here with the path to it in the message; members the specification does not define are refused, so a
 * typo never passes as a default.
 */
record SimulateRequest(List<BlockCalls> blocks, boolean traceTransfers, boolean validation, boolean fullTransactions) {
    private static final Set<String> FIELDS = Set.of("blockStateCalls", "traceTransfers", "validation",
            "returnFullTransactions");
    private static final Set<String> BLOCK_FIELDS = Set.of("blockOverrides", "stateOverrides", "calls");

    SimulateRequest {
        blocks = List.copyOf(blocks);
    }

    /** One simulated block as asked for: header overrides, state overrides applied before its calls, the calls. */
    record BlockCalls(BlockOverrides overrides, StateOverrides state, List<CallRequest> calls) {
        BlockCalls {
            calls = List.copyOf(calls);
        }
    }

    /**
     * The header fields a simulated block may set (geth's names). Parkchain blocks carry no blobs, withdrawals or
     * beacon roots, so {@code blobBaseFee}, {@code withdrawals} and {@code beaconRoot} are refused rather than ignored.
     */
    record BlockOverrides(Optional<Long> number, Optional<Long> time, Optional<Long> gasLimit,
                          Optional<Address> feeRecipient, Optional<Hash> prevRandao, Optional<UInt256> baseFeePerGas) {
        static final BlockOverrides NONE = new BlockOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        private static final Set<String> FIELDS = Set.of("number", "time", "gasLimit", "feeRecipient", "prevRandao",
                "baseFeePerGas");
        private static final Set<String> UNSUPPORTED = Set.of("blobBaseFee", "withdrawals", "beaconRoot", "difficulty");

        static BlockOverrides fromJson(JsonNode node, String path) {
            requireObject(node, path);
            node.fieldNames().forEachRemaining(name -> {
                if (UNSUPPORTED.contains(name)) {
                    throw new InvalidEncodingException(path + "." + name + " cannot be overridden on Parkchain "
                            + "(no blobs, withdrawals, beacon chain or proof of work)");
                }
                if (!FIELDS.contains(name)) {
                    throw new InvalidEncodingException(path + ": unknown member '" + name + "'");
                }
            });
            return new BlockOverrides(
                    member(node, "number", path, RpcEncoding::decodeQuantityAsLong),
                    member(node, "time", path, RpcEncoding::decodeQuantityAsLong),
                    member(node, "gasLimit", path, RpcEncoding::decodeQuantityAsLong),
                    member(node, "feeRecipient", path, RpcEncoding::decodeAddress),
                    member(node, "prevRandao", path, RpcEncoding::decodeHash),
                    member(node, "baseFeePerGas", path, RpcEncoding::decodeQuantityAsUInt256));
        }
    }

    static SimulateRequest fromJson(JsonNode node) {
        requireObject(node, "simulation");
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidEncodingException("unknown member '" + name + "'");
            }
        });
        JsonNode list = node.path("blockStateCalls");
        if (list.isMissingNode() || list.isNull()) {
            throw new InvalidEncodingException("missing blockStateCalls");
        }
        if (!list.isArray()) {
            throw new InvalidEncodingException("blockStateCalls: expected an array");
        }
        List<BlockCalls> blocks = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            blocks.add(block(list.get(i), "blockStateCalls[" + i + "]"));
        }
        return new SimulateRequest(blocks,
                member(node, "traceTransfers", "simulation", RpcEncoding::decodeBoolean).orElse(false),
                member(node, "validation", "simulation", RpcEncoding::decodeBoolean).orElse(false),
                member(node, "returnFullTransactions", "simulation", RpcEncoding::decodeBoolean).orElse(false));
    }

    private static BlockCalls block(JsonNode node, String path) {
        requireObject(node, path);
        node.fieldNames().forEachRemaining(name -> {
            if (!BLOCK_FIELDS.contains(name)) {
                throw new InvalidEncodingException(path + ": unknown member '" + name + "'");
            }
        });
        BlockOverrides overrides = present(node, "blockOverrides")
                ? BlockOverrides.fromJson(node.get("blockOverrides"), path + ".blockOverrides") : BlockOverrides.NONE;
        StateOverrides state = member(node, "stateOverrides", path, StateOverrides::fromJson).orElse(StateOverrides.NONE);
        List<CallRequest> calls = new ArrayList<>();
        if (present(node, "calls")) {
            JsonNode list = node.get("calls");
            if (!list.isArray()) {
                throw new InvalidEncodingException(path + ".calls: expected an array");
            }
            for (int i = 0; i < list.size(); i++) {
                calls.add(member(list, i, path + ".calls[" + i + "]", CallRequest::fromJson));
            }
        }
        return new BlockCalls(overrides, state, calls);
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidEncodingException(path + ": expected an object");
        }
    }

    private static boolean present(JsonNode node, String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    private static <T> Optional<T> member(JsonNode node, String name, String path, Function<JsonNode, T> decoder) {
        if (!present(node, name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.apply(node.get(name)));
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(path + "." + name + ": " + e.getMessage());
        }
    }

    private static <T> T member(JsonNode array, int index, String path, Function<JsonNode, T> decoder) {
        try {
            return decoder.apply(array.get(index));
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(path + ": " + e.getMessage());
        }
    }
}
