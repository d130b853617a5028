package org.parkchain.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What must hold after every fault, checked from outside through JSON-RPC only:
 * <ol>
 *   <li>all members hold the same chain: block by block from genesis to the head, the same hash, parent hash,
 *       state root, receipts root and transactions root, and the heads are equal;</li>
 *   <li>every receipt a client was ever given exists, identical (block hash, index, status, gas, logs…), on every
 *       member.</li>
 * </ol>
 * {@link #violations} lists every breach it finds rather than stopping at the first, so a report shows the extent
 * of a fork.
 */
final class ChainInvariants {
    private static final int BATCH = 200;
    private static final List<String> HEADER_FIELDS = List.of("hash", "parentHash", "stateRoot", "receiptsRoot",
            "transactionsRoot");

    private ChainInvariants() {}

    /** Throws an AssertionError listing every breach (the first 30) when any invariant does not hold. */
    static void assertHold(Map<String, MemberRpc> members, Map<String, JsonNode> receiptsGiven) {
        List<String> found = violations(members, receiptsGiven);
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " invariant violation(s) across " + members.keySet() + ":\n  "
                    + found.stream().limit(30).collect(Collectors.joining("\n  ")));
        }
    }

    static List<String> violations(Map<String, MemberRpc> members, Map<String, JsonNode> receiptsGiven) {
        return violations(members, receiptsGiven, true);
    }

    /**
     * As {@link #assertHold}, for a chain that keeps growing (blocks on a clock): the heads may differ; blocks are
     * compared up to the lowest head, and the receipts of blocks up to it.
     */
    static void assertHoldUpToLowestHead(Map<String, MemberRpc> members, Map<String, JsonNode> receiptsGiven) {
        List<String> found = violations(members, receiptsGiven, false);
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " invariant violation(s) across " + members.keySet() + ":\n  "
                    + found.stream().limit(30).collect(Collectors.joining("\n  ")));
        }
    }

    private static List<String> violations(Map<String, MemberRpc> members, Map<String, JsonNode> receiptsGiven,
                                           boolean equalHeads) {
        List<String> found = new ArrayList<>();
        Map<String, Long> heads = new LinkedHashMap<>();
        members.forEach((id, rpc) -> heads.put(id, Long.decode(rpc.call("eth_blockNumber").textValue())));
        if (equalHeads && heads.values().stream().distinct().count() > 1) {
            found.add("heads differ: " + heads);
        }
        long common = heads.values().stream().mapToLong(Long::longValue).min().orElse(-1);
        compareBlocks(members, common, found);
        Map<String, JsonNode> receipts = new LinkedHashMap<>(receiptsGiven);
        if (!equalHeads) {
            receipts.values().removeIf(r -> blockOf(r) > common);
        }
        compareReceipts(members, receipts, found);
        return found;
    }

    /** Waits until member {@code id} has applied block {@code number}; returns the wait in milliseconds. */
    static long awaitBlock(MemberRpc member, long number, Duration timeout) {
        long start = System.nanoTime();
        while (true) {
            try {
                if (Long.decode(member.call("eth_blockNumber").textValue()) >= number) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (MemberRpc.Unreachable e) {
                // starting
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError(member.url() + " did not reach block " + number + " within " + timeout);
            }
            sleep(100);
        }
    }

    private static void compareBlocks(Map<String, MemberRpc> members, long upTo, List<String> found) {
        String reference = members.keySet().iterator().next();
        String previousHash = null;
        for (long from = 0; from <= upTo; from += BATCH) {
            List<List<Object>> params = new ArrayList<>();
            for (long n = from; n <= Math.min(upTo, from + BATCH - 1); n++) {
                params.add(List.of("0x" + Long.toHexString(n), false));
            }
            Map<String, List<JsonNode>> blocks = new LinkedHashMap<>();
            members.forEach((id, rpc) -> blocks.put(id, rpc.batch("eth_getBlockByNumber", params)));
            for (int i = 0; i < params.size(); i++) {
                long number = from + i;
                JsonNode ref = blocks.get(reference).get(i);
                if (ref == null || ref.isNull()) {
                    found.add("block " + number + " missing on " + reference);
                    continue;
                }
                if (previousHash != null && !previousHash.equals(ref.path("parentHash").asText())) {
                    found.add("block " + number + " on " + reference + " does not link to block " + (number - 1));
                }
                previousHash = ref.path("hash").asText();
                for (Map.Entry<String, List<JsonNode>> other : blocks.entrySet()) {
                    JsonNode block = other.getValue().get(i);
                    if (block == null || block.isNull()) {
                        found.add("block " + number + " missing on " + other.getKey());
                        continue;
                    }
                    for (String field : HEADER_FIELDS) {
                        if (!ref.path(field).equals(block.path(field))) {
                            found.add("block " + number + " " + field + ": " + ref.path(field).asText() + " on "
                                    + reference + ", " + block.path(field).asText() + " on " + other.getKey());
                        }
                    }
                }
            }
        }
    }

    private static void compareReceipts(Map<String, MemberRpc> members, Map<String, JsonNode> receiptsGiven,
                                        List<String> found) {
        List<String> hashes = new ArrayList<>(receiptsGiven.keySet());
        for (int from = 0; from < hashes.size(); from += BATCH) {
            List<String> slice = hashes.subList(from, Math.min(hashes.size(), from + BATCH));
            List<List<Object>> params = slice.stream().map(h -> List.<Object>of(h)).toList();
            for (Map.Entry<String, MemberRpc> member : members.entrySet()) {
                List<JsonNode> receipts = member.getValue().batch("eth_getTransactionReceipt", params);
                for (int i = 0; i < slice.size(); i++) {
                    JsonNode given = receiptsGiven.get(slice.get(i));
                    JsonNode held = receipts.get(i);
                    if (held == null || held.isNull()) {
                        found.add("receipt of " + slice.get(i) + " (block " + blockOf(given) + ") missing on "
                                + member.getKey());
                    } else if (!held.equals(given)) {
                        found.add("receipt of " + slice.get(i) + " differs on " + member.getKey() + ": given "
                                + given + ", held " + held);
                    }
                }
            }
        }
    }

    private static long blockOf(JsonNode receipt) {
        return Long.decode(receipt.path("blockNumber").asText("0x0"));
    }

    /**
     * Waits until every member reports the same head (number and hash) twice in a row {@code settle} apart, and
     * returns its number; throws with the last heads seen when that does not happen within {@code timeout}.
     */
    static long awaitSameHead(Map<String, MemberRpc> members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> last = Map.of();
        while (true) {
            Map<String, String> heads = new LinkedHashMap<>();
            for (Map.Entry<String, MemberRpc> m : members.entrySet()) {
                try {
                    JsonNode head = m.getValue().call("eth_getBlockByNumber", "latest", false);
                    heads.put(m.getKey(), head.path("number").asText() + " " + head.path("hash").asText());
                } catch (MemberRpc.Unreachable | MemberRpc.Refused e) {
                    heads.put(m.getKey(), "unreachable: " + e.getMessage());
                }
            }
            if (heads.values().stream().distinct().count() == 1 && heads.equals(last)) {
                return Long.decode(heads.values().iterator().next().split(" ")[0]);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("members did not reach the same head within " + timeout + ": " + heads);
            }
            last = heads;
            sleep(500);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
