package org.parkchain.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Clients that keep paying each other while members die, the way a careful wallet behaves: one thread per sender
 * key, one transfer at a time, sent to any member (rotating to the next on no answer or a refusal), and sent again
 * — the same signed bytes, so the same hash — when no receipt has come after {@link #RESEND_AFTER}. Every receipt a
 * client is given is kept for {@link ChainInvariants}; a transfer that was acknowledged (its hash returned) but
 * never got a receipt by the end is a loss.
 */
final class RetryingClients implements AutoCloseable {
    static final Duration RESEND_AFTER = Duration.ofSeconds(5);
    private static final UInt256 GWEI = UInt256.of(1_000_000_000L);
    private static final Address SINK = Address.fromHex("0x000000000000000000000000000000000000c1a5");

    /** What the clients saw, at the end. */
    record Outcome(long acknowledged, long receipts, long resends, List<String> lost, List<String> errors,
                   List<Long> latenciesMs) {
        long percentileMs(double p) {
            if (latenciesMs.isEmpty()) {
                return -1;
            }
            List<Long> sorted = latenciesMs.stream().sorted().toList();
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    private final Supplier<List<MemberRpc>> entryPoints;
    private final long chainId;
    private final Map<String, JsonNode> receipts = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedWithoutReceipt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one client per key, each sending to {@code entryPoints} (asked again on every attempt). */
    RetryingClients(Supplier<List<MemberRpc>> entryPoints, long chainId, List<PrivateKey> senders) {
        this.entryPoints = entryPoints;
        this.chainId = chainId;
        for (int i = 0; i < senders.size(); i++) {
            PrivateKey key = senders.get(i);
            int first = i;
            threads.add(Thread.ofPlatform().daemon().name("client-" + i).start(() -> run(key, first)));
        }
    }

    /** Every receipt handed out so far, by transaction hash. */
    Map<String, JsonNode> receiptsGiven() {
        return receipts;
    }

    long receiptCount() {
        return receipts.size();
    }

    /** Stops sending new transfers; each client still waits for the one in flight, up to {@code grace}. */
    Outcome finish(Duration grace) {
        stop.set(true);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.forEach(Thread::interrupt);
        return new Outcome(acknowledged.get(), receipts.size(), resends.get(),
                List.copyOf(acknowledgedWithoutReceipt.keySet()), List.copyOf(errors), List.copyOf(latencies));
    }

    private void run(PrivateKey key, int firstMember) {
        int member = firstMember;
        long nonce = -1;
        while (!stop.get() || nonce < 0) {
            if (nonce < 0) {
                JsonNode count = attempt(member, rpc -> rpc.call("eth_getTransactionCount", key.address().toHex(), "latest"));
                if (count == null) {
                    member++;
                    pause(200);
                    if (stop.get()) {
                        return;
                    }
                    continue;
                }
                nonce = Long.decode(count.textValue());
            }
            Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(nonce)
                    .maxPriorityFeePerGas(GWEI).maxFeePerGas(GWEI.mul(UInt256.of(10))).gasLimit(21_000)
                    .to(SINK).value(UInt256.ONE).sign(key);
            member = deliver(tx, member);
            if (member < 0) {
                return; // interrupted at the end
            }
            nonce++;
        }
    }

    /** Sends {@code tx} until a receipt comes back; returns the member index to use next, or -1 when told to end. */
    private int deliver(Transaction tx, int member) {
        String raw = Hex.encode(tx.encode());
        String hash = tx.hash().toHex();
        long started = System.nanoTime();
        long lastSent = 0;
        boolean acked = false;
        while (!Thread.currentThread().isInterrupted()) {
            if (lastSent == 0 || System.nanoTime() - lastSent > RESEND_AFTER.toNanos()) {
                if (lastSent != 0) {
                    // No receipt from this member: it may be cut off or stuck; ask the next one from now on.
                    resends.incrementAndGet();
                    member++;
                }
                int m = member;
                JsonNode answer = attempt(m, rpc -> {
                    try {
                        return rpc.call("eth_sendRawTransaction", raw);
                    } catch (MemberRpc.Refused e) {
                        // The member knows it already (a resend), or a block has it: the same as an acknowledgement.
                        if (e.getMessage().contains("already known") || e.getMessage().contains("nonce too low")) {
                            return MemberRpc.JSON.getNodeFactory().textNode(hash);
                        }
                        errors.add(rpc.url() + " refused " + hash + ": " + e.getMessage());
                        return null;
                    }
                });
                if (answer == null) {
                    member++;
                    pause(100);
                    continue;
                }
                if (!answer.asText().equalsIgnoreCase(hash)) {
                    errors.add("member answered hash " + answer.asText() + " for " + hash);
                }
                if (!acked) {
                    acked = true;
                    acknowledged.incrementAndGet();
                    acknowledgedWithoutReceipt.put(hash, raw);
                }
                lastSent = System.nanoTime();
            }
            JsonNode receipt = attempt(member, rpc -> rpc.call("eth_getTransactionReceipt", hash));
            if (receipt != null && !receipt.isNull()) {
                receipts.put(hash, receipt);
                acknowledgedWithoutReceipt.remove(hash);
                latencies.add((System.nanoTime() - started) / 1_000_000);
                return member;
            }
            if (receipt == null) {
                member++;
            }
            pause(20);
        }
        return -1;
    }

    private interface Call {
        JsonNode on(MemberRpc rpc);
    }

    /** One call on entry point {@code index} (modulo their number); null when that member did not answer. */
    private JsonNode attempt(int index, Call call) {
        List<MemberRpc> all = entryPoints.get();
        MemberRpc rpc = all.get(Math.floorMod(index, all.size()));
        try {
            return call.on(rpc); // a JSON null (no receipt yet) is a NullNode, not null
        } catch (MemberRpc.Unreachable e) {
            return null;
        } catch (MemberRpc.Refused e) {
            errors.add(rpc.url() + ": " + e.getMessage());
            return null;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.set(true);
        threads.forEach(Thread::interrupt);
    }
}
