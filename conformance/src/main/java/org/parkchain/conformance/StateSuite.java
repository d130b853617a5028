package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.Fork;
import org.parkchain.evm.Log;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.RlpWriter;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.tx.InvalidTransactionException;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.NodeStore;
import org.parkchain.state.WorldState;
import org.parkchain.state.WriteBatch;

/**
 * ethereum/tests GeneralStateTests: for every case the fork lists under {@code post}, one transaction (picked by its
 * data/gas/value indexes) runs in the {@code env} block over the {@code pre} state; the post-state root and the
 * Keccak of the RLP of the logs must match, and a case with {@code expectException} must be rejected.
 */
public final class StateSuite implements ConformanceSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Chain id the tests are signed for (mainnet's). */
    private static final UInt256 CHAIN_ID = UInt256.ONE;

    

    @Override
    public String name() {
        return "state";
    }


    @Override
    public void runFile(Path file, String fork, Report report) {
        java.util.Optional<Fork> spec = Fork.byName(fork);
        if (spec.isEmpty()) {
            report.fail(file + ": fork " + fork + " is not supported; " + Fork.ALL.stream().map(Fork::name).toList() + " are");
            return;
        }
        JsonNode tests;
        try {
            tests = JSON.readTree(file.toFile());
        } catch (IOException e) {
            report.fail(file + ": cannot read: " + e.getMessage());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> test = it.next();
            JsonNode cases = test.getValue().path("post").path(fork);
            if (!cases.isArray() || cases.isEmpty()) {
                continue;
            }
            try {
                runTest(file, spec.get(), test.getKey(), test.getValue(), cases, report);
            } catch (RuntimeException | StackOverflowError e) {
                report.fail(file + " " + test.getKey() + ": runner error: " + e);
            }
        }
    }

    private void runTest(Path file, Fork fork, String name, JsonNode test, JsonNode cases, Report report) {
        // One processor per test: files run on several threads and the EVM need not be shared between them.
        TransactionProcessor processor = new TransactionProcessor(NativeContracts.NONE);
        NodeStore store = new InMemoryNodeStore();
        WorldState genesis = new WorldState(store);
        for (Iterator<Map.Entry<String, JsonNode>> it = test.get("pre").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode account = e.getValue();
            Map<UInt256, UInt256> storage = new HashMap<>();
            account.path("storage").fields().forEachRemaining(s -> storage.put(UInt256.parse(s.getKey()), UInt256.parse(s.getValue().asText())));
            genesis.allocate(Address.fromHex(e.getKey()), UInt256.parse(account.get("nonce").asText()).u0,
                    UInt256.parse(account.get("balance").asText()), Hex.decode(account.get("code").asText()), storage);
        }
        Hash preRoot = genesis.commit();
        BlockEnvironment block = environment(test.get("env"), fork);
        JsonNode tx = test.get("transaction");

        for (JsonNode c : cases) {
            int d = c.get("indexes").get("data").asInt();
            int g = c.get("indexes").get("gas").asInt();
            int v = c.get("indexes").get("value").asInt();
            String where = file + " " + name + " d=" + d + " g=" + g + " v=" + v;
            String difference;
            try {
                difference = runCase(processor, store, preRoot, block, tx, d, g, v, c);
            } catch (RuntimeException | StackOverflowError e) {
                difference = "runner error: " + e;
            }
            if (difference == null) {
                report.pass();
            } else {
                report.fail(where + ": " + difference);
            }
        }
    }

    private String runCase(TransactionProcessor processor, NodeStore store, Hash preRoot, BlockEnvironment block, JsonNode tx, int d, int g, int v, JsonNode expected) {
        WorldState state = new WorldState(store, preRoot);
        String expectException = expected.path("expectException").asText(null);
        TestTransaction.Built built = TestTransaction.build(tx, d, g, v);
        List<Log> logs = List.of();
        String rejection = built.undecodable();
        ExecutableTransaction executable = built.transaction();
        String statelessRefusal = null;
        if (expected.has("txbytes")) {
            // The node's path: decode the raw bytes, recover the sender, check the stateless rules, then execute.
            // Blob transactions are refused at decoding (Parkchain carries none), but the EVM keeps Cancun's blob
            // semantics, so those cases still run from the JSON fields.
            try {
                Transaction decoded = Transaction.decode(Hex.decode(expected.get("txbytes").asText()), Integer.MAX_VALUE);
                ExecutableTransaction fromBytes = TestTransaction.fromDecoded(decoded);
                if (executable != null) {
                    String difference = TestTransaction.difference(fromBytes, executable);
                    if (difference != null) {
                        return "txbytes and the JSON fields disagree: " + difference;
                    }
                }
                executable = fromBytes;
                rejection = null;
                try {
                    decoded.validate(CHAIN_ID.toLong(), block.fork().intrinsicGas());
                } catch (InvalidTransactionException e) {
                    statelessRefusal = e.reason() + ": " + e.getMessage();
                }
            } catch (InvalidTransactionException e) {
                boolean blob = e.reason() == InvalidTransaction.TYPE_NOT_SUPPORTED
                        && expected.get("txbytes").asText().startsWith("0x0" + TransactionType.BLOB.id());
                if (!blob) {
                    executable = null;
                    rejection = "txbytes refused: " + e.reason() + ": " + e.getMessage();
                }
            }
        }
        if (rejection == null) {
            TransactionResult result = processor.process(state, block, executable);
            switch (result) {
                case TransactionResult.Rejected r -> rejection = r.reason() + ": " + r.detail();
                case TransactionResult.Executed x -> {
                    if (statelessRefusal != null) {
                        return "the processor executed a transaction Transaction.validate refuses (" + statelessRefusal + ")";
                    }
                    logs = x.logs();
                }
            }
        }
        if (statelessRefusal != null && expectException == null) {
            return "Transaction.validate refused a transaction the test executes: " + statelessRefusal;
        }
        if (expectException != null && rejection == null) {
            return "expected " + expectException + " but the transaction was executed";
        }
        if (expectException == null && rejection != null) {
            return "transaction rejected: " + rejection;
        }
        // As the reference clients' state-test runners do: credit the coinbase with zero after the transaction, so an
        // empty coinbase is touched (and deleted by EIP-161) even when the transaction was rejected.
        state.setBalance(block.coinbase(), state.balance(block.coinbase()));
        state.endTransaction();
        Hash root = state.commit(new WriteBatch());
        Hash expectedRoot = Hash.fromHex(expected.get("hash").asText());
        if (!root.equals(expectedRoot)) {
            return "state root " + root + ", expected " + expectedRoot;
        }
        Hash logsHash = logsHash(logs);
        Hash expectedLogs = Hash.fromHex(expected.get("logs").asText());
        if (!logsHash.equals(expectedLogs)) {
            return "logs hash " + logsHash + ", expected " + expectedLogs + " (" + logs.size() + " logs)";
        }
        return null;
    }

    private static BlockEnvironment environment(JsonNode env, Fork fork) {
        long number = UInt256.parse(env.get("currentNumber").asText()).u0;
        return new BlockEnvironment(fork,
                Address.fromHex(env.get("currentCoinbase").asText()),
                number,
                UInt256.parse(env.get("currentTimestamp").asText()).u0,
                UInt256.parse(env.get("currentGasLimit").asText()).u0,
                env.has("currentBaseFee") ? UInt256.parse(env.get("currentBaseFee").asText()) : UInt256.ZERO,
                env.has("currentRandom") ? Hash.wrap(UInt256.parse(env.get("currentRandom").asText()).toBytes32()) : Hash.ZERO,
                env.has("currentExcessBlobGas") ? UInt256.parse(env.get("currentExcessBlobGas").asText()).u0 : 0,
                CHAIN_ID,
                // The test generators define the hash of block n as Keccak-256 of n written in decimal.
                n -> Keccak.hash(BigInteger.valueOf(n).toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Keccak-256 of the RLP list of [address, [topics…], data] entries, as the tests' {@code logs} field holds. */
    static Hash logsHash(List<Log> logs) {
        RlpWriter w = new RlpWriter().startList();
        for (Log log : logs) {
            w.startList().writeAddress(log.address()).startList();
            for (Hash t : log.topics()) {
                w.writeHash(t);
            }
            w.endList().writeBytes(log.data()).endList();
        }
        return Keccak.hash(w.endList().toByteArray());
    }
}
