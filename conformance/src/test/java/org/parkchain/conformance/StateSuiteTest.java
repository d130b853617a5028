package org.parkchain.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

class StateSuiteTest {
    private static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    private static final Address RECIPIENT = Address.fromLong(0xb0b);
    private static final Address COINBASE = Address.fromLong(0xc0ffee);
    private static final PrivateKey KEY = PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    private static final Hash NO_LOGS = Hash.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    @TempDir
    Path dir;

    /** The post-state of a 5-wei legacy transfer at gas price 10 and base fee 7, built by hand. */
    private static Hash expectedRootAfterTransfer() {
        WorldState post = new WorldState(new InMemoryNodeStore());
        post.allocate(SENDER, 1, UInt256.of(1_000_000 - 5 - 21_000 * 10), new byte[0], Map.of());
        post.allocate(RECIPIENT, 0, UInt256.of(5), new byte[0], Map.of());
        post.allocate(COINBASE, 0, UInt256.of(21_000 * 3), new byte[0], Map.of());
        return post.commit();
    }

    private Report run(String posts) throws IOException {
        String json = """
                {"transfer": {
                  "env": {"currentCoinbase": "%s", "currentNumber": "0x01", "currentTimestamp": "0x03e8",
                          "currentGasLimit": "0x05f5e100", "currentBaseFee": "0x07", "currentDifficulty": "0x00",
                          "currentRandom": "0x0000000000000000000000000000000000000000000000000000000000000000",
                          "currentExcessBlobGas": "0x00"},
                  "pre": {"%s": {"balance": "0x0f4240", "code": "0x", "nonce": "0x00", "storage": {}}},
                  "transaction": {"data": ["0x"], "gasLimit": ["0x5208"], "gasPrice": "0x0a", "nonce": "0x00",
                                  "secretKey": "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
                                  "sender": "%s", "to": "%s", "value": ["0x05", "0x0f4241"]},
                  "post": {"Cancun": [%s]}
                }}""".formatted(COINBASE.toHex(), SENDER.toHex(), SENDER.toHex(), RECIPIENT.toHex(), posts);
        Path file = dir.resolve("transfer.json");
        Files.writeString(file, json);
        StringWriter out = new StringWriter();
        Report report = ConformanceRunner.run(new StateSuite(), List.of(file), "Cancun", new PrintWriter(out, true), 1);
        lines = out.toString().lines().toList();
        return report;
    }

    private List<String> lines;

    private static String post(Hash root, int value, String exception) {
        return "{\"hash\": \"" + root + "\", \"logs\": \"" + NO_LOGS + "\", \"indexes\": {\"data\": 0, \"gas\": 0, \"value\": " + value + "}"
                + (exception == null ? "" : ", \"expectException\": \"" + exception + "\"") + "}";
    }

    @Test
    void transferMatchesTheHandBuiltPostState() throws IOException {
        Report report = run(post(expectedRootAfterTransfer(), 0, null));
        assertThat(lines).isEmpty();
        assertThat(report.summary()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void wrongRootIsReportedWithFileTestAndIndexes() throws IOException {
        Report report = run(post(Hash.ZERO, 0, null));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(lines.get(0)).contains("transfer.json transfer d=0 g=0 v=0: state root ").endsWith("expected " + Hash.ZERO);
    }

    @Test
    void unaffordableValueMustBeRejectedWhenTheTestExpectsIt() throws IOException {
        Hash preRoot;
        WorldState pre = new WorldState(new InMemoryNodeStore());
        pre.allocate(SENDER, 0, UInt256.of(1_000_000), new byte[0], Map.of());
        preRoot = pre.commit();
        Report report = run(post(preRoot, 1, "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS") + ","
                + post(preRoot, 0, "TransactionException.INTRINSIC_GAS_TOO_LOW"));
        assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
        assertThat(lines.get(0)).contains("d=0 g=0 v=0: expected TransactionException.INTRINSIC_GAS_TOO_LOW but the transaction was executed");
    }

    private static String transferBytes(long value) {
        return Hex.encode(Transaction.builder(TransactionType.LEGACY).chainId(1).nonce(0).gasPrice(UInt256.of(10))
                .gasLimit(21_000).to(RECIPIENT).value(UInt256.of(value)).sign(KEY).encode());
    }

    private static String withTxBytes(String post, String txbytes) {
        return post.substring(0, post.length() - 1) + ", \"txbytes\": \"" + txbytes + "\"}";
    }

    @Test
    void txbytesAreDecodedAndTheirSenderRecovered() throws IOException {
        Report report = run(withTxBytes(post(expectedRootAfterTransfer(), 0, null), transferBytes(5)));
        assertThat(lines).isEmpty();
        assertThat(report.summary()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void txbytesThatDisagreeWithTheJsonFieldsAreAFailure() throws IOException {
        Report report = run(withTxBytes(post(expectedRootAfterTransfer(), 0, null), transferBytes(6)));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(lines.get(0)).contains("txbytes and the JSON fields disagree: value 6 vs 5");
    }

    @Test
    void undecodableTxbytesAreARejection() throws IOException {
        String truncated = transferBytes(5).substring(0, 40);
        Hash preRoot;
        WorldState pre = new WorldState(new InMemoryNodeStore());
        pre.allocate(SENDER, 0, UInt256.of(1_000_000), new byte[0], Map.of());
        preRoot = pre.commit();
        assertThat(run(withTxBytes(post(preRoot, 0, "TransactionException.RLP_ERROR"), truncated)).summary())
                .isEqualTo("1 passed, 0 failed");
        Report report = run(withTxBytes(post(expectedRootAfterTransfer(), 0, null), truncated));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(lines.get(0)).contains("transaction rejected: txbytes refused: MALFORMED: malformed legacy transaction: truncated RLP");
    }

    @Test
    void otherForksAreRefusedRatherThanCheckedAgainstCancunRules() throws IOException {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "{}");
        Report report = ConformanceRunner.run(new StateSuite(), List.of(file), "Shanghai", new PrintWriter(new StringWriter()), 1);
        assertThat(report.failed()).isEqualTo(1);
    }
}
