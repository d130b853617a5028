package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.InvalidTransactionException;
import org.parkchain.primitives.tx.Transaction;

/**
 * ethereum/tests TransactionTests: {@code txbytes} is a raw transaction; under {@code result.<fork>} either its
 * hash, sender and intrinsic gas, or an {@code exception} meaning it must be refused. A transaction is decoded with
 * {@link Transaction#decode(byte[], int)} (no size limit: the files test encodings, not the pool's limit) and checked
 * with {@link Transaction#validate(long)} for chain id 1, the chain these files are signed for.
 *
 * <p>Some files in {@code ttWrongRLP} list expectations only up to Shanghai; a byte string that is not a valid
 * transaction before Cancun is not one in Cancun either (Cancun changed nothing for these types), so the latest
 * fork listed before the requested one is used.
 */
public final class TransactionSuite implements ConformanceSuite {
    private static final long CHAIN_ID = 1;
    /** The only fork whose rules {@link Transaction} implements. */
    static final String SUPPORTED_FORK = "Cancun";
    /** Forks in order, so that a missing expectation falls back to the latest earlier one. */
    private static final List<String> FORKS = List.of("Frontier", "Homestead", "EIP150", "EIP158", "Byzantium",
            "Constantinople", "ConstantinopleFix", "Istanbul", "Berlin", "London", "Paris", "Shanghai", "Cancun");

    @Override
    public String name() {
        return "tx";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        if (!SUPPORTED_FORK.equals(fork)) {
            report.fail(file + ": fork " + fork + " is not supported; only " + SUPPORTED_FORK + " is");
            return;
        }
        CaseFile.forEachCase(file, report, test -> {
            JsonNode expected = expectation(test.path("result"), fork);
            return expected == null
                    ? "no expectation for " + fork + " or an earlier fork"
                    : run(test.get("txbytes").asText(), expected, org.parkchain.evm.Fork.byName(fork).orElseThrow().intrinsicGas());
        });
    }

    private static JsonNode expectation(JsonNode result, String fork) {
        for (int i = FORKS.indexOf(fork); i >= 0; i--) {
            if (result.has(FORKS.get(i))) {
                return result.get(FORKS.get(i));
            }
        }
        return null;
    }

    private static String run(String txbytes, JsonNode expected, org.parkchain.primitives.tx.IntrinsicGas prices) {
        byte[] bytes;
        try {
            bytes = Hex.decode(txbytes);
        } catch (IllegalArgumentException e) {
            // A few files hold deliberately broken hex; it can never be a transaction.
            return expected.has("exception") ? null : "txbytes is not hex: " + e.getMessage();
        }
        Transaction tx;
        try {
            tx = Transaction.decode(bytes, Integer.MAX_VALUE);
            tx.validate(CHAIN_ID, prices);
        } catch (InvalidTransactionException e) {
            return expected.has("exception")
                    ? null
                    : "refused (" + e.reason() + ": " + e.getMessage() + "), expected valid";
        }
        if (expected.has("exception")) {
            return "accepted (sender " + tx.sender() + "), expected " + expected.get("exception").asText();
        }
        Hash hash = Hash.fromHex(expected.get("hash").asText());
        Address sender = Address.fromHex(expected.get("sender").asText());
        long intrinsicGas = UInt256.parse(expected.get("intrinsicGas").asText()).toLong();
        if (!tx.hash().equals(hash)) {
            return "hash " + tx.hash() + ", expected " + hash;
        }
        if (!tx.sender().equals(sender)) {
            return "sender " + tx.sender() + ", expected " + sender;
        }
        if (tx.intrinsicGas(prices) != intrinsicGas) {
            return "intrinsic gas " + tx.intrinsicGas(prices) + ", expected " + intrinsicGas;
        }
        return null;
    }
}
