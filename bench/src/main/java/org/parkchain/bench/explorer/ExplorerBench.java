package org.parkchain.bench.explorer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.pool.TransactionRejectedException;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.node.park.JsonRpcClient;
import org.parkchain.node.park.ParkStory;
import org.parkchain.node.park.RpcWallet;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * The explorer's page latency with a large index: a --dev node with its data on disk plays the park's story, then
 * takes {@code --transactions} (100,000) signed coin transfers between {@code --senders} (1,000) accounts straight into
 * its pool; once every one is mined and indexed, each page and API request below is timed {@code --requests} times
 * over HTTP, one at a time, and its p50/p99/max printed. Also prints how far the index lagged the chain while the
 * transfers were mined (sampled every 50 ms).
 *
 * <pre>java -cp bench/target/parkchain-bench.jar org.parkchain.bench.explorer.ExplorerBench [--transactions N]
 *     [--senders S] [--requests R]</pre>
 */
public final class ExplorerBench {
    private static final BigInteger UNIT = BigInteger.TEN.pow(18);

    public static void main(String[] args) throws Exception {
        Map<String, Long> opts = new LinkedHashMap<>(Map.of("--transactions", 100_000L, "--senders", 1_000L,
                "--requests", 200L));
        for (int i = 0; i < args.length; i += 2) {
            if (!opts.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: ExplorerBench [--transactions N] [--senders S] [--requests R]");
                System.exit(2);
            }
            opts.put(args[i], Long.parseLong(args[i + 1]));
        }
        int transactions = opts.get("--transactions").intValue();
        int senderCount = opts.get("--senders").intValue();
        int requests = opts.get("--requests").intValue();
        Path data = Files.createTempDirectory("explorer-bench");
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(data))) {
            RpcWallet wallet = new RpcWallet(new JsonRpcClient(node.rpcUrl()));
            ParkStory.Cast cast = ParkStory.Cast.of(Genesis.devKeys());
            ParkStory.Outcome story = new ParkStory(wallet, cast, new PrintWriter(new StringWriter())).play();
            List<PrivateKey> senders = fund(node, senderCount, transactions / senderCount + 1);
            // One call into the park token among the transfers: it lands inside a large block, the worst place for a
            // first view, which replays its block up to it.
            Transaction tokenTransfer = tokenTransfer(node, wallet, cast, story.token());
            long lagMax = load(node, senders, transactions, tokenTransfer);
            long head = node.chain().head().number();
            String base = node.rpcUrl().toString().replaceAll("/$", "");
            HttpClient http = HttpClient.newHttpClient();
            waitIndexed(http, base, head);
            System.out.printf("%,d transfers indexed, head block %,d; largest index lag while mining: %d blocks%n",
                    transactions, head, lagMax);
            String someTx = first(http, base + "/api/txs?limit=1", "\"hash\":\"");
            String sender = senders.get(0).address().toChecksumHex();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home /", "/");
            pages.put("GET /api/txs", "/api/txs?limit=25");
            pages.put("GET /api/blocks", "/api/blocks?limit=25");
            pages.put("transaction page", "/tx/" + someTx);
            pages.put("GET /api/txs/{hash}", "/api/txs/" + someTx);
            pages.put("address page (100 txs)", "/address/" + sender);
            pages.put("GET /api/addresses/{a}/txs", "/api/addresses/" + sender + "/txs?limit=25");
            pages.put("block page", "/block/" + (head / 2));
            pages.put("token page", "/token/" + story.token().toChecksumHex());
            pages.put("resident page", "/park/resident/" + cast.issuer().address().toChecksumHex());
            pages.put("offering page", "/park/offering/" + story.offeringId());
            pages.put("levy page", "/park/levy");
            pages.put("board page", "/park/board");
            pages.put("clients page", "/park/clients");
            pages.put("blocked page", "/park/blocked");
            pages.put("GET /api/park/levy", "/api/park/levy");
            pages.put("search (token symbol)", "/search?q=MSL");
            pages.put("markets page", "/park/markets");
            pages.put("market page", "/park/market/" + story.trading().platformMarket());
            // A call into the exchange: its first view replays its block (timed below), later views are kept.
            pages.put("transaction page (replayed, kept)", "/tx/" + story.steps().get("bidBY").receipt().txHash().toHex());
            System.out.printf("%-30s %8s %8s %8s%n", "request", "p50 ms", "p99 ms", "max ms");
            for (var page : pages.entrySet()) {
                long[] nanos = new long[requests];
                for (int i = 0; i < 5; i++) {
                    get(http, base + page.getValue()); // warm-up
                }
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    get(http, base + page.getValue());
                    nanos[i] = System.nanoTime() - t0;
                }
                Arrays.sort(nanos);
                System.out.printf("%-30s %8.1f %8.1f %8.1f%n", page.getKey(), nanos[requests / 2] / 1e6,
                        nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6, nanos[requests - 1] / 1e6);
            }
            firstViews(http, base, story);
            firstViewInALargeBlock(http, base, node, tokenTransfer);
            System.out.println("load average " + loadAverage());
        } finally {
            deleteTree(data); // ~90 MB of chain per run
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The first view of each of the story's transactions that called a contract: each replays its block up to it
     * (internal calls, revert reason), as nothing is kept for it yet.
     */
    private static void firstViews(HttpClient http, String base, ParkStory.Outcome story) {
        List<Long> nanos = new java.util.ArrayList<>();
        for (ParkStory.Step step : story.steps().values()) {
            String hash = step.receipt().txHash().toHex();
            if (hash.equals(story.steps().get("bidBY").receipt().txHash().toHex())) {
                continue; // viewed above
            }
            long t0 = System.nanoTime();
            get(http, base + "/api/txs/" + hash);
            nanos.add(System.nanoTime() - t0);
        }
        nanos.sort(null);
        System.out.printf("%-30s %8.1f %8.1f %8.1f  (%d transactions, each viewed once)%n", "first view of a tx (replay)",
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6, nanos.size());
    }

    /** The Korean company sends the Belarusian individual one unit of the story's park token. */
    private static Transaction tokenTransfer(ParkchainNode node, RpcWallet wallet, ParkStory.Cast cast, Address token) {
        PrivateKey from = cast.koreanCompany();
        long nonce = Long.decode(wallet.rpc().call("eth_getTransactionCount", from.address().toHex(), "pending").asText());
        byte[] data = org.parkchain.primitives.abi.AbiFunction.parse("transfer(address,uint256)")
                .encodeCall(cast.belarusianIndividual().address(), UInt256.ONE);
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(node.chainId()).nonce(nonce)
                .maxPriorityFeePerGas(UInt256.of(1_000_000_000L)).maxFeePerGas(UInt256.of(100_000_000_000L))
                .gasLimit(200_000).to(token).data(data).sign(from);
    }

    /** The first view of {@code tx}, mined among thousands of transfers: its block is replayed up to it. */
    private static void firstViewInALargeBlock(HttpClient http, String base, ParkchainNode node, Transaction tx) {
        var found = node.chain().transaction(tx.hash()).orElseThrow();
        int size = node.chain().block(found.blockHash()).orElseThrow().transactions().size();
        long t0 = System.nanoTime();
        get(http, base + "/api/txs/" + tx.hash().toHex());
        System.out.printf("first view of a park token transfer at position %,d of a block of %,d transactions: %.1f ms%n",
                found.index() + 1, size, (System.nanoTime() - t0) / 1e6);
    }

    /** Senders derived from a fixed seed, each given coin for {@code transfers} transfers by dev accounts 1 to 8. */
    private static List<PrivateKey> fund(ParkchainNode node, int count, int transfers) {
        List<PrivateKey> keys = new ArrayList<>();
        List<Transaction> txs = new ArrayList<>();
        List<PrivateKey> dev = Genesis.devKeys();
        long[] nonces = new long[10];
        for (int i = 1; i <= 8; i++) {
            nonces[i] = node.chain().state(node.chain().head()).nonce(dev.get(i).address());
        }
        UInt256 amount = UInt256.of(BigInteger.valueOf(transfers).multiply(UNIT).divide(BigInteger.valueOf(100)));
        for (int i = 0; i < count; i++) {
            PrivateKey key = PrivateKey.of(Keccak.hash(("explorer bench sender " + i).getBytes()).toArray());
            keys.add(key);
            int funder = 1 + i % 8;
            txs.add(transfer(node, dev.get(funder), nonces[funder]++, key.address(), amount));
        }
        submitAndWait(node, txs);
        return keys;
    }

    private static Transaction transfer(ParkchainNode node, PrivateKey from, long nonce, Address to, UInt256 value) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(node.chainId()).nonce(nonce)
                .maxPriorityFeePerGas(UInt256.of(1_000_000_000L)).maxFeePerGas(UInt256.of(100_000_000_000L))
                .gasLimit(21_000).to(to).value(value).sign(from);
    }

    /** Sender i pays sender i+1 one wei at a time; returns the largest index lag seen while the blocks were mined. */
    private static long load(ParkchainNode node, List<PrivateKey> senders, int transactions, Transaction extra)
            throws Exception {
        List<Transaction> txs = new ArrayList<>(transactions);
        int perSender = (transactions + senders.size() - 1) / senders.size();
        for (int k = 0; k < perSender; k++) {
            for (int i = 0; i < senders.size() && txs.size() < transactions; i++) {
                txs.add(transfer(node, senders.get(i), k, senders.get((i + 1) % senders.size()).address(), UInt256.ONE));
            }
        }
        txs.add(txs.size() / 2, extra);
        long[] lag = {0};
        HttpClient http = HttpClient.newHttpClient();
        String base = node.rpcUrl().toString().replaceAll("/$", "");
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String s = get(http, base + "/api/status");
                    long head = Long.parseLong(s.replaceAll(".*\"head\":(\\d+).*", "$1"));
                    long indexed = Long.parseLong(s.replaceAll(".*\"indexedUpTo\":(-?\\d+).*", "$1"));
                    lag[0] = Math.max(lag[0], head - indexed);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the node is busy: sample again
                }
            }
        });
        long t0 = System.nanoTime();
        submitAndWait(node, txs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        String status = get(http, base + "/api/status");
        long indexing = Long.parseLong(status.replaceAll(".*\"indexingMillis\":(\\d+).*", "$1"));
        System.out.printf("%,d transfers submitted and mined in %.1f s (%,.0f tx/s, load average %s)%n", transactions,
                seconds, transactions / seconds, loadAverage());
        System.out.printf("time the appending thread spent computing index entries since start: %,d ms (%.1f%% of"
                + " the mining time)%n", indexing, indexing / 10.0 / seconds);
        return lag[0];
    }

    private static void submitAndWait(ParkchainNode node, List<Transaction> txs) {
        for (Transaction tx : txs) {
            // Stay well below the pool's limit, so that no transfer is refused or evicted.
            while (node.pool().size() > 20_000) {
                sleep(5);
            }
            try {
                node.pool().submit(tx);
            } catch (TransactionRejectedException e) {
                throw new IllegalStateException("refused: " + e.getMessage(), e);
            }
        }
        Transaction last = txs.get(txs.size() - 1);
        while (node.chain().transaction(last.hash()).isEmpty() || node.pool().size() > 0) {
            sleep(20);
        }
    }

    private static void waitIndexed(HttpClient http, String base, long head) {
        while (!get(http, base + "/api/status").contains("\"indexedUpTo\":" + head + ",")) {
            sleep(20);
        }
    }

    private static String first(HttpClient http, String url, String marker) {
        String body = get(http, url);
        int at = body.indexOf(marker) + marker.length();
        return body.substring(at, body.indexOf('"', at));
    }

    private static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
