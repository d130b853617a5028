package org.parkchain.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.parkchain.bench.load.JsonRpcClient.Call;
import org.parkchain.bench.load.JsonRpcClient.Outcome;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.primitives.wallet.HdWallet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * End-to-end load on any Ethereum JSON-RPC node: signed ERC-20 transfers from many senders, submitted in
 * eth_sendRawTransaction batches over several HTTP connections, timed until every one is mined.
 *
 * <p>Set-up (not timed): deploy {@code clients/contracts/LoadToken.sol} from a funded account of the mnemonic, give
 * each sender native coin for gas and tokens to move, then sign every transfer in advance. Timed: from the first
 * batch sent until every sender's mined nonce has reached its last transfer. Then every receipt is read back and
 * must have status 1. The figure is transfers ÷ that time.
 *
 * <p>Each connection carries a fixed subset of the senders and sends their transactions in nonce order, and one
 * batch never holds two transactions of the same sender: a node may run a batch's calls concurrently (Hardhat
 * does, and refuses a nonce gap while automining), so nonce order must not depend on how it orders a batch.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures end-to-end ERC-20 transfers per second of an Ethereum JSON-RPC node.")
public final class LoadGenerator implements Callable<Integer> {
    private static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";
    private static final UInt256 GWEI = UInt256.of(1_000_000_000L);
    /** Senders are derived from this account index on, far from the dev chain's funded accounts 0–9. */
    private static final int SENDER_INDEX_BASE = 1000;
    private static final long POLL_MILLIS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RPC_URL", description = "HTTP JSON-RPC endpoint, e.g. http://127.0.0.1:8545")
    URI rpcUrl;

    /** What the transactions do. */
    enum Scenario { transfers, orders }

    @Option(names = "--scenario", defaultValue = "transfers",
            description = "transfers: ERC-20 transfers (any node); orders: placeOrder on the park's exchange (a Parkchain --dev node). Default: ${DEFAULT-VALUE}.")
    Scenario scenario;

    @Option(names = "--transactions", defaultValue = "20000", description = "Transactions to send (default: ${DEFAULT-VALUE}).")
    int transactions;

    @Option(names = "--senders", defaultValue = "200", description = "Distinct sending accounts (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--batch", defaultValue = "200",
            description = "Most eth_sendRawTransaction calls per JSON-RPC batch; a batch holds each sender at most once, so at most senders/connections (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--connections", defaultValue = "4", description = "Parallel HTTP connections submitting batches (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--max-fee-gwei", defaultValue = "100", description = "maxFeePerGas of every transfer, in gwei (default: ${DEFAULT-VALUE}).")
    long maxFeeGwei;

    @Option(names = "--funder", defaultValue = "0", description = "Index of the mnemonic account that pays for set-up (default: ${DEFAULT-VALUE}).")
    int funderIndex;

    @Option(names = "--mnemonic", description = "Mnemonic of the funded accounts (default: the standard test mnemonic).")
    String mnemonic = TEST_MNEMONIC;

    @Option(names = "--artifacts", paramLabel = "FILE", description = "Output of 'node clients/compile.mjs FILE'; compiled on the fly when absent.")
    Path artifacts;

    @Option(names = "--warmup", defaultValue = "0",
            description = "Transfers sent and mined the same way before the measured ones, not timed, so the node's JIT has compiled the paths the run takes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout-seconds", defaultValue = "900", description = "Give up when not all are mined by then (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    private final PrintStream out = System.out;
    private JsonRpcClient rpc;
    private long chainId;
    private UInt256 tip;
    private UInt256 maxFee;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new LoadGenerator());
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            ex.getCommandLine().getErr().println("load: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run 'bench/load --help' for usage.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("load: " + ex.getMessage());
            return 1;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        rpc = new JsonRpcClient(rpcUrl, Duration.ofSeconds(120));
        chainId = quantity(rpc.call("eth_chainId")).longValueExact();
        String client = rpc.call("web3_clientVersion").asText();
        String what = scenario == Scenario.orders ? "exchange orders" : "ERC-20 transfers";
        out.printf("load: %,d %s from %,d senders, batches of up to %d over %d connections%n",
                transactions, what, senders, Math.min(batchSize, (senders + connections - 1) / connections), connections);
        out.printf("node: %s at %s, chain id %d%n", client, rpcUrl, chainId);

        HdWallet wallet = HdWallet.fromPhrase(mnemonic);
        PrivateKey funder = wallet.account(funderIndex);
        List<PrivateKey> senderKeys = IntStream.range(0, senders).parallel().mapToObj(i -> wallet.account(SENDER_INDEX_BASE + i)).toList();
        List<Address> senderAddresses = senderKeys.stream().map(PrivateKey::address).toList();

        tip = quantity256(rpc.call("eth_maxPriorityFeePerGas"));
        maxFee = GWEI.mul(UInt256.of(maxFeeGwei));
        UInt256 baseFee = quantity256(rpc.call("eth_getBlockByNumber", "latest", false).path("baseFeePerGas"));
        if (maxFee.lt(baseFee.mul(UInt256.of(2)).add(tip))) {
            throw new IllegalStateException("--max-fee-gwei " + maxFeeGwei + " is below twice the base fee (" + baseFee
                    + " wei) plus the tip; raise it so transfers stay valid while the base fee rises");
        }

        long started = System.nanoTime();
        int perSender = (transactions + warmup + senders - 1) / senders;
        List<List<Transaction>> bySender;
        long signStart;
        if (scenario == Scenario.orders) {
            ExchangeOrders orders = new ExchangeOrders(this);
            orders.setUp(funder, wallet.account(funderIndex + 1), senderKeys, senderAddresses, perSender);
            out.printf("set-up: a platform operator, token LOAD and its market, %d client senders funded and approved, in %.1f s%n",
                    senders, seconds(System.nanoTime() - started));
            signStart = System.nanoTime();
            long[] nonces = latestNonces(senderAddresses);
            bySender = IntStream.range(0, senders).parallel().mapToObj(s -> orders.sign(senderKeys.get(s), nonces[s],
                    transactions / senders + (s < transactions % senders ? 1 : 0))).toList();
        } else {
            Address token = deployToken(funder);
            long gasLimit = transferGasLimit(funder.address(), token, senderAddresses.getFirst());
            fundSenders(funder, token, senderAddresses, perSender, gasLimit);
            out.printf("set-up: token %s deployed, %d senders funded, %d gas per transfer, in %.1f s%n",
                    token.toChecksumHex(), senders, gasLimit, seconds(System.nanoTime() - started));
            if (warmup > 0) {
                long warmStart = System.nanoTime();
                List<List<Transaction>> warm = signTransfers(token, senderKeys, senderAddresses, gasLimit, warmup);
                submitAndWatch(warm);
                out.printf("warm-up: %,d transfers signed, sent and mined the same way in %.1f s (not timed)%n", warmup,
                        seconds(System.nanoTime() - warmStart));
            }
            signStart = System.nanoTime();
            bySender = signTransfers(token, senderKeys, senderAddresses, gasLimit, transactions);
        }
        out.printf("signed %,d %s in %.1f s (in advance, not timed)%n", transactions, what, seconds(System.nanoTime() - signStart));

        Mined run = submitAndWatch(bySender);
        Submission submission = run.submission();
        long minedAt = run.minedAt();
        BlockWatcher watcher = run.watcher();
        double elapsed = seconds(minedAt - submission.start());
        out.printf("submitted in %.2f s (%,.0f tx/s accepted), all mined %.2f s after the first batch%n",
                seconds(submission.end() - submission.start()), transactions / seconds(submission.end() - submission.start()), elapsed);

        BlockSpan blocks = verifyReceipts(bySender);
        out.printf("receipts: %,d with status 1 in blocks %d..%d (%d blocks with transactions, up to %d per block)%n",
                transactions, blocks.first(), blocks.last(), blocks.count(), blocks.maxPerBlock());
        out.printf("end-to-end: %,.0f tx/s (%,d %s in %.2f s)%n", transactions / elapsed, transactions, what, elapsed);
        long[] latencies = watcher.latenciesNanos();
        out.printf("commit latency (batch sent -> its block seen, %d ms polls): p50 %d ms, p99 %d ms, max %d ms%n",
                POLL_MILLIS, percentileMs(latencies, 0.50), percentileMs(latencies, 0.99), percentileMs(latencies, 1.0));
        return 0;
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (!"http".equals(rpcUrl.getScheme()) && !"https".equals(rpcUrl.getScheme())) problems.add("RPC_URL must be http(s)://…, got " + rpcUrl);
        if (transactions < 1) problems.add("--transactions must be at least 1");
        if (senders < 1 || senders > 100_000) problems.add("--senders must be 1..100000");
        if (senders > transactions) problems.add("--senders must not exceed --transactions");
        if (batchSize < 1) problems.add("--batch must be at least 1");
        if (connections < 1 || connections > 256) problems.add("--connections must be 1..256");
        if (connections > senders) problems.add("--connections must not exceed --senders (each connection carries its own senders)");
        if (maxFeeGwei < 1) problems.add("--max-fee-gwei must be at least 1");
        if (funderIndex < 0 || funderIndex >= SENDER_INDEX_BASE - 1) problems.add("--funder must be 0.." + (SENDER_INDEX_BASE - 2));
        if (timeoutSeconds < 1) problems.add("--timeout-seconds must be at least 1");
        if (warmup < 0) problems.add("--warmup must not be negative");
        if (warmup > 0 && scenario != Scenario.transfers) problems.add("--warmup applies to the transfers scenario only");
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
        }
    }

    // ---- set-up ----------------------------------------------------------------------------------------------

    private Address deployToken(PrivateKey funder) {
        byte[] bytecode = Hex.decode(loadTokenBytecode());
        Transaction deploy = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(pendingNonce(funder.address()))
                .maxPriorityFeePerGas(tip).maxFeePerGas(maxFee).gasLimit(3_000_000).data(bytecode).sign(funder);
        JsonNode receipt = sendInOrderAndWait(List.of(deploy)).getFirst();
        return Address.fromHex(receipt.path("contractAddress").asText());
    }

    /** Native coin for gas and tokens to move, from the funder to every sender, sent in nonce order. */
    private void fundSenders(PrivateKey funder, Address token, List<Address> senderAddresses, int perSender, long gasLimit) {
        UInt256 coin = maxFee.mul(UInt256.of(gasLimit * perSender)).add(GWEI.mul(GWEI)); // gas for every transfer, plus 1 coin
        UInt256 tokens = UInt256.of(perSender);
        long nonce = pendingNonce(funder.address());
        List<Transaction> funding = new ArrayList<>(2 * senderAddresses.size());
        for (Address sender : senderAddresses) {
            funding.add(Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(nonce++).maxPriorityFeePerGas(tip)
                    .maxFeePerGas(maxFee).gasLimit(21_000).to(sender).value(coin).sign(funder));
            funding.add(Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(nonce++).maxPriorityFeePerGas(tip)
                    .maxFeePerGas(maxFee).gasLimit(100_000).to(token).data(Erc20Calls.transfer(sender, tokens)).sign(funder));
        }
        sendInOrderAndWait(funding);
        BigInteger held = quantity(rpc.call("eth_call", Map.of("to", token.toHex(), "data", Hex.encode(Erc20Calls.balanceOf(senderAddresses.getLast()))), "latest"));
        if (held.compareTo(BigInteger.valueOf(perSender)) < 0) {
            throw new IllegalStateException("the last sender holds " + held + " tokens after funding, expected " + perSender);
        }
    }

    /**
     * The gas limit of every transfer: the node's estimate for a transfer to an account holding no tokens yet (the
     * dearest case: a fresh storage slot), plus 10%. Ring transfers between funded senders use less.
     */
    private long transferGasLimit(Address funder, Address token, Address freshHolder) {
        long estimate = quantity(rpc.call("eth_estimateGas", Map.of("from", funder.toHex(), "to", token.toHex(),
                "data", Hex.encode(Erc20Calls.transfer(freshHolder, UInt256.ONE))))).longValueExact();
        return estimate + estimate / 10;
    }

    private String loadTokenBytecode() {
        try {
            Path file = artifacts;
            boolean temporary = false;
            if (file == null) {
                file = Files.createTempFile("parkchain-load-", ".json");
                temporary = true;
                compileContracts(file);
            }
            try {
                JsonNode bytecode = new ObjectMapper().readTree(file.toFile()).path("contracts").path("LoadToken").path("bytecode");
                if (!bytecode.isTextual() || bytecode.asText().length() < 4) {
                    throw new IllegalStateException(file + " holds no LoadToken bytecode (expected the output of clients/compile.mjs)");
                }
                return bytecode.asText();
            } finally {
                if (temporary) Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compileContracts(Path out) throws IOException {
        Path clients = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && clients == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("clients/compile.mjs"))) clients = dir.resolve("clients");
        }
        if (clients == null) {
            throw new IllegalStateException("clients/compile.mjs not found above " + Path.of("").toAbsolutePath() + "; pass --artifacts FILE");
        }
        String node = System.getenv().getOrDefault("PARKCHAIN_NODEJS", "node");
        Process p = new ProcessBuilder(node, "compile.mjs", out.toString()).directory(clients.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("node compile.mjs failed in " + clients + " (run 'npm ci' there first):\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        }
    }

    // ---- the measured part -------------------------------------------------------------------------------------

    /** Transfers per sender, in nonce order; sender i sends to sender i+1 (existing holders, as in a busy token). */
    private List<List<Transaction>> signTransfers(Address token, List<PrivateKey> keys, List<Address> addresses, long gasLimit,
                                                  int transactions) {
        long[] nonces = latestNonces(addresses);
        return IntStream.range(0, senders).parallel().mapToObj(s -> {
            int count = transactions / senders + (s < transactions % senders ? 1 : 0);
            Address to = addresses.get((s + 1) % senders);
            byte[] data = Erc20Calls.transfer(to, UInt256.ONE);
            List<Transaction> txs = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                txs.add(Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(nonces[s] + k).maxPriorityFeePerGas(tip)
                        .maxFeePerGas(maxFee).gasLimit(gasLimit).to(token).data(data).sign(keys.get(s)));
            }
            return List.copyOf(txs);
        }).toList();
    }

    record Submission(long start, long end) {}

    /** A submission and the moment its last transaction was seen in a block. */
    private record Mined(Submission submission, long minedAt, BlockWatcher watcher) {}

    /** Submits the transactions while a {@link BlockWatcher} sees them mined; returns when all are. */
    private Mined submitAndWatch(List<List<Transaction>> bySender) throws Exception {
        List<String> hashes = bySender.stream().flatMap(List::stream).map(tx -> tx.hash().toHex()).toList();
        BlockWatcher watcher = new BlockWatcher(rpc, hashes, quantity(rpc.call("eth_blockNumber")).longValueExact(),
                batchSize, POLL_MILLIS);
        ExecutorService watching = Executors.newSingleThreadExecutor();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            Future<Long> allMined = watching.submit(() -> watcher.awaitAll(deadline));
            Submission submission = submit(bySender, watcher);
            return new Mined(submission, allMined.get(), watcher);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            watching.shutdownNow(); // a failed submission stops the watcher rather than waiting for the deadline
        }
    }

    /** One eth_sendRawTransaction batch, encoded before the clock starts: its body and what each answer must be. */
    private record PreparedBatch(byte[] body, List<Call> calls, int[] indices, String[] hashes) {}

    /**
     * Connection c sends the transactions of senders c, c+C, c+2C… round by round (every sender's k-th transfer,
     * then every sender's (k+1)-th); a batch is at most one round, so it holds a sender at most once. Batches on one
     * connection go one after the other; their JSON bodies are encoded before the clock starts. Any refusal fails
     * the run with the node's reasons.
     */
    private Submission submit(List<List<Transaction>> bySender, BlockWatcher watcher) throws InterruptedException, ExecutionException {
        int[] firstIndex = new int[senders];
        for (int s = 1; s < senders; s++) firstIndex[s] = firstIndex[s - 1] + bySender.get(s - 1).size();
        List<Transaction> all = bySender.stream().flatMap(List::stream).toList(); // run index: sender after sender
        List<List<PreparedBatch>> perConnection = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            List<PreparedBatch> batches = new ArrayList<>();
            int rounds = bySender.stream().mapToInt(List::size).max().orElse(0);
            for (int k = 0; k < rounds; k++) {
                List<Integer> batch = new ArrayList<>();
                for (int s = c; s < senders; s += connections) {
                    if (k < bySender.get(s).size()) batch.add(firstIndex[s] + k);
                    if (batch.size() == batchSize) {
                        batches.add(prepare(batch, all));
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) batches.add(prepare(batch, all));
            }
            perConnection.add(batches);
        }
        Map<String, Integer> refusals = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Map<String, Integer>>> futures = new ArrayList<>();
            for (List<PreparedBatch> batches : perConnection) {
                futures.add(pool.submit(() -> sendBatches(batches, watcher)));
            }
            for (Future<Map<String, Integer>> f : futures) {
                f.get().forEach((reason, n) -> refusals.merge(reason, n, Integer::sum));
            }
        }
        long end = System.nanoTime();
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("the node refused transfers: " + refusals);
        }
        return new Submission(start, end);
    }

    private static PreparedBatch prepare(List<Integer> indices, List<Transaction> all) {
        List<Call> calls = new ArrayList<>(indices.size());
        String[] hashes = new String[indices.size()];
        for (int j = 0; j < indices.size(); j++) {
            Transaction tx = all.get(indices.get(j));
            calls.add(Call.of("eth_sendRawTransaction", Hex.encode(tx.encode())));
            hashes[j] = tx.hash().toHex();
        }
        return new PreparedBatch(JsonRpcClient.encode(calls), calls, indices.stream().mapToInt(Integer::intValue).toArray(), hashes);
    }

    private Map<String, Integer> sendBatches(List<PreparedBatch> batches, BlockWatcher watcher) {
        Map<String, Integer> refusals = new HashMap<>();
        for (PreparedBatch batch : batches) {
            long now = System.nanoTime();
            for (int index : batch.indices()) watcher.sent(index, now);
            List<Outcome> outcomes = rpc.send(batch.body(), batch.calls());
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                if (!o.ok()) {
                    refusals.merge(o.error().toString(), 1, Integer::sum);
                } else if (!batch.hashes()[i].equalsIgnoreCase(o.result().asText())) {
                    refusals.merge("answered hash " + o.result().asText() + " for " + batch.hashes()[i], 1, Integer::sum);
                }
            }
        }
        return refusals;
    }

    private static long percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return -1;
        int index = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1));
        return TimeUnit.NANOSECONDS.toMillis(sortedNanos[index]);
    }

    record BlockSpan(long first, long last, int count, int maxPerBlock) {}

    private BlockSpan verifyReceipts(List<List<Transaction>> bySender) {
        List<Transaction> all = bySender.stream().flatMap(List::stream).toList();
        Map<Long, Integer> perBlock = new HashMap<>();
        for (JsonNode receipt : receipts(all)) {
            if (!"0x1".equals(receipt.path("status").asText())) {
                throw new IllegalStateException("transfer " + receipt.path("transactionHash").asText() + " failed: " + receipt);
            }
            perBlock.merge(quantity(receipt.path("blockNumber")).longValueExact(), 1, Integer::sum);
        }
        TreeSet<Long> blocks = new TreeSet<>(perBlock.keySet());
        return new BlockSpan(blocks.first(), blocks.last(), blocks.size(), perBlock.values().stream().max(Integer::compare).orElse(0));
    }

    // ---- JSON-RPC helpers --------------------------------------------------------------------------------------

    /**
     * Sends one sender's transactions one call at a time, in nonce order (a batch could be run out of order, see the
     * class comment), then waits for their receipts, which must have status 1.
     */
    List<JsonNode> sendInOrderAndWait(List<Transaction> txs) {
        for (Transaction tx : txs) {
            rpc.call("eth_sendRawTransaction", Hex.encode(tx.encode()));
        }
        List<JsonNode> receipts = receipts(txs);
        for (JsonNode receipt : receipts) {
            if (!"0x1".equals(receipt.path("status").asText())) {
                throw new IllegalStateException("set-up transaction failed: " + receipt);
            }
        }
        return receipts;
    }

    /** The receipts of the transactions, waiting (bounded by --timeout-seconds) for any not yet mined. */
    private List<JsonNode> receipts(List<Transaction> txs) {
        JsonNode[] found = new JsonNode[txs.size()];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<Integer> missing = new ArrayList<>(IntStream.range(0, txs.size()).boxed().toList());
        while (!missing.isEmpty()) {
            List<Integer> still = new ArrayList<>();
            for (int from = 0; from < missing.size(); from += batchSize) {
                List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + batchSize));
                List<Outcome> outcomes = rpc.batch(chunk.stream().map(i -> Call.of("eth_getTransactionReceipt", txs.get(i).hash().toHex())).toList());
                for (int j = 0; j < chunk.size(); j++) {
                    JsonNode r = outcomes.get(j).resultOrThrow("eth_getTransactionReceipt");
                    if (r == null || r.isNull()) still.add(chunk.get(j));
                    else found[chunk.get(j)] = r;
                }
            }
            missing = still;
            if (!missing.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(missing.size() + " transactions have no receipt after " + timeoutSeconds + " s");
                }
                sleep(POLL_MILLIS);
            }
        }
        return Arrays.asList(found);
    }

    long pendingNonce(Address address) {
        return quantity(rpc.call("eth_getTransactionCount", address.toHex(), "pending")).longValueExact();
    }

    UInt256 maxFee() {
        return maxFee;
    }

    /** A signed EIP-1559 transaction with this run's chain id and fees. */
    Transaction signed(PrivateKey key, long nonce, Address to, UInt256 value, byte[] data, long gasLimit) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(nonce).maxPriorityFeePerGas(tip)
                .maxFeePerGas(maxFee).gasLimit(gasLimit).to(to).value(value).data(data).sign(key);
    }

    private long[] latestNonces(List<Address> addresses) {
        long[] nonces = new long[addresses.size()];
        for (int from = 0; from < addresses.size(); from += batchSize) {
            List<Address> chunk = addresses.subList(from, Math.min(addresses.size(), from + batchSize));
            List<Outcome> outcomes = rpc.batch(chunk.stream().map(a -> Call.of("eth_getTransactionCount", a.toHex(), "latest")).toList());
            for (int i = 0; i < chunk.size(); i++) {
                nonces[from + i] = quantity(outcomes.get(i).resultOrThrow("eth_getTransactionCount")).longValueExact();
            }
        }
        return nonces;
    }

    static BigInteger quantity(JsonNode node) {
        String s = node == null ? "" : node.asText();
        if (!s.startsWith("0x") || s.length() < 3) {
            throw new JsonRpcClient.RpcFailure("expected a hex quantity, got " + node);
        }
        return new BigInteger(s.substring(2), 16);
    }

    private static UInt256 quantity256(JsonNode node) {
        return UInt256.of(quantity(node));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
